/*
 * test_emit_pg.c: unit tests for the PostgreSQL emitter (emit/emit.h). Both models are built
 * in C as a PostgreSQL introspection would fill them (model/model.h, "Value formats"),
 * compared with sd_diff_models() and emitted; the tests assert on the exact script for small
 * cases and on statements and their order for larger ones. Running scripts against a server
 * is the integration tests' job (emit never links libpq).
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

#include "diff/diff.h"
#include "emit/emit.h"
#include "model/model.h"
#include "support/model_builder.h"
#include "support/pg_builders.h"
#include "support/short_builders.h"
#include "util/buf.h"
#include "util/err.h"

#define HEAD                                    \
    "SET check_function_bodies = false;\n"      \
    "SET client_min_messages = warning;\n"      \
    "SET standard_conforming_strings = on;\n"   \
    "SET default_table_access_method = heap;\n" \
    "SELECT pg_catalog.set_config('search_path', '', false);\n"
#define BEGIN "\nBEGIN;\n"
#define TAIL  "\nCOMMIT;\n"

typedef struct fixture {
    sd_model *from; /* the "from" model being built */
    sd_model *to;   /* the "to" model being built */
    sd_buf out;     /* the emitted script */
    bool directive; /* keep the client directive atop the script (tests of it only) */
} fixture;

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof(*f));
    if (f == NULL)
        return -1;
    f->from = sd_model_new(SD_ENGINE_PG);
    f->to = sd_model_new(SD_ENGINE_PG);
    *state = f;
    return f->from != NULL && f->to != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    sd_model_free(f->from);
    sd_model_free(f->to);
    sd_buf_dispose(&f->out);
    free(f);
    return 0;
}

/* ---- model builders (and those of support/short_builders.h) ---- */

/* add() in another schema than public. */
static sd_object *
add_in(sd_model *m, sd_kind kind, const char *schema, const char *table, const char *name)
{
    return sdt_add(m, kind, schema, table, name);
}

static sd_object *
fk(sd_model *m, const char *t, const char *name, const char *cols, const char *ref, const char *rc)
{
    sd_object *o = add(m, SD_KIND_FOREIGN_KEY, t, name);
    names(m, o, SD_FK_COLUMNS, cols);
    sd_obj_set_str(m, o, SD_FK_REF_SCHEMA, "public");
    sd_obj_set_str(m, o, SD_FK_REF_TABLE, ref);
    names(m, o, SD_FK_REF_COLUMNS, rc);
    sd_obj_set_str(m, o, SD_FK_MATCH, "SIMPLE");
    sd_obj_set_str(m, o, SD_FK_ON_DELETE, "NO ACTION");
    sd_obj_set_str(m, o, SD_FK_ON_UPDATE, "NO ACTION");
    sd_obj_add_dep(m, o, SD_KIND_TABLE, "public", NULL, ref);
    return o;
}

static sd_object *
enum_type(sd_model *m, const char *name, const char *values)
{
    sd_object *o = add(m, SD_KIND_ENUM, NULL, name);
    names(m, o, SD_ENUM_VALUES, values);
    return o;
}

static sd_object *
function(sd_model *m, const char *name, const char *args, const char *result, const char *def)
{
    char full[256];
    snprintf(full, sizeof(full), "%s(%s)", name, args);
    sd_object *o = add(m, SD_KIND_FUNCTION, NULL, full);
    sd_obj_set_str(m, o, SD_FUNCTION_KIND, "function");
    sd_obj_set_str(m, o, SD_FUNCTION_NAME, name);
    sd_obj_set_str(m, o, SD_FUNCTION_ARGUMENTS, args);
    sd_obj_set_str(m, o, SD_FUNCTION_RESULT, result);
    sd_obj_set_sql(m, o, SD_FUNCTION_DEFINITION, def);
    return o;
}

/* users(id integer NOT NULL, name text) with a primary key, in m. */
static void
users(sd_model *m)
{
    table(m, "users");
    not_null(col(m, "users", 1, "id", "integer"));
    col(m, "users", 2, "name", "text");
    pk(m, "users", "users_pkey", "id");
}

/* ---- running ---- */

static sd_status
run_opts(fixture *f, bool strict_order, sd_err *err)
{
    sd_changelist *cl = NULL;
    sd_diff_options dopts = { .strict_column_order = strict_order };
    sd_emit_options eopts = { .plain = f->directive == false };
    sd_err e = SD_ERR_INIT;
    if (sd_model_freeze(f->from, &e) != SD_OK || sd_model_freeze(f->to, &e) != SD_OK)
        fail_msg("freeze: %s (%s)", e.msg, e.where);
    if (sd_diff_models(&cl, f->from, f->to, &dopts, &e) != SD_OK)
        fail_msg("diff: %s", e.msg);
    sd_status rc = sd_emit_sql(&f->out, cl, &eopts, err);
    sd_changelist_free(cl);
    return rc;
}

static const char *
run(fixture *f)
{
    sd_err err = SD_ERR_INIT;
    sd_status rc = run_opts(f, false, &err);
    if (rc != SD_OK)
        fail_msg("emit: %s (%s) %s", err.msg, err.where, err.detail);
    assert_false(sd_buf_failed(&f->out));
    return sd_buf_cstr(&f->out);
}

/* The script must hold s. */
static void
has(const char *script, const char *s)
{
    if (strstr(script, s) == NULL)
        fail_msg("missing:\n%s\n--- in:\n%s", s, script);
}

static void
lacks(const char *script, const char *s)
{
    if (strstr(script, s) != NULL)
        fail_msg("unexpected:\n%s\n--- in:\n%s", s, script);
}

/* a and b both occur, a first. */
static void
before(const char *script, const char *a, const char *b)
{
    const char *pa = strstr(script, a);
    const char *pb = strstr(script, b);
    if (pa == NULL || pb == NULL || pa >= pb)
        fail_msg("expected\n%s\n--- before\n%s\n--- in:\n%s", a, b, script);
}

/* ---- tests ---- */

static void
test_no_drift_appends_nothing(void **state)
{
    fixture *f = *state;
    users(f->from);
    users(f->to);
    sd_buf_append(&f->out, "kept");
    assert_string_equal(run(f), "kept");
}

static void
test_create_table_exact(void **state)
{
    fixture *f = *state;
    users(f->to);
    assert_string_equal(run(f), HEAD BEGIN "\nCREATE TABLE public.users (\n"
                                           "    id integer NOT NULL,\n"
                                           "    name text,\n"
                                           "    CONSTRAINT users_pkey PRIMARY KEY (id)\n"
                                           ");\n" TAIL);
}

/* The first line makes psql stop at the first error; --plain leaves it out. */
static void
test_directive_first_line(void **state)
{
    fixture *f = *state;
    users(f->to);
    f->directive = true;
    const char *sql = run(f);
    assert_true(strncmp(sql, "\\set ON_ERROR_STOP on\n" HEAD,
                        strlen("\\set ON_ERROR_STOP on\n" HEAD)) == 0);
}

/* Print the script when SD_TEST_SHOW is set (for eyeballing while writing tests). */
static const char *
show(const char *script)
{
    if (getenv("SD_TEST_SHOW") != NULL)
        fprintf(stderr, "----\n%s", script);
    return script;
}

static void
test_create_table_full_definition(void **state)
{
    fixture *f = *state;
    table(f->to, "items");
    sd_object *id = not_null(col(f->to, "items", 1, "id", "bigint"));
    sd_obj_set_str(f->to, id, SD_COLUMN_IDENTITY, "always");
    sd_obj_set_str(f->to, id, SD_COLUMN_IDENTITY_OPTIONS,
                   "START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 "
                   "NO CYCLE");
    sd_object *name = not_null(col(f->to, "items", 2, "name", "character varying(40)"));
    sd_obj_set_str(f->to, name, SD_COLUMN_COLLATION, "pg_catalog.\"C\"");
    dflt(f->to, name, "'x'::character varying");
    sd_obj_set_str(f->to, name, SD_COLUMN_COMMENT, "the name");
    sd_object *total = col(f->to, "items", 3, "total", "numeric(10,2)");
    sd_obj_set_sql(f->to, total, SD_COLUMN_GENERATED, "(price * 2)");
    sd_obj_set_str(f->to, total, SD_COLUMN_GENERATED_KIND, "stored");
    col(f->to, "items", 4, "price", "numeric(10,2)");
    pk(f->to, "items", "items_pkey", "id");
    sd_object *u = unique(f->to, "items", "items_name_key", "name");
    sd_obj_set_bool(u, SD_UNIQUE_NULLS_NOT_DISTINCT, true);
    check(f->to, "items", "price_positive", "(price > (0)::numeric)");
    sd_object *nv = check(f->to, "items", "name_long", "(length((name)::text) > 2)");
    sd_obj_set_bool(nv, SD_CHECK_NOT_VALID, true);
    sd_object *ex = add(f->to, SD_KIND_EXCLUSION, "items", "no_overlap");
    sd_obj_set_sql(f->to, ex, SD_EXCLUSION_DEFINITION, "EXCLUDE USING gist (price WITH =)");
    const char *out = show(run(f));
    assert_string_equal(
        out, HEAD BEGIN
        "\nCREATE TABLE public.items (\n"
        "    id bigint GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1 MINVALUE 1 "
        "MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE) NOT NULL,\n"
        "    name character varying(40) COLLATE pg_catalog.\"C\" DEFAULT 'x'::character varying "
        "NOT NULL,\n"
        "    total numeric(10,2) GENERATED ALWAYS AS ((price * 2)) STORED,\n"
        "    price numeric(10,2),\n"
        "    CONSTRAINT items_pkey PRIMARY KEY (id),\n"
        "    CONSTRAINT items_name_key UNIQUE NULLS NOT DISTINCT (name),\n"
        "    CONSTRAINT price_positive CHECK ((price > (0)::numeric)),\n"
        "    CONSTRAINT no_overlap EXCLUDE USING gist (price WITH =)\n"
        ");\n"
        "ALTER TABLE public.items ADD CONSTRAINT name_long CHECK ((length((name)::text) > 2)) NOT "
        "VALID;\n"
        "COMMENT ON COLUMN public.items.name IS 'the name';\n" TAIL);
}

static void
test_table_extras_owner_acl_comment_rls(void **state)
{
    fixture *f = *state;
    sd_object *t = table(f->to, "docs");
    col(f->to, "docs", 1, "body", "text");
    sd_obj_set_str(f->to, t, SD_TABLE_OWNER, "alice");
    names(f->to, t, SD_TABLE_ACL, "=r/alice alice=arwdDxt/alice bob=arw*/alice");
    sd_obj_set_str(f->to, t, SD_TABLE_COMMENT, "it's here");
    sd_obj_set_bool(t, SD_TABLE_RLS_ENABLED, true);
    sd_obj_set_bool(t, SD_TABLE_RLS_FORCED, true);
    sd_obj_set_bool(t, SD_TABLE_UNLOGGED, true);
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\nCREATE UNLOGGED TABLE public.docs (\n"
                                        "    body text\n"
                                        ");\n"
                                        "ALTER TABLE public.docs ENABLE ROW LEVEL SECURITY;\n"
                                        "ALTER TABLE public.docs FORCE ROW LEVEL SECURITY;\n"
                                        "ALTER TABLE public.docs OWNER TO alice;\n"
                                        "GRANT INSERT, SELECT ON TABLE public.docs TO bob;\n"
                                        "GRANT SELECT ON TABLE public.docs TO PUBLIC;\n"
                                        "GRANT UPDATE ON TABLE public.docs TO bob WITH GRANT "
                                        "OPTION;\n"
                                        "COMMENT ON TABLE public.docs IS 'it''s here';\n" TAIL);
}

static void
test_acl_changes_revoke_then_grant(void **state)
{
    fixture *f = *state;
    sd_object *a = table(f->from, "t");
    sd_obj_set_str(f->from, a, SD_TABLE_OWNER, "o");
    names(f->from, a, SD_TABLE_ACL, "=r/o");
    sd_obj_add_name(f->from, a, SD_TABLE_ACL, "\"Mr X\"=ar*w/o");
    names(f->from, a, SD_TABLE_ACL, "o=arwdDxt/o");
    sd_object *b = table(f->to, "t");
    sd_obj_set_str(f->to, b, SD_TABLE_OWNER, "o");
    sd_obj_add_name(f->to, b, SD_TABLE_ACL, "\"Mr X\"=rw/o");
    names(f->to, b, SD_TABLE_ACL, "carol=d/o o=arwdDxt/o");
    const char *out = show(run(f));
    /* PUBLIC after named roles (the order pg_dump shows grants in). */
    assert_string_equal(out, HEAD BEGIN "\nREVOKE INSERT ON TABLE public.t FROM \"Mr X\";\n"
                                        "REVOKE SELECT ON TABLE public.t FROM PUBLIC;\n"
                                        "REVOKE GRANT OPTION FOR SELECT ON TABLE public.t FROM "
                                        "\"Mr X\";\n"
                                        "GRANT DELETE ON TABLE public.t TO carol;\n" TAIL);
}

static void
test_acl_empty_means_owner_defaults(void **state)
{
    fixture *f = *state;
    sd_object *a = function(f->from, "f", "", "integer",
                            "CREATE OR REPLACE FUNCTION public.f()\n RETURNS integer\n LANGUAGE "
                            "sql\nAS $function$select 1$function$\n");
    sd_obj_set_str(f->from, a, SD_FUNCTION_OWNER, "o");
    sd_object *b = function(f->to, "f", "", "integer",
                            "CREATE OR REPLACE FUNCTION public.f()\n RETURNS integer\n LANGUAGE "
                            "sql\nAS $function$select 1$function$\n");
    sd_obj_set_str(f->to, b, SD_FUNCTION_OWNER, "p");
    names(f->to, b, SD_FUNCTION_ACL, "p=X/p");
    const char *out = show(run(f));
    /* Owner moves first (it takes o's EXECUTE along); then PUBLIC loses its default. */
    assert_string_equal(out,
                        HEAD BEGIN "\nALTER FUNCTION public.f() OWNER TO p;\n"
                                   "REVOKE EXECUTE ON FUNCTION public.f() FROM PUBLIC;\n" TAIL);
}

static void
test_foreign_keys_after_every_table(void **state)
{
    fixture *f = *state;
    /* a and b reference each other: no table order works with inline keys. */
    table(f->to, "a");
    not_null(col(f->to, "a", 1, "id", "integer"));
    col(f->to, "a", 2, "b_id", "integer");
    pk(f->to, "a", "a_pkey", "id");
    fk(f->to, "a", "a_b_fk", "b_id", "b", "id");
    table(f->to, "b");
    not_null(col(f->to, "b", 1, "id", "integer"));
    col(f->to, "b", 2, "a_id", "integer");
    pk(f->to, "b", "b_pkey", "id");
    sd_object *k = fk(f->to, "b", "b_a_fk", "a_id", "a", "id");
    sd_obj_set_str(f->to, k, SD_FK_ON_DELETE, "CASCADE");
    sd_obj_set_str(f->to, k, SD_FK_MATCH, "FULL");
    sd_obj_set_bool(k, SD_FK_DEFERRABLE, true);
    sd_obj_set_bool(k, SD_FK_INITIALLY_DEFERRED, true);
    const char *out = show(run(f));
    before(out, "CREATE TABLE public.b", "ALTER TABLE public.a ADD CONSTRAINT a_b_fk");
    before(out, "CREATE TABLE public.a", "CREATE TABLE public.b");
    has(out, "\nALTER TABLE public.a ADD CONSTRAINT a_b_fk FOREIGN KEY (b_id) REFERENCES "
             "public.b (id);\n");
    has(out, "\nALTER TABLE public.b ADD CONSTRAINT b_a_fk FOREIGN KEY (a_id) REFERENCES "
             "public.a (id) MATCH FULL ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;\n");
    lacks(out, "REFERENCES public.b (id),");
}

static void
test_drop_tables_foreign_keys_first(void **state)
{
    fixture *f = *state;
    table(f->from, "a");
    col(f->from, "a", 1, "id", "integer");
    fk(f->from, "a", "a_b_fk", "id", "b", "id");
    table(f->from, "b");
    col(f->from, "b", 1, "id", "integer");
    fk(f->from, "b", "b_a_fk", "id", "a", "id");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\nALTER TABLE public.a DROP CONSTRAINT a_b_fk;\n"
                                        "\nALTER TABLE public.b DROP CONSTRAINT b_a_fk;\n"
                                        "\n-- destructive: drops table public.a and all its rows\n"
                                        "DROP TABLE public.a;\n"
                                        "\n-- destructive: drops table public.b and all its rows\n"
                                        "DROP TABLE public.b;\n" TAIL);
}

static void
test_columns_add_drop(void **state)
{
    fixture *f = *state;
    users(f->from);
    col(f->from, "users", 3, "old", "text");
    users(f->to);
    sd_object *c = not_null(dflt(f->to, col(f->to, "users", 3, "email", "text"), "''::text"));
    sd_obj_set_str(f->to, c, SD_COLUMN_COMMENT, "mail");
    names(f->to, c, SD_COLUMN_ACL, "bob=r/o");
    const char *out = show(run(f));
    /* A column of the same type goes and comes: the script names the hint for a rename. */
    assert_string_equal(
        out, "-- possible rename: use --rename column:public.users.old=email\n" HEAD BEGIN
             "\n-- destructive: drops column public.users.old and its data\n"
             "ALTER TABLE public.users DROP COLUMN old;\n"
             "\nALTER TABLE public.users ADD COLUMN email text DEFAULT "
             "''::text NOT NULL;\n"
             "GRANT SELECT (email) ON TABLE public.users TO bob;\n"
             "COMMENT ON COLUMN public.users.email IS 'mail';\n" TAIL);
}

static void
test_column_type_changes(void **state)
{
    fixture *f = *state;
    table(f->from, "t");
    col(f->from, "t", 1, "a", "character varying(10)");
    col(f->from, "t", 2, "b", "integer");
    dflt(f->from, col(f->from, "t", 3, "c", "integer"), "0");
    col(f->from, "t", 4, "d", "text");
    table(f->to, "t");
    col(f->to, "t", 1, "a", "character varying(20)");
    col(f->to, "t", 2, "b", "smallint");
    dflt(f->to, col(f->to, "t", 3, "c", "bigint"), "1");
    sd_object *d = col(f->to, "t", 4, "d", "text");
    sd_obj_set_str(f->to, d, SD_COLUMN_COLLATION, "pg_catalog.\"C\"");
    const char *out = show(run(f));
    assert_string_equal(
        out, HEAD BEGIN
        "\nALTER TABLE public.t ALTER COLUMN a TYPE character varying(20) USING "
        "a::character varying(20);\n"
        "\n-- destructive: column public.t.b changes type from integer to smallint; values that "
        "do not convert are changed or rejected\n"
        "ALTER TABLE public.t ALTER COLUMN b TYPE smallint USING b::smallint;\n"
        "\nALTER TABLE public.t ALTER COLUMN c DROP DEFAULT;\n"
        "ALTER TABLE public.t ALTER COLUMN c TYPE bigint USING c::bigint;\n"
        "ALTER TABLE public.t ALTER COLUMN c SET DEFAULT 1;\n"
        "\nALTER TABLE public.t ALTER COLUMN d TYPE text COLLATE pg_catalog.\"C\";\n" TAIL);
}

/* With --using conversions: the script, or the error's message in err. */
static sd_status
run_using(fixture *f, const sd_using *usings, size_t n, sd_err *err)
{
    sd_changelist *cl = NULL;
    sd_emit_options eopts = { .plain = f->directive == false, .usings = usings, .nusings = n };
    sd_err e = SD_ERR_INIT;
    if (sd_model_freeze(f->from, &e) != SD_OK || sd_model_freeze(f->to, &e) != SD_OK)
        fail_msg("freeze: %s (%s)", e.msg, e.where);
    if (sd_diff_models(&cl, f->from, f->to, NULL, &e) != SD_OK)
        fail_msg("diff: %s", e.msg);
    sd_status rc = sd_emit_sql(&f->out, cl, &eopts, err);
    sd_changelist_free(cl);
    return rc;
}

static void
retyped_to_date(fixture *f)
{
    table(f->from, "t");
    col(f->from, "t", 1, "d", "integer");
    col(f->from, "t", 2, "n", "integer");
    check(f->from, "t", "t_d", "d > 0");
    table(f->to, "t");
    col(f->to, "t", 1, "d", "date");
    col(f->to, "t", 2, "n", "bigint");
    check(f->to, "t", "t_d", "d > '2000-01-01'::date");
}

/* No cast from integer to date: a guard on its values, then DROP + ADD, the CHECK after. */
static void
test_retype_without_cast_drops_and_guards(void **state)
{
    fixture *f = *state;
    retyped_to_date(f);
    const char *out = show(run(f));
    has(out, "-- guard: column public.t.d holds no value that dropping it would lose\nDO $$");
    has(out, "n := (SELECT count(*) FROM public.t WHERE d IS NOT NULL);");
    has(out, "column public.t.d has % non-NULL values (no cast converts integer to date: the "
             "column would be dropped and added again, losing them; convert them with --using "
             "t.d=EXPR)");
    has(out, "-- destructive: drops column public.t.d and adds it again with the new type; its "
             "values are lost\nALTER TABLE public.t DROP COLUMN d;\n"
             "ALTER TABLE public.t ADD COLUMN d date;\n");
    has(out, "ALTER TABLE public.t ALTER COLUMN n TYPE bigint USING n::bigint;");
    before(out, "WHERE d IS NOT NULL", "DROP COLUMN d");
    before(out, "ADD COLUMN d date", "ADD CONSTRAINT t_d CHECK");
}

/* --using converts instead, with the user's expression; no guard, no DROP. */
static void
test_retype_using(void **state)
{
    fixture *f = *state;
    retyped_to_date(f);
    sd_using u[] = { { .table = "t", .column = "d", .expr = "to_date(d::text, 'YYYYMMDD')" },
                     { .schema = "public", .table = "t", .column = "n", .expr = "n * 2" } };
    sd_err err = SD_ERR_INIT;
    ASSERT_SD_OK(run_using(f, u, 2, &err), &err);
    const char *out = show(sd_buf_cstr(&f->out));
    has(out, "ALTER TABLE public.t ALTER COLUMN d TYPE date USING (to_date(d::text, "
             "'YYYYMMDD'));\n");
    has(out, "ALTER TABLE public.t ALTER COLUMN n TYPE bigint USING (n * 2);\n");
    lacks(out, "DROP COLUMN");
    lacks(out, "IS NOT NULL");
}

/* A --using that is not one expression, or names no retyped column, prints nothing. */
static void
test_retype_using_refused(void **state)
{
    fixture *f = *state;
    retyped_to_date(f);
    sd_using bad[] = { { .table = "t", .column = "d", .expr = "1); DROP TABLE t; SELECT (1" } };
    sd_err err = SD_ERR_INIT;
    assert_int_not_equal(run_using(f, bad, 1, &err), SD_OK);
    assert_non_null(strstr(err.msg, "invalid --using expression"));
    assert_int_equal(f->out.len, 0);
}

static void
test_retype_using_not_retyped(void **state)
{
    fixture *f = *state;
    retyped_to_date(f);
    sd_using other[] = { { .table = "t", .column = "x", .expr = "1" } };
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_using(f, other, 1, &err), SD_ERR);
    assert_string_equal(err.msg, "--using names column t.x, which the target does not retype");
    assert_int_equal(f->out.len, 0);
}

static void
test_column_default_not_null_identity(void **state)
{
    fixture *f = *state;
    table(f->from, "t");
    dflt(f->from, col(f->from, "t", 1, "a", "integer"), "0");
    not_null(col(f->from, "t", 2, "b", "integer"));
    sd_object *c = not_null(col(f->from, "t", 3, "c", "integer"));
    sd_obj_set_str(f->from, c, SD_COLUMN_IDENTITY, "by default");
    sd_obj_set_str(f->from, c, SD_COLUMN_IDENTITY_OPTIONS, "START WITH 1 INCREMENT BY 1");
    sd_object *d = not_null(col(f->from, "t", 4, "d", "integer"));
    sd_obj_set_str(f->from, d, SD_COLUMN_IDENTITY, "always");
    col(f->from, "t", 5, "e", "integer");
    table(f->to, "t");
    col(f->to, "t", 1, "a", "integer");
    col(f->to, "t", 2, "b", "integer");
    c = not_null(col(f->to, "t", 3, "c", "integer"));
    sd_obj_set_str(f->to, c, SD_COLUMN_IDENTITY, "always");
    sd_obj_set_str(f->to, c, SD_COLUMN_IDENTITY_OPTIONS, "START WITH 5 INCREMENT BY 2 NO CYCLE");
    not_null(col(f->to, "t", 4, "d", "integer"));
    sd_object *e = not_null(col(f->to, "t", 5, "e", "integer"));
    sd_obj_set_str(f->to, e, SD_COLUMN_IDENTITY, "by default");
    const char *out = show(run(f));
    /* DROP IDENTITY goes with the drops: its sequence's name may be taken by a new one. */
    assert_string_equal(out, HEAD BEGIN
                        "\nALTER TABLE public.t ALTER COLUMN d DROP IDENTITY;\n"
                        "\nALTER TABLE public.t ALTER COLUMN a DROP DEFAULT;\n"
                        "\nALTER TABLE public.t ALTER COLUMN b DROP NOT NULL;\n"
                        "\nALTER TABLE public.t ALTER COLUMN c SET GENERATED ALWAYS SET START WITH "
                        "5 SET INCREMENT BY 2 SET NO CYCLE;\n"
                        "\nALTER TABLE public.t ALTER COLUMN e SET NOT NULL;\n"
                        "ALTER TABLE public.t ALTER COLUMN e ADD GENERATED BY DEFAULT AS "
                        "IDENTITY;\n" TAIL);
}

