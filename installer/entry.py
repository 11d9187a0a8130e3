"""The frozen program's entry point: the same ``main`` as the ``shosho`` console script."""

import multiprocessing
import sys

from designer.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
