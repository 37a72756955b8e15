#!/bin/sh
# tests/cli/rapat.sh - `tumbuh report tindak-lanjut`: one row per action
# with exactly the columns of issue 13, the area (the action's or its
# meeting's), --status open|overdue|all, the indicator checked against the
# data, CSV hand-checked, XLSX and PDF written, usage errors.
. tests/cli-lib.sh
export TUMBUH_FAST_HASH=1 TUMBUH_TODAY=2026-11-28
DB="$W/r.db"
$T --db "$DB" demo --size small --seed 3 --until 2026-11 > /dev/null 2>&1
# a kecamatan of our own: one desa, one posyandu, two children born 2025-05-01,
# one weighed in November 2026 (D/S 50%); a lokmin with three actions
sqlite3 "$DB" "INSERT INTO wilayah VALUES ('35.99.09', 3, '35.99', 'UJI', 0, NULL),
  ('35.99.09.2001', 4, '35.99.09', 'DESA UJI', 0, NULL);
  INSERT INTO posyandu (id, nama, desa) VALUES (901, 'Posyandu Uji', '35.99.09.2001');
  INSERT INTO individu (id, nama, nama_kunci, jk, tgl_lahir, desa, peran) VALUES
    (80001, 'Satu', 'satu', 1, '2025-05-01', '35.99.09.2001', 'anak'),
    (80002, 'Dua', 'dua', 2, '2025-05-01', '35.99.09.2001', 'anak');
  INSERT INTO anak (individu_id, posyandu_id) VALUES (80001, 901), (80002, 901);
  INSERT INTO pengukuran (anak_id, posyandu_id, tanggal, umur_hari, bb) VALUES (80001, 901, '2026-11-16', 564, 10.0);
  INSERT INTO lembaga VALUES ('DESA-UJI', 'Pemerintah Desa Uji', 'desa', '35.99.09.2001');
  INSERT INTO rapat (id, jenis, wilayah, tanggal, judul) VALUES (9001, 'minilok', '35.99.09', '2026-11-05', 'Lokmin Uji');
  INSERT INTO rapat_masalah (id, rapat_id, uraian, desa) VALUES (9001, 9001, 'D/S rendah', '35.99.09.2001');
  INSERT INTO tindak_lanjut (id, asal, rapat_id, masalah_id, uraian, pelaksana, pj_lembaga, pj_nama, penanggung_jawab, wilayah, sumber_anggaran, anggaran, tenggat, status, indikator, indikator_wilayah, target_nilai, target_bulan)
    VALUES (9001, 'rapat', 9001, 9001, 'Sweeping balita', 'DESA-UJI', 'DESA-UJI', 'Pak Kades', 'Pak Kades', '35.99.09.2001', 'APBDes', 2500000, '2026-11-20', 'proses', 'ds', '35.99.09.2001', 80, '2026-11'),
           (9002, 'rapat', 9001, NULL, 'Kelas ibu', NULL, 'OPD-DINKES', NULL, 'Dinas Kesehatan', '35.99.09', 'BOK', NULL, '2026-12-15', 'baru', NULL, NULL, NULL, NULL),
           (9003, 'rapat', 9001, NULL, 'Sosialisasi, \"gizi\"', NULL, NULL, 'Bu Camat', 'Bu Camat', '35.99.09', NULL, NULL, '2026-11-01', 'selesai', NULL, NULL, NULL, NULL);
  UPDATE tindak_lanjut SET target_volume = '4 kelas' WHERE id = 9002;
  INSERT INTO tindak_lanjut_tinjauan (tindak_lanjut_id, tanggal, status, kemajuan) VALUES (9001, '2026-11-25', 'proses', 'Separuh');"
HEAD='id,rapat,tanggal_rapat,wilayah,masalah,tindakan,pelaksana,penanggung_jawab,sumber_anggaran,anggaran,tenggat,status,terakhir_ditinjau,indikator,target,capaian'
R1='9001,Lokmin Uji,2026-11-05,DESA UJI,D/S rendah,Sweeping balita,Pemerintah Desa Uji,Pak Kades (Pemerintah Desa Uji),APBDes,2500000,2026-11-20,berjalan,2026-11-25,D/S,"D/S 35.99.09.2001 >= 80,0% pada 2026-11","50,0% (2026-11): belum tercapai"'
R2='9002,Lokmin Uji,2026-11-05,UJI,,Kelas ibu,,Dinas Kesehatan,BOK,,2026-12-15,belum,,,4 kelas,'
R3='9003,Lokmin Uji,2026-11-05,UJI,,"Sosialisasi, ""gizi""",,Bu Camat,,,2026-11-01,selesai,,,,'

