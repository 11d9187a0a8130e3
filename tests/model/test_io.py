"""The .shosho file format: lossless round trips, future fields kept, clear errors."""

from __future__ import annotations

import json
import zipfile

import pytest

from designer.errors import ShoshoError
from designer.model import (
    BarcodeElement,
    BorderElement,
    ImageElement,
    PageSpec,
    QRElement,
    ShapeElement,
    Side,
    Template,
    TextElement,
    TextStyle,
    load_template,
    save_template,
    template_hash,
)
from designer.model.io import template_bytes


def sample_template() -> Template:
    template = Template(name="修了証", kind="card", page=PageSpec.from_preset("CR80", "landscape"))
    template.sides = [
        Side(
            "front",
            elements=[
                TextElement(
                    name="name",
                    text="{{ full_name }}",
                    x=5,
                    y=6,
                    width=40,
                    height=8,
                    style=TextStyle(font_family="IPAexGothic", size=11, writing_mode="vertical"),
                ),
                ImageElement(
                    name="photo", field="photo", x=60, y=5, width=20, height=26, fit="cover"
                ),
                QRElement(name="qr", x=60, y=33, width=18, height=18, ec_level="Q"),
                ShapeElement(shape="rect", fill="#123456", corner_radius=2, rotation=15),
                BorderElement(pattern="guilloche"),
            ],
        ),
        Side("back", elements=[BarcodeElement(symbology="codabar", content="{{ student_id }}")]),
    ]
    template.assets["logo.png"] = b"\x89PNG fake bytes are kept as they are"
    template.achievement = {
        "name": "データサイエンス基礎",
        "criteria": {"narrative": "全課程を修了"},
    }
    return template


def test_round_trip_is_lossless(tmp_path):
    template = sample_template()
    path = save_template(template, tmp_path / "card.shosho")
    loaded = load_template(path)
    assert loaded == template
    assert template_bytes(loaded) == template_bytes(template)
    assert template_hash(loaded) == template_hash(template)


def test_unknown_future_fields_survive(tmp_path):
    path = save_template(sample_template(), tmp_path / "a.shosho")
    with zipfile.ZipFile(path) as archive:
        data = json.loads(archive.read("template.json"))
        assets = {n: archive.read(n) for n in archive.namelist() if n.startswith("assets/")}
    data["printer_profile"] = {"duplex": "long-edge"}
    data["sides"][0]["elements"][0]["ruby"] = [{"base": "山田", "text": "やまだ"}]
    data["sides"][0]["elements"][0]["style"]["stroke_text"] = True
    newer = tmp_path / "newer.shosho"
    with zipfile.ZipFile(newer, "w") as archive:
        archive.writestr("template.json", json.dumps(data, ensure_ascii=False))
        for name, blob in assets.items():
            archive.writestr(name, blob)
    again = tmp_path / "again.shosho"
    save_template(load_template(newer), again)
    with zipfile.ZipFile(again) as archive:
        saved = json.loads(archive.read("template.json"))
    assert saved["printer_profile"] == {"duplex": "long-edge"}
    assert saved["sides"][0]["elements"][0]["ruby"] == [{"base": "山田", "text": "やまだ"}]
    assert saved["sides"][0]["elements"][0]["style"]["stroke_text"] is True


def test_hash_changes_with_any_edit():
    template = sample_template()
    before = template_hash(template)
    template.front.elements[0].x += 0.1
    assert template_hash(template) != before
    template.front.elements[0].x -= 0.1
    assert template_hash(template) == before
    template.assets["logo.png"] = b"other"
    assert template_hash(template) != before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a zip at all", "not a valid .shosho zip"),
        (None, "no template.json inside"),
        ("{broken", "not valid JSON (line 1"),
        (json.dumps({"format": 99, "sides": []}), "newer Shosho (template format 99)"),
        (json.dumps({"name": "x"}), "no 'format' number"),
        (
            json.dumps(
                {"format": 1, "sides": [{"elements": [{"type": "hologram", "name": "h1"}]}]}
            ),
            "element 'h1': unknown element type 'hologram'",
        ),
    ],
)
def test_bad_files_get_clear_messages(tmp_path, content, message):
    path = tmp_path / "bad.shosho"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        with zipfile.ZipFile(path, "w") as archive:
            if content is not None:
                archive.writestr("template.json", content)
            else:
                archive.writestr("other.txt", "x")
    with pytest.raises(ShoshoError) as caught:
        load_template(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


def test_missing_file(tmp_path):
    with pytest.raises(ShoshoError, match="no such template file"):
        load_template(tmp_path / "nope.shosho")
