/*
 * test_emit_preflight.c: the preflight checks (emit_preflight.c): which changes get a count
 * query, the exact query, and what is left out (renamed tables, retyped key columns, a key
 * that the old object already guaranteed). Models are built in C; the queries run against a
 * real database in cli.sqlite.client_matrix and cli.pg.client_matrix.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diff/diff.h"
#include "emit/emit.h"
#include "model/model.h"
#include "support/model_builder.h"
#include "support/short_builders.h"
#include "util/buf.h"
#include "util/err.h"

typedef struct fixture {
    sd_model *from;
    sd_model *to;
    sd_changelist *cl;
    sd_plan *plan;
    sd_preflight_list checks;
    sd_buf text; /* every check as "query | blocker for count 2" lines */
} fixture;

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof(*f));
    if (f == NULL)
        return -1;
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    sd_preflight_list_dispose(&f->checks);
    sd_plan_free(f->plan);
    sd_changelist_free(f->cl);
    sd_model_free(f->from);
    sd_model_free(f->to);
    sd_buf_dispose(&f->text);
    free(f);
    return 0;
}

static void
start(fixture *f, sd_engine e)
{
    f->from = sdt_model_new(e);
    f->to = sdt_model_new(e);
}

/* Diff, emit, and list the checks; renames as rename hints. */
static const char *
run_renames(fixture *f, const char *const *renames, size_t nrenames)
{
    sd_err err = SD_ERR_INIT;
    sd_buf sql = SD_BUF_INIT;
    sdt_freeze(f->from);
    sdt_freeze(f->to);
    sd_diff_options dopts = { .renames = renames, .nrenames = nrenames };
    sd_emit_options eopts = { .plain = true };
    ASSERT_SD_OK(sd_diff_models(&f->cl, f->from, f->to, &dopts, &err), &err);
    ASSERT_SD_OK(sd_emit_plan(&sql, &f->plan, f->cl, &eopts, &err), &err);
    ASSERT_SD_OK(sd_emit_preflight(f->plan, NULL, &f->checks, &err), &err);
    for (size_t i = 0; i < f->checks.len; i++) {
        sd_buf_append(&f->text, f->checks.items[i].query);
        sd_buf_append(&f->text, " | ");
        sd_preflight_blocker(&f->text, &f->checks.items[i], 2);
        sd_buf_putc(&f->text, '\n');
    }
    sd_buf_dispose(&sql);
    assert_false(sd_buf_failed(&f->text));
    return sd_buf_cstr(&f->text);
}

static const char *
run(fixture *f)
{
    return run_renames(f, NULL, 0);
}

/* t(id, x) on both sides; x gets more in "to" from the caller. */
static sd_object *
base(sd_model *m, const char *xtype)
{
    table(m, "t");
    col(m, "t", 0, "id", "integer");
    pk(m, "t", "t_pkey", "id");
    return col(m, "t", 1, "x", xtype);
}

static void
test_not_null_counts_nulls(void **state)
{
    fixture *f = *state;
    start(f, SD_ENGINE_PG);
    base(f->from, "text");
    not_null(base(f->to, "text"));
    assert_string_equal(run(f), "SELECT count(*) FROM public.t WHERE x IS NULL | column "
                                "public.t.x has 2 NULLs (the target makes it NOT NULL)\n");
}

static void
test_new_not_null_column_without_default_counts_rows(void **state)
{
    fixture *f = *state;
    start(f, SD_ENGINE_SQLITE);
    base(f->from, "TEXT");
    base(f->to, "TEXT");
    not_null(col(f->to, "t", 2, "y", "TEXT"));
    dflt(f->to, not_null(col(f->to, "t", 3, "z", "TEXT")), "''");
    assert_string_equal(run(f), "SELECT count(*) FROM main.t | table main.t has 2 rows (the target "
                                "adds column y NOT NULL without a default)\n");
}

static void
test_unique_counts_duplicates_nulls_apart(void **state)
{
    fixture *f = *state;
    start(f, SD_ENGINE_PG);
    base(f->from, "text");
    base(f->to, "text");
    unique(f->to, "t", "t_x_key", "x");
    assert_string_equal(
        run(f), "SELECT count(*) FROM (SELECT 1 FROM ONLY public.t WHERE x IS NOT NULL "
                "GROUP BY x HAVING count(*) > 1) AS d | table public.t has 2 duplicated values of "
                "(x) (the target adds unique constraint public.t.t_x_key)\n");
}

