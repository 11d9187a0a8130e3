"""Alembic environment: migrations run on the connection ``Store`` hands over."""

from __future__ import annotations

from alembic import context

from designer.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "migrations run through designer.store.open_store(), which passes a connection"
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
