# referat: two commands for a fresh machine.
#   make demo   installs what it needs, builds, imports Corpus/ into Index/, runs example searches
#   make test   installs what it needs, builds and runs every test (and the browser test of `serve`)
SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)
DEBIAN_PACKAGES := libicu-dev libstemmer-dev libsqlite3-dev libzstd-dev zlib1g-dev libssl-dev wdanish hunspell-da poppler-utils sqlite3
INDEX ?= Index/referat.sqlite
RELEASE_BIN = .build/release/referat

.PHONY: deps browser-deps build release test demo bench quality fuzz clean

# The browser test's packages: Debian's Chromium and its driver (Selenium comes from PyPI).
BROWSER_PACKAGES := chromium chromium-driver

# Installs the Debian packages named in $(1), only those missing.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

## Installs the Debian packages referat needs, only when one is missing.
deps:
	$(call apt_install,$(DEBIAN_PACKAGES))

## What the browser test of `referat serve` needs: Chromium, chromedriver, Selenium.
browser-deps:
	$(call apt_install,$(BROWSER_PACKAGES))
	@python3 -c "import selenium" 2>/dev/null || python3 -m pip install -q selenium

build: deps
	swift build

release: deps
	swift build -c release

test: deps browser-deps
	swift build --build-tests
	swift test --skip-build
	python3 Tests/Browser/browser_test.py

demo: release
	@echo "== import Corpus/ into $(INDEX)"
	$(RELEASE_BIN) import Corpus --index $(INDEX)
	$(RELEASE_BIN) stats --index $(INDEX)
	@echo; echo "== an inflection: kommunerne"
	$(RELEASE_BIN) search kommunerne --index $(INDEX) --limit 3
	@echo; echo "== a compound part: bestyrelse (finds Kommunalbestyrelsen)"
	$(RELEASE_BIN) search bestyrelse --index $(INDEX) --limit 3
	@echo; echo "== a suspended hyphen: børneområdet (finds 'Børne- og ungeområdet')"
	$(RELEASE_BIN) search børneområdet --index $(INDEX) --limit 2
	@echo; echo "== Århus finds Aarhus; a typo gets a suggestion"
	$(RELEASE_BIN) search Århus --index $(INDEX) --limit 2
	-$(RELEASE_BIN) search psykiatrei --index $(INDEX)
	@echo; echo "== filters: decisions of the council (KB) in 2023"
	$(RELEASE_BIN) search godkendt udvalg:KB dato:2023 --index $(INDEX)
	@echo; echo "== a case's timeline and a person's record"
	$(RELEASE_BIN) show 23/222 --index $(INDEX)
	$(RELEASE_BIN) person Holm --index $(INDEX)

bench: release
	python3 Benchmarks/run.py
	python3 Benchmarks/quality.py
	python3 Benchmarks/serve.py

quality: release
	python3 Benchmarks/quality.py

fuzz:
	bash Benchmarks/fuzz.sh

clean:
	rm -rf .build Index/referat.sqlite*