static void
test_generated_column_changes(void **state)
{
    fixture *f = *state;
    table(f->from, "t");
    col(f->from, "t", 1, "a", "integer");
    sd_object *b = col(f->from, "t", 2, "b", "integer");
    sd_obj_set_sql(f->from, b, SD_COLUMN_GENERATED, "(a * 2)");
    sd_obj_set_str(f->from, b, SD_COLUMN_GENERATED_KIND, "stored");
    sd_object *g = col(f->from, "t", 3, "g", "integer");
    sd_obj_set_sql(f->from, g, SD_COLUMN_GENERATED, "(a + 1)");
    sd_obj_set_str(f->from, g, SD_COLUMN_GENERATED_KIND, "stored");
    check(f->from, "t", "g_pos", "(g > 0)");
    index_on(f->from, "t", "t_g_idx", "g");
    table(f->to, "t");
    col(f->to, "t", 1, "a", "integer");
    b = col(f->to, "t", 2, "b", "integer");
    sd_obj_set_sql(f->to, b, SD_COLUMN_GENERATED, "(a * 3)");
    sd_obj_set_str(f->to, b, SD_COLUMN_GENERATED_KIND, "stored");
    col(f->to, "t", 3, "g", "integer");
    check(f->to, "t", "g_pos", "(g > 0)");
    index_on(f->to, "t", "t_g_idx", "g");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN
                        "\n-- destructive: drops column public.t.b and adds it again (its "
                        "generation changes); stored values are recomputed\n"
                        "ALTER TABLE public.t DROP COLUMN b;\n"
                        "ALTER TABLE public.t ADD COLUMN b integer GENERATED ALWAYS AS ((a * 3)) "
                        "STORED;\n"
                        "\nALTER TABLE public.t ALTER COLUMN g DROP EXPRESSION;\n" TAIL);
}

static void
test_generated_readd_restores_constraints_and_indexes(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "t");
        col(ms[i], "t", 1, "a", "integer");
        sd_object *g = col(ms[i], "t", 2, "g", "integer");
        sd_obj_set_sql(ms[i], g, SD_COLUMN_GENERATED, i == 0 ? "(a + 1)" : "(a + 2)");
        sd_obj_set_str(ms[i], g, SD_COLUMN_GENERATED_KIND, "stored");
        check(ms[i], "t", "g_pos", "(g > 0)");
        unique(ms[i], "t", "t_g_key", "g");
        index_on(ms[i], "t", "t_g_idx", "g");
    }
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN
                        "\nDROP INDEX public.t_g_idx;\n"
                        "\n-- destructive: drops column public.t.g and adds it again (its "
                        "generation changes); stored values are recomputed\n"
                        "ALTER TABLE public.t DROP COLUMN g;\n"
                        "ALTER TABLE public.t ADD COLUMN g integer GENERATED ALWAYS AS ((a + 2)) "
                        "STORED;\n"
                        "ALTER TABLE public.t ADD CONSTRAINT t_g_key UNIQUE (g);\n"
                        "ALTER TABLE public.t ADD CONSTRAINT g_pos CHECK ((g > 0));\n"
                        "\nCREATE INDEX t_g_idx ON public.t USING btree (g);\n" TAIL);
}

/* A generated column that reads a retyped column is added again before the new column that
 * follows it in "to" (PostgreSQL adds columns last); a new check on it waits for it. */
static void
test_generated_readd_before_new_columns(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "t");
        col(ms[i], "t", 1, "a", i == 0 ? "smallint" : "integer");
        sd_object *g = col(ms[i], "t", 2, "g", "integer");
        sd_obj_set_sql(ms[i], g, SD_COLUMN_GENERATED, "(a * 2)");
        sd_obj_set_str(ms[i], g, SD_COLUMN_GENERATED_KIND, "stored");
    }
    col(f->to, "t", 3, "b", "integer");
    check(f->to, "t", "t_g_b", "(g > b)");
    const char *out = show(run(f));
    before(out, "DROP COLUMN g;", "ALTER COLUMN a TYPE integer");
    before(out, "ALTER COLUMN a TYPE integer", "ADD COLUMN g integer GENERATED");
    before(out, "ADD COLUMN g integer GENERATED", "ADD COLUMN b integer;");
    before(out, "ADD COLUMN b integer;", "ADD CONSTRAINT t_g_b");
}

static void
test_view_rebuilt_around_column_type_change(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "t");
        col(ms[i], "t", 1, "id", "integer");
        col(ms[i], "t", 2, "name", i == 0 ? "character varying(10)" : "text");
        sd_object *v = view(ms[i], "v", " SELECT t.name\n   FROM public.t;");
        dep(ms[i], v, SD_KIND_COLUMN, "t", "name");
        sd_obj_set_str(ms[i], v, SD_VIEW_OWNER, "alice");
        sd_object *w = view(ms[i], "w", " SELECT v.name\n   FROM public.v;");
        dep(ms[i], w, SD_KIND_VIEW, NULL, "v");
        sd_object *u = view(ms[i], "unrelated", " SELECT 1;");
        (void)u;
    }
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\nDROP VIEW public.w;\n"
                                        "\nDROP VIEW public.v;\n"
                                        "\nALTER TABLE public.t ALTER COLUMN name TYPE text USING "
                                        "name::text;\n"
                                        "\nCREATE VIEW public.v AS SELECT t.name\n"
                                        "   FROM public.t;\n"
                                        "ALTER VIEW public.v OWNER TO alice;\n"
                                        "\nCREATE VIEW public.w AS SELECT v.name\n"
                                        "   FROM public.v;\n" TAIL);
}

static void
test_view_rebuilt_around_column_drop_and_new_view_after(void **state)
{
    fixture *f = *state;
    table(f->from, "t");
    col(f->from, "t", 1, "id", "integer");
    col(f->from, "t", 2, "gone", "integer");
    sd_object *v = view(f->from, "v", " SELECT t.id,\n    t.gone\n   FROM public.t;");
    dep(f->from, dep(f->from, v, SD_KIND_COLUMN, "t", "id"), SD_KIND_COLUMN, "t", "gone");
    table(f->to, "t");
    col(f->to, "t", 1, "id", "integer");
    col(f->to, "t", 2, "added", "integer");
    v = view(f->to, "v", " SELECT t.id,\n    t.added\n   FROM public.t;");
    dep(f->to, dep(f->to, v, SD_KIND_COLUMN, "t", "id"), SD_KIND_COLUMN, "t", "added");
    sd_object *nv = view(f->to, "v2", " SELECT v.id\n   FROM public.v;");
    dep(f->to, nv, SD_KIND_VIEW, NULL, "v");
    const char *out = show(run(f));
    before(out, "DROP VIEW public.v;", "DROP COLUMN gone;");
    before(out, "DROP COLUMN gone;", "CREATE VIEW public.v AS");
    before(out, "ADD COLUMN added integer;", "CREATE VIEW public.v AS");
    before(out, "CREATE VIEW public.v AS", "CREATE VIEW public.v2 AS");
}

/* A column's type changes and another goes: only the indexes on them are rebuilt; the
 * others, a trigger and a view on the table as a whole (all of which depend on the table,
 * as the catalog says) stay. A materialized view on the table as a whole is rebuilt (one of
 * the table's row type blocks ALTER COLUMN TYPE). */
static void
test_column_change_keeps_unrelated_indexes(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    static const char *const COLS[] = { "a", "b", "c", "gone" };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "t");
        for (int k = 0; k < (i == 0 ? 4 : 3); k++) {
            const char *type = k == 0 && i == 1 ? "bigint" : "integer";
            col(ms[i], "t", k + 1, COLS[k], type);
            char name[32];
            snprintf(name, sizeof(name), "t_%s_idx", COLS[k]);
            sd_object *ix = index_on(ms[i], "t", name, COLS[k]);
            dep(ms[i], dep(ms[i], ix, SD_KIND_TABLE, NULL, "t"), SD_KIND_COLUMN, "t", COLS[k]);
        }
        sd_object *tg = add(ms[i], SD_KIND_TRIGGER, "t", "t_tg");
        sd_obj_set_sql(ms[i], tg, SD_TRIGGER_SQL,
                       "CREATE TRIGGER t_tg BEFORE INSERT ON public.t FOR EACH ROW EXECUTE "
                       "FUNCTION public.tg()");
        dep(ms[i], tg, SD_KIND_TABLE, NULL, "t");
        dep(ms[i], view(ms[i], "n", " SELECT count(*) AS count\n   FROM public.t;"), SD_KIND_TABLE,
            NULL, "t");
        sd_object *m = add(ms[i], SD_KIND_MATVIEW, NULL, "m");
        sd_obj_set_sql(ms[i], m, SD_MATVIEW_SQL, " SELECT t.*::public.t AS t\n   FROM public.t;");
        dep(ms[i], m, SD_KIND_TABLE, NULL, "t");
    }
    const char *out = show(run(f));
    has(out, "DROP INDEX public.t_a_idx;");
    has(out, "CREATE INDEX t_a_idx ON public.t USING btree (a);");
    has(out, "DROP MATERIALIZED VIEW public.m;");
    before(out, "DROP MATERIALIZED VIEW public.m;", "ALTER COLUMN a TYPE bigint");
    before(out, "ALTER COLUMN a TYPE bigint", "CREATE MATERIALIZED VIEW public.m");
    lacks(out, "t_b_idx");
    lacks(out, "t_c_idx");
    lacks(out, "TRIGGER");
    lacks(out, "VIEW public.n");
}

static void
test_view_changes(void **state)
{
    fixture *f = *state;
    table(f->from, "t");
    col(f->from, "t", 1, "a", "integer");
    sd_object *v = view(f->from, "v", " SELECT t.a\n   FROM public.t;");
    names(f->from, v, SD_VIEW_OPTIONS, "check_option=local security_barrier=true");
    sd_object *s = view(f->from, "s", " SELECT 1 AS one;");
    sd_obj_set_str(f->from, s, SD_VIEW_COMMENT, "old");
    view(f->from, "gone", " SELECT 2;");
    table(f->to, "t");
    col(f->to, "t", 1, "a", "integer");
    v = view(f->to, "v", " SELECT t.a\n   FROM public.t;");
    names(f->to, v, SD_VIEW_OPTIONS, "security_barrier=false security_invoker=true");
    s = view(f->to, "s", " SELECT 1 AS one, 2 AS two;");
    sd_obj_set_str(f->to, s, SD_VIEW_COMMENT, "new");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\nDROP VIEW public.gone;\n"
                                        "\nDROP VIEW public.s;\n"
                                        "\nCREATE VIEW public.s AS SELECT 1 AS one, 2 AS two;\n"
                                        "COMMENT ON VIEW public.s IS 'new';\n"
                                        "\nALTER VIEW public.v RESET (check_option);\n"
                                        "ALTER VIEW public.v SET (security_barrier=false, "
                                        "security_invoker=true);\n" TAIL);
}

/* psql substitutes :name, :'name', :"name" outside quotes when the variable is set (psql -v):
 * a lone ':' of stored text gets a blank after it; casts, quotes and dollar quotes keep theirs. */
static void
test_psql_variables_neutral(void **state)
{
    fixture *f = *state;
    table(f->to, "t");
    col(f->to, "t", 1, "a", "integer[]");
    col(f->to, "t", 2, "n", "integer");
    view(f->to, "v",
         " SELECT t.a[1:t.n] AS s, t.a[:2] AS h, t.a[t.n:\"t\".n] AS q, (t.a)[2:3] AS d,"
         " ':x'::text AS l, $q$:y$q$ AS m, \":z\" AS w, t.n::text AS c\n   FROM public.t;");
    const char *out = run(f);
    has(out, "t.a[1: t.n] AS s, t.a[: 2] AS h, t.a[t.n: \"t\".n] AS q, (t.a)[2: 3] AS d,"
             " ':x'::text AS l, $q$:y$q$ AS m, \":z\" AS w, t.n::text AS c");
}

static void
test_matview_and_index_on_it(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "t");
        col(ms[i], "t", 1, "a", "integer");
        sd_object *m = add(ms[i], SD_KIND_MATVIEW, NULL, "m");
        sd_obj_set_sql(ms[i], m, SD_MATVIEW_SQL,
                       i == 0 ? " SELECT t.a\n   FROM public.t;"
                              : " SELECT t.a, 1 AS b\n   FROM public.t;");
        dep(ms[i], m, SD_KIND_TABLE, NULL, "t");
        index_on(ms[i], "m", "m_a_idx", "a");
    }
    const char *out = show(run(f));
    assert_string_equal(out,
                        HEAD BEGIN "\nDROP INDEX public.m_a_idx;\n"
                                   "\nDROP MATERIALIZED VIEW public.m;\n"
                                   "\nCREATE MATERIALIZED VIEW public.m AS SELECT t.a, 1 AS b\n"
                                   "   FROM public.t WITH DATA;\n"
                                   "\nCREATE INDEX m_a_idx ON public.m USING btree (a);\n" TAIL);
}

static void
test_index_definitions(void **state)
{
    fixture *f = *state;
    table(f->from, "t");
    col(f->from, "t", 1, "a", "text");
    index_on(f->from, "t", "t_old", "a");
    index_on(f->from, "t", "t_changed", "a");
    table(f->to, "t");
    col(f->to, "t", 1, "a", "text");
    sd_object *ix = index_on(f->to, "t", "t_changed", "a");
    sd_obj_set_bool(ix, SD_INDEX_UNIQUE, true);
    sd_object *e = add(f->to, SD_KIND_INDEX, "t", "t_expr");
    sd_keypart kp = { 0 };
    kp.expr.text = "lower(a)";
    kp.collation = "pg_catalog.\"C\"";
    kp.opclass = "pg_catalog.text_pattern_ops";
    kp.desc = true;
    kp.nulls = "last";
    sd_obj_add_key(f->to, e, SD_INDEX_KEYS, &kp);
    sd_obj_set_str(f->to, e, SD_INDEX_METHOD, "btree");
    names(f->to, e, SD_INDEX_INCLUDE, "a");
    sd_obj_set_bool(e, SD_INDEX_NULLS_NOT_DISTINCT, true);
    sd_obj_set_sql(f->to, e, SD_INDEX_WHERE, "(a <> ''::text)");
    sd_obj_set_str(f->to, e, SD_INDEX_COMMENT, "expr");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN
                        "\nDROP INDEX public.t_changed;\n"
                        "\nDROP INDEX public.t_old;\n"
                        "\nCREATE UNIQUE INDEX t_changed ON public.t USING btree (a);\n"
                        "\nCREATE INDEX t_expr ON public.t USING btree ((lower(a)) COLLATE "
                        "pg_catalog.\"C\" pg_catalog.text_pattern_ops DESC NULLS LAST) INCLUDE (a) "
                        "NULLS NOT DISTINCT WHERE ((a <> ''::text));\n"
                        "COMMENT ON INDEX public.t_expr IS 'expr';\n" TAIL);
}

/* Statistics targets of index columns: set after CREATE INDEX, changed, added and reset
 * (-1) in place; a malformed one is refused. */
static void
test_index_statistics(void **state)
{
    fixture *f = *state;
    table(f->from, "t");
    col(f->from, "t", 1, "a", "text");
    names(f->from, index_on(f->from, "t", "t_x", "a"), SD_INDEX_STATISTICS, "1=50 2=7");
    table(f->to, "t");
    col(f->to, "t", 1, "a", "text");
    names(f->to, index_on(f->to, "t", "t_x", "a"), SD_INDEX_STATISTICS, "1=500 3=0");
    names(f->to, index_on(f->to, "t", "t_new", "a"), SD_INDEX_STATISTICS, "1=3000");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN
                        "\nCREATE INDEX t_new ON public.t USING btree (a);\n"
                        "ALTER INDEX public.t_new ALTER COLUMN 1 SET STATISTICS 3000;\n"
                        "\nALTER INDEX public.t_x ALTER COLUMN 2 SET STATISTICS -1;\n"
                        "ALTER INDEX public.t_x ALTER COLUMN 1 SET STATISTICS 500;\n"
                        "ALTER INDEX public.t_x ALTER COLUMN 3 SET STATISTICS 0;\n" TAIL);
    sd_buf_dispose(&f->out);
    sd_model_free(f->from);
    sd_model_free(f->to);
    f->from = sd_model_new(SD_ENGINE_PG);
    f->to = sd_model_new(SD_ENGINE_PG);
    table(f->to, "t");
    col(f->to, "t", 1, "a", "text");
    names(f->to, index_on(f->to, "t", "t_x", "a"), SD_INDEX_STATISTICS, "1=5;DROP");
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_opts(f, false, &err), SD_ERR_PARSE);
}

/* One forged object in "to"; the emitter must refuse it with its reason and write nothing. */
static void
refused(fixture *f, const char *why)
{
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_opts(f, false, &err), SD_ERR_PARSE);
    if (strstr(err.msg, why) == NULL)
        print_error("\"%s\" lacks \"%s\"\n", err.msg, why);
    assert_non_null(strstr(err.msg, why));
    assert_null(strstr(sd_buf_cstr(&f->out), "DROP TABLE"));
    sd_buf_dispose(&f->out);
    sd_model_free(f->from);
    sd_model_free(f->to);
    f->from = sd_model_new(SD_ENGINE_PG);
    f->to = sd_model_new(SD_ENGINE_PG);
}

/* Text from a snapshot or a catalog is untrusted: PostgreSQL's parser proves each piece is one
 * thing of its kind before it is written (parse/parse.h). */
static void
test_forged_text_refused(void **state)
{
    fixture *f = *state;
    view(f->to, "v", "SELECT 1; DROP TABLE users");
    refused(f, "contains ';'");
    function(f->to, "f", "", "integer",
             "CREATE FUNCTION public.f() RETURNS integer LANGUAGE sql BEGIN ATOMIC SELECT 1; END; "
             "DROP TABLE users");
    refused(f, "2 statements");
    table(f->to, "t");
    dflt(f->to, col(f->to, "t", 1, "a", "integer"), "1 \\! rm -rf /");
    refused(f, "backslash");
    table(f->to, "t");
    dflt(f->to, col(f->to, "t", 1, "a", "integer"), "(1) FROM pg_class WHERE (true)");
    refused(f, "syntax error");
    table(f->to, "t");
    col(f->to, "t", 1, "a", "integer");
    sd_object *tr = add(f->to, SD_KIND_TRIGGER, "t", "tr");
    sd_obj_set_sql(f->to, tr, SD_TRIGGER_SQL, "CREATE TABLE public.users2 (a integer)");
    refused(f, "CreateStmt, not CreateTrigStmt");
    /* One statement of the right kind that creates another object than its own. */
    table(f->to, "t");
    col(f->to, "t", 1, "a", "integer");
    tr = add(f->to, SD_KIND_TRIGGER, "t", "tr");
    sd_obj_set_sql(f->to, tr, SD_TRIGGER_SQL,
                   "CREATE TRIGGER tr BEFORE DELETE ON public.users FOR EACH ROW EXECUTE FUNCTION "
                   "public.f()");
    refused(f, "it creates tr on public.users, not tr on public.t");
    function(f->to, "f", "", "integer",
             "CREATE FUNCTION public.users() RETURNS integer LANGUAGE sql RETURN 1");
    refused(f, "it creates public.users, not public.f");
    table(f->to, "t");
    col(f->to, "t", 1, "a", "$x$;$x$; DROP TABLE users");
    refused(f, "contains ';'");
}

static void
test_trigger_changes(void **state)
{
    fixture *f = *state;
    const char *fn = "CREATE OR REPLACE FUNCTION public.tg()\n RETURNS trigger\n LANGUAGE plpgsql\n"
                     "AS $function$begin return new; end$function$\n";
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "t");
        col(ms[i], "t", 1, "a", "integer");
        function(ms[i], "tg", "", "trigger", fn);
        sd_object *t = add(ms[i], SD_KIND_TRIGGER, "t", "t_tg");
        sd_obj_set_sql(ms[i], t, SD_TRIGGER_SQL,
                       i == 0 ? "CREATE TRIGGER t_tg BEFORE INSERT ON public.t FOR EACH ROW "
                                "EXECUTE FUNCTION public.tg()"
                              : "CREATE TRIGGER t_tg BEFORE INSERT OR UPDATE OF a ON public.t FOR "
                                "EACH ROW EXECUTE FUNCTION public.tg()");
        dep(ms[i], t, SD_KIND_FUNCTION, NULL, "tg()");
    }
    sd_object *t = add(f->from, SD_KIND_TRIGGER, "t", "t_old");
    sd_obj_set_sql(f->from, t, SD_TRIGGER_SQL,
                   "CREATE TRIGGER t_old AFTER DELETE ON public.t FOR EACH ROW EXECUTE FUNCTION "
                   "public.tg()");
    const char *out = show(run(f));
    assert_string_equal(out,
                        HEAD BEGIN "\nDROP TRIGGER t_old ON public.t;\n"
                                   "\nDROP TRIGGER t_tg ON public.t;\n"
                                   "\nCREATE TRIGGER t_tg BEFORE INSERT OR UPDATE OF a ON "
                                   "public.t FOR EACH ROW EXECUTE FUNCTION public.tg();\n" TAIL);
}

static void
test_enum_add_value_in_own_transaction(void **state)
{
    fixture *f = *state;
    enum_type(f->from, "mood", "ok happy");
    enum_type(f->to, "mood", "sad ok meh happy great");
    table(f->to, "t");
    dflt(f->to, col(f->to, "t", 1, "m", "public.mood"), "'meh'::public.mood");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD "\nBEGIN;\n"
                                  "ALTER TYPE public.mood ADD VALUE 'sad' BEFORE 'ok';\n"
                                  "ALTER TYPE public.mood ADD VALUE 'meh' AFTER 'ok';\n"
                                  "ALTER TYPE public.mood ADD VALUE 'great' AFTER 'happy';\n"
                                  "COMMIT;\n" BEGIN "\nCREATE TABLE public.t (\n"
                                  "    m public.mood DEFAULT 'meh'::public.mood\n"
                                  ");\n" TAIL);
}

/* A new value the script does not use joins the main transaction: all or nothing. */
static void
test_enum_add_value_unused_in_main_transaction(void **state)
{
    fixture *f = *state;
    enum_type(f->from, "mood", "ok happy");
    enum_type(f->to, "mood", "ok happy great");
    table(f->to, "t");
    col(f->to, "t", 1, "m", "public.mood");
    assert_string_equal(show(run(f)), HEAD BEGIN "ALTER TYPE public.mood ADD VALUE 'great' AFTER "
                                                 "'happy';\n"
                                                 "\nCREATE TABLE public.t (\n"
                                                 "    m public.mood\n"
                                                 ");\n" TAIL);
}

/* When the values are committed first, a column that becomes NOT NULL is checked before that
 * COMMIT, so NULLs never leave the values committed and the rest undone. */
static void
test_enum_add_value_apart_guards_not_null_first(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    sd_object *x[2];
    sd_object *m[2];
    for (size_t i = 0; i < 2; i++) {
        table(ms[i], "t");
        x[i] = col(ms[i], "t", 0, "x", "text");
        m[i] = col(ms[i], "t", 1, "m", "public.mood");
    }
    enum_type(f->from, "mood", "ok");
    enum_type(f->to, "mood", "ok meh");
    not_null(x[1]);
    dflt(f->to, m[1], "'meh'::public.mood");
    (void)m[0];
    const char *out = show(run(f));
    const char *guard = strstr(out, "-- guard: column public.t.x holds no rows the main "
                                    "transaction refuses\nDO $$\n"
                                    "DECLARE n bigint;\nBEGIN\n"
                                    "    n := (SELECT count(*) FROM public.t WHERE x IS NULL);\n"
                                    "    IF n > 0 THEN\n"
                                    "        RAISE EXCEPTION 'column public.t.x has % NULLs (the "
                                    "target makes it NOT NULL)', n\n");
    const char *add = strstr(out, "ALTER TYPE public.mood ADD VALUE 'meh' AFTER 'ok';\nCOMMIT;\n");
    const char *set = strstr(out, "ALTER TABLE public.t ALTER COLUMN x SET NOT NULL;\n");
    assert_non_null(guard);
    assert_non_null(add);
    assert_non_null(set);
    assert_true(guard < add && add < set);
}

/* Every data-dependent change of the main transaction is guarded before the values commit:
 * duplicates under a new unique constraint, and rows a new CHECK fails (optional: a CHECK
 * may call what the main transaction creates). */
static void
test_enum_add_value_apart_guards_unique_and_check(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    sd_object *m[2];
    for (size_t i = 0; i < 2; i++) {
        table(ms[i], "t");
        col(ms[i], "t", 0, "q", "integer");
        m[i] = col(ms[i], "t", 1, "m", "public.mood");
    }
    enum_type(f->from, "mood", "ok");
    enum_type(f->to, "mood", "ok meh");
    dflt(f->to, m[1], "'meh'::public.mood");
    unique(f->to, "t", "t_q_key", "q");
    check(f->to, "t", "t_q_check", "(q > 0)");
    (void)m[0];
    const char *out = show(run(f));
    const char *uq =
        strstr(out, "    n := (SELECT count(*) FROM (SELECT 1 FROM ONLY public.t WHERE "
                    "q IS NOT NULL GROUP BY q HAVING count(*) > 1) AS d);\n");
    const char *ck = strstr(out, "    BEGIN\n        n := (SELECT count(*) FROM public.t WHERE "
                                 "NOT ((q > 0)));\n    EXCEPTION WHEN undefined_column");
    const char *add = strstr(out, "ALTER TYPE public.mood ADD VALUE 'meh' AFTER 'ok';\nCOMMIT;\n");
    assert_non_null(uq);
    assert_non_null(ck);
    assert_non_null(add);
    assert_true(uq < add && ck < add);
}

