"""TrueType subsets for the PDF painter, byte for byte what reportlab makes, only faster.

reportlab's ``TTFontFace.makeSubset`` builds every document's subset from the font file
again: it copies tables out of the file (the whole ``glyf`` table, megabytes for a Japanese
font, once per document), walks each glyph with a read pointer to find composite parts and
pads glyphs one by one. ``SubsetMaker`` keeps what does not change between documents (the
small tables, each used glyph's padded bytes and the places of its component references)
and only assembles per subset. Its output is identical to reportlab's, so PDF
readers, text extraction and ``pdffonts`` see exactly the same fonts.
"""

from __future__ import annotations

from struct import pack, unpack_from

from reportlab.pdfbase.ttfonts import (
    GF_ARG_1_AND_2_ARE_WORDS,
    GF_MORE_COMPONENTS,
    GF_WE_HAVE_A_SCALE,
    GF_WE_HAVE_A_TWO_BY_TWO,
    GF_WE_HAVE_AN_X_AND_Y_SCALE,
    TTFontFace,
    TTFontMaker,
)

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
        if glyph is None:
            start = self.glyf_start + self.face.glyphPos[index]
            data = self.font_data[start : self.glyf_start + self.face.glyphPos[index + 1]]
            parts = ()
            if len(data) > 2 and unpack_from(">h", data)[0] < 0:
                parts = _components(data)
            glyph = (data + b"\0" * (-len(data) % 4), parts)
            self.glyphs[index] = glyph
        return glyph

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
