/*
 * test_fill.c: unit tests for the filler (fill/fill.h). Models are built in C; the tests
 * assert on the exact SQL (order, values per type, keys that line up, what is left out) and
 * on determinism. Loading the rows into real databases is the round trips' job
 * (SD_RT_ROWS in tests/integration).
 */
/* clang-format off */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
/* clang-format on */

#include <stdlib.h>
#include <string.h>

#include "fill/fill.h"
#include "model/model.h"
#include "support/model_builder.h"
#include "support/short_builders.h"
#include "util/buf.h"
#include "util/err.h"

static sd_object *
fk(sd_model *m, const char *t, const char *name, const char *cols, const char *ref, const char *rc)
{
    sd_object *o = add(m, SD_KIND_FOREIGN_KEY, t, name);
    names(m, o, SD_FK_COLUMNS, cols);
    if (sd_model_engine(m) == SD_ENGINE_PG)
        sd_obj_set_str(m, o, SD_FK_REF_SCHEMA, "public");
    sd_obj_set_str(m, o, SD_FK_REF_TABLE, ref);
    names(m, o, SD_FK_REF_COLUMNS, rc);
    return o;
}

static char *
fill(const sd_model *m, size_t rows, uint64_t seed)
{
    sd_buf out = SD_BUF_INIT;
    sd_err err = SD_ERR_INIT;
    sd_fill_options opt = { rows, seed };
    ASSERT_SD_OK(sd_fill_sql(&out, m, &opt, &err), &err);
    return sd_buf_take(&out);
}

/* A PostgreSQL schema with one column of every kind of value the filler writes; "child"
 * comes before "parent" in canonical order, so the output order is the foreign keys'. */
static sd_model *
pg_model(void)
{
    sd_model *m = sdt_model_new(SD_ENGINE_PG);
    sd_object *e = add(m, SD_KIND_ENUM, NULL, "mood");
    names(m, e, SD_ENUM_VALUES, "sad ok");
    sd_object *d = add(m, SD_KIND_DOMAIN, NULL, "email");
    sd_obj_set_str(m, d, SD_DOMAIN_BASE_TYPE, "text");
    sd_obj_add_name(m, d, SD_DOMAIN_CHECKS, "CHECK ((VALUE ~~ '%@x.org'::text))");

    table(m, "parent");
    not_null(col(m, "parent", 1, "id", "integer"));
    not_null(col(m, "parent", 2, "name", "text"));
    col(m, "parent", 3, "mood", "public.mood");
    col(m, "parent", 4, "tags", "text[]");
    col(m, "parent", 5, "doc", "jsonb");
    col(m, "parent", 6, "flag", "boolean");
    col(m, "parent", 7, "born", "date");
    col(m, "parent", 8, "at", "timestamp with time zone");
    col(m, "parent", 9, "qty", "numeric(4,1)");
    col(m, "parent", 10, "mail", "public.email");
    sd_object *g = col(m, "parent", 11, "twice", "integer");
    sd_obj_set_sql(m, g, SD_COLUMN_GENERATED, "(qty * 2)");
    sd_obj_set_str(m, g, SD_COLUMN_GENERATED_KIND, "stored");
    sd_object *ident = not_null(col(m, "parent", 12, "serial", "bigint"));
    sd_obj_set_str(m, ident, SD_COLUMN_IDENTITY, "always");
    col(m, "parent", 13, "raw", "bytea");
    col(m, "parent", 14, "addr", "inet");
    col(m, "parent", 15, "uid", "uuid");
    col(m, "parent", 16, "wait", "interval");
    col(m, "parent", 17, "shape", "public.box3d"); /* unknown and nullable: left out */
    col(m, "parent", 18, "status", "character varying(8)");
    dflt(m, col(m, "parent", 19, "code", "public.code"), "'x'::public.code");
    col(m, "parent", 20, "bits", "bit(3)");
    col(m, "parent", 21, "during", "daterange");
    sd_object *pair = add(m, SD_KIND_COMPOSITE, NULL, "pair");
    sd_obj_set_sql(m, pair, SD_COMPOSITE_ATTRIBUTES,
                   "a integer, \"B, c\" text COLLATE pg_catalog.\"C\", d public.mood");
    col(m, "parent", 22, "two", "public.pair");
    pk(m, "parent", "parent_pkey", "id");
    check(m, "parent", "qty_range", "((qty > (0)::numeric) AND (qty < (10)::numeric))");
    check(m, "parent", "status_in",
          "((status)::text = ANY ((ARRAY['new'::character varying, 'it''s'::character "
          "varying])::text[]))");

    table(m, "child");
    not_null(col(m, "child", 1, "id", "integer"));
    not_null(col(m, "child", 2, "parent_id", "integer"));
    col(m, "child", 3, "up", "integer");
    col(m, "child", 4, "Note", "character varying(10)");
    pk(m, "child", "child_pkey", "id");
    fk(m, "child", "child_parent_fkey", "parent_id", "parent", "id");
    fk(m, "child", "child_up_fkey", "up", "child", "id");
    sdt_freeze(m);
    return m;
}

