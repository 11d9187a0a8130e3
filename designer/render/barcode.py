"""1D barcodes as module widths: Code 128, NW-7 (Codabar) and EAN-13.

Symbol encoding for Code 128 and Codabar comes from reportlab's barcode encoders (their
``decompose()`` gives the bar/space pattern); EAN-13 is small enough to encode here with its
check digit. Every encoder returns a ``Pattern``: alternating bar and space widths in modules,
starting with a bar, without quiet zones.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.barcode.code128 import Code128

from designer.errors import ShoshoError

SYMBOLOGIES = ("code128", "codabar", "ean13")
CODABAR_CHARS = set("0123456789-$:/.+")
CODABAR_START_STOP = set("ABCD")
CODABAR_WIDE = 2.5  # wide/narrow ratio; JIS X 0503 allows 2.0 to 3.0

_EAN_L = ("0001101", "0011001", "0010011", "0111101", "0100011",
          "0110001", "0101111", "0111011", "0110111", "0001011")  # fmt: skip
_EAN_PARITY = ("LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG",
               "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL")  # fmt: skip


@dataclass(frozen=True)
class Pattern:
    """Bar and space widths in modules (bar first), the text printed under it, quiet zone."""

    widths: tuple[float, ...]
    human_text: str
    quiet_modules: float

    @property
    def total_modules(self) -> float:
        return sum(self.widths)


def ean13_check_digit(first12: str) -> int:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return (10 - total % 10) % 10


def _bits_to_widths(bits: str) -> tuple[float, ...]:
    widths: list[float] = []
    current = "1"
    run = 0
    for bit in bits:
        if bit == current:
            run += 1
        else:
            widths.append(run)
            current = bit
            run = 1
    widths.append(run)
    return tuple(widths)


def encode_ean13(content: str, *, label: str = "barcode") -> Pattern:
    """EAN-13 from 12 digits (check digit added) or 13 digits (check digit verified)."""
    digits = content.strip().replace(" ", "").replace("-", "")
    if not digits.isascii() or not digits.isdigit() or len(digits) not in (12, 13):
        raise ShoshoError(f"{label}: EAN-13 needs 12 or 13 digits, got {content!r}")
    check = ean13_check_digit(digits[:12])
    if len(digits) == 13 and int(digits[12]) != check:
        raise ShoshoError(
            f"{label}: EAN-13 {digits} has a wrong check digit {digits[12]} (expected {check})"
        )
    digits = digits[:12] + str(check)
    parity = _EAN_PARITY[int(digits[0])]
    bits = "101"
    for digit, kind in zip(digits[1:7], parity, strict=True):
        code = _EAN_L[int(digit)]
        if kind == "G":  # G code: the R code read backwards
            code = "".join("1" if b == "0" else "0" for b in code)[::-1]
        bits += code
    bits += "01010"
    for digit in digits[7:]:
        bits += "".join("1" if b == "0" else "0" for b in _EAN_L[int(digit)])
    bits += "101"
    return Pattern(_bits_to_widths(bits), digits, 11.0)


def encode_code128(content: str, *, label: str = "barcode") -> Pattern:
    if not content:
        raise ShoshoError(f"{label}: Code 128 needs something to encode (the content is empty)")
    bad = sorted({c for c in content if ord(c) > 127})
    if bad:
        raise ShoshoError(
            f"{label}: Code 128 encodes ASCII only; cannot encode {''.join(bad)!r} in {content!r}"
        )
    symbol = Code128(content, quiet=0)
    symbol.validate()
    symbol.encode()
    decomposed = symbol.decompose()  # upper case: bar of N modules, lower case: space
    widths = tuple(float(ord(c.lower()) - ord("a") + 1) for c in decomposed)
    return Pattern(widths, content, 10.0)


def encode_codabar(
    content: str, start: str = "A", stop: str = "A", *, label: str = "barcode"
) -> Pattern:
    """NW-7 / Codabar with start and stop characters A-D (as Japanese libraries print them)."""
    body = content.strip().upper()
    if body and body[0] in CODABAR_START_STOP and body[-1] in CODABAR_START_STOP and len(body) > 1:
        start, stop, body = body[0], body[-1], body[1:-1]
    if start.upper() not in CODABAR_START_STOP or stop.upper() not in CODABAR_START_STOP:
        raise ShoshoError(f"{label}: NW-7 start/stop must be A, B, C or D (got {start!r}/{stop!r})")
    if not body:
        raise ShoshoError(f"{label}: NW-7 needs something to encode (the content is empty)")
    bad = sorted({c for c in body if c not in CODABAR_CHARS})
    if bad:
        raise ShoshoError(
            f"{label}: NW-7 encodes digits and - $ : / . + only; cannot encode {''.join(bad)!r}"
        )
    from reportlab.graphics.barcode.common import Codabar

    full = start.upper() + body + stop.upper()
    widths: list[float] = []
    for index, char in enumerate(full):
        for element in Codabar.patterns[char]:  # b/s narrow, B/S wide
            widths.append(CODABAR_WIDE if element.isupper() else 1.0)
        if index < len(full) - 1:
            widths.append(1.0)  # inter-character gap
    return Pattern(tuple(widths), full, 10.0)


def encode_barcode(
    symbology: str,
    content: str,
    *,
    codabar_start: str = "A",
    codabar_stop: str = "A",
    label: str = "barcode",
) -> Pattern:
    if symbology == "code128":
        return encode_code128(content, label=label)
    if symbology == "codabar":
        return encode_codabar(content, codabar_start, codabar_stop, label=label)
    if symbology == "ean13":
        return encode_ean13(content, label=label)
    raise ShoshoError(f"{label}: unknown barcode type {symbology!r} (code128, codabar or ean13)")


def bar_rects(
    pattern: Pattern, x: float, y: float, width: float, height: float
) -> list[tuple[float, float, float, float]]:
    """Bars (mm) filling ``width`` including the quiet zones on both sides."""
    module = width / (pattern.total_modules + 2 * pattern.quiet_modules)
    cursor = x + pattern.quiet_modules * module
    rects = []
    for index, modules in enumerate(pattern.widths):
        if index % 2 == 0:
            rects.append((cursor, y, modules * module, height))
        cursor += modules * module
    return rects
