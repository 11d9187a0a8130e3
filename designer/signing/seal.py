"""The QR seal: a CWT (RFC 8392) in a COSE_Sign1 (RFC 9052) over the fields exactly as printed,
carried as decimal digits in the fragment of the verify URL: ``https://<host>/<path>#<digits>``.

Protected header ``{1: alg, 4: kid, 16: typ}``: alg -19 (Ed25519) or -7 (ES256), kid the RFC
9679 COSE Key Thumbprint, typ ``application/shosho-seal+cwt;v=2``. Claims (see
``docs/qr-seal.md``)::

    1 iss (the verify URL before "#")   4 exp (cards)   6 iat   7 cti (credential UUID)
    -65537 {1 name  2 achievement  3 student number  4 date as printed  6 credential digest
            7 status-list index}

Seals of the first format ("OB seal v1", no typ) are still read: ``seal_legacy``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import unicodedata
import uuid
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

import cbor2
from qrcode.util import MODE_8BIT_BYTE, MODE_NUMBER, QRData

from designer.errors import ShoshoError
from designer.keys.public_keys import (
    ALG_NAMES,
    COSE_ALG_FOR_SIGNER,
    COSE_ED25519,
    COSE_EDDSA,
    KID_BYTES,
    LEGACY_KID_BYTES,
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
from designer.signing.seal_legacy import LEGACY_VERSION, legacy_claim_values

if TYPE_CHECKING:
    from designer.keys.signer import Signer
    from designer.verification.trust_list import TrustedIssuer, TrustList

SEAL_VERSION = 2
SEAL_TYP = "application/shosho-seal+cwt;v=2"
"""The ``typ`` of seals of this format; the version decides how a seal is read."""
EPOCH = dt.date(1970, 1, 1)
SIGNATURE_BYTES = 64

SealKind = Literal["certificate", "student_id"]
MAX_VERSION = {"certificate": 15, "student_id": 13}
"""The largest QR version (at error-correction level M) each kind of paper may carry."""

SIZING_URL_PREFIX = "https://www.tokyo-mirai.ac.jp/v/#"
"""A realistic verify URL used to size seals before the institution's own URL is known."""

# Registered CWT claims (RFC 8392 section 3.1.1).
_CLAIM_ISS, _CLAIM_EXP, _CLAIM_IAT, _CLAIM_CTI = 1, 4, 6, 7
CLAIM_SEAL_FIELDS = -65537
"""The private-use claim (below -65536, RFC 8392 section 9.1) holding the printed fields."""
_NAME, _ACHIEVEMENT, _STUDENT_NUMBER, _PRINTED_DATE = 1, 2, 3, 4
_DIGEST, _STATUS = 6, 7
_FIELD_KEYS = {_NAME, _ACHIEVEMENT, _STUDENT_NUMBER, _PRINTED_DATE, _DIGEST, _STATUS}

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
    printed_date: str | None = None
    """The date exactly as printed (for example 「令和8年3月31日」), when the design prints one."""
    verify_url: str | None = None
    """``iss``: the issuer's verify address, the QR's URL before ``#`` (as in SMART Health
    Cards, the issuer is named by its URL). Set when the seal is made; None in seals of the
    first format, which did not sign it."""

    @property
    def kind(self) -> SealKind:
        return "student_id" if self.student_number is not None else "certificate"

    @property
    def legacy(self) -> bool:
        """Whether this seal is of the first format ("OB seal v1")."""
        return self.version == LEGACY_VERSION

    def to_cbor(self) -> bytes:
        if self.verify_url is None:
            raise ShoshoError("seal: the verify URL (iss) is missing")
        fields: dict[int, Any] = {
            _NAME: self.name,
            _ACHIEVEMENT: self.achievement,
            _STUDENT_NUMBER: self.student_number,
            _PRINTED_DATE: self.printed_date,
            _DIGEST: self.credential_digest,
            _STATUS: self.status_index,
        }
        claims: dict[int, Any] = {
            _CLAIM_ISS: self.verify_url,
            _CLAIM_IAT: _timestamp(self.issued),
            _CLAIM_CTI: self.credential_id.bytes,
            CLAIM_SEAL_FIELDS: {key: value for key, value in fields.items() if value is not None},
        }
        if self.expires is not None:
            claims[_CLAIM_EXP] = _timestamp(self.expires + dt.timedelta(days=1))
        return cbor2.dumps(claims, canonical=True)

    @classmethod
    def from_cbor(cls, data: bytes, *, legacy: bool = False) -> SealClaims:
        if legacy:
            return cls(**legacy_claim_values(data))
        try:
            claims = cbor2.loads(data)
        except Exception:
            raise SealFormatError("the seal's claims are not valid CBOR") from None
        try:
            canonical = isinstance(claims, dict) and cbor2.dumps(claims, canonical=True) == data
        except Exception:  # items cbor2 reads but cannot write (a stray break marker, ...)
            canonical = False
        if not canonical:
            raise SealFormatError("the seal's claims are not a CWT claims map in one encoding")
        fields = claims.get(CLAIM_SEAL_FIELDS)
        if not isinstance(fields, dict) or set(fields) - _FIELD_KEYS:
            raise SealFormatError(f"the seal's claim {CLAIM_SEAL_FIELDS} is missing or malformed")
        if set(claims) - {_CLAIM_ISS, _CLAIM_EXP, _CLAIM_IAT, _CLAIM_CTI, CLAIM_SEAL_FIELDS}:
            raise SealFormatError("the seal carries claims this format does not define")
        try:
            expires = _typed(claims, _CLAIM_EXP, int, "exp", optional=True)
            return cls(
                credential_id=uuid.UUID(bytes=_typed(claims, _CLAIM_CTI, bytes, "cti")),
                issued=_day(_typed(claims, _CLAIM_IAT, int, "iat")),
                name=_typed(fields, _NAME, str, "name"),
                achievement=_typed(fields, _ACHIEVEMENT, str, "achievement", optional=True),
                credential_digest=_typed(fields, _DIGEST, bytes, "digest", optional=True),
                status_index=_typed(fields, _STATUS, int, "status index", optional=True),
                expires=None if expires is None else _day(expires) - dt.timedelta(days=1),
                student_number=_typed(
                    fields, _STUDENT_NUMBER, str, "student number", optional=True
                ),
                printed_date=_typed(fields, _PRINTED_DATE, str, "printed date", optional=True),
                verify_url=_typed(claims, _CLAIM_ISS, str, "iss"),
            )
        except (ValueError, OverflowError) as error:
            raise SealFormatError(f"the seal's claims are malformed ({error})") from None


