#!/bin/sh
# tests/cli/web_lists.sh - the by-name lists and the posyandu chooser as a
# district uses them (issue 11, "the daily work, usable"): search by part of
# a name or NIK, each filter, sorting both ways, paging and its boundaries,
# the home-visit columns, downloads with the same filters, a hostile search
# string shown escaped and never matching everything, the area scope (a desa
# user cannot filter into another desa) and no names for tpps.kec.
#
# Fixtures, hand-made so every count below is known: 30 children
# "Qowiyyah Anak 01".."30" (odd L, even P); 01-05 born 2026-08-15 (3 months
# at the end of November: age group 0), 06-30 born 2024-01-10 (34 months:
# group 3); 01-20 at posyandu 1 (desa 35.99.01.2001), 21-30 at posyandu 4
# (desa 35.99.01.2002). 02 measured in November stunted SP, 03 stunted P;
# 01 measured only in October, in a family with address, RT/RW, dusun and
# phone. So November's home-visit list holds 28 of them.
. tests/cli-lib.sh
. tests/web-lib.sh

M=2026-11
{
  echo "BEGIN;"
  echo "INSERT INTO keluarga (id, no_kk, desa, rt, rw, alamat, dusun, telepon)
    VALUES (80000, '3599019999990000', '35.99.01.2001', '007', '003', 'Jl. Kenari 5', 'Krajan', '081234567890');"
  for i in $(seq 1 30); do
    n=$(printf %02d "$i")
    jk=$((2 - i % 2))
    lahir=2024-01-10; [ "$i" -le 5 ] && lahir=2026-08-15
    pos=1; desa=35.99.01.2001; [ "$i" -gt 20 ] && { pos=4; desa=35.99.01.2002; }
    kk=NULL; [ "$i" -eq 1 ] && kk=80000
    echo "INSERT INTO individu (id, nik, nama, nama_kunci, jk, tgl_lahir, desa, keluarga_id, peran)
      VALUES ($((80000 + i)), '35990199999900$n', 'Qowiyyah Anak $n', 'qowiyyah anak $n', $jk, '$lahir', '$desa', $kk, 'anak');
      INSERT INTO anak (individu_id, posyandu_id, nama_ortu) VALUES ($((80000 + i)), $pos, 'Ibu Qowiyyah $n');"
  done
  echo "INSERT INTO pengukuran (anak_id, tanggal, posyandu_id, bb, tb, z_tbu, f_tbu, kat_tbu)
    VALUES (80002, '2026-11-05', 1, 9.0, 80.0, -3.5, 0, 'SP'), (80003, '2026-11-05', 1, 10.0, 85.0, -2.5, 0, 'P'),
           (80001, '2026-10-05', 1, 5.5, 58.0, 0.1, 0, 'N');
    INSERT INTO posyandu (id, nama, desa) VALUES (901, 'Posyandu Qowiyyah', '35.99.01.2003');
    COMMIT;"
} | sqlite3 "$DB"
check "fixtures: 30 children" "[ \$(sqlite3 '$DB' \"SELECT count(*) FROM anak WHERE individu_id BETWEEN 80001 AND 80030\") -eq 30 ]"

G=gizi.puskesmas # sees names, kecamatan 35.99.01
login $G
L="/laporan/tidak-diukur?wilayah=35.99.01&bulan=$M"
# rows: the table rows of $W/body; total: the "N anak" line; first: the first fixture name
rows() { grep -o '<tr><td[^>]*>' "$W/body" | grep -vc colspan; }
total() { sed -n 's/.*<p class="jumlah">\([0-9]*\) .*/\1/p' "$W/body" | head -1; }
first() { grep -o 'Qowiyyah Anak [0-9]*' "$W/body" | head -1; }
# n_of QUERY: the total of the home-visit list with QUERY added
n_of() { get $G "$L&$1" > /dev/null; total; }

