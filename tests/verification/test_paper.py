"""Reading the seal back from paper: photos, scans and PDF pages rasterised at 150 dpi."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pypdf
import pytest
from PIL import Image, ImageFilter
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from designer.errors import ShoshoError
from designer.signing.seal import (
    GENUINE,
    NOT_GENUINE,
    credential_digest,
    seal_qr_matrix,
    seal_qr_text,
)
from designer.verification.paper import verify_paper
from designer.verification.trust_list import trust_list_from_issuers
from tests.signing.test_seal_support import KeySigner, certificate_claims, issuer_entry

URL = "https://www.tokyo-mirai.ac.jp/v/"
CREDENTIAL = {
    "@context": ["https://www.w3.org/ns/credentials/v2"],
    "id": "urn:uuid:6f1d2b5e-3f2a-4a77-9c1e-2a0b9c1d4e5f",
    "credentialSubject": {"achievement": {"name": "データサイエンス基礎 修了"}},
    "proof": {"type": "DataIntegrityProof", "proofValue": "z5Y9"},
}


@pytest.fixture(scope="module")
def sealed() -> tuple[str, object]:
    signer = KeySigner()
    claims = certificate_claims(credential=CREDENTIAL, credential_sha256=None)
    return seal_qr_text(claims, signer, URL), trust_list_from_issuers([issuer_entry(signer)])


def printed_page(text: str, dpi: int, qr_mm: float = 25.0) -> Image.Image:
    """An A4-ish strip of paper at ``dpi`` with the QR printed ``qr_mm`` wide, slightly grey."""
    version, modules = seal_qr_matrix(text)
    count = len(modules) + 8
    code = Image.new("L", (count, count), 250)
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                code.putpixel((x + 4, y + 4), 25)
    side = round(qr_mm / 25.4 * dpi * count / len(modules))
    code = code.resize((side, side), Image.Resampling.BILINEAR)
    page = Image.new("L", (side * 3, side * 2), 240)
    page.paste(code, (side, side // 2))
    return page.convert("RGB")


def _jpeg(image: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue()))


DEGRADATIONS = {
    "scan_300dpi": lambda page: page,
    "rotated_8deg": lambda page: page.rotate(8, expand=True, fillcolor=(240, 240, 240)),
    "upside_down": lambda page: page.rotate(180),
    "slightly_blurred": lambda page: page.filter(ImageFilter.GaussianBlur(1.2)),
    "jpeg_q30": lambda page: _jpeg(page, 30),
    "phone_like": lambda page: _jpeg(
        page.rotate(-5, expand=True, fillcolor=(235, 235, 235)).filter(
            ImageFilter.GaussianBlur(0.8)
        ),
        45,
    ),
}


@pytest.mark.parametrize("degradation", DEGRADATIONS)
def test_photos_and_scans_verify(degradation: str, sealed, tmp_path: Path) -> None:
    text, trust = sealed
    image = DEGRADATIONS[degradation](printed_page(text, dpi=300))
    path = tmp_path / "photo.jpg"
    image.convert("RGB").save(path, quality=92)
    verdict = verify_paper(path, trust)
    assert verdict.text == text
    assert verdict.seal.status == GENUINE


def test_low_resolution_scan_at_150_dpi_verifies(sealed, tmp_path: Path) -> None:
    text, trust = sealed
    path = tmp_path / "scan.png"
    _jpeg(printed_page(text, dpi=150), 60).save(path)
    assert verify_paper(path, trust).seal.status == GENUINE


def make_pdf(path: Path, text: str, attachment: dict | None) -> None:
    version, modules = seal_qr_matrix(text)
    page = canvas.Canvas(str(path), pagesize=(210 * mm, 148 * mm))
    page.setFont("Helvetica", 14)
    page.drawString(20 * mm, 120 * mm, "Certificate of Completion")
    module = 25 * mm / len(modules)
    left, top = 160 * mm, 40 * mm + 25 * mm
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                page.rect(
                    left + x * module, top - (y + 1) * module, module, module, stroke=0, fill=1
                )
    page.setFont("Helvetica", 6)
    page.drawString(left, 36 * mm, "www.tokyo-mirai.ac.jp")
    page.save()
    if attachment is not None:
        writer = pypdf.PdfWriter(clone_from=str(path))
        writer.add_attachment(
            "credential.json", json.dumps(attachment, ensure_ascii=False).encode()
        )
        writer.write(str(path))


def test_pdf_page_at_150_dpi_verifies_and_matches_its_attachment(sealed, tmp_path: Path) -> None:
    text, trust = sealed
    path = tmp_path / "certificate.pdf"
    make_pdf(path, text, CREDENTIAL)
    verdict = verify_paper(path, trust)
    assert verdict.seal.status == GENUINE and verdict.page == 1
    assert verdict.credential_name == "credential.json"
    assert verdict.credential_matches is True and verdict.genuine


def test_pdf_with_a_swapped_attachment_is_not_genuine(sealed, tmp_path: Path) -> None:
    text, trust = sealed
    other = {**CREDENTIAL, "credentialSubject": {"achievement": {"name": "博士（工学）"}}}
    assert credential_digest(other) != credential_digest(CREDENTIAL)
    path = tmp_path / "swapped.pdf"
    make_pdf(path, text, other)
    verdict = verify_paper(path, trust)
    assert verdict.seal.status == GENUINE
    assert verdict.credential_matches is False and not verdict.genuine
    assert "not the one the seal signs" in verdict.notes[0]


def test_qr_text_is_accepted_directly_and_a_changed_digit_fails(sealed) -> None:
    text, trust = sealed
    assert verify_paper(text, trust).seal.status == GENUINE
    last = text[-1]
    assert verify_paper(text[:-1] + ("1" if last != "1" else "2"), trust).seal.status == NOT_GENUINE


def test_image_without_a_qr_code_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.png"
    Image.new("RGB", (400, 300), "white").save(path)
    with pytest.raises(ShoshoError, match="no readable QR code"):
        verify_paper(path, trust_list_from_issuers([]))
    with pytest.raises(ShoshoError, match="does not exist"):
        verify_paper(tmp_path / "missing.png", trust_list_from_issuers([]))
