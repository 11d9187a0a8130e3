"""The result of checking a roster: problems, printed as a table or written as JSON.

Identical problems of many rows (60 rows whose department does not fit its box) are shown as
one line listing the rows, so staff see what to fix once and which rows it concerns.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from designer.data.problems import ERROR, WARNING, Problem


def format_rows(rows: Iterable[int]) -> str:
    """``2-4,7,9-10``: row numbers as ranges, in the form ``--rows`` takes."""
    ordered = sorted(set(rows))
    parts: list[str] = []
    index = 0
    while index < len(ordered):
        end = index
        while end + 1 < len(ordered) and ordered[end + 1] == ordered[end] + 1:
            end += 1
        first, last = ordered[index], ordered[end]
        parts.append(str(first) if first == last else f"{first}-{last}")
        index = end + 1
    return ",".join(parts)


@dataclass(frozen=True)
class ProblemGroup:
    """The same problem (severity, message, column, field) found in one or more rows."""

    severity: str
    message: str
    column: str | None
    field: str | None
    rows: tuple[int, ...]  # empty for a problem of the whole file

    def rows_text(self) -> str:
        if not self.rows:
            return ""
        if len(self.rows) == 1:
            return str(self.rows[0])
        return f"{format_rows(self.rows)} ({len(self.rows)} rows)"

    def to_dict(self) -> dict[str, object]:
        return {
            "severity": self.severity,
            "message": self.message,
            "column": self.column,
            "field": self.field,
            "rows": list(self.rows),
            "count": max(1, len(self.rows)),
        }


@dataclass
class Report:
    file: str
    records_checked: int
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == WARNING]

    @property
    def has_errors(self) -> bool:
        return any(problem.severity == ERROR for problem in self.problems)

    def sorted_problems(self) -> list[Problem]:
        return sorted(
            self.problems,
            key=lambda p: (p.row if p.row is not None else 0, p.severity != ERROR, p.column or ""),
        )

    def grouped(self) -> list[ProblemGroup]:
        """Problems merged across rows, errors first, then by first row."""
        order: dict[tuple, list[int]] = {}
        for problem in self.sorted_problems():
            key = (problem.severity, problem.message, problem.column, problem.field)
            rows = order.setdefault(key, [])
            if problem.row is not None:
                rows.append(problem.row)
        groups = [
            ProblemGroup(severity, message, column, field_name, tuple(rows))
            for (severity, message, column, field_name), rows in order.items()
        ]
        return sorted(
            groups, key=lambda g: (g.severity != ERROR, g.rows[0] if g.rows else 0, g.message)
        )

    def summary(self) -> str:
        errors, warnings = len(self.errors), len(self.warnings)
        people = f"{self.records_checked} {'row' if self.records_checked == 1 else 'rows'}"
        if not self.problems:
            return f"{self.file}: {people} checked, no problems"
        return (
            f"{self.file}: {people} checked, {errors} {'error' if errors == 1 else 'errors'}, "
            f"{warnings} {'warning' if warnings == 1 else 'warnings'}"
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "records_checked": self.records_checked,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "problems": [problem.to_dict() for problem in self.sorted_problems()],
            "groups": [group.to_dict() for group in self.grouped()],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_text(self) -> str:
        """One line per problem (identical problems of several rows on one line), then the
        summary: for logs and plain terminals."""
        lines = []
        for group in self.grouped():
            where = [self.file]
            if group.rows:
                where.append(f"row {group.rows_text()}" if len(group.rows) == 1 else
                             f"rows {group.rows_text()}")  # fmt: skip
            if group.column is not None:
                where.append(f"column {group.column!r}")
            if group.field is not None and group.field != group.column:
                where.append(f"field {group.field}")
            lines.append(f"{', '.join(where)}: {group.severity}: {group.message}")
        return "\n".join([*lines, self.summary()])


def print_report(report: Report, console: object | None = None) -> None:
    """Print the report as a table (rich) followed by a one-line summary."""
    from rich.console import Console
    from rich.table import Table

    out = console if isinstance(console, Console) else Console()
    if report.problems:
        table = Table(title=report.file, show_lines=False, expand=False)
        table.add_column("", no_wrap=True)
        table.add_column("Row", justify="right", no_wrap=True)
        table.add_column("Column")
        table.add_column("Field")
        table.add_column("Problem", overflow="fold")
        for group in report.grouped():
            mark = "[red]error[/red]" if group.severity == ERROR else "[yellow]warning[/yellow]"
            table.add_row(
                mark,
                group.rows_text(),
                _escape(group.column or ""),
                _escape(group.field or ""),
                _escape(group.message),
            )
        out.print(table)
    style = "red" if report.has_errors else ("yellow" if report.problems else "green")
    out.print(f"[{style}]{_escape(report.summary())}[/{style}]")


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