#define PG_ROW(body)                                                                       \
    "DO $$BEGIN " body " EXCEPTION WHEN integrity_constraint_violation OR data_exception " \
    "THEN NULL; END$$;\n"

/* A row the schema refuses is tried again without the columns nothing requires. */
#define PG_ROW2(full, minimal)                                                                \
    "DO $$BEGIN " full " EXCEPTION WHEN integrity_constraint_violation OR data_exception "    \
    "THEN BEGIN " minimal " EXCEPTION WHEN integrity_constraint_violation OR data_exception " \
    "THEN NULL; END; END$$;\n"

static void
test_pg_exact(void **state)
{
    (void)state;
    sd_model *m = pg_model();
    char *sql = fill(m, 2, 10);
    /* clang-format off */
    assert_string_equal(sql,
        "-- schemadrift fill: 2 rows per table, seed 10\n"
        PG_ROW2("INSERT INTO public.parent (id, name, mood, tags, doc, flag, born, at, qty, mail, "
                "raw, addr, uid, wait, status, bits, during, two) VALUES (11, '11', 'sad', '{}', "
                "'{}', "
                "true, '2024-01-11', '2024-01-11 00:00:11+00', 1, '1@x.org', "
                "'\\x000000000000000b', '10.0.0.11', '00000000-0000-4000-8000-00000000000b', "
                "'11 seconds', 'new', '011', '[2024-01-11,2024-01-11]', "
                "'(\"11\",\"11\",\"sad\")');",
                "INSERT INTO public.parent (id, name) VALUES (11, '11');")
        PG_ROW2("INSERT INTO public.parent (id, name, mood, tags, doc, flag, born, at, qty, mail, "
                "raw, addr, uid, wait, status, bits, during, two) VALUES (12, '12', 'ok', '{}', "
                "'{}', "
                "false, '2024-01-12', '2024-01-12 00:00:12+00', 2, '2@x.org', "
                "'\\x000000000000000c', '10.0.0.12', '00000000-0000-4000-8000-00000000000c', "
                "'12 seconds', 'it''s', '100', '[2024-01-12,2024-01-12]', "
                "'(\"12\",\"12\",\"ok\")');",
                "INSERT INTO public.parent (id, name) VALUES (12, '12');")
        PG_ROW2("INSERT INTO public.child (id, parent_id, up, \"Note\") VALUES (11, 11, NULL, "
                "'11');",
                "INSERT INTO public.child (id, parent_id, up) VALUES (11, 11, NULL);")
        PG_ROW2("INSERT INTO public.child (id, parent_id, up, \"Note\") VALUES (12, 12, NULL, "
                "'12');",
                "INSERT INTO public.child (id, parent_id, up) VALUES (12, 12, NULL);"));
    /* clang-format on */
    free(sql);
    sd_model_free(m);
}

static void
test_sqlite_exact(void **state)
{
    (void)state;
    sd_model *m = sdt_model_new(SD_ENGINE_SQLITE);
    table(m, "t");
    col(m, "t", 1, "id", "INTEGER");
    col(m, "t", 2, "name", "TEXT");
    col(m, "t", 3, "price", "REAL");
    col(m, "t", 4, "b", "BLOB");
    col(m, "t", 5, "ok", "BOOLEAN");
    not_null(col(m, "t", 6, "kind", "TEXT"));
    col(m, "t", 7, "seen", "DATETIME");
    col(m, "t", 8, "any", NULL);
    sd_object *g = col(m, "t", 9, "up", "TEXT");
    sd_obj_set_sql(m, g, SD_COLUMN_GENERATED, "upper(name)");
    sd_obj_set_str(m, g, SD_COLUMN_GENERATED_KIND, "virtual");
    col(m, "t", 10, "mail", "TEXT");
    pk(m, "t", NULL, "id");
    check(m, "t", NULL, "kind IN ('A', 'B')");
    check(m, "t", NULL, "mail LIKE '%@_.org'");
    table(m, "u");
    col(m, "u", 1, "t_id", "INTEGER");
    fk(m, "u", NULL, "t_id", "t", ""); /* no column list: t's primary key */
    sdt_freeze(m);
    char *sql = fill(m, 2, 0);
    assert_string_equal(sql, "-- schemadrift fill: 2 rows per table, seed 0\n"
                             "INSERT OR IGNORE INTO t (id, name, price, b, ok, kind, seen, any, "
                             "mail) VALUES (1, '1', 1, X'0000000000000001', 1, 'A', "
                             "'2024-01-01 00:00:01', 1, '1@0.org');\n"
                             "INSERT OR IGNORE INTO t (id, name, price, b, ok, kind, seen, any, "
                             "mail) VALUES (2, '2', 2, X'0000000000000002', 0, 'B', "
                             "'2024-01-02 00:00:02', 2, '2@0.org');\n"
                             "INSERT OR IGNORE INTO u (t_id) VALUES (1);\n"
                             "INSERT OR IGNORE INTO u (t_id) VALUES (2);\n");
    free(sql);
    sd_model_free(m);
}

