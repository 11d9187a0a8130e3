"""Phone-photo corpus: every built-in sealed design, rendered to PDF and rasterised (certificates
at 150 dpi, the ID card at 300 dpi: a card is photographed from closer), then tilted, blurred,
unevenly lit and saved as JPEG quality 60. Every photo reads and verifies, and the seal read
from a photo still fails with any digit changed."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from pathlib import Path

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
# A sampled grid over the corpus (tilt -10..10 degrees, Gaussian blur sigma up to 1.5, one shot
# seen from below): the corners and middle points, so the test stays quick;
# ``bench/seal_photos.py`` runs the full grid.
SHOTS = [(-10, 1.5, 0.0), (10, 1.5, 0.0), (-4, 1.0, 0.0), (6, 0.0, 0.0), (3, 1.0, 0.06)]
SIGNER = KeySigner()


def _perspective(out_corners, in_corners) -> list[float]:
    """PIL's 8 PERSPECTIVE coefficients mapping each output corner to its input corner."""
    rows = []
    for (x, y), (u, v) in zip(out_corners, in_corners, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y, u])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y, v])
    for col in range(8):  # Gauss-Jordan elimination with partial pivoting
        pivot = max(range(col, 8), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(8):
            if r != col:
                factor = rows[r][col] / rows[col][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    return [rows[i][8] / rows[i][i] for i in range(8)]


def keystone(image: Image.Image, amount: float) -> Image.Image:
    """``image`` as seen from below: the top edge narrower by ``amount`` of the width per side."""
    w, h = image.size
    inset = w * amount
    out_corners = [(inset, 0), (w - inset, 0), (w, h), (0, h)]
    in_corners = [(0, 0), (w, 0), (w, h), (0, h)]
    coefficients = _perspective(out_corners, in_corners)
    return image.transform(
        image.size,
        Image.Transform.PERSPECTIVE,
        coefficients,
        Image.Resampling.BICUBIC,
        fillcolor=255,
    )


def phone_photo(
    page: Image.Image, angle: float, sigma: float, tilt_back: float = 0.0
) -> Image.Image:
    """``page`` tilted by ``angle`` degrees (and ``tilt_back``: seen from below), blurred, lit
    from one side, as JPEG quality 60."""
    photo = page.convert("L")
    if tilt_back:
        photo = keystone(photo, tilt_back)
    photo = photo.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    if sigma:
        photo = photo.filter(ImageFilter.GaussianBlur(sigma))
    light = Image.linear_gradient("L").rotate(90).resize(photo.size)  # bright left, dim right
    photo = ImageChops.multiply(photo, light.point(lambda v: 140 + v * 115 // 255))
    photo = photo.point(lambda v: v + 20 if v < 235 else 255)  # raised black level
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=60)
    buffer.seek(0)
    return Image.open(buffer)


DESIGNS = ["shusho", "shojo", "certificate-en-a4", "certificate-en-letter", "student-id"]


def render_densest(name: str, folder: Path, dpi: int | None = None) -> tuple[Image.Image, str]:
    """(page image, seal text) of design ``name`` for its roster's longest name, the densest
    code; rasterised at ``dpi`` (default: 150 for certificates, 300 for cards)."""
    template, _ = open_template(name)
    roster = "roster-en.xlsx" if name.startswith("certificate-en") else "roster-ja.csv"
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
    pdf_path = folder / f"{name}.pdf"
    layout = layout_record(
        template, values, fonts=FontLibrary.default(), assets_base=examples_dir()
    )
    write_pdf(layout, pdf_path)
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        dpi = dpi or DPI["card" if template.kind == "card" else "certificate"]
        return pdf[0].render(scale=dpi / 72).to_pil(), text
    finally:
        pdf.close()


@pytest.fixture(scope="module", params=DESIGNS)
def printed(request, tmp_path_factory):
    return render_densest(request.param, tmp_path_factory.mktemp("photos"))


TRUST = trust_list_from_issuers([issuer_entry(SIGNER, verify_url=VERIFY_URL)])


@pytest.mark.parametrize(("angle", "sigma", "tilt_back"), SHOTS)
def test_every_photo_reads_and_verifies(printed, angle, sigma, tilt_back):
    page, text = printed
    read = seal_text_from_image(phone_photo(page, angle, sigma, tilt_back), "photo")
    assert read == text
    verdict = verify_seal_text(read, TRUST, today=dt.date(2026, 4, 1))
    assert verdict.status == GENUINE, verdict.reason


def test_a_seal_read_from_a_photo_fails_with_any_digit_changed(printed):
    page, text = printed
    prefix, digits = split_seal_text(seal_text_from_image(phone_photo(page, -10, 1.5), "photo"))
    for position in range(len(digits)):
        changed = digits[:position] + str((int(digits[position]) + 3) % 10) + digits[position + 1 :]
        assert verify_seal_text(prefix + changed, TRUST).status != GENUINE, position
