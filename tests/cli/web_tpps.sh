#!/bin/sh
# tests/cli/web_tpps.sh - the TPPS and its agencies on the web (issue 14):
# the institution register (add, refuse with the form kept, rename,
# deactivate); the team of each area with its SK, members and decree, its
# gaps (no SK, SK expired, no chair, decree missing) computed on a small
# hand-made fixture; document uploads refused by content and by size; the
# desa institutional map with its gaps per desa and per kecamatan; the 8
# aksi with the province's score and outputs; scope for every role.
export TUMBUH_DOKUMEN_MAX_MB=1
. tests/cli-lib.sh
. tests/web-lib.sh
q() { sqlite3 "$DB" "$1"; }
postf() { # postf USER PATH [CURL ARGS]: a form POST; prints the status
  u=$1 p=$2
  shift 2
  curl -s -b "$W/$u.jar" -o "$W/body" -w '%{http_code}' -d "csrf=$(cat "$W/$u.csrf")" "$@" "$B$p"
}
upload() { # upload USER PATH FILE [TOKEN]: the file as the body, the token in a header
  curl -s -b "$W/$1.jar" -o "$W/body" -w '%{http_code}' -H "X-CSRF-Token: ${4-$(cat "$W/$1.csrf")}" \
    -H 'Content-Type: application/octet-stream' --data-binary @"$3" "$B$2"
}
for u in admin tpps.kab opd.dinkes tpps.kec bidan.desa kader; do login $u; done
K=35.99.01 D1=35.99.01.2001 D2=35.99.01.2002 D3=35.99.01.2003

# --- the institution register ---
check "lembaga: admin sees the register with TP PKK" "[ $(get admin /lembaga) = 200 ] && grep -q 'data-lembaga=\"TP-PKK\"' \"$W/body\""
check "lembaga: tpps_kec, opd and a cadre 403" "[ $(get tpps.kec /lembaga) = 403 ] && [ $(get opd.dinkes /lembaga) = 403 ] && [ $(get kader /lembaga) = 403 ]"
check "lembaga add: 303, code upper-cased, audited" "[ $(postf tpps.kab /lembaga -d kode=opd-perkim --data-urlencode 'nama=Dinas Perkim' -d jenis=opd) = 303 ] && [ \"$(q "SELECT nama, jenis, wilayah FROM lembaga WHERE kode = 'OPD-PERKIM'")\" = 'Dinas Perkim|opd|35.99' ] && [ $(q "SELECT count(*) FROM audit_log WHERE tabel = 'lembaga' AND baris = 'OPD-PERKIM' AND aksi = 'tambah'") = 1 ]"
check "lembaga add refused: code taken, 422, the form kept, error beside the code" "[ $(postf admin /lembaga -d kode=OPD-PERKIM --data-urlencode 'nama=Dinas Perkim Dua' -d jenis=lainnya) = 422 ] && grep -q 'value=\"Dinas Perkim Dua\"' \"$W/body\" && grep -q 'value=\"OPD-PERKIM\"[^>]*><span class=\"galat\" role=\"alert\">Kode OPD-PERKIM sudah dipakai' \"$W/body\" && grep -q '<option value=\"lainnya\" selected>' \"$W/body\""
check "lembaga add refused: no name" "[ $(postf admin /lembaga -d kode=OPD-X -d jenis=opd) = 422 ] && grep -q 'Isi nama lembaga' \"$W/body\""
check "lembaga add refused: bad code, unknown jenis, area outside" "[ $(postf admin /lembaga -d 'kode=OPD PERKIM' -d nama=X -d jenis=opd) = 422 ] && [ $(postf admin /lembaga -d kode=OPD-X -d nama=X -d jenis=partai) = 422 ] && [ $(postf admin /lembaga -d kode=OPD-X -d nama=X -d jenis=opd -d wilayah=35.98) = 422 ] && [ $(q "SELECT count(*) FROM lembaga WHERE kode IN ('OPD-X', 'OPD PERKIM')") = 0 ]"
check "lembaga: a koramil in a kecamatan" "[ $(postf admin /lembaga -d kode=KORAMIL-01 -d 'nama=Koramil Sukamaju' -d jenis=lainnya -d wilayah=$K) = 303 ] && [ $(q "SELECT wilayah FROM lembaga WHERE kode = 'KORAMIL-01'") = $K ]"
check "lembaga rename and deactivate: kept, off the lists, audited with before" "[ $(postf admin /lembaga/OPD-PERKIM --data-urlencode 'nama=Dinas Perumahan dan Permukiman') = 303 ] && [ \"$(q "SELECT l.nama, n.kode IS NOT NULL FROM lembaga l LEFT JOIN lembaga_nonaktif n USING (kode) WHERE l.kode = 'OPD-PERKIM'")\" = 'Dinas Perumahan dan Permukiman|1' ] && [ $(q "SELECT count(*) FROM audit_log WHERE tabel = 'lembaga' AND baris = 'OPD-PERKIM' AND aksi = 'ubah' AND sebelum LIKE '%Dinas Perkim%'") = 1 ]"
RAKOR=$(q "SELECT id FROM rapat WHERE jenis = 'rakor' ORDER BY id LIMIT 1")
check "a deactivated institution is not offered on a meeting's forms" "[ $(get admin /rapat/$RAKOR) = 200 ] && ! grep -q 'value=\"OPD-PERKIM\"' \"$W/body\""
check "lembaga reactivate" "[ $(postf admin /lembaga/OPD-PERKIM --data-urlencode 'nama=Dinas Perumahan dan Permukiman' -d aktif=1) = 303 ] && [ $(q "SELECT count(*) FROM lembaga_nonaktif WHERE kode = 'OPD-PERKIM'") = 0 ]"
check "  reactivated, offered again" "[ $(get admin /rapat/$RAKOR) = 200 ] && grep -q 'value=\"OPD-PERKIM\"' \"$W/body\""
check "lembaga rename refused: empty name, 422, unchanged" "[ $(postf admin /lembaga/OPD-PERKIM -d nama=) = 422 ] && grep -q 'Isi nama lembaga' \"$W/body\" && [ \"$(q "SELECT nama FROM lembaga WHERE kode = 'OPD-PERKIM'")\" = 'Dinas Perumahan dan Permukiman' ]"
check "lembaga: unknown code 404, tpps_kec 403" "[ $(postf admin /lembaga/TIDAK-ADA -d nama=X) = 404 ] && [ $(postf tpps.kec /lembaga/OPD-PERKIM -d nama=X) = 403 ]"

