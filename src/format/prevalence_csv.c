/*
 * prevalence_csv.c - WHO's prevalence estimates for an anthropometric CSV
 * file (see prevalence_csv.h).
 *
 * Three steps: reading (each row scored and kept as a `rec`, with its
 * cluster, stratum and --by value interned), estimating (the records put in
 * cluster order with a counting sort, then the two passes of tb_survey over
 * every group each record belongs to) and writing (the long table or
 * anthro's). A group has SLOTS slots: the four prevalences, the four means,
 * and the combined stunting-with-wasting/overweight indicator.
 */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/strtab.h"
#include "base/who_tables.h"
#include "format/anthro_input.h"
#include "format/csv.h"
#include "format/prevalence_csv.h"
#include "tb_growth.h"
#include "tb_survey.h"

#define Z_NA INT16_MIN
#define NIND 4  /* zlen, zwei, zwfl, zbmi */
#define NVAL 6  /* values per slot: six cut-offs */
#define SLOTS 9 /* per group: 4 prevalence, 4 mean, 1 combined */
#define FIXED_GROUPS 21
#define MAX_AGE_DAYS 1826

/* One child in the analysis. */
typedef struct {
    int32_t psu; /* cluster (within its stratum), or the row itself */
    int32_t stratum;
    int32_t by;      /* value of --by, or -1 */
    int16_t z[NIND]; /* hundredths; Z_NA = missing or flagged */
    int8_t agegrp;   /* 0-5, or -1 */
    int8_t sex;      /* 0 female, 1 male, -1 */
    uint8_t oedema;
    double w;
} rec;

/* A growable array of records. */
typedef struct {
    rec *p;
    long n, cap;
} recs;

struct tb_prevalence {
    tb_strtab psus, strata, byvals;
    recs rs;
    long *clusters; /* [strata] clusters in each stratum (read by the survey) */
    void *mem;      /* the survey */
    tb_survey *s;
    double *grp_npos; /* [ngroups] rows with a positive weight (svyvar's n) */
    int ngroups;
    bool design; /* a design column was given: R survey's rules for the SD */
    char *by_name;
};

static const tb_indicator inds[NIND] = {TB_ZLEN, TB_ZWEI, TB_ZWFL, TB_ZBMI};
static const char *const age_labels[6] = {"00-05 mo", "06-11 mo", "12-23 mo",
                                          "24-35 mo", "36-47 mo", "48-59 mo"};
static const char *const sex_labels[2] = {"Female", "Male"};

/* --- reading --------------------------------------------------------------- */

/* The reader and the columns it reads. */
typedef struct {
    tb_csv_reader *r;
    tb_anthro_columns cols;
    int ccol, scol, wcol, bcol; /* design columns, or -1 */
    bool decimal_comma;
} reading;

/* What row_record made of a row. */
enum { ROW_KEEP = 0, ROW_SKIP = 1, ROW_NOMEM = -1, ROW_NEGATIVE_WEIGHT = -2 };

/* The header index of a column named exactly (case-insensitive), or -1. */
static int find_column(const tb_csv_row *h, const char *name)
{
    for (int i = 0; i < h->nfields; i++)
        if (!strcasecmp(h->fields[i], name))
            return i;
    return -1;
}

/* Reads the header and finds the columns. Returns 0, or -1 with a message in err. */
static int read_header(reading *rd, const tb_prevalence_options *o, char *err, size_t errlen)
{
    tb_csv_row row;
    tb_csv_status cs = tb_csv_next(rd->r, &row);
    if (cs != TB_CSV_OK) {
        snprintf(err, errlen, "%s: %s", o->name,
                 cs == TB_CSV_EOF ? "berkas kosong: perlu berkas CSV dengan baris judul"
                                  : tb_csv_error(rd->r));
        return -1;
    }
    char why[256];
    if (tb_anthro_columns_find(&row, &rd->cols, why, sizeof why)) {
        snprintf(err, errlen, "%s: %s", o->name, why);
        return -1;
    }
    const char *names[4] = {o->cluster, o->strata, o->weight, o->by};
    int *idx[4] = {&rd->ccol, &rd->scol, &rd->wcol, &rd->bcol};
    for (int k = 0; k < 4; k++) {
        *idx[k] = -1;
        if (names[k] && (*idx[k] = find_column(&row, names[k])) < 0) {
            snprintf(err, errlen, "%s tidak punya kolom '%s'", o->name, names[k]);
            return -1;
        }
    }
    rd->decimal_comma = tb_csv_delimiter(rd->r) != ',';
    return 0;
}

