"""The elements a template page holds. Geometry is in millimetres from the page's top-left
corner (the trim box, not the bleed); rotation is in degrees clockwise about the element's
centre. Font sizes are in points, as in every office program."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any, ClassVar


def new_element_id() -> str:
    return uuid.uuid4().hex[:12]


@dataclass
class Element:
    """Common geometry and state of every element."""

    TYPE: ClassVar[str] = ""

    id: str = field(default_factory=new_element_id)
    name: str = ""
    x: float = 0.0
    y: float = 0.0
    width: float = 10.0
    height: float = 10.0
    rotation: float = 0.0
    locked: bool = False
    visible: bool = True
    opacity: float = 1.0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def type(self) -> str:
        return self.TYPE

    def label(self) -> str:
        """How messages name this element: its name if it has one, else its type and id."""
        return f"{self.name!r}" if self.name else f"{self.TYPE} element {self.id}"


@dataclass
class TextStyle:
    font_family: str = "IPAexMincho"
    bold: bool = False
    size: float = 12.0  # points
    min_size: float = 6.0  # points; the smallest size "shrink" may use
    color: str = "#000000"
    letter_spacing: float = 0.0  # in em (0.1 = a tenth of the font size between characters)
    line_height: float = 1.4  # multiple of the font size
    align: str = "left"  # left | center | right | justify | distribute (均等割付)
    valign: str = "top"  # top | middle | bottom
    writing_mode: str = "horizontal"  # horizontal | vertical (縦書き)
    fit: str = "wrap"  # wrap | shrink | single_line
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class TextElement(Element):
    """Static text or text with fields such as ``{{ full_name }}``."""

    TYPE: ClassVar[str] = "text"

    text: str = ""
    style: TextStyle = field(default_factory=TextStyle)


@dataclass
class ImageElement(Element):
    """A picture: fixed (``source`` names a file inside the template's assets) or taken per
    record from a roster field (``field``, e.g. ``photo``, holding a path)."""

    TYPE: ClassVar[str] = "image"

    source: str = ""  # asset name, e.g. "logo.png"
    field: str = ""  # roster field holding an image path per record
    fit: str = "contain"  # contain (fit) | cover (fill and crop) | stretch
    crop_left: float = 0.0  # fractions of the source image cut away before fitting
    crop_top: float = 0.0
    crop_right: float = 0.0
    crop_bottom: float = 0.0


@dataclass
class QRElement(Element):
    """A QR code. ``content`` may hold fields; ``{{ seal_url }}`` is the verification link."""

    TYPE: ClassVar[str] = "qr"

    content: str = "{{ seal_url }}"
    ec_level: str = "M"  # L | M | Q | H
    quiet_zone: int = 4  # modules
    color: str = "#000000"
    background: str = "#FFFFFF"
    caption: str = ""  # small text under the code, e.g. "{{ verify_host }}"
    caption_size: float = 5.0  # points


@dataclass
class BarcodeElement(Element):
    """A 1D barcode: Code 128, NW-7 (Codabar) or EAN-13."""

    TYPE: ClassVar[str] = "barcode"

    symbology: str = "code128"  # code128 | codabar | ean13
    content: str = ""
    show_text: bool = True
    color: str = "#000000"
    codabar_start: str = "A"
    codabar_stop: str = "A"


@dataclass
class ShapeElement(Element):
    TYPE: ClassVar[str] = "shape"

    shape: str = "rect"  # rect | ellipse | line
    fill: str | None = None
    stroke: str | None = "#000000"
    stroke_width: float = 0.3  # mm
    corner_radius: float = 0.0  # mm
    dash: list[float] | None = None  # mm on/off lengths


@dataclass
class BorderElement(Element):
    """A decorative frame generated from parameters (our own vector patterns)."""

    TYPE: ClassVar[str] = "border"

    pattern: str = "classic"  # classic | guilloche | wave | corners | double
    color: str = "#8A6D2B"
    secondary_color: str = "#C9B37E"
    line_width: float = 0.4  # mm
    density: float = 1.0  # repeats per 10 mm for patterned borders
    inset: float = 8.0  # mm from the element's edge to the inner line


ELEMENT_TYPES: dict[str, type[Element]] = {
    cls.TYPE: cls
    for cls in (TextElement, ImageElement, QRElement, BarcodeElement, ShapeElement, BorderElement)
}
