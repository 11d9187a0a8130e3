"""QR codes: encoding with the ``qrcode`` package and drawing as vector rectangles.

The QR seal (``https://host/path#DIGITS``) is encoded as two segments, the URL in byte mode and
the digits in numeric mode, which is about 25 % smaller than one byte segment.

Mask choice: ``qrcode`` tries all eight masks and keeps the one with the lowest penalty score;
that takes about 80 % of the encoding time. ``FIXED_MASK`` uses one mask for every code (any
mask gives a valid, decodable symbol; the penalty only avoids patterns that can confuse weak
readers). Bulk rendering uses the fixed mask; results are cached by text.

The version is computed from the segments' bit lengths (``fitting_version``) rather than by
``qrcode``'s ``best_fit``, which writes every bit of the data once more just to count them.
"""

from __future__ import annotations

import re
from functools import lru_cache

import qrcode
import qrcode.constants
import qrcode.exceptions
from qrcode.util import (
    BIT_LIMIT_TABLE,
    MODE_8BIT_BYTE,
    MODE_ALPHA_NUM,
    MODE_KANJI,
    MODE_NUMBER,
    QRData,
    mode_sizes_for_version,
)

from designer.errors import ShoshoError
from designer.render.display import RectsItem

EC_LEVELS = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}
FIXED_MASK = 2  # vertical stripes of period 3: a low penalty on typical data in our tests

_SEAL_URL = re.compile(r"^(https?://[\x21-\x7e]*#)([0-9]+)$")

Matrix = tuple[tuple[bool, ...], ...]


def qr_segments(text: str) -> list[QRData]:
    """The QR segments for ``text``: byte + numeric for a seal URL, else one optimal segment."""
    match = _SEAL_URL.match(text)
    if match:
        return [
            QRData(match.group(1).encode("ascii"), mode=MODE_8BIT_BYTE),
            QRData(match.group(2).encode("ascii"), mode=MODE_NUMBER),
        ]
    return [QRData(text.encode("utf-8"))]


def _data_bits(segment: QRData) -> int:
    """Bits of ``segment``'s payload, without mode indicator and character count."""
    count = len(segment.data)
    if segment.mode == MODE_NUMBER:
        return 10 * (count // 3) + (0, 4, 7)[count % 3]
    if segment.mode == MODE_ALPHA_NUM:
        return 11 * (count // 2) + 6 * (count % 2)
    if segment.mode == MODE_KANJI:
        return 13 * (count // 2)
    return 8 * count


def fitting_version(segments: list[QRData], error_correction: int) -> int | None:
    """The smallest QR version holding ``segments`` at ``error_correction``, or None."""
    payload = [
        (segment.mode, len(segment.data) // (2 if segment.mode == MODE_KANJI else 1),
         _data_bits(segment))
        for segment in segments
    ]  # fmt: skip
    limits = BIT_LIMIT_TABLE[error_correction]
    for version in range(1, 41):
        sizes = mode_sizes_for_version(version)
        needed = 0
        for mode, count, bits in payload:
            if count >= 1 << sizes[mode]:
                break  # the character count does not fit this version's count field
            needed += 4 + sizes[mode] + bits
        else:
            if needed <= limits[version]:
                return version
    return None


def qr_matrix(text: str, ec_level: str = "M", *, best_mask: bool = False) -> tuple[int, Matrix]:
    """Encode ``text``; return (version, modules) with ``modules[row][col]`` true for dark.

    The matrix excludes the quiet zone. Raises ShoshoError when the text is empty, the level
    unknown, or the text too long for any QR version.
    """
    return _qr_matrix_cached(text, ec_level, best_mask)


# Small: a batch encodes each text once; previews re-encode the same few texts.
@lru_cache(maxsize=256)
def _qr_matrix_cached(text: str, ec_level: str, best_mask: bool) -> tuple[int, Matrix]:
    if not text:
        raise ShoshoError("QR code: nothing to encode (the content is empty)")
    if ec_level not in EC_LEVELS:
        raise ShoshoError(f"QR code: unknown error-correction level {ec_level!r} (L, M, Q or H)")
    segments = qr_segments(text)
    version = fitting_version(segments, EC_LEVELS[ec_level])
    if version is None:
        raise ShoshoError(
            f"QR code: {len(text)} characters are too many for a QR code at level {ec_level}"
        )
    code = qrcode.QRCode(
        version=version,
        error_correction=EC_LEVELS[ec_level],
        border=0,
        mask_pattern=None if best_mask else FIXED_MASK,
    )
    for segment in segments:
        code.add_data(segment)
    try:
        code.make(fit=False)
    except (qrcode.exceptions.DataOverflowError, ValueError) as error:
        raise ShoshoError(
            f"QR code: {len(text)} characters are too many for a QR code at level {ec_level}"
        ) from error
    modules = tuple(tuple(map(bool, row)) for row in code.modules)
    return code.version, modules


def dark_runs(modules: Matrix) -> list[tuple[int, int, int]]:
    """Horizontal runs of dark modules as (row, first column, length)."""
    runs = []
    for row_index, row in enumerate(modules):
        start = None
        for col, dark in enumerate(row):
            if dark and start is None:
                start = col
            elif not dark and start is not None:
                runs.append((row_index, start, col - start))
                start = None
        if start is not None:
            runs.append((row_index, start, len(row) - start))
    return runs


def qr_rects(
    modules: Matrix, x: float, y: float, size: float, quiet_zone: int
) -> tuple[float, list[tuple[float, float, float, float]]]:
    """Rectangles (mm) for the dark modules of a square symbol of side ``size`` at (x, y).

    The quiet zone is inside ``size``. Returns (module size, rects); runs of dark modules in a
    row become one rectangle, which keeps the PDF small.
    """
    count = len(modules) + 2 * quiet_zone
    module = size / count
    origin_x = x + quiet_zone * module
    origin_y = y + quiet_zone * module
    rects = [
        (origin_x + col * module, origin_y + row * module, length * module, module)
        for row, col, length in dark_runs(modules)
    ]
    return module, rects


def qr_item(
    text: str,
    x: float,
    y: float,
    size: float,
    *,
    ec_level: str = "M",
    quiet_zone: int = 4,
    color: str = "#000000",
) -> RectsItem:
    """The dark modules of ``text`` as one RectsItem filling a square of side ``size`` mm."""
    _version, modules = qr_matrix(text, ec_level)
    _module, rects = qr_rects(modules, x, y, size, quiet_zone)
    return RectsItem(rects=rects, color=color)
