"""The one place that touches a library's internals: asn1crypto 1.5.1's ``Asn1Value.dump``.

``dump`` reads ``self.contents`` twice; for a structure built from Python values (as pyHanko
builds every CMS signature) each read re-encodes all children, so the work doubles at every
level of nesting: about two thirds of a PDF signature's CPU time. The replacement reads it once
and returns the same bytes. It is installed only on the pinned version it was written for
(``asn1crypto==1.5.1`` in pyproject.toml); on any other version asn1crypto is left as it is.
"""

from __future__ import annotations

import asn1crypto
from asn1crypto import core

PATCHED_VERSION = "1.5.1"
_original_dump = core.Asn1Value.dump


def _dump_once(self, force=False):
    """``Asn1Value.dump`` of asn1crypto 1.5.1, with ``self.contents`` read once."""
    contents = self.contents
    # If the length is indefinite, force the re-encoding
    if self._header is not None and self._header[-1:] == b"\x80":
        force = True
    if self._header is None or force:
        if isinstance(self, core.Constructable) and self._indefinite:
            self.method = 0
        header = core._dump_header(self.class_, self.method, self.tag, contents)
        if self.explicit is not None:
            for class_, tag in self.explicit:
                header = core._dump_header(class_, 1, tag, header + contents) + header
        self._header = header
        self._trailer = b""
    return self._header + contents + self._trailer


def install() -> bool:
    """Use the single-read ``dump`` (idempotent); False when the version is not the pinned one."""
    if asn1crypto.__version__ != PATCHED_VERSION:
        return False
    core.Asn1Value.dump = _dump_once
    return True


def original_dump(value, force: bool = False) -> bytes:
    """asn1crypto's own ``dump``, for comparison in tests."""
    return _original_dump(value, force)
