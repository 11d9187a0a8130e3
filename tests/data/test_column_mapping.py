"""Headers map to fields by name, by common Japanese headers, and by --map."""

from __future__ import annotations

import datetime as dt

import pytest

from designer.data.binding import bind_record
from designer.data.mapping import map_columns, parse_map_options
from designer.data.roster import Record
from designer.errors import ShoshoError, UsageError


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("学籍番号", "student_id"), ("学生番号", "student_id"), ("Student ID", "student_id"),
        ("student_id", "student_id"), ("STUDENT-ID", "student_id"), ("Student No.", "student_id"),
        ("氏名", "full_name"), ("Full Name", "full_name"), ("fullname", "full_name"),
        ("姓", "family_name"), ("名", "given_name"), ("Last Name", "family_name"),
        ("First Name", "given_name"), ("フリガナ", "full_name_kana"), ("氏名カナ", "full_name_kana"),
        ("氏名（カナ）", "full_name_kana"), ("セイ", "family_name_kana"), ("メイ", "given_name_kana"),
        ("ローマ字氏名", "name_en"), ("氏名(英字)", "name_en"), ("氏名（英字）", "name_en"),
        ("メールアドレス", "email"), ("E-mail", "email"), ("学部", "faculty"), ("学科", "major"),
        ("所属", "department"), ("Department", "department"), ("講座名", "course_name"),
        ("修了日", "completion_date"), ("発行日", "issue_date"), ("生年月日", "date_of_birth"),
        ("有効期限", "expiry_date"), ("写真", "photo"), ("Date of Birth", "date_of_birth"),
        ("Ｅメール", "email"), ("Valid Until", "expiry_date"),
    ],
)  # fmt: skip
def test_headers_map_automatically(header: str, field: str) -> None:
    assert map_columns([header]).column_for(field) == header


def test_explicit_mapping_wins_and_adds_custom_fields() -> None:
    headers = ["番号", "氏名", "受講者氏名", "時間数"]
    mapping = map_columns(headers, ["student_id=番号", "full_name=受講者氏名", "hours=時間数"])
    assert mapping.column_for("student_id") == "番号"
    assert mapping.column_for("full_name") == "受講者氏名"
    assert mapping.column_for("hours") == "時間数"
    assert mapping.explicit == {"student_id", "full_name", "hours"}
    assert map_columns(headers, {"full_name": " 受講者氏名 ".strip()}).fields_for("受講者氏名") == [
        "full_name"
    ]


def test_a_mapped_column_that_does_not_exist_is_named() -> None:
    with pytest.raises(
        ShoshoError,
        match=r"--map completion_date=修了: the roster has no column '修了' \(columns: '学籍番号', '修了日'\)",
    ):
        map_columns(["学籍番号", "修了日"], ["completion_date=修了"])


@pytest.mark.parametrize("option", ["full_name", "=氏名", "full_name=", "full name=氏名"])
def test_malformed_map_options_are_usage_errors(option: str) -> None:
    with pytest.raises(UsageError, match="--map"):
        parse_map_options([option])


def test_full_name_is_family_ideographic_space_given() -> None:
    mapping = map_columns(["姓", "名", "セイ", "メイ", "学部", "学科"])
    record = Record(
        2,
        {
            "姓": "髙橋",
            "名": "陽菜",
            "セイ": "タカハシ",
            "メイ": "ヒナ",
            "学部": "経済学部",
            "学科": "経済学科",
        },
    )
    values = bind_record(record, mapping, file="r.csv").values
    assert values["full_name"] == "髙橋\u3000陽菜"
    assert values["full_name_kana"] == "タカハシ\u3000ヒナ"
    assert values["department"] == "経済学部\u3000経済学科"


def test_latin_names_join_given_first_with_a_space() -> None:
    mapping = map_columns(["Family Name", "Given Name"])
    values = bind_record(
        Record(2, {"Family Name": "Carter", "Given Name": "Emily"}), mapping, file="r.xlsx"
    ).values
    assert values["full_name"] == "Emily Carter"


def test_a_full_name_column_is_used_as_is_and_split_for_family_and_given() -> None:
    mapping = map_columns(["氏名"])
    values = bind_record(Record(2, {"氏名": "山﨑　大翔"}), mapping, file="r.csv").values
    assert values["full_name"] == "山﨑　大翔"
    assert (values["family_name"], values["given_name"]) == ("山﨑", "大翔")


def test_dates_are_parsed_and_unreadable_ones_reported_with_row_and_column() -> None:
    mapping = map_columns(["修了日", "有効期限", "備考"])
    record = Record(7, {"修了日": "R7.3.19", "有効期限": "来年の春", "備考": "2025/1/1"})
    bound = bind_record(record, mapping, file="r.csv")
    assert bound.values["completion_date"] == dt.date(2025, 3, 19)
    assert bound.values["expiry_date"] == "来年の春"  # kept as written
    assert bound.values["備考"] == "2025/1/1"  # an unmapped column is text, under its header
    (problem,) = bound.problems
    assert (problem.file, problem.row, problem.column, problem.field) == (
        "r.csv",
        7,
        "有効期限",
        "expiry_date",
    )
    assert "'来年の春' is not a date" in problem.message
