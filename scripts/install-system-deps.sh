#!/usr/bin/env bash
# Installs the C library HealthGuide parses Markdown with (cmark-gfm) when it is missing:
# apt-get on Debian/Ubuntu (with sudo when not root), Homebrew on macOS.
set -euo pipefail

have_cmark() {
  if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libcmark-gfm; then
    return 0
  fi
  for prefix in /usr /usr/local /opt/homebrew; do
    if [ -f "$prefix/include/cmark-gfm.h" ] && [ -f "$prefix/include/cmark-gfm-core-extensions.h" ]; then
      command -v pkg-config >/dev/null 2>&1 && return 0
    fi
  done
  return 1
}

if have_cmark; then
  exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "Installing cmark-gfm with apt-get…"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
    libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config >/dev/null
elif command -v brew >/dev/null 2>&1; then
  echo "Installing cmark-gfm with Homebrew…"
  brew install cmark-gfm pkg-config
else
  echo "error: cmark-gfm is missing. Install libcmark-gfm-dev and libcmark-gfm-extensions-dev (Debian/Ubuntu) or 'brew install cmark-gfm' (macOS)." >&2
  exit 2
fi
