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


def test_safe_mode_and_demo_key_verdicts_are_shown_in_japanese(qapp):
    from designer.credential.jsonld import UndefinedTermError
    from designer.keys.demo import demo_key_refusal

    class _DemoKey:
        pass

    safe = (
        "eddsa-rdfc-2022 proof: " + UndefinedTermError(["property 'evil' is not defined"]).args[0]
    )
    demo = (
        "the demo key (published with Shosho, passphrase included) cannot act for "
        "did:web:example.ac.jp: it proves nothing. Use the issuer's own key"
    )
    assert demo_key_refusal(_DemoKey(), "did:web:example.ac.jp") is None  # not the demo key
    translators = install_translators(qapp, "ja")
    try:
        assert "署名の対象にならない内容" in translate(safe) and "'evil'" in translate(safe)
        assert "デモ鍵" in translate(demo) and "did:web:example.ac.jp" in translate(demo)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
