#!/bin/sh
# tests/cli/web_rapat.sh - the coordination cycle in the web application: a
# lokmin recorded by the TPPS kecamatan (participants, a commitment, two
# problems, one escalated, a recommendation, three actions, one tied to an
# indicator), refused forms that come back filled, the minutes PDF, the open
# actions carried to the next lokmin until closed (the history stays), the
# escalated problem on the kabupaten's rakor with its origin and the answer
# flowing back, scope per role, and the OPD member who sees and reviews only
# its institution's actions (pages, lists, CSV and API).
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
KEC=35.99.01
D1=35.99.01.2001 # the desa user's
D2=35.99.01.2002
for u in admin tpps.kab opd.dinkes tpps.kec gizi.puskesmas bidan.desa kader; do login $u; done

# a lokmin: refused first (no title), the form comes back filled
check "list of meetings: tpps.kec 200" "[ $(get tpps.kec /rapat) = 200 ]"
check "list shows the kecamatan's 12 demo lokmin" "[ \$(grep -o 'href=\"/rapat/[0-9]*\"' \"$W/body\" | wc -l) = 12 ]"
got=$(postf tpps.kec /rapat -d jenis=minilok -d judul= -d tanggal=2026-11-10 -d tempat=Aula%20Kecamatan -d tahap=5)
check "new meeting without a title: 422" "[ $got = 422 ]"
check "  the error says what is missing" "grep -q 'judul rapat belum diisi' \"$W/body\""
check "  what was typed is kept" "grep -q 'value=\"Aula Kecamatan\"' \"$W/body\""
got=$(postf tpps.kec /rapat -d jenis=rakor -d judul=Rakor -d tanggal=2026-11-10)
check "tpps.kec cannot hold a kabupaten rakor: 422" "[ $got = 422 ] && grep -q 'tingkat kabupaten' \"$W/body\""
got=$(postf tpps.kec /rapat -d jenis=minilok -d "judul=Lokmin November" -d tanggal=2026-11-10 -d "tempat=Aula Kecamatan" -d tahap=5 -d "agenda=Evaluasi aksi desa")
A=$(q "SELECT max(id) FROM rapat")
check "lokmin created: 303 to its page" "[ $got = 303 ] && grep -q \"Location: /rapat/$A\" \"$W/head\""
check "  stored with its area, stage and creator" "[ \"$(q "SELECT wilayah || '|' || jenis || '|' || tahap || '|' || (dibuat_oleh = (SELECT id FROM pengguna WHERE username = 'tpps.kec')) FROM rapat WHERE id = $A")\" = '$KEC|minilok|5|1' ]"
check "  audited" "[ $(q "SELECT count(*) FROM audit_log WHERE tabel = 'rapat' AND baris = '$A'") = 1 ]"

# a kind the district adds, held as a lokmin
check "tpps.kec cannot add kinds" "[ $(postf tpps.kec /rapat/jenis -d kode=evaluasi -d nama=Evaluasi -d dasar=minilok) = 403 ]"
check "a kind without a name: 422, the code kept" "[ $(postf tpps.kab /rapat/jenis -d kode=evaluasi_pmt -d nama= -d dasar=minilok) = 422 ] && grep -q 'value=\"evaluasi_pmt\"' \"$W/body\""
check "tpps.kab adds 'Evaluasi PMT' held as a lokmin" "[ $(postf tpps.kab /rapat/jenis -d kode=evaluasi_pmt -d 'nama=Evaluasi PMT' -d dasar=minilok) = 303 ] && [ \"$(q "SELECT dasar FROM rapat_jenis WHERE kode = 'evaluasi_pmt'")\" = minilok ]"
check "  the kecamatan holds one" "[ $(postf tpps.kec /rapat -d jenis=evaluasi_pmt -d 'judul=Evaluasi PMT November' -d tanggal=2026-11-15) = 303 ] && [ \"$(q "SELECT jenis || '|' || jenis_kode FROM rapat WHERE id = (SELECT max(id) FROM rapat)")\" = 'minilok|evaluasi_pmt' ]"

