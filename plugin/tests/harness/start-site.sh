#!/usr/bin/env bash
# Starts a throw-away WordPress with the real WooCommerce (10.0.2) and ecomdir Connect, on a
# MariaDB database of its own, served by `php -S`. Prints ONE line of JSON:
#   {"url","dir","db","pid","admin_user","admin_password","mode","wp","sync"}
# Stop it with stop-site.sh <dir>. See plugin/tests/README.md.
#
# WordPress and WooCommerce come from the official zips in $WP_VENDOR_DIR (default: shared/vendor
# beside the repository, i.e. ../shared/vendor from its root). The slow part (unzip, wp_install,
# WooCommerce's installer, storage switch) runs once per WordPress version, storage mode and
# sync setting and is kept as a template (files + database dump) in $ECOMDIR_WP_CACHE_DIR
# (default ${TMPDIR:-/tmp}/ecomdir-wp-cache); each site is a copy of it (~1-2 s).
#
# Options:
#   --port N               port for php -S (default: a free random port)
#   --db NAME              database name (default: ecomdir_wp_<time>_<pid>_<random>); must not exist
#   --mode hpos|legacy     WooCommerce order storage (default hpos)
#   --sync on|off          WooCommerce's compatibility sync between the two storages
#                          (default: on with hpos, as WooCommerce sets up a new shop; off with legacy)
#   --wp 7.0|6.8           WordPress version (default 7.0, i.e. 7.0.4; 6.8 is 6.8.8)
#   --orders N             create N realistic Romanian orders (default 0)
#   --same-second K        of those, K share one modification second (default 0)
#   --locale L             site language, e.g. ro_RO (default en_US)
#   --without-woocommerce  WooCommerce installed but not active (WooCommerce missing)
#   --plugin-zip FILE      install ecomdir Connect from this zip instead of the source folder
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
plugin_root=$(cd "$here/../.." && pwd)
port="" db="" mode="hpos" sync="" wp="7.0" orders=0 same_second=0 locale="" woo=1 zip=""
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --mode) mode="$2"; shift 2 ;;
    --sync) sync="$2"; shift 2 ;;
    --wp) wp="$2"; shift 2 ;;
    --orders) orders="$2"; shift 2 ;;
    --same-second) same_second="$2"; shift 2 ;;
    --locale) locale="$2"; shift 2 ;;
    --without-woocommerce) woo=0; shift ;;
    --plugin-zip) zip="$2"; shift 2 ;;
    *) echo "start-site: unknown option $1" >&2; exit 2 ;;
  esac
done
case "$mode" in hpos|legacy) ;; *) echo "start-site: --mode must be hpos or legacy" >&2; exit 2 ;; esac
[ -n "$sync" ] || { [ "$mode" = hpos ] && sync=on || sync=off; }
case "$sync" in on|off) ;; *) echo "start-site: --sync must be on or off" >&2; exit 2 ;; esac
case "$wp" in 7.0|7.0.4) wp_full=7.0.4 ;; 6.8|6.8.8) wp_full=6.8.8 ;; *) echo "start-site: --wp must be 7.0 or 6.8" >&2; exit 2 ;; esac
[ -n "$port" ] || port=$(php -r '$s=stream_socket_server("tcp://127.0.0.1:0");$n=stream_socket_get_name($s,false);echo substr(strrchr($n,":"),1);')
[ -n "$db" ] || db="ecomdir_wp_$(date +%s)_$$_${RANDOM}"
[[ "$db" =~ ^[A-Za-z0-9_]+$ ]] || { echo "start-site: bad database name" >&2; exit 2; }

repo_root=$(cd "$plugin_root/.." && pwd)
vendor="${WP_VENDOR_DIR:-$repo_root/../shared/vendor}"
wp_zip="$vendor/wordpress-$wp_full.zip"
wc_zip="$vendor/woocommerce-10.0.2.zip"
for z in "$wp_zip" "$wc_zip"; do
  if [ ! -f "$z" ]; then
    echo "start-site: $z is missing. The plugin tests need the official WordPress $wp_full and WooCommerce 10.0.2 zips" >&2
    echo "  in \$WP_VENDOR_DIR (default ../shared/vendor from the repository root); download them from" >&2
    echo "  https://wordpress.org/wordpress-$wp_full.zip and https://downloads.wordpress.org/plugin/woocommerce.10.0.2.zip" >&2
    exit 3
  fi
done

mysql_cmd=(mysql -h 127.0.0.1 -P 3306 -u root)
salt() { php -r 'echo bin2hex(random_bytes(24));'; }
# write_config <site folder> <database> <url> <debug log>
write_config() {
  cat >"$1/wp-config.php" <<PHP
<?php
// Test site written by plugin/tests/harness/start-site.sh.
define( 'DB_NAME', '$2' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', '127.0.0.1:3306' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
\$table_prefix = 'wp_';
define( 'AUTH_KEY', '$(salt)' );
define( 'SECURE_AUTH_KEY', '$(salt)' );
define( 'LOGGED_IN_KEY', '$(salt)' );
define( 'NONCE_KEY', '$(salt)' );
define( 'AUTH_SALT', '$(salt)' );
define( 'SECURE_AUTH_SALT', '$(salt)' );
define( 'LOGGED_IN_SALT', '$(salt)' );
define( 'NONCE_SALT', '$(salt)' );
define( 'WP_HOME', '$3' );
define( 'WP_SITEURL', '$3' );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '$4' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'FS_METHOD', 'direct' );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
PHP
}

