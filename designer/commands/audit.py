"""``shosho audit verify``: check the audit log's hash chain, the store's content against the
seals in the log, and the log's end against the signed checkpoints."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from designer.errors import EXIT_DATA_ERROR, UsageError
from designer.settings import add_database_argument, settings_from_args


def register(subparsers) -> None:
    parser = subparsers.add_parser("audit", help="the audit log")
    sub = parser.add_subparsers(dest="audit_command", metavar="SUBCOMMAND", required=True)
    verify = sub.add_parser(
        "verify",
        help="check that no log entry, credential, status list, issuer profile or template "
        "was edited or deleted outside Shosho",
    )
    verify.add_argument(
        "--checkpoint",
        action="append",
        default=[],
        metavar="FILE",
        help="also check a checkpoint file kept elsewhere (from the data folder's audit/)",
    )
    add_database_argument(verify)
    verify.set_defaults(func=run_verify)
    show = sub.add_parser("show", help="print the latest entries")
    show.add_argument("--last", type=int, default=20)
    add_database_argument(show)
    show.set_defaults(func=run_show)


def _checkpoints(paths: list[str], database_url: str) -> list[tuple[str, object]]:
    from designer.store import audit

    found: list[tuple[str, object]] = []
    local = audit.checkpoint_path(database_url)
    for path in [Path(p) for p in paths] + ([local] if local.exists() else []):
        try:
            found.append((str(path), json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError) as error:
            raise UsageError(f"{path}: not a readable checkpoint ({error})") from None
    return found


def run_verify(args: argparse.Namespace) -> int:
    from designer.store import audit, open_store
    from designer.store.seals import verify_store

    database_url = settings_from_args(args).database_url
    checkpoints = _checkpoints(args.checkpoint, database_url)
    store = open_store(database_url)
    problems: list[str] = []
    with store.read() as session:
        report = audit.verify_chain(session)
        if not report.ok:
            problems.append(str(report.problem))
        for source, checkpoint in checkpoints:
            problem = audit.check_checkpoint(session, checkpoint, source)
            if problem:
                problems.append(problem)
        missing = audit.unlogged_credentials(session)
        if missing:
            problems.append(
                f"{len(missing)} issued credential(s) have no log entry, e.g. {missing[0]} "
                "(entries were removed from the end)"
            )
        content = verify_store(session)
        problems.extend(content.problems)
    if problems:
        print(f"audit log BROKEN: {len(problems)} problem(s)")
        for problem in problems[:200]:
            print(f"  - {problem}")
        if len(problems) > 200:
            print(f"  … and {len(problems) - 200} more")
        return EXIT_DATA_ERROR
    print(f"audit log intact: {report.entries} entries, head {report.head}")
    if content.sealed:
        print(f"store content matches the log: {content.checked} row(s) checked")
    else:
        print(
            "the store's content predates content seals: only the log itself was checked "
            "(the next change seals everything it holds)"
        )
    return 0


def run_show(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from designer.store import open_store
    from designer.store.models import AuditEntry

    store = open_store(settings_from_args(args).database_url)
    with store.read() as session:
        rows = (
            session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(args.last))
            .scalars()
            .all()
        )
    for entry in reversed(rows):
        print(
            f"{entry.seq:>6}  {entry.at[:19]}  {entry.actor:<20} {entry.action:<20} "
            f"{entry.subject}  {entry.details_json}"
        )
    return 0
