"""Render N records of the 修了証 template into single-record PDFs; print pages/s and memory.

    .venv/bin/python bench/render.py [--count 10000] [--workers 2] [--profile]

Uses templates/shusho.shosho. Each record has a different name, course, date and a QR seal
URL of about 90 characters, so nothing is cached between records except fonts, images and the
template. Peak memory is the sum of the peak RSS of the parent and every worker process.
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


def worker(indexes: range, out_dir: str, results: mp.Queue, profile: bool) -> None:
    from designer.model import load_template
    from designer.render.fonts import FontLibrary
    from designer.render.layout import layout_record
    from designer.render.pdf import write_pdf
    from designer.resources import templates_dir

    template = load_template(templates_dir() / "shusho.shosho")
    fonts = FontLibrary.default()
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--profile", action="store_true", help="cProfile the first worker")
    args = parser.parse_args()
    ctx = mp.get_context("fork")
    results: mp.Queue = ctx.Queue()
    with tempfile.TemporaryDirectory() as out_dir:
        start = time.perf_counter()
        processes = [
            ctx.Process(
                target=worker,
                args=(
                    range(w, args.count, args.workers),
                    out_dir,
                    results,
                    args.profile and w == 0,
                ),
            )
            for w in range(args.workers)
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
    print(f"records: {args.count}  pages: {pages}  workers: {args.workers}")
    print(f"time: {elapsed:.1f} s  ->  {pages / elapsed:.1f} pages/s")
    print(f"peak memory (sum of process peaks): {peak_kb / 1024:.0f} MB")
    print(f"average PDF size: {size / max(pages, 1) / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
