#!/usr/bin/env bash
# Installs the Debian packages the test suite needs (PHP, MariaDB's client and unzip for the
# plugin tests, which install WordPress and WooCommerce from the zips in shared/vendor; Chromium
# for the browser tests; poppler-utils to read rendered labels back as text and pictures) when
# they are missing. CI runs on a clean machine, so the
# project installs what it uses instead of trusting what a developer installed by hand.
set -euo pipefail

packages=(unzip mariadb-client curl php8.2-cli php-mysql php-xml php-mbstring php-curl php-intl gettext phpunit chromium fonts-dejavu-core zip poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system deps: all present"
  exit 0
fi
echo "system deps: installing ${missing[*]}"
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "system deps: done"
