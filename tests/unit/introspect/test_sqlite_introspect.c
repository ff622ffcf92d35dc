/*
 * test_sqlite_introspect.c: unit tests for the SQLite catalog reader (introspect/sqlite.c)
 * and the CREATE TABLE / CREATE INDEX text reader behind it (introspect/sqlite_parse.c).
 *
 * Each reader test builds a real database file in a private temporary directory with the
 * sqlite3 C API, introspects it and checks the model object by object, rendering field
 * values with sd_value_describe() so that one assertion covers a whole value. The parser
 * tests call the module-internal entry points directly for the grammar corners that a
 * database round trip cannot isolate (error offsets, constraint-name scoping).
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

#include <sqlite3.h>

#include "introspect/introspect.h"
#include "introspect/introspect_int.h"
#include "model/model.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

/* ---- fixtures ---- */

static char tmpdir[512]; /* private directory for this run's database files */

static int
group_setup(void **state)
{
    (void)state;
    const char *base = getenv("TMPDIR");
    snprintf(tmpdir, sizeof(tmpdir), "%s/sd-introspect-XXXXXX",
             base != NULL && base[0] != '\0' ? base : "/tmp");
    return mkdtemp(tmpdir) != NULL ? 0 : -1;
}

static int
group_teardown(void **state)
{
    (void)state;
    DIR *d = opendir(tmpdir);
    if (d == NULL)
        return -1;
    for (struct dirent *e = readdir(d); e != NULL; e = readdir(d)) {
        char path[1024];
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof(path), "%s/%s", tmpdir, e->d_name);
        unlink(path);
    }
    closedir(d);
    return rmdir(tmpdir);
}

static void
db_path(char *out, size_t cap, const char *name)
{
    snprintf(out, cap, "%s/%s.db", tmpdir, name);
}

/* Create database name (replacing any old one) and run sql in it. */
static void
make_db(const char *name, const char *sql)
{
    char path[1024];
    sqlite3 *db = NULL;
    char *msg = NULL;

    db_path(path, sizeof(path), name);
    unlink(path);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("setup SQL failed: %s", msg != NULL ? msg : "?");
    sqlite3_close(db);
}

static sd_model *
introspect(const char *name)
{
    char path[1024];
    sd_err err = SD_ERR_INIT;
    sd_model *m = NULL;

    db_path(path, sizeof(path), name);
    sd_status rc = sd_sqlite_introspect(&m, path, &err);
    if (rc != SD_OK)
        fail_msg("introspection failed (%d): %s [%s] %s", rc, err.msg, err.where, err.detail);
    assert_non_null(m);
    return m;
}

static sd_model *
load(const char *name, const char *sql)
{
    make_db(name, sql);
    return introspect(name);
}

/* ---- model helpers ---- */

static const sd_object *
get(const sd_model *m, sd_kind kind, const char *table, const char *name)
{
    const sd_object *o = sd_model_find(m, kind, "main", table, name);
    if (o == NULL)
        fail_msg("no %s \"%s\" (table %s)", sd_kind_get(kind)->name, name != NULL ? name : "-",
                 table != NULL ? table : "-");
    return o;
}

/* Field f of o rendered as sd_value_describe() does: "(a, b)", "true", "(none)". */
static void
assert_field(const sd_object *o, int f, const char *expect)
{
    const sd_kind_info *ki = sd_kind_get(o->kind);
    sd_buf b = SD_BUF_INIT;
    sd_value_describe(&b, ki->fields[f].type, &o->v[f]);
    if (strcmp(sd_buf_cstr(&b), expect) != 0) {
        fail_msg("%s %s.%s: field %s is [%s], expected [%s]", ki->name,
                 o->table != NULL ? o->table : "", o->name != NULL ? o->name : "(unnamed)",
                 ki->fields[f].name, sd_buf_cstr(&b), expect);
    }
    sd_buf_dispose(&b);
}

static const sd_object *const *
children(const sd_model *m, const char *table, sd_kind kind, size_t *n)
{
    const sd_object *t = get(m, SD_KIND_TABLE, NULL, table);
    return sd_model_children(m, t, kind, n);
}

static size_t
count_children(const sd_model *m, const char *table, sd_kind kind)
{
    size_t n = 0;
    (void)children(m, table, kind, &n);
    return n;
}

/* The object of kind owned by table whose field f renders as value (exactly one). */
static const sd_object *
child_by(const sd_model *m, const char *table, sd_kind kind, int f, const char *value)
{
    size_t n = 0;
    const sd_object *const *kids = children(m, table, kind, &n);
    const sd_object *found = NULL;
    for (size_t i = 0; i < n; i++) {
        sd_buf b = SD_BUF_INIT;
        sd_value_describe(&b, sd_kind_get(kind)->fields[f].type, &kids[i]->v[f]);
        if (strcmp(sd_buf_cstr(&b), value) == 0) {
            if (found != NULL)
                fail_msg("two %s objects of %s with %s", sd_kind_get(kind)->name, table, value);
            found = kids[i];
        }
        sd_buf_dispose(&b);
    }
    if (found == NULL)
        fail_msg("no %s of %s with %s", sd_kind_get(kind)->name, table, value);
    return found;
}

static bool
has_dep(const sd_object *o, sd_kind kind, const char *name)
{
    for (size_t i = 0; i < o->ndeps; i++) {
        if (o->deps[i].kind == kind && strcmp(o->deps[i].name, name) == 0 &&
            strcmp(o->deps[i].schema, "main") == 0)
            return true;
    }
    return false;
}

/* ---- opening ---- */

static void
test_missing_file(void **state)
{
    (void)state;
    char path[1024];
    sd_err err = SD_ERR_INIT;
    sd_model *m = NULL;
    struct stat st;

    db_path(path, sizeof(path), "no_such_file");
    assert_int_equal(sd_sqlite_introspect(&m, path, &err), SD_ERR_NOTFOUND);
    assert_null(m);
    assert_int_equal(err.code, SD_ERR_NOTFOUND);
    char expect[1200];
    snprintf(expect, sizeof(expect), "database file \"%s\" does not exist", path);
    assert_string_equal(err.msg, expect);
    /* Never created, not even as an empty database. */
    assert_int_not_equal(stat(path, &st), 0);
}

static void
test_not_a_database(void **state)
{
    (void)state;
    char path[1024];
    static const char text[] = "CREATE TABLE t (a INT); -- a script, not a database\n"
                               "this file is long enough to have a 100-byte header......";
    sd_err err = SD_ERR_INIT;
    sd_model *m = NULL;

    db_path(path, sizeof(path), "script");
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, sizeof(text) - 1, f), sizeof(text) - 1);
    assert_int_equal(fclose(f), 0);

    assert_int_equal(sd_sqlite_introspect(&m, path, &err), SD_ERR_CONNECT);
    assert_null(m);
    assert_non_null(strstr(err.msg, path));
    assert_true(err.hint[0] != '\0');

    /* Left exactly as it was. */
    char back[sizeof(text)] = { 0 };
    f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fread(back, 1, sizeof(back), f), sizeof(text) - 1);
    fclose(f);
    assert_memory_equal(back, text, sizeof(text) - 1);
}

