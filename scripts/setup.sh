#!/usr/bin/env bash
# Ensure every tool needed to build (and, with --browser, to test) the
# 金义新区 Explorer is installed, at the right version.
#
# Idempotent: when everything is already present it only checks (well under
# two seconds) and prints one "ok …" line per item. Anything missing is
# installed and announced with an "installing …" line.
#
#   scripts/setup.sh            build tools: rustup bits, wasm-bindgen,
#                               npm deps (wasm-opt 132, terser, axe-core, lighthouse
#                               for `make bench`), brotli
#   scripts/setup.sh --browser  also the three engines of the browser tests and their
#                               drivers: chromium + chromium-driver, firefox-esr +
#                               geckodriver (crates.io), webkit2gtk-driver (WebKitGTK's
#                               MiniBrowser) + xvfb (its display), and CJK fonts
#   scripts/setup.sh --fuzz     also cargo-fuzz (fuzz/; nightly is used when present)
#   scripts/setup.sh --stress   also stress-ng (`make test-stress` loads the machine with it)
#
# Only the registries (crates.io, npm, Debian) are used. No bundler is installed:
# scripts/build.sh runs cargo, wasm-bindgen and wasm-opt, and site/ does the rest.
set -euo pipefail
# Tools are installed as they are, never linted: `make test` lints its own build with
# clippy-driver as cargo's workspace wrapper, which `cargo install` would otherwise use.
unset RUSTC_WORKSPACE_WRAPPER CLIPPY_ARGS

readonly WASM_OPT_MAJOR="132"
readonly WASM_TARGET="wasm32-unknown-unknown"
readonly CARGO_FUZZ_VERSION="0.13.2"
# Firefox's WebDriver server; 0.37 drives Firefox ESR 128 and later (Debian has 140).
readonly GECKODRIVER_VERSION="0.37.1"

usage() {
    sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
}

browser=0
fuzz=0
stress=0
for arg in "$@"; do
    case "$arg" in
        --browser) browser=1 ;;
        --fuzz) fuzz=1 ;;
        --stress) stress=1 ;;
        -h | --help)
            usage
            exit 0
            ;;
        *)
            echo "setup: unknown argument '$arg' (try --help)" >&2
            exit 2
            ;;
    esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Same lookup order as the Makefile, so we check the binaries the build will use.
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

ok() { printf 'ok %s\n' "$*"; }
installing() { printf 'installing %s\n' "$*"; }
die() {
    printf 'setup: ERROR: %s\n' "$*" >&2
    exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }

# --- apt helpers ---------------------------------------------------------------

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    if have sudo; then SUDO=(sudo); fi
fi
apt_updated=0

apt_install() {
    have apt-get || die "apt-get not found; please install manually: $*"
    local env=(env DEBIAN_FRONTEND=noninteractive)
    # `apt-get update` only when something is actually missing, and at most once;
    # skip it if package lists are present and the install works without it.
    if [ "$apt_updated" -eq 0 ] && compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
        if "${SUDO[@]}" "${env[@]}" apt-get install -y -qq --no-install-recommends "$@" >/tmp/setup-apt.log 2>&1; then
            return 0
        fi
    fi
    if [ "$apt_updated" -eq 0 ]; then
        "${SUDO[@]}" "${env[@]}" apt-get update -qq >/tmp/setup-apt.log 2>&1 ||
            die "apt-get update failed (see /tmp/setup-apt.log)"
        apt_updated=1
    fi
    "${SUDO[@]}" "${env[@]}" apt-get install -y -qq --no-install-recommends "$@" >/tmp/setup-apt.log 2>&1 ||
        die "apt-get install $* failed (see /tmp/setup-apt.log)"
}

ensure_apt_packages() {
    local missing=() p
    for p in "$@"; do
        if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
            ok "apt $p"
        else
            missing+=("$p")
        fi
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        installing "apt ${missing[*]}"
        apt_install "${missing[@]}"
        for p in "${missing[@]}"; do
            dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
                die "apt package $p still not installed after apt-get install"
            ok "apt $p"
        done
    fi
}

# If another process is already running `cargo install <crate>` (e.g. a previous
# setup in another terminal), wait for it instead of racing it.
wait_for_cargo_install() {
    local crate="$1" waited=0
    while pgrep -f "cargo install ${crate}( |\$)" >/dev/null 2>&1; do
        if [ "$waited" -eq 0 ]; then
            echo "waiting for a running 'cargo install ${crate}' to finish …"
            waited=1
        fi
        sleep 5
    done
}

