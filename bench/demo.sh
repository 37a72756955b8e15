#!/bin/sh
# bench/demo.sh - `tumbuh demo --size district` (target: at most 30 s, the
# database at most 300 MB), against the floor: writing the same database
# again with SQLite alone (VACUUM INTO), i.e. the cost of the writes with no
# generation and no growth computation.
set -eu
cd "$(dirname "$0")/.."
D=build/bench
mkdir -p $D
rm -f $D/demo.db $D/demo.db-wal $D/demo.db-shm $D/demo-copy.db
/usr/bin/time -f '%e %M' -o $D/time.txt build/tumbuh --db $D/demo.db demo --size district --seed 1 > $D/demo-users.txt
read -r t m < $D/time.txt
echo "tumbuh demo --size district: $t s, max RSS $((m / 1024)) MB (argon2id hashing of 8 users included)"
ls -l $D/demo.db | awk '{printf "database: %.1f MB\n", $5/1e6}'
sqlite3 $D/demo.db "SELECT 'rows: ' || (SELECT count(*) FROM anak) || ' anak, ' || (SELECT count(*) FROM pengukuran) || ' pengukuran, ' || (SELECT count(*) FROM keluarga) || ' keluarga'"
/usr/bin/time -f '%e %M' -o $D/time.txt sqlite3 $D/demo.db "VACUUM INTO '$D/demo-copy.db'"
read -r t m < $D/time.txt
echo "floor (SQLite writing the same database, VACUUM INTO): $t s"