# search: part of a name, any case; part of a NIK
check "search 'qowiy' (lower case) finds the 28 not measured" "[ \"\$(n_of cari=qowiy)\" = 28 ]"
check "search 'ANAK 1' finds 10-19" "[ \"\$(n_of 'cari=ANAK%201')\" = 10 ]"
check "search by part of a NIK finds the 28" "[ \"\$(n_of cari=99999900)\" = 28 ]"
check "search by the end of one NIK finds one" "[ \"\$(n_of cari=9999990017)\" = 1 ]"
# each filter, hand-counted from the fixtures
check "filter kecamatan=35.99.01: 28" "[ \"\$(n_of 'cari=Qowiyyah&kecamatan=35.99.01')\" = 28 ]"
check "filter desa=35.99.01.2002: 10" "[ \"\$(n_of 'cari=Qowiyyah&desa=35.99.01.2002')\" = 10 ]"
check "filter pos=1: 18" "[ \"\$(n_of 'cari=Qowiyyah&pos=1')\" = 18 ]"
check "filter umur=0 (0-5 months): 01, 04, 05" "[ \"\$(n_of 'cari=Qowiyyah&umur=0')\" = 3 ]"
check "filter umur=3 (24-35 months): 25" "[ \"\$(n_of 'cari=Qowiyyah&umur=3')\" = 25 ]"
check "filter jk=L: 14" "[ \"\$(n_of 'cari=Qowiyyah&jk=L')\" = 14 ]"
check "filter jk=P and umur=0: only 04" "[ \"\$(n_of 'cari=Qowiyyah&jk=P&umur=0')\" = 1 ] && [ \"\$(first)\" = 'Qowiyyah Anak 04' ]"
S="/laporan/stunting?wilayah=35.99.01&bulan=$M&cari=Qowiyyah"
get $G "$S" > /dev/null
check "stunting list: 02 and 03" "[ \"\$(total)\" = 2 ]"
get $G "$S&status=SP" > /dev/null
check "status=SP: only 02" "[ \"\$(total)\" = 1 ] && [ \"\$(first)\" = 'Qowiyyah Anak 02' ]"
get $G "$S&status=P" > /dev/null
check "status=P: only 03" "[ \"\$(total)\" = 1 ] && [ \"\$(first)\" = 'Qowiyyah Anak 03' ]"
check "unknown status: 400" "[ \"\$(get $G '$S&status=XX')\" = 400 ]"
check "malformed filters: 400" "[ \"\$(get $G '$L&desa=35.99')\" = 400 ] && [ \"\$(get $G '$L&jk=X')\" = 400 ] && [ \"\$(get $G '$L&umur=7')\" = 400 ] && [ \"\$(get $G '$L&pos=abc')\" = 400 ]"
check "the filter form keeps what was chosen" "get $G '$L&cari=Qowiyyah&jk=P&umur=3' > /dev/null && grep -q 'name=\"cari\"[^>]*value=\"Qowiyyah\"' '$W/body' && grep -q '<option value=\"P\" selected>' '$W/body' && grep -q '<option value=\"3\" selected>' '$W/body'"

