#!/bin/sh
# tests/cli/layers.sh - the layers of docs/ARCHITECTURE.md, checked on the
# source: every #include "..." in lib/ and src/LAYER/ must name a header of
# the same layer or of one below it, and only src/store/ may include
# <sqlite3.h> (the store is the one layer that speaks SQL).
#
# Allowed (a layer may include itself and what is listed):
#   lib     -
#   base    lib
#   format  lib base
#   store   lib base
#   import  lib base format store
#   report  lib base format store
#   web     lib base format store import report
#   cli     lib base format store import report web
set -u
cd "$(dirname "$0")/../.."
pass=0
fail=0
allowed() {
  case $1 in
    lib) echo "-" ;;
    base) echo "lib" ;;
    format) echo "lib base" ;;
    store) echo "lib base" ;;
    import | report) echo "lib base format store" ;;
    web) echo "lib base format store import report" ;;
    cli) echo "lib base format store import report web" ;;
  esac
}
# The layer of an included header: "tb_*.h" is lib/, "DIR/x.h" is src/DIR/.
layer_of() {
  case $1 in
    tb_*.h) echo lib ;;
    */*) echo "${1%%/*}" ;;
    *) echo "?" ;;
  esac
}
check_file() { # file layer
  f=$1
  own=$2
  ok=$(allowed "$own")
  bad=""
  for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f"); do
    l=$(layer_of "$inc")
    [ "$l" = "$own" ] && continue
    case " $ok " in *" $l "*) continue ;; esac
    bad="$bad $inc"
  done
  if [ "$own" != store ] && grep -q 'sqlite3' "$f"; then
    bad="$bad (speaks SQLite: only src/store/ may)"
  fi
  if [ -z "$bad" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $f ($own) includes:$bad"
  fi
}
for f in lib/*.c lib/*.h; do check_file "$f" lib; done
for d in src/*/; do
  layer=$(basename "$d")
  if [ -z "$(allowed "$layer")" ]; then
    fail=$((fail + 1))
    echo "FAIL src/$layer/ is not a layer of docs/ARCHITECTURE.md"
    continue
  fi
  for f in "$d"*.c "$d"*.h; do
    [ -f "$f" ] && check_file "$f" "$layer"
  done
done
# Nothing but the layer folders under src/.
for f in src/*; do
  [ -d "$f" ] && continue
  fail=$((fail + 1)); echo "FAIL $f: every source lives in a layer folder"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
