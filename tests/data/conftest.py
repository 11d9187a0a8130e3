from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from designer.resources import examples_dir


@pytest.fixture
def examples() -> Path:
    return examples_dir()


@pytest.fixture
def write_csv(tmp_path: Path) -> Callable[..., Path]:
    """Write text to a roster file in the given encoding and return its path."""

    def write(text: str, name: str = "roster.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write


@pytest.fixture
def write_xlsx(tmp_path: Path) -> Callable[..., Path]:
    def write(
        rows: list[list[object]],
        name: str = "roster.xlsx",
        title: str = "Sheet1",
        formats: dict[str, str] | None = None,
        more_sheets: dict[str, list[list[object]]] | None = None,
    ) -> Path:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = title
        for row in rows:
            sheet.append(row)
        for cell_name, number_format in (formats or {}).items():
            sheet[cell_name].number_format = number_format
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, dt.date) and cell.number_format == "General":
                    cell.number_format = "yyyy-mm-dd"
        for other, other_rows in (more_sheets or {}).items():
            extra = workbook.create_sheet(other)
            for row in other_rows:
                extra.append(row)
        path = tmp_path / name
        workbook.save(path)
        return path

    return write
