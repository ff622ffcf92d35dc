/*
 * test_files.c: unit tests for migrate/: reading a migrations directory in each layout
 * (golang-migrate, Flyway, dbmate, single files), its order, every error it reports, and
 * `migrate new` (sd_migrate_new()) in each layout. Every test works in its own temporary
 * directory (mkdtemp) and removes it.
 */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "migrate/migrate.h"
#include "util/buf.h"
#include "util/fsutil.h"

/* ---- scratch directories ---- */

typedef struct fixture {
    char dir[256];
    sd_arena *arena;
    sd_err err;
    sd_migration_list list;
} fixture;

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof(*f));
    assert_non_null(f);
    const char *base = getenv("TMPDIR");
    snprintf(f->dir, sizeof(f->dir), "%s/sd-mig-XXXXXX",
             base != NULL && base[0] != '\0' ? base : "/tmp");
    assert_non_null(mkdtemp(f->dir));
    f->arena = sd_arena_new();
    assert_non_null(f->arena);
    sd_err_clear(&f->err);
    *state = f;
    return 0;
}

/* Remove path and, if it is a directory, what it holds (two levels are all the tests make). */
static void
remove_tree(const char *path)
{
    DIR *d = opendir(path);
    if (d == NULL) {
        unlink(path);
        return;
    }
    const struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char sub[512];
        snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
        remove_tree(sub);
    }
    closedir(d);
    rmdir(path);
}

static int
teardown(void **state)
{
    fixture *f = *state;
    remove_tree(f->dir);
    sd_arena_free(f->arena);
    free(f);
    return 0;
}

static void
put_n(const fixture *f, const char *name, const char *text, size_t len)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", f->dir, name);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(text, 1, len, fp), len);
    assert_int_equal(fclose(fp), 0);
}

static void
put(const fixture *f, const char *name, const char *text)
{
    put_n(f, name, text, strlen(text));
}

static void
make_dir(const fixture *f, const char *name)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", f->dir, name);
    assert_int_equal(mkdir(path, 0755), 0);
}

static sd_status
read_dir(fixture *f)
{
    sd_err_clear(&f->err);
    return sd_migrate_read_dir(&f->list, f->arena, f->dir, &f->err);
}

/* The directory must be refused with SD_ERR_PARSE, the message holding each of the strings. */
static void
expect_parse_error(fixture *f, const char *a, const char *b)
{
    assert_int_equal(read_dir(f), SD_ERR_PARSE);
    assert_int_equal(f->err.code, SD_ERR_PARSE);
    if (strstr(f->err.msg, a) == NULL || (b != NULL && strstr(f->err.msg, b) == NULL))
        fail_msg("message \"%s\" does not name \"%s\" and \"%s\"", f->err.msg, a, b ? b : "");
    assert_true(f->err.hint[0] != '\0'); /* every error says what to do */
    assert_int_equal(f->list.len, 0);
}

static const char *
path_of(const fixture *f, const char *name)
{
    return sd_arena_sprintf(f->arena, "%s/%s", f->dir, name);
}

/* ---- reading ---- */

