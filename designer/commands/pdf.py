"""PDF signatures: ``shosho keys csr``, ``shosho keys cert import|self-signed|show`` (added to
``shosho keys``) and ``shosho pdf timestamp BATCH``."""

from __future__ import annotations

from pathlib import Path

from designer.errors import UsageError


def register(subparsers) -> None:
    parser = subparsers.add_parser("pdf", help="PDF signatures: add owed time-stamps")
    commands = parser.add_subparsers(dest="pdf_command", metavar="ACTION", required=True)
    stamp = commands.add_parser(
        "timestamp",
        help="add an RFC 3161 time-stamp to every signed PDF of a batch that has none yet",
        description="Time-stamps the signed PDFs of BATCH that were signed while the "
        "time-stamp authority could not be reached (PAdES B-T). Safe to run again.",
    )
    stamp.add_argument("batch", type=int, metavar="BATCH")
    stamp.add_argument("--tsa", metavar="URL", help="time-stamp authority (default: the batch's)")
    _database(stamp)
    stamp.set_defaults(func=run_timestamp)


def register_key_commands(commands) -> None:
    """``csr`` and ``cert …`` under ``shosho keys``."""
    csr = commands.add_parser(
        "csr",
        help="write a certificate signing request for a token key (for the institution's CA)",
    )
    csr.add_argument("--key", required=True, help="pkcs11:token=…;object=…?module-path=…")
    csr.add_argument("--name", required=True, help="common name, e.g. the institution's name")
    csr.add_argument("--org", help="organisation (O=)")
    csr.add_argument("--unit", help="organisational unit (OU=), e.g. 教務課")
    csr.add_argument("--country", help="two-letter country code (C=), e.g. JP")
    csr.add_argument("--email", help="contact e-mail address")
    csr.add_argument("--out", type=Path, required=True, help="the .csr file to write (PEM)")
    _pin(csr)
    csr.set_defaults(func=run_csr)

    cert = commands.add_parser("cert", help="the X.509 certificate a token key signs PDFs with")
    actions = cert.add_subparsers(dest="cert_command", metavar="ACTION", required=True)
    imported = actions.add_parser(
        "import", help="keep the certificate (and chain) the CA issued for a token key"
    )
    imported.add_argument("--key", required=True, help="pkcs11:token=…;object=…?module-path=…")
    imported.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="certificate and chain (PEM or DER)"
    )
    _pin(imported)
    imported.set_defaults(func=run_cert_import)

    trial = actions.add_parser(
        "self-signed", help="make a self-signed certificate for trials (labelled TRIAL)"
    )
    trial.add_argument("--key", required=True, help="pkcs11:token=…;object=…?module-path=…")
    trial.add_argument("--name", required=True, help="common name, e.g. the institution's name")
    trial.add_argument("--org", help="organisation (O=)")
    trial.add_argument("--days", type=int, default=365, help="valid for this many days (365)")
    trial.add_argument("--out", type=Path, help="also write the certificate here (PEM)")
    _pin(trial)
    trial.set_defaults(func=run_cert_self_signed)

    show = actions.add_parser("show", help="show the certificate kept for a token key")
    show.add_argument("--key", required=True, help="pkcs11:token=…;object=…?module-path=…")
    _pin(show)
    show.set_defaults(func=run_cert_show)


def _pin(parser) -> None:
    parser.add_argument(
        "--pin-file", help="file whose first line is the token PIN (else SHOSHO_PIN)"
    )


def _database(parser) -> None:
    from designer.settings import add_database_argument

    add_database_argument(parser)


def _token_signer(args):
    from designer.keys.passwords import pin_provider
    from designer.keys.references import open_signer

    if not args.key.startswith("pkcs11:"):
        raise UsageError(
            f"--key: PDF signatures are made with a token key (pkcs11:…), not {args.key}"
        )
    return open_signer(args.key, pin_provider=pin_provider(args.pin_file))


def run_csr(args) -> int:
    from designer.pdfsign.certificates import certificate_request, subject_name

    subject = subject_name(args.name, args.org, args.unit, args.country, args.email)
    with _token_signer(args) as signer:
        request = certificate_request(signer, subject)
    args.out.write_bytes(request)
    print(
        f"wrote {args.out}: send it to your CA (a document-signing certificate), then "
        f"`shosho keys cert import --key … CERT.pem [CHAIN.pem]`"
    )
    return 0


def run_cert_import(args) -> int:
    from designer.pdfsign.certificates import read_certificates, store_certificate
    from designer.settings import data_home

    certificates = [c for path in args.files for c in read_certificates(path)]
    with _token_signer(args) as signer:
        stored = store_certificate(
            data_home(), signer, certificates, ", ".join(map(str, args.files))
        )
    _describe(stored)
    return 0


def run_cert_self_signed(args) -> int:
    from asn1crypto import pem

    from designer.pdfsign.certificates import self_signed_certificate, store_certificate
    from designer.settings import data_home

    if not 1 <= args.days <= 3650:
        raise UsageError("--days: between 1 and 3650")
    with _token_signer(args) as signer:
        certificate = self_signed_certificate(signer, args.name, args.org, args.days)
        stored = store_certificate(data_home(), signer, [certificate], "self-signed")
    if args.out:
        args.out.write_bytes(pem.armor("CERTIFICATE", certificate.dump()))
    _describe(stored)
    print(
        "This is a TRIAL certificate: PDF readers show the name but say nobody vouches for "
        "it. For real certificates use `shosho keys csr` and your CA."
    )
    return 0


def run_cert_show(args) -> int:
    from designer.pdfsign.certificates import load_certificate
    from designer.settings import data_home

    with _token_signer(args) as signer:
        _describe(load_certificate(data_home(), signer))
    return 0


def _describe(stored) -> None:
    certificate = stored.certificate
    print(f"certificate for PDF signatures: {stored.subject}")
    print(f"  issued by: {certificate.issuer.human_friendly}")
    print(
        f"  valid: {certificate.not_valid_before:%Y-%m-%d} to "
        f"{certificate.not_valid_after:%Y-%m-%d}"
    )
    print(f"  chain: {len(stored.chain)} more certificate(s)")
    if stored.trial:
        print("  TRIAL: self-signed, for trying PDF signatures only")
    print(f"  kept in {stored.path}")


def run_timestamp(args) -> int:
    from designer.pdfsign.batch import timestamp_batch
    from designer.settings import settings_from_args
    from designer.store import open_store

    store = open_store(settings_from_args(args).database_url)
    result = timestamp_batch(store, args.batch, args.tsa)
    print(
        f"batch {result.batch_id}: {result.stamped} PDF(s) time-stamped now, "
        f"{result.already} already had a time-stamp"
        + (f", {result.unsigned} not signed" if result.unsigned else "")
    )
    for path in result.missing:
        print(f"missing: {path}")
    return 1 if result.missing else 0
