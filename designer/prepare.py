"""A template bound to a roster: the checks a design adds to the roster check, the values a
page is laid out from, and the claims its QR seal will carry.

Shared by ``shosho render``, ``shosho roster check``, ``shosho issue`` and the GUI, so each of
them reports the same problems for the same roster.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from designer.data import (
    BoundRecord,
    ColumnMapping,
    Problem,
    Report,
    Roster,
    bind_record,
    check_roster,
    fields_used,
    map_columns,
    read_roster,
    render_text,
)
from designer.data.problems import ERROR, WARNING
from designer.errors import ShoshoError, UsageError
from designer.model import QRElement, Template, TextElement, load_template
from designer.resources import templates_dir

SEAL_FIELD = "seal_url"
# Values the program supplies while issuing, not the roster.
ISSUE_TIME_FIELDS = frozenset({"seal_url", "verify_host", "credential_id", "verify_url"})
# Checked before issuing, these print empty.
UNISSUED_VALUES = dict.fromkeys(ISSUE_TIME_FIELDS, "")


def builtin_templates() -> dict[str, Path]:
    """Built-in template names (file stems such as ``shusho``) and their files."""
    return {path.stem: path for path in sorted(templates_dir().glob("*.shosho"))}


def resolve_template_path(name_or_path: str | Path) -> Path:
    """A path to a ``.shosho`` file, or the name of a built-in template (``shusho``)."""
    path = Path(name_or_path)
    if path.exists():
        return path
    builtins = builtin_templates()
    key = str(name_or_path).removesuffix(".shosho")
    if key in builtins:
        return builtins[key]
    known = ", ".join(builtins)
    raise UsageError(
        f"{name_or_path}: no such template file, and not a built-in template ({known})"
    )


def open_template(name_or_path: str | Path) -> tuple[Template, Path]:
    path = resolve_template_path(name_or_path)
    return load_template(path), path


def template_fields(template: Template) -> set[str]:
    """Every field the design reads: in text, QR and barcode content, image fields, file names."""
    used: set[str] = set()
    for _side, element in template.all_elements():
        for attr in ("text", "content", "caption"):
            value = getattr(element, attr, None)
            if value:
                used |= fields_used(value)
        image_field = getattr(element, "field", "")
        if image_field:
            used.add(image_field)
    if template.output.filename:
        used |= fields_used(template.output.filename)
    return used


def uses_seal(template: Template) -> bool:
    return any(
        isinstance(element, QRElement) and SEAL_FIELD in fields_used(element.content)
        for _side, element in template.all_elements()
    )


def printed_name(template: Template, values: Mapping[str, Any]) -> str:
    """The recipient's name as the design prints it (the text of the element named ``name``)."""
    for _side, element in template.all_elements():
        if isinstance(element, TextElement) and element.name == "name":
            text = render_text(element.text, values).strip()
            for honorific in ("殿", "様"):
                text = text.removesuffix(honorific).rstrip("\u3000 ")
            if text:
                return text
    return str(values.get("full_name") or values.get("name_en") or "")


def printed_date(template: Template, values: Mapping[str, Any]) -> str | None:
    """The date as the design prints it (the text of the element named ``date``), if any."""
    for _side, element in template.all_elements():
        if isinstance(element, TextElement) and element.name == "date" and element.visible:
            text = " ".join(render_text(element.text, values).split())
            return text or None
    return None


def achievement_name(template: Template, values: Mapping[str, Any]) -> str:
    """The achievement's name exactly as the credential states it (see
    ``designer.credential.build.build_achievement``): the template's achievement name with its
    fields filled in, else the record's course name; never the design's own name. "" when
    there is neither (the issue wizard asks for one)."""
    name = template.achievement.get("name")
    if name:
        return render_text(str(name), values).strip()
    return str(values.get("course_name") or "").strip()


def seal_claims(
    template: Template,
    values: Mapping[str, Any],
    *,
    credential_id: str,
    issued: dt.date | dt.datetime,
    credential: dict | str | None = None,
    status_index: int | None = None,
):
    """The claims the printed QR seal signs, from the values exactly as printed."""
    from designer.signing.seal import build_seal_claims

    is_card = template.kind == "card"
    expires = None
    until_field = template.credential.get("valid_until_field")
    if until_field and isinstance(values.get(until_field), dt.date):
        expires = values[until_field]
    return build_seal_claims(
        credential_id=credential_id,
        issued=issued,
        name=printed_name(template, values),
        achievement=None if is_card else achievement_name(template, values),
        credential=None if is_card else credential,
        credential_sha256=None if (is_card or credential is not None) else bytes(32),
        status_index=status_index,
        student_number=str(values.get("student_id") or "") or None if is_card else None,
        expires=expires,
        printed_date=None if is_card else printed_date(template, values),
    )


