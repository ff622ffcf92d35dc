/*
 * test_plan_sqlite.c: the SQLite planner's decisions, read from its data rather than from SQL:
 * which column changes ALTER TABLE does in place and which rebuild the table, the views taken
 * away and brought back around a rebuild (and in which order, and why), the temporary name
 * when "<table>_sd_new" is taken, the foreign key guard of a rebuilt parent's child, and the
 * order of new tables through their foreign keys, loops included.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "diff/diff.h"
#include "plan/plan_sqlite.h"
#include "support/model_builder.h"
#include "support/short_builders.h"
#include "util/util.h"

typedef struct fixture {
    sd_model *from;
    sd_model *to;
    sd_changelist *cl;
    sd_sqlite_plan *plan;
} fixture;

static int
setup(void **state)
{
    fixture *f = test_calloc(1, sizeof(*f));
    f->from = sdt_model_new(SD_ENGINE_SQLITE);
    f->to = sdt_model_new(SD_ENGINE_SQLITE);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    sd_plan_sqlite_free(f->plan);
    sd_changelist_free(f->cl);
    sd_model_free(f->from);
    sd_model_free(f->to);
    test_free(f);
    return 0;
}

/* t(id INTEGER, a TEXT) in m. */
static void
t_id_a(sd_model *m)
{
    table(m, "t");
    col(m, "t", 0, "id", "INTEGER");
    col(m, "t", 1, "a", "TEXT");
}

/* A view with its text, reading the tables or views of deps ("v:" marks a view). */
static sd_object *
view(sd_model *m, const char *name, const char *sql, const char *dep)
{
    sd_object *o = add(m, SD_KIND_VIEW, NULL, name);
    sd_obj_set_sql(m, o, SD_VIEW_SQL, sql);
    if (strncmp(dep, "v:", 2) == 0)
        sd_obj_add_dep(m, o, SD_KIND_VIEW, "main", NULL, dep + 2);
    else
        sd_obj_add_dep(m, o, SD_KIND_TABLE, "main", NULL, dep);
    return o;
}

/* Freeze, diff and plan. */
static void
plan(fixture *f)
{
    sd_err err = SD_ERR_INIT;
    sdt_freeze(f->from);
    sdt_freeze(f->to);
    ASSERT_SD_OK(sd_diff_models(&f->cl, f->from, f->to, NULL, &err), &err);
    ASSERT_SD_OK(sd_plan_sqlite(&f->plan, f->cl, &err), &err);
}

static const sd_sqlite_table *
decision(const fixture *f, const char *name)
{
    const sd_object *t = sd_model_find_table(f->to, "main", name);
    assert_non_null(t);
    const sd_sqlite_table *d = sd_plan_sqlite_table(f->plan, t);
    assert_non_null(d);
    assert_ptr_equal(d->to, t);
    return d;
}

/* The steps' operations as "setup rebuild guard..." (guards as "guard:<kind>"). */
static const char *
ops(const fixture *f, char *buf, size_t cap)
{
    buf[0] = '\0';
    for (size_t i = 0; i < sd_plan_sqlite_count(f->plan); i++) {
        const sd_step *s = &sd_plan_sqlite_at(f->plan, i)->step;
        size_t len = strlen(buf);
        snprintf(buf + len, cap - len, "%s%s%s%s", i > 0 ? " " : "", sd_step_op_name(s->op),
                 s->op == SD_STEP_GUARD ? ":" : "",
                 s->op == SD_STEP_GUARD ? sd_guard_kind_name(s->guard) : "");
    }
    return buf;
}

static const sd_step *
step_at(const fixture *f, size_t i)
{
    const sd_sqlite_step *s = sd_plan_sqlite_at(f->plan, i);
    assert_non_null(s);
    return &s->step;
}

/* An added column with a constant default is an ALTER TABLE ADD COLUMN in place. */
static void
test_add_column_in_place(void **state)
{
    fixture *f = *state;
    char buf[256];
    t_id_a(f->from);
    t_id_a(f->to);
    dflt(f->to, not_null(col(f->to, "t", 2, "b", "TEXT")), "'x'");
    plan(f);
    const sd_sqlite_table *t = decision(f, "t");
    assert_false(t->rebuild);
    assert_null(t->temp_name);
    assert_string_equal(ops(f, buf, sizeof(buf)), "setup create setup");
    const sd_sqlite_step *s = sd_plan_sqlite_at(f->plan, 1);
    assert_int_equal(s->step.kind, SD_KIND_COLUMN);
    assert_string_equal(s->step.to->name, "b");
    assert_ptr_equal(s->table, t);
}

