/*
 * keluarga.c - `tumbuh import keluarga`: family census rows
 * (Pendataan Keluarga) into keluarga, with keluarga sasaran and keluarga
 * berisiko stunting (KRS) computed from the active 'krs' rule in ref_versi
 * (domain reference section 5). The rule is data: its JSON names the safe
 * water sources and latrines, the 4T limits and the additional factors.
 *
 * Sasaran: PUS (wife aged pus_umur_min..pus_umur_maks), PUS hamil, a child
 * under baduta_bulan months (baduta), or of baduta_bulan..balita_bulan-1
 * months (balita). KRS: a sasaran family with at least one factor:
 * air_tidak_layak, jamban_tidak_layak, terlalu_muda, terlalu_tua,
 * terlalu_dekat, terlalu_banyak (4T, for PUS), and the additional factors the
 * rule lists (rumah_tidak_layak, pendidikan_ibu_rendah, desil_1). A value
 * that is not given is not a factor, nor one that cannot be read (answers are
 * read by their meaning, below; the rest is stored as tidak_dikenal and
 * reported by the run, unknown.c).
 *
 * Two shapes of file: one row per family (the family's values, the 4T inputs
 * as columns), or one row per member when the file has a member name column
 * (`nama`; with `nik`, `jk`, `tgl_lahir`, `hubungan`, and `hamil` on the
 * member's row). Then the members are stored as people of the family (the
 * children linked to the wife as their mother), and the 4T and sasaran
 * inputs a file does not give as columns come from the members: the wife's
 * age (istri, or a woman who heads the family), her pregnancy, the number of
 * children (hubungan anak), the youngest child's age, the spacing between
 * the two youngest, and any member under baduta_bulan / balita_bulan months.
 * Member files are written at the end of the run, family by family, once
 * every member of a family has been read; until then the families and
 * members are kept compact (their text in one arena). Into a store without
 * people (the first census of a district: 300,000 families, 1,200,000
 * members, bench/krs.sh) the load is a bulk one: a member whose NIK the file
 * has once is inserted without a lookup (nobody stored could be found), the
 * others are looked up as always, and the indexes no lookup needs are
 * rebuilt at the end (store/keluarga.h).
 */
#include <ctype.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/kind.h"
#include "store/keluarga.h"
#include "store/krs.h"
#include "store/individu.h"
#include "tb_date.h"
#include "tb_krs.h"
#include "tb_match.h"

enum {
    F_NO_KK,
    F_KODE_DESA,
    F_RT,
    F_RW,
    F_ALAMAT,
    F_SUMBER_AIR,
    F_JAMBAN,
    F_RUMAH_LAYAK,
    F_PENDIDIKAN_IBU,
    F_DESIL,
    F_JKN,
    F_BANSOS,
    F_SUMBER_PK,
    F_TAHUN_PK,
    F_UMUR_IBU,
    F_TGL_LAHIR_IBU,
    F_HAMIL,
    F_JUMLAH_ANAK,
    F_JARAK,
    F_UMUR_BUNGSU,
    F_PUS,
    F_BADUTA,
    F_BALITA,
    F_NIK, /* member rows */
    F_NAMA,
    F_JK,
    F_TGL_LAHIR,
    F_HUBUNGAN,
    F_PUTARAN,
    NFIELDS
};

static const imp_field fields[NFIELDS] = {
    [F_NO_KK] = {"no_kk", "nokk|nomorkk|kk|nokartukeluarga|nomorkartukeluarga|kartukeluarga"},
    [F_KODE_DESA] = {"kode_desa", "kodedesa|kddesa|desa|kodewilayah|kodedesakel|kodekelurahan"},
    [F_RT] = {"rt", "rt"},
    [F_RW] = {"rw", "rw"},
    [F_ALAMAT] = {"alamat", "alamat|address"},
    [F_SUMBER_AIR] = {"sumber_air", "sumberair|sumberairminum|sumberairminumutama|airminum"},
    [F_JAMBAN] = {"jamban", "jamban|fasilitasbab|kakus|jambansehat|fasilitasjamban"},
    [F_RUMAH_LAYAK] = {"rumah_layak", "rumahlayak|rumahlayakhuni|layakhuni"},
    [F_PENDIDIKAN_IBU] = {"pendidikan_ibu", "pendidikanibu|pendidikanistri|pendidikanterakhiribu"},
    [F_DESIL] = {"desil", "desil|desilp3ke|desilkesejahteraan"},
    [F_JKN] = {"jkn", "jkn|bpjs|jaminankesehatan"},
    [F_BANSOS] = {"bansos", "bansos|bantuansosial"},
    [F_SUMBER_PK] = {"sumber_pk", "sumberpk|sumberdata|pendataan"},
    [F_TAHUN_PK] = {"tahun_pk", "tahunpk|tahun|tahunpendataan"},
    [F_UMUR_IBU] = {"umur_ibu", "umuribu|usiaibu|umuristri|usiaistri"},
    [F_TGL_LAHIR_IBU] = {"tgl_lahir_ibu", "tgllahiribu|tanggallahiribu|tgllahiristri"},
    [F_HAMIL] = {"hamil", "hamil|ibuhamil|sedanghamil|istrihamil|pushamil"},
    [F_JUMLAH_ANAK] = {"jumlah_anak", "jumlahanak|jmlanak|jumlahanakhidup|anakdilahirkanhidup"},
    [F_JARAK] = {"jarak_kelahiran", "jarakkelahiran|jarakkelahiranbulan|jaraklahir|jarakanak"},
    [F_UMUR_BUNGSU] = {"umur_anak_bungsu",
                       "umuranakbungsu|usiaanakbungsu|umuranakbungsubulan|umuranakterakhir"},
    [F_PUS] = {"pus", "pus|keluargapus|pasanganusiasubur"},
    [F_BADUTA] = {"baduta", "baduta|punyabaduta|jumlahbaduta|adabaduta"},
    [F_BALITA] = {"balita", "balita|punyabalita|jumlahbalita|adabalita"},
    [F_NIK] = {"nik", "nik|nikanggota|nikanggotakeluarga"},
    [F_NAMA] = {"nama", "nama|namaanggota|namaanggotakeluarga|namalengkap"},
    [F_JK] = {"jk", "jk|jeniskelamin|kelamin|lp|sex"},
    [F_TGL_LAHIR] = {"tgl_lahir", "tgllahir|tanggallahir|tgllhr"},
    [F_HUBUNGAN] = {"hubungan", "hubungan|hubungankeluarga|hubungandengankk|"
                                "hubungandengankepalakeluarga|statushubungan|shdk"},
    [F_PUTARAN] = {"putaran", "putaran|putaranpk|ronde|putaranpendataan"},
};

