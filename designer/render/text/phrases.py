"""Japanese phrase boundaries (文節) from BudouX, so lines and columns break between phrases
(「成績を／収めました」) and not inside them (「成績／を収めました」)."""

from __future__ import annotations

from functools import lru_cache

import budoux

from designer.render.text.chars import is_space, is_wide

_parser = None


def _japanese_parser():
    global _parser
    if _parser is None:
        _parser = budoux.load_default_japanese_parser()
    return _parser


def needs_phrases(text: str) -> bool:
    """Whether ``text`` has Japanese to segment (at least two wide characters in a row)."""
    previous = False
    for ch in text:
        wide = is_wide(ch) and not is_space(ch)
        if wide and previous:
            return True
        previous = wide
    return False


@lru_cache(maxsize=8192)
def phrase_starts(text: str) -> frozenset[int]:
    """Indices of ``text`` where a phrase begins (0 excluded), after spaces included."""
    starts: set[int] = set()
    for paragraph_start, paragraph in _paragraphs(text):
        position = paragraph_start
        for chunk in _japanese_parser().parse(paragraph):
            position += len(chunk)
            starts.add(position)
        for offset, ch in enumerate(paragraph):
            if is_space(ch):
                starts.add(paragraph_start + offset + 1)
    starts.discard(0)
    starts.discard(len(text))
    return frozenset(starts)


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out = []
    start = 0
    for line in text.split("\n"):
        if line:
            out.append((start, line))
        start += len(line) + 1
    return out
