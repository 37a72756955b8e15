/*
 * test_audit_kasus.c - the stunting case audit in the store, on a small
 * hand-made district (today 2026-11-28, semester 2026-2): the candidates
 * the data proposes (who is in, who is left out and why), the faltering
 * filter, choosing a case (duplicates and people outside refused), the
 * findings and recommendations moving the case's state (audited with the
 * value before), the worksheet's history from every source in date order
 * and the family's census facts, the actions following a case and the
 * dissemination meeting they then follow, and the audit team. Also a
 * meeting's attachments: added, listed in order, read back, removed with
 * the audit record of what they held.
 *
 * District 35.07 (kecamatan 35.07.01, desa 2001); 35.08 is outside.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/audit_kasus.h"
#include "store/internal.h"
#include "store/lampiran.h"
#include "store/rapat.h"
#include "tb_test.h"
#include "tb_test_db.h"

static tb_store *S;
static const char *TODAY = "2026-11-28";

static void sql(const char *q)
{
    tb_test_sql(S, q);
}

static long count(const char *q)
{
    return tb_test_count(S, q);
}

static void setup(void)
{
    sql("INSERT INTO wilayah VALUES ('35', 1, NULL, 'Jawa Timur', 0, NULL),"
        " ('35.07', 2, '35', 'Kabupaten Malang', 0, NULL),"
        " ('35.07.01', 3, '35.07', 'Donomulyo', 0, NULL),"
        " ('35.07.01.2001', 4, '35.07.01', 'Sumberoto', 0, NULL),"
        " ('35.08', 2, '35', 'Kabupaten Lain', 0, NULL),"
        " ('35.08.01', 3, '35.08', 'Lain', 0, NULL),"
        " ('35.08.01.2001', 4, '35.08.01', 'Desa Lain', 0, NULL);"
        "INSERT INTO pengguna (id, username, nama, hash, peran, wilayah) VALUES"
        " (1, 'tpps', 'TPPS', 'x', 'tpps_kab', '35.07'),"
        " (2, 'bidan', 'Bidan', 'x', 'desa', '35.07.01.2001'),"
        " (3, 'luar', 'Luar', 'x', 'tpps_kab', '35.08');"
        "INSERT INTO keluarga (id, no_kk, desa, desil, jamban, krs, krs_faktor, t4_muda) VALUES"
        " (1, '3507010101010001', '35.07.01.2001', 1, 'tidak_ada', 1, 'jamban; air', 1);"
        "INSERT INTO individu (id, nama, nama_kunci, jk, tgl_lahir, desa, keluarga_id, ibu_id)"
        " VALUES (13, 'Ibu Satu', 'ibu satu', 2, '2000-01-01', '35.07.01.2001', 1, NULL),"
        " (1, 'Anak Satu', 'anak satu', 2, '2025-05-01', '35.07.01.2001', 1, 13),"
        " (2, 'Anak Dua', 'anak dua', 1, '2022-06-01', '35.07.01.2001', NULL, NULL),"
        " (3, 'Anak Tiga', 'anak tiga', 1, '2025-01-01', '35.07.01.2001', NULL, NULL),"
        " (4, 'Anak Empat', 'anak empat', 1, '2024-01-01', '35.07.01.2001', NULL, NULL),"
        " (5, 'Anak Lima', 'anak lima', 1, '2024-01-01', '35.07.01.2001', NULL, NULL),"
        " (6, 'Anak Enam', 'anak enam', 1, '2020-01-01', '35.07.01.2001', NULL, NULL),"
        " (7, 'Anak Tujuh', 'anak tujuh', 1, '2025-01-01', '35.08.01.2001', NULL, NULL),"
        " (10, 'Bumil Sepuluh', 'bumil sepuluh', 2, '1999-01-01', '35.07.01.2001', NULL, NULL),"
        " (11, 'Bumil Sebelas', 'bumil sebelas', 2, '1999-01-01', '35.07.01.2001', NULL, NULL),"
        " (12, 'Bumil Duabelas', 'bumil duabelas', 2, '1999-01-01', '35.07.01.2001', NULL, NULL),"
        " (20, 'Catin Duapuluh', 'catin duapuluh', 2, '2003-01-01', '35.07.01.2001', NULL, NULL),"
        " (21, 'Catin Duasatu', 'catin duasatu', 2, '2003-01-01', '35.07.01.2001', NULL, NULL);"
        "INSERT INTO anak (individu_id, bb_lahir) VALUES (1, 2400), (2, NULL), (3, NULL), (4, "
        "NULL),"
        " (5, NULL), (6, NULL), (7, NULL);"
        "INSERT INTO pengukuran (anak_id, tanggal, bb, tb, z_tbu, z_bbtb, naik, t2) VALUES"
        " (1, '2026-10-10', 8.1, 74.0, -2.2, -1.0, 'N', 0),"
        " (1, '2026-11-10', 8.0, 74.5, -2.6, -1.2, 'T', 0),"
        " (2, '2026-10-10', 12, 95, -2.15, 0, 'N', 0), (2, '2026-11-10', 12.2, 95.5, -2.1, 0, 'N', "
        "0),"
        " (3, '2026-11-10', 8, 80, -1, -2.5, 'N', 0),"
        " (4, '2025-06-01', 8, 70, -3, 0, 'N', 0),"
        " (5, '2026-11-10', 9, 75, -2.5, 0, 'N', 0),"
        " (6, '2026-11-10', 15, 100, -3, 0, 'N', 0),"
        " (7, '2026-11-10', 8, 70, -3, 0, 'T', 1);"
        "INSERT INTO anak_status (individu_id, tanggal, status) VALUES (5, '2026-11-20', 'pindah');"
        "INSERT INTO kehamilan (ibu_id, hpht, hpl, lila, hb, kek, anemia, risti, tgl_persalinan)"
        " VALUES (10, '2026-05-01', '2027-02-05', 22.0, 12, 1, 0, 0, NULL),"
        " (11, '2026-01-01', '2026-10-08', 25, 9.5, 0, 1, 0, '2026-10-01'),"
        " (12, '2026-06-01', '2027-03-08', 25, 12, 0, 0, 0, NULL),"
        " (13, '2024-08-01', '2025-05-08', 24, 10.0, 0, 1, 0, '2025-05-01');"
        "INSERT INTO catin (individu_id, tgl_periksa, hasil, faktor, hb) VALUES"
        " (20, '2026-09-01', 'berisiko', 'anemia', 10.5),"
        " (21, '2026-01-01', 'berisiko', 'KEK', 12), (21, '2026-08-01', 'ideal', NULL, 12.5);"
        "INSERT INTO tpk (id, desa, nama) VALUES (1, '35.07.01.2001', 'TPK 1');"
        "INSERT INTO tpk_kunjungan (tpk_id, keluarga_id, individu_id, tanggal, sasaran, rujukan_ke)"
        " VALUES (1, 1, 13, '2026-11-15', 'baduta', 'Puskesmas');"
        "INSERT INTO lembaga VALUES ('PKM-1', 'Puskesmas Donomulyo', 'puskesmas', '35.07.01');");
}

typedef struct {
    char rows[16][160];
    int n;
} list;

static int add_kandidat(void *ctx, const tb_aks_kandidat *k)
{
    list *l = ctx;
    if (l->n < 16)
        snprintf(l->rows[l->n++], sizeof l->rows[0], "%ld %s %s %s%s", k->individu_id, k->jenis,
                 k->kategori, k->kriteria, k->goyah ? " [goyah]" : "");
    return 0;
}

static int kandidat(const char *jenis, bool goyah, list *l)
{
    memset(l, 0, sizeof *l);
    tb_aks_filter f = {
        .wilayah = "35.07", .jenis = jenis, .goyah = goyah, .today = TODAY, .semester = "2026-2"};
    return tb_store_aks_kandidat_each(S, &f, add_kandidat, l) == 0 ? l->n : -1;
}

static void test_semester(void)
{
    char s[8], l[32];
    tb_aks_semester("2026-11-28", s);
    CHECK_STR(s, "2026-2");
    tb_aks_semester("2026-06-30", s);
    CHECK_STR(s, "2026-1");
    CHECK(tb_aks_semester_label("2026-2", l, sizeof l) && !strcmp(l, "Semester II 2026"), "%s", l);
    CHECK(!tb_aks_semester_label("2026-3", l, sizeof l), "semester 3 refused");
}

static void test_candidates(void)
{
    list l;
    CHECK(kandidat(NULL, false, &l) == 5, "five candidates, got %d", l.n);
    CHECK(!strcmp(l.rows[0], "1 stunting baduta TB/U -2,60 SD (2026-11-10); BB tidak naik;"
                             " TB/U turun 0,40 [goyah]"),
          "the faltering stunted baduta first, with why: %s", l.rows[0]);
    CHECK(!strcmp(l.rows[1], "2 stunting balita TB/U -2,10 SD (2026-11-10)"),
          "then the stunted balita, not faltering: %s", l.rows[1]);
    CHECK(!strcmp(l.rows[2], "3 wasting baduta BB/TB -2,50 SD (2026-11-10)"), "wasted: %s",
          l.rows[2]);
    CHECK(!strcmp(l.rows[3], "10 bumil bumil KEK (LILA 22,0 cm); HPL 2027-02-05"),
          "the pregnancy at risk not delivered: %s", l.rows[3]);
    CHECK(!strcmp(l.rows[4], "20 catin catin berisiko (2026-09-01): anemia"),
          "the catin whose latest screening is at risk: %s", l.rows[4]);
    CHECK(kandidat("stunting", true, &l) == 1 && !strncmp(l.rows[0], "1 ", 2),
          "stunted with faltering growth: only child 1 (%d)", l.n);
    CHECK(kandidat("catin", false, &l) == 1, "catin filter: one");
}

static void test_case(void)
{
    long id = 0, other;
    CHECK(tb_store_aks_pilih(S, 2, 1, 0, "baduta", "35.07", "2026-2", "TB/U -2,60 SD", &id) == 0,
          "child 1 chosen: %s", tb_store_error(S));
    CHECK(tb_store_aks_pilih(S, 2, 1, 0, "baduta", "35.07", "2026-2", "x", &other) < 0 &&
              strstr(tb_store_error(S), "Semester II 2026"),
          "twice in a semester refused: %s", tb_store_error(S));
    CHECK(tb_store_aks_pilih(S, 2, 7, 0, "baduta", "35.07", "2026-2", "x", &other) < 0,
          "a child of another kabupaten refused");
    list l;
    CHECK(kandidat(NULL, false, &l) == 4, "the chosen one leaves the candidates (%d)", l.n);
    tb_aks a;
    CHECK(tb_store_aks_get(S, id, &a) == 1 && !strcmp(a.status, "dipilih") &&
              !strcmp(a.nama, "Anak Satu") && !strcmp(a.kriteria, "TB/U -2,60 SD"),
          "read back: %s %s", a.status, a.nama);
    CHECK(tb_store_aks_ubah(S, 2, id, "temuan", "Asupan kurang; jamban tidak ada") == 0,
          "findings");
    tb_store_aks_get(S, id, &a);
    CHECK(!strcmp(a.status, "dikaji") && !strcmp(a.temuan, "Asupan kurang; jamban tidak ada"),
          "  status dikaji: %s", a.status);
    CHECK(tb_store_aks_ubah(S, 2, id, "rekomendasi", "Rujuk ke dokter anak; PMT 90 hari") == 0,
          "recommendations");
    tb_store_aks_ubah(S, 2, id, "temuan", "Asupan kurang");
    tb_store_aks_get(S, id, &a);
    CHECK(!strcmp(a.status, "direkomendasi"), "  status direkomendasi (not back to dikaji): %s",
          a.status);
    CHECK(count("SELECT count(*) FROM audit_log WHERE tabel = 'kasus_aks' AND sebelum LIKE"
                " '%jamban tidak ada%'") == 1,
          "  the change of the findings audited with the value before");
    CHECK(tb_store_aks_ubah(S, 2, id, "nama", "x") < 0, "an unknown part refused");

    long t1 = 0;
    CHECK(tb_store_aks_tindakan_add(S, 2, id, "PMT pemulihan 90 hari", "PKM-1", NULL, "2027-02-28",
                                    "BOK", &t1) == 0,
          "an action: %s", tb_store_error(S));
    char q[300];
    snprintf(q, sizeof q,
             "SELECT count(*) FROM tindak_lanjut WHERE id = %ld AND asal = 'aks' AND kasus_id = %ld"
             " AND rapat_id IS NULL AND wilayah = '35.07.01.2001' AND penanggung_jawab ="
             " 'Puskesmas Donomulyo' AND status = 'baru'",
             t1, id);
    CHECK(count(q) == 1, "  stored in the case's desa, owner from the institution");
    CHECK(tb_store_aks_tindakan_add(S, 2, id, "x", NULL, "Bidan", "", NULL, NULL) < 0,
          "an action without a deadline refused");

    tb_rapat m = {0};
    snprintf(m.jenis_kode, sizeof m.jenis_kode, "audit_kasus");
    snprintf(m.wilayah, sizeof m.wilayah, "35.07");
    snprintf(m.tanggal, sizeof m.tanggal, "2026-12-10");
    snprintf(m.judul, sizeof m.judul, "Diseminasi AKS Semester II");
    CHECK(tb_store_rapat_save(S, 1, &m) == 0, "the dissemination meeting: %s", tb_store_error(S));
    tb_rapat k = {0};
    snprintf(k.jenis_kode, sizeof k.jenis_kode, "rakor");
    snprintf(k.wilayah, sizeof k.wilayah, "35.07");
    snprintf(k.tanggal, sizeof k.tanggal, "2026-12-01");
    snprintf(k.judul, sizeof k.judul, "Rakor");
    tb_store_rapat_save(S, 1, &k);
    CHECK(tb_store_aks_rapat(S, 2, id, k.id) < 0, "a rakor is not a dissemination meeting");
    CHECK(tb_store_aks_rapat(S, 2, id, m.id) == 0, "linked to the meeting: %s", tb_store_error(S));
    tb_store_aks_get(S, id, &a);
    CHECK(a.rapat_id == m.id && !strcmp(a.tgl_diseminasi, "2026-12-10") && a.n_tindakan == 1,
          "  dated as the meeting, one action: %s %d", a.tgl_diseminasi, a.n_tindakan);
    snprintf(q, sizeof q, "SELECT rapat_id FROM tindak_lanjut WHERE id = %ld", t1);
    CHECK(count(q) == m.id, "  the action now follows the meeting");
}

static int add_riwayat(void *ctx, const tb_aks_riwayat *r)
{
    list *l = ctx;
    if (l->n < 16)
        snprintf(l->rows[l->n++], sizeof l->rows[0], "%s %s: %s", r->tanggal, r->sumber, r->uraian);
    return 0;
}

static int add_fakta(void *ctx, const char *label, const char *value)
{
    list *l = ctx;
    if (l->n < 16)
        snprintf(l->rows[l->n++], sizeof l->rows[0], "%s=%s", label, value);
    return 0;
}

static void test_worksheet(void)
{
    long id = count("SELECT id FROM kasus_aks WHERE individu_id = 1");
    list l = {0};
    CHECK(tb_store_aks_riwayat_each(S, id, add_riwayat, &l) == 0, "history");
    CHECK(l.n == 5, "five lines: mother's pregnancy, birth, two measurements, TPK visit (%d)", l.n);
    CHECK(!strncmp(l.rows[0], "2024-08-01 Kehamilan ibu: HPL 2025-05-08; LILA 24", 49) &&
              strstr(l.rows[0], "anemia") && strstr(l.rows[0], "bersalin 2025-05-01"),
          "the mother's pregnancy first: %s", l.rows[0]);
    CHECK(!strncmp(l.rows[1], "2025-05-01 Kelahiran: BB lahir 2400", 35), "birth: %s", l.rows[1]);
    CHECK(!strncmp(l.rows[3], "2026-11-10 Pengukuran: BB 8,0 kg, TB 74,5 cm", 44) &&
              strstr(l.rows[3], "(-2,6)") && strstr(l.rows[3], "naik: T"),
          "the latest measurement: %s", l.rows[3]);
    CHECK(!strncmp(l.rows[4], "2026-11-15 Kunjungan TPK: Sasaran baduta (anggota keluarga lain)",
                   62) &&
              strstr(l.rows[4], "dirujuk ke Puskesmas"),
          "the family's TPK visit: %s", l.rows[4]);
    memset(&l, 0, sizeof l);
    CHECK(tb_store_aks_keluarga_each(S, id, add_fakta, &l) == 0, "family facts");
    bool krs = false, t4 = false, kk = false;
    for (int i = 0; i < l.n; i++) {
        krs |= !strcmp(l.rows[i], "Keluarga berisiko stunting=ya");
        t4 |= !strcmp(l.rows[i], "4T=terlalu muda");
        kk |= !strcmp(l.rows[i], "Nomor KK=3507010101010001");
    }
    CHECK(krs && t4 && kk && l.n == 6, "KK, decile, latrine, KRS, factors, 4T (%d)", l.n);
}

static void test_team(void)
{
    CHECK(tb_store_aks_tim_has(S, 2, "35.07") == 0, "not a member yet");
    CHECK(tb_store_aks_tim_set(S, 1, 2, "35.07", "teknis") == 0, "added: %s", tb_store_error(S));
    CHECK(tb_store_aks_tim_has(S, 2, "35.07") == 1, "  a member");
    CHECK(tb_store_aks_tim_has(S, 2, "35.08") == 0, "  not of another kabupaten");
    CHECK(tb_store_aks_tim_set(S, 1, 3, "35.07", "teknis") < 0,
          "a user of another kabupaten refused");
    CHECK(tb_store_aks_tim_set(S, 1, 2, "35.07", "bos") < 0, "an unknown team role refused");
    CHECK(tb_store_aks_tim_hapus(S, 1, 2, "35.07") == 0 && tb_store_aks_tim_has(S, 2, "35.07") == 0,
          "removed");
    CHECK(count("SELECT count(*) FROM audit_log WHERE tabel = 'audit_tim'") == 2, "audited");
}

static int count_lampiran(void *ctx, const tb_lampiran *l)
{
    long *last = ctx;
    CHECK(l->id > *last, "attachments listed oldest first");
    *last = l->id;
    return 0;
}

static void test_lampiran(void)
{
    tb_rapat m = {0};
    snprintf(m.jenis_kode, sizeof m.jenis_kode, "rakor");
    snprintf(m.wilayah, sizeof m.wilayah, "35.07");
    snprintf(m.tanggal, sizeof m.tanggal, "2026-11-02");
    snprintf(m.judul, sizeof m.judul, "Rakor lampiran");
    CHECK(tb_store_rapat_save(S, 1, &m) == 0, "a meeting");
    tb_lampiran a = {.rapat_id = m.id, .ukuran = 1234};
    snprintf(a.nama, sizeof a.nama, "daftar hadir.jpg");
    snprintf(a.jenis, sizeof a.jenis, "jpeg");
    snprintf(a.berkas, sizeof a.berkas, "r%ld-aaaa.jpeg", m.id);
    CHECK(tb_store_lampiran_add(S, 1, &a) == 0 && a.id > 0, "added: %s", tb_store_error(S));
    tb_lampiran b = a;
    b.id = 0;
    snprintf(b.berkas, sizeof b.berkas, "r%ld-bbbb.pdf", m.id);
    snprintf(b.jenis, sizeof b.jenis, "pdf");
    CHECK(tb_store_lampiran_add(S, 1, &b) == 0 && b.id > a.id, "a second one");
    tb_lampiran c = a;
    CHECK(tb_store_lampiran_add(S, 1, &c) < 0, "the same stored file twice refused");
    tb_lampiran got;
    CHECK(tb_store_lampiran_get(S, a.id, &got) == 1 && got.rapat_id == m.id && got.ukuran == 1234 &&
              !strcmp(got.nama, "daftar hadir.jpg") && !strcmp(got.oleh, "tpps") &&
              strlen(got.diunggah) == 19,
          "read back with its uploader and time: %s %s", got.oleh, got.diunggah);
    long last = 0;
    CHECK(tb_store_lampiran_each(S, m.id, count_lampiran, &last) == 0 && last == b.id, "listed");
    CHECK(tb_store_lampiran_hapus(S, 1, a.id) == 0, "removed");
    CHECK(tb_store_lampiran_get(S, a.id, &got) == 0, "  gone");
    CHECK(tb_store_lampiran_hapus(S, 1, a.id) < 0, "  twice: refused");
    char q[200];
    snprintf(q, sizeof q,
             "SELECT count(*) FROM audit_log WHERE tabel = 'rapat_lampiran' AND aksi = 'hapus'"
             " AND baris = '%ld' AND sebelum LIKE '%%daftar hadir.jpg%%'",
             a.id);
    CHECK(count(q) == 1, "  audited with what it held");
    CHECK(count("SELECT count(*) FROM audit_log WHERE tabel = 'rapat_lampiran' AND aksi ="
                " 'tambah'") == 2,
          "the two additions audited (not the refused one)");
}

int main(void)
{
    char path[] = "/tmp/tumbuh-test-aks-XXXXXX";
    close(mkstemp(path));
    unlink(path);
    char err[256];
    CHECK(tb_store_open(path, &S, err, sizeof err) == 0, "open: %s", err);
    if (!S)
        TB_TEST_MAIN_END();
    setup();
    test_semester();
    test_candidates();
    test_case();
    test_worksheet();
    test_team();
    test_lampiran();
    tb_store_close(S);
    unlink(path);
    TB_TEST_MAIN_END();
}
