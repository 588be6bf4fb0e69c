"""Activity plan lines and performance trajectories.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _plan_id(table: str) -> sa.Column:
    return sa.Column(
        "plan_id", sa.Integer(),
        sa.ForeignKey("plans.id", ondelete="CASCADE", name=f"fk_{table}_plan_id_plans"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "activity_lines",
        sa.Column("id", sa.Integer(), primary_key=True),
        _plan_id("activity_lines"),
        sa.Column("measure", sa.String(100), nullable=False),
        sa.Column("provider", sa.String(200), nullable=False),
        sa.Column("provider_name", sa.String(200), nullable=False),
        sa.Column("baseline", sa.String(40), nullable=False),
        sa.Column("growth", sa.String(40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("scheme_ids", sa.Text(), nullable=False),
        sa.Column("impact_rule", sa.String(100), nullable=False),
        sa.Column("profile", sa.String(100), nullable=False),
        sa.Column("last_year_monthly", sa.Text(), nullable=False),
        sa.Column("overrides", sa.Text(), nullable=False),
        sa.Column("actuals", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_activity_lines_plan_id", "activity_lines", ["plan_id"])
    op.create_table(
        "trajectories",
        sa.Column("id", sa.Integer(), primary_key=True),
        _plan_id("trajectories"),
        sa.Column("metric", sa.String(200), nullable=False),
        sa.Column("unit", sa.String(40), nullable=False),
        sa.Column("direction", sa.String(40), nullable=False),
        sa.Column("target", sa.Float(), nullable=True),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("frequency", sa.String(40), nullable=False),
        sa.Column("planned", sa.Text(), nullable=False),
        sa.Column("actuals", sa.Text(), nullable=False),
        sa.Column("standard_id", sa.String(60), nullable=False),
        sa.Column("provider", sa.String(200), nullable=False),
        sa.Column("spc", sa.Text(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_trajectories_plan_id", "trajectories", ["plan_id"])


def downgrade() -> None:
    op.drop_index("ix_trajectories_plan_id", table_name="trajectories")
    op.drop_table("trajectories")
    op.drop_index("ix_activity_lines_plan_id", table_name="activity_lines")
    op.drop_table("activity_lines")
