"""Offline verification of paper: find the seal QR in a photo, a scan or a PDF page, then
verify it; for a PDF, also check that the attached signed credential is the one sealed."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2
import zxingcpp
from PIL import Image, ImageFilter, ImageOps, UnidentifiedImageError

from designer.errors import ShoshoError
from designer.signing.seal import SealVerdict, credential_digest, split_seal_text, verify_seal_text
from designer.verification.trust_list import TrustList

PDF_DPI = 150
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"}


def looks_like_seal(text: str) -> bool:
    _, digits = split_seal_text(text)
    return len(digits) >= 34 and digits.isascii() and digits.isdigit()


def _decode(image: Image.Image) -> list[str]:
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return [barcode.text for barcode in found if barcode.valid]


def _attempts(image: Image.Image):
    """The image as given, then variants that rescue tilted, soft or unevenly lit photos: a
    strong unsharp mask restores module edges a blur (or a phone's focus) has spread, and a
    sharpened 2x enlargement gives the detector more pixels per module on small codes."""
    gray = ImageOps.grayscale(image)
    yield gray
    yield gray.filter(ImageFilter.UnsharpMask(radius=2, percent=250, threshold=0))
    yield ImageOps.autocontrast(gray, cutoff=1).filter(
        ImageFilter.UnsharpMask(radius=2, percent=200, threshold=0)
    )
    if max(gray.size) < 2400:
        yield gray.resize((gray.width * 2, gray.height * 2), Image.Resampling.LANCZOS).filter(
            ImageFilter.UnsharpMask(radius=3, percent=200, threshold=0)
        )
    yield gray.filter(ImageFilter.MedianFilter(3))


def read_qr_texts(image: Image.Image) -> list[str]:
    """Texts of every QR code found, trying a few clean-ups until one reads."""
    for attempt in _attempts(image):
        texts = _decode(attempt)
        if texts:
            return texts
    return []


def seal_text_from_image(image: Image.Image, source: str = "image") -> str:
    texts = read_qr_texts(image)
    seals = [text for text in texts if looks_like_seal(text)]
    if not seals:
        if texts:
            raise ShoshoError(f"{source}: found a QR code, but it holds no Shosho seal")
        raise ShoshoError(f"{source}: no readable QR code found (try a sharper, larger picture)")
    return seals[0]


def open_image(path: str | Path) -> Image.Image:
    try:
        with Image.open(path) as image:
            image.load()
            return ImageOps.exif_transpose(image)
    except FileNotFoundError:
        raise ShoshoError(f"{path} does not exist") from None
    except (UnidentifiedImageError, OSError) as error:
        raise ShoshoError(f"{path} is not a readable image: {error}") from None


def _open_pdf(path: str | Path) -> pypdfium2.PdfDocument:
    try:
        return pypdfium2.PdfDocument(str(path))
    except FileNotFoundError:
        raise ShoshoError(f"{path} does not exist") from None
    except pypdfium2.PdfiumError as error:
        raise ShoshoError(f"{path} is not a readable PDF: {error}") from None


def render_pdf_page(path: str | Path, page_number: int = 1, dpi: int = PDF_DPI) -> Image.Image:
    pdf = _open_pdf(path)
    try:
        if not 1 <= page_number <= len(pdf):
            raise ShoshoError(f"{path}: there is no page {page_number} (pages: {len(pdf)})")
        return pdf[page_number - 1].render(scale=dpi / 72).to_pil()
    finally:
        pdf.close()


def seal_text_from_pdf(
    path: str | Path, page_number: int | None = None, dpi: int = PDF_DPI
) -> tuple[str, int]:
    """(seal text, page number): the given page, or the first page that carries a seal."""
    pdf = _open_pdf(path)
    try:
        count = len(pdf)
    finally:
        pdf.close()
    pages = [page_number] if page_number else range(1, count + 1)
    for number in pages:
        image = render_pdf_page(path, number, dpi)
        texts = [text for text in read_qr_texts(image) if looks_like_seal(text)]
        if texts:
            return texts[0], number
    where = f"page {page_number}" if page_number else "any page"
    raise ShoshoError(f"{path}: no Shosho seal QR found on {where} at {dpi} dpi")


def pdf_attachments(path: str | Path) -> dict[str, bytes]:
    """Embedded files of a PDF by name."""
    pdf = _open_pdf(path)
    try:
        files = {}
        for index in range(pdf.count_attachments()):
            attachment = pdf.get_attachment(index)
            files[attachment.get_name()] = bytes(attachment.get_data())
        return files
    finally:
        pdf.close()


@dataclass
class PaperVerdict:
    seal: SealVerdict
    text: str
    source: str
    page: int | None = None
    credential_name: str | None = None
    credential_bytes: bytes | None = None
    credential_matches: bool | None = None
    """For a PDF: whether the attached credential's digest equals the seal's (None: nothing to
    compare)."""
    notes: list[str] = field(default_factory=list)

    @property
    def genuine(self) -> bool:
        return self.seal.genuine and self.credential_matches is not False


def _attached_credential(files: dict[str, bytes]) -> tuple[str, bytes, dict | str] | None:
    """(name, bytes, the credential: a dict, or the compact JWS of a VC-JWT)."""
    for name, data in sorted(files.items()):
        if name.lower().endswith((".jwt", ".jws")):
            try:
                token = data.decode("ascii").strip()
            except UnicodeDecodeError:
                continue
            if token.count(".") == 2:
                return name, data, token
            continue
        if not name.lower().endswith((".json", ".jsonld")):
            continue
        try:
            parsed = json.loads(data)
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue
        if isinstance(parsed, dict) and "credentialSubject" in parsed:
            return name, data, parsed
    return None


def verify_paper(
    item: str | Path,
    trust: TrustList,
    *,
    page: int | None = None,
    today: dt.date | None = None,
) -> PaperVerdict:
    """Verify a QR text, an image file (PNG/JPEG/...) or a PDF file."""
    text_input = isinstance(item, str) and (
        item.strip().startswith(("http://", "https://")) or item.strip().isdigit()
    )
    if text_input:
        text = str(item).strip()
        return PaperVerdict(verify_seal_text(text, trust, today=today), text, "text")
    path = Path(item)
    if not path.exists():
        raise ShoshoError(f"{path} does not exist (give a QR text, an image or a PDF)")
    if path.suffix.lower() == ".pdf":
        text, found_on = seal_text_from_pdf(path, page)
        verdict = PaperVerdict(
            verify_seal_text(text, trust, today=today), text, str(path), page=found_on
        )
        _check_attachment(verdict, pdf_attachments(path))
        return verdict
    text = seal_text_from_image(open_image(path), str(path))
    return PaperVerdict(verify_seal_text(text, trust, today=today), text, str(path))


def _check_attachment(verdict: PaperVerdict, files: dict[str, bytes]) -> None:
    attached = _attached_credential(files)
    claims = verdict.seal.claims
    if attached is None:
        verdict.notes.append("the PDF carries no signed credential attachment")
        return
    name, data, parsed = attached
    verdict.credential_name, verdict.credential_bytes = name, data
    if claims is None or claims.credential_digest is None:
        verdict.notes.append("the seal carries no credential digest to compare")
        return
    size = len(claims.credential_digest)
    verdict.credential_matches = credential_digest(parsed, size) == claims.credential_digest
    if not verdict.credential_matches:
        verdict.notes.append(f"the attached credential {name} is not the one the seal signs")
