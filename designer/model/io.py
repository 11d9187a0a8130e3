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
from designer.model.validation import validate_template

TEMPLATE_ENTRY = "template.json"
MAX_JSON_DEPTH = 64
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
    if not isinstance(version, int) or isinstance(version, bool):
        raise ShoshoError(f"{source}: template.json has no 'format' number")
    if version < 1:
        raise ShoshoError(f"{source}: 'format' must be 1 or more, not {version}")
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
    validate_template(template, source)
    return template


def _side_from_json(data: Any, source: str) -> Side:
    if not isinstance(data, dict):
        raise ShoshoError(f"{source}: each side must be a JSON object")
    data = dict(data)
    elements = data.pop("elements", [])
    if not isinstance(elements, list):
        raise ShoshoError(f"{source}: side {data.get('name')!r}: 'elements' must be a list")
    try:
        side = from_dict(Side, data)
    except (TypeError, ValueError) as error:
        raise ShoshoError(f"{source}: side {data.get('name')!r}: {error}") from None
    side.elements = [_element_from_json(item, side.name, source) for item in elements]
    return side


def _element_from_json(data: Any, side_name: str, source: str) -> Element:
    if not isinstance(data, dict):
        raise ShoshoError(f"{source}: side {side_name!r}: each element must be a JSON object")
    data = dict(data)
    kind = data.pop("type", None)
    cls = ELEMENT_TYPES.get(kind) if isinstance(kind, str) else None
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
    unsafe = sorted(name for name in template.assets if not safe_asset_name(name))
    if unsafe:
        raise ShoshoError(f"{path}: the asset name {unsafe[0]!r} would leave the assets folder")
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
            infos = archive.infolist()
            _check_archive(path, infos)
            entry = next((i for i in infos if i.filename == TEMPLATE_ENTRY), None)
            if entry is None:
                raise ShoshoError(f"{path}: not a Shosho template (no {TEMPLATE_ENTRY} inside)")
            raw = _read_member(archive, entry, MAX_TEMPLATE_JSON_BYTES, path)
            assets = {
                info.filename[len(ASSETS_PREFIX) :]: _read_member(
                    archive, info, MAX_ASSET_BYTES, path
                )
                for info in infos
                if info.filename.startswith(ASSETS_PREFIX) and not info.is_dir()
            }
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError):
        raise ShoshoError(
            f"{path}: not a Shosho template (the file is not a valid .shosho zip)"
        ) from None
    except OSError as error:
        raise ShoshoError(f"{path}: cannot read: {error.strerror or error}") from None
    template = template_from_json(_parse_json(raw, path), str(path))
    template.assets = assets
    return template


def _load_json_template(path: Path) -> Template:
    raw = _read_file_limited(path, MAX_TEMPLATE_JSON_BYTES)
    template = template_from_json(_parse_json(raw, path), str(path))
    assets_dir = path.parent / "assets"
    if assets_dir.is_dir():
        assets: dict[str, bytes] = {}
        total = 0
        for item in sorted(assets_dir.iterdir()):
            if item.is_symlink():
                raise ShoshoError(
                    f"{item}: an asset may not be a symbolic link (it would store another "
                    "file's contents in the design); copy the picture into assets/"
                )
            if item.is_file():
                assets[item.name] = _read_file_limited(item, MAX_ASSET_BYTES)
                total += len(assets[item.name])
                if total > MAX_ASSETS_TOTAL:
                    raise ShoshoError(
                        f"{assets_dir}: the assets take more than "
                        f"{MAX_ASSETS_TOTAL // (1024 * 1024)} MB, the most a design may hold"
                    )
        template.assets = assets
    return template


MAX_TEMPLATE_JSON_BYTES = 16 * 1024 * 1024
MAX_ASSET_BYTES = 64 * 1024 * 1024
MAX_ASSETS_TOTAL = 256 * 1024 * 1024
MAX_RATIO = 200
"""JSON and images pack far less than this; more is a zip bomb, not a design."""


def safe_asset_name(name: str) -> bool:
    """An asset name that stays inside ``assets/`` wherever the design is unpacked."""
    parts = name.split("/")
    return (
        bool(name)
        and "\\" not in name
        and "\0" not in name
        and ":" not in name
        and not name.startswith("/")
        and all(part not in ("", ".", "..") for part in parts)
    )


def _check_archive(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    total = 0
    for info in infos:
        name = info.filename
        inner = name[len(ASSETS_PREFIX) :].rstrip("/") if name.startswith(ASSETS_PREFIX) else name
        if inner and not safe_asset_name(inner.rstrip("/")):
            raise ShoshoError(
                f"{path}: the entry {name[:120]!r} would be written outside the design's "
                "assets folder; the file is refused"
            )
        if (info.external_attr >> 16) & 0o170000 == 0o120000:
            raise ShoshoError(f"{path}: the entry {name[:120]!r} is a symbolic link; refused")
        total += info.file_size
        if total > MAX_ASSETS_TOTAL + MAX_TEMPLATE_JSON_BYTES:
            raise ShoshoError(
                f"{path}: the design unpacks to more than "
                f"{(MAX_ASSETS_TOTAL + MAX_TEMPLATE_JSON_BYTES) // (1024 * 1024)} MB"
            )


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, path: Path) -> bytes:
    """A member's bytes, reading at most ``limit`` (the sizes in the zip are not trusted)."""
    if info.file_size > limit or (
        info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1)
    ):
        raise ShoshoError(
            f"{path}: {info.filename[:120]} unpacks to {info.file_size // (1024 * 1024)} MB "
            f"(at most {limit // (1024 * 1024)} MB, packed at most {MAX_RATIO} to 1)"
        )
    with archive.open(info) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise ShoshoError(
            f"{path}: {info.filename[:120]} unpacks to more than {limit // (1024 * 1024)} MB"
        )
    return data


def _read_file_limited(path: Path, limit: int) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise ShoshoError(f"{path}: cannot read: {error.strerror or error}") from None
    if len(data) > limit:
        raise ShoshoError(f"{path}: larger than {limit // (1024 * 1024)} MB, the most allowed")
    return data


def _parse_json(raw: bytes, path: Path) -> Any:
    if _nesting_depth(raw) > MAX_JSON_DEPTH:
        raise ShoshoError(
            f"{path}: template.json nests objects and lists more than {MAX_JSON_DEPTH} deep"
        )
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ShoshoError(f"{path}: template.json is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise ShoshoError(
            f"{path}: template.json is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except (ValueError, RecursionError) as error:  # a number of thousands of digits
        raise ShoshoError(
            f"{path}: template.json holds a value Shosho cannot read ({error})"
        ) from None


def _nesting_depth(raw: bytes) -> int:
    """How deep brackets nest (strings skipped), without parsing: json.loads recurses."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_JSON_DEPTH:
                    return deepest
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest
