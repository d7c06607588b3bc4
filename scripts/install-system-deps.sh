#!/usr/bin/env bash
# Installs the C library HealthGuide needs when it is missing: cmark-gfm, which parses
# Markdown. When it is installed this does nothing at all: no package manager runs, and no
# sudo is asked for. Otherwise apt-get on Debian/Ubuntu (through sudo only when not root),
# Homebrew on macOS.
# `install-system-deps.sh --apt PACKAGE…` installs other Debian packages the same way
# (the benchmark's /usr/bin/time and Hugo, the browser tests' Chromium).
# `install-system-deps.sh --has-jemalloc` only answers, by its exit status, whether the jemalloc
# library is installed; the release build links it when it is (see the Makefile).
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

# Where packages put headers and libraries: Debian's multiarch folders, /usr/local, Homebrew.
prefixes="/usr /usr/local /opt/homebrew"

# Whether the library `name` (libNAME.so, .dylib or .a) is in `folder`.
have_library() {
    local folder=$1 name=$2 extension
    for extension in so dylib a; do
        [ -e "$folder/lib$name.$extension" ] && return 0
    done
    return 1
}

# The library folders of `prefix`.
library_folders() {
    echo "$1/lib" "$1/lib64" "$1"/lib/*-linux-gnu
}

# Whether the headers of cmark-gfm and its extensions are in the first folder given and both
# libraries in one of the folders after it.
have_cmark_in() {
    local include=$1 folder
    shift
    [ -f "$include/cmark-gfm.h" ] && [ -f "$include/cmark-gfm-core-extensions.h" ] || return 1
    for folder in "$@"; do
        have_library "$folder" cmark-gfm && have_library "$folder" cmark-gfm-extensions && return 0
    done
    return 1
}

# cmark-gfm and its extensions (which ship no pkg-config file of their own): their header and
# library files where pkg-config says cmark-gfm is, or in one of the usual prefixes.
have_cmark() {
    if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libcmark-gfm; then
        have_cmark_in "$(pkg-config --variable=includedir libcmark-gfm)" "$(pkg-config --variable=libdir libcmark-gfm)" && return 0
    fi
    local prefix
    for prefix in $prefixes; do
        # shellcheck disable=SC2046 # one argument per library folder
        have_cmark_in "$prefix/include" $(library_folders "$prefix") && return 0
    done
    return 1
}

have_jemalloc() {
    local prefix folder
    for prefix in $prefixes; do
        for folder in $(library_folders "$prefix"); do
            have_library "$folder" jemalloc && return 0
        done
    done
    return 1
}

if [ "${1:-}" = "--has-jemalloc" ]; then
    have_jemalloc
    exit
fi

if have_cmark; then
    exit 0
fi

if [ "$(uname -s)" = "Darwin" ] && command -v brew >/dev/null 2>&1; then
    echo "Installing cmark-gfm with Homebrew…"
    brew install cmark-gfm pkg-config
elif command -v apt-get >/dev/null 2>&1; then
    echo "Installing cmark-gfm with apt-get…"
    apt_install libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
else
    echo "error: cmark-gfm is missing. Install libcmark-gfm-dev and libcmark-gfm-extensions-dev (Debian/Ubuntu) or 'brew install cmark-gfm' (macOS)." >&2
    exit 2
fi
