"""The badge in wallets: the badge design rendered for each record's course is what is baked,
and the achievement carries it as its image."""

from __future__ import annotations

import base64
import io
import json

from PIL import Image

from designer.credential.baking import read_png, read_svg
from designer.issue.lookup import batch_credentials
from designer.issue.pipeline import issue_batch
from designer.issue.plan import PlanRequest
from designer.model import load_template, save_template
from designer.store import open_store

from .conftest import db_url

NAVY = (0x1B, 0x2A, 0x54)  # the built-in badge's disc
GOLD = (138, 109, 43)  # the plain circle baked before


def _near(pixel, colour, tolerance=12):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], colour, strict=True))


def test_baked_badges_show_the_design_for_each_course(workspace, signer):
    template = load_template(workspace / "t.shosho")
    template.achievement = {"name": "{{ course_name }}"}
    save_template(template, workspace / "t.shosho")
    (workspace / "roster.csv").write_text(
        "student_id,full_name,email,course_name\n"
        "S1,山田 太郎,a@example.jp,情報セキュリティ基礎\n"
        "S2,佐藤 花子,b@example.jp,データ分析\n",
        encoding="utf-8",
    )
    store = open_store(db_url(workspace))
    request = PlanRequest(
        template=template,
        template_path=workspace / "t.shosho",
        roster_path=workspace / "roster.csv",
        issuer_ref=str(workspace / "issuer.json"),
        key_ref="file:key",
        out_dir=workspace / "out",
        outputs=("json", "png", "svg"),
    )
    assert issue_batch(store, request, signer, workers=1).finished
    pictures = []
    for person in batch_credentials(store, 1):
        png_path = next(p for p in person.files if p.suffix == ".png")
        svg_path = next(p for p in person.files if p.suffix == ".svg")
        data = png_path.read_bytes()
        credential = json.loads(read_png(data))
        assert json.loads(read_svg(svg_path.read_text("utf-8"))) == credential
        image = Image.open(io.BytesIO(data)).convert("RGBA").convert("RGB")
        centre = image.getpixel((image.width // 2, image.height // 3))
        assert _near(centre, NAVY) and not _near(centre, GOLD)
        svg = svg_path.read_text("utf-8")
        assert "#1B2A54" in svg.upper() and "東京未来大学" in svg
        achievement = credential["credentialSubject"]["achievement"]
        assert achievement["name"] == person.course
        uri = achievement["image"]["id"]
        assert uri.startswith("data:image/png;base64,") and len(uri) < 20_000
        small = Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1])))
        assert small.width == 256
        pictures.append(data)
    first, second = (Image.open(io.BytesIO(p)).convert("RGBA").convert("RGB") for p in pictures)
    assert first.tobytes() != second.tobytes()  # each course's own badge
