"""Archival parts of a PDF: PDF/A-3 (the default for certificates) and files attached to a
document.

PDF/A-3b: XMP metadata (``pdfaid:part`` 3, conformance B) that repeats the document
information exactly, an sRGB output intent, and every attachment as an associated file
(``/AF`` in the catalog, ``/AFRelationship`` on its file specification, MIME type and
modification date on the embedded file), as archives of diplomas expect.

reportlab knows nothing of these standards; the objects are added to its document model here
(reportlab 4.x: ``PDFCatalog``'s key lists and ``PDFInfo``), in this one module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfdoc

PDFA_3B = "pdfa-3b"
CONFORMANCES = (PDFA_3B,)
SRGB_CONDITION = "sRGB IEC61966-2.1"

_CATALOG_EXTRA_KEYS = ("OutputIntents", "AF")


@dataclass(frozen=True)
class Attachment:
    """A file embedded in the PDF. ``relationship`` is how it relates to the document (PDF 2.0
    / PDF/A-3 ``AFRelationship``): Data (the credential a certificate shows), Source,
    Alternative, Supplement or Unspecified."""

    data: bytes
    mime_type: str = ""
    description: str = ""
    relationship: str = "Data"

    def mime(self, name: str) -> str:
        return self.mime_type or mime_type_for(name)


ATTACHMENT_MEDIA_TYPES = {
    ".json": "application/json",
    ".jsonld": "application/ld+json",
    ".jwt": "application/vc+jwt",  # a VC-JWT (VC-JOSE-COSE)
    ".xml": "application/xml",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}
"""Media types of attached files by suffix."""


def mime_type_for(name: str) -> str:
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    return ATTACHMENT_MEDIA_TYPES.get(suffix, "application/octet-stream")


class _MediaTypeName(pdfdoc.PDFObject):
    """A media type as a PDF name, its ``/`` written ``#2F`` (reportlab's ``PDFName`` would
    escape the ``#`` and leave the ``/``)."""

    def __init__(self, media_type: str) -> None:
        self.media_type = media_type

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        return ("/" + self.media_type.replace("#", "#23").replace("/", "#2F")).encode("ascii")


def as_attachment(value: bytes | Attachment) -> Attachment:
    return value if isinstance(value, Attachment) else Attachment(bytes(value))


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    """An sRGB ICC profile (Little CMS's, through Pillow), for the PDF/A output intent."""
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


class _ArchiveInfo(pdfdoc.PDFInfo):
    """Document information with only the entries that have a value, and fixed dates, so the
    XMP packet can repeat it exactly (PDF/A 6.6.2.3)."""

    def __init__(self, entries: Mapping[str, str], date: str) -> None:
        super().__init__()
        self.entries = dict(entries)
        self.date = date

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        fields = {key: pdfdoc.PDFString(value) for key, value in self.entries.items() if value}
        fields["CreationDate"] = fields["ModDate"] = pdfdoc.PDFString(self.date)
        fields["Trapped"] = pdfdoc.PDFName("False")
        return pdfdoc.PDFDictionary(fields).format(document)


def _pdf_date(moment: dt.datetime) -> str:
    return moment.strftime("D:%Y%m%d%H%M%S+00'00'")


def _xmp(entries: Mapping[str, str], moment: dt.datetime, conformance: str) -> bytes:
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    parts = ["<dc:format>application/pdf</dc:format>"]
    if entries.get("Title"):
        parts.append(
            '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">'
            f"{escape(entries['Title'])}</rdf:li></rdf:Alt></dc:title>"
        )
    if entries.get("Author"):
        parts.append(
            f"<dc:creator><rdf:Seq><rdf:li>{escape(entries['Author'])}</rdf:li></rdf:Seq></dc:creator>"
        )
    if entries.get("Subject"):
        parts.append(
            '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">'
            f"{escape(entries['Subject'])}</rdf:li></rdf:Alt></dc:description>"
        )
    if entries.get("Keywords"):
        parts.append(f"<pdf:Keywords>{escape(entries['Keywords'])}</pdf:Keywords>")
    if entries.get("Producer"):
        parts.append(f"<pdf:Producer>{escape(entries['Producer'])}</pdf:Producer>")
    parts.append("<pdf:Trapped>False</pdf:Trapped>")
    if entries.get("Creator"):
        parts.append(f"<xmp:CreatorTool>{escape(entries['Creator'])}</xmp:CreatorTool>")
    parts.append(f"<xmp:CreateDate>{stamp}</xmp:CreateDate>")
    parts.append(f"<xmp:ModifyDate>{stamp}</xmp:ModifyDate>")
    parts.append(f"<xmp:MetadataDate>{stamp}</xmp:MetadataDate>")
    if conformance == PDFA_3B:
        parts.append("<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>")
    body = "\n   ".join(parts)
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about=""\n'
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"\n'
        '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"\n'
        '    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">\n'
        f"   {body}\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")


