"""The bundle for upload: per recipient the signed credential, baked PNG/SVG and PDF; a manifest
(JSON and CSV) with SHA-256 of every file; the signed status lists; the issuer's did.json and
profile; and a README. ``check_bundle`` re-hashes everything against the manifest."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import select

from designer.errors import ShoshoError, UsageError
from designer.issue.files import write_atomic
from designer.issue.profile import profile_of
from designer.keys.signer import Signer
from designer.store import Store, audit
from designer.store.models import (
    DONE,
    REVOKED,
    SUPERSEDED,
    SUSPENDED,
    Batch,
    Credential,
    Issuer,
)

MANIFEST = "manifest.json"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
WITHDRAWN = (REVOKED, SUPERSEDED)
"""States left out of a bundle: their files are never handed out again (listed, without files,
in the manifest)."""


@dataclass(frozen=True)
class BundleSelection:
    """Which credentials go into a bundle: one batch, or an issuer's credentials (optionally
    issued between two dates, both included, local time)."""

    batch_id: int | None = None
    issuer: str | None = None  # saved profile name or issuer id
    since: dt.date | None = None
    until: dt.date | None = None

    def describe(self) -> str:
        parts = [f"batch {self.batch_id}"] if self.batch_id is not None else []
        if self.issuer:
            parts.append(f"issuer {self.issuer}")
        if self.since or self.until:
            parts.append(f"issued {self.since or '…'} to {self.until or '…'}")
        return ", ".join(parts) or "every credential"


def neutralise(cell: str) -> str:
    """Stop spreadsheets from reading a cell as a formula (CSV injection)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()).astimezone(dt.UTC)


def _select(session, selection: BundleSelection) -> tuple[Issuer, list[Credential]]:
    query = select(Credential).order_by(Credential.batch_id, Credential.seq)
    if selection.batch_id is not None:
        batch = session.get(Batch, selection.batch_id)
        if batch is None:
            raise ShoshoError(f"there is no batch {selection.batch_id} (see shosho batches)")
        query = query.where(Credential.batch_id == batch.id)
    if selection.issuer:
        issuers = (
            session.execute(
                select(Issuer).where(
                    (Issuer.name == selection.issuer) | (Issuer.issuer_uri == selection.issuer)
                )
            )
            .scalars()
            .all()
        )
        if len(issuers) != 1:
            known = ", ".join(session.execute(select(Issuer.name)).scalars()) or "none"
            raise ShoshoError(
                f"issuer {selection.issuer!r}: "
                + ("names several profiles" if issuers else f"not in this store (saved: {known})")
            )
        query = query.where(Credential.issuer_id == issuers[0].id)
    if selection.since:
        query = query.where(Credential.issued_at >= _local_midnight(selection.since))
    if selection.until:
        query = query.where(
            Credential.issued_at < _local_midnight(selection.until + dt.timedelta(days=1))
        )
    credentials = session.execute(query).scalars().all()
    if not credentials:
        raise ShoshoError(f"no credentials for {selection.describe()}: nothing to export")
    issuer_ids = {c.issuer_id for c in credentials}
    if len(issuer_ids) > 1:
        names = sorted(session.get(Issuer, i).name for i in issuer_ids)
        raise UsageError(
            f"{selection.describe()} covers several issuers ({', '.join(names)}): a bundle is "
            "one issuer's, signed with its key; add --issuer NAME"
        )
    return session.get(Issuer, issuer_ids.pop()), list(credentials)


