"""Verifying credentials: signed JSON, VC-JWT, baked PNG/SVG, and PDFs carrying ``credential.json``.

Verdicts: ``verified`` (valid and the issuer's key is trusted, exit 0), ``untrusted`` (signature
and content valid but the key is not in the trust list or not bound to the issuer, exit 3), and
``invalid`` (tampered, malformed, expired, revoked, unreadable: exit 1).
"""

from __future__ import annotations

import copy
import io
import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from designer.credential.baking import PNG_SIGNATURE, read_png, read_svg
from designer.credential.schema import schema_errors, schema_for
from designer.errors import EXIT_DATA_ERROR, EXIT_OK, EXIT_UNTRUSTED, ShoshoError, UsageError
from designer.keys.demo import demo_key_refusal
from designer.keys.did import key_fingerprint
from designer.keys.multikey import is_multikey, public_key_from_multibase
from designer.signing.data_integrity import SUITE_ALGORITHMS, verify_proof
from designer.signing.vcjwt import (
    decode_jwt,
    public_key_from_jwk,
    verify_jws_signature,
)
from designer.status_lists import (
    REVOCATION,
    SUSPENSION,
    get_bit,
    list_bits,
    list_purpose,
    parse_published,
    serialise,
    sibling_url,
)
from designer.verification.issuers import TrustedIssuers

VERIFIED, UNTRUSTED, INVALID = "verified", "untrusted", "invalid"
_EXIT = {VERIFIED: EXIT_OK, UNTRUSTED: EXIT_UNTRUSTED, INVALID: EXIT_DATA_ERROR}
_JWT_CLAIMS = ("iss", "jti", "nbf", "exp", "sub", "iat", "aud")
PDF_ATTACHMENT = "credential.json"
MAX_VERIFY_BYTES = 256 * 1024 * 1024
PDF_JWT_ATTACHMENT = "credential.jwt"
"""A PDF's signed credential: ``credential.json`` (Data Integrity) or ``credential.jwt`` (VC-JWT)."""


@dataclass
class VerificationResult:
    source: str
    verdict: str = INVALID
    format: str = ""
    issuer_id: str | None = None
    issuer_name: str | None = None
    subject_name: str | None = None
    achievement_name: str | None = None
    valid_from: str | None = None
    valid_until: str | None = None
    awarded_date: str | None = None
    status: str = "none"
    """``none`` (no status entry), ``active``, ``revoked``/``suspended``, or ``not checked: …``."""
    proofs: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    """Why the credential is invalid (empty unless verdict is invalid)."""
    trust: str = ""
    """Who vouches for the issuer's key, or why nobody does."""
    warnings: list[str] = field(default_factory=list)
    unknown_key: str | None = None
    """The key a signature names that this verifier cannot find: nothing was checked."""
    key_fingerprints: list[str] = field(default_factory=list)
    """Keys whose signature on this credential checked out and that are bound to its issuer."""
    credential: dict[str, Any] | None = None

    @property
    def exit_code(self) -> int:
        return _EXIT[self.verdict]

    @property
    def headline(self) -> str:
        if self.verdict == INVALID and self.unknown_key:
            return f"CANNOT CHECK (unknown key {self.unknown_key})"
        if self.verdict == VERIFIED:
            return "VERIFIED: signature valid, issuer trusted"
        if self.verdict == UNTRUSTED:
            return "SIGNATURE VALID, ISSUER NOT TRUSTED"
        return "INVALID"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["exit_code"] = self.exit_code
        data.pop("credential")
        return data

    def describe(self) -> str:
        lines = [f"{self.source}: {self.headline}"]
        for label, value in (
            ("issuer", f"{self.issuer_name or '?'} <{self.issuer_id}>" if self.issuer_id else None),
            ("recipient", self.subject_name),
            ("achievement", self.achievement_name),
            ("valid from", self.valid_from),
            ("valid until", self.valid_until),
            ("awarded", self.awarded_date),
            ("status", self.status if self.status != "none" else None),
            ("trust", self.trust or None),
        ):
            if value:
                lines.append(f"  {label}: {value}")
        lines += [f"  proof: {proof}" for proof in self.proofs]
        lines += [f"  reason: {reason}" for reason in self.reasons]
        lines += [f"  warning: {warning}" for warning in self.warnings]
        return "\n".join(lines)


