"""Printing on the office printer (Qt's print dialog): the same sheets as the print PDF, at
their true size, and a calibration page that measures the printer's offset."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from designer.render.display import PageDisplay, PathItem
from designer.render.qt_painter import paint_page

CALIBRATION_MARKS = ((20.0, 20.0), (190.0, 20.0), (20.0, 277.0), (190.0, 277.0), (105.0, 148.5))


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def _page_layout(sheet: PageDisplay) -> QPageLayout:
    size = QPageSize(QSizeF(sheet.width, sheet.height), QPageSize.Unit.Millimeter)
    orientation = QPageLayout.Orientation.Portrait
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def print_sheets(sheets, printer: QPrinter) -> int:
    """Print every sheet at its true size (no scaling to fit, so cards cut where marked);
    returns the number of pages sent."""
    printer.setFullPage(True)
    painter = QPainter()
    pages = 0
    for sheet in sheets:
        printer.setPageLayout(_page_layout(sheet))
        if pages == 0:
            if not painter.begin(printer):
                raise OSError(tr("The printer could not be opened"))
        elif not printer.newPage():
            break
        scale = printer.resolution() / 25.4
        paint_page(sheet, painter, dpi_scale=scale)
        pages += 1
    if pages:
        painter.end()
    return pages


def calibration_page(fonts) -> PageDisplay:
    """An A4 page with crosses 20 mm in from each corner and one at the centre. Measured
    on paper, how far each cross sits from where it should gives the printer offset to enter
    (``--offset X Y``)."""
    from designer.render.display import GlyphRun

    page = PageDisplay(210.0, 297.0, background="#ffffff")
    ops: list[tuple] = []
    for x, y in CALIBRATION_MARKS:
        ops += [("M", x - 8, y), ("L", x + 8, y), ("M", x, y - 8), ("L", x, y + 8)]
    page.items.append(PathItem(ops=ops, stroke="#000000", stroke_width=0.15))
    family = "IPAexGothic" if fonts.has_family("IPAexGothic") else fonts.families()[0]
    lines = [
        tr("Printer calibration page"),
        tr("Each cross should be 20 mm from the edges (the last at the centre)."),
        tr("Measure how far the crosses are moved; enter that as the print offset."),
    ]
    y = 40.0
    for number, line in enumerate(lines):
        size = 14.0 if number == 0 else 10.0
        x, positions = 30.0, []
        for char in line:
            positions.append((x, y))
            x += fonts.measure(char, family, False, size)
        page.items.append(GlyphRun(fonts.resolve(family), size, "#000000", line, positions))
        y += 8.0
    return page
