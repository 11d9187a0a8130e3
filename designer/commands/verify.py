"""``shosho verify``: check signed credentials and printed certificates.

Accepts signed JSON, a VC-JWT, a baked PNG or SVG, a certificate PDF (its attached credential
and its printed QR seal), a photo or scan of the paper, or the text of the QR code.
Exit codes: 0 verified and trusted, 3 valid but issuer not trusted, 1 invalid, 2 usage error;
with several items the worst one decides.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from designer.errors import ShoshoError, UsageError
from designer.verification.any_item import verify_item, worst
from designer.verification.credential import load_status_lists
from designer.verification.trust_store import load_trust


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "verify",
        help="verify credentials, certificate PDFs, photos of paper or QR texts",
        description="Verify each ITEM: a signed credential (.json, .jwt, baked .png/.svg), a "
        "certificate PDF, a photo or scan of a certificate or card, or the text of "
        "its QR code. Says who issued it and whether that issuer is trusted.",
    )
    parser.add_argument("items", nargs="+", metavar="ITEM")
    parser.add_argument(
        "--trust",
        action="append",
        default=[],
        type=Path,
        help="a signed trust list, a did.json, or an issuer list (repeatable)",
    )
    parser.add_argument(
        "--trust-issuer",
        action="append",
        default=[],
        metavar="ID",
        help="a did:key, or ISSUER#KEY (repeatable)",
    )
    parser.add_argument(
        "--no-installed-trust",
        action="store_true",
        help="ignore the trust list imported with `shosho trust import`",
    )
    parser.add_argument(
        "--status-list",
        action="append",
        default=[],
        type=Path,
        help="a local BitstringStatusListCredential (repeatable)",
    )
    parser.add_argument("--now", help="check dates as of this ISO time instead of now")
    parser.add_argument("--json", action="store_true", help="one JSON object per item")
    parser.set_defaults(func=run)


def parse_now(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        now = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(f"--now {text!r} is not an ISO date-time") from None
    if now.tzinfo is None:
        raise UsageError("--now needs a time zone (e.g. 2026-04-01T00:00:00+09:00)")
    return now


def run(args) -> int:
    from designer.ob2.cli import split_ob2, verify_ob2

    vc_jwts = [item for item in args.items if _is_vc_jwt(item)]
    items, ob2_items = split_ob2([item for item in args.items if item not in vc_jwts])
    items = [item for item in args.items if item in vc_jwts or item in items]  # in given order
    trust_files, ob2_keys = split_ob2([str(path) for path in args.trust])
    codes = []
    if ob2_items:
        codes.append(verify_ob2(ob2_items, ob2_keys, now=parse_now(args.now), as_json=args.json))
    if not items:
        return worst(codes)
    trust = load_trust(trust_files, args.trust_issuer, installed=not args.no_installed_trust)
    status_lists = load_status_lists(args.status_list)
    now = parse_now(args.now)
    results = [verify_item(item, trust, status_lists=status_lists, now=now) for item in items]
    for result in results:
        print(json.dumps(result.to_json(), ensure_ascii=False) if args.json else result.describe())
    return worst([*codes, *(result.exit_code for result in results)])


def _is_vc_jwt(item: str) -> bool:
    """A file holding a VC-JWT (a compact JWS whose payload is a Verifiable Credential): never
    an Open Badges 2.0 signed assertion, whatever else it looks like."""
    from designer.signing.vcjwt import decode_jwt

    path = Path(item)
    try:
        if not path.is_file() or path.stat().st_size > 10_000_000:
            return False
        text = path.read_text(encoding="utf-8-sig").strip()
        _header, payload, _input, _signature = decode_jwt(text)
    except (OSError, UnicodeDecodeError, ShoshoError):
        return False
    credential = payload.get("vc") if isinstance(payload.get("vc"), dict) else payload
    types = credential.get("type") or []
    return "VerifiableCredential" in (types if isinstance(types, list) else [types])