static void
test_enum_value_removal_recreates_type(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        sd_object *e = enum_type(ms[i], "mood", i == 0 ? "sad ok happy" : "happy ok");
        sd_obj_set_str(ms[i], e, SD_ENUM_OWNER, "alice");
        table(ms[i], "t");
        dflt(ms[i], col(ms[i], "t", 1, "m", "public.mood"), "'ok'::public.mood");
        col(ms[i], "t", 2, "ms", "public.mood[]");
        sd_object *v = view(ms[i], "v", " SELECT t.m\n   FROM public.t;");
        dep(ms[i], v, SD_KIND_COLUMN, "t", "m");
    }
    table(f->from, "mood_sd_old"); /* the first temporary name is taken */
    table(f->to, "mood_sd_old");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN
                        "\n-- guard: enum type public.mood loses values; refuse rows that still "
                        "hold one\n"
                        "DO $$\nDECLARE\n    n bigint;\nBEGIN\n"
                        "    SELECT count(*) INTO n FROM public.t WHERE m::text = 'sad';\n"
                        "    IF n > 0 THEN\n"
                        "        RAISE EXCEPTION 'cannot remove value ''sad'' from enum type "
                        "public.mood: column public.t.m holds it in % row(s)', n;\n"
                        "    END IF;\n"
                        "    SELECT count(*) INTO n FROM public.t WHERE 'sad' = ANY (ms::text[]);\n"
                        "    IF n > 0 THEN\n"
                        "        RAISE EXCEPTION 'cannot remove value ''sad'' from enum type "
                        "public.mood: column public.t.ms holds it in % row(s)', n;\n"
                        "    END IF;\n"
                        "END\n$$;\n"
                        "\nDROP VIEW public.v;\n"
                        "\n-- destructive: enum type public.mood loses values 'sad'; the guard at "
                        "the start refuses rows that hold one\n"
                        "ALTER TYPE public.mood RENAME TO mood_sd_old2;\n"
                        "CREATE TYPE public.mood AS ENUM ('happy', 'ok');\n"
                        "ALTER TYPE public.mood OWNER TO alice;\n"
                        "ALTER TABLE public.t ALTER COLUMN m DROP DEFAULT;\n"
                        "ALTER TABLE public.t ALTER COLUMN m TYPE public.mood USING "
                        "m::text::public.mood;\n"
                        "ALTER TABLE public.t ALTER COLUMN m SET DEFAULT 'ok'::public.mood;\n"
                        "ALTER TABLE public.t ALTER COLUMN ms TYPE public.mood[] USING "
                        "ms::text[]::public.mood[];\n"
                        "DROP TYPE public.mood_sd_old2;\n"
                        "\nCREATE VIEW public.v AS SELECT t.m\n"
                        "   FROM public.t;\n" TAIL);
}

static void
test_enum_recreate_rebuilds_checks_and_partial_indexes(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        enum_type(ms[i], "mood", i == 0 ? "a b c" : "b a c");
        table(ms[i], "m");
        col(ms[i], "m", 1, "v", "public.mood");
        check(ms[i], "m", "not_c", "(v <> 'c'::public.mood)");
        sd_object *ix = index_on(ms[i], "m", "m_a", "v");
        sd_obj_set_sql(ms[i], ix, SD_INDEX_WHERE, "(v = 'a'::public.mood)");
        index_on(ms[i], "m", "m_plain", "v"); /* rebuilt by ALTER TYPE itself */
    }
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\nDROP INDEX public.m_a;\n"
                                        "\nALTER TABLE public.m DROP CONSTRAINT not_c;\n"
                                        "\nALTER TYPE public.mood RENAME TO mood_sd_old;\n"
                                        "CREATE TYPE public.mood AS ENUM ('b', 'a', 'c');\n"
                                        "ALTER TABLE public.m ALTER COLUMN v TYPE public.mood "
                                        "USING v::text::public.mood;\n"
                                        "DROP TYPE public.mood_sd_old;\n"
                                        "\nALTER TABLE public.m ADD CONSTRAINT not_c CHECK ((v <> "
                                        "'c'::public.mood));\n"
                                        "\nCREATE INDEX m_a ON public.m USING btree (v) WHERE ((v "
                                        "= 'a'::public.mood));\n" TAIL);
}

static void
test_schema_create_alter_drop(void **state)
{
    fixture *f = *state;
    sd_object *s = add_in(f->from, SD_KIND_SCHEMA, "app", NULL, "app");
    sd_obj_set_str(f->from, s, SD_SCHEMA_OWNER, "alice");
    names(f->from, s, SD_SCHEMA_DEFAULT_ACL, "alice:r:bob=r/alice");
    add_in(f->from, SD_KIND_SCHEMA, "old", NULL, "old");
    s = add_in(f->to, SD_KIND_SCHEMA, "app", NULL, "app");
    sd_obj_set_str(f->to, s, SD_SCHEMA_OWNER, "bob");
    sd_obj_set_str(f->to, s, SD_SCHEMA_COMMENT, "application");
    names(f->to, s, SD_SCHEMA_DEFAULT_ACL, "alice:S:bob=rU/alice alice:r:carol=ar*/alice");
    s = add_in(f->to, SD_KIND_SCHEMA, "New", NULL, "New");
    sd_obj_set_str(f->to, s, SD_SCHEMA_OWNER, "alice");
    names(f->to, s, SD_SCHEMA_ACL, "=U/alice alice=UC/alice");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN
                        "\nCREATE SCHEMA \"New\";\n"
                        "ALTER SCHEMA \"New\" OWNER TO alice;\n"
                        "GRANT USAGE ON SCHEMA \"New\" TO PUBLIC;\n"
                        "\nALTER DEFAULT PRIVILEGES FOR ROLE alice IN SCHEMA app REVOKE SELECT ON "
                        "TABLES FROM bob;\n"
                        "ALTER DEFAULT PRIVILEGES FOR ROLE alice IN SCHEMA app GRANT SELECT, USAGE "
                        "ON SEQUENCES TO bob;\n"
                        "ALTER DEFAULT PRIVILEGES FOR ROLE alice IN SCHEMA app GRANT INSERT ON "
                        "TABLES TO carol;\n"
                        "ALTER DEFAULT PRIVILEGES FOR ROLE alice IN SCHEMA app GRANT SELECT ON "
                        "TABLES TO carol WITH GRANT OPTION;\n"
                        "ALTER SCHEMA app OWNER TO bob;\n"
                        "COMMENT ON SCHEMA app IS 'application';\n"
                        "\nDROP SCHEMA old;\n" TAIL);
}

static void
test_extension_create_update_drop(void **state)
{
    fixture *f = *state;
    sd_object *e = add(f->from, SD_KIND_EXTENSION, NULL, "hstore");
    sd_obj_set_str(f->from, e, SD_EXTENSION_VERSION, "1.7");
    add(f->from, SD_KIND_EXTENSION, NULL, "citext");
    e = add(f->to, SD_KIND_EXTENSION, NULL, "hstore");
    sd_obj_set_str(f->to, e, SD_EXTENSION_VERSION, "1.8");
    e = add(f->to, SD_KIND_EXTENSION, NULL, "pg_trgm");
    sd_obj_set_str(f->to, e, SD_EXTENSION_VERSION, "1.6");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\nALTER EXTENSION hstore UPDATE TO '1.8';\n"
                                        "\nCREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA "
                                        "public VERSION '1.6';\n"
                                        "COMMENT ON EXTENSION pg_trgm IS NULL;\n"
                                        "\nDROP EXTENSION citext;\n" TAIL);
}

static void
test_domain_create_alter_recreate(void **state)
{
    fixture *f = *state;
    sd_object *d = add(f->from, SD_KIND_DOMAIN, NULL, "pos");
    sd_obj_set_str(f->from, d, SD_DOMAIN_BASE_TYPE, "integer");
    sd_obj_set_sql(f->from, d, SD_DOMAIN_DEFAULT, "1");
    names(f->from, d, SD_DOMAIN_CHECKS, "");
    sd_obj_add_name(f->from, d, SD_DOMAIN_CHECKS, "CONSTRAINT \"Pos check\" CHECK ((VALUE > 0))");
    sd_object *e = add(f->from, SD_KIND_DOMAIN, NULL, "code");
    sd_obj_set_str(f->from, e, SD_DOMAIN_BASE_TYPE, "text");
    d = add(f->to, SD_KIND_DOMAIN, NULL, "pos");
    sd_obj_set_str(f->to, d, SD_DOMAIN_BASE_TYPE, "integer");
    sd_obj_set_bool(d, SD_DOMAIN_NOT_NULL, true);
    sd_obj_add_name(f->to, d, SD_DOMAIN_CHECKS, "CONSTRAINT pos_small CHECK ((VALUE < 100))");
    e = add(f->to, SD_KIND_DOMAIN, NULL, "code");
    sd_obj_set_str(f->to, e, SD_DOMAIN_BASE_TYPE, "character varying(10)");
    sd_obj_set_str(f->to, e, SD_DOMAIN_COLLATION, "pg_catalog.\"C\"");
    sd_object *n = add(f->to, SD_KIND_DOMAIN, NULL, "email");
    sd_obj_set_str(f->to, n, SD_DOMAIN_BASE_TYPE, "text");
    sd_obj_set_sql(f->to, n, SD_DOMAIN_DEFAULT, "''::text");
    sd_obj_set_bool(n, SD_DOMAIN_NOT_NULL, true);
    sd_obj_add_name(f->to, n, SD_DOMAIN_CHECKS, "CONSTRAINT has_at CHECK ((VALUE ~ '@'::text))");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN
                        "\nALTER DOMAIN public.code RENAME TO code_sd_old;\n"
                        "CREATE DOMAIN public.code AS character varying(10) COLLATE "
                        "pg_catalog.\"C\";\n"
                        "DROP DOMAIN public.code_sd_old;\n"
                        "\nCREATE DOMAIN public.email AS text DEFAULT ''::text NOT NULL CONSTRAINT "
                        "has_at CHECK ((VALUE ~ '@'::text));\n"
                        "\nALTER DOMAIN public.pos DROP DEFAULT;\n"
                        "ALTER DOMAIN public.pos SET NOT NULL;\n"
                        "ALTER DOMAIN public.pos DROP CONSTRAINT \"Pos check\";\n"
                        "ALTER DOMAIN public.pos ADD CONSTRAINT pos_small CHECK ((VALUE < "
                        "100));\n" TAIL);
}

static sd_object *
composite(sd_model *m, const char *name, const char *attrs)
{
    sd_object *c = add(m, SD_KIND_COMPOSITE, NULL, name);
    sd_obj_set_sql(m, c, SD_COMPOSITE_ATTRIBUTES, attrs);
    return c;
}

static void
test_composite_and_range(void **state)
{
    fixture *f = *state;
    composite(f->from, "pair", "a integer, b text");
    composite(f->from, "trio", "a integer, \"B, c\" numeric(10,2), c text");
    composite(f->from, "swap", "a integer, b text");
    sd_object *r = add(f->from, SD_KIND_RANGE, NULL, "old_range");
    sd_obj_set_sql(f->from, r, SD_RANGE_DEFINITION, "SUBTYPE = integer");
    composite(f->to, "pair", "a integer, b text COLLATE pg_catalog.\"C\"");
    composite(f->to, "trio", "a integer, c text, d date");
    composite(f->to, "swap", "b text, a integer");
    r = add(f->to, SD_KIND_RANGE, NULL, "floatrange");
    sd_obj_set_sql(f->to, r, SD_RANGE_DEFINITION,
                   "SUBTYPE = double precision, SUBTYPE_DIFF = pg_catalog.float8mi");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN
                        "\nALTER TYPE public.pair ALTER ATTRIBUTE b TYPE text COLLATE "
                        "pg_catalog.\"C\";\n"
                        "\nDROP TYPE public.swap;\n"
                        "CREATE TYPE public.swap AS (b text, a integer);\n"
                        "\n-- destructive: composite type public.trio loses an attribute and the "
                        "values stored in it\n"
                        "ALTER TYPE public.trio DROP ATTRIBUTE \"B, c\";\n"
                        "ALTER TYPE public.trio ADD ATTRIBUTE d date;\n"
                        "\nCREATE TYPE public.floatrange AS RANGE (SUBTYPE = double precision, "
                        "SUBTYPE_DIFF = pg_catalog.float8mi);\n"
                        "\nDROP TYPE public.old_range;\n" TAIL);
}

static sd_object *
sequence(sd_model *m, const char *name, int64_t start)
{
    sd_object *s = add(m, SD_KIND_SEQUENCE, NULL, name);
    sd_obj_set_str(m, s, SD_SEQUENCE_TYPE, "bigint");
    sd_obj_set_int(s, SD_SEQUENCE_START, start);
    sd_obj_set_int(s, SD_SEQUENCE_INCREMENT, 1);
    sd_obj_set_int(s, SD_SEQUENCE_MIN, 1);
    sd_obj_set_int(s, SD_SEQUENCE_MAX, INT64_MAX);
    sd_obj_set_int(s, SD_SEQUENCE_CACHE, 1);
    return s;
}

static void
test_sequence_owned_by_after_table(void **state)
{
    fixture *f = *state;
    sequence(f->from, "counter", 1);
    sequence(f->to, "counter", 10);
    sd_object *s = sequence(f->to, "t_id_seq", 1);
    sd_obj_set_str(f->to, s, SD_SEQUENCE_OWNED_BY, "public.t.id");
    sd_obj_set_bool(s, SD_SEQUENCE_CYCLE, true);
    table(f->to, "t");
    dflt(f->to, not_null(col(f->to, "t", 1, "id", "bigint")),
         "nextval('public.t_id_seq'::regclass)");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN
                        "\nALTER SEQUENCE public.counter START WITH 10;\n"
                        "\nCREATE SEQUENCE public.t_id_seq AS bigint START WITH 1 INCREMENT BY 1 "
                        "MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 CYCLE;\n"
                        "\nCREATE TABLE public.t (\n"
                        "    id bigint DEFAULT nextval('public.t_id_seq'::regclass) NOT NULL\n"
                        ");\n"
                        "\nALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;\n" TAIL);
}

static void
test_sequence_bounds_move_current_value(void **state)
{
    fixture *f = *state;
    sequence(f->from, "up", 1);
    sd_object *s = sequence(f->to, "up", 1000);
    sd_obj_set_int(s, SD_SEQUENCE_MIN, 1000);
    sd_obj_set_int(s, SD_SEQUENCE_INCREMENT, 10);
    s = sequence(f->from, "Down", -1);
    sd_obj_set_int(s, SD_SEQUENCE_INCREMENT, -1);
    sd_obj_set_int(s, SD_SEQUENCE_MIN, -1000);
    sd_obj_set_int(s, SD_SEQUENCE_MAX, -1);
    s = sequence(f->to, "Down", -1);
    sd_obj_set_int(s, SD_SEQUENCE_INCREMENT, -1);
    sd_obj_set_int(s, SD_SEQUENCE_MIN, -1000);
    sd_obj_set_int(s, SD_SEQUENCE_MAX, -100);
    const char *out = show(run(f));
    assert_string_equal(
        out, HEAD BEGIN
        "\nSELECT pg_catalog.setval('public.\"Down\"', LEAST(last_value, -100), "
        "is_called AND last_value <= -100) FROM public.\"Down\";\n"
        "ALTER SEQUENCE public.\"Down\" MAXVALUE -100;\n"
        "\nSELECT pg_catalog.setval('public.up', GREATEST(last_value, 1000), "
        "is_called AND last_value >= 1000) FROM public.up;\n"
        "ALTER SEQUENCE public.up START WITH 1000 INCREMENT BY 10 MINVALUE 1000;\n" TAIL);
}

static void
test_sequence_dropped_with_its_table(void **state)
{
    fixture *f = *state;
    sd_object *s = sequence(f->from, "t_id_seq", 1);
    sd_obj_set_str(f->from, s, SD_SEQUENCE_OWNED_BY, "public.t.id");
    table(f->from, "t");
    dflt(f->from, col(f->from, "t", 1, "id", "bigint"), "nextval('public.t_id_seq'::regclass)");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\nALTER SEQUENCE public.t_id_seq OWNED BY NONE;\n"
                                        "\n-- destructive: drops table public.t and all its rows\n"
                                        "DROP TABLE public.t;\n"
                                        "\n-- destructive: drops sequence public.t_id_seq and its "
                                        "current value\n"
                                        "DROP SEQUENCE public.t_id_seq;\n" TAIL);
}

static void
test_function_changes(void **state)
{
    fixture *f = *state;
    const char *one = "CREATE OR REPLACE FUNCTION public.one()\n RETURNS integer\n LANGUAGE sql\n"
                      "AS $function$select 1$function$\n";
    const char *two = "CREATE OR REPLACE FUNCTION public.one()\n RETURNS integer\n LANGUAGE sql\n"
                      "AS $function$select 2$function$\n";
    const char *big = "CREATE OR REPLACE FUNCTION public.half(x integer)\n RETURNS bigint\n "
                      "LANGUAGE sql\n SET search_path TO 'public', 'pg_temp'\n"
                      "BEGIN ATOMIC\n SELECT (x / 2);\nEND\n";
    function(f->from, "one", "", "integer", one);
    function(f->from, "half", "x integer", "integer",
             "CREATE OR REPLACE FUNCTION public.half(x integer)\n RETURNS integer\n LANGUAGE "
             "sql\nAS $$select x / 2$$\n");
    sd_object *p = function(f->from, "tidy", "IN n integer", "",
                            "CREATE OR REPLACE PROCEDURE "
                            "public.tidy(IN n integer)\n "
                            "LANGUAGE sql\nAS $$ $$\n");
    sd_obj_set_str(f->from, p, SD_FUNCTION_KIND, "procedure");
    function(f->to, "one", "", "integer", two);
    function(f->to, "half", "x integer", "bigint", big);
    /* Its identity arguments leave the default out (pg_get_function_identity_arguments). */
    sd_object *n = function(f->to, "new", "a text, b text", "text",
                            "CREATE OR REPLACE FUNCTION public.new(a text, b text DEFAULT "
                            "'x'::text)\n RETURNS text\n LANGUAGE sql\nAS $$select a || b$$\n");
    sd_obj_set_str(f->to, n, SD_FUNCTION_COMMENT, "concat");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\nDROP FUNCTION public.half(x integer);\n"
                                        "CREATE OR REPLACE FUNCTION public.half(x integer)\n"
                                        " RETURNS bigint\n LANGUAGE sql\n SET search_path TO "
                                        "'public', 'pg_temp'\nBEGIN ATOMIC\n SELECT (x / 2);\n"
                                        "END;\n"
                                        "\nCREATE OR REPLACE FUNCTION public.new(a text, b text "
                                        "DEFAULT 'x'::text)\n RETURNS text\n LANGUAGE sql\nAS "
                                        "$$select a || b$$;\n"
                                        "COMMENT ON FUNCTION public.new(a text, b text) IS "
                                        "'concat';\n"
                                        "\nCREATE OR REPLACE FUNCTION public.one()\n RETURNS "
                                        "integer\n LANGUAGE sql\nAS $function$select "
                                        "2$function$;\n"
                                        "\nDROP PROCEDURE public.tidy(IN n integer);\n" TAIL);
}

/* A column added to a kept table whose default calls a function that resolves names through
 * the caller's search_path: that function alone gets the database's default path for the
 * statement (the statement still runs with ''); one with its own SET search_path does not. */
static void
test_function_search_path_default(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (size_t i = 0; i < 2; i++) {
        table(ms[i], "t");
        col(ms[i], "t", 1, "id", "integer");
        function(ms[i], "n", "", "bigint",
                 "CREATE OR REPLACE FUNCTION public.n()\n RETURNS bigint\n LANGUAGE sql\n "
                 "STABLE\nAS $function$SELECT count(*) FROM t$function$\n");
        function(ms[i], "p", "", "bigint",
                 "CREATE OR REPLACE FUNCTION public.p()\n RETURNS bigint\n LANGUAGE sql\n "
                 "STABLE\n SET search_path TO 'public'\nAS $function$SELECT 1$function$\n");
    }
    sd_object *a = dflt(f->to, col(f->to, "t", 2, "a", "bigint"), "public.n()");
    sd_obj_add_dep(f->to, a, SD_KIND_FUNCTION, "public", NULL, "n()");
    sd_object *b = dflt(f->to, col(f->to, "t", 3, "b", "bigint"), "public.p()");
    sd_obj_add_dep(f->to, b, SD_KIND_FUNCTION, "public", NULL, "p()");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\n-- functions run below with the database's default "
                                        "search_path, as the application calls them (they set "
                                        "none of their own)\n"
                                        "SET LOCAL search_path TO DEFAULT;\n"
                                        "ALTER FUNCTION public.n() SET search_path FROM CURRENT;\n"
                                        "SELECT pg_catalog.set_config('search_path', '', true);\n"
                                        "ALTER TABLE public.t ADD COLUMN a bigint DEFAULT "
                                        "public.n();\n"
                                        "ALTER FUNCTION public.n() RESET search_path;\n"
                                        "\nALTER TABLE public.t ADD COLUMN b bigint DEFAULT "
                                        "public.p();\n" TAIL);
}

static void
test_function_recreate_rebuilds_dependent_view(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        function(ms[i], "f", "", i == 0 ? "integer" : "bigint",
                 i == 0 ? "CREATE OR REPLACE FUNCTION public.f()\n RETURNS integer\n LANGUAGE "
                          "sql\nAS $$select 1$$\n"
                        : "CREATE OR REPLACE FUNCTION public.f()\n RETURNS bigint\n LANGUAGE "
                          "sql\nAS $$select 1$$\n");
        dep(ms[i], view(ms[i], "v", " SELECT public.f() AS f;"), SD_KIND_FUNCTION, NULL, "f()");
    }
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\nDROP VIEW public.v;\n"
                                        "\nDROP FUNCTION public.f();\n"
                                        "CREATE OR REPLACE FUNCTION public.f()\n RETURNS bigint\n "
                                        "LANGUAGE sql\nAS $$select 1$$;\n"
                                        "\nCREATE VIEW public.v AS SELECT public.f() AS f;\n" TAIL);
}

/* f() changes its result: g() calling it (unchanged), a default and a CHECK calling it are
 * detached first and come back after f() exists again. */
static void
test_function_recreate_detaches_callers(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        const char *res = i == 0 ? "integer" : "bigint";
        char def[160];
        snprintf(def, sizeof(def),
                 "CREATE OR REPLACE FUNCTION public.f()\n RETURNS %s\n LANGUAGE sql\n"
                 "RETURN 1\n",
                 res);
        function(ms[i], "f", "", res, def);
        dep(ms[i],
            function(ms[i], "g", "", "bigint",
                     "CREATE OR REPLACE FUNCTION public.g()\n RETURNS bigint\n LANGUAGE sql\n"
                     "RETURN public.f()\n"),
            SD_KIND_FUNCTION, NULL, "f()");
        table(ms[i], "t");
        dep(ms[i], dflt(ms[i], col(ms[i], "t", 1, "n", "bigint"), "public.f()"), SD_KIND_FUNCTION,
            NULL, "f()");
        dep(ms[i], check(ms[i], "t", "t_n_check", "(n >= public.f())"), SD_KIND_FUNCTION, NULL,
            "f()");
    }
    const char *out = show(run(f));
    const char *drop_f = "DROP FUNCTION public.f();";
    before(out, "ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT;", drop_f);
    before(out, "ALTER TABLE public.t DROP CONSTRAINT t_n_check;", drop_f);
    before(out, "DROP FUNCTION public.g();", drop_f);
    before(out, "RETURNS bigint\n LANGUAGE sql\nRETURN 1;", "FUNCTION public.g()\n RETURNS");
    before(out, "RETURNS bigint\n LANGUAGE sql\nRETURN 1;",
           "ALTER TABLE public.t ALTER COLUMN n SET DEFAULT public.f();");
    before(out, "RETURNS bigint\n LANGUAGE sql\nRETURN 1;",
           "ALTER TABLE public.t ADD CONSTRAINT t_n_check CHECK ((n >= public.f()));");
}

