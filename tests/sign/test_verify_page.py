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
from designer.signing.seal import seal_qr_text, split_seal_text
from designer.verification.trust_list import encode_status_bits
from designer.verification.verify_page import render_verify_page, write_verify_page

from .test_seal_support import KeySigner, certificate_claims, issuer_entry, student_id_claims

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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    requested: list[str] = []

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        _QuietHandler.requested.append(self.path)


def _bits(*set_positions: int) -> bytes:
    bits = bytearray(16384)
    for position in set_positions:
        bits[position // 8] |= 0x80 >> (position % 8)
    return bytes(bits)


def _status_list(purpose: str, bits: bytes) -> dict:
    return {
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "credentialSubject": {"statusPurpose": purpose, "encodedList": encode_status_bits(bits)},
    }


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
        entry = issuer_entry(
            ed,
            p256,
            verify_url=f"{origin}/v/",
            issuer_id=f"did:web:127.0.0.1%3A{server.server_port}",
            status_lists={
                "revocation": "/status/r{list}.json",
                "suspension": "/status/s{list}.json",
            },
        )
        (site / "issuer.json").write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
        write_verify_page(site / "issuer.json", site / "v")
        (site / "status").mkdir()
        (site / "status" / "r1.json").write_text(json.dumps(_status_list("revocation", _bits(5))))
        (site / "status" / "s1.json").write_text(json.dumps(_status_list("suspension", _bits(6))))
        (site / ".well-known").mkdir()
        did = {
            "id": entry["id"],
            "verificationMethod": [
                {
                    "id": "#seal-2027",
                    "type": "Multikey",
                    "controller": entry["id"],
                    "publicKeyMultibase": public_key_multibase(rotated.public_key()),
                }
            ],
        }
        (site / ".well-known" / "did.json").write_text(json.dumps(did))

        url = f"{origin}/v/"
        genuine = seal_qr_text(certificate_claims(status_index=7), ed, url)
        prefix, digits = split_seal_text(genuine)
        middle = len(digits) // 2  # inside the claims
        flipped = digits[:middle] + str((int(digits[middle]) + 1) % 10) + digits[middle + 1 :]
        cases = {
            "genuine": genuine,
            "p256": seal_qr_text(certificate_claims(status_index=8), p256, url),
            "tampered": prefix + flipped,
            "revoked": seal_qr_text(certificate_claims(status_index=5), ed, url),
            "suspended": seal_qr_text(student_id_claims(status_index=6), ed, url),
            "unknown_issuer": seal_qr_text(certificate_claims(), stranger, url),
            "did_json_key": seal_qr_text(certificate_claims(status_index=9), rotated, url),
            "expired": seal_qr_text(
                student_id_claims(status_index=10, expires=dt.date(2024, 3, 31)), ed, url
            ),
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
    assert result["statusChecked"] is True and result["statusAsOf"]
    assert result["keySource"] == "page"


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
    allowed = re.compile(r"^/(v/|status/[rs]1\.json|\.well-known/did\.json|favicon\.ico)$")
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
