/*
 * cmd_prevalence.c - `tumbuh prevalence`: WHO's prevalence estimates for a CSV file.
 *
 *   tumbuh prevalence [--cluster COL] [--strata COL] [--weight COL] [--by COL]
 *                     [--format long|anthro] [-o OUT] FILE
 *
 * Reads the file once (z-scores computed on the fly with the growth engine),
 * keeps a compact record per child (about 32 bytes), and makes the two
 * passes of lib/survey.c over them in cluster order. The rules are those of
 * WHO's anthro_prevalence() (shared/domain/who-growth-method.md,
 * "Prevalence"): flagged z-scores left out; oedema counted as z = -3.1 in
 * the weight-based prevalences but left out of their means; rows over 1826
 * days left out; rows with no cluster or stratum left out (with a warning).
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format/anthro_input.h"
#include "cli/commands.h"
#include "format/csv.h"
#include "base/strtab.h"
#include "tb_growth.h"
#include "tb_survey.h"
#include "base/who_tables.h"

#define Z_NA INT16_MIN
#define NIND 4    /* zlen, zwei, zwfl, zbmi */
#define NVAL 6    /* values per slot: six cut-offs */
#define SLOTS 9   /* per group: 4 prevalence, 4 mean, 1 combined */
#define FIXED_GROUPS 21

/* One child in the analysis. */
typedef struct {
    int32_t psu;     /* cluster (within its stratum), or the row itself */
    int32_t stratum;
    int32_t by;      /* value of --by, or -1 */
    int16_t z[NIND]; /* hundredths; Z_NA = missing or flagged */
    int8_t agegrp;   /* 0-5, or -1 */
    int8_t sex;      /* 0 female, 1 male, -1 */
    uint8_t oedema;
    double w;
} rec;

static const tb_indicator inds[NIND] = {TB_ZLEN, TB_ZWEI, TB_ZWFL, TB_ZBMI};
static const char *const age_labels[6] = {"00-05 mo", "06-11 mo", "12-23 mo",
                                          "24-35 mo", "36-47 mo", "48-59 mo"};
static const char *const sex_labels[2] = {"Female", "Male"};

typedef struct {
    const char *cluster, *strata, *weight, *by;
    const char *format;
    const char *out;
    const char *in;
} options;

static void usage(FILE *f)
{
    fprintf(f, "usage: tumbuh prevalence [--cluster COL] [--strata COL] [--weight COL] [--by COL]\n"
               "                         [--format long|anthro] [-o OUT] FILE\n"
               "Prevalence below -3/-2/-1 and above +1/+2/+3 SD, mean and SD of zlen, zwei,\n"
               "zwfl and zbmi, stunting with wasting and with overweight, with SE and 95%% CI\n"
               "(WHO method; complex designs as R's survey package).\n");
}

static int parse_args(int argc, char **argv, options *o)
{
    memset(o, 0, sizeof *o);
    o->format = "long";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **dst = NULL;
        if (!strcmp(a, "--cluster"))
            dst = &o->cluster;
        else if (!strcmp(a, "--strata"))
            dst = &o->strata;
        else if (!strcmp(a, "--weight"))
            dst = &o->weight;
        else if (!strcmp(a, "--by"))
            dst = &o->by;
        else if (!strcmp(a, "--format"))
            dst = &o->format;
        else if (!strcmp(a, "-o"))
            dst = &o->out;
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            exit(0);
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "tumbuh prevalence: unknown option '%s'\n", a);
            return -1;
        } else if (o->in) {
            fprintf(stderr, "tumbuh prevalence: one input file at a time\n");
            return -1;
        } else {
            o->in = a;
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "tumbuh prevalence: %s needs a value\n", a);
            return -1;
        }
        *dst = argv[++i];
    }
    if (strcmp(o->format, "long") && strcmp(o->format, "anthro")) {
        fprintf(stderr, "tumbuh prevalence: --format is long or anthro\n");
        return -1;
    }
    if (!o->in) {
        usage(stderr);
        return -1;
    }
    return 0;
}

