"""Alembic environment.

The app (and the tests) hand Alembic an engine that is already keyed for the
encrypted workspace through ``config.attributes["engine"]``; there is no
alembic.ini and no URL with a key in it anywhere on disk.
"""

from __future__ import annotations

from alembic import context

from roth_desktop.models import Base
from roth_desktop.schema_migrations import migration_connection

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        raise RuntimeError("ROTH Desktop migrations run through the app: roth-desktop migrate")
    with migration_connection(engine) as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite alters tables by copying them
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("Offline (SQL script) migrations are not supported.")
run_migrations_online()