/* A cycle: a -> b (nullable) and b -> a (NOT NULL). c, outside it, comes first (it has no
 * parents to wait for); then a, the first of the cycle, with its key into the cycle NULL; b
 * then finds a's rows. A table without columns gets DEFAULT VALUES. */
static void
test_cycle_and_empty(void **state)
{
    (void)state;
    sd_model *m = sdt_model_new(SD_ENGINE_PG);
    table(m, "a");
    not_null(col(m, "a", 1, "id", "integer"));
    col(m, "a", 2, "b_id", "integer");
    pk(m, "a", "a_pkey", "id");
    fk(m, "a", "a_b_fkey", "b_id", "b", "id");
    table(m, "b");
    not_null(col(m, "b", 1, "id", "integer"));
    not_null(col(m, "b", 2, "a_id", "integer"));
    pk(m, "b", "b_pkey", "id");
    fk(m, "b", "b_a_fkey", "a_id", "a", "id");
    table(m, "c");
    sdt_freeze(m);
    char *sql = fill(m, 1, 0);
    /* clang-format off */
    assert_string_equal(sql, "-- schemadrift fill: 1 rows per table, seed 0\n"
                             PG_ROW("INSERT INTO public.c DEFAULT VALUES;")
                             PG_ROW("INSERT INTO public.a (id, b_id) VALUES (1, NULL);")
                             PG_ROW("INSERT INTO public.b (id, a_id) VALUES (1, 1);"));
    /* clang-format on */
    free(sql);
    sd_model_free(m);
}

/* A foreign table gets no rows (they are its server's), nor does a partitioned table with a
 * foreign partition at any depth (it would route rows there): here p -> p1 -> p1a, foreign
 * two levels down. q, whose partition is a table of its own rows, gets them. */
static void
test_foreign_partitions(void **state)
{
    (void)state;
    sd_model *m = sdt_model_new(SD_ENGINE_PG);
    const char *parts[][3] = { { "p", NULL, "RANGE (a)" },   { "p1", "public.p", "RANGE (a)" },
                               { "p1a", "public.p1", NULL }, { "q", NULL, "LIST (a)" },
                               { "q1", "public.q", NULL },   { "ft", NULL, NULL } };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        sd_object *t = table(m, parts[i][0]);
        if (parts[i][1] != NULL)
            sd_obj_set_str(m, t, SD_TABLE_PARTITION_OF, parts[i][1]);
        if (parts[i][2] != NULL)
            sd_obj_set_str(m, t, SD_TABLE_PARTITION_KEY, parts[i][2]);
        if (strcmp(parts[i][0], "p1a") == 0 || strcmp(parts[i][0], "ft") == 0)
            sd_obj_set_str(m, t, SD_TABLE_FOREIGN_SERVER, "s");
        col(m, parts[i][0], 1, "a", "integer");
    }
    sdt_freeze(m);
    char *sql = fill(m, 1, 0);
    /* clang-format off */
    assert_string_equal(sql, "-- schemadrift fill: 1 rows per table, seed 0\n"
                             PG_ROW2("INSERT INTO public.q (a) VALUES (1);",
                                     "INSERT INTO public.q DEFAULT VALUES;"));
    /* clang-format on */
    free(sql);
    sd_model_free(m);
}

/* The same model and options give the same bytes; another seed other keys; no options (and
 * rows 0) mean three rows per table. */
static void
test_deterministic(void **state)
{
    (void)state;
    sd_model *m1 = pg_model();
    sd_model *m2 = pg_model();
    char *a = fill(m1, 3, 7);
    char *b = fill(m2, 3, 7);
    char *c = fill(m1, 3, 8);
    char *d = fill(m1, 0, 0);
    sd_buf e = SD_BUF_INIT;
    sd_err err = SD_ERR_INIT;
    ASSERT_SD_OK(sd_fill_sql(&e, m1, NULL, &err), &err);
    assert_string_equal(a, b);
    assert_string_not_equal(a, c);
    assert_string_equal(d, sd_buf_cstr(&e));
    ASSERT_CONTAINS(d, "3 rows per table, seed 0\n");
    ASSERT_CONTAINS(d, "VALUES (3, 3, NULL, '3');");
    assert_null(strstr(d, "VALUES (4,"));
    free(a);
    free(b);
    free(c);
    free(d);
    sd_buf_dispose(&e);
    sd_model_free(m1);
    sd_model_free(m2);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pg_exact),        cmocka_unit_test(test_sqlite_exact),
        cmocka_unit_test(test_cycle_and_empty), cmocka_unit_test(test_foreign_partitions),
        cmocka_unit_test(test_deterministic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
