"""The PDF painter: draws ``PageDisplay`` lists with reportlab.

Drawing happens in page millimetres with y downwards: each page starts with one matrix that
maps millimetres to points and flips the y axis, so display-list numbers go into the PDF
unchanged. Text matrices flip glyphs back upright.

- Fonts: each ``FontRef`` is registered with reportlab once per process under its ``key``;
  reportlab embeds a subset of the glyphs used in each document.
  reportlab's own subsets omit nothing a reader needs, but rebuild them from the font file
  for every document: ``pdf_fonts.SubsetMaker`` makes the same bytes from glyphs kept per
  process. ``asciiReadable=False`` stops reportlab from putting all of ASCII into every
  subset (about 20 KB of unused glyphs per document with a Japanese font).
- Paths that come back as the same objects record after record (cached borders, frames) are
  drawn as Form XObjects whose compressed stream is built once per process, so a batch does
  not format and compress thousands of curve points per page.
- Glyphs sit at the positions the layout gave. Consecutive characters whose spacing equals
  the font's own advance are written as one string (smaller, faster, better text extraction).
- Images: one XObject per ``image_key`` per document. JPEG bytes pass through as DCT; PNG is
  decoded once per process and kept as a compressed stream (plus a soft mask for alpha).
- Streams made per document (page contents, font subsets, ToUnicode maps) are deflated with
  ISA-L (``isal``) at level ``STREAM_ZLIB_LEVEL``: a few per cent larger than reportlab's
  zlib level 6 and about eight times faster. The output is ordinary FlateDecode data.
- Attachments (e.g. ``credential.json``) are embedded files listed in the document's names
  and associated with the document (``pdf_archive``); files are PDF/A-3b unless asked not to.
"""

from __future__ import annotations

import io
import itertools
import threading
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import IO, Any

from isal import isal_zlib
from PIL import Image
from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas

from designer.errors import ShoshoError
from designer.render.display import (
    DisplayItem,
    FontRef,
    GlyphRun,
    GroupItem,
    ImageItem,
    PageDisplay,
    PathItem,
    RectsItem,
)
from designer.render.fonts import is_ignorable
from designer.render.pdf_archive import (
    CONFORMANCES,
    PDFA_3B,
    Attachment,
    add_standard_parts,
    attach_files,
)
from designer.render.pdf_fonts import prepare_font
from designer.resources import fonts_dir

# ASCII85 makes every stream 25 % larger and slower to write; PDF readers need none of it.
rl_config.useA85 = 0

MM = 72 / 25.4  # points per millimetre
PT_TO_MM = 25.4 / 72
ADVANCE_TOLERANCE = 0.01  # mm; closer than this to the natural advance joins one string
CROP_MARK_LENGTH = 6.0  # mm
CROP_MARK_OFFSET = 2.0  # mm beyond the bleed (or the trim without bleed)
CROP_MARK_WIDTH = 0.1  # mm
STREAM_ZLIB_LEVEL = 1
PRODUCER = "Shosho (reportlab)"

_registered: dict[str, TTFont] = {}


def register_font(font: FontRef) -> TTFont:
    """Register ``font`` with reportlab under ``font.key`` (once per process)."""
    face = _registered.get(font.key)
    if face is None:
        try:
            face = TTFont(font.key, font.path, subfontIndex=font.subfont_index, asciiReadable=False)
        except (TTFError, OSError) as error:
            raise ShoshoError(f"font {font.path}: cannot embed it in a PDF: {error}") from None
        prepare_font(face)
        pdfmetrics.registerFont(face)
        # reportlab keeps one font object per PostScript face name: a second key for the same
        # face is given the first object, which is the one that encodes text and must be used
        face = pdfmetrics.getFont(font.key)
        _registered[font.key] = face
    return face


@lru_cache(maxsize=256)
def parse_color(color: str) -> tuple[float, float, float]:
    text = color.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    try:
        return (int(text[0:2], 16) / 255, int(text[2:4], 16) / 255, int(text[4:6], 16) / 255)
    except ValueError:
        raise ShoshoError(f"not a colour: {color!r} (use #RRGGBB)") from None


@dataclass(frozen=True)
class _PreparedImage:
    width: int
    height: int
    color_space: str
    filters: tuple[str, ...]
    stream: bytes
    decode: tuple[int, ...] | None = None
    soft_mask: _PreparedImage | None = None