# participants, a commitment, problems, a recommendation, actions
check "participant by institution" "[ $(postf tpps.kec /rapat/$A/peserta -d 'nama=dr. Sari' -d jabatan=Kepala -d lembaga=PKM-$(q "SELECT kode FROM puskesmas WHERE kecamatan = '$KEC' LIMIT 1")) = 303 ]"
check "participant typed" "[ $(postf tpps.kec /rapat/$A/peserta -d 'nama=Budi' -d jabatan=Kades -d 'instansi=Desa Wonourip') = 303 ]"
check "commitment" "[ $(postf tpps.kec /rapat/$A/keputusan -d jenis=komitmen -d 'uraian=Mendanai KPM dari APBDes' -d 'pihak=Desa Wonourip') = 303 ]"
check "problem of a desa" "[ $(postf tpps.kec /rapat/$A/masalah -d 'uraian=D/S rendah di Wonourip' -d desa=$D1) = 303 ]"
check "problem escalated to the kabupaten" "[ $(postf tpps.kec /rapat/$A/masalah -d 'uraian=Antropometri kit kurang' -d tema=Sarana -d naik=1) = 303 ]"
M1=$(q "SELECT id FROM rapat_masalah WHERE rapat_id = $A AND desa = '$D1'")
M2=$(q "SELECT id FROM rapat_masalah WHERE rapat_id = $A AND tema = 'Sarana'")
check "  the escalated one goes to 35.99, the other stays" "[ \"$(q "SELECT naik_ke FROM rapat_masalah WHERE id = $M2")|$(q "SELECT naik_ke IS NULL FROM rapat_masalah WHERE id = $M1")\" = '35.99|1' ]"
got=$(postf tpps.kec /rapat/$A/masalah -d 'uraian=Di desa lain' -d desa=35.99.02.2001)
check "problem of a desa outside the kecamatan: 422" "[ $got = 422 ] && grep -q 'di luar wilayah rapat' \"$W/body\""
check "recommendation" "[ $(postf tpps.kec /rapat/$A/rekomendasi -d masalah_id=$M1 -d 'uraian=Kunjungan rumah balita tidak hadir') = 303 ]"
got=$(postf tpps.kec /rapat/$A/tindakan -d masalah_id=$M1 -d 'uraian=Sweeping balita Wonourip' -d pelaksana=DESA-$D1 -d pj_lembaga=DESA-$D1 -d 'pj_nama=Kades Wonourip' -d wilayah=$D1 -d sumber_anggaran=APBDes -d anggaran=5000000 -d tenggat=)
check "action without a deadline: 422, typed values kept" "[ $got = 422 ] && grep -q 'tenggat' \"$W/body\" && grep -q 'value=\"Sweeping balita Wonourip\"' \"$W/body\" && grep -q 'value=\"5000000\"' \"$W/body\""
check "action 1 (indicator D/S >= 80% of the desa in November)" "[ $(postf tpps.kec /rapat/$A/tindakan -d masalah_id=$M1 -d 'uraian=Sweeping balita Wonourip' -d pelaksana=DESA-$D1 -d pj_lembaga=DESA-$D1 -d 'pj_nama=Kades Wonourip' -d wilayah=$D1 -d sumber_anggaran=APBDes -d anggaran=5000000 -d tenggat=2026-11-20 -d indikator=ds -d indikator_wilayah=$D1 -d target_nilai=80 -d target_bulan=2026-11) = 303 ]"
check "action 2 (Dinkes, APBD, volume)" "[ $(postf tpps.kec /rapat/$A/tindakan -d masalah_id=$M2 -d 'uraian=Pengadaan antropometri kit' -d pelaksana=OPD-DINKES -d pj_lembaga=OPD-DINKES -d sumber_anggaran=APBD -d anggaran=12000000 -d tenggat=2026-12-31 -d 'target_volume=5 kit') = 303 ]"
check "action 3 (desa 2, no budget)" "[ $(postf tpps.kec /rapat/$A/tindakan -d 'uraian=Kelas ibu balita Sukotani' -d pj_lembaga=DESA-$D2 -d wilayah=$D2 -d tenggat=2026-11-30) = 303 ]"
T1=$(q "SELECT id FROM tindak_lanjut WHERE uraian = 'Sweeping balita Wonourip'")
T2=$(q "SELECT id FROM tindak_lanjut WHERE uraian = 'Pengadaan antropometri kit'")
T3=$(q "SELECT id FROM tindak_lanjut WHERE uraian = 'Kelas ibu balita Sukotani'")
check "  three actions of the meeting, status baru" "[ $(q "SELECT count(*) FROM tindak_lanjut WHERE rapat_id = $A AND status = 'baru'") = 3 ]"
check "  action 1 kept owner, budget and target" "[ \"$(q "SELECT penanggung_jawab || '|' || sumber_anggaran || '|' || anggaran || '|' || indikator || '|' || target_nilai || '|' || target_bulan FROM tindak_lanjut WHERE id = $T1")\" = 'Kades Wonourip|APBDes|5000000.0|ds|80.0|2026-11' ]"
check "meeting page 200 with its three actions" "[ $(get tpps.kec /rapat/$A) = 200 ] && grep -q 'Sweeping balita Wonourip' \"$W/body\" && grep -q 'Kelas ibu balita Sukotani' \"$W/body\" && grep -q 'Mendanai KPM dari APBDes' \"$W/body\""
check "  the indicator checked in November" "grep -q '(2026-11): \(tercapai\|belum tercapai\)' \"$W/body\""
check "minutes PDF" "[ $(get tpps.kec /rapat/$A/notulen.pdf) = 200 ] && head -c 4 \"$W/body\" | grep -q '%PDF'"
check "berita acara PDF: the statement, the attendance count, the signatures" "[ $(get tpps.kec /rapat/$A/berita-acara.pdf) = 200 ] && pdftotext \"$W/body\" - | tr -s ' \\n' ' ' > \"$W/ba.txt\" && grep -q 'Berita acara rapat' \"$W/ba.txt\" && grep -q \"Dihadiri $(q "SELECT count(*) FROM rapat_peserta WHERE rapat_id = $A") orang\" \"$W/ba.txt\" && grep -q 'Pimpinan rapat' \"$W/ba.txt\" && grep -q 'Notulis' \"$W/ba.txt\""
check "berita acara linked from the meeting page" "[ $(get tpps.kec /rapat/$A) = 200 ] && grep -q 'href=\"/rapat/$A/berita-acara.pdf\"' \"$W/body\""

