"""SQLAlchemy persistence: SQLite by default, any SQLAlchemy URL (e.g. PostgreSQL) on request.

The in-year ledger's tables (`ledger_rows`) are mapped when the ledger is first used
(`ledger_store` imports them): opening and loading a plan does not need them. Anything
that needs every table on `Base.metadata` (Alembic's env, the schema test) imports them.
"""

from workbench.store.database import default_db_path, sqlite_url
from workbench.store.opening import open_store
from workbench.store.plan_store import PlanStore

__all__ = ["PlanStore", "default_db_path", "open_store", "sqlite_url"]
