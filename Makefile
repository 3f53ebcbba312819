# 金义新区 Explorer — build / test entry points.  `make help` lists the targets.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# Tools the build must find: wasm-opt 132 from npm's binaryen (NOT Debian's 108, which
# breaks the wasm-bindgen output), then wasm-bindgen from cargo install.
PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export PATH

ADDR ?= 127.0.0.1:8080
SETUP := bash scripts/setup.sh
# Files pre-compressed next to the originals (foo.js -> foo.js.br, foo.js.gz).
COMPRESSIBLE := -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.svg'

.PHONY: help setup setup-browser build serve dist dist-faults test test-stress lint lint-wasm fmt bench clean

## help:    list the targets
help:
	@echo "Targets:"
	@sed -n 's/^## /  make /p' $(MAKEFILE_LIST)

## setup:   install/check the build tools (wasm-bindgen, wasm-opt, terser, brotli)
setup:
	@$(SETUP)

## setup-browser: as setup, plus the browser tests' engines and drivers (Chromium, Firefox ESR, WebKitGTK)
setup-browser:
	@$(SETUP) --browser

## build:   release build into dist/ (no compression)
# scripts/build.sh: cargo builds the Wasm (nightly size build when available, else
# stable), wasm-bindgen and wasm-opt process it, then postbuild (site/) renders the page
# into index.html, adds its scripts and the CSP, and writes the one-file build
# (dist/jinyi-explorer-offline.html).
build: setup
	bash scripts/build.sh

## serve:   release build, then serve dist/ with the dev server (ADDR=127.0.0.1:8080)
# jinyi-devserver alone: no bench or browser-test dependency is built for this.
# The server compiles alongside the release build (it needs nothing from it).
serve: setup
	cargo build -q -p jinyi-devserver --bin serve & server=$$!; \
	  bash scripts/build.sh; built=$$?; \
	  wait $$server && exit $$built
	cargo run -q -p jinyi-devserver --bin serve -- dist --addr $(ADDR)

## dist:    release build + pre-compressed .br/.gz copies of html/js/wasm/css/svg
# Each copy is written aside and renamed into place: a server reading dist/ meanwhile
# (a browser test, `make serve`) never sends half a file. (Compressed in place, a rebuild
# under a running test once served a cut-off .wasm.br: "CompileError … fell off end".)
dist: build
	find dist -type f \( $(COMPRESSIBLE) \) -print0 | xargs -0 -r -n 8 -P 2 sh -c \
	  'for f; do brotli -q 11 -c -- "$$f" > "$$f.br.part" && mv -f -- "$$f.br.part" "$$f.br" && \
	    gzip -9 -n -c -- "$$f" > "$$f.gz.part" && mv -f -- "$$f.gz.part" "$$f.gz" || exit 1; done' sh
	@echo "dist/ ready:" && du -sh dist

# The native lints ride on the test build: clippy-driver compiles the workspace's own
# crates (cargo's RUSTC_WORKSPACE_WRAPPER, which is how `cargo clippy` runs it too, with
# -D warnings in CLIPPY_ARGS as `cargo clippy -- -D warnings` passes it), so the
# dependencies are built once instead of also checked (`cargo clippy` alone: 2.5 min
# cold). Every native cargo step of `make test` runs with it (else the workspace's
# crates would build twice); setup.sh and build.sh's Wasm build drop it.
LINTED := env RUSTC_WORKSPACE_WRAPPER=clippy-driver CLIPPY_ARGS=-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__

## test:    everything CI runs: fmt check, clippy (native + wasm), dist, cargo test (browser tests in 3 engines)
test:
	@# Every tool at once (the fuzz run's too): missing ones compile side by side.
	@$(SETUP) --browser --fuzz
	cargo fmt --all -- --check
	@# The test build (target/debug, every target, linted) alongside the Wasm builds
	@# (target/size), whose last steps (one codegen unit, fat LTO) leave a core idle;
	@# the site step then shares the test build's crates.
	$(LINTED) cargo test --workspace --all-targets --no-run & tests=$$!; \
	  $(LINTED) $(MAKE) --no-print-directory dist dist-faults; site=$$?; \
	  wait $$tests && exit $$site
	@# Three threads: the browser tests wait on browsers as much as they compute
	@# (573 s against 654 s with two, on 2 cores). What they leave idle goes to the
	@# wasm32 lints and the fuzz build, at the lowest priority (nice 19), so they take
	@# the spare CPU and not the tests'; their output follows the tests'.
	nice -n 19 $(MAKE) --no-print-directory lint-wasm fuzz-build > target/alongside.log 2>&1 & alongside=$$!; \
	  $(LINTED) cargo test --workspace -- --test-threads=3; tests=$$?; \
	  wait $$alongside; lints=$$?; cat target/alongside.log; \
	  [ $$tests -eq 0 ] && [ $$lints -eq 0 ]
	$(MAKE) --no-print-directory fuzz-short

