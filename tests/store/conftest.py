"""Store fixtures: every store test runs on SQLite and on a real PostgreSQL server.

The PostgreSQL server is a throwaway one: ``initdb`` into a temporary folder, listening only on
a unix socket inside it, started once per test session and stopped at the end.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from designer.store import close_stores, open_store

PG_BIN_CANDIDATES = [Path("/usr/lib/postgresql") / v / "bin" for v in ("17", "16", "15", "14")]
PG_PORT = 55432


def _pg_bin() -> Path:
    override = os.environ.get("SHOSHO_PG_BIN")
    candidates = [Path(override)] if override else PG_BIN_CANDIDATES
    for candidate in candidates:
        if (candidate / "initdb").exists() and (candidate / "pg_ctl").exists():
            return candidate
    pytest.fail(
        "PostgreSQL server binaries not found (looked in "
        + ", ".join(str(c) for c in candidates)
        + "): install the Debian package 'postgresql' (scripts/test.sh does) "
        "or set SHOSHO_PG_BIN to the folder holding initdb and pg_ctl"
    )


def _as_postgres(args: list[str]) -> list[str]:
    """initdb refuses to run as root: run the server tools as the ``postgres`` user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


@pytest.fixture(scope="session")
def postgres_server():
    """Socket folder of a running throwaway PostgreSQL server."""
    bin_dir = _pg_bin()
    root = Path(tempfile.mkdtemp(prefix="shosho-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    data = root / "data"
    run = dict(check=True, capture_output=True, text=True, timeout=120)
    try:
        subprocess.run(
            _as_postgres(
                [
                    str(bin_dir / "initdb"),
                    "-D",
                    str(data),
                    "-A",
                    "trust",
                    "-U",
                    "postgres",
                    "-E",
                    "UTF8",
                    "--no-sync",
                    "--no-locale",
                ]
            ),
            **run,
        )
        options = f"-k {root} -c listen_addresses='' -p {PG_PORT} -F -c fsync=off"
        subprocess.run(
            _as_postgres(
                [
                    str(bin_dir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    options,
                    "-l",
                    str(root / "server.log"),
                    "-w",
                    "start",
                ]
            ),
            **run,
        )
    except subprocess.CalledProcessError as error:
        log = root / "server.log"
        detail = log.read_text() if log.exists() else ""
        pytest.fail(f"cannot start PostgreSQL: {error.stderr}{error.stdout}{detail}")
    yield root
    close_stores()
    subprocess.run(
        _as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
        capture_output=True,
        timeout=60,
    )
    shutil.rmtree(root, ignore_errors=True)


_database_numbers = itertools.count(1)


def new_postgres_database(socket_dir: Path) -> str:
    import psycopg

    name = f"shosho_{os.getpid()}_{next(_database_numbers)}"
    with psycopg.connect(
        f"host={socket_dir} port={PG_PORT} user=postgres dbname=postgres", autocommit=True
    ) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://postgres@/{name}?host={socket_dir}&port={PG_PORT}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    """A fresh, empty database URL on each backend."""
    if request.param == "sqlite":
        return "sqlite:///" + (tmp_path / "shosho.db").as_posix()
    return new_postgres_database(request.getfixturevalue("postgres_server"))


@pytest.fixture
def store(store_url):
    return open_store(store_url)


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A fresh, empty database on the throwaway PostgreSQL server."""
    return new_postgres_database(postgres_server)
