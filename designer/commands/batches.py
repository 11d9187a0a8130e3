"""``shosho batches``: the batches in the store and their state."""

from __future__ import annotations

import argparse

from designer.settings import add_database_argument, settings_from_args


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "batches",
        help="list issued batches, or the people of one batch",
        description="Without BATCH: every batch and its state. With BATCH: each person in it "
        "with roster row, credential id (for shosho revoke/suspend), state and status.",
    )
    parser.add_argument(
        "batch", nargs="?", type=int, help="a batch number to list person by person"
    )
    add_database_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from designer.issue.pipeline import batch_state
    from designer.store import open_store
    from designer.store.models import DONE, Batch, Credential

    store = open_store(settings_from_args(args).database_url)
    if args.batch is not None:
        return _list_people(store, args.batch)
    with store.read() as session:
        done = dict(
            session.execute(
                select(Credential.batch_id, func.count())
                .where(Credential.state == DONE)
                .group_by(Credential.batch_id)
            ).all()
        )
        batches = session.execute(select(Batch).order_by(Batch.id)).scalars().all()
        if not batches:
            print("No batches yet.")
            return 0
        print(f"{'batch':>5}  {'state':<11} {'done':>11}  {'created (UTC)':<19}  issuer / output")
        for batch in batches:
            count = f"{done.get(batch.id, 0)}/{batch.record_count}"
            created = batch.created_at.strftime("%Y-%m-%d %H:%M:%S")
            print(
                f"{batch.id:>5}  {batch_state(batch):<11} {count:>11}  {created:<19}  "
                f"{batch.issuer.name} -> {batch.out_dir}"
            )
            if batch.last_error and batch_state(batch) != "done":
                print(f"{'':>7}last error: {batch.last_error}")
    return 0


def _list_people(store, batch_id: int) -> int:
    from sqlalchemy import select

    from designer.errors import ShoshoError
    from designer.store.models import Batch, Credential

    with store.read() as session:
        if session.get(Batch, batch_id) is None:
            raise ShoshoError(f"there is no batch {batch_id} in this store (see `shosho batches`)")
        people = (
            session.execute(
                select(Credential).where(Credential.batch_id == batch_id).order_by(Credential.seq)
            )
            .scalars()
            .all()
        )
        print(f"{'row':>5}  {'state':<8} {'status':<10} {'credential id':<46} name")
        for person in people:
            print(
                f"{person.row_number:>5}  {person.state:<8} {person.status:<10} {person.id:<46} "
                f"{person.recipient_name}"
            )
    return 0
