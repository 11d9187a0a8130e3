"""Where PINs and passphrases come from: a callback, an environment variable, a file or a prompt.

A secret is passed straight to the token or the key-file decryptor and is never logged, stored,
or put into an exception message.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from designer.errors import ShoshoError, UsageError

SecretProvider = Callable[[str], str]
"""Called with a description of what is asked for (e.g. ``PIN for token 'Office'``)."""

PIN_ENV = "SHOSHO_PIN"
PASSPHRASE_ENV = "SHOSHO_PASSPHRASE"


def read_secret_file(path: str | Path) -> str:
    """The first line of ``path``, without its line ending."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise ShoshoError(f"cannot read secret file {path}: {error.strerror}") from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise ShoshoError(f"secret file {path} is empty")
    return lines[0]


def secret_provider(
    env_name: str, file: str | Path | None = None, *, interactive: bool | None = None
) -> SecretProvider:
    """A provider that tries ``file``, then the environment variable, then a terminal prompt."""

    def provide(what: str) -> str:
        if file is not None:
            return read_secret_file(file)
        value = os.environ.get(env_name)
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
