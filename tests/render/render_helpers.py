"""Helpers for the rendering tests (imported by them as ``render_helpers``): real fonts, real rasterisers and real barcode decoders."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image
from reportlab.pdfbase.ttfonts import TTFont

from designer.render.display import FontRef, GlyphRun
from designer.resources import fonts_dir

MINCHO = FontRef("test-IPAexMincho", str(fonts_dir() / "ipaexm.ttf"))
GOTHIC = FontRef("test-IPAexGothic", str(fonts_dir() / "ipaexg.ttf"))
_faces: dict[str, TTFont] = {}


def _advance_mm(font: FontRef, char: str, size: float) -> float:
    face = _faces.get(font.path)
    if face is None:
        face = _faces[font.path] = TTFont("measure-" + font.key, font.path)
    return face.stringWidth(char, size) * 25.4 / 72


def horizontal_run(
    text: str,
    x: float,
    y: float,
    size: float = 24.0,
    font: FontRef = MINCHO,
    color: str = "#000000",
) -> GlyphRun:
    """A run set at the font's natural advances, as the text engine sets plain text."""
    positions = []
    for char in text:
        positions.append((x, y))
        x += _advance_mm(font, char, size)
    return GlyphRun(font=font, size=size, color=color, text=text, positions=positions)


def vertical_run(
    text: str, x: float, y: float, size: float = 20.0, font: FontRef = MINCHO
) -> GlyphRun:
    """One column of upright CJK characters, one em apart, top to bottom."""
    step = size * 25.4 / 72
    positions = [(x, y + step * (i + 1)) for i in range(len(text))]
    return GlyphRun(font=font, size=size, color="#000000", text=text, positions=positions)


def rasterise(pdf: Path, dpi: float = 150, page: int = 0) -> Image.Image:
    document = pdfium.PdfDocument(str(pdf))
    try:
        return document[page].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        document.close()


def decode(image: Image.Image) -> list[tuple[str, str]]:
    """(format name, text) of every barcode zxing-cpp finds."""
    return [(r.format.name, r.text) for r in zxingcpp.read_barcodes(image)]


def zbar_decode(png: Path) -> list[str]:
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    return [line for line in result.stdout.splitlines() if line]


def run_tool(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout
