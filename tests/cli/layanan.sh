#!/bin/sh
# tests/cli/layanan.sh - the desa convergence scorecard (issue 12, domain
# reference section 12 Tabel 3) on a small fixture counted by hand, month
# 2025-06 (counts run to 2025-06-30):
#   families: K1 ledeng, septik, JKN PBI; K2 river, no latrine, no JKN;
#     K3 (other desa) bottled water, septik, JKN mandiri
#   Sukamaju (35.07.01.2001):
#     B1 (K1) pregnant: 4 ANC, 90 TTD, kelas ibu 4, not at risk: complete
#     B2 (K2) delivered 2025-06-05 (in its 42 days): 3 ANC, TTD 30 + 60 from a
#       TPK visit, 2 KF, kelas ibu 1 + 1 TPK counselling, KEK and visited in
#       June, JKN facilitated by the TPK: ttd90, kunjungan_risti, jkn only
#     B4 delivered 2025-04-01: not a target (more than 42 days)
#     A1 (K1) 5 months: immunisation complete (TPK), weighed and counselled
#       in June, birth certificate: complete (ukur_tb2 and gizi not applicable)
#     A2 (K2) 15 months: last weighed in May (stunted, not visited), length
#       twice in 12 months: ukur_tb2 only
#     A3 25 months (balita, not in Tabel 3), A4 moved away, A5 merged: out
#   Tulungrejo (35.07.01.2002): B3 (K3) pregnant, 1 ANC: air, jamban, jkn
set -u
. tests/cli-lib.sh
DB="$W/l.db"
q() { sqlite3 "$DB" "$1"; }
rep() { "$T" --db "$DB" report konvergensi-desa "$@" --format csv; }
"$T" --db "$DB" import wilayah tests/data/import/wilayah.csv --rejects "$W/w.rej" > /dev/null 2>&1
# the district this database serves, as `tumbuh init --kabupaten 35.07` records it
q "INSERT INTO pengaturan (kunci, nilai) VALUES ('kabupaten', '35.07')"
D=35.07.01.2001 D2=35.07.01.2002
q "INSERT INTO keluarga (id, no_kk, desa, sumber_air, jamban, jkn) VALUES
   (1, '3507010101250001', '$D', 'ledeng', 'septik', 'pbi'),
   (2, '3507010101250002', '$D', 'sungai', 'tidak_ada', 'tidak'),
   (3, '3507010201250003', '$D2', 'kemasan', 'septik', 'mandiri');
 INSERT INTO individu (id, nama, nama_kunci, jk, tgl_lahir, keluarga_id, desa, peran) VALUES
   (11, 'Ibu Satu', 'ibu satu', 2, '1995-01-01', 1, '$D', 'bumil'),
   (12, 'Ibu Dua', 'ibu dua', 2, '1996-01-01', 2, '$D', 'bumil'),
   (13, 'Ibu Tiga', 'ibu tiga', 2, '1997-01-01', 3, '$D2', 'bumil'),
   (14, 'Ibu Empat', 'ibu empat', 2, '1998-01-01', NULL, '$D', 'bumil'),
   (21, 'Anak Satu', 'anak satu', 1, '2025-01-15', 1, '$D', 'anak'),
   (22, 'Anak Dua', 'anak dua', 2, '2024-03-10', 2, '$D', 'anak'),
   (23, 'Anak Tiga', 'anak tiga', 1, '2023-05-01', NULL, '$D', 'anak'),
   (24, 'Anak Empat', 'anak empat', 1, '2025-02-01', NULL, '$D', 'anak'),
   (25, 'Anak Lima', 'anak lima', 1, '2024-12-01', 1, '$D', 'anak');
 INSERT INTO kehamilan (id, ibu_id, hpht, hpl, kek, ttd_jumlah, kelas_ibu, tgl_persalinan) VALUES
   (1, 11, '2025-01-01', '2025-10-08', 0, 90, 4, NULL),
   (2, 12, '2024-09-01', '2025-06-08', 1, 30, 1, '2025-06-05'),
   (3, 13, '2025-05-01', '2026-02-05', 0, 0, 0, NULL),
   (4, 14, '2024-07-01', '2025-04-07', 0, 0, 0, '2025-04-01');
 INSERT INTO kunjungan_anc (kehamilan_id, ke, tanggal) VALUES
   (1, 1, '2025-02-01'), (1, 2, '2025-03-01'), (1, 3, '2025-04-01'), (1, 4, '2025-06-01'),
   (1, 5, '2025-07-15'),
   (2, 1, '2024-10-01'), (2, 2, '2025-01-01'), (2, 3, '2025-04-01'), (3, 1, '2025-06-20');
 INSERT INTO kunjungan_nifas (kehamilan_id, ke, tanggal) VALUES (2, 1, '2025-06-06'), (2, 2, '2025-06-12');
 INSERT INTO tpk (id, kode, desa, nama) VALUES (1, 'T1', '$D', 'TPK Sukamaju 1');
 INSERT INTO tpk_kunjungan (tpk_id, individu_id, tanggal, sasaran, data, konseling, jkn) VALUES
   (1, 12, '2025-03-01', 'bumil', '{\"ttd\":60}', 'gizi ibu hamil', NULL),
   (1, 12, '2025-04-01', 'bumil', '{\"ttd\":30}', NULL, NULL),
   (1, 12, '2025-06-10', 'nifas', '{\"kf\":2}', NULL, 'difasilitasi'),
   (1, 21, '2025-06-03', 'baduta', '{\"imunisasi\":\"lengkap\",\"ditimbang\":true}', 'ASI', NULL);
 INSERT INTO anak (individu_id, akta_lahir) VALUES (21, 1), (22, 0), (23, 0), (24, 0), (25, 0);
 UPDATE anak SET digabung_ke = 21 WHERE individu_id = 25;
 INSERT INTO anak_status (individu_id, tanggal, status) VALUES (24, '2025-05-01', 'pindah');
 INSERT INTO pengukuran (anak_id, tanggal, bb, tb, kat_tbu) VALUES
   (21, '2025-06-03', 7.0, 64.0, 'N'), (22, '2024-09-10', 7.5, 68.0, 'N'),
   (22, '2025-05-10', 8.5, 71.0, 'P'), (23, '2025-06-03', 11.0, 85.0, 'N'),
   (24, '2025-06-03', 6.5, 62.0, 'N'), (25, '2025-06-03', 7.0, 66.0, 'N');"
