#!/usr/bin/env bash
# `npm test`: every check and every test, in the order that fails fastest.
# Installs the Debian packages and starts the database services it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==== %s\n' "$*"; }
failed=()
run() {
  local name=$1; shift
  step "$name"
  if "$@"; then return 0; fi
  failed+=("$name")
}

step "system packages and services"
bash scripts/install-system-deps.sh
bash scripts/ensure-services.sh

# The plugin's suites (PHP + MariaDB, mostly waiting on HTTP and the database) run in the
# background while the Node steps below use the CPU; their output is shown at their step.
plugin_log=$(mktemp "${TMPDIR:-/tmp}/ecomdir-plugin-log.XXXXXX")
plugin_start=$(date +%s)
setsid bash plugin/bin/test.sh >"$plugin_log" 2>&1 </dev/null &
plugin_pid=$!
stop_plugin() {
  # Interrupted before the plugin step: stop its process group (bin/test.sh cleans up on TERM).
  if kill -0 "$plugin_pid" 2>/dev/null; then kill -- "-$plugin_pid" 2>/dev/null || true; wait "$plugin_pid" 2>/dev/null || true; fi
  rm -f "$plugin_log"
}
trap stop_plugin EXIT
plugin_step() {
  local status=0
  wait "$plugin_pid" || status=$?
  cat "$plugin_log"
  echo "(plugin tests ran in the background: $(( $(date +%s) - plugin_start ))s wall time)"
  return $status
}

run "typecheck" npm run typecheck
run "lint" npx eslint .
run "format" npx prettier --check .
run "generated API types up to date" npm run api:check
run "web build" npm run build -w web
run "server tests (SQLite and PostgreSQL)" npm test -w server
run "browser tests (Chromium)" npm run test:browser -w web
run "plugin tests (WordPress + WooCommerce + MariaDB)" plugin_step

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "all checks and tests passed"
