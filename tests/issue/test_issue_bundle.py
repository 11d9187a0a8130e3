"""Bundles for upload: never the files of revoked or superseded credentials, a README naming
the real hosts, one issuer per bundle (by batch, issuer or period), no silent overwrite, and a
did.json that keeps the keys already published."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from designer.cli import main
from designer.errors import ShoshoError, UsageError
from designer.issue import lifecycle
from designer.issue.export import BundleSelection, check_bundle, export_bundle
from designer.issue.lookup import batch_credentials
from designer.issue.pipeline import issue_batch
from designer.issue.plan import PlanRequest
from designer.keys.did import did_document
from designer.keys.keyfile import FileSigner
from designer.model import load_template
from designer.store import open_store

from .conftest import PASSPHRASE, db_url, write_roster

DID = "did:web:mirai.example"


def _request(ws, issuer="issuer.json", out="out", **kw):
    return PlanRequest(
        template=load_template(ws / "t.shosho"),
        template_path=ws / "t.shosho",
        roster_path=ws / "roster.csv",
        issuer_ref=str(ws / issuer),
        key_ref=f"file:{ws / 'key.pem'}",
        out_dir=ws / out,
        outputs=("json", "png"),
        **kw,
    )


@pytest.fixture
def did_web_issuer(workspace):
    profile = json.loads((workspace / "issuer.json").read_text("utf-8"))
    profile["id"] = DID
    (workspace / "issuer.json").write_text(json.dumps(profile), "utf-8")
    return workspace


def _read(bundle):
    with zipfile.ZipFile(bundle) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_bundle_leaves_out_revoked_and_superseded_and_says_where_to_upload(
    did_web_issuer, signer, tmp_path
):
    ws = did_web_issuer
    store = open_store(db_url(ws))
    write_roster(ws / "roster.csv", 4)
    issue_batch(store, _request(ws), signer, workers=1)
    first, second, third, _fourth = batch_credentials(store, 1)
    lifecycle.revoke(store, first.id, "left")
    fixed = issue_batch(store, _request(ws, out="fix", rows="3", reissue=True), signer, workers=1)
    [replacement] = batch_credentials(store, fixed.batch_id)
    bundle = tmp_path / "term.zip"
    manifest = export_bundle(store, 1, bundle, signer)
    assert check_bundle(bundle) == []
    entries = _read(bundle)
    recipients = {name.split("/")[1] for name in entries if name.startswith("recipients/")}
    assert recipients == {third.files[0].stem, _fourth.files[0].stem}
    withdrawn = {w["credential_id"]: w for w in manifest["withdrawn"]}
    assert set(withdrawn) == {first.id, second.id}
    assert withdrawn[second.id]["status"] == "superseded"
    assert withdrawn[second.id]["superseded_by"] == replacement.id
    assert all(w["files"] == [] for w in withdrawn.values())
    csv_text = entries["manifest.csv"].decode("utf-8-sig")
    assert f"superseded,superseded by {replacement.id}" in csv_text
    readme = entries["README.txt"].decode("utf-8")
    assert "<host>" not in readme
    assert "https://mirai.example/.well-known/did.json" in readme
    assert "https://mirai.example/status/" in readme and "status/revocation-1.json" in readme
    assert "https://mirai.example/v/" in readme and "verify-page" in readme
    assert "PERSONAL DATA" in readme and "2 revoked or superseded" in readme


def test_bundle_is_not_overwritten_without_force(workspace, signer, tmp_path):
    store = open_store(db_url(workspace))
    write_roster(workspace / "roster.csv", 2)
    issue_batch(store, _request(workspace), signer, workers=1)
    bundle = tmp_path / "bundle.zip"
    bundle.write_bytes(b"an earlier bundle")
    with pytest.raises(ShoshoError, match="already exists.*--force"):
        export_bundle(store, 1, bundle, None)
    assert bundle.read_bytes() == b"an earlier bundle"
    db = db_url(workspace)
    assert main(["export", "1", "--out", str(bundle), "--db", db]) != 0
    assert main(["export", "1", "--out", str(bundle), "--force", "--db", db]) == 0
    assert check_bundle(bundle) == []


def test_bundle_by_issuer_and_period(workspace, signer, tmp_path):
    ws = workspace
    store = open_store(db_url(ws))
    write_roster(ws / "roster.csv", 2)
    issue_batch(store, _request(ws), signer, workers=1)
    other = json.loads((ws / "issuer.json").read_text("utf-8"))
    other.update(
        id="https://ext.mirai.example/issuer",
        name="Extension School",
        status_list_url="https://ext.mirai.example/status/",
    )
    (ws / "extension.json").write_text(json.dumps(other), "utf-8")
    write_roster(ws / "roster.csv", 3, start=10)
    other_key = FileSigner(ws / "other.pem", ed25519.Ed25519PrivateKey.generate())
    issue_batch(store, _request(ws, issuer="extension.json", out="ext"), other_key, workers=1)
    today = dt.date.today()
    with pytest.raises(UsageError, match="several issuers.*--issuer"):
        export_bundle(store, BundleSelection(since=today), tmp_path / "all.zip", None)
    manifest = export_bundle(
        store,
        BundleSelection(issuer="extension", since=today, until=today),
        tmp_path / "e.zip",
        None,
    )
    assert manifest["issuer"] == "https://ext.mirai.example/issuer"
    assert len(manifest["recipients"]) == 3
    with pytest.raises(ShoshoError, match="no credentials"):
        export_bundle(
            store,
            BundleSelection(issuer="extension", until=today - dt.timedelta(days=1)),
            tmp_path / "none.zip",
            None,
        )
    # two batches of one issuer: each batch's people in their own folder
    write_roster(ws / "roster.csv", 2, start=20)
    issue_batch(store, _request(ws, out="out2"), signer, workers=1)
    both = export_bundle(store, BundleSelection(issuer="issuer"), tmp_path / "u.zip", None)
    assert len(both["recipients"]) == 4
    folders = {row["files"][0].split("/")[1] for row in both["recipients"]}
    assert folders == {"batch-1", "batch-3"}


def test_bundle_did_json_keeps_published_keys(did_web_issuer, signer, tmp_path, monkeypatch):
    ws = did_web_issuer
    monkeypatch.setenv("SHOSHO_PASSPHRASE", PASSPHRASE)
    store = open_store(db_url(ws))
    write_roster(ws / "roster.csv", 1)
    issue_batch(store, _request(ws), signer, workers=1)
    old_key = ed25519.Ed25519PrivateKey.generate().public_key()
    published = did_document(DID, [old_key])
    (tmp_path / "did.json").write_text(json.dumps(published), "utf-8")
    bundle = tmp_path / "b.zip"
    code = main(
        [
            "export", "1", "--out", str(bundle), "--key", f"file:{ws / 'key.pem'}",
            "--did-json", str(tmp_path / "did.json"), "--db", db_url(ws),
        ]
    )  # fmt: skip
    assert code == 0
    document = json.loads(_read(bundle)["issuer/did.json"])
    ids = [method["id"] for method in document["verificationMethod"]]
    assert ids[0] == published["verificationMethod"][0]["id"] and len(ids) == 2
