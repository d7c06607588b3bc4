# HealthGuide: `make site` builds the guide into Site/, `make test` runs the tests.
# Both install the system libraries first when they are missing, and do nothing when they are not.

SWIFT ?= swift
BUILD_FLAGS ?=
HEALTHGUIDE = .build/debug/healthguide

.PHONY: site test serve check deps clean release bench e2e stress lint format

deps:
	@./scripts/install-system-deps.sh

$(HEALTHGUIDE): deps
	$(SWIFT) build --product healthguide

site: $(HEALTHGUIDE)
	$(HEALTHGUIDE) build $(BUILD_FLAGS)

check: $(HEALTHGUIDE)
	$(HEALTHGUIDE) check

test: deps
	$(SWIFT) test

# The code's layout, as .swift-format sets it (the toolchain's `swift format`); CI fails on
# any difference. `make format` rewrites the files to match.
FORMATTED = Package.swift Sources Tests
lint:
	$(SWIFT) format lint --strict --recursive --parallel $(FORMATTED)

format:
	$(SWIFT) format format --in-place --recursive --parallel $(FORMATTED)

clean:
	rm -rf .build Site

# Preview at http://127.0.0.1:4000/, rebuilding and reloading on every save; Ctrl-C stops it.
# `make serve PORT=4001` picks another port.
PORT ?= 4000
serve: $(HEALTHGUIDE)
	$(HEALTHGUIDE) serve --port $(PORT)

# The release build. On Linux the Swift runtime and Foundation are linked into the program:
# loading them as shared libraries took about 8 ms of every run (`healthguide --help`: 18 ms,
# now 10 ms), which every build after an edit pays.
# jemalloc (Debian's libjemalloc-dev) in place of glibc's malloc: a build makes and frees
# millions of small objects on every core, and glibc grows each thread's heap a page at a time.
# Builds after one edit took about an eighth less time with it. Linked only here, and only where
# it is installed: `swift build` and `swift test` need nothing but cmark-gfm. Its settings (2 MB
# pages for large regions) are in Sources/CAllocatorSettings.
LINUX = $(filter Linux,$(shell uname -s))
JEMALLOC_FLAGS = $(if $(LINUX),$(shell ./scripts/install-system-deps.sh --has-jemalloc && echo -Xlinker -ljemalloc))
RELEASE_FLAGS = -c release $(if $(LINUX),--static-swift-stdlib) $(JEMALLOC_FLAGS)

release: deps
	@$(if $(LINUX),$(if $(JEMALLOC_FLAGS),,echo "jemalloc is not installed (libjemalloc-dev): the release build uses the system's malloc"))
	$(SWIFT) build $(RELEASE_FLAGS) --product healthguide

# Benchmarks (release build); not part of `make test`. BENCH_SIZES and BENCH_RUNS override.
bench: release
	@test -x /usr/bin/time || ./scripts/install-system-deps.sh --apt time
	@# Hugo, to compare with on the same articles; the benchmark runs without it where apt-get is missing.
	@command -v hugo >/dev/null 2>&1 || ./scripts/install-system-deps.sh --apt hugo || true
	python3 bench/run.py

# Browser tests of the real site: every HTML file through the Nu HTML Checker, axe-core in
# headless Chromium (light and dark), screenshots into e2e/screenshots/, search by typing.
# Installs Debian's chromium and chromium-driver and a venv in e2e/.venv when missing.
e2e: $(HEALTHGUIDE)
	HEALTHGUIDE=$(HEALTHGUIDE) ./e2e/run.sh

# The preview server under load and attack, on loopback only: wrk, path traversal, oversized
# headers, slow clients, rebuilds during load. Not part of `make test`.
stress: $(HEALTHGUIDE)
	@command -v wrk >/dev/null 2>&1 || ./scripts/install-system-deps.sh --apt wrk
	HEALTHGUIDE=$(HEALTHGUIDE) python3 stress/run.py
