"""The issuer is set up in a form, saved as the profile the command line reads, and chosen in
the issue wizard by name; the wizard says what is missing while Next is disabled."""

import json

from designer.issue.profile import profiles_folder, read_profile_file, resolve_issuer
from designer.model import QRElement, Side, Template, TextElement, save_template
from tests.ui.conftest import write_roster


def _fill_form(form, name="東京未来大学"):
    form.profile_name.setText(name)
    form.name_ja.setText("東京未来大学")
    form.name_en.setText("Tokyo Mirai University")
    form.url.setText("https://www.tokyo-mirai.ac.jp/")
    form.email.setText("office@tokyo-mirai.ac.jp")
    form.key.setText("pkcs11:token=Office;object=issuer-2026")


def test_the_form_saves_the_profile_the_cli_uses(window, qtbot, tmp_path):
    form = window.show_issuer_form()
    qtbot.addWidget(form)
    form.profile_name.setText("東京未来大学")
    form.save()
    assert "Name (Japanese)" in form.problem.text()  # says which field to fill
    _fill_form(form)
    # The web address fills in the ID, verify page and status lists (each can be edited).
    assert form.issuer_id.text() == "did:web:www.tokyo-mirai.ac.jp"
    assert form.verify_url.text() == "https://www.tokyo-mirai.ac.jp/verify/"
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    form.logo.setText(str(logo))
    path = form.save()
    assert path == profiles_folder() / "東京未来大学.json"
    profile = read_profile_file(path)  # the command line's own reader accepts it
    assert profile["name"] == {"ja": "東京未来大学", "en": "Tokyo Mirai University"}
    assert profile["status_list_url"] == "https://www.tokyo-mirai.ac.jp/status/"
    assert profile["image"].startswith("data:image/png;base64,")
    assert "key" not in json.dumps(profile).lower().replace("did:key", "")  # no key in a profile
    # `shosho issue --issuer 東京未来大学` finds it by its name.
    from designer.settings import load_settings
    from designer.store import open_store

    with open_store(load_settings().database_url).write() as session:
        issuer = resolve_issuer(session, "東京未来大学")
        assert issuer.issuer_uri == "did:web:www.tokyo-mirai.ac.jp"
        session.rollback()


def test_a_bad_web_address_is_named_and_nothing_is_saved(window, qtbot):
    form = window.show_issuer_form()
    qtbot.addWidget(form)
    _fill_form(form)
    form.status_url.setText("ftp://example")
    assert form.save() is None
    assert "Status lists" in form.problem.text() and "https://" in form.problem.text()
    assert not (profiles_folder() / "東京未来大学.json").exists()


def _no_achievement_design(folder):
    template = Template(name="Untitled")  # no achievement name, and the roster has no course
    template.sides = [
        Side(elements=[TextElement(x=20, y=30, width=170, height=20, text="{{ full_name }}")])
    ]
    template.sides[0].elements.append(QRElement(x=80, y=200, width=40, height=40))
    save_template(template, folder / "plain.shosho")
    write_roster(folder / "roster.csv", 3)
    return folder / "plain.shosho"


def test_the_wizard_picks_the_issuer_by_name_and_says_why_next_is_disabled(window, qtbot, tmp_path):
    form = window.show_issuer_form()
    qtbot.addWidget(form)
    _fill_form(form)
    assert form.save() is not None
    design = _no_achievement_design(tmp_path)
    window.open_path(design)
    window.open_roster(tmp_path / "roster.csv")
    wizard = window.show_issue_wizard(ask_secret=lambda what: "0000")
    qtbot.addWidget(wizard)
    setup = wizard.setup
    assert window.show_issue_wizard() is wizard  # one wizard at a time
    names = [setup.issuer.itemText(i) for i in range(setup.issuer.count())]
    assert "東京未来大学" in names
    setup.issuer.setCurrentIndex(setup.issuer.findText("東京未来大学"))
    assert setup.key.text() == "pkcs11:token=Office;object=issuer-2026"  # remembered with it
    setup.out.setText(str(tmp_path / "out"))
    # The design names no achievement and the roster has no course name: the wizard asks.
    assert setup.needs_achievement and setup.achievement.isVisibleTo(wizard)
    assert not setup.isComplete()
    assert "achievement name" in setup.why.text()
    setup.achievement.setText("データサイエンス基礎 修了")
    assert setup.isComplete() and setup.why.text() == ""
    setup.key.setText("")
    assert "signing key" in setup.why.text() and not setup.isComplete()
    setup.key.setText("pkcs11:token=Office;object=issuer-2026")
    # Next shows what is about to be issued, before any PIN is asked.
    wizard.next()
    assert wizard.currentPage() is wizard.review
    text = wizard.review.summary.text()
    assert "東京未来大学" in text and "データサイエンス基礎 修了" in text
    wizard.close()
