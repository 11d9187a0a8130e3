"""``shosho --version`` answers at once, before any command module is imported."""

from __future__ import annotations

import subprocess
import sys

from designer import __version__


def test_version_imports_no_command_module():
    code = (
        "import sys\n"
        "from designer.cli import main\n"
        "code = main(['--version'])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('designer.commands'))\n"
        "print(code, loaded)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [f"shosho {__version__}", "0 []"]


def test_version_is_also_in_the_full_parser(capsys):
    from designer.cli import build_parser

    try:
        build_parser().parse_args(["--version"])
    except SystemExit as stop:
        assert stop.code == 0
    assert capsys.readouterr().out.strip() == f"shosho {__version__}"
