#!/bin/sh
# tests/cli/web_audit_kasus.sh - the case audit (audit kasus stunting) and
# the files attached to a meeting, in the web application.
# Attachments: uploaded as the request body by the meeting's editors only,
# with the CSRF header; the type is read from the bytes (a text file named
# .pdf, an HTML page named .png and a zip that is no Office file are
# refused with 415 and nothing is kept); a file above the limit is refused
# with 413; stored under DB.lampiran/ (mode 0600), listed on the meeting
# page, downloaded as an attachment with its type and nosniff by whoever
# reads the meeting, removed by its editors (audited, file gone).
export TUMBUH_TODAY=2026-11-28
. tests/cli-lib.sh
. tests/web-lib.sh
q() { sqlite3 "$DB" "$1"; }
postf() { # postf USER PATH [CURL ARGS]: a form POST with USER's CSRF token; prints the status
  u=$1 p=$2
  shift 2
  curl -s -b "$W/$u.jar" -o "$W/body" -D "$W/head" -w '%{http_code}' \
    -d "csrf=$(cat "$W/$u.csrf")" "$@" "$B$p"
}
upload() { # upload USER PATH FILE: the file as the body with USER's CSRF header; prints the status
  curl -s -b "$W/$1.jar" -o "$W/body" -D "$W/head" -w '%{http_code}' \
    -H "X-CSRF-Token: $(cat "$W/$1.csrf")" -H 'Content-Type: application/octet-stream' \
    --data-binary "@$3" "$B$2"
}
for u in admin tpps.kab tpps.kec gizi.puskesmas bidan.desa kader; do login $u; done
R=$(q "SELECT id FROM rapat WHERE jenis = 'rakor' ORDER BY id LIMIT 1") # the kabupaten's
LD="$DB.lampiran"
nfiles() { find "$LD" "$DB.impor" -type f 2>/dev/null | wc -l; }

# --- attachments -----------------------------------------------------------
printf '%%PDF-1.4\n%% daftar hadir\n1 0 obj << >> endobj\ntrailer << >>\n%%%%EOF\n' > "$W/hadir.pdf"
printf 'ini bukan pdf\n' > "$W/palsu.pdf"
printf '<html><script>alert(1)</script></html>' > "$W/halaman.png"
python3 - "$W" <<'PY'
import sys, zipfile
w = sys.argv[1]
with zipfile.ZipFile(w + '/paparan.pptx', 'w') as z:
    z.writestr('[Content_Types].xml', '<Types/>')
    z.writestr('ppt/presentation.xml', '<p:presentation/>')
with zipfile.ZipFile(w + '/arsip.docx', 'w') as z:
    z.writestr('catatan.txt', 'sebuah zip biasa, bukan dokumen Office')
open(w + '/foto.jpg', 'wb').write(b'\xff\xd8\xff\xe0\x00\x10JFIF\x00' + bytes(200))
PY
check "upload by tpps.kab (rakor editor): 303" "[ $(upload tpps.kab "/rapat/$R/lampiran?nama=daftar%20hadir.pdf&keterangan=Foto%20daftar%20hadir" "$W/hadir.pdf") = 303 ]"
L1=$(q "SELECT max(id) FROM rapat_lampiran")
check "  stored: meeting, name, type from the bytes, size" "[ \"$(q "SELECT rapat_id || '|' || nama || '|' || jenis || '|' || ukuran FROM rapat_lampiran WHERE id = $L1")\" = \"$R|daftar hadir.pdf|pdf|$(wc -c < "$W/hadir.pdf")\" ]"
F1="$LD/$(q "SELECT berkas FROM rapat_lampiran WHERE id = $L1")"
check "  the file under DB.lampiran, same bytes, mode 600" "cmp -s \"$F1\" \"$W/hadir.pdf\" && [ \$(stat -c %a \"$F1\") = 600 ]"
check "  audited" "[ $(q "SELECT count(*) FROM audit_log WHERE tabel = 'rapat_lampiran' AND aksi = 'tambah' AND baris = '$L1'") = 1 ]"
check "pptx (a zip with ppt/): 303, typed pptx" "[ $(upload tpps.kab "/rapat/$R/lampiran?nama=paparan.pptx" "$W/paparan.pptx") = 303 ] && [ \"$(q "SELECT jenis FROM rapat_lampiran WHERE id = (SELECT max(id) FROM rapat_lampiran)")\" = pptx ]"
check "a JPEG named .jpg: typed jpeg" "[ $(upload admin "/rapat/$R/lampiran?nama=foto.jpg" "$W/foto.jpg") = 303 ] && [ \"$(q "SELECT jenis FROM rapat_lampiran WHERE id = (SELECT max(id) FROM rapat_lampiran)")\" = jpeg ]"
before=$(q "SELECT count(*) FROM rapat_lampiran"); files=$(nfiles)
check "a text file named .pdf: 415 with the reason" "[ $(upload tpps.kab "/rapat/$R/lampiran?nama=palsu.pdf" "$W/palsu.pdf") = 415 ] && grep -q 'Jenis berkas tidak diterima' \"$W/body\""
check "an HTML page named .png: 415" "[ $(upload tpps.kab "/rapat/$R/lampiran?nama=halaman.png" "$W/halaman.png") = 415 ]"
check "a zip that is no Office file, named .docx: 415" "[ $(upload tpps.kab "/rapat/$R/lampiran?nama=arsip.docx" "$W/arsip.docx") = 415 ]"
check "  nothing stored, no file left behind" "[ $(q "SELECT count(*) FROM rapat_lampiran") = $before ] && [ \$(nfiles) = $files ]"
check "tpps.kec (not the meeting's area): 403" "[ $(upload tpps.kec "/rapat/$R/lampiran?nama=x.pdf" "$W/hadir.pdf") = 403 ]"
check "kader (role outside): 403" "[ $(upload kader "/rapat/$R/lampiran?nama=x.pdf" "$W/hadir.pdf") = 403 ]"
got=$(curl -s -b "$W/tpps.kab.jar" -o /dev/null -w '%{http_code}' -H 'Content-Type: application/octet-stream' --data-binary "@$W/hadir.pdf" "$B/rapat/$R/lampiran?nama=x.pdf")
check "without the CSRF header: 403" "[ $got = 403 ]"
check "  nothing stored by the refused ones" "[ $(q "SELECT count(*) FROM rapat_lampiran") = $before ]"

