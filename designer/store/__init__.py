"""The store: issuers, templates by content hash, batches, issued credentials, status lists and
the audit log, in SQLite (default) or PostgreSQL, through SQLAlchemy with Alembic migrations."""

from designer.store.database import Store, close_stores, display_url, open_store

__all__ = ["Store", "close_stores", "display_url", "open_store"]