static void
test_golang_pairs_numeric_order(void **state)
{
    fixture *f = *state;
    put(f, "0002_b.up.sql", "CREATE TABLE b (id int);\n");
    put(f, "0002_b.down.sql", "DROP TABLE b;\n");
    put(f, "10_ten.up.sql", "CREATE TABLE ten (id int);\n");
    put(f, "10_ten.down.sql", "DROP TABLE ten;\n");
    put(f, "0001_a.up.sql", "CREATE TABLE a (id int);\n");
    put(f, "0001_a.down.sql", "DROP TABLE a;\n");
    /* Not migrations: skipped. */
    put(f, "README.md", "notes\n");
    put(f, ".gitkeep", "");
    put(f, ".hidden.sql", "not read");
    make_dir(f, "sub");
    make_dir(f, "dir.sql");

    assert_int_equal(read_dir(f), SD_OK);
    assert_int_equal(f->list.layout, SD_MIGRATE_GOLANG);
    assert_int_equal(f->list.len, 3);
    const sd_migration *m = f->list.items;
    assert_string_equal(m[0].version, "0001");
    assert_string_equal(m[0].norm, "1");
    assert_string_equal(m[0].name, "a");
    assert_string_equal(m[1].version, "0002");
    assert_string_equal(m[2].version, "10"); /* numerically after 2, though "10" < "2" */
    assert_string_equal(m[2].norm, "10");
    assert_string_equal(m[0].up.path, path_of(f, "0001_a.up.sql"));
    assert_string_equal(m[0].up.text, "CREATE TABLE a (id int);\n");
    assert_int_equal(m[0].up.len, strlen("CREATE TABLE a (id int);\n"));
    assert_int_equal(m[0].up.first_line, 1);
    assert_string_equal(m[0].down.path, path_of(f, "0001_a.down.sql"));
    assert_string_equal(m[0].down.text, "DROP TABLE a;\n");
    assert_false(m[0].up.no_transaction);
    assert_false(m[0].repeatable);
    for (size_t i = 0; i < f->list.len; i++)
        assert_int_equal(m[i].layout, SD_MIGRATE_GOLANG);
}

static void
test_golang_timestamps(void **state)
{
    fixture *f = *state;
    put(f, "20261206100000_second.up.sql", "");
    put(f, "20261206100000_second.down.sql", "");
    put(f, "20261206093000_first.up.sql", "-- schemadrift:no-transaction \r\nCREATE INDEX;\n");
    put(f, "20261206093000_first.down.sql", "");
    assert_int_equal(read_dir(f), SD_OK);
    assert_int_equal(f->list.len, 2);
    assert_string_equal(f->list.items[0].version, "20261206093000");
    assert_string_equal(f->list.items[0].name, "first");
    assert_true(f->list.items[0].up.no_transaction);
    assert_false(f->list.items[0].down.no_transaction);
    assert_string_equal(f->list.items[1].version, "20261206100000");
    assert_false(f->list.items[1].up.no_transaction);
}

static void
test_golang_unpaired(void **state)
{
    fixture *f = *state;
    put(f, "0001_a.up.sql", "");
    put(f, "0001_a.down.sql", "");
    put(f, "0002_b.up.sql", "");
    expect_parse_error(f, "0002_b.up.sql", "no down migration");

    remove_tree(path_of(f, "0002_b.up.sql"));
    put(f, "0003_c.down.sql", "");
    expect_parse_error(f, "0003_c.down.sql", "no up migration");
}

static void
test_duplicate_versions(void **state)
{
    fixture *f = *state;
    put(f, "0001_a.up.sql", "");
    put(f, "0001_a.down.sql", "");
    put(f, "1_b.up.sql", "");
    put(f, "1_b.down.sql", "");
    expect_parse_error(f, "0001_a.up.sql", "1_b.up.sql");
    assert_non_null(strstr(f->err.msg, "duplicate"));

    /* Two downs for one up. */
    remove_tree(path_of(f, "1_b.up.sql"));
    expect_parse_error(f, "0001_a.down.sql", "1_b.down.sql");

    /* Single files: "001" and "1" are one version. */
    remove_tree(path_of(f, "0001_a.up.sql"));
    remove_tree(path_of(f, "0001_a.down.sql"));
    remove_tree(path_of(f, "1_b.down.sql"));
    put(f, "001_x.sql", "SELECT 1;\n");
    put(f, "1_y.sql", "SELECT 2;\n");
    expect_parse_error(f, "001_x.sql", "1_y.sql");
}

