/*
 * test_plan_pg.c: PostgreSQL's engine rules (plan/plan_pg.h), read from the rules rather than
 * from SQL: a field PostgreSQL cannot ALTER recreates the object while one it alters in place
 * does not; an enum losing or reordering values recreates the type while one only gaining
 * values does not; a composite type whose attribute is retyped is recreated only while a
 * column uses it, and always when its attributes are reordered; an extension is recreated
 * only when its version goes down. A column type change has a cast path by PostgreSQL 15's
 * pg_cast and rules (I/O through strings, arrays, domains); one without, and without a
 * --using, drops and adds the column; a --using must name a retyped column.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "diff/diff.h"
#include "plan/plan_pg.h"
#include "support/model_builder.h"
#include "support/short_builders.h"
#include "util/util.h"

typedef struct fixture {
    sd_model *from;
    sd_model *to;
    sd_changelist *cl;
} fixture;

static int
setup(void **state)
{
    fixture *f = test_calloc(1, sizeof(*f));
    f->from = sdt_model_new(SD_ENGINE_PG);
    f->to = sdt_model_new(SD_ENGINE_PG);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    sd_changelist_free(f->cl);
    sd_model_free(f->from);
    sd_model_free(f->to);
    test_free(f);
    return 0;
}

/* Freeze and diff; then whether the ALTER of the "to" object o recreates it. */
static bool
recreates(fixture *f, const sd_object *o)
{
    sd_err err = SD_ERR_INIT;
    sdt_freeze(f->from);
    sdt_freeze(f->to);
    ASSERT_SD_OK(sd_diff_models(&f->cl, f->from, f->to, NULL, &err), &err);
    const sd_change *ch = sd_changelist_find(f->cl, o);
    assert_non_null(ch);
    assert_int_equal(ch->op, SD_OP_ALTER);
    return sd_plan_pg_recreates(f->cl, ch);
}

static sd_object *
domain(sd_model *m, const char *base, const char *dflt_sql)
{
    sd_object *d = add(m, SD_KIND_DOMAIN, NULL, "d");
    sd_obj_set_str(m, d, SD_DOMAIN_BASE_TYPE, base);
    if (dflt_sql != NULL)
        sd_obj_set_sql(m, d, SD_DOMAIN_DEFAULT, dflt_sql);
    return d;
}

static sd_object *
enum_type(sd_model *m, const char *values)
{
    sd_object *e = add(m, SD_KIND_ENUM, NULL, "e");
    names(m, e, SD_ENUM_VALUES, values);
    return e;
}

static sd_object *
composite(sd_model *m, const char *attrs)
{
    sd_object *t = add(m, SD_KIND_COMPOSITE, NULL, "ty");
    sd_obj_set_sql(m, t, SD_COMPOSITE_ATTRIBUTES, attrs);
    return t;
}

static sd_object *
extension(sd_model *m, const char *version)
{
    sd_object *x = add(m, SD_KIND_EXTENSION, NULL, "hstore");
    sd_obj_set_str(m, x, SD_EXTENSION_VERSION, version);
    return x;
}

/* A domain's default is ALTER DOMAIN ... SET DEFAULT in place. */
static void
test_domain_default_in_place(void **state)
{
    fixture *f = *state;
    domain(f->from, "integer", NULL);
    assert_false(recreates(f, domain(f->to, "integer", "0")));
}

/* Its base type is in the mask: no ALTER DOMAIN changes it. */
static void
test_domain_base_type_recreates(void **state)
{
    fixture *f = *state;
    domain(f->from, "integer", NULL);
    assert_true(recreates(f, domain(f->to, "bigint", NULL)));
    assert_true(sd_plan_pg_rule(SD_KIND_DOMAIN)->recreate_fields &
                (UINT64_C(1) << SD_DOMAIN_BASE_TYPE));
    assert_false(sd_plan_pg_rule(SD_KIND_DOMAIN)->recreate_fields &
                 (UINT64_C(1) << SD_DOMAIN_DEFAULT));
}

/* Values gained anywhere are ADD VALUE in place. */
static void
test_enum_gains_value_in_place(void **state)
{
    fixture *f = *state;
    enum_type(f->from, "a c");
    sd_object *e = enum_type(f->to, "a b c d");
    assert_false(recreates(f, e));
    assert_true(sd_plan_pg_enum_adds_only(sd_model_find_key(f->from, SD_KIND_ENUM, e->key), e));
}

/* A value lost: PostgreSQL cannot drop an enum value, the type is recreated. */
static void
test_enum_loses_value_recreates(void **state)
{
    fixture *f = *state;
    enum_type(f->from, "a b c");
    assert_true(recreates(f, enum_type(f->to, "a c")));
}

