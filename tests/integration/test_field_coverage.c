/*
 * test_field_coverage.c: every field of the kind registry must be added, dropped and changed
 * by at least one round-trip pair, so that test coverage cannot silently lag the model.
 * "Added"/"dropped": an object created/dropped (directly or inside a created/dropped table)
 * with the field at a non-zero value; "changed": an ALTER whose fields or notes name it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <dirent.h>
#include <unistd.h>

#include <sqlite3.h>

#include "diff/diff.h"
#include "introspect/introspect.h"
#include "model/model.h"
#include "util/util.h"

enum {
    ADDED,
    DROPPED,
    CHANGED
};
static unsigned seen[SD_KIND__COUNT][64];
static const char *cases_dir;

static void
load(const char *sql_path, const char *db_path)
{
    sd_buf sql = SD_BUF_INIT;
    sd_err err = SD_ERR_INIT;
    assert_int_equal(sd_fs_read_all(&sql, sql_path, &err), SD_OK);
    unlink(db_path);
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
    char *msg = NULL;
    if (sqlite3_exec(db, sd_buf_cstr(&sql), NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql_path, msg);
    sqlite3_close(db);
    sd_buf_dispose(&sql);
}

static void
mark_object(const sd_model *m, const sd_object *o, int what)
{
    const sd_kind_info *ki = sd_kind_get(o->kind);
    for (size_t f = 0; f < ki->nfields; f++)
        if (!sd_value_is_default(ki->fields[f].type, &o->v[f]))
            seen[o->kind][f] |= 1u << what;
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        size_t n = 0;
        const sd_object *const *kids = sd_model_children(m, o, (sd_kind)k, &n);
        for (size_t i = 0; i < n; i++)
            mark_object(m, kids[i], what);
    }
}

static void
scan_case(const char *dir)
{
    sd_buf from_sql = SD_BUF_INIT, to_sql = SD_BUF_INIT;
    char a[] = "/tmp/sd-cov-a.XXXXXX", b[] = "/tmp/sd-cov-b.XXXXXX";
    int fa = mkstemp(a), fb = mkstemp(b);
    assert_true(fa >= 0 && fb >= 0);
    close(fa);
    close(fb);
    sd_buf_appendf(&from_sql, "%s/from.sql", dir);
    sd_buf_appendf(&to_sql, "%s/to.sql", dir);
    load(sd_buf_cstr(&from_sql), a);
    load(sd_buf_cstr(&to_sql), b);
    sd_buf_dispose(&from_sql);
    sd_buf_dispose(&to_sql);
    sd_err err = SD_ERR_INIT;
    sd_model *ma = NULL, *mb = NULL;
    sd_changelist *cl = NULL;
    if (sd_sqlite_introspect(&ma, a, &err) != SD_OK || sd_sqlite_introspect(&mb, b, &err) != SD_OK)
        fail_msg("%s: %s", dir, err.msg);
    if (sd_diff_models(&cl, ma, mb, NULL, &err) != SD_OK)
        fail_msg("%s: %s", dir, err.msg);
    for (size_t i = 0; i < sd_changelist_count(cl); i++) {
        const sd_change *c = sd_changelist_at(cl, i);
        if (c->op == SD_OP_CREATE)
            mark_object(mb, c->to, ADDED);
        else if (c->op == SD_OP_DROP)
            mark_object(ma, c->from, DROPPED);
        for (size_t f = 0; f < 64; f++)
            if ((c->fields | c->notes) & (UINT64_C(1) << f))
                seen[c->kind][f] |= 1u << CHANGED;
    }
    sd_changelist_free(cl);
    sd_model_free(ma);
    sd_model_free(mb);
    unlink(a);
    unlink(b);
}

static void
test_every_field_is_exercised(void **state)
{
    (void)state;
    DIR *d = opendir(cases_dir);
    assert_non_null(d);
    struct dirent *e;
    size_t ncases = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        sd_buf path = SD_BUF_INIT;
        sd_buf_appendf(&path, "%s/%s/from.sql", cases_dir, e->d_name);
        bool is_case = access(sd_buf_cstr(&path), R_OK) == 0;
        sd_buf_reset(&path);
        sd_buf_appendf(&path, "%s/%s", cases_dir, e->d_name);
        if (is_case) {
            scan_case(sd_buf_cstr(&path));
            ncases++;
        }
        sd_buf_dispose(&path);
    }
    closedir(d);
    assert_true(ncases >= 40);
    static const char *const what[] = { "added", "dropped", "changed" };
    int missing = 0;
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        const sd_kind_info *ki = sd_kind_get((sd_kind)k);
        /* Only what SQLite has: PostgreSQL's fields are covered by its own suite. */
        if (!sd_kind_for_engine(ki, SD_ENGINE_SQLITE))
            continue;
        for (size_t f = 0; f < ki->nfields; f++) {
            if (!sd_field_for_engine(&ki->fields[f], SD_ENGINE_SQLITE))
                continue;
            for (int w = 0; w < 3; w++)
                if (!(seen[k][f] & (1u << w))) {
                    fprintf(stderr, "no pair has %s.%s %s\n", ki->name, ki->fields[f].name,
                            what[w]);
                    missing++;
                }
        }
    }
    printf("%zu pairs scanned\n", ncases);
    assert_int_equal(missing, 0);
}

int
main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s CASES_DIR\n", argv[0]);
        return 2;
    }
    cases_dir = argv[1];
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_field_is_exercised),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
