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

run "typecheck" npm run typecheck
run "lint" npx eslint .
run "format" npx prettier --check .
run "generated API types up to date" npm run api:check
run "web build" npm run build -w web
run "server tests (SQLite and PostgreSQL)" npm test -w server
run "browser tests (Chromium)" npm run test:browser -w web
run "plugin tests (WordPress + MariaDB)" bash plugin/bin/test.sh

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "all checks and tests passed"
