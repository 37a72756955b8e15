#!/bin/sh
# tests/cli/web_monitoring.sh - posyandu monitoring by agency teams in the
# web application: teams of agencies and their desa, a questionnaire built
# by the agency itself (refused forms come back filled), published (then
# frozen) and versioned, visits answered through the API and checked per
# question type (sent twice under one client id: stored once), photos
# checked by their bytes and size, the desa table with the hand-counted
# activity scores, the results per question (page and CSV), commitments,
# and scope: an agency member sees and answers only its team's desa. Then
# the posyandu page: cadres, kit, PMT menu, PAUD, and who edits what.
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
upload() { # upload USER FILE: the photo as the body; prints the status
  curl -s -b "$W/$1.jar" -o "$W/body" -w '%{http_code}' -H "X-CSRF-Token: $(cat "$W/$1.csrf")" \
    -H 'Content-Type: application/octet-stream' --data-binary "@$2" "$B/api/v1/monitoring/foto"
}
D1=35.99.01.2001 # WONOURIP: the desa user's, Tim 1
D2=35.99.01.2002 # SUKOTANI: Tim 1
D3=35.99.01.2003 # GUNUNGHARJO: Tim 2 (DPMD)
for u in admin tpps.kab opd.dinkes tpps.kec gizi.puskesmas bidan.desa kader; do login $u; done

# --- teams -----------------------------------------------------------------
check "tpps.kab opens /monitoring" "[ $(get tpps.kab /monitoring) = 200 ]"
check "tpps.kab adds Tim 1: 303" "[ $(postf tpps.kab /monitoring/tim -d 'nama=Tim 1') = 303 ]"
check "  audited" "[ $(q "SELECT count(*) FROM audit_log WHERE tabel = 'monitoring_tim'") = 1 ]"
got=$(postf tpps.kab /monitoring/tim -d 'nama=Tim 1')
check "the same team again: 422, said, the name kept" "[ $got = 422 ] && grep -q 'sudah ada' \"$W/body\" && grep -q 'value=\"Tim 1\"' \"$W/body\""
check "opd.dinkes cannot add a team: 403" "[ $(postf opd.dinkes /monitoring/tim -d 'nama=Tim X') = 403 ]"
T1=$(q "SELECT id FROM monitoring_tim WHERE nama = 'Tim 1'")
postf tpps.kab /monitoring/tim -d 'nama=Tim 2' > /dev/null
T2=$(q "SELECT id FROM monitoring_tim WHERE nama = 'Tim 2'")
check "Dinkes into Tim 1 with WONOURIP" "[ $(postf tpps.kab /monitoring/tim-anggota -d tim=$T1 -d lembaga=OPD-DINKES -d desa=$D1) = 303 ]"
check "SUKOTANI into Tim 1" "[ $(postf tpps.kab /monitoring/tim-anggota -d tim=$T1 -d desa=$D2) = 303 ]"
check "DPMD into Tim 2 with GUNUNGHARJO" "[ $(postf tpps.kab /monitoring/tim-anggota -d tim=$T2 -d lembaga=OPD-DPMD -d desa=$D3) = 303 ]"
check "a desa of another kabupaten is refused: 422" "[ $(postf tpps.kab /monitoring/tim-anggota -d tim=$T1 -d desa=35.98.01.2001) = 422 ]"
check "the team table lists Tim 1 with Dinas Kesehatan" "[ $(get tpps.kab /monitoring) = 200 ] && grep -q '<td>Tim 1</td><td>Dinas Kesehatan</td><td class=\"n\">2</td>' \"$W/body\""

