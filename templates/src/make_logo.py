"""Draws the fictional Tokyo Mirai University emblem used by the built-in templates.

Our own artwork: a ring, a rising sun over an open book, drawn with Pillow at 4x and
downsampled for smooth edges. Run from the repository root to regenerate the PNGs.
"""

from __future__ import annotations

import io
import math

from PIL import Image, ImageDraw

NAVY = (27, 42, 84, 255)
GOLD = (176, 141, 62, 255)


def emblem_png(size: int = 600, colour=NAVY, accent=GOLD) -> bytes:
    scale = 4
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    c = big / 2
    r = big * 0.47
    draw.ellipse((c - r, c - r, c + r, c + r), outline=colour, width=int(big * 0.035))
    r2 = big * 0.41
    draw.ellipse((c - r2, c - r2, c + r2, c + r2), outline=accent, width=int(big * 0.01))
    # Sixteen small beads around the ring.
    for i in range(16):
        a = 2 * math.pi * i / 16
        x, y = c + math.cos(a) * big * 0.44, c + math.sin(a) * big * 0.44
        d = big * 0.012
        draw.ellipse((x - d, y - d, x + d, y + d), fill=accent)
    # Rising sun with rays.
    sun_y = c + big * 0.05
    sr = big * 0.12
    for i in range(9):
        a = math.pi + math.pi * (i + 0.5) / 9
        x1, y1 = c + math.cos(a) * sr * 1.35, sun_y + math.sin(a) * sr * 1.35
        x2, y2 = c + math.cos(a) * sr * 2.1, sun_y + math.sin(a) * sr * 2.1
        draw.line((x1, y1, x2, y2), fill=accent, width=int(big * 0.018))
    draw.pieslice((c - sr, sun_y - sr, c + sr, sun_y + sr), 180, 360, fill=accent)
    # Open book below the horizon.
    w = big * 0.26
    top = sun_y + big * 0.02
    for side in (-1, 1):
        pts = [(c, top + big * 0.03), (c + side * w, top), (c + side * w, top + big * 0.13),
               (c, top + big * 0.16)]
        draw.polygon(pts, fill=colour)
        for k in range(3):
            yy = top + big * (0.045 + 0.03 * k)
            draw.line((c + side * w * 0.15, yy + big * 0.012, c + side * w * 0.85, yy - big * 0.004),
                      fill=(255, 255, 255, 255), width=int(big * 0.006))
    image = image.resize((size, size), Image.LANCZOS)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


if __name__ == "__main__":
    with open("emblem.png", "wb") as handle:
        handle.write(emblem_png())