$T --db "$DB" report tindak-lanjut --wilayah 35.99.09 --status all > "$W/all.csv" 2> "$W/err"
check "all: exit 0" "[ $? -eq 0 ]"
printf '%s\n%s\n%s\n%s\n' "$HEAD" "$R1" "$R3" "$R2" > "$W/want.csv"
check "all: the header and three rows, the overdue one first, then by deadline" "diff \"$W/want.csv\" \"$W/all.csv\" >&2"
$T --db "$DB" report tindak-lanjut --wilayah 35.99.09 > "$W/open.csv"
check "default (open): the two open actions" "[ \"\$(cut -d, -f1 \"$W/open.csv\" | tr '\n' ' ')\" = 'id 9001 9002 ' ]"
$T --db "$DB" report tindak-lanjut --wilayah 35.99.09 --status overdue > "$W/late.csv"
check "overdue on 2026-11-28: only 9001" "[ \"\$(cut -d, -f1 \"$W/late.csv\" | tr '\n' ' ')\" = 'id 9001 ' ]"
$T --db "$DB" report tindak-lanjut --wilayah 35.99.09.2001 --status all > "$W/desa.csv"
check "the desa: its action, and those of meetings of... only its own area" "[ \"\$(cut -d, -f1 \"$W/desa.csv\" | tr '\n' ' ')\" = 'id 9001 ' ]"
n=$($T --db "$DB" report tindak-lanjut --wilayah 35.99 --status all | wc -l)
check "the kabupaten: every action (header + $(sqlite3 "$DB" 'SELECT count(*) FROM tindak_lanjut'))" "[ $n = $(($(sqlite3 "$DB" 'SELECT count(*) FROM tindak_lanjut') + 1)) ]"
# new data: the second child weighed in November, D/S 100%: the target is met
sqlite3 "$DB" "INSERT INTO pengukuran (anak_id, posyandu_id, tanggal, umur_hari, bb) VALUES (80002, 901, '2026-11-18', 566, 9.5)"
check "after new data the indicator is met" "$T --db \"$DB\" report tindak-lanjut --wilayah 35.99.09 | grep -q '^9001,.*\"100,0% (2026-11): tercapai\"$'"
$T --db "$DB" report tindak-lanjut --wilayah 35.99.09 --status all --format xlsx -o "$W/t.xlsx"
check "xlsx written" "[ \"\$(head -c 2 \"$W/t.xlsx\")\" = PK ]"
$T --db "$DB" report tindak-lanjut --wilayah 35.99.09 --format pdf -o "$W/t.pdf"
check "pdf written" "[ \"\$(head -c 4 \"$W/t.pdf\")\" = '%PDF' ]"
$T --db "$DB" report tindak-lanjut --wilayah 35.99.09 --status lama > /dev/null 2> "$W/err"
check "a bad --status: exit 2 with the choices" "[ $? -eq 2 ] && grep -q 'open, overdue atau all' \"$W/err\""
$T --db "$DB" report tindak-lanjut > /dev/null 2> "$W/err"
check "no --wilayah: exit 2" "[ $? -eq 2 ] && grep -q 'perlu --wilayah' \"$W/err\""
$T --db "$DB" report skdn --wilayah 35.99 --month 2026-11 --status open > /dev/null 2> "$W/err"
check "--status belongs to tindak-lanjut only" "[ $? -eq 2 ]"
$T --db "$DB" report tindak-lanjut --wilayah 35.97 > /dev/null 2> "$W/err"
check "an unknown area: exit 1" "[ $? -eq 1 ] && grep -q 'tidak ada di basis data' \"$W/err\""
# an OPD member's institution, set from the server
$T --db "$DB" user lembaga opd.dinkes OPD-DINSOS > "$W/out" 2>&1
check "user lembaga: linked" "[ $? -eq 0 ] && [ \"$(sqlite3 "$DB" "SELECT lembaga FROM pengguna_lembaga l JOIN pengguna p ON p.id = l.pengguna_id WHERE p.username = 'opd.dinkes'")\" = OPD-DINSOS ]"
check "  audited" "[ $(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE tabel = 'pengguna_lembaga'") = 1 ]"
$T --db "$DB" user lembaga opd.dinkes OPD-TIDAK-ADA > "$W/out" 2>&1
check "user lembaga: an unknown institution is refused, the link kept" "[ $? -eq 1 ] && grep -q \"lembaga 'OPD-TIDAK-ADA' tidak ada\" \"$W/out\" && [ \"$(sqlite3 "$DB" "SELECT lembaga FROM pengguna_lembaga")\" = OPD-DINSOS ]"
$T --db "$DB" user lembaga siapa OPD-DINSOS > "$W/out" 2>&1
check "user lembaga: an unknown user" "[ $? -eq 1 ] && grep -q 'pengguna tidak ditemukan' \"$W/out\""
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
