/*
 * test_antrian.c - per-user keys of the offline queue (store/antrian.h):
 * a user's key is created once and then always the same; users' keys differ.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/antrian.h"
#include "store/internal.h"
#include "store/store.h"
#include "store/users.h"
#include "tb_test.h"

int main(void)
{
    char path[] = "/tmp/tumbuh-test-antrian-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    unlink(path);
    tb_store *s;
    char err[256];
    CHECK(tb_store_open(path, &s, err, sizeof err) == 0, "open: %s", err);
    if (!s)
        TB_TEST_MAIN_END();
    long a = 0, b = 0;
    CHECK(tb_store_exec(s, "INSERT INTO wilayah VALUES ('35', 1, NULL, 'P', 0, NULL)") == 0 &&
              tb_store_user_create(s, "a", "A", "h", "kader", "35", 0, &a) == 0 &&
              tb_store_user_create(s, "b", "B", "h", "kader", "35", 0, &b) == 0,
          "two users: %s", tb_store_error(s));
    char ka[TB_ANTRIAN_KEY_LEN] = "", ka2[TB_ANTRIAN_KEY_LEN] = "", kb[TB_ANTRIAN_KEY_LEN] = "";
    CHECK(tb_store_antrian_kunci(s, a, "AAAA", ka) == 0 && !strcmp(ka, "AAAA"),
          "first key of a stored: %s", ka);
    CHECK(tb_store_antrian_kunci(s, a, "CCCC", ka2) == 0 && !strcmp(ka2, "AAAA"),
          "a keeps its key: %s", ka2);
    CHECK(tb_store_antrian_kunci(s, b, "BBBB", kb) == 0 && !strcmp(kb, "BBBB"),
          "b has its own key: %s", kb);
    CHECK(tb_store_antrian_kunci(s, a, NULL, ka2) == 0 && !strcmp(ka2, "AAAA"),
          "an existing key needs no fresh one");
    CHECK(tb_store_antrian_kunci(s, 999, NULL, ka2) == -1, "no key and none given: error");
    tb_store_close(s);
    char f[300];
    const char *ext[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(f, sizeof f, "%s%s", path, ext[i]);
        unlink(f);
    }
    TB_TEST_MAIN_END();
}
