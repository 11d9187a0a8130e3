"""Checking a roster against what a template needs, row by row.

Every row is checked even when earlier rows are bad. The render engine adds its own checks
(font coverage, text that cannot fit) through ``extra_checks``: callables that take a
:class:`~designer.data.binding.BoundRecord` and return problems for it.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from designer.data.binding import BoundRecord, bind_record, is_date_field, resolve_photo
from designer.data.identity import identity_text, invisible_characters
from designer.data.mapping import ColumnMapping, map_columns
from designer.data.problems import ERROR, WARNING, Problem
from designer.data.report import Report
from designer.data.roster import Roster, read_roster
from designer.errors import ShoshoError

ExtraCheck = Callable[[BoundRecord], Iterable[Problem]]

# Fields that are built from other columns when the roster has no column for them.
_DERIVED_FROM: dict[str, tuple[tuple[str, ...], ...]] = {
    "full_name": (("family_name", "given_name"), ("family_name",)),
    "full_name_kana": (("family_name_kana", "given_name_kana"),),
    "family_name": (("full_name",),),
    "given_name": (("full_name",),),
    "department": (("faculty",), ("major",)),
    "name_en": (("family_name", "given_name"), ("full_name",)),  # when those are in Latin letters
}
_PHOTO_SUFFIXES_WITHOUT_PIL = {".svg"}


def _source_columns(field: str, mapping: ColumnMapping) -> list[str] | None:
    """The columns a field is read from, or None when the roster cannot provide it."""
    column = mapping.column_for(field)
    if column is not None:
        return [column]
    if field in mapping.headers and field.isidentifier():
        return [field]
    for parts in _DERIVED_FROM.get(field, ()):
        columns = [mapping.column_for(part) for part in parts]
        if all(columns):
            return [column for column in columns if column]
    return None


def check_roster(
    roster: Roster,
    mapping: ColumnMapping,
    required_fields: Iterable[str],
    *,
    base_dir: Path | None = None,
    extra_checks: Iterable[ExtraCheck] = (),
) -> Report:
    """Check every record: missing required values, unreadable dates, duplicate student IDs,
    photo files, plus ``extra_checks``. ``base_dir`` (default: the roster's folder) is where
    relative photo paths are looked up."""
    file = roster.display_name
    base = base_dir if base_dir is not None else roster.path.parent
    required = set(required_fields)
    extra = list(extra_checks)
    problems: list[Problem] = list(roster.problems)

    columns_of: dict[str, str] = {}
    for field in sorted(required):
        sources = _source_columns(field, mapping)
        if sources is None:
            problems.append(
                Problem(
                    ERROR,
                    file,
                    f"the template needs {field} but no column provides it; add a column or "
                    f"name one with --map {field}=COLUMN",
                    field=field,
                )
            )
        else:
            columns_of[field] = " + ".join(sources)

    first_row_of_id: dict[str, int] = {}
    photo_cache: dict[Path, str | None] = {}
    for record in roster.records:
        bound = bind_record(record, mapping, file=file)
        for problem in bound.problems:
            if problem.field is not None and problem.field not in required:
                problem = replace(problem, severity=WARNING)
            problems.append(problem)
        for field, column in columns_of.items():
            if _is_empty(bound.values.get(field)):
                problems.append(
                    Problem(ERROR, file, f"{field} is empty", record.row, column, field)
                )
        problems.extend(_duplicate_id(bound, first_row_of_id))
        problems.extend(_photo(bound, base, "photo" in required, photo_cache))
        problems.extend(_date_sense(bound))
        for check in extra:
            try:
                problems.extend(check(bound))
            except ShoshoError as error:
                problems.append(Problem(ERROR, file, str(error), record.row))
    return Report(file=file, records_checked=len(roster.records), problems=problems)


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _duplicate_id(bound: BoundRecord, first_row_of_id: dict[str, int]) -> list[Problem]:
    value = bound.values.get("student_id")
    if _is_empty(value):
        return []
    key = identity_text(value)  # IDs, not names: ２０２５ == 2025, invisible characters ignored
    problems = [
        bound.problem(
            field,
            f"{field} {bound.values.get(field)!r} holds invisible characters "
            f"({', '.join(hidden)}); they are ignored when people are compared, but check the "
            "cell: the value is printed and signed as written",
            WARNING,
        )
        for field in ("student_id", "email")
        if (hidden := invisible_characters(str(bound.values.get(field) or "")))
    ]
    first = first_row_of_id.setdefault(key, bound.row)
    if first == bound.row:
        return problems
    return [
        *problems,
        bound.problem(
            "student_id", f"student ID {key} appears twice: in row {first} and in row {bound.row}"
        ),
    ]


def _photo(
    bound: BoundRecord, base_dir: Path, required: bool, cache: dict[Path, str | None]
) -> list[Problem]:
    value = bound.values.get("photo")
    if _is_empty(value):
        return []
    path = resolve_photo(str(value), base_dir)
    if path not in cache:
        cache[path] = _photo_trouble(path)
    trouble = cache[path]
    if trouble is None:
        return []
    return [bound.problem("photo", trouble, ERROR if required else WARNING)]


def _photo_trouble(path: Path) -> str | None:
    if not path.exists():
        return f"photo file not found: {path}"
    if not path.is_file():
        return f"the photo path is a folder, not a file: {path}"
    if path.suffix.lower() in _PHOTO_SUFFIXES_WITHOUT_PIL:
        return None
    from designer.render.images import ImageLimitError, decode_image_fully

    try:
        decode_image_fully(path)
    except ImageLimitError as error:
        return str(error)
    except ShoshoError:
        return f"the photo is not a readable PNG or JPEG image (damaged or cut short): {path}"
    return None


def _date_sense(bound: BoundRecord) -> list[Problem]:
    values = bound.values
    problems = []
    issue, expiry = values.get("issue_date"), values.get("expiry_date")
    if isinstance(issue, dt.date) and isinstance(expiry, dt.date) and expiry < issue:
        problems.append(
            bound.problem(
                "expiry_date",
                f"the expiry date {expiry.isoformat()} is before the issue date "
                f"{issue.isoformat()}",
                WARNING,
            )
        )
    birth = values.get("date_of_birth")
    if isinstance(birth, dt.date) and birth > dt.date.today():
        problems.append(
            bound.problem(
                "date_of_birth", f"the date of birth {birth.isoformat()} is in the future", WARNING
            )
        )
    return problems


_IGNORED_CATEGORIES = {"Zs", "Cc", "Cf", "Zl", "Zp", "Mn"}


def _is_variation_selector(char: str) -> bool:
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def character_coverage_check(
    can_draw: Callable[[str], bool],
    fields: Iterable[str] | None = None,
    *,
    font_description: str = "the template's fonts",
) -> ExtraCheck:
    """An extra check reporting characters that ``can_draw`` says no font can draw.

    ``fields``: the fields to look at (default: every text value). Spaces, control characters,
    combining marks and variation selectors are not asked about."""
    wanted = None if fields is None else frozenset(fields)
    answers: dict[str, bool] = {}

    def check(bound: BoundRecord) -> list[Problem]:
        problems = []
        for field, value in bound.values.items():
            if (wanted is not None and field not in wanted) or not isinstance(value, str):
                continue
            missing: list[str] = []
            for char in value:
                if char in answers:
                    ok = answers[char]
                elif (
                    _is_variation_selector(char)
                    or unicodedata.category(char) in _IGNORED_CATEGORIES
                ):
                    ok = answers[char] = True
                else:
                    ok = answers[char] = bool(can_draw(char))
                if not ok and char not in missing:
                    missing.append(char)
            if missing:
                listed = ", ".join(f"{char} (U+{ord(char):04X})" for char in missing)
                problems.append(
                    bound.problem(field, f"{listed} cannot be drawn with {font_description}")
                )
        return problems

    return check


def check_roster_file(
    path: str | Path,
    required_fields: Iterable[str],
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    overrides: Mapping[str, str] | Iterable[str] | None = None,
    base_dir: Path | None = None,
    extra_checks: Iterable[ExtraCheck] = (),
) -> Report:
    """Read, map and check a roster file; a file that cannot be read or mapped becomes a
    report with one error instead of an exception."""
    path = Path(path)
    try:
        roster = read_roster(path, encoding=encoding, sheet=sheet)
        mapping = map_columns(roster.headers, overrides)
    except ShoshoError as error:
        message = str(error).removeprefix(f"{path.name}: ").removeprefix(f"{path}: ")
        return Report(path.name, records_checked=0, problems=[Problem(ERROR, path.name, message)])
    return check_roster(
        roster, mapping, required_fields, base_dir=base_dir, extra_checks=extra_checks
    )


__all__ = [
    "ExtraCheck",
    "character_coverage_check",
    "check_roster",
    "check_roster_file",
    "is_date_field",
]
