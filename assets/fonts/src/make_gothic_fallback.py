"""Builds ShoshoNameFallbackGothic-{Regular,Bold}.ttf: the rare name kanji of Noto Sans CJK JP
(every character outside the Basic Multilingual Plane that its Japanese face maps), with
TrueType outlines and a family name of its own. Run from the repository root with Debian's
fonts-noto-cjk installed:

    .venv/bin/python assets/fonts/src/make_gothic_fallback.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from designer.render.font_convert import otf_to_ttf  # noqa: E402

SOURCE = Path("/usr/share/fonts/opentype/noto")
FAMILY = "Shosho Name Fallback Gothic"
OUT = ROOT / "assets" / "fonts"


def build(weight: str) -> Path:
    font = TTFont(str(SOURCE / f"NotoSansCJK-{weight}.ttc"), fontNumber=0)  # face 0: JP
    assert font["name"].getDebugName(4).startswith("Noto Sans CJK JP")
    wanted = sorted(cp for cp in font.getBestCmap() if cp > 0xFFFF)
    options = subset.Options()
    options.layout_features = ["vert", "vrt2"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    otf_to_ttf(font)
    names = font["name"]
    style = weight
    postscript = f"ShoshoNameFallbackGothic-{weight}"
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17, 21, 22):
            names.removeNames(nameID=record.nameID)
    for name_id, value in (
        (1, FAMILY),
        (2, style),
        (3, f"{postscript};subset of Noto Sans CJK JP {weight}"),
        (4, f"{FAMILY} {style}"),
        (6, postscript),
    ):
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    target = OUT / f"{postscript}.ttf"
    font.save(str(target))
    print(target, len(wanted), "characters", target.stat().st_size // 1024, "KB")
    return target


if __name__ == "__main__":
    for weight in ("Regular", "Bold"):
        build(weight)
