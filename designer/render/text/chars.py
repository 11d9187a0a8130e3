"""Character classes for Japanese typesetting: line-break rules (禁則) and how characters are
set in vertical text (縦書き). Sets follow JIS X 4051 / W3C JLREQ, simplified."""

from __future__ import annotations

# 行頭禁則: may not begin a line (closing brackets, punctuation, small kana, prolonged sound
# mark, iteration marks).
NO_START = frozenset(
    "、。，．・：；？！‼⁇⁈⁉゛゜ヽヾゝゞ々〻ー〜～‐゠–—―…‥"
    "」』）］｝〕〉》】〙〗｠»›”’"
    "),.:;?!]}%‰℃°′″"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "｡､｣･ｰｧｨｩｪｫｯｬｭｮ"
    "︐︑︒︓︔︕︖︘︙︰︶︸︺︼︾﹀﹂﹄﹈"
)

# 行末禁則: may not end a line (opening brackets, currency prefixes).
NO_END = frozenset("「『（［｛〔〈《【〘〖｟«‹“‘([{｢¥$£€＄￥﹁﹃︵︷︹︻︽︿﹇︗")

# 分離禁止: pairs of these never separate (…… ‥‥ ——).
INSEPARABLE = frozenset("…‥—―")

SMALL_KANA = frozenset(
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
)

# Vertical presentation forms (U+FE10–FE19, U+FE30–FE4F), used where the face maps them.
VERTICAL_FORMS = {
    "，": "︐",
    "、": "︑",
    "。": "︒",
    "：": "︓",
    "；": "︔",
    "！": "︕",
    "？": "︖",
    "〖": "︗",
    "〗": "︘",
    "…": "︙",
    "‥": "︰",
    "—": "︱",
    "―": "︱",
    "–": "︲",
    "＿": "︳",
    "（": "︵",
    "）": "︶",
    "｛": "︷",
    "｝": "︸",
    "〔": "︹",
    "〕": "︺",
    "【": "︻",
    "】": "︼",
    "《": "︽",
    "》": "︾",
    "〈": "︿",
    "〉": "﹀",
    "「": "﹁",
    "」": "﹂",
    "『": "﹃",
    "』": "﹄",
    "［": "﹇",
    "］": "﹈",
}

# Without a presentation form these are moved from the bottom-left to the top-right of the
# cell (em: right of the cell's left edge, up from the usual baseline).
SHIFTED_PUNCTUATION = {"、": (0.55, 0.6), "。": (0.55, 0.6), "，": (0.55, 0.6), "．": (0.55, 0.6)}

# Without a presentation form these are turned 90° clockwise in vertical text.
ROTATED_IN_VERTICAL = frozenset(
    "ー〜～－＝｜＜＞：；…‥—―–‐＿→←「」『』（）［］｛｝〔〕【】《》〈〉〘〙〖〗｟｠｢｣ｰ"
)


def is_wide(ch: str) -> bool:
    """True for characters that are set upright in vertical text and between which a line
    may break: kana, kanji, CJK symbols, full-width forms and similar."""
    cp = ord(ch)
    if cp >= 0x2E80:
        return not (0xFE00 <= cp <= 0xFE0F) and cp < 0xE0000
    return (
        0x2460 <= cp <= 0x27BF  # enclosed numbers, shapes, misc symbols
        or 0x1100 <= cp <= 0x11FF  # Hangul jamo
        or cp in (0x00A7, 0x00B6, 0x00D7, 0x00F7, 0x203B, 0x2020, 0x2021, 0x2030)
        or 0x2160 <= cp <= 0x218F  # Roman numerals
    )


def is_space(ch: str) -> bool:
    return ch == " " or ch == "\t" or ch == "\u3000"


def is_ascii_digit(ch: str) -> bool:
    return "0" <= ch <= "9"


def is_word_char(ch: str) -> bool:
    """Characters of Latin-script words, which are not split across lines."""
    return not is_space(ch) and not is_wide(ch)


# Classes for punctuation spacing (約物詰め, JIS X 4051 §4.x, simplified): full-width brackets
# and punctuation are drawn in half their cell; next to each other the blank halves close up.
OPENING_BRACKETS = frozenset("「『（［｛〔〈《【〘〖｟“‘")
CLOSING_BRACKETS = frozenset("」』）］｝〕〉》】〙〗｠”’")
FULL_STOPS_AND_COMMAS = frozenset("、。，．")
