"""open_store(): find, recognise, migrate and open a database, with one clear error if not."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from workbench.domain.errors import NotAWorkbenchDatabase, StoreError, WorkbenchError
from workbench.store.database import SQLITE_HEADER, is_url, open_engine, sqlite_path, sqlite_url
from workbench.store.migrate import upgrade
from workbench.store.plan_store import PlanStore
from workbench.store.rows import MetaRow


def _check_file(path: Path, create: bool) -> None:
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    if not path.exists():
        if not create:
            raise StoreError(f"no database at {path}")
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        raise NotAWorkbenchDatabase(f"{path} is not a Planning Workbench database")


def open_store(target: str | Path, create: bool = False) -> PlanStore:
    """Open a SQLite file path or any SQLAlchemy URL, upgrading an older schema first."""
    target = str(target)
    try:
        url = target if is_url(target) else sqlite_url(target)
        label = make_url(url).render_as_string(hide_password=True)
    except ArgumentError as exc:
        raise StoreError(f"not a database location: {target}") from exc
    file = sqlite_path(url)
    if file is not None:
        label = str(file)
        _check_file(file, create)
    engine = open_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        upgrade(engine, label, file)
        with engine.connect() as conn:
            app = conn.execute(select(MetaRow.value).where(MetaRow.key == "app")).scalar()
        if app != "planning-workbench":
            raise NotAWorkbenchDatabase(f"{label} is not a Planning Workbench database")
    except WorkbenchError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = str(getattr(exc, "orig", exc)).splitlines()[0]
        if file is not None:
            raise NotAWorkbenchDatabase(
                f"{label} cannot be opened as a Planning Workbench database ({reason})"
            ) from exc
        raise StoreError(f"cannot open {label} ({reason})") from exc
    return PlanStore(engine, label)
