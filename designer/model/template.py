"""The template document: pages, sides, elements, the fields it binds and its credential
metadata. Headless: imports neither Qt nor reportlab."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from designer.model.elements import Element
from designer.model.pages import PageSize, preset_size

FORMAT_VERSION = 1


@dataclass
class PageSpec:
    preset: str | None = "A4"  # None for a custom size
    orientation: str = "portrait"  # portrait | landscape
    width: float = 210.0  # mm, always filled in (also for presets)
    height: float = 297.0
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_preset(cls, preset: str, orientation: str = "portrait") -> PageSpec:
        size = preset_size(preset, orientation)
        return cls(preset=preset, orientation=orientation, width=size.width, height=size.height)

    @property
    def size(self) -> PageSize:
        return PageSize(self.width, self.height)


@dataclass
class Side:
    """One printed face: a certificate has one, a card a front and a back."""

    name: str = "front"
    background: str = "#FFFFFF"
    elements: list[Element] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def element(self, element_id: str) -> Element:
        for element in self.elements:
            if element.id == element_id:
                return element
        raise KeyError(element_id)


@dataclass
class OutputSettings:
    filename: str = "{{ student_id }}_{{ full_name }}.pdf"
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Template:
    name: str = "Untitled"
    kind: str = "certificate"  # certificate | card | badge
    language: str = "ja"
    description: str = ""
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    page: PageSpec = field(default_factory=PageSpec)
    bleed: float = 3.0  # mm added on every edge when printing with bleed
    safe_margin: float = 5.0  # mm inside the trim edge that important content should keep to
    sides: list[Side] = field(default_factory=lambda: [Side()])
    required_fields: list[str] = field(default_factory=list)
    output: OutputSettings = field(default_factory=OutputSettings)
    achievement: dict[str, Any] = field(default_factory=dict)  # OB 3.0 Achievement metadata
    credential: dict[str, Any] = field(
        default_factory=dict
    )  # e.g. {"valid_until_field": "expiry_date"}
    extra: dict[str, Any] = field(default_factory=dict)
    # Images the template uses, by asset name. Stored under assets/ in the .shosho zip.
    assets: dict[str, bytes] = field(default_factory=dict, metadata={"transient": True})

    @property
    def front(self) -> Side:
        return self.sides[0]

    def side(self, name: str) -> Side:
        for side in self.sides:
            if side.name == name:
                return side
        raise KeyError(name)

    def all_elements(self):
        for side in self.sides:
            yield from ((side, element) for element in side.elements)
