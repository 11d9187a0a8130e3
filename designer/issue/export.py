"""The bundle for upload: per recipient the signed credential, baked PNG/SVG and PDF; a manifest
(JSON and CSV) with SHA-256 of every file; the signed status lists; the issuer's did.json and
profile; and a README. ``check_bundle`` re-hashes everything against the manifest."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path

from sqlalchemy import select

from designer.errors import ShoshoError
from designer.issue.files import write_atomic
from designer.issue.profile import profile_of
from designer.keys.signer import Signer
from designer.store import Store, audit
from designer.store.models import DONE, Batch, Credential

MANIFEST = "manifest.json"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

README = """Shosho bundle for batch {batch}
============================

recipients/   one folder per person: the signed credential (.json, or .jwt for VC-JWT), the
              badge images with the credential baked in (.png, .svg) and the printed
              certificate (.pdf)
status/       the signed status lists: publish each at the URL in its "id"
issuer/       profile.json (the issuer) and, for a did:web issuer, did.json: publish it at
              https://<host>/.well-known/did.json
manifest.json, manifest.csv   every file with its SHA-256

Check the bundle before uploading:  shosho export --check {name}
"""


def neutralise(cell: str) -> str:
    """Stop spreadsheets from reading a cell as a formula (CSV injection)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def export_bundle(store: Store, batch_id: int, out: Path, signer: Signer | None) -> dict:
    with store.read() as session:
        batch = session.get(Batch, batch_id)
        if batch is None:
            raise ShoshoError(f"there is no batch {batch_id}")
        profile = profile_of(batch.issuer)
        issuer_row = batch.issuer_id
        credentials = (
            session.execute(
                select(Credential).where(Credential.batch_id == batch_id).order_by(Credential.seq)
            )
            .scalars()
            .all()
        )
    not_done = [c for c in credentials if c.state != DONE]
    if not_done:
        raise ShoshoError(
            f"batch {batch_id} is not finished ({len(not_done)} records left): "
            f"run 'shosho issue --resume {batch_id}' first"
        )
    out_dir = Path(batch.out_dir)
    entries: dict[str, bytes] = {}
    rows = []
    for c in credentials:
        files = json.loads(c.files_json or "{}")
        names = []
        for name, digest in files.items():
            path = out_dir / name
            try:
                data = path.read_bytes()
            except OSError:
                raise ShoshoError(
                    f"{path} is missing: run 'shosho issue --resume {batch_id}' to write it again"
                ) from None
            if hashlib.sha256(data).hexdigest() != digest:
                raise ShoshoError(f"{path} was changed after it was issued (SHA-256 differs)")
            entries[f"recipients/{c.file_stem}/{name}"] = data
            names.append(f"recipients/{c.file_stem}/{name}")
        rows.append(
            {
                "recipient": c.recipient_name,
                "email": c.recipient_email or "",
                "credential_id": c.id,
                "status": c.status,
                "files": names,
            }
        )
    entries["issuer/profile.json"] = _json(profile)
    if signer is not None:
        from designer.issue.status import signed_status_lists
        from designer.status_lists import serialise

        for name, credential in signed_status_lists(store, signer, issuer_row).items():
            entries[f"status/{name}"] = serialise(credential)
        if profile["id"].startswith("did:web:"):
            from designer.keys.did import did_document

            entries["issuer/did.json"] = _json(did_document(profile["id"], [signer.public_key()]))
    entries["README.txt"] = README.format(batch=batch_id, name=out.name).encode("utf-8")
    hashes = {name: hashlib.sha256(data).hexdigest() for name, data in entries.items()}
    for row in rows:
        row["sha256"] = {name: hashes[name] for name in row["files"]}
    manifest = {"batch": batch_id, "issuer": profile["id"], "recipients": rows, "files": hashes}
    entries["manifest.csv"] = _csv(rows, hashes)
    entries[MANIFEST] = _json(manifest)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(entries):
            archive.writestr(name, entries[name])
    write_atomic(out, buffer.getvalue())
    with store.write() as session:
        audit.append(
            session,
            "batch.export",
            f"batch {batch_id}",
            {"bundle": str(out), "sha256": hashlib.sha256(buffer.getvalue()).hexdigest()},
        )
    return manifest


def _json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def _csv(rows, hashes) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(["recipient", "email", "credential_id", "status", "file", "sha256"])
    for row in rows:
        for name in row["files"]:
            writer.writerow(
                [
                    neutralise(str(v))
                    for v in (
                        row["recipient"],
                        row["email"],
                        row["credential_id"],
                        row["status"],
                        name,
                        hashes[name],
                    )
                ]
            )
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
