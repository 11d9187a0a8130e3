"""End-to-end batch benchmark: N records (file key, eddsa-rdfc-2022, QR seal, PDF + JSON each).

For each size, in a fresh process: check the roster, plan, sign, render and write every record
(``issue_batch``, both cores). Prints records per second, milliseconds per record, and peak
memory of all processes together (main + workers: proportional set size, sampled from
/proc by the parent every 0.2 s), then how much slower
each record is at the largest size than at the smallest.

CPU time per record (all processes) is printed too: on a machine shared with other work the
wall time depends on the load, the CPU time much less.

Usage: python bench/issue.py [N ...]   (default 1000 10000)
       python bench/issue.py --sign-pdf [N]   PDF signing cost per record (bench/pdf_signing.py)
Target on a 2-core machine: 10,000 records in at most 60 s, peak memory under 500 MB, and no
more than 10 % slower per record at 10,000 than at 1,000.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _tree_memory_mb(root: int) -> float:
    """Memory of ``root`` and all its descendants (Linux /proc), in MB: the proportional set
    size, which counts a page shared by several processes (libraries, the interpreter) once in
    all rather than once per process, as the plain sum of resident sizes would."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as children:
                    todo += [int(child) for child in children.read().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total / 1024


def run_measured(command: list[str]) -> tuple[subprocess.CompletedProcess, float]:
    """Run ``command``; return it and the peak memory (MB) of its process tree, sampled from
    this process every 0.2 s so that the sampling costs the benchmark nothing."""
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    peak = 0.0
    output: dict[str, str] = {}

    def read() -> None:
        output["out"], output["err"] = process.communicate()

    reader = threading.Thread(target=read)
    reader.start()
    while reader.is_alive():
        peak = max(peak, _tree_memory_mb(process.pid))
        reader.join(0.2)
    done = subprocess.CompletedProcess(command, process.returncode, output["out"], output["err"])
    return done, peak


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished workers (user + system)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def bench(count: int) -> dict:
    from cryptography.hazmat.primitives.asymmetric import ed25519

    from designer.issue.pipeline import issue_batch
    from designer.issue.plan import PlanRequest
    from designer.keys.keyfile import FileSigner
    from designer.model import QRElement, Template, TextElement, save_template
    from designer.model.template import Side
    from designer.store import open_store

    folder = Path(tempfile.mkdtemp(prefix="shosho-bench-"))
    template = Template(name="修了証", achievement={"name": "Python 基礎"})
    template.sides = [
        Side(
            elements=[
                TextElement(x=20, y=30, width=170, height=20, text="{{ full_name }}"),
                QRElement(x=80, y=200, width=40, height=40, caption="{{ verify_host }}"),
            ]
        )
    ]
    save_template(template, folder / "t.shosho")
    (folder / "r.csv").write_text(
        "student_id,full_name,email\n"
        + "".join(f"S{i:06d},山田 太郎{i},u{i}@example.jp\n" for i in range(count)),
        encoding="utf-8",
    )
    (folder / "issuer.json").write_text(
        json.dumps(
            {
                "id": "https://mirai.example/issuer",
                "name": "Tokyo Mirai University",
                "status_list_url": "https://mirai.example/status/",
                "verify_url": "https://mirai.example/v/",
            }
        )
    )
    signer = FileSigner(folder / "key.pem", ed25519.Ed25519PrivateKey.generate())
    store = open_store("sqlite:///" + (folder / "shosho.db").as_posix())
    request = PlanRequest(
        template=template,
        template_path=folder / "t.shosho",
        roster_path=folder / "r.csv",
        issuer_ref=str(folder / "issuer.json"),
        key_ref="file:bench",
        out_dir=folder / "out",
        outputs=("pdf", "json"),
    )
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    result = issue_batch(store, request, signer)
    elapsed = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before
    assert result.finished and result.done == count, result
    return {
        "count": count,
        "seconds": elapsed,
        "rate": count / elapsed,
        "ms_per_record": elapsed / count * 1000,
        "cpu_ms_per_record": cpu / count * 1000,
        "folder": str(folder),
    }


def main(sizes: list[int]) -> None:
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    results = []
    for count in sizes:
        child, peak = run_measured([sys.executable, __file__, "--one", str(count)])
        if child.returncode != 0:
            sys.exit(f"{count} records failed:\n{child.stderr}")
        result = json.loads(child.stdout.strip().splitlines()[-1])
        result["peak_mb"] = peak
        results.append(result)
        print(
            f"{count:>6} records: {result['seconds']:6.1f} s, {result['rate']:6.1f} records/s, "
            f"{result['ms_per_record']:6.2f} ms/record ({result['cpu_ms_per_record']:.2f} ms CPU "
            f"on all cores), peak memory (all processes) {result['peak_mb']:.0f} MB   "
            f"({result['folder']})",
            flush=True,
        )
    if len(results) > 1:
        first, last = results[0], results[-1]
        ratio = last["ms_per_record"] / first["ms_per_record"]
        print(
            f"per-record time at {last['count']} vs {first['count']}: {ratio:.2f}x "
            f"({(ratio - 1) * 100:+.0f} %)"
        )
    print(f"load average {os.getloadavg()[0]:.1f} at end")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(bench(int(sys.argv[2]))))
    elif sys.argv[1:2] == ["--sign-pdf"]:  # PDF signing's cost per record: bench/pdf_signing.py
        from pdf_signing import report

        report(int(sys.argv[2]) if len(sys.argv) > 2 else 200)
    else:
        main([int(a) for a in sys.argv[1:]] or [1000, 10000])
