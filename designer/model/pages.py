"""Page sizes in millimetres: the presets offices use, and custom sizes."""

from __future__ import annotations

from dataclasses import dataclass

# Portrait width x height in millimetres.
PAGE_PRESETS: dict[str, tuple[float, float]] = {
    "A3": (297.0, 420.0),
    "A4": (210.0, 297.0),
    "A5": (148.0, 210.0),
    "B4": (257.0, 364.0),  # JIS B4
    "B5": (182.0, 257.0),  # JIS B5
    "Letter": (215.9, 279.4),
    "CR80": (53.98, 85.60),  # ISO/IEC 7810 ID-1 card
    "Square": (100.0, 100.0),
}


@dataclass(frozen=True)
class PageSize:
    width: float
    height: float

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def preset_size(name: str, orientation: str = "portrait") -> PageSize:
    """Size of a preset such as ``"A4"`` in the given orientation (``portrait``/``landscape``)."""
    if name not in PAGE_PRESETS:
        known = ", ".join(PAGE_PRESETS)
        raise KeyError(f"unknown page size {name!r} (known: {known})")
    short, long = sorted(PAGE_PRESETS[name])
    if name == "Square":
        return PageSize(short, long)
    if orientation == "landscape":
        return PageSize(long, short)
    return PageSize(short, long)
