"""The batch pipeline: plan (journal first), sign, render, export; resume after a crash;
progress and cancel callbacks for the GUI. Touches no widgets."""

from __future__ import annotations

from pathlib import Path

from designer.keys.demo import DEMO_KEY_FILE, DEMO_PASSPHRASE
from designer.settings import Settings

DEMO_KEY_NAME = "DEMO-KEY-not-trusted.pem"
__all__ = ["DEMO_KEY_NAME", "DEMO_PASSPHRASE", "demo_key", "open_demo_signer"]


def demo_key(settings: Settings) -> str:
    """The key reference of the demo key file in the data folder, copied there on first use.

    It is the key shipped with Shosho (``designer.keys.demo``), recognised by its public key
    and refused for any issuer but the demo issuer. A demo key file made by an older version
    (a key of its own) is replaced by it. The file name says DEMO and NOT trusted.
    """
    import os

    path: Path = settings.keys_dir / DEMO_KEY_NAME
    shipped = DEMO_KEY_FILE.read_bytes()
    if not path.exists() or path.read_bytes() != shipped:
        settings.keys_dir.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        partial.unlink(missing_ok=True)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(shipped)
        os.replace(partial, path)
    return f"file:{path}"


def open_demo_signer(settings: Settings):
    from designer.keys.references import open_signer

    return open_signer(demo_key(settings), passphrase_provider=lambda _what: DEMO_PASSPHRASE)
