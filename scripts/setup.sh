#!/usr/bin/env bash
# Installs what building and testing need, and only what is missing. Idempotent; says what it does.
#   scripts/setup.sh build   — Rust wasm target, Trunk, wasm-bindgen-cli, wasm-split-cli, node packages (wasm-opt)
#   scripts/setup.sh test    — the above, plus Chromium, chromedriver and CJK fonts from Debian, and
#                              the old Chromium kernels 86/88/90/92 (npm packages, unpacked once)
# Needs: Debian 12 with rustup's stable toolchain, Node.js/npm (installed from Debian if absent).
set -euo pipefail
mode=${1:-test}
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[setup] failed:\033[0m %s\n' "$*" >&2; exit 1; }

export CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}
export PATH="$CARGO_HOME/bin:$PWD/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14

command -v cargo >/dev/null && command -v rustup >/dev/null \
  || die "cargo and rustup are needed (install Rust's stable toolchain with rustup first)"

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null && sudo="sudo"; } || die "root or sudo needed to install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq || die "apt-get update failed"
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} failed"
}

# 1. The wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown || die "rustup target add wasm32-unknown-unknown"
fi

# 1b. rustfmt and clippy, for the checks that open `make test` (rustup's default profile has them).
for component in rustfmt clippy; do
  tool=$([ "$component" = clippy ] && echo clippy || echo fmt)
  if ! cargo "$tool" --version >/dev/null 2>&1; then
    say "adding the Rust component $component"
    rustup component add "$component" || die "rustup component add $component"
  fi
done

# 2. Trunk, exactly this version (0.22 needs a newer rustc than this machine's).
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (cargo install, about 5 minutes)"
  cargo install --locked "trunk@$TRUNK_VERSION" || die "cargo install trunk@$TRUNK_VERSION"
fi

# 3. wasm-bindgen-cli of exactly the version in Cargo.lock (Trunk refuses any other offline).
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$WB_VERSION" ] || die "could not read the wasm-bindgen version from Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB_VERSION" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WB_VERSION (cargo install, about 4 minutes)"
  # Not --locked: its lock file names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force || die "cargo install wasm-bindgen-cli $WB_VERSION"
fi

# 3b. wasm-split-cli (crate wasm_split_cli_support), which cuts the split points of src/parts.rs
#    out of the release wasm (scripts/postbuild.mjs); this version reads what wasm_split_helpers
#    0.2.3 (Cargo.toml, pinned) writes.
WS_VERSION=0.2.4
if ! cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$WS_VERSION:"; then
  say "installing wasm-split-cli $WS_VERSION (cargo install, about 2 minutes)"
  cargo install --locked wasm_split_cli_support --version "$WS_VERSION" --features build-binary --force \
    || die "cargo install wasm_split_cli_support $WS_VERSION"
fi

# 4. Node.js and the node packages: wasm-opt (binaryen), playwright-core, axe-core, Lighthouse,
#    puppeteer-core 10 and the old Chromium kernels (chrome-aws-lambda, about 185 MB).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi
lock_sha=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.setup-lock-sha 2>/dev/null)" != "$lock_sha" ]; then
  say "installing node packages from package-lock.json (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error || die "npm ci"
  echo "$lock_sha" > node_modules/.setup-lock-sha
fi
wasm-opt --version >/dev/null 2>&1 || die "wasm-opt from node_modules/.bin does not run"

# 5. For the browser tests: Chromium, its driver, and fonts that draw Chinese text.
if [ "$mode" = test ]; then
  apt_install chromium chromium-driver fonts-noto-cjk
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || die "chromium or chromedriver missing after install"
  # 6. The old Chromium kernels the widget is tested in (86, 88, 90, 92): npm ci above installed them
  # (chrome-aws-lambda, pinned under aliases in package.json); unpack them once and check each.
  node scripts/kernels.mjs | sed 's/^\([0-9]\)/old kernel \1/' || die "the old Chromium kernels (node scripts/kernels.mjs)"
fi
say "ready ($mode): $(trunk --version), $(wasm-bindgen --version), wasm-split-cli $WS_VERSION, wasm-opt $(wasm-opt --version | awk '{print $3}'), node $(node --version)"
