"""The batches window: look people up, see each credential's state, suspend, restore and
revoke with a reason, and save a batch's print sheet with its real seals."""

from __future__ import annotations

import pypdfium2
import zxingcpp
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from designer.issue.pipeline import issue_batch
from designer.issue.plan import PlanRequest
from designer.keys.keyfile import FileSigner
from designer.model import load_template
from designer.settings import load_settings
from designer.store import open_store


def _issue(office):
    key = ed25519.Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    (office / "key.pem").write_bytes(pem)
    (office / "key.pem").chmod(0o600)
    store = open_store(load_settings().database_url)
    request = PlanRequest(
        template=load_template(office / "t.shosho"),
        template_path=office / "t.shosho",
        roster_path=office / "roster.csv",
        issuer_ref=str(office / "issuer.json"),
        key_ref=f"file:{office / 'key.pem'}",
        out_dir=office / "out",
        outputs=("pdf", "json"),
    )
    result = issue_batch(store, request, FileSigner(office / "key.pem", key), workers=1)
    assert result.finished
    return result.batch_id


def test_look_up_suspend_restore_revoke_and_print(window, qtbot, office, message_boxes):
    batch_id = _issue(office)
    reasons = []
    batches = window.show_batches_window(
        ask_reason=lambda action, view: reasons.append((action, view.name)) or "学生証の紛失"
    )
    qtbot.addWidget(batches)
    assert batches.batches.count() == 1 and str(batch_id) in batches.batches.item(0).text()
    batches.batches.setCurrentRow(0)
    assert batches.table.rowCount() == 5
    # Look up by student ID (typed full-width, as on a Japanese keyboard) and by name.
    found = batches.look_up("Ｓ００００２")
    assert [v.student_id for v in found] == ["S00002"]
    assert batches.table.item(0, 6).text() == "Active"
    assert [v.name for v in batches.look_up("山田 太郎3")] == ["山田 太郎3"]
    batches.table.selectRow(0)
    assert batches.buttons["suspend"].isEnabled() and not batches.buttons["restore"].isEnabled()
    # A certificate cannot be suspended (only a card can): said so, nothing changes.
    assert batches.change_selected("suspend") is None
    assert "revoke" in message_boxes[-1][2] and batches.table.item(0, 6).text() == "Active"
    changed = batches.change_selected("revoke")
    assert changed.status == "revoked" and changed.status_reason == "学生証の紛失"
    assert reasons[-1] == ("revoke", "山田 太郎3")
    assert batches.table.item(0, 6).text() == "Revoked"
    assert not batches.buttons["revoke"].isEnabled()  # a revocation is final
    # The batch's print sheet: the four still active, each with its signed seal.
    batches.show_batch(batch_id)
    out = office / "sheet.pdf"
    assert batches.save_sheet(out) == 4
    document = pypdfium2.PdfDocument(str(out))
    try:
        image = document[0].render(scale=150 / 72).to_pil()
    finally:
        document.close()
    (qr,) = zxingcpp.read_barcodes(image)
    assert qr.text.startswith("https://mirai.example/v/")


def test_a_look_up_that_finds_nobody_says_so(window, qtbot, office):
    _issue(office)
    batches = window.show_batches_window()
    qtbot.addWidget(batches)
    assert batches.look_up("佐藤") == []
    assert "佐藤" in batches.detail.text() and batches.table.rowCount() == 0
    assert batches.look_up("   ") == []
    assert batches.detail.text()  # says whom to look for