# scope: the desa reads its kecamatan's lokmin but does not edit it; outside areas refused
check "desa reads the lokmin" "[ $(get bidan.desa /rapat/$A) = 200 ]"
check "desa cannot add to it" "[ $(postf bidan.desa /rapat/$A/peserta -d nama=X) = 403 ]"
check "  nothing stored" "[ $(q "SELECT count(*) FROM rapat_peserta WHERE rapat_id = $A") = 2 ]"
# a member of the kecamatan's TPPS chosen by name: post and institution from the decree's list
TM=$(q "SELECT nama FROM tpps_anggota WHERE wilayah = '$KEC' AND aktif = 1 AND jabatan <> '' ORDER BY id LIMIT 1")
TJ=$(q "SELECT jabatan FROM tpps_anggota WHERE wilayah = '$KEC' AND aktif = 1 AND jabatan <> '' ORDER BY id LIMIT 1")
check "the TPPS members offered on the attendance form" "[ -n \"$TM\" ] && [ $(get tpps.kec /rapat/$A) = 200 ] && grep -q 'list=\"anggota-tpps\"' \"$W/body\" && grep -qF \"<option value=\\\"$TM\\\"\" \"$W/body\""
check "a TPPS member by name alone: the post from the decree" "[ $(postf tpps.kec /rapat/$A/peserta --data-urlencode "nama=$TM") = 303 ] && [ \"\$(q \"SELECT jabatan FROM rapat_peserta WHERE rapat_id = $A ORDER BY id DESC LIMIT 1\")\" = \"$TJ\" ]"
OTHER=$(q "SELECT id FROM rapat WHERE wilayah = '35.99.02' LIMIT 1")
check "tpps.kec: a lokmin of another kecamatan 403" "[ $(get tpps.kec /rapat/$OTHER) = 403 ]"
check "kader: no meetings" "[ $(get kader /rapat) = 403 ]"
check "gizi.puskesmas reads but does not run meetings" "[ $(get gizi.puskesmas /rapat/$A) = 200 ] && [ $(postf gizi.puskesmas /rapat -d jenis=minilok -d judul=X -d tanggal=2026-11-11) = 403 ]"
check "desa holds its own rembuk" "[ $(postf bidan.desa /rapat -d jenis=rembuk -d 'judul=Rembuk stunting desa' -d tanggal=2026-11-12) = 303 ] && [ $(q "SELECT wilayah FROM rapat WHERE id = (SELECT max(id) FROM rapat)") = $D1 ]"