# --- the team of an area: a hand-made fixture of the kecamatan's three desa ---
# D1: SK valid to 2030, no decree (gap 8); D2: SK expired 2020 (2+8); D3: no SK, no chair (1+4)
q "UPDATE tpps SET no_sk = '141/1/2024', tgl_sk = '2024-01-02', berlaku_sampai = '2030-12-31' WHERE wilayah = '$D1';
   UPDATE tpps SET no_sk = '141/9/2018', tgl_sk = '2018-03-01', berlaku_sampai = '2020-12-31' WHERE wilayah = '$D2';
   UPDATE tpps SET no_sk = NULL, tgl_sk = NULL, berlaku_sampai = NULL WHERE wilayah = '$D3';
   UPDATE tpps_anggota SET peran = 'anggota' WHERE wilayah = '$D3'"
check "tpps: the kecamatan's page lists its desa with their gaps" "[ $(get tpps.kec "/tpps?wilayah=$K") = 200 ] && grep -q 'data-tpps=\"$D1\" data-kurang=\"8\"' \"$W/body\" && grep -q 'data-tpps=\"$D2\" data-kurang=\"10\"' \"$W/body\" && grep -q 'data-tpps=\"$D3\" data-kurang=\"5\"' \"$W/body\" && grep -q '3 dari 3 TPPS masih punya kekurangan' \"$W/body\""
check "tpps: the gaps named (expired)" "[ $(get tpps.kec "/tpps?wilayah=$D2") = 200 ] && grep -q 'SK sudah tidak berlaku' \"$W/body\""
check "tpps: the gaps named (no SK, no chair)" "[ $(get tpps.kec "/tpps?wilayah=$D3") = 200 ] && grep -q 'Belum ada SK' \"$W/body\" && grep -q 'Belum ada ketua' \"$W/body\""
check "tpps: the kabupaten's own team, its kecamatan below (the demo's expired one)" "[ $(get tpps.kab /tpps) = 200 ] && grep -q 'data-tpps=\"35.99.02\" data-kurang=\"10\"' \"$W/body\""
check "tpps scope: a desa user their own, not the neighbour, not the kecamatan" "[ $(get bidan.desa /tpps) = 200 ] && [ $(get bidan.desa "/tpps?wilayah=$D2") = 403 ] && [ $(get bidan.desa "/tpps?wilayah=$K") = 403 ]"
check "tpps scope: tpps_kec not another kecamatan, a cadre 403, unknown area 404, not a code 400" "[ $(get tpps.kec '/tpps?wilayah=35.99.02') = 403 ] && [ $(get kader /tpps) = 403 ] && [ $(get admin '/tpps?wilayah=35.99.77') = 404 ] && [ $(get admin '/tpps?wilayah=35') = 400 ]"
check "tpps: the OPD reads, no forms" "[ $(get opd.dinkes /tpps) = 200 ] && grep -q 'Susunan tim' \"$W/body\" && ! grep -q 'action=\"/tpps/sk\"' \"$W/body\""
check "tpps: the OPD cannot write" "[ $(postf opd.dinkes /tpps/sk -d wilayah=35.99 -d no_sk=X) = 403 ]"

