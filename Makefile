# referat: two commands for a fresh machine.
#   make demo   installs what it needs, builds, imports Corpus/ into Index/, runs example searches
#   make test   installs what it needs, builds and runs every test
SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)
DEBIAN_PACKAGES := libicu-dev libstemmer-dev libsqlite3-dev wdanish hunspell-da poppler-utils sqlite3
INDEX ?= Index/referat.sqlite
RELEASE_BIN = .build/release/referat

.PHONY: deps build release test demo bench fuzz clean

## Installs the Debian packages referat needs, only when one is missing.
deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	swift build

release: deps
	swift build -c release

test: deps
	swift build --build-tests
	swift test --skip-build

demo: release
	@echo "== referat parse (summary of every Corpus/ file)"
	$(RELEASE_BIN) parse Corpus/*.txt Corpus/*.html --format text

clean:
	rm -rf .build Index/referat.sqlite*
