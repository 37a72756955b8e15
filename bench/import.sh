#!/bin/sh
# bench/import.sh - `tumbuh import eppgbm` of 1,000,000 e-PPGBM rows (about
# 111,000 children, month by month, 15% without NIK) into a fresh database of
# a real district (`tumbuh init --kabupaten 35.07`: the national code list,
# 91,599 codes, and Kabupaten Malang; the rows name its real kecamatan and
# desa), against floors: reading the same file (floor_copy), inserting the
# same rows as text with sqlite3's .import (no parsing, no checks, no
# index) and computing their z-scores (`tumbuh zscore`, read + compute +
# write). Then the same file again (nothing changes). XLSX=1 adds the same
# rows as a workbook (below). Wall time and peak memory (max RSS), best of 3
# (each import into a fresh copy of the database).
set -eu
cd "$(dirname "$0")/.."
N=${N:-1000000}
D=build/bench
WL=${TUMBUH_WILAYAH:-${WILAYAH_DIR:-../shared/wilayah}}
export TUMBUH_WILAYAH="$WL" TUMBUH_FAST_HASH=1
LIST="$WL/$(awk '{print $2; exit}' "$WL/SHA256SUMS")"
mkdir -p $D
[ -x $D/gen_eppgbm ] && [ $D/gen_eppgbm -nt bench/gen_eppgbm.c ] ||
  cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -o $D/gen_eppgbm bench/gen_eppgbm.c -lm
[ -f $D/eppgbm-$N-real.csv ] || $D/gen_eppgbm $N 42 "$LIST" > $D/eppgbm-$N-real.csv
ls -l $D/eppgbm-$N-real.csv | awk '{printf "input: %s rows, %.1f MB\n", '"$N"', $5/1e6}'
rm -f $D/import-base.db*
printf 'sandi-bench-import\n' > $D/pw.txt
build/tumbuh --db $D/import-base.db init --kabupaten 35.07 --password-file $D/pw.txt > /dev/null
. bench/lib.sh
# one import into a fresh copy of the wilayah-only database
cat > $D/import-once.sh <<EOS
#!/bin/sh
rm -f $D/import.db $D/import.db-wal $D/import.db-shm
cp $D/import-base.db $D/import.db
exec build/tumbuh --db $D/import.db import eppgbm --rejects $D/import.rej $D/eppgbm-$N-real.csv
EOS
[ -x build/bench/floor_copy ] && echo "floor (read only):                $(best build/bench/floor_copy $D/eppgbm-$N-real.csv)"
cat > $D/floor-sqlite.sh <<EOS
#!/bin/sh
rm -f $D/floor.db $D/floor.db-journal
cp $D/import-base.db $D/floor.db
exec sqlite3 $D/floor.db ".import --csv $D/eppgbm-$N-real.csv pengukuran_teks"
EOS
echo "floor (sqlite3 .import as text):  $(best sh $D/floor-sqlite.sh)"
echo "floor (tumbuh zscore):            $(best build/tumbuh zscore $D/eppgbm-$N-real.csv)"
echo "tumbuh import eppgbm:             $(best sh $D/import-once.sh)"
sh $D/import-once.sh > /dev/null
echo "  $(TUMBUH_IMPORT_TIMING=1 sh $D/import-once.sh 2>&1 >/dev/null | grep -v 'baris dengan NIK' | tail -n 1)"
echo "  result: $(sh $D/import-once.sh)"
echo "again (nothing changes):          $(best build/tumbuh --db $D/import.db import eppgbm --rejects $D/import.rej $D/eppgbm-$N-real.csv)"
echo "  result: $(build/tumbuh --db $D/import.db import eppgbm --rejects $D/import.rej $D/eppgbm-$N-real.csv)"
# XLSX=1: the same rows as a workbook (written by bench/csv2xlsx.c with
# libxlsxwriter, inline strings: 1.35 GB of sheet XML for 1M rows), against
# the floor of only inflating the sheet and running expat over it.
if [ "${XLSX:-0}" = 1 ]; then
  for t in csv2xlsx floor_xlsx; do
    [ -x $D/$t ] && [ $D/$t -nt bench/$t.c ] ||
      cc -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -o $D/$t bench/$t.c -lxlsxwriter -lzip -lexpat
  done
  [ -f $D/eppgbm-$N-real.xlsx ] || $D/csv2xlsx $D/eppgbm-$N-real.csv $D/eppgbm-$N-real.xlsx
  ls -l $D/eppgbm-$N-real.xlsx | awk '{printf "xlsx input: %.1f MB\n", $5/1e6}'
  sed "s/eppgbm-$N-real.csv/eppgbm-$N-real.xlsx/" $D/import-once.sh > $D/import-once-xlsx.sh
  echo "floor (inflate + expat, xlsx):    $(best $D/floor_xlsx $D/eppgbm-$N-real.xlsx)"
  echo "tumbuh import eppgbm (xlsx):      $(best sh $D/import-once-xlsx.sh)"
  echo "  $(TUMBUH_IMPORT_TIMING=1 sh $D/import-once-xlsx.sh 2>&1 >/dev/null | tail -n 1)"
fi
