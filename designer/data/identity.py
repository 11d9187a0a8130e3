"""Who a person is, for comparisons: the same student ID or e-mail however it was typed.

A student system's export, a copy from a web page or an Excel formula can leave invisible
characters in a cell (U+200B zero width space, U+FEFF, U+2060 word joiner, direction marks) or
write digits full-width. Compared as typed, ``S2026001`` and ``S2026001`` with a zero width
space are two people, and one person is issued twice. Identity comparisons go through
``identity_text``; the value itself (what is printed and signed) is left as written.
"""

from __future__ import annotations

import unicodedata


def invisible_characters(text: str) -> list[str]:
    """The format characters (Unicode category Cf) in ``text``, as ``U+200B`` names."""
    return sorted({f"U+{ord(char):04X}" for char in text if unicodedata.category(char) == "Cf"})


def identity_text(value: object, *, casefold: bool = False) -> str:
    """NFKC, without format characters, spaces at the ends removed and inner runs of spaces
    made one (``casefold`` for e-mail addresses)."""
    text = unicodedata.normalize("NFKC", str(value))
    text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    text = " ".join(text.split())
    return text.casefold() if casefold else text
