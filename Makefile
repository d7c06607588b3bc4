# HealthGuide: `make site` builds the guide into Site/, `make test` runs the tests.
# Both install the cmark-gfm system library first when it is missing.

SWIFT ?= swift
BUILD_FLAGS ?=
HEALTHGUIDE = .build/debug/healthguide

.PHONY: site test serve check deps clean

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

clean:
	rm -rf .build Site
