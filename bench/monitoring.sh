#!/bin/sh
# bench/monitoring.sh - posyandu monitoring on the whole demo district: three
# teams of agencies covering every desa, a questionnaire of 12 questions per agency
# (10 yes/no), every posyandu visited once per stage by its desa's team, then
# GET /monitoring as the TPPS kabupaten (teams, the desa table with both
# scores, the agency table, commitments), the results per desa and question
# (page and CSV), and one visit sent to POST /api/v1/monitoring (curl's
# total time, best of 3). Target: each page at most 200 ms.
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
D=build/bench
mkdir -p $D
export TUMBUH_FAST_HASH=1
# (made again when the team of an older run spans the national list)
[ -f $D/monitoring.db ] && [ "$(sqlite3 $D/monitoring.db "SELECT count(*) > 1000 FROM monitoring_tim_desa")" = 1 ] && rm -rf $D/monitoring.db*
if [ ! -f $D/monitoring.db ]; then
  build/tumbuh --db $D/monitoring.db demo --size district --seed 1 > $D/monitoring-users.txt
  sqlite3 $D/monitoring.db "
    INSERT INTO monitoring_tim (id, kabupaten, nama) VALUES (1, '35.99', 'Tim 1'), (2, '35.99', 'Tim 2'), (3, '35.99', 'Tim 3');
    INSERT INTO monitoring_tim_lembaga SELECT 1 + (rowid % 3), kode FROM lembaga WHERE jenis = 'opd';
    INSERT INTO monitoring_tim_desa SELECT 1 + (rowid % 3), kode FROM wilayah WHERE tingkat = 4 AND kode LIKE '35.99.%';
    INSERT INTO kuesioner (lembaga, nama) SELECT kode, 'Monitoring posyandu' FROM lembaga WHERE jenis = 'opd';
    INSERT INTO kuesioner_versi (id, kuesioner_id, versi, terbit) SELECT id, id, 1, '2026-10-01' FROM kuesioner;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
      INSERT INTO kuesioner_butir (versi_id, urutan, kode, label, tipe, kelompok)
      SELECT v.id, i, 'p' || i, 'Pertanyaan ' || i, 'ya_tidak', CASE WHEN i <= 6 THEN 'posyandu' ELSE 'kpm' END
      FROM n, kuesioner_versi v;
    INSERT INTO kuesioner_butir (versi_id, urutan, kode, label, tipe)
      SELECT id, 11, 'kader', 'Kader hadir', 'angka' FROM kuesioner_versi
      UNION ALL SELECT id, 12, 'catatan', 'Catatan', 'teks' FROM kuesioner_versi;
    INSERT INTO monitoring_kunjungan (versi_id, lembaga, desa, posyandu_id, tanggal, tahap)
      SELECT q.id, q.lembaga, p.desa, p.id, '2026-10-0' || t.s, t.s
      FROM posyandu p JOIN monitoring_tim_desa d ON d.desa = p.desa
      JOIN kuesioner q ON q.lembaga = (SELECT min(lembaga) FROM monitoring_tim_lembaga x WHERE x.tim_id = d.tim_id),
      (SELECT 1 s UNION SELECT 2) t;
    INSERT INTO monitoring_jawaban SELECT k.id, b.id, CASE b.tipe WHEN 'ya_tidak' THEN
      CASE WHEN (k.id + b.id) % 3 THEN 'ya' ELSE 'tidak' END WHEN 'angka' THEN '5' ELSE 'baik' END
      FROM monitoring_kunjungan k JOIN kuesioner_butir b ON b.versi_id = k.versi_id;"
fi
sqlite3 $D/monitoring.db "SELECT (SELECT count(*) FROM monitoring_tim_desa) || ' desa, ' || (SELECT count(*) FROM monitoring_kunjungan) || ' visits, ' || (SELECT count(*) FROM monitoring_jawaban) || ' answers'"
serve $D/monitoring.db
J=$D/monitoring.jar
masuk $J tpps.kab $D/monitoring-users.txt
tok=$(curl -s -b $J "$B/api/v1/saya" | sed 's/.*"csrf":"\([0-9a-f]*\)".*/\1/')
K=$(sqlite3 $D/monitoring.db "SELECT id FROM kuesioner WHERE lembaga = (SELECT min(lembaga) FROM monitoring_tim_lembaga WHERE tim_id = 1)")
for p in "/monitoring" "/monitoring/hasil?kuesioner=$K" "/monitoring/hasil?kuesioner=$K&format=csv"; do
  b=9
  for i in 1 2 3; do
    x=$(curl -s -b $J -o /dev/null -w '%{time_total}' "$B$p")
    b=$(echo "$x $b" | awk '{print ($1 < $2) ? $1 : $2}')
  done
  echo "GET $p: $b s"
done
desa=$(sqlite3 $D/monitoring.db "SELECT desa FROM monitoring_tim_desa WHERE tim_id = 1 LIMIT 1")
b=9
for i in 1 2 3; do
  x=$(curl -s -b $J -o /dev/null -w '%{time_total}' -H "X-CSRF-Token: $tok" -H 'Content-Type: application/json' \
    -d "{\"uuid\":\"$(date +%s%N)$i\",\"versi_id\":$K,\"desa\":\"$desa\",\"tanggal\":\"2026-11-01\",\"tahap\":2,\"jawaban\":{\"p1\":\"ya\",\"kader\":4}}" \
    "$B/api/v1/monitoring")
  b=$(echo "$x $b" | awk '{print ($1 < $2) ? $1 : $2}')
done
echo "POST /api/v1/monitoring: $b s"