# --- the builder ---------------------------------------------------------------
check "tpps.kab makes Dinkes's questionnaire: 303 to it" "[ $(postf tpps.kab /monitoring/kuesioner -d lembaga=OPD-DINKES -d 'nama=Monitoring posyandu') = 303 ]"
K=$(q "SELECT id FROM kuesioner WHERE nama = 'Monitoring posyandu'")
check "  Location is the builder" "grep -q \"Location: /monitoring/kuesioner/$K\" \"$W/head\""
butir() { # butir KODE LABEL TIPE KELOMPOK [CURL ARGS]: Dinkes adds a question; prints the status
  k=$1 l=$2 t=$3 g=$4
  shift 4
  postf opd.dinkes /monitoring/kuesioner/$K/butir -d kode=$k -d "label=$l" -d tipe=$t -d kelompok=$g "$@"
}
check "Dinkes adds its own questions" "[ $(butir buka 'Posyandu buka?' ya_tidak posyandu -d wajib=1) = 303 ] && [ $(butir kader_hadir 'Kader hadir' angka posyandu) = 303 ] && [ $(butir meja 'Meja layanan' pilihan posyandu -d 'pilihan=lengkap|kurang') = 303 ] && [ $(butir kpm_aktif 'KPM hadir?' ya_tidak kpm) = 303 ] && [ $(butir foto 'Foto kegiatan' foto lain) = 303 ]"
got=$(butir pmt 'Menu PMT' pilihan posyandu -d 'pilihan=bubur')
check "a choice question with one choice: 422, said, kept" "[ $got = 422 ] && grep -q 'paling sedikit dua pilihan' \"$W/body\" && grep -q 'value=\"Menu PMT\"' \"$W/body\""
postf tpps.kab /monitoring/kuesioner -d lembaga=OPD-DPMD -d 'nama=Kuesioner DPMD' > /dev/null
KD=$(q "SELECT id FROM kuesioner WHERE nama = 'Kuesioner DPMD'")
check "Dinkes cannot build DPMD's questionnaire: 403" "[ $(postf opd.dinkes /monitoring/kuesioner/$KD/butir -d kode=x -d label=x -d tipe=teks) = 403 ]"
check "bidan.desa cannot build: 403" "[ $(postf bidan.desa /monitoring/kuesioner/$K/butir -d kode=x -d label=x -d tipe=teks) = 403 ]"
check "Dinkes publishes version 1: 303" "[ $(postf opd.dinkes /monitoring/kuesioner/$K/terbit) = 303 ]"
check "  dated today" "[ \"$(q "SELECT terbit FROM kuesioner_versi WHERE kuesioner_id = $K")\" = 2026-11-28 ]"
got=$(butir baru 'Baru' teks lain)
check "a published version is not edited: 422, said" "[ $got = 422 ] && grep -q 'sudah terbit' \"$W/body\""
check "a new version: 303" "[ $(postf opd.dinkes /monitoring/kuesioner/$K/versi) = 303 ]"
check "  version 2 is a copy, version 1 keeps its 5 questions" "[ \"$(q "SELECT group_concat(n) FROM (SELECT count(b.id) n FROM kuesioner_versi v LEFT JOIN kuesioner_butir b ON b.versi_id = v.id WHERE v.kuesioner_id = $K GROUP BY v.id ORDER BY v.versi)")\" = 5,5 ]"
check "the builder lists both versions" "[ $(get opd.dinkes /monitoring/kuesioner/$K) = 200 ] && grep -q 'Versi 2' \"$W/body\" && grep -q 'Versi 1' \"$W/body\""
V1=$(q "SELECT id FROM kuesioner_versi WHERE kuesioner_id = $K AND versi = 1")
V2=$(q "SELECT id FROM kuesioner_versi WHERE kuesioner_id = $K AND versi = 2")
check "the draft version 2 takes a new question" "[ $(butir pmt_lokal 'PMT bahan lokal?' ya_tidak posyandu) = 303 ]"
check "  shown on the latest version" "[ $(get opd.dinkes /monitoring/kuesioner/$K) = 200 ] && grep -q 'pmt_lokal' \"$W/body\""
check "  not on version 1, which has no builder form" "[ $(get opd.dinkes "/monitoring/kuesioner/$K?versi=$V1") = 200 ] && ! grep -q 'pmt_lokal' \"$W/body\" && grep -q '<code>foto</code>' \"$W/body\" && ! grep -q 'action=\"/monitoring/kuesioner/$K/butir\"' \"$W/body\""

