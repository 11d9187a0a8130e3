"""Character-width and numeral conversions used by the field filters.

None of these normalise text (no NFC/NFKC): names keep their exact characters, including
compatibility ideographs such as 塚 (U+FA10) and ideographic variation selectors.
"""

from __future__ import annotations

import unicodedata

_KANJI_DIGITS = "〇一二三四五六七八九"

# Full-width forms of printable ASCII (U+FF01–FF5E) and the ideographic space.
_TO_ZENKAKU_ASCII = {code: code + 0xFEE0 for code in range(0x21, 0x7F)} | {0x20: 0x3000}
_TO_HANKAKU_ASCII = {full: half for half, full in _TO_ZENKAKU_ASCII.items()}

_HALFWIDTH_VOICED = "\uff9e"  # ﾞ
_HALFWIDTH_SEMI_VOICED = "\uff9f"  # ﾟ
_COMBINING = {_HALFWIDTH_VOICED: "\u3099", _HALFWIDTH_SEMI_VOICED: "\u309a"}
# Half-width katakana and punctuation (U+FF61–FF9F) to their full-width forms. The table is
# built once from the Unicode decomposition of those code points only; it is never applied
# to anything but these characters.
_HALFWIDTH_KANA = {
    chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0xFF61, 0xFFA0)
}
_STANDALONE_MARKS = {_HALFWIDTH_VOICED: "゛", _HALFWIDTH_SEMI_VOICED: "゜"}


def zenkaku(text: str) -> str:
    """ASCII to full-width (space to U+3000) and half-width katakana to full-width, with
    ｶﾞ joined into ガ. Everything else is left as it is."""
    out: list[str] = []
    for char in text.translate(_TO_ZENKAKU_ASCII):
        if char in _COMBINING and out:
            joined = unicodedata.normalize("NFC", out[-1] + _COMBINING[char])
            if len(joined) == 1:
                out[-1] = joined
                continue
            out.append(_STANDALONE_MARKS[char])
        elif char in _STANDALONE_MARKS:
            out.append(_STANDALONE_MARKS[char])
        else:
            out.append(_HALFWIDTH_KANA.get(char, char))
    return "".join(out)


def hankaku(text: str) -> str:
    """Full-width Latin letters, digits and symbols to ASCII, U+3000 to a space. Kana and
    kanji are left as they are (half-width kana do not belong on a certificate)."""
    return text.translate(_TO_HANKAKU_ASCII)


def kanji_digits(text: str) -> str:
    """Each digit (ASCII or full-width) to its kanji, one by one: 1072 -> 一〇七二.

    This is how 証書番号 and 西暦 years are written in vertical text."""
    out = []
    for char in text:
        if "0" <= char <= "9":
            out.append(_KANJI_DIGITS[ord(char) - 0x30])
        elif "０" <= char <= "９":
            out.append(_KANJI_DIGITS[ord(char) - 0xFF10])
        else:
            out.append(char)
    return "".join(out)


def kanji_number(number: int) -> str:
    """A number read out in kanji with 十, 百, 千: 20 -> 二十, 31 -> 三十一, 2025 -> 二千二十五.

    Used for era years, months and days (令和七年三月二十日)."""
    if number < 0:
        raise ValueError("kanji_number takes a number of zero or more")
    if number == 0:
        return "〇"
    if number >= 10000:
        return kanji_digits(str(number))
    parts = []
    for value, unit in ((1000, "千"), (100, "百"), (10, "十")):
        count, number = divmod(number, value)
        if count:
            parts.append(("" if count == 1 else _KANJI_DIGITS[count]) + unit)
    if number:
        parts.append(_KANJI_DIGITS[number])
    return "".join(parts)


def parse_kanji_number(text: str) -> int | None:
    """The value of a kanji numeral such as 二十, 三十一, 十二, 二〇二五 or 元; None if it is
    not one."""
    if not text:
        return None
    if text == "元":
        return 1
    if all(char in _KANJI_DIGITS for char in text):
        return int("".join(str(_KANJI_DIGITS.index(char)) for char in text))
    total = 0
    current: int | None = None
    for char in text:
        if char in _KANJI_DIGITS:
            if current is not None:
                return None
            current = _KANJI_DIGITS.index(char)
        elif char in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[char]
            total += (1 if current is None else current) * unit
            current = None
        else:
            return None
    return total + (current or 0)
