#!/usr/bin/env bash
# Serves the widget at http://127.0.0.1:8080 with live rebuilds. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}
export PATH="$CARGO_HOME/bin:$PWD/node_modules/.bin:$PATH"
echo "[run] serving on http://127.0.0.1:8080 (Ctrl-C stops)"
exec trunk serve "$@"
