"""Errors a user can cause, and the exit codes the command line maps them to.

Anything raised as a ``ShoshoError`` is shown to the user as its message alone, never as a
traceback. The message must name what is wrong and where (file, row, column, element).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_DATA_ERROR = 1
EXIT_USAGE = 2
EXIT_UNTRUSTED = 3


class ShoshoError(Exception):
    """A problem caused by input the user gave: a file, a roster, a key, a template."""

    exit_code = EXIT_DATA_ERROR


class UsageError(ShoshoError):
    """The command was called the wrong way (unknown option, missing argument, bad value)."""

    exit_code = EXIT_USAGE
