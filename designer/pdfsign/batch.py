"""PDF signing as a step of the issuing pipeline, and the time-stamps a batch still owes.

The step runs in the main process (which holds the token), after a record's files are written
and before the record is marked done: a crash in between leaves the record not done, so
resuming renders and signs it again. Each signed PDF is journaled (``pdf.sign``) with its
SHA-256, the certificate and whether its time-stamp is in the signature or still owed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from designer.errors import ShoshoError, UsageError
from designer.keys.signer import Signer

OPTIONS_KEY = "pdf_signature"
"""The key of a batch's options (and of an issuer profile) holding its PDF-signing choice."""
PROFILE_FIELDS = {"sign", "tsa_url"}


@dataclass(frozen=True)
class PdfSignatureOptions:
    sign: bool = False
    tsa_url: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"sign": self.sign, "tsa_url": self.tsa_url}

    @classmethod
    def from_json(cls, data: Any) -> PdfSignatureOptions:
        if not isinstance(data, dict):
            return cls()
        return cls(sign=bool(data.get("sign")), tsa_url=data.get("tsa_url") or None)


def check_profile_section(data: Any, source: str) -> None:
    """The ``pdf_signature`` section of an issuer profile: ``{"sign": true, "tsa_url": …}``."""
    from designer.pdfsign.timestamps import check_tsa_url

    if not isinstance(data, dict):
        raise ShoshoError(f"{source}: 'pdf_signature' is an object, e.g. {{\"sign\": true}}")
    unknown = sorted(set(data) - PROFILE_FIELDS)
    if unknown:
        raise ShoshoError(
            f"{source}: unknown key(s) {', '.join(unknown)} in 'pdf_signature' "
            f"(known: {', '.join(sorted(PROFILE_FIELDS))})"
        )
    if "sign" in data and not isinstance(data["sign"], bool):
        raise ShoshoError(f"{source}: 'pdf_signature.sign' is true or false")
    if data.get("tsa_url") is not None:
        check_tsa_url(data["tsa_url"], f"{source}: 'pdf_signature.tsa_url'")


def resolve_options(
    profile: dict[str, Any], sign: bool | None, tsa_url: str | None
) -> PdfSignatureOptions:
    """The command line's (or wizard's) choice, else the issuer profile's default."""
    default = PdfSignatureOptions.from_json(profile.get(OPTIONS_KEY))
    return PdfSignatureOptions(
        sign=default.sign if sign is None else sign, tsa_url=tsa_url or default.tsa_url
    )


def wanted(store, issuer_ref: str, sign: bool | None) -> bool:
    """Whether a batch about to be planned will sign its PDFs: the explicit choice, else the
    default of the issuer profile it names (a file, or a profile saved in the store)."""
    if sign is not None:
        return sign
    from designer.issue.profile import profile_of, read_profile_file
    from designer.store.models import Issuer

    path = Path(issuer_ref)
    if path.suffix.lower() == ".json" or path.exists():
        profile = read_profile_file(path)
    else:
        with store.read() as session:
            issuer = session.execute(
                select(Issuer).where(Issuer.name == issuer_ref)
            ).scalar_one_or_none()
            profile = profile_of(issuer) if issuer is not None else {}
    return PdfSignatureOptions.from_json(profile.get(OPTIONS_KEY)).sign


def check_signer_for_pdfs(signer: Signer) -> None:
    """Fail before a batch is planned when its PDFs could not be signed with this key."""
    from designer.pdfsign.certificates import load_certificate
    from designer.settings import data_home

    if not signer.key_id.startswith("pkcs11:"):
        raise UsageError(
            f"--sign-pdf signs with a token key (pkcs11:…); {signer.key_id} is a key file"
        )
    load_certificate(data_home(), signer)


