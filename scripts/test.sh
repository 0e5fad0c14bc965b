#!/usr/bin/env bash
# Every test tier, in order: formatting and lints, native tests of the core and of the shell's pure
# parts, component tests in headless Chromium, the release build, end-to-end tests of the built site.
# Installs what is missing first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}
export PATH="$CARGO_HOME/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver CHROME_PATH=/usr/bin/chromium

step() { printf '\n\033[1m== %s ==\033[0m\n' "$1"; shift; "$@"; }

step "1/6 formatting and lints (rustfmt, clippy -D warnings, native and wasm)" \
  sh -c 'cargo fmt --all --check && cargo clippy --workspace --all-targets -- -D warnings \
    && cargo clippy -p brand-self-check --all-targets --target wasm32-unknown-unknown -- -D warnings'
step "2/6 native tests (core: rules, validation, answers, properties, schema; CLI)" \
  cargo test --workspace --exclude brand-self-check
step "3/6 native tests of the shell (state transitions, downloaded document, tidy checks)" \
  cargo test -p brand-self-check --lib --test tidy
step "4/6 component tests (wasm-bindgen-test in headless Chromium)" \
  cargo test -p brand-self-check --target wasm32-unknown-unknown
step "5/6 release build (trunk, wasm-opt -Oz)" \
  trunk build --release
step "6/6 end-to-end tests (Playwright + Chromium against dist/)" \
  node --test --test-concurrency=1 e2e/