static void
test_directory_is_not_a_database(void **state)
{
    (void)state;
    sd_err err = SD_ERR_INIT;
    sd_model *m = NULL;
    sd_status rc = sd_sqlite_introspect(&m, tmpdir, &err);
    assert_int_equal(rc, SD_ERR_CONNECT);
    assert_null(m);
    assert_non_null(strstr(err.msg, tmpdir));
}

static void
test_empty_database(void **state)
{
    (void)state;
    sd_model *m = load("empty", "PRAGMA user_version = 1;");
    assert_int_equal(sd_model_count(m, SD_KIND_SCHEMA), 1);
    assert_string_equal(sd_model_at(m, SD_KIND_SCHEMA, 0)->name, "main");
    assert_int_equal(sd_model_size(m), 1);
    assert_int_equal(sd_model_engine(m), SD_ENGINE_SQLITE);
    sd_model_free(m);
}

/* Reading must not change a byte of the file, nor leave a journal behind. */
static void
test_never_modifies(void **state)
{
    (void)state;
    char path[1024];
    char journal[1100];
    struct stat before;
    struct stat after;

    make_db("readonly", "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, a TEXT);"
                        "CREATE INDEX t_a ON t (a); INSERT INTO t (a) VALUES ('x');");
    db_path(path, sizeof(path), "readonly");
    assert_int_equal(stat(path, &before), 0);
    sd_model_free(introspect("readonly"));
    sd_model_free(introspect("readonly"));
    assert_int_equal(stat(path, &after), 0);
    assert_int_equal(before.st_size, after.st_size);
    assert_int_equal(before.st_mtime, after.st_mtime);
    snprintf(journal, sizeof(journal), "%s-journal", path);
    assert_int_not_equal(stat(journal, &after), 0);
}

/* ---- columns ---- */

static void
test_columns(void **state)
{
    (void)state;
    sd_model *m = load("columns", "CREATE TABLE t (\n"
                                  "  id INTEGER PRIMARY KEY,\n"
                                  "  name varchar( 255 ) NOT NULL COLLATE nocase,\n"
                                  "  price decimal(10, 2) DEFAULT 0.5,\n"
                                  "  neg INT DEFAULT -1,\n"
                                  "  label TEXT DEFAULT 'it''s' COLLATE \"RTRIM\",\n"
                                  "  created TEXT DEFAULT CURRENT_TIMESTAMP,\n"
                                  "  expr INT DEFAULT (1 + 2),\n"
                                  "  untyped,\n"
                                  "  d double   precision NULL,\n"
                                  "  b BINARYISH COLLATE BINARY,\n"
                                  "  total INT GENERATED ALWAYS AS (neg * (2 + id)) STORED,\n"
                                  "  half AS (price / 2),\n"
                                  "  v REAL GENERATED ALWAYS AS (price) VIRTUAL\n"
                                  ");");
    const sd_object *c;

    assert_int_equal(count_children(m, "t", SD_KIND_COLUMN), 13);

    c = get(m, SD_KIND_COLUMN, "t", "id");
    assert_field(c, SD_COLUMN_POSITION, "1");
    assert_field(c, SD_COLUMN_TYPE, "INTEGER");
    assert_field(c, SD_COLUMN_NOT_NULL, "false");
    assert_field(c, SD_COLUMN_DEFAULT, "(none)");
    assert_field(c, SD_COLUMN_GENERATED, "(none)");
    assert_field(c, SD_COLUMN_GENERATED_KIND, "(none)");
    assert_field(c, SD_COLUMN_COLLATION, "(none)");

    c = get(m, SD_KIND_COLUMN, "t", "name");
    assert_field(c, SD_COLUMN_POSITION, "2");
    assert_field(c, SD_COLUMN_TYPE, "VARCHAR(255)");
    assert_field(c, SD_COLUMN_NOT_NULL, "true");
    assert_field(c, SD_COLUMN_COLLATION, "NOCASE");

    c = get(m, SD_KIND_COLUMN, "t", "price");
    assert_field(c, SD_COLUMN_TYPE, "DECIMAL(10,2)");
    assert_field(c, SD_COLUMN_DEFAULT, "0.5");

    assert_field(get(m, SD_KIND_COLUMN, "t", "neg"), SD_COLUMN_DEFAULT, "-1");
    c = get(m, SD_KIND_COLUMN, "t", "label");
    assert_field(c, SD_COLUMN_DEFAULT, "'it''s'");
    assert_field(c, SD_COLUMN_COLLATION, "RTRIM");
    assert_field(get(m, SD_KIND_COLUMN, "t", "created"), SD_COLUMN_DEFAULT, "CURRENT_TIMESTAMP");
    assert_field(get(m, SD_KIND_COLUMN, "t", "expr"), SD_COLUMN_DEFAULT, "1 + 2");

    c = get(m, SD_KIND_COLUMN, "t", "untyped");
    assert_field(c, SD_COLUMN_POSITION, "8");
    assert_field(c, SD_COLUMN_TYPE, "(none)");
    assert_null(c->v[SD_COLUMN_TYPE].s);

    c = get(m, SD_KIND_COLUMN, "t", "d");
    assert_field(c, SD_COLUMN_TYPE, "DOUBLE PRECISION");
    assert_field(c, SD_COLUMN_NOT_NULL, "false");

    /* An explicit BINARY is recorded: it is what the text says. */
    assert_field(get(m, SD_KIND_COLUMN, "t", "b"), SD_COLUMN_COLLATION, "BINARY");

    c = get(m, SD_KIND_COLUMN, "t", "total");
    assert_field(c, SD_COLUMN_TYPE, "INT");
    assert_field(c, SD_COLUMN_GENERATED, "neg * (2 + id)");
    assert_field(c, SD_COLUMN_GENERATED_KIND, "stored");
    assert_field(c, SD_COLUMN_DEFAULT, "(none)");

    c = get(m, SD_KIND_COLUMN, "t", "half");
    assert_field(c, SD_COLUMN_TYPE, "(none)");
    assert_field(c, SD_COLUMN_GENERATED, "price / 2");
    assert_field(c, SD_COLUMN_GENERATED_KIND, "virtual");

    c = get(m, SD_KIND_COLUMN, "t", "v");
    assert_field(c, SD_COLUMN_POSITION, "13");
    assert_field(c, SD_COLUMN_TYPE, "REAL");
    assert_field(c, SD_COLUMN_GENERATED, "price");
    assert_field(c, SD_COLUMN_GENERATED_KIND, "virtual");
    sd_model_free(m);
}

