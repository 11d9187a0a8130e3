"""The canvas equals the print, bleed included: the editor's own view, grabbed at several zoom
levels, against the print PDF rasterised by PDFium at the same scale.

Tolerance as in the Qt-vs-PDF painter test (greyscale, 1-pixel box blur): mean difference at
most 4 levels of 255 and at most 0.5 % of pixels differing by more than 64 levels. A white
strip of even one millimetre along an edge of a full-bleed element fails the second check.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter, ImageStat
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QTransform

from designer.model.elements import ShapeElement
from designer.render.layout import layout_record
from designer.render.pdf import write_pdf
from designer.resources import examples_dir, templates_dir

MAX_MEAN = 4.0
MAX_SHARE = 0.005
BIG_DIFF = 64


def _rasterise(pdf: Path, scale_px_per_mm: float) -> Image.Image:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return document[0].render(scale=scale_px_per_mm * 25.4 / 72).to_pil().convert("RGB")
    finally:
        document.close()


def _difference(first: Image.Image, second: Image.Image) -> tuple[float, float]:
    # PDFium rounds the page's size in pixels up and stretches the page over the last, partial
    # pixel; the canvas leaves that pixel to the desk. Neither is the artwork: it is left out.
    inner = (0, 0, first.width - 1, first.height - 1)
    first, second = first.crop(inner), second.crop(inner)
    blur = ImageFilter.BoxBlur(1)
    diff = ImageChops.difference(first.convert("L").filter(blur), second.convert("L").filter(blur))
    share = sum(diff.histogram()[BIG_DIFF + 1 :]) / (diff.width * diff.height)
    return ImageStat.Stat(diff).mean[0], share


def _canvas_image(window, qtbot, tmp_path: Path, scale: float, size: tuple[int, int]):
    """The canvas as the user sees it (page chrome hidden), bleed corner at the top left."""
    view = window.canvas.view
    scene = window.editor.scene
    scene.page_item.setVisible(False)  # bleed tint, safe-area and trim lines are not printed
    scene.setBackgroundBrush(QColor("#ffffff"))
    for dock in (window.roster_dock, window.inspector_dock, window.layers_dock):
        dock.hide()
    qtbot.wait(20)
    view.setTransform(QTransform.fromScale(scale, scale))
    bleed = window.editor.document.template.bleed
    view.centerOn(view.editor.scene.page_rect().center())
    corner = view.mapFromScene(QPointF(-bleed, -bleed))
    view.viewport().repaint()
    grabbed = view.viewport().grab().toImage()
    path = tmp_path / f"canvas-{scale:.2f}.png"
    grabbed.save(str(path))
    image = Image.open(path).convert("RGB")
    assert corner.x() >= 0 and corner.y() >= 0
    assert corner.x() + size[0] <= image.width and corner.y() + size[1] <= image.height
    return image.crop((corner.x(), corner.y(), corner.x() + size[0], corner.y() + size[1]))


def _print_pdf(window, tmp_path: Path) -> Path:
    template = window.editor.document.template
    values = window.editor.scene.values_for_layout()
    pages = layout_record(
        template, values, fonts=window.layouts.fonts, assets_base=window.layouts.assets_base
    )
    pdf = tmp_path / "print.pdf"
    write_pdf(pages[:1], pdf, bleed=True)
    return pdf


def _check(window, qtbot, tmp_path: Path, zooms: list[float]) -> None:
    pdf = _print_pdf(window, tmp_path)
    for zoom in zooms:
        scale = zoom * window.canvas.view.pixels_per_mm_at_100()
        printed = _rasterise(pdf, scale)
        shown = _canvas_image(window, qtbot, tmp_path, scale, printed.size)
        mean, share = _difference(printed, shown)
        assert mean <= MAX_MEAN, f"zoom {zoom:.0%}: mean difference {mean:.2f}"
        assert share <= MAX_SHARE, f"zoom {zoom:.0%}: {share:.3%} of pixels differ"


def _full_bleed_page(window) -> None:
    window.new_blank("A4", "landscape")
    document = window.editor.document
    document.template.bleed = 3.0
    window.editor.scene._sync_page()
    element = ShapeElement(x=-3, y=-3, width=303, height=216, fill="#1a3c6e", stroke=None)
    window.editor.insert([element])
    inner = ShapeElement(x=250, y=170, width=60, height=60, fill="#c8102e", stroke=None)
    window.editor.insert([inner])  # runs past the bleed edge: cut there, on paper and canvas
    window.editor.select([])


def test_full_bleed_rectangle_reaches_every_edge_at_every_zoom(window, qtbot, tmp_path):
    _full_bleed_page(window)
    _check(window, qtbot, tmp_path, [0.3, 0.55, 0.8])


def test_student_card_with_a_record_matches_its_print_with_bleed(window, qtbot, tmp_path):
    window.open_path(templates_dir() / "student-id.shosho", as_copy=True)
    assert window.open_roster(examples_dir() / "roster-ja.csv")
    assert window.editor.scene.values is not None
    window.editor.select([])
    _check(window, qtbot, tmp_path, [1.0, 1.6, 2.4])


def test_the_comparison_catches_a_strip_cut_at_the_right(window, qtbot, tmp_path):
    """Without the full print area (the strip the canvas used to cut), the check fails."""
    _full_bleed_page(window)
    pdf = _print_pdf(window, tmp_path)
    scale = 0.5 * window.canvas.view.pixels_per_mm_at_100()
    printed = _rasterise(pdf, scale)
    shown = _canvas_image(window, qtbot, tmp_path, scale, printed.size)
    strip = int(3 * scale)  # the 3 mm of bleed at the right, painted white
    shown.paste((255, 255, 255), (shown.width - strip, 0, shown.width, shown.height))
    _mean, share = _difference(printed, shown)
    assert share > MAX_SHARE


@pytest.mark.parametrize("zoom_to", ["maximised", "resized"])
def test_the_page_is_fitted_when_shown_and_when_the_window_grows(qtbot, zoom_to):
    from designer.ui.main_window import MainWindow

    win = MainWindow(check_recovery=False)
    qtbot.addWidget(win)
    win.open_path(templates_dir() / "shusho.shosho", as_copy=True)  # before the window shows
    win.resize(900, 600)
    win.show()
    qtbot.waitExposed(win)
    view = win.canvas.view
    first = view.zoom()
    assert first > 0.1  # not a dot: the page fills the window
    if zoom_to == "maximised":
        win.showMaximized()
    win.resize(1600, 1100)
    qtbot.waitUntil(lambda: view.zoom() > first * 1.2)
    page = view.mapFromScene(view.editor.scene.page_rect()).boundingRect()
    assert view.viewport().rect().contains(page)  # the whole page is in view
    # Once the user zooms, resizing no longer refits.
    win.actions["zoom_100"].trigger()
    win.resize(1000, 700)
    qtbot.wait(50)
    assert abs(view.zoom() - 1.0) < 1e-6
    win.actions["zoom_fit"].trigger()
    win.resize(1500, 1000)
    qtbot.waitUntil(lambda: view.zoom() > 0.5)
    win.editor.undo_stack.setClean()
