"""Alembic environment of the province server: its own scripts and version table, separate from the
desktop store's (desktop/models/migrations). Runs on a connection handed over by province.db.upgrade."""

from alembic import context

from province.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, version_table="province_alembic_version")
with context.begin_transaction():
    context.run_migrations()
