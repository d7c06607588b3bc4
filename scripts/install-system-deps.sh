#!/usr/bin/env bash
# Installs the C library HealthGuide parses Markdown with (cmark-gfm) when it is missing:
# apt-get on Debian/Ubuntu (with sudo when not root), Homebrew on macOS.
# `install-system-deps.sh --apt PACKAGE…` installs other Debian packages the same way
# (the benchmark's /usr/bin/time, the browser tests' Chromium).
set -euo pipefail

apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

if [ "${1:-}" = "--apt" ]; then
  shift
  command -v apt-get >/dev/null 2>&1 || { echo "error: apt-get is needed to install $*" >&2; exit 2; }
  apt_install "$@"
  exit 0
fi

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
  echo "Installing cmark-gfm with apt-get…"
  apt_install libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
elif command -v brew >/dev/null 2>&1; then
  echo "Installing cmark-gfm with Homebrew…"
  brew install cmark-gfm pkg-config
else
  echo "error: cmark-gfm is missing. Install libcmark-gfm-dev and libcmark-gfm-extensions-dev (Debian/Ubuntu) or 'brew install cmark-gfm' (macOS)." >&2
  exit 2
fi