/* ALTER TABLE edits the stored text; the reader must still follow it. */
static void
test_altered_table(void **state)
{
    (void)state;
    sd_model *m = load("altered", "CREATE TABLE t (a INT);"
                                  "ALTER TABLE t ADD COLUMN b TEXT COLLATE nocase "
                                  "  CONSTRAINT b_len CHECK (length(b) < 10);"
                                  "ALTER TABLE t RENAME COLUMN a TO \"A 2\";");
    assert_field(get(m, SD_KIND_COLUMN, "t", "A 2"), SD_COLUMN_POSITION, "1");
    assert_field(get(m, SD_KIND_COLUMN, "t", "b"), SD_COLUMN_COLLATION, "NOCASE");
    assert_field(get(m, SD_KIND_CHECK, "t", "b_len"), SD_CHECK_EXPRESSION, "length(b) < 10");
    sd_model_free(m);
}

static void
test_create_table_as_select(void **state)
{
    (void)state;
    sd_model *m = load("ctas", "CREATE TABLE src (a INTEGER PRIMARY KEY, b TEXT NOT NULL);"
                               "CREATE TABLE copy AS SELECT a, b FROM src;");
    assert_int_equal(count_children(m, "copy", SD_KIND_COLUMN), 2);
    assert_field(get(m, SD_KIND_COLUMN, "copy", "a"), SD_COLUMN_TYPE, "INT");
    assert_int_equal(count_children(m, "copy", SD_KIND_PRIMARY_KEY), 0);
    sd_model_free(m);
}

/* ---- constraints ---- */

static void
test_primary_keys(void **state)
{
    (void)state;
    sd_model *m = load("pks", "CREATE TABLE inline_pk (id INTEGER PRIMARY KEY, x);"
                              "CREATE TABLE named_pk (id TEXT CONSTRAINT \"pk named\" "
                              "  PRIMARY KEY DESC ON CONFLICT REPLACE);"
                              "CREATE TABLE composite (a INT, b INT, c INT,"
                              "  CONSTRAINT composite_pk PRIMARY KEY (c, a));"
                              "CREATE TABLE auto (id INTEGER PRIMARY KEY AUTOINCREMENT);"
                              "CREATE TABLE auto2 (id INTEGER, PRIMARY KEY (id AUTOINCREMENT));"
                              "CREATE TABLE nopk (a, b);"
                              "CREATE TABLE wr (k TEXT, v, PRIMARY KEY (k)) WITHOUT ROWID;");
    const sd_object *pk;

    pk = get(m, SD_KIND_PRIMARY_KEY, "inline_pk", NULL);
    assert_null(pk->name);
    assert_field(pk, SD_PK_COLUMNS, "(id)");
    assert_field(pk, SD_PK_AUTOINCREMENT, "false");

    pk = get(m, SD_KIND_PRIMARY_KEY, "named_pk", NULL);
    assert_string_equal(pk->name, "pk named");
    assert_field(pk, SD_PK_COLUMNS, "(id)");

    pk = get(m, SD_KIND_PRIMARY_KEY, "composite", NULL);
    assert_string_equal(pk->name, "composite_pk");
    assert_field(pk, SD_PK_COLUMNS, "(c, a)"); /* key order, not column order */

    assert_field(get(m, SD_KIND_PRIMARY_KEY, "auto", NULL), SD_PK_AUTOINCREMENT, "true");
    assert_field(get(m, SD_KIND_PRIMARY_KEY, "auto2", NULL), SD_PK_AUTOINCREMENT, "true");
    assert_int_equal(count_children(m, "nopk", SD_KIND_PRIMARY_KEY), 0);
    assert_field(get(m, SD_KIND_PRIMARY_KEY, "wr", NULL), SD_PK_COLUMNS, "(k)");

    /* Automatic indexes back constraints; they are never reported as indexes. */
    assert_int_equal(sd_model_count(m, SD_KIND_INDEX), 0);
    assert_int_equal(sd_model_count(m, SD_KIND_UNIQUE), 0);
    /* AUTOINCREMENT made sqlite_sequence; internal tables are not part of the schema. */
    assert_int_equal(sd_model_count(m, SD_KIND_TABLE), 7);
    sd_model_free(m);
}

static void
test_unique_constraints(void **state)
{
    (void)state;
    sd_model *m = load("uniques", "CREATE TABLE u (\n"
                                  "  a INT UNIQUE,\n"
                                  "  b INT CONSTRAINT b_uq UNIQUE ON CONFLICT IGNORE,\n"
                                  "  c INT, d INT, e INT,\n"
                                  "  UNIQUE (c, d),\n"
                                  "  CONSTRAINT \"e uq\" UNIQUE (e COLLATE nocase DESC),\n"
                                  "  UNIQUE (a)\n" /* same as a's: SQLite keeps one */
                                  ");"
                                  "CREATE TABLE pk_too (id TEXT PRIMARY KEY UNIQUE);");
    const sd_object *u;

    assert_int_equal(count_children(m, "u", SD_KIND_UNIQUE), 4);
    u = child_by(m, "u", SD_KIND_UNIQUE, SD_UNIQUE_COLUMNS, "(a)");
    assert_null(u->name);
    u = get(m, SD_KIND_UNIQUE, "u", "b_uq");
    assert_field(u, SD_UNIQUE_COLUMNS, "(b)");
    u = child_by(m, "u", SD_KIND_UNIQUE, SD_UNIQUE_COLUMNS, "(c, d)");
    assert_null(u->name);
    u = get(m, SD_KIND_UNIQUE, "u", "e uq");
    assert_field(u, SD_UNIQUE_COLUMNS, "(e)");
    /* UNIQUE on the primary key's columns is the primary key's index. */
    assert_int_equal(count_children(m, "pk_too", SD_KIND_UNIQUE), 0);
    assert_int_equal(sd_model_count(m, SD_KIND_INDEX), 0);
    sd_model_free(m);
}

/* SQLite numbers automatic indexes 1..n in declaration order; names must follow them past 9,
 * and UNIQUE constraints that differ only in collation are one constraint to the model. */
static void
test_many_unique_constraints(void **state)
{
    (void)state;
    sd_model *m = load("many_uniques",
                       "CREATE TABLE m (a, b, c, d, e, f, g, h, i, j, k, l,"
                       "  UNIQUE (a), UNIQUE (b), UNIQUE (c), UNIQUE (d), UNIQUE (e), UNIQUE (f),"
                       "  UNIQUE (g), UNIQUE (h), UNIQUE (i), CONSTRAINT uj UNIQUE (j),"
                       "  CONSTRAINT uk UNIQUE (k) ON CONFLICT REPLACE, CONSTRAINT ul UNIQUE (l),"
                       "  CONSTRAINT ua2 UNIQUE (a COLLATE NOCASE), UNIQUE (b COLLATE NOCASE));");
    assert_int_equal(count_children(m, "m", SD_KIND_UNIQUE), 13);
    assert_field(get(m, SD_KIND_UNIQUE, "m", "uj"), SD_UNIQUE_COLUMNS, "(j)");
    assert_field(get(m, SD_KIND_UNIQUE, "m", "uk"), SD_UNIQUE_COLUMNS, "(k)");
    assert_field(get(m, SD_KIND_UNIQUE, "m", "ul"), SD_UNIQUE_COLUMNS, "(l)");
    assert_field(get(m, SD_KIND_UNIQUE, "m", "ua2"), SD_UNIQUE_COLUMNS, "(a)");
    assert_null(child_by(m, "m", SD_KIND_UNIQUE, SD_UNIQUE_COLUMNS, "(i)")->name);
    assert_null(child_by(m, "m", SD_KIND_UNIQUE, SD_UNIQUE_COLUMNS, "(b)")->name);
    sd_model_free(m);
}

