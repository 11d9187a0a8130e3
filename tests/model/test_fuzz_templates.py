"""Property-based fuzzing of designs: random changes to ``template.json`` and random entries
in ``.shosho`` zips are loaded or refused with a ShoshoError, never a traceback; saving what
loads writes nothing outside the output folder."""

from __future__ import annotations

import copy
import json
import os
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designer.errors import ShoshoError
from designer.model import (
    BorderElement,
    ImageElement,
    QRElement,
    ShapeElement,
    Side,
    Template,
    TextElement,
    load_template,
    save_template,
)
from designer.model.io import template_bytes


def _seed() -> dict:
    template = Template(name="修了証")
    template.sides = [
        Side(
            "front",
            elements=[
                TextElement(name="name", text="{{ full_name }}", width=80),
                ImageElement(name="logo", source="logo.png"),
                QRElement(name="seal"),
                ShapeElement(name="rule", dash=[1.0, 2.0]),
                BorderElement(name="frame"),
            ],
        )
    ]
    return json.loads(template_bytes(template))


SEED = _seed()

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=10,
)


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


PATHS = [p for p in _paths(SEED) if p]


@st.composite
def mutated_document(draw) -> dict:
    document = copy.deepcopy(SEED)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(PATHS))
        parent = document
        try:
            for key in path[:-1]:
                parent = parent[key]
            if draw(st.booleans()):
                parent[path[-1]] = draw(json_values)
            elif isinstance(parent, dict):
                parent.pop(path[-1], None)
        except (KeyError, IndexError, TypeError):
            continue
    return document


_SETTINGS = settings(
    max_examples=int(os.environ.get("SHOSHO_FUZZ_EXAMPLES", "80")),
    deadline=10_000,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@_SETTINGS
@given(document=mutated_document())
def test_mutated_template_json_loads_or_is_refused(tmp_path, document):
    path = tmp_path / "t.shosho"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("template.json", json.dumps(document))
    try:
        template = load_template(path)
    except ShoshoError as error:
        assert str(path) in str(error)
        return
    out = tmp_path / "out"
    save_template(template, out / "again.shosho")
    assert load_template(out / "again.shosho").sides


entry_names = st.one_of(
    st.sampled_from(["assets/logo.png", "assets/../../x", "../x", "/abs", "assets/a/../../b",
                     "assets/", "template.json", "assets/C:\\x", "assets/\u202ex.png"]),
    st.text(min_size=1, max_size=30).map(lambda t: "assets/" + t),
)  # fmt: skip


@_SETTINGS
@given(entries=st.lists(st.tuples(entry_names, st.binary(max_size=200)), max_size=5))
def test_random_zip_entries_never_leave_the_output_folder(tmp_path, entries):
    path = tmp_path / "in" / "t.shosho"
    path.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("template.json", json.dumps(SEED))
        for name, data in entries:
            try:
                archive.writestr(name, data)
            except (ValueError, UnicodeEncodeError):
                continue
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    try:
        template = load_template(path)
    except ShoshoError:
        return
    out = tmp_path / "out"
    save_template(template, out / "t.shosho")
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    created = set(after) - set(before)
    assert all(p.parts[0] == "out" for p in created), created
    with zipfile.ZipFile(out / "t.shosho") as archive:
        for name in archive.namelist():
            assert ".." not in name.split("/") and not name.startswith("/")
