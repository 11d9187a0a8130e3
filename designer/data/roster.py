"""Reading a roster (CSV, TSV or XLSX) into records that remember where each value came from.

Row numbers are the ones the user sees in a spreadsheet: the header is row 1, the first
person row 2. Blank rows keep their number but make no record. Values are kept exactly as
written (surrounding spaces trimmed, nothing normalised): names must reach the certificate
with their exact characters.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from designer.data.encoding import decode_roster_bytes
from designer.data.problems import WARNING, Problem
from designer.errors import ShoshoError

CellValue = str | dt.date
TEXT_SUFFIXES = {".csv", ".tsv", ".tab", ".txt"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # a password-protected .xlsx
MAX_ROSTER_BYTES = 64 * 1024 * 1024
MAX_WORKBOOK_UNPACKED = 512 * 1024 * 1024
MAX_ZIP_RATIO = 200
"""Spreadsheet XML packs about 10-30 times; far more is a zip bomb, not a roster."""
_ZERO_PADDED_FORMAT = re.compile(r"0+")
_LOOKS_LIKE_DATA = re.compile(
    r"[\d\s.,:/\-]+|\d{2,4}年\d{1,2}月\d{1,2}日|[RHSTM]\d{1,2}\.\d{1,2}\.\d{1,2}"
)


@dataclass(frozen=True, slots=True)
class Record:
    """One person: the spreadsheet row and the value under each column header."""

    row: int
    values: dict[str, CellValue]

    def get(self, column: str) -> CellValue:
        return self.values.get(column, "")


@dataclass
class Roster:
    path: Path
    headers: tuple[str, ...]
    records: list[Record]
    encoding: str | None = None  # None for a workbook
    sheet: str | None = None  # the worksheet read, for a workbook
    problems: list[Problem] = field(default_factory=list)  # found while reading

    @property
    def display_name(self) -> str:
        return self.path.name

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records)


def read_roster(
    path: str | Path,
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    delimiter: str | None = None,
) -> Roster:
    """Read a CSV/TSV (any of UTF-8, UTF-8 with BOM, UTF-16, CP932; detected unless
    ``encoding`` is given) or an XLSX workbook (the first sheet unless ``sheet`` is named).

    Raises ShoshoError naming the file for anything that cannot be read."""
    path = Path(path)
    name = path.name
    data = read_limited(path, MAX_ROSTER_BYTES, "roster")

    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_PACKAGE in data:
            raise ShoshoError(
                f"{name}: this workbook is protected with a password; open it in Excel, remove "
                "the password (File > Info > Protect Workbook) and save it again"
            )
        raise ShoshoError(
            f"{name}: this is an old-format Excel workbook (.xls); open it in Excel or "
            "LibreOffice and save it as .xlsx or CSV"
        )
    if data.startswith(_ZIP_MAGIC):
        if encoding:
            raise ShoshoError(f"{name}: an encoding applies to CSV/TSV files, not to workbooks")
        return _read_workbook(path, data, sheet)
    if path.suffix.lower() in EXCEL_SUFFIXES:
        if not _looks_like_text(data):
            raise ShoshoError(
                f"{name}: not a readable Excel workbook (the file is damaged or cut short)"
            )
        problem = Problem(
            WARNING, name, "the file is named like an Excel workbook but holds text: read as CSV"
        )
        roster = _read_text(path, data, encoding, delimiter)
        roster.problems.insert(0, problem)
        return roster
    if sheet is not None:
        raise ShoshoError(f"{name}: a sheet name applies to Excel workbooks, not to CSV/TSV files")
    return _read_text(path, data, encoding, delimiter)


def read_limited(path: Path, limit: int, what: str) -> bytes:
    """The bytes of ``path``, refusing more than ``limit`` (a device such as /dev/zero, or a
    file far larger than any roster) with a message naming the file and the limit."""
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise ShoshoError(f"{path}: {what} file not found") from None
    except IsADirectoryError:
        raise ShoshoError(f"{path}: is a folder, not a {what} file") from None
    except OSError as error:
        raise ShoshoError(f"{path}: cannot read the {what} ({error.strerror})") from None
    if len(data) > limit:
        raise ShoshoError(
            f"{path}: larger than {limit // (1024 * 1024)} MB, the most a {what} file may be"
        )
    return data


def _looks_like_text(data: bytes) -> bool:
    from designer.data.encoding import decode_roster_bytes

    try:
        decode_roster_bytes(data[:65536], "probe")
    except ShoshoError:
        return False
    return True


def _check_workbook_size(name: str, data: bytes) -> None:
    """Refuse zip bombs before openpyxl inflates anything: total size and ratio limits."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # openpyxl words the damage
    total = sum(member.file_size for member in members)
    if total > MAX_WORKBOOK_UNPACKED:
        raise ShoshoError(
            f"{name}: the workbook unpacks to {total // (1024 * 1024)} MB, more than the "
            f"{MAX_WORKBOOK_UNPACKED // (1024 * 1024)} MB a roster may take"
        )
    for member in members:
        if member.file_size > 1024 * 1024 and member.file_size > MAX_ZIP_RATIO * max(
            member.compress_size, 1
        ):
            raise ShoshoError(
                f"{name}: {member.filename} inflates {member.file_size // max(member.compress_size, 1)} "
                f"times (the most allowed is {MAX_ZIP_RATIO}): not a workbook a spreadsheet "
                "program writes"
            )


