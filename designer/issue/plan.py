"""Planning a batch: check the roster, then in one transaction store the template and roster
import, refuse people who already hold this credential, and allocate a credential id and
status-list indices for every record (journal first: nothing is written to disk yet)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from designer.data import render_text
from designer.data.report import Report
from designer.errors import ShoshoError, UsageError
from designer.issue.profile import profile_of, resolve_issuer
from designer.issue.records import template_archive, values_to_json
from designer.model.io import template_hash
from designer.model.template import Template
from designer.prepare import bind_template_roster, parse_rows
from designer.store import Store, audit
from designer.store.models import (
    ACTIVE,
    BATCH_RUNNING,
    PLANNED,
    REVOCATION,
    SUSPENDED,
    SUSPENSION,
    Batch,
    Credential,
    RosterImport,
    StoredTemplate,
    utcnow,
)
from designer.store.status import allocate, mirror

DEFAULT_OUTPUTS = ("pdf", "json", "png", "svg")


class RosterProblems(ShoshoError):
    """The roster check found errors; nothing was issued. ``report`` lists them."""

    def __init__(self, report: Report):
        self.report = report
        super().__init__(f"{report.summary()}; nothing was issued")


class AlreadyIssued(ShoshoError):
    """Some people already hold this credential; nothing was issued."""

    def __init__(self, holders: list[str]):
        self.holders = holders
        shown = "\n  ".join(holders[:20])
        more = f"\n  … and {len(holders) - 20} more" if len(holders) > 20 else ""
        super().__init__(
            f"{len(holders)} of these people already have this credential; nothing was issued "
            f"(use --reissue to issue again):\n  {shown}{more}"
        )


@dataclass(frozen=True)
class PlanRequest:
    template: Template
    template_path: Path
    roster_path: Path
    issuer_ref: str
    key_ref: str
    out_dir: Path
    rows: str | None = None
    mapping: tuple[str, ...] = ()
    reissue: bool = False
    outputs: tuple[str, ...] = DEFAULT_OUTPUTS
    encoding: str | None = None
    sheet: str | None = None
    suite: str = "eddsa-rdfc-2022"


def recipient_key(values: dict[str, Any]) -> str:
    """Who the person is, for spotting a second credential: student id, else email, else name."""
    from designer.data.identity import identity_text

    for name in ("student_id", "email"):
        value = identity_text(values.get(name) or "", casefold=name == "email")
        if value:
            return f"{name}:{value}"
    return "name:" + identity_text(values.get("full_name") or values.get("name_en") or "")


def safe_filename(name: str) -> str:
    """A file name safe on Windows, macOS and Linux (the render part's rules when present)."""
    try:
        from designer.render.filenames import safe_filename as render_safe_filename
    except ImportError:
        cleaned = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in name)
        return cleaned.strip(" .")[:120]
    return render_safe_filename(name)


def achievement_key(issuer_uri: str, template: Template) -> str:
    return f"{issuer_uri}|{template.id}"


def _file_stem(template: Template, values: dict[str, Any], taken: set[str], fallback: str) -> str:
    pattern = template.output.filename or "{{ student_id }}"
    try:
        name = render_text(pattern, values)
    except ShoshoError:
        name = ""
    stem = safe_filename(name).removesuffix(".pdf").strip() or fallback
    candidate, n = stem, 2
    while candidate.lower() in taken:
        candidate, n = f"{stem}-{n}", n + 1
    taken.add(candidate.lower())
    return candidate


def _describe(values: dict[str, Any], row: int) -> str:
    name = values.get("full_name") or values.get("name_en") or ""
    sid = values.get("student_id")
    return f"row {row} ({name}{', ' + str(sid) if sid else ''})"


