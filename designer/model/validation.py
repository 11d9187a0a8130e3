"""Checking a loaded template against the format's typed models before anything uses it.

``template.json`` comes from files people send each other. Every field of the model classes
is checked for its JSON type (a width given as text, ``style`` as a string, ``text`` as a
number), numbers for being finite and inside the range the renderer can draw (no page of
1e308 mm, no font size 0, no negative border), and choice fields for a known value (``kind``,
``align``, ``preset``, …). A problem names the side, the element and the field.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from typing import Any

from designer.errors import ShoshoError
from designer.model.elements import Element
from designer.model.pages import PAGE_PRESETS
from designer.model.serial import _hints
from designer.model.template import Template

MAX_LENGTH_MM = 5000.0
"""Positions and sizes: five metres is beyond any printer; more is a broken file."""

_RANGES: dict[str, tuple[float, float]] = {
    "width": (0.0, MAX_LENGTH_MM),
    "height": (0.0, MAX_LENGTH_MM),
    "x": (-MAX_LENGTH_MM, MAX_LENGTH_MM),
    "y": (-MAX_LENGTH_MM, MAX_LENGTH_MM),
    "rotation": (-36000.0, 36000.0),
    "opacity": (0.0, 1.0),
    "size": (0.5, 1000.0),
    "min_size": (0.5, 1000.0),
    "caption_size": (0.5, 1000.0),
    "letter_spacing": (-1.0, 10.0),
    "line_height": (0.1, 20.0),
    "stroke_width": (0.0, 100.0),
    "line_width": (0.0, 100.0),
    "corner_radius": (0.0, MAX_LENGTH_MM),
    "density": (0.01, 100.0),
    "inset": (0.0, MAX_LENGTH_MM),
    "bleed": (0.0, 100.0),
    "safe_margin": (0.0, 1000.0),
    "crop_left": (0.0, 0.95),
    "crop_top": (0.0, 0.95),
    "crop_right": (0.0, 0.95),
    "crop_bottom": (0.0, 0.95),
    "quiet_zone": (0, 100),
}
"""Inclusive ranges by field name (mm, points, fractions or modules)."""
_POSITIVE = {"size", "min_size", "caption_size", "density", "line_height"}
"""Fields whose lower bound is open: a font size of exactly 0 is refused."""

_CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("Template", "kind"): ("certificate", "card", "badge"),
    ("PageSpec", "orientation"): ("portrait", "landscape"),
    ("PageSpec", "preset"): tuple(PAGE_PRESETS),
    ("TextStyle", "align"): ("left", "center", "right", "justify", "distribute"),
    ("TextStyle", "valign"): ("top", "middle", "bottom"),
    ("TextStyle", "writing_mode"): ("horizontal", "vertical"),
    ("TextStyle", "fit"): ("wrap", "shrink", "single_line"),
    ("ImageElement", "fit"): ("contain", "cover", "stretch"),
    ("QRElement", "ec_level"): ("L", "M", "Q", "H"),
    ("BarcodeElement", "symbology"): ("code128", "codabar", "ean13"),
    ("ShapeElement", "shape"): ("rect", "ellipse", "line"),
    ("BorderElement", "pattern"): ("classic", "guilloche", "wave", "corners", "double"),
}
MAX_ELEMENTS = 5000
MAX_SIDES = 16


class TemplateFormatError(ShoshoError):
    """``template.json`` does not follow the format."""


def validate_template(template: Template, source: str) -> None:
    """Raise ``TemplateFormatError`` naming the first problem (side, element, field)."""
    problems = template_problems(template)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise TemplateFormatError(f"{source}: {problems[0]}{more}")


def template_problems(template: Template) -> list[str]:
    problems: list[str] = []
    _check_object(template, "", problems, skip={"sides", "assets"})
    if not isinstance(template.sides, list) or not template.sides:
        problems.append("'sides' must be a non-empty list")
        return problems
    if len(template.sides) > MAX_SIDES:
        problems.append(f"the template has {len(template.sides)} sides; the most is {MAX_SIDES}")
    count = 0
    for side in template.sides:
        where = f"side {side.name!r}: "
        _check_object(side, where, problems, skip={"elements"})
        for element in side.elements:
            count += 1
            _check_object(element, f"{where}element {element.label()}: ", problems)
    if count > MAX_ELEMENTS:
        problems.append(f"the template has {count} elements; the most is {MAX_ELEMENTS}")
    page = template.page
    if not problems and (page.width <= 0 or page.height <= 0):
        problems.append(f"page: the size must be above 0 mm, not {page.width} x {page.height}")
    return problems


def _check_object(obj: Any, where: str, problems: list[str], skip=frozenset(), prefix=""):
    cls = type(obj)
    hints = _hints(cls)
    for field in dataclasses.fields(obj):
        name = field.name
        if name in skip or name == "extra" or field.metadata.get("transient"):
            continue
        if name == "TYPE":
            continue
        value = getattr(obj, name)
        label = f"{prefix}{name}"
        problem = _check_value(cls, name, hints[name], value, where, label, problems)
        if problem:
            problems.append(f"{where}field {label!r} {problem}")
    extra = getattr(obj, "extra", None)
    if extra is not None and not isinstance(extra, dict):
        problems.append(f"{where}field {prefix}extra must be an object")


def _check_value(cls, name, annotation, value, where, label, problems) -> str | None:
    optional = False
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        optional = len(args) < len(typing.get_args(annotation))
        annotation = args[0] if len(args) == 1 else Any
    if value is None:
        return None if optional else "is missing (null)"
    if dataclasses.is_dataclass(annotation):
        if not dataclasses.is_dataclass(value) or isinstance(value, type):
            return f"must be an object, not {_json_type(value)}"
        _check_object(value, where, problems, prefix=f"{label}.")
        return None
    origin = typing.get_origin(annotation)
    if annotation is float or annotation is int:
        return _check_number(name, value, integer=annotation is int)
    if annotation is bool:
        return None if isinstance(value, bool) else f"must be true or false, not {_show(value)}"
    if annotation is str:
        if not isinstance(value, str):
            return f"must be text, not {_json_type(value)}"
        choices = _CHOICES.get((cls.__name__, name)) or _CHOICES.get(
            (Element.__name__ if issubclass(cls, Element) else cls.__name__, name)
        )
        if choices and value not in choices:
            return f"must be one of {', '.join(choices)}, not {value!r}"
        return None
    if origin is list or annotation is list:
        if not isinstance(value, list):
            return f"must be a list, not {_json_type(value)}"
        (item,) = typing.get_args(annotation) or (Any,)
        for position, entry in enumerate(value):
            if item is float:
                problem = _check_number("dash" if name == "dash" else name, entry, integer=False)
                if problem is None and name == "dash" and entry <= 0:
                    problem = "must be above 0"
                if problem:
                    return f"item {position + 1} {problem}"
            elif item is str and not isinstance(entry, str):
                return f"item {position + 1} must be text, not {_json_type(entry)}"
        return None
    if origin is dict or annotation is dict:
        return None if isinstance(value, dict) else f"must be an object, not {_json_type(value)}"
    return None


def _check_number(name: str, value: Any, *, integer: bool) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"must be a number, not {_json_type(value)} {_show(value)}"
    if integer and not isinstance(value, int):
        return f"must be a whole number, not {value!r}"
    if isinstance(value, float) and not math.isfinite(value):
        return f"must be a finite number, not {value!r}"
    low, high = _RANGES.get(name, (-1e6, 1e6))
    if name in _POSITIVE and value <= low:
        return f"must be above {low:g}, not {_show(value)}"
    if not low <= value <= high:
        return f"must be between {low:g} and {high:g}, not {_show(value)}"
    return None


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict) or dataclasses.is_dataclass(value):
        return "an object"
    return type(value).__name__


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
