"""`shosho verify` on what people actually hold: the certificate PDF (its attached credential
and its printed seal), a photo of the paper, the QR text, with and without a trust list."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pypdfium2
import pytest

from designer.cli import main
from designer.credential.build import build_credential
from designer.keys.did import did_document
from designer.prepare import achievement_name, open_template, seal_claims
from designer.render.fonts import FontLibrary
from designer.render.layout import layout_record
from designer.render.pdf import write_pdf
from designer.signing.seal import seal_qr_text
from designer.signing.suites import sign_credential
from designer.verification.trust_list import new_trust_list_document, put_issuer, sign_trust_list
from tests.signing.test_seal_support import KeySigner, issuer_entry

ISSUER_ID = "did:web:www.tokyo-mirai.ac.jp"
VERIFY_URL = "https://www.tokyo-mirai.ac.jp/v/"
VALUES = {
    "student_id": "2510001",
    "full_name": "髙橋\u3000陽菜",
    "full_name_kana": "タカハシ\u3000ヒナ",
    "course_name": "地域データ活用講座",
    "completion_date": dt.date(2025, 3, 19),
    "email": "hina@example.ac.jp",
}


@pytest.fixture(scope="module")
def issued(tmp_path_factory):
    """A 修了証 PDF issued as the pipeline does: signed credential attached, seal printed."""
    folder = tmp_path_factory.mktemp("verify-any")
    signer = KeySigner("Ed25519")
    template, _ = open_template("shusho")
    issuer = {"id": ISSUER_ID, "type": ["Profile"], "name": "東京未来大学"}
    achievement = {k: v for k, v in template.achievement.items()}
    achievement["name"] = achievement_name(template, VALUES)
    achievement["description"] = "修了証"
    achievement["criteria"] = {"narrative": "全課程を修了すること"}
    credential_id = f"urn:uuid:{uuid.uuid4()}"
    unsigned = build_credential(
        issuer,
        achievement,
        {k: str(v) for k, v in VALUES.items()},
        credential_id=credential_id,
        issued_at=dt.datetime(2025, 3, 19, tzinfo=dt.UTC),
    )
    signed = sign_credential(unsigned, signer)
    claims = seal_claims(
        template,
        VALUES,
        credential_id=credential_id,
        issued=dt.date(2025, 3, 19),
        credential=signed,
    )
    values = {
        **VALUES,
        "seal_url": seal_qr_text(claims, signer, VERIFY_URL),
        "verify_host": "www.tokyo-mirai.ac.jp",
    }
    pages = layout_record(template, values, fonts=FontLibrary.default())
    pdf = folder / "certificate.pdf"
    credential_bytes = json.dumps(signed, ensure_ascii=False, indent=2).encode()
    write_pdf(pages, pdf, attachments={"credential.json": credential_bytes})
    # A second PDF whose printed seal belongs to another credential.
    other = dict(signed, id=f"urn:uuid:{uuid.uuid4()}")
    swapped = folder / "swapped.pdf"
    write_pdf(
        pages,
        swapped,
        attachments={
            "credential.json": json.dumps(
                sign_credential({k: v for k, v in other.items() if k != "proof"}, signer)
            ).encode()
        },
    )
    publisher = KeySigner("Ed25519")
    document = put_issuer(
        new_trust_list_document(), issuer_entry(signer, verify_url=VERIFY_URL, issuer_id=ISSUER_ID)
    )
    trust = folder / "trust.json"
    trust.write_text(
        json.dumps(sign_trust_list(document, publisher, {"ja": "テスト", "en": "Test"}))
    )
    photo = folder / "photo.jpg"
    image = (
        pypdfium2.PdfDocument(pdf)[0]
        .render(scale=150 / 72)
        .to_pil()
        .rotate(3, expand=True, fillcolor="white")
    )
    image.convert("RGB").save(photo, quality=70)
    did_json = folder / "did.json"
    did_json.write_text(json.dumps(did_document(ISSUER_ID, [signer.public_key()])))
    return {
        "did": did_json,
        "pdf": pdf,
        "swapped": swapped,
        "trust": trust,
        "photo": photo,
        "qr": values["seal_url"],
        "folder": folder,
    }


def verify(*args, capsys) -> tuple[int, str]:
    code = main(["verify", "--no-installed-trust", *map(str, args)])
    return code, capsys.readouterr().out


def test_pdf_with_trust_list_is_verified(issued, capsys):
    code, out = verify(issued["pdf"], "--trust", issued["trust"], capsys=capsys)
    assert code == 0, out
    assert "VERIFIED" in out and "the seal signs the attached credential" in out
    assert "髙橋" in out
    assert "date as printed: 令和7年3月19日" in out  # as the certificate prints it


def test_pdf_without_trust_is_never_verified(issued, capsys):
    code, out = verify(issued["pdf"], capsys=capsys)
    assert code == 3, out
    assert "NOT TRUSTED" in out and "GENUINE" not in out


def test_seal_of_another_credential_is_caught(issued, capsys):
    code, out = verify(issued["swapped"], "--trust", issued["trust"], capsys=capsys)
    assert code == 1, out
    assert "does not match the attached credential" in out


def test_photo_and_qr_text_of_the_paper(issued, capsys):
    code, out = verify(issued["photo"], "--trust", issued["trust"], capsys=capsys)
    assert code == 0, out
    assert "GENUINE" in out
    code, out = verify(issued["qr"], "--trust", issued["trust"], "--json", capsys=capsys)
    assert code == 0
    assert json.loads(out)["seal"]["claims"]["name"] == "髙橋\u3000陽菜"


def test_one_changed_digit_fails_and_the_worst_item_decides(issued, capsys):
    text = issued["qr"]
    position = len(text) - 20
    tampered = text[:position] + str((int(text[position]) + 1) % 10) + text[position + 1 :]
    code, out = verify(issued["pdf"], tampered, "--trust", issued["trust"], capsys=capsys)
    assert code == 1, out
    assert "VERIFIED" in out and ("NOT GENUINE" in out or "UNKNOWN ISSUER" in out)


def test_missing_item_is_a_usage_error(tmp_path, capsys):
    assert main(["verify", str(tmp_path / "nothing.pdf")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_the_issuers_did_json_vouches_for_credential_and_seal(issued, capsys):
    code, out = verify(issued["pdf"], "--trust", issued["did"], capsys=capsys)
    assert code == 0, out
    assert "GENUINE" in out and "VERIFIED" in out


def _with_kid_changed(text: str) -> str:
    """The QR text with one digit of the seal's key id changed (the rest intact)."""
    from designer.signing.seal import split_seal_text
    from designer.signing.seal_codec import bytes_to_digits, decode_cose_sign1, digits_to_bytes

    prefix, digits = split_seal_text(text)
    data = digits_to_bytes(digits)
    kid = decode_cose_sign1(data).kid
    position = data.index(kid)
    changed = data[:position] + bytes([kid[0] ^ 0x01]) + data[position + 1 :]
    return prefix + bytes_to_digits(changed)


