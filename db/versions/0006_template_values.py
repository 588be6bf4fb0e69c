"""Input cells of the SRG resilience and BCF workbooks that the plan does not model.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "template_values",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "plan_id", sa.Integer(),
            sa.ForeignKey("plans.id", ondelete="CASCADE", name="fk_template_values_plan_id_plans"),
            nullable=False,
        ),
        sa.Column("template", sa.String(40), nullable=False),
        sa.Column("sheet", sa.String(100), nullable=False),
        sa.Column("row", sa.Text(), nullable=False),
        sa.Column("column", sa.String(200), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_template_values_plan_id", "template_values", ["plan_id"])


def downgrade() -> None:
    op.drop_index("ix_template_values_plan_id", table_name="template_values")
    op.drop_table("template_values")
