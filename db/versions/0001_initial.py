"""Initial schema: plans with their drivers, spend lines, pressures, workstreams, schemes, risks.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

AUTOINC = {"sqlite_autoincrement": True}
MONEY = sa.BigInteger  # integer pence
EXACT = sa.String(40)  # Decimal as text
LABEL = sa.String(40)  # enum label
NAME = sa.String(200)


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), primary_key=True)


def _plan_id(table: str) -> sa.Column:
    return sa.Column(
        "plan_id", sa.Integer(),
        sa.ForeignKey("plans.id", ondelete="CASCADE", name=f"fk_{table}_plan_id_plans"),
        nullable=False,
    )


def _fk(column: str, table: str, target: str) -> sa.Column:
    return sa.Column(
        column, sa.Integer(),
        sa.ForeignKey(f"{target}.id", ondelete="SET NULL", name=f"fk_{table}_{column}_{target}"),
        nullable=True,
    )


def upgrade() -> None:
    meta = op.create_table(
        "workbench_meta",
        sa.Column("key", sa.String(60), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.bulk_insert(meta, [{"key": "app", "value": "planning-workbench"}])
    op.create_table(
        "plans", _id(),
        sa.Column("organisation", NAME, nullable=False),
        sa.Column("ods_code", sa.String(10), nullable=False),
        sa.Column("name", NAME, nullable=False),
        sa.Column("first_year", sa.Integer(), nullable=False),
        sa.Column("last_year", sa.Integer(), nullable=False),
        sa.Column("status", LABEL, nullable=False),
        sa.Column("allocation", MONEY, nullable=False),
        sa.Column("prior_year_allocation", MONEY, nullable=False),
        sa.Column("running_cost_allocation", MONEY, nullable=False),
        sa.Column("tariff_uplift_pct", EXACT, nullable=False),
        sa.Column("activity_growth_pct", EXACT, nullable=False),
        sa.Column("surplus_pct", EXACT, nullable=False),
        sa.Column("uncommitted_reserve_pct", EXACT, nullable=False),
        sa.Column("contingency_pct", EXACT, nullable=False),
        sa.Column("transformation_ringfence_pct", EXACT, nullable=False),
        sa.Column("chc_risk_pool", MONEY, nullable=False),
        sa.Column("future_growth_pct", EXACT, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "spend_lines", _id(), _plan_id("spend_lines"),
        sa.Column("category", NAME, nullable=False),
        sa.Column("baseline", MONEY, nullable=False),
        sa.Column("tariff_applies", sa.Boolean(), nullable=False),
        sa.Column("growth_applies", sa.Boolean(), nullable=False),
        **AUTOINC,
    )
    op.create_table(
        "pressures", _id(), _plan_id("pressures"),
        sa.Column("name", NAME, nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.Column("recurrent", sa.Boolean(), nullable=False),
        **AUTOINC,
    )
    op.create_table(
        "workstreams", _id(), _plan_id("workstreams"),
        sa.Column("name", NAME, nullable=False),
        sa.Column("lead", NAME, nullable=False),
        sa.Column("sro", NAME, nullable=False),
        sa.Column("board", NAME, nullable=False),
        sa.Column("footprint", LABEL, nullable=False),
        sa.Column("gaps", sa.Text(), nullable=False),
        sa.Column("rag", LABEL, nullable=False),
        sa.Column("eia_done", sa.Boolean(), nullable=False),
        sa.Column("enabler", sa.Boolean(), nullable=False),
        **AUTOINC,
    )
    op.create_table(
        "milestones", _id(),
        sa.Column(
            "workstream_id", sa.Integer(),
            sa.ForeignKey("workstreams.id", ondelete="CASCADE",
                          name="fk_milestones_workstream_id_workstreams"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", NAME, nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        **AUTOINC,
    )
    op.create_table(
        "schemes", _id(), _plan_id("schemes"),
        sa.Column("name", NAME, nullable=False),
        _fk("workstream_id", "schemes", "workstreams"),
        sa.Column("provider", NAME, nullable=False),
        sa.Column("pod", LABEL, nullable=False),
        sa.Column("lever", LABEL, nullable=False),
        sa.Column("status", LABEL, nullable=False),
        sa.Column("gross_saving", MONEY, nullable=False),
        sa.Column("investment", MONEY, nullable=False),
        sa.Column("recurrent", sa.Boolean(), nullable=False),
        sa.Column("confidence", EXACT, nullable=False),
        sa.Column("phasing", sa.Text(), nullable=False),
        sa.Column("activity_impact", sa.Integer(), nullable=False),
        sa.Column("first_year", sa.Integer(), nullable=False),
        sa.Column("last_year", sa.Integer(), nullable=False),
        **AUTOINC,
    )
    op.create_table(
        "risks", _id(), _plan_id("risks"),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner", NAME, nullable=False),
        sa.Column("category", LABEL, nullable=False),
        sa.Column("value", MONEY, nullable=False),
        sa.Column("likelihood", sa.Integer(), nullable=False),
        sa.Column("impact", sa.Integer(), nullable=False),
        sa.Column("mitigation", sa.Text(), nullable=False),
        sa.Column("mitigation_value", MONEY, nullable=False),
        _fk("scheme_id", "risks", "schemes"),
        _fk("workstream_id", "risks", "workstreams"),
        sa.Column("status", LABEL, nullable=False),
        sa.Column("review_date", sa.Date(), nullable=True),
        **AUTOINC,
    )
    for table, column in [
        ("spend_lines", "plan_id"), ("pressures", "plan_id"), ("workstreams", "plan_id"),
        ("milestones", "workstream_id"), ("schemes", "plan_id"), ("schemes", "workstream_id"),
        ("risks", "plan_id"), ("risks", "scheme_id"), ("risks", "workstream_id"),
    ]:
        op.create_index(f"ix_{table}_{column}", table, [column])


def downgrade() -> None:
    for table in ("risks", "schemes", "milestones", "workstreams", "pressures", "spend_lines",
                  "plans", "workbench_meta"):
        op.drop_table(table)
