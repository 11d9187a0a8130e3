"""Line breaking over layout units, in em: 禁則処理, unbroken Latin words, Japanese phrase
boundaries preferred to breaks inside a phrase, and balanced lines instead of a short last
line (a column of three characters or fewer, or a last line much shorter than the others)."""

from __future__ import annotations

from collections.abc import Sequence

from designer.render.text.units import NEWLINE, PHRASE_BREAK, Unit

EPSILON = 1e-6
# A break inside a phrase is taken only when breaking at the last phrase boundary would leave
# the line shorter than this share of the room.
PHRASE_FILL = 0.5
SHORT_LAST_LINE = 3  # units: a last line this short is balanced away
SHORT_SECOND_LINE = 0.6  # of two lines, a second shorter than this share of the first
SHORT_LAST_SHARE = 0.4  # of more lines, a last one shorter than this share of the longest
_BALANCE_STEPS = 24


def break_lines(
    units: Sequence[Unit], flags: Sequence[int], max_length: float, spacing: float
) -> list[tuple[int, int]]:
    """Split ``units`` into lines no longer than ``max_length`` em, as (start, end) unit
    ranges. ``spacing`` (em) follows every unit but the last of a line. Spaces at a line's
    end hang and are not counted. A word or 禁則 group longer than a whole line is broken
    between characters as a last resort. NEWLINE units end a line and belong to none. Each
    paragraph whose last line would be short is set with shorter, even lines instead."""
    lines: list[tuple[int, int]] = []
    count = len(units)
    start = 0
    for i in range(count + 1):
        if i == count or units[i].kind == NEWLINE:
            lines.extend(_balanced(units, flags, start, i, max_length, spacing))
            start = i + 1
    return lines


def _greedy(
    units: Sequence[Unit],
    flags: Sequence[int],
    start: int,
    end: int,
    max_length: float,
    spacing: float,
    phrase_only: bool = False,
) -> tuple[list[tuple[int, int]], bool]:
    """Greedy lines of units[start:end], and whether a break had to be forced (no break
    opportunity in a line). With ``phrase_only`` a line ends inside a phrase only when the
    phrase is longer than the line."""
    lines: list[tuple[int, int]] = []
    forced = False
    i = start
    width = 0.0  # advances + spacing of units[start:i]
    last_break = last_phrase = -1
    limit = max_length + EPSILON
    while i < end:
        unit = units[i]
        if i > start and flags[i]:
            last_break = i
            if flags[i] >= PHRASE_BREAK:
                last_phrase = i
        if not unit.space and i > start and width + unit.advance > limit:
            cut = i
            if last_phrase > start and (
                phrase_only
                or last_phrase == last_break
                or line_length(units, start, last_phrase, spacing) >= PHRASE_FILL * max_length
            ):
                cut = last_phrase
            elif last_break > start:
                cut = last_break
            else:
                forced = True
            lines.append((start, cut))
            start = i = cut
            width = 0.0
            last_break = last_phrase = -1
            continue
        width += unit.advance + spacing
        i += 1
    lines.append((start, end))
    return lines, forced


def _is_short(units: Sequence[Unit], lines: list[tuple[int, int]], spacing: float) -> bool:
    if len(lines) < 2:
        return False
    start, end = lines[-1]
    drawn = visible_end(units, start, end) - start
    if drawn <= SHORT_LAST_LINE:
        return True
    last = line_length(units, start, visible_end(units, start, end), spacing)
    if len(lines) == 2:
        first = line_length(units, lines[0][0], visible_end(units, *lines[0]), spacing)
        return last < SHORT_SECOND_LINE * first
    return last < SHORT_LAST_SHARE * longest_line(units, lines[:-1], spacing)


def _balanced(
    units: Sequence[Unit],
    flags: Sequence[int],
    start: int,
    end: int,
    max_length: float,
    spacing: float,
) -> list[tuple[int, int]]:
    """The greedy lines of one paragraph, or, when its last line is short, the lines at the
    smallest length that needs no more lines (so every line is about as long).

    Lines end at phrase boundaries whenever that takes no more lines than breaking inside
    phrases would; otherwise a line ends inside a phrase only rather than stay half empty."""
    lines, forced = _greedy(units, flags, start, end, max_length, spacing)
    phrase_lines, phrase_forced = _greedy(units, flags, start, end, max_length, spacing, True)
    phrase_only = len(phrase_lines) <= len(lines) and not phrase_forced
    if phrase_only:
        lines, forced = phrase_lines, phrase_forced
    if forced or not _is_short(units, lines, spacing):
        return lines
    count = len(lines)
    total = line_length(units, start, visible_end(units, start, end), spacing)
    low, high = total / count, max_length  # low may need more lines; high does not
    best = lines
    for _ in range(_BALANCE_STEPS):
        middle = (low + high) / 2
        candidate, forced = _greedy(units, flags, start, end, middle, spacing, phrase_only)
        if not forced and len(candidate) <= count:
            high, best = middle, candidate
        else:
            low = middle
        if high - low < 0.05:
            break
    return best


def breaks_inside_phrases(
    units: Sequence[Unit], flags: Sequence[int], lines: Sequence[tuple[int, int]]
) -> bool:
    """Whether some line ends inside a phrase (or inside a word, where it was forced)."""
    count = len(units)
    for _start, end in lines[:-1]:
        if end < count and units[end].kind != NEWLINE and flags[end] < PHRASE_BREAK:
            return True
    return False


def visible_end(units: Sequence[Unit], start: int, end: int) -> int:
    """End of the line without its hanging spaces."""
    while end > start and units[end - 1].space:
        end -= 1
    return end


def line_length(units: Sequence[Unit], start: int, end: int, spacing: float) -> float:
    """Length in em of units[start:end] set with ``spacing`` between them."""
    if end <= start:
        return 0.0
    total = 0.0
    for k in range(start, end):
        total += units[k].advance
    return total + spacing * (end - start - 1)


def longest_line(units: Sequence[Unit], lines: Sequence[tuple[int, int]], spacing: float) -> float:
    best = 0.0
    for start, end in lines:
        length = line_length(units, start, visible_end(units, start, end), spacing)
        if length > best:
            best = length
    return best
