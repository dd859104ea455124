# HIT Salary: build, serve and test the static site. Run `make` for the targets.
#
# Needs Go (see go.mod). `make serve` and `make test` install what else they
# need on Debian (Chromium, Node, npm packages) with apt-get and npm.

VERSION ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)
BASE    ?= /hit-salary/
DOMAIN  ?=
ADDR    ?= 127.0.0.1:8080
DIST    ?= dist
FUZZTIME ?= 20s
GO      ?= go

CACHE   ?= .cache
WASM    := $(CACHE)/app.wasm
SERVE   := $(CACHE)/serve
# The wasm the site ships: app.wasm, app.wasm.xz and the xz decoder (npm).
XZ_DECODER := node_modules/xz-decompress/dist/package/xz-decompress.min.js
SITE_WASM  = -wasm $(WASM) -wasm-xz $(WASM).xz -xz-decoder $(XZ_DECODER)
# apt-get runs through sudo unless we are root (CI runs as root).
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT     := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get
WASM_EXEC = $(shell $(GO) env GOROOT)/lib/wasm/go_js_wasm_exec
# Packages whose tests also run as js/wasm under Node: the pure ones.
WASM_TEST_PKGS := ./app/estimate/... ./app/text/... ./app/saved/...

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.NOTPARALLEL:
.DELETE_ON_ERROR:

.PHONY: help build serve test bench fuzz clean poppler \
	wasm vet unit test-wasm e2e deps chromium node node_modules xz apt-update

help: ## Show this help
	@echo "HIT Salary. Usage: make [target] [VERSION=v] [BASE=/hit-salary/] [DOMAIN=host]"
	@echo
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sort | \
		awk 'BEGIN {FS = ":.*## "} {printf "  %-12s %s\n", $$1, $$2}'

build: wasm node_modules ## Write the deployable site for BASE to dist/
	$(GO) run ./build -out $(DIST) -base '$(BASE)' -version '$(VERSION)' -domain '$(DOMAIN)' $(SITE_WASM)

serve: build ## Build everything and serve it on http://127.0.0.1:8080/hit-salary/
	@mkdir -p $(CACHE)
	$(GO) build -o $(SERVE) ./build/serve
	@exec $(SERVE) -dir $(DIST) -base '$(BASE)' -addr $(ADDR)

test: deps vet unit test-wasm build e2e ## Run every check: vet, unit tests (native and js/wasm), build dist/, browser tests

vet: ## go vet (native and js/wasm) and gofmt
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./wasm/...
	@unformatted="$$(gofmt -l $$(git ls-files -co --exclude-standard '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*'))"; \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi

unit: ## Native unit tests (everything but the browser tests)
	$(GO) test $$($(GO) list ./... | grep -v '/build/e2e')

test-wasm: node ## Pure packages' tests compiled to js/wasm, run by Node
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_EXEC)" $(WASM_TEST_PKGS)

e2e: deps build ## Browser tests (headless Chromium) against a fresh dist/
	@# The update test deploys a second version: build it here, from the same app.wasm.
	@$(GO) run ./build -out $(CACHE)/dist-next -base '$(BASE)' -version e2e-next $(SITE_WASM) | tail -n 1
	HIT_DIST=$(abspath $(DIST)) HIT_DIST_NEXT=$(abspath $(CACHE)/dist-next) HIT_BASE='$(BASE)' \
		$(GO) test -count=1 -timeout 30m ./build/e2e/...

bench: build deps ## Measure the built site (size, start-up, input latency) with go run ./build/bench
	HIT_DIST=$(abspath $(DIST)) HIT_BASE='$(BASE)' $(GO) run ./build/bench

fuzz: ## Run every package's fuzz targets (Fuzz* in its tests) for FUZZTIME each (default 20s)
	@# The packages with fuzz targets, found in their test files; go test -list names them.
	@# (An assignment fails the recipe if go test -list does, say on a compile error.)
	@pkgs="$$(grep -rl --include='*_test.go' '^func Fuzz' app build wasm | xargs -r -n1 dirname | sort -u | sed 's|^|./|' || true)"; \
	if [ -z "$$pkgs" ]; then echo "no fuzz targets"; exit 1; fi; \
	for pkg in $$pkgs; do \
		targets="$$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz')"; \
		for f in $$targets; do \
			echo "== $$pkg $$f ($(FUZZTIME))"; \
			$(GO) test -run '^$$' -fuzz "^$$f\$$" -fuzztime $(FUZZTIME) $$pkg; \
		done; \
	done

clean: ## Remove dist/ and the build cache folder (not Go's cache)
	rm -rf $(DIST) $(CACHE) .$(notdir $(DIST)).tmp-*

# app.wasm and app.wasm.xz, built as build/wasmbuild says (go-app without its
# server, data segments merged, xz -9e). go build is incremental and xz is
# skipped when app.wasm did not change, so this is quick when nothing changed.
wasm: xz
	@mkdir -p $(CACHE)
	$(GO) run ./build/compile -pkg ./wasm -o $(WASM) -work $(CACHE)

# --- Set-up for a fresh Debian machine -------------------------------------

deps: chromium node node_modules xz poppler ## Install Chromium, Node, xz, poppler-utils and the npm packages the build and tests need (Debian)

apt-update:
	$(APT) update -qq

chromium: ## Install Debian's chromium unless /usr/bin/chromium (or CHROME_PATH) exists
	@if [ -x /usr/bin/chromium ] || [ -n "$${CHROME_PATH:-}" -a -x "$${CHROME_PATH:-}" ]; then exit 0; fi; \
	echo "installing chromium"; \
	$(MAKE) --no-print-directory apt-update; \
	$(APT) install -y -qq --no-install-recommends chromium fonts-liberation fonts-dejavu-core

xz: ## Install xz-utils unless xz exists (app.wasm.xz)
	@if command -v xz >/dev/null; then exit 0; fi; \
	echo "installing xz-utils"; \
	$(MAKE) --no-print-directory apt-update; \
	$(APT) install -y -qq --no-install-recommends xz-utils

poppler: ## Install poppler-utils unless pdftotext exists (the browser tests read printed PDFs)
	@if command -v pdftotext >/dev/null; then exit 0; fi; \
	echo "installing poppler-utils"; \
	$(MAKE) --no-print-directory apt-update; \
	$(APT) install -y -qq --no-install-recommends poppler-utils

node: ## Install Node.js and npm from Debian unless node exists
	@if command -v node >/dev/null && command -v npm >/dev/null; then exit 0; fi; \
	echo "installing nodejs and npm"; \
	$(MAKE) --no-print-directory apt-update; \
	$(APT) install -y -qq --no-install-recommends nodejs npm

node_modules: $(if $(wildcard package-lock.json),node_modules/.package-lock.json) ## npm ci (if package-lock.json exists)

node_modules/.package-lock.json: package-lock.json package.json | node
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@
