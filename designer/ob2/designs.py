"""A badge design for an imported BadgeClass: its own image where the export holds it, else the
built-in badge design with the badge's name and the issuer's name on it."""

from __future__ import annotations

import uuid
from typing import Any

from designer.model import Template, load_template
from designer.model.elements import ImageElement, TextElement
from designer.resources import templates_dir

_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")


def _issuer_name(profile: dict[str, Any]) -> str:
    name = profile.get("name")
    if isinstance(name, dict):
        return "\n".join(v for v in (name.get("ja"), name.get("en")) if v)
    return name if isinstance(name, str) else ""


def badge_design(
    achievement: dict[str, Any], image: tuple[str, bytes] | None, profile: dict[str, Any]
) -> Template:
    template = load_template(templates_dir() / "badge.shosho")
    template.id = str(uuid.uuid5(uuid.NAMESPACE_URL, "ob2-design|" + achievement["id"]))
    template.name = achievement["name"]
    template.description = (
        "Open Badges 2.0 から移行したバッジ / Badge carried over from Open Badges 2.0"
    )
    template.achievement = dict(achievement)
    template.credential = {**template.credential, "valid_until_field": "expiry_date"}
    template.required_fields = []
    template.output.filename = "{{ full_name }}"  # empty names fall back to the credential id
    side = template.front
    if image is not None and image[0].lower().endswith(_IMAGE_SUFFIXES):
        name, data = image
        asset = "badge" + name[name.rfind(".") :].lower()
        template.assets[asset] = data
        side.elements = [
            ImageElement(
                name="badge image",
                x=0.0,
                y=0.0,
                width=template.page.width,
                height=template.page.height,
                source=asset,
                fit="contain",
            )  # fmt: skip
        ]
        return template
    issuer = _issuer_name(profile)
    for element in side.elements:
        if not isinstance(element, TextElement):
            continue
        if "{{ course_name }}" in element.text:
            element.text = achievement["name"]
        elif issuer and element.name == "university":
            element.text = issuer
    return template
