"""TrueType subsets for the PDF painter: faster subsets, correct text layers, glyph aliases.

This is the one module that reaches into reportlab's TrueType internals (reportlab 4.x).

reportlab's ``TTFontFace.makeSubset`` builds every document's subset from the font file
again: it copies tables out of the file (the whole ``glyf`` table, megabytes for a Japanese
font, once per document), walks each glyph with a read pointer to find composite parts and
pads glyphs one by one. ``SubsetMaker`` keeps what does not change between documents (the
small tables, each used glyph's padded bytes and the places of its component references)
and only assembles per subset. Its output is identical to reportlab's, so PDF
readers, text extraction and ``pdffonts`` see exactly the same fonts.

``add_font_objects`` replaces reportlab's ``TTFont.addObjects`` so that

- the ToUnicode map is UTF-16BE as the PDF specification requires: a character outside the
  Basic Multilingual Plane (𠮷 U+20BB7) is written as its surrogate pair ``<D842DFB7>``, not
  ``<20BB7>``, and a glyph may stand for several characters (辻 + U+E0100);
- each subset's tag (the ``ABCDEF+`` before the font name) is derived from its content, so
  no two different subsets in a document share a name;
- a glyph that the cmap does not reach (a vertical alternate, an ideographic variant chosen
  by a variation selector) is drawn through a stand-in code point from ``GlyphAliases``.
"""

from __future__ import annotations

import hashlib
import threading
from functools import partial
from struct import pack, unpack_from

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import (
    GF_ARG_1_AND_2_ARE_WORDS,
    GF_MORE_COMPONENTS,
    GF_WE_HAVE_A_SCALE,
    GF_WE_HAVE_A_TWO_BY_TWO,
    GF_WE_HAVE_AN_X_AND_Y_SCALE,
    TTFont,
    TTFontFace,
    TTFontMaker,
)

from designer.errors import ShoshoError

COPIED_TABLES = ("name", "OS/2", "cvt ", "fpgm", "prep")

# (glyph bytes padded to 4, ((offset of a component's glyph index, component glyph), ...))
_Glyph = tuple[bytes, tuple[tuple[int, int], ...]]


def _set_ushort(data: bytes, offset: int, value: int) -> bytes:
    return data[:offset] + pack(">H", value) + data[offset + 2 :]


def _components(data: bytes) -> tuple[tuple[int, int], ...]:
    """(offset of the glyph index, glyph index) of each part of a composite glyph."""
    parts = []
    pos = 10
    flags = GF_MORE_COMPONENTS
    while flags & GF_MORE_COMPONENTS:
        flags, glyph = unpack_from(">HH", data, pos)
        parts.append((pos + 2, glyph))
        pos += 4 + (4 if flags & GF_ARG_1_AND_2_ARE_WORDS else 2)
        if flags & GF_WE_HAVE_A_SCALE:
            pos += 2
        elif flags & GF_WE_HAVE_AN_X_AND_Y_SCALE:
            pos += 4
        elif flags & GF_WE_HAVE_A_TWO_BY_TWO:
            pos += 8
    return tuple(parts)


