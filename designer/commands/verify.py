"""``shosho verify``: check signed credentials (JSON, VC-JWT, baked PNG/SVG, PDF).

Exit codes: 0 verified and trusted, 3 valid but issuer not trusted, 1 invalid, 2 usage error;
with several files the worst one decides.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from designer.errors import EXIT_DATA_ERROR, EXIT_OK, EXIT_UNTRUSTED, UsageError
from designer.sign.issuers import TrustedIssuers
from designer.sign.verify import load_status_list, verify_file

_SEVERITY = {EXIT_OK: 0, EXIT_UNTRUSTED: 1, EXIT_DATA_ERROR: 2}


def register(subparsers) -> None:
    parser = subparsers.add_parser("verify", help="verify credentials and say who issued them")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument(
        "--trust",
        action="append",
        default=[],
        type=Path,
        help="trust list or did.json (repeatable)",
    )
    parser.add_argument(
        "--trust-issuer",
        action="append",
        default=[],
        metavar="ID",
        help="a did:key, or ISSUER#KEY (repeatable)",
    )
    parser.add_argument(
        "--status-list",
        action="append",
        default=[],
        type=Path,
        help="a local BitstringStatusListCredential (repeatable)",
    )
    parser.add_argument("--now", help="check dates as of this ISO time instead of now")
    parser.add_argument("--json", action="store_true", help="one JSON object per file")
    parser.set_defaults(func=run)


def run(args) -> int:
    trust = TrustedIssuers()
    for path in args.trust:
        trust.add_file(path)
    for entry in args.trust_issuer:
        trust.add_entry(entry)
    status_lists = dict(load_status_list(path) for path in args.status_list)
    now = None
    if args.now:
        try:
            now = datetime.fromisoformat(args.now.replace("Z", "+00:00"))
        except ValueError:
            raise UsageError(f"--now {args.now!r} is not an ISO date-time") from None
        if now.tzinfo is None:
            raise UsageError("--now needs a time zone (e.g. 2026-04-01T00:00:00+09:00)")
    results = [verify_file(path, trust, status_lists=status_lists, now=now) for path in args.files]
    for result in results:
        if args.json:
            print(json.dumps(result.to_json(), ensure_ascii=False))
        else:
            print(result.describe())
    return max((result.exit_code for result in results), key=_SEVERITY.__getitem__)
