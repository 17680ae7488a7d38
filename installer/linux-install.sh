#!/bin/sh
# Install ROTH Desktop from this unpacked tarball, for every user of this computer:
#
#   sudo ./install.sh            install, or upgrade, into /opt/roth-desktop
#   sudo ./install.sh --remove   remove the app again
#
# PREFIX, BINDIR and DATADIR move it (defaults /opt/roth-desktop, /usr/local/bin,
# /usr/local/share). Only the app's own files are touched: workspaces live where
# their users chose, and settings under each user's ~/.config/roth-desktop and
# ~/.local/state/roth-desktop, so removing the app never removes anyone's work.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-/opt/roth-desktop}
BINDIR=${BINDIR:-/usr/local/bin}
DATADIR=${DATADIR:-/usr/local/share}
case "$PREFIX" in
  /|/usr|/usr/local|/opt|"$HOME"|"") echo "install.sh: PREFIX must be a folder of its own, not $PREFIX" >&2; exit 2 ;;
esac
icon_dir="$DATADIR/icons/hicolor/256x256/apps"

if [ "${1:-}" = "--remove" ]; then
  rm -rf "$PREFIX"
  rm -f "$BINDIR/roth-desktop" "$DATADIR/applications/roth-desktop.desktop" "$icon_dir/roth-desktop.png"
  echo "ROTH Desktop removed; workspaces and settings were not touched."
  exit 0
fi

mkdir -p "$(dirname "$PREFIX")" "$BINDIR" "$DATADIR/applications" "$icon_dir"
# The whole folder is replaced, so an upgrade never leaves an old module beside a new one.
rm -rf "$PREFIX.new"
cp -a "$here/roth-desktop" "$PREFIX.new"
rm -rf "$PREFIX"
mv "$PREFIX.new" "$PREFIX"
ln -sf "$PREFIX/roth-desktop" "$BINDIR/roth-desktop"
cp "$here/roth-desktop.desktop" "$DATADIR/applications/roth-desktop.desktop"
cp "$here/roth-desktop.png" "$icon_dir/roth-desktop.png"
chmod 644 "$DATADIR/applications/roth-desktop.desktop" "$icon_dir/roth-desktop.png"
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$DATADIR/applications" || true
fi
echo "ROTH Desktop installed in $PREFIX. Check it with: roth-desktop --self-test"
