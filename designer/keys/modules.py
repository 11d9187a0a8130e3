"""Finding the PKCS#11 module of the office's token on this computer.

The module is a shared library the token's vendor installs: OpenSC (smart cards and most
national-ID and PIV cards), Yubico's ykcs11 (YubiKey) or SoftHSM2 (a software token for
tests and training). Where it lives depends on the system, so the program looks, in order, at
``SHOSHO_PKCS11_MODULE``, the ``"pkcs11_modules"`` list in settings.json, and the usual
install paths of each system.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path

MODULE_ENV = "SHOSHO_PKCS11_MODULE"
MODULES_SETTING = "pkcs11_modules"

_LINUX_LIBDIRS = (
    "/usr/lib/x86_64-linux-gnu",
    "/usr/lib/aarch64-linux-gnu",
    "/usr/lib64",
    "/usr/lib",
    "/usr/local/lib",
)
_LINUX_LIBRARIES = (
    "softhsm/libsofthsm2.so",
    "opensc-pkcs11.so",
    "pkcs11/opensc-pkcs11.so",
    "libykcs11.so",
    "libykcs11.so.2",
)
_MACOS_MODULES = (
    "/Library/OpenSC/lib/opensc-pkcs11.so",
    "/opt/homebrew/lib/opensc-pkcs11.so",
    "/usr/local/lib/opensc-pkcs11.so",
    "/usr/local/lib/libykcs11.dylib",
    "/opt/homebrew/lib/libykcs11.dylib",
    "/opt/homebrew/lib/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
)
_WINDOWS_MODULES = (
    r"{ProgramFiles}\OpenSC Project\OpenSC\pkcs11\opensc-pkcs11.dll",
    r"{SystemRoot}\System32\opensc-pkcs11.dll",
    r"{ProgramFiles}\Yubico\Yubico PIV Tool\bin\libykcs11.dll",
    r"{SOFTHSM2_HOME}\lib\softhsm2-x64.dll",
    r"C:\SoftHSM2\lib\softhsm2-x64.dll",
)


def usual_modules(platform: str | None = None) -> list[str]:
    """Where OpenSC, ykcs11 and SoftHSM2 install their module on ``platform`` (this system)."""
    platform = platform or sys.platform
    if platform == "win32":
        folders = {
            "ProgramFiles": os.environ.get("PROGRAMFILES", r"C:\Program Files"),
            "SystemRoot": os.environ.get("SYSTEMROOT", r"C:\Windows"),
            "SOFTHSM2_HOME": os.environ.get("SOFTHSM2_HOME", r"C:\SoftHSM2"),
        }
        return list(dict.fromkeys(path.format(**folders) for path in _WINDOWS_MODULES))
    if platform == "darwin":
        return list(_MACOS_MODULES)
    return [f"{libdir}/{library}" for library in _LINUX_LIBRARIES for libdir in _LINUX_LIBDIRS]


def configured_modules(saved_settings: dict | None = None) -> list[str]:
    """``SHOSHO_PKCS11_MODULE``, then the ``"pkcs11_modules"`` setting (a path or a list)."""
    if saved_settings is None:
        saved_settings = _saved_settings()
    found = []
    if os.environ.get(MODULE_ENV):
        found.append(os.environ[MODULE_ENV])
    saved = saved_settings.get(MODULES_SETTING) or []
    if isinstance(saved, str):
        saved = [saved]
    found += [str(path) for path in saved if isinstance(path, str) and path]
    return found


def module_candidates(saved_settings: dict | None = None) -> list[str]:
    """The configured modules (even when missing, so a wrong setting shows) and the usual
    ones that exist here, each library once."""
    configured = configured_modules(saved_settings)
    return _unique(configured + [path for path in usual_modules() if Path(path).is_file()])


def default_module(saved_settings: dict | None = None) -> str | None:
    """The module to use when a key reference names none."""
    candidates = module_candidates(saved_settings)
    return candidates[0] if candidates else None


def locate_module(path_or_name: str, saved_settings: dict | None = None) -> str:
    """``path_or_name`` when it exists; else the installed module with the same library name.

    Key references keep the module path of the computer they were made on, and another
    office PC (or another system) may have the same library elsewhere. A bare RFC 7512
    ``module-name`` such as ``softhsm2`` or ``opensc-pkcs11`` is found the same way.
    """
    if Path(path_or_name).is_file():
        return path_or_name
    wanted = _library_name(path_or_name)
    for candidate in module_candidates(saved_settings):
        if Path(candidate).is_file() and _library_name(candidate) == wanted:
            return candidate
    return path_or_name


def _library_name(path: str) -> str:
    """``/usr/lib/softhsm/libsofthsm2.so`` → ``softhsm2``; ``softhsm2-x64.dll`` → ``softhsm2``."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1].lower()
    for suffix in (".so.2", ".so", ".dylib", ".dll"):
        name = name.removesuffix(suffix)
    return name.removeprefix("lib").removesuffix("-x64")


def _unique(paths: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    found = []
    for path in paths:
        key = str(Path(path).resolve()) if Path(path).exists() else path
        if key not in seen:
            seen.add(key)
            found.append(path)
    return found


def remember_module(path: str) -> None:
    """Put ``path`` first in the ``"pkcs11_modules"`` setting (Keys and tokens does this once
    a module has listed its tokens), keeping every other setting as it was."""
    from designer.settings import SETTINGS_FILE, data_home

    settings = _saved_settings()
    saved = settings.get(MODULES_SETTING) or []
    if isinstance(saved, str):
        saved = [saved]
    settings[MODULES_SETTING] = [path] + [p for p in saved if isinstance(p, str) and p != path]
    target = data_home() / SETTINGS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".json.partial")
    partial.write_text(json.dumps(settings, ensure_ascii=False, indent=2), encoding="utf-8")
    partial.replace(target)


def _saved_settings() -> dict:
    from designer.settings import SETTINGS_FILE, data_home

    path = data_home() / SETTINGS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a broken settings file is reported where settings are loaded, not here
    return data if isinstance(data, dict) else {}