def _timestamp(day: dt.date) -> int:
    """Seconds since the epoch at 00:00 UTC of ``day``: the seal states days, as paper does."""
    return calendar.timegm(day.timetuple())


def _typed(claims: dict, key: int, kind: type, label: str, optional: bool = False) -> Any:
    value = claims.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, kind) or isinstance(value, bool):
        raise SealFormatError(f"seal claim {label} ({key}) is missing or has the wrong type")
    if kind is int and value < 0:
        raise SealFormatError(f"seal claim {label} ({key}) is negative")
    return value


def _day(seconds: int) -> dt.date:
    if seconds % 86400:
        raise SealFormatError("a seal date is not at 00:00 UTC")
    return EPOCH + dt.timedelta(days=seconds // 86400)


DIGEST_BYTES = 16
"""The seal keeps the first 16 bytes of the SHA-256 (128 bits against second preimages): the
other 16 bytes would cost a QR version on most certificates."""


def credential_digest(credential: dict | bytes | str, size: int = DIGEST_BYTES) -> bytes:
    """SHA-256 (first ``size`` bytes) over what was signed, signature included: for a
    credential with an embedded proof, the RFC 8785 canonical JSON of the whole credential,
    proof included (canonical JSON rather than the file's bytes, so re-serialising it, as
    wallets do, keeps the digest); for a VC-JWT, the ASCII bytes of the compact JWS."""
    if isinstance(credential, bytes):
        credential = credential.decode("utf-8-sig")
    if isinstance(credential, str):
        text = credential.strip()
        if not text.startswith("{"):
            return hashlib.sha256(text.encode("ascii", "replace")).digest()[:size]
        credential = json.loads(text)
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
    printed_date: str | None = None,
) -> SealClaims:
    """Claims from the values as printed. ``credential_id`` may be ``urn:uuid:...``; give either
    the signed ``credential`` (its digest is computed) or its ``credential_sha256`` (the seal
    keeps its first 16 bytes). Student-ID seals usually carry no digest, to stay small.
    ``printed_date`` is the date text as the design prints it."""
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
        printed_date=_printed("printed date", printed_date),
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


def _envelope(claims: SealClaims, alg: int, kid: bytes, signature: bytes = b"") -> CoseSign1:
    protected = protected_header(alg, kid, SEAL_TYP)
    return CoseSign1(protected, claims.to_cbor(), signature, alg, kid, SEAL_TYP)


