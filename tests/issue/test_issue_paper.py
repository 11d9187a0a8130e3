"""Printed certificates: every PDF carries a QR seal signed with the batch's key over the values
as printed, which the offline paper verifier finds genuine and matching the attached credential;
and the attached credential itself verifies."""

from __future__ import annotations

import uuid

from pypdf import PdfReader
from sqlalchemy import select

from designer.issue.pipeline import issue_batch
from designer.issue.plan import PlanRequest
from designer.keys.multikey import public_key_multibase
from designer.model import load_template
from designer.store import open_store
from designer.store.models import Credential
from designer.verification.credential import VERIFIED, verify_file
from designer.verification.issuers import TrustedIssuers
from designer.verification.paper import verify_paper
from designer.verification.trust_list import seal_key_entry, trust_list_from_issuers

from .conftest import db_url

ISSUER = "https://mirai.example/issuer"


def _issue_three(ws, signer, **kw):
    from .conftest import write_roster

    write_roster(ws / "roster.csv", 3)
    store = open_store(db_url(ws))
    request = PlanRequest(
        template=load_template(ws / "t.shosho"),
        template_path=ws / "t.shosho",
        roster_path=ws / "roster.csv",
        issuer_ref=str(ws / "issuer.json"),
        key_ref=f"file:{ws / 'key.pem'}",
        out_dir=ws / "out",
        outputs=("pdf", "json"),
        **kw,
    )
    assert issue_batch(store, request, signer, workers=1).finished
    with store.read() as session:
        return session.execute(select(Credential).order_by(Credential.seq)).scalars().all()


def test_printed_qr_is_a_genuine_seal_of_the_attached_credential(workspace, signer):
    rows = _issue_three(workspace, signer)
    trust = trust_list_from_issuers(
        [
            {
                "id": ISSUER,
                "name": {"ja": "東京未来大学", "en": "Tokyo Mirai University"},
                "verifyUrl": "https://mirai.example/v/",
                "sealKeys": [seal_key_entry(signer.public_key())],
            }
        ]
    )
    trusted = TrustedIssuers()
    trusted.add(ISSUER, [public_key_multibase(signer.public_key())], name="東京未来大学")
    for n, row in enumerate(rows):
        pdf = workspace / "out" / f"{row.file_stem}.pdf"
        verdict = verify_paper(pdf, trust)
        assert verdict.genuine, (verdict.seal, verdict.notes)
        assert verdict.credential_matches is True
        assert verdict.text == row.qr_text, "the QR printed is the one journaled"
        assert verdict.text.startswith("https://mirai.example/v/#")
        claims = verdict.seal.claims
        assert claims.credential_id == uuid.UUID(row.id.removeprefix("urn:uuid:"))
        assert claims.name == f"山田 太郎{n}"
        assert claims.achievement == "Python 基礎"
        assert claims.status_index == row.revocation_index
        attached = verify_file(pdf, trusted)
        assert attached.verdict == VERIFIED, attached.reasons
        assert attached.credential["id"] == row.id
        page_text = PdfReader(pdf).pages[0].extract_text()
        assert "mirai.example" in page_text, "the verify host is printed beside the QR"


def test_a_seal_from_another_key_is_not_genuine(workspace, signer):
    from cryptography.hazmat.primitives.asymmetric import ed25519

    rows = _issue_three(workspace, signer)
    stranger = ed25519.Ed25519PrivateKey.generate().public_key()
    trust = trust_list_from_issuers(
        [{"id": ISSUER, "name": "Tokyo Mirai", "sealKeys": [seal_key_entry(stranger)]}]
    )
    verdict = verify_paper(workspace / "out" / f"{rows[0].file_stem}.pdf", trust)
    assert not verdict.genuine
    assert verdict.seal.status == "unknown_issuer"


def test_vc_jwt_pdf_attaches_credential_jwt_as_an_associated_file_the_seal_signs(workspace, signer):
    from designer.signing.seal import credential_digest

    rows = _issue_three(workspace, signer, suite="vc-jwt")
    trust = trust_list_from_issuers(
        [
            {
                "id": ISSUER,
                "name": "Tokyo Mirai University",
                "verifyUrl": "https://mirai.example/v/",
                "sealKeys": [seal_key_entry(signer.public_key())],
            }
        ]
    )
    trusted = TrustedIssuers()
    trusted.add(ISSUER, [public_key_multibase(signer.public_key())], name="Tokyo Mirai")
    for row in rows:
        pdf = workspace / "out" / f"{row.file_stem}.pdf"
        token = (workspace / "out" / f"{row.file_stem}.jwt").read_text("ascii")
        reader = PdfReader(pdf)
        assert reader.attachments == {"credential.jwt": [token.encode("ascii")]}
        [spec] = [ref.get_object() for ref in reader.trailer["/Root"]["/AF"]]
        assert spec["/F"] == "credential.jwt" and spec["/AFRelationship"] == "/Data"
        assert spec["/EF"]["/F"].get_object()["/Subtype"] == "/application/vc+jwt"
        verdict = verify_paper(pdf, trust)
        assert verdict.genuine and verdict.credential_matches is True, verdict.notes
        assert verdict.credential_name == "credential.jwt"
        assert verdict.seal.claims.credential_digest == credential_digest(token)[:16]
        assert verify_file(pdf, trusted).verdict == VERIFIED
