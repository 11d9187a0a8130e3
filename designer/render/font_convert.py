"""OpenType fonts with PostScript (CFF) outlines, turned into TrueType copies on import.

Most Japanese fonts offices own (源ノ明朝 / Noto Serif CJK, Noto Sans CJK, many vendors'
.otf and .otc files) have CFF outlines, which the PDF writer cannot embed. On import each
such face is converted once with fontTools (cubic to quadratic curves, within 1 font unit)
and the TrueType copy is kept in the data folder's font cache; every painter then uses the
copy. Names, metrics, cmap (with variation sequences), GSUB and GPOS are kept.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

MAX_ERROR = 1.0  # font units: how far a quadratic curve may stray from the cubic one
_CACHE_VERSION = "1"


def has_cff_outlines(font: TTFont) -> bool:
    return "CFF " in font and "glyf" not in font


def cache_dir() -> Path:
    from designer.settings import data_home

    return data_home() / "font-cache"


def converted_path(path: Path, index: int, folder: Path | None = None) -> Path:
    """Where the TrueType copy of face ``index`` of ``path`` is kept, by the file's content:
    a copy of the same file shares it, a changed file gets a new one."""
    digest = hashlib.sha256(f"{_CACHE_VERSION}|{index}|".encode())
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return (folder or cache_dir()) / f"{path.stem}-{index}-{digest.hexdigest()[:16]}.ttf"


def truetype_copy(path: Path, index: int, folder: Path | None = None) -> Path:
    """The TrueType copy of CFF face ``index`` of ``path``, made now if it is not cached."""
    target = converted_path(path, index, folder)
    if target.exists():
        return target
    font = TTFont(str(path), fontNumber=index)
    try:
        otf_to_ttf(font)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
        os.close(handle)
        try:
            font.save(temporary)
            os.replace(temporary, target)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    finally:
        font.close()
    return target


def otf_to_ttf(font: TTFont) -> None:
    """Replace ``font``'s CFF outlines by TrueType (glyf) outlines, in place."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:  # vertical origins are a CFF table; vmtx keeps the vertical metrics
        del font["VORG"]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = max(
        (len(getattr(glyph, "components", ())) for glyph in glyf.glyphs.values()), default=0
    )
    maxp.compile(font)
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order
    try:
        post.compile(font)
    except OverflowError:
        post.formatType = 3.0
    font.sfntVersion = "\000\001\000\000"
