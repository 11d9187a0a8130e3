"""Opening the store: engine, SQLite pragmas, migrations, and write transactions.

Every write runs under one store-wide lock (``BEGIN IMMEDIATE`` on SQLite, a transaction-level
advisory lock on PostgreSQL), so two processes issuing at the same time never hand out the same
status-list index and the audit chain stays a single chain.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from designer.errors import ShoshoError, UsageError
from designer.store.seals import install as install_seals
from designer.store.seals import seal_changes

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
WRITE_LOCK_KEY = 0x5340_5340  # the PostgreSQL advisory lock every write takes
SQLITE_BUSY_SECONDS = 60


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def display_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


class Store:
    """A database holding issuers, templates, batches, credentials, status lists and the audit log."""

    def __init__(self, url: str):
        self.url = url
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise UsageError(
                f"--db {url!r} is not a database URL (e.g. sqlite:///path/shosho.db)"
            ) from None
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.is_postgresql = parsed.get_backend_name() == "postgresql"
        if not (self.is_sqlite or self.is_postgresql):
            raise UsageError(f"--db {display_url(url)}: only SQLite and PostgreSQL are supported")
        if self.is_sqlite and parsed.database and parsed.database != ":memory:":
            try:
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise UsageError(
                    f"--db {display_url(url)}: cannot create its folder ({error.strerror})"
                ) from None
        try:
            if self.is_sqlite:
                self.engine = create_engine(
                    url, connect_args={"timeout": SQLITE_BUSY_SECONDS, "check_same_thread": False}
                )
                _install_sqlite_hooks(self.engine)
            else:
                self.engine = create_engine(url, pool_pre_ping=True)
        except (ArgumentError, NoSuchModuleError) as error:
            raise UsageError(f"--db {display_url(url)}: {error}") from None
        self._writer = self.engine.execution_options(shosho_write=True)
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self._writer, expire_on_commit=False)
        install_seals(self._write_sessions)
        self._migrate()

    def _migrate(self) -> None:
        config = _alembic_config()
        head = ScriptDirectory.from_config(config).get_current_head()
        try:
            with self.engine.connect() as connection:
                current = MigrationContext.configure(connection).get_current_revision()
            if current == head:
                return
            with self._writer.begin() as connection:
                self._take_write_lock(connection)
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        except OperationalError as error:
            raise ShoshoError(
                f"cannot open the database {display_url(self.url)}: {_first_line(error)}"
            ) from None
        except DatabaseError as error:  # e.g. a file that is not a database at all
            raise ShoshoError(
                f"{display_url(self.url)} is not a Shosho database ({_first_line(error)})"
            ) from None

    def _take_write_lock(self, connection) -> None:
        if self.is_postgresql:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; closed (never committed) at the end. Loaded objects stay
        readable afterwards."""
        with self._read_sessions() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session holding the store's write lock; committed at the end unless it raises."""
        with self._write_sessions() as session:
            try:
                self._take_write_lock(session.connection())
                yield session
                seal_changes(session)
                session.commit()
            except OperationalError as error:
                session.rollback()
                raise ShoshoError(
                    f"database {display_url(self.url)}: {_first_line(error)}"
                ) from None
            except BaseException:
                session.rollback()
                raise

    def dispose(self) -> None:
        self.engine.dispose()


def _first_line(error: Exception) -> str:
    original = getattr(error, "orig", None) or error
    return (
        str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    )


def _install_sqlite_hooks(engine: Engine) -> None:
    """WAL, foreign keys, and explicit BEGIN (IMMEDIATE for writers) instead of pysqlite's own."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        if connection.get_execution_options().get("shosho_write"):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")


_open_stores: dict[str, Store] = {}
_open_lock = threading.Lock()


def open_store(url: str) -> Store:
    """The store at ``url``, created and migrated on first use. One ``Store`` per URL per process."""
    with _open_lock:
        store = _open_stores.get(url)
        if store is None:
            store = _open_stores[url] = Store(url)
        return store


def close_stores() -> None:
    with _open_lock:
        for store in _open_stores.values():
            store.dispose()
        _open_stores.clear()
