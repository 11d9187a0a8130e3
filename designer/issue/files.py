"""Writing output files atomically: a temporary name in the same folder, fsync, then rename.

A crash leaves either the old complete file or the new complete file, never half of one; stray
temporary files start with ``.`` and end with ``.part`` and are removed when a batch resumes.
"""

from __future__ import annotations

import ctypes
import errno
import functools
import hashlib
import os
import sys
from pathlib import Path

from designer.errors import ShoshoError

PART_SUFFIX = ".part"


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> str:
    """Write ``data`` to ``path`` atomically; returns its SHA-256 (hex).

    ``durable=False`` skips the per-file fsync: the batch pipeline writes many files, then makes
    them all durable at once with ``flush_folder`` before it marks them done in the store.
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}{PART_SUFFIX}")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            _write_all(descriptor, data)
            if durable:
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


def flush_folder(folder: Path, names: list[str]) -> None:
    """Make the files ``names`` in ``folder`` and their renames durable (survive a power cut).

    On Linux one ``syncfs`` covers them all; elsewhere each file, then the folder, is fsynced.
    """
    if _syncfs(folder):
        return
    for name in names:
        _fsync_path(folder / name, os.O_RDONLY)
    if os.name == "posix":
        _fsync_path(folder, os.O_RDONLY)


def _fsync_path(path: Path, flags: int) -> None:
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise ShoshoError(f"{path}: cannot open to save it to disk ({error.strerror})") from None
    try:
        os.fsync(descriptor)
    except OSError as error:
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise ShoshoError(f"{path}: the disk is full; free some space and resume") from None
        raise ShoshoError(f"{path}: cannot save to disk ({error.strerror})") from None
    finally:
        os.close(descriptor)


def _syncfs(folder: Path) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    libc = _libc()
    if libc is None:
        return False
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        if libc.syncfs(descriptor) != 0:
            code = ctypes.get_errno()
            if code in (errno.ENOSPC, errno.EDQUOT):
                raise ShoshoError(f"{folder}: the disk is full; free some space and resume")
            raise ShoshoError(f"{folder}: cannot save files to disk ({os.strerror(code)})")
    finally:
        os.close(descriptor)
    return True


@functools.cache
def _libc():
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.syncfs  # noqa: B018 - present since glibc 2.14
    except (OSError, AttributeError):
        return None
    return libc


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