def export_bundle(
    store: Store,
    selection: BundleSelection | int,
    out: Path,
    signer: Signer | None,
    *,
    force: bool = False,
    did_json: dict | None = None,
) -> dict:
    """Write the bundle; returns its manifest. Revoked and superseded credentials are left out
    (listed without files in the manifest). Refuses to replace ``out`` unless ``force``.
    ``did_json`` is the issuer's published DID document, whose keys the bundle's keeps."""
    if isinstance(selection, int):
        selection = BundleSelection(batch_id=selection)
    if out.exists() and not force:
        raise ShoshoError(
            f"{out} already exists: choose another name, or give --force to replace it"
        )
    with store.read() as session:
        issuer, credentials = _select(session, selection)
        profile = profile_of(issuer)
        issuer_row = issuer.id
        out_dirs = {b.id: Path(b.out_dir) for b in session.execute(select(Batch)).scalars()}
    unfinished = sorted({c.batch_id for c in credentials if c.state != DONE})
    if unfinished:
        left = sum(1 for c in credentials if c.state != DONE)
        raise ShoshoError(
            f"batch {unfinished[0]} is not finished ({left} records left): "
            f"run 'shosho issue --resume {unfinished[0]}' first"
        )
    several = len({c.batch_id for c in credentials}) > 1
    entries: dict[str, bytes] = {}
    rows, withdrawn = [], []
    for c in credentials:
        if c.status in WITHDRAWN:
            withdrawn.append(_row(c, []))
            continue
        folder = (
            f"recipients/batch-{c.batch_id}/{c.file_stem}"
            if several
            else f"recipients/{c.file_stem}"
        )
        names = []
        for name, digest in json.loads(c.files_json or "{}").items():
            path = out_dirs[c.batch_id] / name
            try:
                data = path.read_bytes()
            except OSError:
                raise ShoshoError(
                    f"{path} is missing: run 'shosho issue --resume {c.batch_id}' to write it again"
                ) from None
            if hashlib.sha256(data).hexdigest() != digest:
                raise ShoshoError(f"{path} was changed after it was issued (SHA-256 differs)")
            entries[f"{folder}/{name}"] = data
            names.append(f"{folder}/{name}")
        rows.append(_row(c, names))
    entries["issuer/profile.json"] = _json(profile)
    status_names: list[str] = []
    did_url = None
    if signer is not None:
        for name, credential in _signed_lists(store, signer, issuer_row).items():
            entries[f"status/{name}"] = credential
            status_names.append(name)
        if profile["id"].startswith("did:web:"):
            from designer.keys.did import did_document, did_web_document_url

            document = did_document(profile["id"], [signer.public_key()], did_json)
            entries["issuer/did.json"] = _json(document)
            did_url = did_web_document_url(profile["id"])
    entries["README.txt"] = readme(
        profile, out.name, selection, rows, withdrawn, status_names, did_url, signer is not None
    ).encode("utf-8")
    hashes = {name: hashlib.sha256(data).hexdigest() for name, data in entries.items()}
    for row in rows:
        row["sha256"] = {name: hashes[name] for name in row["files"]}
    manifest = {
        "selection": selection.describe(),
        "batch": selection.batch_id,
        "issuer": profile["id"],
        "recipients": rows,
        "withdrawn": withdrawn,
        "files": hashes,
    }
    entries["manifest.csv"] = _csv(rows + withdrawn, hashes)
    entries[MANIFEST] = _json(manifest)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(entries):
            archive.writestr(name, entries[name])
    write_atomic(out, buffer.getvalue())
    with store.write() as session:
        audit.append(
            session,
            "bundle.export",
            selection.describe(),
            {
                "bundle": str(out),
                "sha256": hashlib.sha256(buffer.getvalue()).hexdigest(),
                "recipients": len(rows),
                "withdrawn": [w["credential_id"] for w in withdrawn],
            },
        )
    return manifest


def _signed_lists(store: Store, signer: Signer, issuer_row: int) -> dict[str, bytes]:
    """The issuer's signed status lists (every one of them, signed with its own key), by their
    path under ``status/``: ``<host>/<URL path>``, as ``shosho status export`` lays them out."""
    from designer.issue.status import signed_status_lists
    from designer.status_lists import serialise

    return {
        name: serialise(credential)
        for name, credential in signed_status_lists(store, signer, issuer_row).items()
    }


def _row(c: Credential, files: list[str]) -> dict:
    return {
        "recipient": c.recipient_name,
        "student_id": c.student_id or "",
        "email": c.recipient_email or "",
        "course": c.achievement_name or "",
        "credential_id": c.id,
        "status": c.status,
        "reason": c.status_reason or "",
        "superseded_by": c.superseded_by or "",
        "files": files,
    }


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None


