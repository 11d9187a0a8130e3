"""Tamper tests: every table a verdict depends on is sealed in the audit log, so
``shosho audit verify`` names each edit made around the program, and a cut-off end of the log
is found through the signed checkpoint kept outside the database."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import text

from designer.cli import main
from designer.issue.pipeline import issue_batch
from designer.issue.plan import PlanRequest
from designer.issue.status import change_status, export_status_lists
from designer.model import load_template
from designer.store import audit, close_stores, open_store
from tests.issue.conftest import make_template, write_roster


@pytest.fixture(scope="module")
def issued(tmp_path_factory):
    """A store with three people issued, one revoked, the status lists exported."""
    import json

    from cryptography.hazmat.primitives.asymmetric import ed25519

    from designer.keys.keyfile import FileSigner

    folder = tmp_path_factory.mktemp("sealed")
    home = folder / "home"
    patch = pytest.MonkeyPatch()
    patch.setenv("SHOSHO_HOME", str(home))
    make_template(folder / "t.shosho")
    write_roster(folder / "roster.csv", 3)
    (folder / "issuer.json").write_text(
        json.dumps(
            {
                "id": "https://mirai.example/issuer",
                "name": {"ja": "東京未来大学", "en": "Tokyo Mirai University"},
                "url": "https://mirai.example/",
                "status_list_url": "https://mirai.example/status/",
                "verify_url": "https://mirai.example/v/",
            }
        ),
        encoding="utf-8",
    )
    signer = FileSigner(folder / "key.pem", ed25519.Ed25519PrivateKey.generate())
    url = "sqlite:///" + (folder / "shosho.db").as_posix()
    store = open_store(url)
    request = PlanRequest(
        template=load_template(folder / "t.shosho"),
        template_path=folder / "t.shosho",
        roster_path=folder / "roster.csv",
        issuer_ref=str(folder / "issuer.json"),
        key_ref="file:key.pem",
        out_dir=folder / "out",
        outputs=("json",),
    )
    assert issue_batch(store, request, signer, workers=1).finished
    with store.read() as session:
        first = session.execute(text("SELECT id FROM credentials ORDER BY seq")).scalars().first()
    change_status(store, first, "revoke", "issued in error")
    export_status_lists(store, signer, folder / "status")
    close_stores()
    yield folder, url, audit.checkpoint_path(url)
    patch.undo()


def _copy(issued, tmp_path, monkeypatch) -> str:
    folder, url, checkpoint = issued
    monkeypatch.setenv("SHOSHO_HOME", str(folder / "home"))
    shutil.copy(folder / "shosho.db", tmp_path / "copy.db")
    copy_url = "sqlite:///" + (tmp_path / "copy.db").as_posix()
    target = audit.checkpoint_path(copy_url)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(checkpoint, target)  # the copy's own machine kept the same checkpoint
    return copy_url


def _tamper(url: str, *statements: str) -> None:
    store = open_store(url)
    with store.engine.begin() as connection:  # around the program: no seal, no log entry
        for statement in statements:
            connection.execute(text(statement))
    close_stores()


def _audit(url: str, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["audit", "verify", "--db", url])
    close_stores()
    return code, capsys.readouterr().out


def test_an_untouched_store_is_intact(issued, tmp_path, monkeypatch, capsys):
    url = _copy(issued, tmp_path, monkeypatch)
    code, out = _audit(url, capsys)
    assert code == 0, out
    assert "intact" in out and "store content matches the log" in out


REVOKED = "(SELECT id FROM credentials WHERE status = 'revoked')"


@pytest.mark.parametrize(
    ("statements", "named"),
    [
        (["UPDATE status_lists SET bits = zeroblob(length(bits))"], "bits"),
        ([f"DELETE FROM credentials WHERE id = {REVOKED}"], "was deleted"),
        (["UPDATE credentials SET signed_json = replace(signed_json, 'Python', 'Pithon')"],
         "signed_json"),
        (["UPDATE credentials SET recipient_name = 'Mallory' WHERE seq = 2"], "recipient_name"),
        (["UPDATE credentials SET revocation_index = revocation_index + 100 WHERE seq = 2"],
         "revocation_index"),
        (["UPDATE credentials SET values_json = '{}' WHERE seq = 3"], "values_json"),
        (["UPDATE credentials SET status = 'active', status_reason = NULL"], "status"),
        (["UPDATE issuers SET profile_json = replace(profile_json, 'mirai', 'evil')"],
         "profile_json"),
        (["UPDATE templates SET content = X'00'"], "content"),
        (["UPDATE status_lists SET next_index = 0"], "next_index"),
    ],
    ids=["bits", "deleted", "signed_json", "recipient", "index", "values", "status", "profile",
         "template", "next_index"],
)  # fmt: skip
def test_each_edit_is_named(issued, tmp_path, monkeypatch, capsys, statements, named):
    url = _copy(issued, tmp_path, monkeypatch)
    _tamper(url, *statements)
    code, out = _audit(url, capsys)
    assert code == 1 and "BROKEN" in out
    assert named in out, out


def test_a_cut_off_end_of_the_log_is_found_by_the_checkpoint(issued, tmp_path, monkeypatch, capsys):
    url = _copy(issued, tmp_path, monkeypatch)
    store = open_store(url)
    with store.read() as session:
        last = session.execute(text("SELECT max(seq) FROM audit_log")).scalar()
    close_stores()
    # the status export and its checkpoint entry: nothing sealed goes with them
    _tamper(url, f"DELETE FROM audit_log WHERE seq >= {last - 1}")
    code, out = _audit(url, capsys)
    assert code == 1 and "cut off" in out, out


def test_a_cut_off_revocation_is_found(issued, tmp_path, monkeypatch, capsys):
    url = _copy(issued, tmp_path, monkeypatch)
    folder, _, _ = issued
    audit.checkpoint_path(url).unlink()  # even without the checkpoint
    _tamper(url, "DELETE FROM audit_log WHERE seq > (SELECT seq FROM audit_log "
            "WHERE action = 'credential.revoke')")  # fmt: skip
    _tamper(url, "DELETE FROM audit_log WHERE action = 'credential.revoke'")
    code, out = _audit(url, capsys)
    assert code == 1 and "status list" in out, out


def test_a_forged_checkpoint_is_refused(issued, tmp_path, monkeypatch, capsys):
    import json

    url = _copy(issued, tmp_path, monkeypatch)
    path = audit.checkpoint_path(url)
    checkpoint = json.loads(path.read_text())
    checkpoint["seq"] = 2
    path.write_text(json.dumps(checkpoint))
    code, out = _audit(url, capsys)
    assert code == 1 and "signature" in out, out
