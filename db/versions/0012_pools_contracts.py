"""System money: pooled budgets, provider contracts, the place-based budget and
comparator figures (benchmarks).

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


TABLES = ("pools", "contracts", "place_elements", "benchmarks")
# A frozen version's rows are immutable, as migration 0010 makes them for the other tables.
MESSAGE = "a frozen version of the plan cannot be changed"
FROZEN = "EXISTS (SELECT 1 FROM plan_versions WHERE frozen_plan_id = {row}.plan_id)"
OPS = {"INSERT": ("NEW",), "UPDATE": ("OLD", "NEW"), "DELETE": ("OLD",)}


def _when(op_name: str) -> str:
    return " OR ".join(FROZEN.format(row=row) for row in OPS[op_name])


def _frozen_triggers(table: str, dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [f"""CREATE TRIGGER IF NOT EXISTS {table}_frozen_{op_name.lower()}
    BEFORE {op_name} ON {table} WHEN {_when(op_name)}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""" for op_name in OPS]
    checks = "\n".join(f"    IF TG_OP = '{op_name}' AND ({_when(op_name)}) THEN\n"
                       f"        RAISE EXCEPTION '{MESSAGE}';\n    END IF;" for op_name in OPS)
    return [f"""CREATE OR REPLACE FUNCTION workbench_{table}_frozen() RETURNS trigger AS $$
BEGIN
{checks}
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql""",
            f"DROP TRIGGER IF EXISTS {table}_frozen ON {table}",
            f"""CREATE TRIGGER {table}_frozen BEFORE INSERT OR UPDATE OR DELETE
            ON {table} FOR EACH ROW EXECUTE FUNCTION workbench_{table}_frozen()"""]


def _plan_fk(table: str) -> sa.Column:
    return sa.Column(
        "plan_id", sa.Integer(),
        sa.ForeignKey("plans.id", ondelete="CASCADE", name=f"fk_{table}_plan_id_plans"),
        nullable=False,
    )


def upgrade() -> None:
    # Idempotent, as a database stamped with an older revision may hold them already.
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "pools" not in existing:
        _create_pools()
    if "contracts" not in existing:
        _create_contracts()
    if "place_elements" not in existing:
        _create_place_elements()
    if "benchmarks" not in existing:
        _create_benchmarks()
    dialect = op.get_bind().dialect.name
    for table in TABLES:
        for sql in _frozen_triggers(table, dialect):
            op.execute(sql)


def _create_pools() -> None:
    op.create_table(
        "pools",
        sa.Column("id", sa.Integer(), primary_key=True),
        _plan_fk("pools"),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("services", sa.Text(), nullable=False),
        sa.Column("rule", sa.String(40), nullable=False),
        sa.Column("partners", sa.Text(), nullable=False),
        sa.Column("projected_variance", sa.BigInteger(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_pools_plan_id", "pools", ["plan_id"])


def _create_contracts() -> None:
    op.create_table(
        "contracts",
        sa.Column("id", sa.Integer(), primary_key=True),
        _plan_fk("contracts"),
        sa.Column("provider", sa.String(200), nullable=False),
        sa.Column("provider_code", sa.String(20), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("contract_type", sa.String(40), nullable=False),
        sa.Column("escalation", sa.String(40), nullable=False),
        sa.Column("standards", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_contracts_plan_id", "contracts", ["plan_id"])


def _create_place_elements() -> None:
    op.create_table(
        "place_elements",
        sa.Column("id", sa.Integer(), primary_key=True),
        _plan_fk("place_elements"),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("commissioner", sa.String(200), nullable=False),
        sa.Column("spend", sa.BigInteger(), nullable=False),
        sa.Column("target", sa.BigInteger(), nullable=True),
        sa.Column("ccg_share", sa.String(40), nullable=False),
        sa.Column("from_allocation", sa.Boolean(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_place_elements_plan_id", "place_elements", ["plan_id"])


def _create_benchmarks() -> None:
    op.create_table(
        "benchmarks",
        sa.Column("id", sa.Integer(), primary_key=True),
        _plan_fk("benchmarks"),
        sa.Column("measure", sa.String(200), nullable=False),
        sa.Column("unit", sa.String(60), nullable=False),
        sa.Column("ods_code", sa.String(20), nullable=False),
        sa.Column("organisation", sa.String(200), nullable=False),
        sa.Column("value", sa.String(40), nullable=False),
        sa.Column("population", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_benchmarks_plan_id", "benchmarks", ["plan_id"])


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in reversed(TABLES):
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_frozen ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS workbench_{table}_frozen()")
        else:
            for op_name in OPS:
                op.execute(f"DROP TRIGGER IF EXISTS {table}_frozen_{op_name.lower()}")
        op.drop_index(f"ix_{table}_plan_id", table_name=table)
        op.drop_table(table)
