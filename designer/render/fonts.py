"""Fonts: the bundled faces plus user-added font files, their metrics, and fallback.

Metrics come from the font files themselves (fontTools), are read once per face and cached,
and are what both painters rely on: the layout places every glyph, so the PDF and the Qt
canvas draw them at identical positions.

reportlab embeds only TrueType outlines (``glyf``): a face with PostScript (CFF) outlines, as
most .otf/.otc files have, is converted once to a TrueType copy (``font_convert``) and drawn
from it. Only fonts whose OS/2 ``fsType`` allows embedding and subsetting are accepted.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont, TTLibError

from designer.errors import ShoshoError
from designer.render.display import FontRef
from designer.render.font_convert import has_cff_outlines, truetype_copy
from designer.resources import fonts_dir

FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")

# fsType bits (OpenType OS/2): 0x0002 restricted licence embedding, 0x0100 no subsetting,
# 0x0200 bitmap embedding only. reportlab always embeds a subset of the outlines.
_FSTYPE_FORBIDDEN = 0x0002 | 0x0100 | 0x0200

# Families of the bundled fonts and the fallback order behind each kind of face. A character
# the chosen face lacks is taken from the first font in its chain that has it.
MINCHO = "IPAexMincho"
GOTHIC = "IPAexGothic"
UD_GOTHIC = "BIZ UDPGothic"
LATIN_SERIF = "Caladea"
LATIN_SANS = "Liberation Sans"
NAME_FALLBACK_A = "Shosho Name Fallback A"
NAME_FALLBACK_B = "Shosho Name Fallback B"
NAME_FALLBACK_GOTHIC = "Shosho Name Fallback Gothic"  # Regular and Bold
NAME_FALLBACKS = (NAME_FALLBACK_A, NAME_FALLBACK_B, NAME_FALLBACK_GOTHIC)

# Rare name kanji come from a fallback of the same style: Mincho (HanaMin subsets) behind
# Mincho text, Gothic of the same weight (Noto Sans CJK JP subset) behind Gothic text.
_SERIF_CHAIN = (
    MINCHO,
    NAME_FALLBACK_A,
    NAME_FALLBACK_B,
    NAME_FALLBACK_GOTHIC,
    GOTHIC,
    LATIN_SERIF,
    LATIN_SANS,
)
_SANS_CHAIN = (
    UD_GOTHIC,
    GOTHIC,
    NAME_FALLBACK_GOTHIC,
    NAME_FALLBACK_A,
    NAME_FALLBACK_B,
    MINCHO,
    LATIN_SANS,
)
_SANS_HINTS = ("gothic", "sans", "ゴシック", "goth", "grotesk", "arial", "helvetica")


def _norm(family: str) -> str:
    """Family lookup key: case, spaces, hyphens and underscores do not matter."""
    return "".join(ch for ch in family.casefold() if ch not in " -_")


@dataclass(eq=False)
class FaceMetrics:
    """What layout needs from one face, in em units (1.0 = the font size)."""

    ref: FontRef
    family: str
    style: str
    bold: bool
    sans: bool
    units_per_em: int
    ascender: float  # above the baseline, positive
    descender: float  # below the baseline, negative
    em_box_centre: float  # height above the baseline of the middle of the glyphs' em box
    advances: dict[str, float]  # character -> horizontal advance
    vertical_advances: dict[str, float] | None  # character -> vertical advance (vmtx)
    notdef_advance: float

    @property
    def em_box_top(self) -> float:
        """Where the top of a 1 em cell lies above the baseline (0.88 for IPAex)."""
        return self.em_box_centre + 0.5

    def has(self, ch: str) -> bool:
        return ch in self.advances

    def advance(self, ch: str) -> float:
        return self.advances.get(ch, self.notdef_advance)

    def vertical_advance(self, ch: str) -> float:
        if self.vertical_advances is None:
            return 1.0
        return self.vertical_advances.get(ch, 1.0)


@dataclass(eq=False)
class _FaceInfo:
    ref: FontRef
    family_names: tuple[str, ...]  # English first, then localised names
    style: str
    bold: bool
    sans: bool
    metrics: FaceMetrics | None = None


@dataclass
class _Family:
    name: str
    regular: _FaceInfo | None = None
    bold: _FaceInfo | None = None
    others: list[_FaceInfo] = field(default_factory=list)

    def pick(self, bold: bool) -> _FaceInfo:
        order = (self.bold, self.regular) if bold else (self.regular, self.bold)
        for face in order:
            if face is not None:
                return face
        return self.others[0]


def _name(font: TTFont, name_id: int, prefer_english: bool = True) -> list[str]:
    table = font["name"]
    found: list[str] = []
    records = sorted(
        (r for r in table.names if r.nameID == name_id),
        key=lambda r: (
            (0 if (r.platformID == 3 and r.langID == 0x409) else 1 if r.platformID == 1 else 2)
            if prefer_english
            else 0
        ),
    )
    for record in records:
        try:
            text = record.toUnicode().strip()
        except UnicodeDecodeError:
            continue
        if text and text not in found:
            found.append(text)
    return found


def _check_embeddable(font: TTFont, label: str) -> None:
    if "glyf" not in font:
        kind = "variable PostScript (CFF2)" if "CFF2" in font else "non-TrueType"
        raise ShoshoError(
            f"font {label}: {kind} outlines are not supported; choose the static .otf/.ttf "
            "version of this font."
        )
    _check_fs_type(font, label)


def _check_fs_type(font: TTFont, label: str) -> None:
    fs_type = font["OS/2"].fsType if "OS/2" in font else 0
    if fs_type & _FSTYPE_FORBIDDEN:
        raise ShoshoError(
            f"font {label}: its licence flags (OS/2 fsType 0x{fs_type:04X}) forbid embedding "
            "or subsetting it in a PDF, so it cannot be used."
        )


def _face_info(font: TTFont, path: Path, index: int, label: str) -> _FaceInfo:
    _check_embeddable(font, label)
    families = _name(font, 16) + [n for n in _name(font, 1) if n not in _name(font, 16)]
    if not families:
        families = [path.stem]
    style = (_name(font, 17) or _name(font, 2) or ["Regular"])[0]
    os2 = font.get("OS/2")
    bold = bool(os2 and (os2.fsSelection & 0x20)) or bool(font["head"].macStyle & 1)
    bold = bold or "bold" in style.casefold()
    family_class = (os2.sFamilyClass >> 8) if os2 else 0
    joined = " ".join(families).casefold()
    sans = family_class == 8 or any(hint in joined for hint in _SANS_HINTS)
    ps_names = _name(font, 6)
    key = ps_names[0] if ps_names else f"{families[0]}-{style}".replace(" ", "")
    return _FaceInfo(
        ref=FontRef(key=key, path=str(path), subfont_index=index),
        family_names=tuple(families),
        style=style,
        bold=bold,
        sans=sans,
    )


_METRICS_CACHE: dict[tuple[str, int], FaceMetrics] = {}
_METRICS_LOCK = threading.Lock()


def _read_metrics(info: _FaceInfo) -> FaceMetrics:
    ref = info.ref
    cache_key = (ref.path, ref.subfont_index)
    cached = _METRICS_CACHE.get(cache_key)
    if cached is not None and cached.ref == ref:
        return cached
    font = TTFont(ref.path, fontNumber=ref.subfont_index, lazy=True)
    try:
        upem = font["head"].unitsPerEm
        cmap = font.getBestCmap() or {}
        hmtx = font["hmtx"].metrics
        scale = 1.0 / upem
        advances = {chr(cp): hmtx[glyph][0] * scale for cp, glyph in cmap.items() if glyph in hmtx}
        vertical = None
        if "vmtx" in font:
            vmtx = font["vmtx"].metrics
            vertical = {
                chr(cp): vmtx[glyph][0] * scale for cp, glyph in cmap.items() if glyph in vmtx
            }
        os2 = font.get("OS/2")
        hhea = font["hhea"]
        if os2 is not None and (os2.fsSelection & 0x80 or not (hhea.ascent or hhea.descent)):
            ascender, descender = os2.sTypoAscender * scale, os2.sTypoDescender * scale
        else:
            ascender, descender = hhea.ascent * scale, hhea.descent * scale
        if os2 is not None and os2.sTypoAscender - os2.sTypoDescender == upem:
            em_box_centre = os2.sTypoAscender * scale - 0.5  # CJK fonts: the ideographic em box
        else:
            em_box_centre = (ascender + descender) / 2
        notdef = font.getGlyphOrder()[0]
        notdef_advance = hmtx[notdef][0] * scale if notdef in hmtx else 1.0
    finally:
        font.close()
    metrics = FaceMetrics(
        ref=ref,
        family=info.family_names[0],
        style=info.style,
        bold=info.bold,
        sans=info.sans,
        units_per_em=upem,
        ascender=ascender,
        descender=descender,
        em_box_centre=em_box_centre,
        advances=advances,
        vertical_advances=vertical,
        notdef_advance=notdef_advance,
    )
    with _METRICS_LOCK:
        _METRICS_CACHE[cache_key] = metrics
    return metrics


class FontLibrary:
    """The fonts a template may use: the bundled ones plus TrueType files the user added.

    Families are found by any of their names (English or localised), ignoring case and
    spaces. A family without a bold face gives its regular face for bold, and the other way
    round.
    """

    _default_cache: dict[tuple[str, ...], FontLibrary] = {}

    def __init__(self) -> None:
        self._families: dict[str, _Family] = {}
        self._faces: dict[FontRef, _FaceInfo] = {}
        self._keys: set[str] = set()
        self._chains: dict[tuple[str, bool], tuple[FaceMetrics, ...]] = {}
        self.rejected: list[str] = []  # messages for files skipped while scanning folders
        self.conversion_dir: Path | None = None  # TrueType copies of CFF fonts (default cache)

    # ----- building -------------------------------------------------------------------
    @classmethod
    def bundled(cls) -> FontLibrary:
        """Only the fonts shipped in ``assets/fonts``."""
        return cls.default()

    @classmethod
    def default(cls, extra_dirs: Iterable[str | Path] = ()) -> FontLibrary:
        """The bundled fonts plus every font in ``extra_dirs`` (cached per folder list)."""
        dirs = tuple(str(Path(d)) for d in extra_dirs)
        library = cls._default_cache.get(dirs)
        if library is None:
            library = cls()
            library.add_dir(fonts_dir(), strict=True)
            for folder in dirs:
                library.add_dir(folder)
            cls._default_cache[dirs] = library
        return library

    def add_dir(self, folder: str | Path, strict: bool = False) -> list[FontRef]:
        """Add every font file in ``folder`` (not recursive). Unusable files are skipped and
        described in ``self.rejected``, unless ``strict``, when they raise ShoshoError."""
        folder = Path(folder)
        if not folder.is_dir():
            if strict:
                raise ShoshoError(f"font folder {folder} does not exist")
            return []  # a user who has added no fonts has no fonts folder: nothing to say
        added: list[FontRef] = []
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in FONT_SUFFIXES or not path.is_file():
                continue
            if strict:
                added.extend(self.add_file(path))
                continue
            try:  # a user's folder: one bad file is skipped and named, never fatal
                _check_usable(path)
                added.extend(self.add_file(path))
            except ShoshoError as exc:
                self.rejected.append(f"skipped {exc}")
            except Exception as exc:  # fontTools raises many types for damaged files
                self.rejected.append(
                    f"skipped font {path}: damaged ({type(exc).__name__}: {str(exc)[:120]})"
                )
        return added

    def add_file(self, path: str | Path) -> list[FontRef]:
        """Add a .ttf/.otf file or every face of a .ttc/.otc collection (CFF faces through
        their TrueType copies). Raises ShoshoError naming the file when it is unreadable,
        cannot be converted, or may not be embedded."""
        path = Path(path).resolve()
        try:
            with path.open("rb") as handle:
                is_collection = handle.read(4) == b"ttcf"
            if is_collection:
                collection = TTCollection(str(path), lazy=True)
                fonts = list(collection.fonts)
            else:
                fonts = [TTFont(str(path), lazy=True)]
        except (OSError, TTLibError, AssertionError, ValueError) as exc:
            raise ShoshoError(f"font {path}: cannot be read as a font file ({exc})") from exc
        infos = []
        try:
            for index, font in enumerate(fonts):
                label = f"{path}" + (f" (face {index})" if is_collection else "")
                if has_cff_outlines(font):
                    infos.append(self._converted_face(font, path, index, label))
                else:
                    infos.append(_face_info(font, path, index, label))
        finally:
            for font in fonts:
                font.close()
        return [self._register(info) for info in infos]

    def _converted_face(self, font: TTFont, path: Path, index: int, label: str) -> _FaceInfo:
        """A CFF face: checked, then drawn from its TrueType copy (``font_convert``)."""
        _check_fs_type(font, label)
        try:
            copy = truetype_copy(path, index, self.conversion_dir)
        except (OSError, TTLibError, AssertionError, ValueError, KeyError) as exc:
            raise ShoshoError(
                f"font {label}: its PostScript (CFF) outlines could not be converted ({exc})"
            ) from exc
        converted = TTFont(str(copy), lazy=True)
        try:
            return _face_info(converted, copy, 0, label)
        finally:
            converted.close()

    def _register(self, info: _FaceInfo) -> FontRef:
        if info.ref in self._faces:
            return info.ref
        key = info.ref.key
        if key in self._keys:  # same PostScript name in two files: make the key unique
            digest = hashlib.sha1(f"{info.ref.path}#{info.ref.subfont_index}".encode()).hexdigest()
            key = f"{key}-{digest[:8]}"
            info.ref = FontRef(key=key, path=info.ref.path, subfont_index=info.ref.subfont_index)
        self._keys.add(key)
        self._faces[info.ref] = info
        self._chains.clear()
        for name in info.family_names:
            family = self._families.setdefault(_norm(name), _Family(name=info.family_names[0]))
            if info.bold:
                family.bold = family.bold or info
            elif info.style.casefold() in ("regular", "normal", "book", "roman", "標準"):
                family.regular = family.regular or info
            else:
                family.others.append(info)
                if family.regular is None and "italic" not in info.style.casefold():
                    family.regular = info
        return info.ref

    # ----- lookup -----------------------------------------------------------------------
    def families(self) -> list[str]:
        """The family names a template may use, one per family, sorted."""
        names = {family.name for family in self._families.values()}
        return sorted(names, key=str.casefold)

    def has_family(self, family: str) -> bool:
        return _norm(family) in self._families

    def _family(self, family: str) -> _Family:
        found = self._families.get(_norm(family))
        if found is None:
            raise ShoshoError(
                f"font family {family!r} is not installed; available: {', '.join(self.families())}"
            )
        return found

    def resolve(self, family: str, bold: bool = False) -> FontRef:
        """The face to draw ``family`` in (its bold face for ``bold`` where there is one)."""
        return self._family(family).pick(bold).ref

    def metrics(self, ref: FontRef) -> FaceMetrics:
        info = self._faces.get(ref)
        if info is None:
            raise ShoshoError(f"font {ref.path} is not part of this font library")
        if info.metrics is None:
            info.metrics = _read_metrics(info)
        return info.metrics

    def chain(self, family: str, bold: bool = False) -> tuple[FaceMetrics, ...]:
        """The face for ``family`` followed by the bundled faces that fill in characters it
        lacks, in order (Mincho-style faces fall back to Mincho first, Gothic-style to Gothic)."""
        cache_key = (_norm(family), bold)
        cached = self._chains.get(cache_key)
        if cached is not None:
            return cached
        first = self._family(family).pick(bold)
        order = _SANS_CHAIN if first.sans else _SERIF_CHAIN
        faces = [self.metrics(first.ref)]
        seen = {first.ref}
        other_weight: list[FaceMetrics] = []  # e.g. a bold-only family behind regular text
        for name in order:
            found = self._families.get(_norm(name))
            if found is None:
                continue
            info = found.pick(bold)
            if info.ref not in seen:
                seen.add(info.ref)
                (faces if info.bold == bold else other_weight).append(self.metrics(info.ref))
        chain = tuple(faces + other_weight)
        self._chains[cache_key] = chain
        return chain

    def face_for(self, ch: str, family: str, bold: bool = False) -> FaceMetrics | None:
        """The first face in the fallback chain that has ``ch``, or None if none has it."""
        for face in self.chain(family, bold):
            if ch in face.advances:
                return face
        return None

    def missing_characters(self, text: str, family: str, bold: bool = False) -> list[str]:
        """Characters of ``text`` that no font in the fallback chain can draw, in order of
        first appearance (spaces, line breaks and variation selectors never count)."""
        chain = self.chain(family, bold)
        missing: list[str] = []
        for ch in dict.fromkeys(text):
            if is_ignorable(ch):
                continue
            if not any(ch in face.advances for face in chain):
                missing.append(ch)
        return missing

    def measure(self, text: str, family: str, bold: bool, size_pt: float) -> float:
        """Advance width of ``text`` on one line in millimetres, with fallback faces."""
        chain = self.chain(family, bold)
        total = 0.0
        for ch in text:
            for face in chain:
                advance = face.advances.get(ch)
                if advance is not None:
                    total += advance
                    break
            else:
                total += chain[0].notdef_advance if not is_ignorable(ch) else 0.0
        return total * size_pt * PT_TO_MM


PT_TO_MM = 25.4 / 72.0


def installed_fonts() -> FontLibrary:
    """The bundled fonts plus those the user added to the data folder: what every design may use.

    Files of the user's folder that cannot be used are skipped and named once on stderr."""
    import sys

    from designer.settings import user_fonts_dir

    library = FontLibrary.default(extra_dirs=[user_fonts_dir()])
    for message in library.rejected:
        if message not in _REPORTED:
            _REPORTED.add(message)
            print(f"shosho: {message}", file=sys.stderr)
    return library