static void
test_partitions(void **state)
{
    fixture *f = *state;
    sd_object *m = table(f->from, "m");
    sd_obj_set_str(f->from, m, SD_TABLE_PARTITION_KEY, "RANGE (d)");
    col(f->from, "m", 1, "d", "date");
    sd_object *p = table(f->from, "m_2024");
    sd_obj_set_str(f->from, p, SD_TABLE_PARTITION_OF, "public.m");
    sd_obj_set_str(f->from, p, SD_TABLE_PARTITION_BOUND,
                   "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
    sd_obj_set_bool(col(f->from, "m_2024", 1, "d", "date"), SD_COLUMN_INHERITED, true);
    m = table(f->to, "m");
    sd_obj_set_str(f->to, m, SD_TABLE_PARTITION_KEY, "RANGE (d)");
    col(f->to, "m", 1, "d", "date");
    p = table(f->to, "m_2024");
    sd_obj_set_str(f->to, p, SD_TABLE_PARTITION_OF, "public.m");
    sd_obj_set_str(f->to, p, SD_TABLE_PARTITION_BOUND,
                   "FOR VALUES FROM ('2024-01-01') TO ('2024-07-01')");
    sd_obj_set_bool(col(f->to, "m_2024", 1, "d", "date"), SD_COLUMN_INHERITED, true);
    /* A new partition named before its new parent: the parent is created first. */
    sd_object *a = table(f->to, "a_default");
    sd_obj_set_str(f->to, a, SD_TABLE_PARTITION_OF, "public.z");
    sd_obj_set_str(f->to, a, SD_TABLE_PARTITION_BOUND, "DEFAULT");
    sd_object *ac = not_null(col(f->to, "a_default", 1, "k", "integer"));
    sd_obj_set_bool(ac, SD_COLUMN_INHERITED, true);
    check(f->to, "a_default", "k_pos", "(k > 0)");
    sd_object *z = table(f->to, "z");
    sd_obj_set_str(f->to, z, SD_TABLE_PARTITION_KEY, "LIST (k)");
    col(f->to, "z", 1, "k", "integer");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN
                        "\nCREATE TABLE public.z (\n"
                        "    k integer\n"
                        ") PARTITION BY LIST (k);\n"
                        "CREATE TABLE public.a_default PARTITION OF public.z DEFAULT;\n"
                        "ALTER TABLE public.a_default ADD CONSTRAINT k_pos CHECK ((k > 0));\n"
                        "ALTER TABLE public.a_default ALTER COLUMN k SET NOT NULL;\n"
                        "\nALTER TABLE public.m DETACH PARTITION public.m_2024;\n"
                        "ALTER TABLE public.m ATTACH PARTITION public.m_2024 FOR VALUES FROM "
                        "('2024-01-01') TO ('2024-07-01');\n" TAIL);
}

static void
test_inheritance(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "p1");
        col(ms[i], "p1", 1, "a", "integer");
        table(ms[i], "p2");
        col(ms[i], "p2", 1, "b", "integer");
    }
    /* c moves from p1 to p2: k, in both, is carried over a bridge parent; b, new, comes
     * through it (inherited, not local); a goes. */
    for (int i = 0; i < 2; i++) {
        col(ms[i], "p1", 2, "k", "bigint");
        col(ms[i], "p2", 2, "k", "bigint");
    }
    sd_object *c = table(f->from, "c");
    names(f->from, c, SD_TABLE_INHERITS, "public.p1");
    sd_obj_set_bool(col(f->from, "c", 1, "a", "integer"), SD_COLUMN_INHERITED, true);
    sd_obj_set_bool(col(f->from, "c", 2, "k", "bigint"), SD_COLUMN_INHERITED, true);
    c = table(f->to, "c");
    names(f->to, c, SD_TABLE_INHERITS, "public.p2");
    sd_obj_set_bool(col(f->to, "c", 1, "k", "bigint"), SD_COLUMN_INHERITED, true);
    sd_obj_set_bool(col(f->to, "c", 2, "b", "integer"), SD_COLUMN_INHERITED, true);
    col(f->to, "c", 3, "own", "text");
    sd_object *n = table(f->to, "n");
    names(f->to, n, SD_TABLE_INHERITS, "public.p1 public.p2");
    sd_obj_set_bool(col(f->to, "n", 1, "a", "integer"), SD_COLUMN_INHERITED, true);
    sd_obj_set_bool(col(f->to, "n", 2, "k", "bigint"), SD_COLUMN_INHERITED, true);
    sd_obj_set_bool(dflt(f->to, col(f->to, "n", 3, "b", "integer"), "7"), SD_COLUMN_INHERITED,
                    true);
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\nCREATE TABLE public.sd_bridge_0 (k bigint);\n"
                                        "ALTER TABLE public.c INHERIT public.sd_bridge_0;\n"
                                        "ALTER TABLE public.c NO INHERIT public.p1;\n"
                                        "\n-- destructive: drops column public.c.a and its data\n"
                                        "ALTER TABLE public.c DROP COLUMN a;\n"
                                        "\nALTER TABLE public.sd_bridge_0 ADD COLUMN b integer;\n"
                                        "ALTER TABLE public.c INHERIT public.p2;\n"
                                        "\nALTER TABLE public.c ADD COLUMN own text;\n"
                                        "\nCREATE TABLE public.n (\n"
                                        ") INHERITS (public.p1, public.p2);\n"
                                        "ALTER TABLE public.n ALTER COLUMN b SET DEFAULT 7;\n"
                                        "\nALTER TABLE public.c NO INHERIT public.sd_bridge_0;\n"
                                        "DROP TABLE public.sd_bridge_0;\n" TAIL);
}

/* A parent gains a column that a grandchild declares itself: the grandchild's ADD COLUMN
 * comes first (the parent's then merges into it); a child leaving the parent drops the
 * parent's CHECK that NO INHERIT leaves behind; one whose inherited column turns its own
 * leaves the parent and inherits it again, its CHECK kept inherited over a bridge. */
static void
test_inheritance_local_columns_and_checks(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "p");
        col(ms[i], "p", 1, "a", "integer");
        check(ms[i], "p", "p_a_pos", "(a > 0)");
        names(ms[i], table(ms[i], "c"), SD_TABLE_INHERITS, "public.p");
        sd_obj_set_bool(col(ms[i], "c", 1, "a", "integer"), SD_COLUMN_INHERITED, true);
        names(ms[i], table(ms[i], "z"), SD_TABLE_INHERITS, "public.c");
        sd_obj_set_bool(col(ms[i], "z", 1, "a", "integer"), SD_COLUMN_INHERITED, true);
        sd_object *lv = table(ms[i], "leaver");
        if (i == 0)
            names(ms[i], lv, SD_TABLE_INHERITS, "public.p");
        names(ms[i], table(ms[i], "flip"), SD_TABLE_INHERITS, "public.p");
    }
    col(f->to, "p", 2, "b", "integer");
    sd_obj_set_bool(col(f->to, "c", 2, "b", "integer"), SD_COLUMN_INHERITED, true);
    col(f->to, "z", 2, "b", "integer");
    sd_obj_set_bool(col(f->from, "leaver", 1, "a", "integer"), SD_COLUMN_INHERITED, true);
    col(f->to, "leaver", 1, "a", "integer");
    sd_obj_set_bool(col(f->from, "flip", 1, "a", "integer"), SD_COLUMN_INHERITED, true);
    col(f->to, "flip", 1, "a", "integer");
    const char *out = show(run(f));
    before(out, "ALTER TABLE public.z ADD COLUMN b integer;", "ALTER TABLE public.p ADD COLUMN b");
    lacks(out, "ALTER TABLE public.c ADD COLUMN");
    before(out, "ALTER TABLE public.leaver NO INHERIT public.p;",
           "ALTER TABLE public.leaver DROP CONSTRAINT p_a_pos;");
    before(out, "ALTER TABLE public.flip INHERIT public.sd_bridge_",
           "ADD CONSTRAINT p_a_pos CHECK ((a > 0));");
    before(out, "ADD CONSTRAINT p_a_pos CHECK ((a > 0));",
           "ALTER TABLE public.flip NO INHERIT public.p;");
    before(out, "ALTER TABLE public.flip NO INHERIT public.p;",
           "ALTER TABLE public.flip INHERIT public.p;");
    lacks(out, "DROP CONSTRAINT p_a_pos;\nALTER TABLE public.flip");
    lacks(out, "ALTER TABLE public.flip DROP");
}

static void
test_table_flags(void **state)
{
    fixture *f = *state;
    table(f->from, "t");
    sd_object *t = table(f->to, "t");
    sd_obj_set_bool(t, SD_TABLE_UNLOGGED, true);
    sd_obj_set_bool(t, SD_TABLE_RLS_ENABLED, true);
    sd_obj_set_str(f->to, t, SD_TABLE_COMMENT, "x");
    sd_object *u = table(f->from, "u");
    sd_obj_set_bool(u, SD_TABLE_RLS_ENABLED, true);
    sd_obj_set_bool(u, SD_TABLE_RLS_FORCED, true);
    table(f->to, "u");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\nALTER TABLE public.t SET UNLOGGED;\n"
                                        "ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;\n"
                                        "COMMENT ON TABLE public.t IS 'x';\n"
                                        "\nALTER TABLE public.u DISABLE ROW LEVEL SECURITY;\n"
                                        "ALTER TABLE public.u NO FORCE ROW LEVEL SECURITY;\n" TAIL);
}

static void
test_constraint_changes(void **state)
{
    fixture *f = *state;
    table(f->from, "t");
    col(f->from, "t", 1, "a", "integer");
    col(f->from, "t", 2, "b", "integer");
    pk(f->from, "t", "t_pkey", "a");
    unique(f->from, "t", "t_b_key", "b");
    sd_object *ck = check(f->from, "t", "b_pos", "(b > 0)");
    sd_obj_set_bool(ck, SD_CHECK_NOT_VALID, true);
    check(f->from, "t", "gone", "(a > 0)");
    sd_object *ex = add(f->from, SD_KIND_EXCLUSION, "t", "t_ex");
    sd_obj_set_sql(f->from, ex, SD_EXCLUSION_DEFINITION, "EXCLUDE USING btree (a WITH =)");
    table(f->to, "t");
    col(f->to, "t", 1, "a", "integer");
    col(f->to, "t", 2, "b", "integer");
    sd_object *p = pk(f->to, "t", "t_primary", "a");
    sd_obj_set_str(f->to, p, SD_PK_COMMENT, "key");
    sd_object *u = unique(f->to, "t", "t_b_key", "b");
    sd_obj_set_bool(u, SD_UNIQUE_DEFERRABLE, true);
    check(f->to, "t", "b_pos", "(b > 0)");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\nALTER TABLE public.t DROP CONSTRAINT gone;\n"
                                        "\nALTER TABLE public.t DROP CONSTRAINT t_ex;\n"
                                        "\nALTER TABLE public.t DROP CONSTRAINT t_b_key;\n"
                                        "\nALTER TABLE public.t RENAME CONSTRAINT t_pkey TO "
                                        "t_primary;\n"
                                        "COMMENT ON CONSTRAINT t_primary ON public.t IS 'key';\n"
                                        "\nALTER TABLE public.t ADD CONSTRAINT t_b_key UNIQUE (b) "
                                        "DEFERRABLE;\n"
                                        "\nALTER TABLE public.t VALIDATE CONSTRAINT b_pos;\n" TAIL);
}

/* The index behind a key constraint: its comment and storage parameters change in place
 * (COMMENT ON INDEX, ALTER INDEX), and go with a new constraint and a new table. */
static void
test_constraint_index_fields(void **state)
{
    fixture *f = *state;
    table(f->from, "t");
    col(f->from, "t", 1, "a", "integer");
    col(f->from, "t", 2, "b", "integer");
    sd_object *p = pk(f->from, "t", "t_pkey", "a");
    sd_obj_add_name(f->from, p, SD_PK_INDEX_OPTIONS, "fillfactor=70");
    sd_obj_set_str(f->from, p, SD_PK_INDEX_COMMENT, "old");
    sd_object *ex = add(f->from, SD_KIND_EXCLUSION, "t", "t_ex");
    sd_obj_set_sql(f->from, ex, SD_EXCLUSION_DEFINITION, "EXCLUDE USING btree (a WITH =)");
    sd_obj_set_str(f->from, ex, SD_EXCLUSION_INDEX_COMMENT, "gone");
    table(f->to, "t");
    col(f->to, "t", 1, "a", "integer");
    col(f->to, "t", 2, "b", "integer");
    p = pk(f->to, "t", "t_pkey", "a");
    sd_obj_add_name(f->to, p, SD_PK_INDEX_OPTIONS, "fillfactor=90");
    sd_obj_set_str(f->to, p, SD_PK_INDEX_COMMENT, "new");
    ex = add(f->to, SD_KIND_EXCLUSION, "t", "t_ex");
    sd_obj_set_sql(f->to, ex, SD_EXCLUSION_DEFINITION, "EXCLUDE USING btree (a WITH =)");
    sd_object *u = unique(f->to, "t", "t_b_key", "b");
    sd_obj_add_name(f->to, u, SD_UNIQUE_INDEX_OPTIONS, "fillfactor=80");
    sd_obj_set_str(f->to, u, SD_UNIQUE_INDEX_COMMENT, "it's b");
    sd_obj_set_str(f->to, u, SD_UNIQUE_COMMENT, "the constraint");
    table(f->to, "n");
    col(f->to, "n", 1, "id", "integer");
    p = pk(f->to, "n", "n_pkey", "id");
    sd_obj_add_name(f->to, p, SD_PK_INDEX_OPTIONS, "fillfactor=50");
    sd_obj_set_bool(p, SD_PK_DEFERRABLE, true);
    sd_obj_set_str(f->to, p, SD_PK_INDEX_COMMENT, "n key");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\nCREATE TABLE public.n (\n"
                                        "    id integer,\n"
                                        "    CONSTRAINT n_pkey PRIMARY KEY (id) WITH "
                                        "(fillfactor=50) DEFERRABLE\n);\n"
                                        "COMMENT ON INDEX public.n_pkey IS 'n key';\n"
                                        "\nALTER INDEX public.t_pkey SET (fillfactor=90);\n"
                                        "COMMENT ON INDEX public.t_pkey IS 'new';\n"
                                        "\nALTER TABLE public.t ADD CONSTRAINT t_b_key UNIQUE (b) "
                                        "WITH (fillfactor=80);\n"
                                        "COMMENT ON CONSTRAINT t_b_key ON public.t IS 'the "
                                        "constraint';\n"
                                        "COMMENT ON INDEX public.t_b_key IS 'it''s b';\n"
                                        "\nCOMMENT ON INDEX public.t_ex IS NULL;\n" TAIL);
}

static sd_object *
aggregate(sd_model *m, const char *name, const char *proname, const char *args, const char *def)
{
    sd_object *a = add(m, SD_KIND_AGGREGATE, NULL, name);
    sd_obj_set_str(m, a, SD_AGGREGATE_NAME, proname);
    sd_obj_set_str(m, a, SD_AGGREGATE_ARGUMENTS, args);
    sd_obj_set_sql(m, a, SD_AGGREGATE_DEFINITION, def);
    return a;
}

/* Aggregates: CREATE AGGREGATE (a zero-argument one with (*)), a changed definition by DROP
 * and CREATE, a comment in place, a dropped one with DROP AGGREGATE. */
static void
test_aggregates(void **state)
{
    fixture *f = *state;
    aggregate(f->from, "s(integer)", "s", "integer", "SFUNC = int4pl, STYPE = integer");
    aggregate(f->from, "c(integer)", "c", "integer", "SFUNC = int4pl, STYPE = integer");
    aggregate(f->from, "gone(text)", "gone", "text", "SFUNC = textcat, STYPE = text");
    aggregate(f->to, "s(integer)", "s", "integer",
              "SFUNC = int4pl, STYPE = integer, INITCOND = '0'");
    sd_object *c =
        aggregate(f->to, "c(integer)", "c", "integer", "SFUNC = int4pl, STYPE = integer");
    sd_obj_set_str(f->to, c, SD_AGGREGATE_COMMENT, "sum");
    aggregate(f->to, "n()", "n", "", "SFUNC = int8inc, STYPE = bigint, INITCOND = '0'");
    const char *out = show(run(f));
    assert_string_equal(out,
                        HEAD BEGIN "\nCOMMENT ON AGGREGATE public.c(integer) IS 'sum';\n"
                                   "\nCREATE AGGREGATE public.n (*) (SFUNC = int8inc, STYPE = "
                                   "bigint, INITCOND = '0');\n"
                                   "\nDROP AGGREGATE public.s(integer);\n"
                                   "CREATE AGGREGATE public.s (integer) (SFUNC = int4pl, STYPE "
                                   "= integer, INITCOND = '0');\n"
                                   "\nDROP AGGREGATE public.gone(text);\n" TAIL);
}

static sd_object *
operator(sd_model *m, const char *name, const char *def)
{
    sd_object *o = add(m, SD_KIND_OPERATOR, NULL, name);
    sd_obj_set_sql(m, o, SD_OPERATOR_DEFINITION, def);
    return o;
}

/* Operators: CREATE OPERATOR (a prefix one too), a changed definition by DROP and CREATE,
 * owner and comment in place, a dropped one with DROP OPERATOR (left, right). */
static void
test_operators(void **state)
{
    fixture *f = *state;
    operator(f->from, "===(integer, integer)",
             "FUNCTION = int4eq, LEFTARG = integer, RIGHTARG = integer");
    operator(f->from, "~<<(text, text)", "FUNCTION = public.f, LEFTARG = text, RIGHTARG = text");
    operator(f->from, "!!(NONE, bigint)", "FUNCTION = int8abs, RIGHTARG = bigint");
    operator(f->to, "===(integer, integer)",
             "FUNCTION = int4eq, LEFTARG = integer, RIGHTARG = integer, HASHES");
    sd_object *o = operator(f->to, "~<<(text, text)",
                            "FUNCTION = public.f, LEFTARG = text, RIGHTARG = text");
    sd_obj_set_str(f->to, o, SD_OPERATOR_OWNER, "alice");
    sd_obj_set_str(f->to, o, SD_OPERATOR_COMMENT, "reverse match");
    operator(f->to, "@-(NONE, integer)", "FUNCTION = int4um, RIGHTARG = integer");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN
                        "\nDROP OPERATOR public.=== (integer, integer);\n"
                        "CREATE OPERATOR public.=== (FUNCTION = int4eq, LEFTARG = integer, "
                        "RIGHTARG = integer, HASHES);\n"
                        "\nCREATE OPERATOR public.@- (FUNCTION = int4um, RIGHTARG = integer);\n"
                        "\nALTER OPERATOR public.~<< (text, text) OWNER TO alice;\n"
                        "COMMENT ON OPERATOR public.~<< (text, text) IS 'reverse match';\n"
                        "\nDROP OPERATOR public.!! (NONE, bigint);\n" TAIL);
}

static sd_object *
collation(sd_model *m, const char *name, const char *provider, const char *locale, bool det)
{
    sd_object *o = add(m, SD_KIND_COLLATION, NULL, name);
    sd_obj_set_str(m, o, SD_COLLATION_PROVIDER, provider);
    sd_obj_set_str(m, o, SD_COLLATION_LOCALE, locale);
    sd_obj_set_bool(o, SD_COLLATION_DETERMINISTIC, det);
    return o;
}

/* Collations: CREATE COLLATION as pg_dump writes it (locale alone, or lc_collate and
 * lc_ctype; deterministic = false), owner and comment in place, a definition change by DROP
 * and CREATE, or, while a column uses it, by renaming the old one away, converting the
 * column and dropping the old one; a dropped one after everything else. */
static void
test_collations(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "t");
        sd_obj_set_str(ms[i], col(ms[i], "t", 1, "name", "text"), SD_COLUMN_COLLATION, "public.ci");
    }
    collation(f->from, "ci", "icu", "und-u-ks-level2", true);
    collation(f->from, "plain", "libc", "C", true);
    collation(f->from, "gone", "libc", "POSIX", true);
    collation(f->from, "keep", "libc", "C", true);
    collation(f->to, "ci", "icu", "und-u-ks-level2", false);
    collation(f->to, "plain", "libc", "POSIX", true);
    sd_object *o = collation(f->to, "keep", "libc", "C", true);
    sd_obj_set_str(f->to, o, SD_COLLATION_OWNER, "alice");
    sd_obj_set_str(f->to, o, SD_COLLATION_COMMENT, "kept");
    o = collation(f->to, "Split", "libc", NULL, true);
    sd_obj_set_str(f->to, o, SD_COLLATION_LC_COLLATE, "C");
    sd_obj_set_str(f->to, o, SD_COLLATION_LC_CTYPE, "POSIX");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN
                        "\nCREATE COLLATION public.\"Split\" (provider = libc, lc_collate = 'C', "
                        "lc_ctype = 'POSIX');\n"
                        "\nALTER COLLATION public.ci RENAME TO ci_sd_old;\n"
                        "CREATE COLLATION public.ci (provider = icu, deterministic = false, "
                        "locale = 'und-u-ks-level2');\n"
                        "ALTER TABLE public.t ALTER COLUMN name TYPE text COLLATE public.ci;\n"
                        "DROP COLLATION public.ci_sd_old;\n"
                        "\nALTER COLLATION public.keep OWNER TO alice;\n"
                        "COMMENT ON COLLATION public.keep IS 'kept';\n"
                        "\nDROP COLLATION public.plain;\n"
                        "CREATE COLLATION public.plain (provider = libc, locale = 'POSIX');\n"
                        "\nDROP COLLATION public.gone;\n" TAIL);
}

static sd_object *
event_trigger(sd_model *m, const char *name, const char *event, const char *fn)
{
    sd_object *o = add_in(m, SD_KIND_EVENT_TRIGGER, NULL, NULL, name);
    sd_obj_set_str(m, o, SD_EVENT_TRIGGER_EVENT, event);
    sd_obj_set_str(m, o, SD_EVENT_TRIGGER_FUNCTION_SCHEMA, "public");
    sd_obj_set_str(m, o, SD_EVENT_TRIGGER_FUNCTION_NAME, fn);
    return o;
}

static sd_object *
cast(sd_model *m, const char *source, const char *target, const char *method, const char *fn)
{
    char name[128];
    snprintf(name, sizeof(name), "(%s AS %s)", source, target);
    sd_object *o = add_in(m, SD_KIND_CAST, NULL, NULL, name);
    sd_obj_set_str(m, o, SD_CAST_SOURCE, source);
    sd_obj_set_str(m, o, SD_CAST_TARGET, target);
    sd_obj_set_str(m, o, SD_CAST_METHOD, method);
    sd_obj_set_str(m, o, SD_CAST_FUNCTION, fn);
    return o;
}

/* Event triggers go before every other change and come back after every other one (they
 * fire on DDL); an enable state that becomes DISABLE is set first, any other last. Casts are
 * written as pg_dump writes them, DROP + CREATE for a change. */
static void
test_event_triggers_and_casts(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "t");
        col(ms[i], "t", 1, "a", "integer");
        sd_object *o = event_trigger(ms[i], "et_off", "ddl_command_start", "f");
        sd_obj_set_str(ms[i], o, SD_EVENT_TRIGGER_ENABLED, i == 0 ? NULL : "disabled");
        o = event_trigger(ms[i], "et_on", "ddl_command_start", "f");
        sd_obj_set_str(ms[i], o, SD_EVENT_TRIGGER_ENABLED, i == 0 ? "disabled" : "always");
        o = cast(ms[i], "public.mood", "integer", i == 0 ? "inout" : "function",
                 i == 0 ? NULL : "public.mood_int(public.mood)");
    }
    col(f->to, "t", 2, "b", "integer");
    event_trigger(f->from, "et_old", "sql_drop", "f");
    sd_object *e = event_trigger(f->to, "Et New", "ddl_command_end", "g");
    names(f->to, e, SD_EVENT_TRIGGER_TAGS, "CREATE_TABLE ALTER_TABLE");
    sd_obj_set_str(f->to, e, SD_EVENT_TRIGGER_ENABLED, "replica");
    sd_obj_set_str(f->to, e, SD_EVENT_TRIGGER_COMMENT, "last");
    cast(f->from, "text", "bytea", "binary", NULL);
    sd_object *k = cast(f->to, "integer", "public.t2", "inout", NULL);
    sd_obj_set_str(f->to, k, SD_CAST_CONTEXT, "implicit");
    sd_obj_set_str(f->to, k, SD_CAST_COMMENT, "c");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\nDROP EVENT TRIGGER et_old;\n"
                                        "\nALTER EVENT TRIGGER et_off DISABLE;\n"
                                        "\nDROP CAST (public.mood AS integer);\n"
                                        "\nDROP CAST (text AS bytea);\n"
                                        "\nCREATE CAST (integer AS public.t2) WITH INOUT AS "
                                        "IMPLICIT;\n"
                                        "COMMENT ON CAST (integer AS public.t2) IS 'c';\n"
                                        "\nCREATE CAST (public.mood AS integer) WITH FUNCTION "
                                        "public.mood_int(public.mood);\n"
                                        "\nALTER TABLE public.t ADD COLUMN b integer;\n"
                                        "\nCREATE EVENT TRIGGER \"Et New\" ON ddl_command_end\n"
                                        "    WHEN TAG IN ('CREATE_TABLE', 'ALTER_TABLE')\n"
                                        "    EXECUTE FUNCTION public.g();\n"
                                        "ALTER EVENT TRIGGER \"Et New\" ENABLE REPLICA;\n"
                                        "COMMENT ON EVENT TRIGGER \"Et New\" IS 'last';\n"
                                        "\nALTER EVENT TRIGGER et_on ENABLE ALWAYS;\n" TAIL);
}

/* A cast's types are proved fragments, and its name must be its own (source AS target). */
static void
test_cast_forged_refused(void **state)
{
    fixture *f = *state;
    cast(f->to, "integer; DROP TABLE users", "text", "inout", NULL);
    refused(f, "contains ';'");
    sd_object *k = add_in(f->to, SD_KIND_CAST, NULL, NULL, "(integer AS bigint)");
    sd_obj_set_str(f->to, k, SD_CAST_SOURCE, "integer");
    sd_obj_set_str(f->to, k, SD_CAST_TARGET, "text");
    sd_obj_set_str(f->to, k, SD_CAST_METHOD, "inout");
    refused(f, "must be (source AS target)");
    cast(f->to, "integer", "text", "function", NULL);
    refused(f, "function (with a function)");
    cast(f->to, "integer", "text", "function", "public.f(integer); DROP TABLE users");
    refused(f, "contains ';'");
}

