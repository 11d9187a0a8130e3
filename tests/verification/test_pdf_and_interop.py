"""Verifying a PDF's attached credential, and cross-checking with an independent verifier."""

from __future__ import annotations

import io
import json
import subprocess

import pytest
from pypdf import PdfWriter

from designer.keys.did import did_document, did_web
from designer.signing.suites import sign_credential
from designer.verification.credential import INVALID, VERIFIED, verify_file
from designer.verification.issuers import TrustedIssuers
from tests.interop.verifier import verifier_command
from tests.signing.helpers import NOW, MemorySigner, sample_credential


def _pdf_with(attachment: bytes | None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if attachment is not None:
        writer.add_attachment("credential.json", attachment)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_pdf_attachment_is_verified(tmp_path):
    signer = MemorySigner.ed25519()
    did = did_web("example.ac.jp")
    signed = sign_credential(sample_credential(issuer_id=did), signer)
    trust = TrustedIssuers()
    trust.add_did_document(did_document(did, [signer.public_key()]))
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(_pdf_with(json.dumps(signed, ensure_ascii=False).encode()))
    result = verify_file(pdf, trust, now=NOW)
    assert result.verdict == VERIFIED and result.format == "pdf"
    assert result.subject_name == "山田 太郎"
    bare = tmp_path / "bare.pdf"
    bare.write_bytes(_pdf_with(None))
    result = verify_file(bare, trust, now=NOW)
    assert result.verdict == INVALID and "credential.json" in result.reasons[0]


@pytest.mark.parametrize(
    ("key_type", "suite"),
    [
        ("ed25519", "eddsa-rdfc-2022"),
        ("p256", "ecdsa-rdfc-2019"),
        ("ed25519", "vc-jwt"),
        ("p256", "vc-jwt"),
    ],
)
def test_independent_verifier_accepts_our_output(tmp_path, key_type, suite):
    command = verifier_command()
    signer = MemorySigner.ed25519() if key_type == "ed25519" else MemorySigner.p256()
    from designer.keys.multikey import did_key

    signed = sign_credential(
        sample_credential(issuer_id=did_key(signer.public_key())), signer, suite=suite
    )
    out = tmp_path / ("signed.jwt" if isinstance(signed, str) else "signed.json")
    out.write_text(signed if isinstance(signed, str) else json.dumps(signed, ensure_ascii=False))
    done = subprocess.run(
        [*command, str(out), "--did-key-only"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("VERIFIED OpenBadgeCredential did:key:")
