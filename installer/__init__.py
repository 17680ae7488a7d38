"""Building the packaged app (PyInstaller, the installers) and compiling the translations."""
