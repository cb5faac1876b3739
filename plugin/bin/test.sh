#!/usr/bin/env bash
# The plugin's test suite, the single entry point `npm test` calls:
#   system deps -> php -l on every file -> zip -> PHPUnit on an HPOS site, then on a legacy site.
# Everything it starts (php -S servers, databases, temp folders) is removed on exit, also on failure.
set -euo pipefail
plugin_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
repo_root=$(cd "$plugin_root/.." && pwd)
start=$(date +%s)

bash "$repo_root/scripts/install-system-deps.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/ecomdir-plugin-test.XXXXXX")
sites=()
cleanup() {
  for s in "${sites[@]}"; do "$plugin_root/tests/harness/stop-site.sh" "$s" >/dev/null 2>&1 || true; done
  # Servers the tests started (fake ecomdir) if a test died before stopping them.
  for f in "$work"/server-*.pid; do
    [ -f "$f" ] && { kill -- "-$(cat "$f")" 2>/dev/null || kill "$(cat "$f")" 2>/dev/null || true; }
  done
  rm -rf "$work"
}
trap cleanup EXIT

echo "== php -l"
lint_fail=0
while IFS= read -r -d '' f; do
  php -l "$f" >/dev/null 2>"$work/lint.err" || { cat "$work/lint.err"; lint_fail=1; }
done < <(find "$plugin_root" -name '*.php' -print0)
[ "$lint_fail" = 0 ] || { echo "php -l failed"; exit 1; }

echo "== zip"
zip_path=$("$plugin_root/bin/zip.sh" "$work/dist")

status=0
for mode in hpos legacy; do
  echo "== PHPUnit, $mode storage"
  site=$("$plugin_root/tests/harness/start-site.sh" --mode "$mode")
  dir=$(php -r 'echo json_decode($argv[1])->dir;' "$site")
  sites+=("$dir")
  group=()
  [ "$mode" = legacy ] && group=(--exclude-group once)
  ECOMDIR_TEST_SITE_DIR="$dir" ECOMDIR_TEST_WORK="$work" ECOMDIR_TEST_ZIP="$zip_path" \
    phpunit -c "$plugin_root/tests/phpunit.xml.dist" "${group[@]}" || status=1
  # PHP errors raised by the plugin inside the site (core's own PHP 8.2 deprecations are not ours).
  if grep -E 'PHP (Fatal|Warning|Notice|Deprecated).*plugins/(ecomdir-connect|woocommerce)/' "$dir/debug.log" 2>/dev/null; then
    echo "PHP errors from the plugin or the stand-in in $mode mode (above)"; status=1
  fi
done

echo "== plugin tests $([ $status = 0 ] && echo passed || echo FAILED) in $(( $(date +%s) - start ))s"
exit $status