# SK
check "sk: set with a dd/mm/yyyy date, audited" "[ $(postf tpps.kec /tpps/sk -d wilayah=$D3 -d 'no_sk=141/3/2026' -d tgl_sk=15/01/2026 -d berlaku_sampai=2031-12-31) = 303 ] && [ \"$(q "SELECT no_sk, tgl_sk, berlaku_sampai FROM tpps WHERE wilayah = '$D3'")\" = '141/3/2026|2026-01-15|2031-12-31' ] && [ $(q "SELECT count(*) FROM audit_log WHERE tabel = 'tpps' AND baris = '$D3'") = 1 ]"
check "sk refused: 31 February, 422, the number kept, error beside the date" "[ $(postf tpps.kec /tpps/sk -d wilayah=$D2 -d 'no_sk=141/4/2026' -d tgl_sk=31/02/2026) = 422 ] && grep -q 'value=\"141/4/2026\"' \"$W/body\" && grep -q 'name=\"tgl_sk\" value=\"31/02/2026\"[^>]*><span class=\"galat\" role=\"alert\">Tanggal' \"$W/body\" && [ $(q "SELECT no_sk FROM tpps WHERE wilayah = '$D2'") = 141/9/2018 ]"
check "sk refused: valid until before its date" "[ $(postf tpps.kec /tpps/sk -d wilayah=$D2 -d no_sk=X -d tgl_sk=2026-05-01 -d berlaku_sampai=2025-01-01) = 422 ] && grep -q 'Masa berlaku berakhir sebelum' \"$W/body\""
check "sk refused: no number" "[ $(postf tpps.kec /tpps/sk -d wilayah=$D2) = 422 ] && grep -q 'Isi nomor SK' \"$W/body\""
check "sk scope: a desa user their own 303, the neighbour 403; tpps_kec another kecamatan 403" "[ $(postf bidan.desa /tpps/sk -d no_sk=141/5/2026) = 303 ] && [ $(q "SELECT no_sk FROM tpps WHERE wilayah = '$D1'") = 141/5/2026 ] && [ $(postf bidan.desa /tpps/sk -d wilayah=$D2 -d no_sk=X) = 403 ] && [ $(postf tpps.kec /tpps/sk -d wilayah=35.99.02 -d no_sk=X) = 403 ] && [ $(q "SELECT no_sk FROM tpps WHERE wilayah = '35.99.02'") = 400/7/KEC/2023 ]"