static void
test_flyway(void **state)
{
    fixture *f = *state;
    put(f, "V10__ten.sql", "");
    put(f, "V1__init.sql", "CREATE TABLE t (id int);\n");
    put(f, "V1.1__more.sql", "");
    put(f, "U1.1__more.sql", "-- schemadrift:no-transaction\nDROP INDEX CONCURRENTLY i;\n");
    put(f, "V2_1__under_score.sql", "");
    put(f, "R__views.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;\n");
    put(f, "R__a_funcs.sql", "");
    put(f, "flyway.conf", "not SQL");

    assert_int_equal(read_dir(f), SD_OK);
    assert_int_equal(f->list.layout, SD_MIGRATE_FLYWAY);
    assert_int_equal(f->list.len, 6);
    const sd_migration *m = f->list.items;
    static const char *const VERSIONS[] = { "1", "1.1", "2_1", "10", "", "" };
    static const char *const NORMS[] = { "1", "1.1", "2.1", "10", "", "" };
    static const char *const NAMES[] = { "init", "more", "under_score", "ten", "a_funcs", "views" };
    for (size_t i = 0; i < 6; i++) {
        assert_string_equal(m[i].version, VERSIONS[i]);
        assert_string_equal(m[i].norm, NORMS[i]);
        assert_string_equal(m[i].name, NAMES[i]);
        assert_int_equal(m[i].repeatable, i >= 4); /* after every versioned one, by name */
    }
    assert_null(m[0].down.path); /* a V without its U is fine */
    assert_string_equal(m[1].down.path, path_of(f, "U1.1__more.sql"));
    assert_true(m[1].down.no_transaction);
    assert_false(m[1].up.no_transaction);
    assert_string_equal(m[5].up.text, "CREATE OR REPLACE VIEW v AS SELECT 1;\n");
}

static void
test_flyway_errors(void **state)
{
    fixture *f = *state;
    put(f, "V1__a.sql", "");
    put(f, "V1.0__b.sql", ""); /* 1.0 is 1, as Flyway compares */
    expect_parse_error(f, "V1__a.sql", "V1.0__b.sql");

    remove_tree(path_of(f, "V1.0__b.sql"));
    put(f, "U2__b.sql", "");
    expect_parse_error(f, "U2__b.sql", "no up migration");
}

static void
test_dbmate_sections(void **state)
{
    fixture *f = *state;
    put(f, "20260101000000_users.sql",
        "-- a comment before the up marker is fine\n"
        "\n"
        "-- migrate:up\n"
        "CREATE TABLE users (id int);\n"
        "\n"
        "--   migrate:down\n"
        "DROP TABLE users;\n");
    put(f, "20260102000000_index.sql",
        "-- migrate:up transaction:false\n"
        "CREATE INDEX CONCURRENTLY i ON users (id);\n"
        "-- migrate:down\n"
        "DROP INDEX i;");
    put(f, "20260103000000_up_only.sql", "--migrate:up\nSELECT 1;\n");

    assert_int_equal(read_dir(f), SD_OK);
    assert_int_equal(f->list.layout, SD_MIGRATE_DBMATE);
    assert_int_equal(f->list.len, 3);
    const sd_migration *m = f->list.items;
    assert_string_equal(m[0].name, "users");
    assert_string_equal(m[0].up.path, path_of(f, "20260101000000_users.sql"));
    assert_string_equal(m[0].up.text, "CREATE TABLE users (id int);\n\n");
    assert_int_equal(m[0].up.first_line, 4);
    assert_string_equal(m[0].down.path, m[0].up.path);
    assert_string_equal(m[0].down.text, "DROP TABLE users;\n");
    assert_int_equal(m[0].down.first_line, 7);
    assert_false(m[0].up.no_transaction);

    assert_true(m[1].up.no_transaction);
    assert_false(m[1].down.no_transaction);
    assert_int_equal(m[1].up.first_line, 2);
    assert_string_equal(m[1].down.text, "DROP INDEX i;");

    assert_string_equal(m[2].up.text, "SELECT 1;\n");
    assert_null(m[2].down.path);
}

/* A BOM an editor put first is no SQL: dbmate's markers and the no-transaction line are
 * still found behind it, and the text starts after it. */