# follow-up: the next lokmin carries the open actions; a review at it closes one
postf tpps.kec /rapat -d jenis=minilok -d "judul=Lokmin akhir November" -d tanggal=2026-11-25 > /dev/null
BB=$(q "SELECT max(id) FROM rapat")
get tpps.kec /rapat/$BB > /dev/null
check "next lokmin lists the three open actions" "grep -q 'Sweeping balita Wonourip' \"$W/body\" && grep -q 'Pengadaan antropometri kit' \"$W/body\" && grep -q 'Kelas ibu balita Sukotani' \"$W/body\""
check "  and the open demo actions of the kecamatan" "[ \$(grep -o 'href=\"/tindakan/[0-9]*?rapat=$BB\"' \"$W/body\" | wc -l) = $(q "SELECT count(*) FROM tindak_lanjut t JOIN rapat r ON r.id = t.rapat_id WHERE r.wilayah = '$KEC' AND r.jenis = 'minilok' AND r.tanggal < '2026-11-25' AND t.status IN ('baru', 'proses')") ]"
got=$(postf tpps.kec /tindakan/$T3 -d bagian=tinjau -d status=selesai -d kemajuan=Terlaksana -d rapat_id=$BB)
check "review 'selesai' without evidence: 422, typed progress kept" "[ $got = 422 ] && grep -q 'perlu bukti' \"$W/body\" && grep -q 'value=\"Terlaksana\"' \"$W/body\""
check "review at the meeting: selesai with evidence" "[ $(postf tpps.kec /tindakan/$T3 -d bagian=tinjau -d status=selesai -d kemajuan=Terlaksana -d 'bukti=Foto daftar hadir' -d rapat_id=$BB) = 303 ]"
check "  status, evidence, reviewer and meeting stored" "[ \"$(q "SELECT t.status || '|' || t.bukti || '|' || v.tanggal || '|' || v.peninjau || '|' || v.rapat_id FROM tindak_lanjut t JOIN tindak_lanjut_tinjauan v ON v.tindak_lanjut_id = t.id WHERE t.id = $T3")\" = 'selesai|Foto daftar hadir|2026-11-28|TPPS Kecamatan|$BB' ]"
check "review 'berjalan' of action 1" "[ $(postf tpps.kec /tindakan/$T1 -d bagian=tinjau -d status=berjalan -d 'kemajuan=Separuh dusun') = 303 ]"
check "weekly plan row" "[ $(postf tpps.kec /tindakan/$T1 -d bagian=jadwal -d 'kegiatan=Sweeping dusun 1' -d pelaksana=Kader -d 'penanggung_jawab=Bidan desa' -d minggu1=1 -d minggu3=1) = 303 ] && [ $(q "SELECT minggu FROM tindak_lanjut_jadwal WHERE tindak_lanjut_id = $T1") = 5 ]"
check "history stays: two reviews of action 1 after a second" "[ $(postf tpps.kec /tindakan/$T1 -d bagian=tinjau -d status=berjalan -d 'kemajuan=Tiga dusun') = 303 ] && [ $(q "SELECT count(*) FROM tindak_lanjut_tinjauan WHERE tindak_lanjut_id = $T1") = 2 ]"
check "action page shows both reviews" "[ $(get tpps.kec /tindakan/$T1) = 200 ] && grep -q 'Separuh dusun' \"$W/body\" && grep -q 'Tiga dusun' \"$W/body\""
check "  and the indicator month by month (November only: the meeting's and the target month)" "[ \$(grep -o '<tr><td>2026-1[0-9]</td><td>[^<]*(2026-1[0-9]): [a-z ]*</td></tr>' \"$W/body\" | wc -l) = 1 ] && grep -q '<tr><td>2026-11</td>' \"$W/body\""
postf tpps.kec /rapat -d jenis=minilok -d "judul=Lokmin Desember" -d tanggal=2026-12-05 > /dev/null
C=$(q "SELECT max(id) FROM rapat")
get tpps.kec /rapat/$C > /dev/null
check "the lokmin after: the closed action is gone, the open ones stay" "! grep -q 'Kelas ibu balita Sukotani' \"$W/body\" && grep -q 'Sweeping balita Wonourip' \"$W/body\""
get tpps.kec /rapat/$BB > /dev/null
check "  the lokmin where it was closed still shows it" "grep -q 'Kelas ibu balita Sukotani' \"$W/body\""

