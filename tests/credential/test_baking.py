"""Baking credentials into PNG and SVG, and reading them back."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image

from designer.credential.baking import bake_png, bake_svg, read_baked, read_png, read_svg
from designer.errors import ShoshoError

DATA = Path(__file__).with_name("data")
JWS = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJ4In0.c2ln"
CREDENTIAL = json.dumps(
    {"id": "urn:uuid:1", "name": "データサイエンス基礎 修了"}, ensure_ascii=False
)


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("payload", [CREDENTIAL, JWS])
def test_png_round_trip_keeps_the_image(payload):
    baked = bake_png(_png(), payload)
    assert read_png(baked) == payload
    assert baked.count(b"iTXt") == 1 and b"openbadgecredential\x00\x00\x00" in baked
    assert Image.open(io.BytesIO(baked)).size == (8, 8)
    with pytest.raises(ShoshoError, match="already"):
        bake_png(baked, payload)
    assert read_png(bake_png(baked, JWS, replace=True)) == JWS


@pytest.mark.parametrize("payload", [CREDENTIAL, JWS])
def test_svg_round_trip(payload):
    svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    baked = bake_svg(svg, payload)
    assert 'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"' in baked
    assert baked.index("<openbadges:credential") > baked.index("<svg")
    assert read_svg(baked) == payload
    assert "<rect" in baked


@pytest.mark.parametrize(
    "name", ["simple-json.png", "simple-json.svg", "simple-jwt.png", "simple-jwt.svg"]
)
def test_1edtech_baked_samples_are_read(name):
    payload = read_baked((DATA / name).read_bytes(), name)
    if "json" in name:
        assert json.loads(payload)["type"][-1] == "OpenBadgeCredential"
    else:
        assert payload.startswith("eyJ") and payload.count(".") == 2


def test_damaged_images_give_clear_errors():
    baked = bake_png(_png(), CREDENTIAL)
    with pytest.raises(ShoshoError, match="truncated|damaged"):
        read_png(baked[:-20])
    with pytest.raises(ShoshoError, match="no baked credential"):
        read_png(_png())
    with pytest.raises(ShoshoError, match="not well-formed"):
        read_svg("<svg><openbadges:credential>")