static void
test_bom(void **state)
{
    fixture *f = *state;
    put(f, "1_a.sql",
        "\xef\xbb\xbf-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n");
    put(f, "2_b.sql", "\xef\xbb\xbf-- migrate:up transaction:false\nSELECT 1;\n");
    assert_int_equal(read_dir(f), SD_OK);
    assert_int_equal(f->list.layout, SD_MIGRATE_DBMATE);
    assert_string_equal(f->list.items[0].up.text, "CREATE TABLE a (id int);\n");
    assert_int_equal(f->list.items[0].up.first_line, 2);
    assert_true(f->list.items[1].up.no_transaction);
}

static void
test_dbmate_errors(void **state)
{
    fixture *f = *state;
    put(f, "0001_a.sql", "-- migrate:down\nDROP TABLE a;\n-- migrate:up\nCREATE TABLE a ();\n");
    expect_parse_error(f, "0001_a.sql", "before -- migrate:up");
    assert_non_null(strstr(f->err.where, "0001_a.sql:1"));

    put(f, "0001_a.sql", "CREATE TABLE a ();\n-- migrate:up\nSELECT 1;\n");
    expect_parse_error(f, "0001_a.sql", "text before");
    assert_non_null(strstr(f->err.where, "0001_a.sql:1"));

    put(f, "0001_a.sql", "-- migrate:up\nSELECT 1;\n-- migrate:up\n");
    expect_parse_error(f, "0001_a.sql", "second");
    assert_non_null(strstr(f->err.where, "0001_a.sql:3"));
}

static void
test_single_files(void **state)
{
    fixture *f = *state;
    put(f, "002_b.sql", "-- schemadrift:no-transaction\nCREATE INDEX CONCURRENTLY i ON a (x);\n");
    put(f, "001_a.sql", "CREATE TABLE a (x int);\n-- migrate:upside down is no marker\n");
    assert_int_equal(read_dir(f), SD_OK);
    assert_int_equal(f->list.layout, SD_MIGRATE_SINGLE);
    assert_int_equal(f->list.len, 2);
    assert_string_equal(f->list.items[0].name, "a");
    assert_null(f->list.items[0].down.path);
    assert_false(f->list.items[0].up.no_transaction);
    assert_true(f->list.items[1].up.no_transaction);
    assert_int_equal(f->list.items[1].up.first_line, 1);
}

static void
test_mixed_layouts(void **state)
{
    fixture *f = *state;
    put(f, "0001_a.up.sql", "");
    put(f, "0001_a.down.sql", "");
    put(f, "V2__b.sql", "");
    expect_parse_error(f, "0001_a.down.sql", "V2__b.sql");
    assert_non_null(strstr(f->err.msg, "golang-migrate"));
    assert_non_null(strstr(f->err.msg, "Flyway"));

    /* dbmate and single files share a name form; their markers tell them apart. */
    remove_tree(path_of(f, "0001_a.up.sql"));
    remove_tree(path_of(f, "0001_a.down.sql"));
    remove_tree(path_of(f, "V2__b.sql"));
    put(f, "0001_a.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\n");
    put(f, "0002_b.sql", "SELECT 2;\n");
    expect_parse_error(f, "0001_a.sql", "0002_b.sql");
    assert_non_null(strstr(f->err.msg, "dbmate"));
}

static void
test_malformed_names(void **state)
{
    fixture *f = *state;
    static const char *const BAD[] = {
        "abc.sql",       "0001.up.sql", "0001_.down.sql", "0001.sql",
        "0001_.sql",     "V1__.sql",    "V1_x.sql",       "V1..2__x.sql",
        "V1.__x.sql",    "R_x.sql",     "Vx__y.sql",      "R1__x.sql",
        "x_0001.up.sql", "U1_a.sql",    "schema.sql",     "0001a_b.up.sql",
    };
    for (size_t i = 0; i < sizeof(BAD) / sizeof(BAD[0]); i++) {
        put(f, BAD[i], "SELECT 1;\n");
        expect_parse_error(f, BAD[i], NULL);
        remove_tree(path_of(f, BAD[i]));
    }
    /* With the bad file gone, the directory reads. */
    assert_int_equal(read_dir(f), SD_OK);
    assert_int_equal(f->list.layout, SD_MIGRATE_NONE);
}