# escalation: on the kabupaten's rakor with its origin; the answer flows back
check "tpps.kab holds a rakor" "[ $(postf tpps.kab /rapat -d jenis=rakor -d 'judul=Rakor TPPS triwulan IV' -d tanggal=2026-11-26) = 303 ]"
K=$(q "SELECT max(id) FROM rapat")
get tpps.kab /rapat/$K > /dev/null
check "  the escalated problem is on its agenda with its origin" "grep -q 'Antropometri kit kurang' \"$W/body\" && grep -q 'dari Lokmin November, SUKAMAJU, 2026-11-10' \"$W/body\""
check "  not the problem that was not escalated" "! grep -q 'D/S rendah di Wonourip' \"$W/body\""
check "tpps.kec cannot answer at the rakor" "[ $(postf tpps.kec /rapat/$K/jawaban -d masalah_id=$M2 -d jawaban=X) = 403 ]"
check "the rakor answers" "[ $(postf tpps.kab /rapat/$K/jawaban -d masalah_id=$M2 -d 'jawaban=Dinkes mengadakan 5 kit dari DAK 2027') = 303 ]"
get tpps.kec /rapat/$A > /dev/null
check "  the answer shows on the lokmin" "grep -q 'Dinkes mengadakan 5 kit dari DAK 2027' \"$W/body\""
get tpps.kec /rapat/$C > /dev/null
check "  and on the kecamatan's next lokmin (the answer flows back)" "grep -q 'Dinkes mengadakan 5 kit dari DAK 2027' \"$W/body\""
check "answering a problem not escalated to this area: 422" "[ $(postf tpps.kab /rapat/$K/jawaban -d masalah_id=$M1 -d jawaban=X) = 422 ]"

