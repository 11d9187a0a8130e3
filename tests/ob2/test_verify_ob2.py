"""Open Badges 2.0 verdicts: the published samples and badges made here, every state."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from designer.cli import main
from designer.ob2.reader import Collection, read_item, read_ob2
from designer.ob2.verify import (
    CANNOT_CHECK,
    EXPIRED,
    INVALID,
    REVOKED,
    UNTRUSTED,
    VERIFIED,
    check_all,
    recipient_matches,
)

from .factory import DATA, VALIDATOR, Ob2Issuer, b64url, bake_png, bake_svg, png_image, write_json

NOW = datetime(2026, 12, 1, tzinfo=UTC)
ASSETS = sorted((VALIDATOR / "assets").glob("*.json"))


def _verdicts(*paths: Path, trusted=None):
    collection = Collection()
    for path in paths:
        read_item(str(path), path.read_bytes(), collection)
    return collection, check_all(collection, trusted_keys=trusted, now=NOW)


def _key(name: str):
    return json.loads((VALIDATOR / "assets" / name).read_text())


@pytest.mark.parametrize(
    ("sample", "state"),
    [
        ("simple.jwt", UNTRUSTED),
        ("simple-not-revoked.jwt", UNTRUSTED),
        ("simple-revoked.jwt", REVOKED),
        ("basic-assertion.json", CANNOT_CHECK),
        ("basic-assertion-expired.json", EXPIRED),
        ("assertion-with-data-image.json", INVALID),
    ],
)
def test_published_samples_get_the_right_verdict(sample, state):
    _, verdicts = _verdicts(VALIDATOR / sample, *ASSETS)
    assert [v.state for v in verdicts] == [state]


def test_a_key_vouched_for_by_a_trust_source_makes_a_signed_award_verified():
    _, verdicts = _verdicts(VALIDATOR / "simple.jwt", *ASSETS, trusted=[_key("key1.json")])
    assert verdicts[0].state == VERIFIED
    # A different key in the trust source vouches for nothing.
    _, verdicts = _verdicts(VALIDATOR / "simple.jwt", *ASSETS, trusted=[_key("key2.json")])
    assert verdicts[0].state == UNTRUSTED
    # Nor does the right key vouched for as another issuer's, or for no issuer at all.
    for owner in ("https://other.example/issuer.json", None):
        key = {**_key("key1.json"), "owner": owner}
        _, verdicts = _verdicts(VALIDATOR / "simple.jwt", *ASSETS, trusted=[key])
        assert verdicts[0].state == UNTRUSTED


def test_revocation_is_checked_against_the_list_in_the_export():
    _, verdicts = _verdicts(VALIDATOR / "simple-not-revoked.jwt", *ASSETS)
    assert verdicts[0].status_checked and verdicts[0].upgradeable
    revoked = _verdicts(VALIDATOR / "simple-revoked.jwt", *ASSETS)[1][0]
    assert "A good reason, for sure" in revoked.reasons[0] and not revoked.upgradeable


def test_a_signed_award_without_its_key_cannot_be_checked_and_is_never_valid():
    _, verdicts = _verdicts(VALIDATOR / "simple.jwt")
    assert verdicts[0].state == CANNOT_CHECK
    assert "unknown key" in verdicts[0].reasons[0]
    _, verdicts = _verdicts(DATA / "examples" / "spec" / "signed-assertion.jws")
    assert verdicts[0].state == CANNOT_CHECK


def test_baked_samples_are_read_and_hosted_awards_are_not_claimed_valid():
    for name in ("baked_heart.png", "simple-badge.png"):
        collection, verdicts = _verdicts(DATA / "baked" / name)
        assert len(collection.assertions) == 1
        assert verdicts[0].state == CANNOT_CHECK and verdicts[0].verification == "hosted"
        assert "not fetched" in verdicts[0].reasons[0]
    collection, _ = _verdicts(DATA / "baked" / "public_domain_heart.png")
    assert not collection.assertions and collection.images


def test_the_recipient_hash_of_the_samples_matches_its_email():
    collection, _ = _verdicts(VALIDATOR / "simple.jwt")
    recipient = collection.assertions[0].assertion["recipient"]
    assert recipient_matches(recipient, "nobody@example.org")
    assert recipient_matches(recipient, "Nobody@Example.org")  # as given, then lower-cased
    assert not recipient_matches(recipient, "somebody@example.org")


def test_files_that_are_not_2_0_awards_are_named_with_the_reason(tmp_path):
    collection = read_ob2(
        DATA / "examples" / "validator-core" / "1_1_basic_assertion.json",
        DATA / "baked" / "mozilla-bakery-baked.svg",
        VALIDATOR / "urlmap.json",
    )
    reasons = dict(collection.skipped)
    assert (
        "Open Badges 1.1 is not supported"
        in reasons[str(DATA / "examples" / "validator-core" / "1_1_basic_assertion.json")]
    )
    assert (
        "only the URL http://example.org"
        in reasons[str(DATA / "baked" / "mozilla-bakery-baked.svg")]
    )
    assert "not an Open Badges 2.0 object" in reasons[str(VALIDATOR / "urlmap.json")]
    broken = tmp_path / "spec-example.svg"
    broken.write_bytes((DATA / "baked" / "baking-spec-example.svg.txt").read_bytes())
    collection = read_ob2(broken)
    assert "not well-formed XML" in collection.skipped[0][1]


@pytest.fixture
def issuer(tmp_path):
    office = Ob2Issuer()
    office.write_context(tmp_path / "export")
    return office


def test_generated_signed_awards_in_every_state(tmp_path, issuer):
    export = tmp_path / "export"
    badge = issuer.badge("python", "Python 入門")
    write_json(export / "badge.json", badge)
    good = issuer.assertion(badge, 1, "hanako@example.ac.jp")
    revoked = issuer.assertion(badge, 2, "taro@example.ac.jp")
    expired = issuer.assertion(badge, 3, "jiro@example.ac.jp", expires="2025-03-31T23:59:59Z")
    issuer.revoked = [{"id": revoked["id"], "revocationReason": "成績の誤り"}]
    issuer.write_context(export)
    (export / "good.jwt").write_text(issuer.sign(good))
    (export / "revoked.jwt").write_text(issuer.sign(revoked))
    (export / "expired.jwt").write_text(issuer.sign(expired))
    # The award changed after signing (another badge date), the signature kept.
    header, _, signature = issuer.sign(good).split(".")
    changed = b64url(json.dumps({**good, "issuedOn": "2024-03-16T10:00:00+09:00"}).encode())
    (export / "tampered.jwt").write_text(f"{header}.{changed}.{signature}")
    # Bytes that are no longer a JWS payload at all.
    (export / "garbled.jwt").write_text(f"{header}.{changed[:-3]}.{signature}")
    # Signed by somebody else's key, naming the issuer's key.
    (export / "forged.jwt").write_text(issuer.sign(good, key=Ob2Issuer().key))
    collection = read_ob2(export)
    states = {
        Path(v.source).name: v.state
        for v in check_all(collection, trusted_keys=[issuer.key_document()], now=NOW)
    }
    assert states == {
        "good.jwt": VERIFIED,
        "revoked.jwt": REVOKED,
        "expired.jwt": EXPIRED,
        "tampered.jwt": INVALID,
        "forged.jwt": INVALID,
    }
    assert [Path(name).name for name, _ in collection.skipped] == ["garbled.jwt"]


def test_a_key_the_issuer_does_not_list_or_own_is_refused(tmp_path, issuer):
    export = tmp_path / "export"
    badge = issuer.badge("python", "Python 入門")
    write_json(export / "badge.json", badge)
    other = Ob2Issuer(slug="other")
    stolen = other.key_document()
    stolen["owner"] = issuer.id  # claims the issuer owns a key its profile does not list
    write_json(export / "key-other.json", stolen)
    award = issuer.assertion(badge, 1, "a@example.ac.jp")
    award["verification"]["creator"] = other.key_id
    (export / "award.jwt").write_text(issuer.sign(award, key=other.key))
    verdict = check_all(read_ob2(export), now=NOW)[0]
    assert verdict.state == INVALID and "not one the issuer" in verdict.reasons[0]


def test_an_unexported_revocation_list_leaves_the_status_unknown(tmp_path, issuer):
    export = tmp_path / "export"
    (export / "revocations.json").unlink()
    badge = issuer.badge("python", "Python 入門")
    write_json(export / "badge.json", badge)
    (export / "a.jwt").write_text(issuer.sign(issuer.assertion(badge, 1, "a@example.ac.jp")))
    verdict = check_all(read_ob2(export), now=NOW)[0]
    assert verdict.state == UNTRUSTED and not verdict.status_checked
    assert any("revocation NOT checked" in note for note in verdict.notes)
    assert not verdict.upgradeable


def test_a_hosted_award_whose_url_answers_revoked_is_revoked(tmp_path, issuer):
    export = tmp_path / "export"
    badge = issuer.badge("python", "Python 入門")
    write_json(export / "badge.json", badge)
    award = issuer.assertion(badge, 7, "a@example.ac.jp", signed=False)
    write_json(export / "award.json", award)
    write_json(
        export / "award-now.json",
        {
            "@context": award["@context"],
            "id": award["id"],
            "revoked": True,
            "revocationReason": "x",
        },
    )
    verdict = check_all(read_ob2(export), now=NOW)[0]
    assert verdict.state == REVOKED


def test_baked_png_and_svg_made_here_are_read(tmp_path, issuer):
    export = tmp_path / "export"
    badge = issuer.badge("python", "Python 入門")
    write_json(export / "badge.json", badge)
    award = issuer.assertion(badge, 1, "a@example.ac.jp")
    jws = issuer.sign(award)
    (export / "award.png").write_bytes(bake_png(png_image(), jws))
    (export / "award.svg").write_bytes(bake_svg(jws=jws))
    hosted = issuer.assertion(badge, 2, "b@example.ac.jp", signed=False)
    (export / "hosted.svg").write_bytes(bake_svg(assertion=hosted))
    states = {Path(v.source).name: v.state for v in check_all(read_ob2(export), now=NOW)}
    assert states == {"award.png": UNTRUSTED, "award.svg": UNTRUSTED, "hosted.svg": CANNOT_CHECK}


def test_malformed_png_chunks_are_reported_by_file(tmp_path, issuer):
    badge = issuer.badge("python", "Python 入門")
    baked = bake_png(png_image(), issuer.sign(issuer.assertion(badge, 1, "a@example.ac.jp")))
    truncated = tmp_path / "truncated.png"
    truncated.write_bytes(baked[:60])
    damaged = tmp_path / "damaged.png"
    damaged.write_bytes(baked[:40] + bytes([baked[40] ^ 0xFF]) + baked[41:])
    reasons = dict(read_ob2(truncated, damaged).skipped)
    assert "truncated" in reasons[str(truncated)]
    assert "bad CRC" in reasons[str(damaged)]


def test_shosho_verify_reports_2_0_awards_with_exit_codes(capsys, tmp_path):
    assets = [str(p) for p in ASSETS]
    assert main(["verify", str(VALIDATOR / "simple.jwt"), *assets]) == 3
    out = capsys.readouterr().out
    assert "SIGNATURE VALID, ISSUER NOT TRUSTED (Open Badges 2.0)" in out
    assert "Awesome Robotics Badge" in out
    key = str(VALIDATOR / "assets" / "key1.json")
    assert main(["verify", str(VALIDATOR / "simple.jwt"), *assets, "--trust", key]) == 0
    assert "VERIFIED (Open Badges 2.0, signed)" in capsys.readouterr().out
    assert main(["verify", str(VALIDATOR / "simple-revoked.jwt"), *assets]) == 1
    assert "REVOKED (Open Badges 2.0)" in capsys.readouterr().out
    assert main(["verify", str(DATA / "baked" / "simple-badge.png"), "--json"]) == 1
    line = json.loads(capsys.readouterr().out.splitlines()[0])
    assert line["format"] == "openbadges-2.0" and line["verdict"] == CANNOT_CHECK


def test_open_badges_3_0_files_are_not_taken_for_2_0(tmp_path):
    from cryptography.hazmat.primitives.asymmetric import ec

    from designer.credential.build import build_credential
    from designer.keys.keyfile import FileSigner
    from designer.keys.multikey import did_key
    from designer.ob2.reader import looks_like_ob2
    from designer.signing.suites import sign_credential

    signer = FileSigner(tmp_path / "key.pem", ec.generate_private_key(ec.SECP256R1()))
    credential = build_credential(
        {"id": did_key(signer.public_key()), "name": "東京未来大学"},
        {"name": "Python 入門"},
        {"email": "hanako@example.ac.jp", "full_name": "山田 花子"},
        credential_id="urn:uuid:7f1a1a52-2c3b-4f66-9c0e-1d2f3a4b5c6d",
        issued_at=NOW,
    )
    jwt = tmp_path / "credential.jwt"
    jwt.write_text(sign_credential(credential, signer, suite="vc-jwt"))
    signed = tmp_path / "credential.json"
    signed.write_text(json.dumps(sign_credential(credential, signer, suite="ecdsa-rdfc-2019")))
    assert not looks_like_ob2(jwt) and not looks_like_ob2(signed)
    assert looks_like_ob2(VALIDATOR / "simple.jwt")
    assert looks_like_ob2(DATA / "baked" / "simple-badge.png")


# What each reference file is, read on its own: the verdict of the award it holds, or why it is
# not an award. Every file of the copied reference data is listed.
EVERY_FILE = {
    "baked/baked_heart.png": CANNOT_CHECK,
    "baked/simple-badge.png": CANNOT_CHECK,
    "baked/baking-spec-example.svg.txt": "not well-formed XML",
    "baked/mozilla-bakery-baked.svg": "Open Badges 1.0",
    "baked/public_domain_heart.png": "image",
    "context-v2.json": "not an Open Badges 2.0 object",
    "examples/1edtech-validator/assertion-with-data-image.json": INVALID,
    "examples/1edtech-validator/basic-assertion-expired.json": EXPIRED,
    "examples/1edtech-validator/basic-assertion.json": CANNOT_CHECK,
    "examples/1edtech-validator/simple-not-revoked.jwt": CANNOT_CHECK,  # alone: no key
    "examples/1edtech-validator/simple-revoked.jwt": CANNOT_CHECK,
    "examples/1edtech-validator/simple.jwt": CANNOT_CHECK,
    "examples/1edtech-validator/urlmap.json": "not an Open Badges 2.0 object",
    "examples/spec/assertion-embedded-badgeclass-issuer.json": CANNOT_CHECK,
    "examples/spec/assertion-hosted.json": EXPIRED,
    "examples/spec/badgeclass-language-related-fragment.json": "not an Open Badges 2.0 object",
    "examples/spec/badgeclass-version-related-fragment.json": "not an Open Badges 2.0 object",
    "examples/spec/criteria-narrative-fragment.json": "not an Open Badges 2.0 object",
    "examples/spec/evidence-narrative-fragment.json": "not an Open Badges 2.0 object",
    "examples/spec/endorsement-of-assertion.json": "Endorsement, not an award",
    "examples/spec/endorsement-of-badgeclass.json": "Endorsement, not an award",
    "examples/spec/endorsement-of-issuer-email.json": "Endorsement, not an award",
    "examples/spec/endorsement-revoked.json": "revoked body",
    "examples/spec/revoked-hosted-assertion.json": "revoked body",
    "examples/spec/signed-assertion.claims.json": CANNOT_CHECK,  # signed, but no JWS given
    "examples/spec/signed-assertion.header.json": "not an Open Badges 2.0 object",
    "examples/spec/signed-assertion.jws": CANNOT_CHECK,  # its key is published nowhere
    "examples/validator-core/1_1_basic_assertion.json": "Open Badges 1.1",
    "examples/validator-core/1_1_basic_badgeclass.json": "Open Badges 1.1",
    "examples/validator-core/1_1_basic_issuer.json": "Open Badges 1.1",
    "examples/validator-core/2_0_basic_assertion.json": CANNOT_CHECK,
    "extensions/recipientProfile/context.json": "not an Open Badges 2.0 object",
    "extensions/recipientProfile/schema.json": "not an Open Badges 2.0 object",
}
CONTEXT_KINDS = {"BadgeClass", "Issuer", "Profile", "CryptographicKey", "RevocationList"}


def test_every_reference_file_is_read_for_what_it_is():
    files = sorted(
        p.relative_to(DATA).as_posix()
        for p in DATA.rglob("*")
        if p.is_file() and p.name not in ("MANIFEST.json", "README.md", "migrating-notes.md")
    )
    for name in files:
        if name.endswith(".verbatim.txt"):
            continue  # below
        path = DATA / name
        collection = Collection()
        read_item(name, path.read_bytes(), collection)
        verdicts = check_all(collection, now=NOW)
        expected = EVERY_FILE.get(name)
        if expected is None:  # the issuer, badge, key and list documents awards refer to
            assert not collection.skipped and not verdicts, name
            kinds = {str(obj.get("type")) for obj in collection.objects.values()}
            assert kinds and kinds <= CONTEXT_KINDS, name
        elif expected in HEADLINE_STATES:
            assert [v.state for v in verdicts] == [expected], name
        elif expected == "image":
            assert collection.images and not collection.assertions, name
        elif expected == "revoked body":
            assert collection.revoked_hosted, name
        else:
            assert expected in collection.skipped[0][1], (name, collection.skipped)
    verbatim = [n for n in files if n.endswith(".verbatim.txt")]
    for name in verbatim:  # as published, not valid JSON: named, never read half-way
        collection = Collection()
        read_item(name, (DATA / name).read_bytes(), collection)
        assert "neither JSON nor a compact JWS" in collection.skipped[0][1]


HEADLINE_STATES = {VERIFIED, UNTRUSTED, CANNOT_CHECK, REVOKED, EXPIRED, INVALID}
