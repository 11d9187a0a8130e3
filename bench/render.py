"""Render N records of the 修了証 template into single-record PDFs; print pages/s and memory.

    .venv/bin/python bench/render.py [--count 1000 10000] [--workers 2] [--profile]

Uses templates/shusho.shosho. Each record has a different name, course, date and a QR seal
URL of about 90 characters, so only what is the same on every page is reused between records
(fonts, images, static text, border paths). Peak memory is the sum of the peak RSS of the
parent and every worker process (pages shared after the fork are counted in each).

The parent loads the template and fonts and renders one record before forking, so every
worker starts warm (modules imported, fonts parsed, images prepared) and receives only its
range of record numbers, never a pickled template.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import multiprocessing as mp
import os
import pstats
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FAMILY = ["山田", "髙橋", "山﨑", "佐藤", "鈴木", "渡邉", "伊藤", "中村", "小林", "齋藤"]
GIVEN = ["太郎", "陽菜", "大翔", "結衣", "蓮", "美咲", "悠真", "さくら", "一郎", "花子"]
COURSES = ["データサイエンス基礎", "地域データ活用講座", "日本語教育入門", "AIと社会"]


def record(index: int) -> dict:
    rng = random.Random(index)
    family, given = rng.choice(FAMILY), rng.choice(GIVEN)
    digits = "".join(rng.choice("0123456789") for _ in range(56))
    return {
        "student_id": f"25{index:05d}",
        "family_name": family,
        "given_name": given,
        "full_name": f"{family}　{given}",
        "full_name_kana": "やまだ　たろう",
        "course_name": rng.choice(COURSES),
        "completion_date": dt.date(2025, 3, 1) + dt.timedelta(days=index % 28),
        "seal_url": f"https://www.tokyo-mirai.ac.jp/v/#{digits}",
        "verify_host": "www.tokyo-mirai.ac.jp",
    }


_WARM: dict = {}


def warm_up() -> None:
    """Import, load and render once in the parent; forked workers inherit all of it."""
    import io

    from designer.model import load_template
    from designer.render.fonts import FontLibrary
    from designer.render.layout import layout_record
    from designer.render.pdf import write_pdf
    from designer.resources import templates_dir

    template = load_template(templates_dir() / "shusho.shosho")
    fonts = FontLibrary.default()
    write_pdf(layout_record(template, record(0), fonts=fonts), io.BytesIO())
    _WARM.update(template=template, fonts=fonts)


def worker(indexes: range, out_dir: str, results: mp.Queue, profile: bool) -> None:
    from designer.render.layout import layout_record
    from designer.render.pdf import write_pdf

    template, fonts = _WARM["template"], _WARM["fonts"]
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    pages = 0
    for index in indexes:
        layout = layout_record(template, record(index), fonts=fonts)
        pages += write_pdf(layout, Path(out_dir) / f"{index:06d}.pdf")
    if profiler:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    results.put((pages, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


TARGET_PAGES_PER_SECOND = 150
TARGET_MEMORY_RATIO = 1.5


def run(count: int, workers: int, profile: bool) -> tuple[float, float]:
    """Render ``count`` records with ``workers`` forked processes; return (pages/s, peak MB)."""
    ctx = mp.get_context("fork")
    results: mp.Queue = ctx.Queue()
    with tempfile.TemporaryDirectory() as out_dir:
        start = time.perf_counter()
        processes = [
            ctx.Process(
                target=worker,
                args=(range(w, count, workers), out_dir, results, profile and w == 0),
            )
            for w in range(workers)
        ]
        for process in processes:
            process.start()
        reports = [results.get() for _ in processes]
        for process in processes:
            process.join()
        elapsed = time.perf_counter() - start
        size = sum(f.stat().st_size for f in Path(out_dir).iterdir())
    pages = sum(p for p, _ in reports)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + sum(rss for _, rss in reports)
    rate = pages / elapsed
    print(f"records: {count}  pages: {pages}  workers: {workers}")
    print(f"  time: {elapsed:.1f} s  ->  {rate:.1f} pages/s")
    print(f"  peak memory (sum of the peak RSS of parent and workers): {peak_kb / 1024:.0f} MB")
    print(f"  average PDF size: {size / max(pages, 1) / 1024:.1f} KB")
    return rate, peak_kb / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--count", type=int, nargs="+", default=[1000],
        help="record counts to run in turn, e.g. --count 1000 10000 (memory ratio last/first)",
    )  # fmt: skip
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--profile", action="store_true", help="cProfile the first worker")
    args = parser.parse_args()
    warm_start = time.perf_counter()
    warm_up()
    print(
        f"start-up (once, in the parent before forking): {time.perf_counter() - warm_start:.1f} s"
    )
    figures = [run(count, args.workers, args.profile) for count in args.count]
    rate = figures[0][0]
    verdict = "meets" if rate >= TARGET_PAGES_PER_SECOND else "misses"
    print(f"{rate:.0f} pages/s {verdict} the target of {TARGET_PAGES_PER_SECOND} pages/s")
    if len(figures) > 1:
        ratio = figures[-1][1] / figures[0][1]
        verdict = "meets" if ratio <= TARGET_MEMORY_RATIO else "misses"
        print(
            f"memory {args.count[-1]} / {args.count[0]} records: {ratio:.2f}x "
            f"({verdict} the limit of {TARGET_MEMORY_RATIO}x)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