## test-stress: the browser tests 5 times in a row (RUNS=5) while stress-ng keeps every core busy (not in CI)
test-stress: setup-browser dist dist-faults
	@$(SETUP) --stress >/dev/null
	bash scripts/stress.sh

## dist-faults: the same site with the test-only `fault-trigger` feature, in target/dist-faults
dist-faults: setup
	JINYI_DIST=target/dist-faults JINYI_FEATURES=fault-trigger bash scripts/build.sh

## lint:    fmt check + clippy (native and wasm32), no build of dist/
lint: setup
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	$(MAKE) --no-print-directory lint-wasm

## lint-wasm: clippy -D warnings on the Wasm app (wasm32), with and without the test-only fault-trigger
lint-wasm:
	cargo clippy -p jinyi-explorer --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p jinyi-explorer --target wasm32-unknown-unknown --features fault-trigger -- -D warnings

## fmt:     format all Rust code in place
fmt:
	cargo fmt --all

## bench:   run the benchmark binary (jinyi-bench; needs `make dist` first)
bench: setup
	cargo run -q --release -p jinyi-bench --bin bench

## clean:   remove build outputs (target/, dist/); keeps node_modules/
clean:
	cargo clean
	rm -rf dist

# ---- Fuzzing: cargo-fuzz / libFuzzer over the core's URL and search entry points ----
# fuzz/ is its own workspace (see fuzz/README.md). Runs read the kept corpus
# (fuzz/corpus/<target>, committed) and write new finds to fuzz/target/fuzz-corpus/
# (ignored), so a run never dirties the tree; `make fuzz-cmin` folds finds back in.
# Nightly (with AddressSanitizer) when installed, else stable without a sanitizer.
# Leak checks off: the loader leaks the article on purpose (its types are 'static).
# The kept corpus is minimised on edges only (-use_counters=0 -use_cmp=0): small.
.PHONY: fuzz fuzz-build fuzz-short fuzz-cmin
FUZZ_TARGETS := url search
FUZZ_SECONDS ?= 300
FUZZ_NIGHTLY = $(shell rustup toolchain list 2>/dev/null | grep -q '^nightly' && echo 1)
FUZZ_CARGO = ASAN_OPTIONS=detect_leaks=0 cargo $(if $(FUZZ_NIGHTLY),+nightly) fuzz
FUZZ_SAN = $(if $(FUZZ_NIGHTLY),,--sanitizer none)
FUZZ_ARGS = -dict=$$t.dict -detect_leaks=0 -print_final_stats=1

## fuzz:    run each fuzz target for FUZZ_SECONDS (default 300) on the kept corpus
fuzz:
	@$(SETUP) --fuzz >/dev/null
	cd fuzz && for t in $(FUZZ_TARGETS); do \
	  mkdir -p target/fuzz-corpus/$$t; \
	  $(FUZZ_CARGO) run $(FUZZ_SAN) $$t target/fuzz-corpus/$$t corpus/$$t -- \
	    -max_total_time=$(FUZZ_SECONDS) $(FUZZ_ARGS) || exit 1; \
	done

## fuzz-build: build the fuzz targets (`make fuzz` runs them; make test builds them alongside the tests)
fuzz-build:
	@$(SETUP) --fuzz >/dev/null
	cd fuzz && $(FUZZ_CARGO) build $(FUZZ_SAN)

## fuzz-short: each fuzz target for 15 s (the check `make test` runs)
fuzz-short:
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=15

## fuzz-cmin: fold what `make fuzz` found into fuzz/corpus/ and minimise it
fuzz-cmin:
	@$(SETUP) --fuzz >/dev/null
	cd fuzz && for t in $(FUZZ_TARGETS); do \
	  mkdir -p target/fuzz-corpus/$$t; \
	  $(FUZZ_CARGO) run $(FUZZ_SAN) $$t corpus/$$t target/fuzz-corpus/$$t -- -merge=1 $(FUZZ_ARGS); \
	  $(FUZZ_CARGO) cmin $(FUZZ_SAN) $$t corpus/$$t -- -use_counters=0 -use_cmp=0 $(FUZZ_ARGS); \
	done