_REPORTED: set[str] = set()


def _check_usable(path: Path) -> None:
    """Read what rendering will need of each face (names, cmap, metrics), so a damaged user
    font is skipped at scan time rather than failing a command later."""
    with path.open("rb") as handle:
        is_collection = handle.read(4) == b"ttcf"
    fonts = (
        list(TTCollection(str(path), lazy=True).fonts)
        if is_collection
        else [TTFont(str(path), lazy=True)]
    )
    try:
        for font in fonts:
            for table in ("head", "hhea", "hmtx", "cmap", "name"):
                if table not in font:
                    raise ShoshoError(f"font {path}: has no {table!r} table")
            font["name"].names  # noqa: B018  (decodes the table)
            if not font.getBestCmap():
                raise ShoshoError(f"font {path}: maps no characters (empty or damaged 'cmap')")
            font.getGlyphOrder()
            font["hmtx"].metrics  # noqa: B018
    finally:
        for font in fonts:
            font.close()


def is_ignorable(ch: str) -> bool:
    """Characters that take no room and draw nothing themselves: line breaks, variation
    selectors (the base character is drawn), zero-width joiners and similar."""
    cp = ord(ch)
    return (
        ch in "\n\r\u2028\u2029"
        or 0xFE00 <= cp <= 0xFE0F
        or 0xE0100 <= cp <= 0xE01EF
        or cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E)
    )


def missing_characters(
    text: str, family: str, bold: bool = False, fonts: FontLibrary | None = None
) -> list[str]:
    """Characters of ``text`` no font can draw for ``family`` (default: bundled fonts)."""
    return (fonts or FontLibrary.default()).missing_characters(text, family, bold)


def describe_characters(chars: Sequence[str]) -> str:
    """``𠮷 (U+20BB7), 𪚲 (U+2A6B2)`` for messages."""
    return ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in chars)