def seal_bytes(claims: SealClaims, signer: Signer) -> bytes:
    """The COSE_Sign1 bytes of the seal, signed by ``signer`` (Ed25519 or P-256)."""
    alg = COSE_ALG_FOR_SIGNER.get(signer.algorithm)
    if alg is None:
        raise ShoshoError(
            f"seal: key {signer.key_id} is {signer.algorithm}; seals need Ed25519 or P-256"
        )
    unsigned = _envelope(claims, alg, kid_for_public_key(signer.public_key()))
    signature = signer.sign(unsigned.to_be_signed())
    if len(signature) != SIGNATURE_BYTES:
        raise ShoshoError(f"seal: key {signer.key_id} returned a {len(signature)}-byte signature")
    return replace(unsigned, signature=signature).encode()


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
    """The text of the QR: the verify URL, ``#``, then the seal as decimal digits. The URL
    is signed too, as ``iss``."""
    prefix = normalise_url_prefix(verify_url_prefix)
    claims = replace(claims, verify_url=prefix.removesuffix("#"))
    return prefix + bytes_to_digits(seal_bytes(claims, signer))


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

    Needs no key: both algorithms give 64-byte signatures and 32-byte kids, so the size is
    known before signing."""
    kind = kind or claims.kind
    prefix = normalise_url_prefix(verify_url_prefix)
    sized = replace(claims, verify_url=prefix.removesuffix("#"))
    placeholder = _envelope(sized, COSE_ED25519, bytes(KID_BYTES), bytes(SIGNATURE_BYTES))
    text = prefix + bytes_to_digits(placeholder.encode())
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


_ALGS = {SEAL_VERSION: (COSE_ED25519, -7), LEGACY_VERSION: (COSE_EDDSA, -7)}
_KID_SIZES = {SEAL_VERSION: KID_BYTES, LEGACY_VERSION: LEGACY_KID_BYTES}


def parse_seal(digits: str) -> tuple[CoseSign1, SealClaims]:
    """The envelope and claims of a seal's digits, in either format; the ``typ`` header (or,
    in the first format, its absence and claim 1) decides the version."""
    envelope = decode_cose_sign1(digits_to_bytes(digits))
    if envelope.typ is None:
        claims = SealClaims.from_cbor(envelope.payload, legacy=True)
    elif envelope.typ == SEAL_TYP:
        claims = SealClaims.from_cbor(envelope.payload)
    else:
        raise SealFormatError(f"the seal's type {envelope.typ!r} is not a Shosho seal this reads")
    if envelope.alg not in _ALGS[claims.version]:
        raise SealFormatError(f"algorithm {envelope.alg} is not allowed in this seal format")
    if len(envelope.kid) != _KID_SIZES[claims.version]:
        raise SealFormatError(f"the key id has {len(envelope.kid)} bytes; this format has another")
    return envelope, claims


def verify_seal_text(text: str, trust: TrustList, *, today: dt.date | None = None) -> SealVerdict:
    """Verify a QR text (or bare digits) against the trust list and its cached status lists."""
    today = today or dt.date.today()
    prefix, digits = split_seal_text(text)
    host = urlsplit(prefix).hostname if prefix else None
    try:
        envelope, claims = parse_seal(digits)
    except SealFormatError as error:
        return SealVerdict(NOT_GENUINE, f"not a valid seal: {error}", url_host=host)
    kid = envelope.kid.hex()
    alg = ALG_NAMES.get(envelope.alg, str(envelope.alg))
    found = trust.find_key(envelope.kid)
    notes = ["old seal format (OB seal v1), still accepted"] if claims.legacy else []
    if found is None:
        return SealVerdict(
            UNKNOWN_ISSUER,
            f"key {kid} is not in the trust list",
            claims=claims,
            kid=kid,
            algorithm=alg,
            url_host=host,
            notes=notes,
        )
    issuer, key = found
    common = dict(claims=claims, issuer=issuer, kid=kid, algorithm=alg, url_host=host)
    common["host_is_issuers"] = None if host is None else host in issuer.verify_hosts
    if not verify_signature(
        key.public_key, envelope.alg, envelope.signature, envelope.to_be_signed()
    ):
        return SealVerdict(NOT_GENUINE, "the signature does not match the claims", **common)
    if prefix and claims.verify_url is not None and prefix.removesuffix("#") != claims.verify_url:
        return SealVerdict(
            NOT_GENUINE,
            f"the QR's address {prefix.removesuffix('#')} is not the signed {claims.verify_url}",
            **common,
        )
    if not key.valid_on(claims.issued):
        return SealVerdict(
            NOT_GENUINE, f"key {kid} was not valid on the issue date {claims.issued}", **common
        )
    if common["host_is_issuers"] is False:
        notes.append(f"the QR points at {host}, which is not a verify host of this issuer")
    status_checked, as_of, flagged = False, None, None
    if claims.status_index is not None:
        # A card can be suspended as well as revoked: its status is known only when both of its
        # lists are; a certificate has only the revocation list.
        needed = ("revocation", "suspension") if claims.kind == "student_id" else ("revocation",)
        missing = []
        for purpose in ("revocation", "suspension"):
            lookup = issuer.status_bit(purpose, claims.status_index)
            if lookup is None:
                if purpose in needed:
                    missing.append(purpose)
                continue
            bit, snapshot_as_of = lookup
            as_of = snapshot_as_of if as_of is None else min(as_of, snapshot_as_of)
            if bit and flagged is None:
                flagged = REVOKED if purpose == "revocation" else SUSPENDED
        status_checked = not missing
        if missing and len(missing) < len(needed):
            notes.append(
                f"status not fully checked: no {' or '.join(missing)} list for this issuer"
            )
            as_of = None
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