# --- answers -----------------------------------------------------------------
visit() { # visit USER UUID DESA POSYANDU TAHAP JAWABAN-JSON [versi_id]: prints the status
  post_json "$1" /api/v1/monitoring "{\"uuid\":\"$2\",\"versi_id\":${7:-$V1},\"desa\":\"$3\",\"posyandu_id\":$4,\"tanggal\":\"2026-11-20\",\"tahap\":$5,\"jawaban\":$6}"
}
check "the phone form of Dinkes's questionnaire" "[ $(get opd.dinkes "/monitoring/isi?kuesioner=$K") = 200 ] && grep -q 'class=\"monitoring\"' \"$W/body\" && grep -q \"data-versi=\\\"$V1\\\"\" \"$W/body\""
check "  it offers the team's desa, not DPMD's" "grep -q 'WONOURIP' \"$W/body\" && ! grep -q 'GUNUNGHARJO' \"$W/body\""
check "  and their posyandu, each with its desa's code" "grep -q '<option value=\"1\" data-desa=\"$D1\">' \"$W/body\" && grep -q \"data-desa=\\\"$D2\\\"\" \"$W/body\" && ! grep -q 'data-desa=\"$D3\"' \"$W/body\""
check "a form not published yet: 409" "[ $(get tpps.kab "/monitoring/isi?kuesioner=$KD") = 409 ]"
postf tpps.kab /monitoring/kuesioner -d lembaga=OPD-PUPR -d 'nama=Kuesioner PUPR' > /dev/null
KP=$(q "SELECT id FROM kuesioner WHERE nama = 'Kuesioner PUPR'")
postf tpps.kab /monitoring/kuesioner/$KP/butir -d kode=air -d label=Air -d tipe=ya_tidak > /dev/null
postf tpps.kab /monitoring/kuesioner/$KP/terbit > /dev/null
check "the form of an agency in no team says it has no desa" "[ $(get tpps.kab "/monitoring/isi?kuesioner=$KP") = 200 ] && grep -q 'belum punya desa binaan' \"$W/body\""
check "opd.dinkes cannot open DPMD's form: 403" "[ $(get opd.dinkes "/monitoring/isi?kuesioner=$KD") = 403 ]"
check "bidan.desa does not answer: 403" "[ $(get bidan.desa "/monitoring/isi?kuesioner=$K") = 403 ]"
got=$(visit opd.dinkes aaaa0001 $D1 1 1 '{"buka":"ya","kader_hadir":5,"meja":"lengkap","kpm_aktif":true}')
check "a visit of posyandu 1: 201" "[ $got = 201 ] && grep -q '\"duplikat\":false' \"$W/body\""
got=$(visit opd.dinkes aaaa0001 $D1 1 1 '{"buka":"ya","kader_hadir":5,"meja":"lengkap","kpm_aktif":true}')
check "sent again (offline queue): 200 duplikat, stored once" "[ $got = 200 ] && grep -q '\"duplikat\":true' \"$W/body\" && [ $(q "SELECT count(*) FROM monitoring_kunjungan") = 1 ]"
check "  its answers, by the version's questions" "[ \"$(q "SELECT group_concat(b.kode || '=' || j.nilai, ',') FROM monitoring_jawaban j JOIN kuesioner_butir b ON b.id = j.butir_id WHERE b.versi_id = $V1 ORDER BY b.urutan")\" != '' ] && [ $(q "SELECT count(*) FROM monitoring_jawaban") = 4 ]"
got=$(visit opd.dinkes bbbb0001 $D1 2 1 '{"buka":"mungkin"}')
check "ya_tidak answered 'mungkin': 422 naming the question" "[ $got = 422 ] && grep -q '\"kolom\":\"buka\"' \"$W/body\""
got=$(visit opd.dinkes bbbb0002 $D1 2 1 '{"buka":"ya","kader_hadir":"lima"}')
check "a number answered in words: 422" "[ $got = 422 ] && grep -q '\"kolom\":\"kader_hadir\"' \"$W/body\""
got=$(visit opd.dinkes bbbb0003 $D1 2 1 '{"buka":"ya","meja":"rusak"}')
check "a choice not offered: 422" "[ $got = 422 ] && grep -q '\"kolom\":\"meja\"' \"$W/body\""
got=$(visit opd.dinkes bbbb0004 $D1 2 1 '{"kader_hadir":3}')
check "the required question missing: 422" "[ $got = 422 ] && grep -q 'wajib dijawab' \"$W/body\""
got=$(visit opd.dinkes bbbb0005 $D1 2 1 '{"buka":"ya"}' $V2)
check "a draft version is not answered: 422" "[ $got = 422 ]"
got=$(visit opd.dinkes bbbb0006 $D3 5 1 '{"buka":"ya"}')
check "a desa outside Dinkes's team: 403" "[ $got = 403 ]"
got=$(visit opd.dinkes bbbb0007 $D2 1 1 '{"buka":"ya"}')
check "a posyandu of another desa: 422" "[ $got = 422 ] && grep -q '\"kolom\":\"posyandu_id\"' \"$W/body\""
check "nothing refused was stored" "[ $(q "SELECT count(*) FROM monitoring_kunjungan") = 1 ]"