/* ADD COLUMN cannot add NOT NULL without a default: the table is rebuilt, because of that
 * column, and the copy keeps the columns both sides have. */
static void
test_add_column_forces_rebuild(void **state)
{
    fixture *f = *state;
    char buf[256];
    t_id_a(f->from);
    t_id_a(f->to);
    not_null(col(f->to, "t", 2, "b", "TEXT"));
    plan(f);
    const sd_sqlite_table *t = decision(f, "t");
    assert_true(t->rebuild);
    assert_string_equal(t->because->name, "b");
    assert_string_equal(t->temp_name, "t_sd_new");
    assert_int_equal(t->nkept, 2);
    assert_string_equal(t->kept[0]->name, "id");
    assert_string_equal(t->kept[1]->name, "a");
    assert_string_equal(ops(f, buf, sizeof(buf)), "setup rebuild guard:rows_kept swap setup");
    assert_string_equal(step_at(f, 1)->temp_name, "t_sd_new");
    assert_string_equal(step_at(f, 3)->temp_name, "t_sd_new");
}

/* DROP COLUMN in place, unless something that stays names the column (a CHECK); a type
 * change always rebuilds, and a column that becomes NOT NULL is guarded before the copy. */
static void
test_drop_and_alter_columns(void **state)
{
    fixture *f = *state;
    char buf[256];
    t_id_a(f->from);
    table(f->to, "t");
    col(f->to, "t", 0, "id", "INTEGER");
    table(f->from, "u");
    col(f->from, "u", 0, "id", "INTEGER");
    col(f->from, "u", 1, "a", "TEXT");
    check(f->from, "u", "c", "length(A) > 0");
    table(f->to, "u");
    col(f->to, "u", 0, "id", "INTEGER");
    check(f->to, "u", "c", "length(A) > 0"); /* unchanged: only the rule can rebuild u */
    table(f->from, "w");
    col(f->from, "w", 0, "id", "TEXT");
    table(f->to, "w");
    not_null(col(f->to, "w", 0, "id", "INTEGER"));
    plan(f);
    assert_false(decision(f, "t")->rebuild);
    assert_true(decision(f, "u")->rebuild);
    assert_string_equal(decision(f, "u")->because->name, "a");
    assert_true(decision(f, "w")->rebuild);
    assert_int_equal(decision(f, "w")->because->kind, SD_KIND_COLUMN);
    assert_string_equal(ops(f, buf, sizeof(buf)),
                        "setup rebuild guard:rows_kept guard:not_null rebuild guard:rows_kept "
                        "swap swap drop setup");
    const sd_step *drop = step_at(f, 8);
    assert_int_equal(drop->kind, SD_KIND_COLUMN);
    assert_string_equal(drop->from->table, "t");
}

/* A view over a rebuilt table goes before the rebuild and comes back after the swap, the view
 * over it first out and last in; both say the table's rebuild brings them. */
static void
test_views_around_rebuild(void **state)
{
    fixture *f = *state;
    char buf[256];
    sd_model *m[] = { f->from, f->to };
    for (size_t i = 0; i < 2; i++) {
        table(m[i], "t");
        col(m[i], "t", 0, "id", "INTEGER");
        col(m[i], "t", 1, "a", i == 0 ? "TEXT" : "INTEGER");
        view(m[i], "outer_v", "CREATE VIEW outer_v AS SELECT id FROM base_v", "v:base_v");
        view(m[i], "base_v", "CREATE VIEW base_v AS SELECT id FROM t", "t");
    }
    plan(f);
    assert_true(decision(f, "t")->rebuild);
    assert_string_equal(ops(f, buf, sizeof(buf)),
                        "setup drop drop rebuild guard:rows_kept swap create create setup");
    const sd_object *t_from = sd_model_find_table(f->from, "main", "t");
    const char *order[] = { "outer_v", "base_v", NULL, NULL, NULL, "base_v", "outer_v" };
    for (size_t i = 1; i <= 6; i++) {
        if (order[i - 1] == NULL)
            continue;
        const sd_step *s = step_at(f, i);
        const sd_object *o = s->to != NULL ? s->to : s->from;
        assert_int_equal(s->kind, SD_KIND_VIEW);
        assert_string_equal(o->name, order[i - 1]);
        assert_int_equal(s->why, SD_WHY_AROUND);
        assert_non_null(s->cause);
    }
    /* base_v goes because t is rebuilt; outer_v because base_v goes. */
    assert_ptr_equal(step_at(f, 2)->cause, t_from);
    assert_string_equal(step_at(f, 1)->cause->name, "base_v");
    assert_ptr_equal(step_at(f, 6)->cause, t_from);
}

