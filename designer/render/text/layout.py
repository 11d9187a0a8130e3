"""``layout_text``: one text element and its text (fields already filled in) to glyph runs
positioned in page millimetres, for both painters."""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from dataclasses import dataclass, field

from designer.errors import ShoshoError
from designer.model.elements import TextElement, TextStyle
from designer.render.display import GlyphRun
from designer.render.fonts import FontLibrary, describe_characters
from designer.render.text.fit import Prepared, choose_size
from designer.render.text.horizontal import horizontal_units, place_horizontal
from designer.render.text.placement import RunCollector, TextLine
from designer.render.text.shaping import describe_sequences
from designer.render.text.units import break_flags, normalise_source
from designer.render.text.vertical import place_vertical, vertical_units

ALIGNMENTS = ("left", "center", "right", "justify", "distribute")
VERTICAL_ALIGNMENTS = ("top", "middle", "bottom")
CACHE_SIZE = 4096


@dataclass
class TextLayout:
    """The result of laying out one text element.

    ``runs`` hold positions in page millimetres (the element's x/y applied, its rotation not:
    the page layout adds that as a transform). ``lines`` are in reading order (columns right
    to left for vertical text). ``missing`` are characters no font could draw (drawn as the
    font's empty box and reported, never silently dropped) and variation sequences (base +
    selector) no font has (the base glyph is drawn, and reported).
    """

    runs: list[GlyphRun]
    font_size: float  # points, after fitting
    overflow: bool
    lines: list[TextLine]
    missing: set[str] = field(default_factory=set)
    vertical: bool = False


def _style_key(style: TextStyle) -> tuple:
    return (
        style.font_family,
        style.bold,
        style.size,
        style.min_size,
        style.color,
        style.letter_spacing,
        style.line_height,
        style.align,
        style.valign,
        style.writing_mode,
        style.fit,
    )


def _cache(fonts: FontLibrary) -> OrderedDict:
    cache = getattr(fonts, "_layout_cache", None)
    if cache is None:
        cache = OrderedDict()
        fonts._layout_cache = cache  # type: ignore[attr-defined]
    return cache


def layout_text(element: TextElement, text: str, fonts: FontLibrary) -> TextLayout:
    """Lay out ``text`` in ``element``'s box with its style. Results are cached by
    (text, style, box), so static text costs one dictionary lookup per record. Treat the
    returned runs' positions as read-only; the runs themselves are fresh copies."""
    key = (
        text,
        element.x,
        element.y,
        element.width,
        element.height,
        element.opacity,
        _style_key(element.style),
    )
    cache = _cache(fonts)
    cached = cache.get(key)
    if cached is None:
        cached = _layout_uncached(element, text, fonts)
        cache[key] = cached
        if len(cache) > CACHE_SIZE:
            cache.popitem(last=False)
    else:
        cache.move_to_end(key)
    return dataclasses.replace(cached, runs=[dataclasses.replace(run) for run in cached.runs])


def _layout_uncached(element: TextElement, text: str, fonts: FontLibrary) -> TextLayout:
    style = element.style
    try:
        chain = fonts.chain(style.font_family, style.bold)
    except ShoshoError as exc:
        raise ShoshoError(f"text element {element.label()}: {exc}") from exc
    vertical = style.writing_mode == "vertical"
    source = normalise_source(text)
    if style.fit == "single_line":
        source = source.replace("\n", " ")
    units, missing = (vertical_units if vertical else horizontal_units)(source, chain)
    width, height = max(element.width, 0.0), max(element.height, 0.0)
    prepared = Prepared(
        units=units,
        flags=break_flags(units, source, phrases=style.fit != "single_line"),
        chain=chain,
        vertical=vertical,
        spacing=style.letter_spacing,
        line_height=style.line_height if style.line_height > 0 else 1.0,
        inline_length=height if vertical else width,
        block_length=width if vertical else height,
    )
    size, lines, overflow = choose_size(prepared, style.fit, style.size, style.min_size)
    align = style.align if style.align in ALIGNMENTS else "left"
    valign = style.valign if style.valign in VERTICAL_ALIGNMENTS else "top"
    collector = RunCollector(chain, style.color, element.opacity)
    place = place_vertical if vertical else place_horizontal
    placed = place(
        units,
        source,
        lines,
        chain,
        (element.x, element.y, width, height),
        size,
        style.letter_spacing,
        prepared.line_height,
        align,
        valign,
        collector,
    )
    return TextLayout(
        runs=collector.finish(),
        font_size=size,
        overflow=overflow,
        lines=placed,
        missing=missing,
        vertical=vertical,
    )


def text_fits(element: TextElement, text: str, fonts: FontLibrary) -> bool:
    """Whether ``text`` fits ``element``'s box with its fit mode (at least at min_size)."""
    return not layout_text(element, text, fonts).overflow


def text_problems(element: TextElement, text: str, fonts: FontLibrary) -> list[str]:
    """Readable problems for the roster check: characters no font has, and text that does
    not fit its box even at the smallest size the fit mode allows."""
    layout = layout_text(element, text, fonts)
    problems: list[str] = []
    label = f"text element {element.label()}"
    ordered = [ch for ch in dict.fromkeys(text) if ch in layout.missing]
    if ordered:
        problems.append(
            f"{label}: no installed font has {describe_characters(ordered)}; "
            "add a font that has them or change the text"
        )
    variants = sorted(item for item in layout.missing if len(item) > 1)
    if variants:
        problems.append(
            f"{label}: no installed font has the variant {describe_sequences(variants)}; "
            "the standard form would be printed instead. Add a font with these ideographic "
            "variation sequences (for example IPAmj明朝) or check the roster"
        )
    if layout.overflow:
        style = element.style
        if style.fit == "wrap":
            how = f"at {layout.font_size:g} pt"
        else:
            how = f"even at the minimum size {layout.font_size:g} pt"
        shown = text if len(text) <= 40 else text[:39] + "…"
        problems.append(
            f"{label}: 「{shown}」 does not fit its {element.width:g} × {element.height:g} mm "
            f"box {how}; shorten the text, or make the box larger or the minimum size smaller "
            "in the template"
        )
    return problems
