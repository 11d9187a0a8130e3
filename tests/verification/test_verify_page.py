"""The static verify page, run in a real headless Chromium (Debian's package), served from
127.0.0.1 by a throwaway http.server and opened from file:// too."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import re
import shutil
import subprocess
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from html import unescape
from pathlib import Path

import pytest

from designer.keys.multikey import public_key_multibase
from designer.signing.data_integrity import DataIntegritySigner
from designer.signing.seal import seal_qr_text, split_seal_text
from designer.verification.trust_list import encode_status_bits
from designer.verification.verify_page import render_verify_page, write_verify_page
from tests.signing.test_seal_support import (
    KeySigner,
    certificate_claims,
    issuer_entry,
    student_id_claims,
)

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=8000",
    "--dump-dom",
]


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.fail("Chromium is needed for the verify-page tests: run scripts/test.sh")
    return path


def open_in_chromium(url: str) -> dict:
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", url],
            capture_output=True,
            text=True,
            timeout=90,
        )
    match = re.search(r'data-result="([^"]*)"', done.stdout)
    assert match, (
        f"the page produced no result for {url}: {done.stdout[-500:]} {done.stderr[-500:]}"
    )
    return json.loads(unescape(match.group(1)))


def _legacy_seal(signer) -> str:
    """A seal of the first format (OB seal v1) signed by ``signer``."""
    from dataclasses import asdict

    from designer.keys.public_keys import legacy_kid_for_public_key
    from designer.signing.seal_codec import CoseSign1, bytes_to_digits, protected_header
    from designer.signing.seal_legacy import legacy_payload

    kid = legacy_kid_for_public_key(signer.public_key())
    protected = protected_header(-8, kid)
    payload = legacy_payload(asdict(certificate_claims(status_index=7)))
    unsigned = CoseSign1(protected, payload, b"", -8, kid)
    sealed = CoseSign1(protected, payload, signer.sign(unsigned.to_be_signed()), -8, kid)
    return "https://www.tokyo-mirai.ac.jp/v/#" + bytes_to_digits(sealed.encode())


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    requested: list[str] = []

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        _QuietHandler.requested.append(self.path)


def _bits(*set_positions: int) -> bytes:
    bits = bytearray(16384)
    for position in set_positions:
        bits[position // 8] |= 0x80 >> (position % 8)
    return bytes(bits)


def _status_list(purpose: str, bits: bytes, issuer: str = "", signer=None) -> dict:
    """A BitstringStatusListCredential as ``shosho status export`` writes it, signed by
    ``signer`` (eddsa-rdfc-2022 for Ed25519, ecdsa-rdfc-2019 for P-256) when given."""
    url = f"https://www.tokyo-mirai.ac.jp/status/{purpose}-1.json"
    credential = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": "2026-11-30T09:00:00Z",
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encode_status_bits(bits),
        },
    }
    if signer is None:
        return credential
    suite = "eddsa-rdfc-2022" if signer.algorithm == "Ed25519" else "ecdsa-rdfc-2019"
    return DataIntegritySigner(signer, suite).sign(credential)


def _write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    site = tmp_path_factory.mktemp("site")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site))
    )
    origin = f"http://127.0.0.1:{server.server_port}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        ed, p256, stranger, rotated = (KeySigner(), KeySigner("P-256"), KeySigner(), KeySigner())
        rotated_p256 = KeySigner("P-256")
        issuer_id = f"did:web:127.0.0.1%3A{server.server_port}"
        url = f"{origin}/v/"

        def page(folder: str, status_lists: dict, verify_url: str = url) -> None:
            entry = issuer_entry(
                ed, p256, verify_url=verify_url, issuer_id=issuer_id, status_lists=status_lists
            )
            _write(site / f"{folder}.json", entry)
            write_verify_page(site / f"{folder}.json", site / folder)

        def lists(folder: str, signer, revoked: bytes, suspended: bytes) -> dict:
            _write(
                site / folder / "r1.json", _status_list("revocation", revoked, issuer_id, signer)
            )
            _write(
                site / folder / "s1.json", _status_list("suspension", suspended, issuer_id, signer)
            )
            return {
                "revocation": f"/{folder}/r{{list}}.json",
                "suspension": f"/{folder}/s{{list}}.json",
            }

        page("v", lists("status", ed, _bits(5), _bits(6)))
        # Lists signed with the P-256 key (ecdsa-rdfc-2019).
        page("p", lists("p256", p256, _bits(5), _bits()))
        # Lists without a proof, and a signed list whose bits were changed afterwards.
        page("u", lists("unsigned", None, _bits(5), _bits()))
        altered = _status_list("revocation", _bits(), issuer_id, ed)
        altered["credentialSubject"]["encodedList"] = encode_status_bits(_bits(5))
        _write(site / "altered" / "r1.json", altered)
        page("a", {"revocation": "/altered/r{list}.json"})
        # Staged before upload: the profile names the production host; served from localhost
        # the page reads the same paths from its own origin.
        page(
            "stage",
            {
                "revocation": "https://www.tokyo-mirai.ac.jp/status/r{list}.json",
                "suspension": "https://www.tokyo-mirai.ac.jp/status/s{list}.json",
            },
            verify_url="https://www.tokyo-mirai.ac.jp/v/",
        )
        did = {
            "id": issuer_id,
            "verificationMethod": [
                {
                    "id": f"{issuer_id}#seal-2027",
                    "type": "Multikey",
                    "controller": issuer_id,
                    "publicKeyMultibase": public_key_multibase(key.public_key()),
                }
                for key in (rotated, rotated_p256)
            ],
        }
        _write(site / ".well-known" / "did.json", did)

        genuine = seal_qr_text(
            certificate_claims(status_index=7, printed_date="令和7年3月25日"), ed, url
        )
        prefix, digits = split_seal_text(genuine)
        middle = len(digits) // 2  # inside the claims
        flipped = digits[:middle] + str((int(digits[middle]) + 1) % 10) + digits[middle + 1 :]
        revoked = split_seal_text(seal_qr_text(certificate_claims(status_index=5), ed, url))[1]
        cases = {
            "genuine": genuine,
            "p256": seal_qr_text(certificate_claims(status_index=8), p256, url),
            "tampered": prefix + flipped,
            "revoked": seal_qr_text(certificate_claims(status_index=5), ed, url),
            "suspended": seal_qr_text(student_id_claims(status_index=6), ed, url),
            "unknown_issuer": seal_qr_text(certificate_claims(), stranger, url),
            "did_json_key": seal_qr_text(certificate_claims(status_index=9), rotated, url),
            "did_json_p256": seal_qr_text(certificate_claims(status_index=9), rotated_p256, url),
            "expired": seal_qr_text(
                student_id_claims(status_index=10, expires=dt.date(2024, 3, 31)), ed, url
            ),
            "p256_list_revoked": f"{origin}/p/#{revoked}",
            "unsigned_list": f"{origin}/u/#{revoked}",
            "altered_list": f"{origin}/a/#{revoked}",
            "staged_revoked": f"{origin}/stage/#{revoked}",
            "legacy": f"{origin}/v/#" + split_seal_text(_legacy_seal(ed))[1],
            "no_seal": url,
            "file": (site / "v" / "index.html").as_uri() + "#" + digits,
        }
        with ThreadPoolExecutor(max_workers=2) as pool:
            found = dict(zip(cases, pool.map(open_in_chromium, cases.values()), strict=True))
        found["_requests"] = list(_QuietHandler.requested)
        return found
    finally:
        server.shutdown()


def test_a_genuine_seal_shows_the_signed_claims_and_checked_status(results) -> None:
    result = results["genuine"]
    assert result["verdict"] == "genuine"
    assert result["claims"]["name"] == "山田 太郎"
    assert result["claims"]["achievement"] == "データサイエンス基礎 修了"
    assert result["claims"]["issuedDay"] == (dt.date(2025, 3, 25) - dt.date(1970, 1, 1)).days
    assert result["claims"]["printedDate"] == "令和7年3月25日"
    assert result["statusChecked"] is True and result["statusAsOf"]
    assert result["keySource"] == "page"
    assert "令和7年3月25日" in result["shown"] and "Date as printed" in result["shown"]


def test_status_lists_signed_with_p256_are_checked(results) -> None:
    assert results["p256_list_revoked"]["verdict"] == "revoked"


def test_a_list_without_a_valid_proof_is_refused(results) -> None:
    for case in ("unsigned_list", "altered_list"):
        result = results[case]
        assert result["verdict"] == "genuine" and result["statusChecked"] is False, case
        assert any("proof" in r or "signature" in r for r in result["statusProblems"]), result


def test_a_page_staged_on_localhost_reads_its_own_lists(results) -> None:
    assert results["staged_revoked"]["verdict"] == "revoked"


def test_a_p256_multikey_in_did_json_is_accepted(results) -> None:
    assert results["did_json_p256"]["verdict"] == "genuine"
    assert results["did_json_p256"]["keySource"] == "did.json"


def test_a_seal_of_the_first_format_still_verifies(results) -> None:
    assert results["legacy"]["verdict"] == "genuine" and results["legacy"]["version"] == 1


def test_p256_seals_verify_with_webcrypto_ecdsa(results) -> None:
    assert results["p256"]["verdict"] == "genuine" and results["p256"]["alg"] == "ES256"


def test_a_changed_digit_is_not_genuine(results) -> None:
    assert results["tampered"]["verdict"] == "not_genuine"


def test_revoked_and_suspended_come_from_the_status_lists(results) -> None:
    assert results["revoked"]["verdict"] == "revoked"
    assert results["suspended"]["verdict"] == "suspended"
    assert results["suspended"]["claims"]["studentNumber"] == "25T1234A"


def test_a_key_of_another_issuer_is_unknown(results) -> None:
    assert results["unknown_issuer"]["verdict"] == "unknown_issuer"


def test_a_key_published_later_in_did_json_is_accepted(results) -> None:
    assert results["did_json_key"]["verdict"] == "genuine"
    assert results["did_json_key"]["keySource"] == "did.json"


def test_an_expired_card_says_so(results) -> None:
    assert results["expired"]["verdict"] == "expired"


def test_without_a_seal_the_page_says_so(results) -> None:
    assert results["no_seal"]["verdict"] == "no_seal"


def test_from_file_the_signature_is_checked_and_status_is_unknown(results) -> None:
    assert results["file"]["verdict"] == "genuine"
    assert results["file"]["statusChecked"] is False


def test_the_page_requests_only_its_own_files(results) -> None:
    allowed = re.compile(
        r"^/((v|p|u|a|stage)/|(status|p256|unsigned)/[rs]1\.json|altered/r1\.json"
        r"|\.well-known/did\.json|favicon\.ico)$"
    )
    assert results["_requests"], "the server saw no requests"
    assert all(allowed.match(path) for path in results["_requests"]), results["_requests"]
    assert not any("#" in path for path in results["_requests"])


def test_the_page_is_self_contained_and_locked_by_csp() -> None:
    page = render_verify_page(issuer_entry(KeySigner()))
    assert "Content-Security-Policy" in page and "connect-src 'self'" in page
    assert "default-src 'none'" in page
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page)
    assert "東京未来大学" in page


def test_issuer_without_seal_keys_is_refused(tmp_path: Path) -> None:
    from designer.errors import ShoshoError

    entry = issuer_entry()
    (tmp_path / "issuer.json").write_text(json.dumps(entry), encoding="utf-8")
    with pytest.raises(ShoshoError, match="sealKeys"):
        write_verify_page(tmp_path / "issuer.json", tmp_path / "out")