class SubsetMaker:
    """Makes subsets of one face; install with ``face.makeSubset = SubsetMaker(face).make``."""

    def __init__(self, face: TTFontFace) -> None:
        self.face = face
        self.font_data = face._ttf_data  # the file's bytes, read by reportlab; never copied
        self.glyf_start = face.get_table_pos("glyf")[0]
        # cvt, fpgm and prep are optional
        self.copied = [(tag, face.get_table(tag)) for tag in COPIED_TABLES if tag in face.table]
        self.post = b"\x00\x03\x00\x00" + face.get_table("post")[4:16] + b"\x00" * 16
        self.hhea = face.get_table("hhea")
        self.maxp = face.get_table("maxp")
        self.head = face.get_table("head")
        self.glyphs: dict[int, _Glyph] = {}

    def _glyph(self, index: int) -> _Glyph:
        glyph = self.glyphs.get(index)
        if glyph is None and index >= self.face.numGlyphs:
            glyph = self.glyphs[index] = self._shifted_glyph(index)
        if glyph is None:
            start = self.glyf_start + self.face.glyphPos[index]
            data = self.font_data[start : self.glyf_start + self.face.glyphPos[index + 1]]
            parts = ()
            if len(data) > 2 and unpack_from(">h", data)[0] < 0:
                parts = _components(data)
            glyph = (data + b"\0" * (-len(data) % 4), parts)
            self.glyphs[index] = glyph
        return glyph

    def _shifted_glyph(self, index: int) -> _Glyph:
        """A composite glyph drawing another glyph moved sideways (``GlyphAliases.shifted``)."""
        base, dx = self.face.shosho_shifted[index]  # type: ignore[attr-defined]
        data = self._glyph(base)[0]
        x_min, y_min, x_max, y_max = unpack_from(">hhhh", data, 2) if data else (0, 0, 0, 0)
        flags = 0x0001 | 0x0002  # ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES
        body = pack(">hhhhhHHhh", -1, x_min + dx, y_min, x_max + dx, y_max, flags, base, dx, 0)
        return body + b"\0" * (-len(body) % 4), ((12, base),)

    def make(self, subset: list[int]) -> bytes:
        """The font file for ``subset`` (Unicode code points, in subset order)."""
        char_to_glyph = self.face.charToGlyph
        glyph_map = [0]  # new glyph index -> old glyph index
        glyph_set = {0: 0}  # old glyph index -> new glyph index
        code_to_glyph = []
        for code in subset:
            old = char_to_glyph.get(code, 0)
            new = glyph_set.get(old)
            if new is None:
                new = glyph_set[old] = len(glyph_map)
                glyph_map.append(old)
            code_to_glyph.append(new)
        n = 0
        while n < len(glyph_map):  # parts of composite glyphs join the subset too
            for _offset, part in self._glyph(glyph_map[n])[1]:
                if part not in glyph_set:
                    glyph_set[part] = len(glyph_map)
                    glyph_map.append(part)
            n += 1

        output = TTFontMaker()
        for tag, data in self.copied:
            output.add(tag, data)
        output.add("post", self.post)

        hmetrics = self.face.hmetrics
        hmtx: list[int] = []
        for old in glyph_map:
            advance, lsb = hmetrics[old]
            hmtx += (int(advance), int(lsb))
        n = len(hmtx) - 2  # trailing glyphs with the last advance keep only their lsb
        while n and hmtx[n] == hmtx[n - 2]:
            n -= 2
        n += 2
        full_metrics = n >> 1
        hmtx = hmtx[:n] + hmtx[n + 1 :: 2]
        output.add("hmtx", pack(f">{len(hmtx)}H", *hmtx))
        output.add("hhea", _set_ushort(self.hhea, 34, full_metrics))
        output.add("maxp", _set_ushort(self.maxp, 4, len(glyph_map)))

        cmap = [0, 1, 1, 0, 0, 12, 6, 10 + len(subset) * 2, 0, 0, len(subset), *code_to_glyph]
        output.add("cmap", pack(f">{len(cmap)}H", *cmap))

        offsets = []
        chunks = []
        pos = 0
        for old in glyph_map:
            offsets.append(pos)
            data, parts = self._glyph(old)
            if parts:
                fixed = bytearray(data)
                for offset, part in parts:
                    fixed[offset : offset + 2] = pack(">H", glyph_set[part])
                data = bytes(fixed)
            chunks.append(data)
            pos += len(data)
        offsets.append(pos)
        output.add("glyf", b"".join(chunks))
        if (pos + 1) >> 1 > 0xFFFF:
            index_to_loc_format = 1
            loca = pack(f">{len(offsets)}L", *offsets)
        else:
            index_to_loc_format = 0
            loca = pack(f">{len(offsets)}H", *(offset >> 1 for offset in offsets))
        output.add("loca", loca)
        output.add("head", _set_ushort(self.head, 50, index_to_loc_format))
        return output.makeStream()


# Stand-in code points for aliased glyphs: Supplementary Private Use Area-B, which the
# bundled fonts do not map. They never reach the text layer: ToUnicode maps them to the text
# the glyph stands for.
ALIAS_FIRST = 0x100000
ALIAS_LAST = 0x10FFFD
BFCHAR_BLOCK = 100  # the PDF specification allows at most 100 entries per bfchar block


class GlyphAliases:
    """Stand-in characters for glyphs of one registered font that its cmap does not reach.

    ``char(glyph, text)`` gives a code point that reportlab treats like any character of the
    font: it is subset, measured and encoded as usual, draws ``glyph``, and copies as
    ``text``. The same (glyph, text) always gets the same stand-in, in every document.
    """

    def __init__(self, font: TTFont) -> None:
        self.face = font.face
        self.scale = 1000.0 / self.face.unitsPerEm
        self.codes: dict[tuple[int, str], int] = {}
        self.texts: dict[int, str] = {}
        self.shifted_codes: dict[tuple, int] = {}
        self.next_code = ALIAS_FIRST
        self.lock = threading.Lock()

    def char(self, glyph: int, text: str) -> str:
        code = self.codes.get((glyph, text))
        if code is not None:
            return chr(code)
        with self.lock:
            code = self.codes.get((glyph, text))
            if code is None:
                char_to_glyph = self.face.charToGlyph
                while self.next_code in char_to_glyph:  # a font that maps this area itself
                    self.next_code += 1
                if self.next_code > ALIAS_LAST:
                    raise ShoshoError(f"font {self.face.filename}: too many alternate glyphs")
                code = self.next_code
                self.next_code += 1
                hmetrics = self.face.hmetrics
                advance = hmetrics[min(glyph, len(hmetrics) - 1)][0]
                self.face.charWidths[code] = advance * self.scale
                char_to_glyph[code] = glyph
                self.texts[code] = text
                self.codes[(glyph, text)] = code
        return chr(code)

    def shifted(self, glyph: int, text: str, shift: float, advance: float) -> str:
        """A stand-in for ``glyph`` moved ``shift`` em sideways in a cell ``advance`` em wide
        (a full-width bracket set in half a cell, 約物詰め), so the text layer's box for the
        character covers its ink and not its neighbour's. Made as a composite glyph."""
        key = (glyph, text, round(shift, 4), round(advance, 4))
        code = self.shifted_codes.get(key)
        if code is not None:
            return chr(code)
        face = self.face
        with self.lock:
            synthetic = face.__dict__.setdefault("shosho_shifted", {})
            new_glyph = len(face.hmetrics)
            upem = face.unitsPerEm
            dx = round(shift * upem)
            synthetic[new_glyph] = (glyph, dx)
            # the left side bearing must be the moved outline's xMin: TrueType rasterisers
            # put the origin at xMin - lsb
            base_lsb = face.hmetrics[min(glyph, face.numGlyphs - 1)][1]  # read unsigned
            signed_lsb = base_lsb - 0x10000 if base_lsb > 0x7FFF else base_lsb
            face.hmetrics.append((round(advance * upem), (signed_lsb + dx) & 0xFFFF))
        char = self.char(new_glyph, text)
        with self.lock:
            self.shifted_codes[key] = ord(char)
        return char

    def text(self, code: int) -> str:
        """What code point ``code`` of this font copies as."""
        return self.texts.get(code) or chr(code)


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be", "surrogatepass").hex().upper()


