/*
 * tb_test.h - the tiny harness every C test uses.
 *
 * CHECK(cond, fmt, ...) counts a pass or a failure (and prints the failure
 * with file and line). TB_TEST_MAIN_END prints "N passed, N failed" and
 * returns non-zero when anything failed. tests/run.sh sums these lines.
 */
#ifndef TB_TEST_H
#define TB_TEST_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int tb_test_passed, tb_test_failed;

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (cond) {                                                                                \
            tb_test_passed++;                                                                      \
        } else {                                                                                   \
            tb_test_failed++;                                                                      \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                   \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
        }                                                                                          \
    } while (0)

#define CHECK_NEAR(a, b, eps)                                                                      \
    CHECK(fabs((double)(a) - (double)(b)) <= (eps), "%s = %.6f, expected %.6f", #a, (double)(a),   \
          (double)(b))

#define CHECK_STR(a, b)                                                                            \
    CHECK(strcmp((a), (b)) == 0, "%s = \"%s\", expected \"%s\"", #a, (a), (b))

#define TB_TEST_MAIN_END()                                                                         \
    do {                                                                                           \
        printf("%d passed, %d failed\n", tb_test_passed, tb_test_failed);                          \
        return tb_test_failed ? 1 : 0;                                                             \
    } while (0)

#endif
