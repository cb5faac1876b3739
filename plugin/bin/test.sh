#!/usr/bin/env bash
# The plugin's test suite, the single entry point `npm test` calls:
#   system deps -> php -l on every file -> zip -> PHPUnit on real WordPress + WooCommerce sites,
#   one suite per (WordPress version, order storage, compatibility sync), several at a time.
# Everything it starts (php -S servers, databases, temp folders) is removed on exit, also on failure.
#
# The matrix (plugin/tests/README.md says why):
#   WordPress 7.0.4 x {HPOS + sync on, legacy + sync on, legacy + sync off}
#   WordPress 6.8.8 x {HPOS + sync on, legacy + sync off}
# ECOMDIR_PLUGIN_SUITES="7.0:hpos:on 6.8:legacy:off" runs a subset; ECOMDIR_PLUGIN_JOBS (default 5, all)
# how many suites run at once (they mostly wait on MariaDB, HTTP and the feed's settle window).
set -euo pipefail
plugin_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
repo_root=$(cd "$plugin_root/.." && pwd)
start=$(date +%s)

bash "$repo_root/scripts/install-system-deps.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/ecomdir-plugin-test.XXXXXX")
cleanup() {
  # Suites still running (interrupted run): their process groups, then their sites.
  for f in "$work"/suite-*.pid; do
    [ -f "$f" ] && { kill -- "-$(cat "$f")" 2>/dev/null || true; }
  done
  for f in "$work"/*/site.dir; do
    [ -f "$f" ] && "$plugin_root/tests/harness/stop-site.sh" "$(cat "$f")" >/dev/null 2>&1 || true
  done
  # Servers the tests started (fake ecomdir) if a test died before stopping them.
  for f in "$work"/*/server-*.pid; do
    [ -f "$f" ] && { kill -- "-$(cat "$f")" 2>/dev/null || kill "$(cat "$f")" 2>/dev/null || true; }
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap "exit 143" INT TERM

echo "== php -l"
lint_fail=0
while IFS= read -r -d '' f; do
  php -l "$f" >/dev/null 2>"$work/lint.err" || { cat "$work/lint.err"; lint_fail=1; }
done < <(find "$plugin_root" -name '*.php' -print0)
[ "$lint_fail" = 0 ] || { echo "php -l failed"; exit 1; }

echo "== zip"
zip_path=$("$plugin_root/bin/zip.sh" "$work/dist")

# One suite: a site, PHPUnit against it, the site's PHP errors, the site stopped. Output to $out/log.
suite() {
  local wp=$1 mode=$2 sync=$3 out=$4 site dir status=0 group=()
  mkdir -p "$out"
  if ! site=$("$plugin_root/tests/harness/start-site.sh" --wp "$wp" --mode "$mode" --sync "$sync" 2>"$out/start.err"); then
    cat "$out/start.err"; echo "start-site.sh failed"; return 1
  fi
  dir=$(php -r 'echo json_decode($argv[1])->dir;' "$site")
  echo "$dir" >"$out/site.dir"
  # The "once" group (connect flow, translations, files, zip) runs on the first suite only.
  [ "$out" = "$work/s1" ] || group=(--exclude-group once)
  ECOMDIR_TEST_SITE_DIR="$dir" ECOMDIR_TEST_WORK="$out" ECOMDIR_TEST_ZIP="$zip_path" \
    phpunit -c "$plugin_root/tests/phpunit.xml.dist" "${group[@]}" || status=1
  # PHP errors raised inside the site by the plugin (core's and WooCommerce's own deprecations are not ours).
  if grep -E 'PHP (Fatal|Warning|Notice|Deprecated).*plugins/ecomdir-connect/' "$dir/debug.log" 2>/dev/null; then
    echo "PHP errors from the plugin (above)"; status=1
  fi
  if grep -E 'PHP Fatal' "$dir/debug.log" 2>/dev/null; then
    echo "PHP fatal errors in the site (above)"; status=1
  fi
  "$plugin_root/tests/harness/stop-site.sh" "$dir" >/dev/null 2>&1 && rm -f "$out/site.dir"
  return $status
}

suites=(${ECOMDIR_PLUGIN_SUITES:-7.0:hpos:on 7.0:legacy:on 7.0:legacy:off 6.8:hpos:on 6.8:legacy:off})
jobs_max=${ECOMDIR_PLUGIN_JOBS:-5}
declare -A pid_of=()
i=0
for s in "${suites[@]}"; do
  i=$((i + 1))
  IFS=: read -r wp mode sync <<<"$s"
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n || true; done
  echo "== suite $i: WordPress $wp, $mode storage, compatibility sync $sync (started at +$(( $(date +%s) - start ))s)"
  # setsid: its own process group, so an interrupted run can stop the whole suite.
  setsid bash -c "$(declare -f suite); plugin_root='$plugin_root' work='$work' zip_path='$zip_path' suite $wp $mode $sync '$work/s$i'" \
    >"$work/suite-$i.log" 2>&1 &
  pid_of[$i]=$!
  echo "${pid_of[$i]}" >"$work/suite-$i.pid"
done

status=0
summary=()
i=0
for s in "${suites[@]}"; do
  i=$((i + 1))
  if wait "${pid_of[$i]}"; then r=passed; else r=FAILED; status=1; fi
  rm -f "$work/suite-$i.pid"
  echo
  echo "== suite $i ($s): $r"
  cat "$work/suite-$i.log"
  summary+=("suite $i WordPress ${s//:/ \/ } $r: $(grep -E '^(OK|Tests:|FAILURES|ERRORS)' "$work/suite-$i.log" | tail -1)")
done
echo
printf '%s\n' "${summary[@]}"
echo "== plugin tests $([ $status = 0 ] && echo passed || echo FAILED) in $(( $(date +%s) - start ))s"
exit $status