static void
test_unique_on_retyped_column_is_left_to_the_script(void **state)
{
    fixture *f = *state;
    start(f, SD_ENGINE_PG);
    base(f->from, "text");
    base(f->to, "integer");
    unique(f->to, "t", "t_x_key", "x");
    assert_string_equal(run(f), "");
}

static void
test_foreign_key_counts_orphans(void **state)
{
    fixture *f = *state;
    start(f, SD_ENGINE_SQLITE);
    for (int side = 0; side < 2; side++) {
        sd_model *m = side == 0 ? f->from : f->to;
        base(m, "INTEGER");
        table(m, "p");
        col(m, "p", 0, "id", "INTEGER");
        pk(m, "p", NULL, "id");
    }
    sd_object *fk = add(f->to, SD_KIND_FOREIGN_KEY, "t", "t_x_fk");
    names(f->to, fk, SD_FK_COLUMNS, "x");
    sd_obj_set_str(f->to, fk, SD_FK_REF_TABLE, "p");
    assert_string_equal(run(f),
                        "SELECT count(*) FROM main.t AS c WHERE c.x IS NOT NULL AND NOT "
                        "EXISTS (SELECT 1 FROM main.p AS p WHERE p.id = c.x) | table main.t "
                        "has 2 rows with (x) matching no row of main.p (the target adds "
                        "foreign key main.t.t_x_fk)\n");
}

static void
test_check_is_optional(void **state)
{
    fixture *f = *state;
    start(f, SD_ENGINE_SQLITE);
    base(f->from, "INTEGER");
    base(f->to, "INTEGER");
    check(f->to, "t", "pos", "x > 0");
    run(f);
    assert_int_equal(f->checks.len, 1);
    assert_true(f->checks.items[0].optional);
    assert_string_equal(f->checks.items[0].query, "SELECT count(*) FROM main.t WHERE NOT (x > 0)");
}

static void
test_check_over_new_column_is_left_to_the_script(void **state)
{
    fixture *f = *state;
    start(f, SD_ENGINE_SQLITE);
    base(f->from, "INTEGER");
    base(f->to, "INTEGER");
    col(f->to, "t", 2, "y", "INTEGER");
    check(f->to, "t", "pos", "y > 0");
    assert_string_equal(run(f), "");
}

/* PostgreSQL: a NO INHERIT CHECK holds for the parent's own rows, an inherited one for its
 * children's too (an inheritance child's rows are the parent's unless ONLY). */
static void
test_no_inherit_check_reads_only_the_parent(void **state)
{
    fixture *f = *state;
    start(f, SD_ENGINE_PG);
    base(f->from, "integer");
    base(f->to, "integer");
    sd_obj_set_bool(check(f->to, "t", "own", "(x > 0)"), SD_CHECK_NO_INHERIT, true);
    check(f->to, "t", "all", "(x < 9)");
    run(f);
    assert_int_equal(f->checks.len, 2);
    assert_string_equal(f->checks.items[0].query,
                        "SELECT count(*) FROM public.t WHERE NOT ((x < 9))");
    assert_string_equal(f->checks.items[1].query,
                        "SELECT count(*) FROM ONLY public.t WHERE NOT ((x > 0))");
}

/* The live database still has the old name, which the renamed copy of "from" lacks. */
static void
test_renamed_column_is_left_to_the_script(void **state)
{
    fixture *f = *state;
    start(f, SD_ENGINE_PG);
    table(f->from, "t");
    col(f->from, "t", 0, "old", "text");
    table(f->to, "t");
    not_null(col(f->to, "t", 0, "x", "text"));
    const char *hint = "column:public.t.old=x";
    assert_string_equal(run_renames(f, &hint, 1), "");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_not_null_counts_nulls, setup, teardown),
        cmocka_unit_test_setup_teardown(test_new_not_null_column_without_default_counts_rows, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_unique_counts_duplicates_nulls_apart, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unique_on_retyped_column_is_left_to_the_script, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_foreign_key_counts_orphans, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_is_optional, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_over_new_column_is_left_to_the_script, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_no_inherit_check_reads_only_the_parent, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_renamed_column_is_left_to_the_script, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
