"""What this office's verify window trusts, beyond the installed trust list: trust lists,
did.json documents and issuer files the office chose to trust, and its own issuing key.
Each is a file in the data folder's ``trust/``, given to ``load_trust`` as ``--trust`` files
are; a trust answer always names which one vouched."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from designer.errors import ShoshoError
from designer.settings import data_home


def trust_folder() -> Path:
    return data_home() / "trust"


def trusted_files() -> list[Path]:
    folder = trust_folder()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def load_office_trust():
    """The installed trust list plus every file in :func:`trust_folder`."""
    from designer.verification.trust_store import load_trust

    return load_trust(files=trusted_files())


def trust_file(path: Path) -> Path:
    """Trust what ``path`` lists (a signed trust list, a did.json or an issuer file): it is
    checked by loading it as the verifier will, then kept."""
    from designer.verification.trust_store import load_trust

    load_trust(files=[path], installed=False)  # ShoshoError naming the file if unusable
    target = trust_folder() / path.name
    if target.exists() and target.resolve() != path.resolve():
        target = trust_folder() / f"{path.stem}-{len(trusted_files()) + 1}{path.suffix}"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, target)
    return target


def trust_own_key(public_key, profile: dict[str, Any]) -> Path:
    """Trust this office's own signing key as its issuer's (``profile``: the issuer profile),
    for credentials and printed seals alike."""
    from designer.verification.trust_list import seal_key_entry

    if not profile.get("id"):
        raise ShoshoError(
            QCoreApplication.translate(
                "", "Set up the issuer first (Tools ▸ Issuer): its ID is needed."
            )
        )
    entry: dict[str, Any] = {
        "id": profile["id"],
        "name": profile.get("name") or profile["id"],
        "sealKeys": [seal_key_entry(public_key)],
    }
    if profile.get("verify_url"):
        entry["verifyUrl"] = profile["verify_url"]
    entry_kid = entry["sealKeys"][0]["kid"]
    target = trust_folder() / f"own-key-{entry_kid[:12]}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"issuers": [entry]}, ensure_ascii=False, indent=2), "utf-8")
    return target


def default_profile() -> dict[str, Any]:
    """The issuer profile set up last in the issuer form (or chosen in settings)."""
    from designer.issue.profile import read_profile_file
    from designer.ui.settings_dialog import read_settings_file

    chosen = read_settings_file().get("issuer_profile") or {}
    path = chosen.get("file") if isinstance(chosen, dict) else chosen
    if not path:
        return {}
    try:
        return read_profile_file(Path(path))
    except ShoshoError:
        return {}