# sorting by a column heading, both ways
get $G "$L&cari=Qowiyyah&urut=nama" > /dev/null
check "sorted by name: 01 first" "[ \"\$(first)\" = 'Qowiyyah Anak 01' ]"
get $G "$L&cari=Qowiyyah&urut=nama&arah=turun" > /dev/null
check "sorted by name descending: 30 first" "[ \"\$(first)\" = 'Qowiyyah Anak 30' ]"
get $G "$L&cari=Qowiyyah&urut=umur" > /dev/null
check "sorted by age: a 3-month-old first (01, 04, 05)" "first | grep -q 'Anak 0[145]$'"
get $G "$L&cari=Qowiyyah&urut=umur&arah=turun" > /dev/null
check "sorted by age descending: a 34-month-old first" "! first | grep -q 'Anak 0[145]$'"
check "the heading sorted ascending links to descending" "grep -q 'urut=umur&amp;arah=turun\">Umur ▲' '$W/body' || grep -q 'urut=umur\">Umur ▼' '$W/body'"
get $G "$L&cari=Qowiyyah&urut=ortu&arah=turun" > /dev/null
check "sorted by mother's name descending: 30 first" "[ \"\$(first)\" = 'Qowiyyah Anak 30' ]"
get $G "$L&cari=Qowiyyah&urut=desa" > /dev/null
check "sorted by desa: SUKOTANI (21-30) before WONOURIP" "first | grep -q 'Anak [23][0-9]$'"
get $G "$L&cari=Qowiyyah&urut=desa&arah=turun" > /dev/null
check "sorted by desa descending: WONOURIP (01-20) first" "! first | grep -q 'Anak [23][0-9]$'"
get $G "$L&cari=Qowiyyah" > /dev/null
check "every heading but the phone is a sort link" "grep -q '<a class=\"urut\" href=\"[^\"]*urut=nama\">Nama</a>' '$W/body' && grep -q '<th>Telepon</th>' '$W/body'"
check "an unknown sort key is ignored (200)" "[ \"\$(get $G '$L&cari=Qowiyyah&urut=i.nama;DROP')\" = 200 ] && [ \"\$(total)\" = 28 ]"

# paging: 28 rows at 25 a page
get $G "$L&cari=Qowiyyah&per=25" > /dev/null
check "page 1 of 2: 25 rows, 'baris 1-25'" "[ \"\$(rows)\" = 25 ] && grep -q '28 anak; baris 1-25, halaman 1 dari 2' '$W/body'"
check "a link to page 2 keeps the filters" "grep -q 'href=\"/laporan/tidak-diukur?wilayah=35.99.01&amp;bulan=$M&amp;cari=Qowiyyah&amp;per=25&amp;hal=2\"' '$W/body'"
get $G "$L&cari=Qowiyyah&per=25&hal=2" > /dev/null
check "page 2: the last 3 rows" "[ \"\$(rows)\" = 3 ] && grep -q 'baris 26-28, halaman 2 dari 2' '$W/body'"
get $G "$L&cari=Qowiyyah&per=25&hal=3" > /dev/null
check "page 3 is past the end: no rows, the total still known" "[ \"\$(rows)\" = 0 ] && grep -q '28 anak; halaman 3 di luar daftar' '$W/body'"
get $G "$L&cari=Qowiyyah&per=25&hal=0" > /dev/null
check "hal=0 is page 1" "[ \"\$(rows)\" = 25 ]"
get $G "$L&cari=Qowiyyah&per=7" > /dev/null
check "a page size not offered is 50" "[ \"\$(rows)\" = 28 ]"
get $G "$L&cari=Qowiyyah&per=25&urut=nama&hal=2" > /dev/null
check "paging follows the order: page 2 by name starts at 28 (01,04..27 on page 1)" "[ \"\$(first)\" = 'Qowiyyah Anak 28' ]"

# the columns of a home visit
get $G "$L&cari=Qowiyyah%20Anak%2001" > /dev/null
check "age in years and months" "grep -q '<td>0 th 3 bl</td>' '$W/body'"
check "mother's name" "grep -q '<td>Ibu Qowiyyah 01</td>' '$W/body'"
check "address with RT/RW and dusun from the family" "grep -q '<td>Jl. Kenari 5, RT 007/RW 003, Dusun Krajan</td>' '$W/body'"
check "phone" "grep -q '<td>081234567890</td>' '$W/body'"
check "last measured on, dd/mm/yyyy" "grep -q '<td>05/10/2026</td>' '$W/body'"
check "last result: the categories and weight of that measurement" "grep -q '<td>TB/U N</td><td>belum diukur</td><td class=\"n\">5,5</td>' '$W/body'"
check "posyandu, desa and kecamatan" "grep -q '<td>Posyandu Melati 1</td><td>WONOURIP</td><td>SUKAMAJU</td>' '$W/body'"

