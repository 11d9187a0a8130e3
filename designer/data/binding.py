"""One roster record -> the values a template sees.

Date fields (completion_date, issue_date, expiry_date, date_of_birth, and any field whose name
ends in ``_date``) are parsed to ``datetime.date``; a date that cannot be read stays the
original text and is reported as a problem. Empty cells are "". Names are passed through
untouched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

from designer.data.dates import UnreadableDate, parse_date
from designer.data.mapping import DATE_FIELDS, ColumnMapping
from designer.data.problems import ERROR, Problem, Severity
from designer.data.roster import Record, Roster

IDEOGRAPHIC_SPACE = "\u3000"


def is_date_field(name: str) -> bool:
    return name in DATE_FIELDS or name == "date" or name.endswith("_date")


def has_cjk(text: str) -> bool:
    """True when the text holds kana or kanji (names written the Japanese way)."""
    for char in text:
        code = ord(char)
        if (
            0x3040 <= code <= 0x30FF
            or 0x3400 <= code <= 0x9FFF
            or 0xF900 <= code <= 0xFAFF
            or 0xFF66 <= code <= 0xFF9F
            or 0x20000 <= code <= 0x3FFFF
        ):
            return True
    return False


def join_name(family: str, given: str) -> str:
    """家族名 + U+3000 + 名 for Japanese names; "Given Family" for names in Latin letters."""
    if not family or not given:
        return family or given
    if has_cjk(family) or has_cjk(given):
        return f"{family}{IDEOGRAPHIC_SPACE}{given}"
    return f"{given} {family}"


@dataclass
class BoundRecord:
    """A record's field values, and the problems found while reading them."""

    record: Record
    file: str
    mapping: ColumnMapping
    values: dict[str, object]
    problems: list[Problem] = field(default_factory=list)

    @property
    def row(self) -> int:
        return self.record.row

    def problem(self, field_name: str | None, message: str, severity: Severity = ERROR) -> Problem:
        """A problem located at this record's row and the column that feeds ``field_name``."""
        column = self.mapping.column_for(field_name) if field_name else None
        return Problem(severity, self.file, message, self.record.row, column, field_name)


def bind_record(record: Record, mapping: ColumnMapping, *, file: str) -> BoundRecord:
    values: dict[str, object] = {}
    bound = BoundRecord(record, file, mapping, values)
    for header in mapping.unmapped_headers:
        if header.isidentifier():
            values[header] = record.get(header)
    for name, column in mapping.columns.items():
        raw = record.get(column)
        if is_date_field(name) and raw != "":
            try:
                values[name] = parse_date(raw)
            except UnreadableDate as error:
                values[name] = raw if isinstance(raw, str) else str(raw)
                bound.problems.append(bound.problem(name, f"unreadable date: {error}"))
        elif isinstance(raw, dt.date) and not is_date_field(name):
            values[name] = raw.isoformat()
        else:
            values[name] = raw
    _derive(values)
    return bound


def _text(values: dict[str, object], name: str) -> str:
    value = values.get(name, "")
    return value if isinstance(value, str) else str(value)


def _derive(values: dict[str, object]) -> None:
    """Fill built-in fields that the roster gives only in parts."""
    if not _text(values, "full_name"):
        values["full_name"] = join_name(_text(values, "family_name"), _text(values, "given_name"))
    if not _text(values, "full_name_kana"):
        values["full_name_kana"] = join_name(
            _text(values, "family_name_kana"), _text(values, "given_name_kana")
        )
    full_name = _text(values, "full_name")
    if not _text(values, "family_name") and not _text(values, "given_name") and has_cjk(full_name):
        parts = full_name.replace(" ", IDEOGRAPHIC_SPACE).split(IDEOGRAPHIC_SPACE)
        parts = [part for part in parts if part]
        if len(parts) == 2:
            values["family_name"], values["given_name"] = parts
    if not _text(values, "name_en") and full_name and not has_cjk(full_name):
        values["name_en"] = full_name  # a name already in Latin letters is its own English form
    if not _text(values, "department"):
        faculty, major = _text(values, "faculty"), _text(values, "major")
        separator = IDEOGRAPHIC_SPACE if has_cjk(faculty + major) else " "
        values["department"] = separator.join(part for part in (faculty, major) if part)
    for name in (
        "family_name",
        "given_name",
        "full_name",
        "full_name_kana",
        "name_en",
        "department",
    ):
        values.setdefault(name, "")


def bind_roster(roster: Roster, mapping: ColumnMapping) -> Iterator[BoundRecord]:
    for record in roster.records:
        yield bind_record(record, mapping, file=roster.display_name)


def resolve_photo(value: str, base_dir: Path) -> Path:
    """The photo file a roster cell names; relative paths are taken from the roster's folder,
    and Windows separators (photos\\001.jpg) work on every OS."""
    text = value.strip().strip('"')
    if "\\" in text:
        text = PureWindowsPath(text).as_posix()
    path = Path(text).expanduser()
    return path if path.is_absolute() else base_dir / path
