/*
 * test_plan_pg_plan.c: the PostgreSQL plan (plan/plan_pg.h, sd_plan_pg()), read from the plan
 * rather than from SQL: a retyped column takes along the views and indexes that use it and the
 * views over those, and nothing that uses only other columns; the
 * prepare phase drops dependents first and the planned creates come back in the opposite
 * order, each waiting for what it depends on; a column whose default calls a function that is
 * dropped and created is detached first and its default set again; a partition key change
 * rebuilds the table and its partitions; statistics objects go with a column they use or
 * their rebuilt table (pg_depend), and are created again.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "diff/diff.h"
#include "plan/plan_pg.h"
#include "support/model_builder.h"
#include "support/pg_builders.h"
#include "support/short_builders.h"
#include "util/util.h"

typedef struct fixture {
    sd_model *from;
    sd_model *to;
    sd_changelist *cl;
    sd_pg_plan *plan;
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
    sd_plan_pg_free(f->plan);
    sd_changelist_free(f->cl);
    sd_model_free(f->from);
    sd_model_free(f->to);
    test_free(f);
    return 0;
}

/* Freeze, diff and plan. */
static const sd_pg_plan *
plan(fixture *f)
{
    sd_err err = SD_ERR_INIT;
    sdt_freeze(f->from);
    sdt_freeze(f->to);
    ASSERT_SD_OK(sd_diff_models(&f->cl, f->from, f->to, NULL, &err), &err);
    ASSERT_SD_OK(sd_plan_pg(&f->plan, f->cl, NULL, 0, &err), &err);
    return f->plan;
}

/* t(a, b) with a of type a_type, an index on each column, view v1 over t.a, v2 over v1 and w
 * over t.b, in m. */
static void
views_over(sd_model *m, const char *a_type)
{
    table(m, "t");
    col(m, "t", 1, "a", a_type);
    col(m, "t", 2, "b", "text");
    dep(m, index_on(m, "t", "t_a", "a"), SD_KIND_COLUMN, "t", "a");
    dep(m, index_on(m, "t", "t_b", "b"), SD_KIND_COLUMN, "t", "b");
    dep(m, view(m, "v1", "SELECT a FROM public.t"), SD_KIND_COLUMN, "t", "a");
    dep(m, view(m, "v2", "SELECT a FROM public.v1"), SD_KIND_VIEW, NULL, "v1");
    dep(m, view(m, "w", "SELECT b FROM public.t"), SD_KIND_COLUMN, "t", "b");
}

static const sd_object *
find(const sd_model *m, sd_kind kind, const char *table, const char *name)
{
    const sd_object *o = sd_model_find(m, kind, "public", table, name);
    assert_non_null(o);
    return o;
}

static void
test_retype_takes_views_over_the_column_only(void **state)
{
    fixture *f = *state;
    views_over(f->from, "integer");
    views_over(f->to, "bigint");
    const sd_pg_plan *p = plan(f);

    const sd_object *v1 = find(f->from, SD_KIND_VIEW, NULL, "v1");
    const sd_object *v2 = find(f->from, SD_KIND_VIEW, NULL, "v2");
    const sd_object *w = find(f->from, SD_KIND_VIEW, NULL, "w");
    assert_true(p->gone[SD_KIND_COLUMN][find(f->from, SD_KIND_COLUMN, "t", "a")->index]);
    assert_false(p->gone[SD_KIND_COLUMN][find(f->from, SD_KIND_COLUMN, "t", "b")->index]);
    assert_true(p->rdrop[SD_KIND_VIEW][v1->index]);
    assert_true(p->rdrop[SD_KIND_VIEW][v2->index]);
    assert_false(p->rdrop[SD_KIND_VIEW][w->index]);
    /* The index on a is rebuilt around the change, the one on b is left alone. */
    assert_true(p->rdrop[SD_KIND_INDEX][find(f->from, SD_KIND_INDEX, "t", "t_a")->index]);
    assert_false(p->rdrop[SD_KIND_INDEX][find(f->from, SD_KIND_INDEX, "t", "t_b")->index]);
    assert_true(p->rcreate[SD_KIND_INDEX][find(f->to, SD_KIND_INDEX, "t", "t_a")->index]);
    assert_false(p->rcreate[SD_KIND_INDEX][find(f->to, SD_KIND_INDEX, "t", "t_b")->index]);
    assert_true(p->rcreate[SD_KIND_VIEW][find(f->to, SD_KIND_VIEW, NULL, "v1")->index]);
    assert_true(p->rcreate[SD_KIND_VIEW][find(f->to, SD_KIND_VIEW, NULL, "v2")->index]);
    assert_false(p->rcreate[SD_KIND_VIEW][find(f->to, SD_KIND_VIEW, NULL, "w")->index]);
}

