"""Alembic migrations for the workspace database (packaged so the app finds them)."""
