"""``shosho batches``: the batches in the store and their state."""

from __future__ import annotations

import argparse

from designer.settings import add_database_argument, settings_from_args


def register(subparsers) -> None:
    parser = subparsers.add_parser("batches", help="list issued batches and their state")
    add_database_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from designer.issue.pipeline import batch_state
    from designer.store import open_store
    from designer.store.models import DONE, Batch, Credential

    store = open_store(settings_from_args(args).database_url)
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
