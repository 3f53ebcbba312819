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
# Steps: cargo builds the app's Wasm (Leptos `hydrate`); wasm-bindgen (at Cargo.lock's
# version) writes its glue; wasm-opt -Oz (npm's binaryen) shrinks it; then `postbuild`
# (site/) renders the page with the same Leptos components, inlines the glue, the
# scripts and the style, adds the CSP, hashes the Wasm's name and writes the one-file
# build. No bundler: the site step does what one would.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# JINYI_DIST (default dist) and JINYI_FEATURES (e.g. fault-trigger, for the test build).
dist="${JINYI_DIST:-dist}"
features=()
[ -n "${JINYI_FEATURES:-}" ] && features=(--features "$JINYI_FEATURES")

# The site step's native build (dev profile) starts now, alongside the Wasm's release
# build, whose last steps (one codegen unit, fat LTO) leave a core idle.
cargo build -q -p jinyi-site --bin postbuild &
site_build=$!
trap 'kill "$site_build" 2>/dev/null || true' EXIT

nightly_ready() {
  rustup run nightly rustc --version >/dev/null 2>&1 &&
    [ -d "$(rustup run nightly rustc --print sysroot 2>/dev/null)/lib/rustlib/src/rust/library/std" ] &&
    rustup target list --toolchain nightly --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}

toolchain="${JINYI_TOOLCHAIN:-}"
if [ -z "$toolchain" ]; then
  if nightly_ready; then toolchain=nightly; else toolchain=stable; fi
fi

if [ "$toolchain" = nightly ]; then
  export RUSTUP_TOOLCHAIN=nightly
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort"
  # Its own target dir, so stable builds (clippy, tests) and this one don't evict each other.
  export CARGO_TARGET_DIR="$PWD/target/size"
  echo "build: nightly, std rebuilt for size ($(rustc --version))"
else
  echo "build: stable ($(rustc --version)); nightly with rust-src and wasm32 would make it smaller"
fi
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
# Never through clippy-driver (`make test` lints its native build with it): the Wasm is
# linted by `cargo clippy --target wasm32-unknown-unknown`, and clippy's compiler settings
# are not the release build's.
env -u RUSTC_WORKSPACE_WRAPPER -u CLIPPY_ARGS \
  cargo build --release --target wasm32-unknown-unknown -p jinyi-explorer --bin jinyi-explorer "${features[@]}"
unset RUSTUP_TOOLCHAIN CARGO_UNSTABLE_BUILD_STD CARGO_UNSTABLE_BUILD_STD_FEATURES RUSTFLAGS CARGO_TARGET_DIR
# One stage folder per output, so the release and the fault-trigger builds never share one.
stage="$PWD/target/stage/$(basename "$dist")"
rm -rf "$stage"
mkdir -p "$stage"
wasm-bindgen --target web --no-typescript --out-dir "$stage" --out-name jinyi-explorer \
  "$target_dir/wasm32-unknown-unknown/release/jinyi-explorer.wasm"
wasm-opt -Oz --output "$stage/jinyi-explorer_bg.wasm" "$stage/jinyi-explorer_bg.wasm"
# The site step in the dev profile: it renders one page, so optimising it is wasted
# time, and `cargo test` builds the same crates in this profile (the release profile is
# the Wasm's: opt-level z, fat LTO, one codegen unit, minutes for a native binary).
wait "$site_build"
cargo run -q -p jinyi-site --bin postbuild -- "$stage" "$dist"
