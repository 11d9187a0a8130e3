"""Offline JSON-LD: the bundled contexts, the document loader and RDFC-1.0 canonicalisation.

Only the contexts shipped in ``contexts/`` (listed in ``contexts/contexts.json`` under their
published URLs) can be loaded. Any other URL is an error naming it; nothing reaches the network.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from pyld import jsonld

from designer.errors import ShoshoError

CONTEXTS_DIR = Path(__file__).with_name("contexts")

VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


class UnknownContextError(ShoshoError):
    """A document refers to a JSON-LD context that is not bundled with the program."""

    def __init__(self, url: str) -> None:
        super().__init__(
            f"unknown JSON-LD context {url!r}: only bundled contexts are used (no network access)"
        )
        self.url = url


@cache
def _context_files() -> dict[str, Path]:
    mapping = json.loads((CONTEXTS_DIR / "contexts.json").read_text(encoding="utf-8"))
    return {url: CONTEXTS_DIR / name for url, name in mapping.items()}


def known_context_urls() -> list[str]:
    return sorted(_context_files())


@cache
def load_context(url: str) -> dict[str, Any]:
    """The parsed context document published at ``url``, from the bundled copy."""
    path = _context_files().get(url)
    if path is None:
        raise UnknownContextError(url)
    return json.loads(path.read_text(encoding="utf-8"))


def document_loader(url: str, options: dict | None = None) -> dict[str, Any]:
    """pyld document loader serving bundled contexts only."""
    return {"contextUrl": None, "documentUrl": url, "document": load_context(url)}


def _unknown_context_in(error: BaseException) -> UnknownContextError | None:
    seen: set[int] = set()
    stack: list[Any] = [error]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, UnknownContextError):
            return current
        if isinstance(current, BaseException):
            stack.extend([current.__cause__, current.__context__, getattr(current, "cause", None)])
            stack.extend(arg for arg in current.args if isinstance(arg, BaseException))
    return None


def canonicalize(document: dict[str, Any]) -> str:
    """RDFC-1.0 canonical N-Quads of ``document`` (pyld's URDNA2015, named explicitly).

    pyld's default algorithm is URGNA2012, which gives different output, so it is always named.
    """
    options = {
        "algorithm": "URDNA2015",
        "format": "application/n-quads",
        "documentLoader": document_loader,
    }
    try:
        return jsonld.normalize(document, options)
    except Exception as error:  # pyld wraps loader errors in JsonLdError chains
        unknown = _unknown_context_in(error)
        if unknown is not None:
            raise UnknownContextError(unknown.url) from None
        raise ShoshoError(f"not valid JSON-LD: {_describe(error)}") from None


def _describe(error: BaseException) -> str:
    message = str(error).splitlines()[0] if str(error) else type(error).__name__
    return message[:200]