/* Stores a rounded z-score as hundredths (the value WHO's cut-offs see). */
static int16_t hundredths(double z, int flag)
{
    if (isnan(z) || flag != 0)
        return Z_NA;
    double h = round(z * 100.0);
    if (h < -32000 || h > 32000)
        return Z_NA;
    return (int16_t)h;
}

static int recs_push(recs *r, const rec *x)
{
    if (r->n == r->cap) {
        long cap = r->cap ? r->cap * 2 : 65536;
        rec *p = realloc(r->p, (size_t)cap * sizeof *p);
        if (!p)
            return -1;
        r->p = p;
        r->cap = cap;
    }
    r->p[r->n++] = *x;
    return 0;
}

/* The record's stratum and cluster: ROW_KEEP, ROW_SKIP (one is empty) or ROW_NOMEM. */
static int row_design(tb_prevalence *p, const reading *rd, const tb_csv_row *row, rec *x)
{
    int ccol = rd->ccol, scol = rd->scol;
    const char *cv = ccol >= 0 && ccol < row->nfields ? row->fields[ccol] : NULL;
    const char *sv = scol >= 0 && scol < row->nfields ? row->fields[scol] : "";
    if ((ccol >= 0 && (!cv || !*cv)) || (scol >= 0 && (scol >= row->nfields || !*sv)))
        return ROW_SKIP;
    long st = tb_strtab_intern(&p->strata, sv, strlen(sv));
    if (st < 0)
        return ROW_NOMEM;
    x->stratum = (int32_t)st;
    if (ccol >= 0) {
        char key[1100];
        int n = snprintf(key, sizeof key, "%s\x1f%s", sv, cv);
        long c = tb_strtab_intern(&p->psus, key, (size_t)(n < 1099 ? n : 1099));
        if (c < 0)
            return ROW_NOMEM;
        x->psu = (int32_t)c;
    } else {
        x->psu = (int32_t)p->rs.n;
    }
    return ROW_KEEP;
}

/* The record's weight (0 when missing, counted): ROW_KEEP or ROW_NEGATIVE_WEIGHT. */
static int row_weight(const reading *rd, const tb_csv_row *row, rec *x, tb_prevalence_stats *st)
{
    int wcol = rd->wcol;
    x->w = 1;
    if (wcol < 0)
        return ROW_KEEP;
    double w = NAN;
    if (wcol >= row->nfields ||
        tb_parse_number(row->fields[wcol], row->lens[wcol], rd->decimal_comma, &w) || isnan(w)) {
        st->missing_weight++;
        w = 0;
    } else if (w < 0) {
        return ROW_NEGATIVE_WEIGHT;
    }
    x->w = w;
    return ROW_KEEP;
}

/* The record's z-scores, sex and age group from the growth engine's result. */
static void row_scores(const tb_growth_input *gi, const tb_growth_result *g, rec *x)
{
    for (int i = 0; i < NIND; i++)
        x->z[i] = hundredths(g->z[inds[i]], g->flag[inds[i]]);
    x->oedema = gi->oedema;
    x->sex = gi->sex == TB_SEX_FEMALE ? 0 : gi->sex == TB_SEX_MALE ? 1 : -1;
    x->agegrp = -1;
    if (g->age_days >= 0) {
        double m = g->age_days / TB_DAYS_PER_MONTH;
        x->agegrp = m < 6 ? 0 : m < 12 ? 1 : m < 24 ? 2 : m < 36 ? 3 : m < 48 ? 4 : 5;
    }
}