def verify_file(
    path: str | Path,
    trust: TrustedIssuers | None = None,
    *,
    status_lists: dict[str, dict[str, Any]] | None = None,
    now: datetime | None = None,
) -> VerificationResult:
    """Verify the credential in ``path`` (JSON, JWS, PNG, SVG or PDF). A missing file is a UsageError."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_VERIFY_BYTES + 1)
    except FileNotFoundError:
        raise UsageError(f"{path} does not exist") from None
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror}") from None
    if len(data) > MAX_VERIFY_BYTES:
        raise ShoshoError(
            f"{path}: larger than {MAX_VERIFY_BYTES // (1024 * 1024)} MB, more than any "
            "credential, baked image or certificate PDF"
        )
    return verify_bytes(data, str(path), trust, status_lists=status_lists, now=now)


def verify_bytes(
    data: bytes,
    source: str,
    trust: TrustedIssuers | None = None,
    *,
    status_lists: dict[str, dict[str, Any]] | None = None,
    now: datetime | None = None,
) -> VerificationResult:
    result = VerificationResult(source=source)
    try:
        text, result.format = _payload(data, source)
        _verify_text(
            text, result, trust or TrustedIssuers(), status_lists or {}, now or datetime.now(UTC)
        )
    except UnknownKey as error:
        result.unknown_key = error.key
        result.reasons.append(str(error))
    except ShoshoError as error:
        result.reasons.append(str(error))
    if result.reasons:
        result.verdict = INVALID
    return result


class UnknownKey(ShoshoError):
    """A signature names a key this verifier cannot find: it cannot be checked."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def verify_credential(
    credential: dict[str, Any] | str,
    trust: TrustedIssuers | None = None,
    *,
    status_lists: dict[str, dict[str, Any]] | None = None,
    now: datetime | None = None,
) -> VerificationResult:
    """Verify an already-parsed credential (a dict with an embedded proof, or a compact JWS)."""
    text = credential if isinstance(credential, str) else json.dumps(credential, ensure_ascii=False)
    return verify_bytes(
        text.encode("utf-8"), "credential", trust, status_lists=status_lists, now=now
    )


def _payload(data: bytes, source: str) -> tuple[str, str]:
    if not data.strip():
        raise ShoshoError(f"{source} is empty")
    if data.startswith(PNG_SIGNATURE):
        return read_png(data, source), "png"
    if data.startswith(b"%PDF"):
        return _pdf_attachment(data, source), "pdf"
    head = data.lstrip()[:200]
    if head.startswith(b"<"):
        return read_svg(data, source), "svg"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ShoshoError(
            f"{source} is not a credential (not UTF-8 text, PNG, SVG or PDF)"
        ) from None
    return text, "json" if text.lstrip().startswith("{") else "vc-jwt"


