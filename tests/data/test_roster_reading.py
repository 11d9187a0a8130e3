"""Reading rosters: encodings, workbooks, row numbers, and a clear error for each bad file."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from designer.data.binding import bind_roster
from designer.data.mapping import map_columns
from designer.data.roster import read_roster
from designer.errors import ShoshoError

HEADER = "学籍番号,姓,名,修了日\n"


def _bound_values(path: Path) -> list[dict[str, object]]:
    roster = read_roster(path)
    mapping = map_columns(roster.headers)
    return [bound.values for bound in bind_roster(roster, mapping)]


def test_cp932_bom_and_xlsx_example_rosters_give_the_same_records(examples: Path) -> None:
    cp932 = read_roster(examples / "roster-ja.csv")
    bom = read_roster(examples / "roster-ja-utf8bom.csv")
    xlsx = read_roster(examples / "roster-ja.xlsx")
    assert cp932.encoding == "cp932"
    assert bom.encoding == "utf-8-sig"
    assert xlsx.encoding is None and xlsx.sheet == "名簿"
    assert cp932.headers == bom.headers == xlsx.headers
    assert cp932.headers[0] == "学籍番号"  # the BOM is not part of the first header
    assert len(cp932) == 30
    as_csv = _bound_values(examples / "roster-ja.csv")
    assert as_csv == _bound_values(examples / "roster-ja-utf8bom.csv")
    assert as_csv == _bound_values(examples / "roster-ja.xlsx")
    names = [values["full_name"] for values in as_csv]
    assert "髙橋\u3000陽菜" in names and "山﨑\u3000大翔" in names and "髙﨑\u3000琴音" in names


def test_records_keep_the_spreadsheet_row_and_column(write_csv) -> None:
    path = write_csv(HEADER + "2510001,髙橋,陽菜,2025/3/19\n\n2510002,山﨑,大翔,R7.3.19\n")
    roster = read_roster(path)
    assert roster.headers == ("学籍番号", "姓", "名", "修了日")
    assert [record.row for record in roster] == [2, 4]  # the blank row 3 keeps its number
    assert roster.records[1].values["姓"] == "山﨑"
    assert roster.path == path


def test_names_are_kept_exactly_as_written(write_csv) -> None:
    # U+FA10 塚 would become U+585A under NFC; the ideographic variation selector must stay.
    names = "\ufa10本,\u845b\U000e0100城,\U00020bb7田"
    path = write_csv(
        "姓,名,学籍番号\n" + "\n".join(f"{n},太郎,{i}" for i, n in enumerate(names.split(",")))
    )
    families = [record.values["姓"] for record in read_roster(path)]
    assert families == ["\ufa10本", "\u845b\U000e0100城", "\U00020bb7田"]


def test_shift_jis_with_nec_and_ibm_extensions_is_read_as_cp932(write_csv) -> None:
    path = write_csv(HEADER + "2510001,髙橋,①子,2025/3/19\n", encoding="cp932")
    roster = read_roster(path)
    assert roster.encoding == "cp932"
    assert roster.records[0].values["名"] == "①子"


def test_cp932_without_kana_is_still_recognised(write_csv) -> None:
    path = write_csv(
        "学籍番号,氏名,学部\n" + "".join(f"25{i:05d},山田太郎,経済学部\n" for i in range(40)),
        encoding="cp932",
    )
    roster = read_roster(path)
    assert roster.encoding == "cp932"
    assert roster.records[0].values["氏名"] == "山田太郎"


def test_encoding_override(write_csv) -> None:
    path = write_csv(HEADER + "2510001,渡辺,湊,2025/3/19\n", encoding="cp932")
    assert read_roster(path, encoding="Shift_JIS").records[0].values["姓"] == "渡辺"
    assert read_roster(path, encoding="sjis").encoding == "cp932"
    with pytest.raises(ShoshoError, match=r"roster\.csv: the file is not valid utf-8"):
        read_roster(path, encoding="utf-8")
    with pytest.raises(ShoshoError, match="unknown encoding 'klingon'"):
        read_roster(path, encoding="klingon")


def test_utf16_tab_separated_text_from_excel(write_csv) -> None:
    path = write_csv("学籍番号\t氏名\n2510001\t佐藤　結衣\n", name="roster.txt", encoding="utf-16")
    roster = read_roster(path)
    assert roster.encoding == "utf-16"
    assert roster.records[0].values == {"学籍番号": "2510001", "氏名": "佐藤　結衣"}


def test_tsv_and_semicolon_separators(write_csv) -> None:
    tsv = write_csv("student_id\tfull_name\n1\tA, B\n", name="roster.tsv")
    assert read_roster(tsv).records[0].values["full_name"] == "A, B"
    semicolon = write_csv("student_id;full_name\n1;Anna Rossi\n")
    assert read_roster(semicolon).records[0].values == {
        "student_id": "1",
        "full_name": "Anna Rossi",
    }


def test_xlsx_dates_numbers_and_named_sheet(write_xlsx) -> None:
    path = write_xlsx(
        [
            ["Student ID", "Full Name", "Completion Date", "Score", "Card No"],
            [2590001, "Emily Carter", dt.datetime(2025, 3, 14), 87.5, 123],
            [2590002.0, "Oliver Bennett", dt.date(2025, 3, 15), 90, 45],
        ],
        formats={"E2": "0000000", "E3": "0000000"},
        more_sheets={"Teachers": [["Name"], ["Ms Tanaka"]]},
    )
    roster = read_roster(path)
    first, second = roster.records
    assert first.row == 2 and first.values["Student ID"] == "2590001"
    assert second.values["Student ID"] == "2590002"  # never "2590002.0"
    assert first.values["Completion Date"] == dt.date(2025, 3, 14)
    assert first.values["Score"] == "87.5"
    assert first.values["Card No"] == "0000123"  # zero-padded number format kept
    teachers = read_roster(path, sheet="Teachers")
    assert teachers.sheet == "Teachers" and teachers.records[0].values == {"Name": "Ms Tanaka"}
    with pytest.raises(
        ShoshoError,
        match=r"roster\.xlsx: there is no sheet 'Staff' \(sheets: 'Sheet1', 'Teachers'\)",
    ):
        read_roster(path, sheet="Staff")


def test_workbook_given_a_csv_name_is_still_read_as_a_workbook(write_xlsx, tmp_path: Path) -> None:
    path = write_xlsx([["氏名"], ["森　奏"]])
    renamed = tmp_path / "export.csv"
    shutil.copy(path, renamed)
    assert read_roster(renamed).records[0].values["氏名"] == "森　奏"


def test_duplicate_and_missing_header_names_are_reported(write_csv) -> None:
    roster = read_roster(write_csv("氏名,氏名,\n山田,Yamada,extra\n"))
    assert roster.headers == ("氏名", "氏名 (2)", "(column C)")
    messages = [str(problem) for problem in roster.problems]
    assert any("'氏名' appears more than once" in m and "row 1" in m for m in messages)
    assert any("column C has values but no name" in m for m in messages)


def test_trailing_unnamed_empty_columns_are_dropped(write_csv) -> None:
    roster = read_roster(write_csv("氏名,学籍番号,,\n山田,1,,\n"))
    assert roster.headers == ("氏名", "学籍番号")
    assert roster.problems == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", r"roster\.csv: the file is empty"),
        (b"\xef\xbb\xbf\r\n  \r\n", r"roster\.csv: the file is empty"),
        (
            b"2510001,2025/3/19,12\n2510002,2025/3/20,13\n",
            r"roster\.csv: row 1 should hold the column names .* add a header row",
        ),
        (
            b'id,name\n1,"Sato\n',
            r"roster\.csv: row 2 \(line 2\) cannot be read: unexpected end of data",
        ),
        (b'id,name\n1,"Sato"x\n', r"roster\.csv: row 2 \(line 2\) cannot be read"),
        (b"name\x00\x01\x02id\n", r"roster\.csv: this is not a text file"),
        (
            "学籍番号,氏名\n1,山田".encode() + "田".encode()[:2],
            r"roster\.csv: the file ends in the middle of a UTF-8 character",
        ),
        (
            "学籍番号,氏名,フリガナ\n1,山田,ヤマダ\n".encode("cp932") + "田".encode("cp932")[:1],
            r"roster\.csv: the file ends in the middle of a CP932",
        ),
        (
            bytes(range(0x80, 0x100)) * 20,
            r"roster\.csv: cannot tell the text encoding .* --encoding cp932",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
            r"roster\.csv: this is an old-format Excel workbook \(\.xls\)",
        ),
    ],
    ids=[
        "empty",
        "bom-only",
        "no-header",
        "open-quote",
        "stray-quote",
        "binary",
        "truncated-utf8",
        "truncated-cp932",
        "unknown-encoding",
        "xls",
    ],
)
def test_bad_text_files_get_a_message_naming_the_file(
    write_csv, content: bytes, message: str
) -> None:
    path = write_csv("")
    path.write_bytes(content)
    with pytest.raises(ShoshoError, match=message):
        read_roster(path)


def test_damaged_and_truncated_workbooks(write_xlsx, tmp_path: Path) -> None:
    good = write_xlsx([["氏名"], ["森　奏"]]).read_bytes()
    truncated = tmp_path / "cut.xlsx"
    truncated.write_bytes(good[: len(good) // 2])
    with pytest.raises(
        ShoshoError,
        match=r"cut\.xlsx: not a readable Excel workbook \(the file is damaged or cut short\)",
    ):
        read_roster(truncated)
    not_excel = tmp_path / "notes.xlsx"
    not_excel.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ShoshoError, match=r"notes\.xlsx: not a readable Excel"):
        read_roster(not_excel)
    empty = write_xlsx([], name="empty.xlsx")
    with pytest.raises(ShoshoError, match=r"empty\.xlsx: the roster has no rows"):
        read_roster(empty)


def test_missing_file_folder_and_misplaced_options(tmp_path: Path, write_csv, write_xlsx) -> None:
    with pytest.raises(ShoshoError, match=r"nothere\.csv: roster file not found"):
        read_roster(tmp_path / "nothere.csv")
    with pytest.raises(ShoshoError, match="is a folder"):
        read_roster(tmp_path)
    with pytest.raises(ShoshoError, match="a sheet name applies to Excel workbooks"):
        read_roster(write_csv("a\n1\n"), sheet="Sheet1")
    with pytest.raises(ShoshoError, match="an encoding applies to CSV/TSV files"):
        read_roster(write_xlsx([["a"], [1]]), encoding="cp932")


def test_twenty_thousand_rows(tmp_path: Path) -> None:
    lines = ["学籍番号,姓,名,セイ,メイ,修了日,写真"]
    lines += [
        f"25{i:06d},髙橋,陽菜{i},タカハシ,ヒナ,R7.3.{1 + i % 28},photos/{i}.jpg"
        for i in range(20_000)
    ]
    path = tmp_path / "big.csv"
    path.write_bytes("\r\n".join(lines).encode("cp932"))
    roster = read_roster(path)
    assert len(roster) == 20_000
    assert roster.records[-1].row == 20_001
    assert roster.records[-1].values["名"] == "陽菜19999"


def test_xlsx_with_blank_rows_keeps_excel_row_numbers(tmp_path):
    """Excel leaves blank rows out of the file; the rows after them keep their own numbers."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["学籍番号", "姓", "名"])
    sheet.append(["1", "山田", "太郎"])
    sheet.append([])
    sheet.append(["3", "佐藤", "花子"])
    sheet.cell(row=7, column=1, value="7")
    sheet.cell(row=7, column=2, value="鈴木")
    path = tmp_path / "gaps.xlsx"
    workbook.save(path)
    roster = read_roster(path)
    assert [(record.row, record.get("姓")) for record in roster.records] == [
        (2, "山田"),
        (4, "佐藤"),
        (7, "鈴木"),
    ]