/* Scores a row and makes its record: ROW_KEEP, ROW_SKIP (left out, counted) or an error. */
static int row_record(tb_prevalence *p, const reading *rd, const tb_csv_row *row, rec *x,
                      tb_prevalence_stats *st)
{
    tb_growth_input gi;
    tb_anthro_problem pr[8];
    st->unread += tb_anthro_row_read(&rd->cols, row, rd->decimal_comma, &gi, pr, 8);
    tb_growth_result g;
    tb_growth_compute(&tb_who_tables_builtin, &gi, &g);
    if (g.age_days > MAX_AGE_DAYS) {
        st->excluded_age++;
        return ROW_SKIP;
    }
    memset(x, 0, sizeof *x);
    int rc = row_design(p, rd, row, x);
    if (rc == ROW_SKIP)
        st->excluded_design++;
    if (rc != ROW_KEEP || (rc = row_weight(rd, row, x, st)) != ROW_KEEP)
        return rc;
    x->by = -1;
    if (rd->bcol >= 0 && rd->bcol < row->nfields && row->lens[rd->bcol]) {
        long b = tb_strtab_intern(&p->byvals, row->fields[rd->bcol], row->lens[rd->bcol]);
        if (b < 0)
            return ROW_NOMEM;
        x->by = (int32_t)b;
    }
    row_scores(&gi, &g, x);
    return ROW_KEEP;
}

/* Reads every data row into p->rs. Returns 0, or -1 with a message in err. */
static int read_rows(tb_prevalence *p, reading *rd, const tb_prevalence_options *o,
                     tb_prevalence_stats *st, char *err, size_t errlen)
{
    tb_csv_row row;
    tb_csv_status cs;
    while ((cs = tb_csv_next(rd->r, &row)) == TB_CSV_OK) {
        rec x;
        int rc = row_record(p, rd, &row, &x, st);
        if (rc == ROW_KEEP && recs_push(&p->rs, &x))
            rc = ROW_NOMEM;
        if (rc == ROW_NOMEM) {
            snprintf(err, errlen, "memori habis");
            return -1;
        }
        if (rc == ROW_NEGATIVE_WEIGHT) {
            snprintf(err, errlen, "baris %ld: bobot sampel negatif %s", row.line,
                     row.fields[rd->wcol]);
            return -1;
        }
    }
    if (cs != TB_CSV_EOF) {
        snprintf(err, errlen, "%s: %s", o->name, tb_csv_error(rd->r));
        return -1;
    }
    if (p->rs.n == 0) {
        snprintf(err, errlen, "tidak ada baris tersisa untuk dianalisis");
        return -1;
    }
    st->rows = p->rs.n;
    return 0;
}

/* --- estimating ------------------------------------------------------------ */

/* Adds one record to every slot of every group it belongs to; counts the
 * group's rows with a positive weight in grp_npos (pass 1 only, may be NULL). */
static void add_record(tb_survey *s, const rec *r, double *grp_npos)
{
    int groups[5], ng = 0;
    groups[ng++] = 0;
    if (r->agegrp >= 0)
        groups[ng++] = 1 + r->agegrp;
    if (r->sex >= 0)
        groups[ng++] = 7 + r->sex;
    if (r->agegrp >= 0 && r->sex >= 0)
        groups[ng++] = 9 + r->sex * 6 + r->agegrp;
    if (r->by >= 0)
        groups[ng++] = FIXED_GROUPS + r->by;
    /* the prevalence z (oedema = -3.1 for weight-based) and the mean z */
    double zp[NIND], zs[NIND];
    for (int i = 0; i < NIND; i++) {
        zs[i] = r->z[i] == Z_NA ? NAN : r->z[i] / 100.0;
        zp[i] = (i > 0 && r->oedema) ? -3.1 : zs[i];
    }
    double yp[NIND][NVAL], ys[NIND][NVAL], yc[NVAL] = {0};
    for (int i = 0; i < NIND; i++) {
        double z = zp[i];
        yp[i][0] = z < -3, yp[i][1] = z < -2, yp[i][2] = z < -1;
        yp[i][3] = z > 1, yp[i][4] = z > 2, yp[i][5] = z > 3;
        ys[i][0] = zs[i];
        for (int v = 1; v < NVAL; v++)
            ys[i][v] = 0;
    }
    bool comb = !isnan(zp[0]) && !isnan(zp[2]);
    if (comb) {
        yc[0] = zp[0] < -2 && zp[2] < -2;
        yc[1] = zp[0] < -2 && zp[2] > 2;
    }
    for (int g = 0; g < ng; g++) {
        int base = groups[g] * SLOTS;
        if (grp_npos && r->w > 0)
            grp_npos[groups[g]] += 1;
        for (int i = 0; i < NIND; i++) {
            if (!isnan(zp[i]))
                tb_survey_add(s, base + i, r->w, yp[i]);
            if (!isnan(zs[i]))
                tb_survey_add(s, base + NIND + i, r->w, ys[i]);
        }
        if (comb)
            tb_survey_add(s, base + 2 * NIND, r->w, yc);
    }
}

