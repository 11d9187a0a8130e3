"""Fixtures shared by the whole test suite.

``softhsm`` is a real PKCS#11 token (SoftHSM2) initialised once per test session in a temporary
folder. Tokens are looked up by label, never by slot number (SoftHSM2 reassigns slots).

``postgres_server`` is a throwaway PostgreSQL server: ``initdb`` into a temporary folder,
listening only on a unix socket inside it, started once per test session and stopped at the
end; ``new_postgres_url()`` makes a fresh, empty database on it.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

SOFTHSM_MODULE_CANDIDATES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
    "/opt/homebrew/lib/softhsm/libsofthsm2.so",
)


@dataclass
class SoftHSMToken:
    """A SoftHSM2 token ready for use: module path, label, user PIN, and a key maker."""

    module_path: str
    token_label: str
    pin: str
    so_pin: str
    conf_path: Path

    def key_uri(self, label: str) -> str:
        """The RFC 7512 reference of key ``label`` on this token."""
        from designer.keys.references import token_key_uri

        return token_key_uri(self.token_label, label, self.module_path)

    def make_key(self, key_type: str, label: str | None = None) -> str:
        """Generate an ``ed25519``/``p256``/``rsa2048`` key on the token; returns its key URI."""
        from designer.keys.pkcs11_token import find_token, generate_key, open_session

        label = label or f"{key_type}-{uuid.uuid4().hex[:8]}"
        token = find_token(self.module_path, self.token_label)
        with open_session(token, self.pin_provider, rw=True) as session:
            generate_key(session, label, key_type)
        return self.key_uri(label)

    def pin_provider(self, what: str = "") -> str:
        return self.pin


def _softhsm_module() -> str:
    for candidate in SOFTHSM_MODULE_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    pytest.fail(
        "SoftHSM2 is not installed (no libsofthsm2.so found): run scripts/test.sh, which installs "
        "the softhsm2 package, or 'apt-get install softhsm2'",
        pytrace=False,
    )


@pytest.fixture(autouse=True)
def _token_sessions_closed_after_each_test():
    """As when a command ends: no token stays logged in from one test into the next."""
    yield
    import sys

    if "designer.keys.pkcs11_token" in sys.modules:
        sys.modules["designer.keys.pkcs11_token"].close_all_signers()


@pytest.fixture(scope="session")
def softhsm(tmp_path_factory) -> SoftHSMToken:
    module = _softhsm_module()
    util = shutil.which("softhsm2-util")
    if util is None:
        pytest.fail("softhsm2-util is not on PATH: install the softhsm2 package", pytrace=False)
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n"
        "log.level = ERROR\nslots.removable = false\n"
    )
    os.environ["SOFTHSM2_CONF"] = str(conf)
    token = SoftHSMToken(module, "ShoshoTest", "1234", "12345678", conf)
    subprocess.run(
        [util, "--init-token", "--free", "--label", token.token_label, "--so-pin", token.so_pin,
         "--pin", token.pin],
        check=True, capture_output=True, env={**os.environ, "SOFTHSM2_CONF": str(conf)},
    )  # fmt: skip
    return token


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
    from designer.store import close_stores

    close_stores()
    subprocess.run(
        _as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
        capture_output=True,
        timeout=60,
    )
    shutil.rmtree(root, ignore_errors=True)


_database_numbers = itertools.count(1)


def _new_postgres_database(socket_dir: Path) -> str:
    import psycopg

    name = f"shosho_{os.getpid()}_{next(_database_numbers)}"
    with psycopg.connect(
        f"host={socket_dir} port={PG_PORT} user=postgres dbname=postgres", autocommit=True
    ) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://postgres@/{name}?host={socket_dir}&port={PG_PORT}"


@pytest.fixture
def new_postgres_url(postgres_server):
    """Makes a fresh, empty database on the throwaway PostgreSQL server; returns its URL."""
    return lambda: _new_postgres_database(postgres_server)