# --- photos ----------------------------------------------------------------------
printf '\211PNG\r\n\032\n0000000000' > "$W/foto.png"
printf 'bukan foto' > "$W/foto.txt"
{ printf '\377\330\377'; head -c 9000000 /dev/zero; } > "$W/besar.jpg"
check "a PNG photo: 201" "[ $(upload opd.dinkes "$W/foto.png") = 201 ] && grep -q '\"jenis\":\"image/png\"' \"$W/body\""
F=$(sed 's/.*"id":\([0-9]*\).*/\1/' "$W/body")
check "a text file is not a photo: 415" "[ $(upload opd.dinkes "$W/foto.txt") = 415 ]"
check "a 9 MB photo: 413, told to make the photo smaller" "[ $(upload opd.dinkes "$W/besar.jpg") = 413 ] && grep -q 'perkecil fotonya' \"$W/body\""
check "only the accepted photo is stored" "[ $(q "SELECT count(*) FROM monitoring_foto") = 1 ]"
got=$(visit opd.dinkes aaaa0002 $D1 2 1 "{\"buka\":\"tidak\",\"kpm_aktif\":\"tidak\",\"foto\":\"$F\"}")
check "the second posyandu answered with the photo: 201" "[ $got = 201 ]"
check "the photo opens for its uploader" "[ $(get opd.dinkes /monitoring/foto/$F) = 200 ] && cmp -s \"$W/body\" \"$W/foto.png\""
check "  and for the desa" "[ $(get bidan.desa /monitoring/foto/$F) = 200 ]"
# sent from the phone's offline queue with its client id: a retry stores it once
upload_id() { # upload_id USER FILE UUID
  curl -s -b "$W/$1.jar" -o "$W/body" -w '%{http_code}' -H "X-CSRF-Token: $(cat "$W/$1.csrf")" \
    -H 'Content-Type: application/octet-stream' --data-binary "@$2" "$B/api/v1/monitoring/foto?uuid=$3"
}
fotos() { ls "$DB.impor" | grep -c '^foto-'; }
check "a photo with a client id: 201" "[ $(upload_id opd.dinkes "$W/foto.png" 0c1d-0001-aa) = 201 ]"
G=$(sed 's/.*"id":\([0-9]*\).*/\1/' "$W/body")
check "  sent again (the answer was lost): 200, the same photo, said duplicate" "[ $(upload_id opd.dinkes "$W/foto.png" 0c1d-0001-aa) = 200 ] && grep -q '\"id\":$G,' \"$W/body\" && grep -q '\"duplikat\":true' \"$W/body\""
check "  one row and one file for it" "[ $(q "SELECT count(*) FROM monitoring_foto WHERE uuid = '0c1d-0001-aa'") = 1 ] && [ $(fotos) = 2 ]"
check "a client id with a slash: 422" "[ $(upload_id opd.dinkes "$W/foto.png" 'ab/cd-0001-aa') = 422 ] && [ $(fotos) = 2 ]"
# an abandoned form: photo G is in no answer; 8 days later the next upload removes it
q "UPDATE monitoring_foto SET dibuat = datetime('now', '-8 days') WHERE id IN ($F, $G)"
GF=$(q "SELECT berkas FROM monitoring_foto WHERE id = $G")
check "the next upload: 201" "[ $(upload_id opd.dinkes "$W/foto.png" 0c1d-0002-aa) = 201 ]"
check "  photo G, 8 days in no answer, gone with its file" "[ $(q "SELECT count(*) FROM monitoring_foto WHERE id = $G") = 0 ] && [ ! -e \"$GF\" ]"
check "  the answered photo F, as old, kept and still opens" "[ $(get opd.dinkes /monitoring/foto/$F) = 200 ] && cmp -s \"$W/body\" \"$W/foto.png\""
check "  the removal audited" "[ $(q "SELECT count(*) FROM audit_log WHERE tabel = 'monitoring_foto' AND aksi = 'hapus' AND baris = '$G'") = 1 ]"
q "DELETE FROM monitoring_foto WHERE uuid = '0c1d-0002-aa'"
visit opd.dinkes aaaa0003 $D1 1 2 '{"buka":"ya","kader_hadir":7}' > /dev/null
visit opd.dinkes aaaa0004 $D2 3 1 '{"buka":"ya","kpm_aktif":"ya"}' > /dev/null
# DPMD's questionnaire, answered by the kabupaten for GUNUNGHARJO
postf tpps.kab /monitoring/kuesioner/$KD/butir -d kode=buka -d label=Buka -d tipe=ya_tidak -d kelompok=posyandu > /dev/null
postf tpps.kab /monitoring/kuesioner/$KD/terbit > /dev/null
got=$(post_json admin /api/v1/monitoring "{\"uuid\":\"cccc0001\",\"kuesioner_id\":$KD,\"desa\":\"$D3\",\"posyandu_id\":5,\"tanggal\":\"2026-11-21\",\"tahap\":1,\"jawaban\":{\"buka\":\"tidak\"}}")
check "the kabupaten answers DPMD's questionnaire for its desa: 201" "[ $got = 201 ]"
check "  stored as DPMD's" "[ \"$(q "SELECT lembaga FROM monitoring_kunjungan WHERE uuid = 'cccc0001'")\" = OPD-DPMD ]"