static sd_object *
user_mapping(sd_model *m, const char *user, const char *server)
{
    char name[128];
    snprintf(name, sizeof(name), "%s@%s", user, server);
    sd_object *o = add_in(m, SD_KIND_USER_MAPPING, NULL, NULL, name);
    sd_obj_set_str(m, o, SD_USER_MAPPING_USER, user);
    sd_obj_set_str(m, o, SD_USER_MAPPING_SERVER, server);
    return o;
}

/* Wrappers and servers change in place (options: DROP / SET / ADD; options only in another
 * order are no change); a server type change drops and creates the server, its user
 * mappings dropped before and created again after. A user mapping's options: created with
 * them but its secrets (read as their name alone: the script says to set them), changed in
 * place, a secret only dropped. */
static void
test_foreign_data_wrappers_servers_mappings(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "t");
        col(ms[i], "t", 1, "a", "integer");
        sd_object *w = add_in(ms[i], SD_KIND_FDW, NULL, NULL, "w");
        names(ms[i], w, SD_FDW_OPTIONS, i == 0 ? "a=1 b=2 c=3" : "a=1 c=4 d=it's");
        sd_obj_set_str(ms[i], w, SD_FDW_HANDLER, i == 0 ? "public.h" : NULL);
        sd_object *r = add_in(ms[i], SD_KIND_FDW, NULL, NULL, "r");
        names(ms[i], r, SD_FDW_OPTIONS, i == 0 ? "a=1 b=2" : "b=2 a=1");
        sd_object *s = add_in(ms[i], SD_KIND_SERVER, NULL, NULL, "s");
        sd_obj_set_str(ms[i], s, SD_SERVER_FDW, "w");
        sd_obj_set_str(ms[i], s, SD_SERVER_VERSION, i == 0 ? "1" : NULL);
        sd_object *x = add_in(ms[i], SD_KIND_SERVER, NULL, NULL, "x");
        sd_obj_set_str(ms[i], x, SD_SERVER_FDW, "w");
        sd_obj_set_str(ms[i], x, SD_SERVER_TYPE, i == 0 ? "old" : "new");
        sd_object *u = user_mapping(ms[i], "public", "x");
        names(ms[i], u, SD_USER_MAPPING_OPTIONS, "password user=u");
        sd_obj_add_dep(ms[i], u, SD_KIND_SERVER, NULL, NULL, "x");
        sd_object *k = user_mapping(ms[i], "carol", "s");
        names(ms[i], k, SD_USER_MAPPING_OPTIONS,
              i == 0 ? "dbname=x password sslpassword user=c" : "password token user=C");
    }
    user_mapping(f->from, "alice", "s");
    sd_object *b = user_mapping(f->to, "Bob", "s");
    names(f->to, b, SD_USER_MAPPING_OPTIONS, "Odd\nName=it's");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\nDROP USER MAPPING FOR alice SERVER s;\n"
                                        "\nDROP USER MAPPING FOR PUBLIC SERVER x;\n"
                                        "\nALTER FOREIGN DATA WRAPPER w NO HANDLER OPTIONS "
                                        "(DROP b, SET c '4', ADD d 'it''s');\n"
                                        "\nALTER SERVER s VERSION NULL;\n"
                                        "\nDROP SERVER x;\n"
                                        "CREATE SERVER x TYPE 'new' FOREIGN DATA WRAPPER w;\n"
                                        "\n-- its option password is never read (it holds a "
                                        "secret): set it with ALTER USER MAPPING ... OPTIONS "
                                        "(ADD password '...')\n"
                                        "CREATE USER MAPPING FOR PUBLIC SERVER x OPTIONS "
                                        "(\"user\" 'u');\n"
                                        "\nCREATE USER MAPPING FOR \"Bob\" SERVER s OPTIONS "
                                        "(\"Odd\nName\" 'it''s');\n"
                                        "\n-- its option token is never read (it holds a "
                                        "secret): set it with ALTER USER MAPPING ... OPTIONS "
                                        "(ADD token '...')\n"
                                        "ALTER USER MAPPING FOR carol SERVER s OPTIONS (DROP "
                                        "dbname, DROP sslpassword, SET \"user\" 'C');\n" TAIL);
}

/* A user mapping whose options one side could not read: nothing to turn into the other. */
static void
test_user_mapping_hidden_options_refused(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        add_in(ms[i], SD_KIND_SERVER, NULL, NULL, "s");
        sd_object *u = user_mapping(ms[i], "carol", "s");
        if (i == 0)
            sd_obj_set_bool(u, SD_USER_MAPPING_OPTIONS_HIDDEN, true);
        else
            names(ms[i], u, SD_USER_MAPPING_OPTIONS, "user=c");
    }
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_opts(f, false, &err), SD_ERR_UNSUPPORTED);
    assert_non_null(strstr(err.msg, "its options could not be read on the from side"));
    assert_non_null(strstr(err.hint, "a superuser, the server's owner"));
}

/* A user mapping's name must be its own user@server; a wrapper's handler is a proved piece. */
static void
test_foreign_data_forged_refused(void **state)
{
    fixture *f = *state;
    sd_object *u = add_in(f->to, SD_KIND_USER_MAPPING, NULL, NULL, "alice@s");
    sd_obj_set_str(f->to, u, SD_USER_MAPPING_USER, "bob");
    sd_obj_set_str(f->to, u, SD_USER_MAPPING_SERVER, "s");
    refused(f, "must be user@server");
    sd_object *w = add_in(f->to, SD_KIND_FDW, NULL, NULL, "w");
    sd_obj_set_str(f->to, w, SD_FDW_HANDLER, "public.h; DROP TABLE users");
    refused(f, "contains ';'");
    w = add_in(f->to, SD_KIND_FDW, NULL, NULL, "w");
    names(f->to, w, SD_FDW_OPTIONS, "novalue");
    refused(f, "not name=value");
}

static sd_object *
subscription(sd_model *m, const char *name, const char *pubs, const char *slot)
{
    sd_object *o = add_in(m, SD_KIND_SUBSCRIPTION, NULL, NULL, name);
    names(m, o, SD_SUBSCRIPTION_PUBLICATIONS, pubs);
    sd_obj_set_str(m, o, SD_SUBSCRIPTION_SLOT_NAME, slot);
    sd_obj_set_str(m, o, SD_SUBSCRIPTION_SYNCHRONOUS_COMMIT, "off");
    return o;
}

/* Subscriptions: created not connected and without a connection string (the script says
 * so), dropped after letting go of their slot, changed in place without a refresh; a
 * two_phase change drops and creates. */
static void
test_subscriptions(void **state)
{
    fixture *f = *state;
    subscription(f->from, "gone", "p", "gone_slot");
    sd_object *k[2];
    sd_object *t[2];
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        k[i] = subscription(ms[i], "kept", "p", i == 0 ? NULL : "s1");
        if (i == 1)
            sd_obj_add_name(ms[i], k[i], SD_SUBSCRIPTION_PUBLICATIONS, "Odd Pub");
        sd_obj_set_bool(k[i], SD_SUBSCRIPTION_BINARY, i == 1);
        t[i] = subscription(ms[i], "tp", "p", NULL);
        sd_obj_set_bool(t[i], SD_SUBSCRIPTION_TWO_PHASE, i == 0);
    }
    sd_object *n = subscription(f->to, "Odd Sub", "p", "odd's");
    sd_obj_set_str(f->to, n, SD_SUBSCRIPTION_SYNCHRONOUS_COMMIT, "local");
    const char *out = show(run(f));
    assert_string_equal(
        out,
        HEAD BEGIN "\n-- created disabled and without its connection (it is never read): set "
                   "it with ALTER SUBSCRIPTION \"Odd Sub\" CONNECTION '...', then ENABLE it\n"
                   "CREATE SUBSCRIPTION \"Odd Sub\" CONNECTION '' PUBLICATION p WITH (connect "
                   "= false, slot_name = 'odd''s', synchronous_commit = 'local');\n"
                   "\nALTER SUBSCRIPTION kept SET PUBLICATION p, \"Odd Pub\" WITH (refresh = "
                   "false);\nALTER SUBSCRIPTION kept SET (slot_name = 's1', binary = true);\n"
                   "\nDROP SUBSCRIPTION tp;\n-- created disabled and without its connection "
                   "(it is never read): set it with ALTER SUBSCRIPTION tp CONNECTION '...', then "
                   "ENABLE it\nCREATE SUBSCRIPTION tp CONNECTION '' PUBLICATION p WITH (connect "
                   "= false, slot_name = NONE);\n"
                   "\n-- destructive: drops subscription gone; its replication slot gone_slot "
                   "stays on the publisher: drop it there (pg_drop_replication_slot)\nALTER "
                   "SUBSCRIPTION gone DISABLE;\nALTER SUBSCRIPTION gone SET (slot_name = NONE);"
                   "\nDROP SUBSCRIPTION gone;\n" TAIL);
}

/* A base type t with input t_in(cstring) and output t_out(public.t) in m: each function and
 * the type depend on each other, as pg_depend has them. */
static sd_object *
base_type(sd_model *m, const char *t)
{
    char in[64], out[64], in_sig[128], out_sig[256], arg[96], def[512];
    snprintf(in, sizeof(in), "%s_in", t);
    snprintf(out, sizeof(out), "%s_out", t);
    snprintf(in_sig, sizeof(in_sig), "%s(cstring)", in);
    snprintf(arg, sizeof(arg), "public.%s", t);
    snprintf(out_sig, sizeof(out_sig), "%s(%s)", out, arg);
    sd_object *o = add(m, SD_KIND_BASE_TYPE, NULL, t);
    names(m, o, SD_BASE_TYPE_INPUT, "public");
    sd_obj_add_name(m, o, SD_BASE_TYPE_INPUT, in);
    names(m, o, SD_BASE_TYPE_OUTPUT, "public");
    sd_obj_add_name(m, o, SD_BASE_TYPE_OUTPUT, out);
    sd_obj_set_int(o, SD_BASE_TYPE_INTERNAL_LENGTH, 4);
    sd_obj_set_bool(o, SD_BASE_TYPE_PASSED_BY_VALUE, true);
    sd_obj_set_str(m, o, SD_BASE_TYPE_ALIGNMENT, "int4");
    sd_obj_set_str(m, o, SD_BASE_TYPE_STORAGE, "plain");
    sd_obj_set_str(m, o, SD_BASE_TYPE_CATEGORY, "U");
    sd_obj_set_str(m, o, SD_BASE_TYPE_DELIMITER, ",");
    snprintf(def, sizeof(def),
             "CREATE OR REPLACE FUNCTION public.%s(cstring)\n RETURNS %s\n LANGUAGE internal\n"
             "AS $function$int4in$function$",
             in, arg);
    dep(m, function(m, in, "cstring", arg, def), SD_KIND_BASE_TYPE, NULL, t);
    snprintf(def, sizeof(def),
             "CREATE OR REPLACE FUNCTION public.%s(%s)\n RETURNS cstring\n LANGUAGE internal\n"
             "AS $function$int4out$function$",
             out, arg);
    dep(m, function(m, out, arg, "cstring", def), SD_KIND_BASE_TYPE, NULL, t);
    dep(m, o, SD_KIND_FUNCTION, NULL, in_sig);
    dep(m, o, SD_KIND_FUNCTION, NULL, out_sig);
    return o;
}

/* A new base type as pg_dump writes it: its shell, its I/O functions, its definition, then
 * what uses it (a domain, a table); a shell type alone; a base type that goes is dropped with
 * CASCADE behind a guard, its functions left to it, after the column that used it. */
static void
test_base_types(void **state)
{
    fixture *f = *state;
    sd_object *n = base_type(f->to, "myint");
    sd_obj_set_str(f->to, n, SD_BASE_TYPE_DEFAULT, "it's");
    sd_obj_set_str(f->to, n, SD_BASE_TYPE_DELIMITER, ";");
    sd_obj_set_str(f->to, n, SD_BASE_TYPE_COMMENT, "ours");
    sd_object *d = add(f->to, SD_KIND_DOMAIN, NULL, "pos");
    sd_obj_set_str(f->to, d, SD_DOMAIN_BASE_TYPE, "public.myint");
    dep(f->to, d, SD_KIND_BASE_TYPE, NULL, "myint");
    table(f->to, "t");
    dep(f->to, col(f->to, "t", 1, "a", "public.myint"), SD_KIND_BASE_TYPE, NULL, "myint");
    add(f->to, SD_KIND_BASE_TYPE, NULL, "Shell");
    base_type(f->from, "old");
    table(f->from, "t");
    dep(f->from, col(f->from, "t", 1, "o", "public.old"), SD_KIND_BASE_TYPE, NULL, "old");
    const char *out = show(run(f));
    has(out, "\nCREATE TYPE public.\"Shell\";\n");
    before(out, "\nCREATE TYPE public.myint;\n", "CREATE OR REPLACE FUNCTION public.myint_in");
    before(out, "CREATE OR REPLACE FUNCTION public.myint_out",
           "\nCREATE TYPE public.myint (INPUT = public.myint_in, OUTPUT = public.myint_out, "
           "INTERNALLENGTH = 4, PASSEDBYVALUE, ALIGNMENT = int4, STORAGE = plain, DEFAULT = "
           "'it''s', DELIMITER = ';');\nCOMMENT ON TYPE public.myint IS 'ours';\n");
    before(out, "DELIMITER = ';');", "CREATE DOMAIN public.pos AS public.myint;");
    before(out, "DELIMITER = ';');", "ALTER TABLE public.t ADD COLUMN a public.myint;");
    before(out, "ALTER TABLE public.t DROP COLUMN o;", "DROP TYPE public.old CASCADE;\n");
    has(out, "-- public.\"old_in(cstring)\" goes with base type public.old (DROP TYPE ... "
             "CASCADE)\n");
    lacks(out, "DROP FUNCTION");
    before(out, "AND d.refobjid IN ('public.old'::pg_catalog.regtype, (SELECT y.typarray",
           "DROP TYPE public.old CASCADE;\n");
}

/* In place: ALTER TYPE ... SET for the support functions and the storage (the kept column
 * given the new storage), a shell filled in under the script's user; the rest is refused,
 * naming a user. */
static void
test_base_type_changes(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        sd_object *t = base_type(ms[i], "t");
        sd_obj_set_int(t, SD_BASE_TYPE_INTERNAL_LENGTH, -1);
        sd_obj_set_bool(t, SD_BASE_TYPE_PASSED_BY_VALUE, false);
        sd_obj_set_str(ms[i], t, SD_BASE_TYPE_STORAGE, i == 0 ? "extended" : "main");
        if (i == 1) {
            names(ms[i], t, SD_BASE_TYPE_ANALYZE, "pg_catalog");
            sd_obj_add_name(ms[i], t, SD_BASE_TYPE_ANALYZE, "array_typanalyze");
        }
        table(ms[i], "k");
        dep(ms[i], col(ms[i], "k", 1, "v", "public.t"), SD_KIND_BASE_TYPE, NULL, "t");
        sd_object *s = i == 0 ? add(ms[i], SD_KIND_BASE_TYPE, NULL, "s") : base_type(ms[i], "s");
        sd_obj_set_str(ms[i], s, SD_BASE_TYPE_OWNER, "alice");
    }
    const char *out = show(run(f));
    has(out, "\nALTER TYPE public.t SET (ANALYZE = pg_catalog.array_typanalyze, STORAGE = "
             "main);\nALTER TABLE public.k ALTER COLUMN v SET STORAGE MAIN;\n");
    before(out, "CREATE OR REPLACE FUNCTION public.s_out",
           "\nALTER TYPE public.s OWNER TO CURRENT_USER;\nCREATE TYPE public.s (INPUT = "
           "public.s_in, OUTPUT = public.s_out, INTERNALLENGTH = 4, PASSEDBYVALUE, ALIGNMENT = "
           "int4, STORAGE = plain);\nALTER TYPE public.s OWNER TO alice;\n");

    sd_buf_dispose(&f->out);
    sd_model_free(f->from);
    sd_model_free(f->to);
    f->from = sd_model_new(SD_ENGINE_PG);
    f->to = sd_model_new(SD_ENGINE_PG);
    sd_model *ns[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        sd_object *t = base_type(ns[i], "t");
        sd_obj_set_str(ns[i], t, SD_BASE_TYPE_CATEGORY, i == 0 ? "U" : "N");
        table(ns[i], "k");
        dep(ns[i], col(ns[i], "k", 1, "v", "public.t"), SD_KIND_BASE_TYPE, NULL, "t");
    }
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_opts(f, false, &err), SD_ERR_UNSUPPORTED);
    has(err.msg, "a change no ALTER TYPE makes (it takes DROP TYPE and CREATE TYPE) while "
                 "column public.k.v uses it is not supported");
    has(err.where, "base type public.t");
    has(err.hint, "ALTER TYPE ... SET changes only RECEIVE");

    /* A view that calls only its output function (pg_depend records the function, not the
     * type): DROP TYPE ... CASCADE would take it along, so refused too. */
    sd_buf_dispose(&f->out);
    sd_model_free(f->from);
    sd_model_free(f->to);
    f->from = sd_model_new(SD_ENGINE_PG);
    f->to = sd_model_new(SD_ENGINE_PG);
    sd_model *vs[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        sd_object *t = base_type(vs[i], "t");
        sd_obj_set_str(vs[i], t, SD_BASE_TYPE_CATEGORY, i == 0 ? "U" : "N");
        sd_object *v = add(vs[i], SD_KIND_VIEW, NULL, "v");
        sd_obj_set_sql(vs[i], v, SD_VIEW_SQL,
                       " SELECT public.t_out(public.t_in('7'::cstring)) AS y;");
        dep(vs[i], v, SD_KIND_FUNCTION, NULL, "t_out(public.t)");
    }
    sd_err verr = SD_ERR_INIT;
    assert_int_equal(run_opts(f, false, &verr), SD_ERR_UNSUPPORTED);
    has(verr.msg, "while view public.v uses it is not supported");
}

/* A change no ALTER TYPE makes, on a type nothing else uses: dropped with CASCADE behind the
 * guard (which lets "to"'s I/O functions of it be), made again with its I/O functions. */
static void
test_base_type_recreate(void **state)
{
    fixture *f = *state;
    base_type(f->from, "t");
    sd_object *t = base_type(f->to, "t");
    sd_obj_set_str(f->to, t, SD_BASE_TYPE_CATEGORY, "N");
    const char *out = show(run(f));
    before(out, "OR d.objid = pg_catalog.to_regprocedure('public.t_in(cstring)')::pg_catalog.oid",
           "\nDROP TYPE public.t CASCADE;\nCREATE TYPE public.t;\nCREATE OR REPLACE FUNCTION "
           "public.t_in(cstring)");
    before(out, "CREATE OR REPLACE FUNCTION public.t_out",
           "CREATE TYPE public.t (INPUT = public.t_in, OUTPUT = public.t_out, INTERNALLENGTH = 4, "
           "PASSEDBYVALUE, ALIGNMENT = int4, STORAGE = plain, CATEGORY = 'N');\n");
    lacks(out, "DROP FUNCTION");
}

/* Forged support function names, alignment or element type are refused. */
static void
test_base_type_forged_refused(void **state)
{
    fixture *f = *state;
    sd_object *t = base_type(f->to, "t");
    sd_obj_add_name(f->to, t, SD_BASE_TYPE_SEND, "x");
    refused(f, "SEND function must be [schema, name]");
    t = base_type(f->to, "t");
    sd_obj_set_str(f->to, t, SD_BASE_TYPE_ALIGNMENT, "int4); DROP TABLE users; --");
    refused(f, "invalid ALIGNMENT");
    t = base_type(f->to, "t");
    sd_obj_set_str(f->to, t, SD_BASE_TYPE_ELEMENT, "int); DROP TABLE users; --");
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_opts(f, false, &err), SD_ERR_PARSE);
}

/* A foreign table in m: table(m, name) with a server and options (space-separated). */
static sd_object *
foreign_table(sd_model *m, const char *name, const char *server, const char *options)
{
    sd_object *t = table(m, name);
    sd_obj_set_str(m, t, SD_TABLE_FOREIGN_SERVER, server);
    if (options != NULL)
        names(m, t, SD_TABLE_FOREIGN_OPTIONS, options);
    return t;
}

/* Foreign tables: CREATE / DROP FOREIGN TABLE with SERVER and OPTIONS, options changed in
 * place (the table's and a column's), a server change drops and creates the table without
 * reading its rows (no USING either: a retype of a foreign column converts nothing). */
static void
test_foreign_tables(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        foreign_table(ms[i], "kept", "s", i == 0 ? "path=/a" : "format=csv path=/b");
        sd_object *c = col(ms[i], "kept", 1, "a", i == 0 ? "integer" : "bigint");
        names(ms[i], c, SD_COLUMN_FOREIGN_OPTIONS, i == 0 ? "column_name=A" : "column_name=B");
        foreign_table(ms[i], "moved", i == 0 ? "s" : "s2", NULL);
        col(ms[i], "moved", 1, "x", "text");
    }
    foreign_table(f->from, "gone", "s", NULL);
    sd_object *n = foreign_table(f->to, "Odd New", "s", "it's=o'k");
    (void)n;
    sd_object *c = col(f->to, "Odd New", 1, "b", "text");
    names(f->to, c, SD_COLUMN_FOREIGN_OPTIONS, "column_name=B");
    const char *out = show(run(f));
    assert_string_equal(
        out,
        HEAD BEGIN "\n-- table public.moved is dropped and created anew (PostgreSQL cannot "
                   "change a foreign table's server, nor make it a table); its rows are the "
                   "server's\nDROP FOREIGN TABLE public.moved;\n"
                   "\n-- drops foreign table public.gone\nDROP FOREIGN TABLE public.gone;\n"
                   "\nCREATE FOREIGN TABLE public.\"Odd New\" (\n    b text\n) SERVER s "
                   "OPTIONS (\"it's\" 'o''k');\nALTER FOREIGN TABLE ONLY public.\"Odd New\" "
                   "ALTER COLUMN b OPTIONS (ADD column_name 'B');\n"
                   "\nALTER FOREIGN TABLE public.kept OPTIONS (ADD format 'csv', SET path '/b');\n"
                   "\nALTER TABLE public.kept ALTER COLUMN a TYPE bigint;\nALTER FOREIGN TABLE "
                   "ONLY public.kept ALTER COLUMN a OPTIONS (SET column_name 'B');\n"
                   "\nCREATE FOREIGN TABLE public.moved (\n    x text\n) SERVER s2;\n" TAIL);
}

/* A partition cannot change its server in place: refused, naming it. */
static void
test_foreign_partition_server_refused(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        sd_object *p = table(ms[i], "p");
        sd_obj_set_str(ms[i], p, SD_TABLE_PARTITION_KEY, "RANGE (a)");
        col(ms[i], "p", 1, "a", "integer");
        sd_object *t = foreign_table(ms[i], "p1", i == 0 ? "s" : "s2", NULL);
        sd_obj_set_str(ms[i], t, SD_TABLE_PARTITION_OF, "public.p");
        sd_obj_set_str(ms[i], t, SD_TABLE_PARTITION_BOUND, "FOR VALUES FROM (0) TO (10)");
        col(ms[i], "p1", 1, "a", "integer");
    }
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_opts(f, false, &err), SD_ERR_UNSUPPORTED);
    assert_non_null(strstr(err.msg, "a partition cannot change its foreign server"));
    assert_non_null(strstr(err.where, "p1"));
}

/* A server dropped and created (its type changes) while a kept foreign table uses it:
 * refused, naming the table and the way round it. */
static void
test_server_recreate_under_foreign_table_refused(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        sd_object *s = add_in(ms[i], SD_KIND_SERVER, NULL, NULL, "s");
        sd_obj_set_str(ms[i], s, SD_SERVER_FDW, "w");
        sd_obj_set_str(ms[i], s, SD_SERVER_TYPE, i == 0 ? "old" : "new");
        foreign_table(ms[i], "ft", "s", NULL);
        col(ms[i], "ft", 1, "a", "integer");
    }
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_opts(f, false, &err), SD_ERR_UNSUPPORTED);
    assert_non_null(strstr(err.msg, "while foreign table public.ft keeps using it"));
    assert_non_null(strstr(err.hint, "give the changed server a new name"));
}

/* Access methods: CREATE TABLE / MATERIALIZED VIEW ... USING (none for heap, the header's
 * default), ALTER ... SET ACCESS METHOD both ways. Typed tables: CREATE TABLE ... OF with
 * only what the type does not give, OF / NOT OF in place. */
static void
test_access_methods_and_typed_tables(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        sd_object *t = table(ms[i], "moved");
        col(ms[i], "moved", 1, "a", "integer");
        sd_obj_set_str(ms[i], t, SD_TABLE_ACCESS_METHOD, i == 0 ? NULL : "Heap 2");
        sd_object *m = add(ms[i], SD_KIND_MATVIEW, NULL, "mv");
        sd_obj_set_sql(ms[i], m, SD_MATVIEW_SQL, "SELECT 1 AS one");
        sd_obj_set_str(ms[i], m, SD_MATVIEW_ACCESS_METHOD, i == 0 ? "heap2" : NULL);
        sd_object *y = table(ms[i], "made_typed");
        col(ms[i], "made_typed", 1, "a", "integer");
        sd_obj_set_str(ms[i], y, SD_TABLE_OF_TYPE, i == 0 ? NULL : "public.pt");
    }
    sd_object *n = table(f->to, "fresh");
    sd_obj_set_str(f->to, n, SD_TABLE_OF_TYPE, "public.pt");
    sd_obj_set_str(f->to, n, SD_TABLE_ACCESS_METHOD, "heap2");
    not_null(col(f->to, "fresh", 1, "a", "integer"));
    col(f->to, "fresh", 2, "b", "text");
    sd_object *bare = table(f->to, "bare");
    sd_obj_set_str(f->to, bare, SD_TABLE_OF_TYPE, "public.pt");
    col(f->to, "bare", 1, "a", "integer");
    const char *out = show(run(f));
    ASSERT_CONTAINS(out, "CREATE TABLE public.bare OF public.pt;\n");
    ASSERT_CONTAINS(out, "CREATE TABLE public.fresh OF public.pt (\n    a WITH OPTIONS NOT "
                         "NULL\n) USING heap2;\n");
    ASSERT_CONTAINS(out, "ALTER TABLE public.made_typed OF public.pt;\n");
    ASSERT_CONTAINS(out, "ALTER TABLE public.moved SET ACCESS METHOD \"Heap 2\";\n");
    ASSERT_CONTAINS(out, "ALTER MATERIALIZED VIEW public.mv SET ACCESS METHOD heap;\n");
}

