"""The Linux .deb installed into a fresh Debian system, used as an office user would.

Slow (a Debian base system, the package's dependencies, the bundle): ``.ci/run`` runs it with
``pytest -m slow`` after the main suite. It builds the package with ``installer/build-linux.sh``
when ``installer/build/`` holds none. Screenshots of the designer land in
``installer/build/screenshots/``.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import time
import tomllib
from pathlib import Path

import pytest
from PIL import Image

from .fresh_root import FreshRoot, base_tarball, unpack

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("installer")]

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "installer" / "build"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
DISPLAY = f":{100 + os.getpid() % 400}"  # a number no other test run here is likely to hold
PIN = "4321"


def _deb() -> Path:
    found = sorted(BUILD.glob(f"shosho_{VERSION}_*.deb"))
    if not found:
        subprocess.run(
            ["bash", str(ROOT / "installer" / "build-linux.sh")], check=True, timeout=1200
        )
        found = sorted(BUILD.glob(f"shosho_{VERSION}_*.deb"))
    assert found, "installer/build-linux.sh made no .deb"
    return found[-1]


@pytest.fixture(scope="module")
def system(tmp_path_factory) -> FreshRoot:
    if os.geteuid() != 0:
        pytest.fail("installing into a fresh root needs root (chroot, mount)", pytrace=False)
    deb = _deb()
    fresh = unpack(base_tarball(BUILD / "rootfs"), tmp_path_factory.mktemp("fresh") / "root")
    fresh.mount()
    try:
        shutil.copy(deb, fresh.root / "tmp" / deb.name)
        # What a desktop has anyway (the MIME and menu databases), SoftHSM2 as the token,
        # and Xvfb as the screen; apt resolves the package's own dependencies.
        done = fresh.as_root(
            "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "
            f"--no-install-recommends /tmp/{deb.name} shared-mime-info desktop-file-utils "
            "softhsm2 xvfb && useradd -m office"
        )
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        yield fresh
    finally:
        fresh.unmount()


@pytest.fixture(scope="module")
def demo(system) -> Path:
    done = system.as_user("shosho demo", timeout=600)
    assert done.returncode == 0, done.stderr
    assert "30 of 30 issued" in done.stdout
    return system.home / "demo-output"


def test_package_puts_shosho_in_the_menu_with_its_icon_and_file_type(system):
    root = system.root
    assert os.readlink(root / "usr/bin/shosho") == "/opt/shosho/shosho"
    desktop = root / "usr/share/applications/shosho.desktop"
    checked = system.as_root("desktop-file-validate /usr/share/applications/shosho.desktop")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    entry = desktop.read_text()
    assert "Exec=shosho design %f" in entry and "Icon=shosho" in entry
    assert "MimeType=application/x-shosho;" in entry
    cache = (root / "usr/share/applications/mimeinfo.cache").read_text()
    assert "application/x-shosho=shosho.desktop" in cache
    assert (root / "usr/share/mime/application/x-shosho.xml").exists()
    assert "*.shosho" in (root / "usr/share/mime/globs2").read_text()
    icon = Image.open(root / "usr/share/icons/hicolor/256x256/apps/shosho.png")
    assert icon.size == (256, 256)


def test_command_line_needs_no_python(system):
    assert system.as_user("command -v python3 || command -v python").returncode != 0
    done = system.as_user("shosho --version")
    assert done.returncode == 0 and done.stdout.strip() == f"shosho {VERSION}"
    assert system.as_user("command -v shosho").stdout.strip() == "/usr/bin/shosho"


def test_demo_issues_and_verify_reads_the_printed_seal(system, demo):
    pdfs = sorted((demo / "issued" / "issued").glob("*.pdf"))
    assert len(pdfs) == 30
    for kind in ("shusho", "shojo", "student-id", "badge"):
        assert list((demo / "rendered" / kind).glob("*.pdf")), kind
    checked = system.as_user(f'shosho verify "demo-output/issued/issued/{pdfs[0].name}"')
    # The demo key is published, so the issuer is never trusted: exit 3, signature valid.
    assert checked.returncode == 3, checked.stdout + checked.stderr
    assert "SIGNATURE VALID, ISSUER NOT TRUSTED" in checked.stdout
    assert "the seal signs the attached credential" in checked.stdout
    # Data in the per-user data folder, not next to the program.
    assert (system.home / ".local/share/Shosho").is_dir()


def test_softhsm_token_key_found_without_a_module_path_signs(system, demo):
    token_env = {"SOFTHSM2_CONF": "/home/office/softhsm2.conf", "SHOSHO_PIN": PIN}
    made = system.as_user(
        "mkdir -p tokens && printf 'directories.tokendir = /home/office/tokens\\n' >softhsm2.conf"
        f" && softhsm2-util --init-token --free --label Office --so-pin 87654321 --pin {PIN}",
        env=token_env,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    uri = "pkcs11:token=Office;object=issuer-2026"  # no module-path: found where Debian puts it
    generated = system.as_user(f"shosho keys generate --key '{uri}' --type ed25519", env=token_env)
    assert generated.returncode == 0, generated.stdout + generated.stderr

    issued = sorted((demo / "issued" / "issued").glob("*.json"))[0]
    credential = json.loads(issued.read_text(encoding="utf-8"))
    for key in ("proof", "credentialStatus"):
        credential.pop(key)
    credential["issuer"]["id"] = "did:web:school.example"
    (system.home / "unsigned.json").write_text(json.dumps(credential, ensure_ascii=False))
    signed = system.as_user(
        f"shosho sign unsigned.json --key '{uri}' --out signed.json", env=token_env
    )
    assert signed.returncode == 0, signed.stdout + signed.stderr
    did = system.as_user(
        f"shosho keys did --key '{uri}' --web school.example --out did.json", env=token_env
    )
    assert did.returncode == 0, did.stdout + did.stderr
    untrusted = system.as_user("shosho verify signed.json")
    assert untrusted.returncode == 3 and "SIGNATURE VALID" in untrusted.stdout
    trusted = system.as_user("shosho verify signed.json --trust did.json")
    assert trusted.returncode == 0, trusted.stdout + trusted.stderr
    assert "VERIFIED" in trusted.stdout


@pytest.mark.parametrize(
    ("language", "opened"),
    [("ja_JP.UTF-8", None), ("en_US.UTF-8", None), ("ja_JP.UTF-8", "修了証.shosho")],
    ids=["start-page-ja", "start-page-en", "double-clicked-design"],
)
def test_designer_window_opens_on_the_desktop(system, language, opened):
    """The menu entry's command, with a double-clicked design in place of %f when given."""
    entry = (system.root / "usr/share/applications/shosho.desktop").read_text()
    command = next(line[5:] for line in entry.splitlines() if line.startswith("Exec="))
    if opened:
        copied = system.as_user(
            f"cp /opt/shosho/_internal/designer/_templates/shusho.shosho '{opened}'"
        )
        assert copied.returncode == 0, copied.stderr
    command = command.replace("%f", f"'{opened}'" if opened else "")
    screen = system.root / "tmp" / "screen"
    screen.mkdir(exist_ok=True)
    for old in screen.iterdir():
        old.unlink()
    server = subprocess.Popen(
        [
            "chroot",
            str(system.root),
            "Xvfb",
            DISPLAY,
            "-screen",
            "0",
            "1280x800x24",
            "-nolisten",
            "tcp",
            "-fbdir",
            "/tmp/screen",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    program = None
    try:
        framebuffer = screen / "Xvfb_screen0"
        _wait_for(lambda: framebuffer.exists(), 30, "Xvfb did not start")
        blank = _screenshot(framebuffer)
        program = system.popen_user(
            command, env={"DISPLAY": DISPLAY, "LANG": language, "LC_ALL": language}
        )
        _wait_for(
            lambda: _differs(_screenshot(framebuffer), blank) or program.poll() is not None,
            90,
            "no window appeared",
        )
        time.sleep(8 if not opened else 15)  # let the page (or the design) finish drawing
        assert program.poll() is None, program.communicate()[1]
        shot = _screenshot(framebuffer)
        out = BUILD / "screenshots"
        out.mkdir(parents=True, exist_ok=True)
        shot.save(out / f"designer-{'design' if opened else 'start'}-{language[:2]}.png")
        colours = shot.getcolors(maxcolors=1 << 16)
        assert colours is None or len(colours) > 50, "the window shows almost nothing"
    finally:
        if program is not None:
            program.terminate()
            try:
                _, errors = program.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                program.kill()
                _, errors = program.communicate()
            assert "Traceback" not in errors, errors
        server.terminate()
        server.wait(timeout=20)


def test_uninstall_keeps_the_users_data(system, demo):
    removed = system.as_root("DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq shosho")
    assert removed.returncode == 0, removed.stderr
    assert not (system.root / "opt/shosho").exists()
    assert not (system.root / "usr/bin/shosho").is_symlink()
    assert not (system.root / "usr/share/applications/shosho.desktop").exists()
    cache = system.root / "usr/share/applications/mimeinfo.cache"
    assert "shosho.desktop" not in (cache.read_text() if cache.exists() else "")
    data = system.home / ".local/share/Shosho"
    assert data.is_dir() and any(data.iterdir())
    assert list((demo / "issued" / "issued").glob("*.pdf"))


def _wait_for(condition, seconds: float, message: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(message)
        time.sleep(0.5)


def _differs(a: Image.Image, b: Image.Image) -> bool:
    return a.tobytes() != b.tobytes()


def _screenshot(framebuffer: Path) -> Image.Image:
    """The Xvfb screen, read from its XWD framebuffer file (24-bit TrueColor, 32 bits a pixel)."""
    data = framebuffer.read_bytes()
    header = struct.unpack(">25I", data[:100])
    header_size, width, height = header[0], header[4], header[5]
    byte_order, bits_per_pixel, bytes_per_line, ncolours = (
        header[7],
        header[11],
        header[12],
        header[19],
    )
    assert bits_per_pixel == 32, bits_per_pixel
    start = header_size + ncolours * 12
    mode = "BGRX" if byte_order == 0 else "XRGB"
    pixels = data[start : start + bytes_per_line * height]
    return Image.frombuffer("RGB", (width, height), pixels, "raw", mode, bytes_per_line, 1)
