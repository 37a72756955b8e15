#!/bin/sh
# tests/cli/browser.sh - runs tests/browser/run.mjs (playwright-core +
# Debian's Chromium) against `tumbuh serve` on a small demo database.
# Screenshots are kept in build/artifacts/browser.
. tests/cli-lib.sh
[ -d tests/browser/node_modules/playwright-core ] || (cd tests/browser && npm ci --no-audit --no-fund > /dev/null 2>&1)
. tests/web-lib.sh
# The posyandu day of this month has not happened yet at posyandu 1: the
# demo weighed its children already, so their entries would be corrections.
sqlite3 "$DB" "DELETE FROM pengukuran WHERE posyandu_id = 1 AND tanggal >= date('now', 'start of month')"
# The code-list import test loads Kabupaten Malang (35.07) as new codes.
sqlite3 "$DB" "DELETE FROM wilayah WHERE kode LIKE '35.07%'"
BASE="$B" USERS="$W/users.txt" DB="$DB" SHOTS=build/artifacts/browser node tests/browser/run.mjs
