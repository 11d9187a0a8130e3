"""The frozen program's entry point: the same ``main`` as the ``shosho`` console script.

A design double-clicked in Finder arrives as ``ShoshoApp FILE.shosho`` (argv emulation);
that means ``shosho design FILE.shosho``.
"""

import multiprocessing
import sys

from designer.cli import main


def arguments(argv: list[str]) -> list[str]:
    if len(argv) == 1 and argv[0].lower().endswith(".shosho"):
        return ["design", argv[0]]
    return argv


if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main(arguments(sys.argv[1:])))
