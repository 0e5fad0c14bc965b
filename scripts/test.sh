#!/usr/bin/env bash
# Every test tier, in order: native core tests, component tests in headless Chromium, the release
# build, end-to-end tests of the built site. Installs what is missing first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}
export PATH="$CARGO_HOME/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver CHROME_PATH=/usr/bin/chromium

step() { printf '\n\033[1m== %s ==\033[0m\n' "$1"; shift; "$@"; }

step "1/4 native tests (core: rules, validation, answers, properties, schema)" \
  cargo test --workspace --exclude brand-self-check
step "2/4 component tests (wasm-bindgen-test in headless Chromium)" \
  cargo test -p brand-self-check --target wasm32-unknown-unknown
step "3/4 release build (trunk, wasm-opt -Oz)" \
  trunk build --release
step "4/4 end-to-end tests (Playwright + Chromium against dist/)" \
  node --test --test-concurrency=1 e2e/
