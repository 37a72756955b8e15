#!/bin/sh
# tests/cli/web_audit_kasus.sh - the case audit (audit kasus stunting) and
# the files attached to a meeting, in the web application.
# Case audit: the kabupaten's TPPS sets the audit team (an OPD member as the
# technical team here); the candidates page proposes cases from the data
# with filters; only the team chooses cases and fills the worksheet
# (history from every source, family facts, findings, recommendations,
# actions, dissemination meeting); names are shown to the team and to the
# roles that see names in their area (the desa), hidden from the others
# (TPPS kabupaten and kecamatan, the OPD member once out of the team); the
# actions are reviewed as a meeting's and follow the dissemination meeting;
# the semester report (page, PDF, CSV) carries no names.
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
for u in admin tpps.kab opd.dinkes tpps.kec gizi.puskesmas bidan.desa kader; do login $u; done
R=$(q "SELECT id FROM rapat WHERE jenis = 'rakor' ORDER BY id LIMIT 1") # the kabupaten's
LD="$DB.lampiran"
nfiles() { find "$LD" "$DB.impor" -type f 2>/dev/null | wc -l; }

# --- case audit: the team ---------------------------------------------------
check "tpps.kec cannot set the team: 403" "[ $(postf tpps.kec /audit-kasus/tim -d pengguna=opd.dinkes -d peran=teknis -d aksi=tambah) = 403 ]"
check "an unknown user: 422, the typed name kept" "[ $(postf tpps.kab /audit-kasus/tim -d pengguna=tidak.ada -d peran=teknis -d aksi=tambah) = 422 ] && grep -q 'Pengguna tidak ditemukan' \"$W/body\" && grep -q 'value=\"tidak.ada\"' \"$W/body\""
check "a user of another kabupaten's area cannot join" "[ $(q "SELECT count(*) FROM audit_tim") = 0 ]"
check "tpps.kab puts opd.dinkes on the technical team: 303" "[ $(postf tpps.kab /audit-kasus/tim -d pengguna=opd.dinkes -d peran=teknis -d aksi=tambah) = 303 ] && [ \"$(q "SELECT t.peran || '|' || t.kabupaten FROM audit_tim t JOIN pengguna p ON p.id = t.pengguna_id WHERE p.username = 'opd.dinkes'")\" = 'teknis|35.99' ]"
check "  audited" "[ $(q "SELECT count(*) FROM audit_log WHERE tabel = 'audit_tim'") = 1 ]"

# --- candidates -------------------------------------------------------------------
# X: a child of the desa user's desa, its name plain letters; Y: a child of another kecamatan
X=$(q "SELECT i.id FROM individu i JOIN anak a ON a.individu_id = i.id WHERE i.desa = '35.99.01.2001' AND i.nama NOT GLOB '*[^A-Za-z ]*' AND i.tgl_lahir > '2022-01-01' ORDER BY i.id LIMIT 1")
XN=$(q "SELECT nama FROM individu WHERE id = $X")
Y=$(q "SELECT i.id FROM individu i JOIN anak a ON a.individu_id = i.id WHERE i.desa LIKE '35.99.02.%' ORDER BY i.id LIMIT 1")
# a stunted child with faltering growth, from the data: latest measurement (last 12 months) TB/U < -2 and 2T
S=$(q "SELECT p.anak_id FROM pengukuran p JOIN individu i ON i.id = p.anak_id WHERE i.tgl_lahir > '2021-11-28' AND p.tanggal >= '2025-11-28' AND p.z_tbu < -2 AND p.t2 = 1 AND p.tanggal = (SELECT max(tanggal) FROM pengukuran x WHERE x.anak_id = p.anak_id) AND NOT EXISTS (SELECT 1 FROM anak_status s WHERE s.individu_id = p.anak_id) AND i.nama NOT GLOB '*[^A-Za-z ]*' LIMIT 1")
SN=$(q "SELECT nama FROM individu WHERE id = $S")
check "the data holds a stunted child with 2T (fixture)" "[ -n \"$S\" ]"
check "candidates (team): 200, the stunted 2T child by name, with a choose form" "[ $(get opd.dinkes '/audit-kasus/kandidat?jenis=stunting&goyah=1') = 200 ] && grep -qF \"$SN\" \"$W/body\" && grep -q 'name=\"individu_id\" value=\"$S\"' \"$W/body\""
check "  only stunting rows when filtered" "! grep -q '<tr><td>\\(wasting\\|bumil\\|catin\\)</td>' \"$W/body\" && grep -q '<tr><td>stunting</td>' \"$W/body\""
check "  every row of the faltering filter says so" "[ \$(grep -o '<tr><td>stunting</td>' \"$W/body\" | wc -l) = \$(grep -o 'pertumbuhan goyah' \"$W/body\" | wc -l) ]"
nall=$(grep -o '<tr><td>stunting</td>' "$W/body" | wc -l)
get opd.dinkes '/audit-kasus/kandidat?jenis=stunting' > /dev/null
check "  without the filter more stunted children" "[ \$(grep -o '<tr><td>stunting</td>' \"$W/body\" | wc -l) -gt $nall ]"
check "candidates (tpps.kab, not on the team): no names, no choose form" "[ $(get tpps.kab '/audit-kasus/kandidat?jenis=stunting&goyah=1') = 200 ] && ! grep -qF \"$SN\" \"$W/body\" && grep -q 'nama hanya untuk tim audit' \"$W/body\" && ! grep -q 'name=\"individu_id\"' \"$W/body\""
check "candidates of an area outside: 403" "[ $(get opd.dinkes '/audit-kasus/kandidat?wilayah=35.98') = 403 ]"

