"""Where each input comes from: a `source` text on every plan row (spend lines, pressures,
workstreams, schemes, risks, activity lines, trajectories) and `driver_sources` (a JSON
object by driver name) on plans. Both nullable: a user's plan may leave them empty, and
rows written before this revision read as "no source".

SQLite's ADD COLUMN keeps the tables (and so the frozen-version triggers of 0010).
Idempotent, as a database stamped with an older revision may hold the columns already.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

ROW_TABLES = ("spend_lines", "pressures", "workstreams", "schemes", "risks", "activity_lines",
              "trajectories")


def _add(table: str, column: str) -> None:
    present = {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}
    if column not in present:
        op.add_column(table, sa.Column(column, sa.Text(), nullable=True))


def upgrade() -> None:
    for table in ROW_TABLES:
        _add(table, "source")
    _add("plans", "driver_sources")


def downgrade() -> None:
    op.drop_column("plans", "driver_sources")
    for table in reversed(ROW_TABLES):
        op.drop_column(table, "source")
