"""Guards against known-bad Qt bindings."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication


def test_process_events_keeps_none_alive(qapp: QApplication) -> None:
    # PySide6 6.12.0 decrements None's reference count on every call; a chair's
    # long meeting (and this test suite) would then crash the interpreter.
    before = sys.getrefcount(None)
    for _ in range(200):
        qapp.processEvents()
    assert sys.getrefcount(None) >= before - 5
