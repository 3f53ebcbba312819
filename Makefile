# 金义新区 Explorer — build / test entry points.  `make help` lists the targets.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# Tools trunk must find: wasm-opt 132 from npm's binaryen (NOT Debian's 108, which
# breaks the wasm-bindgen output), then trunk / wasm-bindgen from cargo install.
PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export PATH

# trunk must never reach the network: no update check, no tool downloads
# (tool versions are pinned in Trunk.toml and installed by scripts/setup.sh).
export TRUNK_SKIP_VERSION_CHECK := true
export TRUNK_OFFLINE := true

ADDR ?= 127.0.0.1:8080
SETUP := bash scripts/setup.sh
# Files pre-compressed next to the originals (foo.js -> foo.js.br, foo.js.gz).
COMPRESSIBLE := -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.svg'

.PHONY: help setup setup-browser build serve dist test lint fmt bench clean

## help:    list the targets
help:
	@echo "Targets:"
	@sed -n 's/^## /  make /p' $(MAKEFILE_LIST)

## setup:   install/check the build tools (trunk, wasm-bindgen, wasm-opt, brotli)
setup:
	@$(SETUP)

## setup-browser: as setup, plus chromium + chromium-driver for the browser tests
setup-browser:
	@$(SETUP) --browser

## build:   release trunk build into dist/ (no compression)
# trunk runs `cargo build --offline`, so download any missing crates first.
build: setup
	cargo fetch -q
	trunk build --release

## serve:   release build, then serve dist/ with the project's static server (ADDR=127.0.0.1:8080)
serve: build
	cargo run -q --release -p jinyi-tools --bin serve -- dist --addr $(ADDR)

## dist:    release build + pre-compressed .br/.gz copies of html/js/wasm/css/svg
dist: build
	find dist -type f \( $(COMPRESSIBLE) \) -print0 | xargs -0 -r -n 8 -P 2 brotli -k -f -q 11
	find dist -type f \( $(COMPRESSIBLE) \) -print0 | xargs -0 -r gzip -k -f -9 -n
	@echo "dist/ ready:" && du -sh dist

## test:    everything CI runs: fmt check, clippy (native + wasm), dist, cargo test
test: setup-browser
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p jinyi-explorer --target wasm32-unknown-unknown -- -D warnings
	$(MAKE) --no-print-directory dist
	cargo test --workspace

## lint:    fmt check + clippy (native and wasm32), no build of dist/
lint: setup
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p jinyi-explorer --target wasm32-unknown-unknown -- -D warnings

## fmt:     format all Rust code in place
fmt:
	cargo fmt --all

## bench:   run the benchmark binary (jinyi-tools bench)
bench: setup
	cargo run -q --release -p jinyi-tools --bin bench

## clean:   remove build outputs (target/, dist/); keeps node_modules/
clean:
	cargo clean
	rm -rf dist