/* The rows in cluster order: a counting sort by cluster. */
typedef struct {
    long npsu;
    long *start;          /* [npsu + 1] first row of each cluster in order */
    long *order;          /* [rows] record indexes in cluster order */
    int32_t *psu_stratum; /* [npsu] each cluster's stratum */
} cluster_order;

/* Sorts the records by cluster and counts p->clusters per stratum. Returns 0 or -1 (no memory). */
static int order_by_cluster(tb_prevalence *p, long npsu, cluster_order *co)
{
    const recs *rs = &p->rs;
    co->npsu = npsu;
    p->clusters = calloc((size_t)p->strata.count, sizeof *p->clusters);
    co->start = calloc((size_t)npsu + 1, sizeof *co->start);
    co->order = malloc((size_t)rs->n * sizeof *co->order);
    co->psu_stratum = malloc((size_t)npsu * sizeof *co->psu_stratum);
    long *pos = malloc((size_t)npsu * sizeof *pos);
    if (!p->clusters || !co->start || !co->order || !co->psu_stratum || !pos) {
        free(pos);
        return -1;
    }
    for (long i = 0; i < rs->n; i++) {
        co->start[rs->p[i].psu + 1]++;
        co->psu_stratum[rs->p[i].psu] = rs->p[i].stratum;
    }
    for (long c = 0; c < npsu; c++) {
        co->start[c + 1] += co->start[c];
        p->clusters[co->psu_stratum[c]]++;
    }
    memcpy(pos, co->start, (size_t)npsu * sizeof *pos);
    for (long i = 0; i < rs->n; i++)
        co->order[pos[rs->p[i].psu]++] = i;
    free(pos);
    return 0;
}

/* The two passes of the survey estimator over the records in cluster order. */
static void survey_passes(tb_prevalence *p, const cluster_order *co)
{
    for (long i = 0; i < p->rs.n; i++)
        add_record(p->s, &p->rs.p[co->order[i]], p->grp_npos);
    tb_survey_end_pass1(p->s);
    for (long c = 0; c < co->npsu; c++) {
        for (long k = co->start[c]; k < co->start[c + 1]; k++)
            add_record(p->s, &p->rs.p[co->order[k]], NULL);
        tb_survey_end_cluster(p->s, co->psu_stratum[c]);
    }
}

/* Computes every estimate from the records. Returns 0 or -1 (no memory). */
static int estimate(tb_prevalence *p, bool clustered)
{
    /* One cluster in all: each row is its own cluster (as anthro's ids = ~1). */
    if (clustered && p->psus.count == 1) {
        clustered = false;
        for (long i = 0; i < p->rs.n; i++)
            p->rs.p[i].psu = (int32_t)i;
    }
    cluster_order co = {0, NULL, NULL, NULL};
    int rc = -1;
    if (order_by_cluster(p, clustered ? p->psus.count : p->rs.n, &co))
        goto done;
    p->ngroups = FIXED_GROUPS + (int)p->byvals.count;
    int nslot = p->ngroups * SLOTS, nstrata = (int)p->strata.count;
    p->mem = malloc(tb_survey_size(nslot, NVAL, nstrata));
    p->grp_npos = calloc((size_t)p->ngroups, sizeof *p->grp_npos);
    if (!p->mem || !p->grp_npos)
        goto done;
    p->s = tb_survey_init(p->mem, nslot, NVAL, nstrata, p->clusters);
    survey_passes(p, &co);
    rc = 0;
done:
    free(co.start);
    free(co.order);
    free(co.psu_stratum);
    return rc;
}

