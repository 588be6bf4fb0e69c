"""The in-year scheme ledger: the year tracked, plan/forecast/actual by scheme and month,
and each scheme's tracking (forecast method, RAG override, gateway, milestones).
Idempotent, as a database stamped with an older revision may hold the tables already.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _plan_id(table: str) -> sa.Column:
    return sa.Column("plan_id", sa.Integer(), sa.ForeignKey(
        "plans.id", ondelete="CASCADE", name=f"fk_{table}_plan_id_plans"), nullable=False)


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "ledger_years" not in existing:
        _ledger_years()
    if "ledger_cells" not in existing:
        _ledger_cells()
    if "scheme_tracking" not in existing:
        _scheme_tracking()


def _ledger_years() -> None:
    op.create_table(
        "ledger_years",
        sa.Column("id", sa.Integer(), primary_key=True),
        _plan_id("ledger_years"),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("closed_through", sa.String(7), nullable=True),
        sa.Column("plan_label", sa.String(200), nullable=False),
        sa.Column("frozen_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("plan_id", name="uq_ledger_years_plan_id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_ledger_years_plan_id", "ledger_years", ["plan_id"])


def _ledger_cells() -> None:
    op.create_table(
        "ledger_cells",
        sa.Column("id", sa.Integer(), primary_key=True),
        _plan_id("ledger_cells"),
        sa.Column("scheme_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("part", sa.String(20), nullable=False),
        sa.Column("plan", sa.BigInteger(), nullable=False),
        sa.Column("forecast", sa.BigInteger(), nullable=True),
        sa.Column("actual", sa.BigInteger(), nullable=True),
        sa.UniqueConstraint("plan_id", "scheme_id", "month", "part",
                            name="uq_ledger_cells_key"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_ledger_cells_plan_id", "ledger_cells", ["plan_id"])


def _scheme_tracking() -> None:
    op.create_table(
        "scheme_tracking",
        sa.Column("id", sa.Integer(), primary_key=True),
        _plan_id("scheme_tracking"),
        sa.Column("scheme_id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(40), nullable=False),
        sa.Column("method", sa.String(40), nullable=False),
        sa.Column("rag_override", sa.String(40), nullable=True),
        sa.Column("rag_reason", sa.Text(), nullable=False),
        sa.Column("stage", sa.String(40), nullable=False),
        sa.Column("qia_done", sa.Boolean(), nullable=False),
        sa.Column("eia_done", sa.Boolean(), nullable=False),
        sa.Column("signed_off_by", sa.String(200), nullable=False),
        sa.Column("signed_off_on", sa.Date(), nullable=True),
        sa.Column("milestones", sa.Text(), nullable=False),
        sa.UniqueConstraint("plan_id", "scheme_id", name="uq_scheme_tracking_key"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_scheme_tracking_plan_id", "scheme_tracking", ["plan_id"])


def downgrade() -> None:
    for table in ("scheme_tracking", "ledger_cells", "ledger_years"):
        op.drop_index(f"ix_{table}_plan_id", table_name=table)
        op.drop_table(table)
