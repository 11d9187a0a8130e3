"""Printing from the print preview: every sheet at true size through Qt's printer (here a
PDF printer), the duplex hint for cards with backs, and the calibration page."""

import pypdfium2
from PySide6.QtPrintSupport import QPrinter

from designer.resources import examples_dir, templates_dir


def _pdf_printer(path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_cards_print_every_sheet_at_true_size_with_a_duplex_hint(window, tmp_path):
    window.open_path(templates_dir() / "student-id.shosho", as_copy=True)
    roster = tmp_path / "roster.csv"
    lines = (examples_dir() / "roster-ja.csv").read_bytes().decode("cp932").splitlines()
    roster.write_bytes(("\n".join(lines[:13]) + "\n").encode("cp932"))
    import shutil

    shutil.copytree(examples_dir() / "photos", tmp_path / "photos")
    assert window.open_roster(roster)
    preview = window.show_print_preview()
    assert "long edge" in preview.duplex.text()
    out = tmp_path / "printed.pdf"
    assert preview.print_to(_pdf_printer(out)) == preview.sheets.count() == 4
    document = pypdfium2.PdfDocument(str(out))
    try:
        assert len(document) == 4
        width, height = document[0].get_size()
        assert abs(width - 595.3) < 1.5 and abs(height - 841.9) < 1.5  # A4, not scaled
    finally:
        document.close()


def test_the_calibration_page_prints_its_crosses(window, tmp_path):
    window.new_blank("A4", "portrait")
    preview = window.show_print_preview()
    assert preview.duplex.text() == ""
    out = tmp_path / "calibration.pdf"
    assert preview.print_calibration(_pdf_printer(out)) == 1
    document = pypdfium2.PdfDocument(str(out))
    try:
        image = document[0].render(scale=2 * 25.4 / 72).to_pil().convert("L")  # 2 px per mm
    finally:
        document.close()
    title = [image.getpixel((x, y)) for x in range(60, 300, 2) for y in range(66, 82)]
    assert min(title) < 100  # the instructions are printed above the crosses
    assert image.getpixel((40, 40)) < 128 and image.getpixel((380, 40)) < 128  # crosses at 20 mm
    assert image.getpixel((60, 60)) > 200