# --- results ---------------------------------------------------------------------
# WONOURIP stage 1: buka ya, tidak -> 50; kpm ya, tidak -> 50; stage 2: buka ya -> 100, no kpm
check "tpps.kab's desa table" "[ $(get tpps.kab /monitoring) = 200 ]"
check "  WONOURIP: 2 visits then 1, posyandu 50 then 100, KPM 50 then -" "grep -q '<td>WONOURIP</td><td>Tim 1</td><td class=\"n\">2</td><td class=\"n\">1</td><td class=\"n\">50</td><td class=\"n\">100</td><td class=\"n\">50</td><td class=\"n\">-</td>' \"$W/body\""
check "  SUKOTANI: 100 and 100 at stage 1" "grep -q '<td>SUKOTANI</td><td>Tim 1</td><td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">100</td><td class=\"n\">-</td><td class=\"n\">100</td>' \"$W/body\""
check "  GUNUNGHARJO (Tim 2): 0" "grep -q '<td>GUNUNGHARJO</td><td>Tim 2</td><td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">0</td>' \"$W/body\""
# Dinkes stage 1 yes/no: ya ya | tidak tidak | ya ya = 4 of 6 -> 67 %
check "  per agency: Dinkes 2 desa, both visited, 3 visits, 67% ya" "grep -q '<td>Tim 1</td><td>Dinas Kesehatan</td><td class=\"n\">2</td><td class=\"n\">2</td><td class=\"n\">1</td><td class=\"n\">3</td><td class=\"n\">1</td><td class=\"n\">67</td>' \"$W/body\""
check "  Tim 1's total: 1 agency, 2 desa, 3 visits then 1" "grep -q '<tr class=\"jumlah\"><td>Tim 1</td><td>Jumlah tim (1 lembaga)</td><td class=\"n\">2</td><td></td><td></td><td class=\"n\">3</td><td class=\"n\">1</td>' \"$W/body\""
check "opd.dinkes sees its team's desa only" "[ $(get opd.dinkes /monitoring) = 200 ] && grep -q '<td>WONOURIP</td>' \"$W/body\" && ! grep -q '<td>GUNUNGHARJO</td>' \"$W/body\""
check "  and only its own questionnaires" "! grep -q 'Kuesioner DPMD' \"$W/body\""
check "bidan.desa sees its desa only" "[ $(get bidan.desa /monitoring) = 200 ] && grep -q '<td>WONOURIP</td>' \"$W/body\" && ! grep -q '<td>SUKOTANI</td>' \"$W/body\""
check "the results per question" "[ $(get tpps.kab "/monitoring/hasil?kuesioner=$K") = 200 ] && grep -q 'ya 1 dari 2 (50%)' \"$W/body\""
check "  as CSV, the cadres' mean at stage 2" "[ $(get tpps.kab "/monitoring/hasil?kuesioner=$K&format=csv") = 200 ] && grep -q '$D1,WONOURIP,kader_hadir,Kader hadir,1,\"rata-rata 5,0\",1,\"rata-rata 7,0\"' \"$W/body\""
check "the results page shows the photo, opening at full size, where and when it was taken" "[ \$(get tpps.kab '/monitoring/hasil?kuesioner=$K') = 200 ] && grep -q '<a href=\"/monitoring/foto/$F\"><img src=\"/monitoring/foto/$F\" loading=\"lazy\" alt=\"Foto kegiatan\"></a><figcaption>WONOURIP' \"$W/body\" && grep -q 'tahap 1<br>Foto kegiatan</figcaption>' \"$W/body\""
check "  the photo's date as 20/11/2026-style" "grep -o '<figcaption>[^<]*' \"$W/body\" | grep -q ' · [0-3][0-9]/1[0-2]/2026 · '"
check "a questionnaire without photos: no photo section" "[ $(get tpps.kab "/monitoring/hasil?kuesioner=$KD") = 200 ] && ! grep -q 'foto-daftar' \"$W/body\""
check "opd.dinkes's CSV has no desa of another team" "[ $(get opd.dinkes "/monitoring/hasil?kuesioner=$KD&format=csv") = 200 ] && ! grep -q GUNUNGHARJO \"$W/body\""