rep --wilayah $D --month 2025-06 > "$W/d.csv" 2>"$W/err"
check "desa: exit 0 ($(cat "$W/err"))" "[ \$? -eq 0 ]"
check "desa: the columns" "[ \"\$(head -n 1 '$W/d.csv')\" = 'kode,desa,sasaran,indikator,berlaku,tercapai,persen' ]"
row() { # row FILE KODE SASARAN INDIKATOR-START: the counts berlaku,tercapai,persen
  grep "^$2,[^,]*,$3,$4" "$1" | head -n 1 | awk -F, '{print $(NF-2) "," $(NF-1) "," $NF}'
}
B="Ibu hamil dan nifas" A="Anak 0-23 bulan"
want() { # want FILE KODE SASARAN INDIKATOR WANT DESC
  got=$(row "$W/$1" "$2" "$3" "$4")
  check "$6: $5 (got $got)" "[ '$got' = '$5' ]"
}
for c in "Pemeriksaan kehamilan|2,1,50.00" "Tablet tambah darah|2,2,100.00" \
         "Pemeriksaan nifas|1,0,0.00" "Konseling gizi|2,1,50.00" "Ibu hamil KEK|1,1,100.00" \
         "Rumah tangga dengan air|2,1,50.00" "Rumah tangga dengan jamban|2,1,50.00" \
         "Memiliki jaminan|2,2,100.00" "Paket lengkap|2,1,50.00"; do
  ind=${c%%|*} want=${c##*|}
  got=$(row "$W/d.csv" $D "$B" "$ind")
  check "bumil $ind: $want (got $got)" "[ '$got' = '$want' ]"
done
for c in "Imunisasi dasar|1,1,100.00" "Ditimbang bulan ini|2,1,50.00" \
         "Panjang/tinggi|1,1,100.00" "Orang tua mendapat|2,1,50.00" "Anak gizi kurang|1,0,0.00" \
         "Rumah tangga dengan air|2,1,50.00" "Rumah tangga dengan jamban|2,1,50.00" \
         "Memiliki jaminan|2,1,50.00" "Memiliki akta|2,1,50.00" "Paket lengkap|2,1,50.00"; do
  ind=${c%%|*} want=${c##*|}
  got=$(row "$W/d.csv" $D "$A" "$ind")
  check "baduta $ind: $want (got $got)" "[ '$got' = '$want' ]"
done
check "a desa alone: 9 + 10 rows, no total" "[ \$(wc -l < '$W/d.csv') -eq 20 ]"
rep --wilayah 35.07.01 --month 2025-06 > "$W/k.csv"
want k.csv $D2 "$B" "Pemeriksaan kehamilan" "1,0,0.00" "Tulungrejo: B3 ANC 1,0"
want k.csv $D2 "$B" "Pemeriksaan nifas" "0,0," "Tulungrejo: no delivery, nifas not applicable"
want k.csv $D2 "$B" "Rumah tangga dengan air" "1,1,100.00" "Tulungrejo: B3 safe water"
want k.csv 35.07.01 "$B" "Pemeriksaan kehamilan" "3,1,33.33" "kecamatan total: ANC 3,1"
want k.csv 35.07.01 "$B" "Tablet" "3,2,66.67" "kecamatan total: TTD 3,2"
want k.csv 35.07.01 "$B" "Paket" "3,1,33.33" "kecamatan total: bumil complete 3,1"
check "kecamatan total named Jumlah" "grep -q '^35.07.01,Jumlah,' '$W/k.csv'"
# May: B2 not delivered yet (pregnant), A1 not weighed in May (weighed in June)
rep --wilayah $D --month 2025-05 > "$W/may.csv"
want may.csv $D "$B" "Pemeriksaan nifas" "0,0," "May: nifas not applicable yet"
want may.csv $D "$A" "Ditimbang" "2,1,50.00" "May: A2 weighed, A1 not"
# a district's own package (setting paket_baduta): only those indicators, complete on them
q "INSERT INTO pengaturan VALUES ('paket_baduta', 'ditimbang, akta, tidak_ada')"
rep --wilayah $D --month 2025-06 > "$W/p.csv"
check "configured package: 2 baduta indicators and the complete row" "[ \$(grep -c ',$A,' '$W/p.csv') -eq 3 ]"
want p.csv $D "$A" "Paket" "2,1,50.00" "configured package: complete 2,1"
"$T" --db "$DB" report konvergensi-desa --wilayah $D --month 2025-06 --format pdf -o "$W/k.pdf" 2>/dev/null
check "pdf written" "head -c 4 '$W/k.pdf' | grep -q '%PDF'"
"$T" --db "$DB" report konvergensi-desa --wilayah $D --month 2025-06 --format xlsx -o "$W/k.xlsx" 2>/dev/null
check "xlsx written" "[ -s '$W/k.xlsx' ]"
"$T" --db "$DB" report konvergensi-desa --posyandu 1 --month 2025-06 > /dev/null 2>&1
check "per posyandu: refused" "[ \$? -ne 0 ]"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