static void
test_check_constraints(void **state)
{
    (void)state;
    sd_model *m = load("checks", "CREATE TABLE c (\n"
                                 "  a INT CHECK (a > 0),\n"
                                 "  b TEXT CONSTRAINT b_ok CHECK (b IN ('x)', \"a\", '(')),\n"
                                 "  d INT NOT NULL CHECK(((d)) <> -1) CHECK (d < 100),\n"
                                 "  CHECK ( a < d ),\n"
                                 "  CONSTRAINT both_set CHECK (a IS NOT NULL AND b IS NOT NULL)\n"
                                 "    ON CONFLICT ABORT,\n"
                                 "  CHECK (a > 0)\n" /* repeats the first: one in the model */
                                 ");");
    const sd_object *k;

    assert_int_equal(count_children(m, "c", SD_KIND_CHECK), 6);
    k = child_by(m, "c", SD_KIND_CHECK, SD_CHECK_EXPRESSION, "a > 0");
    assert_null(k->name);
    k = get(m, SD_KIND_CHECK, "c", "b_ok");
    assert_field(k, SD_CHECK_EXPRESSION, "b IN ('x)', \"a\", '(')");
    child_by(m, "c", SD_KIND_CHECK, SD_CHECK_EXPRESSION, "((d)) <> -1");
    child_by(m, "c", SD_KIND_CHECK, SD_CHECK_EXPRESSION, "d < 100");
    /* The exact text between the parentheses, spaces included. */
    child_by(m, "c", SD_KIND_CHECK, SD_CHECK_EXPRESSION, " a < d ");
    k = get(m, SD_KIND_CHECK, "c", "both_set");
    assert_field(k, SD_CHECK_EXPRESSION, "a IS NOT NULL AND b IS NOT NULL");
    sd_model_free(m);
}

static void
test_foreign_keys(void **state)
{
    (void)state;
    sd_model *m =
        load("fks", "CREATE TABLE Parent (id INTEGER PRIMARY KEY, code TEXT UNIQUE, x INT, y INT,"
                    "  UNIQUE (x, y));"
                    "CREATE TABLE child (\n"
                    "  id INTEGER PRIMARY KEY,\n"
                    "  p INT REFERENCES parent(ID) ON DELETE CASCADE ON UPDATE SET NULL,\n"
                    "  q INT CONSTRAINT q_fk REFERENCES Parent DEFERRABLE INITIALLY DEFERRED,\n"
                    "  r TEXT REFERENCES parent (code) MATCH simple NOT DEFERRABLE,\n"
                    "  s INT, t INT,\n"
                    "  CONSTRAINT st_fk FOREIGN KEY (s, t) REFERENCES Parent (x, y)\n"
                    "    ON DELETE RESTRICT MATCH FULL DEFERRABLE,\n"
                    "  FOREIGN KEY (t, s) REFERENCES parent (x, y) ON UPDATE SET DEFAULT\n"
                    "    DEFERRABLE INITIALLY IMMEDIATE,\n"
                    "  FOREIGN KEY (s) REFERENCES missing (z) ON DELETE NO ACTION\n"
                    ");");
    const sd_object *fk;

    assert_int_equal(count_children(m, "child", SD_KIND_FOREIGN_KEY), 6);

    fk = child_by(m, "child", SD_KIND_FOREIGN_KEY, SD_FK_COLUMNS, "(p)");
    assert_null(fk->name);
    assert_field(fk, SD_FK_REF_TABLE, "Parent"); /* the table's own spelling */
    assert_field(fk, SD_FK_REF_COLUMNS, "(id)");
    assert_field(fk, SD_FK_ON_DELETE, "CASCADE");
    assert_field(fk, SD_FK_ON_UPDATE, "SET NULL");
    assert_field(fk, SD_FK_MATCH, "NONE");
    assert_field(fk, SD_FK_DEFERRABLE, "false");
    assert_field(fk, SD_FK_INITIALLY_DEFERRED, "false");
    assert_true(has_dep(fk, SD_KIND_TABLE, "Parent"));

    fk = get(m, SD_KIND_FOREIGN_KEY, "child", "q_fk");
    assert_field(fk, SD_FK_COLUMNS, "(q)");
    assert_field(fk, SD_FK_REF_COLUMNS, "()");
    assert_field(fk, SD_FK_ON_DELETE, "NO ACTION");
    assert_field(fk, SD_FK_DEFERRABLE, "true");
    assert_field(fk, SD_FK_INITIALLY_DEFERRED, "true");

    fk = child_by(m, "child", SD_KIND_FOREIGN_KEY, SD_FK_COLUMNS, "(r)");
    assert_field(fk, SD_FK_MATCH, "SIMPLE");
    assert_field(fk, SD_FK_DEFERRABLE, "false");

    fk = get(m, SD_KIND_FOREIGN_KEY, "child", "st_fk");
    assert_field(fk, SD_FK_COLUMNS, "(s, t)");
    assert_field(fk, SD_FK_REF_COLUMNS, "(x, y)");
    assert_field(fk, SD_FK_ON_DELETE, "RESTRICT");
    assert_field(fk, SD_FK_ON_UPDATE, "NO ACTION");
    assert_field(fk, SD_FK_MATCH, "FULL");
    assert_field(fk, SD_FK_DEFERRABLE, "true");
    assert_field(fk, SD_FK_INITIALLY_DEFERRED, "false");

    fk = child_by(m, "child", SD_KIND_FOREIGN_KEY, SD_FK_COLUMNS, "(t, s)");
    assert_null(fk->name);
    assert_field(fk, SD_FK_ON_UPDATE, "SET DEFAULT");
    assert_field(fk, SD_FK_DEFERRABLE, "true");
    assert_field(fk, SD_FK_INITIALLY_DEFERRED, "false");

    /* A reference to a table that does not exist is kept as written, with no dependency. */
    fk = child_by(m, "child", SD_KIND_FOREIGN_KEY, SD_FK_REF_TABLE, "missing");
    assert_field(fk, SD_FK_REF_COLUMNS, "(z)");
    assert_int_equal(fk->ndeps, 0);
    sd_model_free(m);
}

/* Several keys between the same tables: the names must land on the right ones even though
 * the pragma numbers keys in reverse. */
