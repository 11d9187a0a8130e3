"""Rosters that lose people or hang when read naively: a stale XLSX size, invisible
characters in IDs, cut-short photos, bombs and devices, misnamed and protected files."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from designer.data.check import check_roster_file
from designer.data.roster import MAX_ROSTER_BYTES, read_roster
from designer.errors import ShoshoError


def _rewrite_member(path: Path, member: str, change) -> None:
    with zipfile.ZipFile(path) as archive:
        contents = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    contents[member] = change(contents[member])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents.items():
            archive.writestr(name, data)


@pytest.mark.parametrize("ref", ["A1:D11", "A1", "B3:D5"])
def test_a_stale_xlsx_dimension_does_not_cut_the_roster(write_xlsx, ref):
    rows = [["学籍番号", "氏名", "メール", "期限"]]
    rows += [[f"S{i:04d}", f"山田 {i}", f"u{i}@example.jp", "2030-03-31"] for i in range(30)]
    path = write_xlsx(rows)
    _rewrite_member(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b'<dimension ref="A1:D31"/>', f'<dimension ref="{ref}"/>'.encode()),
    )
    with zipfile.ZipFile(path) as archive:
        assert f'ref="{ref}"'.encode() in archive.read("xl/worksheets/sheet1.xml")
    roster = read_roster(path)
    assert len(roster) == 30
    assert [r.row for r in roster][:2] == [2, 3] and roster.records[-1].get("学籍番号") == "S0029"
    assert any("holds data down to row 31" in p.message for p in roster.problems)


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u2060", "\u200e"])
def test_invisible_characters_do_not_make_two_people(write_csv, invisible):
    path = write_csv(
        "学籍番号,氏名\n"
        f"S2026001,山田 太郎\n{invisible}S2026001,山田 太郎\nS20{invisible}26001,山田 太郎\n"
    )
    report = check_roster_file(path, ["student_id", "full_name"])
    errors = [p for p in report.problems if p.severity == "error"]
    assert [p.row for p in errors] == [3, 4], report.problems
    assert all("appears twice" in p.message and "row 2" in p.message for p in errors)
    warnings = [p for p in report.problems if "invisible characters" in p.message]
    assert {p.row for p in warnings} == {3, 4}
    assert f"U+{ord(invisible):04X}" in warnings[0].message


def test_the_store_knows_the_person_whatever_invisible_characters(write_csv):
    from designer.issue.plan import recipient_key

    assert recipient_key({"student_id": "\u200bS2026001\ufeff"}) == recipient_key(
        {"student_id": "S2026001"}
    )
    assert recipient_key({"email": "Taro\u200b@Example.jp "}) == recipient_key(
        {"email": "taro@example.jp"}
    )


def _photo_roster(tmp_path: Path, photo_bytes: bytes, suffix: str = ".jpg") -> Path:
    (tmp_path / f"p{suffix}").write_bytes(photo_bytes)
    roster = tmp_path / "r.csv"
    roster.write_text(f"学籍番号,氏名,写真\nS1,山田,p{suffix}\n", encoding="utf-8")
    return roster


@pytest.mark.parametrize("kind", ["JPEG", "PNG"])
def test_a_cut_short_photo_is_reported(tmp_path, kind):
    buffer = io.BytesIO()
    Image.effect_noise((400, 400), 60).convert("RGB").save(buffer, kind)
    whole = buffer.getvalue()
    suffix = ".jpg" if kind == "JPEG" else ".png"
    good = check_roster_file(_photo_roster(tmp_path, whole, suffix), ["student_id", "photo"])
    assert not good.has_errors, good.problems
    cut = check_roster_file(
        _photo_roster(tmp_path, whole[: len(whole) * 2 // 3], suffix), ["student_id", "photo"]
    )
    errors = [p for p in cut.problems if p.severity == "error"]
    assert errors and "cut short" in errors[0].message and errors[0].row == 2


def test_a_decompression_bomb_photo_names_the_limit(tmp_path):
    buffer = io.BytesIO()
    Image.new("1", (20000, 20000)).save(buffer, "PNG")  # a few KB, 400 million pixels
    report = check_roster_file(_photo_roster(tmp_path, buffer.getvalue(), ".png"), ["photo"])
    errors = [p for p in report.problems if p.severity == "error"]
    assert errors and "p.png" in errors[0].message and "60,000,000 pixels" in errors[0].message


def test_a_workbook_bomb_is_refused_quickly(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/sharedStrings.xml", "w") as member:
            chunk = b"A" * (1024 * 1024)
            for _ in range(600):
                member.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    started = time.monotonic()
    with pytest.raises(ShoshoError, match=r"bomb\.xlsx: .*(unpacks to|inflates)"):
        read_roster(path)
    assert time.monotonic() - started < 10


def test_devices_and_huge_files_are_refused_with_the_limit(tmp_path):
    started = time.monotonic()
    with pytest.raises(ShoshoError, match=r"/dev/zero: larger than 64 MB"):
        read_roster("/dev/zero")
    assert time.monotonic() - started < 10
    report = check_roster_file("/dev/zero", ["student_id"])
    assert report.has_errors and "64 MB" in report.problems[0].message
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:
        handle.truncate(MAX_ROSTER_BYTES + 1)
    with pytest.raises(ShoshoError, match="larger than"):
        read_roster(big)


def test_a_password_protected_workbook_is_called_that(tmp_path):
    # what Excel writes for "Encrypt with Password": an OLE container with EncryptedPackage
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    path = tmp_path / "locked.xlsx"
    path.write_bytes(header + "EncryptedPackage".encode("utf-16-le") + b"\0" * 1000)
    with pytest.raises(ShoshoError, match="protected with a password"):
        read_roster(path)
    old = tmp_path / "old.xls"
    old.write_bytes(header + "Workbook".encode("utf-16-le") + b"\0" * 1000)
    with pytest.raises(ShoshoError, match=r"old-format Excel workbook \(\.xls\)"):
        read_roster(old)


def test_utf16_without_a_byte_order_mark_is_read(write_csv):
    text = "学籍番号,氏名\nS1,山田 太郎\nS2,佐藤 花子\n"
    for codec in ("utf-16-le", "utf-16-be"):
        roster = read_roster(write_csv(text, encoding=codec))
        assert [r.get("氏名") for r in roster] == ["山田 太郎", "佐藤 花子"]


def test_a_csv_named_xlsx_is_read_as_text(write_csv):
    roster = read_roster(write_csv("学籍番号,氏名\nS1,山田\n", name="roster.xlsx"))
    assert [r.get("氏名") for r in roster] == ["山田"]
    assert "holds text" in roster.problems[0].message