# start_cargo_tool CRATE VERSION VERSION_FN WHAT [cargo install options…]: keep CRATE
# if VERSION_FN prints VERSION, else start `cargo install` of it at VERSION in the
# background (after any install of it already running). WHAT says how long it takes.
# Missing tools compile side by side: each install alone leaves a core idle in its
# serial steps (downloads, the last crates, linking). finish_cargo_tools waits for
# them and checks each result.
started_crates=()
start_cargo_tool() {
    local crate="$1" version="$2" version_fn="$3" what="$4"
    shift 4
    if [ "$("$version_fn")" = "$version" ]; then
        ok "$crate $version"
        return
    fi
    wait_for_cargo_install "$crate"
    if [ "$("$version_fn")" = "$version" ]; then
        ok "$crate $version"
        return
    fi
    installing "$crate $version ($what; found: '$("$version_fn")')"
    local log
    log="$(mktemp "${TMPDIR:-/tmp}/setup-$crate.XXXXXX")"
    cargo install "$crate" --version "$version" --force "$@" >"$log" 2>&1 &
    started_crates+=("$crate $version $version_fn $! $log")
}

finish_cargo_tools() {
    local entry crate version version_fn pid log failed=0
    for entry in "${started_crates[@]}"; do
        read -r crate version version_fn pid log <<<"$entry"
        if ! wait "$pid"; then
            cat "$log" >&2
            printf 'setup: ERROR: cargo install %s %s failed (its output is above)\n' "$crate" "$version" >&2
            failed=1
        elif [ "$("$version_fn")" != "$version" ]; then
            printf "setup: ERROR: %s %s installed but it reports '%s'\n" "$crate" "$version" "$("$version_fn")" >&2
            failed=1
        else
            ok "$crate $version"
        fi
        rm -f "$log"
    done
    started_crates=()
    [ "$failed" -eq 0 ] || exit 1
}

# --- Rust toolchain ------------------------------------------------------------

have rustup || die "rustup not found; install Rust via https://rustup.rs first"
have cargo || die "cargo not found on PATH"

installed_components="$(rustup component list --installed 2>/dev/null)" ||
    die "'rustup component list' failed"
for comp in rustfmt clippy; do
    if grep -q "^${comp}" <<<"$installed_components"; then
        ok "rustup component $comp"
    else
        installing "rustup component $comp"
        rustup component add "$comp" || die "rustup component add $comp failed"
    fi
done

if rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"; then
    ok "rustup target $WASM_TARGET"
else
    installing "rustup target $WASM_TARGET"
    rustup target add "$WASM_TARGET" || die "rustup target add $WASM_TARGET failed"
fi

# Optional: the size build (scripts/build.sh) rebuilds std with nightly. Used only when
# the machine has a nightly toolchain; its rust-src and wasm32 target are added here.
# Any failure just means the stable build (larger wasm) is used.
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    nightly_parts="$(rustup component list --toolchain nightly --installed 2>/dev/null || true)"
    if grep -q '^rust-src' <<<"$nightly_parts"; then
        ok "nightly rust-src (size build)"
    else
        installing "nightly rust-src (size build)"
        rustup component add rust-src --toolchain nightly ||
            printf 'note: nightly rust-src unavailable: the build falls back to stable\n'
    fi
    if rustup target list --toolchain nightly --installed 2>/dev/null | grep -qx "$WASM_TARGET"; then
        ok "nightly target $WASM_TARGET (size build)"
    else
        installing "nightly target $WASM_TARGET (size build)"
        rustup target add "$WASM_TARGET" --toolchain nightly ||
            printf 'note: nightly %s unavailable: the build falls back to stable\n' "$WASM_TARGET"
    fi
else
    ok "no nightly toolchain: stable build (larger wasm)"
fi

# A C compiler/linker is needed by `cargo install` (and by build scripts).
if have cc; then
    ok "cc"
else
    ensure_apt_packages gcc libc6-dev
fi

# --- wasm-bindgen-cli (must equal the wasm-bindgen crate in Cargo.lock) -------