# --- commitments -------------------------------------------------------------------
got=$(postf opd.dinkes /monitoring/komitmen -d desa=$D1 -d 'uraian=PMT lokal dari APBDes' -d pj= -d tenggat=2026-12-15)
check "a commitment without its owner: 422, said, kept" "[ $got = 422 ] && grep -q 'Penanggung jawab wajib' \"$W/body\" && grep -q 'value=\"PMT lokal dari APBDes\"' \"$W/body\""
check "a commitment with owner and deadline: 303" "[ $(postf opd.dinkes /monitoring/komitmen -d desa=$D1 -d 'uraian=PMT lokal dari APBDes' -d 'pj=Kepala desa' -d tenggat=2026-12-15) = 303 ]"
check "  stored as Dinkes's" "[ \"$(q "SELECT lembaga || '|' || pj || '|' || status FROM monitoring_komitmen")\" = 'OPD-DINKES|Kepala desa|baru' ]"
check "a commitment for DPMD's desa by Dinkes: 403" "[ $(postf opd.dinkes /monitoring/komitmen -d desa=$D3 -d uraian=x -d pj=x -d tenggat=2026-12-15) = 403 ]"
C=$(q "SELECT id FROM monitoring_komitmen")
check "the desa marks it done: 303" "[ $(postf bidan.desa /monitoring/komitmen-status -d id=$C -d status=selesai) = 303 ] && [ $(q "SELECT status FROM monitoring_komitmen") = selesai ]"
check "  the desa table counts it" "[ $(get tpps.kab /monitoring) = 200 ] && grep -q '<td>WONOURIP</td>.*<td class=\"n\">1/1</td>' \"$W/body\""

