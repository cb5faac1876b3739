#!/usr/bin/env bash
# Runs every server test file twice: on SQLite, then on PostgreSQL (TEST_PG_URL, default the
# local server). Each test file creates and drops its own database.
set -euo pipefail
cd "$(dirname "$0")/.."
# The test stores listen on 127.0.0.1, which production refuses by default (see README).
export ALLOW_PRIVATE_STORES=true
# A test that hangs fails after this long instead of stopping the run (per test, ms).
TEST_TIMEOUT_MS=${TEST_TIMEOUT_MS:-120000}
mapfile -t files < <(find src test -name '*.test.ts' -not -path '*/node_modules/*' | sort)
if [ ${#files[@]} -eq 0 ]; then echo "no server tests found"; exit 1; fi
status=0
for dialect in sqlite postgres; do
  echo "== server tests on $dialect (${#files[@]} files)"
  TEST_DB=$dialect node --import tsx --test --test-reporter=spec --test-concurrency=2 --test-timeout="$TEST_TIMEOUT_MS" "${files[@]}" || status=1
done
exit $status
