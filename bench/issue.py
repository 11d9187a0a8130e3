"""End-to-end batch benchmark of what offices run: the built-in 修了証 and 学生証 (photos, front
and back) with the default outputs (PDF, signed JSON, baked PNG and SVG), file key,
eddsa-rdfc-2022, QR seal; and, labelled as such, a minimal two-element design with PDF + JSON.

For each case and size, in a fresh process: check the roster, plan, sign, render and write every
record (``issue_batch``, both cores). Prints records per second, milliseconds per record, CPU
milliseconds per record (main process and workers together: on a shared machine the wall time
depends on the load, the CPU time much less), and peak memory of all processes together (main +
workers: proportional set size, sampled from /proc by the parent every 0.2 s), then how much
slower each record is at the largest size than at the smallest.

Usage: python bench/issue.py [N ...] [--cases shusho,card,minimal]   (default 1000 10000, all)
       python bench/issue.py --sign-pdf [N]   PDF signing cost per record (bench/pdf_signing.py)
Targets on a 2-core machine, for the built-in 修了証: 10,000 records in at most 60 s, peak memory
under 500 MB, per-record time flat from 1,000 to 10,000; the card batch at least half that rate.
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


CASES = {
    "shusho": "修了証 (built-in, default outputs)",
    "card": "学生証 (built-in, photos, front and back, default outputs)",
    "minimal": "minimal (one text + QR, PDF + JSON only)",
}
EXAMPLES = REPO / "examples"


def _roster(folder: Path, count: int) -> Path:
    """``count`` people from the sample roster's rows, each with their own number and e-mail."""
    import csv
    import shutil

    with (EXAMPLES / "roster-ja-utf8bom.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    photos = folder / "photos"
    photos.mkdir()
    for photo in (EXAMPLES / "photos").glob("*.jpg"):
        shutil.copy(photo, photos / photo.name)
    path = folder / "roster.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        for index in range(count):
            row = dict(rows[index % len(rows)])
            row["学籍番号"] = f"{2600000 + index}"
            row["メールアドレス"] = f"{2600000 + index}@st.tokyo-mirai.ac.jp"
            writer.writerow(row)
    return path


def _minimal_template(folder: Path) -> Path:
    from designer.model import QRElement, Template, TextElement, save_template
    from designer.model.template import Side

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
    return folder / "t.shosho"


def bench(case: str, count: int) -> dict:
    from cryptography.hazmat.primitives.asymmetric import ed25519

    from designer.issue.pipeline import issue_batch
    from designer.issue.plan import DEFAULT_OUTPUTS, PlanRequest
    from designer.keys.keyfile import FileSigner
    from designer.model import load_template
    from designer.store import open_store

    folder = Path(tempfile.mkdtemp(prefix=f"shosho-bench-{case}-"))
    roster = _roster(folder, count)
    if case == "minimal":
        template_path, outputs = _minimal_template(folder), ("pdf", "json")
    else:
        name = "shusho.shosho" if case == "shusho" else "student-id.shosho"
        template_path, outputs = REPO / "templates" / name, DEFAULT_OUTPUTS
    (folder / "issuer.json").write_text(
        json.dumps(
            {
                "id": "https://mirai.example/issuer",
                "name": {"ja": "東京未来大学", "en": "Tokyo Mirai University"},
                "status_list_url": "https://mirai.example/status/",
                "verify_url": "https://mirai.example/v/",
            }
        )
    )
    signer = FileSigner(folder / "key.pem", ed25519.Ed25519PrivateKey.generate())
    store = open_store("sqlite:///" + (folder / "shosho.db").as_posix())
    request = PlanRequest(
        template=load_template(template_path),
        template_path=template_path,
        roster_path=roster,
        issuer_ref=str(folder / "issuer.json"),
        key_ref="file:bench",
        out_dir=folder / "out",
        outputs=outputs,
    )
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    result = issue_batch(store, request, signer)
    elapsed = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before
    assert result.finished and result.done == count, result
    return {
        "case": case,
        "count": count,
        "seconds": elapsed,
        "rate": count / elapsed,
        "ms_per_record": elapsed / count * 1000,
        "cpu_ms_per_record": cpu / count * 1000,
        "folder": str(folder),
    }


def main(sizes: list[int], cases: list[str]) -> None:
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    rates: dict[tuple[str, int], float] = {}
    for case in cases:
        print(f"{CASES[case]}:")
        results = []
        for count in sizes:
            child, peak = run_measured([sys.executable, __file__, "--one", case, str(count)])
            if child.returncode != 0:
                sys.exit(f"{case}, {count} records failed:\n{child.stderr}")
            result = json.loads(child.stdout.strip().splitlines()[-1])
            result["peak_mb"] = peak
            results.append(result)
            rates[case, count] = result["rate"]
            print(
                f"  {count:>6} records: {result['seconds']:6.1f} s, {result['rate']:6.1f} "
                f"records/s, {result['ms_per_record']:6.2f} ms/record "
                f"({result['cpu_ms_per_record']:.2f} ms CPU on all cores), peak memory "
                f"(all processes) {result['peak_mb']:.0f} MB   ({result['folder']})",
                flush=True,
            )
        if len(results) > 1:
            first, last = results[0], results[-1]
            ratio = last["ms_per_record"] / first["ms_per_record"]
            print(
                f"  per-record time at {last['count']} vs {first['count']}: {ratio:.2f}x "
                f"({(ratio - 1) * 100:+.0f} %)"
            )
    for count in sizes:
        if ("card", count) in rates and ("shusho", count) in rates:
            print(
                f"card rate / certificate rate at {count}: "
                f"{rates['card', count] / rates['shusho', count]:.2f} (target at least 0.5)"
            )
    print(f"load average {os.getloadavg()[0]:.1f} at end")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(bench(sys.argv[2], int(sys.argv[3]))))
    elif sys.argv[1:2] == ["--sign-pdf"]:  # PDF signing's cost per record: bench/pdf_signing.py
        from pdf_signing import report

        report(int(sys.argv[2]) if len(sys.argv) > 2 else 200)
    else:
        arguments = sys.argv[1:]
        chosen = list(CASES)
        if "--cases" in arguments:
            at = arguments.index("--cases")
            chosen = arguments[at + 1].split(",")
            del arguments[at : at + 2]
        unknown = sorted(set(chosen) - set(CASES))
        if unknown:
            sys.exit(f"unknown case(s) {', '.join(unknown)}; choose from {', '.join(CASES)}")
        main([int(a) for a in arguments] or [1000, 10000], chosen)