def test_a_seal_whose_key_is_unknown_cannot_be_checked(issued, capsys):
    tampered = _with_kid_changed(issued["qr"])
    for trust in (("--trust", issued["trust"]), ()):
        code, out = verify(tampered, *trust, capsys=capsys)
        assert code == 1, out
        assert "CANNOT CHECK (unknown key" in out, out
        assert "SIGNATURE VALID" not in out and "GENUINE" not in out.replace("NOT GENUINE", "")
    code, out = verify(tampered, "--trust", issued["trust"], "--json", capsys=capsys)
    assert json.loads(out)["verdict"] == "cannot_check"


def _issue_pdf(folder, signer, issuer_id: str):
    template, _ = open_template("shusho")
    issuer = {"id": issuer_id, "type": ["Profile"], "name": "東京未来大学"}
    achievement = dict(template.achievement)
    achievement["name"] = achievement_name(template, VALUES)
    achievement["description"] = "修了証"
    achievement["criteria"] = {"narrative": "全課程を修了すること"}
    credential_id = f"urn:uuid:{uuid.uuid4()}"
    unsigned = build_credential(
        issuer,
        achievement,
        {k: str(v) for k, v in VALUES.items()},
        credential_id=credential_id,
        issued_at=dt.datetime(2025, 3, 19, tzinfo=dt.UTC),
    )
    signed = sign_credential(unsigned, signer)
    claims = seal_claims(
        template,
        VALUES,
        credential_id=credential_id,
        issued=dt.date(2025, 3, 19),
        credential=signed,
    )
    qr = seal_qr_text(claims, signer, VERIFY_URL)
    values = {**VALUES, "seal_url": qr, "verify_host": "www.tokyo-mirai.ac.jp"}
    pages = layout_record(template, values, fonts=FontLibrary.default())
    pdf = folder / f"{uuid.uuid4().hex}.pdf"
    write_pdf(pages, pdf, attachments={"credential.json": json.dumps(signed).encode()})
    return pdf, qr


def test_trusting_a_did_key_issuer_trusts_its_seal_too(tmp_path, capsys):
    from designer.keys.multikey import public_key_multibase

    signer = KeySigner("Ed25519")
    did = f"did:key:{public_key_multibase(signer.public_key())}"
    pdf, qr = _issue_pdf(tmp_path, signer, did)
    code, out = verify(pdf, "--trust-issuer", did, capsys=capsys)
    assert code == 0, out
    assert "VERIFIED" in out and "GENUINE" in out
    code, out = verify(qr, "--trust-issuer", did, capsys=capsys)
    assert code == 0 and "GENUINE" in out, out


def test_a_seal_key_listed_for_another_issuer_does_not_count(issued, tmp_path, capsys):
    signer = KeySigner("Ed25519")
    pdf, qr = _issue_pdf(tmp_path, signer, ISSUER_ID)
    other = tmp_path / "other.json"
    entry = issuer_entry(signer, issuer_id="did:web:other.example.jp")
    other.write_text(json.dumps({"issuers": [entry]}))
    code, out = verify(pdf, "--trust", other, capsys=capsys)
    assert code == 3, out
    assert "GENUINE" not in out.replace("NOT GENUINE", "") and "VERIFIED" not in out
    # The same key listed for two issuers vouches for neither when only the QR is given.
    both = tmp_path / "both.json"
    mine = issuer_entry(signer, issuer_id=ISSUER_ID)
    both.write_text(json.dumps({"issuers": [entry, mine]}))
    code, out = verify(qr, "--trust", both, capsys=capsys)
    assert code == 1 and "listed for several issuers" in out, out
