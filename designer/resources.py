"""Where the files that ship with Shosho live: bundled fonts, built-in templates, spec data."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def assets_dir() -> Path:
    """``assets/`` of a source checkout, or ``designer/_assets`` inside an installed wheel."""
    return _first_existing(_PACKAGE.parent / "assets", _PACKAGE / "_assets")


def fonts_dir() -> Path:
    return assets_dir() / "fonts"


def templates_dir() -> Path:
    """The built-in templates (``templates/`` of the checkout)."""
    return _first_existing(_PACKAGE.parent / "templates", _PACKAGE / "_templates")


def docs_dir() -> Path:
    """The documentation (``docs/`` of the checkout): the user guide the Help menu opens."""
    return _first_existing(_PACKAGE.parent / "docs", _PACKAGE / "_docs")


def examples_dir() -> Path:
    return _first_existing(_PACKAGE.parent / "examples", _PACKAGE / "_examples")
