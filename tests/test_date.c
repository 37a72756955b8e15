/*
 * test_date.c - lib/date.c: day numbers, real calendar dates only, and
 * "no date" kept apart from the days before 1970.
 */
#include "tb_date.h"
#include "tb_test.h"

static void test_strict_iso(void)
{
    CHECK(tb_date_iso("2026-11-30") == tb_date_days(2026, 11, 30), "a plain date");
    CHECK(tb_date_iso("2026-02-30") == TB_DATE_NONE, "30 February is no date");
    CHECK(tb_date_iso("2026-04-31") == TB_DATE_NONE, "31 April is no date");
    CHECK(tb_date_iso("2023-02-29") == TB_DATE_NONE, "29 February outside a leap year");
    CHECK(tb_date_iso("2024-02-29") == tb_date_days(2024, 2, 29), "29 February 2024");
    CHECK(tb_date_iso("2000-02-29") != TB_DATE_NONE, "2000 is a leap year");
    CHECK(tb_date_iso("1900-02-29") == TB_DATE_NONE, "1900 is not");
    CHECK(tb_date_iso("2026-11-30x") == TB_DATE_NONE, "trailing characters refused");
    CHECK(tb_date_iso("2026-11-30 ") == TB_DATE_NONE, "a trailing space refused");
    CHECK(tb_date_iso("2026-11-3") == TB_DATE_NONE, "too short");
    CHECK(tb_date_iso("2026-13-01") == TB_DATE_NONE, "month 13");
    CHECK(tb_date_iso("2026-00-10") == TB_DATE_NONE, "month 0");
    CHECK(tb_date_iso("2026-11-00") == TB_DATE_NONE, "day 0");
    CHECK(tb_date_iso("") == TB_DATE_NONE && tb_date_iso(NULL) == TB_DATE_NONE, "empty, NULL");
    CHECK(tb_date_iso_prefix("2026-11-30T08:15:00Z") == tb_date_days(2026, 11, 30),
          "a timestamp's day");
    CHECK(tb_date_iso_prefix("2026-02-30T08:15:00Z") == TB_DATE_NONE, "a timestamp's bad day");
}

static void test_before_1970(void)
{
    CHECK(tb_date_iso("1970-01-01") == 0, "day 0 is 1 January 1970");
    CHECK(tb_date_iso("1969-12-31") == -1, "the day before is -1, a date like any other");
    long d = tb_date_iso("1950-06-15");
    CHECK(d != TB_DATE_NONE && d < 0, "a grandparent's birth date");
    long y;
    unsigned m, dd;
    tb_date_civil(d, &y, &m, &dd);
    CHECK(y == 1950 && m == 6 && dd == 15, "and back: %ld-%u-%u", y, m, dd);
    CHECK(TB_DATE_NONE < tb_date_days(1, 1, 1), "no date is before every date");
}

static void test_valid(void)
{
    CHECK(tb_date_valid(2024, 2, 29) && !tb_date_valid(2025, 2, 29), "leap years");
    CHECK(tb_date_valid(2025, 12, 31) && !tb_date_valid(2025, 12, 32), "31 December");
    CHECK(!tb_date_valid(2025, 0, 1) && !tb_date_valid(2025, 13, 1), "months 1-12");
}

int main(void)
{
    test_strict_iso();
    test_before_1970();
    test_valid();
    TB_TEST_MAIN_END();
}
