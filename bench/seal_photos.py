"""Phone-photo readability of the printed seal: every built-in sealed design over the full grid.

Renders each design's densest record to PDF, rasterises it (certificates at 150 dpi, the card
at 150 and 300 dpi), then for every tilt (-10..10 degrees), Gaussian blur (sigma 0..1.5) and
keystone (0, 6 %) makes a JPEG-60, unevenly lit photo and reads it with the reader
``shosho verify`` uses. Prints, per design and dpi, how many photos read, which failed, and the
mean reading time.

Usage: python bench/seal_photos.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

ANGLES = (-10, -7, -4, -2, 0, 2, 4, 7, 10)
SIGMAS = (0.0, 0.5, 1.0, 1.5)
KEYSTONES = (0.0, 0.06)


def main() -> None:
    import tempfile

    from designer.verification.paper import read_qr_texts
    from tests.signing.test_seal_photos import DESIGNS, phone_photo, render_densest

    with tempfile.TemporaryDirectory() as folder:
        for name in DESIGNS:
            for dpi in (150, 300) if name == "student-id" else (150,):
                page, text = render_densest(name, Path(folder), dpi)
                failed, seconds, count = [], 0.0, 0
                for angle in ANGLES:
                    for sigma in SIGMAS:
                        for tilt_back in KEYSTONES:
                            photo = phone_photo(page, angle, sigma, tilt_back)
                            start = time.perf_counter()
                            texts = read_qr_texts(photo)
                            seconds += time.perf_counter() - start
                            count += 1
                            if text not in texts:
                                failed.append((angle, sigma, tilt_back))
                print(
                    f"{name:22} {dpi:4} dpi  read {count - len(failed):3}/{count}"
                    f"  mean {seconds / count * 1000:5.0f} ms"
                    + (f"  failed (tilt, blur, keystone): {failed}" if failed else ""),
                    flush=True,
                )


if __name__ == "__main__":
    main()