/* A column of a table that stays typed cannot be added (its type decides), nor can a table
 * become typed while its columns change: refused, naming the column or the table. */
static void
test_typed_table_column_change_refused(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        sd_object *t = table(ms[i], "typed");
        sd_obj_set_str(ms[i], t, SD_TABLE_OF_TYPE, "public.pt");
        col(ms[i], "typed", 1, "a", "integer");
    }
    col(f->to, "typed", 2, "b", "text");
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_opts(f, false, &err), SD_ERR_UNSUPPORTED);
    assert_non_null(strstr(err.msg, "a column of a table of type public.pt changes"));
    assert_non_null(strstr(err.where, "typed.b"));
    assert_int_equal(f->out.len, 0);
}

static sd_object *
publication(sd_model *m, const char *name, const char *table_entry, const char *schema)
{
    sd_object *o = add_in(m, SD_KIND_PUBLICATION, NULL, NULL, name);
    sd_obj_set_str(m, o, SD_PUBLICATION_PUBLISH, "insert, update, delete, truncate");
    if (table_entry != NULL)
        sd_obj_add_name(m, o, SD_PUBLICATION_TABLES, table_entry);
    if (schema != NULL)
        sd_obj_add_name(m, o, SD_PUBLICATION_SCHEMAS, schema);
    return o;
}

/* A publication is created with its tables (names quoted again, the row filter proved one
 * expression) and options; tables and options change in place with ALTER PUBLICATION SET;
 * with none left, the old ones still there are dropped; FOR ALL TABLES drops and creates. */
static void
test_publications(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "t");
        col(ms[i], "t", 1, "a", "integer");
        col(ms[i], "t", 2, "Odd Col", "integer");
        publication(ms[i], "p",
                    i == 0 ? "public.t (a)" : "public.t (a, \"Odd Col\") WHERE ((a > 0))", NULL);
        sd_object *o = publication(ms[i], "o", NULL, NULL);
        sd_obj_set_bool(o, SD_PUBLICATION_VIA_ROOT, i == 1);
        sd_object *e =
            publication(ms[i], "e", i == 0 ? "public.t" : NULL, i == 0 ? "public" : NULL);
        (void)e;
        sd_object *a = publication(ms[i], "a", NULL, NULL);
        sd_obj_set_bool(a, SD_PUBLICATION_ALL_TABLES, i == 1);
    }
    publication(f->to, "Odd Pub", "public.t", "public");
    const char *out = show(run(f));
    /* The schema public is not in these models: its entry is not dropped (as if gone). */
    assert_string_equal(out, HEAD BEGIN "\nDROP PUBLICATION a;\n"
                                        "\nCREATE PUBLICATION \"Odd Pub\" FOR TABLE ONLY public.t, "
                                        "TABLES IN SCHEMA public WITH (publish = 'insert, update, "
                                        "delete, truncate', publish_via_partition_root = false);\n"
                                        "\nCREATE PUBLICATION a FOR ALL TABLES WITH (publish = "
                                        "'insert, update, delete, truncate', "
                                        "publish_via_partition_root = false);\n"
                                        "\nALTER PUBLICATION e DROP TABLE ONLY public.t;\n"
                                        "\nALTER PUBLICATION o SET (publish = 'insert, update, "
                                        "delete, truncate', publish_via_partition_root = true);\n"
                                        "\nALTER PUBLICATION p SET TABLE ONLY public.t (a, "
                                        "\"Odd Col\") WHERE ((a > 0));\n" TAIL);
}

/* A table entry must be schema.table [(columns)] [WHERE (expression)]; its row filter is a
 * proved expression. */
static void
test_publication_forged_refused(void **state)
{
    fixture *f = *state;
    publication(f->to, "p", "public.t WHERE (true); DROP TABLE users", NULL);
    refused(f, "contains ';'");
    publication(f->to, "p", "public.t WHERE true) OR (false", NULL);
    refused(f, "publication row filter");
    publication(f->to, "p", "public.t, public.u", NULL);
    refused(f, "not schema.table");
    publication(f->to, "p", "t", NULL);
    refused(f, "not schema.table");
    publication(f->to, "p", "public.t (a; b)", NULL);
    refused(f, "not schema.table");
}

static sd_object *
language(sd_model *m, const char *name, bool trusted, const char *handler, const char *inl)
{
    sd_object *o = add_in(m, SD_KIND_LANGUAGE, NULL, NULL, name);
    sd_obj_set_bool(o, SD_LANGUAGE_TRUSTED, trusted);
    sd_obj_set_str(m, o, SD_LANGUAGE_HANDLER, handler);
    sd_obj_set_str(m, o, SD_LANGUAGE_INLINE, inl);
    return o;
}

static sd_object *
transform(sd_model *m, const char *type, const char *lang, const char *from_sql, const char *to_sql)
{
    char name[128];
    snprintf(name, sizeof(name), "FOR %s LANGUAGE %s", type, lang);
    sd_object *o = add_in(m, SD_KIND_TRANSFORM, NULL, NULL, name);
    sd_obj_set_str(m, o, SD_TRANSFORM_TYPE, type);
    sd_obj_set_str(m, o, SD_TRANSFORM_LANGUAGE, lang);
    sd_obj_set_str(m, o, SD_TRANSFORM_FROM_SQL, from_sql);
    sd_obj_set_str(m, o, SD_TRANSFORM_TO_SQL, to_sql);
    return o;
}

static sd_object *
access_method(sd_model *m, const char *name, const char *type, const char *handler)
{
    sd_object *o = add_in(m, SD_KIND_ACCESS_METHOD, NULL, NULL, name);
    sd_obj_set_str(m, o, SD_ACCESS_METHOD_TYPE, type);
    sd_obj_set_str(m, o, SD_ACCESS_METHOD_HANDLER, handler);
    return o;
}

/* Languages, transforms and access methods as pg_dump writes them; languages and transforms
 * change in place with CREATE OR REPLACE, a language made untrusted only after its
 * privileges (GRANT and REVOKE are refused on an untrusted language); an access method's
 * type or handler change is DROP + CREATE. */
static void
test_languages_transforms_access_methods(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        sd_object *l = language(ms[i], "pl one", i == 0, "public.h", i == 0 ? "public.i" : NULL);
        sd_obj_set_str(ms[i], l, SD_LANGUAGE_OWNER, "postgres");
        if (i == 0)
            names(ms[i], l, SD_LANGUAGE_ACL, "postgres=U/postgres sd_bob=U/postgres");
        transform(ms[i], "integer", "pl one", "public.f(internal)",
                  i == 0 ? "public.g(internal)" : NULL);
        access_method(ms[i], "am_x", i == 0 ? "index" : "table",
                      i == 0 ? "bthandler" : "heap_tableam_handler");
    }
    sd_object *l = language(f->to, "pl_two", true, "public.h", "public.i");
    sd_obj_set_str(f->to, l, SD_LANGUAGE_VALIDATOR, "public.v");
    sd_obj_set_str(f->to, l, SD_LANGUAGE_COMMENT, "two");
    transform(f->to, "public.mood", "pl_two", NULL, "public.to_mood(internal)");
    sd_object *a = access_method(f->to, "am_new", "index", "public.amh");
    sd_obj_set_str(f->to, a, SD_ACCESS_METHOD_COMMENT, "new");
    access_method(f->from, "am_old", "table", "heap_tableam_handler");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN
                        "\nREVOKE USAGE ON LANGUAGE \"pl one\" FROM sd_bob;\n"
                        "GRANT USAGE ON LANGUAGE \"pl one\" TO PUBLIC;\n"
                        "CREATE OR REPLACE LANGUAGE \"pl one\" HANDLER public.h;\n"
                        "\nCREATE TRUSTED LANGUAGE pl_two HANDLER public.h INLINE public.i "
                        "VALIDATOR public.v;\n"
                        "COMMENT ON LANGUAGE pl_two IS 'two';\n"
                        "\nCREATE OR REPLACE TRANSFORM FOR integer LANGUAGE \"pl one\" (FROM SQL "
                        "WITH FUNCTION public.f(internal));\n"
                        "\nCREATE TRANSFORM FOR public.mood LANGUAGE pl_two (TO SQL WITH FUNCTION "
                        "public.to_mood(internal));\n"
                        "\nCREATE ACCESS METHOD am_new TYPE INDEX HANDLER public.amh;\n"
                        "COMMENT ON ACCESS METHOD am_new IS 'new';\n"
                        "\nDROP ACCESS METHOD am_x;\n"
                        "CREATE ACCESS METHOD am_x TYPE TABLE HANDLER heap_tableam_handler;\n"
                        "\nDROP ACCESS METHOD am_old;\n" TAIL);
}

/* Function names are proved pieces, a transform's name must be its own FOR type LANGUAGE
 * language, an access method's type is index or table; a handler change of an access method
 * in use is refused. */
static void
test_language_transform_access_method_refused(void **state)
{
    fixture *f = *state;
    language(f->to, "pl", false, "public.h; DROP TABLE users", NULL);
    refused(f, "contains ';'");
    sd_object *t = transform(f->to, "integer", "pl", "public.f(internal)", NULL);
    sd_obj_set_str(f->to, t, SD_TRANSFORM_TYPE, "bigint");
    refused(f, "must be FOR type LANGUAGE language");
    transform(f->to, "integer", "pl", NULL, NULL);
    refused(f, "needs a FROM SQL or TO SQL function");
    access_method(f->to, "am", "index; DROP TABLE users", "bthandler");
    refused(f, "must be index or table");
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        access_method(ms[i], "am", "index", i == 0 ? "bthandler" : "hashhandler");
        sd_obj_add_dep(ms[i], table(ms[i], "t"), SD_KIND_ACCESS_METHOD, NULL, NULL, "am");
    }
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_opts(f, false, &err), SD_ERR_UNSUPPORTED);
    if (strstr(err.msg, "while table public.t uses it") == NULL)
        fail_msg("message %s lacks the table", err.msg);
}

static sd_object *
db_default(sd_model *m, const char *role, const char *type, const char *privs)
{
    char name[128];
    snprintf(name, sizeof(name), "%s on %s", role, type);
    sd_object *o = add_in(m, SD_KIND_DEFAULT_ACL, NULL, NULL, name);
    sd_obj_set_str(m, o, SD_DEFAULT_ACL_ROLE, role);
    sd_obj_set_str(m, o, SD_DEFAULT_ACL_OBJECT_TYPE, type);
    names(m, o, SD_DEFAULT_ACL_PRIVILEGES, privs);
    return o;
}

/* Database-wide default privileges: created from the built-in privileges, changed, and
 * dropped back to them (PUBLIC's EXECUTE on functions given back); no IN SCHEMA. */
static void
test_db_default_privileges(void **state)
{
    fixture *f = *state;
    db_default(f->from, "alice", "functions", "alice=X/alice");
    db_default(f->from, "alice", "types", "=U/alice alice=U/alice bob=U/alice");
    db_default(f->to, "alice", "types", "alice=U*/alice");
    db_default(f->to, "Bob", "tables", "Bob=arwdDxt/Bob carol=r/Bob");
    const char *out = show(run(f));
    assert_string_equal(
        out,
        HEAD BEGIN "\nALTER DEFAULT PRIVILEGES FOR ROLE \"Bob\" GRANT SELECT ON TABLES TO carol;\n"
                   "\nALTER DEFAULT PRIVILEGES FOR ROLE alice REVOKE USAGE ON TYPES FROM bob;\n"
                   "ALTER DEFAULT PRIVILEGES FOR ROLE alice REVOKE USAGE ON TYPES FROM PUBLIC;\n"
                   "ALTER DEFAULT PRIVILEGES FOR ROLE alice GRANT USAGE ON TYPES TO alice "
                   "WITH GRANT OPTION;\n"
                   "\nALTER DEFAULT PRIVILEGES FOR ROLE alice GRANT EXECUTE ON FUNCTIONS TO "
                   "PUBLIC;\n" TAIL);
}

/* An entry that is no aclitem, or an unknown privilege letter, is refused. */
static void
test_db_default_privileges_forged_refused(void **state)
{
    fixture *f = *state;
    db_default(f->to, "alice", "tables", "alice;DROP");
    refused(f, "it is not an aclitem");
    db_default(f->to, "bob", "tables", "bob=Z/bob");
    refused(f, "unknown privilege letter");
}

static void
test_foreign_key_changes_and_key_rebuild(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "p");
        col(ms[i], "p", 1, "id", "integer");
        col(ms[i], "p", 2, "code", "integer");
        pk(ms[i], "p", "p_pkey", i == 0 ? "id" : "id code");
        unique(ms[i], "p", "p_id_key", "id");
        table(ms[i], "c");
        col(ms[i], "c", 1, "p_id", "integer");
        fk(ms[i], "c", "c_p_fk", "p_id", "p", "id");
        sd_object *k = fk(ms[i], "c", "c_p_fk2", "p_id", "p", "id");
        sd_obj_set_bool(k, SD_FK_DEFERRABLE, i == 1);
        sd_obj_set_bool(k, SD_FK_NOT_VALID, i == 0);
    }
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\nALTER TABLE public.c DROP CONSTRAINT c_p_fk;\n"
                                        "\nALTER TABLE public.c DROP CONSTRAINT c_p_fk2;\n"
                                        "\nALTER TABLE public.p DROP CONSTRAINT p_pkey;\n"
                                        "\nALTER TABLE public.p ADD CONSTRAINT p_pkey PRIMARY KEY "
                                        "(id, code);\n"
                                        "\nALTER TABLE public.c ADD CONSTRAINT c_p_fk FOREIGN KEY "
                                        "(p_id) REFERENCES public.p (id);\n"
                                        "\nALTER TABLE public.c ADD CONSTRAINT c_p_fk2 FOREIGN KEY "
                                        "(p_id) REFERENCES public.p (id) DEFERRABLE;\n" TAIL);
}

static void
test_foreign_key_in_place(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "p");
        col(ms[i], "p", 1, "id", "integer");
        pk(ms[i], "p", "p_pkey", "id");
        table(ms[i], "c");
        col(ms[i], "c", 1, "p_id", "integer");
        sd_object *k = fk(ms[i], "c", "c_p_fk", "p_id", "p", "id");
        sd_obj_set_bool(k, SD_FK_DEFERRABLE, i == 1);
        sd_obj_set_bool(k, SD_FK_INITIALLY_DEFERRED, i == 1);
        sd_obj_set_bool(k, SD_FK_NOT_VALID, i == 0);
        sd_obj_set_str(ms[i], k, SD_FK_COMMENT, i == 1 ? "checked" : NULL);
    }
    const char *out = show(run(f));
    assert_string_equal(out,
                        HEAD BEGIN "\nALTER TABLE public.c ALTER CONSTRAINT c_p_fk DEFERRABLE "
                                   "INITIALLY DEFERRED;\n"
                                   "ALTER TABLE public.c VALIDATE CONSTRAINT c_p_fk;\n"
                                   "COMMENT ON CONSTRAINT c_p_fk ON public.c IS 'checked';\n" TAIL);
}

static sd_object *
policy(sd_model *m, const char *t, const char *name, const char *cmd, bool permissive)
{
    sd_object *p = add(m, SD_KIND_POLICY, t, name);
    sd_obj_set_str(m, p, SD_POLICY_COMMAND, cmd);
    sd_obj_set_bool(p, SD_POLICY_PERMISSIVE, permissive);
    return p;
}

static void
test_policies(void **state)
{
    fixture *f = *state;
    table(f->from, "t");
    col(f->from, "t", 1, "owner", "text");
    sd_object *a = policy(f->from, "t", "own", "ALL", true);
    names(f->from, a, SD_POLICY_ROLES, "public");
    sd_obj_set_sql(f->from, a, SD_POLICY_USING, "(owner = CURRENT_USER)");
    sd_object *b = policy(f->from, "t", "ins", "INSERT", true);
    names(f->from, b, SD_POLICY_ROLES, "alice");
    sd_obj_set_sql(f->from, b, SD_POLICY_WITH_CHECK, "true");
    policy(f->from, "t", "old", "SELECT", true);
    table(f->to, "t");
    col(f->to, "t", 1, "owner", "text");
    a = policy(f->to, "t", "own", "ALL", true);
    names(f->to, a, SD_POLICY_ROLES, "alice Bob");
    sd_obj_set_sql(f->to, a, SD_POLICY_USING, "(owner = SESSION_USER)");
    sd_obj_set_sql(f->to, a, SD_POLICY_WITH_CHECK, "(owner <> ''::text)");
    b = policy(f->to, "t", "ins", "INSERT", false);
    names(f->to, b, SD_POLICY_ROLES, "alice");
    sd_obj_set_sql(f->to, b, SD_POLICY_WITH_CHECK, "true");
    /* A new table's policy comes once every table exists. */
    table(f->to, "n");
    col(f->to, "n", 1, "x", "integer");
    sd_object *c = policy(f->to, "n", "sel", "SELECT", true);
    sd_obj_set_sql(f->to, c, SD_POLICY_USING, "(x > 0)");
    sd_obj_set_str(f->to, c, SD_POLICY_COMMENT, "read");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN
                        "\nDROP POLICY old ON public.t;\n"
                        "\nDROP POLICY ins ON public.t;\n"
                        "\nCREATE TABLE public.n (\n"
                        "    x integer\n"
                        ");\n"
                        "\nCREATE POLICY ins ON public.t AS RESTRICTIVE FOR INSERT TO alice WITH "
                        "CHECK (true);\n"
                        "\nALTER POLICY own ON public.t TO alice, \"Bob\" USING ((owner = "
                        "SESSION_USER)) WITH CHECK ((owner <> ''::text));\n"
                        "\nCREATE POLICY sel ON public.n AS PERMISSIVE FOR SELECT TO PUBLIC USING "
                        "((x > 0));\n"
                        "COMMENT ON POLICY sel ON public.n IS 'read';\n" TAIL);
}

static void
test_quoting_of_odd_names(void **state)
{
    fixture *f = *state;
    add_in(f->to, SD_KIND_SCHEMA, "My Schema", NULL, "My Schema");
    add_in(f->to, SD_KIND_TABLE, "My Schema", NULL, "user");
    sd_object *c = add_in(f->to, SD_KIND_COLUMN, "My Schema", "user", "order");
    sd_obj_set_int(c, SD_COLUMN_POSITION, 1);
    sd_obj_set_str(f->to, c, SD_COLUMN_TYPE, "integer");
    c = add_in(f->to, SD_KIND_COLUMN, "My Schema", "user", "Mixed\"Quote");
    sd_obj_set_int(c, SD_COLUMN_POSITION, 2);
    sd_obj_set_str(f->to, c, SD_COLUMN_TYPE, "text");
    sd_obj_set_str(f->to, c, SD_COLUMN_COMMENT, "it's");
    sd_object *p = add_in(f->to, SD_KIND_PRIMARY_KEY, "My Schema", "user", "select");
    sd_obj_add_name(f->to, p, SD_PK_COLUMNS, "order");
    sd_object *ix = add_in(f->to, SD_KIND_INDEX, "My Schema", "user", "with space");
    sd_keypart kp = { 0 };
    kp.column = "Mixed\"Quote";
    sd_obj_add_key(f->to, ix, SD_INDEX_KEYS, &kp);
    sd_object *e = add_in(f->to, SD_KIND_ENUM, "My Schema", NULL, "Mood");
    sd_obj_add_name(f->to, e, SD_ENUM_VALUES, "it's");
    sd_obj_set_str(f->to, e, SD_ENUM_OWNER, "Role \"X\"");
    table(f->from, "order");
    col(f->from, "order", 1, "from", "integer");
    table(f->to, "order");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN
                        "\n-- destructive: drops column public.\"order\".\"from\" and its data\n"
                        "ALTER TABLE public.\"order\" DROP COLUMN \"from\";\n"
                        "\nCREATE SCHEMA \"My Schema\";\n"
                        "\nCREATE TYPE \"My Schema\".\"Mood\" AS ENUM ('it''s');\n"
                        "ALTER TYPE \"My Schema\".\"Mood\" OWNER TO \"Role \"\"X\"\"\";\n"
                        "\nCREATE TABLE \"My Schema\".\"user\" (\n"
                        "    \"order\" integer,\n"
                        "    \"Mixed\"\"Quote\" text,\n"
                        "    CONSTRAINT \"select\" PRIMARY KEY (\"order\")\n"
                        ");\n"
                        "COMMENT ON COLUMN \"My Schema\".\"user\".\"Mixed\"\"Quote\" IS 'it''s';\n"
                        "\nCREATE INDEX \"with space\" ON \"My Schema\".\"user\" "
                        "(\"Mixed\"\"Quote\");\n" TAIL);
}

static void
expect_refused(fixture *f, const char *what)
{
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_opts(f, false, &err), SD_ERR_PARSE);
    if (strstr(err.msg, what) == NULL)
        fail_msg("message %s lacks %s", err.msg, what);
    assert_string_equal(sd_buf_cstr(&f->out), "");
}

/* An operator name is written bare: anything but operator characters, or a comment start,
 * is refused. */
static void
test_hostile_operator_refused(void **state)
{
    fixture *f = *state;
    operator(f->to, "=;DROP TABLE t;--(integer, integer)", "FUNCTION = int4eq, LEFTARG = integer");
    expect_refused(f, "invalid operator name");
    sd_model_free(f->to);
    f->to = sd_model_new(SD_ENGINE_PG);
    operator(f->to, "=/*(integer, integer)", "FUNCTION = int4eq, LEFTARG = integer");
    expect_refused(f, "invalid operator name");
}

/* A collation whose definition changes while a domain uses it: refused, naming the domain
 * (the domain would keep the old collation, and DROP COLLATION would fail). */
static void
test_collation_domain_refused(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        sd_object *d = add(ms[i], SD_KIND_DOMAIN, NULL, "code_t");
        sd_obj_set_str(ms[i], d, SD_DOMAIN_BASE_TYPE, "text");
        sd_obj_set_str(ms[i], d, SD_DOMAIN_COLLATION, "public.c");
    }
    collation(f->from, "c", "libc", "C", true);
    collation(f->to, "c", "libc", "POSIX", true);
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_opts(f, false, &err), SD_ERR_UNSUPPORTED);
    if (strstr(err.msg, "domain public.code_t uses it") == NULL)
        fail_msg("message %s lacks the domain", err.msg);
    assert_string_equal(sd_buf_cstr(&f->out), "");
}

/* The same for a composite type whose attribute uses the collation (its dependency). */
static void
test_collation_composite_refused(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        sd_object *t = add(ms[i], SD_KIND_COMPOSITE, NULL, "pair");
        sd_obj_set_sql(ms[i], t, SD_COMPOSITE_ATTRIBUTES, "a text COLLATE public.c");
        sd_obj_add_dep(ms[i], t, SD_KIND_COLLATION, "public", NULL, "c");
    }
    collation(f->from, "c", "libc", "C", true);
    collation(f->to, "c", "icu", "und", true);
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_opts(f, false, &err), SD_ERR_UNSUPPORTED);
    if (strstr(err.msg, "composite type public.pair uses it") == NULL)
        fail_msg("message %s lacks the type", err.msg);
    assert_string_equal(sd_buf_cstr(&f->out), "");
}

static sd_object *
ts_dict(sd_model *m, const char *name, const char *tmpl, const char *options)
{
    sd_object *o = add(m, SD_KIND_TS_DICT, NULL, name);
    sd_obj_set_str(m, o, SD_TS_DICT_TEMPLATE, tmpl);
    sd_obj_set_str(m, o, SD_TS_DICT_OPTIONS, options);
    return o;
}

/* A configuration with mappings "token:dicts", '|' between them. */
static sd_object *
ts_config(sd_model *m, const char *name, const char *parser, const char *mappings)
{
    sd_object *o = add(m, SD_KIND_TS_CONFIG, NULL, name);
    sd_obj_set_str(m, o, SD_TS_CONFIG_PARSER, parser);
    for (const char *p = mappings; p != NULL && *p != '\0';) {
        const char *bar = strchr(p, '|');
        size_t len = bar != NULL ? (size_t)(bar - p) : strlen(p);
        char item[128];
        snprintf(item, sizeof(item), "%.*s", (int)len, p);
        sd_obj_add_name(m, o, SD_TS_CONFIG_MAPPINGS, item);
        p += len + (bar != NULL);
    }
    return o;
}