/* A member's relation to the head of the family. */
enum { HUB_NONE, HUB_KEPALA, HUB_SUAMI, HUB_ISTRI, HUB_ANAK, HUB_LAIN };

static const struct {
    const char *folded;
    int hub;
} relations[] = {
    {"kepala", HUB_KEPALA},   {"kepalakeluarga", HUB_KEPALA},
    {"kk", HUB_KEPALA},       {"suami", HUB_SUAMI},
    {"istri", HUB_ISTRI},     {"isteri", HUB_ISTRI},
    {"anak", HUB_ANAK},       {"anakkandung", HUB_ANAK},
    {"anaktiri", HUB_ANAK},   {"anakangkat", HUB_ANAK},
    {"cucu", HUB_LAIN},       {"menantu", HUB_LAIN},
    {"orangtua", HUB_LAIN},   {"mertua", HUB_LAIN},
    {"famililain", HUB_LAIN}, {"pembantu", HUB_LAIN},
    {"lainnya", HUB_LAIN},    {"lain", HUB_LAIN},
};

#define UNKNOWN_MAX 8

typedef struct {
    char no_kk[17], kode_desa[16];
    char rt[16], rw[16], alamat[256];
    char sumber_air[48], jamban[48], pendidikan_ibu[48];
    char jkn[48], bansos[128], sumber_pk[48];
    char putaran[16]; /* census round (PK21, PK24, ...), "" when the row gives none */
    /* answers not recognised: their fields and values as written (reported by store) */
    int nunk, unk_f[UNKNOWN_MAX];
    char unk[UNKNOWN_MAX][64];
    int rumah_layak, desil, tahun_pk;
    double umur_ibu, jumlah_anak, jarak, umur_bungsu; /* NAN = not given */
    int hamil, pus, baduta, balita;                   /* 1 / 0, -1 = not given */
    /* member rows */
    char nik[17], nama[128], kunci[TB_NAME_KEY_MAX + 1], tgl_lahir[11];
    int jk, hub;
    long lahir; /* day number, TB_DATE_NONE when not given */
} rec;

/*
 * Census answers read by their meaning. The PK form (BKKBN Pendataan
 * Keluarga, domain reference section 5) offers, and enumerators write in
 * many ways: sumber air minum "Air kemasan/isi ulang", "Ledeng/PAM", "Sumur
 * bor/pompa", "Sumur terlindung", "Sumur tak terlindung", "Mata air
 * terlindung / tak terlindung", "Air permukaan (sungai/danau/...)", "Air
 * hujan", "Lainnya"; jamban "Ya, dengan septic tank", "Ya, tanpa septic
 * tank", "Tidak, jamban umum/bersama", "Lainnya". An answer is split into
 * lowercase words and read by the words it has; the result is a code of the
 * KRS rule (its air_layak / jamban_layak / pendidikan_rendah lists), or
 * NULL when it says nothing we can map ("Ya", "Lainnya", a typo): then the
 * value is unknown, stored as UNKNOWN_CODE and reported, never a factor.
 */
#define UNKNOWN_CODE "tidak_dikenal"
#define MAX_WORDS 12

typedef struct {
    int n;
    char w[MAX_WORDS][24];
    char all[64]; /* every letter and digit, folded, without spaces */
} words;

