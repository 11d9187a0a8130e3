"""Store fixtures: every store test runs on SQLite and on a real PostgreSQL server (the
throwaway server of ``tests/conftest.py``)."""

from __future__ import annotations

import pytest

from designer.store import open_store


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    """A fresh, empty database URL on each backend."""
    if request.param == "sqlite":
        return "sqlite:///" + (tmp_path / "shosho.db").as_posix()
    return request.getfixturevalue("new_postgres_url")()


@pytest.fixture
def store(store_url):
    return open_store(store_url)


@pytest.fixture
def postgres_url(new_postgres_url) -> str:
    """A fresh, empty database on the throwaway PostgreSQL server."""
    return new_postgres_url()
