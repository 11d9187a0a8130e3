"""Planning a batch: check the roster, then in one transaction store the template and roster
import, refuse people who already hold the credential for this achievement (course), and
allocate a credential id and status-list indices for every record (journal first: nothing is
written to disk yet).

A duplicate is the same recipient holding the same achievement of the same issuer, whatever
design it was printed with: the same people for another course are issued, and the same course
printed from another design is refused. With ``reissue`` each such person gets a corrected
credential that supersedes the one held, once the new one is signed (see ``lifecycle``)."""

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
from designer.issue.records import credential_record, template_archive, values_to_json
from designer.model.io import template_hash
from designer.model.template import Template
from designer.prepare import bind_template_roster, parse_rows
from designer.store import Store, audit
from designer.store.models import (
    BATCH_RUNNING,
    PLANNED,
    REVOCATION,
    SUSPENSION,
    VALID_STATUSES,
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
            f"{len(holders)} of these people already have this credential for this course; "
            "nothing was issued. To correct a credential, issue those rows again with "
            f"--reissue: the old one is then superseded.\n  {shown}{more}"
        )


class DuplicateRows(ShoshoError):
    """The roster names one person twice for the same course; nothing was issued."""


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
    reason: str | None = None  # why the re-issued credentials replace the held ones
    outputs: tuple[str, ...] = DEFAULT_OUTPUTS
    encoding: str | None = None
    sheet: str | None = None
    suite: str = "eddsa-rdfc-2022"
    sign_pdf: bool | None = None
    """Sign each PDF (PAdES); None takes the issuer profile's ``pdf_signature`` default."""
    tsa_url: str | None = None


def recipient_key(values: dict[str, Any]) -> str:
    """Who the person is, for spotting a second credential: student id, else email, else name."""
    from designer.data.identity import identity_text

    for name in ("student_id", "email", "identity_hash"):
        value = identity_text(values.get(name) or "")
        if name == "email":
            value = value.lower()  # as keys stored before were
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


def achievement_of(template: Template, values: dict[str, Any], issuer_id: str) -> dict[str, Any]:
    """The OB 3.0 Achievement the record's credential will carry (as ``work.sign_record``
    builds it)."""
    from designer.credential.build import build_achievement
    from designer.issue.work import rendered_fields

    return build_achievement(
        rendered_fields(template.achievement, values), credential_record(values), issuer_id
    )


def achievement_fields(template: Template) -> tuple[str, ...]:
    """The record fields the achievement is made from (``{{ field }}`` in the template's
    achievement settings, ``{field}`` placeholders, and the course name when no name is set):
    records that agree on these get the same achievement."""
    import re

    from designer.data.fields import fields_used

    used: set[str] = set()

    def collect(data: Any) -> None:
        if isinstance(data, str):
            used.update(fields_used(data) if "{{" in data or "{%" in data else ())
            used.update(re.findall(r"\{(\w+)\}", data))
        elif isinstance(data, dict):
            for value in data.values():
                collect(value)
        elif isinstance(data, list):
            for value in data:
                collect(value)

    collect(template.achievement)
    if not template.achievement.get("name"):
        used.add("course_name")
    return tuple(sorted(used))


def achievement_key(issuer_uri: str, achievement: dict[str, Any]) -> str:
    """What makes two credentials "the same": the issuer and the achievement (course) id."""
    return f"{issuer_uri}|{achievement['id']}"


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
        if not (
            b.values.get("email") or b.values.get("student_id") or b.values.get("identity_hash")
        ):
            raise ShoshoError(
                f"{roster.display_name}: row {b.row}: needs an email or a student_id to identify "
                "the recipient in the credential"
            )

    thash = template_hash(template)
    now = utcnow()
    with store.write() as session:
        issuer = resolve_issuer(session, request.issuer_ref)
        profile = profile_of(issuer)
        keyed = _keyed_records(roster.display_name, template, bound, issuer.issuer_uri)
        held = _held(session, {k for k, _name in keyed})
        replaces: list[str | None] = []
        holders = []
        for b, (k, _name) in zip(bound, keyed, strict=True):
            current = held.get(k)
            replaces.append(current.id if current is not None and request.reissue else None)
            if current is not None and not request.reissue:
                holders.append(
                    f"{_describe(b.values, b.row)} has {current.id} from batch {current.batch_id}"
                )
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
            "reason": request.reason,
            "issued_at": now.isoformat(),
        }
        options.update(_pdf_signature_options(profile, request))
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
        for seq, (b, (rlist, rindex), (slist, sindex), ((akey, _who), course), old) in enumerate(
            zip(bound, revocations, suspensions, keyed, replaces, strict=True), start=1
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
                    student_id=str(b.values.get("student_id") or "").strip() or None,
                    achievement_key=akey,
                    achievement_name=course,
                    replaces=old,
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
                "reissue": sum(1 for old in replaces if old),
            },
        )
        return batch.id


def _keyed_records(
    source: str, template: Template, bound: list, issuer_uri: str
) -> list[tuple[tuple[str, str], str]]:
    """Per record ((achievement key, recipient key), course name); refuses a roster that names
    one person twice for the same course."""
    keyed = []
    first_row: dict[tuple[str, str], int] = {}
    twice = []
    fields = achievement_fields(template)
    made: dict[tuple[str, ...], dict[str, Any]] = {}  # one build per course, not per record
    for b in bound:
        values_key = tuple(str(b.values.get(name, "")) for name in fields)
        achievement = made.get(values_key)
        if achievement is None:
            try:
                achievement = made[values_key] = achievement_of(template, b.values, issuer_uri)
            except ShoshoError as error:
                raise ShoshoError(f"{source}: row {b.row}: {error}") from None
        key = (achievement_key(issuer_uri, achievement), recipient_key(b.values))
        if key in first_row:
            twice.append(f"{_describe(b.values, b.row)} is the same person as row {first_row[key]}")
        first_row.setdefault(key, b.row)
        keyed.append((key, achievement["name"]))
    if twice:
        shown = "\n  ".join(twice[:20])
        raise DuplicateRows(
            f"{source}: {len(twice)} row(s) name a person a second time for the same course; "
            f"nothing was issued (remove the repeated rows):\n  {shown}"
        )
    return keyed


def _held(session, keys: set[tuple[str, str]]) -> dict[tuple[str, str], Credential]:
    """The credential each (achievement key, recipient key) holds now, if any (the newest)."""
    held: dict[tuple[str, str], Credential] = {}
    achievements = sorted({a for a, _r in keys})
    for start in range(0, len(achievements), 500):
        for row in session.execute(
            select(Credential)
            .where(
                Credential.achievement_key.in_(achievements[start : start + 500]),
                Credential.status.in_(VALID_STATUSES),
            )
            .order_by(Credential.issued_at)
        ).scalars():
            key = (row.achievement_key, row.recipient_key)
            if key in keys:
                held[key] = row
    return held


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ShoshoError(f"{path}: roster file not found") from None
    except OSError as error:
        raise ShoshoError(f"{path}: cannot read the roster ({error.strerror})") from None


def since(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _pdf_signature_options(profile: dict, request: PlanRequest) -> dict:
    from designer.pdfsign.batch import OPTIONS_KEY, resolve_options

    choice = resolve_options(profile, request.sign_pdf, request.tsa_url)
    return {OPTIONS_KEY: choice.to_json()} if choice.sign else {}