# --- choosing cases ---------------------------------------------------------------
check "tpps.kab (not on the team) cannot choose: 403" "[ $(postf tpps.kab /audit-kasus -d individu_id=$X -d kategori=balita -d kriteria=x) = 403 ]"
check "without a reason: 422, the candidates page again" "[ $(postf opd.dinkes /audit-kasus -d individu_id=$S -d kategori=baduta -d kriteria=) = 422 ] && grep -q 'Alasan pemilihan belum diisi' \"$W/body\""
check "a refused choice keeps the reason typed in its row" "[ $(postf opd.dinkes /audit-kasus -d individu_id=$S -d kategori=bukan -d 'kriteria=alasan saya') = 422 ] && grep -q 'value=\"alasan saya\"' \"$W/body\""
check "the team chooses X: 303 to its worksheet" "[ $(postf opd.dinkes /audit-kasus -d individu_id=$X -d kategori=balita -d 'kriteria=stunting: TB/U -2,5 SD') = 303 ]"
K=$(q "SELECT max(id) FROM kasus_aks")
check "  stored for the kabupaten and semester, by the team member, audited" "[ \"$(q "SELECT individu_id || '|' || kabupaten || '|' || semester || '|' || status || '|' || (dipilih_oleh = (SELECT id FROM pengguna WHERE username = 'opd.dinkes')) FROM kasus_aks WHERE id = $K")\" = \"$X|35.99|2026-2|dipilih|1\" ] && [ $(q "SELECT count(*) FROM audit_log WHERE tabel = 'kasus_aks' AND aksi = 'tambah' AND baris = '$K'") = 1 ]"
check "  twice in the semester: 422 with the reason" "[ $(postf opd.dinkes /audit-kasus -d individu_id=$X -d kategori=balita -d kriteria=lagi) = 422 ] && grep -q 'sudah menjadi kasus audit Semester II 2026' \"$W/body\""
check "a child of another kecamatan chosen too" "[ $(postf opd.dinkes /audit-kasus -d individu_id=$Y -d kategori=balita -d kriteria=wasting) = 303 ]"
KY=$(q "SELECT max(id) FROM kasus_aks")