static void split_words(const char *s, size_t len, words *out)
{
    memset(out, 0, sizeof *out);
    imp_fold(s, len > 120 ? 120 : len, out->all, sizeof out->all);
    size_t k = 0;
    for (size_t i = 0; i <= len && out->n < MAX_WORDS; i++) {
        unsigned char c = i < len ? (unsigned char)s[i] : ' ';
        if (c < 128 && isalnum(c)) {
            if (k + 1 < sizeof out->w[0])
                out->w[out->n][k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else if (k) {
            out->w[out->n++][k] = 0;
            k = 0;
        }
    }
}

/* True when one of the words is w (a '|'-separated list of words). */
static bool has_word(const words *ws, const char *list)
{
    for (int i = 0; i < ws->n; i++) {
        size_t wl = strlen(ws->w[i]);
        for (const char *p = list; *p;) {
            const char *e = strchr(p, '|');
            size_t l = e ? (size_t)(e - p) : strlen(p);
            if (l == wl && !memcmp(p, ws->w[i], l))
                return true;
            p += l + (e != NULL);
        }
    }
    return false;
}

/* True when the folded answer contains one of the '|'-separated pieces. */
static bool has_piece(const words *ws, const char *list)
{
    char piece[32];
    for (const char *p = list; *p;) {
        const char *e = strchr(p, '|');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        snprintf(piece, sizeof piece, "%.*s", (int)l, p);
        if (strstr(ws->all, piece))
            return true;
        p += l + (e != NULL);
    }
    return false;
}

#define NEGATION "tidak|tdk|tak|belum|blm|bukan|gak|nggak|enggak|ga|non|tanpa|no|none"

static const char *water_code(const words *ws)
{
    bool neg = has_word(ws, NEGATION) || has_piece(ws, "tidakterlindung|takterlindung");
    if (has_piece(ws, "kemasan|amdk|bermerk|botol"))
        return "kemasan";
    if (has_piece(ws, "isiulang|galon|depot|refill"))
        return "isi_ulang";
    if (has_piece(ws, "ledeng|pdam|perpipaan|leding") || has_word(ws, "pam|pipa|paml"))
        return "ledeng";
    if (has_piece(ws, "mataair")) {
        if (neg)
            return "mata_air_tidak_terlindungi";
        return has_piece(ws, "terlindung") ? "mata_air_terlindungi" : NULL;
    }
    if (has_piece(ws, "sumur") || has_word(ws, "bor|pompa")) {
        if (has_word(ws, "bor|pompa|pantek|artesis") || has_piece(ws, "sumurbor"))
            return "sumur_bor";
        if (neg)
            return "sumur_tidak_terlindungi";
        if (has_piece(ws, "terlindung"))
            return "sumur_terlindungi";
        return NULL; /* a dug well, protected or not: not said */
    }
    if (has_piece(ws, "hujan") || has_word(ws, "pah"))
        return "air_hujan";
    if (has_piece(ws, "sungai|danau|waduk|kolam|irigasi|permukaan|telaga|embung|rawa") ||
        has_word(ws, "kali"))
        return "air_permukaan";
    if (has_word(ws, "lainnya|lain"))
        return "lainnya";
    return NULL;
}

static const char *latrine_code(const words *ws)
{
    bool septic = has_piece(ws, "septi|septc|sepik|tangki|ipal|leherangsa|jambansehat|kloset");
    if (has_piece(ws, "sembarang|tidakpunyajamban|tidakadajamban|tanpajamban|"
                      "tidakmemilikijamban|belumpunyajamban|belumadajamban") ||
        (has_word(ws, "kebun|pantai|semak|babs") && !septic))
        return "tidak_ada";
    if (has_piece(ws, "tanpaseptik|tanpaseptic|tanpaseptitank|tanpatangki|tidakadaseptik|"
                      "tidakadaseptic|tidakpakaiseptik|nonseptik|cubluk|cemplung|plengsengan|"
                      "kesungai|kekolam|keempang|kekali|helikopter"))
        return "tanpa_septik";
    if (has_word(ws, "umum|bersama|mck|menumpang|numpang|tetangga") ||
        has_piece(ws, "jambanumum|jambanbersama"))
        return "bersama";
    if (septic)
        return has_word(ws, NEGATION) ? "tanpa_septik" : "septik";
    /* "Tidak", "Tidak ada", "Tidak punya": no latrine of its own */
    if (has_word(ws, "tidak|tdk|tak|belum|gak|nggak|enggak") &&
        !has_word(ws, "tahu|tau|diketahui|jelas"))
        return "tidak_ada";
    return NULL;
}

static const char *education_code(const words *ws)
{
    bool neg = has_word(ws, "tidak|tdk|belum|blm|tak");
    bool tamat_sd = has_word(ws, "sd|mi|sr") || has_piece(ws, "sekolahdasar|ibtidaiyah");
    if (has_word(ws, "s3|doktor|doktoral"))
        return "s3";
    if (has_word(ws, "s2|magister|pascasarjana|master"))
        return "s2";
    if (has_word(ws, "s1|d4|sarjana") || has_piece(ws, "perguruantinggi|universitas"))
        return "s1";
    if (has_word(ws, "pt") && !tamat_sd)
        return "s1";
    if (has_word(ws, "d1|d2|d3|diploma|akademi"))
        return "diploma";
    if (has_word(ws, "sma|smk|ma|slta|smu|stm|smea|aliyah") || has_piece(ws, "paketc"))
        return "sma";
    if (has_word(ws, "smp|mts|sltp|smpsederajat|tsanawiyah") || has_piece(ws, "paketb"))
        return "smp";
    if (tamat_sd || has_piece(ws, "paketa")) {
        if (neg || has_word(ws, "masih|putus|kelas"))
            return "tidak_tamat_sd";
        return "sd";
    }
    if (has_piece(ws, "sekolah") && neg)
        return "tidak_sekolah";
    if (has_piece(ws, "buta"))
        return "tidak_sekolah";
    return NULL;
}

/*
 * The last readings of each question, per thread (prepare runs on the reader
 * thread): a census file repeats a few dozen wordings, so most rows cost a
 * hash and a compare instead of a reading. Direct-mapped; the codes are
 * string constants.
 */
#define MEMO_SLOTS 64
typedef struct {
    unsigned char n; /* 0: empty */
    char s[63];
    const char *code;
} memo;
static _Thread_local memo memos[3][MEMO_SLOTS];

/* Notes an answer not recognised (f's value s, n bytes): the row is kept, the value reported. */
static void note_unknown(rec *r, int f, const char *s, size_t n)
{
    if (r->nunk < UNKNOWN_MAX) {
        r->unk_f[r->nunk] = f;
        imp_shown(s, n, r->unk[r->nunk], sizeof r->unk[0]);
        r->nunk++;
    }
}

/* Reads field f's answer (question q: 0 water, 1 latrine, 2 education) by its meaning into
 * out: the rule's code, or UNKNOWN_CODE (noted for the report). Blank leaves out "". */
static void by_meaning(const imp *m, const tb_csv_row *row, int f, int q, rec *r, char *out,
                       size_t cap)
{
    size_t n;
    const char *s = imp_value(m, row, f, &n);
    if (!n)
        return;
    static const char *(*const readers[3])(const words *) = {water_code, latrine_code,
                                                             education_code};
    memo *slot = NULL;
    const char *c;
    if (n < sizeof slot->s) {
        unsigned h = 2166136261u;
        for (size_t i = 0; i < n; i++)
            h = (h ^ (unsigned char)s[i]) * 16777619u;
        slot = &memos[q][h % MEMO_SLOTS];
    }
    if (slot && slot->n == n && !memcmp(slot->s, s, n)) {
        c = slot->code;
    } else {
        words ws;
        split_words(s, n, &ws);
        c = readers[q](&ws);
        if (slot) {
            memcpy(slot->s, s, n);
            slot->n = (unsigned char)n;
            slot->code = c;
        }
    }
    snprintf(out, cap, "%s", c ? c : UNKNOWN_CODE);
    if (!c)
        note_unknown(r, f, s, n);
}

/* A yes/no answer by its meaning: 1, 0, or -1 when blank or not recognised (noted). */
static void yesno_kept(const imp *m, const tb_csv_row *row, int f, rec *r, int *v)
{
    size_t n;
    const char *s = imp_value(m, row, f, &n);
    *v = n ? imp_yesno_meaning(s, n) : -1;
    if (n && *v < 0)
        note_unknown(r, f, s, n);
}

/* A count or a yes/no answer: 1 (some, yes), 0, -1 blank or not recognised (noted). */
static bool count_or_yesno(const imp *m, const tb_csv_row *row, int f, rec *r, int *v,
                           imp_reject *rej)
{
    yesno_kept(m, row, f, r, v);
    if (*v >= 0 || !r->nunk || r->unk_f[r->nunk - 1] != f)
        return true;
    size_t n;
    const char *s = imp_value(m, row, f, &n);
    double x;
    if (tb_parse_number(s, n, true, &x) || !isfinite(x))
        return true; /* neither a count nor yes/no: noted as not recognised */
    r->nunk--;
    if (x < 0 || x > 30 || x != floor(x)) {
        imp_problem(rej, f, "jumlah %g tidak sah", x);
        return false;
    }
    *v = x > 0;
    return true;
}

/* The family's fields (no. KK, desa, house, welfare, mother, children): every row has them. */
static void read_family(const imp *m, const tb_csv_row *row, rec *r, imp_reject *rej)
{
    if (imp_nik(m, row, F_NO_KK, false, r->no_kk, rej) && !r->no_kk[0])
        imp_problem(rej, F_NO_KK, "nomor KK kosong");
    size_t n;
    const char *s = imp_value(m, row, F_KODE_DESA, &n);
    if (!n)
        imp_problem(rej, F_KODE_DESA, "kode desa kosong");
    else if (imp_wilayah_code(s, n, r->kode_desa) != 4)
        imp_problem(rej, F_KODE_DESA, "'%.30s' bukan kode desa Kemendagri (35.07.01.2001)", s);
    imp_text(m, row, F_RT, r->rt, sizeof r->rt, rej);
    imp_text(m, row, F_RW, r->rw, sizeof r->rw, rej);
    imp_text(m, row, F_ALAMAT, r->alamat, sizeof r->alamat, rej);
    by_meaning(m, row, F_SUMBER_AIR, 0, r, r->sumber_air, sizeof r->sumber_air);
    by_meaning(m, row, F_JAMBAN, 1, r, r->jamban, sizeof r->jamban);
    by_meaning(m, row, F_PENDIDIKAN_IBU, 2, r, r->pendidikan_ibu, sizeof r->pendidikan_ibu);
    yesno_kept(m, row, F_RUMAH_LAYAK, r, &r->rumah_layak);
    imp_text(m, row, F_JKN, r->jkn, sizeof r->jkn, rej);
    imp_text(m, row, F_BANSOS, r->bansos, sizeof r->bansos, rej);
    imp_text(m, row, F_SUMBER_PK, r->sumber_pk, sizeof r->sumber_pk, rej);
    double v;
    r->desil = r->tahun_pk = -1;
    if (imp_number_in(m, row, F_DESIL, 1, 10, "", &v, rej) && !isnan(v)) {
        if (v != floor(v))
            imp_problem(rej, F_DESIL, "desil %g bukan bilangan bulat 1-10", v);
        else
            r->desil = (int)v;
    }
    if (imp_number_in(m, row, F_TAHUN_PK, 2000, 2100, "", &v, rej) && !isnan(v))
        r->tahun_pk = (int)v;
    imp_number_in(m, row, F_UMUR_IBU, 10, 80, "tahun", &r->umur_ibu, rej);
    long lahir;
    if (imp_date(m, row, F_TGL_LAHIR_IBU, false, &lahir, rej) && lahir != TB_DATE_NONE &&
        isnan(r->umur_ibu)) {
        r->umur_ibu = tb_krs_years(lahir, m->today);
        if (r->umur_ibu < 10 || r->umur_ibu > 80)
            imp_problem(rej, F_TGL_LAHIR_IBU, "umur ibu %g tahun tidak wajar", r->umur_ibu);
    }
    imp_number_in(m, row, F_JUMLAH_ANAK, 0, 30, "anak", &r->jumlah_anak, rej);
    imp_number_in(m, row, F_JARAK, 0, 600, "bulan", &r->jarak, rej);
    imp_number_in(m, row, F_UMUR_BUNGSU, 0, 600, "bulan", &r->umur_bungsu, rej);
    yesno_kept(m, row, F_HAMIL, r, &r->hamil);
    yesno_kept(m, row, F_PUS, r, &r->pus);
    count_or_yesno(m, row, F_BADUTA, r, &r->baduta, rej);
    count_or_yesno(m, row, F_BALITA, r, &r->balita, rej);
    s = imp_value(m, row, F_PUTARAN, &n);
    if (n && imp_putaran(s, n, r->putaran, sizeof r->putaran))
        imp_problem(rej, F_PUTARAN, "putaran '%.20s' tidak dikenal (PK21, PK22, PK23, PK24)", s);
}

/* A member's fields (NIK, name, sex, birth date, relation to the head), when the file has names. */
static void read_member(const imp *m, const tb_csv_row *row, rec *r, imp_reject *rej)
{
    imp_nik(m, row, F_NIK, true, r->nik, rej);
    if (imp_text(m, row, F_NAMA, r->nama, sizeof r->nama, rej)) {
        tb_name_key(r->nama, strlen(r->nama), r->kunci, sizeof r->kunci);
        if (!r->kunci[0])
            imp_problem(rej, F_NAMA, "nama anggota keluarga kosong");
    }
    imp_sex(m, row, F_JK, &r->jk, rej);
    if (imp_date(m, row, F_TGL_LAHIR, false, &r->lahir, rej) && r->lahir != TB_DATE_NONE)
        imp_iso(r->lahir, r->tgl_lahir);
    else if (!r->nik[0] && r->kunci[0])
        imp_problem(rej, F_TGL_LAHIR, "anggota tanpa NIK perlu tanggal lahir");
    size_t n;
    const char *s = imp_value(m, row, F_HUBUNGAN, &n);
    if (n) {
        char fo[40];
        imp_fold(s, n > 60 ? 60 : n, fo, sizeof fo);
        for (size_t i = 0; i < sizeof relations / sizeof *relations && !r->hub; i++)
            if (!strcmp(fo, relations[i].folded))
                r->hub = relations[i].hub;
        if (!r->hub)
            imp_problem(rej, F_HUBUNGAN,
                        "hubungan '%.30s' tidak dikenal (Kepala Keluarga, Suami, Istri, Anak, "
                        "Cucu, Menantu, Orang Tua, Mertua, Famili Lain, Lainnya)",
                        s);
    }
}

static void prepare(const imp *m, const tb_csv_row *row, void *out, imp_reject *rej)
{
    rec *r = out;
    memset(r, 0, sizeof *r);
    read_family(m, row, r, rej);
    r->lahir = TB_DATE_NONE;
    if (m->col[F_NAMA] >= 0) /* a member row */
        read_member(m, row, r, rej);
}

int imp_putaran(const char *s, size_t len, char *out, size_t n)
{
    char f[40];
    size_t k = 0;
    for (size_t i = 0; i < len && k + 1 < sizeof f; i++)
        if (isalnum((unsigned char)s[i]))
            f[k++] = (char)toupper((unsigned char)s[i]);
    f[k] = 0;
    if (k < 4 || f[0] != 'P' || f[1] != 'K' || !isdigit((unsigned char)f[2]) ||
        !isdigit((unsigned char)f[3]))
        return -1;
    const char *rest = f + 4;
    if (isdigit((unsigned char)rest[0]) && isdigit((unsigned char)rest[1])) {
        if (f[2] != '2' || f[3] != '0')
            return -1;
        rest += 2; /* PK2024: the year's last two digits */
    }
    for (const char *p = rest; *p; p++)
        if (!isalpha((unsigned char)*p))
            return -1;
    const char *yy = rest - 2;
    int w = snprintf(out, n, "PK%c%c%s", yy[0], yy[1], rest);
    return w < 0 || (size_t)w >= n ? -1 : 0;
}

static int check_columns(const imp *m, char *err, size_t errlen)
{
    if (m->col[F_NO_KK] < 0 || m->col[F_KODE_DESA] < 0) {
        const char *f = m->col[F_NO_KK] < 0 ? "no_kk" : "kode_desa";
        snprintf(err, errlen,
                 "kolom %s tidak ada (judul kolom di baris 1; pakai --map JUDUL=%s bila namanya "
                 "lain)",
                 f, f);
        return -1;
    }
    return 0;
}

/* --- the KRS rule ----------------------------------------------------------------- */

typedef tb_krs_rule_data rule; /* the active rule (store/krs.h) */

/* --- member rows, kept until the end of the run ---------------------------------- */

/*
 * The text of the families and members kept until the end lives in one
 * arena, each string at an offset (0 is ""): a family or a member costs the
 * length of its values, not the widest value a row may hold (300,000
 * families of 4 are kept in about 150 MB).
 */
typedef struct {
    char *p;
    size_t n, cap;
} arena;

/* Points *off at s (copied unless it is already the string there). 0 or -1 (no memory). */
static int arena_set(arena *a, uint32_t *off, const char *s)
{
    if (!strcmp(a->p + *off, s))
        return 0;
    if (!s[0]) {
        *off = 0;
        return 0;
    }
    size_t l = strlen(s) + 1;
    if (a->n + l > UINT32_MAX)
        return -1;
    if (a->n + l > a->cap) {
        size_t cap = a->cap * 2;
        while (cap < a->n + l)
            cap *= 2;
        char *p = realloc(a->p, cap);
        if (!p)
            return -1;
        a->p = p;
        a->cap = cap;
    }
    memcpy(a->p + a->n, s, l);
    *off = (uint32_t)a->n;
    a->n += l;
    return 0;
}

/* The family's text fields of a rec, kept in the arena. */
enum { T_RT, T_RW, T_ALAMAT, T_AIR, T_JAMBAN, T_PENDIDIKAN, T_JKN, T_BANSOS, T_SUMBER_PK, NTEXT };
#define REC_TEXT(f)                                                                                \
    {                                                                                              \
        offsetof(rec, f), sizeof((rec *)0)->f                                                      \
    }
static const struct {
    size_t off, cap;
} texts[NTEXT] = {REC_TEXT(rt),         REC_TEXT(rw),     REC_TEXT(alamat),
                  REC_TEXT(sumber_air), REC_TEXT(jamban), REC_TEXT(pendidikan_ibu),
                  REC_TEXT(jkn),        REC_TEXT(bansos), REC_TEXT(sumber_pk)};

typedef struct {
    long lahir; /* day number, TB_DATE_NONE when not given */
    int line;
    int next;             /* the family's next member, -1 */
    int fam;              /* its family (index into f) */
    uint32_t nama, kunci; /* in the arena */
    char nik[17];
    signed char jk, hub, hamil;
    bool lookup; /* a bulk load must look this member up (see end) */
} member;

typedef struct {
    /* the family's values: the last row's where given; hamil, pus, baduta, balita: any */
    char no_kk[17], desa[16], putaran[16];
    uint32_t text[NTEXT]; /* in the arena */
    int rumah_layak, desil, tahun_pk;
    double umur_ibu, jumlah_anak, jarak, umur_bungsu;
    signed char hamil, pus, baduta, balita;
    long line; /* its first row */
    int first, last;
    long id; /* once written (end) */
} family;

typedef struct {
    rule *ru;
    const char *putaran; /* --putaran: the census round of rows without one, or NULL */
    char putarbuf[16];
    tb_krs_member *kb; /* a family's members for the rule (from_members) */
    int capkb;
    imp_map fams; /* no. KK -> index into f */
    family *f;
    long nf, capf;
    member *mb;
    long nm, capm;
    arena text;
    imp_map tanpa_nik; /* desa + birth day of the members without NIK -> 1 */
    struct nik_dup {
        long fa, fb; /* the two families (indexes into f) */
        char nik[17];
    } * dup; /* the same NIK in two families of the file (verval) */
    long ndup, capdup;
    int bulk; /* 1: the store had no people (tb_store_keluarga_bulk_begin) */
} state;

static int begin(imp *m)
{
    state *st = calloc(1, sizeof *st);
    rule *r = st ? calloc(1, sizeof *r) : NULL;
    char *t = r ? calloc(1, 1 << 16) : NULL;
    if (!t) {
        free(r);
        free(st);
        return tb_store_fail(m->store, "out of memory");
    }
    st->ru = r;
    st->text.p = t;
    st->text.n = 1; /* offset 0: "" */
    st->text.cap = 1 << 16;
    m->state = st;
    if (m->putaran) {
        if (imp_putaran(m->putaran, strlen(m->putaran), st->putarbuf, sizeof st->putarbuf)) {
            snprintf(m->err, sizeof m->err,
                     "--putaran '%.20s' tidak dikenal: tulis PK dan tahunnya (PK21, PK22, PK23, "
                     "PK24)",
                     m->putaran);
            return -1;
        }
        st->putaran = st->putarbuf;
    }
    int have = tb_store_krs_rule(m->store, r, m->err, sizeof m->err);
    return have == 1 ? 0 : -1;
}

static void cleanup(imp *m)
{
    state *st = m->state;
    if (st) {
        free(st->ru);
        imp_map_free(&st->fams);
        imp_map_free(&st->tanpa_nik);
        free(st->text.p);
        free(st->dup);
        free(st->f);
        free(st->mb);
        free(st->kb);
        free(st);
    }
    m->state = NULL;
}

/* An int of a number read (NAN: not given, -1). */
static int given(double v)
{
    return isnan(v) ? -1 : (int)floor(v);
}

/*
 * Computes sasaran and KRS of a family from r (and its members mb[0..nmb),
 * when the file named them with their relation) at the import's day with the
 * rule (lib/krs.c), and writes it: its id, or -1.
 */
static long put_family(imp *m, const state *st, const rec *r, const char *desa,
                       const tb_krs_member *mb, int nmb, int *outcome)
{
    tb_keluarga k = {.no_kk = r->no_kk,
                     .desa = desa,
                     .rt = r->rt,
                     .rw = r->rw,
                     .alamat = r->alamat,
                     .sumber_pk = r->sumber_pk,
                     .tahun_pk = r->tahun_pk,
                     .desil = r->desil,
                     .sumber_air = r->sumber_air,
                     .jamban = r->jamban,
                     .rumah_layak = r->rumah_layak,
                     .pendidikan_ibu = r->pendidikan_ibu,
                     .jkn = r->jkn,
                     .bansos = r->bansos,
                     .putaran = r->putaran[0] ? r->putaran : st->putaran,
                     .aturan = st->ru->versi};
    tb_krs_facts f = {.sumber_air = r->sumber_air,
                      .jamban = r->jamban,
                      .pendidikan_ibu = r->pendidikan_ibu,
                      .rumah_layak = r->rumah_layak,
                      .desil = r->desil,
                      .istri_lahir = TB_DATE_NONE,
                      .umur_istri = given(r->umur_ibu),
                      .hamil = r->hamil,
                      .pus = r->pus,
                      .jumlah_anak = given(r->jumlah_anak),
                      .jarak_bulan = given(r->jarak),
                      .umur_bungsu = given(r->umur_bungsu),
                      .baduta = r->baduta,
                      .balita = r->balita,
                      .anggota = mb,
                      .nanggota = nmb};
    tb_krs_result res;
    tb_krs_eval(&st->ru->rule, &f, m->today, &res);
    k.pus = res.pus;
    k.pus_hamil = res.pus_hamil;
    k.punya_baduta = res.baduta;
    k.punya_balita = res.balita;
    k.t4_muda = (res.faktor & TB_KRS_MUDA) != 0;
    k.t4_tua = (res.faktor & TB_KRS_TUA) != 0;
    k.t4_dekat = (res.faktor & TB_KRS_DEKAT) != 0;
    k.t4_banyak = (res.faktor & TB_KRS_BANYAK) != 0;
    k.sasaran = res.sasaran;
    k.krs = res.krs;
    char faktor[256];
    tb_krs_factor_list(res.faktor, faktor, sizeof faktor);
    k.krs_faktor = faktor;
    char day[11];
    imp_iso(m->today, day);
    k.tanggal = day;
    return tb_store_keluarga_put(m->store, &k, outcome);
}

/* Later rows of a family: values given replace; hamil, pus, baduta, balita: yes wins. A new
 * family (texts "", numbers not given, flags -1) takes r's values. 0, or -1 (no memory). */
static int merge_family(arena *a, family *d, const rec *r)
{
    for (int i = 0; i < NTEXT; i++) {
        const char *src = (const char *)r + texts[i].off;
        if (src[0] && (strcmp(src, UNKNOWN_CODE) || !a->p[d->text[i]]) &&
            arena_set(a, &d->text[i], src))
            return -1;
    }
    if (r->putaran[0])
        memcpy(d->putaran, r->putaran, sizeof d->putaran);
    if (r->rumah_layak >= 0)
        d->rumah_layak = r->rumah_layak;
    if (r->desil >= 0)
        d->desil = r->desil;
    if (r->tahun_pk >= 0)
        d->tahun_pk = r->tahun_pk;
    const double *ns[] = {&r->umur_ibu, &r->jumlah_anak, &r->jarak, &r->umur_bungsu};
    double *nd[] = {&d->umur_ibu, &d->jumlah_anak, &d->jarak, &d->umur_bungsu};
    for (int i = 0; i < 4; i++)
        if (!isnan(*ns[i]))
            *nd[i] = *ns[i];
    signed char *fd[] = {&d->hamil, &d->pus, &d->baduta, &d->balita};
    const int *fs[] = {&r->hamil, &r->pus, &r->baduta, &r->balita};
    for (int i = 0; i < 4; i++)
        if (*fs[i] > *fd[i])
            *fd[i] = (signed char)*fs[i];
    return 0;
}

/* The family's values as a rec (for put_family). */
static void family_rec(const arena *a, const family *fa, rec *r)
{
    memset(r, 0, sizeof *r);
    memcpy(r->no_kk, fa->no_kk, sizeof r->no_kk);
    memcpy(r->putaran, fa->putaran, sizeof r->putaran);
    for (int i = 0; i < NTEXT; i++)
        snprintf((char *)r + texts[i].off, texts[i].cap, "%s", a->p + fa->text[i]);
    r->rumah_layak = fa->rumah_layak;
    r->desil = fa->desil;
    r->tahun_pk = fa->tahun_pk;
    r->umur_ibu = fa->umur_ibu;
    r->jumlah_anak = fa->jumlah_anak;
    r->jarak = fa->jarak;
    r->umur_bungsu = fa->umur_bungsu;
    r->hamil = fa->hamil;
    r->pus = fa->pus;
    r->baduta = fa->baduta;
    r->balita = fa->balita;
}

static bool same_member(const arena *a, const member *me, const rec *r)
{
    if (me->nik[0] || r->nik[0])
        return !strcmp(me->nik, r->nik);
    return !strcmp(a->p + me->kunci, r->kunci) && me->lahir == r->lahir;
}

/* The family of no. KK r->no_kk: found, or new (r's values). NULL when memory runs out. */
static family *family_of(state *st, const rec *r, const char *desa, long line, bool *found)
{
    long *fi = imp_map_get(&st->fams, r->no_kk, 16);
    *found = fi != NULL;
    if (fi)
        return &st->f[*fi];
    family *f = imp_grow(st->f, st->nf, &st->capf, sizeof *f, 1024);
    if (!f)
        return NULL;
    st->f = f;
    family *fa = &st->f[st->nf];
    memset(fa, 0, sizeof *fa);
    memcpy(fa->no_kk, r->no_kk, sizeof fa->no_kk);
    snprintf(fa->desa, sizeof fa->desa, "%s", desa);
    fa->rumah_layak = fa->desil = fa->tahun_pk = -1;
    fa->umur_ibu = fa->jumlah_anak = fa->jarak = fa->umur_bungsu = NAN;
    fa->hamil = fa->pus = fa->baduta = fa->balita = -1;
    fa->line = line;
    fa->first = fa->last = -1;
    if (!imp_map_put(&st->fams, r->no_kk, 16, st->nf))
        return NULL;
    st->nf++;
    return fa;
}

/* A member row: its family is gathered, the member kept (written at the end). */
static int keep_member(imp *m, state *st, const rec *r, const char *desa, long line,
                       imp_reject *rej)
{
    bool known;
    family *fa = family_of(st, r, desa, line, &known);
    if (!fa)
        return tb_store_fail(m->store, "out of memory");
    if (known) {
        if (strcmp(fa->desa, desa)) {
            imp_problem(rej, F_KODE_DESA, "KK %s sudah tercatat di desa %s (baris %ld)", r->no_kk,
                        fa->desa, fa->line);
            return 0;
        }
        for (int k = fa->first; k >= 0; k = st->mb[k].next) {
            if (same_member(&st->text, &st->mb[k], r)) {
                imp_problem(rej, r->nik[0] ? F_NIK : F_NAMA,
                            "anggota ini sudah ada di KK yang sama (baris %d)", st->mb[k].line);
                return 0;
            }
        }
    }
    if (merge_family(&st->text, fa, r))
        return tb_store_fail(m->store, "out of memory");
    if (!r->nik[0] && r->lahir != TB_DATE_NONE) {
        char key[40];
        int n = snprintf(key, sizeof key, "%s|%ld", desa, r->lahir);
        if (!imp_map_put(&st->tanpa_nik, key, (size_t)n, 1))
            return tb_store_fail(m->store, "out of memory");
    }
    member *mb = imp_grow(st->mb, st->nm, &st->capm, sizeof *mb, 4096);
    if (!mb)
        return tb_store_fail(m->store, "out of memory");
    st->mb = mb;
    member *me = &st->mb[st->nm];
    memset(me, 0, sizeof *me);
    me->line = (int)line;
    me->next = -1;
    me->fam = (int)(fa - st->f);
    memcpy(me->nik, r->nik, sizeof me->nik);
    if (arena_set(&st->text, &me->nama, r->nama) || arena_set(&st->text, &me->kunci, r->kunci))
        return tb_store_fail(m->store, "out of memory");
    me->jk = (signed char)r->jk;
    me->hub = (signed char)r->hub;
    me->hamil = (signed char)r->hamil;
    me->lahir = r->lahir;
    if (fa->last >= 0)
        st->mb[fa->last].next = (int)st->nm;
    else
        fa->first = (int)st->nm;
    fa->last = (int)st->nm;
    st->nm++;
    return 0;
}

static int store(imp *m, void *vr, const tb_csv_row *row, imp_reject *rej, int *outcome)
{
    state *st = m->state;
    const rec *r = vr;
    char desa[16];
    int d = imp_desa(m, r->kode_desa, NULL, NULL, NULL, NULL, F_KODE_DESA, F_KODE_DESA, desa, rej);
    if (d)
        return d < 0 ? -1 : 0;
    for (int i = 0; i < r->nunk; i++)
        if (imp_unknown(m, r->unk_f[i], r->unk[i]))
            return -1;
    if (m->col[F_NAMA] >= 0) {
        *outcome = IMP_DEFERRED; /* counted when written, in end() */
        return keep_member(m, st, r, desa, row->line, rej);
    }
    return put_family(m, st, r, desa, NULL, 0, outcome) < 0 ? -1 : 0;
}

static double months(long from, long to)
{
    return tb_krs_months(from, to);
}

/*
 * The wife's age (when no column gave it) and, when the file names the
 * members' relations (a roster: its members are the whole family), the
 * members for the rule (children, their birth dates) into st->kb: their
 * number (0 when the relations are not known).
 */
static int from_members(const imp *m, state *st, const family *fa, int wife, rec *r)
{
    const member *w = wife >= 0 ? &st->mb[wife] : NULL;
    if (isnan(r->umur_ibu) && w && w->lahir != TB_DATE_NONE) {
        int u = tb_krs_years(w->lahir, m->today);
        if (u >= 10 && u <= 80)
            r->umur_ibu = u;
    }
    bool relations_known = false;
    int n = 0;
    for (int k = fa->first; k >= 0; k = st->mb[k].next) {
        relations_known |= st->mb[k].hub != HUB_NONE;
        if (n == st->capkb) {
            int cap = st->capkb ? 2 * st->capkb : 32;
            tb_krs_member *kb = realloc(st->kb, (size_t)cap * sizeof *kb);
            if (!kb)
                return -1;
            st->kb = kb;
            st->capkb = cap;
        }
        st->kb[n].lahir = st->mb[k].lahir;
        st->kb[n].anak = st->mb[k].hub == HUB_ANAK;
        n++;
    }
    return relations_known ? n : 0;
}

static void count_row(imp *m, int out)
{
    if (out == TB_PUT_INSERTED)
        m->imported++;
    else if (out == TB_PUT_UPDATED)
        m->updated++;
}

static const member *sort_mb; /* the members nik_order sorts (one sort at a time) */

/* Members by NIK, then in file order. */
static int nik_order(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    int c = strcmp(sort_mb[x].nik, sort_mb[y].nik);
    return c ? c : (x > y) - (x < y);
}

/*
 * The same NIK in two families: each family after the first one read with it
 * is noted (st->dup, for verval), and every member with that NIK is looked up
 * (the later ones find the person the first one wrote). 0 or -1 (no memory).
 */
static int find_nik_twins(state *st)
{
    int *ix = malloc((size_t)(st->nm ? st->nm : 1) * sizeof *ix);
    if (!ix)
        return -1;
    int n = 0;
    for (long i = 0; i < st->nm; i++)
        if (st->mb[i].nik[0])
            ix[n++] = (int)i;
    sort_mb = st->mb;
    qsort(ix, (size_t)n, sizeof *ix, nik_order);
    for (int g = 0; g < n;) {
        int k = g + 1;
        while (k < n && !strcmp(st->mb[ix[k]].nik, st->mb[ix[g]].nik))
            k++;
        for (int j = g + 1; j < k; j++) { /* same NIK as ix[g], the first read */
            member *first = &st->mb[ix[g]], *me = &st->mb[ix[j]];
            first->lookup = me->lookup = true;
            struct nik_dup *d = imp_grow(st->dup, st->ndup, &st->capdup, sizeof *d, 64);
            if (!d) {
                free(ix);
                return -1;
            }
            st->dup = d;
            st->dup[st->ndup].fa = first->fam;
            st->dup[st->ndup].fb = me->fam;
            memcpy(st->dup[st->ndup++].nik, me->nik, sizeof me->nik);
        }
        g = k;
    }
    free(ix);
    return 0;
}

/*
 * Must member me be looked up in the store? Always, but in a bulk load (no
 * people stored before it), where only the people of this load could be
 * found: a member with a NIK read once is found by no one (by NIK: nobody
 * else has it; by name: only a member without NIK born the same day in the
 * same desa could be a candidate) and is inserted without looking.
 */
static bool needs_lookup(const state *st, const family *fa, const member *me)
{
    if (!st->bulk || me->lookup || !me->nik[0])
        return true;
    if (!st->tanpa_nik.count || me->lahir == TB_DATE_NONE)
        return false;
    char key[40];
    int n = snprintf(key, sizeof key, "%s|%ld", fa->desa, me->lahir);
    return imp_map_get(&st->tanpa_nik, key, (size_t)n) != NULL;
}

/* The family's wife (or a woman who heads it): a member index, or -1. */
static int wife_of(const state *st, const family *fa)
{
    int wife = -1, head_woman = -1;
    for (int k = fa->first; k >= 0; k = st->mb[k].next) {
        if (st->mb[k].hub == HUB_ISTRI && wife < 0)
            wife = k;
        if (st->mb[k].hub == HUB_KEPALA && st->mb[k].jk == 2 && head_woman < 0)
            head_woman = k;
    }
    return wife >= 0 ? wife : head_woman;
}

/* Writes member k of family fa (written: id kid, outcome fout; r its values); the wife's id
 * goes to *ibu. 0 or -1. */
static int put_member(imp *m, state *st, const family *fa, const rec *r, int k, int wife, long kid,
                      int fout, long *ibu)
{
    const member *me = &st->mb[k];
    double mo = me->lahir != TB_DATE_NONE ? months(me->lahir, m->today) : NAN, yr = mo / 12;
    bool pus = k == wife && yr >= st->ru->rule.pus_min && yr < st->ru->rule.pus_max + 1;
    const char *peran = pus && me->hamil == 1                ? "bumil"
                        : pus                                ? "pus"
                        : mo < 60                            ? "anak"
                        : me->jk == 2 && yr >= 10 && yr < 20 ? "remaja_putri"
                                                             : NULL;
    char tgl[11] = "";
    if (me->lahir != TB_DATE_NONE)
        imp_iso(me->lahir, tgl);
    tb_individu p = {.nik = me->nik[0] ? me->nik : NULL,
                     .nama = st->text.p + me->nama,
                     .nama_kunci = st->text.p + me->kunci,
                     .jk = me->jk,
                     .tgl_lahir = tgl[0] ? tgl : NULL,
                     .desa = fa->desa,
                     .rt = r->rt[0] ? r->rt : NULL,
                     .rw = r->rw[0] ? r->rw : NULL,
                     .alamat = r->alamat[0] ? r->alamat : NULL,
                     .keluarga_id = kid,
                     .ibu_id = me->hub == HUB_ANAK ? *ibu : 0,
                     .peran = peran,
                     .id = needs_lookup(st, fa, me) ? 0 : -1,
                     .nik_only = st->bulk && !st->tanpa_nik.count};
    long id;
    int out = TB_PUT_UNCHANGED;
    bool by_name = false;
    if (tb_store_individu_put(m->store, &p, &id, &out, &by_name))
        return -1;
    if (k == wife)
        *ibu = id;
    if (k == fa->first && fout != TB_PUT_UNCHANGED && out != TB_PUT_INSERTED)
        out = fout; /* the family's first row carries the family's change */
    count_row(m, out);
    return 0;
}

/* Member files: each family, then its members (the wife first: the children's mother). */
static int end(imp *m)
{
    state *st = m->state;
    if (st->nm && find_nik_twins(st))
        return tb_store_fail(m->store, "out of memory");
    /* in a bulk load only a person without NIK can be found by name (or find one so) */
    bool by_name = st->tanpa_nik.count > 0;
    if (st->nm && (st->bulk = tb_store_keluarga_bulk_begin(m->store, by_name)) < 0)
        return -1;
    for (long i = 0; i < st->nf; i++) {
        family *fa = &st->f[i];
        int wife = wife_of(st, fa);
        rec r;
        family_rec(&st->text, fa, &r);
        int nkb = from_members(m, st, fa, wife, &r);
        if (nkb < 0)
            return tb_store_fail(m->store, "out of memory");
        int fout = TB_PUT_UNCHANGED;
        long kid = put_family(m, st, &r, fa->desa, st->kb, nkb, &fout);
        if (kid < 0)
            return -1;
        fa->id = kid;
        long ibu = 0;
        for (int pass = 0; pass < 2; pass++)
            for (int k = fa->first; k >= 0; k = st->mb[k].next)
                if ((pass == 0) == (k == wife) &&
                    put_member(m, st, fa, &r, k, wife, kid, fout, &ibu))
                    return -1;
    }
    free(st->mb); /* the members are written: their memory goes to the index sorts */
    free(st->text.p);
    st->mb = NULL;
    st->text.p = NULL;
    st->nm = 0;
    if (st->bulk && tb_store_keluarga_bulk_end(m->store, by_name))
        return -1;
    for (long i = 0; i < st->ndup; i++) /* for verval: the person is in the last family read */
        if (tb_store_keluarga_nik_ganda(m->store, st->f[st->dup[i].fa].id, st->f[st->dup[i].fb].id,
                                        st->dup[i].nik))
            return -1;
    /* Foreign keys (not checked per row): the keluarga and mother ids written are those
     * the store gave in this transaction; the desa codes are checked here. */
    return imp_desa_verify(m);
}

const imp_kind imp_kind_keluarga = {
    .name = "keluarga",
    .summary = "data keluarga (Pendataan Keluarga): sasaran dan KRS dihitung dari aturan aktif",
    .fields = fields,
    .nfields = NFIELDS,
    .rec_size = sizeof(rec),
    .check_columns = check_columns,
    .prepare = prepare,
    .begin = begin,
    .store = store,
    .end = end,
    .cleanup = cleanup,
    .foreign_keys_checked_at_end = true,
};
