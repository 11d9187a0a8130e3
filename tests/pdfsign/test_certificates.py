"""Certificates for PDF signatures: a request the institution's CA can sign, the issued
certificate and chain kept with the key, refusals that say what to do, and verification that
names the chain and says when the PDF and the credential were signed by different keys."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import func, select

from designer.cli import main
from designer.keys.references import open_signer
from designer.pdfsign.certificates import read_certificates
from designer.pdfsign.signing import PdfSigningSession
from designer.settings import data_home
from designer.store import open_store
from designer.store.models import Batch
from designer.verification.any_item import verify_item

from .conftest import db_url, issue_args, stored_certificate
from .test_batch_signing import pdfsig, token_public_key, trust_for


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def make_ca(folder: Path):
    """A root CA and an intermediate CA, as a document-signing CA would have."""
    now = dt.datetime.now(dt.UTC)
    root_key = ec.generate_private_key(ec.SECP256R1())
    root = (
        x509.CertificateBuilder()
        .subject_name(_name("Test Root CA"))
        .issuer_name(_name("Test Root CA"))
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=1), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), True
        )
        .sign(root_key, hashes.SHA256())
    )
    sub_key = ec.generate_private_key(ec.SECP256R1())
    sub = (
        x509.CertificateBuilder()
        .subject_name(_name("Test Document Signing CA"))
        .issuer_name(root.subject)
        .public_key(sub_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1825))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), True
        )
        .sign(root_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    (folder / "root.pem").write_bytes(root.public_bytes(pem))
    (folder / "chain.pem").write_bytes(sub.public_bytes(pem) + root.public_bytes(pem))
    return sub, sub_key


def issue_from_request(request_pem: bytes, ca, ca_key, out: Path) -> None:
    request = x509.load_pem_x509_csr(request_pem)
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(request.subject)
        .issuer_name(ca.subject)
        .public_key(request.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), True
        )
        .sign(ca_key, hashes.SHA256())
    )
    out.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))


def test_rsa3072_request_signed_by_a_ca_imports_and_signs_pdfs_that_chain_to_it(
    workspace, home, pin_env, capsys
):
    key = pin_env.make_key("rsa3072")
    request_path = workspace / "office.csr"
    assert main(["keys", "csr", "--key", key, "--name", "東京未来大学 教務課", "--org",
                 "東京未来大学", "--country", "JP", "--out", str(request_path)]) == 0  # fmt: skip
    request = x509.load_pem_x509_csr(request_path.read_bytes())
    assert request.is_signature_valid, "the token signed the request"
    assert request.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == (
        "東京未来大学 教務課"
    )
    public = token_public_key(pin_env, key)
    der = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    assert request.public_key().public_bytes(*der) == public.public_bytes(*der)

    ca, ca_key = make_ca(workspace)
    issue_from_request(request_path.read_bytes(), ca, ca_key, workspace / "office.pem")

    # A certificate for another key is refused, and the message says so.
    other = pin_env.make_key("p256")
    capsys.readouterr()
    assert main(["keys", "cert", "import", "--key", other, str(workspace / "office.pem")]) == 1
    assert "no certificate in it is for the key" in capsys.readouterr().err

    assert main(["keys", "cert", "import", "--key", key, str(workspace / "office.pem"),
                 str(workspace / "chain.pem")]) == 0  # fmt: skip
    assert main(issue_args(workspace, key, "--sign-pdf")) == 0
    (root,) = read_certificates(workspace / "root.pem")
    pdf = next((workspace / "out").glob("*.pdf"))
    code, output = pdfsig(pdf)
    assert code == 0 and "Signature Validation: Signature is Valid." in output, output

    trusted = verify_item(pdf, trust_for(public, root))
    (signature,) = trusted.pdf_signatures.signatures
    assert signature.sound and signature.chain == "trusted", signature
    assert "東京未来大学 教務課" in signature.signer
    assert trusted.exit_code == 0, trusted.describe()
    assert trusted.pdf_signatures.same_key_as_credential is True

    capsys.readouterr()
    assert main(["verify", str(pdf), "--no-installed-trust", "--json"]) in (1, 3)
    out = capsys.readouterr().out
    assert '"chain": "untrusted"' in out, "no CA trusted: the chain is not called valid"


def test_ed25519_keys_are_refused_with_what_to_do(workspace, home, pin_env, capsys):
    key = pin_env.make_key("ed25519")
    assert main(["keys", "cert", "self-signed", "--key", key, "--name", "X"]) == 2
    assert "not accepted by common PDF readers" in capsys.readouterr().err
    assert main(issue_args(workspace, key, "--sign-pdf")) == 2
    message = capsys.readouterr().err
    assert "Ed25519" in message and "P-256 or RSA" in message
    with open_store(db_url(workspace)).read() as session:
        assert session.scalar(select(func.count()).select_from(Batch)) == 0, "nothing planned"


def test_a_key_without_certificate_stops_before_the_batch(workspace, home, pin_env, capsys):
    key = pin_env.make_key("p256")
    assert main(issue_args(workspace, key, "--sign-pdf")) == 2
    assert "shosho keys cert self-signed" in capsys.readouterr().err
    profile = json.loads((workspace / "issuer.json").read_text(encoding="utf-8"))
    profile["pdf_signature"] = {"sign": True}
    (workspace / "issuer.json").write_text(json.dumps(profile), encoding="utf-8")
    assert main(issue_args(workspace, key)) == 2, "the profile's default asks for signatures"
    assert "shosho keys cert self-signed" in capsys.readouterr().err
    assert main(issue_args(workspace, key, "--sign-pdf", "--tsa", "tsa.example")) == 2
    assert "not an http(s) URL" in capsys.readouterr().err
    with open_store(db_url(workspace)).read() as session:
        assert session.scalar(select(func.count()).select_from(Batch)) == 0


def test_verify_says_when_the_pdf_was_signed_by_another_key(workspace, home, p256_key, pin_env):
    assert main(issue_args(workspace, p256_key)) == 0  # credentials only, PDFs unsigned
    pdf = next((workspace / "out").glob("*.pdf"))
    other = pin_env.make_key("p256")
    assert main(["keys", "cert", "self-signed", "--key", other, "--name", "Someone else"]) == 0
    signer = open_signer(other, pin_provider=pin_env.pin_provider)
    with signer, PdfSigningSession(signer, data_home()) as session:
        pdf.write_bytes(session.sign(pdf.read_bytes()))
    public = token_public_key(pin_env, p256_key)
    result = verify_item(pdf, trust_for(public, stored_certificate(home, p256_key)))
    assert result.pdf_signatures.same_key_as_credential is False
    assert "different keys" in result.describe()
    assert result.exit_code == 3, "a PDF signer nobody vouches for is never called trusted"
