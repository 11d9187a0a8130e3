"""The template document model: headless, no Qt widgets, no reportlab."""

from designer.model.elements import (
    ELEMENT_TYPES,
    BarcodeElement,
    BorderElement,
    Element,
    ImageElement,
    QRElement,
    ShapeElement,
    TextElement,
    TextStyle,
)
from designer.model.io import load_template, save_template, template_hash
from designer.model.pages import PAGE_PRESETS, PageSize, preset_size
from designer.model.template import FORMAT_VERSION, OutputSettings, PageSpec, Side, Template

__all__ = [
    "ELEMENT_TYPES",
    "FORMAT_VERSION",
    "PAGE_PRESETS",
    "BarcodeElement",
    "BorderElement",
    "Element",
    "ImageElement",
    "OutputSettings",
    "PageSize",
    "PageSpec",
    "QRElement",
    "ShapeElement",
    "Side",
    "Template",
    "TextElement",
    "TextStyle",
    "load_template",
    "preset_size",
    "save_template",
    "template_hash",
]