tb_prevalence *tb_prevalence_csv(FILE *in, const tb_prevalence_options *o, tb_prevalence_stats *st,
                                 char *err, size_t errlen)
{
    *st = (tb_prevalence_stats){0, 0, 0, 0, 0};
    tb_prevalence *p = calloc(1, sizeof *p);
    reading rd = {.r = tb_csv_open(in, NULL)};
    if (!p || !rd.r || !(p->by_name = strdup(o->by ? o->by : ""))) {
        snprintf(err, errlen, "memori habis");
        goto fail;
    }
    tb_strtab_init(&p->psus);
    tb_strtab_init(&p->strata);
    tb_strtab_init(&p->byvals);
    p->design = o->cluster || o->strata || o->weight;
    if (read_header(&rd, o, err, errlen) || read_rows(p, &rd, o, st, err, errlen))
        goto fail;
    if (estimate(p, rd.ccol >= 0)) {
        snprintf(err, errlen, "memori habis");
        goto fail;
    }
    tb_csv_close(rd.r);
    return p;
fail:
    tb_csv_close(rd.r);
    tb_prevalence_free(p);
    return NULL;
}

void tb_prevalence_free(tb_prevalence *p)
{
    if (!p)
        return;
    free(p->mem);
    free(p->grp_npos);
    free(p->clusters);
    free(p->rs.p);
    free(p->by_name);
    tb_strtab_free(&p->psus);
    tb_strtab_free(&p->strata);
    tb_strtab_free(&p->byvals);
    free(p);
}

/* --- writing --------------------------------------------------------------- */

/* Writes a number the way R writes it (15 significant digits); NA for NAN. */
static void put_num(FILE *f, double x)
{
    if (isnan(x))
        fputs("NA", f);
    else
        fprintf(f, "%.15g", x);
}

/* Writes n numbers, each after a comma. */
static void put_nums(FILE *f, const double *v, int n)
{
    for (int j = 0; j < n; j++) {
        fputc(',', f);
        put_num(f, v[j]);
    }
}

/* The label of group g. */
static void group_label(char *buf, size_t n, int g, const tb_prevalence *p)
{
    if (g == 0)
        snprintf(buf, n, "All");
    else if (g < 7)
        snprintf(buf, n, "Age group: %s", age_labels[g - 1]);
    else if (g < 9)
        snprintf(buf, n, "Sex: %s", sex_labels[g - 7]);
    else if (g < FIXED_GROUPS)
        snprintf(buf, n, "Age + sex: %s.%s", age_labels[(g - 9) % 6], sex_labels[(g - 9) / 6]);
    else
        snprintf(buf, n, "%s: %s", p->by_name, p->byvals.strs[g - FIXED_GROUPS]);
}

/* Writes a CSV field, quoted when needed. */
static void put_field(FILE *f, const char *s)
{
    char q[1024];
    size_t n = strlen(s);
    if (n > 500)
        n = 500;
    size_t k = tb_csv_quote(q, s, n, ',');
    fwrite(q, 1, k, f);
}

static const char *const anthro_prefix[NIND] = {"HA", "WA", "WH", "BMI"};
static const char *const anthro_pop[NIND] = {"HAZ", "WAZ", "WHZ", "BMIZ"};
static const char *const cut_suffix[NVAL] = {"_3", "_2", "_1", "1", "2", "3"};
static const char *const cut_long[NVAL] = {"<-3", "<-2", "<-1", ">+1", ">+2", ">+3"};
static const char *const ind_name[NIND] = {"zlen", "zwei", "zwfl", "zbmi"};

/* anthro_prevalence()'s column order: HA, WA, BMI, WH. */
static const int anthro_order[NIND] = {0, 1, 3, 2};

/*
 * The mean's estimate; with a design the standard deviation follows R
 * survey's svyvar(), whose n counts every row of the group with a positive
 * weight.
 */
static tb_survey_est mean_est(const tb_prevalence *p, int g, int i)
{
    tb_survey_est e = tb_survey_estimate(p->s, g * SLOTS + NIND + i, 0, 0);
    if (p->design)
        e.stdev = tb_survey_stdev(p->s, g * SLOTS + NIND + i, 0, p->grp_npos[g]);
    return e;
}

/* A proportion's estimate, SE and interval in percent. */
static void put_percent(FILE *f, const tb_survey_est *e)
{
    double v[4] = {e->r * 100, e->se * 100, e->ll * 100, e->ul * 100};
    put_nums(f, v, 4);
}

