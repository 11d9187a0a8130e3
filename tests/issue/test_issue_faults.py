"""Faults and bad input: a pulled token, a full disk, people already issued, a second
process on the same batch, files changed between plan and resume; then revoke and export."""

from __future__ import annotations

import errno
import json
import subprocess
import zipfile

import pytest

from designer.errors import ShoshoError
from designer.issue import files as files_module
from designer.issue.export import check_bundle, export_bundle
from designer.issue.pipeline import issue_batch, resume_notes, run_batch
from designer.issue.plan import AlreadyIssued, PlanRequest
from designer.issue.status import change_status
from designer.model import load_template
from designer.status_lists import decode_list, get_bit
from designer.store import open_store
from designer.store.models import Credential, StatusList

from .checks import check_batch_complete
from .conftest import command_env, db_url, issue_command, new_batch_args, run, write_roster


def _request(ws, outputs=("pdf", "json", "png", "svg"), **kw):
    return PlanRequest(
        template=load_template(ws / "t.shosho"),
        template_path=ws / "t.shosho",
        roster_path=ws / "roster.csv",
        issuer_ref=str(ws / "issuer.json"),
        key_ref=f"file:{ws / 'key.pem'}",
        out_dir=ws / "out",
        outputs=outputs,
        **kw,
    )


class PulledToken:
    """A real key that stops signing after ``limit`` signatures, like a token pulled out."""

    def __init__(self, signer, limit):
        self.inner, self.limit, self.count = signer, limit, 0
        self.algorithm, self.key_id = signer.algorithm, signer.key_id

    def sign(self, data):
        self.count += 1
        if self.count > self.limit:
            raise RuntimeError("CKR_DEVICE_REMOVED")
        return self.inner.sign(data)

    def public_key(self):
        return self.inner.public_key()


def test_pulled_token_then_resume(workspace, signer):
    store = open_store(db_url(workspace))
    with pytest.raises(ShoshoError, match="stopped signing"):
        issue_batch(store, _request(workspace), PulledToken(signer, 150), workers=1)
    with store.read() as session:
        signed = session.query(Credential).filter(Credential.signed_json.is_not(None)).count()
    assert 0 < signed < 300
    result = run_batch(store, 1, signer, workers=2)
    assert result.finished and result.signed_now == 300 - signed
    check_batch_complete(db_url(workspace), workspace / "out", signer.public_key(), 300)


def test_full_disk_then_resume(workspace, signer, monkeypatch):
    store = open_store(db_url(workspace))
    real_write, calls = files_module._write_all, {"n": 0}

    def failing_write(descriptor, data):
        calls["n"] += 1
        if calls["n"] > 200:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(descriptor, data)

    monkeypatch.setattr(files_module, "_write_all", failing_write)
    with pytest.raises(ShoshoError, match="disk is full"):
        issue_batch(store, _request(workspace), signer, workers=1)
    monkeypatch.setattr(files_module, "_write_all", real_write)
    assert run_batch(store, 1, signer, workers=1).finished
    check_batch_complete(db_url(workspace), workspace / "out", signer.public_key(), 300)


def test_same_people_again_needs_reissue_which_supersedes(workspace, signer):
    store = open_store(db_url(workspace))
    write_roster(workspace / "roster.csv", 5)
    assert issue_batch(store, _request(workspace), signer, workers=1).finished
    write_roster(workspace / "roster.csv", 7)
    with pytest.raises(AlreadyIssued) as caught:
        issue_batch(
            store,
            _request(workspace, out_dir=None) if False else _request(workspace),
            signer,
            workers=1,
        )
    assert "row 2 (山田 太郎0, S00000) has urn:uuid:" in str(caught.value)
    assert len(caught.value.holders) == 5
    again = issue_batch(store, _request(workspace, reissue=True), signer, workers=1)
    assert again.finished and again.total == 7
    with store.read() as session:
        statuses = sorted(c.status for c in session.query(Credential))
    assert statuses == ["active"] * 7 + ["superseded"] * 5


