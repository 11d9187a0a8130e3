"""What a finished batch hands out: VC-JWT files in the bundle, status lists a verifier reads
offline, a cancelled batch that resumes, and a batch signed on a real PKCS#11 token."""

from __future__ import annotations

import io
import json
import zipfile
from contextlib import redirect_stdout

from sqlalchemy import select

from designer.issue.export import check_bundle, export_bundle
from designer.issue.pipeline import batch_state, issue_batch, run_batch
from designer.issue.plan import PlanRequest
from designer.issue.status import change_status, export_status_lists
from designer.keys.multikey import public_key_multibase
from designer.model import load_template
from designer.store import open_store
from designer.store.models import BATCH_INTERRUPTED, Batch, Credential
from designer.verification.credential import VERIFIED, verify_file
from designer.verification.issuers import TrustedIssuers

from .checks import check_batch_complete
from .conftest import db_url, new_batch_args, run, write_roster

ISSUER = "https://mirai.example/issuer"


def _request(ws, outputs=("json",), **kw) -> PlanRequest:
    kw.setdefault("key_ref", f"file:{ws / 'key.pem'}")
    return PlanRequest(
        template=load_template(ws / "t.shosho"),
        template_path=ws / "t.shosho",
        roster_path=ws / "roster.csv",
        issuer_ref=str(ws / "issuer.json"),
        out_dir=ws / "out",
        outputs=outputs,
        **kw,
    )


def _trusted(public_key) -> TrustedIssuers:
    trusted = TrustedIssuers()
    trusted.add(ISSUER, [public_key_multibase(public_key)], name="東京未来大学")
    return trusted


def _credentials(store) -> list[Credential]:
    with store.read() as session:
        return session.execute(select(Credential).order_by(Credential.seq)).scalars().all()


def test_vc_jwt_batch_writes_jwt_files_into_the_bundle(workspace, signer, tmp_path):
    write_roster(workspace / "roster.csv", 3)
    issued = run(workspace, *new_batch_args(workspace, "pdf,json,png"), "--suite", "vc-jwt")
    assert issued.returncode == 0, issued.stderr
    store = open_store(db_url(workspace))
    trusted = _trusted(signer.public_key())
    rows = _credentials(store)
    for row in rows:
        for suffix in (".jwt", ".pdf", ".png"):
            result = verify_file(workspace / "out" / f"{row.file_stem}{suffix}", trusted)
            assert result.verdict == VERIFIED, (suffix, result.reasons)
            assert "vc-jwt" in result.format
            assert result.credential["id"] == row.id
        assert not (workspace / "out" / f"{row.file_stem}.json").exists()
    bundle = tmp_path / "bundle.zip"
    export_bundle(store, 1, bundle, signer)
    assert check_bundle(bundle) == []
    with zipfile.ZipFile(bundle) as archive:
        tokens = [n for n in archive.namelist() if n.endswith(".jwt")]
        assert len(tokens) == 3
        token = archive.read(tokens[0]).decode("ascii")
    assert (
        token.count(".") == 2
        and token == (workspace / "out" / tokens[0].split("/")[-1]).read_text()
    )


def test_verify_with_an_exported_status_list_shows_revoked(workspace, signer, tmp_path):
    from designer.cli import main

    write_roster(workspace / "roster.csv", 2)
    store = open_store(db_url(workspace))
    assert issue_batch(store, _request(workspace), signer, workers=1).finished
    first, second = _credentials(store)
    change_status(store, first.id, "revoke", "issued in error")
    lists = export_status_lists(store, signer, tmp_path / "status")
    revocation = next(p for p in lists if p.name.startswith("revocation"))
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(
            ["verify", "--json", "--no-installed-trust", "--status-list", str(revocation),
             "--trust-issuer", f"{ISSUER}#{public_key_multibase(signer.public_key())}",
             str(workspace / "out" / f"{first.file_stem}.json"),
             str(workspace / "out" / f"{second.file_stem}.json")]
        )  # fmt: skip
    revoked, active = (json.loads(line) for line in out.getvalue().splitlines())
    assert revoked["credential"]["status"] == "revoked" and revoked["verdict"] == "invalid"
    assert active["credential"]["status"] == "active" and active["verdict"] == "verified"
    assert code == 1


def test_cancel_leaves_a_batch_that_resumes(workspace, signer):
    write_roster(workspace / "roster.csv", 200)
    store = open_store(db_url(workspace))
    seen = []

    def progress(p) -> None:
        seen.append(p.done)

    result = issue_batch(
        store,
        _request(workspace, outputs=("json", "png", "svg")),
        signer,
        workers=1,
        progress=progress,
        should_cancel=lambda: len(seen) > 1,
    )
    assert result.cancelled and not result.finished
    assert 0 < result.done < 200
    with store.read() as session:
        batch = session.get(Batch, result.batch_id)
        assert batch_state(batch) == BATCH_INTERRUPTED
        assert batch.last_error == "cancelled"
    resumed = run_batch(store, result.batch_id, signer, workers=1)
    assert resumed.finished and resumed.signed_now == 200 - result.signed_now
    check_batch_complete(db_url(workspace), workspace / "out", signer.public_key(), 200)


def test_issue_on_a_softhsm_token(workspace, softhsm):
    from designer.keys.references import open_signer
    from designer.verification.paper import verify_paper
    from designer.verification.trust_list import seal_key_entry, trust_list_from_issuers

    write_roster(workspace / "roster.csv", 3)
    key_uri = softhsm.make_key("ed25519")
    token = open_signer(key_uri, pin_provider=softhsm.pin_provider)
    store = open_store(db_url(workspace))
    request = _request(workspace, outputs=("pdf", "json", "png", "svg"), key_ref=key_uri)
    assert issue_batch(store, request, token, workers=2).finished
    check_batch_complete(db_url(workspace), workspace / "out", token.public_key(), 3)
    trust = trust_list_from_issuers(
        [{"id": ISSUER, "name": "Tokyo Mirai", "sealKeys": [seal_key_entry(token.public_key())]}]
    )
    for row in _credentials(store):
        verdict = verify_paper(workspace / "out" / f"{row.file_stem}.pdf", trust)
        assert verdict.genuine and verdict.credential_matches, verdict.notes
