/*
 * test_plan.c: the plan container: steps tile the script in order, and what each step waits
 * for follows the models' dependencies, the same object and the guards before it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "diff/diff.h"
#include "plan/plan.h"
#include "support/model_builder.h"

typedef struct fixture {
    sd_model *from;
    sd_model *to;
    sd_changelist *cl;
    sd_plan *plan;
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
    sd_plan_free(f->plan);
    sd_changelist_free(f->cl);
    sd_model_free(f->from);
    sd_model_free(f->to);
    test_free(f);
    return 0;
}

/* A table t (a, b) in "to" with a view v over it; "from" is empty. */
static void
build(fixture *f)
{
    sdt_add(f->to, SD_KIND_TABLE, "public", NULL, "t");
    sdt_column(f->to, "public", "t", "a", 1, "integer");
    sdt_column(f->to, "public", "t", "b", 2, "text");
    sd_object *v = sdt_add(f->to, SD_KIND_VIEW, "public", NULL, "v");
    sd_err err = SD_ERR_INIT;
    sd_obj_add_dep(f->to, v, SD_KIND_TABLE, "public", NULL, "t");
    sdt_freeze(f->from);
    sdt_freeze(f->to);
    ASSERT_SD_OK(sd_diff_models(&f->cl, f->from, f->to, NULL, &err), &err);
    ASSERT_SD_OK(sd_plan_new(&f->plan, f->cl, &err), &err);
}

static void
append(fixture *f, sd_step_op op, const sd_object *to, size_t start)
{
    sd_err err = SD_ERR_INIT;
    sd_step s = { .op = op,
                  .kind = to != NULL ? to->kind : SD_KIND_TABLE,
                  .to = to,
                  .why = to != NULL ? SD_WHY_CHANGE : SD_WHY_SCRIPT,
                  .sql_start = start };
    ASSERT_SD_OK(sd_plan_append(f->plan, &s, &err), &err);
}

static void
test_steps_tile_the_script(void **state)
{
    fixture *f = *state;
    build(f);
    const sd_object *t = sd_model_find_table(f->to, "public", "t");
    append(f, SD_STEP_SETUP, NULL, 0);
    append(f, SD_STEP_CREATE, t, 7);
    append(f, SD_STEP_SETUP, NULL, 30);
    sd_plan_close(f->plan, 40);
    assert_int_equal(sd_plan_count(f->plan), 3);
    assert_int_equal(sd_plan_at(f->plan, 0)->sql_end, 7);
    assert_int_equal(sd_plan_at(f->plan, 1)->sql_start, 7);
    assert_int_equal(sd_plan_at(f->plan, 1)->sql_end, 30);
    assert_int_equal(sd_plan_at(f->plan, 2)->sql_end, 40);
    assert_null(sd_plan_at(f->plan, 3));
}

/* The view waits for its table's step; a guard waits for the step before it, and the step
 * after guards waits for them; strings are copied into the plan. */
static void
test_waits_for(void **state)
{
    fixture *f = *state;
    build(f);
    sd_err err = SD_ERR_INIT;
    const sd_object *t = sd_model_find_table(f->to, "public", "t");
    const sd_object *v = sd_model_find(f->to, SD_KIND_VIEW, "public", NULL, "v");
    const sd_object *b = sd_model_find(f->to, SD_KIND_COLUMN, "public", "t", "b");
    char loses[] = "table public.t and all its rows";
    append(f, SD_STEP_SETUP, NULL, 0); /* 0 */
    append(f, SD_STEP_CREATE, t, 1);   /* 1 */
    append(f, SD_STEP_GUARD, b, 2);    /* 2: after 1 */
    append(f, SD_STEP_GUARD, b, 3);    /* 3: after 2 */
    append(f, SD_STEP_ALTER, b, 4);    /* 4: guards 3, 2; its table 1 */
    append(f, SD_STEP_CREATE, v, 5);   /* 5: its table 1 */
    ASSERT_SD_OK(sd_plan_set_loses(f->plan, 1, loses, &err), &err);
    loses[0] = 'X';
    ASSERT_SD_OK(sd_plan_finish(f->plan, &err), &err);
    const sd_step *s = sd_plan_at(f->plan, 1);
    assert_string_equal(s->loses, "table public.t and all its rows");
    assert_int_equal(sd_plan_at(f->plan, 0)->nwaits, 0);
    assert_int_equal(s->nwaits, 0);
    s = sd_plan_at(f->plan, 2);
    assert_int_equal(s->nwaits, 1); /* the step before it, which is its column's table's */
    assert_int_equal(s->waits_for[0], 1);
    s = sd_plan_at(f->plan, 3);
    assert_int_equal(s->waits_for[0], 2);
    s = sd_plan_at(f->plan, 4);
    assert_int_equal(s->nwaits, 3);
    assert_int_equal(s->waits_for[0], 3);
    assert_int_equal(s->waits_for[1], 2);
    assert_int_equal(s->waits_for[2], 1);
    s = sd_plan_at(f->plan, 5);
    assert_int_equal(s->nwaits, 1);
    assert_int_equal(s->waits_for[0], 1);
}

static void
test_names(void **state)
{
    (void)state;
    assert_string_equal(sd_step_op_name(SD_STEP_REBUILD), "rebuild");
    assert_string_equal(sd_step_why_name(SD_WHY_AROUND), "around");
    assert_string_equal(sd_guard_kind_name(SD_GUARD_FOREIGN_KEYS), "foreign_keys");
    assert_string_equal(sd_txn_kind_name(SD_TXN_ENUM_VALUES), "enum_values");
    assert_string_equal(sd_step_op_name(SD_STEP__COUNT), "?");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_steps_tile_the_script, setup, teardown),
        cmocka_unit_test_setup_teardown(test_waits_for, setup, teardown),
        cmocka_unit_test_setup_teardown(test_names, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
