"""Reading what an office issued under Open Badges 2.0: hosted JSON files, signed compact JWS,
baked PNG (``iTXt``/``tEXt`` keyword ``openbadges``) and SVG (``<openbadges:assertion>``), one at
a time or a folder or zip of them as a platform or an LMS exports them.

Everything is read offline: objects that refer to each other by URL (an Assertion's ``badge``,
a BadgeClass's ``issuer``, a key's ``owner``) are looked up among the files given, never
fetched. Each file that is not a usable Open Badges 2.0 object is reported with the reason,
and the rest are still read.
"""

from __future__ import annotations

import base64
import json
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree

from designer.credential.baking import PNG_SIGNATURE
from designer.errors import ShoshoError

OB2_CONTEXTS = (
    "https://w3id.org/openbadges/v2",
    "https://purl.imsglobal.org/spec/ob/v2p0/context/context.json",
    "https://openbadgespec.org/v2/context.json",
)
OB1_CONTEXTS = ("https://w3id.org/openbadges/v1",)
OB2_SVG_NAMESPACE = "http://openbadges.org"
PNG_KEYWORD = b"openbadges"
OB2_TYPES = {
    "Assertion": "Assertion",
    "BadgeClass": "BadgeClass",
    "Issuer": "Profile",
    "Profile": "Profile",
    "CryptographicKey": "CryptographicKey",
    "RevocationList": "RevocationList",
}

MAX_FILE_BYTES = 20 * 1024 * 1024  # one badge file, JSON or image
MAX_ZIP_ENTRIES = 20_000
MAX_ZIP_TOTAL = 500 * 1024 * 1024  # everything a zip inflates to
MAX_ZIP_RATIO = 200  # inflated / compressed, per entry
MAX_FOLDER_FILES = 20_000
SUFFIXES = {".json", ".jws", ".jwt", ".png", ".svg", ".txt"}
_JWS = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$")


@dataclass
class Found:
    """One Assertion as read from a file: the JSON, and the compact JWS when it was signed."""

    source: str
    assertion: dict[str, Any]
    jws: str | None = None

    @property
    def id(self) -> str:
        return str(self.assertion.get("id") or "")


@dataclass
class Collection:
    """The objects read from the files, by id, and what could not be used."""

    objects: dict[str, dict[str, Any]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # id -> file it came from
    assertions: list[Found] = field(default_factory=list)
    images: dict[str, bytes] = field(default_factory=dict)  # file name -> bytes of images
    revoked_hosted: dict[str, str] = field(default_factory=dict)  # assertion id -> reason
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)

    def get(self, ref: Any, kind: str | None = None) -> dict[str, Any] | None:
        """The object a reference names (an id string or an embedded object), if known."""
        if isinstance(ref, dict):
            if kind is None or object_kind(ref) == kind:
                return ref
            ref = ref.get("id")
        if not isinstance(ref, str):
            return None
        found = self.objects.get(ref)
        if found is not None and (kind is None or object_kind(found) == kind):
            return found
        return None

    def of_kind(self, kind: str) -> list[dict[str, Any]]:
        return [obj for obj in self.objects.values() if object_kind(obj) == kind]

    def add(self, obj: dict[str, Any], source: str) -> None:
        """Store an object and every object embedded in it under their ids."""
        kind = object_kind(obj)
        if kind is None:
            return
        obj_id = obj.get("id")
        if isinstance(obj_id, str) and obj_id:  # the first object read under an id is kept
            self.objects.setdefault(obj_id, obj)
            self.sources.setdefault(obj_id, source)
        for key in ("badge", "issuer", "owner"):
            inner = obj.get(key)
            if isinstance(inner, dict) and object_kind(inner):
                self.add(inner, source)


def object_kind(obj: Any) -> str | None:
    """``Assertion``, ``BadgeClass``, ``Profile``, ``CryptographicKey`` or ``RevocationList``."""
    if not isinstance(obj, dict):
        return None
    types = obj.get("type")
    for name in types if isinstance(types, list) else [types]:
        if isinstance(name, str):
            short = name.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            if short in OB2_TYPES:
                return OB2_TYPES[short]
    return None


def _contexts(obj: dict[str, Any]) -> list[str]:
    context = obj.get("@context")
    items = context if isinstance(context, list) else [context]
    return [item for item in items if isinstance(item, str)]


def is_ob2_object(obj: Any) -> bool:
    """An OB 2.0 object: the 2.0 context, or an OB type with no OB 3.0 / VC context."""
    if not isinstance(obj, dict) or object_kind(obj) is None:
        return False
    contexts = _contexts(obj)
    if any(c in OB2_CONTEXTS for c in contexts):
        return True
    return not contexts and "credentialSubject" not in obj