def readme(
    profile: dict,
    bundle_name: str,
    selection: BundleSelection,
    rows: list[dict],
    withdrawn: list[dict],
    status_names: list[str],
    did_url: str | None,
    signed: bool,
) -> str:
    """The bundle's README: what each folder is, the real places to upload it, personal data."""
    title = f"Shosho bundle: {selection.describe()}"
    lines = [title, "=" * len(title), "", f"Issuer: {profile['id']}", ""]
    suspended = sum(1 for r in rows if r["status"] == SUSPENDED)
    lines += [
        f"recipients/   {len(rows)} credential(s), one folder per person: the signed credential",
        "              (.json, or .jwt for VC-JWT), the badge images with the credential baked",
        "              in (.png, .svg) and the printed document (.pdf). They hold personal data:",
        "              give each person their own folder, or upload to the learning platform;",
        "              never put them on the public web site.",
    ]
    if suspended:
        lines.append(
            f"              {suspended} of them are suspended (their status list says so)."
        )
    if withdrawn:
        lines += [
            f"              Left out: {len(withdrawn)} revoked or superseded credential(s), listed",
            "              without files in manifest.json / manifest.csv (status, reason and the",
            "              replacing credential). Never hand their old files out again.",
        ]
    lines.append("")
    status_base = profile.get("status_list_url")
    if signed:
        lines += [
            f"status/       the signed status lists. Upload each to its URL under {status_base}:",
        ]
        lines += [f"                status/{name}" for name in status_names] or [
            "                (none yet)"
        ]
        lines.append("              Publish them again after every revoke / suspend / restore.")
    else:
        lines += [
            "status/       not included (export with --key to sign them): until they are",
            f"              published under {status_base}, verifiers cannot check revocation.",
        ]
    lines.append("")
    lines.append("issuer/       profile.json (the issuer profile, for reference).")
    if did_url:
        lines += [
            f"              did.json: upload it to {did_url}",
            "              (it keeps the keys of the did.json given with --did-json; without",
            "              it, merge with the published one: shosho keys did --web … --out did.json).",
        ]
    verify_url = profile.get("verify_url")
    lines.append("")
    if verify_url:
        lines += [
            f"Verify page:  the printed QR codes open {verify_url} on {_host(verify_url)}.",
            "              Make the page with shosho verify-page and upload it there.",
        ]
    else:
        lines.append(
            "Verify page:  the issuer profile has no verify_url; the QR codes hold ids only."
        )
    lines += [
        "",
        "manifest.json, manifest.csv   every file with its SHA-256. PERSONAL DATA: names,",
        "              student IDs and e-mail addresses. Keep them in the office; do not upload.",
        "",
        f"Check the bundle before uploading:  shosho export --check {bundle_name}",
        "",
    ]
    return "\n".join(lines)


def _json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def _csv(rows, hashes) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text)
    head = ["recipient", "student_id", "email", "course", "credential_id", "status", "reason"]
    writer.writerow([*head, "superseded_by", "file", "sha256"])
    for row in rows:
        for name in row["files"] or [""]:
            cells = [row[key] for key in head] + [row["superseded_by"], name, hashes.get(name, "")]
            writer.writerow([neutralise(str(v)) for v in cells])
    return ("\ufeff" + text.getvalue()).encode("utf-8")  # BOM: Excel reads UTF-8 correctly


def check_bundle(path: Path) -> list[str]:
    """Problems found in the bundle at ``path``; an empty list means it is intact."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise ShoshoError(f"{path}: not a readable bundle ({error})") from None
    problems = []
    with archive:
        names = set(archive.namelist())
        if MANIFEST not in names:
            return [f"{path}: no {MANIFEST} inside"]
        manifest = json.loads(archive.read(MANIFEST))
        listed = manifest.get("files", {})
        for name, digest in sorted(listed.items()):
            if name not in names:
                problems.append(f"{name}: listed in the manifest but missing")
            elif hashlib.sha256(archive.read(name)).hexdigest() != digest:
                problems.append(f"{name}: SHA-256 does not match the manifest")
        for name in sorted(names - set(listed) - {MANIFEST, "manifest.csv"}):
            problems.append(f"{name}: not listed in the manifest")
    return problems
