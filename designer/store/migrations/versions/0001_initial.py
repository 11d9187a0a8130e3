"""The first schema: issuers, templates, roster imports, status lists, batches, credentials,
audit log.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _when(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "issuers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("issuer_uri", sa.String(500), nullable=False),
        sa.Column("profile_json", sa.Text, nullable=False),
        sa.Column("key_ref", sa.String(1000)),
        sa.Column("verification_method", sa.String(1000)),
        _when("created_at"),
    )
    op.create_table(
        "templates",
        sa.Column("hash", sa.String(64), primary_key=True),
        sa.Column("template_id", sa.String(100), nullable=False, index=True),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        _when("created_at"),
    )
    op.create_table(
        "roster_imports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source", sa.String(1000), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("row_count", sa.Integer, nullable=False),
        _when("created_at"),
    )
    op.create_table(
        "status_lists",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("issuer_id", sa.Integer, sa.ForeignKey("issuers.id"), nullable=False),
        sa.Column("purpose", sa.String(20), nullable=False),
        sa.Column("url", sa.String(1000), nullable=False, unique=True),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("bits", sa.LargeBinary, nullable=False),
        sa.Column("next_index", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        _when("updated_at"),
    )
    op.create_table(
        "batches",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("issuer_id", sa.Integer, sa.ForeignKey("issuers.id"), nullable=False),
        sa.Column("template_hash", sa.String(64), sa.ForeignKey("templates.hash"), nullable=False),
        sa.Column(
            "roster_import_id", sa.Integer, sa.ForeignKey("roster_imports.id"), nullable=False
        ),
        sa.Column("template_path", sa.String(1000), nullable=False),
        sa.Column("out_dir", sa.String(1000), nullable=False),
        sa.Column("key_ref", sa.String(1000), nullable=False),
        sa.Column("options_json", sa.Text, nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("record_count", sa.Integer, nullable=False),
        sa.Column("owner", sa.String(300)),
        _when("heartbeat", nullable=True),
        sa.Column("last_error", sa.Text),
        _when("created_at"),
        _when("finished_at", nullable=True),
    )
    op.create_table(
        "credentials",
        sa.Column("id", sa.String(60), primary_key=True),
        sa.Column("batch_id", sa.Integer, sa.ForeignKey("batches.id"), nullable=False, index=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("row_number", sa.Integer, nullable=False),
        sa.Column("recipient_name", sa.String(500), nullable=False),
        sa.Column("recipient_email", sa.String(500)),
        sa.Column("recipient_key", sa.String(500), nullable=False, index=True),
        sa.Column("achievement_key", sa.String(500), nullable=False, index=True),
        sa.Column("issuer_id", sa.Integer, sa.ForeignKey("issuers.id"), nullable=False),
        sa.Column("template_hash", sa.String(64), sa.ForeignKey("templates.hash"), nullable=False),
        sa.Column("values_json", sa.Text, nullable=False),
        sa.Column("file_stem", sa.String(500), nullable=False),
        sa.Column(
            "revocation_list_id", sa.Integer, sa.ForeignKey("status_lists.id"), nullable=False
        ),
        sa.Column("revocation_index", sa.Integer, nullable=False),
        sa.Column("suspension_list_id", sa.Integer, sa.ForeignKey("status_lists.id")),
        sa.Column("suspension_index", sa.Integer),
        _when("issued_at"),
        _when("valid_until", nullable=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("status_reason", sa.Text),
        sa.Column("signed_json", sa.Text),
        sa.Column("qr_text", sa.Text),
        sa.Column("files_json", sa.Text),
        sa.UniqueConstraint("revocation_list_id", "revocation_index"),
        sa.UniqueConstraint("suspension_list_id", "suspension_index"),
        sa.UniqueConstraint("batch_id", "file_stem"),
    )
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(300), nullable=False),
        sa.Column("action", sa.String(50), nullable=False),
        sa.Column("subject", sa.String(500), nullable=False),
        sa.Column("details_json", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
    )


def downgrade() -> None:
    for table in (
        "audit_log",
        "credentials",
        "batches",
        "status_lists",
        "roster_imports",
        "templates",
        "issuers",
    ):
        op.drop_table(table)
