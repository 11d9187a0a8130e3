"""The term of office work done in the GUI alone, in Japanese and in English: set up the
issuer, make a key on the token, trust it, open the roster, issue the student-ID cards,
print their sheet with the real seals, verify a card, suspend a lost one, look it up."""

from __future__ import annotations

import shutil
import uuid

import pypdfium2
import pytest
import zxingcpp
from PySide6.QtCore import QCoreApplication

from designer.resources import examples_dir, templates_dir
from tests.ui.ui_text import untranslated


def t(text: str) -> str:
    return QCoreApplication.translate("", text)


@pytest.fixture(params=["ja", "en"])
def language(request, qapp):
    from designer.ui.app import install_translators

    translators = install_translators(qapp, request.param)
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def term_window(language, qtbot):
    from designer.ui.main_window import MainWindow

    win = MainWindow(check_recovery=False)
    qtbot.addWidget(win)
    win.resize(1300, 860)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.editor is not None:
        win.editor.undo_stack.setClean()


def _roster(folder, count: int = 3):
    """The first people of the sample roster, with their photos beside it."""
    lines = (examples_dir() / "roster-ja.csv").read_bytes().decode("cp932").splitlines()
    roster = folder / "名簿.csv"
    roster.write_bytes(("\n".join(lines[: count + 1]) + "\n").encode("cp932"))
    shutil.copytree(examples_dir() / "photos", folder / "photos")
    return roster


def _qr_texts(pdf) -> list[str]:
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        image = document[0].render(scale=300 / 72).to_pil()
    finally:
        document.close()
    return sorted(r.text for r in zxingcpp.read_barcodes(image))


def _japanese(widget, language):
    if language == "ja":
        left = untranslated(widget)
        assert left == [], "\n".join(left)


def test_the_office_term_in_the_gui(term_window, language, qtbot, tmp_path, softhsm):
    window = term_window
    # 1. The issuer, in its form.
    form = window.show_issuer_form()
    qtbot.addWidget(form)
    form.profile_name.setText("東京未来大学")
    form.name_ja.setText("東京未来大学")
    form.name_en.setText("Tokyo Mirai University")
    form.url.setText("https://www.tokyo-mirai.ac.jp/")
    form.verify_url.setText("https://www.tokyo-mirai.ac.jp/v/")
    _japanese(form, language)
    assert form.save() is not None, form.problem.text()

    # 2. A key on the token, made in the keys window; 3. trusted as our issuer's.
    keys = window.show_keys_window(ask_pin=lambda what: softhsm.pin)
    qtbot.addWidget(keys)
    keys.set_module(softhsm.module_path)
    keys.refresh_tokens()
    keys.select_token(softhsm.token_label)
    label = f"term-{uuid.uuid4().hex[:6]}"
    assert keys.generate(label, "ed25519"), keys.status.text()
    key_ref = keys.key_ref.text()
    assert keys.trust_own_key() is not None, keys.status.text()
    _japanese(keys, language)
    keys.close()

    # 4. The design and the roster.
    window.open_path(templates_dir() / "student-id.shosho", as_copy=True)
    assert window._save_to(tmp_path / "学生証.shosho")
    assert window.open_roster(_roster(tmp_path))
    assert not window.session.report.has_errors

    # 5. Issue, in the wizard: the issuer by name, the key, a look at the review page.
    wizard = window.show_issue_wizard(ask_secret=lambda what: softhsm.pin)
    qtbot.addWidget(wizard)
    setup = wizard.setup
    setup.issuer.setCurrentIndex(setup.issuer.findText("東京未来大学"))
    setup.key.setText(key_ref)
    setup.out.setText(str(tmp_path / "out"))
    assert setup.isComplete(), setup.why.text()
    _japanese(wizard, language)
    wizard.next()
    assert "東京未来大学" in wizard.review.summary.text()
    _japanese(wizard, language)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result is not None or wizard.error is not None, timeout=120_000)
    assert wizard.error is None, wizard.error
    assert wizard.result.finished and wizard.result.done == 3
    batch_id = wizard.result.batch_id
    wizard.wait()
    wizard.close()

    # 6. The card sheet with the real seals, from the batches window.
    batches = window.show_batches_window(ask_reason=lambda action, view: "学生証の紛失")
    qtbot.addWidget(batches)
    batches.show_batch(batch_id)
    assert batches.table.rowCount() == 3
    sheet = tmp_path / "sheet.pdf"
    assert batches.save_sheet(sheet) == 2  # fronts, then their backs mirrored
    seals = _qr_texts(sheet)
    assert len(seals) == 3 and all(s.startswith("https://www.tokyo-mirai.ac.jp/v/#") for s in seals)
    _japanese(batches, language)

    # 7. Verify a card: genuine, because the office trusts its own key.
    card = sorted((tmp_path / "out").rglob("*.pdf"))[0]
    verify = window.show_verify_window()
    qtbot.addWidget(verify)
    result = verify.verify(card)
    assert result.exit_code == 0, verify.details.toPlainText()
    assert verify.headline.text() == t("Genuine: signed by a trusted issuer")
    _japanese(verify, language)

    # 8. A card is lost: suspend it; 9. look the student up and see it.
    found = batches.look_up("2510002")
    assert len(found) == 1
    batches.table.selectRow(0)
    assert batches.change_selected("suspend").status == "suspended"
    found = batches.look_up("山﨑")
    assert [v.status for v in found] == ["suspended"]
    assert batches.table.item(0, 6).text() == t("Suspended")
    _japanese(batches, language)
