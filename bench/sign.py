"""Signing throughput: 1,000 distinct credentials with eddsa-rdfc-2022, file key and SoftHSM token.

Run: .venv/bin/python bench/sign.py [N]. The SoftHSM part needs softhsm2 installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from designer.credential.build import build_credential  # noqa: E402
from designer.credential.jsonld import canonicalize  # noqa: E402
from designer.keys.keyfile import create_key_file  # noqa: E402
from designer.signing.suites import CredentialSigner  # noqa: E402

JST = timezone(timedelta(hours=9))
ISSUER = {
    "id": "did:web:example.ac.jp",
    "name": {"ja": "東京未来大学", "en": "Tokyo Mirai University"},
    "url": "https://example.ac.jp",
}
ACHIEVEMENT = {
    "name": "{course_name} 修了",
    "criteria": "全15回の講義に出席し、最終課題に合格した。",
    "creditsAvailable": 2,
    "fieldOfStudy": "Data Science",
}


def credentials(count: int) -> list[dict]:
    issued = datetime(2026, 3, 25, 10, tzinfo=JST)
    return [
        build_credential(
            ISSUER,
            ACHIEVEMENT,
            {
                "student_id": f"S{index:06d}",
                "full_name": f"山田 太郎{index}",
                "email": f"s{index}@example.ac.jp",
                "course_name": "データサイエンス基礎",
            },
            credential_id=f"urn:uuid:{uuid.uuid4()}",
            issued_at=issued,
            status={"url": "https://example.ac.jp/status/1", "index": index},
        )
        for index in range(count)
    ]


def measure(label: str, signer, batch: list[dict]) -> None:
    batch_signer = CredentialSigner(signer, "eddsa-rdfc-2022", datetime.now(UTC))
    start = time.perf_counter()
    for credential in batch:
        batch_signer.sign(credential)
    elapsed = time.perf_counter() - start
    print(
        f"{label}: signed {len(batch)} credentials in {elapsed:.2f} s: {len(batch) / elapsed:.0f} credentials/s"
    )


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    batch = credentials(count)
    start = time.perf_counter()
    for credential in batch[:200]:
        canonicalize(credential)
    print(
        f"canonicalisation alone (pyld URDNA2015): {(time.perf_counter() - start) / 200 * 1000:.2f} ms per credential"
    )
    with tempfile.TemporaryDirectory() as folder:
        file_signer = create_key_file(Path(folder) / "bench.key", "ed25519", "bench passphrase")
        measure("file key", file_signer, batch)
        module = "/usr/lib/softhsm/libsofthsm2.so"
        util = shutil.which("softhsm2-util")
        if not (Path(module).exists() and util):
            print("SoftHSM token: skipped (softhsm2 not installed)")
            return
        (Path(folder) / "tokens").mkdir()
        conf = Path(folder) / "softhsm2.conf"
        conf.write_text(
            f"directories.tokendir = {folder}/tokens\nobjectstore.backend = file\nlog.level = ERROR\n"
        )
        os.environ["SOFTHSM2_CONF"] = str(conf)
        subprocess.run(
            [
                util,
                "--init-token",
                "--free",
                "--label",
                "Bench",
                "--so-pin",
                "12345678",
                "--pin",
                "1234",
            ],
            check=True,
            capture_output=True,
        )
        from designer.keys.pkcs11_token import find_token, generate_key
        from designer.keys.references import open_signer, token_key_uri

        with find_token(module, "Bench").open(user_pin="1234", rw=True) as session:
            generate_key(session, "bench", "ed25519")
        token_signer = open_signer(
            token_key_uri("Bench", "bench", module), pin_provider=lambda what: "1234"
        )
        measure("SoftHSM token", token_signer, batch)
        token_signer.close()


if __name__ == "__main__":
    main()