check "a problem escalated later from its meeting" "[ $(postf tpps.kec /rapat/$A/naik -d masalah_id=$M1) = 303 ] && [ $(q "SELECT naik_ke FROM rapat_masalah WHERE id = $M1") = 35.99 ]"
check "  not twice" "[ $(postf tpps.kec /rapat/$A/naik -d masalah_id=$M1) = 422 ]"
check "the minutes edited" "[ $(postf tpps.kec /rapat/$A/ubah -d 'judul=Lokmin November' -d tanggal=2026-11-10 -d tahap=5 -d 'notulen=Dibuka oleh camat' -d 'agenda=Evaluasi') = 303 ] && [ \"$(q "SELECT catatan || '|' || agenda || '|' || tahap FROM rapat WHERE id = $A")\" = 'Dibuka oleh camat|Evaluasi|5' ]"
check "  a bad date refused, the typed minutes kept" "[ $(postf tpps.kec /rapat/$A/ubah -d 'judul=Lokmin November' -d tanggal=2026-11-31 -d 'notulen=Catatan baru') = 422 ] && grep -q 'Catatan baru</textarea>' \"$W/body\" && [ \"$(q "SELECT tanggal FROM rapat WHERE id = $A")\" = 2026-11-10 ]"
check "an unknown part of a meeting: 404" "[ $(postf tpps.kec /rapat/$A/lain -d x=1) = 404 ]"

# the OPD member: only its institution's actions
NDK=$(q "SELECT count(*) FROM tindak_lanjut WHERE pelaksana = 'OPD-DINKES' OR pj_lembaga = 'OPD-DINKES'")
check "opd: API lists only Dinkes actions ($NDK)" "[ $(get opd.dinkes '/api/v1/tindakan?status=all') = 200 ] && [ \$(grep -o '\"id\":[0-9]*' \"$W/body\" | wc -l) = $NDK ]"
check "opd: the list page (saya) holds action 2, not action 1" "[ $(get opd.dinkes '/tindakan?daftar=semua') = 200 ] && grep -q 'Pengadaan antropometri kit' \"$W/body\" && ! grep -q 'Sweeping balita Wonourip' \"$W/body\""
check "opd: another institution's action 403" "[ $(get opd.dinkes /tindakan/$T1) = 403 ] && [ $(get opd.dinkes /api/v1/tindakan/$T1) = 403 ]"
check "opd: reviews its own" "[ $(postf opd.dinkes /tindakan/$T2 -d bagian=tinjau -d status=berjalan -d 'kemajuan=Proses lelang') = 303 ] && [ $(q "SELECT status FROM tindak_lanjut WHERE id = $T2") = proses ]"
tok=$(cat "$W/opd.dinkes.csrf")
got=$(curl -s -b "$W/opd.dinkes.jar" -o "$W/body" -w '%{http_code}' -H "X-CSRF-Token: $tok" -H 'Content-Type: application/json' -d '{"status":"berjalan","kemajuan":"x"}' "$B/api/v1/tindakan/$T1/tinjauan")
check "opd: API review of another's action 403" "[ $got = 403 ] && [ $(q "SELECT count(*) FROM tindak_lanjut_tinjauan WHERE tindak_lanjut_id = $T1") = 2 ]"
got=$(curl -s -b "$W/opd.dinkes.jar" -o "$W/body" -w '%{http_code}' -H "X-CSRF-Token: $tok" -H 'Content-Type: application/json' -d '{"status":"selesai","kemajuan":"Kit diterima","bukti":"BAST 12/2026"}' "$B/api/v1/tindakan/$T2/tinjauan")
check "opd: API review of its own: 201, selesai" "[ $got = 201 ] && grep -q '\"status\":\"selesai\"' \"$W/body\" && [ $(q "SELECT count(*) FROM tindak_lanjut_tinjauan WHERE tindak_lanjut_id = $T2") = 2 ]"
check "desa: reviews an action of its desa" "[ $(postf bidan.desa /tindakan/$T1 -d bagian=tinjau -d status=berjalan -d kemajuan=Desa) = 303 ]"
check "desa: reads but does not review an action of another desa" "[ $(get bidan.desa /tindakan/$T3) = 200 ] && [ $(postf bidan.desa /tindakan/$T3 -d bagian=tinjau -d status=batal) = 403 ]"
check "gizi.puskesmas reads but does not review" "[ $(get gizi.puskesmas /tindakan/$T1) = 200 ] && [ $(postf gizi.puskesmas /tindakan/$T1 -d status=batal) = 403 ]"