/* "<table>_sd_new" and "<table>_sd_new2" are taken (by a table and, in another case, an
 * index): the replacement is "t_sd_new3". */
static void
test_temporary_name_collision(void **state)
{
    fixture *f = *state;
    sd_model *m[] = { f->from, f->to };
    for (size_t i = 0; i < 2; i++) {
        table(m[i], "t");
        col(m[i], "t", 0, "id", "INTEGER");
        col(m[i], "t", 1, "a", i == 0 ? "TEXT" : "INTEGER");
        table(m[i], "t_sd_new");
        col(m[i], "t_sd_new", 0, "id", "INTEGER");
    }
    sd_object *ix = add(f->to, SD_KIND_INDEX, "t_sd_new", "T_SD_NEW2");
    sd_keypart kp = { .column = "id" };
    sd_obj_add_key(f->to, ix, SD_INDEX_KEYS, &kp);
    plan(f);
    assert_true(decision(f, "t")->rebuild);
    assert_false(decision(f, "t_sd_new")->rebuild);
    assert_string_equal(decision(f, "t")->temp_name, "t_sd_new3");
}

/* A rebuilt parent's kept child is checked for foreign keys before COMMIT; an untouched
 * table without foreign keys is not. */
static void
test_foreign_key_guard_of_child(void **state)
{
    fixture *f = *state;
    char buf[256];
    sd_model *m[] = { f->from, f->to };
    for (size_t i = 0; i < 2; i++) {
        table(m[i], "p");
        col(m[i], "p", 0, "id", i == 0 ? "TEXT" : "INTEGER");
        table(m[i], "c");
        col(m[i], "c", 0, "p_id", "INTEGER");
        sd_object *fk = add(m[i], SD_KIND_FOREIGN_KEY, "c", NULL);
        names(m[i], fk, SD_FK_COLUMNS, "p_id");
        sd_obj_set_str(m[i], fk, SD_FK_REF_TABLE, "p");
        names(m[i], fk, SD_FK_REF_COLUMNS, "id");
        table(m[i], "z");
        col(m[i], "z", 0, "id", "INTEGER");
    }
    plan(f);
    assert_false(decision(f, "c")->rebuild);
    assert_true(decision(f, "p")->rebuild);
    assert_string_equal(ops(f, buf, sizeof(buf)),
                        "setup rebuild guard:rows_kept swap guard:foreign_keys setup");
    assert_string_equal(step_at(f, 4)->to->name, "c");
}

/* A foreign key of table t on column r, to table ref. */
static void
fk_to(sd_model *m, const char *t, const char *ref)
{
    sd_object *fk = add(m, SD_KIND_FOREIGN_KEY, t, NULL);
    names(m, fk, SD_FK_COLUMNS, "r");
    sd_obj_set_str(m, fk, SD_FK_REF_TABLE, ref);
}

/* New tables come after the new tables they reference, else in canonical order; a loop (a and
 * b reference each other, which SQLite does not mind) is sorted once nothing else is ready,
 * its earliest table last of it. */
static void
test_new_tables_order_and_loop(void **state)
{
    fixture *f = *state;
    static const char *const NAMES[] = { "a", "b", "c", "d" };
    for (size_t i = 0; i < SD_ARRAY_LEN(NAMES); i++) {
        table(f->to, NAMES[i]);
        col(f->to, NAMES[i], 0, "r", "INTEGER");
    }
    fk_to(f->to, "a", "b");
    fk_to(f->to, "b", "a");
    fk_to(f->to, "c", "d");
    plan(f);
    const char *want[] = { "d", "c", "b", "a" };
    assert_int_equal(sd_plan_sqlite_count(f->plan), 2 + SD_ARRAY_LEN(want));
    for (size_t i = 0; i < SD_ARRAY_LEN(want); i++) {
        const sd_step *s = step_at(f, 1 + i);
        assert_int_equal(s->op, SD_STEP_CREATE);
        assert_string_equal(s->to->name, want[i]);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_add_column_in_place, setup, teardown),
        cmocka_unit_test_setup_teardown(test_add_column_forces_rebuild, setup, teardown),
        cmocka_unit_test_setup_teardown(test_drop_and_alter_columns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_views_around_rebuild, setup, teardown),
        cmocka_unit_test_setup_teardown(test_temporary_name_collision, setup, teardown),
        cmocka_unit_test_setup_teardown(test_foreign_key_guard_of_child, setup, teardown),
        cmocka_unit_test_setup_teardown(test_new_tables_order_and_loop, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