def _read_text(path: Path, data: bytes, encoding: str | None, delimiter: str | None) -> Roster:
    name = path.name
    text, used = decode_roster_bytes(data, name, encoding)
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ShoshoError(f"{name}: the file is empty")
    if delimiter is None:
        delimiter = _guess_delimiter(path, text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[CellValue]]] = []
    try:
        for number, cells in enumerate(reader, start=1):
            rows.append((number, [cell.strip() for cell in cells]))
    except csv.Error as error:
        raise ShoshoError(
            f"{name}: row {len(rows) + 1} (line {reader.line_num}) cannot be read: {error}. "
            "A quotation mark may be missing, or the file may be cut short"
        ) from None
    return _build(path, rows, encoding=used, sheet=None)


def _guess_delimiter(path: Path, text: str) -> str:
    if path.suffix.lower() in {".tsv", ".tab"}:
        return "\t"
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: first_line.count(sep) for sep in (",", "\t", ";")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] > 0 else ","


def _read_workbook(path: Path, data: bytes, sheet: str | None) -> Roster:
    from openpyxl import load_workbook  # imported here: openpyxl takes a while to import

    name = path.name
    _check_workbook_size(name, data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except zipfile.BadZipFile:
        raise ShoshoError(
            f"{name}: not a readable Excel workbook (the file is damaged or cut short)"
        ) from None
    except Exception as error:  # openpyxl raises many types for damaged or foreign files
        raise ShoshoError(
            f"{name}: not a readable Excel .xlsx workbook ({type(error).__name__}: {error}); "
            "save it from Excel or LibreOffice as .xlsx or CSV"
        ) from None
    try:
        if sheet is None:
            if not workbook.worksheets:
                raise ShoshoError(f"{name}: the workbook holds no worksheet")
            worksheet = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        else:
            available = ", ".join(repr(n) for n in workbook.sheetnames)
            raise ShoshoError(f"{name}: there is no sheet {sheet!r} (sheets: {available})")
        rows: list[tuple[int, list[CellValue]]] = []
        declared = _declared_rows(worksheet)
        try:
            # The stored size (<dimension ref>) may be stale and would cut the sheet short:
            # forget it and read every row the sheet holds, from row 1. Read-only sheets yield
            # blank rows as empty cells that carry no row number: count rows ourselves.
            worksheet.reset_dimensions()
            for number, cells in enumerate(worksheet.iter_rows(min_row=1), start=1):
                if cells:
                    rows.append((number, [_cell_value(cell) for cell in cells]))
        except ShoshoError:
            raise
        except Exception as error:
            raise ShoshoError(
                f"{name}: sheet {worksheet.title!r} cannot be read ({type(error).__name__}: "
                f"{error})"
            ) from None
        roster = _build(path, rows, encoding=None, sheet=worksheet.title)
        last = max((n for n, cells in rows if any(c != "" for c in cells)), default=0)
        if declared is not None and last > declared:
            roster.problems.append(
                Problem(
                    WARNING,
                    name,
                    f"sheet {worksheet.title!r} says it ends at row {declared} but holds data "
                    f"down to row {last}: every row was read ({len(roster)} people); the file "
                    "was probably written by a program that did not update its size",
                )
            )
        return roster
    finally:
        workbook.close()


def _declared_rows(worksheet) -> int | None:
    """The last row the sheet's stored size (``<dimension ref>``) claims, if it has one."""
    try:
        return worksheet.max_row if worksheet.max_row else None
    except Exception:  # a broken dimension element: the rows are read anyway
        return None


def _cell_value(cell: object) -> CellValue:
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            return f"{value:.15g}"
        digits = str(int(value))
        number_format = getattr(cell, "number_format", "") or ""
        if _ZERO_PADDED_FORMAT.fullmatch(number_format):  # e.g. 0000123 kept as a number
            digits = digits.zfill(len(number_format))
        return digits
    return str(value)


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _build(
    path: Path, rows: list[tuple[int, list[CellValue]]], *, encoding: str | None, sheet: str | None
) -> Roster:
    name = path.name
    nonblank = [(number, cells) for number, cells in rows if any(cell != "" for cell in cells)]
    if not nonblank:
        raise ShoshoError(f"{name}: the roster has no rows (the file or sheet is empty)")
    header_row, header_cells = nonblank[0]
    filled = [cell for cell in header_cells if cell != ""]
    if all(isinstance(cell, dt.date) or _LOOKS_LIKE_DATA.fullmatch(str(cell)) for cell in filled):
        raise ShoshoError(
            f"{name}: row {header_row} should hold the column names (氏名, 学籍番号, …) but "
            f"holds data ({', '.join(str(cell) for cell in filled[:4])}); add a header row"
        )

    problems: list[Problem] = []
    body = nonblank[1:]
    width = max(len(header_cells), max((len(cells) for _, cells in body), default=0))
    headers: list[str] = []
    seen: dict[str, int] = {}
    for index in range(width):
        raw = header_cells[index] if index < len(header_cells) else ""
        header = str(raw).strip() if raw != "" else ""
        letter = _column_letter(index)
        if not header:
            header = f"(column {letter})"
        if header in seen:
            seen[header] += 1
            renamed = f"{header} ({seen[header]})"
            problems.append(
                Problem(
                    WARNING,
                    name,
                    f"the column name {header!r} appears more than once; column {letter} is "
                    f"called {renamed!r}",
                    row=header_row,
                    column=renamed,
                )
            )
            header = renamed
        else:
            seen[header] = 1
        headers.append(header)

    # Columns with no name and no values (Excel's trailing formatted cells) are dropped.
    keep = [
        index
        for index, header in enumerate(headers)
        if not header.startswith("(column ")
        or any(index < len(cells) and cells[index] != "" for _, cells in body)
    ]
    for index in keep:
        if headers[index].startswith("(column "):
            problems.append(
                Problem(
                    WARNING,
                    name,
                    f"column {_column_letter(index)} has values but no name in the header row",
                    row=header_row,
                    column=headers[index],
                )
            )
    kept_headers = [headers[index] for index in keep]
    records: list[Record] = []
    for number, cells in body:
        padded = cells + [""] * (width - len(cells))
        records.append(Record(number, {headers[i]: padded[i] for i in keep}))
    return Roster(
        path=path,
        headers=tuple(kept_headers),
        records=records,
        encoding=encoding,
        sheet=sheet,
        problems=problems,
    )