# --- the worksheet and who sees the name ---------------------------------------------
LAST=$(q "SELECT max(tanggal) FROM pengukuran WHERE anak_id = $X")
KK=$(q "SELECT k.no_kk FROM individu i JOIN keluarga k ON k.id = i.keluarga_id WHERE i.id = $X")
check "worksheet (team): the name, the history with the latest measurement" "[ $(get opd.dinkes /audit-kasus/$K) = 200 ] && grep -qF \"$XN\" \"$W/body\" && grep -q \"<td>$LAST</td><td>Pengukuran</td>\" \"$W/body\""
check "  the measurements all there" "[ \$(grep -o '</td><td>Pengukuran</td>' \"$W/body\" | wc -l) = $(q "SELECT count(*) FROM pengukuran WHERE anak_id = $X") ]"
check "  the family's KK number for the team" "[ -z \"$KK\" ] || grep -q \"$KK\" \"$W/body\""
check "  the forms for the team" "grep -q 'action=\"/audit-kasus/$K/temuan\"' \"$W/body\""
check "worksheet (tpps.kab): no name, no KK, no forms" "[ $(get tpps.kab /audit-kasus/$K) = 200 ] && ! grep -qF \"$XN\" \"$W/body\" && grep -q 'Kasus #$K' \"$W/body\" && { [ -z \"$KK\" ] || ! grep -q \"$KK\" \"$W/body\"; } && ! grep -q 'action=\"/audit-kasus/$K/' \"$W/body\""
check "worksheet (tpps.kec): no name" "[ $(get tpps.kec /audit-kasus/$K) = 200 ] && ! grep -qF \"$XN\" \"$W/body\""
check "worksheet (bidan.desa, its desa): the name" "[ $(get bidan.desa /audit-kasus/$K) = 200 ] && grep -qF \"$XN\" \"$W/body\""
check "bidan.desa, a case of another kecamatan: 403" "[ $(get bidan.desa /audit-kasus/$KY) = 403 ]"
check "kader: 403" "[ $(get kader /audit-kasus/$K) = 403 ]"
check "list (tpps.kab): the case without name" "[ $(get tpps.kab /audit-kasus) = 200 ] && grep -q 'href=\"/audit-kasus/$K\">Kasus #$K<' \"$W/body\""
check "list (bidan.desa): its desa's case by name, not the other" "[ $(get bidan.desa /audit-kasus) = 200 ] && grep -qF \"$XN\" \"$W/body\" && ! grep -q 'href=\"/audit-kasus/$KY\"' \"$W/body\""

