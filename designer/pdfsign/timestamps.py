"""RFC 3161 time-stamps: in the signature when the time-stamp authority answers (PAdES B-T),
else later as a document time-stamp over the signed file (also B-T, ETSI EN 319 142-1 §5.4).

The TSA is reached only when the office configured its URL; nothing else goes online.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
from urllib.parse import urlsplit

from designer.errors import ShoshoError, UsageError

TIMEOUT_SECONDS = 10
TIMESTAMP_FIELD = "Shosho-Timestamp"


class TimestampUnavailable(ShoshoError):
    """The time-stamp authority could not be reached or refused the request."""


def check_tsa_url(url: str, source: str = "--tsa") -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"{source}: {url!r} is not an http(s) URL of a time-stamp authority")
    return url


def make_timestamper(url: str):
    """pyHanko's HTTP time-stamp client for ``url``."""
    from pyhanko.sign.timestamps import HTTPTimeStamper

    return HTTPTimeStamper(check_tsa_url(url), timeout=TIMEOUT_SECONDS)


def reachable_timestamper(url: str | None):
    """A time-stamp client whose TSA answered a test request just now, or None (offline, or
    no TSA configured): the caller then signs B-B and queues the time-stamp."""
    if not url:
        return None
    timestamper = make_timestamper(url)
    try:
        asyncio.run(
            timestamper.async_timestamp(hashlib.sha256(b"shosho tsa check").digest(), "sha256")
        )
    except Exception:  # unreachable, refused, or a malformed answer: all mean "not now"
        return None
    return timestamper


def add_document_timestamp(pdf: bytes, timestamper, source: str = "PDF") -> bytes:
    """``pdf`` with a document time-stamp appended as an incremental update."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    from designer.pdfsign import asn1_speed
    from designer.pdfsign.signing import keep_producer_in_step

    asn1_speed.install()
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        keep_producer_in_step(writer)
        output = io.BytesIO()
        signers.PdfTimeStamper(timestamper, field_name=TIMESTAMP_FIELD).timestamp_pdf(
            writer, "sha256", output=output
        )
    except Exception as error:
        raise TimestampUnavailable(
            f"{source}: the time-stamp authority did not give a time-stamp "
            f"({type(error).__name__}: {error})"
        ) from None
    return output.getvalue()


def has_timestamp(pdf: bytes) -> bool:
    """Whether the PDF's signatures carry a signature time-stamp or the file a document
    time-stamp (read from the file itself, so the answer survives any crash)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    for signature in reader.embedded_signatures:
        if signature.sig_object_type == "/DocTimeStamp":
            return True
        unsigned = signature.signer_info["unsigned_attrs"]
        if unsigned.native and any(
            attribute["type"].native == "signature_time_stamp_token" for attribute in unsigned
        ):
            return True
    return False


def is_signed(pdf: bytes) -> bool:
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    return any(s.sig_object_type != "/DocTimeStamp" for s in reader.embedded_signatures)
