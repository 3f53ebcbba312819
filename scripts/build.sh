#!/usr/bin/env bash
# Release build of the site into dist/ (called by `make build`; run scripts/setup.sh first).
#
# Size: when the nightly toolchain has rust-src and the wasm32 target (setup.sh adds
# them), std is rebuilt for size (-Zbuild-std, optimize_for_size, panic=immediate-abort,
# no panic locations, no Debug formatting): about 16 KB less brotli than stable. A panic
# then traps at once; the page's loader turns any trap into the visible fault notice.
# Without them the build uses stable (same behaviour, bigger file). Override with
# JINYI_TOOLCHAIN=stable|nightly.
#
# After trunk, `postbuild` (site/) renders the page with its Leptos components into
# index.html, adds the page's scripts and the CSP, and writes the one-file build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# JINYI_DIST (default dist) and JINYI_FEATURES (e.g. fault-trigger, for the test build).
dist="${JINYI_DIST:-dist}"
features=()
[ -n "${JINYI_FEATURES:-}" ] && features=(--features "$JINYI_FEATURES")

nightly_ready() {
  rustup run nightly rustc --version >/dev/null 2>&1 &&
    [ -d "$(rustup run nightly rustc --print sysroot 2>/dev/null)/lib/rustlib/src/rust/library/std" ] &&
    rustup target list --toolchain nightly --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}

toolchain="${JINYI_TOOLCHAIN:-}"
if [ -z "$toolchain" ]; then
  if nightly_ready; then toolchain=nightly; else toolchain=stable; fi
fi

# trunk runs cargo --offline: fetch everything first (host and wasm, std's own deps too).
cargo fetch -q
if [ "$toolchain" = nightly ]; then
  export RUSTUP_TOOLCHAIN=nightly
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort"
  # Its own target dir, so stable builds (clippy, tests) and this one don't evict each other.
  export CARGO_TARGET_DIR="$PWD/target/size"
  cargo fetch -q --target wasm32-unknown-unknown
  echo "build: nightly, std rebuilt for size ($(rustc --version))"
else
  echo "build: stable ($(rustc --version)); nightly with rust-src and wasm32 would make it smaller"
fi
trunk build --release --dist "$dist" "${features[@]}"
unset RUSTUP_TOOLCHAIN CARGO_UNSTABLE_BUILD_STD CARGO_UNSTABLE_BUILD_STD_FEATURES RUSTFLAGS CARGO_TARGET_DIR
cargo run -q --release -p jinyi-site --bin postbuild -- "$dist"
