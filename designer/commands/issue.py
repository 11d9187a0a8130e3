"""``shosho issue``: check, plan and issue a batch, or resume one."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from designer.cli import worker_count
from designer.errors import ShoshoError, UsageError
from designer.settings import add_database_argument, settings_from_args

SUITES = ("eddsa-rdfc-2022", "ecdsa-rdfc-2019", "vc-jwt")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "issue",
        help="sign and print a batch of credentials from a roster",
        description="Check the roster, then sign a credential and write a PDF, JSON and badge "
        "images for every record. Interrupted batches continue with --resume.",
    )
    parser.add_argument(
        "template", nargs="?", help="a .shosho template, or a built-in template name (e.g. shusho)"
    )
    parser.add_argument("--roster", help="the roster (CSV/TSV/XLSX)")
    parser.add_argument("--issuer", help="issuer profile JSON file, or the name of a saved profile")
    parser.add_argument("--key", help="key reference: pkcs11:… or file:PATH")
    parser.add_argument("--out", help="output folder")
    parser.add_argument("--rows", help="only these roster rows, e.g. 2-10,15")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="use COLUMN for FIELD (repeatable)",
    )
    parser.add_argument(
        "--reissue",
        action="store_true",
        help="correct the credentials of these rows (with --rows): each person gets a new one "
        "and the one they hold for this course is superseded (revoked, naming its replacement)",
    )
    parser.add_argument(
        "--reason", help="with --reissue: what was corrected (kept in the audit log)"
    )
    parser.add_argument(
        "--outputs", default="pdf,json,png,svg", help="files per person (default pdf,json,png,svg)"
    )
    parser.add_argument(
        "--suite",
        choices=SUITES,
        help="how credentials are signed (default: eddsa-rdfc-2022 for Ed25519 keys, "
        "vc-jwt for P-256 and RSA keys)",
    )
    parser.add_argument("--encoding", help="roster encoding (detected if not given)")
    parser.add_argument(
        "--sheet-name",
        dest="sheet",
        metavar="NAME",
        help="worksheet of an XLSX roster (default: the first)",
    )
    parser.add_argument(
        "--resume",
        nargs="?",
        const="latest",
        metavar="BATCH",
        help="continue an interrupted batch (default: the latest unfinished)",
    )
    parser.add_argument(
        "--sign-pdf",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="sign each PDF (PAdES) with the key's certificate (default: the issuer "
        "profile's pdf_signature.sign); see docs/pdf-signatures.md",
    )
    parser.add_argument(
        "--tsa", metavar="URL", help="time-stamp authority for the PDF signatures (B-T)"
    )
    parser.add_argument(
        "--workers", type=worker_count, help="worker processes (default: one per core)"
    )
    parser.add_argument("--pin-file", help="file holding the token PIN")
    parser.add_argument("--passphrase-file", help="file holding the key file's passphrase")
    add_database_argument(parser)
    parser.set_defaults(func=run)


def _signer(key_ref: str, args):
    from designer.keys.passwords import passphrase_provider, pin_provider
    from designer.keys.references import open_signer

    return open_signer(
        key_ref,
        pin_provider=pin_provider(args.pin_file),
        passphrase_provider=passphrase_provider(args.passphrase_file),
    )


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except KeyboardInterrupt:
        # Everything finished so far is journaled; the batch carries on where it stopped.
        print(
            "shosho: interrupted. Nothing issued is lost, and nobody will be issued twice: "
            "continue with `shosho issue --resume`",
            file=sys.stderr,
        )
        return 130


def _run(args: argparse.Namespace) -> int:
    from designer.issue.pipeline import issue_batch, latest_unfinished, resume_notes, run_batch
    from designer.issue.plan import PlanRequest, RosterProblems
    from designer.signing.suites import certification_note, default_suite
    from designer.store import Store, open_store

    settings = settings_from_args(args)
    store: Store = open_store(settings.database_url)
    with _ProgressBar() as bar:
        if args.resume:
            if args.resume == "latest":
                batch_id = latest_unfinished(store)
                if batch_id is None:
                    print("No unfinished batch: nothing to resume.")
                    return 0
            else:
                try:
                    batch_id = int(args.resume)
                except ValueError:
                    raise UsageError(f"--resume {args.resume!r}: a batch is a number") from None
            for note in resume_notes(store, batch_id):
                print(f"note: {note}", file=sys.stderr)
            from designer.issue.lookup import get_batch

            key_ref = args.key or get_batch(store, batch_id).key_ref
            result = run_batch(
                store, batch_id, _signer(key_ref, args), workers=args.workers, progress=bar.update
            )
        else:
            if args.reason and not args.reissue:
                raise UsageError("--reason goes with --reissue (for revoke, see shosho revoke)")
            missing = [
                n for n in ("template", "roster", "issuer", "key", "out") if not getattr(args, n)
            ]
            if missing:
                raise UsageError(
                    "shosho issue needs "
                    + ", ".join(("TEMPLATE" if n == "template" else f"--{n}") for n in missing)
                )
            from designer.prepare import open_template

            template, template_path = open_template(args.template)
            request = PlanRequest(
                template=template,
                template_path=template_path,
                roster_path=Path(args.roster),
                issuer_ref=args.issuer,
                key_ref=args.key,
                out_dir=Path(args.out),
                rows=args.rows,
                mapping=tuple(args.map),
                reissue=args.reissue,
                reason=args.reason,
                outputs=tuple(o.strip() for o in args.outputs.split(",") if o.strip()),
                encoding=args.encoding,
                sheet=args.sheet,
                sign_pdf=args.sign_pdf,
                tsa_url=args.tsa,
            )
            signer = _signer(args.key, args)
            request = replace(request, suite=args.suite or default_suite(signer))
            note = certification_note(request.suite, signer.algorithm)
            if note:
                print(f"shosho: note: {note}", file=sys.stderr)
            from designer.issue.work import SEAL_ALGORITHMS
            from designer.model import QRElement

            has_qr = any(isinstance(e, QRElement) for _, e in request.template.all_elements())
            if has_qr and signer.algorithm not in SEAL_ALGORITHMS:
                print(
                    f"shosho: warning: a {signer.algorithm} key cannot sign the printed seal "
                    "(Ed25519 or P-256 can): the QR codes will carry only the credential id, "
                    "and the paper cannot be checked from a photo",
                    file=sys.stderr,
                )
            try:
                result = issue_batch(
                    store, request, signer, workers=args.workers, progress=bar.update
                )
            except RosterProblems as problems:
                from designer.data import print_report

                print_report(problems.report)
                raise
    state = "finished" if result.finished else "interrupted"
    print(
        f"Batch {result.batch_id} {state}: {result.done} of {result.total} done "
        f"({result.signed_now} signed now), files in {result.out_dir}"
    )
    if not result.finished:
        print(f"Continue with: shosho issue --resume {result.batch_id}")
        return 1
    _print_corrections(store, result.batch_id)
    return 0


def _print_corrections(store, batch_id: int) -> None:
    """What a --reissue batch superseded: the old credential and its replacement."""
    from designer.issue.lookup import batch_credentials

    for credential in batch_credentials(store, batch_id):
        if credential.replaces:
            print(
                f"row {credential.row_number} ({credential.name}): {credential.id} supersedes "
                f"{credential.replaces}, which is now revoked. Publish the status lists again "
                "(shosho status export)."
            )


class _ProgressBar:
    """A rich progress bar with count, rate and time left (on a terminal only)."""

    def __init__(self) -> None:
        self._progress = None
        self._task = None

    def __enter__(self):
        if sys.stderr.isatty():
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                TextColumn("batch {task.fields[batch]}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:.1f}/s"),
                TimeRemainingColumn(),
                transient=True,
            )
            self._progress.start()
        return self

    def update(self, p) -> None:
        if self._progress is None:
            return
        if self._task is None:
            self._task = self._progress.add_task("issue", total=p.total, batch=p.batch_id, rate=0.0)
        self._progress.update(self._task, completed=p.done, rate=p.rate)

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()


__all__ = ["register", "run", "ShoshoError"]
