#!/bin/sh
# bench/run.sh - runs every benchmark (bench/*.sh except this one).
set -eu
cd "$(dirname "$0")"
for b in *.sh; do
  [ "$b" = run.sh ] && continue
  echo "== $b"
  sh "./$b"
done
