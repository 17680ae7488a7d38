"""Helpers shared by the core tests (not collected as tests)."""
