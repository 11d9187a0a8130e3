"""``shosho batches``: the batches in the store and their state, or the people of one batch."""

from __future__ import annotations

import argparse

from designer.settings import add_database_argument, settings_from_args


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "batches",
        help="list issued batches, or the people of one batch",
        description="Without BATCH: every batch with its issuer, design, course and state. "
        "With BATCH: each person in it with roster row, 学籍番号 (student ID), name, "
        "credential id (for shosho revoke/suspend) and status.",
    )
    parser.add_argument(
        "batch", nargs="?", type=int, help="a batch number to list person by person"
    )
    add_database_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from designer.issue.lookup import list_batches
    from designer.store import open_store

    store = open_store(settings_from_args(args).database_url)
    if args.batch is not None:
        return _list_people(store, args.batch)
    batches = list_batches(store)
    if not batches:
        print("No batches yet.")
        return 0
    print(
        f"{'batch':>5}  {'state':<11} {'done':>11}  {'created (UTC)':<19}  issuer / design / course"
    )
    for batch in batches:
        count = f"{batch.done}/{batch.total}"
        created = batch.created_at.strftime("%Y-%m-%d %H:%M:%S")
        courses = ", ".join(batch.courses) or "-"
        print(
            f"{batch.id:>5}  {batch.state:<11} {count:>11}  {created:<19}  "
            f"{batch.issuer_name} / {batch.template_name} / {courses}"
        )
        ended = {s: n for s, n in sorted(batch.statuses.items()) if s != "active"}
        if ended:
            print(f"{'':>7}" + ", ".join(f"{n} {s}" for s, n in ended.items()))
        print(f"{'':>7}files: {batch.out_dir}")
        if batch.last_error and batch.state != "done":
            print(f"{'':>7}last error: {batch.last_error}")
    return 0


def _list_people(store, batch_id: int) -> int:
    from designer.issue.lookup import batch_credentials, get_batch

    batch = get_batch(store, batch_id)
    people = batch_credentials(store, batch_id)
    courses = ", ".join(batch.courses) or "-"
    print(f"batch {batch.id}: {batch.issuer_name} / {batch.template_name} / {courses}")
    print(f"{'row':>5}  {'学籍番号':<12} {'state':<8} {'status':<11} {'credential id':<46} name")
    for person in people:
        print(
            f"{person.row_number:>5}  {person.student_id or '-':<16} {person.state:<8} "
            f"{person.status:<11} {person.id:<46} {person.name}"
        )
        if person.superseded_by:
            print(f"{'':>7}superseded by {person.superseded_by}")
        if person.replaces:
            print(f"{'':>7}replaces {person.replaces}")
    return 0
