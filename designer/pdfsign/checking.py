"""What ``shosho verify`` says about a PDF's own signatures, beside its credential and seal.

For each signature pyHanko's validator answers: is the signed byte range intact, does the
signature verify, does the signer's certificate chain end at a certificate the verifier
trusts, and what was added to the file after signing. Nothing is fetched from the network.
A signature is called trusted only when its chain reaches a trusted CA certificate, or when
its key is the key that signs the (trusted) credential the PDF carries.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from designer.errors import EXIT_DATA_ERROR, EXIT_OK, EXIT_UNTRUSTED
from designer.pdfsign.certificates import is_self_signed, is_trial, read_certificates

TRUST_FOLDER = "pdf-trust"
"""CA certificates (PEM/DER) in the data folder that PDF signatures may chain to."""
CERTIFICATE_SUFFIXES = {".pem", ".crt", ".cer", ".der"}


@dataclass
class PdfSignatureCheck:
    """One signature (or document time-stamp) of a PDF, as checked."""

    field: str
    kind: str  # "signature" | "timestamp"
    signer: str = ""
    intact: bool = False
    valid: bool = False
    chain: str = "not checked"
    """``trusted`` (ends at a trusted CA), ``trial`` (Shosho's self-signed trial certificate),
    ``self-signed``, ``untrusted`` (an unknown CA) or a reason."""
    chain_trusted: bool = False
    changed_after: str = ""
    """Empty when nothing was added after signing, else what was."""
    changed_ok: bool = True
    timestamp: str | None = None
    signed_at: str | None = None
    public_key_der: bytes = b""
    problems: list[str] = field(default_factory=list)

    @property
    def sound(self) -> bool:
        """Intact, verifying, and nothing but allowed additions (time-stamps, validation
        data) after it."""
        return self.intact and self.valid and self.changed_ok and not self.problems


@dataclass
class PdfSignatureReport:
    signatures: list[PdfSignatureCheck] = field(default_factory=list)
    same_key_as_credential: bool | None = None
    """Whether the credential's proof verifies with the PDF signer's key (None: not known)."""
    credential_trusted: bool = False

    @property
    def signed(self) -> bool:
        return any(s.kind == "signature" for s in self.signatures)

    @property
    def exit_code(self) -> int | None:
        """None for an unsigned PDF (nothing to say), else OK / UNTRUSTED / DATA_ERROR."""
        if not self.signatures:
            return None
        if not all(s.sound for s in self.signatures):
            return EXIT_DATA_ERROR
        key_vouched = self.same_key_as_credential is True and self.credential_trusted
        signers = [s for s in self.signatures if s.kind == "signature"]
        if all(s.chain_trusted or key_vouched for s in signers):
            return EXIT_OK
        return EXIT_UNTRUSTED

    def describe(self) -> list[str]:
        lines = []
        for check in self.signatures:
            what = "PDF signature" if check.kind == "signature" else "PDF document time-stamp"
            verdict = "VALID" if check.sound else "INVALID"
            lines.append(f"  {what} {check.field!r}: {verdict}")
            if check.signer:
                lines.append(f"    signer: {check.signer}")
            lines.append(f"    integrity: {'intact' if check.intact else 'BROKEN'}" + (
                "" if check.valid or not check.intact else ", signature does not verify"))  # fmt: skip
            lines.append(f"    certificate chain: {_chain_text(check)}")
            lines.append(
                "    changed after signing: "
                + (check.changed_after or "no")
                + ("" if check.changed_ok else " (NOT ALLOWED)")
            )
            if check.signed_at:
                lines.append(f"    signing time (signer's clock): {check.signed_at}")
            if check.timestamp:
                lines.append(f"    time-stamp: {check.timestamp}")
            lines += [f"    problem: {p}" for p in check.problems]
        if self.signed and self.same_key_as_credential is False:
            lines.append(
                "  note: the PDF signature and the attached credential were made by different keys"
            )
        elif self.signed and self.same_key_as_credential:
            lines.append(
                "  the PDF signature and the attached credential were made by the same key"
            )
        return lines

    def to_json(self) -> dict[str, Any]:
        return {
            "signatures": [
                {
                    "field": s.field,
                    "kind": s.kind,
                    "signer": s.signer,
                    "valid": s.sound,
                    "intact": s.intact,
                    "chain": s.chain,
                    "chain_trusted": s.chain_trusted,
                    "changed_after_signing": s.changed_after or None,
                    "timestamp": s.timestamp,
                    "problems": s.problems,
                }
                for s in self.signatures
            ],
            "same_key_as_credential": self.same_key_as_credential,
        }


def _chain_text(check: PdfSignatureCheck) -> str:
    return {
        "trusted": "ends at a certificate the trust configuration names",
        "trial": "Shosho trial certificate (self-signed): no CA vouches for it",
        "self-signed": "self-signed: no CA vouches for it",
        "untrusted": "issued by a CA that is not in the trust configuration",
    }.get(check.chain, check.chain)


def installed_trust_anchors(home: Path) -> list:
    """CA certificates the office put in the data folder's ``pdf-trust`` folder."""
    folder = home / TRUST_FOLDER
    anchors: list = []
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in CERTIFICATE_SUFFIXES:
                anchors += read_certificates(path)
    return anchors


def check_pdf_signatures(
    pdf: bytes, trust_anchors: list, source: str = "PDF", *, credential_text: str | None = None,
    credential_trusted: bool = False,
) -> PdfSignatureReport:  # fmt: skip
    """Check every signature and document time-stamp of ``pdf`` against ``trust_anchors``
    (asn1crypto certificates), and whether ``credential_text`` was signed by the same key."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    report = PdfSignatureReport(credential_trusted=credential_trusted)
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        report.signatures.append(
            PdfSignatureCheck(field="?", kind="signature", problems=[f"{source}: {error}"])
        )
        return report
    for signature in embedded:
        report.signatures.append(_check_one(signature, trust_anchors))
    keys = [s.public_key_der for s in report.signatures if s.kind == "signature"]
    if keys and credential_text is not None:
        report.same_key_as_credential = all(signed_with_key(credential_text, key) for key in keys)
    return report


def _validation_context(trust_anchors: list):
    from pyhanko_certvalidator import ValidationContext

    # Offline: no OCSP or CRL fetching; a missing revocation answer does not fail the chain.
    return ValidationContext(
        trust_roots=list(trust_anchors), allow_fetching=False, revocation_mode="soft-fail"
    )


def _check_one(signature, trust_anchors: list) -> PdfSignatureCheck:
    from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp

    name = signature.field_name or "?"
    timestamp_kind = signature.sig_object_type == "/DocTimeStamp"
    check = PdfSignatureCheck(field=name, kind="timestamp" if timestamp_kind else "signature")
    try:
        if timestamp_kind:
            status = validate_pdf_timestamp(signature, _validation_context(trust_anchors))
        else:
            status = validate_pdf_signature(signature, _validation_context(trust_anchors))
    except Exception as error:  # a malformed signature dictionary or CMS blob
        check.problems.append(f"the signature cannot be read ({type(error).__name__}: {error})")
        return check
    certificate = status.signing_cert
    check.signer = certificate.subject.human_friendly
    check.public_key_der = certificate.public_key.dump()
    check.intact, check.valid = bool(status.intact), bool(status.valid)
    check.chain_trusted = bool(status.trusted)
    if status.trusted:
        check.chain = "trusted"
    elif is_trial(certificate):
        check.chain = "trial"
    elif is_self_signed(certificate):
        check.chain = "self-signed"
    else:
        check.chain = "untrusted"
    _coverage(status, check)
    if not timestamp_kind:
        reported = getattr(status, "signer_reported_dt", None)
        check.signed_at = reported.isoformat() if reported else None
        stamp = getattr(status, "timestamp_validity", None)
        if stamp is not None:
            check.timestamp = _stamp_text(stamp)
    else:
        check.timestamp = _stamp_text(status)
    return check


def _stamp_text(stamp) -> str:
    ok = stamp.intact and stamp.valid
    when = stamp.timestamp.isoformat() if getattr(stamp, "timestamp", None) else "?"
    by = stamp.signing_cert.subject.human_friendly if stamp.signing_cert else "?"
    trust = "trusted TSA" if stamp.trusted else "TSA not in the trust configuration"
    return f"{when} by {by} ({trust})" if ok else f"INVALID time-stamp by {by}"


def _coverage(status, check: PdfSignatureCheck) -> None:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    coverage = status.coverage
    level = status.modification_level
    if not status.intact:
        check.changed_after = "yes: the signed bytes were altered"
        check.changed_ok = False
    elif coverage == SignatureCoverageLevel.ENTIRE_FILE:
        check.changed_after = ""
    elif coverage == SignatureCoverageLevel.ENTIRE_REVISION:
        if level in (None, ModificationLevel.NONE):
            check.changed_after = ""
        elif level == ModificationLevel.LTA_UPDATES:
            check.changed_after = "only time-stamps and validation data were added"
        else:
            check.changed_after = f"yes: later revisions change the document ({level.name})"
            check.changed_ok = False
    else:
        check.changed_after = "the signature does not cover the whole revision"
        check.changed_ok = False
    if status.docmdp_ok is False:
        check.changed_ok = False


def signed_with_key(credential_text: str, public_key_der: bytes) -> bool:
    """Whether the credential's proof (or VC-JWT signature) verifies with this public key."""
    from cryptography.hazmat.primitives.serialization import load_der_public_key

    from designer.errors import ShoshoError
    from designer.signing.data_integrity import unsecured, verify_proof
    from designer.signing.vcjwt import decode_jwt, verify_jws_signature

    try:
        key = load_der_public_key(public_key_der)
    except ValueError:
        return False
    text = credential_text.strip()
    try:
        if text.startswith("{"):
            credential = json.loads(text)
            proofs = credential.get("proof")
            proofs = proofs if isinstance(proofs, list) else [proofs]
            return any(
                isinstance(p, dict) and verify_proof(unsecured(credential), p, key) is None
                for p in proofs
            )
        header, _payload, signing_input, signature = decode_jwt(text)
        return verify_jws_signature(header, signing_input, signature, key) is None
    except (ShoshoError, ValueError, TypeError, AttributeError):
        return False


def trust_anchors(files: list[Path], installed: bool) -> list:
    """CA certificates from ``--trust`` files and, if ``installed``, the data folder's."""
    from designer.settings import data_home

    anchors = installed_trust_anchors(data_home()) if installed else []
    for path in files:
        anchors += read_certificates(path)
    return anchors


def check_pdf_file(
    path: Path, attachments: dict[str, bytes], trust_anchors: list, credential_trusted: bool
) -> PdfSignatureReport | None:
    """The report for a PDF file, or None when the PDF has no signature at all."""
    data = path.read_bytes()
    if b"/ByteRange" not in data:
        return None
    credential = next(
        (
            content.decode("utf-8", "replace")
            for name, content in attachments.items()
            if name.lower().endswith((".json", ".jwt", ".jws"))
        ),
        None,
    )
    report = check_pdf_signatures(
        data, trust_anchors, str(path), credential_text=credential,
        credential_trusted=credential_trusted,
    )  # fmt: skip
    return report if report.signatures else None
