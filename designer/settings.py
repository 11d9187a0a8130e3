"""Where Shosho keeps its data: settings, the default database, logs and demo keys.

Everything lives in the platform's user data folder. ``SHOSHO_HOME`` moves all of it (tests and
scripts always set it), and ``SHOSHO_DB`` or ``--db`` points the store at another database, for
example a PostgreSQL server that several offices share.
"""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from designer.errors import ShoshoError

HOME_ENV = "SHOSHO_HOME"
DB_ENV = "SHOSHO_DB"
SETTINGS_FILE = "settings.json"
DATABASE_FILE = "shosho.db"


@dataclass(frozen=True)
class Settings:
    home: Path
    database_url: str

    @property
    def settings_file(self) -> Path:
        return self.home / SETTINGS_FILE

    @property
    def logs_dir(self) -> Path:
        return self.home / "logs"

    @property
    def keys_dir(self) -> Path:
        return self.home / "keys"

    @property
    def output_dir(self) -> Path:
        """Where batches go when no ``--out`` is given (the demo uses it)."""
        return self.home / "output"


def data_home() -> Path:
    """The data folder: ``SHOSHO_HOME`` if set, else the platform's user data folder."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("Shosho", appauthor=False))


def user_fonts_dir() -> Path:
    """TrueType fonts the office added (Settings > Add font…), used by every command."""
    return data_home() / "fonts"


def _saved_settings(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ShoshoError(f"{path}: cannot read the settings file ({error})") from None
    if not isinstance(data, dict):
        raise ShoshoError(f"{path}: the settings file must hold a JSON object")
    return data


def load_settings(database_url: str | None = None) -> Settings:
    """The settings in force: ``database_url`` (from ``--db``) wins over ``SHOSHO_DB``, which
    wins over ``"database"`` in ``settings.json``, which wins over SQLite in the data folder."""
    home = data_home()
    saved = _saved_settings(home / SETTINGS_FILE)
    url = database_url or os.environ.get(DB_ENV) or saved.get("database")
    if not url:
        url = "sqlite:///" + (home / DATABASE_FILE).as_posix()
    return Settings(home=home, database_url=str(url))


def add_database_argument(parser: argparse.ArgumentParser) -> None:
    """``--db URL`` for every command that touches the store."""
    parser.add_argument(
        "--db",
        metavar="URL",
        help=f"database URL (default: ${DB_ENV}, else SQLite in the data folder), "
        "e.g. postgresql+psycopg://user@host/shosho",
    )


def settings_from_args(args: argparse.Namespace) -> Settings:
    return load_settings(getattr(args, "db", None))
