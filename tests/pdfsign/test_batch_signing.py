"""A batch issued with --sign-pdf: every PDF carries a PAdES signature by the token key that
signs its credential, which pyHanko's validator and poppler's pdfsig both accept; a byte
changed afterwards fails both; the credential and the printed seal keep verifying."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import select

from designer.cli import main
from designer.keys.did import key_fingerprint
from designer.pdfsign.checking import check_pdf_signatures
from designer.store import audit, open_store
from designer.store.models import AuditEntry, Credential
from designer.verification.any_item import Trust, verify_item
from designer.verification.credential import VERIFIED
from designer.verification.paper import render_pdf_page, verify_paper
from designer.verification.trust_list import seal_key_entry, trust_list_from_issuers

from .conftest import ISSUER, db_url, issue_args, stored_certificate


def pdfsig(path: Path) -> tuple[int, str]:
    tool = shutil.which("pdfsig")
    if tool is None:
        pytest.fail("pdfsig is not installed: apt-get install poppler-utils", pytrace=False)
    done = subprocess.run([tool, str(path)], capture_output=True, text=True, timeout=60)
    return done.returncode, done.stdout + done.stderr


def token_public_key(softhsm, key: str):
    from designer.keys.references import open_signer

    with open_signer(key, pin_provider=softhsm.pin_provider) as signer:
        return signer.public_key()


def trust_for(public_key, certificate) -> Trust:
    trust = Trust()
    trust.credentials.add(ISSUER, [key_fingerprint(public_key)], name="東京未来大学")
    if isinstance(public_key, rsa.RSAPublicKey):
        trust.pdf_roots = [certificate]
        return trust  # RSA keys sign no printed seal
    trust.seals = trust_list_from_issuers(
        [
            {
                "id": ISSUER,
                "name": {"ja": "東京未来大学", "en": "Tokyo Mirai University"},
                "verifyUrl": "https://mirai.example/v/",
                "sealKeys": [seal_key_entry(public_key)],
            }
        ]
    )
    trust.pdf_roots = [certificate]
    return trust


def flip_byte_inside_signed_range(pdf: Path) -> None:
    data = bytearray(pdf.read_bytes())
    at = data.index(b"stream", 200) + 20  # inside the first page's content, covered by /ByteRange
    data[at] ^= 0x01
    pdf.write_bytes(bytes(data))


def test_every_pdf_of_a_signed_batch_validates_and_keeps_credential_and_seal(
    workspace, home, p256_key, softhsm, tmp_path
):
    assert main(issue_args(workspace, p256_key, "--sign-pdf")) == 0
    store = open_store(db_url(workspace))
    with store.read() as session:
        rows = session.execute(select(Credential).order_by(Credential.seq)).scalars().all()
        signed_entries = session.execute(
            select(AuditEntry.subject, AuditEntry.details_json).where(
                AuditEntry.action == "pdf.sign"
            )
        ).all()
        assert audit.verify_chain(session).ok
    assert len(rows) == 4
    assert sorted(s for s, _ in signed_entries) == sorted(r.id for r in rows), "journaled once"
    public_key = token_public_key(softhsm, p256_key)
    certificate = stored_certificate(home, p256_key)
    trust = trust_for(public_key, certificate)
    for row in rows:
        pdf = workspace / "out" / f"{row.file_stem}.pdf"
        files = json.loads(row.files_json)
        assert hashlib.sha256(pdf.read_bytes()).hexdigest() == files[pdf.name]

        # still PDF/A-3b, its metadata in agreement
        with pikepdf.open(pdf) as document, document.open_metadata() as xmp:
            assert xmp["pdfaid:part"] == "3"
            assert xmp["pdf:Producer"] == str(document.docinfo.Producer)

        report = check_pdf_signatures(pdf.read_bytes(), [certificate])
        (signature,) = report.signatures
        assert signature.sound and signature.chain == "trusted", signature
        assert "TRIAL" in signature.signer
        code, output = pdfsig(pdf)
        assert code == 0 and "Signature Validation: Signature is Valid." in output, output
        assert "Total document signed" in output, output

        result = verify_item(pdf, trust)
        assert result.credential.verdict == VERIFIED, result.describe()
        assert result.paper.genuine, result.describe()
        assert result.pdf_signatures.same_key_as_credential is True
        assert result.exit_code == 0, result.describe()
        assert "PDF signature 'Shosho-Signature': VALID" in result.describe()

        scan = tmp_path / f"{row.file_stem}.png"
        render_pdf_page(pdf, dpi=150).save(scan)
        assert verify_paper(scan, trust.seals).genuine, "seal read from a 150 dpi rendering"

    tampered = workspace / "out" / f"{rows[0].file_stem}.pdf"
    flip_byte_inside_signed_range(tampered)
    (signature,) = check_pdf_signatures(tampered.read_bytes(), [certificate]).signatures
    assert not signature.sound and not signature.intact
    code, output = pdfsig(tampered)
    assert "Signature is Valid." not in output, output
    assert "Digest Mismatch" in output or "Signature is Invalid" in output, output
    result = verify_item(tampered, trust)
    assert result.exit_code != 0
    assert "INVALID" in result.headline
