"""Which roster column feeds which field.

Headers are matched to fields by name, ignoring case, spaces, underscores, hyphens, dots and
the width of letters and brackets, and by the headers Japanese student systems use (学籍番号,
氏名, セイ, 修了日 …). ``--map field=column`` overrides or adds a mapping; a column that is
mapped to no field is still available to templates under its own header when that header is
a valid field name (``{{ 通学区間 }}``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from designer.errors import ShoshoError, UsageError

# The fields the built-in templates use.
BUILTIN_FIELDS: tuple[str, ...] = (
    "student_id",
    "family_name",
    "given_name",
    "full_name",
    "full_name_kana",
    "name_en",
    "email",
    "department",
    "course_name",
    "completion_date",
    "issue_date",
    "expiry_date",
    "date_of_birth",
    "photo",
)
# Further fields read from common columns; they feed the built-in ones when those are absent
# (セイ + メイ -> full_name_kana, 学部 + 学科 -> department).
SUPPORTING_FIELDS: tuple[str, ...] = ("family_name_kana", "given_name_kana", "faculty", "major")
KNOWN_FIELDS: tuple[str, ...] = BUILTIN_FIELDS + SUPPORTING_FIELDS
DATE_FIELDS = frozenset({"completion_date", "issue_date", "expiry_date", "date_of_birth"})

_HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "student_id": (
        "student id",
        "student no",
        "student number",
        "id",
        "id number",
        "学籍番号",
        "学生番号",
        "学生証番号",
        "学籍no",
        "学籍コード",
        "受講番号",
        "受講者番号",
    ),
    "family_name": ("family name", "last name", "surname", "姓", "氏", "名字", "苗字"),
    "given_name": ("given name", "first name", "forename", "名"),
    "full_name": (
        "full name",
        "name",
        "氏名",
        "名前",
        "学生氏名",
        "受講者名",
        "受講者氏名",
        "氏名(漢字)",
    ),
    "full_name_kana": (
        "full name kana",
        "name kana",
        "kana",
        "フリガナ",
        "ふりがな",
        "よみがな",
        "氏名カナ",
        "カナ氏名",
        "氏名(カナ)",
        "氏名(フリガナ)",
        "氏名フリガナ",
        "氏名(ふりがな)",
    ),
    "family_name_kana": ("family name kana", "セイ", "姓カナ", "姓(カナ)", "姓フリガナ", "せい"),
    "given_name_kana": ("given name kana", "メイ", "名カナ", "名(カナ)", "名フリガナ", "めい"),
    "name_en": (
        "name en",
        "english name",
        "name (english)",
        "name in english",
        "romaji",
        "ローマ字氏名",
        "氏名(英字)",
        "氏名(ローマ字)",
        "英字氏名",
        "英語氏名",
        "氏名英字",
        "氏名(英語)",
        "ローマ字",
    ),
    "email": (
        "email",
        "e-mail",
        "mail",
        "email address",
        "e-mail address",
        "メールアドレス",
        "メール",
        "eメール",
        "eメールアドレス",
        "連絡先メール",
    ),
    "faculty": ("faculty", "school", "学部", "研究科", "学部名", "研究科名"),
    "major": ("major", "学科", "専攻", "学科名", "専攻名", "学科・専攻"),
    "department": ("department", "dept", "所属", "学部学科", "所属学科", "部署", "所属部署"),
    "course_name": (
        "course name",
        "course",
        "course title",
        "program",
        "programme",
        "講座名",
        "講座",
        "コース名",
        "コース",
        "科目名",
        "研修名",
        "講習名",
        "課程名",
        "プログラム名",
    ),
    "completion_date": (
        "completion date",
        "completed",
        "date completed",
        "completed on",
        "修了日",
        "修了年月日",
        "卒業日",
        "卒業年月日",
        "受講修了日",
    ),
    "issue_date": (
        "issue date",
        "issued",
        "date issued",
        "issued on",
        "date of issue",
        "発行日",
        "発行年月日",
        "交付日",
        "交付年月日",
        "授与日",
        "授与年月日",
    ),
    "expiry_date": (
        "expiry date",
        "expiry",
        "expires",
        "expiration date",
        "valid until",
        "valid through",
        "有効期限",
        "有効期限日",
        "有効期間",
    ),
    "date_of_birth": (
        "date of birth",
        "dob",
        "birth date",
        "birthdate",
        "birthday",
        "生年月日",
        "誕生日",
    ),
    "photo": (
        "photo",
        "photo file",
        "photograph",
        "picture",
        "image",
        "写真",
        "顔写真",
        "写真ファイル",
        "写真パス",
        "画像",
    ),
}


def header_key(header: str) -> str:
    """The form headers are compared in. NFKC is fine here: headers are labels, not names."""
    text = unicodedata.normalize("NFKC", header).casefold()
    return "".join(char for char in text if not char.isspace() and char not in "_-.・")


_FIELD_BY_KEY: dict[str, str] = {}
for _field, _names in _HEADER_NAMES.items():
    for _name in (_field, *_names):
        _FIELD_BY_KEY.setdefault(header_key(_name), _field)


@dataclass(frozen=True)
class ColumnMapping:
    """Field name -> column header. ``explicit`` holds the fields given with ``--map``."""

    columns: dict[str, str]
    headers: tuple[str, ...]
    explicit: frozenset[str] = field(default_factory=frozenset)

    def column_for(self, field_name: str) -> str | None:
        return self.columns.get(field_name)

    def fields_for(self, column: str) -> list[str]:
        return [name for name, header in self.columns.items() if header == column]

    @property
    def unmapped_headers(self) -> tuple[str, ...]:
        used = set(self.columns.values())
        return tuple(header for header in self.headers if header not in used)


def parse_map_options(options: Iterable[str]) -> dict[str, str]:
    """``["full_name=氏名", "photo=写真ファイル"]`` -> {field: column}. Raises UsageError."""
    result: dict[str, str] = {}
    for option in options:
        name, sep, column = option.partition("=")
        name, column = name.strip(), column.strip()
        if not sep or not name or not column:
            raise UsageError(f"--map {option!r}: write it as field=column, e.g. full_name=氏名")
        if not name.isidentifier():
            raise UsageError(
                f"--map {option!r}: {name!r} is not a field name (letters, digits and _ only)"
            )
        result[name] = column
    return result


def map_columns(
    headers: Sequence[str], overrides: Mapping[str, str] | Iterable[str] | None = None
) -> ColumnMapping:
    """Map headers to fields: ``overrides`` first ({field: column} or "field=column" strings),
    then every header that names a known field. Raises ShoshoError when an override names a
    column the roster does not have."""
    if overrides is None:
        explicit: dict[str, str] = {}
    elif isinstance(overrides, Mapping):
        explicit = dict(overrides)
    else:
        explicit = parse_map_options(overrides)

    columns: dict[str, str] = {}
    by_key = {header_key(header): header for header in reversed(headers)}
    for name, column in explicit.items():
        if column in headers:
            columns[name] = column
        elif header_key(column) in by_key:
            columns[name] = by_key[header_key(column)]
        else:
            listed = ", ".join(repr(header) for header in headers)
            raise ShoshoError(
                f"--map {name}={column}: the roster has no column {column!r} (columns: {listed})"
            )
    explicitly_used = set(columns.values())
    for header in headers:
        if header in explicitly_used:
            continue
        name = _FIELD_BY_KEY.get(header_key(header))
        if name is not None and name not in columns:
            columns[name] = header
    return ColumnMapping(columns=columns, headers=tuple(headers), explicit=frozenset(explicit))