# --- findings, recommendations, actions, dissemination ----------------------------------
check "tpps.kab cannot write findings: 403" "[ $(postf tpps.kab /audit-kasus/$K/temuan -d isi=x) = 403 ]"
check "empty findings: 422" "[ $(postf opd.dinkes /audit-kasus/$K/temuan -d isi=) = 422 ] && grep -q 'belum diisi' \"$W/body\""
check "findings: 303, status dikaji" "[ $(postf opd.dinkes /audit-kasus/$K/temuan -d 'isi=Asupan protein kurang; jamban tidak layak') = 303 ] && [ \"$(q "SELECT status FROM kasus_aks WHERE id = $K")\" = dikaji ]"
check "recommendations: 303, status direkomendasi" "[ $(postf opd.dinkes /audit-kasus/$K/rekomendasi -d 'isi=Rujuk ke dokter spesialis anak; PMT pemulihan') = 303 ] && [ \"$(q "SELECT status FROM kasus_aks WHERE id = $K")\" = direkomendasi ]"
check "an action without deadline: 422, typed values kept" "[ $(postf opd.dinkes /audit-kasus/$K/tindakan -d 'uraian=PMT pemulihan 90 hari' -d pj_lembaga=OPD-DINKES -d tenggat=) = 422 ] && grep -q 'Tenggat' \"$W/body\" && grep -q 'value=\"PMT pemulihan 90 hari\"' \"$W/body\""
check "an action: 303" "[ $(postf opd.dinkes /audit-kasus/$K/tindakan -d 'uraian=PMT pemulihan 90 hari' -d pj_lembaga=OPD-DINKES -d tenggat=2027-02-28 -d sumber_anggaran=BOK) = 303 ]"
TL=$(q "SELECT id FROM tindak_lanjut WHERE kasus_id = $K")
check "  asal aks, in the child's desa, owner Dinkes, status baru" "[ \"$(q "SELECT asal || '|' || wilayah || '|' || pj_lembaga || '|' || status || '|' || (rapat_id IS NULL) FROM tindak_lanjut WHERE id = $TL")\" = \"aks|35.99.01.2001|OPD-DINKES|baru|1\" ]"
check "  reviewed like a meeting's action, without the child's name" "[ $(get tpps.kab /tindakan/$TL) = 200 ] && grep -q 'PMT pemulihan 90 hari' \"$W/body\" && ! grep -qF \"$XN\" \"$W/body\""
got=$(postf tpps.kab /rapat -d jenis=audit_kasus -d 'judul=Diseminasi AKS Semester II' -d tanggal=2026-12-10)
M=$(q "SELECT max(id) FROM rapat")
check "the dissemination meeting (audit_kasus) by tpps.kab" "[ $got = 303 ] && [ \"$(q "SELECT jenis FROM rapat WHERE id = $M")\" = audit_kasus ]"
check "linking a rakor instead: 422" "[ $(postf opd.dinkes /audit-kasus/$K/rapat -d rapat_id=$R) = 422 ] && grep -q 'bukan rapat audit kasus' \"$W/body\""
check "linked: 303, dated as the meeting, the action follows it" "[ $(postf opd.dinkes /audit-kasus/$K/rapat -d rapat_id=$M) = 303 ] && [ \"$(q "SELECT rapat_id || '|' || tgl_diseminasi FROM kasus_aks WHERE id = $K")\" = \"$M|2026-12-10\" ] && [ $(q "SELECT rapat_id FROM tindak_lanjut WHERE id = $TL") = $M ]"
check "  the meeting page lists the action" "[ $(get tpps.kab /rapat/$M) = 200 ] && grep -q 'PMT pemulihan 90 hari' \"$W/body\""
check "  and the case, without the name for tpps.kab" "grep -q 'href=\"/audit-kasus/$K\">Kasus #$K<' \"$W/body\" && grep -q 'Rujuk ke dokter spesialis anak' \"$W/body\" && ! grep -qF \"$XN\" \"$W/body\""
check "  by name for the team" "[ $(get opd.dinkes /rapat/$M) = 200 ] && grep -qF \"$XN\" \"$W/body\""
check "  a rakor's page has no cases section" "[ $(get tpps.kab /rapat/$R) = 200 ] && ! grep -q 'Kasus yang didiseminasikan' \"$W/body\""

# --- the semester report -------------------------------------------------------------------
check "report (tpps.kab): the case without name, findings, recommendation" "[ $(get tpps.kab '/audit-kasus/laporan?semester=2026-2') = 200 ] && grep -q 'Kasus #$K' \"$W/body\" && grep -q 'Asupan protein kurang' \"$W/body\" && grep -q 'Rujuk ke dokter spesialis anak' \"$W/body\" && ! grep -qF \"$XN\" \"$W/body\""
check "  the summary: 2 balita cases, 1 with recommendations, 1 action" "grep -q '<td>balita</td><td class=\"n\">2</td><td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">1</td><td class=\"n\">0</td>' \"$W/body\""
check "  PDF" "[ $(get tpps.kab '/audit-kasus/laporan?semester=2026-2&format=pdf') = 200 ] && head -c 4 \"$W/body\" | grep -q '%PDF'"
check "  CSV without names" "[ $(get tpps.kab '/audit-kasus/laporan?semester=2026-2&format=csv') = 200 ] && grep -q 'Kasus #$K' \"$W/body\" && ! grep -qF \"$XN\" \"$W/body\""
check "  tpps.kec (below the kabupaten, not on the team): 403" "[ $(get tpps.kec /audit-kasus/laporan) = 403 ]"

# --- out of the team, the names go ------------------------------------------------------------
check "tpps.kab takes opd.dinkes off the team: 303" "[ $(postf tpps.kab /audit-kasus/tim -d pengguna=opd.dinkes -d peran=teknis -d aksi=hapus) = 303 ] && [ $(q "SELECT count(*) FROM audit_tim") = 0 ]"
check "  opd.dinkes no longer sees the name nor writes" "[ $(get opd.dinkes /audit-kasus/$K) = 200 ] && ! grep -qF \"$XN\" \"$W/body\" && [ $(postf opd.dinkes /audit-kasus/$K/hasil -d isi=x) = 403 ]"

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