static void
test_foreign_key_names_follow_columns(void **state)
{
    (void)state;
    sd_model *m = load("fknames", "CREATE TABLE p (a INT UNIQUE, b INT UNIQUE, c INT UNIQUE);"
                                  "CREATE TABLE k (a INT, b INT, c INT,"
                                  "  CONSTRAINT fa FOREIGN KEY (a) REFERENCES p (a),"
                                  "  CONSTRAINT fb FOREIGN KEY (b) REFERENCES p (b)"
                                  "    DEFERRABLE INITIALLY DEFERRED,"
                                  "  CONSTRAINT fc FOREIGN KEY (c) REFERENCES p (c) MATCH PARTIAL,"
                                  "  CONSTRAINT fc2 FOREIGN KEY (c) REFERENCES p (a)"
                                  "    ON DELETE CASCADE);");
    assert_field(get(m, SD_KIND_FOREIGN_KEY, "k", "fa"), SD_FK_COLUMNS, "(a)");
    assert_field(get(m, SD_KIND_FOREIGN_KEY, "k", "fb"), SD_FK_INITIALLY_DEFERRED, "true");
    assert_field(get(m, SD_KIND_FOREIGN_KEY, "k", "fa"), SD_FK_INITIALLY_DEFERRED, "false");
    assert_field(get(m, SD_KIND_FOREIGN_KEY, "k", "fc"), SD_FK_MATCH, "PARTIAL");
    assert_field(get(m, SD_KIND_FOREIGN_KEY, "k", "fc"), SD_FK_REF_COLUMNS, "(c)");
    assert_field(get(m, SD_KIND_FOREIGN_KEY, "k", "fc2"), SD_FK_REF_COLUMNS, "(a)");
    assert_field(get(m, SD_KIND_FOREIGN_KEY, "k", "fc2"), SD_FK_ON_DELETE, "CASCADE");
    sd_model_free(m);
}

/* ---- indexes ---- */

static void
test_indexes(void **state)
{
    (void)state;
    sd_model *m =
        load("indexes",
             "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT COLLATE nocase, c INT);"
             "CREATE INDEX t_a ON t (a);"
             "CREATE UNIQUE INDEX t_ab ON t (a DESC, b ASC);"
             "CREATE INDEX t_coll ON t (a COLLATE NOCASE, b COLLATE nocase, c COLLATE binary);"
             "CREATE INDEX t_b_bin ON t (b COLLATE BINARY DESC);"
             "CREATE INDEX t_expr ON t (lower(a), c + 1 DESC, (a || b) COLLATE rtrim, c);"
             "CREATE INDEX t_part ON t (c) WHERE c > 0 AND a IS NOT NULL;"
             "CREATE TABLE other (x);");
    const sd_object *ix;

    assert_int_equal(sd_model_count(m, SD_KIND_INDEX), 6);

    ix = get(m, SD_KIND_INDEX, "t", "t_a");
    assert_field(ix, SD_INDEX_UNIQUE, "false");
    assert_field(ix, SD_INDEX_KEYS, "(a)");
    assert_field(ix, SD_INDEX_WHERE, "(none)");
    assert_true(has_dep(ix, SD_KIND_TABLE, "t"));

    ix = get(m, SD_KIND_INDEX, "t", "t_ab");
    assert_field(ix, SD_INDEX_UNIQUE, "true");
    assert_field(ix, SD_INDEX_KEYS, "(a DESC, b)");

    /* Only collations that differ from the column's own are recorded. */
    ix = get(m, SD_KIND_INDEX, "t", "t_coll");
    assert_field(ix, SD_INDEX_KEYS, "(a COLLATE NOCASE, b, c)");
    ix = get(m, SD_KIND_INDEX, "t", "t_b_bin");
    assert_field(ix, SD_INDEX_KEYS, "(b COLLATE BINARY DESC)");

    ix = get(m, SD_KIND_INDEX, "t", "t_expr");
    assert_field(ix, SD_INDEX_KEYS, "(lower(a), c + 1 DESC, (a || b) COLLATE RTRIM, c)");
    assert_null(ix->v[SD_INDEX_KEYS].keys.items[0].column);
    assert_string_equal(ix->v[SD_INDEX_KEYS].keys.items[3].column, "c");

    ix = get(m, SD_KIND_INDEX, "t", "t_part");
    assert_field(ix, SD_INDEX_WHERE, "c > 0 AND a IS NOT NULL");
    sd_model_free(m);
}

/* ---- table options ---- */

static void
test_strict_and_without_rowid(void **state)
{
    (void)state;
    sd_model *m =
        load("options", "CREATE TABLE plain (a INT);"
                        "CREATE TABLE s (a INT) STRICT;"
                        "CREATE TABLE w (a INT PRIMARY KEY) WITHOUT ROWID;"
                        "CREATE TABLE sw (a TEXT PRIMARY KEY, b ANY) STRICT, WITHOUT ROWID;");
    assert_field(get(m, SD_KIND_TABLE, NULL, "plain"), SD_TABLE_STRICT, "false");
    assert_field(get(m, SD_KIND_TABLE, NULL, "plain"), SD_TABLE_WITHOUT_ROWID, "false");
    assert_field(get(m, SD_KIND_TABLE, NULL, "s"), SD_TABLE_STRICT, "true");
    assert_field(get(m, SD_KIND_TABLE, NULL, "s"), SD_TABLE_WITHOUT_ROWID, "false");
    assert_field(get(m, SD_KIND_TABLE, NULL, "w"), SD_TABLE_STRICT, "false");
    assert_field(get(m, SD_KIND_TABLE, NULL, "w"), SD_TABLE_WITHOUT_ROWID, "true");
    assert_field(get(m, SD_KIND_TABLE, NULL, "sw"), SD_TABLE_STRICT, "true");
    assert_field(get(m, SD_KIND_TABLE, NULL, "sw"), SD_TABLE_WITHOUT_ROWID, "true");
    assert_field(get(m, SD_KIND_COLUMN, "sw", "b"), SD_COLUMN_TYPE, "ANY");
    sd_model_free(m);
}

/* ---- names ---- */