def _pdf_attachment(data: bytes, source: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        attachments = PdfReader(io.BytesIO(data)).attachments
    except (PyPdfError, ValueError, KeyError, TypeError) as error:
        raise ShoshoError(f"{source} is not a readable PDF: {error}") from None
    name = next((n for n in (PDF_ATTACHMENT, PDF_JWT_ATTACHMENT) if attachments.get(n)), None)
    if name is None:
        raise ShoshoError(
            f"{source}: the PDF carries no {PDF_ATTACHMENT} or {PDF_JWT_ATTACHMENT} attachment"
        )
    try:
        return attachments[name][0].decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ShoshoError(f"{source}: the {name} attachment is not UTF-8") from None


def _verify_text(
    text: str, result: VerificationResult, trust: TrustedIssuers, status_lists, now: datetime
) -> None:
    stripped = text.strip()
    if stripped.startswith("{"):
        try:
            credential = json.loads(stripped)
        except json.JSONDecodeError as error:
            raise ShoshoError(
                f"not valid JSON (line {error.lineno}, column {error.colno}): {error.msg}"
            ) from None
        if not isinstance(credential, dict):
            raise ShoshoError("the JSON is not a credential object")
        _check_credential(credential, result, trust, status_lists, now, jwt_key=None)
        return
    if result.format not in ("vc-jwt", "png", "svg", "pdf") or stripped.count(".") != 2:
        raise ShoshoError("not a credential: neither JSON nor a compact JWS")
    if result.format != "vc-jwt":
        result.format += "+vc-jwt"
    _check_jwt(stripped, result, trust, status_lists, now)


def _check_jwt(
    token: str, result: VerificationResult, trust: TrustedIssuers, status_lists, now: datetime
) -> None:
    header, payload, signing_input, signature = decode_jwt(token)
    extra = set(header) - {"alg", "kid", "jwk", "typ"}
    if extra:
        result.warnings.append(
            f"JOSE header has members OB 3.0 does not allow: {', '.join(sorted(extra))}"
        )
    credential = payload["vc"] if isinstance(payload.get("vc"), dict) else payload
    key, key_source = _jwt_key(header, trust)
    problem = verify_jws_signature(header, signing_input, signature, key)
    if problem:
        result.reasons.append(problem)
    else:
        result.proofs.append(f"VC-JWT {header.get('alg')} by {key_source}")
    for claim, compare in (
        ("nbf", lambda t: t > now.timestamp() + 300),
        ("exp", lambda t: t < now.timestamp() - 300),
    ):
        if isinstance(payload.get(claim), int | float) and compare(payload[claim]):
            result.reasons.append(
                "the JWT is not valid yet (nbf)" if claim == "nbf" else "the JWT has expired (exp)"
            )
    issuer = _issuer_id(credential)
    if payload.get("iss") not in (None, issuer):
        result.reasons.append(
            f"the JWT iss {payload.get('iss')!r} differs from the credential issuer {issuer!r}"
        )
    content = (
        {k: v for k, v in credential.items() if k not in _JWT_CLAIMS}
        if credential is payload
        else credential
    )
    _check_credential(
        content, result, trust, status_lists, now, jwt_key=(key, header.get("kid"), "jwk" in header)
    )


def _jwt_key(header: dict[str, Any], trust: TrustedIssuers):
    kid = header.get("kid")
    if isinstance(kid, str):
        published = trust.public_key_for(kid)
        if published is not None:
            return published, kid
        fragment = kid.rpartition("#")[2] if "#" in kid else kid.removeprefix("did:key:")
        if is_multikey(fragment):
            return public_key_from_multibase(fragment), kid
    jwk = header.get("jwk")
    if isinstance(jwk, dict):
        return public_key_from_jwk(jwk), "the key in the JWS header"
    raise UnknownKey(
        str(kid),
        f"cannot find the JWS key offline (kid {kid!r}): give the issuer's did.json with --trust",
    )


def _issuer_id(credential: dict[str, Any]) -> str | None:
    issuer = credential.get("issuer")
    value = issuer.get("id") if isinstance(issuer, dict) else issuer
    return value if isinstance(value, str) else None


def _summarise(credential: dict[str, Any], result: VerificationResult) -> None:
    issuer = credential.get("issuer")
    result.issuer_id = _issuer_id(credential)
    if isinstance(issuer, dict) and isinstance(issuer.get("name"), str):
        result.issuer_name = issuer["name"]
    subject = credential.get("credentialSubject")
    subject = subject[0] if isinstance(subject, list) and subject else subject
    if isinstance(subject, dict):
        if isinstance(subject.get("name"), str):
            result.subject_name = subject["name"]
        achievement = subject.get("achievement")
        if isinstance(achievement, dict) and isinstance(achievement.get("name"), str):
            result.achievement_name = achievement["name"]
    result.valid_from = credential.get("validFrom") or credential.get("issuanceDate")
    result.valid_until = credential.get("validUntil") or credential.get("expirationDate")
    result.awarded_date = credential.get("awardedDate")


def _check_credential(
    credential: dict[str, Any],
    result: VerificationResult,
    trust: TrustedIssuers,
    status_lists: dict[str, dict[str, Any]],
    now: datetime,
    jwt_key,
) -> None:
    result.credential = credential
    _summarise(credential, result)
    types = credential.get("type")
    if not isinstance(types, list | str) or "VerifiableCredential" not in types:
        raise ShoshoError("not a Verifiable Credential (type lacks VerifiableCredential)")
    bound_keys = _check_proofs(credential, result, require=jwt_key is None)
    if jwt_key is not None:
        key, kid, from_header = jwt_key
        issuer = result.issuer_id or ""
        if (
            isinstance(kid, str)
            and not from_header
            and (kid.startswith(issuer + "#") or kid == issuer)
        ):
            bound_keys.append((issuer, key))
        elif isinstance(kid, str) and trust.public_key_for(kid) is not None:
            bound_keys.append((kid.split("#")[0], key))
        elif isinstance(kid, str) and kid.startswith(issuer + "#"):
            bound_keys.append((issuer, key))
    result.key_fingerprints = [key_fingerprint(key) for _, key in bound_keys]
    for _controller, key in bound_keys:
        refusal = demo_key_refusal(key, result.issuer_id)
        if refusal and refusal not in result.reasons:
            result.reasons.append(refusal)
    _check_schema(credential, result)
    _check_dates(credential, result, now)
    _check_status(credential, result, status_lists, trust, now)
    _decide_trust(result, trust, bound_keys)


def _check_proofs(
    credential: dict[str, Any], result: VerificationResult, *, require: bool
) -> list[tuple[str, Any]]:
    """Verify every supported embedded proof; returns (controller, key) pairs bound to the issuer."""
    proofs = credential.get("proof")
    if proofs is None:
        if require:
            result.reasons.append("the credential is not signed (no proof)")
        return []
    proofs = [proofs] if isinstance(proofs, dict) else proofs
    if not isinstance(proofs, list):
        raise ShoshoError("proof must be an object or an array of objects")
    issuer = result.issuer_id or ""
    bound: list[tuple[str, Any]] = []
    checked = 0
    for proof in proofs:
        if not isinstance(proof, dict):
            result.reasons.append("a proof is not an object")
            continue
        if (
            proof.get("type") != "DataIntegrityProof"
            or proof.get("cryptosuite") not in SUITE_ALGORITHMS
        ):
            result.warnings.append(
                f"ignored a proof this verifier does not support: {proof.get('type')} {proof.get('cryptosuite') or ''}".rstrip()
            )
            continue
        checked += 1
        method = proof.get("verificationMethod")
        key, controller = _resolve_method(method, result)
        if key is None:
            continue
        problem = verify_proof(credential, proof, key)
        if problem:
            result.reasons.append(f"{proof.get('cryptosuite')} proof: {problem}")
            continue
        result.proofs.append(
            f"{proof['cryptosuite']} by {method} (created {proof.get('created', '?')})"
        )
        if controller == issuer:
            bound.append((issuer, key))
        else:
            result.warnings.append(f"the key {method} is not controlled by the issuer {issuer}")
    if checked == 0 and require:
        result.reasons.append(
            "the credential carries no proof this verifier supports (eddsa-rdfc-2022, ecdsa-rdfc-2019, VC-JWT)"
        )
    return bound


def _resolve_method(method: Any, result: VerificationResult):
    """(public key, controller) from ``did:key:z…[#z…]`` or ``<controller>#z…``."""
    if not isinstance(method, str) or not method:
        result.reasons.append("a proof has no verificationMethod")
        return None, None
    if method.startswith("did:key:"):
        multikey = method.removeprefix("did:key:").split("#")[0]
        if is_multikey(multikey):
            return public_key_from_multibase(multikey), f"did:key:{multikey}"
    controller, _, fragment = method.rpartition("#")
    if controller and is_multikey(fragment):
        return public_key_from_multibase(fragment), controller
    result.unknown_key = method
    result.reasons.append(
        f"cannot resolve the verification method {method} offline: give the issuer's did.json "
        "with --trust"
    )
    return None, None


def _check_schema(credential: dict[str, Any], result: VerificationResult) -> None:
    schema = schema_for(credential)
    if schema is None:
        return
    document = copy.deepcopy(credential)
    if isinstance(document.get("proof"), dict):
        document["proof"] = [document["proof"]]
        result.warnings.append("proof is a single object; the OB 3.0 JSON Schema expects an array")
    errors = schema_errors(document, schema)
    result.reasons.extend(f"schema: {error}" for error in errors[:10])


def _parse_time(value: Any, name: str) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ShoshoError(f"{name} is not a date-time: {value!r}") from None
    if moment.tzinfo is None:
        raise ShoshoError(f"{name} has no time zone: {value!r}")
    return moment


def _check_dates(credential: dict[str, Any], result: VerificationResult, now: datetime) -> None:
    valid_from = _parse_time(
        credential.get("validFrom") or credential.get("issuanceDate"), "validFrom"
    )
    valid_until = _parse_time(
        credential.get("validUntil") or credential.get("expirationDate"), "validUntil"
    )
    if valid_from and valid_from > now:
        result.reasons.append(f"not valid yet: valid from {result.valid_from}")
    if valid_until and valid_until < now:
        result.reasons.append(f"expired: valid until {result.valid_until}")


def _check_status(
    credential: dict[str, Any],
    result: VerificationResult,
    status_lists,
    trust: TrustedIssuers,
    now: datetime,
) -> None:
    entries = credential.get("credentialStatus")
    if entries is None:
        return
    entries = entries if isinstance(entries, list) else [entries]
    states = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        if entry.get("type") != "BitstringStatusListEntry":
            states.append(f"not checked: {entry.get('type')} needs the network")
            continue
        url = entry.get("statusListCredential")
        purpose = entry.get("statusPurpose", REVOCATION)
        try:
            index = int(entry.get("statusListIndex"))
        except (TypeError, ValueError):
            raise ShoshoError(
                f"statusListIndex is not an integer: {entry.get('statusListIndex')!r}"
            ) from None
        if url not in status_lists:
            state = _cached_state(trust, result, purpose, url, index)
            states.append(state or f"not checked: status list {url} is not available offline")
            continue
        checked = status_list_bits(
            status_lists[url], url, result.issuer_id, trust, result.key_fingerprints, now
        )
        if checked.purpose != purpose:
            raise ShoshoError(
                f"the status list {url} is a {checked.purpose} list, but the credential's "
                f"entry says {purpose}"
            )
        if not get_bit(checked.bits, index):
            states.append("active")
            continue
        state = "revoked" if purpose == REVOCATION else "suspended"
        revocation = sibling_url(url, REVOCATION) if purpose == SUSPENSION else None
        if revocation in status_lists:
            sibling = status_list_bits(
                status_lists[revocation], revocation, result.issuer_id, trust,
                result.key_fingerprints, now,
            )  # fmt: skip
            if sibling.purpose == REVOCATION and get_bit(sibling.bits, index):
                state, url = "revoked", revocation
        states.append(state)
        result.reasons.append(f"{state} (status list {url}, index {index})")
    result.status = "; ".join(states) if states else "none"


def _cached_state(trust, result, purpose: str, url: str, index: int) -> str | None:
    """The state from a trusted trust list's cached copy of the list, or None if none."""
    cached = trust.cached_status(result.issuer_id, purpose, url, index)
    if cached is None:
        return None
    bit, as_of = cached
    state = "active"
    if bit:
        state = "revoked" if purpose == REVOCATION else "suspended"
    if purpose == SUSPENSION:
        revocation = trust.cached_status(
            result.issuer_id, REVOCATION, sibling_url(url, REVOCATION), index
        )
        if revocation is not None and revocation[0]:
            state, url = "revoked", sibling_url(url, REVOCATION)
    if state != "active":
        result.reasons.append(
            f"{state} (status list {url}, index {index}, cached in the trust list)"
        )
    as_of_text = as_of.strftime("%Y-%m-%d %H:%M") if hasattr(as_of, "strftime") else str(as_of)
    result.warnings.append(f"status from the trust list's copy of {url} as of {as_of_text} UTC")
    return state


@dataclass(frozen=True)
class CheckedList:
    url: str
    issuer_id: str
    purpose: str
    bits: bytes
    as_of: datetime


def status_list_bits(
    signed: dict[str, Any] | str,
    url: str,
    issuer_id: str | None,
    trust: TrustedIssuers,
    issuer_keys: list[str],
    now: datetime,
) -> CheckedList:
    """The bits of a published list, once its signature checks out with a key that is trusted
    for ``issuer_id`` or that signed the credential being checked (``issuer_keys``)."""
    check = verify_credential(signed, trust, now=now)
    if check.verdict == INVALID:
        raise ShoshoError(f"the status list {url} does not verify: {'; '.join(check.reasons)}")
    if check.issuer_id != issuer_id:
        raise ShoshoError(f"the status list {url} is issued by {check.issuer_id}, not {issuer_id}")
    if check.verdict != VERIFIED and not set(check.key_fingerprints) & set(issuer_keys):
        raise ShoshoError(
            f"the status list {url} is signed by a key that is neither trusted for {issuer_id} "
            "nor the one that signed the credential"
        )
    credential = check.credential or {}
    stamp = _parse_time(credential.get("validFrom"), "validFrom") or now
    return CheckedList(url, issuer_id or "", list_purpose(credential), list_bits(credential), stamp)


def _decide_trust(
    result: VerificationResult, trust: TrustedIssuers, bound_keys: list[tuple[str, Any]]
) -> None:
    if result.reasons:
        result.verdict = INVALID
        return
    issuer = result.issuer_id or "?"
    for _controller, key in bound_keys:
        fingerprint = key_fingerprint(key)
        if trust.trusts(issuer, fingerprint):
            result.verdict = VERIFIED
            name = trust.name_of(issuer)
            result.trust = f"key {fingerprint} is listed for {name or issuer} in the trust list"
            return
    result.verdict = UNTRUSTED
    if not trust:
        result.trust = "no trust list given (--trust FILE or --trust-issuer ID): anyone could have made this key"
    elif not bound_keys:
        result.trust = f"the signing key is not bound to the issuer {issuer}"
    else:
        fingerprints = ", ".join(key_fingerprint(key) for _, key in bound_keys)
        result.trust = f"the key {fingerprints} is not in the trust list for {issuer}"


def load_status_list(path: str | Path) -> tuple[str, dict[str, Any] | str]:
    """(URL, signed list) of a published BitstringStatusListCredential file (JSON or VC-JWT)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"status list {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"status list {path} is not readable text: {error}") from None
    try:
        credential, signed = parse_published(text, str(path))
    except ShoshoError as error:
        raise UsageError(str(error)) from None
    return credential["id"], signed


def load_status_lists(paths) -> dict[str, dict[str, Any] | str]:
    """URL → signed list for every ``--status-list`` file. Where several files are the same
    list (dated export folders), the one published last (latest ``validFrom``) is used; two
    different lists with the same date are refused rather than one picked at random."""
    chosen: dict[str, tuple[str, dict[str, Any] | str, Path]] = {}
    for path in paths:
        url, signed = load_status_list(path)
        credential, _ = parse_published(serialise(signed).decode("utf-8"), str(path))
        stamp = str(credential.get("validFrom") or "")
        held = chosen.get(url)
        if held is not None:
            if held[0] == stamp and serialise(held[1]) != serialise(signed):
                raise UsageError(
                    f"{held[2]} and {path} are two different copies of {url} with the same date; "
                    "give only the one published last"
                )
            before, after = _parse_time(held[0], "validFrom"), _parse_time(stamp, "validFrom")
            if before and after and before >= after:
                continue
        chosen[url] = (stamp, signed, Path(path))
    return {url: signed for url, (_, signed, _) in chosen.items()}
