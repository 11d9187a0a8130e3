"""Kill the issuing process at random moments, resume each time: everyone gets exactly one
credential, no index is reused, every file is complete and verifies, the audit chain holds."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import time

from .checks import check_batch_complete
from .conftest import command_env, db_url, issue_command, new_batch_args, run


def _batch_exists(workspace) -> bool:
    path = workspace / "shosho.db"
    if not path.exists():
        return False
    with sqlite3.connect(path) as connection:
        try:
            return connection.execute("SELECT count(*) FROM batches").fetchone()[0] > 0
        except sqlite3.OperationalError:
            return False


def test_sigkill_at_random_moments_then_resume(workspace, signer):
    rng = random.Random(4)
    env = command_env(workspace)
    first = True
    kills = 0
    for _ in range(6):
        args = new_batch_args(workspace) if first else ["--resume"]
        args += ["--workers", str(rng.choice([1, 2]))]
        process = subprocess.Popen(
            issue_command(workspace, *args),
            env=env,
            cwd=workspace,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        # Kill at a random moment after the batch is planned (start-up takes longer on a busy
        # machine, so the clock starts when the journal exists), or during planning itself.
        deadline = time.monotonic() + 60
        while first and not _batch_exists(workspace) and process.poll() is None:
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        time.sleep(rng.uniform(0.2, 2.5))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait()
        first = first and not _batch_exists(workspace)
    finished = run(workspace, "--resume")
    assert finished.returncode == 0, finished.stderr
    assert kills >= 3
    check_batch_complete(db_url(workspace), workspace / "out", signer.public_key(), 300)