static void
test_odd_identifiers(void **state)
{
    (void)state;
    sd_model *m = load(
        "names",
        "CREATE TABLE \"order\" (\"select\" INT PRIMARY KEY, [group by] TEXT, `back``tick` INT,"
        "  \"quo\"\"te\" TEXT COLLATE NOCASE, key INT, action TEXT, asc INT, replace INT,"
        "  \"naïve\" TEXT, 'str' INT,"
        "  CONSTRAINT \"my \"\"check\"\"\" CHECK (\"select\" > 0),"
        "  CONSTRAINT [u q] UNIQUE ([group by], `back``tick`));"
        "CREATE TABLE [my table] (id INTEGER PRIMARY KEY,"
        "  o INT REFERENCES \"order\" (\"select\"));"
        "CREATE TABLE `tablé` (x);"
        "CREATE INDEX \"idx \"\"1\"\"\" ON \"order\" (\"quo\"\"te\", [group by] DESC);"
        "CREATE VIEW \"a view\" AS SELECT \"select\", [group by] FROM \"order\";");

    assert_non_null(get(m, SD_KIND_TABLE, NULL, "order"));
    assert_non_null(get(m, SD_KIND_TABLE, NULL, "my table"));
    assert_non_null(get(m, SD_KIND_TABLE, NULL, "tablé"));
    assert_field(get(m, SD_KIND_COLUMN, "order", "select"), SD_COLUMN_POSITION, "1");
    assert_field(get(m, SD_KIND_COLUMN, "order", "group by"), SD_COLUMN_POSITION, "2");
    assert_field(get(m, SD_KIND_COLUMN, "order", "back`tick"), SD_COLUMN_POSITION, "3");
    assert_field(get(m, SD_KIND_COLUMN, "order", "quo\"te"), SD_COLUMN_COLLATION, "NOCASE");
    assert_field(get(m, SD_KIND_COLUMN, "order", "key"), SD_COLUMN_POSITION, "5");
    assert_field(get(m, SD_KIND_COLUMN, "order", "asc"), SD_COLUMN_POSITION, "7");
    assert_field(get(m, SD_KIND_COLUMN, "order", "naïve"), SD_COLUMN_TYPE, "TEXT");
    assert_field(get(m, SD_KIND_COLUMN, "order", "str"), SD_COLUMN_POSITION, "10");
    assert_field(get(m, SD_KIND_CHECK, "order", "my \"check\""), SD_CHECK_EXPRESSION,
                 "\"select\" > 0");
    assert_field(get(m, SD_KIND_UNIQUE, "order", "u q"), SD_UNIQUE_COLUMNS,
                 "(group by, back`tick)");
    assert_field(get(m, SD_KIND_PRIMARY_KEY, "order", NULL), SD_PK_COLUMNS, "(select)");

    const sd_object *fk = child_by(m, "my table", SD_KIND_FOREIGN_KEY, SD_FK_COLUMNS, "(o)");
    assert_field(fk, SD_FK_REF_TABLE, "order");
    assert_field(fk, SD_FK_REF_COLUMNS, "(select)");

    assert_field(get(m, SD_KIND_INDEX, "order", "idx \"1\""), SD_INDEX_KEYS,
                 "(quo\"te, group by DESC)");
    assert_true(has_dep(get(m, SD_KIND_VIEW, NULL, "a view"), SD_KIND_TABLE, "order"));
    sd_model_free(m);
}

/* ---- views and triggers ---- */

static void
test_views_and_triggers(void **state)
{
    (void)state;
    static const char *const view_sql = "CREATE VIEW big AS SELECT * FROM Orders WHERE n > 10";
    sd_model *m =
        load("views", "CREATE TABLE orders (id INTEGER PRIMARY KEY, n INT);"
                      "CREATE TABLE audit (id INT, note TEXT);"
                      "CREATE TABLE unrelated (z);"
                      "CREATE VIEW big AS SELECT * FROM Orders WHERE n > 10;"
                      "CREATE VIEW \"bigger\" AS SELECT b.id FROM big b JOIN [audit] a "
                      "  ON a.id = b.id;"
                      "CREATE TRIGGER orders_ins AFTER INSERT ON ORDERS BEGIN "
                      "  INSERT INTO audit VALUES (new.id, 'unrelated'); END;"
                      "CREATE TRIGGER big_ins INSTEAD OF INSERT ON big BEGIN "
                      "  INSERT INTO orders (n) VALUES (new.n); END;"
                      "CREATE TRIGGER unrelated AFTER DELETE ON audit BEGIN SELECT 1; END;");
    const sd_object *o;

    o = get(m, SD_KIND_VIEW, NULL, "big");
    assert_field(o, SD_VIEW_SQL, view_sql);
    assert_true(has_dep(o, SD_KIND_TABLE, "orders")); /* canonical spelling */
    assert_int_equal(o->ndeps, 1);

    o = get(m, SD_KIND_VIEW, NULL, "bigger");
    assert_true(has_dep(o, SD_KIND_VIEW, "big"));
    assert_true(has_dep(o, SD_KIND_TABLE, "audit"));
    assert_int_equal(o->ndeps, 2);

    o = get(m, SD_KIND_TRIGGER, "orders", "orders_ins");
    assert_non_null(strstr(o->v[SD_TRIGGER_SQL].sql.text, "CREATE TRIGGER orders_ins"));
    assert_true(has_dep(o, SD_KIND_TABLE, "orders"));
    assert_true(has_dep(o, SD_KIND_TABLE, "audit"));
    assert_false(has_dep(o, SD_KIND_TABLE, "unrelated")); /* a string, not a name */
    assert_int_equal(o->ndeps, 2);

    o = get(m, SD_KIND_TRIGGER, "big", "big_ins");
    assert_true(has_dep(o, SD_KIND_VIEW, "big"));
    assert_true(has_dep(o, SD_KIND_TABLE, "orders"));
    assert_int_equal(o->ndeps, 2);

    /* A trigger's own name is not a reference to the table that shares it. */
    o = get(m, SD_KIND_TRIGGER, "audit", "unrelated");
    assert_true(has_dep(o, SD_KIND_TABLE, "audit"));
    assert_int_equal(o->ndeps, 1);
    sd_model_free(m);
}

/* Statement headers whose words double as names: the object's own name is no reference. */
static void
test_dependency_headers(void **state)
{
    (void)state;
    sd_model *m =
        load("headers", "CREATE TABLE temp_t (a); CREATE TABLE [if] (x);"
                        "CREATE TABLE trg2 (y);"
                        "CREATE VIEW temp AS SELECT a FROM temp_t;"
                        "CREATE TRIGGER \"if\" AFTER INSERT ON temp_t BEGIN SELECT 1; END;"
                        "CREATE TRIGGER IF NOT EXISTS main.trg2 AFTER INSERT ON temp_t "
                        "  BEGIN SELECT 2; END;"
                        "CREATE VIEW view AS SELECT x FROM \"if\";");
    const sd_object *o = get(m, SD_KIND_VIEW, NULL, "temp");
    assert_true(has_dep(o, SD_KIND_TABLE, "temp_t"));
    assert_int_equal(o->ndeps, 1);
    o = get(m, SD_KIND_TRIGGER, "temp_t", "if");
    assert_true(has_dep(o, SD_KIND_TABLE, "temp_t"));
    assert_int_equal(o->ndeps, 1);
    o = get(m, SD_KIND_TRIGGER, "temp_t", "trg2");
    assert_int_equal(o->ndeps, 1);
    o = get(m, SD_KIND_VIEW, NULL, "view");
    assert_true(has_dep(o, SD_KIND_TABLE, "if"));
    assert_int_equal(o->ndeps, 1);
    sd_model_free(m);
}

/* ---- what is skipped ---- */

