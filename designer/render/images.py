"""Images for the display list: loading, SVG rasterising, and fitting into a box.

PNG and JPEG bytes go into the display list unchanged (the PDF painter passes JPEG through as
DCT). SVG is rasterised with QtSvg to a PNG whose longest side is ``SVG_PIXELS`` pixels, a
little over 600 dpi for a 80 mm logo; the PDF then holds that bitmap, not vectors.

Each image is keyed by a hash of its bytes, so the same picture used on many pages or records
is one entry in ``PageDisplay.images`` and one XObject in a PDF.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from designer.errors import ShoshoError

SVG_PIXELS = 2048
MAX_IMAGE_PIXELS = 60_000_000
"""About 9,000 x 6,700: more than any camera photo or scanned logo needs; a larger image is
refused rather than inflated (a decompression bomb is a few KB that decode to GBs)."""
MAX_IMAGE_BYTES = 64 * 1024 * 1024
MAX_SVG_BYTES = 8 * 1024 * 1024
MAX_SVG_ELEMENTS = 10_000
MAX_SVG_FILTERED = 4
"""Blurs and other filters cost Qt a full-canvas pass each: 100 blurred circles take minutes."""
HEAVY_SVG_ELEMENTS = 2_000
HEAVY_SVG_PIXELS = 1024
"""A heavy SVG (filters, or many elements) is drawn at this size: a quarter of the time."""


class ImageLimitError(ShoshoError):
    """An image larger or more complex than Shosho draws; the message names the limit."""


@dataclass(frozen=True)
class LoadedImage:
    key: str
    data: bytes  # PNG or JPEG bytes
    pixel_width: int
    pixel_height: int
    kind: str  # "png" | "jpeg"


def image_key(data: bytes) -> str:
    return "img-" + hashlib.sha1(data).hexdigest()[:20]


def is_svg(data: bytes) -> bool:
    head = data[:512].lstrip()
    return head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in data[:4096])


@lru_cache(maxsize=64)
def load_image_bytes(data: bytes, source: str) -> LoadedImage:
    """Identify ``data`` (PNG, JPEG, SVG) and return it ready for the display list.

    ``source`` names the file or asset in error messages. Other formats are converted to PNG.
    """
    if is_svg(data):
        data = svg_to_png(data, source)
    try:
        with _open_checked(io.BytesIO(data), source) as image:
            image_format = image.format
            size = image.size
            if image_format not in ("PNG", "JPEG"):
                buffer = io.BytesIO()
                image.save(buffer, "PNG")
                data = buffer.getvalue()
                image_format = "PNG"
    except (UnidentifiedImageError, OSError) as error:
        raise ShoshoError(f"{source}: not a readable image (PNG, JPEG or SVG)") from error
    return LoadedImage(image_key(data), data, size[0], size[1], image_format.lower())


def _open_checked(source_file, source: str) -> Image.Image:
    """``Image.open`` with the pixel limit applied before anything is decoded."""
    try:
        with warnings.catch_warnings():  # the limit below is Shosho's own
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(source_file)
    except Image.DecompressionBombError:
        raise ImageLimitError(
            f"{source}: the image has more than {MAX_IMAGE_PIXELS:,} pixels, the most Shosho "
            "draws; scale it down"
        ) from None
    width, height = image.size
    if width * height > MAX_IMAGE_PIXELS:
        image.close()
        raise ImageLimitError(
            f"{source}: the image is {width} x {height} pixels, more than the "
            f"{MAX_IMAGE_PIXELS:,} Shosho draws; scale it down"
        )
    return image


def decode_image_fully(path: Path) -> tuple[int, int]:
    """Decode every pixel of the image at ``path`` (a cut-short file fails here, not half
    blank on a card); returns its size. Raises ShoshoError naming the file."""
    data = _read_limited(path)
    try:
        with _open_checked(io.BytesIO(data), str(path)) as image:
            image.load()
            return image.size
    except ImageLimitError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise ShoshoError(f"{path}: not a readable image, or cut short") from None


def _read_limited(path: Path) -> bytes:
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_IMAGE_BYTES + 1)
    except OSError as error:
        raise ShoshoError(f"{path}: cannot read the image ({error.strerror})") from None
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageLimitError(
            f"{path}: larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MB, the most an image may be"
        )
    return data


def load_image_file(path: Path, label: str) -> LoadedImage:
    """Read an image file; a missing or unreadable file is a ShoshoError naming ``label``."""
    try:
        data = _read_file(str(path), path.stat().st_mtime_ns)
    except FileNotFoundError:
        raise ShoshoError(f"{label}: image file not found: {path}") from None
    except OSError as error:
        raise ShoshoError(f"{label}: cannot read image file {path}: {error.strerror}") from None
    return load_image_bytes(data, f"{label}: {path}")


@lru_cache(maxsize=64)
def _read_file(path: str, _mtime_ns: int) -> bytes:
    return _read_limited(Path(path))


def svg_to_png(data: bytes, source: str) -> bytes:
    """Rasterise SVG with QtSvg at ``SVG_PIXELS`` on the longest side, transparent background."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    import designer.render.qt_painter  # noqa: F401  (keeps None alive under PySide6 6.12)

    pixels = HEAVY_SVG_PIXELS if check_svg(data, source) else SVG_PIXELS
    if QGuiApplication.instance() is None:  # SVG text needs a font database
        _ensure_gui_application()
    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        raise ShoshoError(f"{source}: not a valid SVG image")
    view = renderer.viewBoxF()
    width, height = (view.width(), view.height()) if view.width() > 0 else (100.0, 100.0)
    scale = pixels / max(width, height)
    image = QImage(
        max(1, round(width * scale)), max(1, round(height * scale)), QImage.Format.Format_ARGB32
    )
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


