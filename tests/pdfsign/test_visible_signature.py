"""A visible PDF signature sits in the box of the template's ``pdf-signature`` element, and the
seal printed on the same page still reads."""

from __future__ import annotations

from pypdf import PdfReader

from designer.cli import main
from designer.pdfsign.checking import check_pdf_signatures
from designer.verification.paper import render_pdf_page, seal_text_from_image

from .conftest import issue_args, make_template

MM = 72 / 25.4


def test_visible_signature_is_placed_where_the_template_says(workspace, p256_key, tmp_path):
    make_template(workspace / "t.shosho", visible_signature=True)  # box at x 130, y 250 mm
    assert main(issue_args(workspace, p256_key, "--sign-pdf")) == 0
    pdf = sorted((workspace / "out").glob("*.pdf"))[0]
    (signature,) = check_pdf_signatures(pdf.read_bytes(), []).signatures
    assert signature.sound, signature
    page = PdfReader(pdf).pages[0]
    (widget,) = [a.get_object() for a in page["/Annots"] if a.get_object()["/FT"] == "/Sig"]
    left, bottom, right, top = (float(v) for v in widget["/Rect"])
    height = float(page.mediabox.top)
    assert abs(left - 130 * MM) <= 1 and abs(right - 190 * MM) <= 1
    assert abs(top - (height - 250 * MM)) <= 1 and abs(bottom - (height - 270 * MM)) <= 1
    scan = tmp_path / "page.png"
    render_pdf_page(pdf, dpi=150).save(scan)
    from PIL import Image

    assert seal_text_from_image(Image.open(scan)).startswith("https://mirai.example/v/#")