def plan_batch(store: Store, request: PlanRequest) -> int:
    """Check and plan; returns the new batch id. Raises RosterProblems or AlreadyIssued."""
    unknown = sorted(set(request.outputs) - set(DEFAULT_OUTPUTS))
    if unknown or not request.outputs:
        raise UsageError(f"outputs must be some of {', '.join(DEFAULT_OUTPUTS)}")
    roster_bytes = _read_bytes(request.roster_path)
    template = request.template
    bound_roster = bind_template_roster(
        template,
        request.roster_path,
        overrides=list(request.mapping),
        encoding=request.encoding,
        sheet=request.sheet,
        rows=parse_rows(request.rows),
    )
    if bound_roster.report.has_errors:
        raise RosterProblems(bound_roster.report)
    roster = bound_roster.roster
    bound = bound_roster.records
    if not bound:
        raise ShoshoError(f"{roster.display_name}: no records to issue")
    for b in bound:
        if not (b.values.get("email") or b.values.get("student_id")):
            raise ShoshoError(
                f"{roster.display_name}: row {b.row}: needs an email or a student_id to identify "
                "the recipient in the credential"
            )

    thash = template_hash(template)
    now = utcnow()
    with store.write() as session:
        issuer = resolve_issuer(session, request.issuer_ref)
        profile = profile_of(issuer)
        akey = achievement_key(issuer.issuer_uri, template)
        if not request.reissue:
            held = {
                row.recipient_key: row
                for row in session.execute(
                    select(Credential).where(
                        Credential.achievement_key == akey,
                        Credential.status.in_([ACTIVE, SUSPENDED]),
                    )
                ).scalars()
            }
            holders = [
                f"{_describe(b.values, b.row)} has {held[k].id} from batch {held[k].batch_id}"
                for b in bound
                if (k := recipient_key(b.values)) in held
            ]
            if holders:
                raise AlreadyIssued(holders)
        if session.get(StoredTemplate, thash) is None:
            session.add(
                StoredTemplate(
                    hash=thash,
                    template_id=template.id,
                    name=template.name,
                    content=template_archive(template),
                )
            )
        roster_import = RosterImport(
            source=str(request.roster_path),
            sha256=hashlib.sha256(roster_bytes).hexdigest(),
            row_count=len(roster.records),
        )
        session.add(roster_import)
        session.flush()
        options = {
            "outputs": list(request.outputs),
            "suite": request.suite,
            "assets_base": str(request.roster_path.resolve().parent),
            "rows": request.rows,
            "mapping": list(request.mapping),
            "reissue": request.reissue,
            "issued_at": now.isoformat(),
        }
        batch = Batch(
            issuer_id=issuer.id,
            template_hash=thash,
            roster_import_id=roster_import.id,
            template_path=str(request.template_path),
            out_dir=str(request.out_dir.resolve()),
            key_ref=request.key_ref,
            options_json=json.dumps(options, ensure_ascii=False),
            state=BATCH_RUNNING,
            record_count=len(bound),
        )
        session.add(batch)
        session.flush()
        status_base = profile["status_list_url"]
        revocations = allocate(session, issuer, REVOCATION, len(bound), status_base)
        suspensions = (
            mirror(session, issuer, SUSPENSION, revocations, status_base)
            if template.kind == "card"
            else [(None, None)] * len(bound)
        )
        taken: set[str] = set()
        for seq, (b, (rlist, rindex), (slist, sindex)) in enumerate(
            zip(bound, revocations, suspensions, strict=True), start=1
        ):
            cid = f"urn:uuid:{uuid.uuid4()}"
            session.add(
                Credential(
                    id=cid,
                    batch_id=batch.id,
                    seq=seq,
                    row_number=b.row,
                    recipient_name=str(b.values.get("full_name") or b.values.get("name_en") or ""),
                    recipient_email=str(b.values.get("email") or "") or None,
                    recipient_key=recipient_key(b.values),
                    achievement_key=akey,
                    issuer_id=issuer.id,
                    template_hash=thash,
                    values_json=values_to_json(b.values),
                    file_stem=_file_stem(template, b.values, taken, cid[9:]),
                    revocation_list_id=rlist.id,
                    revocation_index=rindex,
                    suspension_list_id=slist.id if slist else None,
                    suspension_index=sindex,
                    issued_at=now,
                    valid_until=None,
                    state=PLANNED,
                )
            )
        audit.append(
            session,
            "batch.plan",
            f"batch {batch.id}",
            {
                "records": len(bound),
                "template": thash,
                "roster": roster_import.sha256,
                "roster_file": str(request.roster_path),
                "issuer": issuer.issuer_uri,
                "key": request.key_ref,
            },
        )
        return batch.id


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ShoshoError(f"{path}: roster file not found") from None
    except OSError as error:
        raise ShoshoError(f"{path}: cannot read the roster ({error.strerror})") from None


def since(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
