"""`shosho render` and `shosho roster check` as an office uses them: built-in templates, the
sample rosters, real PDFs checked with poppler and a real QR decoder."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp

from designer.cli import main
from designer.resources import examples_dir

EXAMPLES = examples_dir()
pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils is installed by scripts/test.sh"
)


def run(*args: str) -> int:
    return main(list(args))


def pdf_text(path: Path, *extra: str) -> str:
    return subprocess.run(
        ["pdftotext", *extra, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_one_pdf_per_record_with_each_name(tmp_path):
    assert (
        run("render", "shusho", "--roster", str(EXAMPLES / "roster-ja.csv"), "--out", str(tmp_path))
        == 0
    )
    pdfs = sorted(tmp_path.glob("*.pdf"))
    assert len(pdfs) == 30
    from designer.data import bind_roster, map_columns, read_roster

    roster = read_roster(EXAMPLES / "roster-ja.csv")
    names = [b.values["full_name"] for b in bind_roster(roster, map_columns(roster.headers))]
    for name in names:
        matching = [p for p in pdfs if name in p.name]
        assert len(matching) == 1, name
        text = pdf_text(matching[0], "-raw")
        assert name.replace("\u3000", "") in re.sub(r"\s", "", text), name


def test_every_font_is_embedded_and_subset(tmp_path):
    for template in ("shusho", "shojo", "certificate-en-a4", "student-id"):
        assert (
            run(
                "render",
                template,
                "--roster",
                str(EXAMPLES / "roster-ja.csv"),
                "--rows",
                "2",
                "--out",
                str(tmp_path / template),
            )
            == 0
        )
        (pdf,) = (tmp_path / template).glob("*.pdf")
        listing = subprocess.run(
            ["pdffonts", str(pdf)], check=True, capture_output=True, text=True
        ).stdout
        rows = listing.splitlines()[2:]
        assert rows, f"{template}: no fonts"
        for row in rows:
            columns = row.split()
            assert columns[-5:-3] == ["yes", "yes"], f"{template}: not embedded+subset: {row}"


def test_vertical_text_reads_in_order(tmp_path):
    assert (
        run(
            "render",
            "shojo",
            "--roster",
            str(EXAMPLES / "roster-ja.csv"),
            "--rows",
            "2",
            "--out",
            str(tmp_path),
        )
        == 0
    )
    (pdf,) = tmp_path.glob("*.pdf")
    text = re.sub(r"\s", "", pdf_text(pdf, "-raw"))
    assert "賞状" in text
    assert "よってこれを賞します" in text
    assert "令和七年三月十九日" in text


def test_qr_decodes_to_what_was_asked(tmp_path):
    """A template whose QR holds a field: the printed code decodes to that record's value."""
    from designer.model import PageSpec, QRElement, Template, save_template

    template = Template(name="qr", page=PageSpec.from_preset("A5", "landscape"))
    template.front.elements = [
        QRElement(
            content="https://example.ac.jp/students/{{ student_id }}",
            x=60,
            y=30,
            width=40,
            height=40,
        )
    ]
    template.output.filename = "{{ student_id }}.pdf"
    path = save_template(template, tmp_path / "qr.shosho")
    assert (
        run(
            "render",
            str(path),
            "--roster",
            str(EXAMPLES / "roster-ja.csv"),
            "--rows",
            "2-4",
            "--out",
            str(tmp_path / "out"),
        )
        == 0
    )
    for pdf in sorted((tmp_path / "out").glob("*.pdf")):
        page = pypdfium2.PdfDocument(pdf)[0]
        image = page.render(scale=150 / 72).to_pil()
        decoded = [r.text for r in zxingcpp.read_barcodes(image)]
        assert decoded == [f"https://example.ac.jp/students/{pdf.stem}"]