# downloads take the same filters and order, every row
curl -s -b "$W/$G.jar" -o "$W/l.csv" "$B/unduh/tidak-diukur.csv?wilayah=35.99.01&bulan=$M&cari=Qowiyyah&desa=35.99.01.2002&urut=nama&arah=turun&per=25"
check "CSV: the 10 of desa 35.99.01.2002, by name descending" "[ \$(grep -c 'Qowiyyah Anak' '$W/l.csv') -eq 10 ] && grep 'Qowiyyah Anak' '$W/l.csv' | head -1 | grep -q 'Qowiyyah Anak 30'"
curl -s -b "$W/$G.jar" -o "$W/l.csv" "$B/unduh/tidak-diukur.csv?wilayah=35.99.01&bulan=$M&cari=Qowiyyah&per=25&hal=2"
check "CSV: every row, not one page" "[ \$(grep -c 'Qowiyyah Anak' '$W/l.csv') -eq 28 ]"
get $G "$L&cari=Qowiyyah&jk=P" > /dev/null
check "the download links carry the filters" "grep -q 'href=\"/unduh/tidak-diukur.xlsx?wilayah=35.99.01&amp;bulan=$M&amp;cari=Qowiyyah&amp;jk=P\"' '$W/body'"

# a hostile search string: escaped when shown, a literal in the query
code=$(get $G "$L&cari=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27")
check "markup in the search: 200, shown escaped" "[ '$code' = 200 ] && grep -q 'value=\"&lt;script&gt;alert(1)&lt;/script&gt;&quot;' '$W/body' && ! grep -q '<script>alert' '$W/body'"
check "'%' is a literal, not 'everything': 0 anak" "[ \"\$(n_of cari=%25)\" = 0 ]"
check "SQL in the search finds nothing" "[ \"\$(n_of \"cari=x%27%20OR%201%3D1%20--\")\" = 0 ]"

# scope: a desa user cannot filter into another desa
D=bidan.desa # 35.99.01.2001
login $D
LD="/laporan/tidak-diukur?wilayah=35.99.01.2001&bulan=$M"
get $D "$LD&cari=Qowiyyah" > /dev/null
check "desa user: only the 18 of their desa" "[ \"\$(total)\" = 18 ]"
check "desa user: desa=35.99.01.2002 refused (403)" "[ \"\$(get $D '$LD&desa=35.99.01.2002')\" = 403 ]"
check "desa user: another kecamatan refused (403)" "[ \"\$(get $D '$LD&kecamatan=35.99.02')\" = 403 ]"
check "desa user: a posyandu of another desa refused (403)" "[ \"\$(get $D '$LD&pos=4')\" = 403 ] && [ \"\$(get $D '$LD&pos=900')\" = 403 ]"
check "desa user: the download refuses it too (403)" "[ \"\$(get $D '/unduh/tidak-diukur.csv?wilayah=35.99.01.2001&bulan=$M&desa=35.99.01.2002')\" = 403 ]"

