#!/bin/sh
# verify-who-tables.sh DIR PINNED
# Checks that every WHO growth table named in PINNED (sha256sum format) is in
# DIR with exactly that checksum. The tables are WHO's published data; the
# build compiles them in only after this check passes.
set -eu
dir=$1
pinned=$2
if [ ! -d "$dir" ]; then
  echo "error: WHO table directory '$dir' not found." >&2
  echo "       Set WHO_DIR, or run scripts/fetch-who-tables.sh DIR to fetch them from WHO's repositories." >&2
  exit 1
fi
pinned_abs=$(cd "$(dirname "$pinned")" && pwd)/$(basename "$pinned")
if ! (cd "$dir" && sha256sum --quiet --strict -c "$pinned_abs"); then
  echo "error: the WHO tables in '$dir' do not match $pinned: refusing to build with them." >&2
  exit 1
fi
if [ -f "$dir/SHA256SUMS" ] && ! cmp -s "$dir/SHA256SUMS" "$pinned"; then
  echo "error: $dir/SHA256SUMS differs from the pinned $pinned." >&2
  exit 1
fi
