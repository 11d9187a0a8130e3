"""What the roster check says about hostile input, in Japanese in the window."""

from __future__ import annotations

import io

from PIL import Image

from designer.data.check import check_roster_file
from designer.ui.app import install_translators
from designer.ui.messages import translate


def test_new_roster_problems_are_shown_in_japanese(qapp, tmp_path):
    buffer = io.BytesIO()
    Image.effect_noise((200, 200), 60).convert("RGB").save(buffer, "JPEG")
    (tmp_path / "p.jpg").write_bytes(buffer.getvalue()[:1500])
    roster = tmp_path / "r.csv"
    roster.write_text("学籍番号,氏名,写真\n\u200bS1,山田,p.jpg\n", encoding="utf-8")
    report = check_roster_file(roster, ["student_id", "photo"])
    messages = [p.message for p in report.problems]
    translators = install_translators(qapp, "ja")
    try:
        shown = [translate(message) for message in messages]
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert any("見えない文字" in text and "U+200B" in text for text in shown), shown
    assert any("途中で切れています" in text for text in shown), shown