@lru_cache(maxsize=32)
def _prepare_image(key: str, data: bytes) -> _PreparedImage:
    """The PDF image stream for ``data``; cached per process so each record does not redo it."""
    image = Image.open(io.BytesIO(data))
    if image.format == "JPEG":
        spaces = {"L": "DeviceGray", "RGB": "DeviceRGB", "CMYK": "DeviceCMYK"}
        if image.mode in spaces:
            decode = (1, 0, 1, 0, 1, 0, 1, 0) if image.mode == "CMYK" else None
            return _PreparedImage(
                image.width, image.height, spaces[image.mode], ("DCTDecode",), data, decode
            )
    soft_mask = None
    if image.mode in ("P", "PA", "LA", "RGBA", "I;16", "I", "1") or "transparency" in image.info:
        image = image.convert("RGBA") if image.mode != "L" else image
    if image.mode in ("RGBA", "LA"):
        alpha = image.getchannel("A")
        if alpha.getextrema() != (255, 255):
            soft_mask = _PreparedImage(
                image.width, image.height, "DeviceGray", ("FlateDecode",),
                zlib.compress(alpha.tobytes(), 6),
            )  # fmt: skip
        image = image.convert("RGB" if image.mode == "RGBA" else "L")
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    space = "DeviceRGB" if image.mode == "RGB" else "DeviceGray"
    stream = zlib.compress(image.tobytes(), 6)
    return _PreparedImage(
        image.width, image.height, space, ("FlateDecode",), stream, None, soft_mask
    )


def _image_xobject(name: str, prepared: _PreparedImage) -> pdfdoc.PDFImageXObject:
    xobject = pdfdoc.PDFImageXObject(name)
    xobject.width = prepared.width
    xobject.height = prepared.height
    xobject.bitsPerComponent = 8
    xobject.colorSpace = prepared.color_space
    xobject._filters = prepared.filters
    xobject.streamContent = prepared.stream
    xobject.mask = None
    if prepared.decode:
        xobject._decode = list(prepared.decode)
    return xobject


class _IdentityCache:
    """A small LRU of values derived from display-list objects, keyed by their identity.

    Display lists are read-only once made, and cached layout parts (borders, static text)
    hand out the same objects record after record, so identity is a key that costs nothing
    to compute, unlike hashing thousands of points. Each entry holds its object, so the id
    cannot be reused by another object while the entry lives. Thread-safe.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.entries: OrderedDict[tuple, tuple[object, Any]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple, obj: object) -> Any:
        with self.lock:
            entry = self.entries.get(key)
            if entry is None or entry[0] is not obj:
                return None
            self.entries.move_to_end(key)
            return entry[1]

    def put(self, key: tuple, obj: object, value: Any) -> None:
        with self.lock:
            self.entries[key] = (obj, value)
            self.entries.move_to_end(key)
            if len(self.entries) > self.size:
                self.entries.popitem(last=False)


@dataclass(frozen=True)
class _PathForm:
    """A shared path drawn as a Form XObject, compressed and formatted once per process."""

    key: str
    formatted: bytes  # the whole object body: it refers to no other object


class _Preformatted(pdfdoc.PDFObject):
    """A PDF object whose bytes are the same in every document (it holds no references)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        return self.data


SHARED_PATH_MIN_OPS = 16  # shorter paths cost less inline than as an XObject
_path_forms = _IdentityCache(256)  # paths drawn at least twice -> their form
_paths_seen = _IdentityCache(256)  # paths drawn once so far


def _path_style_key(item: PathItem) -> tuple:
    dash = tuple(item.dash) if item.dash else None
    return (id(item.ops), item.fill, item.stroke, item.stroke_width, dash, item.even_odd)


def _path_body(item: PathItem) -> str:
    """Colours, line style, path and painting operator of ``item`` (no alpha)."""
    parts = []
    if item.fill:
        r, g, b = parse_color(item.fill)
        parts.append(f"{r:.4g} {g:.4g} {b:.4g} rg")
    if item.stroke:
        r, g, b = parse_color(item.stroke)
        parts.append(f"{r:.4g} {g:.4g} {b:.4g} RG")
        parts.append(f"{item.stroke_width:.4f} w")
        if item.dash:
            parts.append("[" + " ".join(f"{d:.3f}" for d in item.dash) + "] 0 d")
    parts.append(_path_code(item.ops))
    if item.fill and item.stroke:
        parts.append("B*" if item.even_odd else "B")
    elif item.fill:
        parts.append("f*" if item.even_odd else "f")
    else:
        parts.append("S")
    return "\n".join(parts)


