"""Writing output files atomically: a temporary name in the same folder, fsync, then rename.

A crash leaves either the old complete file or the new complete file, never half of one; stray
temporary files start with ``.`` and end with ``.part`` and are removed when a batch resumes.
"""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

from designer.errors import ShoshoError

PART_SUFFIX = ".part"


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def write_atomic(path: Path, data: bytes) -> str:
    """Write ``data`` to ``path`` atomically; returns its SHA-256 (hex)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}{PART_SUFFIX}")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            _write_all(descriptor, data)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise ShoshoError(f"{path}: the disk is full; free some space and resume") from None
        raise ShoshoError(f"{path}: cannot write ({error.strerror or error})") from None
    return hashlib.sha256(data).hexdigest()


def remove_stray_parts(folder: Path) -> int:
    """Delete temporary files a killed run left behind; returns how many."""
    count = 0
    if folder.is_dir():
        for stray in folder.glob(f".*{PART_SUFFIX}"):
            stray.unlink(missing_ok=True)
            count += 1
    return count


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