# members
check "member: a chair for D3 by institution, audited; the chair gap gone" "[ $(postf tpps.kec /tpps/anggota -d wilayah=$D3 --data-urlencode 'nama=Bu Ketua' -d 'jabatan=Kepala Desa' -d peran=ketua -d lembaga=TP-PKK -d 'bidang=Koordinasi') = 303 ] && [ \"$(q "SELECT peran, lembaga, instansi, bidang, no_sk FROM tpps_anggota WHERE nama = 'Bu Ketua'")\" = 'ketua|TP-PKK|TP PKK Kabupaten|Koordinasi|141/3/2026' ] && [ $(q "SELECT count(*) FROM audit_log WHERE tabel = 'tpps_anggota' AND aksi = 'tambah'") = 1 ] && [ $(get tpps.kec "/tpps?wilayah=$K") = 200 ] && grep -q 'data-tpps=\"$D3\" data-kurang=\"8\"' \"$W/body\""
check "member refused: no name, 422, the job and institution kept" "[ $(postf tpps.kec /tpps/anggota -d wilayah=$D3 -d 'jabatan=Bidan Desa' -d peran=anggota -d lembaga=TP-PKK) = 422 ] && grep -q 'value=\"Bidan Desa\"' \"$W/body\" && grep -q '<option value=\"TP-PKK\" selected>' \"$W/body\" && grep -q 'Isi nama anggota' \"$W/body\""
check "member refused: unknown role, unknown or inactive institution" "[ $(postf tpps.kec /tpps/anggota -d wilayah=$D3 -d nama=X -d peran=raja) = 422 ] && [ $(postf tpps.kec /tpps/anggota -d wilayah=$D3 -d nama=X -d peran=anggota -d lembaga=NGO-X) = 422 ] && grep -q 'Lembaga tidak terdaftar' \"$W/body\" && [ $(q "SELECT count(*) FROM tpps_anggota WHERE nama = 'X'") = 0 ]"
M=$(q "SELECT id FROM tpps_anggota WHERE nama = 'Bu Ketua'")
check "member leaves: only through its own area (404 elsewhere), kept inactive" "[ $(postf tpps.kec /tpps/anggota/$M/hapus -d wilayah=$D2) = 404 ] && [ $(postf bidan.desa /tpps/anggota/$M/hapus -d wilayah=$D3) = 403 ] && [ $(postf tpps.kec /tpps/anggota/$M/hapus -d wilayah=$D3) = 303 ] && [ $(q "SELECT aktif FROM tpps_anggota WHERE id = $M") = 0 ] && [ $(get tpps.kec "/tpps?wilayah=$K") = 200 ] && grep -q 'data-tpps=\"$D3\" data-kurang=\"12\"' \"$W/body\""

# --- documents ---
printf '%%PDF-1.4\n%% SK TPPS desa\n1 0 obj << >> endobj\n%%%%EOF\n' > "$W/sk.pdf"
printf 'bukan pdf, hanya teks' > "$W/palsu.pdf"
printf '\211PNG\r\n\032\n0000IHDR' > "$W/sk.png"
{ printf '%%PDF-1.4\n'; head -c 1200000 /dev/zero; } > "$W/besar.pdf"
N0=$(q "SELECT count(*) FROM dokumen")
check "upload: the decree (PDF) of D1 by the desa, linked, gap gone" "[ $(upload bidan.desa "/tpps/dokumen?wilayah=$D1&nama=sk.pdf" "$W/sk.pdf") = 303 ] && [ \"$(q "SELECT d.jenis, d.ukuran, d.nama FROM dokumen d JOIN tpps t ON t.dokumen_id = d.id WHERE t.wilayah = '$D1'")\" = \"application/pdf|$(wc -c < "$W/sk.pdf")|sk.pdf\" ] && [ $(get tpps.kec "/tpps?wilayah=$K") = 200 ] && grep -q 'data-tpps=\"$D1\" data-kurang=\"0\"' \"$W/body\" && grep -q '2 dari 3 TPPS' \"$W/body\""
DOC=$(q "SELECT dokumen_id FROM tpps WHERE wilayah = '$D1'")
check "document: served as it was uploaded, as PDF" "curl -s -b \"$W/tpps.kec.jar\" -D \"$W/head\" -o \"$W/got.pdf\" \"$B/dokumen/$DOC\" && cmp -s \"$W/got.pdf\" \"$W/sk.pdf\" && grep -qi 'content-type: application/pdf' \"$W/head\""
check "upload refused: a text file named .pdf (type by content), 415, nothing stored" "[ $(upload tpps.kec "/tpps/dokumen?wilayah=$D2&nama=palsu.pdf" "$W/palsu.pdf") = 415 ] && grep -q 'bukan PDF, PNG atau JPEG' \"$W/body\" && [ $(q "SELECT count(*) FROM dokumen") = $((N0 + 1)) ]"
check "upload refused: over the size limit (1 MB here), 413, nothing stored" "[ $(upload tpps.kec "/tpps/dokumen?wilayah=$D2&nama=besar.pdf" "$W/besar.pdf") = 413 ] && grep -q 'terlalu besar' \"$W/body\" && [ $(q "SELECT count(*) FROM dokumen") = $((N0 + 1)) ]"
check "upload: a scanned PNG accepted" "[ $(upload tpps.kec "/tpps/dokumen?wilayah=$D2&nama=sk.png" "$W/sk.png") = 303 ] && [ $(q "SELECT jenis FROM dokumen d JOIN tpps t ON t.dokumen_id = d.id WHERE t.wilayah = '$D2'") = image/png ]"
DOC2=$(q "SELECT dokumen_id FROM tpps WHERE wilayah = '$D2'")
check "upload refused: no CSRF header 403, a cadre 403, the desa user for the neighbour 403" "[ $(upload tpps.kec "/tpps/dokumen?wilayah=$D2" "$W/sk.pdf" '') = 403 ] && [ $(upload kader "/tpps/dokumen?wilayah=$D1" "$W/sk.pdf") = 403 ] && [ $(upload bidan.desa "/tpps/dokumen?wilayah=$D2" "$W/sk.pdf") = 403 ] && [ $(q "SELECT count(*) FROM dokumen") = $((N0 + 2)) ]"
check "document scope: the desa reads its own, not the neighbour's; outside 404/403" "[ $(get bidan.desa /dokumen/$DOC) = 200 ] && [ $(get bidan.desa /dokumen/$DOC2) = 403 ] && [ $(get kader /dokumen/$DOC) = 403 ] && [ $(get admin /dokumen/999999) = 404 ]"

