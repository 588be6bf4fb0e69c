"""SQLAlchemy persistence: SQLite by default, any SQLAlchemy URL (e.g. PostgreSQL) on request."""

from workbench.store import ledger_rows  # noqa: F401  (registers the ledger tables)
from workbench.store.database import default_db_path, sqlite_url
from workbench.store.opening import open_store
from workbench.store.plan_store import PlanStore

__all__ = ["PlanStore", "default_db_path", "open_store", "sqlite_url"]