/* The header index of a column named exactly (case-insensitive), or -1. */
static int find_column(const tb_csv_row *h, const char *name)
{
    for (int i = 0; i < h->nfields; i++)
        if (!strcasecmp(h->fields[i], name))
            return i;
    return -1;
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

/* A growable array of records. */
typedef struct {
    rec *p;
    long n, cap;
} recs;

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

/* Writes a number the way R writes it (15 significant digits); NA for NAN. */
static void put_num(FILE *f, double x)
{
    if (isnan(x))
        fputs("NA", f);
    else
        fprintf(f, "%.15g", x);
}

/* The label of group g. */
static void group_label(char *buf, size_t n, int g, const char *by_name, const tb_strtab *by)
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
        snprintf(buf, n, "%s: %s", by_name, by->strs[g - FIXED_GROUPS]);
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
 * The mean's estimate; with a design (design_n != NULL) the standard
 * deviation follows R survey's svyvar(), whose n counts every row of the
 * group with a positive weight.
 */
static tb_survey_est mean_est(const tb_survey *s, int g, int i, const double *design_n)
{
    tb_survey_est e = tb_survey_estimate(s, g * SLOTS + NIND + i, 0, 0);
    if (design_n)
        e.stdev = tb_survey_stdev(s, g * SLOTS + NIND + i, 0, design_n[g]);
    return e;
}

static void write_anthro(FILE *f, const tb_survey *s, int ngroups, const char *by_name,
                         const tb_strtab *by, const double *design_n)
{
    fputs("\"Group\"", f);
    for (int k = 0; k < NIND; k++) {
        int i = anthro_order[k];
        fprintf(f, ",\"%s_pop\",\"%s_unwpop\"", anthro_pop[i], anthro_pop[i]);
        for (int c = 0; c < NVAL; c++)
            fprintf(f, ",\"%s%s_r\",\"%s%s_se\",\"%s%s_ll\",\"%s%s_ul\"", anthro_prefix[i],
                    cut_suffix[c], anthro_prefix[i], cut_suffix[c], anthro_prefix[i],
                    cut_suffix[c], anthro_prefix[i], cut_suffix[c]);
        fprintf(f, ",\"%s_r\",\"%s_se\",\"%s_ll\",\"%s_ul\",\"%s_stdev\"", anthro_prefix[i],
                anthro_prefix[i], anthro_prefix[i], anthro_prefix[i], anthro_prefix[i]);
    }
    fputs(",\"HA_2_WH_2_pop\",\"HA_2_WH_2_unwpop\",\"HA_2_WH_2_r\",\"HA_2_WH_2_se\","
          "\"HA_2_WH_2_ll\",\"HA_2_WH_2_ul\",\"HA_2_WH2_r\",\"HA_2_WH2_se\",\"HA_2_WH2_ll\","
          "\"HA_2_WH2_ul\"\n",
          f);
    for (int g = 0; g < ngroups; g++) {
        char label[600];
        group_label(label, sizeof label, g, by_name, by);
        fputc('"', f);
        fputs(label, f);
        fputc('"', f);
        int base = g * SLOTS;
        for (int k = 0; k < NIND; k++) {
            int i = anthro_order[k];
            tb_survey_est e = tb_survey_estimate(s, base + i, 0, 1);
            fputc(',', f);
            put_num(f, e.pop);
            fputc(',', f);
            put_num(f, e.unwpop);
            for (int c = 0; c < NVAL; c++) {
                e = tb_survey_estimate(s, base + i, c, 1);
                double v[4] = {e.r * 100, e.se * 100, e.ll * 100, e.ul * 100};
                for (int j = 0; j < 4; j++) {
                    fputc(',', f);
                    put_num(f, v[j]);
                }
            }
            e = mean_est(s, g, i, design_n);
            double m[5] = {e.r, e.se, e.ll, e.ul, e.stdev};
            for (int j = 0; j < 5; j++) {
                fputc(',', f);
                put_num(f, m[j]);
            }
        }
        for (int c = 0; c < 2; c++) {
            tb_survey_est e = tb_survey_estimate(s, base + 2 * NIND, c, 1);
            if (c == 0) {
                fputc(',', f);
                put_num(f, e.pop);
                fputc(',', f);
                put_num(f, e.unwpop);
            }
            double v[4] = {e.r * 100, e.se * 100, e.ll * 100, e.ul * 100};
            for (int j = 0; j < 4; j++) {
                fputc(',', f);
                put_num(f, v[j]);
            }
        }
        fputc('\n', f);
    }
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

static void write_long(FILE *f, const tb_survey *s, int ngroups, const char *by_name,
                       const tb_strtab *by, const double *design_n)
{
    fputs("group,indicator,pop,unwpop,estimate,se,ll,ul,stdev\n", f);
    for (int g = 0; g < ngroups; g++) {
        char label[600], ind[64];
        group_label(label, sizeof label, g, by_name, by);
        int base = g * SLOTS;
        for (int i = 0; i < NIND; i++) {
            for (int c = 0; c < NVAL; c++) {
                tb_survey_est e = tb_survey_estimate(s, base + i, c, 1);
                snprintf(ind, sizeof ind, "%s%s", ind_name[i], cut_long[c]);
                long_row(f, label, ind, &e, true);
            }
            tb_survey_est e = mean_est(s, g, i, design_n);
            snprintf(ind, sizeof ind, "%s mean", ind_name[i]);
            long_row(f, label, ind, &e, false);
        }
        tb_survey_est e = tb_survey_estimate(s, base + 2 * NIND, 0, 1);
        long_row(f, label, "zlen<-2 & zwfl<-2", &e, true);
        e = tb_survey_estimate(s, base + 2 * NIND, 1, 1);
        long_row(f, label, "zlen<-2 & zwfl>+2", &e, true);
    }
}

int tb_cmd_prevalence(int argc, char **argv)
{
    options o;
    if (parse_args(argc, argv, &o))
        return 2;
    int status = 1;
    FILE *in = strcmp(o.in, "-") ? fopen(o.in, "rb") : stdin;
    if (!in) {
        fprintf(stderr, "tumbuh prevalence: cannot open %s: %s\n", o.in, strerror(errno));
        return 1;
    }
    tb_csv_reader *r = tb_csv_open(in, NULL);
    tb_strtab psus, strata, byvals;
    tb_strtab_init(&psus);
    tb_strtab_init(&strata);
    tb_strtab_init(&byvals);
    recs rs = {0};
    long *clusters = NULL, *order = NULL, *start = NULL;
    void *mem = NULL;
    double *grp_npos = NULL;
    FILE *out = NULL;
    char *tmp = NULL;
    tb_csv_row row;
    tb_csv_status cs = r ? tb_csv_next(r, &row) : TB_CSV_ERR_NOMEM;
    if (cs != TB_CSV_OK) {
        fprintf(stderr, "tumbuh prevalence: %s: %s\n", o.in,
                cs == TB_CSV_EOF ? "empty file: a CSV file with a header row is needed"
                                 : tb_csv_error(r));
        goto done;
    }
    tb_anthro_columns cols;
    char err[256];
    if (tb_anthro_columns_find(&row, &cols, err, sizeof err)) {
        fprintf(stderr, "tumbuh prevalence: %s: %s\n", o.in, err);
        goto done;
    }
    int ccol = -1, scol = -1, wcol = -1, bcol = -1;
    const char *names[4] = {o.cluster, o.strata, o.weight, o.by};
    int *idx[4] = {&ccol, &scol, &wcol, &bcol};
    for (int k = 0; k < 4; k++) {
        if (names[k] && (*idx[k] = find_column(&row, names[k])) < 0) {
            fprintf(stderr, "tumbuh prevalence: %s has no column '%s'\n", o.in, names[k]);
            goto done;
        }
    }
    bool decimal_comma = tb_csv_delimiter(r) != ',';
    bool clustered = ccol >= 0;
    long excluded_design = 0, excluded_age = 0, missing_weight = 0, unread = 0;

    while ((cs = tb_csv_next(r, &row)) == TB_CSV_OK) {
        tb_growth_input gi;
        tb_anthro_problem pr[8];
        unread += tb_anthro_row_read(&cols, &row, decimal_comma, &gi, pr, 8);
        tb_growth_result g;
        tb_growth_compute(&tb_who_tables_builtin, &gi, &g);
        if (g.age_days > 1826) {
            excluded_age++;
            continue;
        }
        rec x;
        memset(&x, 0, sizeof x);
        /* design columns */
        const char *cv = ccol >= 0 && ccol < row.nfields ? row.fields[ccol] : NULL;
        const char *sv = scol >= 0 && scol < row.nfields ? row.fields[scol] : "";
        if ((ccol >= 0 && (!cv || !*cv)) || (scol >= 0 && (scol >= row.nfields || !*sv))) {
            excluded_design++;
            continue;
        }
        long st = tb_strtab_intern(&strata, sv, strlen(sv));
        if (st < 0)
            goto nomem;
        x.stratum = (int32_t)st;
        if (clustered) {
            char key[1100];
            int n = snprintf(key, sizeof key, "%s\x1f%s", sv, cv);
            long p = tb_strtab_intern(&psus, key, (size_t)(n < 1099 ? n : 1099));
            if (p < 0)
                goto nomem;
            x.psu = (int32_t)p;
        } else {
            x.psu = (int32_t)rs.n;
        }
        x.w = 1;
        if (wcol >= 0) {
            double w = NAN;
            if (wcol >= row.nfields || tb_parse_number(row.fields[wcol], row.lens[wcol],
                                                       decimal_comma, &w) ||
                isnan(w)) {
                missing_weight++;
                w = 0;
            } else if (w < 0) {
                fprintf(stderr, "tumbuh prevalence: line %ld: negative sampling weight %s\n",
                        row.line, row.fields[wcol]);
                goto done;
            }
            x.w = w;
        }
        x.by = -1;
        if (bcol >= 0 && bcol < row.nfields && row.lens[bcol]) {
            long b = tb_strtab_intern(&byvals, row.fields[bcol], row.lens[bcol]);
            if (b < 0)
                goto nomem;
            x.by = (int32_t)b;
        }
        for (int i = 0; i < NIND; i++)
            x.z[i] = hundredths(g.z[inds[i]], g.flag[inds[i]]);
        x.oedema = gi.oedema;
        x.sex = gi.sex == TB_SEX_FEMALE ? 0 : gi.sex == TB_SEX_MALE ? 1 : -1;
        x.agegrp = -1;
        if (g.age_days >= 0) {
            double m = g.age_days / TB_DAYS_PER_MONTH;
            x.agegrp = m < 6 ? 0 : m < 12 ? 1 : m < 24 ? 2 : m < 36 ? 3 : m < 48 ? 4 : 5;
        }
        if (recs_push(&rs, &x))
            goto nomem;
    }
    if (cs != TB_CSV_EOF) {
        fprintf(stderr, "tumbuh prevalence: %s: %s\n", o.in, tb_csv_error(r));
        goto done;
    }
    if (rs.n == 0) {
        fprintf(stderr, "tumbuh prevalence: no rows left for the analysis\n");
        goto done;
    }
    /* One cluster in all: each row is its own cluster (as anthro's ids = ~1). */
    if (clustered && psus.count == 1) {
        clustered = false;
        for (long i = 0; i < rs.n; i++)
            rs.p[i].psu = (int32_t)i;
    }
    long npsu = clustered ? psus.count : rs.n;
    int nstrata = (int)strata.count;
    /* clusters per stratum, and the rows in cluster order (counting sort) */
    clusters = calloc((size_t)nstrata, sizeof *clusters);
    start = calloc((size_t)npsu + 1, sizeof *start);
    order = malloc((size_t)rs.n * sizeof *order);
    int32_t *psu_stratum = NULL;
    if (!clusters || !start || !order)
        goto nomem;
    psu_stratum = (int32_t *)malloc((size_t)npsu * sizeof *psu_stratum);
    if (!psu_stratum)
        goto nomem;
    for (long i = 0; i < rs.n; i++) {
        start[rs.p[i].psu + 1]++;
        psu_stratum[rs.p[i].psu] = rs.p[i].stratum;
    }
    for (long c = 0; c < npsu; c++) {
        start[c + 1] += start[c];
        clusters[psu_stratum[c]]++;
    }
    {
        long *pos = malloc((size_t)npsu * sizeof *pos);
        if (!pos) {
            free(psu_stratum);
            goto nomem;
        }
        memcpy(pos, start, (size_t)npsu * sizeof *pos);
        for (long i = 0; i < rs.n; i++)
            order[pos[rs.p[i].psu]++] = i;
        free(pos);
    }
    int ngroups = FIXED_GROUPS + (int)byvals.count;
    int nslot = ngroups * SLOTS;
    mem = malloc(tb_survey_size(nslot, NVAL, nstrata));
    if (!mem) {
        free(psu_stratum);
        goto nomem;
    }
    tb_survey *s = tb_survey_init(mem, nslot, NVAL, nstrata, clusters);
    grp_npos = calloc((size_t)ngroups, sizeof *grp_npos);
    if (!grp_npos) {
        free(psu_stratum);
        goto nomem;
    }
    for (long i = 0; i < rs.n; i++)
        add_record(s, &rs.p[order[i]], grp_npos);
    tb_survey_end_pass1(s);
    for (long c = 0; c < npsu; c++) {
        for (long k = start[c]; k < start[c + 1]; k++)
            add_record(s, &rs.p[order[k]], NULL);
        tb_survey_end_cluster(s, psu_stratum[c]);
    }
    free(psu_stratum);

    if (o.out) {
        size_t n = strlen(o.out) + 8;
        tmp = malloc(n);
        if (!tmp)
            goto nomem;
        snprintf(tmp, n, "%s.tmp", o.out);
        out = fopen(tmp, "wb");
        if (!out) {
            fprintf(stderr, "tumbuh prevalence: cannot write %s: %s\n", tmp, strerror(errno));
            goto done;
        }
    } else {
        out = stdout;
    }
    const char *by_name = o.by ? o.by : "";
    /* anthro uses R's survey package as soon as a design column is given */
    const double *design_n = (o.cluster || o.strata || o.weight) ? grp_npos : NULL;
    if (!strcmp(o.format, "anthro"))
        write_anthro(out, s, ngroups, by_name, &byvals, design_n);
    else
        write_long(out, s, ngroups, by_name, &byvals, design_n);
    if (fflush(out) || ferror(out)) {
        fprintf(stderr, "tumbuh prevalence: write error: %s\n", strerror(errno));
        goto done;
    }
    if (excluded_design)
        fprintf(stderr, "tumbuh prevalence: %ld rows left out: no cluster or stratum\n",
                excluded_design);
    if (missing_weight)
        fprintf(stderr,
                "tumbuh prevalence: %ld rows had no sampling weight: weight 0 (left out)\n",
                missing_weight);
    if (unread)
        fprintf(stderr, "tumbuh prevalence: %ld values could not be read (treated as missing)\n",
                unread);
    fprintf(stderr, "tumbuh prevalence: %ld rows analysed, %ld over 1826 days left out\n", rs.n,
            excluded_age);
    status = 0;
    goto done;
nomem:
    fprintf(stderr, "tumbuh prevalence: out of memory\n");
done:
    if (out && out != stdout) {
        if (fclose(out) && status == 0)
            status = 1;
        if (status == 0 && rename(tmp, o.out)) {
            fprintf(stderr, "tumbuh prevalence: cannot write %s: %s\n", o.out, strerror(errno));
            status = 1;
        }
        if (status != 0)
            unlink(tmp);
    }
    free(tmp);
    free(mem);
    free(grp_npos);
    free(clusters);
    free(start);
    free(order);
    free(rs.p);
    tb_strtab_free(&psus);
    tb_strtab_free(&strata);
    tb_strtab_free(&byvals);
    tb_csv_close(r);
    if (in != stdin)
        fclose(in);
    return status;
}
