"""The roster check report groups identical problems of many rows into one line."""

from __future__ import annotations

import io
import json

from rich.console import Console

from designer.data.problems import ERROR, WARNING, Problem
from designer.data.report import Report, format_rows, print_report

TOO_LONG = "text element 'department': 「国際教養学部」 does not fit; shorten the text"


def _report() -> Report:
    problems = [Problem(ERROR, "r.csv", TOO_LONG, row, None, "department") for row in range(2, 62)]
    problems.append(Problem(ERROR, "r.csv", "photo not found", 70, "写真", "photo"))
    problems.append(Problem(WARNING, "r.csv", "date looks odd", 5, "修了日", "completion_date"))
    return Report(file="r.csv", records_checked=80, problems=problems)


def test_rows_are_written_as_ranges():
    assert format_rows([9, 2, 3, 4, 7, 10]) == "2-4,7,9-10"
    assert format_rows([5]) == "5"


def test_identical_problems_of_many_rows_are_one_line():
    report = _report()
    groups = report.grouped()
    assert [(g.severity, len(g.rows)) for g in groups] == [(ERROR, 60), (ERROR, 1), (WARNING, 1)]
    assert groups[0].rows_text() == "2-61 (60 rows)"
    lines = report.to_text().splitlines()
    assert lines[0] == (f"r.csv, rows 2-61 (60 rows), field department: error: {TOO_LONG}")
    assert len(lines) == 4  # three groups and the summary


def test_table_and_json_show_the_groups():
    report = _report()
    buffer = io.StringIO()
    print_report(report, Console(file=buffer, width=200, color_system=None))
    table = buffer.getvalue()
    assert table.count("does not fit") == 1 and "2-61 (60 rows)" in table
    data = json.loads(report.to_json())
    assert len(data["problems"]) == 62  # every problem is still listed one by one
    assert data["groups"][0]["count"] == 60 and data["groups"][0]["rows"][:2] == [2, 3]
