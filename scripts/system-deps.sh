#!/usr/bin/env bash
# Debian/Ubuntu packages Qt needs to run (offscreen and under Xvfb), a real
# Secret Service (gnome-keyring) for the quick-unlock tests, PostgreSQL for
# the sync server's tests (each run starts its own throwaway cluster), the
# tools the tests use to look at what the app shows, and what the frozen build
# needs (binutils: PyInstaller's objdump and objcopy; desktop-file-utils checks the
# Linux .desktop entry). Installs only what is missing; elsewhere it says what to
# install and carries on.
set -euo pipefail

packages=(
  xvfb xauth poppler-utils qpdf fonts-dejavu-core dbus-daemon gnome-keyring postgresql
  binutils desktop-file-utils
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
)

if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: not a Debian-family system; install Qt's xcb libraries and Xvfb yourself." >&2
  exit 0
fi

missing=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "system-deps: please install: ${missing[*]}" >&2; exit 1
  fi
fi
echo "system-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
