#!/usr/bin/env bash
# Starts a fresh, throw-away WordPress with ecomdir Connect and the WooCommerce TEST STAND-IN,
# on a MariaDB database of its own, served by `php -S`. Prints ONE line of JSON:
#   {"url","dir","db","pid","admin_user","admin_password","mode"}
# Stop it with stop-site.sh <dir>. See plugin/tests/README.md.
#
# Options:
#   --port N               port for php -S (default: a free random port)
#   --db NAME              database name (default: ecomdir_wp_<time>_<pid>_<random>); must not exist
#   --mode hpos|legacy     WooCommerce order storage (default hpos)
#   --orders N             create N realistic Romanian orders (default 0)
#   --same-second K        of those, K share one modification second (default 0)
#   --locale L             site language, e.g. ro_RO (default en_US)
#   --without-woocommerce  do not install the stand-in (WooCommerce missing)
#   --plugin-zip FILE      install ecomdir Connect from this zip instead of the source folder
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
plugin_root=$(cd "$here/../.." && pwd)
port="" db="" mode="hpos" orders=0 same_second=0 locale="" woo=1 zip=""
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --mode) mode="$2"; shift 2 ;;
    --orders) orders="$2"; shift 2 ;;
    --same-second) same_second="$2"; shift 2 ;;
    --locale) locale="$2"; shift 2 ;;
    --without-woocommerce) woo=0; shift ;;
    --plugin-zip) zip="$2"; shift 2 ;;
    *) echo "start-site: unknown option $1" >&2; exit 2 ;;
  esac
done
case "$mode" in hpos|legacy) ;; *) echo "start-site: --mode must be hpos or legacy" >&2; exit 2 ;; esac
[ -n "$port" ] || port=$(php -r '$s=stream_socket_server("tcp://127.0.0.1:0");$n=stream_socket_get_name($s,false);echo substr(strrchr($n,":"),1);')
[ -n "$db" ] || db="ecomdir_wp_$(date +%s)_$$_${RANDOM}"
[[ "$db" =~ ^[A-Za-z0-9_]+$ ]] || { echo "start-site: bad database name" >&2; exit 2; }

mysql_cmd=(mysql -h 127.0.0.1 -P 3306 -u root)
dir=$(mktemp -d "${TMPDIR:-/tmp}/ecomdir-wp.XXXXXX")
url="http://127.0.0.1:$port"
echo "$db" >"$dir/db"
# On any failure below, undo what was done so far.
trap '"$here/stop-site.sh" "$dir" >/dev/null 2>&1 || true' ERR

cp -rL /usr/share/wordpress "$dir/site"
rm -f "$dir/site/wp-config.php" "$dir/site/.htaccess"
rm -rf "$dir/site/wp-content/plugins/akismet"
mkdir -p "$dir/site/wp-content/uploads"
if [ -n "$zip" ]; then
  (cd "$dir/site/wp-content/plugins" && unzip -q "$zip")
else
  cp -r "$plugin_root/ecomdir-connect" "$dir/site/wp-content/plugins/ecomdir-connect"
fi
[ "$woo" = 1 ] && cp -r "$plugin_root/tests/woocommerce-standin" "$dir/site/wp-content/plugins/woocommerce"

salt() { php -r 'echo bin2hex(random_bytes(24));'; }
cat >"$dir/site/wp-config.php" <<PHP
<?php
// Test site written by plugin/tests/harness/start-site.sh.
define( 'DB_NAME', '$db' );
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
define( 'WP_HOME', '$url' );
define( 'WP_SITEURL', '$url' );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '$dir/debug.log' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'FS_METHOD', 'direct' );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
PHP

admin_password=$(php -r 'echo bin2hex(random_bytes(12));')
"${mysql_cmd[@]}" -e "CREATE DATABASE \`$db\` CHARACTER SET utf8mb4"
php "$here/install-site.php" "$dir/site" "$url" "$admin_password" "$mode" "$woo" "$locale" >"$dir/install.log" 2>&1 \
  || { cat "$dir/install.log" >&2; false; }
if [ "$orders" -gt 0 ]; then
  php "$here/orders.php" "$dir" create "$orders" --same-second="$same_second" >/dev/null
fi

# Several workers: the connect flow makes the ecomdir server call this site back while the
# site is still answering the admin's form post.
PHP_CLI_SERVER_WORKERS=4 setsid php -S "127.0.0.1:$port" -t "$dir/site" "$here/router.php" \
  >"$dir/server.log" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$dir/server.pid"
for _ in $(seq 1 100); do
  curl -s -o /dev/null "$url/wp-login.php" && break
  sleep 0.1
done
curl -s -o /dev/null "$url/wp-login.php" || { echo "start-site: server did not start" >&2; cat "$dir/server.log" >&2; false; }

json=$(php -r 'echo json_encode(array("url"=>$argv[1],"dir"=>$argv[2],"db"=>$argv[3],"pid"=>(int)$argv[4],"admin_user"=>"admin","admin_password"=>$argv[5],"mode"=>$argv[6]), JSON_UNESCAPED_SLASHES);' \
  "$url" "$dir" "$db" "$pid" "$admin_password" "$mode")
echo "$json" >"$dir/site.json"
echo "$json"