static void
test_bad_text(void **state)
{
    fixture *f = *state;
    put_n(f, "0001_nul.sql", "SELECT 1;\nSELECT '\0';\n", 22);
    expect_parse_error(f, "0001_nul.sql", "NUL");
    assert_string_equal(f->err.where, path_of(f, "0001_nul.sql:2"));
    remove_tree(path_of(f, "0001_nul.sql"));

    put(f, "0001_latin1.sql", "SELECT 1;\n\n-- caf\xe9\n");
    expect_parse_error(f, "0001_latin1.sql", "UTF-8");
    assert_string_equal(f->err.where, path_of(f, "0001_latin1.sql:3"));
    remove_tree(path_of(f, "0001_latin1.sql"));

    put(f, "0001_ok.sql", "-- caf\xc3\xa9\n");
    assert_int_equal(read_dir(f), SD_OK);
}

static void
test_missing_and_empty(void **state)
{
    fixture *f = *state;
    assert_int_equal(read_dir(f), SD_OK);
    assert_int_equal(f->list.len, 0);
    assert_int_equal(f->list.layout, SD_MIGRATE_NONE);

    const char *missing = path_of(f, "nope");
    sd_err_clear(&f->err);
    assert_int_equal(sd_migrate_read_dir(&f->list, f->arena, missing, &f->err), SD_ERR_NOTFOUND);
    assert_non_null(strstr(f->err.msg, missing));
}

static void
test_version_cmp(void **state)
{
    (void)state;
    static const struct {
        const char *a, *b;
        int want;
    } CASES[] = {
        { "1", "2", -1 },     { "2", "10", -1 },    { "0001", "1", 0 },
        { "1.1", "1", 1 },    { "1.0", "1", 0 },    { "1.0.0", "1", 0 },
        { "2_1", "2.1", 0 },  { "1.10", "1.9", 1 }, { "20261206093000", "9999", 1 },
        { "0.9", "1", -1 },   { "1a", "1a", 0 },    { "x", "", 0 },
        { "1.01", "1.1", 0 }, { "000", "0", 0 },    { "1.2.3", "1.2.10", -1 },
    };
    for (size_t i = 0; i < sizeof(CASES) / sizeof(CASES[0]); i++) {
        assert_int_equal(sd_migrate_version_cmp(CASES[i].a, CASES[i].b), CASES[i].want);
        assert_int_equal(sd_migrate_version_cmp(CASES[i].b, CASES[i].a), -CASES[i].want);
    }
}

/* ---- migrate new ---- */

/* 2026-12-08 00:00:00 UTC */
#define NOW ((time_t)1796688000)

static sd_status
make_new(fixture *f, const char *dir, const char *name, time_t now, sd_migrate_created *c)
{
    sd_err_clear(&f->err);
    return sd_migrate_new(c, f->arena, dir != NULL ? dir : f->dir, name, now, &f->err);
}

static void
expect_file(const fixture *f, const char *name, const char *text)
{
    sd_buf b = SD_BUF_INIT;
    sd_err err = SD_ERR_INIT;
    assert_int_equal(sd_fs_read_all(&b, path_of(f, name), &err), SD_OK);
    assert_string_equal(sd_buf_cstr(&b), text);
    sd_buf_dispose(&b);
}

