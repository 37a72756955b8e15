#!/bin/sh
# bench/pdf.sh - the printable PDF of the largest list: the kabupaten's
# stunting list with names (about 5,500 rows, 134 pages on the district demo)
# and the publication (3 tables with charts), against the floor: the same
# report as CSV (the query alone, nearly). Uses build/bench/demo.db from
# bench/demo.sh (made here when missing).
set -eu
cd "$(dirname "$0")/.."
D=build/bench
mkdir -p $D
. bench/lib.sh
[ -f $D/demo.db ] || build/tumbuh --db $D/demo.db demo --size district --seed 1 --until 2026-11 > /dev/null
R="build/tumbuh --db $D/demo.db report"
echo "stunting list, kabupaten, PDF: $(best $R stunting --names --wilayah 35.99 --month 2026-11 --format pdf -o $D/list.pdf)"
echo "  pages: $(pdfinfo $D/list.pdf | awk '/^Pages:/ {print $2}')"
echo "floor (the same list as CSV): $(best $R stunting --names --wilayah 35.99 --month 2026-11 -o $D/list.csv)"
echo "publication, kabupaten, PDF: $(best $R publikasi --wilayah 35.99 --month 2026-11 -o $D/pub.pdf)"
