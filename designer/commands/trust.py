"""``shosho trust ...``: seal keys for an issuer file, and signed trust lists for verifiers."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from designer.errors import UsageError
from designer.keys.public_keys import load_public_key_pem
from designer.verification.trust_list import (
    import_trust_list,
    installed_trust_list_path,
    is_issuer_profile,
    load_trust_list,
    new_trust_list_document,
    put_issuer,
    read_json_file,
    seal_key_entry,
    sign_trust_list,
    snapshot_from_status_list,
    trust_entry_from_profile,
    write_json_file,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "trust",
        help="seal keys, signed trust lists and cached status lists",
        description="Manage seal keys of an issuer file and signed trust lists.",
    )
    commands = parser.add_subparsers(dest="trust_command", metavar="ACTION", required=True)

    add_key = commands.add_parser("add-key", help="add a seal public key to an issuer file")
    add_key.add_argument("issuer", metavar="ISSUER.json")
    source = add_key.add_mutually_exclusive_group(required=True)
    source.add_argument("--key", metavar="KEYREF", help="pkcs11:... or file:PATH (the signing key)")
    source.add_argument("--public-key", metavar="PEM", help="a PEM public key file")
    add_key.add_argument("--valid-from", type=_date, metavar="YYYY-MM-DD")
    add_key.add_argument("--valid-until", type=_date, metavar="YYYY-MM-DD")
    _secret_options(add_key)
    add_key.set_defaults(func=run_add_key)

    add_issuer = commands.add_parser("add-issuer", help="add or replace an issuer in a trust list")
    add_issuer.add_argument("trust_list", metavar="TRUST.json", help="created if missing")
    add_issuer.add_argument(
        "--issuer",
        required=True,
        metavar="ISSUER.json",
        help="the issuer profile `shosho issue` reads (or a trust entry)",
    )
    seal = add_issuer.add_mutually_exclusive_group()
    seal.add_argument("--key", metavar="KEYREF", help="its signing key: pkcs11:… or file:PATH")
    seal.add_argument("--public-key", metavar="PEM", help="its public key as a PEM file")
    add_issuer.add_argument("--valid-from", type=_date, metavar="YYYY-MM-DD")
    add_issuer.add_argument("--valid-until", type=_date, metavar="YYYY-MM-DD")
    _secret_options(add_issuer)
    add_issuer.set_defaults(func=run_add_issuer)

    add_status = commands.add_parser(
        "add-status", help="cache a status list (BitstringStatusListCredential) in a trust list"
    )
    add_status.add_argument("trust_list", metavar="TRUST.json")
    add_status.add_argument("--issuer-id", required=True, metavar="ID")
    add_status.add_argument("--status-list", required=True, metavar="LIST.json")
    add_status.add_argument("--list-number", type=int, default=1, metavar="N")
    add_status.add_argument("--purpose", choices=("revocation", "suspension"))
    add_status.set_defaults(func=run_add_status)

    sign = commands.add_parser("sign", help="sign a trust list as its publisher")
    sign.add_argument("trust_list", metavar="TRUST.json")
    sign.add_argument("--key", required=True, metavar="KEYREF")
    sign.add_argument("--publisher-ja", metavar="NAME")
    sign.add_argument("--publisher-en", metavar="NAME")
    sign.add_argument("--out", metavar="FILE", help="default: overwrite TRUST.json")
    _secret_options(sign)
    sign.set_defaults(func=run_sign)

    show = commands.add_parser("show", help="check a trust list's signature and list its contents")
    show.add_argument(
        "trust_list", metavar="TRUST.json", nargs="?", help="default: the imported list"
    )
    show.add_argument("--publisher", metavar="KID", help="require this publisher key id")
    show.set_defaults(func=run_show)

    imp = commands.add_parser("import", help="install a signed trust list for `shosho verify`")
    imp.add_argument("trust_list", metavar="TRUST.json")
    imp.add_argument(
        "--new-publisher", action="store_true", help="accept a publisher other than the pinned one"
    )
    imp.set_defaults(func=run_import)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _secret_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pin-file", metavar="FILE", help="token PIN (else SHOSHO_PIN or a prompt)"
    )
    parser.add_argument(
        "--passphrase-file", metavar="FILE", help="key-file passphrase (else SHOSHO_PASSPHRASE)"
    )


def _open_signer(args: argparse.Namespace):
    from designer.keys.passwords import passphrase_provider, pin_provider
    from designer.keys.references import open_signer

    return open_signer(
        args.key, pin_provider(args.pin_file), passphrase_provider(args.passphrase_file)
    )


def _seal_key(args: argparse.Namespace, issuer_id: str | None) -> dict:
    """The seal-key entry of ``--key`` or ``--public-key``; the demo key only for the demo."""
    from designer.keys.demo import refuse_demo_key

    if args.key:
        public_key = _open_signer(args).public_key()
    else:
        try:
            public_key = load_public_key_pem(Path(args.public_key).read_bytes())
        except (OSError, ValueError) as error:
            raise UsageError(
                f"{args.public_key}: not an Ed25519 or P-256 PEM public key ({error})"
            ) from None
    refuse_demo_key(public_key, issuer_id)
    try:
        return seal_key_entry(public_key, args.valid_from, args.valid_until)
    except ValueError:
        raise UsageError(
            f"{args.key or args.public_key}: seals are made with Ed25519 or P-256 keys only"
        ) from None


def run_add_key(args: argparse.Namespace) -> int:
    document = read_json_file(args.issuer, "issuer file")
    if is_issuer_profile(document):
        raise UsageError(
            f"{args.issuer} is an issuer profile (what `shosho issue` reads), which holds no "
            "keys: give it and the key to `shosho trust add-issuer TRUST.json --issuer "
            f"{args.issuer} --key KEYREF`"
        )
    entry = _seal_key(args, document.get("id") if isinstance(document.get("id"), str) else None)
    keys = [key for key in document.get("sealKeys", []) if key.get("kid") != entry["kid"]]
    document["sealKeys"] = [*keys, entry]
    write_json_file(args.issuer, document)
    print(f"added seal key {entry['kid']} ({entry['alg']}) to {args.issuer}")
    return 0


def _read_or_new(path: str) -> dict:
    return read_json_file(path, "trust list") if Path(path).exists() else new_trust_list_document()


def run_add_issuer(args: argparse.Namespace) -> int:
    from designer.issue.profile import read_profile_file

    data = read_json_file(args.issuer, "issuer file")
    given_key = args.key or args.public_key
    if is_issuer_profile(data):
        profile = read_profile_file(Path(args.issuer))
        keys = [_seal_key(args, profile["id"])] if given_key else []
        entry, left_out = trust_entry_from_profile(profile, keys)
        if left_out:
            print(f"not in the trust list (credentials carry them): {', '.join(left_out)}")
        if not given_key:
            print(
                "note: no seal key given (--key or --public-key): this issuer's seals and "
                "credentials are not trusted through this list"
            )
    else:
        entry = data
        if given_key:
            new = _seal_key(args, entry.get("id") if isinstance(entry.get("id"), str) else None)
            keys = [k for k in entry.get("sealKeys", []) if k.get("kid") != new["kid"]]
            entry = {**entry, "sealKeys": [*keys, new]}
    document = put_issuer(_read_or_new(args.trust_list), entry)
    write_json_file(args.trust_list, document)
    print(
        f"{args.trust_list}: {len(document['issuers'])} issuer(s); sign it with `shosho trust sign`"
    )
    return 0


def run_add_status(args: argparse.Namespace) -> int:
    document = read_json_file(args.trust_list, "trust list")
    entries = [item for item in document.get("issuers", []) if item.get("id") == args.issuer_id]
    if not entries:
        raise UsageError(f"{args.trust_list}: no issuer {args.issuer_id!r}")
    status_list = read_json_file(args.status_list, "status list")
    snapshot = snapshot_from_status_list(status_list, args.purpose, args.list_number)
    entry = entries[0]
    kept = [
        item
        for item in entry.get("statusSnapshots", [])
        if (item.get("purpose"), item.get("list")) != (snapshot["purpose"], snapshot["list"])
    ]
    entry["statusSnapshots"] = [*kept, snapshot]
    document = put_issuer(document, entry)
    write_json_file(args.trust_list, document)
    print(f"cached {snapshot['purpose']} list {snapshot['list']}, status as of {snapshot['asOf']}")
    return 0


def run_sign(args: argparse.Namespace) -> int:
    document = read_json_file(args.trust_list, "trust list")
    name = {
        lang: value
        for lang, value in (("ja", args.publisher_ja), ("en", args.publisher_en))
        if value
    }
    signed = sign_trust_list(document, _open_signer(args), name or None)
    out = args.out or args.trust_list
    write_json_file(out, signed)
    print(f"signed {out} with publisher key {signed['signature']['kid']}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    path = args.trust_list or installed_trust_list_path()
    pinned = {args.publisher} if args.publisher else None
    trust = load_trust_list(path, pinned)
    publisher = " / ".join(trust.publisher_name.values()) or "(unnamed)"
    print(f"{path}: signed by {publisher}, key {trust.publisher_kid}, issued {trust.issued}")
    for issuer in trust.issuers:
        print(f"- {issuer.display_name} [{issuer.id}]")
        print(f"  verify hosts: {', '.join(issuer.verify_hosts) or '-'}")
        for key in issuer.keys:
            span = f"{key.valid_from or '…'} to {key.valid_until or '…'}"
            print(
                f"  seal key {key.kid.hex()} ({'EdDSA' if key.alg == -8 else 'ES256'}), valid {span}"
            )
        for purpose, url in issuer.status_list_urls.items():
            print(f"  {purpose} list: {url}")
        for snapshot in issuer.snapshots:
            print(
                f"  cached {snapshot.purpose} list {snapshot.list_number}: "
                f"status as of {snapshot.as_of.isoformat()}"
            )
    return 0


def run_import(args: argparse.Namespace) -> int:
    trust = import_trust_list(args.trust_list, accept_new_publisher=args.new_publisher)
    print(
        f"imported {len(trust.issuers)} issuer(s) from {args.trust_list} "
        f"(publisher key {trust.publisher_kid}) into {installed_trust_list_path()}"
    )
    return 0
