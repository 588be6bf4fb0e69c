"""A frozen version's copy is immutable in the database too: triggers refuse any insert,
update or delete of its rows (the store refuses such an edit first, naming the version;
this guards writes that bypass the store). Idempotent, as a database stamped with an
older revision may hold them already. Its rows may be deleted once its
plan_versions entry is gone, which is how every plan is replaced.

Revision ID: 0010
Revises: 0009
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

MESSAGE = "a frozen version of the plan cannot be changed"
ROW_TABLES = ("spend_lines", "pressures", "workstreams", "schemes", "risks", "activity_lines",
              "trajectories", "template_values", "scenarios")
FROZEN = "EXISTS (SELECT 1 FROM plan_versions WHERE frozen_plan_id = {plan})"
MILESTONE_PLAN = "(SELECT plan_id FROM workstreams WHERE id = {row}.workstream_id)"
OPS = ("INSERT", "UPDATE", "DELETE")


def _plan_of(table: str, row: str) -> str:
    """The expression giving the plan id of trigger row `row` (NEW or OLD) in `table`."""
    if table == "plans":
        return f"{row}.id"
    if table == "milestones":
        return MILESTONE_PLAN.format(row=row)
    return f"{row}.plan_id"


def _frozen_when(table: str, op_name: str) -> str:
    rows = {"INSERT": ("NEW",), "UPDATE": ("OLD", "NEW"), "DELETE": ("OLD",)}[op_name]
    return " OR ".join(FROZEN.format(plan=_plan_of(table, row)) for row in rows)


def _tables() -> tuple[str, ...]:
    return (*ROW_TABLES, "milestones", "plans")


def _sqlite_triggers() -> list[str]:
    return [f"""CREATE TRIGGER IF NOT EXISTS {table}_frozen_{op_name.lower()}
    BEFORE {op_name} ON {table} WHEN {_frozen_when(table, op_name)}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"""
            for table in _tables() for op_name in OPS]


def _pg_function(table: str) -> str:
    checks = "\n".join(
        f"    IF TG_OP = '{op_name}' AND ({_frozen_when(table, op_name)}) THEN\n"
        f"        RAISE EXCEPTION '{MESSAGE}';\n    END IF;" for op_name in OPS)
    return f"""
CREATE OR REPLACE FUNCTION workbench_{table}_frozen() RETURNS trigger AS $$
BEGIN
{checks}
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql"""


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in _tables():
        if dialect == "postgresql":
            op.execute(_pg_function(table))
            op.execute(f"DROP TRIGGER IF EXISTS {table}_frozen ON {table}")
            op.execute(f"""CREATE TRIGGER {table}_frozen BEFORE INSERT OR UPDATE OR DELETE
            ON {table} FOR EACH ROW EXECUTE FUNCTION workbench_{table}_frozen()""")
    if dialect == "sqlite":
        for sql in _sqlite_triggers():
            op.execute(sql)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in _tables():
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_frozen ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS workbench_{table}_frozen()")
        else:
            for op_name in OPS:
                op.execute(f"DROP TRIGGER IF EXISTS {table}_frozen_{op_name.lower()}")
