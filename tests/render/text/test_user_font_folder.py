"""One bad file in the user's fonts folder is skipped and named; it never fails a command."""

from __future__ import annotations

import shutil

from fontTools.ttLib import TTFont

from designer.render.fonts import FontLibrary, installed_fonts
from designer.resources import fonts_dir

GOOD = fonts_dir() / "Caladea-Regular.ttf"


def _bad_fonts(folder):
    folder.mkdir(parents=True, exist_ok=True)
    data = GOOD.read_bytes()
    (folder / "Truncated.ttf").write_bytes(data[: len(data) // 3])
    (folder / "Junk.ttf").write_bytes(b"this is not a font at all" * 10)
    font = TTFont(str(GOOD))
    del font["name"]
    font.save(str(folder / "NoName.ttf"))
    font = TTFont(str(GOOD))
    for table in font["cmap"].tables:
        table.cmap = {}
    font.save(str(folder / "EmptyCmap.ttf"))
    raw = bytearray(data)
    offset = raw.find(b"cmap")
    cmap_at = int.from_bytes(raw[offset + 8 : offset + 12], "big")
    raw[cmap_at : cmap_at + 64] = b"\xff" * 64
    (folder / "BrokenCmap.ttf").write_bytes(bytes(raw))
    shutil.copy(fonts_dir() / "LiberationSans-Regular.ttf", folder / "Good.ttf")


def test_bad_user_fonts_are_skipped_and_named(tmp_path):
    folder = tmp_path / "fonts"
    _bad_fonts(folder)
    library = FontLibrary.default(extra_dirs=[folder])
    rejected = "\n".join(library.rejected)
    for name in ("Truncated.ttf", "Junk.ttf", "NoName.ttf", "EmptyCmap.ttf", "BrokenCmap.ttf"):
        assert name in rejected, rejected
    assert "Good.ttf" not in rejected
    assert library.has_family("Caladea") and library.has_family("Liberation Sans")
    assert library.measure("証書 Shosho", "Caladea", False, 12) > 0


def test_every_command_reports_them_once_and_carries_on(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SHOSHO_HOME", str(tmp_path / "home"))
    from designer.settings import user_fonts_dir

    _bad_fonts(user_fonts_dir())
    FontLibrary._default_cache.clear()
    library = installed_fonts()
    installed_fonts()
    err = capsys.readouterr().err
    assert err.count("Junk.ttf") == 1 and "NoName.ttf" in err
    assert library.has_family("Caladea")
