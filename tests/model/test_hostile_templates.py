"""Broken and hostile ``template.json`` and ``.shosho`` files: each refused with a message
naming the side, element and field (or the entry and the limit), never a traceback."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest

from designer.errors import ShoshoError
from designer.model import Side, Template, TextElement, load_template, save_template
from designer.model.io import template_bytes


def _document() -> dict:
    template = Template(name="修了証")
    template.sides = [
        Side("front", elements=[TextElement(name="name", text="{{ full_name }}", width=80)])
    ]
    return json.loads(template_bytes(template))


def _write(tmp_path: Path, document=None, raw: bytes | None = None) -> Path:
    path = tmp_path / "t.shosho"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("template.json", raw if raw is not None else json.dumps(document))
    return path


def _element(document: dict) -> dict:
    return document["sides"][0]["elements"][0]


CASES = [
    (lambda d: d.update(format=0), "'format' must be 1 or more"),
    (lambda d: d.update(format=-3), "'format' must be 1 or more"),
    (lambda d: d.update(format=True), "no 'format' number"),
    (lambda d: _element(d).update(width="80"), "element 'name': field 'width' must be a number"),
    (lambda d: _element(d).update(style="bold"), "field 'style' must be an object"),
    (lambda d: _element(d).update(text=5), "field 'text' must be text"),
    (lambda d: d.update(achievement="Python"), "field 'achievement' must be an object"),
    (lambda d: d["sides"][0]["elements"].append(
        {"type": "shape", "name": "rule", "dash": 2}), "element 'rule': field 'dash' must be a list"),
    (lambda d: _element(d)["style"].update(size=0), "field 'style.size' must be above 0.5"),
    (lambda d: d["page"].update(width=1e308), "field 'page.width' must be between 0 and 5000"),
    (lambda d: d["page"].update(width=-10), "field 'page.width' must be between"),
    (lambda d: d["page"].update(height=0), "page: the size must be above 0 mm"),
    (lambda d: _element(d).update(x=float("nan")), "field 'x' must be a finite number"),
    (lambda d: d.update(kind="poster"), "field 'kind' must be one of certificate, card, badge"),
    (lambda d: _element(d)["style"].update(align="middle"), "field 'style.align' must be one of"),
    (lambda d: d["page"].update(preset="A0"), "field 'page.preset' must be one of"),
    (lambda d: d["sides"][0]["elements"].append(
        {"type": "border", "name": "frame", "line_width": -1}), "element 'frame': field 'line_width'"),
    (lambda d: d["sides"][0]["elements"].append({"type": "star"}), "unknown element type 'star'"),
    (lambda d: d["sides"][0].update(elements=7), "'elements' must be a list"),
]  # fmt: skip


@pytest.mark.parametrize(("change", "message"), CASES, ids=[m for _, m in CASES])
def test_each_broken_field_is_named(tmp_path, change, message):
    document = _document()
    change(document)
    path = _write(tmp_path, document)
    with pytest.raises(ShoshoError) as caught:
        load_template(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value), str(caught.value)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'{"format": 1, "bleed": ' + b"9" * 5000 + b"}", "cannot read"),
        (b"[" * 100_000 + b"]" * 100_000, "nests objects and lists more than 64 deep"),
        (b'{"format": 1, "page": {"width": 1e400}}', "finite"),
    ],
    ids=["5000-digit integer", "deep nesting", "infinity"],
)
def test_unreadable_json_values(tmp_path, raw, message):
    with pytest.raises(ShoshoError, match=message):
        load_template(_write(tmp_path, raw=raw))


def test_a_template_bomb_is_refused_without_inflating_it(tmp_path):
    path = tmp_path / "bomb.shosho"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("template.json", json.dumps(_document()))
        with archive.open("assets/logo.png", "w") as member:
            for _ in range(100):
                member.write(b"\0" * (1024 * 1024))
    with pytest.raises(ShoshoError, match=r"bomb\.shosho: assets/logo\.png unpacks to 100 MB"):
        load_template(path)


@pytest.mark.parametrize(
    "name", ["assets/../../evil.png", "../evil.json", "/etc/evil", "assets/a\\..\\b"]
)
def test_zip_slip_names_are_refused(tmp_path, name):
    path = tmp_path / "slip.shosho"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("template.json", json.dumps(_document()))
        archive.writestr(name, b"x")
    with pytest.raises(ShoshoError, match="outside the design's assets folder"):
        load_template(path)
    template = Template()
    template.assets = {"../../evil.png": b"x"}
    with pytest.raises(ShoshoError, match="would leave the assets folder"):
        save_template(template, tmp_path / "out.shosho")
    assert not (tmp_path / "out.shosho").exists()


def test_symlinks_are_refused(tmp_path):
    path = tmp_path / "link.shosho"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("template.json", json.dumps(_document()))
        info = zipfile.ZipInfo("assets/shadow.png")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/shadow")
    with pytest.raises(ShoshoError, match="symbolic link"):
        load_template(path)
    folder = tmp_path / "design"
    (folder / "assets").mkdir(parents=True)
    (folder / "template.json").write_text(json.dumps(_document()))
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0")
    (folder / "assets" / "logo.png").symlink_to(secret)
    with pytest.raises(ShoshoError, match="symbolic link"):
        load_template(folder / "template.json")


def test_a_sound_template_still_loads(tmp_path):
    template = load_template(_write(tmp_path, _document()))
    assert template.sides[0].elements[0].name == "name"
