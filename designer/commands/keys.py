"""``shosho keys``: list tokens and keys, generate keys on a token or in a file, print DIDs."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from designer.errors import ShoshoError, UsageError
from designer.keys.did import did_document, did_web, did_web_document_url
from designer.keys.keyfile import FILE_KEY_TYPES, create_key_file
from designer.keys.multikey import did_key
from designer.keys.passwords import passphrase_provider, pin_provider
from designer.keys.pkcs11_token import TOKEN_KEY_TYPES
from designer.keys.references import open_signer, parse_pkcs11_uri


def register(subparsers) -> None:
    parser = subparsers.add_parser("keys", help="manage signing keys (token or key file)")
    commands = parser.add_subparsers(dest="keys_command", metavar="ACTION", required=True)

    listing = commands.add_parser("list", help="list the tokens of a PKCS#11 module and their keys")
    listing.add_argument("--module", required=True, help="PKCS#11 module (.so/.dll/.dylib)")
    listing.add_argument("--token", help="log in to this token (by label) and list its keys")
    _pin_option(listing)
    listing.set_defaults(func=run_list)

    generate = commands.add_parser("generate", help="generate a key pair on a token")
    generate.add_argument("--key", required=True, help="pkcs11:token=…;object=…?module-path=…")
    generate.add_argument("--type", required=True, choices=TOKEN_KEY_TYPES)
    _pin_option(generate)
    generate.set_defaults(func=run_generate)

    new_file = commands.add_parser("new-file", help="create an encrypted key file (mode 0600)")
    new_file.add_argument("path", type=Path)
    new_file.add_argument("--type", required=True, choices=FILE_KEY_TYPES)
    new_file.add_argument("--passphrase-file", help="file whose first line is the passphrase")
    new_file.set_defaults(func=run_new_file)

    did = commands.add_parser("did", help="print the did:key, or write a did:web did.json")
    did.add_argument(
        "--key", required=True, action="append", help="key reference (repeat for several)"
    )
    did.add_argument("--web", metavar="DOMAIN", help="write a did:web document for DOMAIN[/path]")
    did.add_argument(
        "--out", type=Path, default=Path("did.json"), help="did.json to write or update"
    )
    _pin_option(did)
    did.add_argument("--passphrase-file", help="file whose first line is the key-file passphrase")
    did.set_defaults(func=run_did)

    from designer.commands.pdf import register_key_commands

    register_key_commands(commands)


def _pin_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pin-file", help="file whose first line is the token PIN (else SHOSHO_PIN)"
    )


def run_list(args) -> int:
    from designer.keys.pkcs11_token import find_token, list_keys, list_tokens, open_session

    tokens = list_tokens(args.module)
    if not tokens:
        print(f"no tokens in {args.module}")
    for token in tokens:
        print(f"token {token.label!r}  serial {token.serial}  {token.manufacturer} {token.model}")
    if args.token:
        session = open_session(find_token(args.module, args.token), pin_provider(args.pin_file))
        try:
            for key in list_keys(session):
                print(f"  key {key.label!r}  {key.key_type}  id {key.key_id}")
        finally:
            session.close()
    return 0


def run_generate(args) -> int:
    from designer.keys.pkcs11_token import TokenSigner, find_token, generate_key, open_session

    ref = parse_pkcs11_uri(args.key)
    session = open_session(
        find_token(ref.module_path, ref.token), pin_provider(args.pin_file), rw=True
    )
    try:
        generate_key(session, ref.object, args.type)
        signer = TokenSigner(session, ref.token, ref.object, ref.uri)
        print(f"generated {signer.algorithm} key {ref.object!r} on token {ref.token!r}")
        if not signer.algorithm.startswith("RSA"):
            print(did_key(signer.public_key()))
    finally:
        session.close()
    return 0


def run_new_file(args) -> int:
    ask = passphrase_provider(args.passphrase_file)
    passphrase = ask(f"new passphrase for {args.path}")
    if args.passphrase_file is None and not _from_env():
        again = ask(f"repeat the passphrase for {args.path}")
        if again != passphrase:
            raise UsageError("the passphrases differ")
    signer = create_key_file(args.path, args.type, passphrase)
    print(f"created {signer.algorithm} key file {args.path} (mode 0600)")
    print(did_key(signer.public_key()))
    return 0


def _from_env() -> bool:
    import os

    return bool(os.environ.get("SHOSHO_PASSPHRASE"))


def run_did(args) -> int:
    signers = [
        open_signer(ref, pin_provider(args.pin_file), passphrase_provider(args.passphrase_file))
        for ref in args.key
    ]
    if args.web is None:
        for signer in signers:
            if signer.algorithm.startswith("RSA"):
                raise UsageError(f"{signer.key_id}: RSA keys have no did:key; use --web")
            print(did_key(signer.public_key()))
        return 0
    did = did_web(args.web)
    existing = None
    if args.out.exists():
        try:
            existing = json.loads(args.out.read_text(encoding="utf-8"))
        except ValueError as error:
            raise ShoshoError(f"{args.out} is not a DID document: {error}") from None
    document = did_document(did, [signer.public_key() for signer in signers], existing)
    args.out.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} for {did}: publish it at {did_web_document_url(did)}")
    return 0
