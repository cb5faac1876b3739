#!/usr/bin/env bash
# `npm run bench:plugin-feed`: how fast the store side serves orders. Builds a real WooCommerce
# site (WordPress 7.0, HPOS) with $BENCH_ORDERS (default 5,000) orders made through WooCommerce's
# API, then, in the same run and with the same Application Password, walks the whole ecomdir feed
# (pages of 100 and of 500) and WooCommerce's own wc/v3/orders (pages of 100).
# The last line is one JSON object. Not part of npm test. BENCH_KEEP=1 keeps the site (its dir is
# printed); BENCH_SITE_DIR=<dir> measures again on such a site without seeding it again.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
harness="$here/../tests/harness"
orders=${BENCH_ORDERS:-5000}
seeders=${BENCH_SEEDERS:-2}

if [ -n "${BENCH_SITE_DIR:-}" ]; then
  # Measure again on a site seeded by an earlier run (kept with BENCH_KEEP=1): no seeding.
  dir=$BENCH_SITE_DIR
  url=$(php -r 'echo json_decode(file_get_contents($argv[1]))->url;' "$dir/site.json")
else
  site=$("$harness/start-site.sh" --mode hpos --sync off)
  dir=$(php -r 'echo json_decode($argv[1])->dir;' "$site")
  url=$(php -r 'echo json_decode($argv[1])->url;' "$site")
fi
[ "${BENCH_KEEP:-0}" = 1 ] || trap '"$harness/stop-site.sh" "$dir" >/dev/null 2>&1 || true' EXIT
echo "site $url ($dir): WordPress 7.0, WooCommerce 10.0.2, HPOS, compatibility sync off" >&2

# Seeding through wc_create_order() is the slow part; a few processes share it.
t0=$(date +%s)
if [ -z "${BENCH_SITE_DIR:-}" ]; then
php "$harness/orders.php" "$dir" products >/dev/null
per=$(( (orders + seeders - 1) / seeders ))
pids=()
for i in $(seq 1 "$seeders"); do
  n=$(( i < seeders ? per : orders - per * (seeders - 1) ))
  php "$harness/orders.php" "$dir" create "$n" --step=30 >"$dir/seed-$i.log" 2>&1 &
  pids+=($!)
done
i=0
for p in "${pids[@]}"; do
  i=$((i + 1))
  wait "$p" || {
    echo "seeding failed:" >&2; tail -c 2000 "$dir/seed-$i.log" >&2
    kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; exit 1
  }
done
fi
seed_s=$(( $(date +%s) - t0 ))
echo "seeded $orders orders in ${seed_s}s" >&2
sleep 3 # the feed's settle window

# The plugin's own API user and Application Password (what the ecomdir server is given).
read -r user password < <(php -r '
  require $argv[1]; ecomdir_test_load_wordpress($argv[2]);
  $u = Ecomdir_Connect_Api_User::ensure_user(); $a = Ecomdir_Connect_Api_User::create_password($u);
  echo $u->user_login, " ", str_replace(" ", "", $a["password"]), "\n";' "$harness/lib/load-wordpress.php" "$dir")

# One warm-up page each, so that neither walk pays the first request's start-up.
php "$here/walk.php" "$url" "$user" "$password" feed 10 1 >/dev/null
php "$here/walk.php" "$url" "$user" "$password" wc-v3 10 1 >/dev/null
feed100=$(php "$here/walk.php" "$url" "$user" "$password" feed 100)
feed500=$(php "$here/walk.php" "$url" "$user" "$password" feed 500)
wcv3=$(php "$here/walk.php" "$url" "$user" "$password" wc-v3 100)

php -r '
  list(, $n, $seed, $f100, $f500, $wc) = $argv;
  $f100 = json_decode($f100, true); $f500 = json_decode($f500, true); $wc = json_decode($wc, true);
  foreach (array("feed 100" => $f100, "feed 500" => $f500, "wc/v3 100" => $wc) as $name => $r) {
    if ($r["orders"] !== (int) $n || $r["ids_unique"] !== (int) $n) {
      fwrite(STDERR, "$name returned {$r["orders"]} orders ({$r["ids_unique"]} distinct), expected $n\n"); exit(1);
    }
  }
  $p99 = function (array $ms) { sort($ms); return $ms[(int) max(0, ceil(0.99 * count($ms)) - 1)]; };
  $feed_ms = array_merge($f100["page_ms"], $f500["page_ms"]);
  $out = array(
    "orders" => (int) $n,
    "seed_seconds" => (int) $seed,
    "feed_orders_per_s" => round($n / $f100["seconds"], 1),
    "feed500_orders_per_s" => round($n / $f500["seconds"], 1),
    "wc_v3_orders_per_s" => round($n / $wc["seconds"], 1),
    "ratio_to_wc_v3" => round($wc["seconds"] / $f100["seconds"], 2),
    "ratio500_to_wc_v3" => round($wc["seconds"] / $f500["seconds"], 2),
    "feed_p99_page_ms" => $p99($feed_ms),
    "feed_max_page_ms" => max($feed_ms),
    "feed100_p99_page_ms" => $p99($f100["page_ms"]),
    "feed500_p99_page_ms" => $p99($f500["page_ms"]),
    "wc_v3_p99_page_ms" => $p99($wc["page_ms"]),
  );
  echo json_encode($out), "\n";
' "$orders" "$seed_s" "$feed100" "$feed500" "$wcv3"
