"""The ``shosho`` command: the GUI by default, and a subcommand for every batch job.

Each subcommand lives in its own module under ``designer.commands`` and provides
``register(subparsers)``, which adds its parser and sets ``func`` to a callable taking the
parsed arguments and returning an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from designer import __version__
from designer.errors import EXIT_USAGE, ShoshoError

# Order is the order shown in ``shosho --help``.
COMMAND_MODULES = [
    "designer.commands.demo",
    "designer.commands.render",
    "designer.commands.roster",
    "designer.commands.keys",
    "designer.commands.sign",
    "designer.commands.verify",
    "designer.commands.verify_page",
    "designer.commands.trust",
    "designer.commands.issue",
    "designer.commands.batches",
    "designer.commands.sheet",
    "designer.commands.find",
    "designer.commands.pdf",
    "designer.commands.revoke",
    "designer.commands.status",
    "designer.commands.export",
    "designer.commands.audit",
    "designer.commands.import_badges",
    "designer.commands.design",
]


MAX_WORKERS = 64
"""Each worker holds fonts, a template and open files; past this the system runs out of them."""


def worker_count(text: str) -> int:
    """argparse type for ``--workers``: a whole number from 1 to ``MAX_WORKERS``."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if not 1 <= value <= MAX_WORKERS:
        raise argparse.ArgumentTypeError(f"must be from 1 to {MAX_WORKERS}, not {value}")
    return value


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse prints usage and exits 2: keep that.
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="shosho", description="Certificates and student-ID cards, signed and printed."
    )
    parser.add_argument("--version", action="version", version=f"shosho {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # ``shosho --version`` and the desktop program (no arguments) need no command parsers:
    # building them imports every command module, most of the start-up time.
    if argv == ["--version"]:
        print(f"shosho {__version__}")
        return 0
    args = build_parser().parse_args(argv) if argv else argparse.Namespace(command=None)
    func = getattr(args, "func", None)
    try:
        if func is None:
            from designer.commands.gui import run_gui

            return run_gui(args)
        return int(func(args) or 0)
    except ShoshoError as error:
        print(f"shosho: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("shosho: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        sys.stderr.close()
        return 0
    finally:
        if "designer.keys.pkcs11_token" in sys.modules:
            sys.modules["designer.keys.pkcs11_token"].close_all_signers()


if __name__ == "__main__":
    sys.exit(main())
