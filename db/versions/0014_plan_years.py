"""The five-year plan: one row per plan year (firm or indicative allocation, growth, tariff,
activity growth, ring-fence, new investment, target allocation); and the planning round's
timetable (submissions: due, sent, version, signed off by). Both frozen with versions like
every row (the same triggers as 0010, for these tables). Scenarios keep the base they were
last looked at on (scenarios.base_seen).

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

TABLES = ("plan_years", "submissions")
MESSAGE = "a frozen version of the plan cannot be changed"
FROZEN = "EXISTS (SELECT 1 FROM plan_versions WHERE frozen_plan_id = {row}.plan_id)"
ROWS = {"INSERT": ("NEW",), "UPDATE": ("OLD", "NEW"), "DELETE": ("OLD",)}


def _frozen_when(op_name: str) -> str:
    return " OR ".join(FROZEN.format(row=row) for row in ROWS[op_name])


def upgrade() -> None:
    """Idempotent (each step only if not done yet): a database stamped with an older
    revision may hold some of it already."""
    existing = sa.inspect(op.get_bind())
    tables = set(existing.get_table_names())
    if "plan_years" not in tables:
        _create_plan_years()
    if "submissions" not in tables:
        _create_submissions()
    for table in TABLES:
        _guard(table)
    # what each scenario's base was when last looked at (engine.scenario_base)
    if "base_seen" not in {c["name"] for c in existing.get_columns("scenarios")}:
        with op.batch_alter_table("scenarios") as batch:
            batch.add_column(sa.Column("base_seen", sa.Text(), nullable=False,
                                       server_default=""))


def _create_plan_years() -> None:
    op.create_table(
        "plan_years",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "plan_id", sa.Integer(),
            sa.ForeignKey("plans.id", ondelete="CASCADE", name="fk_plan_years_plan_id_plans"),
            nullable=False,
        ),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("firm", sa.Boolean(), nullable=False),
        sa.Column("allocation_growth_pct", sa.String(40), nullable=True),
        sa.Column("tariff_uplift_pct", sa.String(40), nullable=True),
        sa.Column("activity_growth_pct", sa.String(40), nullable=True),
        sa.Column("transformation_ringfence_pct", sa.String(40), nullable=True),
        sa.Column("investment", sa.BigInteger(), nullable=False),
        sa.Column("investment_recurrent", sa.Boolean(), nullable=False),
        sa.Column("target_allocation", sa.BigInteger(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.UniqueConstraint("plan_id", "year", name="uq_plan_years_plan_id_year"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_plan_years_plan_id", "plan_years", ["plan_id"])


def _create_submissions() -> None:
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "plan_id", sa.Integer(),
            sa.ForeignKey("plans.id", ondelete="CASCADE", name="fk_submissions_plan_id_plans"),
            nullable=False,
        ),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("returns", sa.Text(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("submitted_on", sa.Date(), nullable=True),
        sa.Column("version_label", sa.String(200), nullable=False),
        sa.Column("signed_off_by", sa.String(200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_submissions_plan_id", "submissions", ["plan_id"])


def _guard(table: str) -> None:
    """Refuse any write to a frozen copy's rows of `table` (as 0010 does for the others)."""
    if op.get_bind().dialect.name == "postgresql":
        checks = "\n".join(
            f"    IF TG_OP = '{name}' AND ({_frozen_when(name)}) THEN\n"
            f"        RAISE EXCEPTION '{MESSAGE}';\n    END IF;" for name in ROWS)
        op.execute(f"""
CREATE OR REPLACE FUNCTION workbench_{table}_frozen() RETURNS trigger AS $$
BEGIN
{checks}
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql""")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_frozen ON {table}")
        op.execute(f"""CREATE TRIGGER {table}_frozen BEFORE INSERT OR UPDATE OR DELETE
        ON {table} FOR EACH ROW EXECUTE FUNCTION workbench_{table}_frozen()""")
    else:
        for name in ROWS:
            op.execute(f"""CREATE TRIGGER IF NOT EXISTS {table}_frozen_{name.lower()}
            BEFORE {name} ON {table} WHEN {_frozen_when(name)}
            BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""")


def downgrade() -> None:
    with op.batch_alter_table("scenarios") as batch:
        batch.drop_column("base_seen")
    for table in reversed(TABLES):
        if op.get_bind().dialect.name == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_frozen ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS workbench_{table}_frozen()")
        else:
            for name in ROWS:
                op.execute(f"DROP TRIGGER IF EXISTS {table}_frozen_{name.lower()}")
        op.drop_index(f"ix_{table}_plan_id", table_name=table)
        op.drop_table(table)
