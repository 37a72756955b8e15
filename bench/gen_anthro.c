/*
 * gen_anthro.c - benchmark data: N rows of under-five measurements.
 *
 * Usage: gen_anthro N [SEED] [design] > file.csv
 * Columns: id,sex,age_days,weight,lenhei,measure,oedema,headc,armc,triskin,subskin
 * and with "design" also cluster,strata,sw (2,000 clusters in 20 strata).
 * Values are drawn around WHO medians (deterministic for a seed), with a few
 * missing values and oedema cases, so every indicator is exercised.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state;

/* xorshift64*: a small deterministic generator. */
static double uniform(void)
{
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return (double)((state * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

static double normal(void)
{
    double u = uniform(), v = uniform();
    return sqrt(-2 * log(u + 1e-300)) * cos(2 * M_PI * v);
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    state = argc > 2 ? strtoull(argv[2], NULL, 10) : 42;
    if (!state)
        state = 42;
    static char buf[1 << 20];
    setvbuf(stdout, buf, _IOFBF, sizeof buf);
    int design = argc > 3 && !strcmp(argv[3], "design");
    printf("id,sex,age_days,weight,lenhei,measure,oedema,headc,armc,triskin,subskin%s\n",
           design ? ",cluster,strata,sw" : "");
    for (long i = 1; i <= n; i++) {
        int sex = uniform() < 0.5 ? 1 : 2;
        int age = (int)(uniform() * 1826);
        double mo = age / 30.4375;
        /* rough growth curves: length, weight, head circumference */
        double len = 49.5 + 25 * (1 - exp(-mo / 9.0)) + 0.55 * mo * (mo > 12) + 3.2 * normal();
        double wt = 3.3 + 6.5 * (1 - exp(-mo / 5.5)) + 0.17 * mo + 1.1 * normal();
        double hc = 34.5 + 13 * (1 - exp(-mo / 7.0)) + 1.3 * normal();
        double arm = 13.5 + 0.04 * mo + 1.1 * normal();
        double tri = 9 + 1.6 * normal(), sub = 7 + 1.3 * normal();
        char measure = age < 731 ? 'l' : 'h';
        if (uniform() < 0.08)
            measure = measure == 'l' ? 'h' : 'l';
        char oed = uniform() < 0.005 ? 'y' : 'n';
        printf("%ld,%d,%d,%.1f,%.1f,%c,%c,%.1f,%.1f,%.1f,%.1f", i, sex, age, wt < 0.5 ? 0.5 : wt,
               len, measure, oed, hc, arm, tri < 1 ? 1 : tri, sub < 1 ? 1 : sub);
        if (design) {
            int cluster = (int)(uniform() * 2000);
            printf(",%d,%d,%.4f", cluster, cluster / 100, 0.5 + uniform());
        }
        putchar('\n');
    }
    return 0;
}
