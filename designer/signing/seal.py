"""The QR seal ("OB seal v1"): a COSE_Sign1 over the claims exactly as printed, carried as
decimal digits in the fragment of the verify URL: ``https://<host>/<path>#<digits>``.

The payload is a CBOR map with unsigned-integer keys (see ``docs/qr-seal.md``)::

    1 version (1)           2 credential UUID (16 bytes)   3 issue date (days since 1970-01-01)
    4 name (as printed)     5 achievement (as printed)     6 SHA-256 of JCS(signed credential)
    7 status-list index     8 expiry date (days)           9 student number (as printed)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

import cbor2
from qrcode.util import MODE_8BIT_BYTE, MODE_NUMBER, QRData

from designer.errors import ShoshoError
from designer.keys.public_keys import (
    ALG_NAMES,
    COSE_ALG_FOR_SIGNER,
    KID_BYTES,
    kid_for_public_key,
    verify_signature,
)
from designer.signing.jcs import canonical_json
from designer.signing.seal_codec import (
    CoseSign1,
    SealFormatError,
    bytes_to_digits,
    decode_cose_sign1,
    digits_to_bytes,
    protected_header,
)

if TYPE_CHECKING:
    from designer.keys.signer import Signer
    from designer.verification.trust_list import TrustedIssuer, TrustList

SEAL_VERSION = 1
EPOCH = dt.date(1970, 1, 1)
SIGNATURE_BYTES = 64

SealKind = Literal["certificate", "student_id"]
MAX_VERSION = {"certificate": 11, "student_id": 10}
"""The largest QR version (at error-correction level M) each kind of paper may carry."""

SIZING_URL_PREFIX = "https://www.tokyo-mirai.ac.jp/v/#"
"""A realistic verify URL used to size seals before the institution's own URL is known."""

_CLAIM_VERSION, _CLAIM_CID, _CLAIM_ISSUED, _CLAIM_NAME, _CLAIM_ACHIEVEMENT = 1, 2, 3, 4, 5
_CLAIM_DIGEST, _CLAIM_STATUS, _CLAIM_EXPIRES, _CLAIM_STUDENT_NUMBER = 6, 7, 8, 9

GENUINE = "genuine"
NOT_GENUINE = "not_genuine"
REVOKED = "revoked"
SUSPENDED = "suspended"
EXPIRED = "expired"
UNKNOWN_ISSUER = "unknown_issuer"


@dataclass(frozen=True)
class SealClaims:
    credential_id: uuid.UUID
    issued: dt.date
    name: str
    achievement: str | None = None
    credential_digest: bytes | None = None
    status_index: int | None = None
    expires: dt.date | None = None
    student_number: str | None = None
    version: int = SEAL_VERSION

    @property
    def kind(self) -> SealKind:
        return "student_id" if self.student_number is not None else "certificate"

    def to_cbor(self) -> bytes:
        claims: dict[int, Any] = {
            _CLAIM_VERSION: self.version,
            _CLAIM_CID: self.credential_id.bytes,
            _CLAIM_ISSUED: (self.issued - EPOCH).days,
            _CLAIM_NAME: _text_item(self.name),
        }
        optional = {
            _CLAIM_ACHIEVEMENT: _text_item(self.achievement),
            _CLAIM_DIGEST: self.credential_digest,
            _CLAIM_STATUS: self.status_index,
            _CLAIM_EXPIRES: None if self.expires is None else (self.expires - EPOCH).days,
            _CLAIM_STUDENT_NUMBER: _text_item(self.student_number),
        }
        claims.update({key: value for key, value in optional.items() if value is not None})
        return cbor2.dumps(claims)

    @classmethod
    def from_cbor(cls, data: bytes) -> SealClaims:
        try:
            claims = cbor2.loads(data)
        except Exception:
            raise SealFormatError("the seal's claims are not valid CBOR") from None
        if not isinstance(claims, dict) or claims.get(_CLAIM_VERSION) != SEAL_VERSION:
            raise SealFormatError("the seal's claims are not an OB seal v1 map")
        try:
            return cls(
                credential_id=uuid.UUID(bytes=_typed(claims, _CLAIM_CID, bytes)),
                issued=_day(_typed(claims, _CLAIM_ISSUED, int)),
                name=_text(claims, _CLAIM_NAME),
                achievement=_text(claims, _CLAIM_ACHIEVEMENT, optional=True),
                credential_digest=_typed(claims, _CLAIM_DIGEST, bytes, optional=True),
                status_index=_typed(claims, _CLAIM_STATUS, int, optional=True),
                expires=_optional_day(_typed(claims, _CLAIM_EXPIRES, int, optional=True)),
                student_number=_text(claims, _CLAIM_STUDENT_NUMBER, optional=True),
            )
        except (ValueError, OverflowError) as error:
            raise SealFormatError(f"the seal's claims are malformed ({error})") from None


