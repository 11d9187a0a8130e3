"""End-to-end batch benchmark: N records (file key, eddsa-rdfc-2022, one PDF each).

Prints records per second and peak memory. Usage: python bench/issue.py [N ...] (default 1000 10000)
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ed25519


def bench(count: int) -> None:
    from designer.issue.pipeline import issue_batch
    from designer.issue.plan import PlanRequest
    from designer.model import QRElement, Template, TextElement, save_template
    from designer.model.template import Side
    from designer.sign.keyfile import FileSigner
    from designer.store import open_store

    folder = Path(tempfile.mkdtemp(prefix="shosho-bench-"))
    template = Template(name="修了証", achievement={"name": "Python 基礎"})
    template.sides = [
        Side(
            elements=[
                TextElement(x=20, y=30, width=170, height=20, text="{{ full_name }}"),
                QRElement(x=80, y=200, width=40, height=40),
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
    started = time.perf_counter()
    result = issue_batch(store, request, signer)
    elapsed = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"{count:>6} records: {elapsed:7.1f} s, {result.done / elapsed:6.1f} records/s, "
        f"{elapsed / count * 1000:6.2f} ms/record, peak memory main {own:.0f} MB, "
        f"largest worker {workers:.0f} MB  ({folder})"
    )


if __name__ == "__main__":
    for n in [int(a) for a in sys.argv[1:]] or [1000, 10000]:
        bench(n)