static void
test_drops_dependents_first_creates_after_dependencies(void **state)
{
    fixture *f = *state;
    views_over(f->from, "integer");
    views_over(f->to, "bigint");
    const sd_pg_plan *p = plan(f);

    assert_int_equal(p->nstack, 2);
    assert_string_equal(p->stack[0]->name, "v2");
    assert_string_equal(p->stack[1]->name, "v1");
    /* Views, then the index (by kind), each after what it depends on. */
    assert_int_equal(p->npending, 3);
    assert_string_equal(p->pending[0].obj->name, "v1");
    assert_string_equal(p->pending[1].obj->name, "v2");
    assert_string_equal(p->pending[2].obj->name, "t_a");
    assert_int_equal(p->pending[0].nwaits, 0);
    assert_int_equal(p->pending[1].nwaits, 1);
    assert_int_equal(p->pending[1].waits[0], 0);
    /* v1 is ready once the change of t.a is written, and not before. */
    const sd_change *ch = sd_changelist_find(f->cl, find(f->from, SD_KIND_COLUMN, "t", "a"));
    size_t at = 0;
    for (size_t i = 0; i < sd_changelist_count(f->cl); i++)
        if (sd_changelist_at(f->cl, i) == ch)
            at = i + 1;
    assert_int_not_equal(at, 0);
    assert_int_equal(p->pending[0].ready_at, at);
}

static sd_object *
function(sd_model *m, const char *result)
{
    sd_object *o = add(m, SD_KIND_FUNCTION, NULL, "f()");
    sd_obj_set_str(m, o, SD_FUNCTION_KIND, "function");
    sd_obj_set_str(m, o, SD_FUNCTION_NAME, "f");
    sd_obj_set_str(m, o, SD_FUNCTION_ARGUMENTS, "");
    sd_obj_set_str(m, o, SD_FUNCTION_RESULT, result);
    sd_obj_set_sql(m, o, SD_FUNCTION_DEFINITION,
                   "CREATE FUNCTION public.f() RETURNS integer LANGUAGE sql AS 'SELECT 1'");
    return o;
}

/* t(id DEFAULT public.f()) with f returning result, in m. */
static void
default_calls(sd_model *m, const char *result)
{
    function(m, result);
    table(m, "t");
    sd_object *id = dflt(m, col(m, "t", 1, "id", "bigint"), "public.f()");
    dep(m, id, SD_KIND_FUNCTION, NULL, "f()");
}

/* A retype with no cast path (integer -> date) drops and adds the column: its index and the
 * views over it are rebuilt, its table's constraints wait for the table's last change; with
 * --using it is converted in place. */
static void
test_retype_without_cast_path_readds(void **state)
{
    fixture *f = *state;
    views_over(f->from, "integer");
    views_over(f->to, "date");
    const sd_pg_plan *p = plan(f);
    const sd_object *a = find(f->from, SD_KIND_COLUMN, "t", "a");
    assert_true(p->retype_drop[a->index]);
    assert_true(p->readd[a->index]);
    assert_true(p->gone[SD_KIND_COLUMN][a->index]);
    assert_true(p->readd_table[find(f->to, SD_KIND_TABLE, NULL, "t")->index]);
    assert_true(p->rdrop[SD_KIND_INDEX][find(f->from, SD_KIND_INDEX, "t", "t_a")->index]);
    assert_false(p->rdrop[SD_KIND_INDEX][find(f->from, SD_KIND_INDEX, "t", "t_b")->index]);
    assert_true(p->rdrop[SD_KIND_VIEW][find(f->from, SD_KIND_VIEW, NULL, "v1")->index]);
    assert_false(p->rdrop[SD_KIND_VIEW][find(f->from, SD_KIND_VIEW, NULL, "w")->index]);
}

