"""``shosho sign``: sign an unsigned credential JSON with a token key or a key file."""

from __future__ import annotations

import json
from pathlib import Path

from designer.credential.schema import check_credential
from designer.errors import ShoshoError, UsageError
from designer.keys.passwords import passphrase_provider, pin_provider
from designer.keys.references import open_signer
from designer.signing.suites import SUITES, CredentialSigner


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "sign", help="sign an OB 3.0 credential (Data Integrity or VC-JWT)"
    )
    parser.add_argument("credential", type=Path, metavar="UNSIGNED.json")
    parser.add_argument(
        "--key", required=True, help="pkcs11:token=…;object=…?module-path=… or file:PATH"
    )
    parser.add_argument(
        "--suite", choices=SUITES, help="default: eddsa-rdfc-2022 for Ed25519, vc-jwt otherwise"
    )
    parser.add_argument("--out", required=True, type=Path, help="signed .json, or .jwt for VC-JWT")
    parser.add_argument(
        "--pin-file", help="file whose first line is the token PIN (else SHOSHO_PIN)"
    )
    parser.add_argument(
        "--passphrase-file", help="file whose first line is the key-file passphrase"
    )
    parser.set_defaults(func=run)


def run(args) -> int:
    try:
        credential = json.loads(args.credential.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise UsageError(f"{args.credential} does not exist") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise ShoshoError(f"{args.credential} is not valid JSON: {error}") from None
    if not isinstance(credential, dict):
        raise ShoshoError(f"{args.credential} does not hold a credential object")
    try:
        check_credential(credential)
    except ShoshoError as error:
        raise ShoshoError(f"{args.credential}: {error}") from None
    signer = open_signer(
        args.key, pin_provider(args.pin_file), passphrase_provider(args.passphrase_file)
    )
    signed = CredentialSigner(signer, args.suite).sign(credential)
    text = signed if isinstance(signed, str) else json.dumps(signed, indent=2, ensure_ascii=False)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"signed {args.credential} -> {args.out}")
    return 0