# the meeting pack: the area's figures of the meeting's month and its open actions
check "meeting pack page" "[ $(get tpps.kec /rapat/$C/bahan) = 200 ] && grep -q 'Balita belum ditimbang' \"$W/body\" && grep -q 'Sweeping balita Wonourip' \"$W/body\" && ! grep -q 'Kelas ibu balita Sukotani' \"$W/body\""
check "  the month is the meeting's, not after this one" "grep -q 'data bulan 2026-11' \"$W/body\""
check "  backlog = S - D of the SKDN (hand-checked per row)" "sed 's/<tr>/\\n<tr>/g' \"$W/body\" | awk -F'</td><td class=\"n\">' '/Belum ditimbang/ {on=1} on && /^<tr><td>/ && NF == 4 {split(\$4, a, \"<\"); gsub(/\\./, \"\", \$2); gsub(/\\./, \"\", \$3); gsub(/\\./, \"\", a[1]); n++; if (\$2 - \$3 != a[1]) bad++} /<\\/table>/ {on=0} END {exit !(n > 0 && !bad)}'"
check "meeting pack PDF" "[ $(get tpps.kec "/rapat/$C/bahan?format=pdf") = 200 ] && [ \"\$(head -c 4 \"$W/body\")\" = '%PDF' ]"
# issue 12's figures in the pack (issue 13): KRS, assistance vs target and verval per desa,
# the TPK tabulation, 3 standar 4 PASTI, the services with the lowest coverage per desa
get tpps.kec /rapat/$C/bahan > /dev/null
cp "$W/body" "$W/pack.html"
for cap in 'Target pendampingan KRS' 'Tabulasi hasil pendampingan TPK' 'Pelaksanaan 3 standar dan 4 PASTI' 'Layanan dengan cakupan terendah per desa'; do
  check "  pack section: $cap" "grep -q '<caption>$cap' \"$W/pack.html\""
done
check "  verval not yet confirmed per desa" "grep -q 'Verval belum terkonfirmasi' \"$W/pack.html\""
# stunting per desa over three months: last month's figure is the prevalence report's for that month
P=$($T --db "$DB" report prevalensi --wilayah $KEC --month 2026-10 2>/dev/null | awk -F, '$1 == "WONOURIP" {printf "%.1f", $6}' | tr . ,)
sed 's|</table>|</table>\n|g' "$W/pack.html" | grep 'Tren stunting per wilayah' | sed 's/<tr>/\n<tr>/g' | grep '^<tr><td>WONOURIP' > "$W/tren.txt"
check "  pack: stunting trend per desa, October = the prevalence report's ($P)" "[ -n \"$P\" ] && grep -q '>$P%<' \"$W/tren.txt\" && grep -q '>\\(naik\\|turun\\|tetap\\|-\\)<' \"$W/tren.txt\""
# the low-coverage rows are each desa's 3 lowest percentages of its scorecard
MON=$(sed -n 's/.*data bulan \([0-9-]*\).*/\1/p' "$W/pack.html" | head -1)
get tpps.kec "/unduh/konvergensi-desa.csv?wilayah=$KEC&bulan=$MON" > /dev/null
cp "$W/body" "$W/konv.csv"
sed 's/<tr>/\n<tr>/g; s/<caption>/\n<caption>/g' "$W/pack.html" | awk '/^<caption>/ {on = /cakupan terendah/} on && /^<tr><td>/' > "$W/low.rows"
check "  low coverage: at most 3 rows per desa, some rows" "[ -s \"$W/low.rows\" ] && [ \$(sed 's/<\/td>.*//; s/<tr><td>//' \"$W/low.rows\" | sort | uniq -c | awk '\$1 > 3' | wc -l) = 0 ]"
check "  low coverage of $D1: its 3 lowest (scorecard CSV; 1 desa row at least)" "[ \"\$(grep '^$D1;' \"$W/konv.csv\" | grep -v 'Paket lengkap' | awk -F';' '\$5 > 0 {printf \"%.4f\\n\", \$6 / \$5}' | sort -n | head -3 | tr '\\n' ' ')\" = \"\$(grep '^<tr><td>$D1<' \"$W/low.rows\" | sed 's/<\/td><td[^>]*>/|/g; s/<[^>]*>//g' | awk -F'|' '{gsub(/\\./, \"\", \$5); gsub(/\\./, \"\", \$6); printf \"%.4f\\n\", \$6 / \$5}' | tr '\\n' ' ')\" ]"