def _path_bbox(item: PathItem) -> tuple[float, float, float, float]:
    xs = [v for op in item.ops for v in op[1::2]]
    ys = [v for op in item.ops for v in op[2::2]]
    pad = (item.stroke_width if item.stroke else 0.0) * 6 + 1.0  # room for mitred corners
    return (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)


def _shared_path_form(item: PathItem) -> _PathForm | None:
    """The cached form for ``item`` when its ops object has been drawn before, else None.

    A path seen for the first time is only remembered: one-off paths never pay for a form.
    """
    if len(item.ops) < SHARED_PATH_MIN_OPS:
        return None
    key = _path_style_key(item)
    form = _path_forms.get(key, item.ops)
    if form is not None:
        return form
    if _paths_seen.get(key, item.ops) is None:
        _paths_seen.put(key, item.ops, True)
        return None
    stream = zlib.compress(_path_body(item).encode("latin-1"), 6)
    formatted = _form_xobject(stream, _path_bbox(item)).format(pdfdoc.PDFDocument())
    form = _PathForm(f"shosho-path-{len(stream)}-{zlib.crc32(stream):08x}", formatted)
    _path_forms.put(key, item.ops, form)
    return form


def _form_xobject(stream: bytes, bbox: tuple[float, float, float, float]) -> pdfdoc.PDFStream:
    return pdfdoc.PDFStream(
        dictionary=pdfdoc.PDFDictionary(
            {
                "Type": pdfdoc.PDFName("XObject"),
                "Subtype": pdfdoc.PDFName("Form"),
                "BBox": pdfdoc.PDFArray(list(bbox)),
                "Resources": pdfdoc.PDFDictionary({}),
                "Filter": pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")]),
            }
        ),
        content=stream,
    )