def test_unissued_print_says_so_in_its_qr(tmp_path):
    assert (
        run(
            "render",
            "student-id",
            "--roster",
            str(EXAMPLES / "roster-ja.csv"),
            "--rows",
            "2",
            "--out",
            str(tmp_path),
        )
        == 0
    )
    (pdf,) = tmp_path.glob("*.pdf")
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=300 / 72).to_pil()
    texts = {r.format.name: r.text for r in zxingcpp.read_barcodes(image)}
    assert texts["QRCode"].startswith("SHOSHO SPECIMEN - NOT ISSUED")


def test_card_sheet_has_fronts_then_mirrored_backs(tmp_path):
    assert (
        run(
            "render",
            "student-id",
            "--roster",
            str(EXAMPLES / "roster-ja.csv"),
            "--rows",
            "2-13",
            "--sheet",
            "--out",
            str(tmp_path),
        )
        == 0
    )
    (pdf,) = tmp_path.glob("*.pdf")
    document = pypdfium2.PdfDocument(pdf)
    assert len(document) == 4  # 12 cards: two sheets of 10 slots, each front + back
    width, height = document[0].get_size()
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)


@pytest.mark.parametrize("roster", ["roster-ja.csv", "roster-ja-utf8bom.csv", "roster-ja.xlsx"])
def test_cp932_bom_and_xlsx_rosters_print_the_same(tmp_path, roster):
    assert (
        run(
            "render",
            "shusho",
            "--roster",
            str(EXAMPLES / roster),
            "--rows",
            "2-4",
            "--out",
            str(tmp_path),
        )
        == 0
    )
    names = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert names == [
        "2510001_髙橋　陽菜_修了証.pdf",
        "2510002_山﨑　大翔_修了証.pdf",
        "2510003_佐藤　結衣_修了証.pdf",
    ]


def test_roster_check_reports_every_problem_with_row_and_column(tmp_path, capsys):
    roster = tmp_path / "bad.csv"
    roster.write_text(
        "学籍番号,姓,名,学部,学科,修了日,有効期限,写真\n"
        "2510001,山田,太郎,経済学部,経済学科,2025/13/01,2029-03-31,photos/none.jpg\n"
        "2510001,佐藤,花子,,,2025-04-01,R11.3.31,\n"
        "2510003,鈴木,一郎,文学部,日本文学科,2025-04-01,令和11年3月31日,\n",
        encoding="cp932",
    )
    assert run("roster", "check", str(roster), "--template", "student-id", "--json") == 1
    report = json.loads(capsys.readouterr().out)
    found = {
        (p["row"], p["column"], p["field"]) for p in report["problems"] if p["severity"] == "error"
    }
    assert (2, "写真", "photo") in found  # photo file not found
    assert (3, "学籍番号", "student_id") in found  # duplicate student ID
    assert (3, "学部", "department") in found  # required value missing
    assert (4, "写真", "photo") in found  # good row checked too: its own problem is reported
    messages = " ".join(p["message"] for p in report["problems"])
    assert "appears twice" in messages and "not found" in messages


def test_render_refuses_a_roster_with_errors_and_writes_nothing(tmp_path, capsys):
    roster = tmp_path / "bad.csv"
    roster.write_text(
        "学籍番号,姓,名,修了日,講座名\n1,山田,太郎,not a date,講座\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    assert run("render", "shusho", "--roster", str(roster), "--out", str(out)) == 1
    assert not out.exists() or not any(out.iterdir())
    assert "bad.csv" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["render", "nope", "--roster", "x.csv", "--out", "o"], 2, "not a built-in template"),
        (["render", "shusho", "--roster", "missing.csv", "--out", "o"], 1, "missing.csv"),
        (["render", "shusho", "--roster", "R", "--out", "o", "--rows", "x-2"], 2, "--rows"),
        (["render", "shusho", "--roster", "R", "--out", "o", "--map", "nonsense"], 2, "nonsense"),
        (["render", "shusho"], 2, "--roster"),
    ],
)
def test_usage_and_data_errors_are_messages_not_tracebacks(tmp_path, capsys, args, code, message):
    args = [str(EXAMPLES / "roster-ja.csv") if a == "R" else a for a in args]
    args = [str(tmp_path / a) if a in ("o", "missing.csv") else a for a in args]
    try:
        result = run(*args)
    except SystemExit as exit:  # argparse's own usage errors
        result = exit.code
    assert result == code
    captured = capsys.readouterr()
    assert message in captured.err
    assert "Traceback" not in captured.err


