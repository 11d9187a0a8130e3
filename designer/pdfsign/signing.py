"""Signing certificate PDFs as PAdES baseline signatures with pyHanko's PKCS#11 signer.

A ``PdfSigningSession`` is opened once per batch on the token of the key that signs the
credentials: it opens a second session on that token, which shares the login the credential
signer already holds (PKCS#11 login belongs to the program), so no second PIN is asked and
the two never interleave operations on one session. Each PDF gets one incremental update with
an invisible signature, or a visible one over the box of the template's ``pdf-signature``
element (which the template draws as it likes: a text such as 電子署名済, a frame, an image).
"""

from __future__ import annotations

import asyncio
import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

from designer.errors import ShoshoError, UsageError
from designer.keys.signer import Signer
from designer.pdfsign import asn1_speed
from designer.pdfsign.certificates import StoredCertificate, check_pdf_key, load_certificate

FIELD_NAME = "Shosho-Signature"
SIGNATURE_ELEMENT = "pdf-signature"
"""Name of the template element (text, shape or image) whose box holds a visible signature."""
MM = 72 / 25.4


class PdfSigningError(ShoshoError):
    """The token or pyHanko could not sign a PDF."""


@dataclass(frozen=True)
class SignatureBox:
    """Where a visible signature goes: page index and a box in mm from the trim box's
    top-left corner (the template's own coordinates)."""

    page: int
    x: float
    y: float
    width: float
    height: float


def signature_box(template) -> SignatureBox | None:
    """The box of the template's ``pdf-signature`` element, if it has one (else invisible)."""
    for page_index, side in enumerate(getattr(template, "sides", [])):
        for element in side.elements:
            if element.name == SIGNATURE_ELEMENT:
                return SignatureBox(page_index, element.x, element.y, element.width, element.height)
    return None


