"""Alembic environment: the app passes its engine in; render_as_batch lets SQLite ALTER."""

from alembic import context

from workbench.store import audit, ledger_rows, rows  # noqa: F401  (registers the tables)
from workbench.store.base import Base

engine = context.config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