static void
test_retype_using_converts_in_place(void **state)
{
    fixture *f = *state;
    sd_err err = SD_ERR_INIT;
    views_over(f->from, "integer");
    views_over(f->to, "date");
    sdt_freeze(f->from);
    sdt_freeze(f->to);
    ASSERT_SD_OK(sd_diff_models(&f->cl, f->from, f->to, NULL, &err), &err);
    sd_using u = { .table = "t", .column = "a", .expr = "DATE '2000-01-01' + a" };
    ASSERT_SD_OK(sd_plan_pg(&f->plan, f->cl, &u, 1, &err), &err);
    const sd_object *a = find(f->from, SD_KIND_COLUMN, "t", "a");
    assert_false(f->plan->retype_drop[a->index]);
    assert_false(f->plan->readd[a->index]);
    assert_true(f->plan->gone[SD_KIND_COLUMN][a->index]);
}

static void
test_default_detached_from_a_function_dropped_and_created(void **state)
{
    fixture *f = *state;
    default_calls(f->from, "integer");
    default_calls(f->to, "bigint");
    const sd_pg_plan *p = plan(f);

    const sd_object *fn = find(f->from, SD_KIND_FUNCTION, NULL, "f()");
    const sd_object *id = find(f->from, SD_KIND_COLUMN, "t", "id");
    const sd_change *ch = sd_changelist_find(f->cl, fn);
    assert_non_null(ch);
    assert_true(sd_plan_pg_alter_recreates(p, ch));
    assert_true(p->unhook[SD_KIND_COLUMN][id->index]);
    assert_true(p->redefault[id->index]);
    assert_false(p->readd[id->index]);
    assert_true(p->readd_table[find(f->to, SD_KIND_TABLE, NULL, "t")->index]);
    assert_int_equal(p->nstack, 1);
    assert_ptr_equal(p->stack[0], id);
}

/* Table m.p partitioned by key, with partition p1 for values from 0 to 10. */
static void
partitioned(sd_model *m, const char *key)
{
    sd_object *t = table(m, "p");
    sd_obj_set_str(m, t, SD_TABLE_PARTITION_KEY, key);
    col(m, "p", 1, "a", "integer");
    col(m, "p", 2, "b", "integer");
    sd_object *p1 = table(m, "p1");
    sd_obj_set_str(m, p1, SD_TABLE_PARTITION_OF, "public.p");
    sd_obj_set_str(m, p1, SD_TABLE_PARTITION_BOUND, "FOR VALUES FROM (0) TO (10)");
    col(m, "p1", 1, "a", "integer");
    col(m, "p1", 2, "b", "integer");
}

/* A statistics object in m with definition def on t's columns c1 and c2, or on t as a whole
 * when c1 is NULL: its dependencies as pg_depend records them. */
static void
stats(sd_model *m, const char *name, const char *def, const char *t, const char *c1, const char *c2)
{
    sd_object *o = add(m, SD_KIND_STATISTICS, NULL, name);
    sd_obj_set_sql(m, o, SD_STATISTICS_DEFINITION, def);
    sd_obj_set_int(o, SD_STATISTICS_TARGET, -1);
    if (c1 == NULL) {
        dep(m, o, SD_KIND_TABLE, NULL, t);
        return;
    }
    dep(m, o, SD_KIND_COLUMN, t, c1);
    dep(m, o, SD_KIND_COLUMN, t, c2);
}

