"""PDF/A-3b structure of the default certificate PDF, checked with pikepdf (qpdf): XMP that
repeats the document information, the sRGB output intent, the credential as an associated
file, page boxes."""

from __future__ import annotations

import io
import json
import re

import pikepdf
from PIL import ImageCms
from render_helpers import MINCHO, horizontal_run, run_tool

from designer.render.display import PageDisplay
from designer.render.pdf import write_pdf
from designer.render.pdf_archive import Attachment

CREDENTIAL = json.dumps({"type": ["VerifiableCredential"], "name": "修了証"}).encode()


def _write(tmp_path, **options):
    path = tmp_path / "certificate.pdf"
    page = PageDisplay(297, 210, items=[horizontal_run("修了証　髙橋 陽菜", 20, 40, font=MINCHO)])
    write_pdf(
        [page],
        path,
        metadata={"title": "修了証 — 髙橋 陽菜", "author": "東京未来大学", "creator": "Shosho"},
        **options,
    )
    return path


def test_default_pdf_is_pdfa_3b_with_matching_xmp(tmp_path):
    path = _write(tmp_path, attachments={"credential.json": CREDENTIAL})
    with pikepdf.open(path) as pdf:
        assert pdf.check_pdf_syntax() == []
        metadata = pdf.Root.Metadata
        assert metadata.Subtype == "/XML" and "/Filter" not in metadata
        with pdf.open_metadata() as xmp:
            assert xmp["pdfaid:part"] == "3" and xmp["pdfaid:conformance"] == "B"
            assert xmp["dc:title"] == str(pdf.docinfo.Title) == "修了証 — 髙橋 陽菜"
            assert xmp["dc:creator"] == [str(pdf.docinfo.Author)]
            assert xmp["pdf:Producer"] == str(pdf.docinfo.Producer)
            assert xmp["xmp:CreatorTool"] == str(pdf.docinfo.Creator)
            created = str(pdf.docinfo.CreationDate)  # D:YYYYMMDDHHmmSS+00'00'
            stamp = xmp["xmp:CreateDate"]
            assert re.sub(r"\D", "", stamp)[:14] == re.sub(r"\D", "", created)[:14]
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1"
        profile = intent.DestOutputProfile
        assert profile.N == 3
        parsed = ImageCms.ImageCmsProfile(io.BytesIO(profile.read_bytes()))
        assert parsed.profile.xcolor_space.strip() == "RGB"
        for page in pdf.pages:
            assert "/TrimBox" in page and "/BleedBox" in page


def test_the_credential_is_an_associated_file(tmp_path):
    path = _write(
        tmp_path,
        attachments={
            "credential.json": CREDENTIAL,
            "credential.jwt": Attachment(b"eyJhbGciOiJFUzI1NiJ9.e30.sig", description="VC-JWT"),
        },
    )
    with pikepdf.open(path) as pdf:
        specs = {str(spec.UF): spec for spec in pdf.Root.AF}
        assert set(specs) == {"credential.json", "credential.jwt"}
        for name, spec in specs.items():
            assert spec.AFRelationship == "/Data"
            stream = spec.EF.F
            assert "/ModDate" in stream.Params and int(stream.Params.Size) > 0
            assert stream.Subtype == pikepdf.Name(
                "/application/json" if name.endswith(".json") else "/application/vc+jwt"
            )
        assert specs["credential.json"].EF.F.read_bytes() == CREDENTIAL
        assert str(specs["credential.jwt"].Desc) == "VC-JWT"
        names = pdf.Root.Names.EmbeddedFiles.Names
        assert [str(names[i]) for i in range(0, len(names), 2)] == sorted(specs)
    assert "credential.json" in run_tool("pdfdetach", "-list", str(path))


def test_plain_pdf_on_request(tmp_path):
    path = _write(tmp_path, conformance=None)
    with pikepdf.open(path) as pdf:
        assert "/Metadata" not in pdf.Root and "/OutputIntents" not in pdf.Root
        assert "/TrimBox" in pdf.pages[0]
