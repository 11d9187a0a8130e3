"""Where PINs and passphrases come from: a callback, an environment variable, a file or a prompt.

A secret is passed straight to the token or the key-file decryptor and is never logged, stored,
or put into an exception message.
"""

from __future__ import annotations

import getpass
import os
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from designer.errors import ShoshoError, UsageError

SecretProvider = Callable[[str], str]
"""Called with a description of what is asked for (e.g. ``PIN for token 'Office'``)."""

PIN_ENV = "SHOSHO_PIN"
PASSPHRASE_ENV = "SHOSHO_PASSPHRASE"


SECRET_ENVS = (PIN_ENV, PASSPHRASE_ENV)
MAX_SECRET_FILE_BYTES = 4096


def read_secret_file(path: str | Path) -> str:
    """The first line of ``path``, without its line ending.

    Like a key file, a file that other users can read is refused: the secret would not be one.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if sys.platform != "win32" and mode & (stat.S_IRWXG | stat.S_IRWXO):
                raise ShoshoError(
                    f"secret file {path} can be read by other users (mode "
                    f"{stat.S_IMODE(mode):o}): run 'chmod 600 {path}'"
                )
            data = handle.read(MAX_SECRET_FILE_BYTES + 1)
    except OSError as error:
        raise ShoshoError(f"cannot read secret file {path}: {error.strerror}") from None
    if len(data) > MAX_SECRET_FILE_BYTES:
        raise ShoshoError(f"secret file {path} is larger than a PIN or passphrase can be")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ShoshoError(f"secret file {path} is not UTF-8 text") from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise ShoshoError(f"secret file {path} is empty")
    return lines[0]


def secret_provider(
    env_name: str, file: str | Path | None = None, *, interactive: bool | None = None
) -> SecretProvider:
    """A provider that tries ``file``, then the environment variable, then a terminal prompt.

    The variable is read when the provider is made as well as when it is asked, so it still
    answers while ``withheld_secrets`` keeps the variable from worker processes."""
    captured = os.environ.get(env_name)

    def provide(what: str) -> str:
        if file is not None:
            return read_secret_file(file)
        value = os.environ.get(env_name) or captured
        if value:
            return value
        ask = sys.stdin.isatty() if interactive is None else interactive
        if ask:
            return getpass.getpass(f"{what}: ")
        raise UsageError(
            f"{what} is needed: set {env_name}, give a file with the option, or run in a terminal"
        )

    return provide


def pin_provider(pin_file: str | Path | None = None) -> SecretProvider:
    return secret_provider(PIN_ENV, pin_file)


def passphrase_provider(passphrase_file: str | Path | None = None) -> SecretProvider:
    return secret_provider(PASSPHRASE_ENV, passphrase_file)


@contextmanager
def withheld_secrets() -> Iterator[None]:
    """Remove ``SHOSHO_PIN`` and ``SHOSHO_PASSPHRASE`` from the environment while worker
    processes start (they inherit it), and put them back afterwards."""
    saved = {name: os.environ.pop(name) for name in SECRET_ENVS if name in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)
