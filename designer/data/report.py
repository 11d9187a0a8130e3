"""The result of checking a roster: problems, printed as a table or written as JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from designer.data.problems import ERROR, WARNING, Problem


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
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_text(self) -> str:
        """One line per problem, then the summary: for logs and plain terminals."""
        return "\n".join([*(str(problem) for problem in self.sorted_problems()), self.summary()])


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
        for problem in report.sorted_problems():
            mark = "[red]error[/red]" if problem.severity == ERROR else "[yellow]warning[/yellow]"
            table.add_row(
                mark,
                "" if problem.row is None else str(problem.row),
                _escape(problem.column or ""),
                _escape(problem.field or ""),
                _escape(problem.message),
            )
        out.print(table)
    style = "red" if report.has_errors else ("yellow" if report.problems else "green")
    out.print(f"[{style}]{_escape(report.summary())}[/{style}]")


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
