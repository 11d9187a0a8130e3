"""A fresh Debian system in a folder (debootstrap), to install the .deb into as an office would.

The base system is made once with ``debootstrap --variant=minbase`` from the Debian registry and
kept as a tarball under ``installer/build/``; every test run unpacks a new copy, so nothing of
an earlier run (nor the developer's Python, venv or packages) is there.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SUITE = "bookworm"
MIRROR = "http://deb.debian.org/debian"
USER = "office"


class FreshRoot:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.mounted: list[Path] = []

    @property
    def home(self) -> Path:
        return self.root / "home" / USER

    def mount(self) -> None:
        for source, target, args in (
            ("proc", "proc", ["-t", "proc"]),
            ("/dev", "dev", ["--bind"]),
        ):
            where = self.root / target
            subprocess.run(["mount", *args, source, str(where)], check=True)
            self.mounted.append(where)
        shutil.copy("/etc/resolv.conf", self.root / "etc" / "resolv.conf")

    def unmount(self) -> None:
        for where in reversed(self.mounted):
            subprocess.run(["umount", "-l", str(where)], check=False)
        self.mounted.clear()

    def as_root(self, command: str, timeout: float = 900) -> subprocess.CompletedProcess:
        return subprocess.run(
            [
                "chroot",
                str(self.root),
                "/usr/bin/env",
                "-i",
                *_base_env("/root"),
                "sh",
                "-c",
                command,
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def as_user(
        self, command: str, env: dict[str, str] | None = None, timeout: float = 300
    ) -> subprocess.CompletedProcess:
        """``command`` in the office user's home, with a clean login environment."""
        extra = [f"{key}={value}" for key, value in (env or {}).items()]
        return subprocess.run(
            [
                "chroot",
                f"--userspec={USER}:{USER}",
                str(self.root),
                "/usr/bin/env",
                "-i",
                *_base_env(f"/home/{USER}"),
                *extra,
                "sh",
                "-c",
                f"cd /home/{USER} && {command}",
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def popen_user(self, command: str, env: dict[str, str]) -> subprocess.Popen:
        extra = [f"{key}={value}" for key, value in env.items()]
        return subprocess.Popen(
            [
                "chroot",
                f"--userspec={USER}:{USER}",
                str(self.root),
                "/usr/bin/env",
                "-i",
                *_base_env(f"/home/{USER}"),
                *extra,
                "sh",
                "-c",
                f"cd /home/{USER} && exec {command}",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )


def _base_env(home: str) -> list[str]:
    return [f"HOME={home}", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8"]


def base_tarball(cache: Path) -> Path:
    """The debootstrapped base system, made on first use."""
    tarball = cache / f"debian-{SUITE}-minbase.tar"
    if tarball.exists():
        return tarball
    debootstrap = shutil.which("debootstrap") or "/usr/sbin/debootstrap"
    if not Path(debootstrap).exists():
        subprocess.run(["apt-get", "install", "-y", "-qq", "debootstrap"], check=True)
    staging = cache / "debootstrap"
    shutil.rmtree(staging, ignore_errors=True)
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [debootstrap, "--variant=minbase", SUITE, str(staging), MIRROR],
        check=True,
        capture_output=True,
    )
    partial = tarball.with_suffix(".partial")
    subprocess.run(["tar", "-C", str(staging), "-cf", str(partial), "."], check=True)
    partial.rename(tarball)
    shutil.rmtree(staging, ignore_errors=True)
    return tarball


def unpack(tarball: Path, root: Path) -> FreshRoot:
    root.mkdir(parents=True)
    subprocess.run(["tar", "-C", str(root), "-xf", str(tarball)], check=True)
    return FreshRoot(root)