static void
test_internal_tables_skipped(void **state)
{
    (void)state;
    sd_model *m = load("internal", "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, a);"
                                   "CREATE INDEX t_a ON t (a);"
                                   "INSERT INTO t (a) VALUES (1), (2);"
                                   "ANALYZE;");
    assert_int_equal(sd_model_count(m, SD_KIND_TABLE), 1);
    assert_string_equal(sd_model_at(m, SD_KIND_TABLE, 0)->name, "t");
    assert_int_equal(sd_model_count(m, SD_KIND_INDEX), 1);
    sd_model_free(m);
}

static void
test_virtual_tables_skipped(void **state)
{
    (void)state;
    char path[1024];
    sqlite3 *db = NULL;

    make_db("vtab", "CREATE VIRTUAL TABLE docs USING fts5(body);"
                    "CREATE TABLE docs_meta_extra (a);" /* a real table with a similar name */
                    "CREATE TABLE real (id INTEGER PRIMARY KEY);"
                    "CREATE VIEW v AS SELECT body FROM docs JOIN real;");
    /* A virtual table whose module this SQLite lacks, and its would-be shadow table. */
    db_path(path, sizeof(path), "vtab");
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "CREATE TABLE ghost_node (x);"
                                  "PRAGMA writable_schema = ON;"
                                  "INSERT INTO sqlite_schema VALUES ('table', 'ghost', 'ghost', 0,"
                                  "  'CREATE VIRTUAL TABLE ghost USING nosuchmodule(a, b)');",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);

    sd_model *m = introspect("vtab");
    assert_int_equal(sd_model_count(m, SD_KIND_TABLE), 2);
    assert_non_null(get(m, SD_KIND_TABLE, NULL, "docs_meta_extra"));
    assert_non_null(get(m, SD_KIND_TABLE, NULL, "real"));
    const sd_object *v = get(m, SD_KIND_VIEW, NULL, "v");
    assert_true(has_dep(v, SD_KIND_TABLE, "real"));
    assert_int_equal(v->ndeps, 1);
    sd_model_free(m);
}

/* ---- determinism ---- */

static const char *const ORDER_A =
    "CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE,"
    "  name TEXT COLLATE NOCASE, CHECK (length(email) > 3), CONSTRAINT named CHECK (id > 0));"
    "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer INT, ref INT, total REAL,"
    "  FOREIGN KEY (customer) REFERENCES customers (id) ON DELETE CASCADE,"
    "  FOREIGN KEY (ref) REFERENCES orders (id),"
    "  UNIQUE (customer, ref), UNIQUE (total));"
    "CREATE INDEX orders_total ON orders (total DESC) WHERE total > 0;"
    "CREATE INDEX cust_name ON customers (lower(name));"
    "CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100;"
    "CREATE VIEW big_customers AS SELECT DISTINCT customer FROM big_orders;"
    "CREATE TRIGGER t1 AFTER INSERT ON orders BEGIN SELECT 1; END;"
    "CREATE TRIGGER t2 AFTER DELETE ON customers BEGIN DELETE FROM orders; END;";

/* Same schema: objects created in the reverse order, constraints declared in another order. */
static const char *const ORDER_B =
    "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer INT, ref INT, total REAL,"
    "  UNIQUE (total), UNIQUE (customer, ref),"
    "  FOREIGN KEY (ref) REFERENCES orders (id),"
    "  FOREIGN KEY (customer) REFERENCES customers (id) ON DELETE CASCADE);"
    "CREATE TRIGGER t1 AFTER INSERT ON orders BEGIN SELECT 1; END;"
    "CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE,"
    "  name TEXT COLLATE NOCASE, CONSTRAINT named CHECK (id > 0), CHECK (length(email) > 3));"
    "CREATE TRIGGER t2 AFTER DELETE ON customers BEGIN DELETE FROM orders; END;"
    "CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100;"
    "CREATE INDEX cust_name ON customers (lower(name));"
    "CREATE VIEW big_customers AS SELECT DISTINCT customer FROM big_orders;"
    "CREATE INDEX orders_total ON orders (total DESC) WHERE total > 0;";

static void
test_creation_order_does_not_matter(void **state)
{
    (void)state;
    sd_model *a = load("order_a", ORDER_A);
    sd_model *b = load("order_b", ORDER_B);
    sd_model *a2 = introspect("order_a");

    assert_int_equal(sd_model_size(a), sd_model_size(b));
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        assert_int_equal(sd_model_count(a, (sd_kind)k), sd_model_count(b, (sd_kind)k));
        for (size_t i = 0; i < sd_model_count(a, (sd_kind)k); i++) {
            sd_buf x = SD_BUF_INIT;
            sd_buf y = SD_BUF_INIT;
            sd_object_canonical(&x, a, sd_model_at(a, (sd_kind)k, i));
            sd_object_canonical(&y, b, sd_model_at(b, (sd_kind)k, i));
            assert_string_equal(sd_buf_cstr(&x), sd_buf_cstr(&y));
            sd_buf_dispose(&x);
            sd_buf_dispose(&y);
        }
    }
    assert_true(sd_model_fingerprint(a) == sd_model_fingerprint(b));
    assert_true(sd_model_fingerprint(a) == sd_model_fingerprint(a2));

    /* And the fingerprint does see a real difference. */
    sd_model *c =
        load("order_c", "CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL "
                        "UNIQUE, name TEXT COLLATE RTRIM, CHECK (length(email) > 3),"
                        "CONSTRAINT named CHECK (id > 0));");
    assert_false(sd_model_fingerprint(a) == sd_model_fingerprint(c));
    sd_model_free(a);
    sd_model_free(a2);
    sd_model_free(b);
    sd_model_free(c);
}

/* ---- the CREATE text reader on its own ---- */