def _text_item(text: str | None) -> str | bytes | None:
    """A text claim as a CBOR text string (UTF-8), or as a byte string holding UTF-16BE when
    that is shorter: kana and kanji take 2 bytes instead of 3, which keeps Japanese seals a
    QR version or two smaller."""
    if text is None:
        return None
    utf16 = text.encode("utf-16-be")
    return utf16 if len(utf16) < len(text.encode("utf-8")) else text


def _text(claims: dict, key: int, optional: bool = False) -> str | None:
    value = claims.get(key)
    if value is None and optional:
        return None
    if isinstance(value, bytes):
        try:
            return value.decode("utf-16-be")
        except UnicodeDecodeError:
            raise SealFormatError(f"seal claim {key} is not valid UTF-16") from None
    if not isinstance(value, str):
        raise SealFormatError(f"seal claim {key} is missing or has the wrong type")
    return value


def _typed(claims: dict, key: int, kind: type, optional: bool = False) -> Any:
    value = claims.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, kind) or isinstance(value, bool):
        raise SealFormatError(f"seal claim {key} is missing or has the wrong type")
    return value


def _day(days: int) -> dt.date:
    return EPOCH + dt.timedelta(days=days)


def _optional_day(days: int | None) -> dt.date | None:
    return None if days is None else _day(days)


DIGEST_BYTES = 16
"""The seal keeps the first 16 bytes of the SHA-256 (128 bits against second preimages): the
other 16 bytes would cost a QR version on most certificates."""


def credential_digest(credential: dict | bytes | str, size: int = DIGEST_BYTES) -> bytes:
    """SHA-256 (first ``size`` bytes) over the RFC 8785 canonical JSON of the full signed
    credential, proof included. Canonical JSON rather than the file's bytes, so re-serialising
    the credential, as wallets do, keeps the digest."""
    if isinstance(credential, bytes | str):
        credential = json.loads(credential)
    return hashlib.sha256(canonical_json(credential)).digest()[:size]


def _printed(field_name: str, value: str | None, required: bool = False) -> str | None:
    if value is None or (not required and value.strip() == ""):
        if required:
            raise ShoshoError(f"seal: the {field_name} is empty")
        return None
    text = unicodedata.normalize("NFC", value.strip())
    if required and not text:
        raise ShoshoError(f"seal: the {field_name} is empty")
    return text


def build_seal_claims(
    *,
    credential_id: str | uuid.UUID,
    issued: dt.date | dt.datetime | str,
    name: str,
    achievement: str | None = None,
    credential: dict | bytes | str | None = None,
    credential_sha256: bytes | None = None,
    status_index: int | str | None = None,
    student_number: str | None = None,
    expires: dt.date | dt.datetime | str | None = None,
) -> SealClaims:
    """Claims from the values as printed. ``credential_id`` may be ``urn:uuid:...``; give either
    the signed ``credential`` (its digest is computed) or its ``credential_sha256`` (the seal
    keeps its first 16 bytes). Student-ID seals usually carry no digest, to stay small."""
    try:
        cid = uuid.UUID(str(credential_id).removeprefix("urn:uuid:"))
    except ValueError:
        raise ShoshoError(f"seal: credential id {credential_id!r} is not a UUID") from None
    if credential is not None:
        credential_sha256 = credential_digest(credential)
    if credential_sha256 is not None:
        if len(credential_sha256) not in (16, 32):
            raise ShoshoError(
                "seal: the credential digest must be a SHA-256 (32 or first 16 bytes)"
            )
        credential_sha256 = credential_sha256[:DIGEST_BYTES]
    if status_index is not None:
        try:
            status_index = int(status_index)
        except ValueError:
            raise ShoshoError(f"seal: status index {status_index!r} is not a number") from None
        if status_index < 0:
            raise ShoshoError(f"seal: status index {status_index} is negative")
    if (student_number is None) != (expires is None):
        raise ShoshoError("seal: a student-ID seal needs both the student number and the expiry")
    return SealClaims(
        credential_id=cid,
        issued=_as_date("issue date", issued),
        name=_printed("name", name, required=True),
        achievement=_printed("achievement", achievement),
        credential_digest=credential_sha256,
        status_index=status_index,
        expires=None if expires is None else _as_date("expiry date", expires),
        student_number=_printed("student number", student_number, required=expires is not None),
    )


