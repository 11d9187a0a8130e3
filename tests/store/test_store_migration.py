"""Upgrading a store made before credentials knew their student ID and course: the existing
credentials gain them, and are keyed by achievement from then on."""

from __future__ import annotations

from alembic import command
from cryptography.hazmat.primitives.asymmetric import ed25519
from sqlalchemy import select, text

from designer.issue.lookup import find_credentials
from designer.issue.pipeline import issue_batch
from designer.keys.keyfile import FileSigner
from designer.store import close_stores, open_store
from designer.store.database import _alembic_config
from designer.store.models import Credential

from .test_store_pipeline import _workspace


def test_upgrade_fills_student_id_course_and_achievement_key(store_url, tmp_path):
    store = open_store(store_url)
    signer = FileSigner(tmp_path / "key.pem", ed25519.Ed25519PrivateKey.generate())
    issue_batch(store, _workspace(tmp_path), signer, workers=1)
    with store.read() as session:
        expected = {
            c.id: (c.student_id, c.achievement_key, c.achievement_name)
            for c in session.execute(select(Credential)).scalars()
        }
    config = _alembic_config()
    with store._writer.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
        connection.execute(text("UPDATE credentials SET achievement_key = 'old|template-id'"))
    close_stores()
    store = open_store(store_url)
    with store.read() as session:
        upgraded = {
            c.id: (c.student_id, c.achievement_key, c.achievement_name)
            for c in session.execute(select(Credential)).scalars()
        }
    assert upgraded == expected and len(upgraded) == 5
    assert all(
        key.startswith("https://mirai.example/issuer|urn:uuid:")
        for _s, key, _n in upgraded.values()
    )
    assert [c.course for c in find_credentials(store, "S00003")] == ["Python 基礎"]
