#!/usr/bin/env bash
# Starts the database servers the tests use when they are not already running: PostgreSQL
# (127.0.0.1:5432) and MariaDB (127.0.0.1:3306). On a developer machine or in CI they are
# usually up already; this only starts what is down, with the distribution's own commands.
set -uo pipefail

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {
  for _ in $(seq 1 60); do port_open "$1" && return 0; sleep 0.5; done
  return 1
}

if ! port_open 5432; then
  echo "services: starting PostgreSQL"
  if command -v pg_ctlcluster >/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
  wait_port 5432 || { echo "services: PostgreSQL is not reachable on 127.0.0.1:5432" >&2; exit 1; }
fi

if ! port_open 3306; then
  echo "services: starting MariaDB"
  if command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ]; then
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
  fi
  wait_port 3306 || { echo "services: MariaDB is not reachable on 127.0.0.1:3306" >&2; exit 1; }
fi
echo "services: PostgreSQL and MariaDB are up"