def _as_date(label: str, value: dt.date | dt.datetime | str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ShoshoError(f"seal: the {label} {value!r} is not a date (YYYY-MM-DD)") from None


# --- making the seal -------------------------------------------------------------------------


def seal_bytes(claims: SealClaims, signer: Signer) -> bytes:
    """The COSE_Sign1 bytes of the seal, signed by ``signer`` (Ed25519 or P-256)."""
    alg = COSE_ALG_FOR_SIGNER.get(signer.algorithm)
    if alg is None:
        raise ShoshoError(
            f"seal: key {signer.key_id} is {signer.algorithm}; seals need Ed25519 or P-256"
        )
    kid = kid_for_public_key(signer.public_key())
    protected = protected_header(alg, kid)
    payload = claims.to_cbor()
    unsigned = CoseSign1(protected, payload, b"", alg, kid)
    signature = signer.sign(unsigned.to_be_signed())
    if len(signature) != SIGNATURE_BYTES:
        raise ShoshoError(f"seal: key {signer.key_id} returned a {len(signature)}-byte signature")
    return CoseSign1(protected, payload, signature, alg, kid).encode()


def normalise_url_prefix(verify_url_prefix: str) -> str:
    """``https://host/v/`` or ``https://host/v/#`` -> ``https://host/v/#`` (ASCII only)."""
    prefix = verify_url_prefix.strip()
    if not prefix.endswith("#"):
        prefix += "#"
    parts = urlsplit(prefix)
    if parts.scheme not in ("https", "http") or not parts.netloc or not prefix.isascii():
        raise ShoshoError(f"seal: verify URL {verify_url_prefix!r} must be an ASCII https URL")
    return prefix


def seal_qr_text(claims: SealClaims, signer: Signer, verify_url_prefix: str) -> str:
    """The text of the QR: the verify URL, ``#``, then the seal as decimal digits."""
    return normalise_url_prefix(verify_url_prefix) + bytes_to_digits(seal_bytes(claims, signer))


def split_seal_text(text: str) -> tuple[str, str]:
    """(URL part up to and including ``#``, digits). Accepts bare digits too."""
    text = text.strip()
    if "#" in text:
        prefix, digits = text.rsplit("#", 1)
        return prefix + "#", digits
    return "", text


def make_qr_segments(text: str) -> list[QRData]:
    """The QR segments: the URL part in byte mode, the digits in numeric mode."""
    prefix, digits = split_seal_text(text)
    segments = []
    if prefix:
        segments.append(QRData(prefix.encode("ascii"), mode=MODE_8BIT_BYTE))
    segments.append(QRData(digits.encode("ascii"), mode=MODE_NUMBER))
    return segments


def seal_qr_version(text: str, ec: str = "M") -> int:
    """The smallest QR version holding ``text``, counted from the segments' bit lengths (the
    same count the renderer uses) rather than by building the code."""
    from designer.codes.qr import EC_LEVELS, fitting_version

    if ec not in EC_LEVELS:
        raise ShoshoError(f"seal: error-correction level {ec!r} is not one of L, M, Q, H")
    version = fitting_version(make_qr_segments(text), EC_LEVELS[ec])
    if version is None:
        raise ShoshoError("seal: too large for any QR code")
    return version


def seal_qr_matrix(text: str, ec: str = "M") -> tuple[int, list[list[bool]]]:
    """(version, modules) of the QR exactly as the renderer prints it; no quiet zone (add 4
    modules)."""
    from designer.codes.qr import qr_matrix

    seal_qr_version(text, ec)  # the seal's own checks and messages
    version, modules = qr_matrix(text, ec)
    return version, [list(row) for row in modules]


def seal_fits(
    claims: SealClaims,
    kind: SealKind | None = None,
    verify_url_prefix: str = SIZING_URL_PREFIX,
    ec: str = "M",
) -> tuple[bool, int]:
    """(fits, version): whether the seal of ``claims`` fits the kind's QR version limit.

    Needs no key: both algorithms give 64-byte signatures and 8-byte kids, so the size is
    known before signing."""
    kind = kind or claims.kind
    placeholder = CoseSign1(
        protected_header(-8, bytes(KID_BYTES)), claims.to_cbor(), bytes(SIGNATURE_BYTES), -8, b""
    ).encode()
    text = normalise_url_prefix(verify_url_prefix) + bytes_to_digits(placeholder)
    version = seal_qr_version(text, ec)
    return version <= MAX_VERSION[kind], version


# --- verifying --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SealVerdict:
    status: str
    """One of genuine, not_genuine, revoked, suspended, expired, unknown_issuer."""
    reason: str
    claims: SealClaims | None = None
    issuer: TrustedIssuer | None = None
    kid: str | None = None
    algorithm: str | None = None
    url_host: str | None = None
    host_is_issuers: bool | None = None
    """Whether the URL's host is one of the issuer's verify hosts (None without a URL)."""
    status_checked: bool = False
    status_as_of: dt.datetime | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def genuine(self) -> bool:
        return self.status == GENUINE


def verify_seal_text(text: str, trust: TrustList, *, today: dt.date | None = None) -> SealVerdict:
    """Verify a QR text (or bare digits) against the trust list and its cached status lists."""
    today = today or dt.date.today()
    prefix, digits = split_seal_text(text)
    host = urlsplit(prefix).hostname if prefix else None
    try:
        envelope = decode_cose_sign1(digits_to_bytes(digits))
        claims = SealClaims.from_cbor(envelope.payload)
    except SealFormatError as error:
        return SealVerdict(NOT_GENUINE, f"not a valid seal: {error}", url_host=host)
    kid = envelope.kid.hex()
    alg = ALG_NAMES.get(envelope.alg, str(envelope.alg))
    found = trust.find_key(envelope.kid)
    if found is None:
        return SealVerdict(
            UNKNOWN_ISSUER,
            f"key {kid} is not in the trust list",
            claims=claims,
            kid=kid,
            algorithm=alg,
            url_host=host,
        )
    issuer, key = found
    common = dict(claims=claims, issuer=issuer, kid=kid, algorithm=alg, url_host=host)
    common["host_is_issuers"] = None if host is None else host in issuer.verify_hosts
    if envelope.alg != key.alg or not verify_signature(
        key.public_key, envelope.alg, envelope.signature, envelope.to_be_signed()
    ):
        return SealVerdict(NOT_GENUINE, "the signature does not match the claims", **common)
    if not key.valid_on(claims.issued):
        return SealVerdict(
            NOT_GENUINE, f"key {kid} was not valid on the issue date {claims.issued}", **common
        )
    notes = []
    if common["host_is_issuers"] is False:
        notes.append(f"the QR points at {host}, which is not a verify host of this issuer")
    status_checked, as_of, flagged = False, None, None
    if claims.status_index is not None:
        for purpose in ("revocation", "suspension"):
            lookup = issuer.status_bit(purpose, claims.status_index)
            if lookup is None:
                continue
            bit, snapshot_as_of = lookup
            status_checked = True
            as_of = snapshot_as_of if as_of is None else min(as_of, snapshot_as_of)
            if bit and flagged is None:
                flagged = REVOKED if purpose == "revocation" else SUSPENDED
    extra = dict(status_checked=status_checked, status_as_of=as_of, notes=notes)
    if flagged == REVOKED:
        return SealVerdict(REVOKED, "the issuer has revoked this credential", **common, **extra)
    if flagged == SUSPENDED:
        return SealVerdict(SUSPENDED, "the issuer has suspended this credential", **common, **extra)
    if claims.expires is not None and claims.expires < today:
        return SealVerdict(EXPIRED, f"expired on {claims.expires}", **common, **extra)
    reason = "the signature is valid and the key belongs to the issuer"
    if not status_checked:
        notes.append("revocation status unknown: no cached status list for this issuer")
    return SealVerdict(GENUINE, reason, **common, **extra)
