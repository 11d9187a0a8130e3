"""Draws the program icon (a red seal with 証) into PNG, ICO and ICNS files for the installers.

Drawn from the bundled IPAex Mincho font at build time, so no binary image is kept in the
repository. Usage: ``python installer/make_icons.py OUT_DIR``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "assets" / "fonts" / "ipaexm.ttf"
SEAL_RED = (196, 30, 58, 255)
PAPER = (255, 250, 240, 255)
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)


def draw_icon(size: int = 1024) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    margin = size // 16
    draw.rounded_rectangle(
        (margin, margin, size - margin, size - margin), radius=size // 6, fill=SEAL_RED
    )
    inner = size // 7
    draw.rounded_rectangle(
        (inner, inner, size - inner, size - inner),
        radius=size // 10,
        outline=PAPER,
        width=max(1, size // 40),
    )
    font = ImageFont.truetype(str(FONT), int(size * 0.56))
    draw.text((size / 2, size / 2), "証", font=font, fill=PAPER, anchor="mm")
    return image


def main(out_dir: str) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    icon = draw_icon()
    for size in PNG_SIZES:
        icon.resize((size, size), Image.Resampling.LANCZOS).save(out / f"shosho-{size}.png")
    icon.save(out / "shosho.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    icon.save(out / "shosho.icns")


if __name__ == "__main__":
    main(sys.argv[1])
