"""``shosho keys did --web``: the domain is checked, and an existing did.json keeps its keys."""

from __future__ import annotations

import json

import pytest

from designer.cli import main
from designer.keys.did import did_web, did_web_document_url
from designer.keys.keyfile import create_key_file

PASSPHRASE = "did web test passphrase"


@pytest.mark.parametrize(
    "given, problem",
    [
        ("did:web:example.ac.jp", "not a DID"),
        ("example.ac.jp:dept:eng", "only a port number"),
        ("http://example.ac.jp", "https only"),
        ("exa mple.ac.jp", "not a host name"),
        ("localhost", "not a host name"),
        ("-bad.example.jp", "not a host name"),
        ("example.ac.jp/dept/../x", "path part '..'"),
        ("example.ac.jp/a:b", "path part 'a:b'"),
        ("", "not a host name"),
    ],
)
def test_nonsense_domains_are_refused(given, problem, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SHOSHO_PASSPHRASE", PASSPHRASE)
    key = tmp_path / "k.pem"
    create_key_file(key, "ed25519", PASSPHRASE)
    out = tmp_path / "did.json"
    assert main(["keys", "did", "--key", f"file:{key}", f"--web={given}", "--out", str(out)]) == 2
    assert problem in capsys.readouterr().err
    assert not out.exists()


def test_domain_forms_that_are_accepted():
    assert did_web("https://Example.AC.jp/") == "did:web:example.ac.jp"
    assert did_web("example.ac.jp/dept/eng") == "did:web:example.ac.jp:dept:eng"
    assert did_web("example.ac.jp:8443") == "did:web:example.ac.jp%3A8443"
    assert did_web("大学.jp") == "did:web:xn--pss25c.jp"
    assert (
        did_web_document_url("did:web:example.ac.jp:dept:eng")
        == "https://example.ac.jp/dept/eng/did.json"
    )


def test_a_new_key_is_merged_into_the_existing_did_json(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SHOSHO_PASSPHRASE", PASSPHRASE)
    old, new = tmp_path / "old.pem", tmp_path / "new.pem"
    create_key_file(old, "ed25519", PASSPHRASE)
    create_key_file(new, "p256", PASSPHRASE)
    out = tmp_path / "did.json"
    for key in (old, new):
        args = ["keys", "did", "--key", f"file:{key}", "--web", "mirai.example", "--out", str(out)]
        assert main(args) == 0
    assert "https://mirai.example/.well-known/did.json" in capsys.readouterr().out
    document = json.loads(out.read_text("utf-8"))
    assert document["id"] == "did:web:mirai.example"
    types = sorted(m["type"] for m in document["verificationMethod"])
    assert types == ["JsonWebKey", "Multikey", "Multikey"]  # P-256 also as a JWK, for VC-JWT
    assert document["assertionMethod"] == [m["id"] for m in document["verificationMethod"]]
