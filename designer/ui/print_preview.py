"""Print preview: the sheets that go to the printer, drawn from the same display lists as the
print PDF. Cards are imposed N-up on A4 with crop marks, each front sheet followed by its
mirrored back sheet; certificates print one page per sheet.

Sheets are laid out only when shown, so a 20,000-row roster opens at once; "Save print PDF…"
writes every sheet with ``designer.render.pdf.write_pdf``.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from designer.errors import ShoshoError
from designer.model.template import Template
from designer.render.display import PageDisplay
from designer.render.imposition import card_sheet_layout, impose_cards, mark_specimens
from designer.render.job import specimen_values
from designer.render.layout import layout_record
from designer.render.pdf import write_pdf
from designer.render.qt_painter import paint_page

RecordValues = Callable[[int], Mapping[str, Any]]
CACHED_GROUPS = 4


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class PrintSheets:
    """The print run of ``count`` records as sheets, laid out on demand.

    ``values(i)`` gives record ``i``'s field values; with ``specimen`` they are printed as
    specimens (the QR says nothing was issued), exactly as ``shosho render --sheet`` prints
    them. ``on_missing`` is the layout's choice for missing fields and pictures.
    """

    def __init__(
        self,
        template: Template,
        count: int,
        values: RecordValues,
        *,
        fonts: Any,
        assets_base: Path | None = None,
        on_missing: str = "placeholder",
        specimen: bool = True,
    ) -> None:
        self.template = template
        self.records = max(count, 0)
        self.values = values
        self.fonts = fonts
        self.assets_base = assets_base
        self.on_missing = on_missing
        self.specimen = specimen
        self.is_card = template.kind == "card"
        self.sides = len(template.sides)
        self._groups: OrderedDict[int, list[PageDisplay]] = OrderedDict()
        if self.is_card:
            page = template.page
            self.layout = card_sheet_layout(page.width, page.height, gap=4.0)
            self.per_sheet = self.layout.per_sheet
            self.sheets_per_group = 2 if self.sides > 1 else 1
        else:
            self.layout = None
            self.per_sheet = 1
            self.sheets_per_group = self.sides

    def count(self) -> int:
        return math.ceil(self.records / self.per_sheet) * self.sheets_per_group

    def record_range(self, sheet: int) -> range:
        """The records (0-based) that appear on ``sheet``."""
        group = sheet // self.sheets_per_group
        return range(group * self.per_sheet, min((group + 1) * self.per_sheet, self.records))

    def is_back(self, sheet: int) -> bool:
        return sheet % self.sheets_per_group == 1 and self.sides > 1

    def sheet(self, index: int) -> PageDisplay:
        if not 0 <= index < self.count():
            raise IndexError(index)
        group = index // self.sheets_per_group
        sheets = self._groups.get(group)
        if sheets is None:
            sheets = self._make_group(group)
            self._groups[group] = sheets
            if len(self._groups) > CACHED_GROUPS:
                self._groups.popitem(last=False)
        self._groups.move_to_end(group)
        return sheets[index % self.sheets_per_group]

    def strict(self) -> PrintSheets:
        """The same print run, where a missing field or picture is an error."""
        return PrintSheets(
            self.template,
            self.records,
            self.values,
            fonts=self.fonts,
            assets_base=self.assets_base,
            on_missing="error",
            specimen=self.specimen,
        )

    def _pages(self, record: int) -> list[PageDisplay]:
        values = self.values(record)
        pages = layout_record(
            self.template,
            specimen_values(values) if self.specimen else values,
            fonts=self.fonts,
            assets_base=self.assets_base,
            on_missing=self.on_missing,
        )
        return mark_specimens(pages, self.fonts) if self.specimen else pages

    def _make_group(self, group: int) -> list[PageDisplay]:
        records = self.record_range(group * self.sheets_per_group)
        if not self.is_card:
            return self._pages(records[0])
        return list(
            impose_cards(
                (self._pages(r) for r in records), bleed=True, crop_marks=True, gap=self.layout.gap
            )
        )

    def __iter__(self) -> Iterator[PageDisplay]:
        for index in range(self.count()):
            yield self.sheet(index)

    def write(self, path: Path) -> int:
        """Write every sheet to one PDF; returns the number of pages."""
        return write_pdf(iter(self), path, metadata={"title": self.template.name})


class SheetView(QWidget):
    """One sheet on a grey desk, scaled to fit."""

    MARGIN = 16

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet: PageDisplay | None = None
        self.error = ""
        self.setMinimumSize(360, 420)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_sheet(self, sheet: PageDisplay | None, error: str = "") -> None:
        self.sheet, self.error = sheet, error
        self.update()

    def paper_rect(self) -> tuple[QRectF, float]:
        """Where the paper is drawn, and pixels per millimetre."""
        assert self.sheet is not None
        room_w = max(self.width() - 2 * self.MARGIN, 1)
        room_h = max(self.height() - 2 * self.MARGIN, 1)
        scale = min(room_w / self.sheet.width, room_h / self.sheet.height)
        w, h = self.sheet.width * scale, self.sheet.height * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h), scale

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#e8eaed"))
        if self.sheet is None:
            painter.setPen(QColor("#b3261e") if self.error else QColor("#5f6368"))
            painter.drawText(
                self.rect().adjusted(20, 20, -20, -20),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.error or tr("Nothing to print"),
            )
            painter.end()
            return
        rect, scale = self.paper_rect()
        painter.fillRect(rect.translated(3, 3), QColor("#bdc1c6"))
        painter.fillRect(rect, QColor("#ffffff"))
        painter.translate(rect.topLeft())
        paint_page(self.sheet, painter, dpi_scale=scale)
        painter.end()


class PrintPreviewDialog(QDialog):
    """File > Print preview."""

    def __init__(self, sheets: PrintSheets, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(tr("Print preview — %1").replace("%1", sheets.template.name))
        self.sheets = sheets
        self.index = 0
        self.view = SheetView()
        self.previous_button = QPushButton("◀")
        self.previous_button.setToolTip(tr("Previous sheet (Page Up)"))
        self.previous_button.setShortcut("PgUp")
        self.previous_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(tr("Next sheet (Page Down)"))
        self.next_button.setShortcut("PgDown")
        self.next_button.clicked.connect(lambda: self.go(self.index + 1))
        self.position = QLabel()
        self.position.setObjectName("sheetPosition")
        self.about = QLabel()
        self.about.setObjectName("sheetAbout")
        self.about.setStyleSheet("color:#5f6368;")
        self.save_button = QPushButton(tr("Save print PDF…"))
        self.save_button.clicked.connect(self._save_clicked)
        self.print_button = QPushButton(tr("Print…"))
        self.print_button.setToolTip(tr("Print on a printer of this PC, at true size"))
        self.print_button.clicked.connect(self.print_dialog)
        self.calibrate_button = QPushButton(tr("Calibration page…"))
        self.calibrate_button.setToolTip(
            tr("Print a page of crosses to measure how far the printer shifts the print")
        )
        self.calibrate_button.clicked.connect(self.print_calibration_dialog)
        self.duplex = QLabel(
            tr("Print double-sided, flipping on the long edge: each back lands on its front.")
            if sheets.is_card and sheets.sides > 1
            else ""
        )
        self.duplex.setObjectName("duplexHint")
        self.duplex.setWordWrap(True)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.accept)
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.position)
        bar.addWidget(self.next_button)
        bar.addSpacing(12)
        bar.addWidget(self.about, 1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)
        bar.addWidget(self.calibrate_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.duplex)
        layout.addLayout(bar)
        self.resize(760, 920)
        self.go(0)

    def print_dialog(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.sheets.is_card and self.sheets.sides > 1:
            printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer) -> int | None:
        """Print every sheet (strictly: a missing photo or field stops it, as for the PDF)."""
        from designer.ui.printing import print_sheets

        try:
            pages = print_sheets(self.sheets.strict(), printer)
        except (ShoshoError, OSError) as error:
            QMessageBox.warning(self, tr("Cannot print"), str(error))
            return None
        self.about.setText(tr("Sent %1 pages to the printer.").replace("%1", str(pages)))
        return pages

    def print_calibration_dialog(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QPrintDialog.DialogCode.Accepted:
            self.print_calibration(printer)

    def print_calibration(self, printer) -> int:
        from designer.ui.printing import calibration_page, print_sheets

        return print_sheets([calibration_page(self.sheets.fonts)], printer)

    def describe(self, index: int) -> str:
        sheets = self.sheets
        records = sheets.record_range(index)
        who = (
            tr("record %1").replace("%1", str(records.start + 1))
            if len(records) == 1
            else tr("records %1–%2").replace("%1", str(records.start + 1))
            .replace("%2", str(records.stop))
        )  # fmt: skip
        if sheets.is_card:
            layout = sheets.layout
            side = (
                tr("backs, mirrored for long-edge duplex")
                if sheets.is_back(index)
                else tr("fronts")
            )
            return (
                tr("%1 cards per A4 sheet (%2 × %3) with crop marks · %4 · %5")
                .replace("%1", str(layout.per_sheet))
                .replace("%2", str(layout.columns))
                .replace("%3", str(layout.rows))
                .replace("%4", side)
                .replace("%5", who)
            )
        side = ""
        if sheets.sides > 1:
            side = (tr("back") if index % sheets.sides else tr("front")) + " · "
        return side + who

    def go(self, index: int) -> None:
        count = self.sheets.count()
        self.index = max(0, min(index, count - 1)) if count else 0
        if count == 0:
            self.view.set_sheet(None)
            self.position.setText(tr("no sheets"))
            self.about.setText("")
        else:
            try:
                self.view.set_sheet(self.sheets.sheet(self.index))
            except ShoshoError as error:
                self.view.set_sheet(None, str(error))
            self.position.setText(
                tr("Sheet %1 of %2").replace("%1", str(self.index + 1)).replace("%2", str(count))
            )
            self.about.setText(self.describe(self.index))
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < count - 1)
        self.save_button.setEnabled(count > 0)

    def _save_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            tr("Save print PDF"),
            f"{self.sheets.template.name}-print.pdf",
            tr("PDF files (*.pdf)"),
        )
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> int | None:
        """Write all sheets to ``path``; the PDF is what the preview shows. Missing photos or
        fields stop the save with a message naming them, instead of printing placeholders."""
        strict = self.sheets.strict()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = strict.write(path)
        except (ShoshoError, OSError) as error:
            QMessageBox.warning(self, tr("Cannot save the print PDF"), str(error))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.about.setText(
            tr("Saved %1 (%2 pages)").replace("%1", str(path)).replace("%2", str(pages))
        )
        return pages
