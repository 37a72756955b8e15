#!/bin/sh
# install-deps.sh - installs the Debian packages Tumbuh builds and tests with.
# Idempotent: installs only what is missing. Run as root (or with sudo).
set -eu
PKGS="build-essential pkg-config clang libclang-rt-14-dev sqlite3 libsqlite3-dev libsodium-dev
libmicrohttpd-dev libjansson-dev libxlsxwriter-dev libzip-dev libexpat1-dev libcairo2-dev
time curl chromium wrk poppler-utils"
# Node.js for the browser tests (playwright-core): the machine's own if it has
# one, else Debian's.
command -v node >/dev/null 2>&1 || PKGS="$PKGS nodejs"
command -v npm >/dev/null 2>&1 || PKGS="$PKGS npm"
missing=""
for p in $PKGS; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq $missing >/dev/null
fi