static void
test_parse_table_grammar(void **state)
{
    (void)state;
    sd_arena *a = sd_arena_new();
    sd_err err = SD_ERR_INIT;
    sd_ddl_table t;
    /* Keywords SQLite takes as names, type words, constraint names applying to the next
     * constraint only, table constraints without commas, column-level DEFERRABLE. */
    static const char sql[] =
        "CREATE TEMP TABLE IF NOT EXISTS main.\"t\" (\n"
        "  key UNSIGNED BIG INT CONSTRAINT k_pk PRIMARY KEY ASC AUTOINCREMENT,\n"
        "  action \"my type\"(10, -2) CONSTRAINT a_nn NOT NULL CHECK (action <> ')'),\n"
        "  g GENERATED ALWAYS AS (key * 2), -- comment ) (\n"
        "  h INT GENERATED ALWAYS AS ((key)) STORED COLLATE \"Nocase\",\n"
        "  r REFERENCES p ON DELETE SET NULL ON INSERT CASCADE NOT DEFERRABLE INITIALLY DEFERRED,\n"
        "  s REFERENCES p(x) MATCH partial, q DEFERRABLE INITIALLY DEFERRED,\n"
        "  CONSTRAINT dangling, UNIQUE (key, [action]) CHECK (1) CONSTRAINT c2 CHECK (2)\n"
        "  FOREIGN KEY ((r) COLLATE x DESC) REFERENCES p (y)\n"
        ") STRICT, WITHOUT ROWID;";

    assert_int_equal(sd_introspect__parse_table(&t, a, sql, &err), SD_OK);
    assert_string_equal(t.name, "t");
    assert_true(t.strict);
    assert_true(t.without_rowid);
    assert_int_equal(t.ncolumns, 7);
    assert_string_equal(t.columns[0].name, "key");
    assert_string_equal(t.columns[1].name, "action");
    assert_string_equal(t.columns[2].generated, "key * 2");
    assert_false(t.columns[2].stored);
    assert_string_equal(t.columns[3].generated, "(key)");
    assert_true(t.columns[3].stored);
    assert_string_equal(t.columns[3].collation, "Nocase");

    assert_int_equal(t.ncons, 8);
    assert_int_equal(t.cons[0].type, SD_DDL_PRIMARY_KEY);
    assert_string_equal(t.cons[0].name, "k_pk");
    assert_true(t.cons[0].autoincrement);
    /* CONSTRAINT a_nn named the NOT NULL; the CHECK after it is unnamed. */
    assert_int_equal(t.cons[1].type, SD_DDL_CHECK);
    assert_null(t.cons[1].name);
    assert_string_equal(t.cons[1].expr, "action <> ')'");
    assert_int_equal(t.cons[2].type, SD_DDL_FOREIGN_KEY);
    assert_string_equal(t.cons[2].on_delete, "SET NULL");
    assert_string_equal(t.cons[2].on_update, "NO ACTION");
    assert_false(t.cons[2].deferrable);
    assert_false(t.cons[2].initially_deferred);
    assert_int_equal(t.cons[2].ref_columns.len, 0);
    /* q's DEFERRABLE applies to the latest foreign key, s's (SQLite does the same). */
    assert_string_equal(t.cons[3].columns.items[0], "s");
    assert_string_equal(t.cons[3].match, "PARTIAL");
    assert_true(t.cons[3].deferrable);
    assert_true(t.cons[3].initially_deferred);
    /* "CONSTRAINT dangling," names nothing: the comma ends it. */
    assert_int_equal(t.cons[4].type, SD_DDL_UNIQUE);
    assert_null(t.cons[4].name);
    assert_string_equal(t.cons[4].columns.items[1], "action");
    assert_int_equal(t.cons[5].type, SD_DDL_CHECK);
    assert_string_equal(t.cons[6].name, "c2");
    assert_string_equal(t.cons[6].expr, "2");
    assert_int_equal(t.cons[7].type, SD_DDL_FOREIGN_KEY);
    assert_string_equal(t.cons[7].columns.items[0], "r");
    assert_string_equal(t.cons[7].ref_columns.items[0], "y");
    sd_arena_free(a);
}

static void
test_parse_errors(void **state)
{
    (void)state;
    sd_arena *a = sd_arena_new();
    sd_err err = SD_ERR_INIT;
    sd_ddl_table t;
    sd_ddl_index ix;

    assert_int_equal(
        sd_introspect__parse_table(&t, a, "CREATE TABLE t (a INT, PRIMARY KEY a)", &err),
        SD_ERR_PARSE);
    assert_string_equal(err.msg, "expected \"(\", found \"a\"");
    assert_string_equal(err.where, "offset 35");

    sd_err_clear(&err);
    assert_int_equal(sd_introspect__parse_table(&t, a, "CREATE TABLE t (a CHECK (a > 0)", &err),
                     SD_ERR_PARSE);
    assert_string_equal(err.msg, "expected a column definition, a table constraint or \")\", "
                                 "found end of text");

    sd_err_clear(&err);
    assert_int_equal(sd_introspect__parse_table(&t, a, "CREATE TABLE t (a) garbage", &err),
                     SD_ERR_PARSE);
    assert_string_equal(err.msg, "expected WITHOUT ROWID or STRICT, found \"garbage\"");

    sd_err_clear(&err);
    assert_int_equal(sd_introspect__parse_table(&t, a, "CREATE TABLE t (a 'unterminated)", &err),
                     SD_ERR_PARSE);

    sd_err_clear(&err);
    assert_int_equal(sd_introspect__parse_index(&ix, a, "CREATE INDEX i ON t (a, )", &err),
                     SD_ERR_PARSE);
    assert_string_equal(err.msg, "expected an index key, found \")\"");
    sd_arena_free(a);
}

static void
test_parse_index_grammar(void **state)
{
    (void)state;
    sd_arena *a = sd_arena_new();
    sd_err err = SD_ERR_INIT;
    sd_ddl_index ix;

    assert_int_equal(
        sd_introspect__parse_index(&ix, a,
                                   "CREATE UNIQUE INDEX IF NOT EXISTS main.\"i x\" ON [t] ("
                                   "lower(a) COLLATE nocase DESC, (b + 1), c ASC, d COLLATE x,"
                                   " asc, f(g, (h)) /* c */ DESC"
                                   ") WHERE a IS NOT NULL AND (b > 0);",
                                   &err),
        SD_OK);
    assert_true(ix.unique);
    assert_string_equal(ix.name, "i x");
    assert_string_equal(ix.table, "t");
    assert_int_equal(ix.nkeys, 6);
    assert_string_equal(ix.keys[0].expr, "lower(a)");
    assert_true(ix.keys[0].collate);
    assert_string_equal(ix.keys[1].expr, "(b + 1)");
    assert_false(ix.keys[1].collate);
    assert_string_equal(ix.keys[2].expr, "c");
    assert_string_equal(ix.keys[3].expr, "d");
    assert_true(ix.keys[3].collate);
    assert_string_equal(ix.keys[4].expr, "asc"); /* a column named asc, not an order */
    assert_string_equal(ix.keys[5].expr, "f(g, (h))");
    assert_string_equal(ix.where, "a IS NOT NULL AND (b > 0)");
    sd_arena_free(a);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_not_a_database),
        cmocka_unit_test(test_directory_is_not_a_database),
        cmocka_unit_test(test_empty_database),
        cmocka_unit_test(test_never_modifies),
        cmocka_unit_test(test_columns),
        cmocka_unit_test(test_altered_table),
        cmocka_unit_test(test_create_table_as_select),
        cmocka_unit_test(test_primary_keys),
        cmocka_unit_test(test_unique_constraints),
        cmocka_unit_test(test_many_unique_constraints),
        cmocka_unit_test(test_check_constraints),
        cmocka_unit_test(test_foreign_keys),
        cmocka_unit_test(test_foreign_key_names_follow_columns),
        cmocka_unit_test(test_indexes),
        cmocka_unit_test(test_strict_and_without_rowid),
        cmocka_unit_test(test_odd_identifiers),
        cmocka_unit_test(test_views_and_triggers),
        cmocka_unit_test(test_dependency_headers),
        cmocka_unit_test(test_internal_tables_skipped),
        cmocka_unit_test(test_virtual_tables_skipped),
        cmocka_unit_test(test_creation_order_does_not_matter),
        cmocka_unit_test(test_parse_table_grammar),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_parse_index_grammar),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
