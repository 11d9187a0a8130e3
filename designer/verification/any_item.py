"""One entry point for whatever a verifier is handed: a signed credential (JSON, VC-JWT, baked
PNG/SVG), a certificate PDF, a photo or scan of the paper, or the text of its QR code.

A PDF is checked twice: the signed credential it carries as an attachment, and the QR seal
printed on it (which must sign that same credential). The worst finding decides.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from designer.errors import EXIT_DATA_ERROR, EXIT_OK, EXIT_UNTRUSTED, ShoshoError, UsageError
from designer.keys.demo import is_demo_issuer as is_demo_issuer
from designer.pdfsign.checking import PdfSignatureReport, check_pdf_file
from designer.verification.credential import VERIFIED, VerificationResult, verify_file
from designer.verification.paper import IMAGE_SUFFIXES, PaperVerdict, looks_like_seal, verify_paper
from designer.verification.trust_store import Trust as Trust
from designer.verification.trust_store import TrustStore
from designer.verification.trust_store import load_trust as load_trust

CREDENTIAL_SUFFIXES = {".json", ".jsonld", ".jwt", ".jws", ".svg"}
_SEVERITY = {EXIT_OK: 0, EXIT_UNTRUSTED: 1, EXIT_DATA_ERROR: 2}

SEAL_UNTRUSTED = "untrusted"
"""The seal's signature checks out with the attached credential's key, which nobody vouches for."""

SEAL_HEADLINES = {
    "genuine": "GENUINE: the printed seal is signed by a trusted issuer",
    SEAL_UNTRUSTED: "SIGNATURE VALID, ISSUER NOT TRUSTED: the seal is signed with the "
    "credential's key, which no trust source lists",
    "not_genuine": "NOT GENUINE: the printed seal does not verify",
    "revoked": "REVOKED: the issuer has revoked this credential",
    "suspended": "SUSPENDED: the issuer has suspended this credential",
    "expired": "EXPIRED",
    "unknown_issuer": "CANNOT CHECK: the seal's key is unknown (not in any trust source)",
}


def worst(codes) -> int:
    return max(codes, key=_SEVERITY.__getitem__, default=EXIT_OK)


@dataclass
class ItemResult:
    source: str
    credential: VerificationResult | None = None
    paper: PaperVerdict | None = None
    pdf_signatures: PdfSignatureReport | None = None
    notes: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def seal_code(self) -> int | None:
        if self.paper is None:
            return None
        if self.paper.genuine:
            return EXIT_OK
        if self.paper.seal.status == SEAL_UNTRUSTED and self.paper.credential_matches is not False:
            return EXIT_UNTRUSTED  # checked with the credential's key, which nobody vouches for
        return EXIT_DATA_ERROR  # forged, withdrawn, or not checked at all (unknown key)

    @property
    def exit_code(self) -> int:
        if self.error:
            return EXIT_DATA_ERROR
        codes = [
            c
            for c in (
                self.seal_code,
                self.credential and self.credential.exit_code,
                self.pdf_signatures and self.pdf_signatures.exit_code,
            )
            if c is not None
        ]
        return worst(codes) if codes else EXIT_DATA_ERROR

    @property
    def headline(self) -> str:
        if self.error:
            return "INVALID"
        withdrawn = {
            self.credential.status if self.credential else None,
            self.paper.seal.status if self.paper else None,
        }
        if "revoked" in withdrawn:
            return "REVOKED: the issuer has revoked this credential"
        if "suspended" in withdrawn:
            return "SUSPENDED: the issuer has suspended this credential"
        code = self.exit_code
        unknown = self._unknown_key()
        if code == EXIT_DATA_ERROR and unknown:
            return f"CANNOT CHECK (unknown key {unknown})"
        if code == EXIT_OK:
            return "VERIFIED: signature valid, issuer trusted"
        if code == EXIT_UNTRUSTED:
            return "SIGNATURE VALID, ISSUER NOT TRUSTED"
        if self.pdf_signatures is not None and self.pdf_signatures.exit_code == EXIT_DATA_ERROR:
            return (
                "INVALID: the PDF signature does not verify, or the PDF was changed after signing"
            )
        if self.paper is not None and not self.paper.genuine:
            if self.paper.credential_matches is False:
                return "NOT GENUINE: the printed seal does not match the attached credential"
            return SEAL_HEADLINES.get(self.paper.seal.status, "NOT GENUINE")
        return "INVALID"

    def _unknown_key(self) -> str | None:
        """The key of a signature that could not be checked, if that is what decides."""
        paper = self.paper
        if (
            paper is not None
            and paper.seal.status == "unknown_issuer"
            and paper.credential_matches is not False
        ):
            return paper.seal.kid or "?"
        if self.credential is not None and self.credential.unknown_key:
            return self.credential.unknown_key
        return None

    def describe(self) -> str:
        lines = [f"{self.source}: {self.headline}"]
        if self.error:
            lines.append(f"  reason: {self.error}")
        if self.paper is not None:
            seal = self.paper.seal
            lines.append(f"  printed seal: {SEAL_HEADLINES.get(seal.status, seal.status)}")
            if seal.reason:
                lines.append(f"    {seal.reason}")
            if seal.issuer is not None:
                lines.append(f"    issuer: {seal.issuer.display_name} <{seal.issuer.id}>")
            claims = seal.claims
            if claims is not None:
                for label, value in (
                    ("name", claims.name),
                    ("achievement", claims.achievement),
                    ("date as printed", claims.printed_date),
                    ("issued", claims.issued),
                    ("student number", claims.student_number),
                    ("expires", claims.expires),
                ):
                    if value:
                        lines.append(f"    {label}: {value}")
            if seal.status_checked and seal.status_as_of:
                lines.append(f"    status as of {seal.status_as_of:%Y-%m-%d %H:%M} UTC")
            elif claims is not None and claims.status_index is not None:
                lines.append(
                    "    status: not checked (no status list for this issuer in the trust list)"
                )
            if self.paper.credential_matches is True:
                lines.append("    the seal signs the attached credential")
            lines += [f"    note: {note}" for note in [*seal.notes, *self.paper.notes]]
        if self.credential is not None:
            body = self.credential.describe().splitlines()
            lines.append(f"  credential: {self.credential.headline}")
            lines += ["  " + line for line in body[1:]]
        if self.pdf_signatures is not None:
            lines += self.pdf_signatures.describe()
        lines += [f"  note: {note}" for note in self.notes]
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        verdict = {EXIT_OK: "verified", EXIT_UNTRUSTED: "untrusted"}.get(self.exit_code, "invalid")
        if self.exit_code == EXIT_DATA_ERROR and self._unknown_key():
            verdict = "cannot_check"
        data: dict[str, Any] = {
            "source": self.source,
            "verdict": verdict,
            "exit_code": self.exit_code,
            "headline": self.headline,
        }
        if self.error:
            data["error"] = self.error
        if self.credential is not None:
            data["credential"] = self.credential.to_json()
        if self.paper is not None:
            seal = self.paper.seal
            claims = seal.claims
            data["seal"] = {
                "status": seal.status,
                "reason": seal.reason,
                "issuer": seal.issuer.id if seal.issuer else None,
                "claims": None
                if claims is None
                else {
                    "credential_id": str(claims.credential_id),
                    "name": claims.name,
                    "achievement": claims.achievement,
                    "issued": str(claims.issued),
                    "student_number": claims.student_number,
                    "expires": str(claims.expires) if claims.expires else None,
                    "status_index": claims.status_index,
                },
                "status_as_of": seal.status_as_of.isoformat() if seal.status_as_of else None,
                "matches_attachment": self.paper.credential_matches,
            }
        if self.pdf_signatures is not None:
            data["pdf_signature"] = self.pdf_signatures.to_json()
        if self.notes:
            data["notes"] = self.notes
        return data


MAX_QR_TEXT = 7089
"""The most characters a QR code holds (version 40, digits only)."""


def is_seal_text(item: str) -> bool:
    text = item.strip()
    if len(text) > MAX_QR_TEXT:
        return False
    return (text.startswith(("https://", "http://")) or text.isdigit()) and looks_like_seal(text)


def _exists(item: str | Path) -> bool:
    """Whether ``item`` names a file; text far too long for a path is not one."""
    try:
        return Path(item).exists()
    except (OSError, ValueError):
        return False


def verify_item(
    item: str | Path,
    trust: TrustStore,
    *,
    status_lists: dict[str, dict[str, Any]] | None = None,
    now: dt.datetime | None = None,
) -> ItemResult:
    """Verify one thing a user hands over. A file that does not exist is a UsageError."""
    status_lists = status_lists or {}
    moment = now or dt.datetime.now(dt.UTC)
    today = now.date() if now else None
    if isinstance(item, str) and not _exists(item) and is_seal_text(item):
        result = ItemResult(source="QR text")
        seals, notes = trust.seals_for(None, status_lists, [], moment)
        result.paper = verify_paper(item.strip(), seals, today=today)
        result.notes += notes
        return result
    path = Path(item)
    if not _exists(path):
        shown = (
            str(item)
            if len(str(item)) <= 200
            else f"{str(item)[:60]}… ({len(str(item))} characters)"
        )
        if isinstance(item, str) and len(item.strip()) > MAX_QR_TEXT:
            raise UsageError(
                f"{shown}: longer than any QR code holds ({MAX_QR_TEXT} characters), and not a file"
            )
        raise UsageError(
            f"{shown} does not exist (give a credential, a PDF, a photo or scan, or a QR text)"
        )
    result = ItemResult(source=str(path))
    suffix = path.suffix.lower()
    try:
        if suffix == ".pdf":
            _verify_pdf(path, trust, result, status_lists, now, moment, today)
        elif suffix == ".png" and _is_baked(path):
            result.credential = verify_file(
                path, trust.credentials, status_lists=status_lists, now=now
            )
        elif suffix in IMAGE_SUFFIXES:
            seals, notes = trust.seals_for(None, status_lists, [], moment)
            result.paper = verify_paper(path, seals, today=today)
            result.notes += notes
        else:
            result.credential = verify_file(
                path, trust.credentials, status_lists=status_lists, now=now
            )
    except UsageError:
        raise
    except ShoshoError as error:
        result.error = str(error)
    issuer = result.credential.issuer_id if result.credential else None
    if issuer and is_demo_issuer(issuer):
        result.notes.append(
            "issued by the demo issuer of `shosho demo`: its key is published with Shosho, "
            "so it proves nothing and is never trusted"
        )
    return result


def _is_baked(path: Path) -> bool:
    from designer.credential.baking import read_baked

    try:
        read_baked(path.read_bytes(), str(path))
    except ShoshoError:
        return False
    return True


def _verify_pdf(path, trust, result, status_lists, now, moment, today) -> None:
    """The attached credential first; then the seal, against the keys listed for the issuer
    the credential names (or, if none is, the credential's own key, which proves the seal was
    made with it but not who holds it)."""
    from designer.verification.paper import pdf_attachments

    attachments = pdf_attachments(path)
    if any(name.lower().endswith((".json", ".jwt", ".jws")) for name in attachments):
        result.credential = verify_file(path, trust.credentials, status_lists=status_lists, now=now)
    else:
        result.notes.append("the PDF carries no signed credential attachment")
    trusted = result.credential is not None and result.credential.verdict == VERIFIED
    result.pdf_signatures = check_pdf_file(path, attachments, trust.pdf_roots, trusted)
    credential = result.credential
    issuer_id = credential.issuer_id if credential else None
    keys = credential.key_fingerprints if credential else []
    seals, notes = trust.seals_for(issuer_id, status_lists, keys, moment)
    try:
        result.paper = verify_paper(path, seals, today=today)
    except ShoshoError as error:
        if result.credential is None:
            raise
        result.notes.append(f"no printed seal checked: {error}")
        return
    result.notes += notes
    if result.paper.seal.status == "unknown_issuer" and issuer_id and keys:
        _check_seal_with_credential_key(result, trust, issuer_id, keys, status_lists, moment, today)


def _check_seal_with_credential_key(result, trust, issuer_id, keys, status_lists, moment, today):
    from designer.signing.seal import GENUINE, verify_seal_text

    own = trust.own_key_seals(issuer_id, keys, status_lists, moment)
    if own is None:
        return
    seal = verify_seal_text(result.paper.text, own, today=today)
    if seal.status == "unknown_issuer":
        return  # made with another key than the credential's: still unknown
    if seal.status == GENUINE:
        seal = dataclasses.replace(
            seal,
            status=SEAL_UNTRUSTED,
            reason="the seal is signed with the key that signed the attached credential",
            issuer=None,
        )
    result.paper = dataclasses.replace(result.paper, seal=seal)
