"""Reading and writing ``.shosho`` files.

A ``.shosho`` file is a zip holding ``template.json`` (versioned by its ``"format"`` number) and
``assets/`` (the images the template uses). Loading then saving gives back the same document,
including fields this version does not know. See docs/template-format.md.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from designer.errors import ShoshoError
from designer.model.elements import ELEMENT_TYPES, Element
from designer.model.serial import from_dict, to_dict
from designer.model.template import FORMAT_VERSION, Side, Template

TEMPLATE_ENTRY = "template.json"
ASSETS_PREFIX = "assets/"

# format N -> function turning a format-N document into format N+1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def template_to_json(template: Template) -> dict[str, Any]:
    data = {"format": FORMAT_VERSION}
    data.update(to_dict(template))
    return data


def template_from_json(data: dict[str, Any], source: str = "template") -> Template:
    """Build a Template from parsed ``template.json`` data, migrating older formats."""
    if not isinstance(data, dict):
        raise ShoshoError(f"{source}: template.json must hold a JSON object")
    data = dict(data)
    version = data.pop("format", None)
    if not isinstance(version, int):
        raise ShoshoError(f"{source}: template.json has no 'format' number")
    if version > FORMAT_VERSION:
        raise ShoshoError(
            f"{source}: saved by a newer Shosho (template format {version}); "
            f"this version reads formats up to {FORMAT_VERSION}"
        )
    while version < FORMAT_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    sides_data = data.pop("sides", None)
    try:
        template = from_dict(Template, data)
    except (TypeError, ValueError) as error:
        raise ShoshoError(f"{source}: {error}") from None
    if sides_data is not None:
        if not isinstance(sides_data, list) or not sides_data:
            raise ShoshoError(f"{source}: 'sides' must be a non-empty list")
        template.sides = [_side_from_json(side, source) for side in sides_data]
    return template


def _side_from_json(data: Any, source: str) -> Side:
    if not isinstance(data, dict):
        raise ShoshoError(f"{source}: each side must be a JSON object")
    data = dict(data)
    elements = data.pop("elements", [])
    side = from_dict(Side, data)
    side.elements = [_element_from_json(item, side.name, source) for item in elements]
    return side


def _element_from_json(data: Any, side_name: str, source: str) -> Element:
    if not isinstance(data, dict):
        raise ShoshoError(f"{source}: side {side_name!r}: each element must be a JSON object")
    data = dict(data)
    kind = data.pop("type", None)
    cls = ELEMENT_TYPES.get(kind)
    where = f"{source}: side {side_name!r}, element {data.get('name') or data.get('id') or '?'!r}"
    if cls is None:
        known = ", ".join(ELEMENT_TYPES)
        raise ShoshoError(f"{where}: unknown element type {kind!r} (known: {known})")
    try:
        return from_dict(cls, data)
    except (TypeError, ValueError) as error:
        raise ShoshoError(f"{where}: {error}") from None


def element_to_json(element: Element) -> dict[str, Any]:
    data = {"type": element.TYPE}
    data.update(to_dict(element))
    return data


def _json_default(obj: Any) -> Any:
    raise TypeError(f"cannot store {type(obj).__name__} in a template")


def _dump(template: Template) -> bytes:
    data = template_to_json(template)
    data["sides"] = [
        {
            **{k: v for k, v in to_dict(side).items() if k != "elements"},
            "elements": [element_to_json(e) for e in side.elements],
        }
        for side in template.sides
    ]
    text = json.dumps(data, ensure_ascii=False, indent=2, default=_json_default)
    return text.encode("utf-8") + b"\n"


def template_bytes(template: Template) -> bytes:
    """The ``template.json`` bytes exactly as saved."""
    return _dump(template)


def template_hash(template: Template) -> str:
    """SHA-256 over the template JSON and every asset: the identity of an exact design."""
    digest = hashlib.sha256()
    digest.update(_dump(template))
    for name in sorted(template.assets):
        digest.update(b"\0asset\0" + name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(template.assets[name]).digest())
    return digest.hexdigest()


def save_template(template: Template, path: str | os.PathLike[str]) -> Path:
    """Write a ``.shosho`` file atomically (a temporary file renamed into place)."""
    path = Path(path)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(TEMPLATE_ENTRY, _dump(template))
        for name in sorted(template.assets):
            archive.writestr(ASSETS_PREFIX + name, template.assets[name], zipfile.ZIP_STORED)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(buffer.getvalue())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def load_template(path: str | os.PathLike[str]) -> Template:
    """Open a ``.shosho`` file (or a bare ``template.json``) with clear errors for bad files."""
    path = Path(path)
    if not path.exists():
        raise ShoshoError(f"{path}: no such template file")
    if path.is_dir():
        raise ShoshoError(f"{path}: is a folder, not a template file")
    if path.suffix.lower() == ".json":
        return _load_json_template(path)
    try:
        with zipfile.ZipFile(path) as archive:
            try:
                raw = archive.read(TEMPLATE_ENTRY)
            except KeyError:
                raise ShoshoError(
                    f"{path}: not a Shosho template (no {TEMPLATE_ENTRY} inside)"
                ) from None
            assets = {
                info.filename[len(ASSETS_PREFIX) :]: archive.read(info)
                for info in archive.infolist()
                if info.filename.startswith(ASSETS_PREFIX) and not info.is_dir()
            }
    except zipfile.BadZipFile:
        raise ShoshoError(
            f"{path}: not a Shosho template (the file is not a valid .shosho zip)"
        ) from None
    except OSError as error:
        raise ShoshoError(f"{path}: cannot read: {error.strerror or error}") from None
    template = template_from_json(_parse_json(raw, path), str(path))
    template.assets = assets
    return template


def _load_json_template(path: Path) -> Template:
    template = template_from_json(_parse_json(path.read_bytes(), path), str(path))
    assets_dir = path.parent / "assets"
    if assets_dir.is_dir():
        template.assets = {
            p.name: p.read_bytes() for p in sorted(assets_dir.iterdir()) if p.is_file()
        }
    return template


def _parse_json(raw: bytes, path: Path) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ShoshoError(f"{path}: template.json is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise ShoshoError(
            f"{path}: template.json is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
