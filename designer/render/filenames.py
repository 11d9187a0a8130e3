"""File names from patterns such as ``{{ student_id }}_{{ full_name }}.pdf``, safe on Windows.

Windows forbids ``<>:"/\\|?*`` and control characters, names ending in a dot or space, and
the device names CON, PRN, AUX, NUL, COM1-9, LPT1-9 (also with an extension, "CON.pdf").
Names are kept to 120 characters (path limits leave room for the folder) without cutting a
character in half; Japanese names stay as they are.
"""

from __future__ import annotations

import re
import unicodedata

MAX_LENGTH = 120
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{p}{n}" for p in ("COM", "LPT") for n in "123456789¹²³"
}


def safe_filename(text: str, *, replacement: str = "_", max_length: int = MAX_LENGTH) -> str:
    """``text`` made into one valid file name (not a path) on Windows, macOS and Linux."""
    name = unicodedata.normalize("NFC", text)
    name = re.sub(r"[ \t\r\n\f\v]+", " ", name)  # full-width spaces in names stay
    name = _FORBIDDEN.sub(replacement, name).strip()
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or len(ext) > 10 or " " in ext:
        stem, ext = name, ""
    stem = stem.rstrip(". ")
    ext = ext.rstrip(". ")
    if stem.split(".")[0].strip().upper() in _RESERVED:
        stem = replacement + stem
    if not stem.strip(replacement + " "):
        stem = "unnamed"
    suffix = f".{ext}" if ext else ""
    stem = stem[: max(1, max_length - len(suffix))].rstrip(". ")
    return stem + suffix


class UniqueNames:
    """Gives each record a distinct file name: the second ``a.pdf`` becomes ``a (2).pdf``.

    Comparison ignores case, as Windows and macOS file systems do.
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, name: str) -> str:
        stem, dot, ext = name.rpartition(".")
        if not dot:
            stem, ext = name, ""
        suffix = f".{ext}" if ext else ""
        candidate = name
        number = 2
        while candidate.casefold() in self._taken:
            candidate = f"{stem} ({number}){suffix}"
            number += 1
        self._taken.add(candidate.casefold())
        return candidate


def unique_filenames(names: list[str]) -> list[str]:
    """Safe, distinct file names for ``names`` in order."""
    unique = UniqueNames()
    return [unique.claim(safe_filename(name)) for name in names]
