"""What PDF signing (PAdES, pyHanko, token key) adds to a batch, per record.

On a SoftHSM2 token made in a temporary folder, with a P-256 key and a trial certificate:
1. the signing step alone: each certificate PDF of a batch signed again through one
   ``PdfSigningSession`` (wall and CPU milliseconds per PDF);
2. the same batch issued without and with ``--sign-pdf``: milliseconds per record for each,
   and the difference (wall time depends on the load of a shared machine; CPU time less).

Usage: python bench/pdf_signing.py [N]   (default 200), or python bench/issue.py --sign-pdf [N]
Target: at most 10 ms per record on top of the batch.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

MODULES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
)
PIN = "1234"


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _token(folder: Path) -> tuple[str, str]:
    module = next((m for m in MODULES if Path(m).exists()), None)
    if module is None or shutil.which("softhsm2-util") is None:
        sys.exit("SoftHSM2 is needed: apt-get install softhsm2")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    subprocess.run(
        ["softhsm2-util", "--init-token", "--free", "--label", "Bench", "--so-pin", "12345678",
         "--pin", PIN], check=True, capture_output=True,
    )  # fmt: skip
    return module, "Bench"


def _workspace(folder: Path, count: int) -> None:
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


def _issue(folder: Path, key: str, name: str, sign_pdf: bool) -> tuple[float, float]:
    from designer.cli import main

    args = ["issue", str(folder / "t.shosho"), "--roster", str(folder / "r.csv"), "--issuer",
            str(folder / "issuer.json"), "--key", key, "--out", str(folder / name),
            "--outputs", "pdf,json", "--db", "sqlite:///" + (folder / f"{name}.db").as_posix(),
            "--sign-pdf" if sign_pdf else "--no-sign-pdf"]  # fmt: skip
    cpu, started = _cpu_seconds(), time.perf_counter()
    if main(args) != 0:
        sys.exit(f"the batch {name} failed")
    return time.perf_counter() - started, _cpu_seconds() - cpu


def bench(count: int) -> dict:
    from designer.cli import main
    from designer.keys.references import open_signer, token_key_uri
    from designer.pdfsign.signing import PdfSigningSession
    from designer.settings import data_home

    folder = Path(tempfile.mkdtemp(prefix="shosho-bench-pdf-"))
    os.environ["SHOSHO_HOME"] = str(folder / "home")
    os.environ["SHOSHO_PIN"] = PIN
    module, token = _token(folder)
    key = token_key_uri(token, "bench-p256", module)
    assert main(["keys", "generate", "--key", key, "--type", "p256"]) == 0
    assert main(["keys", "cert", "self-signed", "--key", key, "--name", "Bench"]) == 0
    _workspace(folder, count)
    plain_wall, plain_cpu = _issue(folder, key, "plain", False)
    signed_wall, signed_cpu = _issue(folder, key, "signed", True)

    pdfs = [p.read_bytes() for p in sorted((folder / "plain").glob("*.pdf"))]
    signer = open_signer(key, pin_provider=lambda _: PIN)
    with signer, PdfSigningSession(signer, data_home()) as session:
        session.sign(pdfs[0])  # loads the key once, as the batch does
        cpu, started = time.process_time(), time.perf_counter()
        for pdf in pdfs:
            session.sign(pdf)
        step_wall = time.perf_counter() - started
        step_cpu = time.process_time() - cpu
    per = 1000 / count
    return {
        "count": count,
        "step_ms": step_wall * 1000 / len(pdfs),
        "step_cpu_ms": step_cpu * 1000 / len(pdfs),
        "plain_ms": plain_wall * per,
        "signed_ms": signed_wall * per,
        "plain_cpu_ms": plain_cpu * per,
        "signed_cpu_ms": signed_cpu * per,
        "folder": str(folder),
    }


def report(count: int) -> None:
    """Run in a fresh process and print the figures."""
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    child = subprocess.run(
        [sys.executable, __file__, "--one", str(count)], capture_output=True, text=True
    )
    if child.returncode != 0:
        sys.exit(f"PDF signing benchmark failed:\n{child.stderr}")
    r = json.loads(child.stdout.strip().splitlines()[-1])
    print(
        f"PDF signing step: {r['step_ms']:.1f} ms per PDF ({r['step_cpu_ms']:.1f} ms CPU), "
        f"P-256 on SoftHSM2, pyHanko PAdES B-B"
    )
    print(
        f"{r['count']} records without --sign-pdf: {r['plain_ms']:.1f} ms/record "
        f"({r['plain_cpu_ms']:.1f} ms CPU); with: {r['signed_ms']:.1f} ms/record "
        f"({r['signed_cpu_ms']:.1f} ms CPU); PDF signing adds "
        f"{r['signed_ms'] - r['plain_ms']:.1f} ms/record "
        f"({r['signed_cpu_ms'] - r['plain_cpu_ms']:.1f} ms CPU); target 10 ms   ({r['folder']})"
    )
    print(f"load average {os.getloadavg()[0]:.1f} at end")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(bench(int(sys.argv[2]))))
    else:
        report(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