def test_changed_roster_and_template_are_reported_on_resume(workspace, signer):
    store = open_store(db_url(workspace))
    with pytest.raises(ShoshoError):
        issue_batch(store, _request(workspace), PulledToken(signer, 10), workers=1)
    write_roster(workspace / "roster.csv", 300, start=1000)
    template = load_template(workspace / "t.shosho")
    template.name = "edited"
    from designer.model import save_template

    save_template(template, workspace / "t.shosho")
    notes = resume_notes(store, 1)
    assert any("t.shosho was edited" in n for n in notes)
    assert any("roster.csv changed" in n for n in notes)
    assert run_batch(store, 1, signer, workers=1).finished
    with store.read() as session:
        names = {c.recipient_name for c in session.query(Credential)}
    assert "山田 太郎0" in names and "山田 太郎1000" not in names


def test_second_process_on_same_batch_is_refused(workspace, signer):
    env = command_env(workspace)
    first = subprocess.Popen(
        issue_command(workspace, *new_batch_args(workspace), "--workers", "1"),
        env=env,
        cwd=workspace,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    import time

    # Planning 300 people can take minutes on a loaded machine: wait for the batch to exist.
    deadline = time.time() + 240
    while time.time() < deadline and first.poll() is None:
        second = run(workspace, "--resume", "1")
        if "there is no batch" not in second.stderr:
            break
        time.sleep(0.2)
    first.communicate(timeout=300)
    assert first.returncode == 0
    assert second.returncode == 1
    assert "is being issued right now" in second.stderr
    again = run(workspace, *new_batch_args(workspace))
    assert again.returncode == 1 and "already have this credential" in again.stderr
    check_batch_complete(db_url(workspace), workspace / "out", signer.public_key(), 300)


def test_revoke_suspend_and_export(workspace, signer, tmp_path):
    from .conftest import make_template

    make_template(workspace / "t.shosho", kind="card")
    write_roster(workspace / "roster.csv", 4)
    store = open_store(db_url(workspace))
    assert issue_batch(store, _request(workspace), signer, workers=1).finished
    with store.read() as session:
        first, second = session.query(Credential).order_by(Credential.seq).limit(2).all()
    assert change_status(store, first.id, "revoke", "issued in error") == "revoked"
    assert change_status(store, second.id, "suspend", "card lost") == "suspended"
    assert change_status(store, second.id, "unsuspend", "card found") == "active"
    with pytest.raises(ShoshoError, match="already revoked"):
        change_status(store, first.id, "suspend", "x")
    bundle = tmp_path / "bundle.zip"
    manifest = export_bundle(store, 1, bundle, signer)
    assert check_bundle(bundle) == []
    with zipfile.ZipFile(bundle) as archive:
        lists = {
            n: json.loads(archive.read(n)) for n in archive.namelist() if n.startswith("status/")
        }
    assert sorted(lists) == [  # laid out by URL: status/<host>/<path>
        "status/mirai.example/status/revocation-1.json",
        "status/mirai.example/status/suspension-1.json",
    ]
    revocation = lists["status/mirai.example/status/revocation-1.json"]
    bits = decode_list(revocation["credentialSubject"]["encodedList"])
    assert get_bit(bits, first.revocation_index) and not get_bit(bits, second.revocation_index)
    assert revocation["proof"][0]["cryptosuite"] == "eddsa-rdfc-2022"
    assert len(manifest["recipients"]) == 3
    assert [w["credential_id"] for w in manifest["withdrawn"]] == [first.id]
    with store.read() as session:
        assert all(s.size >= 131072 for s in session.query(StatusList))
    # a changed byte in the bundle is found
    with zipfile.ZipFile(bundle) as archive:
        entries = {n: archive.read(n) for n in archive.namelist()}
    name = next(n for n in entries if n.endswith(".json") and n.startswith("recipients/"))
    entries[name] = entries[name].replace(b"Python", b"Pythoff")
    with zipfile.ZipFile(bundle, "w") as archive:
        for n, data in entries.items():
            archive.writestr(n, data)
    assert check_bundle(bundle) == [f"{name}: SHA-256 does not match the manifest"]


def test_manifest_csv_neutralises_formulas():
    from designer.issue.export import neutralise

    assert neutralise('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert neutralise("山田") == "山田"