# --- the posyandu itself ----------------------------------------------------------
check "the posyandu day links to the posyandu's page" "[ $(get kader /posyandu/1) = 200 ] && grep -q 'href=\"/posyandu/1/profil\"' \"$W/body\""
check "the posyandu page: kader, titled by its name once" "[ $(get kader /posyandu/1/profil) = 200 ] && grep -q 'Kit antropometri' \"$W/body\" && grep -q '<h1>Posyandu Melati 1</h1>' \"$W/body\""
check "the cadre adds a cadre: 303" "[ $(postf kader /posyandu/1/profil/kader -d 'nama=Bu Siti' -d terlatih=1 -d 'pelatihan=TOT 2025' -d aktif=1) = 303 ]"
check "  listed as trained" "[ $(get kader /posyandu/1/profil) = 200 ] && grep -q '<td>Bu Siti</td><td>terlatih</td>' \"$W/body\""
check "the cadre records a PMT menu with its source: 303" "[ $(postf kader /posyandu/1/profil/pmt -d tanggal=2026-11-20 -d 'menu=Nugget lele' -d sumber=APBDes) = 303 ]"
check "the cadre may not change the kit: 403" "[ $(postf kader /posyandu/1/profil/alat -d ada_pita_lila=1) = 403 ]"
check "nor another posyandu: 403" "[ $(postf kader /posyandu/2/profil/kader -d nama=X -d aktif=1) = 403 ]"
all=""
for a in timbangan_bayi timbangan_injak papan_pb stadiometer pita_lila pita_lika; do all="$all -d ada_$a=1 -d baik_$a=1"; done
# shellcheck disable=SC2086
check "the desa records the full kit: 303, the standard kit" "[ $(postf bidan.desa /posyandu/1/profil/alat $all) = 303 ] && [ $(q "SELECT kit_standar FROM posyandu WHERE id = 1") = 1 ]"
broken=$(echo "$all" | sed 's/ -d baik_papan_pb=1//')
# shellcheck disable=SC2086
check "  the length board broken: no longer the standard kit" "[ $(postf bidan.desa /posyandu/1/profil/alat $broken) = 303 ] && [ $(q "SELECT kit_standar FROM posyandu WHERE id = 1") = 0 ]"
got=$(postf gizi.puskesmas /posyandu/1/profil/paud -d tanggal=2026-11-20 -d 'nama_paud=PAUD Melati' -d jumlah_anak=banyak)
check "PAUD without a count: 422, said, kept" "[ $got = 422 ] && grep -q 'Jumlah anak' \"$W/body\" && grep -q 'value=\"PAUD Melati\"' \"$W/body\""
check "PAUD measured the same day: 303" "[ $(postf gizi.puskesmas /posyandu/1/profil/paud -d tanggal=2026-11-20 -d 'nama_paud=PAUD Melati' -d jumlah_anak=18) = 303 ] && [ $(q "SELECT jumlah_anak FROM posyandu_paud") = 18 ]"
check "an open day: 303" "[ $(postf tpps.kec /posyandu/1/profil/buka -d tanggal=2026-11-20) = 303 ]"
check "opd.dinkes reads the page, does not edit: 200, 403" "[ $(get opd.dinkes /posyandu/1/profil) = 200 ] && [ $(postf opd.dinkes /posyandu/1/profil/pmt -d tanggal=2026-11-20 -d menu=x -d sumber=x) = 403 ]"
check "a posyandu of another kabupaten: 403" "[ $(get tpps.kab /posyandu/900/profil) = 403 ]"
check "every profile write audited" "[ $(q "SELECT count(*) FROM audit_log WHERE tabel LIKE 'posyandu_%'") -ge 11 ]"
check "server log has no sanitizer report" "! grep -q 'Sanitizer' \"$W/serve.err\""
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
