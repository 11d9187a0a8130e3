"""What can be checked of an Open Badges 2.0 award offline, and what cannot.

Signed awards (a compact JWS, RS256 or ES256) are checked against the CryptographicKey the
issuer's Profile lists, with the issuer's RevocationList when the export holds it. Hosted awards
have no signature: their truth is the copy served at the assertion's URL, which is never fetched
here, so they are "cannot check" unless the export shows them revoked or they have expired. A key
found only inside the files being checked proves that whoever made the files signed them, not who
that was: such a signature is "valid, issuer not trusted" unless a trust source (a key document
the verifier got from the issuer) vouches for the key.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from designer.ob2.reader import Collection, Found, b64url_decode, object_kind

VERIFIED = "verified"
UNTRUSTED = "untrusted"
CANNOT_CHECK = "cannot-check"
REVOKED = "revoked"
EXPIRED = "expired"
INVALID = "invalid"

HEADLINES = {
    VERIFIED: "VERIFIED (Open Badges 2.0, signed)",
    UNTRUSTED: "SIGNATURE VALID, ISSUER NOT TRUSTED (Open Badges 2.0)",
    CANNOT_CHECK: "CANNOT CHECK (Open Badges 2.0)",
    REVOKED: "REVOKED (Open Badges 2.0)",
    EXPIRED: "EXPIRED (Open Badges 2.0)",
    INVALID: "INVALID (Open Badges 2.0)",
}


@dataclass
class Ob2Verdict:
    source: str
    assertion_id: str
    state: str
    verification: str  # "signed" or "hosted"
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    badge: dict[str, Any] | None = None
    issuer: dict[str, Any] | None = None
    status_checked: bool = False

    @property
    def headline(self) -> str:
        return HEADLINES[self.state]

    @property
    def upgradeable(self) -> bool:
        """Awards an office may carry over to 3.0: not revoked, expired, invalid or unknown."""
        if self.state in (VERIFIED, UNTRUSTED):
            return self.status_checked
        return self.state == CANNOT_CHECK and self.verification == "hosted"


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _ref_id(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, str) and value else None


def parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        if text.isdigit():  # OB 1.x allowed Unix timestamps
            return datetime.fromtimestamp(int(text), UTC)
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def verification_type(assertion: dict[str, Any]) -> str | None:
    verification = assertion.get("verification", assertion.get("verify"))
    kind = verification.get("type") if isinstance(verification, dict) else None
    if isinstance(kind, str):
        short = kind.rsplit("#", 1)[-1].lower()
        if short in ("hosted", "hostedbadge"):
            return "hosted"
        if short in ("signed", "signedbadge"):
            return "signed"
    return None


def recipient_matches(recipient: dict[str, Any], identifier: str) -> bool:
    """Whether ``identifier`` (an e-mail, URL or phone number) is the hashed or plain identity."""
    identity = str(recipient.get("identity") or "")
    salt = str(recipient.get("salt") or "")
    if not recipient.get("hashed"):
        return identity.strip().lower() == identifier.strip().lower()
    algorithm, _, digest = identity.partition("$")
    if algorithm.lower() not in ("sha256", "md5") or not digest:
        return False
    for candidate in dict.fromkeys([identifier.strip(), identifier.strip().lower()]):
        computed = hashlib.new(algorithm.lower(), (candidate + salt).encode("utf-8")).hexdigest()
        if computed == digest.lower():
            return True
    return False


def _structure(found: Found, verdict: Ob2Verdict, now: datetime) -> None:
    assertion = found.assertion
    for key in ("id", "recipient", "badge", "verification", "issuedOn"):
        if key not in assertion and not (key == "verification" and "verify" in assertion):
            verdict.reasons.append(f"the Assertion has no {key!r}")
    recipient = assertion.get("recipient")
    if recipient is not None and (
        not isinstance(recipient, dict) or not isinstance(recipient.get("identity"), str)
    ):
        verdict.reasons.append("the recipient has no identity")
    issued = parse_time(assertion.get("issuedOn"))
    if "issuedOn" in assertion and issued is None:
        verdict.reasons.append(f"issuedOn {assertion.get('issuedOn')!r} is not a date")
    if issued is not None and issued > now:
        verdict.reasons.append(f"issuedOn {assertion['issuedOn']} is in the future")
    expires = parse_time(assertion.get("expires"))
    if "expires" in assertion and expires is None:
        verdict.reasons.append(f"expires {assertion.get('expires')!r} is not a date")
    if issued and expires and expires < issued:
        verdict.reasons.append("expires is before issuedOn")
    for image in _as_list(assertion.get("image")):
        ref = _ref_id(image)
        if ref and ref.startswith("data:"):
            verdict.reasons.append("the Assertion image is a data: URI (allowed only for badges)")


def _public_key(key: dict[str, Any]):
    pem = key.get("publicKeyPem")
    if not isinstance(pem, str):
        return None
    try:
        return serialization.load_pem_public_key(pem.encode("ascii"))
    except (ValueError, TypeError, UnicodeEncodeError):
        return None


def _signature_ok(jws: str, header: dict[str, Any], public_key) -> bool:
    signing_input = jws.rsplit(".", 1)[0].encode("ascii")
    signature = b64url_decode(jws.rsplit(".", 1)[1])
    alg = header.get("alg")
    try:
        if alg == "RS256" and isinstance(public_key, rsa.RSAPublicKey):
            public_key.verify(signature, signing_input, padding.PKCS1v15(), hashes.SHA256())
            return True
        if alg == "ES256" and isinstance(public_key, ec.EllipticCurvePublicKey):
            if len(signature) != 64:
                return False
            der = encode_dss_signature(
                int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
            )
            public_key.verify(der, signing_input, ec.ECDSA(hashes.SHA256()))
            return True
    except InvalidSignature:
        return False
    return False


def _key_pem(key: dict[str, Any]) -> str:
    return "".join(str(key.get("publicKeyPem") or "").split())


def _check_signed(
    found: Found,
    verdict: Ob2Verdict,
    collection: Collection,
    trusted_keys: list[dict[str, Any]],
) -> None:
    from designer.ob2.reader import jws_payload

    if found.jws is None:
        verdict.state = CANNOT_CHECK
        verdict.reasons.append(
            "a signed award given as plain JSON: its signature (the compact JWS) was not exported"
        )
        return
    header, _ = jws_payload(found.jws) or ({}, {})
    if header.get("alg") not in ("RS256", "ES256"):
        verdict.state = INVALID
        verdict.reasons.append(f"unsupported JWS algorithm {header.get('alg')!r}")
        return
    issuer = verdict.issuer
    verification = found.assertion.get("verification") or found.assertion.get("verify") or {}
    creator = _ref_id(verification.get("creator")) if isinstance(verification, dict) else None
    listed = [_ref_id(k) for k in _as_list(issuer.get("publicKey"))] if issuer else []
    candidates = [creator] if creator else listed
    keys = [k for k in (collection.get(c, "CryptographicKey") for c in candidates if c) if k]
    if issuer is not None:
        keys += [k for k in _as_list(issuer.get("publicKey")) if isinstance(k, dict)]
    if not keys:
        verdict.state = CANNOT_CHECK
        wanted = creator or (", ".join(x for x in listed if x) or "none named")
        verdict.reasons.append(f"unknown key: the signing key ({wanted}) is not in the export")
        return
    issuer_id = _ref_id(issuer) if issuer else None
    for key in keys:
        public_key = _public_key(key)
        if public_key is None or not _signature_ok(found.jws, header, public_key):
            continue
        owner = _ref_id(key.get("owner"))
        if issuer is None:
            verdict.state = CANNOT_CHECK
            verdict.reasons.append("the issuer profile is not in the export: key ownership unknown")
            return
        if owner != issuer_id or (listed and _ref_id(key) not in listed):
            verdict.state = INVALID
            verdict.reasons.append(
                f"the signing key {_ref_id(key)} is not one the issuer {issuer_id} lists"
            )
            return
        # A trust source's key vouches only for the issuer it names as the key's owner.
        vouched = any(
            _key_pem(trusted) == _key_pem(key) and _ref_id(trusted.get("owner")) == issuer_id
            for trusted in trusted_keys
        )
        verdict.state = VERIFIED if vouched else UNTRUSTED
        if vouched:
            verdict.notes.append(
                f"the trusted key vouches for the issuer id {issuer_id}; the issuer's name is "
                "as the export gives it"
            )
        else:
            verdict.notes.append(
                f"the key {_ref_id(key)} comes from the files checked, not from a trust source; "
                "its issuer profile was not fetched (offline)"
            )
        return
    verdict.state = INVALID
    verdict.reasons.append("the signature does not verify with the issuer's key")


def _revocation(found: Found, verdict: Ob2Verdict, collection: Collection) -> None:
    if found.id in collection.revoked_hosted:
        verdict.state = REVOKED
        reason = collection.revoked_hosted[found.id]
        verdict.reasons.append("revoked" + (f": {reason}" if reason else ""))
        verdict.status_checked = True
        return
    issuer = verdict.issuer
    list_ref = _ref_id(issuer.get("revocationList")) if issuer else None
    if not list_ref:
        verdict.status_checked = issuer is not None
        if issuer is not None:
            verdict.notes.append("the issuer publishes no revocation list")
        return
    revocations = collection.get(list_ref, "RevocationList")
    if revocations is None:
        verdict.notes.append(
            f"revocation NOT checked: the issuer's revocation list {list_ref} is not in the export"
        )
        return
    verdict.status_checked = True
    uid = found.assertion.get("uid")
    for entry in _as_list(revocations.get("revokedAssertions")):
        entry_id = entry if isinstance(entry, str) else _ref_id(entry)
        entry_uid = entry.get("uid") if isinstance(entry, dict) else None
        if (entry_id and entry_id == found.id) or (uid and entry_uid == uid):
            verdict.state = REVOKED
            reason = entry.get("revocationReason") if isinstance(entry, dict) else None
            verdict.reasons.append("revoked" + (f": {reason}" if reason else ""))
            return


def check_assertion(
    found: Found,
    collection: Collection,
    *,
    trusted_keys: list[dict[str, Any]] | None = None,
    now: datetime | None = None,
) -> Ob2Verdict:
    """The verdict for one award, from what the collection holds."""
    now = now or datetime.now(UTC)
    kind = verification_type(found.assertion)
    verdict = Ob2Verdict(found.source, found.id, INVALID, kind or "unknown")
    if found.jws is not None and kind != "signed":
        verdict.reasons.append("a JWS whose Assertion does not say verification type 'signed'")
    if kind is None:
        verdict.reasons.append("the Assertion's verification type is neither hosted nor signed")
    _structure(found, verdict, now)
    badge = collection.get(found.assertion.get("badge"), "BadgeClass")
    verdict.badge = badge
    if badge is not None:
        verdict.issuer = collection.get(badge.get("issuer"), "Profile")
        for key in ("name", "issuer"):
            if not badge.get(key):
                verdict.reasons.append(f"the BadgeClass has no {key!r}")
    else:
        verdict.notes.append(
            f"the BadgeClass {_ref_id(found.assertion.get('badge'))} is not in the export"
        )
    if verdict.reasons:
        verdict.state = INVALID
        return verdict
    if kind == "signed":
        _check_signed(found, verdict, collection, trusted_keys or [])
        if verdict.state == INVALID:
            return verdict
    else:
        verdict.state = CANNOT_CHECK
        verdict.reasons.append(
            f"hosted award: the copy at {found.id} is what counts, and it was not fetched "
            "(offline); the contents shown are as exported"
        )
    _revocation(found, verdict, collection)
    if verdict.state == REVOKED:
        return verdict
    expires = parse_time(found.assertion.get("expires"))
    if expires is not None and expires < now:
        verdict.state = EXPIRED
        verdict.reasons.append(f"expired on {found.assertion['expires']}")
        return verdict
    if verdict.state in (VERIFIED, UNTRUSTED) and not verdict.status_checked:
        verdict.notes.append("whether it was revoked is not known")
    if badge is None and verdict.state in (VERIFIED, UNTRUSTED):
        verdict.state = CANNOT_CHECK
        verdict.reasons.append("the BadgeClass (what was awarded) is not in the export")
    return verdict


def check_all(
    collection: Collection,
    *,
    trusted_keys: list[dict[str, Any]] | None = None,
    now: datetime | None = None,
) -> list[Ob2Verdict]:
    return [
        check_assertion(found, collection, trusted_keys=trusted_keys, now=now)
        for found in collection.assertions
    ]


def describe(verdict: Ob2Verdict) -> list[str]:
    """Lines for the command line: headline, what was awarded, by whom, and why."""
    lines = [f"{verdict.source}: {verdict.headline}"]
    if verdict.badge:
        lines.append(f"  badge: {verdict.badge.get('name')}")
    if verdict.issuer:
        lines.append(f"  issuer: {verdict.issuer.get('name')} ({_ref_id(verdict.issuer)})")
    lines.append(f"  assertion: {verdict.assertion_id} ({verdict.verification})")
    lines += [f"  - {reason}" for reason in verdict.reasons]
    lines += [f"  note: {note}" for note in verdict.notes]
    return lines


def is_key_document(obj: Any) -> bool:
    return object_kind(obj) == "CryptographicKey" and isinstance(obj.get("publicKeyPem"), str)