_LINK_ATTRIBUTES = ("href", "{http://www.w3.org/1999/xlink}href", "src")
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"@import", re.IGNORECASE)


def check_svg(data: bytes, source: str) -> bool:
    """Refuse an SVG that reaches outside itself or would take too long to draw.

    References may point inside the SVG (``#id``) or carry their data (``data:``); a file path
    or URL (``<image href="/etc/…">``, ``url(file:…)``, ``@import``) is refused, so drawing an
    asset never reads another file into a PDF. Element and filter counts bound the time.
    Returns whether the SVG is heavy (drawn at ``HEAVY_SVG_PIXELS``).
    """
    import xml.etree.ElementTree as ElementTree

    if len(data) > MAX_SVG_BYTES:
        raise ImageLimitError(
            f"{source}: the SVG is larger than {MAX_SVG_BYTES // (1024 * 1024)} MB, the most "
            "Shosho draws"
        )
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise ShoshoError(f"{source}: not a valid SVG image ({error})") from None
    count = filtered = 0
    for element in root.iter():
        count += 1
        if count > MAX_SVG_ELEMENTS:
            raise ImageLimitError(
                f"{source}: the SVG has more than {MAX_SVG_ELEMENTS:,} elements, the most "
                "Shosho draws; simplify it or use a PNG"
            )
        tag = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        style = element.get("style") or ""
        if element.get("filter") or "filter" in style:
            filtered += 1
            if filtered > MAX_SVG_FILTERED:
                raise ImageLimitError(
                    f"{source}: the SVG applies filters (blur, shadow) to more than "
                    f"{MAX_SVG_FILTERED} elements, which takes too long to draw; use a PNG"
                )
        for name in _LINK_ATTRIBUTES:
            _check_reference(element.get(name), tag, source)
        for text in (style, element.text if tag == "style" else None):
            if not text:
                continue
            if _CSS_IMPORT.search(text):
                raise ShoshoError(f"{source}: the SVG's style imports another file (@import)")
            for target in _CSS_URL.findall(text):
                _check_reference(target, tag, source)
        for value in element.attrib.values():
            for target in _CSS_URL.findall(value):
                _check_reference(target, tag, source)
    return filtered > 0 or count > HEAVY_SVG_ELEMENTS


def _check_reference(target: str | None, tag: str, source: str) -> None:
    if target is None:
        return
    target = target.strip()
    if not target or target.startswith("#") or target[:5].lower() == "data:":
        return
    raise ShoshoError(
        f"{source}: the SVG's <{tag}> refers to {target[:80]!r} outside itself; Shosho draws "
        "only what the SVG holds (embed the picture, or add it to the design as its own image)"
    )


_APP = None


def _ensure_gui_application() -> None:
    import os

    from PySide6.QtGui import QGuiApplication

    global _APP
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _APP = QGuiApplication([])


@dataclass(frozen=True)
class Placement:
    """Where the whole (uncropped) image goes, and the visible clip rectangle (mm)."""

    x: float
    y: float
    width: float
    height: float
    clip: tuple[float, float, float, float] | None


def fit_image(
    pixel_width: int,
    pixel_height: int,
    box: tuple[float, float, float, float],
    fit: str = "contain",
    crop: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0),
) -> Placement:
    """Place an image in ``box`` (x, y, w, h mm) after cutting ``crop`` (left, top, right,
    bottom fractions) from it. ``contain`` shows all of it, ``cover`` fills the box and clips,
    ``stretch`` fills the box and distorts."""
    bx, by, bw, bh = box
    left, top, right, bottom = (min(max(f, 0.0), 0.95) for f in crop)
    keep_x = max(1.0 - left - right, 0.05)
    keep_y = max(1.0 - top - bottom, 0.05)
    visible_w = pixel_width * keep_x
    visible_h = pixel_height * keep_y
    if fit == "stretch":
        rw, rh = bw, bh
    else:
        scale_w, scale_h = bw / visible_w, bh / visible_h
        scale = max(scale_w, scale_h) if fit == "cover" else min(scale_w, scale_h)
        rw, rh = visible_w * scale, visible_h * scale
    rx, ry = bx + (bw - rw) / 2, by + (bh - rh) / 2
    full_w, full_h = rw / keep_x, rh / keep_y
    x, y = rx - left * full_w, ry - top * full_h
    cropped = any(f > 0 for f in (left, top, right, bottom))
    if fit == "cover":
        clip = (bx, by, bw, bh)
        if cropped:
            clip = _intersect(clip, (rx, ry, rw, rh))
    else:
        clip = (rx, ry, rw, rh) if cropped else None
    return Placement(x, y, full_w, full_h, clip)


def _intersect(a, b):
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    return (x0, y0, max(0.0, x1 - x0), max(0.0, y1 - y0))
