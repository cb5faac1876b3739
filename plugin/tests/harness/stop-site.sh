#!/usr/bin/env bash
# Stops a site started by start-site.sh: kills its php -S (and its workers), drops its database,
# removes its folder. Usage: stop-site.sh <dir>
set -uo pipefail
dir="${1:?usage: stop-site.sh <dir>}"
[ -f "$dir/db" ] || { echo "stop-site: $dir is not a test site" >&2; exit 1; }
if [ -f "$dir/server.pid" ]; then
  pid=$(cat "$dir/server.pid")
  # The server was started with setsid, so it leads its own process group (master + workers).
  kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 -- "-$pid" 2>/dev/null || true
fi
db=$(cat "$dir/db")
[[ "$db" =~ ^[A-Za-z0-9_]+$ ]] && mysql -h 127.0.0.1 -P 3306 -u root -e "DROP DATABASE IF EXISTS \`$db\`"
rm -rf "$dir"
