"""Command-line input that used to end in a traceback or be accepted silently."""

from __future__ import annotations

import time

import pytest

from designer.cli import main
from designer.data.fields import TemplateError, compile_template


@pytest.mark.parametrize("value", ["0", "-3", "100000", "two"])
def test_workers_out_of_range_are_usage_errors(value, capsys):
    for command in (["issue", "t.shosho"], ["render", "t.shosho"]):
        with pytest.raises(SystemExit) as caught:
            main([*command, "--workers", value])
        assert caught.value.code == 2
        assert "--workers" in capsys.readouterr().err


def _main(capsys, *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_db_that_is_not_a_database(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SHOSHO_HOME", str(tmp_path))
    not_db = tmp_path / "passwd"
    not_db.write_text("root:x:0:0:root:/root:/bin/bash\n" * 20)
    code, out = _main(capsys, "batches", "--db", f"sqlite:///{not_db}")
    assert code != 0 and "is not a Shosho database" in out
    code, out = _main(capsys, "batches", "--db", "sqlite:////proc/no-such/x.db")
    assert code != 0 and "--db" in out


def test_a_huge_qr_text_and_a_device_are_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SHOSHO_HOME", str(tmp_path))
    code, out = _main(capsys, "verify", "--no-installed-trust", "9" * 100_000)
    assert code == 2 and "longer than any QR code holds" in out and len(out) < 1000
    started = time.monotonic()
    code, out = _main(capsys, "verify", "--no-installed-trust", "/dev/zero")
    assert code != 0 and "256 MB" in out
    assert time.monotonic() - started < 60


@pytest.mark.parametrize("argument", ["1e400", "9" * 5000, "0x10"])
def test_a_number_argument_it_cannot_read_is_named(argument):
    with pytest.raises(TemplateError, match="is not allowed here") as caught:
        compile_template(f"{{{{ x | default({argument}) }}}}")
    assert "missing" not in str(caught.value)
