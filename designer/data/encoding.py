"""Finding the text encoding of a CSV/TSV roster.

Rosters come from Excel (UTF-8 with BOM, or UTF-16 for "Unicode text"), from web forms
(UTF-8) and from Japanese student systems (Shift_JIS, which in practice means Windows CP932
with its NEC and IBM extensions: 髙, 﨑, ①). The rules, in order: an explicit encoding; a BOM;
strict UTF-8; CP932 when the bytes decode as CP932 and contain kana; otherwise
charset-normalizer's best guess. Anything else is refused with a message that says how to
name the encoding.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from designer.errors import ShoshoError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings that are Shift_JIS or a subset of CP932 for the characters rosters use.
_SHIFT_JIS_FAMILY = {"shift_jis", "cp932", "ms932", "sjis", "shift-jis", "windows-31j", "mskanji"}
# When the bytes also decode as CP932, these guesses mean "CJK text", and for a roster given
# to a Japanese certificate program CP932 is the likely one.
_OTHER_CJK = {"gb2312", "gbk", "gb18030", "big5", "big5hkscs", "cp950", "euc_kr", "cp949", "johab"}
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa]")
_ALIASES = {"sjis": "cp932", "shift_jis": "cp932", "shift-jis": "cp932", "windows-31j": "cp932"}


def normalise_encoding_name(name: str) -> str:
    """Python's codec name for what a user typed: 'Shift_JIS' and 'SJIS' mean CP932 in
    practice (Windows writes CP932 and calls it Shift_JIS)."""
    key = name.strip().lower()
    key = _ALIASES.get(key, key)
    try:
        return codecs.lookup(key).name
    except LookupError:
        raise ShoshoError(
            f"unknown encoding {name!r}; use for example utf-8, cp932 (Shift_JIS) or utf-16"
        ) from None


def decode_roster_bytes(data: bytes, source: str, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding used). ``source`` names the file in messages."""
    if encoding:
        codec = normalise_encoding_name(encoding)
        if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
            codec = "utf-8-sig"
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError as error:
            raise ShoshoError(
                f"{source}: the file is not valid {encoding} (byte {error.start}: "
                f"{data[error.start : error.start + 4].hex(' ')}); check the encoding"
            ) from None

    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                raise ShoshoError(
                    f"{source}: the file starts with a {codec.upper()} byte-order mark but is "
                    "damaged after it"
                ) from None

    if b"\x00" in data[:65536]:
        codec = _utf16_without_bom(data)
        if codec is not None:
            return data.decode(codec), codec
        raise ShoshoError(
            f"{source}: this is not a text file (it contains NUL bytes); save the roster as "
            "CSV or XLSX"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and _decodes(data[: error.start], "utf-8"):
            raise _truncated(source, "UTF-8") from None
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError as error:
        text = None
        head = data[: error.start]
        if (
            error.start >= len(data) - 1
            and _decodes(head, "cp932")
            and _KANA.search(head.decode("cp932"))
        ):
            raise _truncated(source, "CP932 (Shift_JIS)") from None
    if text is not None and _KANA.search(text):
        return text, "cp932"

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        guessed = best.encoding.lower()
        if text is not None and (guessed in _SHIFT_JIS_FAMILY or guessed in _OTHER_CJK):
            return text, "cp932"
        try:
            return data.decode(guessed), guessed
        except (UnicodeDecodeError, LookupError):
            pass
    raise ShoshoError(
        f"{source}: cannot tell the text encoding of this file; give it with --encoding "
        "(for example --encoding cp932 for Shift_JIS, or --encoding utf-8)"
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 written without a byte-order mark: the NUL bytes of ASCII characters (digits,
    commas, line ends) all fall on one side of each pair."""
    head = data[:65536]
    if len(head) < 4 or len(data) % 2:
        return None
    odd, even = head[1::2].count(0), head[0::2].count(0)
    pairs = len(head) // 2
    for codec, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= pairs * 0.2 and other <= pairs * 0.01:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text and ("," in text or "\t" in text):
                return codec
    return None


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _truncated(source: str, encoding: str) -> ShoshoError:
    return ShoshoError(
        f"{source}: the file ends in the middle of a {encoding} character; it looks cut short "
        "(copy or export it again)"
    )