static void
test_new_golang(void **state)
{
    fixture *f = *state;
    sd_migrate_created c;
    assert_int_equal(make_new(f, NULL, "create_users", NOW, &c), SD_OK);
    assert_int_equal(c.layout, SD_MIGRATE_GOLANG);
    assert_int_equal(c.npaths, 2);
    assert_string_equal(c.paths[0], path_of(f, "0001_create_users.up.sql"));
    assert_string_equal(c.paths[1], path_of(f, "0001_create_users.down.sql"));
    expect_file(f, "0001_create_users.up.sql",
                "-- 0001_create_users.up.sql: the SQL that applies this migration.\n\n");
    expect_file(f, "0001_create_users.down.sql",
                "-- 0001_create_users.down.sql: the SQL that reverts "
                "0001_create_users.up.sql.\n\n");
    assert_int_equal(make_new(f, NULL, "add-index", NOW, &c), SD_OK);
    assert_string_equal(c.paths[0], path_of(f, "0002_add-index.up.sql"));
    assert_int_equal(read_dir(f), SD_OK);
    assert_int_equal(f->list.len, 2);

    /* The width of the last version is kept; it grows only when it must. */
    fixture *g = f;
    remove_tree(g->dir);
    assert_int_equal(mkdir(g->dir, 0700), 0);
    put(g, "099_a.up.sql", "");
    put(g, "099_a.down.sql", "");
    put(g, "7_b.up.sql", "");
    put(g, "7_b.down.sql", "");
    assert_int_equal(make_new(g, NULL, "c", NOW, &c), SD_OK);
    assert_string_equal(c.paths[0], path_of(g, "100_c.up.sql"));
    assert_int_equal(make_new(g, NULL, "d", NOW, &c), SD_OK);
    assert_string_equal(c.paths[0], path_of(g, "101_d.up.sql"));
}

static void
test_new_timestamps(void **state)
{
    fixture *f = *state;
    sd_migrate_created c;
    put(f, "20261206093000_a.up.sql", "");
    put(f, "20261206093000_a.down.sql", "");
    assert_int_equal(make_new(f, NULL, "b", NOW, &c), SD_OK);
    assert_string_equal(c.paths[0], path_of(f, "20261208000000_b.up.sql"));
    /* The same second again (or a clock behind the last version): one past the last. */
    assert_int_equal(make_new(f, NULL, "c", NOW, &c), SD_OK);
    assert_string_equal(c.paths[0], path_of(f, "20261208000001_c.up.sql"));
    assert_int_equal(read_dir(f), SD_OK);
    assert_int_equal(f->list.len, 3);
}

static void
test_new_other_layouts(void **state)
{
    fixture *f = *state;
    sd_migrate_created c;
    /* Flyway: V and U, numbered from the first part of the last version. */
    put(f, "V1__init.sql", "");
    put(f, "V1.1__more.sql", "");
    put(f, "R__views.sql", "");
    assert_int_equal(make_new(f, NULL, "next", NOW, &c), SD_OK);
    assert_int_equal(c.layout, SD_MIGRATE_FLYWAY);
    assert_int_equal(c.npaths, 2);
    assert_string_equal(c.paths[0], path_of(f, "V2__next.sql"));
    assert_string_equal(c.paths[1], path_of(f, "U2__next.sql"));
    expect_file(f, "U2__next.sql", "-- U2__next.sql: the SQL that reverts V2__next.sql.\n\n");
    assert_int_equal(read_dir(f), SD_OK);
    assert_int_equal(f->list.len, 4);
    assert_string_equal(f->list.items[2].down.path, path_of(f, "U2__next.sql"));

    /* dbmate: one file with both markers, read back with both sections. */
    const char *db = path_of(f, "db");
    assert_int_equal(mkdir(db, 0700), 0);
    fixture d = *f;
    snprintf(d.dir, sizeof(d.dir), "%s", db);
    put(&d, "20260101000000_a.sql", "-- migrate:up\n-- migrate:down\n");
    assert_int_equal(make_new(f, db, "b", NOW, &c), SD_OK);
    assert_int_equal(c.layout, SD_MIGRATE_DBMATE);
    assert_int_equal(c.npaths, 1);
    assert_string_equal(c.paths[0], path_of(&d, "20261208000000_b.sql"));
    assert_int_equal(sd_migrate_read_dir(&f->list, f->arena, db, &f->err), SD_OK);
    assert_int_equal(f->list.len, 2);
    assert_int_equal(f->list.items[1].up.first_line, 3);
    assert_string_equal(f->list.items[1].up.text, "\n\n");
    assert_int_equal(f->list.items[1].down.first_line, 6);
    assert_string_equal(f->list.items[1].down.text, "\n");

    /* Single files: one more single file. */
    const char *one = path_of(f, "one");
    assert_int_equal(mkdir(one, 0700), 0);
    snprintf(d.dir, sizeof(d.dir), "%s", one);
    put(&d, "01_a.sql", "SELECT 1;\n");
    assert_int_equal(make_new(f, one, "b", NOW, &c), SD_OK);
    assert_int_equal(c.layout, SD_MIGRATE_SINGLE);
    assert_int_equal(c.npaths, 1);
    assert_string_equal(c.paths[0], path_of(&d, "02_b.sql"));
    assert_int_equal(sd_migrate_read_dir(&f->list, f->arena, one, &f->err), SD_OK);
    assert_int_equal(f->list.layout, SD_MIGRATE_SINGLE);
    assert_int_equal(f->list.len, 2);
}