class _UnfilteredMetadata(pdfdoc.PDFObject):
    """The XMP stream, with no Filter key at all: archives read it as plain XML."""

    def __init__(self, packet: bytes) -> None:
        self.packet = packet

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        head = f"<< /Length {len(self.packet)} /Subtype /XML /Type /Metadata >>\nstream\n"
        return head.encode("ascii") + self.packet + b"\nendstream"


def _catalog(doc: pdfdoc.PDFDocument) -> pdfdoc.PDFCatalog:
    catalog = doc.Catalog
    if "OutputIntents" not in catalog.__NoDefault__:
        catalog.__NoDefault__ = [*catalog.__NoDefault__, *_CATALOG_EXTRA_KEYS]
    return catalog


def add_standard_parts(
    doc: pdfdoc.PDFDocument,
    conformance: str,
    entries: Mapping[str, str],
    moment: dt.datetime | None = None,
) -> None:
    """Document information, XMP metadata and the output intent of ``conformance``
    (``PDFA_3B``)."""
    moment = (moment or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    doc.info = _ArchiveInfo(entries, _pdf_date(moment))
    catalog = _catalog(doc)
    catalog.Metadata = doc.Reference(
        _UnfilteredMetadata(_xmp(entries, moment, conformance)), "ShoshoXMPMetadata"
    )
    catalog.OutputIntents = pdfdoc.PDFArray([_output_intent(doc, conformance)])


def _output_intent(doc: pdfdoc.PDFDocument, conformance: str) -> pdfdoc.PDFDictionary:
    profile = pdfdoc.PDFStream(
        dictionary=pdfdoc.PDFDictionary({"N": 3}),
        content=srgb_profile(),
        filters=[pdfdoc.PDFZCompress],
    )
    return pdfdoc.PDFDictionary(
        {
            "Type": pdfdoc.PDFName("OutputIntent"),
            "S": pdfdoc.PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": pdfdoc.PDFString(SRGB_CONDITION),
            "RegistryName": pdfdoc.PDFString("http://www.color.org"),
            "Info": pdfdoc.PDFString(SRGB_CONDITION),
            "DestOutputProfile": doc.Reference(profile, "ShoshoOutputProfile"),
        }
    )


def attach_files(
    doc: pdfdoc.PDFDocument,
    attachments: Mapping[str, bytes | Attachment],
    moment: dt.datetime | None = None,
) -> None:
    """Embed files (EmbeddedFiles name tree) as associated files of the document (``/AF``),
    so readers list them and PDF/A-3 archives keep them with the certificate."""
    moment = (moment or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    entries = []
    specs = []
    for index, (name, value) in enumerate(sorted(attachments.items())):
        attachment = as_attachment(value)
        data = attachment.data
        stream = pdfdoc.PDFStream(
            dictionary=pdfdoc.PDFDictionary(
                {
                    "Type": pdfdoc.PDFName("EmbeddedFile"),
                    "Subtype": _MediaTypeName(attachment.mime(name)),
                    "Params": pdfdoc.PDFDictionary(
                        {"Size": len(data), "ModDate": pdfdoc.PDFString(_pdf_date(moment))}
                    ),
                }
            ),
            content=data,
            filters=[pdfdoc.PDFZCompress],
        )
        stream_ref = doc.Reference(stream, f"ShoshoEmbeddedFile{index}")
        fields = {
            "Type": pdfdoc.PDFName("Filespec"),
            "F": pdfdoc.PDFString(name),
            "UF": pdfdoc.PDFString(name),
            "EF": pdfdoc.PDFDictionary({"F": stream_ref, "UF": stream_ref}),
            "AFRelationship": pdfdoc.PDFName(attachment.relationship),
        }
        if attachment.description:
            fields["Desc"] = pdfdoc.PDFString(attachment.description)
        spec_ref = doc.Reference(pdfdoc.PDFDictionary(fields), f"ShoshoFileSpec{index}")
        entries += [pdfdoc.PDFString(name), spec_ref]
        specs.append(spec_ref)
    catalog = _catalog(doc)
    catalog.Names = pdfdoc.PDFDictionary(
        {"EmbeddedFiles": pdfdoc.PDFDictionary({"Names": pdfdoc.PDFArray(entries)})}
    )
    catalog.AF = pdfdoc.PDFArray(specs)
    catalog.PageMode = pdfdoc.PDFName("UseAttachments")
