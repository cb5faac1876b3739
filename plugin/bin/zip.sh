#!/usr/bin/env bash
# Builds dist/ecomdir-connect-<version>.zip: only the plugin folder, installable in WordPress
# (Plugins > Add New > Upload). Prints the zip's path. Usage: zip.sh [output dir]
set -euo pipefail
plugin_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out_dir="${1:-$(cd "$plugin_root/.." && pwd)/dist}"
version=$(sed -n "s/^define( 'ECOMDIR_CONNECT_VERSION', '\([^']*\)' );/\1/p" "$plugin_root/ecomdir-connect/ecomdir-connect.php")
[ -n "$version" ] || { echo "zip: version not found" >&2; exit 1; }
mkdir -p "$out_dir"
zip_path="$(cd "$out_dir" && pwd)/ecomdir-connect-$version.zip"
rm -f "$zip_path"
(cd "$plugin_root" && zip -q -r -X "$zip_path" ecomdir-connect -x '*/.*' -x '*/tests/*' -x '*.po~')
echo "$zip_path"
