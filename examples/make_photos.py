"""Regenerates the placeholder ID photos in examples/photos/.

    python examples/make_photos.py

Each photo is a neutral head-and-shoulders silhouette on a soft background, 300 x 400 px
(3:4, the 縦4 x 横3 cm ID-photo ratio), JPEG. No real person is shown. The colours and
proportions vary a little per student ID so that pages are easy to tell apart.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from make_rosters import all_student_ids
from PIL import Image, ImageDraw, ImageFilter

HERE = Path(__file__).resolve().parent
WIDTH, HEIGHT = 300, 400
SCALE = 3  # drawn larger, then reduced, for smooth edges

BACKGROUNDS = [
    (214, 228, 240), (226, 236, 222), (240, 230, 218), (232, 226, 240),
    (222, 234, 236), (238, 238, 230), (236, 224, 228), (224, 230, 238),
]  # fmt: skip
FIGURES = [(96, 108, 124), (112, 112, 120), (88, 98, 110), (120, 116, 112)]


def _numbers(student_id: str) -> bytes:
    return hashlib.sha256(student_id.encode()).digest()


def make_photo(student_id: str) -> Image.Image:
    seed = _numbers(student_id)
    top = BACKGROUNDS[seed[0] % len(BACKGROUNDS)]
    bottom = tuple(max(0, channel - 22) for channel in top)
    figure = FIGURES[seed[1] % len(FIGURES)]
    w, h = WIDTH * SCALE, HEIGHT * SCALE

    image = Image.new("RGB", (w, h))
    gradient = ImageDraw.Draw(image)
    for y in range(h):
        t = y / (h - 1)
        gradient.line(
            [(0, y), (w, y)],
            fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )

    draw = ImageDraw.Draw(image)
    cx = w / 2 + (seed[2] % 21 - 10) * SCALE
    head_w = (108 + seed[3] % 16) * SCALE
    head_h = head_w * 1.22
    head_top = (92 + seed[4] % 14) * SCALE
    shoulder_w = (292 + seed[5] % 30) * SCALE
    shoulder_top = head_top + head_h * 0.93
    neck_w = head_w * 0.42

    draw.rounded_rectangle(
        [cx - neck_w / 2, head_top + head_h * 0.7, cx + neck_w / 2, shoulder_top + 40 * SCALE],
        radius=int(neck_w / 3),
        fill=figure,
    )
    draw.ellipse(
        [cx - shoulder_w / 2, shoulder_top, cx + shoulder_w / 2, shoulder_top + 270 * SCALE],
        fill=figure,
    )
    draw.ellipse([cx - head_w / 2, head_top, cx + head_w / 2, head_top + head_h], fill=figure)

    image = image.filter(ImageFilter.GaussianBlur(SCALE * 0.6))
    return image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)


def main() -> None:
    folder = HERE / "photos"
    folder.mkdir(exist_ok=True)
    for student_id in all_student_ids():
        make_photo(student_id).save(folder / f"{student_id}.jpg", "JPEG", quality=85, optimize=True)


if __name__ == "__main__":
    main()
