"""Property-based fuzzing of SVG assets: random SVG documents with random references are
either refused with a ShoshoError or drawn from what they hold; never a local file read in."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designer.errors import ShoshoError
from designer.render.images import check_svg, load_image_bytes

SECRET_MARK = (255, 0, 254)

references = st.one_of(
    st.just("#a"),
    st.just("data:image/png;base64,iVBORw0KGgo="),
    st.sampled_from(["/etc/passwd", "file:///etc/passwd", "secret.png", "../secret.png",
                     " /tmp/x.png", "FILE:/x", "//host/share/x.png", "http://example.com/x.png",
                     "\\\\server\\x.png", "data", "#"]),
    st.text(max_size=15),
)  # fmt: skip
attributes = st.sampled_from(["href", "xlink:href", "src", "style", "fill", "filter", "mask"])
tags = st.sampled_from(["image", "use", "rect", "circle", "feImage", "pattern", "style", "a"])


@st.composite
def svg_documents(draw) -> bytes:
    parts = []
    for _ in range(draw(st.integers(0, 8))):
        tag = draw(tags)
        attribute = draw(attributes)
        target = draw(references).replace('"', "").replace("<", "").replace("&", "")
        value = f"url({target})" if attribute in ("style", "fill", "filter", "mask") else target
        if attribute == "style":
            value = f"fill: {value}"
        body = f"@import url({target});" if tag == "style" else ""
        parts.append(f'<{tag} id="a" width="5" height="5" {attribute}="{value}">{body}</{tag}>')
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'viewBox="0 0 10 10">' + "".join(parts) + "</svg>"
    ).encode()


def _outside(value: str) -> bool:
    value = value.strip()
    return bool(value) and not value.startswith("#") and not value.lower().startswith("data:")


@settings(
    max_examples=int(os.environ.get("SHOSHO_FUZZ_EXAMPLES", "150")),
    deadline=10_000,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(svg=svg_documents())
def test_no_svg_reaching_outside_itself_is_accepted(svg):
    import re
    import xml.etree.ElementTree as ElementTree

    try:
        check_svg(svg, "fuzz.svg")
    except ShoshoError as error:
        assert "fuzz.svg" in str(error)
        return
    root = ElementTree.fromstring(svg)
    for element in root.iter():
        for name, value in element.attrib.items():
            if name.rsplit("}", 1)[-1] in ("href", "src"):
                assert not _outside(value), value
            for target in re.findall(r"url\(\s*([^)]*)\)", value):
                assert not _outside(target.strip("'\" ")), value
        if (element.text or "") and "@import" in element.text:
            raise AssertionError("an @import was accepted")


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(svg=svg_documents())
def test_what_is_accepted_is_drawn(qapp, svg):
    try:
        loaded = load_image_bytes(svg, "fuzz.svg")
    except ShoshoError:
        return
    assert loaded.kind == "png"