# --- the institutional map ---
check "map: D2 by tpps_kec (Rupiah with dots), 303, audited" "[ $(postf tpps.kec /kelembagaan/$D2 -d kpm_ada=2 -d kpm_terlatih=1 -d kader_jumlah=6 -d kader_terlatih=6 -d bkb=1 -d bkr=1 -d kampung_kb=dasar -d tahun=2026 -d apbdes_stunting=25.000.000) = 303 ] && [ \"$(q "SELECT kpm_ada, kpm_terlatih, bkb, bkr, bkl, kampung_kb, rumah_dataku IS NULL FROM kelembagaan_desa WHERE desa = '$D2'")\" = '2|1|1|1|0|dasar|1' ] && [ \"$(q "SELECT stunting, kpm IS NULL FROM anggaran_desa WHERE desa = '$D2' AND tahun = 2026")\" = '25000000.0|1' ] && [ $(q "SELECT count(*) FROM audit_log WHERE tabel = 'kelembagaan_desa' AND baris = '$D2'") = 1 ]"
check "map: D1 by its desa user, complete" "[ $(postf bidan.desa /kelembagaan/$D1 -d kpm_ada=1 -d kpm_terlatih=1 -d kader_jumlah=5 -d kader_terlatih=5 -d bkb=1 -d bkr=1 -d bkl=1 -d kampung_kb=mandiri -d rumah_dataku=lengkap -d tahun=2026 -d 'apbdes_stunting=Rp30.000.000' -d apbdes_kpm=4000000) = 303 ]"
check "map: D3 emptied by the admin" "[ $(postf admin /kelembagaan/$D3 -d tahun=2026) = 303 ]"
# D1: nothing lacking; D2: KPM untrained 4 + BKL 64 + Rumah DataKu 256 + APBDes KPM 1024 = 1348;
# D3 (SK since set above): KPM 2 + cadres 8 + BKB/BKR/BKL 112 + Kampung KB 128 + DataKu 256 + APBDes 1536 = 2042
check "map gaps per desa" "[ $(get tpps.kec "/kelembagaan?wilayah=$K&tahun=2026") = 200 ] && grep -q 'data-desa=\"$D1\" data-kurang=\"0\"' \"$W/body\" && grep -q 'data-desa=\"$D2\" data-kurang=\"1348\"' \"$W/body\" && grep -q 'data-desa=\"$D3\" data-kurang=\"2042\"' \"$W/body\" && grep -q 'data-desa-kurang=\"2\"' \"$W/body\""
check "map: the kecamatan count (kabupaten page): 2 desa lacking, BKL 2, KPM untrained 1, SK 0" "[ $(get admin '/kelembagaan?tahun=2026') = 200 ] && grep -q '<tr data-kecamatan=\"$K\"><td>[^<]*</td><td>3</td><td>2</td><td data-kurang-0=\"0\">0</td><td data-kurang-1=\"1\">1</td><td data-kurang-2=\"1\">1</td>' \"$W/body\" && grep -q '<tr data-kecamatan=\"$K\">.*data-kurang-6=\"2\"' \"$W/body\""
check "map: another year has no APBDes lines" "[ $(get tpps.kec "/kelembagaan?wilayah=$D1&tahun=2025") = 200 ] && grep -q 'data-desa=\"$D1\" data-kurang=\"1536\"' \"$W/body\""
check "map refused: more trained than appointed, 422, the cadre count kept, error beside" "[ $(postf tpps.kec /kelembagaan/$D2 -d kpm_ada=2 -d kpm_terlatih=3 -d kader_jumlah=17 -d tahun=2026) = 422 ] && grep -q 'name=\"kader_jumlah\" value=\"17\"' \"$W/body\" && grep -q 'name=\"kpm_terlatih\" value=\"3\"[^>]*><span class=\"galat\" role=\"alert\">KPM terlatih lebih banyak' \"$W/body\" && [ $(q "SELECT kpm_terlatih FROM kelembagaan_desa WHERE desa = '$D2'") = 1 ]"
check "map refused: an amount in words" "[ $(postf tpps.kec /kelembagaan/$D2 -d tahun=2026 -d 'apbdes_kpm=dua juta') = 422 ] && grep -q 'Isi jumlah rupiah' \"$W/body\""
check "map refused: an unknown class" "[ $(postf tpps.kec /kelembagaan/$D2 -d tahun=2026 -d rumah_dataku=mewah) = 422 ] && grep -q 'Pilih kelas Rumah DataKu' \"$W/body\""
check "map scope: the desa user not the neighbour, tpps_kec not another kecamatan, opd 403" "[ $(postf bidan.desa /kelembagaan/$D2 -d tahun=2026) = 403 ] && [ $(get tpps.kec /kelembagaan/35.99.02.2001) = 403 ] && [ $(postf opd.dinkes /kelembagaan/$D1 -d tahun=2026) = 403 ] && [ $(get admin /kelembagaan/35.99.01) = 400 ]"