lock_version() {
    awk -v want="$1" '
        /^\[\[package\]\]/ { name = "" }
        /^name = / { gsub(/"/, "", $3); name = $3 }
        /^version = / && name == want { gsub(/"/, "", $3); print $3; exit }
    ' Cargo.lock
}

if [ ! -f Cargo.lock ]; then
    installing "Cargo.lock (cargo generate-lockfile)"
    cargo generate-lockfile -q || die "Cargo.lock is missing and 'cargo generate-lockfile' failed"
fi
WBG_VERSION="$(lock_version wasm-bindgen)"
[ -n "$WBG_VERSION" ] || die "no wasm-bindgen package found in Cargo.lock"

wbg_version() { wasm-bindgen --version 2>/dev/null | awk '{print $2}'; }
# Note: `--locked` does not work for wasm-bindgen-cli here; without it is fine.
# Unoptimised (like geckodriver and cargo-fuzz): it compiles in less time than an
# optimised build, writes the same bytes, and runs twice per build for ~2 s each.
start_cargo_tool wasm-bindgen-cli "$WBG_VERSION" wbg_version "cargo install --debug, ~2 min" --debug

# --- cargo-fuzz (--fuzz only) --------------------------------------------------

if [ "$fuzz" -eq 1 ]; then
    cargo_fuzz_version() { cargo fuzz --version 2>/dev/null | awk '{print $2}'; }
    # Unoptimised (`--debug`, no debug info), like geckodriver: it only starts cargo
    # and libFuzzer, and it compiles in about a minute instead of three.
    CARGO_PROFILE_DEV_DEBUG=0 start_cargo_tool cargo-fuzz "$CARGO_FUZZ_VERSION" \
        cargo_fuzz_version "cargo install --debug, ~1 min" --locked --debug
    # No toolchain can be fetched here, so nightly is used only when it is installed
    # (AddressSanitizer); otherwise the Makefile fuzzes on stable without a sanitizer.
    if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
        ok "rustup toolchain nightly (fuzzing with AddressSanitizer)"
    else
        ok "no nightly toolchain: fuzzing on stable without a sanitizer"
    fi
    # libFuzzer is C++, compiled by libfuzzer-sys.
    have c++ || ensure_apt_packages g++
fi

# --- node / npm deps (binaryen's wasm-opt, terser, axe-core, lighthouse) ---------

if have node && have npm; then
    ok "node $(node --version)"
else
    ensure_apt_packages nodejs npm
    have node && have npm || die "node/npm still not on PATH after installing nodejs npm"
fi

[ -f package-lock.json ] || die "package-lock.json missing (run 'npm install' once and commit it)"
# npm writes node_modules/.package-lock.json on every install: use it as a stamp.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/lighthouse ] ||
    [ ! -f node_modules/.package-lock.json ] ||
    [ package-lock.json -nt node_modules/.package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ]; then
    installing "npm deps (npm ci)"
    npm ci --no-audit --no-fund --no-progress --loglevel=error >/tmp/setup-npm.log 2>&1 ||
        { cat /tmp/setup-npm.log >&2; die "npm ci failed"; }
fi
wasm_opt_out="$(node_modules/.bin/wasm-opt --version 2>&1 || true)"
case "$wasm_opt_out" in
    "wasm-opt version ${WASM_OPT_MAJOR} "* | "wasm-opt version ${WASM_OPT_MAJOR}") ok "wasm-opt ${WASM_OPT_MAJOR} (node_modules/binaryen)" ;;
    *) die "node_modules/.bin/wasm-opt reports '${wasm_opt_out}', expected version ${WASM_OPT_MAJOR} (check package.json / run npm ci)" ;;
esac
[ -f node_modules/axe-core/axe.min.js ] || die "node_modules/axe-core missing (run npm ci)"
ok "axe-core $(sed -n 's/^  "version": "\(.*\)",$/\1/p' node_modules/axe-core/package.json)"
# Lighthouse (`make bench`) drives Debian's chromium through CHROME_PATH; it has no
# browser of its own and never downloads one.
[ -x node_modules/.bin/lighthouse ] || die "node_modules/.bin/lighthouse missing (run npm ci)"
ok "lighthouse $(sed -n 's/^  "version": "\(.*\)",$/\1/p' node_modules/lighthouse/package.json)"

# --- Debian packages -----------------------------------------------------------

apt_packages=(brotli)
if [ "$browser" -eq 1 ]; then
    # Fonts: the page is Chinese; without a CJK font headless chromium renders
    # tofu and text metrics differ from the dev machine.
    # Three engines: Chromium, Firefox ESR, WebKitGTK (MiniBrowser comes with
    # webkit2gtk-driver's libwebkit2gtk-4.1-0; it has no headless mode, so the tests
    # give it an Xvfb display of its own).
    apt_packages+=(chromium chromium-driver firefox-esr webkit2gtk-driver xvfb)
    apt_packages+=(fonts-noto-cjk fonts-liberation)
fi
[ "$stress" -eq 1 ] && apt_packages+=(stress-ng)
ensure_apt_packages "${apt_packages[@]}"

# --- geckodriver (--browser only): Firefox's WebDriver server, from crates.io ----

if [ "$browser" -eq 1 ]; then
    geckodriver_version() { geckodriver --version 2>/dev/null | awk 'NR == 1 {print $2}'; }
    # An unoptimised build (`--debug`, no debug info): it only relays WebDriver commands
    # to Firefox, and it compiles in under a minute instead of ~4.
    CARGO_PROFILE_DEV_DEBUG=0 start_cargo_tool geckodriver "$GECKODRIVER_VERSION" \
        geckodriver_version "cargo install --debug, ~1 min" --locked --debug
fi

finish_cargo_tools
echo "setup complete"