# lists and files
check "overdue list as CSV: the exact columns" "[ $(get tpps.kec "/tindakan?daftar=lewat&wilayah=$KEC&format=csv") = 200 ] && [ \"\$(head -1 \"$W/body\")\" = 'id,rapat,tanggal_rapat,wilayah,masalah,tindakan,pelaksana,penanggung_jawab,sumber_anggaran,anggaran,tenggat,status,terakhir_ditinjau,indikator,target,capaian' ]"
check "  action 1 is overdue (deadline 2026-11-20), action 2 is not" "grep -q '^$T1,' \"$W/body\" && ! grep -q '^$T2,' \"$W/body\""
check "  every row is open with a deadline before today" "[ \$((\$(wc -l < \"$W/body\") - 1)) = $(q "SELECT count(*) FROM tindak_lanjut t JOIN rapat r ON r.id = t.rapat_id WHERE (t.wilayah LIKE '$KEC%' OR r.wilayah LIKE '$KEC%') AND t.status IN ('baru','proses') AND t.tenggat < '2026-11-28'") ]"
check "by budget source: APBDes 5000000 in the kecamatan's own" "[ $(get tpps.kec "/tindakan?daftar=anggaran&wilayah=$D1&format=csv") = 200 ] && grep -q '^APBDes,[0-9]*,5000000' \"$W/body\""
check "closed this quarter holds action 3" "[ $(get tpps.kec "/tindakan?daftar=selesai&format=csv") = 200 ] && grep -q '^$T3,' \"$W/body\""
check "xlsx" "[ $(get tpps.kec '/tindakan?daftar=semua&format=xlsx') = 200 ] && [ \"\$(head -c 2 \"$W/body\")\" = PK ]"
check "pdf" "[ $(get tpps.kec '/tindakan?daftar=semua&format=pdf') = 200 ] && [ \"\$(head -c 4 \"$W/body\")\" = '%PDF' ]"
check "per owner: Dinkes' actions for the TPPS kabupaten" "[ $(get tpps.kab '/tindakan?daftar=semua&lembaga=OPD-DINKES&format=csv') = 200 ] && [ \$((\$(wc -l < \"$W/body\") - 1)) = $NDK ]"
check "  the list page offers the owners" "[ $(get tpps.kab '/tindakan?daftar=semua&lembaga=OPD-DINKES') = 200 ] && grep -q '<option value=\"OPD-DINKES\" selected>' \"$W/body\""
check "a list outside the area: 403" "[ $(get tpps.kec '/tindakan?wilayah=35.99.02') = 403 ]"
check "API meeting: participants, problems, actions" "[ $(get tpps.kec /api/v1/rapat/$A) = 200 ] && grep -q '\"nama\":\"dr. Sari\"' \"$W/body\" && grep -q '\"naik_ke\":\"35.99\"' \"$W/body\" && [ \$(grep -o '\"tindakan\":\"[^\"]*\"' \"$W/body\" | wc -l) = 3 ]"
check "API meetings of the area" "[ $(get tpps.kec /api/v1/rapat) = 200 ] && [ \$(grep -o '\"id\":' \"$W/body\" | wc -l) = $(q "SELECT count(*) FROM rapat WHERE wilayah LIKE '$KEC%'") ]"
check "writes audited" "[ $(q "SELECT count(*) FROM audit_log WHERE tabel = 'tindak_lanjut' AND aksi = 'ubah'") -ge 6 ]"
check "server log has no sanitizer report" "! grep -q 'Sanitizer' \"$W/serve.err\""
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
