"""What HarfBuzz (``uharfbuzz``) tells the text engine about a face's own glyphs.

- ``variant_glyph``: the glyph of an ideographic variation sequence (辻 + U+E0100) from the
  face's format-14 cmap, so the family-register form is drawn and not the base glyph.
- ``vertical_glyph``: the glyph the face's GSUB ``vert``/``vrt2`` features put in vertical
  text (〜, ー, brackets, 、。), with its vertical advance, so vertical forms are the type
  designer's and not a rotation of the horizontal glyph.
- ``kerned_advances``: horizontal advances of a run of one face with GPOS (or ``kern``)
  kerning applied, for Latin text.

Results are cached per face and character; shaping happens once per new character or word.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache

import uharfbuzz as hb

from designer.render.display import FontRef

# Features that would change which characters a glyph stands for are off: every glyph must
# map back to exactly one character for the text layer, cursor and line breaking.
_HORIZONTAL_FEATURES = {"kern": True, "liga": False, "clig": False, "calt": False, "dlig": False}
_VERTICAL_FEATURES = {"vert": True, "vrt2": True}


class FaceShaper:
    """HarfBuzz's view of one face; thread-safe (each call shapes in its own buffer)."""

    def __init__(self, path: str, index: int) -> None:
        blob = hb.Blob.from_file_path(path)
        self.face = hb.Face(blob, index)
        self.font = hb.Font(self.face)
        self.upem = self.face.upem
        self._vertical: dict[str, tuple[int, float] | None] = {}
        self._kerning: dict[str, tuple[float, ...] | None] = {}
        self._lock = threading.Lock()

    def nominal_glyph(self, ch: str) -> int | None:
        return self.font.get_nominal_glyph(ord(ch))

    def variant_glyph(self, base: str, selector: str) -> int | None:
        """The glyph for ``base`` + ``selector``, or None if the face has no such sequence."""
        return self.font.get_variation_glyph(ord(base), ord(selector))

    def horizontal_advance(self, glyph: int) -> float:
        return self.font.get_glyph_h_advance(glyph) / self.upem

    def vertical_glyph(self, ch: str) -> tuple[int, float] | None:
        """(glyph, vertical advance in em) where ``vert``/``vrt2`` replace ``ch``'s glyph."""
        if ch in self._vertical:
            return self._vertical[ch]
        nominal = self.nominal_glyph(ch)
        found = None
        if nominal is not None:
            buffer = hb.Buffer()
            buffer.add_str(ch)
            buffer.guess_segment_properties()
            buffer.direction = "ttb"
            buffer.language = "ja"
            hb.shape(self.font, buffer, _VERTICAL_FEATURES)
            infos = buffer.glyph_infos
            if len(infos) == 1 and infos[0].codepoint not in (0, nominal):
                advance = -buffer.glyph_positions[0].y_advance / self.upem
                found = (infos[0].codepoint, advance or 1.0)
        with self._lock:
            self._vertical[ch] = found
        return found

    def kerned_advances(self, text: str) -> tuple[float, ...] | None:
        """Advances (em) of each character of ``text`` set with kerning, or None when the
        face changes nothing or a glyph does not map one-to-one to a character."""
        if text in self._kerning:
            return self._kerning[text]
        buffer = hb.Buffer()
        buffer.add_str(text)
        buffer.guess_segment_properties()
        buffer.direction = "ltr"
        hb.shape(self.font, buffer, _HORIZONTAL_FEATURES)
        infos = buffer.glyph_infos
        result = None
        if len(infos) == len(text) and all(
            info.cluster == index for index, info in enumerate(infos)
        ):
            advances = [pos.x_advance for pos in buffer.glyph_positions]
            nominal = [self.font.get_glyph_h_advance(info.codepoint) for info in infos]
            if advances != nominal:
                result = tuple(advance / self.upem for advance in advances)
        with self._lock:
            if len(self._kerning) > 20000:
                self._kerning.clear()
            self._kerning[text] = result
        return result


@lru_cache(maxsize=64)
def _shaper(path: str, index: int) -> FaceShaper:
    return FaceShaper(path, index)


def shaper(font: FontRef) -> FaceShaper:
    """The (cached) shaper for ``font``."""
    return _shaper(font.path, font.subfont_index)


def is_variation_selector(ch: str) -> bool:
    cp = ord(ch)
    return 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF


def describe_sequence(sequence: str) -> str:
    """``辻󠄀 (U+8FBB U+E0100)`` for messages."""
    return f"{sequence} ({' '.join(f'U+{ord(ch):04X}' for ch in sequence)})"


def describe_sequences(sequences: Sequence[str]) -> str:
    return ", ".join(describe_sequence(sequence) for sequence in sequences)
