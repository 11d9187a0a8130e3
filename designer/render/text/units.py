"""Text as a sequence of layout units: what is drawn, with which face, and how long it is
along the line, in em. Line breaking and both writing modes work on units."""

from __future__ import annotations

from collections.abc import Sequence

from designer.render.fonts import FaceMetrics, is_ignorable
from designer.render.text.chars import (
    INSEPARABLE,
    NO_END,
    NO_START,
    is_space,
    is_word_char,
)
from designer.render.text.shaping import is_variation_selector, shaper

# Unit kinds
UPRIGHT = 0  # drawn upright at its cell
ROTATED = 1  # turned 90° clockwise (sideways Latin, brackets, ー in vertical text)
COMBINED = 2  # 縦中横: up to two digits side by side in one vertical cell
NEWLINE = 3  # a forced line break; not drawn


class Unit:
    """One cell of the line. ``start``/``end`` index the source text."""

    __slots__ = (
        "start",
        "end",
        "glyphs",
        "face",
        "advance",
        "width",
        "kind",
        "space",
        "dx",
        "dy",
        "glyph",
    )

    def __init__(
        self,
        start: int,
        end: int,
        glyphs: str,
        face: int,
        advance: float,
        kind: int = UPRIGHT,
        space: bool = False,
        dx: float = 0.0,
        dy: float = 0.0,
        width: float | None = None,
        glyph: int = -1,
    ) -> None:
        self.start = start
        self.end = end
        self.glyphs = glyphs  # the character(s) drawn (a presentation form, or two digits)
        self.face = face  # index into the fallback chain
        self.advance = advance  # length along the line, em
        self.width = advance if width is None else width  # horizontal advance, em
        self.kind = kind
        self.space = space  # hangs at a line end, stretches for justify
        self.dx = dx  # extra offset (em) right
        self.dy = dy  # extra offset (em) up
        self.glyph = glyph  # the face's glyph index to draw, where it is not glyphs' cmap glyph

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Unit({self.glyphs!r}, kind={self.kind}, adv={self.advance:.3f})"


def find_face(ch: str, chain: Sequence[FaceMetrics]) -> tuple[int, float | None]:
    """(index of the first face that has ``ch``, its advance) or (0, None) if none has it."""
    for index, face in enumerate(chain):
        advance = face.advances.get(ch)
        if advance is not None:
            return index, advance
    return 0, None


def normalise_source(text: str) -> str:
    """Tabs become spaces and CR/CRLF become LF; indices of the result are the ones lines use."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\t", " ").replace("\u2028", "\n").replace("\u2029", "\n")


def break_flags(units: Sequence[Unit], text: str) -> list[bool]:
    """``flags[i]``: a line may break before ``units[i]`` (禁則 and unbroken Latin words)."""
    flags = [False] * len(units)
    for i in range(1, len(units)):
        prev, cur = units[i - 1], units[i]
        if prev.kind == NEWLINE or cur.kind == NEWLINE:
            continue
        a = text[prev.start]
        b = text[cur.start]
        if cur.space or b in NO_START:
            continue  # spaces stay at the end of the line before the break
        if prev.space:
            k = i - 1
            while k > 0 and units[k].space:
                k -= 1
            flags[i] = units[k].space or text[units[k].start] not in NO_END
            continue
        if a in NO_END:
            continue
        if a == b and a in INSEPARABLE:
            continue
        if is_word_char(a) and is_word_char(b):
            continue
        flags[i] = True
    return flags


def attach_ignorable(
    units: list[Unit], index: int, text: str, chain: Sequence[FaceMetrics], missing: set[str]
) -> bool:
    """Let a variation selector or joiner at ``index`` join the previous unit. True if it did.

    A variation selector picks the variant glyph of the unit's character from the first face
    of the chain that has the sequence (its format-14 cmap). A sequence that no face has is
    added to ``missing`` (the base glyph is drawn); the selector stays in the text layer.
    """
    if not units:
        return False
    unit = units[-1]
    unit.end = index + 1
    selector = text[index]
    if not is_variation_selector(selector) or unit.kind not in (UPRIGHT, ROTATED):
        return True
    base = text[unit.start]
    if unit.end - unit.start != 2 or unit.glyphs != base:
        return True
    order = [unit.face] + [k for k in range(len(chain)) if k != unit.face]
    for k in order:
        face = chain[k]
        if base not in face.advances:
            continue
        glyph = shaper(face.ref).variant_glyph(base, selector)
        if glyph is not None:
            if k != unit.face:
                unit.face = k
                unit.advance = unit.width = face.advance(base)
            unit.glyph = glyph
            return True
    missing.add(base + selector)
    return True


def is_skipped(ch: str) -> bool:
    return is_ignorable(ch) and ch != "\n"


def space_unit(start: int, ch: str, chain: Sequence[FaceMetrics], kind: int) -> Unit:
    face, advance = find_face(ch, chain)
    if advance is None:
        advance = 1.0 if ch == "\u3000" else 0.25
    return Unit(start, start + 1, ch, face, advance, kind, space=is_space(ch))
