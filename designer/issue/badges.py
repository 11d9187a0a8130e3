"""The badge image every recipient's wallet shows: the badge design rendered for the record's
achievement, baked into the PNG/SVG and given to the achievement as its ``image``.

Which design: a ``badge`` template renders itself; a template carrying ``badge.png`` /
``badge.svg`` assets uses those as they are; any other design uses the built-in badge
(``templates/badge.shosho``) with the issuer's name and the course on it.
"""

from __future__ import annotations

import base64
import io
from typing import Any

from designer.credential.build import build_achievement
from designer.issue.records import credential_record
from designer.model import Template

ACHIEVEMENT_IMAGE_PIXELS = 256
"""The achievement's image, carried inside every credential (about 10 KB): small, but sharp in
a wallet."""


def issuer_lines(profile: dict[str, Any]) -> str:
    name = profile.get("name")
    if isinstance(name, dict):
        return "\n".join(v.strip() for v in (name.get("ja"), name.get("en")) if v and v.strip())
    return name.strip() if isinstance(name, str) else ""


def badge_design(template: Template, profile: dict[str, Any]) -> Template | None:
    """The design to render badges from, or None when the template brings its own images."""
    if template.kind == "badge":
        return template
    if "badge.png" in template.assets or "badge.svg" in template.assets:
        return None
    from designer.model import load_template
    from designer.model.elements import TextElement
    from designer.resources import templates_dir

    design = load_template(templates_dir() / "badge.shosho")
    issuer = issuer_lines(profile)
    for _side, element in design.all_elements():
        if isinstance(element, TextElement) and element.name == "university":
            element.text = issuer
    return design


def achievement_name(template: Template, values: dict[str, Any], issuer_id: str) -> str:
    """The course name as the record's credential carries it."""
    from designer.issue.work import rendered_fields

    return build_achievement(
        rendered_fields(template.achievement, values), credential_record(values), issuer_id
    )["name"]


def badge_images(
    design: Template, template: Template, values: dict[str, Any], issuer_id: str
) -> tuple[bytes, str]:
    """(PNG, SVG) of the badge for this record: the course shown is the credential's."""
    from designer.render.badge import render_badge

    shown = dict(values)
    shown["course_name"] = achievement_name(template, values, issuer_id)
    png, svg = render_badge(design, shown)
    return palette_png(png), svg


def palette_png(png: bytes, pixels: int | None = None) -> bytes:
    """The PNG with a palette of 256 colours (a quarter of the bytes, no visible change),
    scaled down to ``pixels`` wide when given."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        if pixels and image.width > pixels:
            image = image.resize(
                (pixels, round(image.height * pixels / image.width)), Image.Resampling.LANCZOS
            )
        image = image.convert("RGBA").quantize(256, method=Image.Quantize.FASTOCTREE)
        buffer = io.BytesIO()
        image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def image_data_uri(png: bytes, pixels: int = ACHIEVEMENT_IMAGE_PIXELS) -> str:
    """A ``data:image/png`` URI of the badge, scaled down to ``pixels`` wide."""
    return "data:image/png;base64," + base64.b64encode(palette_png(png, pixels)).decode("ascii")
