/*
 * test_match.c - name match keys and similarity (lib/match.c).
 */
#include <string.h>

#include "tb_match.h"
#include "tb_test.h"

static const char *key(const char *name)
{
    static char buf[TB_NAME_KEY_MAX + 1];
    tb_name_key(name, strlen(name), buf, sizeof buf);
    return buf;
}

/* Two names give the same key. */
#define SAME(a, b)                                                                                 \
    do {                                                                                           \
        char ka[TB_NAME_KEY_MAX + 1];                                                              \
        snprintf(ka, sizeof ka, "%s", key(a));                                                     \
        CHECK(!strcmp(ka, key(b)), "'%s' -> '%s' but '%s' -> '%s'", a, ka, b, key(b));             \
    } while (0)

/* The keys of two names differ. */
static int differ(const char *a, const char *b)
{
    char ka[TB_NAME_KEY_MAX + 1];
    snprintf(ka, sizeof ka, "%s", key(a));
    return strcmp(ka, key(b)) != 0;
}

/* The keys of two names match (equal or similar enough). */
static int keys_match(const char *a, const char *b)
{
    char ka[TB_NAME_KEY_MAX + 1];
    snprintf(ka, sizeof ka, "%s", key(a));
    return tb_name_match(ka, key(b));
}

int main(void)
{
    /* Case, spaces, punctuation. */
    CHECK_STR(key("  SITI   Aminah "), "siti amina");
    CHECK_STR(key("Siti-Aminah"), "siti amina");
    CHECK_STR(key(""), "");
    CHECK_STR(key("..."), "");
    CHECK_STR(key("Ma'ruf"), "maruf");
    CHECK_STR(key("Ma\xe2\x80\x99ruf"), "maruf");
    /* Accents, UTF-8 and Latin-1. */
    CHECK_STR(key("Jos\xc3\xa9"), "jose");
    CHECK_STR(key("Jos\xe9"), "jose");
    CHECK_STR(key("Ren\xc3\xa9\xe6\xbc\xa2"), "rene");
    /* Titles before and after, particles. */
    SAME("Hj. Siti Aminah, S.Pd", "Siti Aminah");
    SAME("Dr. Ir. Budi Santoso, M.Kes", "budi santoso");
    SAME("Ny. Sri Wahyuni", "Sri Wahyuni");
    SAME("By. Ny. Sri Wahyuni", "Sri Wahyuni");
    SAME("An. Putri Lestari", "Putri Lestari");
    SAME("Siti Aminah binti Achmad", "Siti Aminah Ahmad");
    SAME("Ahmad bin Yusuf", "Ahmad Yusuf");
    SAME("Dewi Sartika Amd.Keb", "Dewi Sartika");
    SAME("Dewi Sartika, A.Md.Keb.", "Dewi Sartika");
    CHECK_STR(key("Haji"), "haji"); /* only a title: kept */
    CHECK_STR(key("Bu Siti"), "siti");
    /* Old spelling and variants. */
    SAME("Djoko Soesilo", "Joko Susilo");
    SAME("Tjipto", "Cipto");
    SAME("Soekarno", "Sukarno");
    SAME("Njoman", "Nyoman");
    SAME("Sjahrir", "Syahrir");
    SAME("Syarifah", "Sarifah");
    SAME("Achmad", "Ahmad");
    SAME("Khairul", "Hairul");
    SAME("Ramadhan", "Ramadan");
    SAME("Fathimah", "Fatimah");
    SAME("Taufiq", "Taufik");
    SAME("Novi", "Nofi");
    SAME("Rizky", "Rizki");
    SAME("Aisyah", "Aisya");
    SAME("Dzikri", "Zikri");
    SAME("Tsabita", "Sabita");
    /* Muhammad in its many forms. */
    SAME("M. Rizki", "Muhammad Rizki");
    SAME("Moh. Rizki", "Mohammad Rizky");
    SAME("Mochammad Rizki", "Muhamad Rizki");
    SAME("Muh Rizki", "MUHAMMAD RIZKI");
    SAME("M.Rizki", "Muhammad Rizki");
    SAME("Abd. Rahman", "Abdul Rahman");
    /* Different names stay different. */
    CHECK(differ("Budi", "Bude"), "budi/bude differ");
    CHECK(differ("Putra Adi", "Putri Adi"), "putra/putri differ");
    CHECK(differ("Dewi", "Dewa"), "dewi/dewa differ");
    /* Output buffer limits. */
    char small[5];
    CHECK(tb_name_key("Siti Aminah", 11, small, sizeof small) == 4 && !strcmp(small, "siti"),
          "cut to the buffer: '%s'", small);
    char one[1];
    CHECK(tb_name_key("Siti", 4, one, 1) == 0 && one[0] == 0, "cap 1 gives an empty key");
    char big[TB_NAME_KEY_MAX + 1];
    char longname[600];
    for (int i = 0; i < 599; i++)
        longname[i] = (i % 7 == 6) ? ' ' : (char)('a' + i % 5);
    longname[599] = 0;
    size_t n = tb_name_key(longname, strlen(longname), big, sizeof big);
    CHECK(n <= TB_NAME_KEY_MAX && strlen(big) == n, "long name cut to %zu", n);
    CHECK(tb_name_key(NULL, 0, big, sizeof big) == 0, "NULL name");
    /* Binary junk does not crash and gives ASCII. */
    char junk[256];
    for (int i = 0; i < 256; i++)
        junk[i] = (char)(255 - i);
    n = tb_name_key(junk, sizeof junk, big, sizeof big);
    int ascii = 1;
    for (size_t i = 0; i < n; i++)
        ascii &=
            (big[i] >= 'a' && big[i] <= 'z') || (big[i] >= '0' && big[i] <= '9') || big[i] == ' ';
    CHECK(ascii, "junk gives lowercase ASCII: '%s'", big);

    /* Similarity: Jaro-Winkler, spaces ignored. */
    CHECK_NEAR(tb_name_similarity("martha", "marhta"), 0.9611, 0.0001);
    CHECK_NEAR(tb_name_similarity("dwayne", "duane"), 0.84, 0.0001);
    CHECK_NEAR(tb_name_similarity("dixon", "dicksonx"), 0.8133, 0.0001);
    CHECK_NEAR(tb_name_similarity("siti amina", "siti amina"), 1.0, 0);
    CHECK_NEAR(tb_name_similarity("nur aini", "nuraini"), 1.0, 0);
    CHECK_NEAR(tb_name_similarity("", "budi"), 0.0, 0);
    CHECK_NEAR(tb_name_similarity("abc", "xyz"), 0.0, 0);
    CHECK(tb_name_similarity("a", "a") == 1.0, "one letter");
    CHECK(keys_match("Siti Aminah", "Siti Aminan"), "typo matches");
    CHECK(keys_match("Nurul Hidayah", "Nurul Hidayat"), "one letter at the end");
    CHECK(keys_match("Nur Aini", "Nuraini"), "space");
    CHECK(!keys_match("Hasan", "Husein"), "twins' names differ");
    CHECK(!keys_match("Budi Santoso", "Agus Santoso"), "other first name");
    CHECK(!tb_name_match("", ""), "empty never matches");
    CHECK(!tb_name_match(NULL, "budi"), "NULL never matches");
    double s1 = tb_name_similarity("budi", "budiman"), s2 = tb_name_similarity("budiman", "budi");
    CHECK(s1 == s2, "symmetric (%f, %f)", s1, s2);
    TB_TEST_MAIN_END();
}
