"""X.509 certificates for token keys: a certificate signing request for the institution's CA,
a clearly labelled self-signed certificate for trials, and the certificate and chain kept
beside each key reference in the data folder.

The structures are built with asn1crypto and signed by the token (the key never leaves it);
ECDSA signatures come from the token as r||s and are DER-encoded for X.509.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from asn1crypto import csr as asn1_csr
from asn1crypto import keys as asn1_keys
from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from designer.errors import ShoshoError, UsageError
from designer.keys.signer import Signer
from designer.pdfsign import ED25519_ADVICE, PDF_KEY_ALGORITHMS

TRIAL_LABEL = "試用・自己署名 / TRIAL self-signed"
"""Put in the common name of every trial certificate, so readers and staff see what it is."""
TRIAL_DAYS = 365
CERTIFICATES_FOLDER = "pdf-certificates"


class CertificateError(ShoshoError):
    """A certificate file that cannot be read, or that is not for the key it is given with."""


def check_pdf_key(signer: Signer) -> None:
    """PDF readers verify P-256 and RSA signatures; say what to do for any other key."""
    if signer.algorithm == "Ed25519":
        raise UsageError(f"the key {signer.key_id} is Ed25519. {ED25519_ADVICE}")
    if signer.algorithm not in PDF_KEY_ALGORITHMS:
        raise UsageError(
            f"the key {signer.key_id} is {signer.algorithm}; PDF signatures need "
            + ", ".join(PDF_KEY_ALGORITHMS)
        )


def _signature_algorithm(signer: Signer) -> str:
    return "sha256_ecdsa" if signer.algorithm == "P-256" else "sha256_rsa"


def _token_signature(signer: Signer, data: bytes) -> bytes:
    raw = signer.sign(data)
    if signer.algorithm == "P-256":
        half = len(raw) // 2
        return encode_dss_signature(
            int.from_bytes(raw[:half], "big"), int.from_bytes(raw[half:], "big")
        )
    return raw


def _public_key_info(signer: Signer) -> asn1_keys.PublicKeyInfo:
    der = signer.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return asn1_keys.PublicKeyInfo.load(der)


def subject_name(
    common_name: str,
    organization: str | None = None,
    unit: str | None = None,
    country: str | None = None,
    email: str | None = None,
) -> asn1_x509.Name:
    if not common_name.strip():
        raise UsageError("the certificate needs a name (--name, e.g. the institution's name)")
    if country is not None and (len(country) != 2 or not country.isalpha()):
        raise UsageError(f"--country {country!r}: a two-letter country code such as JP")
    fields: dict[str, str] = {}
    if country:
        fields["country_name"] = country.upper()
    if organization:
        fields["organization_name"] = organization
    if unit:
        fields["organizational_unit_name"] = unit
    fields["common_name"] = common_name
    if email:
        fields["email_address"] = email
    return asn1_x509.Name.build(fields)


def _signing_extensions() -> list[dict]:
    return [
        {
            "extn_id": "key_usage",
            "critical": True,
            "extn_value": asn1_x509.KeyUsage({"digital_signature", "non_repudiation"}),
        }
    ]


def certificate_request(signer: Signer, subject: asn1_x509.Name) -> bytes:
    """A PEM PKCS#10 request for ``signer``'s key, signed by the token."""
    check_pdf_key(signer)
    info = asn1_csr.CertificationRequestInfo(
        {
            "version": "v1",
            "subject": subject,
            "subject_pk_info": _public_key_info(signer),
            "attributes": [
                {"type": "extension_request", "values": [_signing_extensions()]},
            ],
        }
    )
    request = asn1_csr.CertificationRequest(
        {
            "certification_request_info": info,
            "signature_algorithm": {"algorithm": _signature_algorithm(signer)},
            "signature": _token_signature(signer, info.dump()),
        }
    )
    return pem.armor("CERTIFICATE REQUEST", request.dump())


def self_signed_certificate(
    signer: Signer, subject_common_name: str, organization: str | None = None, days: int = 365
) -> asn1_x509.Certificate:
    """A trial certificate signed by its own key: PDF readers show the signer's name, but say
    nobody vouches for it. Its name carries ``TRIAL_LABEL``."""
    check_pdf_key(signer)
    name = subject_name(f"{subject_common_name} ({TRIAL_LABEL})", organization)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    public = _public_key_info(signer)
    key_id = hashlib.sha1(public["public_key"].dump()).digest()
    extensions = [
        *_signing_extensions(),
        {"extn_id": "basic_constraints", "critical": True, "extn_value": {"ca": False}},
        {"extn_id": "key_identifier", "critical": False, "extn_value": key_id},
        {
            "extn_id": "extended_key_usage",
            "critical": False,
            # Document signing (Microsoft's OID, which Acrobat accepts) and e-mail protection.
            "extn_value": ["1.3.6.1.4.1.311.10.3.12", "email_protection"],
        },
    ]
    tbs = asn1_x509.TbsCertificate(
        {
            "version": "v3",
            "serial_number": secrets.randbits(63),
            "signature": {"algorithm": _signature_algorithm(signer)},
            "issuer": name,
            "validity": {
                "not_before": asn1_x509.Time({"utc_time": now - dt.timedelta(minutes=5)}),
                "not_after": asn1_x509.Time({"utc_time": now + dt.timedelta(days=days)}),
            },
            "subject": name,
            "subject_public_key_info": public,
            "extensions": extensions,
        }
    )
    return asn1_x509.Certificate(
        {
            "tbs_certificate": tbs,
            "signature_algorithm": {"algorithm": _signature_algorithm(signer)},
            "signature_value": _token_signature(signer, tbs.dump()),
        }
    )