def template_checks(template: Template, fonts) -> list:
    """The checks a design adds to a roster check: text that cannot fit its box even at the
    smallest size, characters no font can draw, and a QR seal too large for its code."""
    from designer.render.text import text_problems

    text_elements = [
        element
        for _side, element in template.all_elements()
        if isinstance(element, TextElement) and element.visible and fields_used(element.text)
    ]

    def check_text(record: BoundRecord) -> Iterable[Problem]:
        values = {**record.values, **UNISSUED_VALUES}
        for element in text_elements:
            text = render_text(element.text, values)
            column_field = next(iter(sorted(fields_used(element.text) & set(record.values))), None)
            for message in text_problems(element, text, fonts):
                yield record.problem(column_field, message, ERROR)

    checks = [check_text]
    if uses_seal(template):
        from designer.signing.seal import seal_fits

        def check_seal(record: BoundRecord) -> Iterable[Problem]:
            claims = seal_claims(
                template,
                record.values,
                credential_id=str(uuid.uuid4()),
                issued=dt.date.today(),
                status_index=131071,
            )
            fits, version = seal_fits(claims)
            if not fits:
                yield record.problem(
                    "full_name",
                    f"the QR seal for this record needs QR version {version}, larger than a "
                    f"{template.kind} allows (the seal signs what is printed): "
                    + (
                        "give the issuer profile a shorter verify URL"
                        if template.kind == "card"
                        else "give the template a shorter achievement name, or the issuer "
                        "profile a shorter verify URL"
                    ),
                    ERROR,
                )

        checks.append(check_seal)
    return checks


@dataclass
class BoundRoster:
    """A roster read, mapped and checked against a template."""

    template: Template
    roster: Roster
    mapping: ColumnMapping
    report: Report
    records: list[BoundRecord] = field(default_factory=list)

    @property
    def base_dir(self) -> Path:
        return self.roster.path.parent


def bind_template_roster(
    template: Template,
    roster_path: str | Path,
    *,
    overrides: Sequence[str] | Mapping[str, str] | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    rows: set[int] | None = None,
    fonts=None,
) -> BoundRoster:
    """Read ``roster_path``, map its columns and check every record against ``template``.

    ``rows`` limits the records kept (spreadsheet row numbers, header = 1); all rows are still
    checked so that duplicates across the whole roster are found.
    """
    if fonts is None:
        from designer.render.fonts import installed_fonts

        fonts = installed_fonts()
    roster = read_roster(roster_path, encoding=encoding, sheet=sheet)
    mapping = map_columns(roster.headers, overrides)
    report = check_roster(
        roster,
        mapping,
        template.required_fields,
        base_dir=roster.path.parent,
        extra_checks=template_checks(template, fonts),
    )
    unprovided = sorted(
        name
        for name in template_fields(template) - ISSUE_TIME_FIELDS - set(template.required_fields)
        if mapping.column_for(name) is None
        and name not in roster.headers
        and not _derivable(name, mapping)
    )
    for name in unprovided:
        report.problems.append(
            Problem(
                WARNING,
                roster.display_name,
                f"the template uses {{{{ {name} }}}} but no column provides it: it prints empty "
                f"(name a column with --map {name}=COLUMN)",
                field=name,
            )
        )
    if rows is not None:
        # Only the rows asked for must be clean: problems elsewhere do not block them.
        report.problems = [p for p in report.problems if p.row is None or p.row in rows]
        report.records_checked = len([r for r in roster.records if r.row in rows])
        present = {record.row for record in roster.records}
        missing = sorted(rows - present)
        if missing and not rows & present:
            raise UsageError(
                f"--rows: {roster.display_name} has no data rows among those asked for "
                f"(data rows are {min(present, default=2)}-{max(present, default=2)})"
            )
    records = [
        bind_record(record, mapping, file=roster.display_name)
        for record in roster.records
        if rows is None or record.row in rows
    ]
    return BoundRoster(template, roster, mapping, report, records)


def _derivable(name: str, mapping: ColumnMapping) -> bool:
    if name == "full_name":
        return mapping.column_for("family_name") is not None
    if name == "name_en":
        return (
            mapping.column_for("family_name") is not None
            or mapping.column_for("full_name") is not None
        )
    if name == "full_name_kana":
        return mapping.column_for("family_name_kana") is not None
    return False


def parse_rows(spec: str | None) -> set[int] | None:
    """``"2-10,15"`` -> {2..10, 15}: roster row numbers as the check report shows them."""
    if not spec:
        return None
    rows: set[int] = set()
    for part in spec.split(","):
        part = part.strip()
        first, dash, last = part.partition("-")
        try:
            low = int(first)
            high = int(last) if dash else low
        except ValueError:
            raise UsageError(
                f"--rows {spec!r}: {part!r} is not a row number or a range like 2-10"
            ) from None
        if low < 1 or high < low:
            raise UsageError(f"--rows {spec!r}: {part!r} is not a valid range")
        rows.update(range(low, high + 1))
    return rows


def require_clean(report: Report) -> None:
    if report.has_errors:
        raise ShoshoError(
            f"{report.summary()}; nothing was rendered (run `shosho roster check` for the full report)"
        )