static sd_object *
ts_parser(sd_model *m, const char *name, const char *headline)
{
    sd_object *p = add(m, SD_KIND_TS_PARSER, NULL, name);
    sd_obj_set_str(m, p, SD_TS_PARSER_START, "prsd_start");
    sd_obj_set_str(m, p, SD_TS_PARSER_GETTOKEN, "prsd_nexttoken");
    sd_obj_set_str(m, p, SD_TS_PARSER_END, "prsd_end");
    sd_obj_set_str(m, p, SD_TS_PARSER_HEADLINE, headline);
    sd_obj_set_str(m, p, SD_TS_PARSER_LEXTYPES, "prsd_lextype");
    return p;
}

/* Text search objects as pg_dump writes them; dictionary options in place (every old option
 * named first, so the result is the new list in its order); mappings added, altered and
 * dropped in place; a parser change drops and creates a configuration. */
static void
test_text_search(void **state)
{
    fixture *f = *state;
    sd_object *p = ts_parser(f->to, "prs", NULL);
    sd_obj_set_str(f->to, p, SD_TS_PARSER_COMMENT, "no headline");
    sd_object *t = add(f->to, SD_KIND_TS_TEMPLATE, NULL, "tmpl");
    sd_obj_set_str(f->to, t, SD_TS_TEMPLATE_LEXIZE, "dsimple_lexize");
    ts_dict(f->from, "d", "pg_catalog.simple", "stopwords = 'english', \"Odd\" = E'a\\\\b'");
    ts_dict(f->to, "d", "pg_catalog.simple", "accept = false");
    sd_obj_set_str(f->to, ts_dict(f->to, "n", "public.tmpl", NULL), SD_TS_DICT_OWNER, "alice");
    ts_config(f->from, "c", "pg_catalog.\"default\"",
              "asciiword:simple|word:public.d, simple|\"int\":simple");
    ts_config(f->to, "c", "pg_catalog.\"default\"", "asciiword:simple|word:simple|email:public.d");
    ts_config(f->from, "r", "pg_catalog.\"default\"", "word:simple");
    ts_config(f->to, "r", "public.prs", "word:simple");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN
                        "\nCREATE TEXT SEARCH PARSER public.prs (START = prsd_start, GETTOKEN = "
                        "prsd_nexttoken, END = prsd_end, LEXTYPES = prsd_lextype);\n"
                        "COMMENT ON TEXT SEARCH PARSER public.prs IS 'no headline';\n"
                        "\nCREATE TEXT SEARCH TEMPLATE public.tmpl (LEXIZE = dsimple_lexize);\n"
                        "\nALTER TEXT SEARCH DICTIONARY public.d (stopwords, \"Odd\", accept = "
                        "false);\n"
                        "\nCREATE TEXT SEARCH DICTIONARY public.n (TEMPLATE = public.tmpl);\n"
                        "ALTER TEXT SEARCH DICTIONARY public.n OWNER TO alice;\n"
                        "\nALTER TEXT SEARCH CONFIGURATION public.c DROP MAPPING FOR \"int\";\n"
                        "ALTER TEXT SEARCH CONFIGURATION public.c ALTER MAPPING FOR word WITH "
                        "simple;\n"
                        "ALTER TEXT SEARCH CONFIGURATION public.c ADD MAPPING FOR email WITH "
                        "public.d;\n"
                        "\nDROP TEXT SEARCH CONFIGURATION public.r;\n"
                        "CREATE TEXT SEARCH CONFIGURATION public.r (PARSER = public.prs);\n"
                        "ALTER TEXT SEARCH CONFIGURATION public.r ADD MAPPING FOR word WITH "
                        "simple;\n" TAIL);
}

/* Stored text that is not what the catalog holds is refused, saying what it is: options that
 * end a statement, a mapping whose token is not one identifier, old options that are not a
 * "name = value" list. */
static void
test_text_search_crafted(void **state)
{
    fixture *f = *state;
    ts_dict(f->to, "d", "pg_catalog.simple", "accept = false); DROP TABLE t; --");
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_opts(f, false, &err), SD_ERR_PARSE);
    if (strstr(err.msg, "invalid dictionary options") == NULL)
        fail_msg("message %s lacks the options", err.msg);
    assert_string_equal(sd_buf_cstr(&f->out), "");
}

static void
test_text_search_crafted_mapping(void **state)
{
    fixture *f = *state;
    ts_config(f->to, "c", "pg_catalog.\"default\"", "word WITH simple; DROP TABLE t:simple");
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_opts(f, false, &err), SD_ERR_PARSE);
    if (strstr(err.msg, "invalid text search mapping") == NULL)
        fail_msg("message %s lacks the mapping", err.msg);
    assert_string_equal(sd_buf_cstr(&f->out), "");
}

static void
test_text_search_crafted_options_from(void **state)
{
    fixture *f = *state;
    ts_dict(f->from, "d", "pg_catalog.simple", "a = 1 2");
    ts_dict(f->to, "d", "pg_catalog.simple", "accept = false");
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_opts(f, false, &err), SD_ERR_PARSE);
    if (strstr(err.msg, "dictionary options") == NULL)
        fail_msg("message %s lacks the options", err.msg);
    assert_string_equal(sd_buf_cstr(&f->out), "");
}

/* A parser whose functions change while a configuration uses it: DROP TEXT SEARCH PARSER
 * would fail, and nothing moves a configuration to another parser: refused. */
static void
test_text_search_parser_in_use_refused(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        ts_parser(ms[i], "prs", i == 1 ? "prsd_headline" : NULL);
        sd_object *c = ts_config(ms[i], "cfg", "public.prs", "word:simple");
        sd_obj_add_dep(ms[i], c, SD_KIND_TS_PARSER, "public", NULL, "prs");
    }
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_opts(f, false, &err), SD_ERR_UNSUPPORTED);
    if (strstr(err.msg, "text search configuration public.cfg uses it") == NULL)
        fail_msg("message %s lacks the configuration", err.msg);
    assert_string_equal(sd_buf_cstr(&f->out), "");
}

/* A collation provider is written bare: anything but libc or icu is refused. */
static void
test_hostile_collation_refused(void **state)
{
    fixture *f = *state;
    collation(f->to, "c", "libc); DROP TABLE t; --", "C", true);
    expect_refused(f, "invalid collation provider");
}

static void
test_hostile_default_refused(void **state)
{
    fixture *f = *state;
    table(f->to, "t");
    dflt(f->to, col(f->to, "t", 1, "a", "integer"), "1); DROP TABLE x; --");
    expect_refused(f, "invalid default");
}

static void
test_hostile_view_refused(void **state)
{
    fixture *f = *state;
    view(f->to, "v", "SELECT 1; DROP TABLE x");
    expect_refused(f, "invalid view query");
}

static void
test_hostile_trigger_refused(void **state)
{
    fixture *f = *state;
    table(f->to, "t");
    sd_object *t = add(f->to, SD_KIND_TRIGGER, "t", "tg");
    sd_obj_set_sql(f->to, t, SD_TRIGGER_SQL, "DROP TABLE x");
    expect_refused(f, "does not start with CREATE");
}

static void
test_rule_changes(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "t");
        col(ms[i], "t", 1, "a", "integer");
        table(ms[i], "log");
        col(ms[i], "log", 1, "a", "integer");
        sd_object *r = add(ms[i], SD_KIND_RULE, "t", "t_ins");
        sd_obj_set_sql(ms[i], r, SD_RULE_DEFINITION,
                       i == 0 ? "CREATE RULE t_ins AS\n    ON INSERT TO public.t DO  INSERT INTO "
                                "public.log (a)\n  VALUES (new.a);"
                              : "CREATE RULE t_ins AS\n    ON INSERT TO public.t DO INSTEAD ( "
                                "INSERT INTO public.log (a)\n  VALUES (new.a);\n INSERT INTO "
                                "public.log (a)\n  VALUES ((- new.a));\n);");
        sd_object *k = add(ms[i], SD_KIND_RULE, "t", "t_del");
        sd_obj_set_sql(ms[i], k, SD_RULE_DEFINITION,
                       "CREATE RULE t_del AS\n    ON DELETE TO public.t DO INSTEAD NOTHING;");
        sd_obj_set_str(ms[i], k, SD_RULE_ENABLED, i == 0 ? NULL : "replica");
        sd_obj_set_str(ms[i], k, SD_RULE_COMMENT, i == 0 ? NULL : "keep rows");
    }
    sd_object *r = add(f->from, SD_KIND_RULE, "t", "t_old");
    sd_obj_set_sql(f->from, r, SD_RULE_DEFINITION,
                   "CREATE RULE t_old AS\n    ON UPDATE TO public.t DO INSTEAD NOTHING;");
    const char *out = show(run(f));
    has(out, "\nDROP RULE t_old ON public.t;\n");
    has(out, "\nDROP RULE t_ins ON public.t;\n");
    has(out, "\nCREATE RULE t_ins AS\n    ON INSERT TO public.t DO INSTEAD ( INSERT INTO "
             "public.log (a)\n  VALUES (new.a);\n INSERT INTO public.log (a)\n  VALUES ((- "
             "new.a));\n);\n");
    has(out, "ALTER TABLE public.t ENABLE REPLICA RULE t_del;\n");
    has(out, "COMMENT ON RULE t_del ON public.t IS 'keep rows';\n");
    lacks(out, "CREATE RULE t_del");
}

/* An operator family or class: "name using am" with its members. */
static sd_object *
opfamily(sd_model *m, sd_kind kind, const char *name, const char *members)
{
    sd_object *o = add(m, kind, NULL, name);
    int field = kind == SD_KIND_OPFAMILY ? SD_OPFAMILY_MEMBERS : SD_OPCLASS_MEMBERS;
    for (const char *p = members; p != NULL && *p != '\0';) {
        const char *bar = strchr(p, '|');
        size_t len = bar != NULL ? (size_t)(bar - p) : strlen(p);
        char item[200];
        assert_true(len < sizeof(item));
        memcpy(item, p, len);
        item[len] = '\0';
        sd_obj_add_name(m, o, field, item);
        p = bar != NULL ? bar + 1 : NULL;
    }
    return o;
}

static sd_object *
opclass(sd_model *m, const char *name, const char *type, const char *members)
{
    sd_object *o = opfamily(m, SD_KIND_OPCLASS, name, members);
    sd_obj_set_str(m, o, SD_OPCLASS_TYPE, type);
    sd_obj_set_str(m, o, SD_OPCLASS_FAMILY_SCHEMA, "public");
    char fam[64];
    snprintf(fam, sizeof(fam), "%.*s", (int)(strstr(name, " using ") - name), name);
    sd_obj_set_str(m, o, SD_OPCLASS_FAMILY, fam);
    return o;
}

static sd_object *
conversion(sd_model *m, const char *name, const char *src, const char *dst, const char *fn)
{
    sd_object *o = add(m, SD_KIND_CONVERSION, NULL, name);
    sd_obj_set_str(m, o, SD_CONVERSION_SOURCE, src);
    sd_obj_set_str(m, o, SD_CONVERSION_TARGET, dst);
    sd_obj_set_str(m, o, SD_CONVERSION_FUNCTION, fn);
    return o;
}

/* Families (loose members dropped and added in place), classes (the same name for two access
 * methods; a change drops and creates), conversions, in creation order. */
static void
test_opfamilies_opclasses_conversions(void **state)
{
    fixture *f = *state;
    opfamily(f->from, SD_KIND_OPFAMILY, "mix using btree",
             "OPERATOR 1 <(integer,bigint)|OPERATOR 3 =(integer,bigint)|"
             "FUNCTION 1 (integer, bigint) btint48cmp(integer,bigint)");
    opfamily(f->to, SD_KIND_OPFAMILY, "mix using btree",
             "OPERATOR 1 <(integer,bigint)|FUNCTION 1 (integer, bigint) "
             "public.\"my(cmp\"(integer,bigint)");
    opfamily(f->to, SD_KIND_OPFAMILY, "rev using btree", NULL);
    opfamily(f->to, SD_KIND_OPFAMILY, "rev using hash", NULL);
    opclass(
        f->to, "rev using btree", "integer",
        "OPERATOR 1 >(integer,integer)|FUNCTION 1 (integer, integer) public.rev(integer,integer)");
    sd_object *h = opclass(f->to, "rev using hash", "integer",
                           "FUNCTION 1 (integer, integer) hashint4(integer)");
    sd_obj_set_bool(h, SD_OPCLASS_DEFAULT, true);
    sd_obj_set_str(f->to, h, SD_OPCLASS_COMMENT, "hashing");
    opfamily(f->from, SD_KIND_OPFAMILY, "st using gin", NULL);
    opfamily(f->to, SD_KIND_OPFAMILY, "st using gin", NULL);
    opclass(f->from, "st using gin", "integer[]", NULL);
    sd_object *g = opclass(f->to, "st using gin", "integer[]", NULL);
    sd_obj_set_str(f->to, g, SD_OPCLASS_STORAGE, "bigint");
    conversion(f->from, "c", "UTF8", "LATIN1", "utf8_to_iso8859_1");
    sd_object *c = conversion(f->to, "c", "UTF8", "LATIN1", "utf8_to_iso8859_1");
    sd_obj_set_bool(c, SD_CONVERSION_DEFAULT, true);
    conversion(f->from, "gone", "LATIN1", "UTF8", "iso8859_1_to_utf8");
    const char *out = show(run(f));
    assert_string_equal(
        out, HEAD BEGIN
        "\nALTER OPERATOR FAMILY public.mix USING btree DROP OPERATOR 3 (integer,bigint), "
        "FUNCTION 1 (integer, bigint);\n"
        "ALTER OPERATOR FAMILY public.mix USING btree ADD FUNCTION 1 (integer, bigint) "
        "public.\"my(cmp\"(integer,bigint);\n"
        "\nCREATE OPERATOR FAMILY public.rev USING btree;\n"
        "\nCREATE OPERATOR FAMILY public.rev USING hash;\n"
        "\nCREATE OPERATOR CLASS public.rev FOR TYPE integer USING btree FAMILY public.rev AS "
        "OPERATOR 1 >(integer,integer), FUNCTION 1 (integer, integer) "
        "public.rev(integer,integer);\n"
        "\nCREATE OPERATOR CLASS public.rev DEFAULT FOR TYPE integer USING hash FAMILY public.rev "
        "AS FUNCTION 1 (integer, integer) hashint4(integer);\n"
        "COMMENT ON OPERATOR CLASS public.rev USING hash IS 'hashing';\n"
        "\nDROP OPERATOR CLASS public.st USING gin;\n"
        "CREATE OPERATOR CLASS public.st FOR TYPE integer[] USING gin FAMILY public.st AS "
        "STORAGE bigint;\n"
        "\nDROP CONVERSION public.c;\n"
        "CREATE DEFAULT CONVERSION public.c FOR 'UTF8' TO 'LATIN1' FROM utf8_to_iso8859_1;\n"
        "\nDROP CONVERSION public.gone;\n" TAIL);
}

/* Stored member items, types and function names reach the script only inside a statement
 * the parser proved to be one of its kind. */
static void
test_hostile_opclass_member_refused(void **state)
{
    fixture *f = *state;
    opfamily(f->to, SD_KIND_OPFAMILY, "o using btree", NULL);
    opclass(f->to, "o using btree", "integer",
            "FUNCTION 1 (integer, integer) f(integer); DROP TABLE x");
    expect_refused(f, "contains ';'");
}

static void
test_hostile_opclass_type_refused(void **state)
{
    fixture *f = *state;
    opfamily(f->to, SD_KIND_OPFAMILY, "o using btree", NULL);
    opclass(f->to, "o using btree", "integer USING hash AS STORAGE integer) x (", NULL);
    expect_refused(f, "operator class definition");
}

static void
test_hostile_opfamily_member_refused(void **state)
{
    fixture *f = *state;
    opfamily(f->to, SD_KIND_OPFAMILY, "o using btree", "OPERATOR 1 <(integer,integer) \\! ls");
    expect_refused(f, "backslash");
}

static void
test_hostile_conversion_refused(void **state)
{
    fixture *f = *state;
    conversion(f->to, "c", "UTF8", "LATIN1", "f -- comment");
    expect_refused(f, "comment");
}

/* A DEFAULT btree class that a kept primary key's index uses (for its column's type) cannot
 * be dropped and created: refused, naming the constraint. */
static void
test_opclass_default_used_by_key_refused(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "t");
        col(ms[i], "t", 1, "p", "public.pt");
        pk(ms[i], "t", "t_pkey", "p");
        opfamily(ms[i], SD_KIND_OPFAMILY, "pt_ops using btree", NULL);
        sd_object *o =
            opclass(ms[i], "pt_ops using btree", "public.pt",
                    i == 0 ? "FUNCTION 1 (public.pt, public.pt) public.a(public.pt,public.pt)"
                           : "FUNCTION 1 (public.pt, public.pt) public.b(public.pt,public.pt)");
        sd_obj_set_bool(o, SD_OPCLASS_DEFAULT, true);
    }
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_opts(f, false, &err), SD_ERR_UNSUPPORTED);
    if (strstr(err.msg, "primary key t_pkey on public.t uses it") == NULL)
        fail_msg("message %s lacks the constraint", err.msg);
    assert_string_equal(sd_buf_cstr(&f->out), "");
}

static void
test_opfamily_identity_refused(void **state)
{
    fixture *f = *state;
    add(f->to, SD_KIND_OPFAMILY, NULL, "no_method");
    expect_refused(f, "name using method");
}

static void
test_hostile_rule_refused(void **state)
{
    fixture *f = *state;
    table(f->to, "t");
    sd_object *r = add(f->to, SD_KIND_RULE, "t", "r");
    /* A ';' inside the parentheses of several actions passes the scan: the parser refuses. */
    sd_obj_set_sql(f->to, r, SD_RULE_DEFINITION,
                   "CREATE RULE r AS ON INSERT TO public.t DO INSTEAD (NOTHING; DROP TABLE x)");
    expect_refused(f, "rule definition");
}

static void
test_hostile_rule_tail_refused(void **state)
{
    fixture *f = *state;
    table(f->to, "t");
    sd_object *r = add(f->to, SD_KIND_RULE, "t", "r");
    sd_obj_set_sql(f->to, r, SD_RULE_DEFINITION,
                   "CREATE RULE r AS ON INSERT TO public.t DO INSTEAD NOTHING; DROP TABLE x");
    expect_refused(f, "contains ';'");
}

static void
test_statistics_changes(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "t");
        col(ms[i], "t", 1, "a", "integer");
        col(ms[i], "t", 2, "b", "integer");
        sd_object *s = add_in(ms[i], SD_KIND_STATISTICS, "public", NULL, "s_def");
        sd_obj_set_sql(ms[i], s, SD_STATISTICS_DEFINITION,
                       i == 0 ? "CREATE STATISTICS public.s_def ON a, b FROM public.t"
                              : "CREATE STATISTICS public.s_def (mcv) ON a, (a + b) FROM public.t");
        sd_obj_set_int(s, SD_STATISTICS_TARGET, i == 0 ? 100 : 250);
        sd_object *k = add_in(ms[i], SD_KIND_STATISTICS, "public", NULL, "s_kept");
        sd_obj_set_sql(ms[i], k, SD_STATISTICS_DEFINITION,
                       "CREATE STATISTICS public.s_kept ON a, b FROM public.t");
        sd_obj_set_int(k, SD_STATISTICS_TARGET, i == 0 ? 100 : -1);
        sd_obj_set_str(ms[i], k, SD_STATISTICS_COMMENT, i == 0 ? NULL : "kept");
    }
    sd_object *o = add_in(f->from, SD_KIND_STATISTICS, "public", NULL, "s_old");
    sd_obj_set_sql(f->from, o, SD_STATISTICS_DEFINITION,
                   "CREATE STATISTICS public.s_old ON a, b FROM public.t");
    sd_obj_set_int(o, SD_STATISTICS_TARGET, -1);
    const char *out = show(run(f));
    has(out, "\nDROP STATISTICS public.s_old;\n");
    has(out, "\nDROP STATISTICS public.s_def;\n");
    has(out, "\nCREATE STATISTICS public.s_def (mcv) ON a, (a + b) FROM public.t;\n"
             "ALTER STATISTICS public.s_def SET STATISTICS 250;\n");
    has(out, "\nALTER STATISTICS public.s_kept SET STATISTICS -1;\n");
    has(out, "COMMENT ON STATISTICS public.s_kept IS 'kept';\n");
    lacks(out, "CREATE STATISTICS public.s_kept");
}

static void
test_hostile_statistics_refused(void **state)
{
    fixture *f = *state;
    table(f->to, "t");
    sd_object *s = add_in(f->to, SD_KIND_STATISTICS, "public", NULL, "s");
    /* Top-level ',' passes the scan (the column list): the parser refuses another statement. */
    sd_obj_set_sql(f->to, s, SD_STATISTICS_DEFINITION, "CREATE INDEX s ON public.t (a, b)");
    sd_obj_set_int(s, SD_STATISTICS_TARGET, -1);
    expect_refused(f, "statistics definition");
}

static void
test_hostile_statistics_tail_refused(void **state)
{
    fixture *f = *state;
    table(f->to, "t");
    sd_object *s = add_in(f->to, SD_KIND_STATISTICS, "public", NULL, "s");
    sd_obj_set_sql(f->to, s, SD_STATISTICS_DEFINITION,
                   "CREATE STATISTICS public.s ON a, b FROM public.t; DROP TABLE x");
    sd_obj_set_int(s, SD_STATISTICS_TARGET, -1);
    expect_refused(f, "contains ';'");
}

static void
test_hostile_function_refused(void **state)
{
    fixture *f = *state;
    function(f->to, "f", "", "integer",
             "CREATE FUNCTION public.f() RETURNS integer LANGUAGE sql AS $$select 1$$; DROP "
             "TABLE x");
    expect_refused(f, "contains ';'");
}

static void
test_fragment_quotes_are_respected(void **state)
{
    fixture *f = *state;
    table(f->to, "t");
    dflt(f->to, col(f->to, "t", 1, "a", "text"), "'a;b -- c'::text");
    dflt(f->to, col(f->to, "t", 2, "b", "text"), "E'x\\';y'::text");
    dflt(f->to, col(f->to, "t", 3, "\"c\"", "text"), "$q$;$q$::text");
    const char *out = show(run(f));
    has(out, "    a text DEFAULT 'a;b -- c'::text,\n");
    has(out, "    b text DEFAULT E'x\\';y'::text,\n");
    has(out, "    \"\"\"c\"\"\" text DEFAULT $q$;$q$::text\n");
}

static void
test_unterminated_quote_refused(void **state)
{
    fixture *f = *state;
    table(f->to, "t");
    dflt(f->to, col(f->to, "t", 1, "a", "text"), "'abc");
    expect_refused(f, "does not end");
}

static void
test_strict_column_order_rebuilds(void **state)
{
    fixture *f = *state;
    table(f->from, "t");
    col(f->from, "t", 1, "a", "integer");
    col(f->from, "t", 2, "b", "integer");
    table(f->to, "t");
    col(f->to, "t", 1, "b", "integer");
    col(f->to, "t", 2, "a", "integer");
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_opts(f, true, &err), SD_OK);
    /* Nothing is lost: no destructive line, the rows come back by name. */
    assert_string_equal(show(sd_buf_cstr(&f->out)),
                        HEAD BEGIN "\n-- table public.t is rebuilt (PostgreSQL cannot move a "
                                   "column): its rows wait in a temporary table while it is "
                                   "dropped and created anew with its columns in order\n"
                                   "CREATE TEMPORARY TABLE pg_temp.sd_rebuild_0 AS SELECT a, b "
                                   "FROM public.t;\n"
                                   "DROP TABLE public.t;\n"
                                   "\nCREATE TABLE public.t (\n"
                                   "    b integer,\n"
                                   "    a integer\n"
                                   ");\n"
                                   "INSERT INTO public.t (a, b) SELECT a, b FROM "
                                   "pg_temp.sd_rebuild_0;\n"
                                   "DROP TABLE pg_temp.sd_rebuild_0;\n" TAIL);
}

/* A column dropped as well: the rebuild says it loses it. */
static void
test_strict_column_order_rebuild_drops_column(void **state)
{
    fixture *f = *state;
    table(f->from, "t");
    col(f->from, "t", 1, "a", "integer");
    col(f->from, "t", 2, "b", "integer");
    col(f->from, "t", 3, "c", "integer");
    table(f->to, "t");
    col(f->to, "t", 1, "b", "integer");
    col(f->to, "t", 2, "a", "integer");
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_opts(f, true, &err), SD_OK);
    const char *out = sd_buf_cstr(&f->out);
    has(out, "-- destructive: table public.t is rebuilt (PostgreSQL cannot move a column)");
    has(out, ", without the columns that go\n");
    has(out, "SELECT a, b FROM public.t;\n");
    lacks(out, "DROP COLUMN");
}

/* In an inheritance tree the table cannot be dropped and created again: still refused. */
static void
test_strict_column_order_inheritance_unsupported(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (size_t i = 0; i < 2; i++) {
        table(ms[i], "t");
        col(ms[i], "t", 1, i == 0 ? "a" : "b", "integer");
        col(ms[i], "t", 2, i == 0 ? "b" : "a", "integer");
        names(ms[i], table(ms[i], "child"), SD_TABLE_INHERITS, "public.t");
    }
    sd_err err = SD_ERR_INIT;
    assert_int_equal(run_opts(f, true, &err), SD_ERR_UNSUPPORTED);
    has(err.msg, "position of a column");
}

static void
test_column_order_note_appends_nothing(void **state)
{
    fixture *f = *state;
    table(f->from, "t");
    col(f->from, "t", 1, "a", "integer");
    col(f->from, "t", 2, "b", "integer");
    table(f->to, "t");
    col(f->to, "t", 1, "b", "integer");
    col(f->to, "t", 2, "a", "integer");
    assert_string_equal(run(f), "");
}

