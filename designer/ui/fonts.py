"""User-added fonts: TrueType files copied into the data folder's ``fonts/`` and loaded with
the bundled ones, so a design made with them opens the same after a restart."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtGui import QFontDatabase

from designer.render.fonts import FontLibrary, installed_fonts
from designer.settings import user_fonts_dir


def font_library() -> FontLibrary:
    """The bundled fonts plus every font the user added."""
    return installed_fonts()


def register_user_fonts_with_qt() -> None:
    """Let Qt draw menus in the added fonts' own faces."""
    folder = user_fonts_dir()
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in (".ttf", ".ttc"):
                QFontDatabase.addApplicationFont(str(path))


def add_user_font(path: str | Path, library: FontLibrary) -> list[str]:
    """Check ``path`` (ShoshoError naming it when it cannot be used; CFF/OTF outlines are
    converted to a TrueType copy), copy it into the fonts folder and add it to ``library``;
    returns its families."""
    path = Path(path)
    probe = FontLibrary()
    probe.add_file(path)  # raises before anything is copied
    folder = user_fonts_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / path.name
    number = 1
    while target.exists() and target.read_bytes() != path.read_bytes():
        number += 1
        target = folder / f"{path.stem}-{number}{path.suffix}"
    if not target.exists():
        shutil.copyfile(path, target)
    library.add_file(target)
    QFontDatabase.addApplicationFont(str(target))
    return probe.families()


def families_to_offer(library: FontLibrary) -> list[str]:
    """Font families to list for people: the internal fallbacks that complete rare name
    characters are used automatically and never chosen."""
    from designer.render.fonts import NAME_FALLBACKS

    hidden = set(NAME_FALLBACKS)
    return [family for family in library.families() if family not in hidden]
