#!/bin/sh
# tests/cli/sensus.sh - a family census (one row per member) loaded into a
# store without people (issue 12, the 300,000-family import): the bulk path
# of import keluarga (members read once by NIK inserted without a lookup,
# indexes dropped and rebuilt) must give what a lookup per member gives.
#  1. the same NIK in two families, the second family's row read first: one
#     person, in the family written last (KK ...0002), noted for verval;
#  2. a member without NIK and one with a NIK, same name, desa and birth day,
#     in two families (both orders): one person each, found by name;
#  3. the indexes of individu are all there after each load;
#  4. an import killed while it runs (150,000 families) leaves the store as it was.
set -u
. tests/cli-lib.sh
export TUMBUH_TODAY=2025-06-30
H='No KK,Kode Desa,RT,RW,NIK,Nama,JK,Tgl Lahir,Hubungan'
load() { # DB FILE: a store with the test district, then the census file
  "$T" --db "$1" import wilayah tests/data/import/wilayah.csv --rejects "$W/w.rej" > /dev/null 2>&1
  "$T" --db "$1" import keluarga "$2" --putaran PK24 2>"$W/err"
}
indexes() { # DB: the individu indexes the import drops and rebuilds, and integrity
  sqlite3 "$1" "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN
    ('individu_cocok', 'individu_keluarga', 'individu_desa_lahir'); PRAGMA integrity_check" | tr '\n' ' '
}

# 1. Budi's NIK in KK 0001 (his row read last) and KK 0002 (read first)
{
  echo "$H"
  echo "3507010101110001,35.07.01.2001,001,001,3507014404900001,Siti Aminah,P,1990-04-04,Istri"
  echo "3507010101110002,35.07.01.2001,001,001,3507010101850001,Budi Santoso,L,1985-01-01,Kepala Keluarga"
  echo "3507010101110001,35.07.01.2001,001,001,3507010101850001,Budi Santoso,L,1985-01-01,Kepala Keluarga"
} > "$W/kembar.csv"
out=$(load "$W/1.db" "$W/kembar.csv")
check "NIK in two families: stored, KK 0002's row counts its new family ($out $(cat "$W/err"))" \
  "[ \"$out\" = 'read=3 imported=3 updated=0 rejected=0' ]"
check "NIK in two families: Siti and Budi, 2 people" \
  "[ \$(sqlite3 '$W/1.db' 'SELECT count(*) FROM individu') -eq 2 ]"
check "NIK in two families: Budi in KK 0002 (written last)" \
  "[ \"\$(sqlite3 '$W/1.db' \"SELECT k.no_kk FROM individu i JOIN keluarga k ON k.id = i.keluarga_id WHERE i.nik = '3507010101850001'\")\" = '3507010101110002' ]"
check "NIK in two families: on the verval list" \
  "[ \$(sqlite3 '$W/1.db' \"SELECT count(*) FROM keluarga_nik_ganda WHERE nik = '3507010101850001'\") -ge 1 ]"
check "NIK in two families: indexes rebuilt ($(indexes "$W/1.db"))" "[ \"\$(indexes '$W/1.db')\" = '3 ok ' ]"

# 2. Dewi: NIK in KK 0001, none in KK 0002; Rudi: none in KK 0003, NIK in KK 0004
{
  echo "$H"
  echo "3507010101120001,35.07.01.2001,001,001,3507014302910002,Dewi Lestari,P,1991-02-03,Istri"
  echo "3507010101120002,35.07.01.2001,001,001,,Dewi Lestari,P,1991-02-03,Istri"
  echo "3507010101120003,35.07.01.2001,002,001,,Rudi Hartono,L,1988-07-09,Kepala Keluarga"
  echo "3507010101120004,35.07.01.2001,002,001,3507010907880003,Rudi Hartono,L,1988-07-09,Kepala Keluarga"
  echo "3507010101120004,35.07.01.2001,002,001,3507010101100004,Andi Hartono,L,2010-01-01,Anak"
} > "$W/nama.csv"
out=$(load "$W/2.db" "$W/nama.csv")
check "by name: stored ($out $(cat "$W/err"))" "[ \$? -eq 0 ] && echo '$out' | grep -q '^read=5 '"
check "by name: Dewi, Rudi, Andi: 3 people" "[ \$(sqlite3 '$W/2.db' 'SELECT count(*) FROM individu') -eq 3 ]"
check "by name: Dewi keeps her NIK, in KK 0002" \
  "[ \"\$(sqlite3 '$W/2.db' \"SELECT i.nik || ' ' || k.no_kk FROM individu i JOIN keluarga k ON k.id = i.keluarga_id WHERE i.nama = 'Dewi Lestari'\")\" = '3507014302910002 3507010101120002' ]"
check "by name: Rudi gets his NIK, in KK 0004" \
  "[ \"\$(sqlite3 '$W/2.db' \"SELECT i.nik || ' ' || k.no_kk FROM individu i JOIN keluarga k ON k.id = i.keluarga_id WHERE i.nama = 'Rudi Hartono'\")\" = '3507010907880003 3507010101120004' ]"
check "by name: indexes rebuilt ($(indexes "$W/2.db"))" "[ \"\$(indexes '$W/2.db')\" = '3 ok ' ]"

# 4. 150,000 families of 2, killed after a second: nothing stored, indexes there
awk 'BEGIN { print "no_kk,kode_desa,nik,nama,jk,tgl_lahir,hubungan";
  for (f = 0; f < 150000; f++) {
    kk = sprintf("35070101%08d", f);
    printf "%s,35.07.01.2001,%s,Bapak %d,L,1980-01-01,Kepala Keluarga\n", kk, sprintf("35070101%08d", 2 * f), f;
    printf "%s,35.07.01.2001,%s,Ibu %d,P,1982-02-02,Istri\n", kk, sprintf("35070101%08d", 2 * f + 1), f;
  } }' > "$W/besar.csv"
"$T" --db "$W/4.db" import wilayah tests/data/import/wilayah.csv --rejects "$W/w.rej" > /dev/null 2>&1
"$T" --db "$W/4.db" import keluarga "$W/besar.csv" > /dev/null 2>&1 &
pid=$!
sleep 1
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
rc=$?
if [ $rc -eq 137 ]; then
  check "killed: no family, no person ($(sqlite3 "$W/4.db" 'SELECT count(*) FROM keluarga; SELECT count(*) FROM individu' | tr '\n' ' '))" \
    "[ \"\$(sqlite3 '$W/4.db' 'SELECT count(*) FROM keluarga; SELECT count(*) FROM individu' | tr '\n' ' ')\" = '0 0 ' ]"
  check "killed: indexes there ($(indexes "$W/4.db"))" "[ \"\$(indexes '$W/4.db')\" = '3 ok ' ]"
else
  echo "sensus.sh: the import ended (rc $rc) before it was killed: kill not tested" >&2
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
