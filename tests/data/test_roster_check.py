"""Checking a roster: every problem named by file, row and column; good rows still checked."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

from fontTools.ttLib import TTFont
from rich.console import Console

from designer.data.check import character_coverage_check, check_roster, check_roster_file
from designer.data.mapping import map_columns
from designer.data.report import print_report
from designer.data.roster import read_roster
from designer.resources import fonts_dir

ROSTER = (
    "学籍番号,姓,名,修了日,有効期限,発行日,写真\n"
    "2510001,髙橋,陽菜,R7.3.19,2029/3/31,2025/3/25,photos/a.jpg\n"  # row 2: fine
    "2510002,,大翔,R7.3.19,2029/3/31,2025/3/25,photos/a.jpg\n"  # row 3: family name missing
    "2510003,佐藤,結衣,3月ごろ,2029/3/31,2025/3/25,photos/a.jpg\n"  # row 4: unreadable date
    "2510001,山﨑,蓮,R7.3.19,2029/3/31,2025/3/25,photos\\b.jpg\n"  # row 5: duplicate ID, no photo
    "2510005,伊藤,芽依,R7.3.19,2024/3/31,2025/3/25,photos/a.jpg\n"  # row 6: expiry before issue
    "２５１０００５,森,奏,R7.3.19,2029/3/31,2025/3/25,\n"  # row 7: same ID in full width
)


def _setup(tmp_path: Path, examples: Path) -> Path:
    (tmp_path / "photos").mkdir()
    shutil.copy(examples / "photos" / "2510001.jpg", tmp_path / "photos" / "a.jpg")
    path = tmp_path / "名簿.csv"
    path.write_bytes(ROSTER.encode("cp932"))
    return path


def _by_row(report) -> dict[int | None, list]:
    rows: dict[int | None, list] = {}
    for problem in report.problems:
        rows.setdefault(problem.row, []).append(problem)
    return rows


def test_every_problem_is_named_by_file_row_and_column(tmp_path: Path, examples: Path) -> None:
    roster = read_roster(_setup(tmp_path, examples))
    required = {"full_name", "family_name", "student_id", "completion_date", "photo"}
    report = check_roster(roster, map_columns(roster.headers), required)
    rows = _by_row(report)
    assert 2 not in rows
    (missing,) = rows[3]
    assert (missing.severity, missing.file, missing.column, missing.field) == (
        "error",
        "名簿.csv",
        "姓",
        "family_name",
    )
    (date,) = rows[4]
    assert (date.severity, date.column, date.field) == ("error", "修了日", "completion_date")
    assert "'3月ごろ' is not a date" in date.message
    assert {p.message.split(":")[0] for p in rows[5]} == {
        "student ID 2510001 appears twice",
        "photo file not found",
    }
    duplicate = next(p for p in rows[5] if p.field == "student_id")
    assert "in row 2 and in row 5" in duplicate.message and duplicate.column == "学籍番号"
    photo = next(p for p in rows[5] if p.field == "photo")
    assert photo.severity == "error" and photo.column == "写真"
    assert str(tmp_path / "photos" / "b.jpg") in photo.message  # Windows separators understood
    (expiry,) = rows[6]
    assert expiry.severity == "warning" and expiry.field == "expiry_date"
    duplicate_wide = [p for p in rows[7] if p.field == "student_id"]
    assert "in row 6 and in row 7" in duplicate_wide[0].message
    assert sorted(p.field for p in rows[7] if p.severity == "error") == ["photo", "student_id"]
    assert report.has_errors and report.records_checked == 6
    assert (
        str(missing)
        == "名簿.csv, row 3, column '姓', field family_name: error: family_name is empty"
    )


def test_problems_in_fields_the_template_does_not_use_are_warnings(
    tmp_path: Path, examples: Path
) -> None:
    roster = read_roster(_setup(tmp_path, examples))
    report = check_roster(roster, map_columns(roster.headers), {"student_id"})
    row4 = [p for p in report.problems if p.row == 4]
    assert [(p.severity, p.field) for p in row4] == [("warning", "completion_date")]
    assert all(p.severity == "warning" for p in report.problems if p.field == "photo")


def test_a_field_no_column_provides_is_one_error_for_the_file(
    tmp_path: Path, examples: Path
) -> None:
    roster = read_roster(_setup(tmp_path, examples))
    report = check_roster(
        roster, map_columns(roster.headers), {"full_name", "course_name", "full_name_kana"}
    )
    whole_file = [p for p in report.problems if p.row is None]
    assert sorted(p.field for p in whole_file) == ["course_name", "full_name_kana"]
    assert "--map course_name=COLUMN" in whole_file[0].message
    assert not any(p.field == "course_name" and p.row is not None for p in report.problems)


def test_font_coverage_check_with_a_real_font(tmp_path: Path) -> None:
    cmap = TTFont(fonts_dir() / "ipaexm.ttf").getBestCmap()
    path = tmp_path / "r.csv"
    path.write_text(
        "学籍番号,氏名\n1,\U00020bb7田　彩花\n2,髙橋　陽菜\n3,\u845b\U000e0100城　真央\n",
        encoding="utf-8",
    )
    roster = read_roster(path)
    check = character_coverage_check(
        lambda char: ord(char) in cmap, ["full_name"], font_description="IPAex明朝"
    )
    report = check_roster(roster, map_columns(roster.headers), {"full_name"}, extra_checks=[check])
    (problem,) = report.problems
    assert (problem.row, problem.column, problem.field) == (2, "氏名", "full_name")
    assert problem.message == "𠮷 (U+20BB7) cannot be drawn with IPAex明朝"


def test_example_rosters_check_clean(examples: Path) -> None:
    required = {"student_id", "full_name", "completion_date", "photo", "department", "expiry_date"}
    for name in (
        "roster-ja.csv",
        "roster-ja-utf8bom.csv",
        "roster-ja.xlsx",
        "roster-en.xlsx",
        "roster-ja-rare-kanji.csv",
    ):
        report = check_roster_file(examples / name, required)
        assert report.problems == [], report.to_text()
        assert report.records_checked >= 3


def test_unreadable_file_becomes_a_report(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    report = check_roster_file(path, {"full_name"})
    assert report.has_errors and report.records_checked == 0
    assert str(report.problems[0]) == "empty.csv: error: the file is empty"
    mapped = tmp_path / "r.csv"
    mapped.write_text("氏名\n森\n", encoding="utf-8")
    assert (
        "no column '名前'"
        in check_roster_file(mapped, {"full_name"}, overrides=["full_name=名前"])
        .problems[0]
        .message
    )


def test_report_table_and_json(tmp_path: Path, examples: Path) -> None:
    roster = read_roster(_setup(tmp_path, examples))
    report = check_roster(roster, map_columns(roster.headers), {"family_name", "completion_date"})
    data = json.loads(report.to_json())
    assert data["file"] == "名簿.csv" and data["records_checked"] == 6
    assert data["errors"] == len(report.errors) and data["warnings"] == len(report.warnings)
    assert {"severity", "file", "row", "column", "field", "message"} <= set(data["problems"][0])
    assert [p["row"] for p in data["problems"]] == sorted(p["row"] for p in data["problems"])
    buffer = io.StringIO()
    print_report(report, Console(file=buffer, width=160, color_system=None))
    text = buffer.getvalue()
    assert "名簿.csv" in text and "family_name is empty" in text and "[expiry]" not in text
    assert text.strip().splitlines()[-1] == report.summary()
    assert report.summary().startswith("名簿.csv: 6 rows checked, ")