check "meeting page lists the attachment with its link" "[ $(get gizi.puskesmas /rapat/$R) = 200 ] && grep -q \"href=\\\"/rapat/$R/lampiran/$L1\\\"\" \"$W/body\" && grep -q 'daftar hadir.pdf' \"$W/body\""
check "  no upload form for a reader" "! grep -q 'lampiran-form' \"$W/body\""
check "  the upload form for the editor" "[ $(get tpps.kab /rapat/$R) = 200 ] && grep -q 'id=\"lampiran-form\"' \"$W/body\""
got=$(curl -s -b "$W/gizi.puskesmas.jar" -o "$W/dl" -D "$W/head" -w '%{http_code}' "$B/rapat/$R/lampiran/$L1")
check "download by a reader: 200, same bytes" "[ $got = 200 ] && cmp -s \"$W/dl\" \"$W/hadir.pdf\""
check "  Content-Type application/pdf" "grep -qi '^Content-Type: application/pdf' \"$W/head\""
check "  Content-Disposition attachment with the name" "grep -qi '^Content-Disposition: attachment; filename=\"daftar hadir.pdf\"' \"$W/head\""
check "  nosniff" "grep -qi '^X-Content-Type-Options: nosniff' \"$W/head\""
check "an attachment through another meeting's URL: 404" "[ $(get tpps.kab /rapat/$((R + 1))/lampiran/$L1) = 404 ]"
check "kader cannot download: 403" "[ $(get kader /rapat/$R/lampiran/$L1) = 403 ]"

check "tpps.kec cannot remove it: 403" "[ $(postf tpps.kec /rapat/$R/lampiran/$L1/hapus) = 403 ] && [ -f \"$F1\" ]"
check "tpps.kab removes it: 303, row and file gone" "[ $(postf tpps.kab /rapat/$R/lampiran/$L1/hapus) = 303 ] && [ $(q "SELECT count(*) FROM rapat_lampiran WHERE id = $L1") = 0 ] && [ ! -e \"$F1\" ]"
check "  audited with what it held" "q \"SELECT sebelum FROM audit_log WHERE tabel = 'rapat_lampiran' AND aksi = 'hapus' AND baris = '$L1'\" | grep -q 'daftar hadir.pdf'"

export TUMBUH_LAMPIRAN_MAX_MB=1
restart_server
head -c 1100000 /dev/zero > "$W/pad"; cat "$W/hadir.pdf" "$W/pad" > "$W/besar.pdf"
before=$(q "SELECT count(*) FROM rapat_lampiran"); files=$(nfiles)
check "above the limit (1 MB): 413 with the limit" "[ $(upload tpps.kab "/rapat/$R/lampiran?nama=besar.pdf" "$W/besar.pdf") = 413 ] && grep -q '1 MB' \"$W/body\""
got=$(curl -s -b "$W/tpps.kab.jar" -o "$W/body" -w '%{http_code}' -H "X-CSRF-Token: $(cat "$W/tpps.kab.csrf")" -H 'Content-Type: application/octet-stream' -H 'Transfer-Encoding: chunked' --data-binary "@$W/besar.pdf" "$B/rapat/$R/lampiran?nama=besar.pdf")
check "  also when its length is not announced (chunked): 413" "[ $got = 413 ]"
check "  nothing stored, no file left behind" "[ $(q "SELECT count(*) FROM rapat_lampiran") = $before ] && [ \$(nfiles) = $files ]"
unset TUMBUH_LAMPIRAN_MAX_MB

check "server log has no sanitizer report" "! grep -q 'Sanitizer' \"$W/serve.err\""
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
