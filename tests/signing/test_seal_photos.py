"""Phone-photo corpus: every built-in sealed design, rendered to PDF and rasterised (certificates
at 150 dpi, the ID card at 300 dpi: a card is photographed from closer), then tilted, blurred,
unevenly lit and saved as JPEG quality 60. Every photo reads and verifies, and the seal read
from a photo still fails with any digit changed."""

from __future__ import annotations

import datetime as dt
import io
import uuid

import pypdfium2
import pytest
from PIL import Image, ImageChops, ImageFilter

from designer.prepare import bind_template_roster, open_template, seal_claims
from designer.render.fonts import FontLibrary
from designer.render.layout import layout_record
from designer.render.pdf import write_pdf
from designer.resources import examples_dir
from designer.signing.seal import GENUINE, seal_qr_text, split_seal_text, verify_seal_text
from designer.verification.paper import seal_text_from_image
from designer.verification.trust_list import trust_list_from_issuers

from .test_seal_support import KeySigner, issuer_entry

VERIFY_URL = "https://www.tokyo-mirai.ac.jp/v/"
DPI = {"certificate": 150, "card": 300}
# A sampled grid over the corpus (tilt -10..10 degrees, Gaussian blur sigma up to 1.5): the
# corners and a middle point, so the test stays quick; bench/ can run the full grid.
SHOTS = [(-10, 1.5), (10, 1.5), (-4, 1.0), (6, 0.0)]
SIGNER = KeySigner()


def phone_photo(page: Image.Image, angle: float, sigma: float) -> Image.Image:
    """``page`` tilted by ``angle`` degrees, blurred, lit from one side, as JPEG quality 60."""
    photo = page.convert("L").rotate(
        angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255
    )
    if sigma:
        photo = photo.filter(ImageFilter.GaussianBlur(sigma))
    light = Image.linear_gradient("L").rotate(90).resize(photo.size)  # bright left, dim right
    photo = ImageChops.multiply(photo, light.point(lambda v: 140 + v * 115 // 255))
    photo = photo.point(lambda v: v + 20 if v < 235 else 255)  # raised black level
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=60)
    buffer.seek(0)
    return Image.open(buffer)


@pytest.fixture(
    scope="module",
    params=["shusho", "shojo", "certificate-en-a4", "certificate-en-letter", "student-id"],
)
def printed(request, tmp_path_factory):
    """(page image, seal text) for the roster's longest name: the densest code."""
    template, _ = open_template(request.param)
    roster = "roster-en.xlsx" if request.param.startswith("certificate-en") else "roster-ja.csv"
    records = bind_template_roster(template, examples_dir() / roster).records
    record = max(records, key=lambda r: len(str(r.values.get("full_name", ""))))
    claims = seal_claims(
        template,
        record.values,
        credential_id=str(uuid.uuid4()),
        issued=dt.date(2025, 3, 19),
        credential={"id": "urn:x"},
        status_index=131071,
    )
    text = seal_qr_text(claims, SIGNER, VERIFY_URL)
    values = {**record.values, "seal_url": text, "verify_host": "www.tokyo-mirai.ac.jp"}
    pdf_path = tmp_path_factory.mktemp("photos") / f"{request.param}.pdf"
    layout = layout_record(
        template, values, fonts=FontLibrary.default(), assets_base=examples_dir()
    )
    write_pdf(layout, pdf_path)
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        dpi = DPI["card" if template.kind == "card" else "certificate"]
        page = pdf[0].render(scale=dpi / 72).to_pil()
    finally:
        pdf.close()
    return page, text


TRUST = trust_list_from_issuers([issuer_entry(SIGNER, verify_url=VERIFY_URL)])


@pytest.mark.parametrize(("angle", "sigma"), SHOTS)
def test_every_photo_reads_and_verifies(printed, angle, sigma):
    page, text = printed
    read = seal_text_from_image(phone_photo(page, angle, sigma), "photo")
    assert read == text
    verdict = verify_seal_text(read, TRUST, today=dt.date(2026, 4, 1))
    assert verdict.status == GENUINE, verdict.reason


def test_a_seal_read_from_a_photo_fails_with_any_digit_changed(printed):
    page, text = printed
    prefix, digits = split_seal_text(seal_text_from_image(phone_photo(page, -10, 1.5), "photo"))
    for position in range(len(digits)):
        changed = digits[:position] + str((int(digits[position]) + 3) % 10) + digits[position + 1 :]
        assert verify_seal_text(prefix + changed, TRUST).status != GENUINE, position
