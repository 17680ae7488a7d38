"""The frozen app's entry script: PyInstaller needs a file, the app has a function.

The same ``ui.launcher:main`` as the ``roth-desktop`` console script, so the
frozen app and the pip-installed one take the same arguments.
"""

import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
