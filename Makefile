# referat: two commands for a fresh machine.
#   make demo   installs what it needs, builds, imports Corpus/ into Index/, runs example searches
#   make test   installs what it needs, builds and runs every test
SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)
DEBIAN_PACKAGES := libicu-dev libstemmer-dev libsqlite3-dev libzstd-dev zlib1g-dev libssl-dev wdanish hunspell-da poppler-utils sqlite3
INDEX ?= Index/referat.sqlite
RELEASE_BIN = .build/release/referat

.PHONY: deps build release test demo bench quality fuzz clean

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

quality: release
	python3 Benchmarks/quality.py

fuzz:
	bash Benchmarks/fuzz.sh

clean:
	rm -rf .build Index/referat.sqlite*
