#!/usr/bin/env bash
# Regenerates languages/ecomdir-connect.pot from the plugin sources, merges it into the Romanian
# .po (new strings arrive untranslated; the translation test then fails until they are
# translated) and compiles the .mo. Needs Debian's gettext (WP-CLI is not available offline).
set -euo pipefail
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../ecomdir-connect" && pwd)
version=$(sed -n "s/^define( 'ECOMDIR_CONNECT_VERSION', '\([^']*\)' );/\1/p" "$dir/ecomdir-connect.php")
cd "$dir"
find . -name '*.php' | sort | xgettext --language=PHP --from-code=UTF-8 --files-from=- \
  --keyword=__ --keyword=_e --keyword=esc_html__ --keyword=esc_html_e --keyword=esc_attr__ --keyword=esc_attr_e \
  --keyword=_x:1,2c --keyword=_n:1,2 --add-comments=translators: --sort-by-file --no-wrap \
  --package-name="ecomdir Connect" --package-version="$version" --msgid-bugs-address="https://github.com/ecomdir/ecomdir/issues" \
  --omit-header -o - | sed 's/#: \.\//#: /' >languages/body.pot.tmp
{
  printf '# Copyright (C) ecomdir\n# This file is distributed under the GPL-2.0-or-later.\nmsgid ""\nmsgstr ""\n'
  printf '"Project-Id-Version: ecomdir Connect %s\\n"\n"Report-Msgid-Bugs-To: https://github.com/ecomdir/ecomdir/issues\\n"\n' "$version"
  printf '"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n"X-Domain: ecomdir-connect\\n"\n\n'
  cat languages/body.pot.tmp
} >languages/ecomdir-connect.pot
rm languages/body.pot.tmp
if [ -f languages/ecomdir-connect-ro_RO.po ]; then
  msgmerge --quiet --update --backup=none --no-wrap languages/ecomdir-connect-ro_RO.po languages/ecomdir-connect.pot
  msgfmt --check -o languages/ecomdir-connect-ro_RO.mo languages/ecomdir-connect-ro_RO.po
fi