static void
test_partition_key_change_rebuilds(void **state)
{
    fixture *f = *state;
    sd_object *t = table(f->from, "t");
    sd_obj_set_str(f->from, t, SD_TABLE_PARTITION_KEY, "RANGE (a)");
    col(f->from, "t", 1, "a", "integer");
    col(f->from, "t", 2, "b", "text");
    t = table(f->from, "t1");
    sd_obj_set_str(f->from, t, SD_TABLE_PARTITION_OF, "public.t");
    sd_obj_set_str(f->from, t, SD_TABLE_PARTITION_BOUND, "FOR VALUES FROM (1) TO (10)");
    t = table(f->to, "t");
    sd_obj_set_str(f->to, t, SD_TABLE_PARTITION_KEY, "LIST (a)");
    col(f->to, "t", 1, "a", "integer");
    t = table(f->to, "t1");
    sd_obj_set_str(f->to, t, SD_TABLE_PARTITION_OF, "public.t");
    sd_obj_set_str(f->to, t, SD_TABLE_PARTITION_BOUND, "FOR VALUES IN (1)");
    const char *out = show(run(f));
    /* Column b goes with the old table; t1 is created with the new one. */
    assert_string_equal(out, HEAD BEGIN
                        "\n-- destructive: table public.t is rebuilt (PostgreSQL cannot change a "
                        "partition key): its rows wait in a temporary table while it and its "
                        "partitions are dropped and created anew; a row no new partition accepts "
                        "makes the script fail\n"
                        "CREATE TEMPORARY TABLE pg_temp.sd_rebuild_0 AS SELECT a FROM public.t;\n"
                        "DROP TABLE public.t;\n"
                        "\nCREATE TABLE public.t (\n"
                        "    a integer\n"
                        ") PARTITION BY LIST (a);\n"
                        "CREATE TABLE public.t1 PARTITION OF public.t FOR VALUES IN (1);\n"
                        "INSERT INTO public.t (a) SELECT a FROM pg_temp.sd_rebuild_0;\n"
                        "DROP TABLE pg_temp.sd_rebuild_0;\n" TAIL);
}

/* Parent m, its DEFAULT partition m_other, in model ms; key is m's partition key. */
static void
partitioned_with_default(sd_model *ms, const char *key, bool with_default)
{
    sd_object *m = table(ms, "m");
    sd_obj_set_str(ms, m, SD_TABLE_PARTITION_KEY, key);
    col(ms, "m", 1, "d", "date");
    col(ms, "m", 2, "s", "text");
    if (!with_default)
        return;
    sd_object *o = table(ms, "m_other");
    sd_obj_set_str(ms, o, SD_TABLE_PARTITION_OF, "public.m");
    sd_obj_set_str(ms, o, SD_TABLE_PARTITION_BOUND, "DEFAULT");
    sd_obj_set_bool(col(ms, "m_other", 1, "d", "date"), SD_COLUMN_INHERITED, true);
    sd_obj_set_bool(col(ms, "m_other", 2, "s", "text"), SD_COLUMN_INHERITED, true);
}

static void
new_partition(sd_model *ms, const char *name, const char *bound)
{
    sd_object *p = table(ms, name);
    sd_obj_set_str(ms, p, SD_TABLE_PARTITION_OF, "public.m");
    sd_obj_set_str(ms, p, SD_TABLE_PARTITION_BOUND, bound);
    sd_obj_set_bool(col(ms, name, 1, "d", "date"), SD_COLUMN_INHERITED, true);
    sd_obj_set_bool(col(ms, name, 2, "s", "text"), SD_COLUMN_INHERITED, true);
}

/* A new RANGE partition while the DEFAULT partition stays: its rows in the bounds move. */
static void
test_partition_takes_rows_from_default(void **state)
{
    fixture *f = *state;
    partitioned_with_default(f->from, "RANGE (d, s)", true);
    partitioned_with_default(f->to, "RANGE (d, s)", true);
    new_partition(f->to, "m_2025",
                  "FOR VALUES FROM ('2025-01-01', MINVALUE) TO ('2026-01-01', 'x')");
    new_partition(f->to, "m_late",
                  "FOR VALUES FROM ('2030-01-01', MAXVALUE) TO (MAXVALUE, MAXVALUE)");
    const char *out = show(run(f));
    assert_string_equal(
        out,
        HEAD BEGIN "\n-- rows of public.m_other in the bounds of the new partition move into "
                   "it before it is attached\n"
                   "CREATE TABLE public.m_2025 (LIKE public.m INCLUDING DEFAULTS INCLUDING "
                   "GENERATED INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING COMPRESSION);\n"
                   "INSERT INTO public.m_2025 (d, s) SELECT d, s FROM public.m_other WHERE (d) "
                   "IS NOT NULL AND (s) IS NOT NULL AND ROW((d)) >= ROW('2025-01-01') AND "
                   "ROW((d), (s)) < ROW('2026-01-01', 'x');\n"
                   "DELETE FROM public.m_other WHERE (d) IS NOT NULL AND (s) IS NOT NULL AND "
                   "ROW((d)) >= ROW('2025-01-01') AND ROW((d), (s)) < ROW('2026-01-01', 'x');\n"
                   "ALTER TABLE public.m ATTACH PARTITION public.m_2025 FOR VALUES FROM "
                   "('2025-01-01', MINVALUE) TO ('2026-01-01', 'x');\n"
                   "\n-- rows of public.m_other in the bounds of the new partition move into "
                   "it before it is attached\n"
                   "CREATE TABLE public.m_late (LIKE public.m INCLUDING DEFAULTS INCLUDING "
                   "GENERATED INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING COMPRESSION);\n"
                   "INSERT INTO public.m_late (d, s) SELECT d, s FROM public.m_other WHERE (d) "
                   "IS NOT NULL AND (s) IS NOT NULL AND ROW((d)) > ROW('2030-01-01');\n"
                   "DELETE FROM public.m_other WHERE (d) IS NOT NULL AND (s) IS NOT NULL AND "
                   "ROW((d)) > ROW('2030-01-01');\n"
                   "ALTER TABLE public.m ATTACH PARTITION public.m_late FOR VALUES FROM "
                   "('2030-01-01', MAXVALUE) TO (MAXVALUE, MAXVALUE);\n" TAIL);
}

/* LIST: the values, NULL as IS NULL. */
static void
test_partition_from_default_list(void **state)
{
    fixture *f = *state;
    partitioned_with_default(f->from, "LIST (s)", true);
    partitioned_with_default(f->to, "LIST (s)", true);
    new_partition(f->to, "m_ab", "FOR VALUES IN ('a', NULL, 'b''c')");
    const char *out = run(f);
    has(out, "SELECT d, s FROM public.m_other WHERE (s) IN ('a', 'b''c') OR (s) IS NULL;\n");
    has(out, "ATTACH PARTITION public.m_ab FOR VALUES IN ('a', NULL, 'b''c');\n");
}

/* No DEFAULT partition in "from" (it is new too), or an operator class in the key (no
 * comparison can be written): the plain PARTITION OF. */
static void
test_partition_from_default_not_applicable(void **state)
{
    fixture *f = *state;
    partitioned_with_default(f->from, "LIST (s)", false);
    partitioned_with_default(f->to, "LIST (s)", true);
    new_partition(f->to, "m_ab", "FOR VALUES IN ('a')");
    sd_object *n = table(f->from, "n");
    sd_obj_set_str(f->from, n, SD_TABLE_PARTITION_KEY, "LIST (s text_pattern_ops)");
    col(f->from, "n", 1, "s", "text");
    sd_object *o = table(f->from, "n_other");
    sd_obj_set_str(f->from, o, SD_TABLE_PARTITION_OF, "public.n");
    sd_obj_set_str(f->from, o, SD_TABLE_PARTITION_BOUND, "DEFAULT");
    n = table(f->to, "n");
    sd_obj_set_str(f->to, n, SD_TABLE_PARTITION_KEY, "LIST (s text_pattern_ops)");
    col(f->to, "n", 1, "s", "text");
    o = table(f->to, "n_other");
    sd_obj_set_str(f->to, o, SD_TABLE_PARTITION_OF, "public.n");
    sd_obj_set_str(f->to, o, SD_TABLE_PARTITION_BOUND, "DEFAULT");
    o = table(f->to, "n_a");
    sd_obj_set_str(f->to, o, SD_TABLE_PARTITION_OF, "public.n");
    sd_obj_set_str(f->to, o, SD_TABLE_PARTITION_BOUND, "FOR VALUES IN ('a')");
    const char *out = run(f);
    has(out, "CREATE TABLE public.m_ab PARTITION OF public.m FOR VALUES IN ('a');\n");
    has(out, "CREATE TABLE public.n_a PARTITION OF public.n FOR VALUES IN ('a');\n");
    lacks(out, "LIKE");
}

static void
test_enum_to_enum_casts_through_text(void **state)
{
    fixture *f = *state;
    enum_type(f->from, "old_status", "a b");
    table(f->from, "t");
    col(f->from, "t", 1, "s", "public.old_status");
    col(f->from, "t", 2, "ss", "public.old_status[]");
    enum_type(f->to, "new_status", "a b c");
    table(f->to, "t");
    col(f->to, "t", 1, "s", "public.new_status");
    col(f->to, "t", 2, "ss", "public.new_status[]");
    const char *out = show(run(f));
    /* The old type goes only after the columns stop using it. */
    assert_string_equal(out, HEAD BEGIN
                        "\nCREATE TYPE public.new_status AS ENUM ('a', 'b', 'c');\n"
                        "\n-- destructive: column public.t.s changes type from public.old_status "
                        "to public.new_status; values that do not convert are changed or "
                        "rejected\n"
                        "ALTER TABLE public.t ALTER COLUMN s TYPE public.new_status USING "
                        "s::text::public.new_status;\n"
                        "\n-- destructive: column public.t.ss changes type from "
                        "public.old_status[] to public.new_status[]; values that do not convert "
                        "are changed or rejected\n"
                        "ALTER TABLE public.t ALTER COLUMN ss TYPE public.new_status[] USING "
                        "ss::text[]::public.new_status[];\n"
                        "\nDROP TYPE public.old_status;\n" TAIL);
}

static void
test_array_default_with_brackets(void **state)
{
    fixture *f = *state;
    table(f->to, "m");
    dflt(f->to, col(f->to, "m", 1, "a", "integer[]"), "ARRAY[ARRAY[1, 2], ARRAY[3, 4]]");
    const char *out = show(run(f));
    has(out, "    a integer[] DEFAULT ARRAY[ARRAY[1, 2], ARRAY[3, 4]]\n");
}

static void
test_function_on_dropped_table_goes_first(void **state)
{
    fixture *f = *state;
    table(f->from, "customer");
    col(f->from, "customer", 1, "id", "integer");
    sd_object *fn = function(f->from, "report", "", "SETOF public.customer",
                             "CREATE OR REPLACE FUNCTION public.report()\n RETURNS SETOF "
                             "public.customer\n LANGUAGE sql\nAS $$select * from "
                             "public.customer$$\n");
    dep(f->from, fn, SD_KIND_TABLE, NULL, "customer");
    function(f->from, "other", "", "integer",
             "CREATE OR REPLACE FUNCTION public.other()\n RETURNS integer\n LANGUAGE sql\nAS "
             "$$select 1$$\n");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\nDROP FUNCTION public.report();\n"
                                        "\n-- destructive: drops table public.customer and all "
                                        "its rows\n"
                                        "DROP TABLE public.customer;\n"
                                        "\nDROP FUNCTION public.other();\n" TAIL);
}

static void
test_unique_index_rebuild_rebuilds_referencing_key(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "p");
        col(ms[i], "p", 1, "code", "integer");
        sd_object *ix = index_on(ms[i], "p", "p_code", "code");
        sd_obj_set_bool(ix, SD_INDEX_UNIQUE, true);
        if (i == 1)
            sd_obj_set_str(ms[i], ix, SD_INDEX_METHOD, "hash");
        table(ms[i], "c");
        col(ms[i], "c", 1, "code", "integer");
        fk(ms[i], "c", "c_code_fk", "code", "p", "code");
    }
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\nALTER TABLE public.c DROP CONSTRAINT c_code_fk;\n"
                                        "\nDROP INDEX public.p_code;\n"
                                        "\nCREATE UNIQUE INDEX p_code ON public.p USING hash "
                                        "(code);\n"
                                        "\nALTER TABLE public.c ADD CONSTRAINT c_code_fk FOREIGN "
                                        "KEY (code) REFERENCES public.p (code);\n" TAIL);
}

static void
test_trigger_using_retyped_column_rebuilt(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "t");
        col(ms[i], "t", 1, "x", i == 0 ? "integer" : "bigint");
        sd_object *t = add(ms[i], SD_KIND_TRIGGER, "t", "t_x");
        sd_obj_set_sql(ms[i], t, SD_TRIGGER_SQL,
                       "CREATE TRIGGER t_x BEFORE UPDATE ON public.t FOR EACH ROW WHEN ((old.x "
                       "IS DISTINCT FROM new.x)) EXECUTE FUNCTION public.tg()");
        sd_obj_set_str(ms[i], t, SD_TRIGGER_COMMENT, "watch x");
    }
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\nDROP TRIGGER t_x ON public.t;\n"
                                        "\nALTER TABLE public.t ALTER COLUMN x TYPE bigint USING "
                                        "x::bigint;\n"
                                        "\nCREATE TRIGGER t_x BEFORE UPDATE ON public.t FOR EACH "
                                        "ROW WHEN ((old.x IS DISTINCT FROM new.x)) EXECUTE "
                                        "FUNCTION public.tg();\n"
                                        "COMMENT ON TRIGGER t_x ON public.t IS 'watch x';\n" TAIL);
}

static void
test_type_narrowing_rules(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *from;
        const char *to;
        bool destructive;
    } CASES[] = {
        { "character varying(10)", "character varying(20)", false },
        { "character varying(20)", "character varying(10)", true },
        { "character varying(10)", "text", false },
        { "character varying(10)", "character varying", false },
        { "text", "character varying(10)", true },
        { "smallint", "integer", false },
        { "integer", "bigint", false },
        { "bigint", "integer", true },
        { "integer", "numeric", false },
        { "integer", "numeric(12,2)", false },
        { "integer", "numeric(5,2)", true },
        { "numeric(10,2)", "numeric(12,2)", false },
        { "numeric(10,2)", "numeric(10,3)", true },
        { "real", "double precision", false },
        { "double precision", "real", true },
        { "timestamp without time zone", "timestamp with time zone", true },
        { "character(5)", "text", true },
    };
    char name[32];
    table(f->from, "t");
    table(f->to, "t");
    for (size_t i = 0; i < sizeof(CASES) / sizeof(CASES[0]); i++) {
        snprintf(name, sizeof(name), "c%02zu", i);
        col(f->from, "t", (int)i + 1, name, CASES[i].from);
        col(f->to, "t", (int)i + 1, name, CASES[i].to);
    }
    const char *out = show(run(f));
    for (size_t i = 0; i < sizeof(CASES) / sizeof(CASES[0]); i++) {
        char line[128];
        snprintf(line, sizeof(line), "-- destructive: column public.t.c%02zu ", i);
        if ((strstr(out, line) != NULL) != CASES[i].destructive)
            fail_msg("%s -> %s: destructive expected %d in:\n%s", CASES[i].from, CASES[i].to,
                     (int)CASES[i].destructive, out);
    }
}

static void
test_policy_on_retyped_column_rebuilt(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "t");
        col(ms[i], "t", 1, "owner", i == 0 ? "character varying(10)" : "text");
        sd_object *p = policy(ms[i], "t", "own", "ALL", true);
        sd_obj_set_sql(ms[i], p, SD_POLICY_USING,
                       i == 0 ? "((owner)::text = CURRENT_USER)" : "(owner = CURRENT_USER)");
    }
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\nDROP POLICY own ON public.t;\n"
                                        "\nALTER TABLE public.t ALTER COLUMN owner TYPE text "
                                        "USING owner::text;\n"
                                        "\nCREATE POLICY own ON public.t AS PERMISSIVE FOR ALL TO "
                                        "PUBLIC USING ((owner = CURRENT_USER));\n" TAIL);
}

static void
test_generated_column_reading_retyped_column(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "g");
        col(ms[i], "g", 1, "a", i == 0 ? "integer" : "bigint");
        sd_object *b = col(ms[i], "g", 2, "b", "bigint");
        sd_obj_set_sql(ms[i], b, SD_COLUMN_GENERATED, "(a + 1)");
        sd_obj_set_str(ms[i], b, SD_COLUMN_GENERATED_KIND, "stored");
        col(ms[i], "g", 3, "ab", "integer"); /* "a" inside a longer name is not "a" */
        index_on(ms[i], "g", "g_b_idx", "b");
    }
    const char *out = show(run(f));
    assert_string_equal(out,
                        HEAD BEGIN "\nDROP INDEX public.g_b_idx;\n"
                                   "\n-- destructive: drops column public.g.b and adds it "
                                   "again (it is generated from a column that changes "
                                   "type); stored values are recomputed\n"
                                   "ALTER TABLE public.g DROP COLUMN b;\n"
                                   "\nALTER TABLE public.g ALTER COLUMN a TYPE bigint USING "
                                   "a::bigint;\n"
                                   "\nALTER TABLE public.g ADD COLUMN b bigint GENERATED "
                                   "ALWAYS AS ((a + 1)) STORED;\n"
                                   "\nCREATE INDEX g_b_idx ON public.g USING btree (b);\n" TAIL);
}

static void
test_identity_bounds_move_current_value(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "v");
        sd_object *c = not_null(col(ms[i], "v", 1, "volt", "integer"));
        sd_obj_set_str(ms[i], c, SD_COLUMN_IDENTITY, "by default");
        sd_obj_set_str(ms[i], c, SD_COLUMN_IDENTITY_OPTIONS,
                       i == 0 ? "START WITH -200 INCREMENT BY 10 MINVALUE -200 MAXVALUE 200"
                              : "START WITH -100 INCREMENT BY 5 MINVALUE -100 MAXVALUE 100");
    }
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN
                        "\nSELECT pg_catalog.setval(q.s, GREATEST(COALESCE("
                        "pg_catalog.pg_sequence_last_value(q.s), -100), -100), "
                        "pg_catalog.pg_sequence_last_value(q.s) IS NOT NULL) FROM (SELECT "
                        "pg_catalog.pg_get_serial_sequence('public.v', 'volt')::"
                        "pg_catalog.regclass AS s) AS q;\n"
                        "ALTER TABLE public.v ALTER COLUMN volt SET START WITH -100 SET "
                        "INCREMENT BY 5 SET MINVALUE -100 SET MAXVALUE 100;\n" TAIL);
}

static void
test_domain_drop_is_late(void **state)
{
    fixture *f = *state;
    sd_object *d = add(f->from, SD_KIND_DOMAIN, NULL, "pos");
    sd_obj_set_str(f->from, d, SD_DOMAIN_BASE_TYPE, "integer");
    table(f->from, "t");
    col(f->from, "t", 1, "a", "public.pos");
    table(f->to, "t");
    col(f->to, "t", 1, "a", "integer");
    const char *out = show(run(f));
    assert_string_equal(out, HEAD BEGIN "\n-- destructive: column public.t.a changes type from "
                                        "public.pos to integer; values that do not convert are "
                                        "changed or rejected\n"
                                        "ALTER TABLE public.t ALTER COLUMN a TYPE integer USING "
                                        "a::integer;\n"
                                        "\nDROP DOMAIN public.pos;\n" TAIL);
}

static void
test_deterministic(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "t");
        col(ms[i], "t", 1, "a", i == 0 ? "integer" : "bigint");
        dep(ms[i], view(ms[i], "v", " SELECT t.a FROM public.t;"), SD_KIND_TABLE, NULL, "t");
        dep(ms[i], view(ms[i], "w", " SELECT v.a FROM public.v;"), SD_KIND_VIEW, NULL, "v");
        fk(ms[i], "t", "t_fk", "a", "t", "a");
    }
    char *first = strdup(run(f));
    sd_buf_reset(&f->out);
    assert_string_equal(run(f), first);
    free(first);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_no_drift_appends_nothing),
        T(test_directive_first_line),
        T(test_create_table_exact),
        T(test_create_table_full_definition),
        T(test_table_extras_owner_acl_comment_rls),
        T(test_acl_changes_revoke_then_grant),
        T(test_acl_empty_means_owner_defaults),
        T(test_foreign_keys_after_every_table),
        T(test_drop_tables_foreign_keys_first),
        T(test_columns_add_drop),
        T(test_column_type_changes),
        T(test_column_default_not_null_identity),
        T(test_generated_column_changes),
        T(test_generated_readd_restores_constraints_and_indexes),
        T(test_view_rebuilt_around_column_type_change),
        T(test_view_rebuilt_around_column_drop_and_new_view_after),
        T(test_column_change_keeps_unrelated_indexes),
        T(test_generated_readd_before_new_columns),
        T(test_view_changes),
        T(test_psql_variables_neutral),
        T(test_matview_and_index_on_it),
        T(test_index_definitions),
        T(test_forged_text_refused),
        T(test_event_triggers_and_casts),
        T(test_cast_forged_refused),
        T(test_foreign_data_wrappers_servers_mappings),
        T(test_user_mapping_hidden_options_refused),
        T(test_foreign_data_forged_refused),
        T(test_subscriptions),
        T(test_base_types),
        T(test_base_type_changes),
        T(test_base_type_recreate),
        T(test_base_type_forged_refused),
        T(test_foreign_tables),
        T(test_foreign_partition_server_refused),
        T(test_access_methods_and_typed_tables),
        T(test_typed_table_column_change_refused),
        T(test_server_recreate_under_foreign_table_refused),
        T(test_publications),
        T(test_publication_forged_refused),
        T(test_languages_transforms_access_methods),
        T(test_language_transform_access_method_refused),
        T(test_db_default_privileges),
        T(test_db_default_privileges_forged_refused),
        T(test_retype_without_cast_drops_and_guards),
        T(test_retype_using),
        T(test_retype_using_refused),
        T(test_retype_using_not_retyped),
        T(test_trigger_changes),
        T(test_enum_add_value_in_own_transaction),
        T(test_enum_add_value_unused_in_main_transaction),
        T(test_enum_add_value_apart_guards_not_null_first),
        T(test_enum_add_value_apart_guards_unique_and_check),
        T(test_enum_value_removal_recreates_type),
        T(test_enum_recreate_rebuilds_checks_and_partial_indexes),
        T(test_schema_create_alter_drop),
        T(test_extension_create_update_drop),
        T(test_domain_create_alter_recreate),
        T(test_composite_and_range),
        T(test_sequence_owned_by_after_table),
        T(test_sequence_bounds_move_current_value),
        T(test_sequence_dropped_with_its_table),
        T(test_function_changes),
        T(test_function_search_path_default),
        T(test_function_recreate_rebuilds_dependent_view),
        T(test_function_recreate_detaches_callers),
        T(test_partitions),
        T(test_inheritance),
        T(test_inheritance_local_columns_and_checks),
        T(test_table_flags),
        T(test_constraint_changes),
        T(test_constraint_index_fields),
        T(test_aggregates),
        T(test_operators),
        T(test_collations),
        T(test_hostile_collation_refused),
        T(test_collation_domain_refused),
        T(test_collation_composite_refused),
        T(test_text_search),
        T(test_text_search_crafted),
        T(test_text_search_crafted_mapping),
        T(test_text_search_crafted_options_from),
        T(test_text_search_parser_in_use_refused),
        T(test_index_statistics),
        T(test_hostile_operator_refused),
        T(test_foreign_key_changes_and_key_rebuild),
        T(test_foreign_key_in_place),
        T(test_policies),
        T(test_quoting_of_odd_names),
        T(test_hostile_default_refused),
        T(test_hostile_view_refused),
        T(test_hostile_trigger_refused),
        T(test_hostile_rule_refused),
        T(test_opfamilies_opclasses_conversions),
        T(test_hostile_opclass_member_refused),
        T(test_hostile_opclass_type_refused),
        T(test_hostile_opfamily_member_refused),
        T(test_hostile_conversion_refused),
        T(test_opfamily_identity_refused),
        T(test_opclass_default_used_by_key_refused),
        T(test_hostile_rule_tail_refused),
        T(test_rule_changes),
        T(test_statistics_changes),
        T(test_hostile_statistics_refused),
        T(test_hostile_statistics_tail_refused),
        T(test_hostile_function_refused),
        T(test_fragment_quotes_are_respected),
        T(test_unterminated_quote_refused),
        T(test_strict_column_order_rebuilds),
        T(test_strict_column_order_rebuild_drops_column),
        T(test_strict_column_order_inheritance_unsupported),
        T(test_column_order_note_appends_nothing),
        T(test_partition_key_change_rebuilds),
        T(test_partition_takes_rows_from_default),
        T(test_partition_from_default_list),
        T(test_partition_from_default_not_applicable),
        T(test_enum_to_enum_casts_through_text),
        T(test_array_default_with_brackets),
        T(test_function_on_dropped_table_goes_first),
        T(test_unique_index_rebuild_rebuilds_referencing_key),
        T(test_trigger_using_retyped_column_rebuilt),
        T(test_type_narrowing_rules),
        T(test_policy_on_retyped_column_rebuilt),
        T(test_generated_column_reading_retyped_column),
        T(test_identity_bounds_move_current_value),
        T(test_domain_drop_is_late),
        T(test_deterministic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
