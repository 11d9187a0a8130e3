"""File > Print preview: imposed card sheets and certificate pages, paged, saved as the print PDF."""

import pypdfium2
from PySide6.QtGui import QImage

from designer.render.display import GroupItem, PathItem
from designer.render.qt_painter import render_page_image
from designer.resources import examples_dir, templates_dir


def _groups(sheet):
    return [item for item in sheet.items if isinstance(item, GroupItem)]


def test_cards_are_imposed_ten_up_with_crop_marks_and_mirrored_backs(window, tmp_path):
    window.open_path(templates_dir() / "student-id.shosho", as_copy=True)
    assert window.open_roster(examples_dir() / "roster-ja.csv")
    records = window.session.count()
    assert records == 30
    preview = window.show_print_preview()
    sheets = preview.sheets
    # 30 cards with backs: three sheets of fronts, each followed by its sheet of backs.
    assert sheets.count() == 6
    assert preview.position.text() == "Sheet 1 of 6"
    assert "10 cards per A4 sheet" in preview.about.text() and "fronts" in preview.about.text()
    front = sheets.sheet(0)
    assert (front.width, front.height) == (210.0, 297.0)
    assert len(_groups(front)) == 10
    marks = [i for i in front.items if isinstance(i, PathItem) and i.stroke == "#000000"]
    assert marks and len(marks[0].ops) >= 2 * (4 + 10)  # a mark at every cut, both sides

    preview.next_button.click()
    assert preview.index == 1 and "backs, mirrored" in preview.about.text()
    back = sheets.sheet(1)
    front_x = [g.transform[4] for g in _groups(front)]
    back_x = [g.transform[4] for g in _groups(back)]
    card_width = window.editor.document.template.page.width
    for fx, bx in zip(front_x, back_x, strict=True):
        assert abs((fx + card_width / 2) + (bx + card_width / 2) - 210.0) < 1e-6  # mirrored

    preview.go(99)
    assert preview.index == 5 and not preview.next_button.isEnabled()
    assert preview.position.text() == "Sheet 6 of 6"

    # Nothing was issued: every card on the sheet says so on its face.
    from designer.render.display import GlyphRun
    from designer.render.imposition import SPECIMEN_TEXT

    def marks(items):
        for item in items:
            if isinstance(item, GlyphRun) and item.text == SPECIMEN_TEXT:
                yield item
            elif isinstance(item, GroupItem):
                yield from marks(item.items)

    assert len(list(marks(front.items))) == 10

    # The preview widget draws the sheet: the paper is white with dark artwork on it.
    image = preview.view.grab().toImage()
    assert image.pixelColor(image.width() // 2, 4).name() == "#e8eaed"  # the desk

    # "Save print PDF…" writes the same sheets.
    out = tmp_path / "cards-print.pdf"
    assert preview.save_pdf(out) == 6
    assert "6 pages" in preview.about.text()
    pdf = pypdfium2.PdfDocument(str(out))
    assert len(pdf) == 6
    width_pt, height_pt = pdf[0].get_size()
    assert abs(width_pt - 595.3) < 1 and abs(height_pt - 841.9) < 1
    pdf.close()


def test_the_print_pdf_matches_the_preview(window, tmp_path):
    window.open_path(templates_dir() / "shusho.shosho", as_copy=True)
    assert window.open_roster(examples_dir() / "roster-ja.csv")
    window.session.go(4)
    preview = window.show_print_preview()
    # Certificates: one page per record, and the preview opens at the record on the canvas.
    assert preview.sheets.count() == 30 and preview.index == 4
    assert preview.about.text() == "record 5"
    out = tmp_path / "one.pdf"
    preview.sheets.records = 1  # print only the first record to compare it quickly
    assert preview.save_pdf(out) == 1
    pdf = pypdfium2.PdfDocument(str(out))
    printed = pdf[0].render(scale=40 / 72).to_pil().convert("L")
    pdf.close()
    shown = render_page_image(preview.sheets.sheet(0), 40).convertToFormat(
        QImage.Format.Format_Grayscale8
    )
    assert (shown.width(), shown.height()) == printed.size
    differing = sum(
        abs(shown.pixelColor(x, y).value() - printed.getpixel((x, y))) > 60
        for x in range(0, shown.width(), 3)
        for y in range(0, shown.height(), 3)
    )
    assert differing / ((shown.width() // 3) * (shown.height() // 3)) < 0.03


def test_a_missing_photo_stops_the_print_pdf_with_its_name(window, tmp_path, message_boxes):
    roster = tmp_path / "roster.csv"
    lines = (examples_dir() / "roster-ja.csv").read_bytes().decode("cp932").splitlines()
    roster.write_bytes(("\n".join(lines[:3]) + "\n").encode("cp932"))  # photos/… not beside it
    window.open_path(templates_dir() / "student-id.shosho", as_copy=True)
    assert window.open_roster(roster)
    preview = window.show_print_preview()
    assert preview.sheets.count() == 2  # shown with placeholders
    assert preview.save_pdf(tmp_path / "x.pdf") is None
    title, text = message_boxes[-1][1:]
    assert title == "Cannot save the print PDF" and "2510001.jpg" in text


def test_without_a_roster_the_design_is_previewed(window):
    window.new_blank("A4", "landscape")
    window.editor.add_element("text", x=20, y=20)
    preview = window.show_print_preview()
    assert preview.sheets.count() == 1 and preview.position.text() == "Sheet 1 of 1"
    assert preview.sheets.sheet(0).width == 297.0