# --- the 8 aksi ---
check "aksi: 8 rows of the year, 5 done in the demo, Aksi 7's output is the publication" "[ $(get tpps.kab '/aksi?tahun=2026') = 200 ] && [ \$(grep -o 'data-aksi=' \"$W/body\" | wc -l) = 8 ] && grep -q 'data-selesai=\"5\"' \"$W/body\" && grep -q 'href=\"/unduh/publikasi.pdf?wilayah=35.99\"' \"$W/body\" && grep -q 'href=\"/aksi/analisis-situasi?tahun=2026\"' \"$W/body\""
check "aksi 1: the lokus recommendation linked" "[ $(get tpps.kab '/aksi?tahun=2026') = 200 ] && grep -q 'href=\"/cakupan/lokus?tahun=2026\"' \"$W/body\""
check "aksi 1: the analysis links the lokus ranking" "[ $(get tpps.kab '/aksi/analisis-situasi?tahun=2026') = 200 ] && grep -q 'href=\"/cakupan/lokus\"' \"$W/body\""
check "aksi 6 done with its lead, dates and score (decimal comma), audited" "[ $(postf tpps.kab /aksi/6 -d tahun=2026 -d lembaga=OPD-BAPPEDA -d mulai=01/03/2026 -d selesai=2026-06-30 -d status=selesai -d nilai=82,5 --data-urlencode 'catatan=Daftar kesenjangan data disahkan') = 303 ] && [ \"$(q "SELECT lembaga, mulai, selesai, status, nilai FROM aksi_konvergensi WHERE kabupaten = '35.99' AND tahun = 2026 AND aksi = 6")\" = 'OPD-BAPPEDA|2026-03-01|2026-06-30|selesai|82.5' ] && [ $(q "SELECT count(*) FROM audit_log WHERE tabel = 'aksi_konvergensi' AND baris = '35.99/2026/6'") = 1 ] && [ $(get admin '/aksi?tahun=2026') = 200 ] && grep -q 'data-selesai=\"6\"' \"$W/body\""
check "aksi refused: score 120, 422, the note kept, error beside the score" "[ $(postf admin /aksi/8 -d tahun=2026 -d status=proses -d nilai=120 -d 'catatan=Reviu Januari') = 422 ] && grep -q 'value=\"Reviu Januari\"' \"$W/body\" && grep -q 'name=\"nilai\" value=\"120\"[^>]*><span class=\"galat\" role=\"alert\">Nilai provinsi' \"$W/body\" && [ $(q "SELECT status FROM aksi_konvergensi WHERE tahun = 2026 AND aksi = 8") = belum ]"
check "aksi refused: ends before it starts" "[ $(postf admin /aksi/8 -d tahun=2026 -d status=proses -d mulai=2026-05-01 -d selesai=2026-04-01) = 422 ] && grep -q 'Tanggal selesai sebelum' \"$W/body\""
check "aksi refused: an unknown OPD; a kecamatan's body; no status" "[ $(postf admin /aksi/8 -d tahun=2026 -d status=proses -d lembaga=OPD-NGAWUR) = 422 ] && [ $(postf admin /aksi/8 -d tahun=2026 -d status=proses -d lembaga=KORAMIL-01) = 422 ] && [ $(postf admin /aksi/8 -d tahun=2026) = 422 ] && [ $(q "SELECT status FROM aksi_konvergensi WHERE tahun = 2026 AND aksi = 8") = belum ]"
check "aksi: a year without rows shows 8 not started" "[ $(get admin '/aksi?tahun=2030') = 200 ] && [ \$(grep -o 'data-status=\"belum\"' \"$W/body\" | wc -l) = 8 ]"
check "aksi: the first write makes the row" "[ $(postf admin /aksi/3 -d tahun=2030 -d status=proses) = 303 ] && [ $(q "SELECT status FROM aksi_konvergensi WHERE tahun = 2030 AND aksi = 3") = proses ]"
check "aksi: 9 is not an aksi; bad year 400" "[ $(postf admin /aksi/9 -d tahun=2026 -d status=belum) = 404 ] && [ $(get admin '/aksi?tahun=1990') = 400 ]"
check "aksi scope: the kecamatan reads without forms" "[ $(get tpps.kec '/aksi?tahun=2026') = 200 ] && grep -q 'data-aksi=\"6\"' \"$W/body\" && ! grep -q 'action=\"/aksi/6\"' \"$W/body\""
check "aksi scope: kecamatan and desa cannot write; a cadre 403" "[ $(postf tpps.kec /aksi/6 -d tahun=2026 -d status=belum) = 403 ] && [ $(postf bidan.desa /aksi/6 -d tahun=2026 -d status=belum) = 403 ] && [ $(get kader /aksi) = 403 ] && [ $(q "SELECT status FROM aksi_konvergensi WHERE tahun = 2026 AND aksi = 6") = selesai ]"
check "aksi output: the rembuk commitment uploaded, linked on the page" "[ $(upload tpps.kab '/aksi/3/dokumen?tahun=2026&nama=komitmen.pdf' "$W/sk.pdf") = 303 ] && A3=\$(q \"SELECT dokumen_id FROM aksi_konvergensi WHERE tahun = 2026 AND aksi = 3 AND diunggah = 1\") && [ -n \"\$A3\" ] && [ $(get admin '/aksi?tahun=2026') = 200 ] && grep -q \"href=\\\"/dokumen/\$A3\\\">komitmen.pdf\" \"$W/body\" && [ \$(get bidan.desa /dokumen/\$A3) = 200 ]"
check "aksi output refused: a text file, tpps_kec" "[ $(upload admin '/aksi/2/dokumen?tahun=2026' "$W/palsu.pdf") = 415 ] && [ $(upload tpps.kec '/aksi/2/dokumen?tahun=2026' "$W/sk.pdf") = 403 ]"
NK=$(q "SELECT count(*) FROM keluarga WHERE desa = '$D1'")
NKRS=$(q "SELECT count(*) FROM keluarga WHERE desa = '$D1' AND krs = 1")
check "aksi 1: the situation analysis from the records (prevalence, KRS per desa)" "[ $(get tpps.kab '/aksi/analisis-situasi?tahun=2026') = 200 ] && grep -q 'Prevalensi dan cakupan' \"$W/body\" && grep -q '<tr data-krs-desa=\"$D1\"><td>[^<]*</td><td>[^<]*</td><td>$NK</td><td>$NKRS</td>' \"$W/body\" && [ $NK -gt 0 ]"

# --- menu ---
check "menu: TPPS for the admin" "[ $(get admin /akun) = 200 ] && grep -q 'href=\"/tpps\">TPPS' \"$W/body\""
check "menu: TPPS for the desa" "[ $(get bidan.desa /akun) = 200 ] && grep -q 'href=\"/tpps\">TPPS' \"$W/body\""
check "menu: no TPPS for a cadre" "[ $(get kader /akun) = 200 ] && ! grep -q 'href=\"/tpps\"' \"$W/body\""
check "server log has no sanitizer report" "! grep -q 'Sanitizer' \"$W/serve.err\""
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