class PdfSigningStep:
    """Signs the PDFs among rendered records' files, in place, and journals them."""

    def __init__(self, store, batch_id: int, signer: Signer, options: PdfSignatureOptions,
                 template, out_dir: Path) -> None:  # fmt: skip
        from designer.pdfsign.signing import PdfSigningSession, signature_box
        from designer.pdfsign.timestamps import reachable_timestamper
        from designer.settings import data_home

        self.store, self.batch_id, self.out_dir = store, batch_id, out_dir
        self.timestamper = reachable_timestamper(options.tsa_url)
        self.timestamp_owed = bool(options.tsa_url) and self.timestamper is None
        self.session = PdfSigningSession(
            signer, data_home(), timestamper=self.timestamper, box=signature_box(template)
        )
        self.certificate_sha256 = hashlib.sha256(
            self.session.certificate.certificate.dump()
        ).hexdigest()
        self.signed = 0

    def __call__(self, rendered: list) -> list:
        from designer.issue.files import write_atomic
        from designer.issue.work import Rendered

        signed, entries = [], []
        for record in rendered:
            files = dict(record.files)
            for name in [n for n in files if n.lower().endswith(".pdf")]:
                path = self.out_dir / name
                data = self.session.sign(path.read_bytes(), str(path))
                files[name] = write_atomic(path, data, durable=False)
                entries.append((record.credential_id, name, files[name]))
            signed.append(Rendered(record.credential_id, files))
        if entries:
            self._journal(entries)
        self.signed += len(entries)
        return signed

    def _journal(self, entries: list[tuple[str, str, str]]) -> None:
        from designer.store import audit

        stamp = "signature" if self.timestamper else ("queued" if self.timestamp_owed else "none")
        with self.store.write() as session:
            audit.append_many(
                session,
                [
                    ("pdf.sign", credential_id,
                     {"batch": self.batch_id, "file": name, "sha256": digest,
                      "certificate": self.certificate_sha256, "timestamp": stamp})
                    for credential_id, name, digest in entries
                ],
            )  # fmt: skip

    def close(self) -> None:
        self.session.close()


@contextlib.contextmanager
def pdf_signing_step(store, batch_id: int, signer: Signer, template_content: bytes, out_dir):
    """The batch's PDF-signing step, or None when the batch does not sign its PDFs."""
    from designer.issue.records import template_from_archive
    from designer.store.models import Batch

    with store.read() as session:
        options = json.loads(session.get(Batch, batch_id).options_json)
    choice = PdfSignatureOptions.from_json(options.get(OPTIONS_KEY))
    if not choice.sign or "pdf" not in options.get("outputs", ()):
        yield None
        return
    step = PdfSigningStep(
        store, batch_id, signer, choice, template_from_archive(template_content), Path(out_dir)
    )
    try:
        yield step
    finally:
        step.close()


@dataclass
class TimestampResult:
    batch_id: int
    stamped: int = 0
    already: int = 0
    unsigned: int = 0
    missing: list[str] = field(default_factory=list)


def timestamp_batch(store, batch_id: int, tsa_url: str | None = None) -> TimestampResult:
    """Add a document time-stamp to every signed PDF of the batch that has none yet.

    Which PDFs still need one is read from the files themselves, so running it again after a
    crash or a lost connection carries on where it stopped and never stamps a file twice."""
    from designer.issue.files import flush_folder, write_atomic
    from designer.pdfsign.timestamps import (
        TimestampUnavailable,
        add_document_timestamp,
        has_timestamp,
        is_signed,
        make_timestamper,
    )
    from designer.store import audit
    from designer.store.models import DONE, Batch, Credential

    with store.read() as session:
        batch = session.get(Batch, batch_id)
        if batch is None:
            raise ShoshoError(f"there is no batch {batch_id}")
        options = PdfSignatureOptions.from_json(json.loads(batch.options_json).get(OPTIONS_KEY))
        out_dir = Path(batch.out_dir)
        rows = session.execute(
            select(Credential.id, Credential.files_json)
            .where(Credential.batch_id == batch_id, Credential.state == DONE)
            .order_by(Credential.seq)
        ).all()
    url = tsa_url or options.tsa_url
    if not url:
        raise UsageError(
            f"batch {batch_id} names no time-stamp authority: give --tsa URL (or set "
            "pdf_signature.tsa_url in the issuer profile)"
        )
    timestamper = make_timestamper(url)
    result = TimestampResult(batch_id)
    for credential_id, files_json in rows:
        files = json.loads(files_json or "{}")
        changed = False
        for name in [n for n in files if n.lower().endswith(".pdf")]:
            path = out_dir / name
            if not path.is_file():
                result.missing.append(str(path))
                continue
            data = path.read_bytes()
            if not is_signed(data):
                result.unsigned += 1
                continue
            if has_timestamp(data):
                result.already += 1
                digest = hashlib.sha256(data).hexdigest()
                if files[name] != digest:  # stamped by a run that stopped before journaling
                    files[name], changed = digest, True
                continue
            try:
                stamped = add_document_timestamp(data, timestamper, str(path))
            except TimestampUnavailable as error:
                raise TimestampUnavailable(
                    f"{error}. {result.stamped} PDFs were time-stamped; run "
                    f"`shosho pdf timestamp {batch_id}` again when the TSA can be reached"
                ) from None
            files[name] = write_atomic(path, stamped, durable=False)
            flush_folder(out_dir, [name])
            changed = True
            result.stamped += 1
        if changed:
            with store.write() as session:
                session.execute(
                    update(Credential)
                    .where(Credential.id == credential_id)
                    .values(files_json=json.dumps(files, ensure_ascii=False))
                )
                audit.append(
                    session, "pdf.timestamp", credential_id, {"batch": batch_id, "tsa": url}
                )
    return result
