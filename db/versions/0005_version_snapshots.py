"""Version freezes keep a read-only copy of the whole plan.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # No foreign key: SQLite cannot add one to an existing table without a rebuild, and the
    # copy is deleted with the plan it was frozen from (PlanStore.delete_all_plans).
    op.add_column("plan_versions", sa.Column("frozen_plan_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("plan_versions") as batch:
        batch.drop_column("frozen_plan_id")
