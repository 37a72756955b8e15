#!/bin/sh
# bench/import.sh - `tumbuh import eppgbm` of 1,000,000 e-PPGBM rows (about
# 111,000 children, month by month, 15% without NIK) into a database that
# holds only the wilayah list, against two floors: reading the same file
# (floor_copy) and computing its z-scores (`tumbuh zscore`, read + compute +
# write). Then the same file again (nothing changes). XLSX=1 adds the same
# rows as a workbook (below). Wall time and peak
# memory (max RSS), best of 3 (each import into a fresh copy of the database).
set -eu
cd "$(dirname "$0")/.."
N=${N:-1000000}
D=build/bench
mkdir -p $D
[ -x $D/gen_eppgbm ] && [ $D/gen_eppgbm -nt bench/gen_eppgbm.c ] ||
  cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -o $D/gen_eppgbm bench/gen_eppgbm.c -lm
[ -f $D/eppgbm-$N.csv ] || $D/gen_eppgbm $N 42 > $D/eppgbm-$N.csv
ls -l $D/eppgbm-$N.csv | awk '{printf "input: %s rows, %.1f MB\n", '"$N"', $5/1e6}'
rm -f $D/import-base.db*
$D/gen_eppgbm wilayah > $D/wilayah-eppgbm.csv
build/tumbuh --db $D/import-base.db import wilayah $D/wilayah-eppgbm.csv > /dev/null
. bench/lib.sh
# one import into a fresh copy of the wilayah-only database
cat > $D/import-once.sh <<EOS
#!/bin/sh
rm -f $D/import.db $D/import.db-wal $D/import.db-shm
cp $D/import-base.db $D/import.db
exec build/tumbuh --db $D/import.db import eppgbm --rejects $D/import.rej $D/eppgbm-$N.csv
EOS
[ -x build/bench/floor_copy ] && echo "floor (read only):                $(best build/bench/floor_copy $D/eppgbm-$N.csv)"
echo "floor (tumbuh zscore):            $(best build/tumbuh zscore $D/eppgbm-$N.csv)"
echo "tumbuh import eppgbm:             $(best sh $D/import-once.sh)"
sh $D/import-once.sh > /dev/null
echo "  $(TUMBUH_IMPORT_TIMING=1 sh $D/import-once.sh 2>&1 >/dev/null | tail -n 1)"
echo "  result: $(sh $D/import-once.sh)"
echo "again (nothing changes):          $(best build/tumbuh --db $D/import.db import eppgbm --rejects $D/import.rej $D/eppgbm-$N.csv)"
echo "  result: $(build/tumbuh --db $D/import.db import eppgbm --rejects $D/import.rej $D/eppgbm-$N.csv)"
# XLSX=1: the same rows as a workbook (written by bench/csv2xlsx.c with
# libxlsxwriter, inline strings: 1.35 GB of sheet XML for 1M rows), against
# the floor of only inflating the sheet and running expat over it.
if [ "${XLSX:-0}" = 1 ]; then
  for t in csv2xlsx floor_xlsx; do
    [ -x $D/$t ] && [ $D/$t -nt bench/$t.c ] ||
      cc -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -o $D/$t bench/$t.c -lxlsxwriter -lzip -lexpat
  done
  [ -f $D/eppgbm-$N.xlsx ] || $D/csv2xlsx $D/eppgbm-$N.csv $D/eppgbm-$N.xlsx
  ls -l $D/eppgbm-$N.xlsx | awk '{printf "xlsx input: %.1f MB\n", $5/1e6}'
  sed "s/eppgbm-$N.csv/eppgbm-$N.xlsx/" $D/import-once.sh > $D/import-once-xlsx.sh
  echo "floor (inflate + expat, xlsx):    $(best $D/floor_xlsx $D/eppgbm-$N.xlsx)"
  echo "tumbuh import eppgbm (xlsx):      $(best sh $D/import-once-xlsx.sh)"
  echo "  $(TUMBUH_IMPORT_TIMING=1 sh $D/import-once-xlsx.sh 2>&1 >/dev/null | tail -n 1)"
fi
