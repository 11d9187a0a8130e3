"""Credentials gain the student ID and course name they were issued for (looking people up),
the links between a corrected credential and the one it replaced, and duplicates are keyed by
achievement (course) instead of by design.

Revision ID: 0002
Revises: 0001
"""

import base64
import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _payload(signed: str | None) -> dict | None:
    """The credential inside a stored JSON credential or compact JWS."""
    if not signed:
        return None
    text = signed.strip()
    try:
        if text.startswith("{"):
            return json.loads(text)
        body = text.split(".")[1]
        data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        return data.get("vc", data) if isinstance(data, dict) else None
    except (ValueError, IndexError):
        return None


def upgrade() -> None:
    with op.batch_alter_table("credentials") as batch:
        batch.add_column(sa.Column("student_id", sa.String(200)))
        batch.add_column(sa.Column("achievement_name", sa.String(500)))
        batch.add_column(sa.Column("replaces", sa.String(60)))
        batch.add_column(sa.Column("superseded_by", sa.String(60)))
        batch.create_index("ix_credentials_student_id", ["student_id"])
    connection = op.get_bind()
    credentials = sa.table(
        "credentials",
        sa.column("id", sa.String),
        sa.column("values_json", sa.Text),
        sa.column("signed_json", sa.Text),
        sa.column("issuer_id", sa.Integer),
        sa.column("student_id", sa.String),
        sa.column("achievement_key", sa.String),
        sa.column("achievement_name", sa.String),
    )
    issuers = dict(connection.execute(sa.text("SELECT id, issuer_uri FROM issuers")).all())
    rows = connection.execute(
        sa.select(
            credentials.c.id,
            credentials.c.values_json,
            credentials.c.signed_json,
            credentials.c.issuer_id,
            credentials.c.achievement_key,
        )
    ).all()
    for row in rows:
        values = json.loads(row.values_json or "{}")
        student_id = str(values.get("student_id") or "").strip() or None
        change = {"student_id": student_id}
        credential = _payload(row.signed_json)
        achievement = (
            (credential or {}).get("credentialSubject", {}).get("achievement", {})
            if isinstance(credential, dict)
            else {}
        )
        if isinstance(achievement, dict) and achievement.get("id"):
            change["achievement_key"] = f"{issuers.get(row.issuer_id, '')}|{achievement['id']}"
            change["achievement_name"] = str(achievement.get("name") or "") or None
        elif values.get("course_name"):
            change["achievement_name"] = str(values["course_name"])
        connection.execute(credentials.update().where(credentials.c.id == row.id).values(**change))


def downgrade() -> None:
    with op.batch_alter_table("credentials") as batch:
        batch.drop_index("ix_credentials_student_id")
        batch.drop_column("superseded_by")
        batch.drop_column("replaces")
        batch.drop_column("achievement_name")
        batch.drop_column("student_id")
