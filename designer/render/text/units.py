"""Text as a sequence of layout units: what is drawn, with which face, and how long it is
along the line, in em. Line breaking and both writing modes work on units."""

from __future__ import annotations

from collections.abc import Sequence

from designer.render.fonts import FaceMetrics, is_ignorable
from designer.render.text.chars import (
    CLOSING_BRACKETS,
    FULL_STOPS_AND_COMMAS,
    INSEPARABLE,
    NO_END,
    NO_START,
    OPENING_BRACKETS,
    is_space,
    is_wide,
    is_word_char,
)
from designer.render.text.phrases import needs_phrases, phrase_starts
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


# Break opportunities before a unit, weakest to strongest
NO_BREAK = 0
CHARACTER_BREAK = 1  # allowed by 禁則 between two characters, inside a phrase
PHRASE_BREAK = 2  # between phrases (文節), at spaces and between Latin words


def break_flags(units: Sequence[Unit], text: str, phrases: bool = True) -> list[int]:
    """``flags[i]``: how well a line may break before ``units[i]`` (``NO_BREAK``,
    ``CHARACTER_BREAK`` or ``PHRASE_BREAK``), from 禁則, unbroken Latin words and, with
    ``phrases``, Japanese phrase boundaries (BudouX)."""
    flags = [NO_BREAK] * len(units)
    starts = phrase_starts(text) if phrases and needs_phrases(text) else None
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
            if units[k].space or text[units[k].start] not in NO_END:
                flags[i] = PHRASE_BREAK
            continue
        if a in NO_END:
            continue
        if a == b and a in INSEPARABLE:
            continue
        if is_word_char(a) and is_word_char(b):
            continue
        if starts is None or cur.start in starts or not (is_wide(a) and is_wide(b)):
            flags[i] = PHRASE_BREAK
        else:
            flags[i] = CHARACTER_BREAK
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


_FULL_CELL = 0.9  # em: narrower punctuation (proportional fonts) has no blank half to take


def close_up_punctuation(units: list[Unit], text: str, vertical: bool) -> None:
    """約物詰め: where full-width brackets and 、。 meet, their blank halves close up, so
    」「 takes one em, ）」, 、「 and 」、 one and a half. A closing mark keeps its ink at the
    start of its cell (left, or top in vertical text), so it loses its end half; an opening
    bracket keeps its ink at the end, so it loses its start half and moves back."""
    count = len(units)
    for i in range(count - 1):
        a, b = units[i], units[i + 1]
        if a.kind != UPRIGHT or b.kind != UPRIGHT:
            continue
        ca, cb = text[a.start], text[b.start]
        a_closing = ca in CLOSING_BRACKETS
        a_stop = ca in FULL_STOPS_AND_COMMAS
        if (a_closing and (cb in CLOSING_BRACKETS or cb in FULL_STOPS_AND_COMMAS or
                           cb in OPENING_BRACKETS)) or (a_stop and cb in CLOSING_BRACKETS):  # fmt: skip
            _halve(a, vertical, opening=False)
        if cb in OPENING_BRACKETS and (a_closing or a_stop or ca in OPENING_BRACKETS):
            _halve(b, vertical, opening=True)


def _halve(unit: Unit, vertical: bool, opening: bool) -> None:
    if unit.advance < _FULL_CELL or unit.advance > 1.1:
        return
    unit.advance -= 0.5
    if vertical:
        # the glyph keeps its place: the cell's centre moved by a quarter em
        unit.dy += 0.25 if opening else -0.25
    elif opening:
        unit.dx -= 0.5
