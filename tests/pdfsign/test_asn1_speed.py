"""The single-read ``dump`` gives asn1crypto's own bytes, for structures built from values (as
pyHanko builds signatures), parsed ones, and parsed ones changed afterwards."""

from __future__ import annotations

import asn1crypto
from asn1crypto import cms, x509
from pyhanko.sign.general import as_signing_certificate_v2, simple_cms_attribute

from designer.pdfsign import asn1_speed

from .tsa import tsa_certificate


def _built(certificate):
    return cms.CMSAttributes(
        [
            simple_cms_attribute("content_type", "data"),
            simple_cms_attribute("message_digest", b"\x01" * 32),
            simple_cms_attribute("signing_certificate_v2", as_signing_certificate_v2(certificate)),
        ]
    )


def test_the_replacement_encodes_exactly_as_asn1crypto_does():
    assert asn1crypto.__version__ == asn1_speed.PATCHED_VERSION, "pin and adapter disagree"
    certificate, _key = tsa_certificate()
    expected = asn1_speed.original_dump(_built(certificate))
    asn1_speed.install()
    assert _built(certificate).dump() == expected
    assert _built(certificate).dump(force=True) == expected

    parsed = x509.Certificate.load(certificate.dump())
    assert parsed.dump() == certificate.dump()
    changed = x509.Certificate.load(certificate.dump())
    changed["tbs_certificate"]["serial_number"] = 12345
    reference = x509.Certificate.load(certificate.dump())
    reference["tbs_certificate"]["serial_number"] = 12345
    assert changed.dump() == asn1_speed.original_dump(reference)
    assert x509.Certificate.load(changed.dump())["tbs_certificate"]["serial_number"].native == 12345


def test_each_part_is_encoded_once_not_once_per_level(monkeypatch):
    from asn1crypto import core

    certificate, _key = tsa_certificate()
    asn1_speed.install()
    calls = []
    original = core.Sequence._set_contents

    def counted(self, force=False):
        calls.append(type(self).__name__)
        return original(self, force)

    monkeypatch.setattr(core.Sequence, "_set_contents", counted)
    _built(certificate).dump()
    # asn1crypto 1.5.1's own dump re-encodes each level twice per parent: 860 calls here.
    assert len(calls) <= 60, calls
