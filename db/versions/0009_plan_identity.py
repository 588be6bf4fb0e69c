"""The database's own identity: a random id in workbench_meta that backups carry with them.

Backups are filed and checked by this id, never by file name, so two plans that share a
file name (teamA/plan.db, teamB/plan.db) never see each other's backups. A database that
already has an id (a restored backup of an older schema) keeps it.

Revision ID: 0009
Revises: 0008
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

KEY = "identity"


def upgrade() -> None:
    conn = op.get_bind()
    meta = sa.table("workbench_meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    found = conn.execute(sa.select(meta.c.value).where(meta.c.key == KEY)).scalar()
    if not found:
        conn.execute(meta.insert().values(key=KEY, value=uuid.uuid4().hex))


def downgrade() -> None:
    meta = sa.table("workbench_meta", sa.column("key", sa.String))
    op.execute(meta.delete().where(meta.c.key == KEY))
