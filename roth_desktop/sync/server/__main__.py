"""``python -m roth_desktop.sync.server``: the same as ``roth-desktop-server``."""

import sys

from roth_desktop.sync.server.main import main

sys.exit(main())