# The template for this WordPress version + storage, built once (under a lock: sites may start in parallel).
cache_root="${ECOMDIR_WP_CACHE_DIR:-${TMPDIR:-/tmp}/ecomdir-wp-cache}"
mkdir -p "$cache_root"
key=$(cat "$wp_zip.sha256" 2>/dev/null || true; ls -l --time-style=+%s "$wp_zip" "$wc_zip" | awk '{print $5,$6}'; cat "$here/install-site.php" "$here/mu-plugins/"*.php "$0")
key="wp$wp_full-$mode-sync$sync-$(printf '%s' "$key" | sha1sum | cut -c1-12)"
template="$cache_root/$key"
build_template() {
  local t="$template.building.$$" tdb="ecomdir_wp_tpl_$(date +%s)_$$_${RANDOM}" tport
  rm -rf "$t"; mkdir -p "$t"
  unzip -q "$wp_zip" -d "$t" && mv "$t/wordpress" "$t/site"
  unzip -q "$wc_zip" -d "$t/site/wp-content/plugins"
  rm -rf "$t/site/wp-content/plugins/akismet" "$t/site/wp-content/plugins/hello.php"
  mkdir -p "$t/site/wp-content/mu-plugins"
  cp "$here/mu-plugins/"*.php "$t/site/wp-content/mu-plugins/"
  tport=$(php -r '$s=stream_socket_server("tcp://127.0.0.1:0");$n=stream_socket_get_name($s,false);echo substr(strrchr($n,":"),1);')
  write_config "$t/site" "$tdb" "http://127.0.0.1:$tport" "$t/install-debug.log"
  "${mysql_cmd[@]}" -e "CREATE DATABASE \`$tdb\` CHARACTER SET utf8mb4"
  if php "$here/install-site.php" core "$t/site" "http://127.0.0.1:$tport" >"$t/install.log" 2>&1 \
    && php "$here/install-site.php" woo "$t/site" "http://127.0.0.1:$tport" "$mode" "$sync" >>"$t/install.log" 2>&1 \
    && mysqldump -h 127.0.0.1 -P 3306 -u root --single-transaction --skip-comments "$tdb" >"$t/dump.sql"; then
    "${mysql_cmd[@]}" -e "DROP DATABASE IF EXISTS \`$tdb\`"
    rm -f "$t/site/wp-config.php"
    mv "$t" "$template"
  else
    cat "$t/install.log" "$t/install-debug.log" >&2 2>/dev/null
    "${mysql_cmd[@]}" -e "DROP DATABASE IF EXISTS \`$tdb\`"
    rm -rf "$t"
    return 1
  fi
}
(
  flock 9
  [ -d "$template" ] || build_template
) 9>"$template.lock"

dir=$(mktemp -d "${TMPDIR:-/tmp}/ecomdir-wp.XXXXXX")
url="http://127.0.0.1:$port"
echo "$db" >"$dir/db"
# On any failure below, undo what was done so far.
trap '"$here/stop-site.sh" "$dir" >/dev/null 2>&1 || true' ERR

# Core and WooCommerce are never written to: hard links (same file system) are enough, a copy otherwise.
cp -al "$template/site" "$dir/site" 2>/dev/null || { rm -rf "$dir/site"; cp -a "$template/site" "$dir/site"; }
mkdir -p "$dir/site/wp-content/uploads"
if [ -n "$zip" ]; then
  (cd "$dir/site/wp-content/plugins" && unzip -q "$zip")
else
  cp -r "$plugin_root/ecomdir-connect" "$dir/site/wp-content/plugins/ecomdir-connect"
fi
write_config "$dir/site" "$db" "$url" "$dir/debug.log"

admin_password=$(php -r 'echo bin2hex(random_bytes(12));')
"${mysql_cmd[@]}" -e "CREATE DATABASE \`$db\` CHARACTER SET utf8mb4"
"${mysql_cmd[@]}" "$db" <"$template/dump.sql"
php "$here/install-site.php" finish "$dir/site" "$url" "$admin_password" "$woo" "$locale" >"$dir/install.log" 2>&1 \
  || { cat "$dir/install.log" >&2; false; }
if [ "$orders" -gt 0 ]; then
  php "$here/orders.php" "$dir" create "$orders" --same-second="$same_second" >/dev/null
fi

# Several workers: the connect flow makes the ecomdir server call this site back while the
# site is still answering the admin's form post.
# OPcache on (the CLI server has it off by default): without it every request compiles WordPress
# and WooCommerce again, ~0.5-1 s on 2 cores, as no production site runs.
PHP_CLI_SERVER_WORKERS=4 setsid php -d opcache.enable_cli=1 -d opcache.memory_consumption=256 \
  -d opcache.max_accelerated_files=20000 -S "127.0.0.1:$port" -t "$dir/site" "$here/router.php" \
  >"$dir/server.log" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$dir/server.pid"
for _ in $(seq 1 100); do
  curl -s -o /dev/null "$url/wp-login.php" && break
  sleep 0.1
done
curl -s -o /dev/null "$url/wp-login.php" || { echo "start-site: server did not start" >&2; cat "$dir/server.log" >&2; false; }

json=$(php -r 'echo json_encode(array("url"=>$argv[1],"dir"=>$argv[2],"db"=>$argv[3],"pid"=>(int)$argv[4],"admin_user"=>"admin","admin_password"=>$argv[5],"mode"=>$argv[6],"wp"=>$argv[7],"sync"=>$argv[8]), JSON_UNESCAPED_SLASHES);' \
  "$url" "$dir" "$db" "$pid" "$admin_password" "$mode" "$wp_full" "$sync")
echo "$json" >"$dir/site.json"
echo "$json"