/* Reordered values are no ADD VALUE either. */
static void
test_enum_reorder_recreates(void **state)
{
    fixture *f = *state;
    enum_type(f->from, "a b");
    assert_true(recreates(f, enum_type(f->to, "b a")));
}

/* A retyped attribute is ALTER ATTRIBUTE ... TYPE while no column uses the type. */
static void
test_composite_retype_unused_in_place(void **state)
{
    fixture *f = *state;
    composite(f->from, "a integer, b text");
    assert_false(recreates(f, composite(f->to, "a integer, b varchar(10)")));
}

/* PostgreSQL refuses it while a kept column has the type (or an array of it). */
static void
test_composite_retype_in_use_recreates(void **state)
{
    fixture *f = *state;
    composite(f->from, "a integer, b text");
    table(f->from, "t");
    col(f->from, "t", 0, "x", "public.ty[]");
    sd_object *ty = composite(f->to, "a integer, b varchar(10)");
    table(f->to, "t");
    col(f->to, "t", 0, "x", "public.ty[]");
    assert_true(recreates(f, ty));
}

/* Attributes reordered, or a kept one after a new one: no ALTER TYPE does that. */
static void
test_composite_reorder_recreates(void **state)
{
    fixture *f = *state;
    composite(f->from, "a integer, \"B,c\" text");
    assert_true(recreates(f, composite(f->to, "\"B,c\" text, a integer")));
}

/* ALTER EXTENSION UPDATE goes forward only ("1.10" is after "1.9"). */
static void
test_extension_downgrade_recreates(void **state)
{
    fixture *f = *state;
    extension(f->from, "1.10");
    assert_true(recreates(f, extension(f->to, "1.9")));
}

static void
test_extension_upgrade_in_place(void **state)
{
    fixture *f = *state;
    extension(f->from, "1.9");
    assert_false(recreates(f, extension(f->to, "1.10")));
}

/* The cast paths of the types of a frozen model pair (domains read from them). */
static sd_pg_cast_path
cast(fixture *f, const char *src, const char *dst)
{
    return sd_plan_pg_cast_path(f->from, f->to, src, dst);
}

static void
test_cast_paths(void **state)
{
    fixture *f = *state;
    domain(f->from, "integer", NULL);
    sdt_freeze(f->from);
    sdt_freeze(f->to);
    assert_int_equal(cast(f, "integer", "date"), SD_PG_CAST_NONE);
    assert_int_equal(cast(f, "date", "integer"), SD_PG_CAST_NONE);
    assert_int_equal(cast(f, "boolean", "date"), SD_PG_CAST_NONE);
    assert_int_equal(cast(f, "integer", "bigint"), SD_PG_CAST_YES);
    assert_int_equal(cast(f, "numeric(10,2)", "integer"), SD_PG_CAST_YES);
    assert_int_equal(cast(f, "timestamp(3) without time zone", "date"), SD_PG_CAST_YES);
    assert_int_equal(cast(f, "interval year to month", "time without time zone"), SD_PG_CAST_YES);
    assert_int_equal(cast(f, "\"char\"", "integer"), SD_PG_CAST_YES);
    /* I/O conversion to and from a string type */
    assert_int_equal(cast(f, "integer", "character varying(10)"), SD_PG_CAST_YES);
    assert_int_equal(cast(f, "text", "date"), SD_PG_CAST_YES);
    assert_int_equal(cast(f, "integer[]", "text"), SD_PG_CAST_YES);
    assert_int_equal(cast(f, "text", "integer[]"), SD_PG_CAST_YES);
    /* arrays: element by element, never to or from a non-string scalar */
    assert_int_equal(cast(f, "integer[]", "bigint[]"), SD_PG_CAST_YES);
    assert_int_equal(cast(f, "integer[]", "date[]"), SD_PG_CAST_NONE);
    assert_int_equal(cast(f, "integer", "integer[]"), SD_PG_CAST_NONE);
    assert_int_equal(cast(f, "integer[]", "integer"), SD_PG_CAST_NONE);
    /* a domain is its base type; a type the tables do not know is left to the server */
    assert_int_equal(cast(f, "public.d", "date"), SD_PG_CAST_NONE);
    assert_int_equal(cast(f, "public.d", "bigint"), SD_PG_CAST_YES);
    assert_int_equal(cast(f, "public.mood", "date"), SD_PG_CAST_UNKNOWN);
    assert_int_equal(cast(f, "integer", "public.d"), SD_PG_CAST_UNKNOWN); /* not in "to" */
}