static void anthro_header(FILE *f)
{
    fputs("\"Group\"", f);
    for (int k = 0; k < NIND; k++) {
        const char *x = anthro_prefix[anthro_order[k]], *pop = anthro_pop[anthro_order[k]];
        fprintf(f, ",\"%s_pop\",\"%s_unwpop\"", pop, pop);
        for (int c = 0; c < NVAL; c++) {
            const char *s = cut_suffix[c];
            fprintf(f, ",\"%s%s_r\",\"%s%s_se\",\"%s%s_ll\",\"%s%s_ul\"", x, s, x, s, x, s, x, s);
        }
        fprintf(f, ",\"%s_r\",\"%s_se\",\"%s_ll\",\"%s_ul\",\"%s_stdev\"", x, x, x, x, x);
    }
    fputs(",\"HA_2_WH_2_pop\",\"HA_2_WH_2_unwpop\",\"HA_2_WH_2_r\",\"HA_2_WH_2_se\","
          "\"HA_2_WH_2_ll\",\"HA_2_WH_2_ul\",\"HA_2_WH2_r\",\"HA_2_WH2_se\",\"HA_2_WH2_ll\","
          "\"HA_2_WH2_ul\"\n",
          f);
}

/* One group's row of anthro's table. */
static void anthro_row(FILE *f, const tb_prevalence *p, int g)
{
    char label[600];
    group_label(label, sizeof label, g, p);
    fprintf(f, "\"%s\"", label);
    int base = g * SLOTS;
    for (int k = 0; k < NIND; k++) {
        int i = anthro_order[k];
        tb_survey_est e = tb_survey_estimate(p->s, base + i, 0, 1);
        double pop[2] = {e.pop, e.unwpop};
        put_nums(f, pop, 2);
        for (int c = 0; c < NVAL; c++) {
            e = tb_survey_estimate(p->s, base + i, c, 1);
            put_percent(f, &e);
        }
        e = mean_est(p, g, i);
        double m[5] = {e.r, e.se, e.ll, e.ul, e.stdev};
        put_nums(f, m, 5);
    }
    for (int c = 0; c < 2; c++) {
        tb_survey_est e = tb_survey_estimate(p->s, base + 2 * NIND, c, 1);
        if (c == 0) {
            double pop[2] = {e.pop, e.unwpop};
            put_nums(f, pop, 2);
        }
        put_percent(f, &e);
    }
    fputc('\n', f);
}

/* One row of the long format. */
static void long_row(FILE *f, const char *label, const char *ind, const tb_survey_est *e,
                     bool percent)
{
    double k = percent ? 100 : 1;
    put_field(f, label);
    fprintf(f, ",%s,", ind);
    put_num(f, e->pop);
    fputc(',', f);
    put_num(f, e->unwpop);
    double v[5] = {e->r * k, e->se * k, e->ll * k, e->ul * k, e->stdev};
    for (int j = 0; j < 5; j++) {
        fputc(',', f);
        if (j < 4 || !percent)
            put_num(f, v[j]);
    }
    fputc('\n', f);
}

/* One group's rows of the long format. */
static void long_group(FILE *f, const tb_prevalence *p, int g)
{
    char label[600], ind[64];
    group_label(label, sizeof label, g, p);
    int base = g * SLOTS;
    for (int i = 0; i < NIND; i++) {
        for (int c = 0; c < NVAL; c++) {
            tb_survey_est e = tb_survey_estimate(p->s, base + i, c, 1);
            snprintf(ind, sizeof ind, "%s%s", ind_name[i], cut_long[c]);
            long_row(f, label, ind, &e, true);
        }
        tb_survey_est e = mean_est(p, g, i);
        snprintf(ind, sizeof ind, "%s mean", ind_name[i]);
        long_row(f, label, ind, &e, false);
    }
    tb_survey_est e = tb_survey_estimate(p->s, base + 2 * NIND, 0, 1);
    long_row(f, label, "zlen<-2 & zwfl<-2", &e, true);
    e = tb_survey_estimate(p->s, base + 2 * NIND, 1, 1);
    long_row(f, label, "zlen<-2 & zwfl>+2", &e, true);
}

void tb_prevalence_write(const tb_prevalence *p, FILE *out, tb_prevalence_format f)
{
    if (f == TB_PREVALENCE_ANTHRO)
        anthro_header(out);
    else
        fputs("group,indicator,pop,unwpop,estimate,se,ll,ul,stdev\n", out);
    for (int g = 0; g < p->ngroups; g++) {
        if (f == TB_PREVALENCE_ANTHRO)
            anthro_row(out, p, g);
        else
            long_group(out, p, g);
    }
}
