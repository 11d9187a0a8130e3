"""Baking a credential into a badge image (OB 3.0 "Baked Badge") and reading it back.

PNG: one uncompressed ``iTXt`` chunk with the keyword ``openbadgecredential``.
SVG: an ``<openbadges:credential>`` element directly after the ``<svg>`` start tag, with the
JSON in CDATA, or an empty element whose ``verify`` attribute holds a VC-JWT.
The payload is the credential JSON (embedded proof) or the compact JWS.
"""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import quoteattr

from designer.errors import ShoshoError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_KEYWORD = b"openbadgecredential"
OB_SVG_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0"

_SVG_START = re.compile(rb"<svg\b[^>]*>", re.DOTALL)


def png_chunks(data: bytes, source: str) -> list[tuple[bytes, bytes]]:
    if not data.startswith(PNG_SIGNATURE):
        raise ShoshoError(f"{source} is not a PNG file")
    chunks, offset = [], len(PNG_SIGNATURE)
    while offset < len(data):
        if offset + 8 > len(data):
            raise ShoshoError(f"{source}: PNG is truncated")
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        end = offset + 8 + length + 4
        if end > len(data):
            raise ShoshoError(f"{source}: PNG chunk {kind!r} is truncated")
        body = data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[end - 4 : end])
        if zlib.crc32(kind + body) != crc:
            raise ShoshoError(f"{source}: PNG chunk {kind.decode('latin-1')} is damaged (bad CRC)")
        chunks.append((kind, body))
        offset = end
        if kind == b"IEND":
            break
    if not chunks or chunks[-1][0] != b"IEND":
        raise ShoshoError(f"{source}: PNG has no IEND chunk (truncated)")
    return chunks


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _is_badge_itxt(kind: bytes, body: bytes) -> bool:
    return kind == b"iTXt" and body.split(b"\0", 1)[0] == PNG_KEYWORD


def bake_png(image: bytes, payload: str, *, replace: bool = False, source: str = "image") -> bytes:
    """``image`` with one ``openbadgecredential`` iTXt chunk (uncompressed) before IEND."""
    chunks = png_chunks(image, source)
    if any(_is_badge_itxt(kind, body) for kind, body in chunks):
        if not replace:
            raise ShoshoError(f"{source} already carries a baked credential")
        chunks = [(kind, body) for kind, body in chunks if not _is_badge_itxt(kind, body)]
    text = PNG_KEYWORD + b"\0" + b"\0\0" + b"\0" + b"\0" + payload.encode("utf-8")
    out = [PNG_SIGNATURE]
    for kind, body in chunks:
        if kind == b"IEND":
            out.append(_chunk(b"iTXt", text))
        out.append(_chunk(kind, body))
    return b"".join(out)


def read_png(data: bytes, source: str = "image") -> str:
    """The baked payload of a PNG; the first ``openbadgecredential`` iTXt chunk wins."""
    for kind, body in png_chunks(data, source):
        if not _is_badge_itxt(kind, body):
            continue
        try:
            _keyword, rest = body.split(b"\0", 1)
            compressed, _method = rest[0], rest[1]
            _language, rest = rest[2:].split(b"\0", 1)
            _translated, text = rest.split(b"\0", 1)
            if compressed:
                text = zlib.decompress(text)
            return text.decode("utf-8")
        except (ValueError, IndexError, zlib.error, UnicodeDecodeError):
            raise ShoshoError(f"{source}: the openbadgecredential chunk is malformed") from None
    raise ShoshoError(
        f"{source}: PNG carries no baked credential (no openbadgecredential iTXt chunk)"
    )


def bake_svg(svg: str, payload: str, *, replace: bool = False, source: str = "image") -> str:
    """``svg`` with ``<openbadges:credential>`` right after the ``<svg>`` start tag."""
    data = svg.encode("utf-8")
    match = _SVG_START.search(data)
    if match is None:
        raise ShoshoError(f"{source} has no <svg> element")
    if b"<openbadges:credential" in data:
        if not replace:
            raise ShoshoError(f"{source} already carries a baked credential")
        data = re.sub(
            rb"\s*<openbadges:credential\b.*?(?:/>|</openbadges:credential>)",
            b"",
            data,
            flags=re.DOTALL,
        )
        match = _SVG_START.search(data)
        assert match is not None
    start_tag = match.group(0)
    if b"xmlns:openbadges=" not in start_tag:
        closing = -2 if start_tag.endswith(b"/>") else -1
        start_tag = (
            start_tag[:closing]
            + f' xmlns:openbadges="{OB_SVG_NAMESPACE}"'.encode()
            + start_tag[closing:]
        )
    stripped = payload.strip()
    if stripped.startswith("{"):
        if "]]>" in stripped:
            raise ShoshoError("the credential contains ']]>' and cannot be put in SVG CDATA")
        element = f"<openbadges:credential><![CDATA[{stripped}]]></openbadges:credential>"
    else:
        element = f"<openbadges:credential verify={quoteattr(stripped)}></openbadges:credential>"
    return (
        data[: match.start()] + start_tag + b"\n" + element.encode("utf-8") + data[match.end() :]
    ).decode("utf-8")


def read_svg(text: str | bytes, source: str = "image") -> str:
    """The baked payload of an SVG: the ``verify`` attribute (JWS) or the element's text (JSON)."""
    try:
        root = ElementTree.fromstring(text if isinstance(text, bytes) else text.encode("utf-8"))
    except ElementTree.ParseError as error:
        raise ShoshoError(f"{source} is not well-formed SVG: {error}") from None
    element = root.find(f".//{{{OB_SVG_NAMESPACE}}}credential")
    if element is None:
        raise ShoshoError(f"{source}: SVG carries no <openbadges:credential> element")
    verify = element.get("verify")
    if verify:
        return verify.strip()
    body = (element.text or "").strip()
    if not body:
        raise ShoshoError(f"{source}: the <openbadges:credential> element is empty")
    return body


def bake_file(
    image_path: str | Path, payload: str, out_path: str | Path, *, replace: bool = False
) -> None:
    """Bake ``payload`` into the PNG or SVG at ``image_path`` and write ``out_path``."""
    image_path, out_path = Path(image_path), Path(out_path)
    data = image_path.read_bytes()
    if data.startswith(PNG_SIGNATURE):
        out_path.write_bytes(bake_png(data, payload, replace=replace, source=str(image_path)))
    elif _SVG_START.search(data[:4096]):
        out_path.write_text(
            bake_svg(data.decode("utf-8"), payload, replace=replace, source=str(image_path)),
            encoding="utf-8",
        )
    else:
        raise ShoshoError(f"{image_path} is neither a PNG nor an SVG image")


def read_baked(data: bytes, source: str = "image") -> str:
    """The baked payload of PNG or SVG bytes."""
    if data.startswith(PNG_SIGNATURE):
        return read_png(data, source)
    return read_svg(data, source)
