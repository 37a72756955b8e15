#!/bin/sh
# bench/monitoring_foto.sh - the check for orphan monitoring photos that
# runs at every photo upload (issue 14): the photos older than 7 days in no
# saved answer, on a database holding 20,000 photos (18,000 answered, the
# answers among 200,000), with and without orphans left. sqlite3's timer,
# best of 3 (the query alone, as tb_store_foto_orphans_delete runs it).
set -eu
cd "$(dirname "$0")/.."
D=build/bench
mkdir -p $D
rm -f $D/foto.db $D/foto.db-wal $D/foto.db-shm
build/tumbuh --db $D/foto.db demo > /dev/null 2>&1
sqlite3 $D/foto.db <<'SQL'
PRAGMA foreign_keys = OFF;
INSERT INTO kuesioner_butir (id, versi_id, urutan, kode, label, tipe)
  VALUES (900001, 1, 1, 'fb', 'f', 'foto'), (900002, 1, 2, 'tb', 't', 'teks');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO monitoring_foto (id, berkas, jenis, ukuran, oleh, dibuat)
  SELECT 1000000 + i, '/x/foto-' || i, 'image/jpeg', 1, 1, datetime('now', '-30 days') FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
INSERT INTO monitoring_jawaban (kunjungan_id, butir_id, nilai)
  SELECT 2000000 + i, CASE WHEN i <= 18000 THEN 900001 ELSE 900002 END,
         CASE WHEN i <= 18000 THEN CAST(1000000 + i AS TEXT) ELSE 'teks ' || i END FROM n;
SQL
Q="SELECT count(*) FROM (SELECT f.id, f.berkas FROM monitoring_foto f
  WHERE f.dibuat < datetime('now', '-7 days') AND NOT EXISTS (SELECT 1 FROM monitoring_jawaban j
  WHERE j.nilai = CAST(f.id AS TEXT) AND j.butir_id IN (SELECT id FROM kuesioner_butir WHERE tipe = 'foto'))
  ORDER BY f.id LIMIT 50)"
best() { # best real time of 3, in ms
  for i in 1 2 3; do printf '.timer on\n%s;\n' "$Q" | sqlite3 $D/foto.db | sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p'; done |
    sort -n | head -1 | awk '{ printf "%.0f ms", $1 * 1000 }'
}
echo "orphan check, 2,000 orphans (50 taken): $(best)"
sqlite3 $D/foto.db "DELETE FROM monitoring_foto WHERE id > 1018000"
echo "orphan check, none (every old photo looked up): $(best)"
rm -f $D/foto.db $D/foto.db-wal $D/foto.db-shm
