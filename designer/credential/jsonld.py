"""Offline JSON-LD: the bundled contexts, the document loader and RDFC-1.0 canonicalisation.

Only the contexts shipped in ``contexts/`` (listed in ``contexts/contexts.json`` under their
published URLs) can be loaded. Any other URL is an error naming it; nothing reaches the network.
"""

from __future__ import annotations

import json
import re
import threading
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


class UndefinedTermError(ShoshoError):
    """A document holds terms or identifiers that do not map to absolute IRIs.

    Canonicalisation drops them silently, so a signature would not cover them: they could be
    added or changed after signing. JSON-LD safe mode (Digital Bazaar's verifier) refuses
    such documents; so does Shosho, when signing and when verifying.
    """

    def __init__(self, problems: list[str]) -> None:
        shown = "; ".join(problems[:5]) + (
            f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        )
        super().__init__(f"content the signature cannot cover (JSON-LD safe mode): {shown}")
        self.problems = problems


_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$")
_BLANK_NODE = re.compile(r"^_:[^\s]+$")


def _static_loader(url: str, options: dict | None = None) -> dict[str, Any]:
    """The bundled loader, tagged static so pyld keeps the processed contexts between calls."""
    return {**document_loader(url, options), "tag": "static"}


def undefined_terms(document: dict[str, Any], processor: Any = None) -> list[str]:
    """What of ``document`` canonicalisation would drop, each named: properties the contexts
    do not define, and relative ``type`` or ``id`` values. Empty when everything is covered.

    ``processor`` is a pyld ``JsonLdProcessor`` to expand with (a batch passes the one it
    canonicalises with, whose processed contexts it keeps); by default a fresh one."""
    dropped: list[str] = []

    def on_dropped(expanded: str | None) -> None:
        dropped.append(
            f"property {expanded!r} is not defined by the contexts"
            if expanded
            else "a property defined as null in the contexts"
        )

    options = {"documentLoader": _static_loader, "base": None}
    try:
        if processor is None:
            expanded = jsonld.JsonLdProcessor(on_property_dropped=on_dropped).expand(
                document, options
            )
        else:
            with _PROCESSOR_LOCK:
                saved = processor.on_property_dropped
                processor.on_property_dropped = on_dropped
                try:
                    expanded = processor.expand(document, options)
                finally:
                    processor.on_property_dropped = saved
    except Exception as error:
        unknown = _unknown_context_in(error)
        if unknown is not None:
            raise UnknownContextError(unknown.url) from None
        raise ShoshoError(f"not valid JSON-LD: {_describe(error)}") from None
    problems = list(dict.fromkeys(dropped))
    _relative_references(expanded, problems)
    return problems


_PROCESSOR_LOCK = threading.Lock()


def _relative_references(node: Any, problems: list[str]) -> None:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, list):
            stack.extend(current)
            continue
        if not isinstance(current, dict):
            continue
        for key, value in current.items():
            if key == "@id" and isinstance(value, str):
                if not (_ABSOLUTE_IRI.match(value) or _BLANK_NODE.match(value)):
                    _note(problems, f"id {value!r} is not an absolute IRI")
            elif key == "@type" and "@value" not in current:
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, str) and not _ABSOLUTE_IRI.match(item):
                        _note(problems, f"type {item!r} is not defined by the contexts")
            elif isinstance(value, list | dict) and key != "@value":
                stack.append(value)


def _note(problems: list[str], problem: str) -> None:
    if problem not in problems:
        problems.append(problem)


def require_defined_terms(document: dict[str, Any], processor: Any = None) -> None:
    """Raise ``UndefinedTermError`` unless every term and reference of ``document`` maps to an
    absolute IRI (see ``undefined_terms``)."""
    problems = undefined_terms(document, processor)
    if problems:
        raise UndefinedTermError(problems)


def _describe(error: BaseException) -> str:
    message = str(error).splitlines()[0] if str(error) else type(error).__name__
    return message[:200]
