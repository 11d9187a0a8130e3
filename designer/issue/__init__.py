"""The batch pipeline: plan (journal first), sign, render, export; resume after a crash;
progress and cancel callbacks for the GUI. Touches no widgets."""

from __future__ import annotations

from pathlib import Path

from designer.settings import Settings

DEMO_KEY_NAME = "DEMO-KEY-not-trusted.pem"
DEMO_PASSPHRASE = "shosho-demo-key"
"""The demo key's passphrase is public on purpose: it is a demo key, never trusted."""


def demo_key(settings: Settings) -> str:
    """The key reference of the demo key file in the data folder, creating it on first use.

    The file name says DEMO and NOT trusted wherever it is shown; the verifier never trusts it.
    """
    from designer.keys.keyfile import create_key_file

    path: Path = settings.keys_dir / DEMO_KEY_NAME
    if not path.exists():
        settings.keys_dir.mkdir(parents=True, exist_ok=True)
        create_key_file(path, "ed25519", DEMO_PASSPHRASE)
    return f"file:{path}"


def open_demo_signer(settings: Settings):
    from designer.keys.references import open_signer

    return open_signer(demo_key(settings), passphrase_provider=lambda _what: DEMO_PASSPHRASE)
