"""Builds the built-in templates (templates/*.shosho) from this description.

The .shosho files are the product; this script is how they were laid out, kept so that a
change to one design is a reviewable diff. Run from the repository root:

    .venv/bin/python templates/src/build.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from make_logo import emblem_png  # noqa: E402

from designer.model import (  # noqa: E402
    BarcodeElement,
    BorderElement,
    ImageElement,
    OutputSettings,
    PageSpec,
    QRElement,
    ShapeElement,
    Side,
    Template,
    TextElement,
    TextStyle,
    save_template,
)

OUT = HERE.parent
NAVY = "#1B2A54"
GOLD = "#8A6D2B"
SEAL_RED = "#C0392B"
INK = "#1A1A1A"
MUTED = "#555555"

UNIVERSITY_JA = "東京未来大学"
UNIVERSITY_EN = "Tokyo Mirai University"
VERIFY_CAPTION = "{{ verify_host | default('検証: 未発行') }}"


def text(name, content, x, y, w, h, **style) -> TextElement:
    return TextElement(name=name, text=content, x=x, y=y, width=w, height=h, style=TextStyle(**style))


def seal(x: float, y: float, size: float, lines: str) -> list:
    """A square red 職印 drawn from shapes and vertical text: 3 columns of 3 characters."""
    return [
        ShapeElement(name="seal-frame", shape="rect", x=x, y=y, width=size, height=size,
                     stroke=SEAL_RED, stroke_width=size * 0.045, fill=None, corner_radius=size * 0.04,
                     opacity=0.92),
        text("seal-text", lines, x + size * 0.08, y + size * 0.07, size * 0.84, size * 0.86,
             font_family="IPAexMincho", size=size * 0.26 * 72 / 25.4, color=SEAL_RED,
             writing_mode="vertical", align="distribute", valign="middle", line_height=1.08,
             fit="shrink", min_size=4),
    ]


def achievement(name_ja: str, description: str, narrative: str, kind: str = "Certificate") -> dict:
    return {
        "name": name_ja,
        "description": description,
        "criteria": {"narrative": narrative},
        "achievementType": kind,
    }


def shusho() -> Template:
    """修了証: A4 landscape, horizontal Japanese."""
    t = Template(name="修了証 (A4 横)", kind="certificate", language="ja",
                 description="公開講座などの修了証。A4横、横書き。",
                 page=PageSpec.from_preset("A4", "landscape"))
    t.required_fields = ["full_name", "course_name", "completion_date"]
    t.output = OutputSettings(filename="{{ student_id }}_{{ full_name }}_修了証.pdf")
    t.achievement = achievement("{{ course_name }}", "{{ course_name }}の全課程を修了したことを証する修了証",
                                "{{ course_name }}の全課程を修了すること")
    W, H = 297.0, 210.0
    t.assets["emblem.png"] = emblem_png()
    t.front.elements = [
        BorderElement(name="border", pattern="classic", x=8, y=8, width=W - 16, height=H - 16,
                      color=GOLD, secondary_color="#C9B37E", inset=6, line_width=0.5),
        ImageElement(name="emblem", source="emblem.png", x=W / 2 - 11, y=22, width=22, height=22),
        text("number", "第 {{ student_id }} 号", W - 95, 24, 70, 7, font_family="IPAexMincho",
             size=10, color=MUTED, align="right"),
        text("title", "修　了　証", 40, 48, W - 80, 22, font_family="IPAexMincho", size=40,
             align="center", valign="middle", letter_spacing=0.1, color=INK, fit="single_line"),
        text("kana", "{{ full_name_kana }}", 60, 76, W - 120, 6, font_family="IPAexGothic", size=9,
             align="center", color=MUTED, fit="single_line"),
        # two leading ideographic spaces balance 「　殿」: the name itself is centred under its
        # furigana and on the rule, and 殿 follows it
        text("name", "　　{{ full_name }}　殿", 50, 82, W - 100, 16, font_family="IPAexMincho", size=28,
             align="center", valign="middle", fit="single_line", min_size=14, color=INK),
        ShapeElement(name="name-rule", shape="line", x=88, y=99, width=W - 176, height=0,
                     stroke=GOLD, stroke_width=0.35),
        text("body", "あなたは本学公開講座「{{ course_name }}」の\n全課程を修了したことを証します",
             58, 108, W - 116, 28, font_family="IPAexMincho", size=16, align="center",
             valign="middle", line_height=1.9, fit="shrink", min_size=11, color=INK),
        text("date", "{{ completion_date | wareki }}", 60, 140, W - 120, 8, font_family="IPAexMincho",
             size=13, align="center", color=INK),
        # the seal is the signatory's: 東京未来大学長之印 beside the 学長's name, overlapping
        # its last character as a stamped seal does
        text("issuer", f"{UNIVERSITY_JA}長　山川　一郎", 80, 153, W - 160, 9,
             font_family="IPAexMincho", size=14, align="center", color=INK),
        *seal(W / 2 + 29, 147, 20, "東京未\n来大学\n長之印"),
        QRElement(name="qr", content="{{ seal_url }}", x=W - 52, y=H - 55, width=26, height=26,
                  ec_level="M", caption=VERIFY_CAPTION, caption_size=5.5),
    ]
    return t


def shojo() -> Template:
    """賞状: A4 portrait, vertical text, kanji-numeral era date."""
    t = Template(name="賞状 (A4 縦・縦書き)", kind="certificate", language="ja",
                 description="縦書きの賞状。和暦は漢数字。句読点なし。",
                 page=PageSpec.from_preset("A4", "portrait"))
    t.required_fields = ["full_name", "course_name", "completion_date"]
    t.output = OutputSettings(filename="{{ student_id }}_{{ full_name }}_賞状.pdf")
    t.achievement = achievement("{{ course_name }}", "{{ course_name }}における優秀な成績を賞する賞状",
                                "{{ course_name }}において優秀な成績を収めること", "Award")
    W, H = 210.0, 297.0
    vertical = {"writing_mode": "vertical", "font_family": "IPAexMincho", "color": INK}
    t.front.elements = [
        BorderElement(name="border", pattern="guilloche", x=7, y=7, width=W - 14, height=H - 14,
                      color=GOLD, secondary_color="#D8C28A", inset=11, line_width=0.35),
        # Reading order right to left: title, name, body, date, issuer.
        text("title", "賞　状", W - 62, 34, 30, 110, size=54, valign="top", align="center",
             letter_spacing=0.2, **vertical),
        text("name", "{{ full_name }}　殿", W - 92, 66, 24, 130, size=30, fit="single_line",
             min_size=16, align="left", **vertical),
        text("body", "あなたは{{ course_name }}において優秀な成績を収めました\nよってこれを賞します",
             58, 40, 64, 185, size=22, line_height=1.75, fit="shrink", min_size=13, **vertical),
        text("date", "{{ completion_date | wareki_kanji }}", 42, 56, 14, 120, size=15, **vertical),
        text("issuer", f"{UNIVERSITY_JA}長　山川　一郎", 22, 106, 18, 92, size=19, **vertical),
        # centred on the signatory's column, overlapping the last character of the name
        *seal(24.6, 187, 24, "東京未\n来大学\n長之印"),
        QRElement(name="qr", content="{{ seal_url }}", x=24, y=H - 56, width=26, height=26,
                  ec_level="M", caption=VERIFY_CAPTION, caption_size=5.5),
    ]
    return t


def english(preset: str) -> Template:
    """Certificate of completion in English, A4 or Letter landscape."""
    date_filter = "date_us" if preset == "Letter" else "date_en"
    page = PageSpec.from_preset(preset, "landscape")
    t = Template(name=f"Certificate of Completion ({preset})", kind="certificate", language="en",
                 description="English certificate of completion, landscape.", page=page)
    t.required_fields = ["name_en", "course_name", "completion_date"]
    t.output = OutputSettings(filename="{{ student_id }}_{{ name_en }}_certificate.pdf")
    t.achievement = achievement("{{ course_name }}", "Certificate of completion of {{ course_name }}",
                                "Complete every session and assignment of {{ course_name }}")
    W, H = page.width, page.height
    cx = W / 2
    serif = {"font_family": "Caladea", "color": INK, "align": "center"}
    t.assets["emblem.png"] = emblem_png()
    t.front.elements = [
        ShapeElement(name="paper-tint", shape="rect", x=0, y=0, width=W, height=H, fill="#FBF8F1", stroke=None),
        BorderElement(name="border", pattern="wave", x=9, y=9, width=W - 18, height=H - 18,
                      color=NAVY, secondary_color=GOLD, inset=7, line_width=0.45),
        ImageElement(name="emblem", source="emblem.png", x=cx - 12, y=22, width=24, height=24),
        text("university", UNIVERSITY_EN.upper(), 40, 48, W - 80, 7, size=11, letter_spacing=0.25,
             font_family="Caladea", color=NAVY, align="center"),
        text("title", "Certificate of Completion", 30, 58, W - 60, 18, size=38, bold=True, valign="middle",
             fit="single_line", font_family="Caladea", color=NAVY, align="center"),
        text("presented", "This is to certify that", 40, 82, W - 80, 8, size=14, **serif),
        text("name", "{{ name_en }}", 40, 92, W - 80, 16, size=32, bold=True, fit="single_line",
             min_size=16, valign="middle", font_family="Caladea", color=INK, align="center"),
        ShapeElement(name="name-rule", shape="line", x=cx - 75, y=110, width=150, height=0,
                     stroke=GOLD, stroke_width=0.4),
        text("body", "has successfully completed the course", 40, 114.5, W - 80, 8, size=15, **serif),
        # the course title is what the certificate is for: set larger and bold, two lines at most
        text("course", "{{ course_name }}", 40, 123, W - 80, 13, size=19, bold=True, line_height=1.15,
             fit="shrink", min_size=11, valign="middle", font_family="Caladea", color=INK, align="center"),
        # US style (March 20, 2025) on Letter paper, international (20 March 2025) on A4
        text("date", f"Awarded on {{{{ completion_date | {date_filter} }}}}", 40, 138, W - 80, 8, size=13,
             **serif),
        ShapeElement(name="sign-rule-left", shape="line", x=45, y=H - 42, width=70, height=0,
                     stroke=INK, stroke_width=0.3),
        text("sign-left", "Ichiro Yamakawa\nPresident", 45, H - 40, 70, 14, size=11, line_height=1.35, **serif),
        ShapeElement(name="sign-rule-right", shape="line", x=W - 115, y=H - 42, width=70, height=0,
                     stroke=INK, stroke_width=0.3),
        text("sign-right", "Hanako Mori\nDirector, Extension Programs", W - 115, H - 40, 70, 14,
             size=11, line_height=1.35, **serif),
        text("number", "Certificate No. {{ student_id }}", 22, H - 22, 80, 6, size=8,
             font_family="Caladea", color=MUTED, align="left"),
        # printed straight on the tinted paper (dark on light, quiet zone kept): no white box
        QRElement(name="qr", content="{{ seal_url }}", x=cx - 12.5, y=H - 50, width=25, height=25,
                  ec_level="M", caption="{{ verify_host | default('verify: not yet issued') }}",
                  caption_size=5.5, background="none"),
    ]
    return t


def student_id() -> Template:
    """学生証: CR80 card, front with photo and QR, back with an NW-7 library barcode."""
    page = PageSpec.from_preset("CR80", "landscape")
    t = Template(name="学生証 (CR80)", kind="card", language="ja",
                 description="学生証。表に写真・氏名・学籍番号・QR、裏に図書館バーコードと注意事項。",
                 page=page, bleed=2.0, safe_margin=3.0)
    t.required_fields = ["student_id", "full_name", "department", "expiry_date", "photo"]
    t.output = OutputSettings(filename="{{ student_id }}_{{ full_name }}_学生証.pdf")
    t.credential = {"valid_until_field": "expiry_date"}
    t.achievement = achievement("学生証 {{ department }}", f"{UNIVERSITY_JA}の在籍を証明する学生証",
                                f"{UNIVERSITY_JA}に在籍していること", "ext:StudentID")
    W, H = page.width, page.height
    gothic = {"font_family": "IPAexGothic", "color": INK}
    bold = {"font_family": "BIZ UDPGothic", "bold": True, "color": INK}
    t.assets["emblem.png"] = emblem_png(300)
    front = [
        ShapeElement(name="header", shape="rect", x=-2, y=-2, width=W + 4, height=12.5, fill=NAVY, stroke=None),
        ShapeElement(name="header-accent", shape="rect", x=-2, y=10.5, width=W + 4, height=0.8, fill="#B08D3E", stroke=None),
        # ink stays 3 mm inside the trim (safe_margin); only the header band bleeds
        ImageElement(name="emblem", source="emblem.png", x=3.2, y=3.0, width=7.0, height=7.0),
        text("university", UNIVERSITY_JA, 12, 2.9, 40, 4.4, size=9.5, **{**bold, "color": "#FFFFFF"}),
        text("card-title", "学生証  STUDENT ID CARD", 12, 7.0, 50, 3.2, size=5.2,
             font_family="IPAexGothic", color="#E8E3D3", letter_spacing=0.08),
        ImageElement(name="photo", field="photo", x=3.5, y=14.5, width=21, height=28, fit="cover"),
        ShapeElement(name="photo-frame", shape="rect", x=3.5, y=14.5, width=21, height=28,
                     stroke="#9AA3B5", stroke_width=0.2, fill=None),
        text("id-label", "学籍番号", 28, 13.6, 18, 3, size=5, **{**gothic, "color": MUTED}),
        text("student-id", "{{ student_id }}", 28, 16.4, 34, 5, size=11, **bold),
        # the text column stops 0.6 mm short of the QR; long names shrink, long departments and
        # romanised names take two lines or a smaller size
        text("kana", "{{ full_name_kana }}", 28, 22.2, 35.5, 3, size=5.5, fit="single_line",
             min_size=4, **gothic),
        text("name", "{{ full_name }}", 28, 25.2, 35.5, 6.5, size=14, fit="single_line", min_size=5, **bold),
        text("name-en", "{{ name_en }}", 28, 31.8, 35.5, 3.2, size=6, fit="single_line", min_size=4,
             font_family="Liberation Sans", color=INK),
        text("department", "{{ department }}", 28, 35.3, 35.5, 5.0, size=6.5, fit="shrink", min_size=4.5,
             line_height=1.15, **gothic),
        text("dob", "生年月日 {{ date_of_birth | wareki }}", 28, 40.6, 35.5, 2.8, size=5.5, **gothic),
        text("expiry", "有効期限 {{ expiry_date | wareki }}", 3.5, 43.8, 34, 3, size=5.5, **gothic),
        text("president", f"{UNIVERSITY_JA}長　山川　一郎", 3.5, 47.4, 34, 3.2, size=5.5, **gothic),
        *seal(38.5, 43.5, 7.4, "東京未\n来大学\n長之印"),
        QRElement(name="qr", content="{{ seal_url }}", x=W - 21.5, y=H - 24, width=19, height=19,
                  ec_level="M", quiet_zone=2, caption="", caption_size=4),
    ]
    notes = (
        "注意事項\n"
        "1. 本証は常に携帯し、本学教職員の請求があったときは提示すること。\n"
        "2. 他人に貸与・譲渡しないこと。\n"
        "3. 記載事項に変更があったとき、または紛失したときは、直ちに学生課に届け出ること。\n"
        "4. 卒業・退学等で学籍を離れたときは、直ちに返還すること。"
    )
    back = [
        text("notes", notes, 4, 4, W - 8, 21, size=5.2, line_height=1.45, fit="shrink", min_size=4, **gothic),
        ShapeElement(name="commute-box", shape="rect", x=4, y=25.5, width=44, height=10,
                     stroke="#9AA3B5", stroke_width=0.2, corner_radius=0.8),
        text("commute", "通学区間　　　　　　〜\n（年度ごとにシールを貼付）", 5, 26.3, 42, 8, size=5,
             line_height=1.6, **{**gothic, "color": MUTED}),
        BarcodeElement(name="library-barcode", symbology="codabar", content="{{ student_id }}",
                       x=50, y=25.5, width=32, height=10, show_text=True),
        text("barcode-label", "図書館利用者番号", 50, 21.8, 32, 3, size=4.8, align="center", **gothic),
        text("found", f"拾得された方は下記へご連絡ください\n{UNIVERSITY_JA} 学生課　〒100-0000 東京都千代田区未来町1-2-3　TEL 03-0000-0000",
             4, 38.6, W - 8, 8.4, size=4.8, line_height=1.5, fit="shrink", min_size=3.5, **gothic),
        text("issued", "発行日 {{ issue_date | wareki }}", 4, 47.6, 40, 3, size=4.8, **{**gothic, "color": MUTED}),
    ]
    t.sides = [Side("front", elements=front), Side("back", elements=back)]
    return t


def badge() -> Template:
    """Square badge image: the achievement's picture for Open Badges wallets."""
    t = Template(name="バッジ画像 (正方形)", kind="badge", language="ja",
                 description="Open Badges のバッジ画像。正方形。",
                 page=PageSpec(preset="Square", orientation="portrait", width=100, height=100),
                 bleed=0, safe_margin=6)
    t.required_fields = ["course_name"]
    t.output = OutputSettings(filename="{{ student_id }}_badge.pdf")
    t.achievement = achievement("{{ course_name }}", "{{ course_name }}の修了バッジ",
                                "{{ course_name }}の全課程を修了すること", "Badge")
    t.front.background = ""  # transparent: wallets show the badge on their own background
    t.front.elements = [
        ShapeElement(name="disc", shape="ellipse", x=4, y=4, width=92, height=92, fill=NAVY, stroke=GOLD,
                     stroke_width=2.2),
        ShapeElement(name="inner-ring", shape="ellipse", x=10, y=10, width=80, height=80, fill=None,
                     stroke="#C9B37E", stroke_width=0.6),
        text("university", f"{UNIVERSITY_JA}\n{UNIVERSITY_EN.upper()}", 18, 17, 64, 12, size=9,
             align="center", line_height=1.35, font_family="IPAexGothic", color="#E8E3D3"),
        text("course", "{{ course_name }}", 16, 34, 68, 24, size=20, align="center", valign="middle",
             fit="shrink", min_size=9, font_family="BIZ UDPGothic", bold=True, color="#FFFFFF",
             line_height=1.25),
        ShapeElement(name="ribbon", shape="rect", x=22, y=62, width=56, height=11, fill=GOLD, stroke=None,
                     corner_radius=1.5),
        text("status", "修了  COMPLETED", 22, 62, 56, 11, size=11, align="center", valign="middle",
             font_family="IPAexGothic", color="#FFFFFF", letter_spacing=0.08),
    ]
    return t


BUILT_IN = {
    "shusho.shosho": shusho,
    "shojo.shosho": shojo,
    "certificate-en-a4.shosho": lambda: english("A4"),
    "certificate-en-letter.shosho": lambda: english("Letter"),
    "student-id.shosho": student_id,
    "badge.shosho": badge,
}


def main() -> None:
    for filename, make in BUILT_IN.items():
        template = make()
        # Stable ids so a rebuild without design changes gives the same file and hash.
        template.id = "builtin-" + filename.removesuffix(".shosho")
        for side in template.sides:
            for index, element in enumerate(side.elements):
                element.id = f"{side.name}-{index:02d}-{element.name or element.TYPE}"
        save_template(template, OUT / filename)
        print(OUT / filename)


if __name__ == "__main__":
    main()
