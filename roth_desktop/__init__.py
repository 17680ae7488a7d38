"""ROTH Desktop core: everything that does not need Qt.

The ``ui`` package builds on this one; nothing here may import PySide6.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("roth-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