def to_unicode_cmap(name: str, subset: list[int], aliases: GlyphAliases | None = None) -> str:
    """The ToUnicode CMap of one subset (one-byte codes 0..len-1, code i draws subset[i]).

    Destinations are UTF-16BE, surrogate pairs included; the .notdef code 0 maps to nothing.
    """
    entries = []
    for index, code in enumerate(subset):
        if code == 0:
            continue
        text = aliases.text(code) if aliases is not None else chr(code)
        entries.append(f"<{index:02X}> <{_utf16_hex(text)}>")
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        "<< /Registry (Adobe)",
        "/Ordering (UCS)",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{name.replace('+', '-')}-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<00> <FF>",
        "endcodespacerange",
    ]
    for start in range(0, len(entries), BFCHAR_BLOCK):
        block = entries[start : start + BFCHAR_BLOCK]
        lines.append(f"{len(block)} beginbfchar")
        lines.extend(block)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


def subset_tag(font_name: bytes, index: int, subset: list[int], glyphs: dict[int, int]) -> str:
    """Six capital letters naming one subset, from the glyphs it holds (PDF 9.6.4)."""
    digest = hashlib.sha256(font_name + pack(">I", index))
    digest.update(pack(f">{len(subset)}I", *(glyphs.get(code, 0) for code in subset)))
    value = int.from_bytes(digest.digest()[:8], "big")
    letters = []
    for _ in range(6):
        value, rest = divmod(value, 26)
        letters.append(chr(ord("A") + rest))
    return "".join(letters)


def add_font_objects(font: TTFont, doc: pdfdoc.PDFDocument) -> None:
    """``TTFont.addObjects`` with a UTF-16 ToUnicode map and content-derived subset tags.

    Otherwise it makes the same objects reportlab does: one simple TrueType font per subset
    of up to 256 characters, its widths, descriptor and embedded subset.
    """
    state = font.state.get(doc)
    if state is None:
        state = font.state[doc] = TTFont.State(font._asciiReadable)
    state.frozen = 1
    face = font.face
    aliases = getattr(font, "glyph_aliases", None)
    for n, subset in enumerate(state.subsets):
        internal_name = font.getSubsetInternalName(n, doc)[1:]
        tag = subset_tag(face.name, n, subset, face.charToGlyph)
        base_name = (tag.encode("ascii") + b"+" + face.name + face.subfontNameX).decode("pdfdoc")
        pdf_font = pdfdoc.PDFTrueTypeFont()
        pdf_font.__Comment__ = f"Font {font.fontName} subset {n}"
        pdf_font.Name = internal_name
        pdf_font.BaseFont = base_name
        pdf_font.FirstChar = 0
        pdf_font.LastChar = len(subset) - 1
        pdf_font.Widths = pdfdoc.PDFArray([face.getCharWidth(code) for code in subset])
        cmap_stream = pdfdoc.PDFStream()
        cmap_stream.content = to_unicode_cmap(base_name, subset, aliases)
        if doc.compression:
            cmap_stream.filters = [pdfdoc.PDFZCompress]
        pdf_font.ToUnicode = doc.Reference(cmap_stream, "toUnicodeCMap:" + base_name)
        pdf_font.FontDescriptor = face.addSubsetObjects(doc, base_name, subset)
        doc.Reference(pdf_font, internal_name)
        doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
    del font.state[doc]


def prepare_font(font: TTFont) -> TTFont:
    """Install the faster subsetter, the object writer above and glyph aliases on ``font``."""
    font.face.makeSubset = SubsetMaker(font.face).make
    font.glyph_aliases = GlyphAliases(font)  # type: ignore[attr-defined]
    font.addObjects = partial(add_font_objects, font)  # type: ignore[method-assign]
    return font