def is_self_signed(certificate: asn1_x509.Certificate) -> bool:
    return certificate.self_signed in ("maybe", "yes")


def is_trial(certificate: asn1_x509.Certificate) -> bool:
    return is_self_signed(certificate) and TRIAL_LABEL in (
        certificate.subject.native.get("common_name") or ""
    )


def read_certificates(path: Path) -> list[asn1_x509.Certificate]:
    """Every certificate in a PEM or DER file; errors name the file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path} does not exist") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot read ({error.strerror})") from None
    try:
        if pem.detect(data):
            found = [
                asn1_x509.Certificate.load(der)
                for kind, _headers, der in pem.unarmor(data, multiple=True)
                if kind == "CERTIFICATE"
            ]
        else:
            found = [asn1_x509.Certificate.load(data)]
        for certificate in found:
            # Reading the names and the key checks the structure; a copy is kept so that the
            # certificates handed on stay unparsed (asn1crypto re-encodes parsed objects).
            asn1_x509.Certificate.load(certificate.dump()).native  # noqa: B018
    except (ValueError, TypeError) as error:
        raise CertificateError(f"{path}: not a PEM or DER X.509 certificate ({error})") from None
    if not found:
        raise CertificateError(f"{path}: holds no CERTIFICATE block")
    return found


def public_key_der(certificate: asn1_x509.Certificate) -> bytes:
    return certificate.public_key.dump()


def signer_public_key_der(signer: Signer) -> bytes:
    return _public_key_info(signer).dump()


@dataclass(frozen=True)
class StoredCertificate:
    certificate: asn1_x509.Certificate
    chain: tuple[asn1_x509.Certificate, ...]
    path: Path

    @property
    def subject(self) -> str:
        return self.certificate.subject.human_friendly

    @property
    def trial(self) -> bool:
        return is_trial(self.certificate)


def certificate_path(home: Path, key_ref: str) -> Path:
    """Where the certificate of ``key_ref`` is kept: named by token and object, not by module
    path, so the same token on another PC finds it."""
    if key_ref.startswith("pkcs11:"):
        from designer.keys.references import parse_pkcs11_uri

        ref = parse_pkcs11_uri(key_ref)
        stem = f"token={quote(ref.token, safe='')};object={quote(ref.object, safe='')}"
    else:
        stem = "file=" + hashlib.sha256(key_ref.encode("utf-8")).hexdigest()[:24]
    return home / CERTIFICATES_FOLDER / f"{stem}.pem"


def _ordered_chain(
    leaf: asn1_x509.Certificate, others: list[asn1_x509.Certificate]
) -> list[asn1_x509.Certificate]:
    """The issuers of ``leaf`` in order, then any certificate that does not fit the chain."""
    chain, remaining, current = [], list(others), leaf
    while True:
        parent = next((c for c in remaining if c.subject == current.issuer), None)
        if parent is None or is_self_signed(current):
            break
        chain.append(parent)
        remaining.remove(parent)
        current = parent
    return chain + remaining


def store_certificate(
    home: Path, signer: Signer, certificates: list[asn1_x509.Certificate], source: str
) -> StoredCertificate:
    """Keep the certificate for ``signer``'s key (found among ``certificates`` by its public
    key) with the rest as its chain. Refuses a certificate made for another key."""
    check_pdf_key(signer)
    mine = signer_public_key_der(signer)
    leaf = next((c for c in certificates if public_key_der(c) == mine), None)
    if leaf is None:
        raise CertificateError(
            f"{source}: no certificate in it is for the key {signer.key_id} (the CA may have "
            "issued it for another request); the key's certificate was not changed"
        )
    now = dt.datetime.now(dt.UTC)
    if leaf.not_valid_after < now:
        raise CertificateError(
            f"{source}: the certificate expired on {leaf.not_valid_after:%Y-%m-%d}"
        )
    chain = _ordered_chain(leaf, [c for c in certificates if c is not leaf])
    path = certificate_path(home, signer.key_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = b"".join(pem.armor("CERTIFICATE", c.dump()) for c in [leaf, *chain])
    part = path.with_suffix(".part")
    part.write_bytes(text)
    part.replace(path)
    return StoredCertificate(leaf, tuple(chain), path)


def load_certificate(home: Path, signer: Signer) -> StoredCertificate:
    """The stored certificate of ``signer``'s key; a clear message when there is none, or
    when it belongs to another key (the key on the token was replaced)."""
    check_pdf_key(signer)
    path = certificate_path(home, signer.key_id)
    if not path.exists():
        raise UsageError(
            f"the key {signer.key_id} has no certificate for PDF signatures yet: import the "
            "one your CA issued with `shosho keys cert import`, or make a trial one with "
            "`shosho keys cert self-signed` (see docs/pdf-signatures.md)"
        )
    leaf, *chain = read_certificates(path)
    if public_key_der(leaf) != signer_public_key_der(signer):
        raise CertificateError(
            f"{path} is the certificate of another key than {signer.key_id} (was the key on "
            "the token replaced?): import the key's own certificate again"
        )
    return StoredCertificate(leaf, tuple(chain), path)