static void
user_cast(sd_model *m, const char *source, const char *target)
{
    char name[128];
    snprintf(name, sizeof(name), "(%s AS %s)", source, target);
    sd_object *k = sdt_add(m, SD_KIND_CAST, NULL, NULL, name);
    sd_obj_set_str(m, k, SD_CAST_SOURCE, source);
    sd_obj_set_str(m, k, SD_CAST_TARGET, target);
    sd_obj_set_str(m, k, SD_CAST_METHOD, "inout");
}

/* A user-defined cast both sides hold is a path; one TO alone holds may come after the
 * retype, so it is none. */
static void
test_user_cast_paths(void **state)
{
    fixture *f = *state;
    user_cast(f->from, "integer", "date");
    user_cast(f->to, "integer", "date");
    user_cast(f->to, "date", "integer");
    sdt_freeze(f->from);
    sdt_freeze(f->to);
    assert_int_equal(cast(f, "integer", "date"), SD_PG_CAST_YES);
    assert_int_equal(cast(f, "date", "integer"), SD_PG_CAST_NONE);
    assert_int_equal(cast(f, "integer[]", "date[]"), SD_PG_CAST_NONE);
}

/* The change list of t.d retyped from ft to tt, and the change. */
static const sd_change *
retype(fixture *f, const char *ft, const char *tt)
{
    sd_err err = SD_ERR_INIT;
    table(f->from, "t");
    col(f->from, "t", 0, "d", ft);
    table(f->to, "t");
    sd_object *d = col(f->to, "t", 0, "d", tt);
    sdt_freeze(f->from);
    sdt_freeze(f->to);
    ASSERT_SD_OK(sd_diff_models(&f->cl, f->from, f->to, NULL, &err), &err);
    const sd_change *ch = sd_changelist_find(f->cl, d);
    assert_non_null(ch);
    return ch;
}

static void
test_retype_without_cast_drops(void **state)
{
    fixture *f = *state;
    const sd_change *ch = retype(f, "integer", "date");
    sd_using other = { .table = "t", .column = "e", .expr = "1" };
    assert_true(sd_plan_pg_retype_drops(f->cl, ch, NULL, 0));
    assert_true(sd_plan_pg_retype_drops(f->cl, ch, &other, 1));
    sd_using u = { .schema = "public", .table = "t", .column = "d", .expr = "NULL" };
    assert_false(sd_plan_pg_retype_drops(f->cl, ch, &u, 1));
    assert_false(sd_plan_pg_recreates(f->cl, ch)); /* the column rule itself is unchanged */
}

static void
test_retype_with_cast_converts(void **state)
{
    fixture *f = *state;
    const sd_change *ch = retype(f, "integer", "bigint"); /* sets f->cl */
    assert_false(sd_plan_pg_retype_drops(f->cl, ch, NULL, 0));
}

/* A --using must name exactly one retyped column, once. */
static void
test_using_check(void **state)
{
    fixture *f = *state;
    sd_err err = SD_ERR_INIT;
    retype(f, "integer", "date");
    sd_using ok[] = { { .table = "t", .column = "d", .expr = "NULL" } };
    ASSERT_SD_OK(sd_plan_using_check(f->cl, ok, 1, &err), &err);
    sd_using other_schema[] = { { .schema = "s", .table = "t", .column = "d", .expr = "1" } };
    assert_int_equal(sd_plan_using_check(f->cl, other_schema, 1, &err), SD_ERR);
    assert_non_null(strstr(err.msg, "s.t.d"));
    sd_err_clear(&err);
    sd_using twice[] = { { .table = "t", .column = "d", .expr = "NULL" },
                         { .schema = "public", .table = "t", .column = "d", .expr = "NULL" } };
    assert_int_equal(sd_plan_using_check(f->cl, twice, 2, &err), SD_ERR);
    assert_non_null(strstr(err.msg, "given twice"));
    sd_err_clear(&err);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_domain_default_in_place, setup, teardown),
        cmocka_unit_test_setup_teardown(test_domain_base_type_recreates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_enum_gains_value_in_place, setup, teardown),
        cmocka_unit_test_setup_teardown(test_enum_loses_value_recreates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_enum_reorder_recreates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_composite_retype_unused_in_place, setup, teardown),
        cmocka_unit_test_setup_teardown(test_composite_retype_in_use_recreates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_composite_reorder_recreates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_extension_downgrade_recreates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_extension_upgrade_in_place, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cast_paths, setup, teardown),
        cmocka_unit_test_setup_teardown(test_user_cast_paths, setup, teardown),
        cmocka_unit_test_setup_teardown(test_retype_without_cast_drops, setup, teardown),
        cmocka_unit_test_setup_teardown(test_retype_with_cast_converts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_using_check, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