class _PdfPainter:
    """Draws pages onto one reportlab canvas."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.code = canvas._code  # operators are appended directly for speed
        self.images: dict[str, str] = {}  # image_key -> XObject resource name
        self.forms: dict[str, str] = {}  # shared path form key -> XObject resource name

    # -- document resources -------------------------------------------------------------
    def _image_name(self, key: str, data: bytes) -> str:
        name = self.images.get(key)
        if name is not None:
            return name
        canvas = self.canvas
        doc = canvas._doc
        prepared = _prepare_image(key, data)
        name = doc.getXObjectName(key)
        xobject = _image_xobject(key, prepared)
        if prepared.soft_mask is not None:
            mask_name = doc.getXObjectName(key + "-mask")
            mask = _image_xobject(key + "-mask", prepared.soft_mask)
            mask._decode = [0, 1]
            xobject.smask = doc.Reference(mask, mask_name)
        doc.Reference(xobject, name)
        doc.addForm(key, xobject)
        self.images[key] = name
        return name

    def _form_name(self, form: _PathForm) -> str:
        name = self.forms.get(form.key)
        if name is None:
            name = self.canvas._doc.getXObjectName(form.key)
            self.canvas._doc.Reference(_Preformatted(form.formatted), name)
            self.forms[form.key] = name
        return name

    # -- drawing ---------------------------------------------------------------------------
    def draw_items(
        self, items: Iterable[DisplayItem], images: Mapping[str, bytes], opacity: float = 1.0
    ) -> None:
        for item in items:
            alpha = item.opacity * opacity
            needs_state = item.transform is not None or alpha < 1.0
            if needs_state:
                self.code.append("q")
                if item.transform is not None:
                    self.canvas.transform(*item.transform)
            if isinstance(item, GlyphRun):
                self._glyph_run(item, alpha)
            elif isinstance(item, RectsItem):
                self._rects(item, alpha)
            elif isinstance(item, PathItem):
                self._path(item, alpha)
            elif isinstance(item, ImageItem):
                self._image(item, images, alpha)
            elif isinstance(item, GroupItem):
                self._group(item, images, opacity)
            if needs_state:
                self.code.append("Q")

    def _set_alpha(self, alpha: float, stroke: bool = False) -> None:
        if alpha < 1.0:
            self.canvas.setFillAlpha(alpha)
            if stroke:
                self.canvas.setStrokeAlpha(alpha)

    def _fill_color(self, color: str) -> None:
        r, g, b = parse_color(color)
        self.code.append(f"{r:.4g} {g:.4g} {b:.4g} rg")

    def _stroke_color(self, color: str) -> None:
        r, g, b = parse_color(color)
        self.code.append(f"{r:.4g} {g:.4g} {b:.4g} RG")

    def _rects(self, item: RectsItem, alpha: float) -> None:
        if not item.rects:
            return
        self.code.append("q")
        self._set_alpha(alpha)
        self._fill_color(item.color)
        # one format string for all rectangles: much faster than a string per rectangle
        rects = item.rects
        self.code.append(("%.4f %.4f %.4f %.4f re " * len(rects)) % tuple(chain(*rects)) + "f Q")

    def _path(self, item: PathItem, alpha: float) -> None:
        if not item.ops or (item.fill is None and item.stroke is None):
            return
        code = self.code
        code.append("q")
        self._set_alpha(alpha, stroke=True)
        form = _shared_path_form(item)
        if form is not None:
            code.append(f"/{self._form_name(form)} Do")
            self.canvas._formsinuse.append(form.key)
        else:
            code.append(_path_body(item))
        code.append("Q")

    def _image(self, item: ImageItem, images: Mapping[str, bytes], alpha: float) -> None:
        data = images.get(item.image_key)
        if data is None:
            raise ShoshoError(f"display list refers to a missing image {item.image_key!r}")
        name = self._image_name(item.image_key, data)
        code = self.code
        code.append("q")
        self._set_alpha(alpha)
        if item.clip is not None:
            cx, cy, cw, ch = item.clip
            code.append(f"{cx:.4f} {cy:.4f} {cw:.4f} {ch:.4f} re W n")
        # The image's unit square, y up, onto its box in y-down millimetres.
        code.append(
            f"{item.width:.4f} 0 0 {-item.height:.4f} {item.x:.4f} {item.y + item.height:.4f} cm"
        )
        code.append(f"/{name} Do Q")
        self.canvas._formsinuse.append(item.image_key)

    def _group(self, item: GroupItem, images: Mapping[str, bytes], opacity: float) -> None:
        if item.clip is not None:
            x, y, w, h = item.clip
            self.code.append(f"{x:.4f} {y:.4f} {w:.4f} {h:.4f} re W n")
        self.draw_items(item.items, images, opacity * item.opacity)

    def _glyph_run(self, run: GlyphRun, alpha: float) -> None:
        if not run.text:
            return
        register_font(run.font)
        canvas = self.canvas
        size_mm = run.size * PT_TO_MM
        self.code.append("q")
        self._set_alpha(alpha)
        self._fill_color(run.color)
        text = canvas.beginText()
        text.setFont(run.font.key, size_mm)
        for matrix, chars in _run_segments(run, size_mm):
            text._code.append(matrix)
            text.textOut(chars)  # encodes for this document's font subset
        canvas.drawText(text)
        self.code.append("Q")


_run_cache = _IdentityCache(512)


def _run_segments(run: GlyphRun, size_mm: float) -> list[tuple[str, str]]:
    """(text matrix operator, characters) for each string of ``run`` drawn in one go.

    Consecutive upright characters whose spacing equals the font's own advance make one
    string. Cached by the identity of the run's positions list: the text engine hands out the
    same list for a text it has laid out before, so static text is split once per process.
    """
    key = (id(run.positions), id(run.rotated), run.text, size_mm, run.font.key)
    cached = _run_cache.get(key, run.positions)
    if cached is not None:
        return cached
    face = register_font(run.font)
    text, positions = _drawn_text(run, face, size_mm)
    rotated = run.rotated or [False] * len(text)
    segments = []
    start = 0
    count = len(text)
    while start < count:
        end = start + 1
        x, y = positions[start]
        if not rotated[start]:
            expected = x + face.stringWidth(text[start], size_mm)
            while end < count and not rotated[end]:
                nx, ny = positions[end]
                if abs(nx - expected) > ADVANCE_TOLERANCE or abs(ny - y) > ADVANCE_TOLERANCE:
                    break
                expected = nx + face.stringWidth(text[end], size_mm)
                end += 1
            matrix = f"1 0 0 -1 {x:.4f} {y:.4f} Tm"
        else:
            # turned 90° clockwise: the advance runs down the page, glyph tops face right
            matrix = f"0 1 1 0 {x:.4f} {y:.4f} Tm"
        segments.append((matrix, text[start:end]))
        start = end
    _run_cache.put(key, positions, segments)
    return segments


def _drawn_text(
    run: GlyphRun, face: TTFont, size_mm: float
) -> tuple[str, list[tuple[float, float]]]:
    """``run.text`` and positions as written: a stand-in character (``GlyphAliases``) wherever
    the glyph is not the character's cmap glyph or stands for other text, for characters the
    font lacks (drawn as its empty box, but copied as themselves), and for glyphs set in part
    of their cell (drawn from the cell's start, so the text layer's boxes do not overlap)."""
    char_to_glyph = face.face.charToGlyph
    glyph_ids, clusters, cells = run.glyph_ids, run.clusters, run.cells
    if glyph_ids is None and cells is None and all(ord(ch) in char_to_glyph for ch in run.text):
        return run.text, run.positions
    aliases = face.glyph_aliases  # type: ignore[attr-defined]
    drawn = []
    positions = list(run.positions)
    for index, ch in enumerate(run.text):
        glyph = glyph_ids[index] if glyph_ids is not None else -1
        source = clusters[index] if clusters is not None else ch
        cell = cells[index] if cells is not None else None
        if cell is not None:
            if glyph < 0:
                glyph = char_to_glyph.get(ord(ch), 0)
            shift, advance = cell
            drawn.append(aliases.shifted(glyph, source, -shift, advance))
            x, y = positions[index]
            positions[index] = (x + shift * size_mm, y)
            continue
        if glyph < 0 and source == ch:
            if ord(ch) in char_to_glyph or is_ignorable(ch) or ch == " ":
                drawn.append(ch)
                continue
            glyph = 0
        elif glyph < 0:
            glyph = char_to_glyph.get(ord(ch), 0)
        drawn.append(aliases.char(glyph, source))
    return "".join(drawn), positions


def _path_code(ops: list[tuple]) -> str:
    parts = []
    for op in ops:
        kind = op[0]
        if kind == "M":
            parts.append(f"{op[1]:.4f} {op[2]:.4f} m")
        elif kind == "L":
            parts.append(f"{op[1]:.4f} {op[2]:.4f} l")
        elif kind == "C":
            parts.append(
                f"{op[1]:.4f} {op[2]:.4f} {op[3]:.4f} {op[4]:.4f} {op[5]:.4f} {op[6]:.4f} c"
            )
        elif kind == "Z":
            parts.append("h")
    return " ".join(parts)


def _crop_mark_ops(width: float, height: float, start: float) -> list[tuple]:
    """Marks at the trim corners, starting ``start`` mm outside the trim box."""
    ops: list[tuple] = []
    end = start + CROP_MARK_LENGTH
    for cx in (0.0, width):
        sign_x = -1 if cx == 0 else 1
        for cy in (0.0, height):
            sign_y = -1 if cy == 0 else 1
            ops += [("M", cx + sign_x * start, cy), ("L", cx + sign_x * end, cy)]
            ops += [("M", cx, cy + sign_y * start), ("L", cx, cy + sign_y * end)]
    return ops


def _first_font(items: Iterable[DisplayItem]) -> FontRef | None:
    for item in items:
        if isinstance(item, GlyphRun):
            return item.font
        if isinstance(item, GroupItem):
            found = _first_font(item.items)
            if found is not None:
                return found
    return None


def _initial_font(page: PageDisplay | None) -> str:
    font = _first_font(page.items) if page is not None else None
    if font is None:
        font = FontRef(
            "shosho-initial-LiberationSans", str(fonts_dir() / "LiberationSans-Regular.ttf")
        )
    return register_font(font).fontName


def write_pdf(
    pages: Iterable[PageDisplay],
    path: str | Path | IO[bytes],
    *,
    bleed: bool = False,
    crop_marks: bool = False,
    metadata: Mapping[str, str] | None = None,
    attachments: Mapping[str, bytes | Attachment] | None = None,
    conformance: str | None = PDFA_3B,
) -> int:
    """Write ``pages`` to one PDF; return the number of pages.

    Each page's media box is its trim size, or trim plus ``page.bleed`` on every side when
    ``bleed`` is true (the TrimBox then marks the cut). ``crop_marks`` widens the sheet by a
    margin holding marks at the trim corners. ``metadata`` keys: title, author, subject,
    keywords, creator. ``attachments`` maps file names to the bytes (or ``Attachment``)
    embedded in the PDF as its associated files. ``conformance`` ``PDFA_3B`` (the default)
    makes the file PDF/A-3b (XMP metadata, sRGB output intent); None writes a plain PDF.
    Every page has a TrimBox and a BleedBox.
    """
    if conformance is not None and conformance not in CONFORMANCES:
        raise ShoshoError(f"unknown PDF conformance {conformance!r}; use {PDFA_3B!r} or none")
    target = str(path) if isinstance(path, Path) else path
    page_iter = iter(pages)
    first = next(page_iter, None)
    # reportlab starts every page with a standard font (Helvetica, never embedded) unless the
    # initial font is an embedded TrueType one.
    canvas = Canvas(target, pageCompression=1, invariant=0, initialFontName=_initial_font(first))
    meta = dict(metadata or {})
    canvas.setTitle(meta.get("title", ""))
    canvas.setAuthor(meta.get("author", ""))
    canvas.setSubject(meta.get("subject", ""))
    canvas.setKeywords(meta.get("keywords", ""))
    canvas.setCreator(meta.get("creator", "Shosho"))
    canvas.setProducer(PRODUCER)
    if conformance is not None:
        entries = {
            "Title": meta.get("title", ""),
            "Author": meta.get("author", ""),
            "Subject": meta.get("subject", ""),
            "Keywords": meta.get("keywords", ""),
            "Creator": meta.get("creator", "Shosho"),
            "Producer": PRODUCER,
        }
        add_standard_parts(canvas._doc, conformance, entries)
    painter = _PdfPainter(canvas)
    count = 0
    for page in itertools.chain([first] if first is not None else [], page_iter):
        page_bleed = page.bleed if bleed else 0.0
        margin = page_bleed + (CROP_MARK_OFFSET + CROP_MARK_LENGTH if crop_marks else 0.0)
        media_w = page.width + 2 * margin
        media_h = page.height + 2 * margin
        canvas.setPageSize((media_w * MM, media_h * MM))
        trim = (
            margin * MM,
            margin * MM,
            (margin + page.width) * MM,
            (margin + page.height) * MM,
        )
        canvas.setTrimBox(trim)
        b = margin - page_bleed
        canvas.setBleedBox((b * MM, b * MM, (media_w - b) * MM, (media_h - b) * MM))
        painter.code = canvas._code
        painter.code.append(
            f"{MM:.6f} 0 0 {-MM:.6f} {margin * MM:.4f} {(media_h - margin) * MM:.4f} cm"
        )
        if page.background:
            r, g, b_ = parse_color(page.background)
            if (r, g, b_) != (1.0, 1.0, 1.0):
                painter._fill_color(page.background)
                reach = page_bleed
                painter.code.append(
                    f"{-reach:.4f} {-reach:.4f} {page.width + 2 * reach:.4f} "
                    f"{page.height + 2 * reach:.4f} re f"
                )
        if not bleed and page.bleed:
            painter.code.append(f"0 0 {page.width:.4f} {page.height:.4f} re W n")
        painter.draw_items(page.items, page.images)
        if crop_marks:
            painter.code.append(f"0 0 0 RG {CROP_MARK_WIDTH} w")
            painter.code.append(
                _path_code(_crop_mark_ops(page.width, page.height, page_bleed + CROP_MARK_OFFSET))
            )
            painter.code.append("S")
        canvas.showPage()
        count += 1
    if attachments:
        attach_files(canvas._doc, attachments)
    _use_fast_flate(canvas._doc)
    canvas.save()
    return count


class _FastFlate(pdfdoc.PDFStreamFilterZCompress):
    """FlateDecode by ISA-L at ``STREAM_ZLIB_LEVEL`` instead of zlib's default 6."""

    def encode(self, text: str | bytes) -> bytes:
        if isinstance(text, str):
            text = text.encode("utf8")
        return isal_zlib.compress(text, STREAM_ZLIB_LEVEL)


_FAST_FLATE = _FastFlate()


def _use_fast_flate(doc: pdfdoc.PDFDocument) -> None:
    """Make ``doc`` deflate its streams with ``_FAST_FLATE`` when it is saved.

    Font subsets are only made when the document is saved, so the switch happens there: the
    fonts' objects are added first, then every stream still set to reportlab's default filter
    is given the faster one. Page content streams are made here too (reportlab would make
    them while formatting, with its own filter).
    """
    get_pdf_data = doc.GetPDFData

    def fast_get_pdf_data(canvas: Canvas) -> bytes:
        for font in doc.delayedFonts:
            font.addObjects(doc)
        doc.delayedFonts = []
        for page in doc.Pages.pages:
            if not page.Contents and page.stream and page.compression:
                page.Contents = pdfdoc.PDFStream(content=page.stream, filters=[_FAST_FLATE])
        for obj in doc.idToObject.values():
            if isinstance(obj, pdfdoc.PDFStream) and obj.filters == [pdfdoc.PDFZCompress]:
                obj.filters = [_FAST_FLATE]
        return get_pdf_data(canvas)

    doc.GetPDFData = fast_get_pdf_data