def jws_payload(text: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The (header, payload) of a compact JWS whose payload is JSON, or None."""
    text = text.strip()
    if not _JWS.match(text):
        return None
    try:
        header_b64, payload_b64, _ = text.split(".")
        header = json.loads(b64url_decode(header_b64))
        payload = json.loads(b64url_decode(payload_b64))
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(header, dict) or not isinstance(payload, dict):
        return None
    return header, payload


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def png_badge_text(data: bytes, source: str) -> str | None:
    """The text of the first ``openbadges`` iTXt (or legacy tEXt) chunk, or None."""
    from designer.credential.baking import png_chunks

    for kind, body in png_chunks(data, source):  # names a truncated or damaged chunk
        if kind == b"iTXt" and body.split(b"\0", 1)[0] == PNG_KEYWORD:
            return _itxt_text(body, source)
        if kind == b"tEXt" and body.split(b"\0", 1)[0] == PNG_KEYWORD:
            return body.split(b"\0", 1)[1].decode("latin-1")
    return None


def _itxt_text(body: bytes, source: str) -> str:
    try:
        _, rest = body.split(b"\0", 1)
        flag, method, rest = rest[0], rest[1], rest[2:]
        _, rest = rest.split(b"\0", 1)  # language tag
        _, text = rest.split(b"\0", 1)  # translated keyword
        if flag:
            if method != 0:
                raise ValueError("unknown compression")
            text = zlib.decompressobj().decompress(text, MAX_FILE_BYTES)
        return text.decode("utf-8")
    except (ValueError, IndexError, zlib.error, UnicodeDecodeError):
        raise ShoshoError(f"{source}: the 'openbadges' iTXt chunk is malformed") from None


def svg_badge_text(data: bytes, source: str) -> str | None:
    """The assertion baked into an SVG: the CDATA JSON, else the ``verify`` attribute."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise ShoshoError(f"{source}: the SVG is not well-formed XML ({error})") from None
    element = root.find(f"{{{OB2_SVG_NAMESPACE}}}assertion")
    if element is None:
        return None
    body = (element.text or "").strip()
    return body or (element.get("verify") or "").strip() or None


def _entries(path: Path) -> Iterator[tuple[str, bytes | None, str | None]]:
    """(name, bytes, problem) for every candidate file under ``path``."""
    if path.is_dir():
        count = 0
        for item in sorted(path.rglob("*")):
            if item.is_symlink():
                yield str(item), None, "a symbolic link: skipped"
                continue
            if not item.is_file() or item.suffix.lower() not in SUFFIXES:
                continue
            count += 1
            if count > MAX_FOLDER_FILES:
                raise ShoshoError(
                    f"{path}: more than {MAX_FOLDER_FILES} files; import a smaller folder"
                )
            yield from _read_one(item)
        return
    if not path.exists():
        raise ShoshoError(f"{path}: no such file or folder")
    if zipfile.is_zipfile(path):
        yield from _zip_entries(path)
        return
    yield from _read_one(path)


def _read_one(item: Path) -> Iterator[tuple[str, bytes | None, str | None]]:
    try:
        size = item.stat().st_size
        if size > MAX_FILE_BYTES:
            yield str(item), None, f"larger than the {MAX_FILE_BYTES // 2**20} MB limit"
            return
        with item.open("rb") as handle:
            yield str(item), handle.read(MAX_FILE_BYTES + 1), None
    except OSError as error:
        yield str(item), None, f"cannot be read ({error.strerror})"


def _zip_entries(path: Path) -> Iterator[tuple[str, bytes | None, str | None]]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise ShoshoError(f"{path}: not a readable zip ({error})") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise ShoshoError(f"{path}: more than {MAX_ZIP_ENTRIES} entries")
        total = 0
        for info in infos:
            name = f"{path}:{info.filename}"
            if info.is_dir():
                continue
            pure = PurePosixPath(info.filename.replace("\\", "/"))
            if pure.is_absolute() or ".." in pure.parts or re.match(r"^[A-Za-z]:", info.filename):
                yield name, None, "an unsafe path inside the zip (absolute or '..'): skipped"
                continue
            if (info.external_attr >> 16) & 0o170000 == 0o120000:
                yield name, None, "a symbolic link inside the zip: skipped"
                continue
            if pure.suffix.lower() not in SUFFIXES:
                continue
            if info.file_size > MAX_FILE_BYTES:
                yield name, None, f"larger than the {MAX_FILE_BYTES // 2**20} MB limit"
                continue
            if info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO:
                yield name, None, f"inflates more than {MAX_ZIP_RATIO}× (a zip bomb?): skipped"
                continue
            total += info.file_size
            if total > MAX_ZIP_TOTAL:
                raise ShoshoError(f"{path}: inflates to more than {MAX_ZIP_TOTAL // 2**20} MB")
            try:
                with archive.open(info) as handle:
                    data = handle.read(MAX_FILE_BYTES + 1)
            except (zipfile.BadZipFile, OSError, zlib.error, EOFError) as error:
                yield name, None, f"damaged inside the zip ({error})"
                continue
            if len(data) > MAX_FILE_BYTES:
                yield name, None, f"larger than the {MAX_FILE_BYTES // 2**20} MB limit"
                continue
            yield name, data, None


def read_item(name: str, data: bytes, collection: Collection) -> None:
    """Read one file's bytes into the collection (or record why it was skipped)."""
    suffix = PurePosixPath(name.rsplit(":", 1)[-1]).suffix.lower()
    try:
        if data.startswith(PNG_SIGNATURE):
            text = png_badge_text(data, name)
            if text is None:
                collection.images[name] = data
                return
            _read_text(name, text, collection, baked=True)
        elif suffix == ".svg" or data.lstrip()[:5] in (b"<?xml", b"<svg "):
            text = svg_badge_text(data, name)
            if text is None:
                collection.images[name] = data
                return
            _read_text(name, text, collection, baked=True)
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ShoshoError(f"{name}: not UTF-8 text") from None
            _read_text(name, text, collection, baked=False)
    except ShoshoError as error:
        collection.skipped.append((name, str(error).removeprefix(f"{name}: ")))


def _read_text(name: str, text: str, collection: Collection, *, baked: bool) -> None:
    text = text.strip()
    signed = jws_payload(text)
    if signed is not None:
        _header, payload = signed
        if not is_ob2_object(payload) or object_kind(payload) != "Assertion":
            raise ShoshoError(f"{name}: a JWS whose payload is not an Open Badges 2.0 Assertion")
        collection.add(payload, name)
        collection.assertions.append(Found(name, payload, text))
        return
    if text.startswith(("http://", "https://")) and "\n" not in text:
        raise ShoshoError(
            f"{name}: holds only the URL {text}; the hosted assertion there was not exported "
            "and cannot be fetched offline"
        )
    try:
        obj = json.loads(text)
    except (ValueError, RecursionError):
        what = "the baked text" if baked else "the file"
        raise ShoshoError(f"{name}: {what} is neither JSON nor a compact JWS") from None
    if not isinstance(obj, dict):
        raise ShoshoError(f"{name}: not an Open Badges 2.0 object (JSON {type(obj).__name__})")
    if any(c in OB1_CONTEXTS for c in _contexts(obj)):
        raise ShoshoError(f"{name}: Open Badges 1.1 is not supported; export the badges as 2.0")
    if (
        obj.get("revoked") is True
        and isinstance(obj.get("id"), str)
        and object_kind(obj)
        in (
            None,
            "Assertion",
        )
    ):
        # A hosted assertion's URL answers with this body once the award is revoked.
        collection.revoked_hosted[obj["id"]] = str(obj.get("revocationReason") or "")
        return
    verify = obj.get("verify")
    if object_kind(obj) is None and isinstance(verify, dict) and isinstance(verify.get("url"), str):
        raise ShoshoError(
            f"{name}: an Open Badges 1.0 badge that holds only the URL {verify['url']}; "
            "the award there cannot be fetched offline"
        )
    if "Endorsement" in (
        obj.get("type") if isinstance(obj.get("type"), list) else [obj.get("type")]
    ):
        raise ShoshoError(
            f"{name}: an Open Badges 2.0 Endorsement, not an award: endorsements are not carried over"
        )
    if not is_ob2_object(obj):
        if "credentialSubject" in obj:
            raise ShoshoError(f"{name}: an Open Badges 3.0 credential, not 2.0 (verify it instead)")
        raise ShoshoError(f"{name}: not an Open Badges 2.0 object (no 2.0 context or type)")
    collection.add(obj, name)
    if object_kind(obj) == "Assertion":
        collection.assertions.append(Found(name, obj))


def read_ob2(*paths: Path) -> Collection:
    """Read every Open Badges 2.0 file under ``paths`` (files, folders or zips)."""
    collection = Collection()
    for path in paths:
        for name, data, problem in _entries(Path(path)):
            if problem is not None:
                collection.skipped.append((name, problem))
            elif data is not None:
                read_item(name, data, collection)
    return collection


def looks_like_ob2(path: Path) -> bool:
    """Whether a file given to ``shosho verify`` is an Open Badges 2.0 artefact."""
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        return False
    if len(data) > MAX_FILE_BYTES:
        return False
    if data.startswith(PNG_SIGNATURE):
        try:
            return png_badge_text(data, str(path)) is not None
        except ShoshoError:
            return False
    if b"<svg" in data[:4096] and OB2_SVG_NAMESPACE.encode() in data[:4096]:
        return b"assertion" in data[:8192]
    probe = Collection()
    read_item(str(path), data, probe)
    # A VC-JWT or any other JWS whose payload is not a 2.0 Assertion is not ours.
    return bool(probe.objects or probe.revoked_hosted) or any(
        "Open Badges 1.1" in reason for _, reason in probe.skipped
    )
