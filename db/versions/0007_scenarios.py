"""Scenarios: named what-ifs on the plan's drivers, stored with the plan.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scenarios",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "plan_id", sa.Integer(),
            sa.ForeignKey("plans.id", ondelete="CASCADE", name="fk_scenarios_plan_id_plans"),
            nullable=False,
        ),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("allocation_growth_pct", sa.String(40), nullable=True),
        sa.Column("tariff_uplift_pct", sa.String(40), nullable=True),
        sa.Column("activity_growth_pct", sa.String(40), nullable=True),
        sa.Column("slippage_months", sa.Integer(), nullable=False),
        sa.Column("confidence_haircut", sa.String(40), nullable=False),
        sa.Column("risk_likelihood_shift", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_scenarios_plan_id", "scenarios", ["plan_id"])


def downgrade() -> None:
    op.drop_index("ix_scenarios_plan_id", table_name="scenarios")
    op.drop_table("scenarios")
