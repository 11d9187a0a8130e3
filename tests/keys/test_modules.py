"""Finding the token's PKCS#11 module: the setting, the usual paths, and moved modules."""

from __future__ import annotations

import json

import pytest

from designer.errors import UsageError
from designer.keys import modules
from designer.keys.modules import (
    MODULE_ENV,
    configured_modules,
    default_module,
    locate_module,
    module_candidates,
    remember_module,
    usual_modules,
)
from designer.keys.references import parse_pkcs11_uri


@pytest.fixture
def no_configured_module(monkeypatch, tmp_path):
    monkeypatch.delenv(MODULE_ENV, raising=False)
    monkeypatch.setenv("SHOSHO_HOME", str(tmp_path / "home"))


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """A fake install tree standing in for the system's library folders."""
    folder = tmp_path / "lib"
    (folder / "softhsm").mkdir(parents=True)
    softhsm = folder / "softhsm" / "libsofthsm2.so"
    softhsm.write_bytes(b"\x7fELF")
    opensc = folder / "opensc-pkcs11.so"
    opensc.write_bytes(b"\x7fELF")
    monkeypatch.setattr(modules, "usual_modules", lambda platform=None: [str(softhsm), str(opensc)])
    return softhsm, opensc


def test_usual_paths_cover_each_vendor_on_each_system():
    for platform in ("linux", "darwin", "win32"):
        paths = " ".join(usual_modules(platform)).lower()
        for library in ("opensc-pkcs11", "ykcs11", "softhsm2"):
            assert library in paths, (platform, library)
    assert "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so" in usual_modules("linux")
    assert r"C:\Program Files\OpenSC Project\OpenSC\pkcs11\opensc-pkcs11.dll" in usual_modules(
        "win32"
    )
    assert "/Library/OpenSC/lib/opensc-pkcs11.so" in usual_modules("darwin")


def test_environment_then_setting_then_usual_paths(no_configured_module, installed, monkeypatch):
    softhsm, opensc = installed
    assert module_candidates({}) == [str(softhsm), str(opensc)]
    assert default_module({"pkcs11_modules": [str(opensc)]}) == str(opensc)
    assert configured_modules({"pkcs11_modules": "/opt/vendor/lib.so"}) == ["/opt/vendor/lib.so"]
    monkeypatch.setenv(MODULE_ENV, "/opt/from-env.so")
    assert configured_modules({"pkcs11_modules": [str(opensc)]}) == [
        "/opt/from-env.so",
        str(opensc),
    ]


def test_setting_is_read_from_settings_json(no_configured_module, installed, tmp_path):
    _, opensc = installed
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.json").write_text(json.dumps({"pkcs11_modules": [str(opensc)]}))
    assert default_module() == str(opensc)


def test_reference_without_module_uses_the_installed_one(no_configured_module, installed):
    softhsm, _ = installed
    ref = parse_pkcs11_uri("pkcs11:token=Office;object=issuer-2026")
    assert ref.module_path == str(softhsm)


def test_reference_made_on_another_computer_finds_the_module_here(no_configured_module, installed):
    softhsm, opensc = installed
    moved = parse_pkcs11_uri(
        "pkcs11:token=Office;object=k?module-path=/usr/local/lib/softhsm/libsofthsm2.so"
    )
    assert moved.module_path == str(softhsm)
    windows = parse_pkcs11_uri(
        r"pkcs11:token=Office;object=k?module-path=C:\SoftHSM2\lib\softhsm2-x64.dll"
    )
    assert windows.module_path == str(softhsm)
    by_name = parse_pkcs11_uri("pkcs11:token=Card;object=k?module-name=opensc-pkcs11")
    assert by_name.module_path == str(opensc)
    assert locate_module("/nowhere/libunknown.so") == "/nowhere/libunknown.so"


def test_no_module_anywhere_says_what_to_set(no_configured_module, monkeypatch):
    monkeypatch.setattr(modules, "usual_modules", lambda platform=None: [])
    with pytest.raises(UsageError) as raised:
        parse_pkcs11_uri("pkcs11:token=Office;object=issuer-2026")
    message = str(raised.value)
    assert MODULE_ENV in message and "pkcs11_modules" in message and "settings.json" in message


def test_remembered_module_comes_first_once(no_configured_module, installed, tmp_path):
    softhsm, opensc = installed
    remember_module(str(opensc))
    remember_module(str(softhsm))
    remember_module(str(opensc))
    saved = json.loads((tmp_path / "home" / "settings.json").read_text())
    assert saved["pkcs11_modules"] == [str(opensc), str(softhsm)]
    assert default_module() == str(opensc)