def test_windows_photo_paths_work_on_every_os(tmp_path):
    photos = tmp_path / "photos"
    photos.mkdir()
    shutil.copy(next((EXAMPLES / "photos").glob("*.jpg")), photos / "a.jpg")
    roster = tmp_path / "r.csv"
    roster.write_text(
        "学籍番号,姓,名,学部,有効期限,写真\n1,山田,太郎,経済学部,2029-03-31,photos\\a.jpg\n",
        encoding="cp932",
    )
    assert run("roster", "check", str(roster), "--template", "student-id") == 0
    assert run("render", "student-id", "--roster", str(roster), "--out", str(tmp_path / "out")) == 0
    (pdf,) = (tmp_path / "out").glob("*.pdf")
    assert (
        subprocess.run(
            ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
        ).stdout.count("jpeg")
        >= 1
    )


def test_rows_print_the_good_rows_of_a_roster_with_problems_elsewhere(tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text(
        "学籍番号,姓,名,修了日,講座名\n1,山田,太郎,2025-04-01,講座\n2,佐藤,花子,not a date,講座\n",
        encoding="utf-8",
    )
    assert run("render", "shusho", "--roster", str(roster), "--out", str(tmp_path / "all")) == 1
    assert (
        run(
            "render",
            "shusho",
            "--roster",
            str(roster),
            "--rows",
            "2",
            "--out",
            str(tmp_path / "one"),
        )
        == 0
    )
    assert [p.name for p in (tmp_path / "one").glob("*.pdf")] == ["1_山田　太郎_修了証.pdf"]


def test_render_writes_every_record_it_can_and_lists_the_rest(tmp_path, capsys):
    roster = tmp_path / "mixed.csv"
    roster.write_text(
        "学籍番号,姓,名,修了日,講座名\n"
        "1,山田,太郎,2025-04-01,講座\n"
        "2,佐藤,花子,not a date,講座\n"
        "3,鈴木,一郎,2025-04-01,講座\n"
        "4,高橋,次郎,2025-13-45,講座\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert run("render", "shusho", "--roster", str(roster), "--out", str(out)) == 1
    assert sorted(p.name for p in out.glob("*.pdf")) == [
        "1_山田　太郎_修了証.pdf",
        "3_鈴木　一郎_修了証.pdf",
    ]
    captured = capsys.readouterr()
    assert "Rendered 2 records" in captured.out
    err = captured.err
    assert "Not rendered: 2 of 4 records" in err
    assert "row 3:" in err and "row 5:" in err and "--rows 3,5" in err
    assert "Traceback" not in err


def test_a_sheet_holds_every_card_that_can_be_made(tmp_path, capsys):
    photos = tmp_path / "photos"
    photos.mkdir()
    shutil.copy(next((EXAMPLES / "photos").glob("*.jpg")), photos / "a.jpg")
    roster = tmp_path / "cards.csv"
    roster.write_text(
        "学籍番号,姓,名,所属,有効期限,写真\n"
        "1,山田,太郎,国際教養学部　グローバル・スタディーズ学科,2029-03-31,photos/a.jpg\n"
        "2,佐藤,花子,経済学部,2029-03-31,photos/missing.jpg\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert run("render", "student-id", "--roster", str(roster), "--out", str(out), "--sheet") == 1
    (sheet,) = out.glob("*.pdf")
    text = re.sub(r"\s", "", pdf_text(sheet))
    assert "山田太郎" in text and "佐藤" not in text
    assert "グローバル・スタディーズ学科" in text  # the long department fits, on two lines
    assert "row 3:" in capsys.readouterr().err