# no names for tpps.kec: no names, NIK, mother, address or phone; no search
K=tpps.kec
login $K
LK="/laporan/tidak-diukur?wilayah=35.99.01&bulan=$M"
get $K "$LK" > /dev/null
all=$(total)
get $K "$LK&cari=Qowiyyah" > /dev/null
check "tpps.kec: the search is ignored (no probing who is listed)" "[ \"\$(total)\" = \"$all\" ] && [ \"$all\" -gt 28 ]"
check "tpps.kec: no search box, no names or NIK" "! grep -q 'name=\"cari\"' '$W/body' && ! grep -q 'Qowiyyah Anak' '$W/body' && ! grep -q '3599019999' '$W/body'"
check "tpps.kec: no name, NIK, mother, address or phone column" "! grep -q '>Nama<\|>NIK<\|Nama ibu\|>Alamat<\|>Telepon<' '$W/body'"
get $K "$LK&urut=nama" > /dev/null
check "tpps.kec: no sorting by name" "! grep -q 'urut=nama' '$W/body'"
curl -s -b "$W/$K.jar" -o "$W/k.csv" "$B/unduh/tidak-diukur.csv?wilayah=35.99.01&bulan=$M&cari=Qowiyyah"
check "tpps.kec: the CSV has no names either" "! grep -q 'Qowiyyah\|3599019999' '$W/k.csv' && ! head -1 '$W/k.csv' | grep -qi 'nama\|NIK' && [ \$(wc -l < '$W/k.csv') -gt 29 ]"

# the kecamatan filter at kabupaten level narrows to that kecamatan's list
get $G "$L" > /dev/null
kec=$(total)
login tpps.kab
get tpps.kab "/laporan/tidak-diukur?wilayah=35.99&bulan=$M" > /dev/null
kab=$(total)
get tpps.kab "/laporan/tidak-diukur?wilayah=35.99&bulan=$M&kecamatan=35.99.01" > /dev/null
check "kabupaten list, kecamatan=35.99.01: the kecamatan's $kec of $kab" "[ \"\$(total)\" = '$kec' ] && [ '$kec' -lt '$kab' ] && grep -q '<option value=\"35.99.01\" selected>' '$W/body'"
get tpps.kab "/laporan/tidak-diukur?wilayah=35.99&bulan=$M&kecamatan=35.99.01&desa=35.99.01.2002" > /dev/null
check "kabupaten list, kecamatan then desa: the desa's 10 fixtures among them" "[ \"\$(total)\" -ge 10 ] && [ \"\$(total)\" -lt '$kec' ]"

# the posyandu chooser: search, filters, area names
get $G "/posyandu/?cari=QOWIY" > /dev/null
check "chooser: search by part of the name" "[ \"\$(total)\" = 1 ] && grep -q '<a href=\"/posyandu/901\">Posyandu Qowiyyah</a></td><td>GUNUNGHARJO</td><td>SUKAMAJU</td>' '$W/body'"
get $G "/posyandu/?desa=35.99.01.2001" > /dev/null
check "chooser: filter by desa (Mawar 2, Melati 1)" "[ \"\$(total)\" = 2 ]"
get $G "/posyandu/?urut=nama&arah=turun" > /dev/null
check "chooser: sorted by name descending" "grep -o '<a href=\"/posyandu/[0-9][0-9]*\">[^<]*' '$W/body' | head -1 | grep -q 'Posyandu Qowiyyah'"
check "chooser: a desa outside refused (403)" "[ \"\$(get $G '/posyandu/?desa=35.99.02.2001')\" = 403 ]"

# the posyandu day without JavaScript: cari= and belum= as GET parameters
login kader
get kader "/posyandu/1?bulan=$M&cari=qowiyyah%20anak%2001" > /dev/null
check "posyandu day: cari= shows only the child found" "[ \$(grep -c '<li id=\"anak-' '$W/body') -eq 1 ] && grep -q 'id=\"anak-80001\"' '$W/body'"
get kader "/posyandu/1?bulan=$M" > /dev/null
measured=$(grep -c 'data-diukur="1"' "$W/body")
get kader "/posyandu/1?bulan=$M&belum=1" > /dev/null
check "posyandu day: belum=1 hides the $measured measured children" "[ $measured -gt 0 ] && ! grep -q 'data-diukur' '$W/body' && grep -q 'id=\"anak-80001\"' '$W/body' && ! grep -q 'id=\"anak-80002\"' '$W/body'"
check "posyandu day: the filter at the top, checked" "grep -q 'id=\"belum-ditimbang\" checked' '$W/body'"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
