#!/usr/bin/env bash
# Runs every server test file twice: on SQLite, then on PostgreSQL (TEST_PG_URL, default the
# local server). Each test file creates and drops its own database.
set -euo pipefail
cd "$(dirname "$0")/.."
# The test stores listen on 127.0.0.1, which production refuses by default (see README).
export ALLOW_PRIVATE_STORES=true
# A test that hangs fails after this long instead of stopping the run. Node applies the limit
# to each test and to each file as a whole, so the files that drive a real WordPress site
# (minutes of PHP on a busy machine) run in their own pass with a longer one.
TEST_TIMEOUT_MS=${TEST_TIMEOUT_MS:-120000}
SITE_TEST_TIMEOUT_MS=${SITE_TEST_TIMEOUT_MS:-900000}
mapfile -t all < <(find src test -name '*.test.ts' -not -path '*/node_modules/*' | sort)
if [ ${#all[@]} -eq 0 ]; then echo "no server tests found"; exit 1; fi
files=() site_files=()
for f in "${all[@]}"; do
  case "$f" in
    *.e2e.test.ts | test/wordpress-plugin.test.ts) site_files+=("$f") ;;
    *) files+=("$f") ;;
  esac
done
run_tests() { # dialect timeout files...
  local dialect=$1 timeout=$2; shift 2
  TEST_DB=$dialect node --import tsx --test --test-reporter=spec --test-concurrency=2 \
    --test-timeout="$timeout" "$@"
}
status=0
for dialect in sqlite postgres; do
  echo "== server tests on $dialect (${#files[@]} files, and ${#site_files[@]} on a WordPress site)"
  # The WordPress files mostly wait on PHP and MariaDB: they run beside the others.
  site_log=$(mktemp "${TMPDIR:-/tmp}/ecomdir-site-tests.XXXXXX")
  if [ ${#site_files[@]} -gt 0 ]; then
    run_tests "$dialect" "$SITE_TEST_TIMEOUT_MS" "${site_files[@]}" >"$site_log" 2>&1 &
  else
    true &
  fi
  site_pid=$!
  run_tests "$dialect" "$TEST_TIMEOUT_MS" "${files[@]}" || status=1
  wait "$site_pid" || status=1
  echo "== server tests on $dialect that drive a WordPress site"
  cat "$site_log"
  rm -f "$site_log"
done
exit $status
