# Two commands do everything (README): `make run` and `make test`.
.PHONY: run serve-build test build release debug bench fuzz tsan audit deps clean format

PORT ?= 8080

deps:
	@bash scripts/install-deps.sh
	@bash scripts/vendor.sh

release: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release

# `make run` builds only the server (not the tests or benchmarks), with ninja's [n/N] progress.
serve-build: deps
	@cmake --preset release >/dev/null
	@echo "Building the server (build/release/brilliant); the first build takes several minutes on 2 cores."
	@cmake --build --preset release --target brilliant

run: serve-build
	@bash scripts/run.sh $(PORT)

test:
	@bash scripts/install-deps.sh test
	@bash scripts/vendor.sh
	@bash scripts/test.sh

bench: release
	@bash scripts/install-deps.sh bench
	@bash bench/run.sh
	@bash bench/photos.sh
	@bash bench/studio.sh
	@bash bench/station.sh
	@bash bench/orders.sh
	@bash bench/orders_http.sh
	@bash bench/backup.sh
	@bash bench/live.sh
	@bash bench/recommend.sh
	@bash bench/campaign.sh
	@bash bench/cluster.sh
	@bash bench/big_catalog.sh 10000
	@bash bench/big_catalog.sh 100000

fuzz:
	@bash scripts/install-deps.sh test
	@bash tests/fuzz/run.sh

# ThreadSanitizer: the HTTP tests on SQLite and a short concurrent load (tests/tsan.supp explains
# each suppression: races inside libraries built without TSan).
tsan:
	@bash scripts/install-deps.sh test
	@bash scripts/tsan.sh

# Lighthouse 12.2.3 on home, listing, product, search and checkout, phone and desktop (release build).
audit: release
	@bash scripts/install-deps.sh test
	@[ -d tests/e2e/node_modules/playwright-core ] || (cd tests/e2e && npm ci --no-audit --no-fund --silent)
	@[ -d tests/audit/node_modules/lighthouse ] || (cd tests/audit && npm ci --no-audit --no-fund --silent)
	@BRILLIANT_BINARY=$(CURDIR)/build/release/brilliant node tests/audit/run.mjs

format:
	@clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')

clean:
	@rm -rf build