static void
test_new_errors(void **state)
{
    fixture *f = *state;
    sd_migrate_created c;
    static const char *const BAD[] = { "", "a b", "x.y", "a/b", "caf\xc3\xa9", "semi;colon" };
    for (size_t i = 0; i < sizeof(BAD) / sizeof(BAD[0]); i++) {
        assert_int_equal(make_new(f, NULL, BAD[i], NOW, &c), SD_ERR_PARSE);
        assert_non_null(strstr(f->err.msg, "invalid migration name"));
    }
    char long_name[202];
    memset(long_name, 'a', sizeof(long_name) - 1);
    long_name[sizeof(long_name) - 1] = '\0';
    assert_int_equal(make_new(f, NULL, long_name, NOW, &c), SD_ERR_PARSE);

    /* A missing directory is created; a missing parent is an error. */
    const char *sub = path_of(f, "migrations");
    assert_int_equal(make_new(f, sub, "first", NOW, &c), SD_OK);
    assert_true(sd_fs_exists(sd_arena_sprintf(f->arena, "%s/0001_first.up.sql", sub)));
    const char *deep = path_of(f, "no/such");
    assert_int_equal(make_new(f, deep, "first", NOW, &c), SD_ERR_IO);
    assert_non_null(strstr(f->err.msg, deep));

    /* Nothing is overwritten, and a pair is made whole or not at all: a directory in the
     * down file's place (the reader skips it) stops the pair, and the up file goes again. */
    make_dir(f, "0001_x.down.sql");
    assert_int_equal(make_new(f, NULL, "x", NOW, &c), SD_ERR_IO);
    assert_non_null(strstr(f->err.msg, "already exists"));
    assert_false(sd_fs_exists(path_of(f, "0001_x.up.sql")));
    assert_int_equal(c.npaths, 0);

    /* A directory the reader refuses gets nothing. */
    put(f, "junk.sql", "");
    assert_int_equal(make_new(f, NULL, "y", NOW, &c), SD_ERR_PARSE);
    assert_false(sd_fs_exists(path_of(f, "0001_y.up.sql")));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_golang_pairs_numeric_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_golang_timestamps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_golang_unpaired, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_versions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flyway, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flyway_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dbmate_sections, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dbmate_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_single_files, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mixed_layouts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_malformed_names, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_and_empty, setup, teardown),
        cmocka_unit_test(test_version_cmp),
        cmocka_unit_test_setup_teardown(test_bom, setup, teardown),
        cmocka_unit_test_setup_teardown(test_new_golang, setup, teardown),
        cmocka_unit_test_setup_teardown(test_new_timestamps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_new_other_layouts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_new_errors, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
