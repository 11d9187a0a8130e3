"""Property-based fuzzing of roster files: mutated CSV, TSV and XLSX bytes never end in a
traceback or a hang, and memory stays bounded; the report always names the file."""

from __future__ import annotations

import io
import resource
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from designer.data.check import check_roster_file

CSV = "学籍番号,氏名,メール,修了日,写真\nS2026001,山田 太郎,taro@example.jp,2026-03-20,\n" * 3


def _xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in [
        ["学籍番号", "氏名", "修了日"],
        ["S1", "山田", "令和8年3月20日"],
        ["S2", "佐藤", 45000],
    ]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


XLSX = _xlsx()
SEEDS = {
    ".csv": CSV.encode("utf-8"),
    ".tsv": CSV.replace(",", "\t").encode("utf-16"),
    ".txt": CSV.encode("cp932"),
    ".xlsx": XLSX,
}


@st.composite
def mutated(draw) -> tuple[str, bytes]:
    suffix = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[suffix])
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "repeat"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at : at + draw(st.integers(1, 400))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
        else:
            data[at:at] = bytes(data[at : at + 20]) * draw(st.integers(1, 50))
    return suffix, bytes(data)


@st.composite
def mutated_sheet(draw) -> bytes:
    """An XLSX whose sheet XML is mutated (so openpyxl gets past the zip)."""
    with zipfile.ZipFile(io.BytesIO(XLSX)) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    name = draw(st.sampled_from(sorted(members)))
    data = bytearray(members[name])
    at = draw(st.integers(0, len(data)))
    data[at:at] = draw(
        st.sampled_from(
            [
                b"<",
                b'<row r="1048577">',
                b"&amp;",
                b"\x00",
                b'<c r="ZZZZ9"><v>1e999</v></c>',
                b"]]>",
            ]
        )
    )
    members[name] = bytes(data)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for key, value in members.items():
            archive.writestr(key, value)
    return buffer.getvalue()


def _check(tmp_path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    report = check_roster_file(path, ["student_id", "full_name"])
    for problem in report.problems:
        assert problem.file == name


_FUZZ = settings(
    max_examples=60, deadline=10_000, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_FUZZ
@given(case=mutated())
def test_mutated_rosters_give_a_report(tmp_path, case):
    suffix, data = case
    _check(tmp_path, f"roster{suffix}", data)


@settings(
    max_examples=25, deadline=10_000, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=mutated_sheet())
def test_mutated_sheets_give_a_report(tmp_path, data):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _check(tmp_path, "roster.xlsx", data)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 300
