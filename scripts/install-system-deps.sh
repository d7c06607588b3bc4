#!/usr/bin/env bash
# Installs the C libraries HealthGuide needs when they are missing: cmark-gfm, which parses
# Markdown, and on Linux jemalloc, its memory allocator. apt-get on Debian/Ubuntu (with sudo
# when not root), Homebrew on macOS.
# `install-system-deps.sh --apt PACKAGE…` installs other Debian packages the same way
# (the benchmark's /usr/bin/time and Hugo, the browser tests' Chromium).
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

# On Linux the program is linked with jemalloc (see Package.swift); macOS keeps its own malloc.
have_jemalloc() {
  [ "$(uname -s)" != "Linux" ] && return 0
  for folder in /usr/lib /usr/lib64 /usr/local/lib /usr/lib/*-linux-gnu; do
    [ -e "$folder/libjemalloc.so" ] && return 0
  done
  return 1
}

if have_cmark && have_jemalloc; then
  exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
  echo "Installing cmark-gfm and jemalloc with apt-get…"
  apt_install libcmark-gfm-dev libcmark-gfm-extensions-dev libjemalloc-dev pkg-config
elif command -v brew >/dev/null 2>&1; then
  echo "Installing cmark-gfm with Homebrew…"
  brew install cmark-gfm pkg-config
else
  echo "error: cmark-gfm or jemalloc is missing. Install libcmark-gfm-dev, libcmark-gfm-extensions-dev and libjemalloc-dev (Debian/Ubuntu) or 'brew install cmark-gfm' (macOS)." >&2
  exit 2
fi
