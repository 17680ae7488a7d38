"""The ``roth-desktop`` entry point: commands go to the core, no command opens the app.

Living in ``ui`` keeps the dependency one way: the core's CLI never imports Qt,
and PySide6 is only loaded when a window is actually wanted.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from roth_desktop import cli


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.parse(argv)
    if args.self_test:  # before any command: it checks the installation, not a workspace
        from ui.self_test import main as self_test

        return self_test()
    if args.command is not None:
        return cli.run_command(args)
    from ui.app import run_app

    return run_app(args.workspace)


if __name__ == "__main__":
    sys.exit(main())