class PdfSigningSession:
    """Signs PDFs with ``signer``'s token key and its stored certificate, one session for the
    whole batch. ``timestamper`` (pyHanko's) makes the signatures B-T."""

    def __init__(
        self,
        signer: Signer,
        home: Path,
        *,
        timestamper=None,
        box: SignatureBox | None = None,
        signer_name: str | None = None,
    ) -> None:
        check_pdf_key(signer)
        asn1_speed.install()
        if not signer.key_id.startswith("pkcs11:"):
            raise UsageError(
                f"PDF signatures are made with a token key (pkcs11:…), not {signer.key_id}"
            )
        self.certificate: StoredCertificate = load_certificate(home, signer)
        self.key_id = signer.key_id
        self.algorithm = signer.algorithm
        self.box = box
        self.signer_name = signer_name
        self._timestamper = timestamper
        self._session = _second_session(signer.key_id)
        self._loop = asyncio.new_event_loop()
        try:
            self._pdf_signer = self._make_signer()
        except BaseException:
            self.close()
            raise

    def _make_signer(self):
        from pyhanko.sign import fields, signers
        from pyhanko.sign.pkcs11 import PKCS11Signer

        from designer.keys.references import parse_pkcs11_uri

        token_signer = PKCS11Signer(
            self._session,
            key_label=parse_pkcs11_uri(self.key_id).object,
            signing_cert=self.certificate.certificate,
            ca_chain=list(self.certificate.chain),
            # Many tokens (SoftHSM2, several smart cards) lack CKM_ECDSA_SHA256: hash on the
            # host and let the token sign the digest.
            use_raw_mechanism=self.algorithm == "P-256",
        )
        meta = signers.PdfSignatureMetadata(
            field_name=FIELD_NAME,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            name=self.signer_name,
        )
        spec = None
        style = None
        if self.box is not None:
            spec = fields.SigFieldSpec(sig_field_name=FIELD_NAME, on_page=self.box.page)
            style = _stamp_style()
        self._spec_template = spec
        return signers.PdfSigner(
            meta, signer=token_signer, timestamper=self._timestamper, stamp_style=style
        )

    @property
    def timestamped(self) -> bool:
        return self._timestamper is not None

    def _reserved(self) -> int:
        """Room for the CMS signature, in hex digits (pyHanko's unit): the certificates, the
        signature and, with a timestamper, the time-stamp token with its TSA certificates."""
        certificates = sum(len(c.dump()) for c in (self.certificate.certificate,
                                                   *self.certificate.chain))  # fmt: skip
        return 2 * (2048 + certificates + (8192 if self._timestamper is not None else 0))

    def sign(self, pdf: bytes, source: str = "PDF") -> bytes:
        """The signed PDF: ``pdf`` plus one incremental update holding the signature."""
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import fields, signers

        if self._session is None:
            raise PdfSigningError("the PDF signing session is closed")
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
            keep_producer_in_step(writer)
            pdf_signer = self._pdf_signer
            if self._spec_template is not None:
                box = _pdf_box(writer, self.box, source)
                spec = fields.SigFieldSpec(
                    sig_field_name=FIELD_NAME, on_page=self.box.page, box=box
                )
                pdf_signer = signers.PdfSigner(
                    pdf_signer.signature_meta,
                    signer=pdf_signer.signer,
                    timestamper=self._timestamper,
                    stamp_style=pdf_signer.stamp_style,
                    new_field_spec=spec,
                )
            output = io.BytesIO()
            self._loop.run_until_complete(
                pdf_signer.async_sign_pdf(writer, bytes_reserved=self._reserved(), output=output)
            )
        except ShoshoError:
            raise
        except Exception as error:
            raise PdfSigningError(
                f"{source}: the PDF signature could not be made with {self.key_id} "
                f"({type(error).__name__}: {error}); check the token, then resume the batch"
            ) from None
        return output.getvalue()

    def close(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            with contextlib.suppress(Exception):
                session.close()
        if not self._loop.is_closed():
            self._loop.close()

    def __enter__(self) -> PdfSigningSession:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def keep_producer_in_step(writer) -> None:
    """PDF/A wants the document information's Producer equal to the XMP's. pyHanko writes its
    own name as the XMP Producer and appends it to an information Producer that lacks it, so
    the two would differ; with the information Producer set to pyHanko's name too, they agree.
    """
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.metadata.model import VENDOR

    info_ref = writer.trailer_view.get("/Info")
    if info_ref is None or "/Metadata" not in writer.root:
        return
    info = info_ref.get_object()
    if str(info.get("/Producer", "")) != VENDOR:
        info["/Producer"] = generic.TextStringObject(VENDOR)
        writer.mark_update(info_ref)


def _second_session(key_ref: str):
    """A session on the key's token sharing the login of the credential signer's session."""
    from pkcs11 import exceptions as p11

    from designer.keys.pkcs11_token import TokenError, find_token
    from designer.keys.references import parse_pkcs11_uri

    ref = parse_pkcs11_uri(key_ref)
    token = find_token(ref.module_path, ref.token)
    try:
        return token.open()
    except p11.PKCS11Error as error:
        raise TokenError(
            f"cannot open a second session on token {ref.token!r} for PDF signatures "
            f"({type(error).__name__})"
        ) from None


def _pdf_box(writer, box: SignatureBox, source: str) -> tuple[int, int, int, int]:
    """The template box (mm from the trim box's top-left) in PDF points from the page's
    bottom-left."""
    try:
        page = writer.root["/Pages"]["/Kids"][box.page].get_object()
    except (IndexError, KeyError):
        raise PdfSigningError(
            f"{source}: the {SIGNATURE_ELEMENT!r} element is on page {box.page + 1}, which "
            "the PDF does not have"
        ) from None
    trim = page.get("/TrimBox") or page["/MediaBox"]
    left, top = float(trim[0]), float(trim[3])
    x1 = left + box.x * MM
    y2 = top - box.y * MM
    return (round(x1), round(y2 - box.height * MM), round(x1 + box.width * MM), round(y2))


def _stamp_style():
    """No drawing of its own: the template's ``pdf-signature`` element, laid out and drawn by
    Shosho's one text engine like every other element, is what the box shows; the signature
    widget lies over it, so a click in a PDF reader opens the signature's details."""
    from pyhanko.stamp import NoOpStampStyle

    return NoOpStampStyle()
