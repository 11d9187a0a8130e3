"""What the first-run set-up on the start page has done: the issuer profile and a signing key."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SetupState:
    issuer: str | None  # the institution's name (or its profile file), when set
    key: str | None  # the key reference the issue wizard last used, when any

    @property
    def complete(self) -> bool:
        return bool(self.issuer and self.key)


def setup_state() -> SetupState:
    from designer.ui.issue_wizard import LAST_KEY, ui_settings
    from designer.ui.settings_dialog import read_settings_file

    profile = read_settings_file().get("issuer_profile") or {}
    if isinstance(profile, str):
        profile = {"file": profile}
    issuer = None
    if isinstance(profile, dict):
        names = (str(profile.get(k) or "").strip() for k in ("name_ja", "name_en", "file"))
        issuer = next((name for name in names if name), None)
    key = str(ui_settings().value(LAST_KEY, "") or "").strip() or None
    return SetupState(issuer=issuer, key=key)