static void
test_partition_key_change_rebuilds_with_partitions(void **state)
{
    fixture *f = *state;
    partitioned(f->from, "RANGE (a)");
    partitioned(f->to, "RANGE (b)");
    const sd_pg_plan *p = plan(f);

    const sd_object *fp = find(f->from, SD_KIND_TABLE, NULL, "p");
    const sd_object *fp1 = find(f->from, SD_KIND_TABLE, NULL, "p1");
    const sd_change *ch = sd_changelist_find(f->cl, fp);
    assert_non_null(ch);
    assert_true(sd_plan_pg_is_rebuild(p, ch));
    assert_ptr_equal(sd_plan_pg_rebuild_table(p, ch, true), fp);
    assert_ptr_equal(sd_plan_pg_rebuild_table(p, ch, false), find(f->to, SD_KIND_TABLE, NULL, "p"));
    assert_true(sd_plan_pg_rekeyed(p, fp));
    assert_true(sd_plan_pg_rekeyed(p, fp1));
    assert_true(p->rebuilt[find(f->to, SD_KIND_TABLE, NULL, "p")->index]);
    assert_true(p->rebuilt[find(f->to, SD_KIND_TABLE, NULL, "p1")->index]);
    assert_ptr_equal(sd_plan_pg_table_by_sql(p, "public.p1"),
                     find(f->to, SD_KIND_TABLE, NULL, "p1"));
}

static void
test_partition_key_change_takes_statistics(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        partitioned(ms[i], i == 0 ? "RANGE (a)" : "RANGE (b)");
        stats(ms[i], "s_expr", "CREATE STATISTICS public.s_expr ON (a + b) FROM public.p", "p",
              NULL, NULL);
        stats(ms[i], "s_p1", "CREATE STATISTICS public.s_p1 ON a, b FROM public.p1", "p1", "a",
              "b");
    }
    const sd_pg_plan *p = plan(f);
    static const char *const NAMES[] = { "s_expr", "s_p1" };
    for (size_t i = 0; i < SD_ARRAY_LEN(NAMES); i++) {
        assert_true(
            p->rdrop[SD_KIND_STATISTICS][find(f->from, SD_KIND_STATISTICS, NULL, NAMES[i])->index]);
        assert_true(
            p->rcreate[SD_KIND_STATISTICS][find(f->to, SD_KIND_STATISTICS, NULL, NAMES[i])->index]);
    }
}

static void
test_retype_takes_statistics_on_the_column_only(void **state)
{
    fixture *f = *state;
    sd_model *ms[] = { f->from, f->to };
    for (int i = 0; i < 2; i++) {
        table(ms[i], "t");
        col(ms[i], "t", 1, "a", i == 0 ? "integer" : "bigint");
        col(ms[i], "t", 2, "b", "text");
        col(ms[i], "t", 3, "c", "text");
        stats(ms[i], "s_ab", "CREATE STATISTICS public.s_ab ON a, b FROM public.t", "t", "a", "b");
        stats(ms[i], "s_bc", "CREATE STATISTICS public.s_bc ON b, c FROM public.t", "t", "b", "c");
    }
    const sd_pg_plan *p = plan(f);
    assert_true(
        p->rdrop[SD_KIND_STATISTICS][find(f->from, SD_KIND_STATISTICS, NULL, "s_ab")->index]);
    assert_true(
        p->rcreate[SD_KIND_STATISTICS][find(f->to, SD_KIND_STATISTICS, NULL, "s_ab")->index]);
    assert_false(
        p->rdrop[SD_KIND_STATISTICS][find(f->from, SD_KIND_STATISTICS, NULL, "s_bc")->index]);
    assert_false(
        p->rcreate[SD_KIND_STATISTICS][find(f->to, SD_KIND_STATISTICS, NULL, "s_bc")->index]);
}

static void
test_nothing_changes_nothing_planned(void **state)
{
    fixture *f = *state;
    views_over(f->from, "integer");
    views_over(f->to, "integer");
    const sd_pg_plan *p = plan(f);
    assert_int_equal(p->nstack, 0);
    assert_int_equal(p->npending, 0);
    assert_int_equal(p->nenum_adds, 0);
    assert_false(p->readd_any);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_retype_takes_views_over_the_column_only),
        T(test_drops_dependents_first_creates_after_dependencies),
        T(test_retype_without_cast_path_readds),
        T(test_retype_using_converts_in_place),
        T(test_default_detached_from_a_function_dropped_and_created),
        T(test_partition_key_change_rebuilds_with_partitions),
        T(test_retype_takes_statistics_on_the_column_only),
        T(test_partition_key_change_takes_statistics),
        T(test_nothing_changes_nothing_planned),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
