#!/bin/sh
# bench/audit_kasus.sh - the case audit and meeting attachments on the demo
# district (`demo --size district`): the candidates page of the whole
# kabupaten (all kinds, and stunted children with faltering growth only),
# a case's worksheet, the semester report (page and PDF), and a 5 MB PDF
# attached to a meeting (upload, streamed to disk) and downloaded. curl's
# total time, best of 3, logged in as admin (put on the audit team).
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
D=build/bench
mkdir -p $D
export TUMBUH_FAST_HASH=1
if [ ! -f $D/aks.db ]; then
  build/tumbuh --db $D/aks.db demo --size district --seed 1 > $D/aks-users.txt
fi
sqlite3 $D/aks.db "SELECT (SELECT count(*) FROM pengukuran) || ' measurements, ' || (SELECT count(*) FROM anak) || ' children'"
serve $D/aks.db
J=$D/aks.jar
masuk $J admin $D/aks-users.txt
C=$(curl -s -b $J "$B/api/v1/saya" | sed 's/.*"csrf":"\([0-9a-f]*\)".*/\1/')
curl -s -b $J -o /dev/null -d "csrf=$C&pengguna=admin&peran=teknis&aksi=tambah" "$B/audit-kasus/tim"
X=$(sqlite3 $D/aks.db "SELECT p.anak_id FROM pengukuran p WHERE p.z_tbu < -2 ORDER BY p.tanggal DESC LIMIT 1")
curl -s -b $J -o /dev/null -d "csrf=$C&individu_id=$X&kategori=balita&kriteria=bench" "$B/audit-kasus"
K=$(sqlite3 $D/aks.db "SELECT max(id) FROM kasus_aks")
R=$(sqlite3 $D/aks.db "SELECT id FROM rapat WHERE jenis = 'rakor' LIMIT 1")
echo "candidates listed: $(curl -s -b $J "$B/audit-kasus/kandidat" | grep -o '<tr><td>[a-z]*</td>' | wc -l) (page shows at most 500)"
head -c 5242880 /dev/zero | { printf '%%PDF-1.4\n'; cat; } > $D/lampiran.pdf
timed() { # timed LABEL CURL-ARGS...: best of 3 of curl's total time
  l=$1
  shift
  b=99
  for i in 1 2 3; do
    x=$(curl -s -b $J -o /dev/null -w '%{time_total} %{http_code}' "$@")
    b=$(echo "$x $b" | awk '{print ($1 < $3) ? $1 : $3}')
    st=${x#* }
  done
  echo "$l: $b s (HTTP $st)"
}
timed "/audit-kasus/kandidat" "$B/audit-kasus/kandidat"
timed "/audit-kasus/kandidat?jenis=stunting&goyah=1" "$B/audit-kasus/kandidat?jenis=stunting&goyah=1"
timed "/audit-kasus/$K (worksheet)" "$B/audit-kasus/$K"
timed "/audit-kasus/laporan" "$B/audit-kasus/laporan"
timed "/audit-kasus/laporan?format=pdf" "$B/audit-kasus/laporan?format=pdf"
timed "upload 5 MB attachment" -H "X-CSRF-Token: $C" -H 'Content-Type: application/octet-stream' \
  --data-binary @$D/lampiran.pdf "$B/rapat/$R/lampiran?nama=bench.pdf"
L=$(sqlite3 $D/aks.db "SELECT max(id) FROM rapat_lampiran")
timed "download 5 MB attachment" "$B/rapat/$R/lampiran/$L"
