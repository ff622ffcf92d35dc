/*
 * test_diff.c: unit tests for the diff (diff/): matching, per-field comparison, flags, column
 * order (notes versus strict drift), change ordering (drops first, dependencies, grouping of
 * owned objects), cycle errors, lookups and determinism.
 *
 * Models are built in C (no database). Most assertions compare a rendering of the whole
 * change list, one line per change, so both the content and the order are checked; every
 * list also goes through check_invariants(), which cross-checks the records, the drift count
 * and sd_changelist_find().
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

#include "diff/diff.h"
#include "model/model.h"
#include "support/model_builder.h"
#include "util/buf.h"
#include "util/err.h"

/* ---- helpers ---- */

/* A model with schema "main" already in it. */
static sd_model *
new_model(sd_engine e)
{
    sd_model *m = sdt_model_new(e);
    sdt_add(m, SD_KIND_SCHEMA, "main", NULL, "main");
    return m;
}

/* Objects in schema main. */
static sd_object *
add(sd_model *m, sd_kind kind, const char *table, const char *name)
{
    return sdt_add(m, kind, "main", table, name);
}

static sd_object *
add_column(sd_model *m, const char *table, const char *name, int64_t pos, const char *type)
{
    return sdt_column(m, "main", table, name, pos, type);
}

/* Table name with columns from a comma-separated list, positions 1..n, all "int". */
static sd_object *
add_table_cols(sd_model *m, const char *name, const char *cols)
{
    sd_object *t = add(m, SD_KIND_TABLE, NULL, name);
    char *buf = strdup(cols);
    assert_non_null(buf);
    int64_t pos = 1;
    for (char *p = buf; *p != '\0';) {
        char *comma = strchr(p, ',');
        if (comma != NULL)
            *comma = '\0';
        add_column(m, name, p, pos++, "int");
        if (comma == NULL)
            break;
        p = comma + 1;
    }
    free(buf);
    return t;
}

/* A view with SQL text and dependencies on other views (comma-separated, may be NULL). */
static sd_object *
add_view(sd_model *m, const char *name, const char *sql, const char *view_deps)
{
    sd_object *v = add(m, SD_KIND_VIEW, NULL, name);
    sd_obj_set_sql(m, v, SD_VIEW_SQL, sql);
    if (view_deps == NULL)
        return v;
    char buf[256];
    snprintf(buf, sizeof(buf), "%s", view_deps);
    for (char *p = buf; *p != '\0';) {
        char *comma = strchr(p, ',');
        if (comma != NULL)
            *comma = '\0';
        sd_obj_add_dep(m, v, SD_KIND_VIEW, "main", NULL, p);
        if (comma == NULL)
            break;
        p = comma + 1;
    }
    return v;
}

static const sd_object *
subject(const sd_change *c)
{
    return c->op == SD_OP_DROP ? c->from : c->to;
}

static void
append_field_names(sd_buf *b, sd_kind kind, uint64_t bits)
{
    const sd_kind_info *ki = sd_kind_get(kind);
    bool first = true;
    for (size_t f = 0; f < ki->nfields; f++) {
        if (!(bits & (UINT64_C(1) << f)))
            continue;
        if (!first)
            sd_buf_putc(b, ',');
        sd_buf_append(b, ki->fields[f].name);
        first = false;
    }
    if (bits & (UINT64_C(1) << SD_CHANGE_NAME_BIT))
        sd_buf_append(b, first ? "name" : ",name");
}

/*
 * One line per change: "op description [drift fields] note[note fields] !flags", e.g.
 * "alter column main.t.b [type] !type" or "alter column main.t.c note[position] !note".
 */
static char *
render(const sd_changelist *cl)
{
    sd_buf b = SD_BUF_INIT;
    for (size_t i = 0; i < sd_changelist_count(cl); i++) {
        const sd_change *c = sd_changelist_at(cl, i);
        if (i > 0)
            sd_buf_putc(&b, '\n');
        sd_buf_append(&b, sd_op_name(c->op));
        sd_buf_putc(&b, ' ');
        sd_object_describe(&b, subject(c));
        if (c->fields != 0) {
            sd_buf_append(&b, " [");
            append_field_names(&b, c->kind, c->fields);
            sd_buf_putc(&b, ']');
        }
        if (c->notes != 0) {
            sd_buf_append(&b, " note[");
            append_field_names(&b, c->kind, c->notes);
            sd_buf_putc(&b, ']');
        }
        if (c->flags & SD_CHG_LOSES_DATA)
            sd_buf_append(&b, " !loses");
        if (c->flags & SD_CHG_TYPE_CHANGE)
            sd_buf_append(&b, " !type");
        if (c->flags & SD_CHG_NOTE_ONLY)
            sd_buf_append(&b, " !note");
        if (c->flags & SD_CHG_DEFERRED)
            sd_buf_append(&b, " !deferred");
    }
    assert_false(sd_buf_failed(&b));
    return sd_buf_take(&b);
}

/*
 * For the deferred part at position i of the list: the change that creates its object, which
 * comes earlier (NULL for a column or constraint of a new table: that table's CREATE, checked
 * here, creates it).
 */
static const sd_change *
created_before(const sd_changelist *cl, size_t i, const sd_object *o)
{
    const sd_object *creator = o->owner != NULL ? o->owner : o;
    for (size_t j = 0; j < i; j++) {
        const sd_change *d = sd_changelist_at(cl, j);
        if (d->to == creator && d->op == SD_OP_CREATE && !(d->flags & SD_CHG_DEFERRED))
            return o->owner != NULL ? NULL : d;
    }
    fail_msg("deferred part of %s before its creation", o->key);
    return NULL;
}

/* Consistency of every record with the models, the flags, the drift count and find(). */
static void
check_invariants(const sd_changelist *cl)
{
    size_t drift = 0;
    for (size_t i = 0; i < sd_changelist_count(cl); i++) {
        const sd_change *c = sd_changelist_at(cl, i);
        assert_non_null(c);
        switch (c->op) {
        case SD_OP_CREATE:
            assert_null(c->from);
            assert_non_null(c->to);
            if (!(c->flags & SD_CHG_DEFERRED))
                assert_int_equal(c->fields, 0);
            assert_int_equal(c->notes, 0);
            break;
        case SD_OP_DROP:
            assert_non_null(c->from);
            assert_null(c->to);
            assert_int_equal(c->fields, 0);
            assert_int_equal(c->notes, 0);
            break;
        case SD_OP_ALTER:
            assert_non_null(c->from);
            assert_non_null(c->to);
            assert_true((c->fields | c->notes) != 0);
            assert_string_equal(c->from->key, c->to->key);
            break;
        case SD_OP__COUNT:
            fail();
            break;
        }
        if (c->from != NULL) {
            assert_int_equal(c->from->kind, c->kind);
            assert_ptr_equal(sd_model_at(sd_changelist_from(cl), c->kind, c->from->index), c->from);
            assert_ptr_equal(sd_changelist_find(cl, c->from), c);
        }
        bool deferred = (c->flags & SD_CHG_DEFERRED) != 0;
        if (c->to != NULL) {
            assert_int_equal(c->to->kind, c->kind);
            assert_ptr_equal(sd_model_at(sd_changelist_to(cl), c->kind, c->to->index), c->to);
            assert_ptr_equal(sd_changelist_find(cl, c->to),
                             deferred ? created_before(cl, i, c->to) : c);
            assert_true(deferred == (sd_changelist_deferred(cl, c->to) == c));
        }
        bool note_only = c->op == SD_OP_ALTER && c->fields == 0;
        assert_int_equal((c->flags & SD_CHG_NOTE_ONLY) != 0, note_only);
        if (!note_only && !deferred)
            drift++;
        bool loses = c->op == SD_OP_DROP && (c->kind == SD_KIND_TABLE || c->kind == SD_KIND_COLUMN);
        assert_int_equal((c->flags & SD_CHG_LOSES_DATA) != 0, loses);
        bool type = c->op == SD_OP_ALTER && c->kind == SD_KIND_COLUMN &&
                    (c->fields & (UINT64_C(1) << SD_COLUMN_TYPE)) != 0;
        assert_int_equal((c->flags & SD_CHG_TYPE_CHANGE) != 0, type);
        /* An object appears in at most one change (and its deferred part). */
        for (size_t j = 0; j < i; j++) {
            const sd_change *d = sd_changelist_at(cl, j);
            if (deferred || (d->flags & SD_CHG_DEFERRED))
                continue;
            assert_false(c->from != NULL && d->from == c->from);
            assert_false(c->to != NULL && d->to == c->to);
        }
    }
    /* A rename is drift of its own. */
    assert_int_equal(sd_changelist_drift_count(cl), drift + sd_changelist_rename_count(cl));
    assert_null(sd_changelist_at(cl, sd_changelist_count(cl)));
}

static sd_changelist *
diff_ok(const sd_model *from, const sd_model *to, bool strict)
{
    sd_diff_options opts = { .strict_column_order = strict };
    sd_err err = SD_ERR_INIT;
    sd_changelist *cl = NULL;
    sd_status rc = sd_diff_models(&cl, from, to, &opts, &err);
    ASSERT_SD_OK(rc, &err);
    assert_non_null(cl);
    assert_ptr_equal(sd_changelist_from(cl), from);
    assert_ptr_equal(sd_changelist_to(cl), to);
    check_invariants(cl);
    return cl;
}

/* Diff from -> to and compare the rendering with expect ("" for no changes). */
static void
expect_diff(const sd_model *from, const sd_model *to, bool strict, const char *expect, size_t drift)
{
    sd_changelist *cl = diff_ok(from, to, strict);
    char *got = render(cl);
    if (strcmp(got, expect) != 0)
        print_error("diff (strict=%d) got:\n%s\n-- expected:\n%s\n", strict, got, expect);
    assert_string_equal(got, expect);
    assert_int_equal(sd_changelist_drift_count(cl), drift);
    free(got);
    sd_changelist_free(cl);
}

/* ---- identical models ---- */

static sd_model *
build_shop(bool reverse)
{
    sd_model *m = new_model(SD_ENGINE_PG);
    if (reverse) {
        add_view(m, "v2", "SELECT * FROM v1", "v1");
        add_view(m, "v1", "SELECT id FROM orders", NULL);
        add_table_cols(m, "orders", "id,customer_id,total");
        add_table_cols(m, "customers", "id,name");
    } else {
        add_table_cols(m, "customers", "id,name");
        add_table_cols(m, "orders", "id,customer_id,total");
        add_view(m, "v1", "SELECT id FROM orders", NULL);
        add_view(m, "v2", "SELECT * FROM v1", "v1");
    }
    sd_object *pk = add(m, SD_KIND_PRIMARY_KEY, "orders", NULL);
    sd_obj_add_name(m, pk, SD_PK_COLUMNS, "id");
    sd_object *fk = add(m, SD_KIND_FOREIGN_KEY, "orders", "orders_customer_fk");
    sd_obj_add_name(m, fk, SD_FK_COLUMNS, "customer_id");
    sd_obj_set_str(m, fk, SD_FK_REF_TABLE, "customers");
    sd_obj_add_name(m, fk, SD_FK_REF_COLUMNS, "id");
    sd_object *ix = add(m, SD_KIND_INDEX, "orders", "orders_total_idx");
    sd_keypart kp = { .column = "total" };
    sd_obj_add_key(m, ix, SD_INDEX_KEYS, &kp);
    sdt_freeze(m);
    return m;
}

static void
test_identical_models(void **state)
{
    (void)state;
    sd_model *a = build_shop(false);
    sd_model *b = build_shop(true);
    /* Equal schemas built in different orders: equal fingerprints, nothing to do. */
    assert_int_equal(sd_model_fingerprint(a), sd_model_fingerprint(b));
    expect_diff(a, b, false, "", 0);
    expect_diff(a, b, true, "", 0);
    expect_diff(a, a, false, "", 0);
    sd_changelist *cl = diff_ok(a, b, false);
    assert_int_equal(sd_changelist_count(cl), 0);
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        for (size_t i = 0; i < sd_model_count(a, (sd_kind)k); i++) {
            assert_null(sd_changelist_find(cl, sd_model_at(a, (sd_kind)k, i)));
            assert_null(sd_changelist_find(cl, sd_model_at(b, (sd_kind)k, i)));
        }
    }
    sd_changelist_free(cl);
    sd_changelist_free(NULL);

    /* NULL options mean the defaults (column order is a note, not drift). */
    sd_model *c = new_model(SD_ENGINE_PG);
    add_table_cols(c, "orders", "id,total,customer_id");
    add_table_cols(c, "customers", "id,name");
    sdt_freeze(c);
    sd_model *d = new_model(SD_ENGINE_PG);
    add_table_cols(d, "orders", "id,customer_id,total");
    add_table_cols(d, "customers", "id,name");
    sdt_freeze(d);
    sd_err err = SD_ERR_INIT;
    sd_status rc = sd_diff_models(&cl, c, d, NULL, &err);
    ASSERT_SD_OK(rc, &err);
    assert_int_equal(sd_changelist_count(cl), 1); /* total moved, not customer_id too */
    assert_int_equal(sd_changelist_drift_count(cl), 0);
    sd_changelist_free(cl);
    sd_model_free(c);
    sd_model_free(d);
    sd_model_free(a);
    sd_model_free(b);
}

/*
 * The fast path: when the model fingerprints agree, objects are not compared at all. Two
 * models whose only difference is outside the fingerprint (dependencies) give no changes.
 */
static void
test_fast_path_equal_fingerprints(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_SQLITE);
    add_table_cols(a, "t", "a");
    add_view(a, "v", "SELECT a FROM t", NULL);
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_SQLITE);
    add_table_cols(b, "t", "a");
    sd_object *v = add_view(b, "v", "select a  from t", NULL);
    sd_obj_add_dep(b, v, SD_KIND_TABLE, "main", NULL, "t");
    sdt_freeze(b);
    assert_int_equal(sd_model_fingerprint(a), sd_model_fingerprint(b));
    expect_diff(a, b, false, "", 0);
    expect_diff(b, a, true, "", 0);
    sd_model_free(a);
    sd_model_free(b);
}

static void
test_engine_mismatch(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_SQLITE);
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_PG);
    sdt_freeze(b);
    sd_err err = SD_ERR_INIT;
    static max_align_t dummy;
    sd_changelist *cl = (sd_changelist *)(void *)&dummy; /* must be reset to NULL */
    assert_int_equal(sd_diff_models(&cl, a, b, NULL, &err), SD_ERR);
    assert_null(cl);
    assert_int_equal(err.code, SD_ERR);
    ASSERT_CONTAINS(err.msg, "sqlite");
    ASSERT_CONTAINS(err.msg, "postgresql");
    sd_model_free(a);
    sd_model_free(b);
}

/* ---- create / drop / alter, generically over the registry ---- */

/* The schema of object "o" of kind k: its own name, none for a database-wide kind, else main. */
static const char *
kind_schema(sd_kind k)
{
    return k == SD_KIND_SCHEMA ? "o" : sd_kind_is_database_wide(k) ? NULL : "main";
}

/* Base: table t (column c) and table other (column c); plus, when with, object "o" of kind k. */
static sd_model *
build_kind_model(sd_engine e, sd_kind k, bool with)
{
    const sd_kind_info *ki = sd_kind_get(k);
    sd_model *m = new_model(e);
    add_table_cols(m, "t", "c");
    add_table_cols(m, "other", "c");
    if (with)
        sdt_add(m, k, kind_schema(k), ki->has_table ? "t" : NULL, "o");
    sdt_freeze(m);
    return m;
}

static void
test_create_drop_every_kind(void **state)
{
    (void)state;
    size_t checked = 0;
    for (int e = 0; e < SD_ENGINE__COUNT; e++) {
        for (size_t k = 0; k < SD_KIND__COUNT; k++) {
            if (!sd_kind_for_engine(sd_kind_get((sd_kind)k), (sd_engine)e))
                continue; /* PostgreSQL kinds need PostgreSQL models */
            checked++;
            sd_model *without = build_kind_model((sd_engine)e, (sd_kind)k, false);
            sd_model *with = build_kind_model((sd_engine)e, (sd_kind)k, true);
            const sd_kind_info *ki = sd_kind_get((sd_kind)k);
            const sd_object *o = sd_model_find(with, (sd_kind)k, kind_schema((sd_kind)k),
                                               ki->has_table ? "t" : NULL, "o");
            assert_non_null(o);

            sd_changelist *cl = diff_ok(without, with, false);
            assert_int_equal(sd_changelist_count(cl), 1);
            const sd_change *c = sd_changelist_at(cl, 0);
            assert_int_equal(c->op, SD_OP_CREATE);
            assert_int_equal(c->kind, k);
            assert_ptr_equal(c->to, o);
            assert_int_equal(c->flags, 0);
            assert_int_equal(sd_changelist_drift_count(cl), 1);
            sd_changelist_free(cl);

            cl = diff_ok(with, without, false);
            assert_int_equal(sd_changelist_count(cl), 1);
            c = sd_changelist_at(cl, 0);
            assert_int_equal(c->op, SD_OP_DROP);
            assert_int_equal(c->kind, k);
            assert_ptr_equal(c->from, o);
            assert_int_equal(c->flags,
                             k == SD_KIND_TABLE || k == SD_KIND_COLUMN ? SD_CHG_LOSES_DATA : 0);
            sd_changelist_free(cl);
            sd_model_free(without);
            sd_model_free(with);
        }
    }
    assert_int_equal(checked, SD_KIND__COUNT + 10); /* PostgreSQL: all; SQLite: 10 kinds */
}

/*
 * Diff a model with field f of the kind's object at variant va against one at variant vb, in
 * both column-order modes. Returns the number of lists checked (0 when a variant is missing).
 */
static size_t
check_alter_pair(sd_engine e, sd_kind k, size_t f, int va, int vb)
{
    const sd_kind_info *ki = sd_kind_get(k);
    bool ok_a = false;
    bool ok_b = false;
    size_t checked = 0;
    sd_model *a = sdt_field_model(e, k, f, va, &ok_a);
    sd_model *b = sdt_field_model(e, k, f, vb, &ok_b);
    for (int strict = 0; ok_a && ok_b && strict < 2; strict++) {
        sd_changelist *cl = diff_ok(a, b, strict != 0);
        checked++;
        if (ki->fields[f].flags & SD_FF_ORDER) {
            /* A lone column's position number is no reordering. */
            assert_int_equal(sd_changelist_count(cl), 0);
            sd_changelist_free(cl);
            continue;
        }
        if (ki->fields[f].flags & SD_FF_INFO) {
            /* Informational: a note, never drift. */
            assert_int_equal(sd_changelist_count(cl), 1);
            const sd_change *n = sd_changelist_at(cl, 0);
            assert_int_equal(n->fields, 0);
            assert_int_equal(n->notes, UINT64_C(1) << f);
            assert_true(n->flags & SD_CHG_NOTE_ONLY);
            assert_int_equal(sd_changelist_drift_count(cl), 0);
            sd_changelist_free(cl);
            continue;
        }
        if (sd_changelist_count(cl) != 1) {
            char *got = render(cl);
            print_error("%s.%s %d->%d:\n%s\n", ki->name, ki->fields[f].name, va, vb, got);
            free(got);
        }
        assert_int_equal(sd_changelist_count(cl), 1);
        const sd_change *c = sd_changelist_at(cl, 0);
        assert_int_equal(c->op, SD_OP_ALTER);
        assert_int_equal(c->kind, k);
        assert_int_equal(c->fields, UINT64_C(1) << f);
        assert_int_equal(c->notes, 0);
        assert_string_equal(c->to->name, k == SD_KIND_TABLE ? "t" : "o");
        assert_int_equal(sd_changelist_drift_count(cl), 1);
        sd_changelist_free(cl);
    }
    sd_model_free(a);
    sd_model_free(b);
    return checked;
}

/* Every field of every kind, from the registry, in every engine that has both: exactly one
 * ALTER with exactly that bit. */
static void
test_alter_every_field(void **state)
{
    (void)state;
    static const int pairs[][2] = { { 0, 1 }, { 1, 0 }, { 1, 2 } };
    size_t checked[SD_ENGINE__COUNT] = { 0 };
    for (int e = 0; e < SD_ENGINE__COUNT; e++) {
        for (size_t k = 0; k < SD_KIND__COUNT; k++) {
            for (size_t f = 0; f < sd_kind_get((sd_kind)k)->nfields; f++) {
                if (!sdt_field_in_engine((sd_kind)k, f, (sd_engine)e))
                    continue; /* see test_other_engines_fields_are_no_drift */
                for (size_t p = 0; p < sizeof(pairs) / sizeof(pairs[0]); p++)
                    checked[e] +=
                        check_alter_pair((sd_engine)e, (sd_kind)k, f, pairs[p][0], pairs[p][1]);
            }
        }
    }
    assert_true(checked[SD_ENGINE_SQLITE] > 100);
    assert_true(checked[SD_ENGINE_PG] > 400);
}

/* A field the engine does not have (a PostgreSQL-only one on a SQLite model, or the
 * reverse) is no drift when it is the only difference. */
static void
test_other_engines_fields_are_no_drift(void **state)
{
    (void)state;
    size_t checked[SD_ENGINE__COUNT] = { 0 };
    for (int e = 0; e < SD_ENGINE__COUNT; e++) {
        for (size_t k = 0; k < SD_KIND__COUNT; k++) {
            const sd_kind_info *ki = sd_kind_get((sd_kind)k);
            if (!sd_kind_for_engine(ki, (sd_engine)e))
                continue;
            for (size_t f = 0; f < ki->nfields; f++) {
                if (sd_field_for_engine(&ki->fields[f], (sd_engine)e))
                    continue;
                bool ok0 = false;
                bool ok1 = false;
                sd_model *a = sdt_field_model((sd_engine)e, (sd_kind)k, f, 0, &ok0);
                sd_model *b = sdt_field_model((sd_engine)e, (sd_kind)k, f, 1, &ok1);
                assert_true(ok1);
                for (int strict = 0; strict < 2; strict++) {
                    expect_diff(a, b, strict != 0, "", 0);
                    expect_diff(b, a, strict != 0, "", 0);
                }
                sd_model_free(a);
                sd_model_free(b);
                checked[e]++;
            }
        }
    }
    assert_true(checked[SD_ENGINE_SQLITE] >= 10);
    assert_true(checked[SD_ENGINE_PG] >= 3);
}

/* Several fields at once: every one of them is in the bitmask. */
static void
test_alter_several_fields(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_PG);
    add(a, SD_KIND_TABLE, NULL, "t");
    sd_object *c = add_column(a, "t", "c", 1, "integer");
    (void)c;
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_PG);
    add(b, SD_KIND_TABLE, NULL, "t");
    c = add_column(b, "t", "c", 1, "bigint");
    sd_obj_set_bool(c, SD_COLUMN_NOT_NULL, true);
    sd_obj_set_sql(b, c, SD_COLUMN_DEFAULT, "0");
    sdt_freeze(b);
    expect_diff(a, b, false, "alter column main.t.c [type,not_null,default] !type", 1);
    expect_diff(b, a, false, "alter column main.t.c [type,not_null,default] !type", 1);
    sd_model_free(a);
    sd_model_free(b);
}

/* ---- matching and flags ---- */

static void
test_unchanged_table_skipped(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_SQLITE);
    add_table_cols(a, "a", "id,x");
    add_table_cols(a, "b", "id");
    add_table_cols(a, "c", "id,y");
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_SQLITE);
    add_table_cols(b, "a", "id,x");
    add_table_cols(b, "b", "id,z");
    add_table_cols(b, "c", "id,y");
    sdt_freeze(b);
    expect_diff(a, b, false, "create column main.b.z", 1);
    sd_changelist *cl = diff_ok(a, b, false);
    /* Neither the unchanged siblings nor the changed table itself have a change record. */
    assert_null(sd_changelist_find(cl, sd_model_find_table(a, "main", "a")));
    assert_null(sd_changelist_find(cl, sd_model_find_table(b, "main", "a")));
    assert_null(sd_changelist_find(cl, sd_model_find_table(b, "main", "b")));
    assert_null(sd_changelist_find(cl, sd_model_find(b, SD_KIND_COLUMN, "main", "c", "y")));
    sd_changelist_free(cl);
    sd_model_free(a);
    sd_model_free(b);
}

static void
test_type_change_and_data_loss_flags(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_PG);
    add_table_cols(a, "gone", "id");
    sd_object *t = add_table_cols(a, "t", "id,amount,old,flag");
    (void)t;
    sd_object *ix = add(a, SD_KIND_INDEX, "t", "t_old_idx");
    sd_keypart kp = { .column = "old" };
    sd_obj_add_key(a, ix, SD_INDEX_KEYS, &kp);
    add_view(a, "v", "SELECT 1", NULL);
    sd_object *u = add(a, SD_KIND_UNIQUE, "t", "t_flag_key");
    sd_obj_add_name(a, u, SD_UNIQUE_COLUMNS, "flag");
    sdt_freeze(a);

    sd_model *b = new_model(SD_ENGINE_PG);
    add(b, SD_KIND_TABLE, NULL, "t");
    add_column(b, "t", "id", 1, "int");
    add_column(b, "t", "amount", 2, "numeric");
    sd_object *flag = add_column(b, "t", "flag", 4, "int");
    sd_obj_set_bool(flag, SD_COLUMN_NOT_NULL, true);
    sdt_freeze(b);
    /* Drops run in reverse kind order; indexes come after views in the registry (an index
     * can be on a materialized view), so they are dropped first. */
    expect_diff(a, b, false,
                "drop index main.t.t_old_idx\n"
                "drop view main.v\n"
                "drop table main.gone !loses\n"
                "drop column main.t.old !loses\n"
                "drop unique constraint main.t.t_flag_key\n"
                "alter column main.t.amount [type] !type\n"
                "alter column main.t.flag [not_null]",
                7);
    sd_model_free(a);
    sd_model_free(b);
}

/* A primary key's name is an attribute: a rename is an ALTER with the name bit, not a
 * drop and create. */
static sd_model *
build_pk_model(const char *pk_name, const char *column)
{
    sd_model *m = new_model(SD_ENGINE_PG);
    add_table_cols(m, "t", "id,code");
    sd_object *pk = add(m, SD_KIND_PRIMARY_KEY, "t", pk_name);
    sd_obj_add_name(m, pk, SD_PK_COLUMNS, column);
    sdt_freeze(m);
    return m;
}

static void
test_primary_key_rename(void **state)
{
    (void)state;
    sd_model *a = build_pk_model("t_pkey", "id");
    sd_model *b = build_pk_model("t_id_pk", "id");
    sd_model *c = build_pk_model(NULL, "id");
    sd_model *d = build_pk_model("t_id_pk", "code");
    expect_diff(a, b, false, "alter primary key main.t [name]", 1);
    expect_diff(b, a, false, "alter primary key main.t [name]", 1);
    expect_diff(a, c, false, "alter primary key main.t [name]", 1);
    expect_diff(a, d, false, "alter primary key main.t [columns,name]", 1);
    expect_diff(b, d, false, "alter primary key main.t [columns]", 1);
    sd_changelist *cl = diff_ok(a, b, false);
    assert_int_equal(sd_changelist_at(cl, 0)->fields, UINT64_C(1) << SD_CHANGE_NAME_BIT);
    sd_changelist_free(cl);
    /* The bit is no field index of any kind. */
    for (size_t k = 0; k < SD_KIND__COUNT; k++)
        assert_true(sd_kind_get((sd_kind)k)->nfields <= SD_CHANGE_NAME_BIT);
    sd_model_free(a);
    sd_model_free(b);
    sd_model_free(c);
    sd_model_free(d);
}

/* ---- column order ---- */

static void
column_order_case(const char *from_cols,
                  const char *to_cols,
                  const char *expect_default,
                  size_t drift_default,
                  const char *expect_strict,
                  size_t drift_strict)
{
    sd_model *a = new_model(SD_ENGINE_SQLITE);
    add_table_cols(a, "t", from_cols);
    add_table_cols(a, "u", "k"); /* an untouched sibling */
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_SQLITE);
    add_table_cols(b, "t", to_cols);
    add_table_cols(b, "u", "k");
    sdt_freeze(b);
    expect_diff(a, b, false, expect_default, drift_default);
    expect_diff(a, b, true, expect_strict, drift_strict);
    sd_model_free(a);
    sd_model_free(b);
}

static void
test_column_order_swap(void **state)
{
    (void)state;
    /* Not strict: the one column that moved (b, after c), not every one that shifted. */
    column_order_case("a,b,c", "a,c,b", "alter column main.t.b note[position] !note", 0,
                      "alter column main.t.c [position]\n"
                      "alter column main.t.b [position]",
                      2);
}

static void
test_column_moved_to_the_end_of_many(void **state)
{
    (void)state;
    /* 300 columns, the sixth moved to the end (dropped and added again, in the target): one
     * note for it, not one for each of the 294 columns that shifted. */
    sd_buf from = SD_BUF_INIT;
    sd_buf to = SD_BUF_INIT;
    for (int i = 0; i < 300; i++) {
        sd_buf_appendf(&from, "%sc%d", i > 0 ? "," : "", i);
        if (i != 5)
            sd_buf_appendf(&to, "%sc%d", to.len > 0 ? "," : "", i);
    }
    sd_buf_append(&to, ",c5");
    sd_model *a = new_model(SD_ENGINE_SQLITE);
    add_table_cols(a, "t", sd_buf_cstr(&from));
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_SQLITE);
    add_table_cols(b, "t", sd_buf_cstr(&to));
    sdt_freeze(b);
    expect_diff(a, b, false, "alter column main.t.c5 note[position] !note", 0);
    sd_model_free(a);
    sd_model_free(b);
    sd_buf_dispose(&from);
    sd_buf_dispose(&to);
}

static void
test_column_added_in_middle(void **state)
{
    (void)state;
    /* In place, x would be appended after b; only strict mode calls that drift. */
    column_order_case("a,b", "a,x,b", "create column main.t.x", 1,
                      "create column main.t.x\n"
                      "alter column main.t.b [position]",
                      2);
    /* At the end: no position change in either mode. */
    column_order_case("a,b", "a,b,x", "create column main.t.x", 1, "create column main.t.x", 1);
}

static void
test_column_dropped_in_middle(void **state)
{
    (void)state;
    column_order_case("a,b,c", "a,c", "drop column main.t.b !loses", 1,
                      "drop column main.t.b !loses", 1);
    column_order_case("a,b,c", "b,c", "drop column main.t.a !loses", 1,
                      "drop column main.t.a !loses", 1);
}

static void
test_column_moved_and_changed(void **state)
{
    (void)state;
    /* A column that moves and changes type is one change with a drift field and a note. */
    sd_model *a = new_model(SD_ENGINE_PG);
    add_table_cols(a, "t", "a,b,c");
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_PG);
    add(b, SD_KIND_TABLE, NULL, "t");
    add_column(b, "t", "c", 1, "text");
    add_column(b, "t", "a", 2, "int");
    add_column(b, "t", "b", 3, "int");
    sdt_freeze(b);
    expect_diff(a, b, false, "alter column main.t.c [type] note[position] !type", 1);
    expect_diff(a, b, true,
                "alter column main.t.c [position,type] !type\n"
                "alter column main.t.a [position]\n"
                "alter column main.t.b [position]",
                3);
    sd_model_free(a);
    sd_model_free(b);
}

/* ---- ordering ---- */

static void
test_drops_before_creates(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_PG);
    add_table_cols(a, "z_old", "id");
    add_table_cols(a, "keep", "id,dropme");
    add_view(a, "a_view", "SELECT 1", NULL);
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_PG);
    add_table_cols(b, "a_new", "id");
    add_table_cols(b, "keep", "id,added");
    add_view(b, "z_view", "SELECT 2", NULL);
    sdt_freeze(b);
    /* Drops (views before tables), then creates (tables before views). */
    expect_diff(a, b, false,
                "drop view main.a_view\n"
                "drop column main.keep.dropme !loses\n"
                "drop table main.z_old !loses\n"
                "create table main.a_new\n"
                "create column main.keep.added\n"
                "create view main.z_view",
                6);
    sd_model_free(a);
    sd_model_free(b);
}

static void
test_dropped_view_on_view(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_PG);
    add_table_cols(a, "t", "id");
    add_view(a, "v1", "SELECT id FROM t", NULL);
    add_view(a, "v2", "SELECT id FROM v1", "v1"); /* sorts after what it depends on */
    add_view(a, "v3", "SELECT id FROM v2", "v2");
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_PG);
    add_table_cols(b, "t", "id");
    sdt_freeze(b);
    expect_diff(a, b, false,
                "drop view main.v3\n"
                "drop view main.v2\n"
                "drop view main.v1",
                3);
    sd_model_free(a);
    sd_model_free(b);
}

static void
test_created_view_on_view(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_PG);
    add_table_cols(a, "t", "id");
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_PG);
    add_table_cols(b, "t", "id");
    add_view(b, "a_top", "SELECT id FROM m_mid", "m_mid");
    add_view(b, "m_mid", "SELECT id FROM z_base", "z_base");
    add_view(b, "z_base", "SELECT id FROM t", NULL);
    add_view(b, "b_free", "SELECT 1", NULL);
    sdt_freeze(b);
    /* Dependencies first; otherwise canonical order (b_free stays where it sorts). */
    expect_diff(a, b, false,
                "create view main.b_free\n"
                "create view main.z_base\n"
                "create view main.m_mid\n"
                "create view main.a_top",
                4);
    /* Undoing it drops in the reverse dependency order. */
    expect_diff(b, a, false,
                "drop view main.a_top\n"
                "drop view main.b_free\n"
                "drop view main.m_mid\n"
                "drop view main.z_base",
                4);
    sd_model_free(a);
    sd_model_free(b);
}

static void
test_altered_view_after_created_dependency(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_PG);
    add_view(a, "a_top", "SELECT 1", NULL);
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_PG);
    add_view(b, "a_top", "SELECT * FROM z_base", "z_base");
    add_view(b, "z_base", "SELECT 2", NULL);
    sdt_freeze(b);
    expect_diff(a, b, false,
                "create view main.z_base\n"
                "alter view main.a_top [sql]",
                2);
    sd_model_free(a);
    sd_model_free(b);
}

/* A created table that a created table depends on comes first, whatever the names. */
static void
test_created_table_dependency(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_PG);
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_PG);
    sd_object *child = add_table_cols(b, "a_child", "id,parent_id");
    sd_obj_add_dep(b, child, SD_KIND_TABLE, "main", NULL, "z_parent");
    add_table_cols(b, "z_parent", "id");
    sdt_freeze(b);
    expect_diff(a, b, false,
                "create table main.z_parent\n"
                "create table main.a_child",
                2);
    expect_diff(b, a, false,
                "drop table main.a_child !loses\n"
                "drop table main.z_parent !loses",
                2);
    sd_model_free(a);
    sd_model_free(b);
}

static void
test_owned_changes_grouped_with_table(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_SQLITE);
    add_table_cols(a, "t1", "id,x");
    add_table_cols(a, "t2", "id,y");
    add_table_cols(a, "t3", "id");
    add_table_cols(a, "t4", "id");
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_SQLITE);
    sd_object *t1 = add_table_cols(b, "t1", "id,x,x2");
    sd_obj_set_bool(t1, SD_TABLE_STRICT, true);
    add(b, SD_KIND_TABLE, NULL, "t2");
    add_column(b, "t2", "id", 1, "int");
    add_column(b, "t2", "y", 2, "text");
    sd_object *u = add(b, SD_KIND_UNIQUE, "t2", NULL);
    sd_obj_add_name(b, u, SD_UNIQUE_COLUMNS, "y");
    add_table_cols(b, "t3", "id");
    sd_object *t4 = add_table_cols(b, "t4", "id,w");
    sd_obj_set_bool(t4, SD_TABLE_WITHOUT_ROWID, true);
    sd_object *ix = add(b, SD_KIND_INDEX, "t1", "a_idx");
    sd_keypart kp = { .column = "x2" };
    sd_obj_add_key(b, ix, SD_INDEX_KEYS, &kp);
    sdt_freeze(b);
    expect_diff(a, b, false,
                "alter table main.t1 [strict]\n"
                "create column main.t1.x2\n"
                "alter column main.t2.y [type] !type\n"
                "create unique constraint main.t2 (y)\n"
                "alter table main.t4 [without_rowid]\n"
                "create column main.t4.w\n"
                "create index main.t1.a_idx",
                7);
    sd_model_free(a);
    sd_model_free(b);
}

static void
test_cycle_between_created_views(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_PG);
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_PG);
    add_view(b, "alpha", "SELECT * FROM beta", "beta");
    add_view(b, "beta", "SELECT * FROM alpha", "alpha");
    add_view(b, "gamma", "SELECT 1", NULL);
    sdt_freeze(b);
    sd_err err = SD_ERR_INIT;
    static max_align_t dummy;
    sd_changelist *cl = (sd_changelist *)(void *)&dummy; /* must be reset to NULL */
    assert_int_equal(sd_diff_models(&cl, a, b, NULL, &err), SD_ERR_CYCLE);
    assert_null(cl);
    assert_int_equal(err.code, SD_ERR_CYCLE);
    ASSERT_CONTAINS(err.msg, "view main.alpha");
    ASSERT_CONTAINS(err.msg, "view main.beta");
    assert_null(strstr(err.msg, "gamma")); /* not part of the cycle */
    sd_model_free(b);

    /* A view that names itself among its dependencies is no cycle. */
    b = new_model(SD_ENGINE_PG);
    add_view(b, "selfish", "SELECT 1", "selfish");
    sdt_freeze(b);
    expect_diff(a, b, false, "create view main.selfish", 1);
    sd_model_free(a);
    sd_model_free(b);
}

/* ---- dependency loops ---- */

static sd_object *
add_function(sd_model *m, const char *name)
{
    sd_object *f = add(m, SD_KIND_FUNCTION, NULL, name);
    sd_obj_set_str(m, f, SD_FUNCTION_KIND, "function");
    return f;
}

/* A view and a function that returns its row type, the view calling the function, built in
 * either order: the view is created as a stub, its query after the function. */
static sd_model *
build_view_function_loop(bool reverse)
{
    sd_model *m = new_model(SD_ENGINE_PG);
    for (int i = 0; i < 2; i++) {
        if ((i == 0) != reverse) {
            sd_object *f = add_function(m, "rows()");
            sd_obj_add_dep(m, f, SD_KIND_VIEW, "main", NULL, "v");
        } else {
            sd_object *v = add_view(m, "v", "SELECT a FROM main.rows()", NULL);
            sd_obj_add_name(m, v, SD_VIEW_COLUMNS, "a integer");
            sd_obj_add_dep(m, v, SD_KIND_FUNCTION, "main", NULL, "rows()");
        }
    }
    add_view(m, "other", "SELECT 1", NULL);
    sdt_freeze(m);
    return m;
}

static void
test_loop_view_function_split(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_PG);
    sdt_freeze(a);
    for (int r = 0; r < 2; r++) {
        sd_model *b = build_view_function_loop(r == 1);
        expect_diff(a, b, false,
                    "create view main.other\n"
                    "create view main.v\n"
                    "create function main.rows()\n"
                    "create view main.v [sql] !deferred",
                    3);
        sd_changelist *cl = diff_ok(a, b, false);
        const sd_change *stub = sd_changelist_at(cl, 1);
        const sd_change *rest = sd_changelist_at(cl, 3);
        assert_ptr_equal(sd_changelist_find(cl, stub->to), stub);
        assert_ptr_equal(sd_changelist_deferred(cl, stub->to), rest);
        assert_null(sd_changelist_deferred(cl, sd_changelist_at(cl, 0)->to));
        sd_changelist_free(cl);
        sd_model_free(b);
    }
    sd_model_free(a);
}

/* A new table whose column default and CHECK call functions that read the table (one its
 * column, one the whole table). */
static sd_model *
build_table_default_check_loop(bool with_parts)
{
    sd_model *m = new_model(SD_ENGINE_PG);
    add_table_cols(m, "keep", "id");
    add(m, SD_KIND_TABLE, NULL, "t");
    add_column(m, "t", "id", 1, "integer");
    sd_object *n = add_column(m, "t", "n", 2, "integer");
    sd_object *ck = add(m, SD_KIND_CHECK, "t", "t_small");
    sd_obj_set_sql(m, ck, SD_CHECK_EXPRESSION, "main.small(n)");
    /* As PostgreSQL records it: the CHECK reads its table's column (no loop). */
    sd_obj_add_dep(m, ck, SD_KIND_COLUMN, "main", "t", "n");
    if (with_parts) {
        sd_obj_set_sql(m, n, SD_COLUMN_DEFAULT, "main.next_n()");
        sd_obj_add_dep(m, n, SD_KIND_FUNCTION, "main", NULL, "next_n()");
        sd_obj_add_dep(m, ck, SD_KIND_FUNCTION, "main", NULL, "small(integer)");
    }
    sd_object *f = add_function(m, "next_n()");
    sd_obj_add_dep(m, f, SD_KIND_COLUMN, "main", "t", "n");
    sd_object *g = add_function(m, "small(integer)");
    sd_obj_add_dep(m, g, SD_KIND_TABLE, "main", NULL, "t");
    sdt_freeze(m);
    return m;
}

static void
test_loop_new_table_default_and_check_split(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_PG);
    add_table_cols(a, "keep", "id");
    sdt_freeze(a);
    /* What the functions read orders them after the new table, even without a loop. */
    sd_model *b = build_table_default_check_loop(false);
    expect_diff(a, b, false,
                "create table main.t\n"
                "create function main.next_n()\n"
                "create function main.small(integer)",
                3);
    sd_model_free(b);
    b = build_table_default_check_loop(true);
    expect_diff(a, b, false,
                "create table main.t\n"
                "create function main.next_n()\n"
                "create function main.small(integer)\n"
                "create column main.t.n [default] !deferred\n"
                "create check constraint main.t.t_small !deferred",
                3);
    sd_model_free(b);
    sd_model_free(a);
}

/* A column added to a kept table is not split: ADD COLUMN fills the rows with its default,
 * which a later SET DEFAULT would not. The loop is reported. */
static void
test_loop_kept_table_new_column_not_split(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_PG);
    add_table_cols(a, "t", "id");
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_PG);
    add_table_cols(b, "t", "id");
    sd_object *n = add_column(b, "t", "n", 2, "integer");
    sd_obj_set_sql(b, n, SD_COLUMN_DEFAULT, "main.next_n()");
    sd_obj_add_dep(b, n, SD_KIND_FUNCTION, "main", NULL, "next_n()");
    sd_obj_add_dep(b, add_function(b, "next_n()"), SD_KIND_COLUMN, "main", "t", "n");
    sdt_freeze(b);
    sd_err err = SD_ERR_INIT;
    sd_changelist *cl = NULL;
    assert_int_equal(sd_diff_models(&cl, a, b, NULL, &err), SD_ERR_CYCLE);
    assert_null(cl);
    ASSERT_CONTAINS(err.msg, "create function main.next_n() -> create column main.t.n -> "
                             "create function main.next_n()");
    sd_model_free(a);
    sd_model_free(b);
}

static void
test_loop_domain_check_split(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_PG);
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_PG);
    sd_object *d = add(b, SD_KIND_DOMAIN, NULL, "level");
    sd_obj_set_str(b, d, SD_DOMAIN_BASE_TYPE, "integer");
    sd_obj_add_name(b, d, SD_DOMAIN_CHECKS, "CONSTRAINT ok CHECK (main.ok(VALUE))");
    sd_obj_add_dep(b, d, SD_KIND_FUNCTION, "main", NULL, "ok(main.level)");
    sd_object *f = add_function(b, "ok(main.level)");
    sd_obj_add_dep(b, f, SD_KIND_DOMAIN, "main", NULL, "level");
    sdt_freeze(b);
    expect_diff(a, b, false,
                "create domain main.level\n"
                "create function main.ok(main.level)\n"
                "create domain main.level [default,checks] !deferred",
                2);
    sd_model_free(a);
    sd_model_free(b);
}

static void
test_loop_views_self_and_mutual(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_PG);
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_PG);
    sd_object *v = add_view(b, "alpha", "SELECT * FROM beta", "beta");
    sd_obj_add_name(b, v, SD_VIEW_COLUMNS, "a integer");
    v = add_view(b, "beta", "SELECT * FROM alpha", "alpha");
    sd_obj_add_name(b, v, SD_VIEW_COLUMNS, "a integer");
    v = add_view(b, "selfish", "SELECT a FROM selfish", "selfish");
    sd_obj_add_name(b, v, SD_VIEW_COLUMNS, "a integer");
    sdt_freeze(b);
    /* A view reading itself is a stub completed as soon as it exists (split when the edges
     * are built, so it is ready before the loop stalls the sort); in the loop, the first in
     * canonical order is the stub. */
    expect_diff(a, b, false,
                "create view main.selfish\n"
                "create view main.selfish [sql] !deferred\n"
                "create view main.alpha\n"
                "create view main.beta\n"
                "create view main.alpha [sql] !deferred",
                3);
    sd_model_free(a);
    sd_model_free(b);
}

static void
test_loop_unbreakable_names_loop(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_PG);
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_PG);
    /* f -> g -> h -> f (each function's body calls the next), beside a breakable loop and an
     * object that waits for the loop without being part of it. */
    sd_obj_add_dep(b, add_function(b, "f()"), SD_KIND_FUNCTION, "main", NULL, "g()");
    sd_obj_add_dep(b, add_function(b, "g()"), SD_KIND_FUNCTION, "main", NULL, "h()");
    sd_obj_add_dep(b, add_function(b, "h()"), SD_KIND_FUNCTION, "main", NULL, "f()");
    sd_obj_add_dep(b, add_view(b, "waits", "SELECT main.f()", NULL), SD_KIND_FUNCTION, "main", NULL,
                   "f()");
    sd_object *v = add_view(b, "v", "SELECT a FROM main.rows()", NULL);
    sd_obj_add_name(b, v, SD_VIEW_COLUMNS, "a integer");
    sd_obj_add_dep(b, v, SD_KIND_FUNCTION, "main", NULL, "rows()");
    sd_obj_add_dep(b, add_function(b, "rows()"), SD_KIND_VIEW, "main", NULL, "v");
    sdt_freeze(b);
    sd_err err = SD_ERR_INIT;
    sd_changelist *cl = NULL;
    assert_int_equal(sd_diff_models(&cl, a, b, NULL, &err), SD_ERR_CYCLE);
    assert_null(cl);
    assert_string_equal(err.msg, "dependency cycle between changes that cannot be broken (each "
                                 "needs the one before it): "
                                 "create function main.f() -> create function main.h() -> "
                                 "create function main.g() -> create function main.f()");
    sd_model_free(a);
    sd_model_free(b);
}

/* "op description [!loses]" of the object of kind k named o (schema o, on table t). */
static void
append_line(sd_buf *b, const char *op, const sd_model *m, sd_kind k)
{
    const sd_kind_info *ki = sd_kind_get(k);
    const sd_object *o = sd_model_find(m, k, kind_schema(k), ki->has_table ? "t" : NULL, "o");
    assert_non_null(o);
    if (b->len > 0)
        sd_buf_putc(b, '\n');
    sd_buf_appendf(b, "%s ", op);
    sd_object_describe(b, o);
    if (strcmp(op, "drop") == 0 && (k == SD_KIND_TABLE || k == SD_KIND_COLUMN))
        sd_buf_append(b, " !loses");
}

/* base plus one new object "o" of every kind e has (owned and table-level ones on t). */
static sd_model *
build_every_kind(sd_engine e, size_t *n)
{
    sd_model *m = new_model(e);
    add_table_cols(m, "t", "c");
    *n = 0;
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        const sd_kind_info *ki = sd_kind_get((sd_kind)k);
        if (!sd_kind_for_engine(ki, e))
            continue;
        sd_object *o =
            sdt_add(m, (sd_kind)k, kind_schema((sd_kind)k), ki->has_table ? "t" : NULL, "o");
        if (k == SD_KIND_COLUMN)
            sd_obj_set_int(o, SD_COLUMN_POSITION, 2); /* after c: no reordering */
        (*n)++;
    }
    sdt_freeze(m);
    return m;
}

/* The expected list: non-owned kinds in kind order (reversed for drops); table o sorts
 * before table t, whose owned objects follow it in kind order. */
static void
expected_kind_order(sd_buf *b, const sd_model *m, const char *op, bool reverse)
{
    sd_engine e = sd_model_engine(m);
    for (size_t i = 0; i < SD_KIND__COUNT; i++) {
        sd_kind kk = (sd_kind)(reverse ? SD_KIND__COUNT - 1 - i : i);
        const sd_kind_info *ki = sd_kind_get(kk);
        if (!sd_kind_for_engine(ki, e) || ki->owner != SD_KIND__COUNT)
            continue;
        append_line(b, op, m, kk);
        if (kk != SD_KIND_TABLE)
            continue;
        for (size_t k = 0; k < SD_KIND__COUNT; k++) {
            const sd_kind_info *ko = sd_kind_get((sd_kind)k);
            if (sd_kind_for_engine(ko, e) && ko->owner == SD_KIND_TABLE)
                append_line(b, op, m, (sd_kind)k);
        }
    }
}

/*
 * Without dependencies, changes follow the registry's kind order: creates in kind order,
 * drops in reverse kind order, an owned object's change at its table's place (owned kinds in
 * kind order, for drops too). One new object "o" of every kind the engine has; owned kinds
 * and table-level ones on the existing table t.
 */
static void
test_every_kind_in_kind_order(void **state)
{
    (void)state;
    for (int e = 0; e < SD_ENGINE__COUNT; e++) {
        sd_model *base = new_model((sd_engine)e);
        add_table_cols(base, "t", "c");
        sdt_freeze(base);
        size_t n = 0;
        sd_model *full = build_every_kind((sd_engine)e, &n);
        sd_buf creates = SD_BUF_INIT;
        sd_buf drops = SD_BUF_INIT;
        expected_kind_order(&creates, full, "create", false);
        expected_kind_order(&drops, full, "drop", true);
        expect_diff(base, full, false, sd_buf_cstr(&creates), n);
        expect_diff(full, base, false, sd_buf_cstr(&drops), n);
        sd_buf_dispose(&creates);
        sd_buf_dispose(&drops);
        sd_model_free(base);
        sd_model_free(full);
    }
}

/* The new kinds depend on each other across the kind order like the old ones: a created
 * function a sequence uses, a matview on a created view, an index on a created matview, a
 * policy using a created function, all in dependency order. */
static void
test_pg_kinds_dependency_order(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_PG);
    add_table_cols(a, "t", "id");
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_PG);
    add_table_cols(b, "t", "id");
    add_view(b, "v", "SELECT id FROM main.t", NULL);
    sd_object *mv = add(b, SD_KIND_MATVIEW, NULL, "a_mv");
    sd_obj_set_sql(b, mv, SD_MATVIEW_SQL, "SELECT id FROM main.v");
    sd_obj_add_dep(b, mv, SD_KIND_VIEW, "main", NULL, "v");
    sd_object *ix = add(b, SD_KIND_INDEX, "a_mv", "a_mv_idx");
    sd_keypart kp = { .column = "id" };
    sd_obj_add_key(b, ix, SD_INDEX_KEYS, &kp);
    sd_obj_add_dep(b, ix, SD_KIND_MATVIEW, "main", NULL, "a_mv");
    sd_object *fn = add(b, SD_KIND_FUNCTION, NULL, "z_fn()");
    sd_object *pol = add(b, SD_KIND_POLICY, "t", "p");
    sd_obj_add_dep(b, pol, SD_KIND_FUNCTION, "main", NULL, "z_fn()");
    sd_object *seq = add(b, SD_KIND_SEQUENCE, NULL, "s");
    sd_obj_add_dep(b, seq, SD_KIND_FUNCTION, "main", NULL, "z_fn()");
    (void)fn;
    sdt_freeze(b);
    expect_diff(a, b, false,
                "create function main.z_fn()\n"
                "create sequence main.s\n"
                "create policy main.t.p\n"
                "create view main.v\n"
                "create materialized view main.a_mv\n"
                "create index main.a_mv.a_mv_idx",
                6);
    expect_diff(b, a, false,
                "drop index main.a_mv.a_mv_idx\n"
                "drop materialized view main.a_mv\n"
                "drop view main.v\n"
                "drop policy main.t.p\n"
                "drop sequence main.s\n"
                "drop function main.z_fn()",
                6);
    sd_model_free(a);
    sd_model_free(b);
}

/* Objects the model does not compare are no drift: models that differ only in their
 * not-compared lists have equal fingerprints and no changes. */
static void
test_uncompared_objects_are_no_drift(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_PG);
    add_table_cols(a, "t", "id");
    sd_model_add_uncompared(a, "rule", "main.t.r_one");
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_PG);
    add_table_cols(b, "t", "id");
    sd_model_add_uncompared(b, "rule", "main.t.r_two");
    sd_model_add_uncompared(b, "operator", "main.===(integer, integer)");
    sdt_freeze(b);
    assert_int_equal(sd_model_fingerprint(a), sd_model_fingerprint(b));
    expect_diff(a, b, false, "", 0);
    expect_diff(b, a, true, "", 0);
    sd_model_free(a);
    sd_model_free(b);
}

/* ---- lookups and determinism ---- */

static void
test_changelist_find(void **state)
{
    (void)state;
    sd_model *a = new_model(SD_ENGINE_PG);
    add_table_cols(a, "dropped", "id");
    add_table_cols(a, "kept", "id,old");
    add_table_cols(a, "same", "id");
    sdt_freeze(a);
    sd_model *b = new_model(SD_ENGINE_PG);
    add_table_cols(b, "created", "id");
    add(b, SD_KIND_TABLE, NULL, "kept");
    add_column(b, "kept", "id", 1, "bigint");
    add_column(b, "kept", "old", 2, "int");
    add_table_cols(b, "same", "id");
    sdt_freeze(b);
    sd_changelist *cl = diff_ok(a, b, false);
    assert_int_equal(sd_changelist_count(cl), 3);

    const sd_change *c = sd_changelist_find(cl, sd_model_find_table(a, "main", "dropped"));
    assert_non_null(c);
    assert_int_equal(c->op, SD_OP_DROP);
    assert_ptr_equal(c->from, sd_model_find_table(a, "main", "dropped"));

    c = sd_changelist_find(cl, sd_model_find_table(b, "main", "created"));
    assert_non_null(c);
    assert_int_equal(c->op, SD_OP_CREATE);

    const sd_object *fid = sd_model_find(a, SD_KIND_COLUMN, "main", "kept", "id");
    const sd_object *tid = sd_model_find(b, SD_KIND_COLUMN, "main", "kept", "id");
    c = sd_changelist_find(cl, fid);
    assert_non_null(c);
    assert_int_equal(c->op, SD_OP_ALTER);
    assert_ptr_equal(sd_changelist_find(cl, tid), c);
    assert_ptr_equal(c->from, fid);
    assert_ptr_equal(c->to, tid);

    /* Unchanged objects, and objects of a created/dropped table, have no record. */
    assert_null(sd_changelist_find(cl, sd_model_find_table(a, "main", "same")));
    assert_null(sd_changelist_find(cl, sd_model_find_table(b, "main", "same")));
    assert_null(sd_changelist_find(cl, sd_model_find(a, SD_KIND_COLUMN, "main", "kept", "old")));
    assert_null(sd_changelist_find(cl, sd_model_find(a, SD_KIND_COLUMN, "main", "dropped", "id")));
    assert_null(sd_changelist_find(cl, sd_model_find_table(a, "main", "kept")));
    assert_null(sd_changelist_find(cl, sd_model_find_table(b, "main", "kept")));

    /* An object of a third model is not found, even at an index that exists. */
    sd_model *other = new_model(SD_ENGINE_PG);
    add_table_cols(other, "dropped", "id");
    sdt_freeze(other);
    assert_null(sd_changelist_find(cl, sd_model_find_table(other, "main", "dropped")));
    sd_model_free(other);

    sd_changelist_free(cl);
    sd_model_free(a);
    sd_model_free(b);
}

static void
test_op_names(void **state)
{
    (void)state;
    assert_string_equal(sd_op_name(SD_OP_CREATE), "create");
    assert_string_equal(sd_op_name(SD_OP_DROP), "drop");
    assert_string_equal(sd_op_name(SD_OP_ALTER), "alter");
}

/* A model with a bit of everything, objects added in forward or reverse order. */
static sd_model *
build_mixed(bool second, bool reverse)
{
    sd_model *m = new_model(SD_ENGINE_SQLITE);
    for (int step = 0; step < 2; step++) {
        bool tables = (step == 0) != reverse;
        if (tables) {
            add_table_cols(m, "t1", second ? "id,b,a" : "id,a,b");
            add_table_cols(m, second ? "t_new" : "t_old", "id");
            sd_object *t3 = add_table_cols(m, "t3", second ? "id,z" : "id");
            if (second)
                sd_obj_set_bool(t3, SD_TABLE_STRICT, true);
        } else {
            add_view(m, "v_base", second ? "SELECT 2" : "SELECT 1", NULL);
            add_view(m, "v_dep", "SELECT * FROM v_base", "v_base");
            if (second)
                add_view(m, "a_new", "SELECT * FROM v_dep", "v_dep");
            else
                add_view(m, "a_old", "SELECT * FROM v_dep", "v_dep");
        }
    }
    sdt_freeze(m);
    return m;
}

static void
test_deterministic_order(void **state)
{
    (void)state;
    sd_model *a = build_mixed(false, false);
    sd_model *b = build_mixed(true, false);
    sd_model *ar = build_mixed(false, true);
    sd_model *br = build_mixed(true, true);
    sd_changelist *c1 = diff_ok(a, b, false);
    sd_changelist *c2 = diff_ok(a, b, false);
    assert_int_equal(sd_changelist_count(c1), sd_changelist_count(c2));
    for (size_t i = 0; i < sd_changelist_count(c1); i++) {
        const sd_change *x = sd_changelist_at(c1, i);
        const sd_change *y = sd_changelist_at(c2, i);
        assert_int_equal(x->op, y->op);
        assert_int_equal(x->kind, y->kind);
        assert_ptr_equal(x->from, y->from);
        assert_ptr_equal(x->to, y->to);
        assert_int_equal(x->fields, y->fields);
        assert_int_equal(x->notes, y->notes);
        assert_int_equal(x->flags, y->flags);
    }
    /* t3 sorts before t_new ('3' < '_'); a_new depends on an unchanged view only. */
    const char *expect = "drop view main.a_old\n"
                         "drop table main.t_old !loses\n"
                         "alter column main.t1.a note[position] !note\n"
                         "alter table main.t3 [strict]\n"
                         "create column main.t3.z\n"
                         "create table main.t_new\n"
                         "create view main.a_new\n"
                         "alter view main.v_base [sql]";
    char *r1 = render(c1);
    assert_string_equal(r1, expect);
    free(r1);
    sd_changelist_free(c1);
    sd_changelist_free(c2);
    /* Models built in another insertion order give the same list. */
    expect_diff(ar, br, false, expect, 7);
    sd_model_free(a);
    sd_model_free(b);
    sd_model_free(ar);
    sd_model_free(br);
}

/* A diff whose models, list and rendering live in *state, so that a failing assertion in a
 * test of a known bug does not leak them. */
typedef struct diff_case {
    sd_model *from;
    sd_model *to;
    sd_changelist *cl;
    char *got;
} diff_case;

static void
diff_case_clear(diff_case *d)
{
    free(d->got);
    sd_changelist_free(d->cl);
    sd_model_free(d->from);
    sd_model_free(d->to);
    memset(d, 0, sizeof(*d));
}

static int
diff_case_new(void **state)
{
    *state = calloc(1, sizeof(diff_case));
    return *state != NULL ? 0 : -1;
}

static int
diff_case_free(void **state)
{
    if (*state != NULL)
        diff_case_clear(*state);
    free(*state);
    *state = NULL;
    return 0;
}

/* Diff d->from -> d->to (not strict) and compare the rendering with expect. */
static void
diff_case_expect(diff_case *d, const char *expect)
{
    d->cl = diff_ok(d->from, d->to, false);
    d->got = render(d->cl);
    if (strcmp(d->got, expect) != 0)
        print_error("diff got:\n%s\n-- expected:\n%s\n", d->got, expect);
    assert_string_equal(d->got, expect);
}

/*
 * BUG (diff/diff.c, compare_fields): it compares every field of the registry, also fields
 * the models' engine does not have, which are no part of that engine's fingerprints or
 * snapshots (model.h). Alone, such a field is no drift (the fingerprints agree, see
 * test_other_engines_fields_are_no_drift); next to a real change it is reported as drift.
 * Input: SQLite models where column main.t.c changes type (int -> text) and the "to" side
 * also carries PostgreSQL-only values (comment, identity); PostgreSQL models where table
 * main.t changes owner and the "to" side also has SQLite's strict set. Expected:
 * "alter column main.t.c [type] !type" and "alter table main.t [owner]". Actual:
 * "[type,identity,comment]" and "[strict,owner]". (Fix: skip fields for which
 * !sd_field_for_engine(fi, sd_model_engine(from)).) Fails until fixed.
 */
static void
test_other_engines_fields_not_compared(void **state)
{
    diff_case *d = *state;
    d->from = new_model(SD_ENGINE_SQLITE);
    add_table_cols(d->from, "t", "c");
    sdt_freeze(d->from);
    d->to = new_model(SD_ENGINE_SQLITE);
    add(d->to, SD_KIND_TABLE, NULL, "t");
    sd_object *c = add_column(d->to, "t", "c", 1, "text");
    sd_obj_set_str(d->to, c, SD_COLUMN_COMMENT, "PostgreSQL only");
    sd_obj_set_str(d->to, c, SD_COLUMN_IDENTITY, "always");
    sdt_freeze(d->to);
    diff_case_expect(d, "alter column main.t.c [type] !type");
    diff_case_clear(d);

    d->from = new_model(SD_ENGINE_PG);
    sd_object *t = add_table_cols(d->from, "t", "c");
    sd_obj_set_str(d->from, t, SD_TABLE_OWNER, "alice");
    sdt_freeze(d->from);
    d->to = new_model(SD_ENGINE_PG);
    t = add_table_cols(d->to, "t", "c");
    sd_obj_set_str(d->to, t, SD_TABLE_OWNER, "bob");
    sd_obj_set_bool(t, SD_TABLE_STRICT, true);
    sdt_freeze(d->to);
    diff_case_expect(d, "alter table main.t [owner]");
}

/* ---- renames ---- */

/* Diff with rename hints; the list is checked like any other. */
static sd_changelist *
diff_hints(const sd_model *from, const sd_model *to, const char *const *hints, size_t n)
{
    sd_diff_options opts = { .renames = hints, .nrenames = n };
    sd_err err = SD_ERR_INIT;
    sd_changelist *cl = NULL;
    sd_status rc = sd_diff_models(&cl, from, to, &opts, &err);
    ASSERT_SD_OK(rc, &err);
    check_invariants(cl);
    return cl;
}

/* "kind schema.table old>new" per rename, one line each. */
static char *
render_renames(const sd_changelist *cl)
{
    static const char *const K[] = { "schema", "table", "column", "constraint", "index", "value" };
    sd_buf b = SD_BUF_INIT;
    for (size_t i = 0; i < sd_changelist_rename_count(cl); i++) {
        const sd_rename *r = sd_changelist_rename_at(cl, i);
        sd_buf_appendf(&b, "%s%s %s%s%s %s>%s%s", i > 0 ? "\n" : "", K[r->kind], r->schema,
                       r->table != NULL ? "." : "", r->table != NULL ? r->table : "", r->old_name,
                       r->new_name, r->hinted ? "" : " (found)");
    }
    assert_false(sd_buf_failed(&b));
    return sd_buf_take(&b);
}

static void
expect_renames(const sd_changelist *cl, const char *renames, const char *changes)
{
    char *got = render_renames(cl);
    char *ch = render(cl);
    if (strcmp(got, renames) != 0 || strcmp(ch, changes) != 0)
        print_error("renames:\n%s\nchanges:\n%s\n", got, ch);
    assert_string_equal(got, renames);
    assert_string_equal(ch, changes);
    free(got);
    free(ch);
}

static void
add_key(sd_model *m, sd_object *o, int field, const char *column)
{
    sd_keypart kp = { .column = column };
    sd_obj_add_key(m, o, field, &kp);
}

/* people(id, full_name, age) with an index on full_name, pets(id, owner) -> people(id);
 * renamed: persons(id, <col>, age). */
static sd_model *
build_people(sd_engine e, const char *table, const char *col, const char *col_type)
{
    sd_model *m = new_model(e);
    add(m, SD_KIND_TABLE, NULL, table);
    add_column(m, table, "id", 1, "int");
    add_column(m, table, col, 2, col_type);
    add_column(m, table, "age", 3, "int");
    sd_object *pk = add(m, SD_KIND_PRIMARY_KEY, table, NULL);
    sd_obj_add_name(m, pk, SD_PK_COLUMNS, "id");
    sd_object *ix = add(m, SD_KIND_INDEX, table, "people_name");
    add_key(m, ix, SD_INDEX_KEYS, col);
    sd_obj_add_dep(m, ix, SD_KIND_TABLE, "main", NULL, table);
    add_table_cols(m, "pets", "id,owner");
    sd_object *fk = add(m, SD_KIND_FOREIGN_KEY, "pets", "pets_owner_fk");
    sd_obj_add_name(m, fk, SD_FK_COLUMNS, "owner");
    sd_obj_set_str(m, fk, SD_FK_REF_TABLE, table);
    sd_obj_add_name(m, fk, SD_FK_REF_COLUMNS, "id");
    sd_obj_add_dep(m, fk, SD_KIND_TABLE, "main", NULL, table);
    sdt_freeze(m);
    return m;
}

/* A table and a column renamed by hints: nothing else differs (index keys, the FK of another
 * table, dependencies follow), the renames run in order with the names then in effect. */
static void
test_rename_hints_table_and_column(void **state)
{
    (void)state;
    static const sd_engine ENGINES[] = { SD_ENGINE_SQLITE, SD_ENGINE_PG };
    for (size_t e = 0; e < 2; e++) {
        sd_model *from = build_people(ENGINES[e], "people", "full_name", "text");
        sd_model *to = build_people(ENGINES[e], "persons", "name", "text");
        static const char *const H[] = { "column:main.people.full_name=name",
                                         "table:main.people=persons" };
        sd_changelist *cl = diff_hints(from, to, H, 2);
        expect_renames(cl, "table main people>persons\ncolumn main.persons full_name>name", "");
        assert_ptr_not_equal(sd_changelist_from(cl), from);
        assert_int_equal(sd_changelist_drift_count(cl), 2);
        assert_ptr_equal(sd_changelist_rename_at(cl, 0)->object,
                         sd_model_find(from, SD_KIND_TABLE, "main", NULL, "people"));
        assert_int_equal(sd_changelist_suggestion_count(cl), 0);
        sd_changelist_free(cl);
        /* Without the hints: drop and create, and the column is a possible rename only when
         * its table is matched. */
        static const char *const T[] = { "table:main.people=persons" };
        cl = diff_hints(from, to, T, 1);
        expect_renames(cl, "table main people>persons",
                       "drop column main.persons.full_name !loses\n"
                       "create column main.persons.name\n"
                       "alter index main.persons.people_name [keys]");
        assert_int_equal(sd_changelist_suggestion_count(cl), 1);
        assert_string_equal(sd_changelist_suggestion_at(cl, 0),
                            "column:main.people.full_name=name");
        sd_changelist_free(cl);
        sd_model_free(from);
        sd_model_free(to);
    }
}

/* A renamed column that also changes type is renamed, then altered as usual. */
static void
test_rename_hint_then_alter(void **state)
{
    (void)state;
    sd_model *from = build_people(SD_ENGINE_PG, "people", "full_name", "text");
    sd_model *to = build_people(SD_ENGINE_PG, "people", "name", "varchar(10)");
    static const char *const H[] = { "column:main.people.full_name=name" };
    sd_changelist *cl = diff_hints(from, to, H, 1);
    expect_renames(cl, "column main.people full_name>name",
                   "alter column main.people.name [type] !type");
    sd_changelist_free(cl);
    /* No hint: a different type is no possible rename. */
    cl = diff_hints(from, to, NULL, 0);
    assert_int_equal(sd_changelist_suggestion_count(cl), 0);
    assert_int_equal(sd_changelist_rename_count(cl), 0);
    sd_changelist_free(cl);
    sd_model_free(from);
    sd_model_free(to);
}

/* Malformed hints and hints naming objects missing from their side are errors naming the
 * hint and the object. */
static void
test_rename_hint_errors(void **state)
{
    (void)state;
    sd_model *from = build_people(SD_ENGINE_PG, "people", "full_name", "text");
    sd_model *to = build_people(SD_ENGINE_PG, "persons", "name", "text");
    static const struct {
        const char *hint;
        const char *msg;
    } CASES[] = {
        { "bogus", "rename hint \"bogus\": unknown kind" },
        { "view:main.v=w", "unknown kind" },
        { "table:main.people", "expected OLD=NEW" },
        { "table:main.people=", "expected OLD=NEW" },
        { "table:people=x", "OLD needs two parts" },
        { "column:main.people=x", "OLD needs three parts" },
        { "table:main.=x", "empty name in OLD" },
        { "table:main.nope=persons", "table main.nope does not exist in the first source" },
        { "table:main.people=nope", "table main.nope does not exist in the second source" },
        { "table:main.people=pets", "table main.pets already exists in the first source" },
        { "column:main.people.nope=name", "column main.people.nope does not exist in the first" },
        { "column:main.pets.owner=id", "column main.pets.id already exists in the first source" },
        { "index:main.nope=x", "index main.nope does not exist in the first source" },
        { "constraint:main.pets.nope=x", "constraint main.pets.nope does not exist in the first" },
        { "enum-value:main.mood.a=b", "enum value main.mood.a does not exist in the first source" },
        { "schema:main=other", "schema other does not exist in the second source" },
    };
    for (size_t i = 0; i < sizeof(CASES) / sizeof(CASES[0]); i++) {
        sd_diff_options opts = { .renames = &CASES[i].hint, .nrenames = 1 };
        sd_err err = SD_ERR_INIT;
        sd_changelist *cl = NULL;
        sd_status rc = sd_diff_models(&cl, from, to, &opts, &err);
        assert_int_not_equal(rc, SD_OK);
        assert_null(cl);
        ASSERT_CONTAINS(err.msg, CASES[i].msg);
        char quoted[128];
        snprintf(quoted, sizeof(quoted), "\"%s\"", CASES[i].hint);
        ASSERT_CONTAINS(err.msg, quoted);
    }
    /* NEW written qualified as OLD is: the hint says NEW is the name alone. */
    const char *qualified = "table:main.people=main.persons";
    sd_diff_options opts = { .renames = &qualified, .nrenames = 1 };
    sd_err err = SD_ERR_INIT;
    sd_changelist *cl = NULL;
    assert_int_not_equal(sd_diff_models(&cl, from, to, &opts, &err), SD_OK);
    ASSERT_CONTAINS(err.hint, "NEW is the new name alone");
    sd_model_free(from);
    sd_model_free(to);
}

static sd_model *
enum_model(const char *values)
{
    sd_model *m = new_model(SD_ENGINE_PG);
    sd_object *e = add(m, SD_KIND_ENUM, NULL, "mood");
    char buf[128];
    snprintf(buf, sizeof(buf), "%s", values);
    for (char *p = buf; p != NULL;) {
        char *sp = strchr(p, ' ');
        if (sp != NULL)
            *sp++ = '\0';
        sd_obj_add_name(m, e, SD_ENUM_VALUES, p);
        p = sp;
    }
    sdt_freeze(m);
    return m;
}

/* PostgreSQL: one value replaced in place is a rename; anything else is not. A hint names a
 * value rename the list alone does not show. */
static void
test_enum_value_renames(void **state)
{
    (void)state;
    static const struct {
        const char *from;
        const char *to;
        const char *hint; /* or NULL */
        const char *renames;
        const char *changes;
    } CASES[] = {
        { "happy sad ok", "happy unhappy ok", NULL, "value main.mood sad>unhappy (found)", "" },
        { "a b c", "a b x", NULL, "value main.mood c>x (found)", "" },
        { "a b c", "b a c", NULL, "", "alter enum type main.mood [values]" },
        { "a b c", "a x y", NULL, "", "alter enum type main.mood [values]" },
        { "a b c", "a x c d", NULL, "", "alter enum type main.mood [values]" },
        { "a b c", "a x c d", "enum-value:main.mood.b=x", "value main.mood b>x",
          "alter enum type main.mood [values]" },
        { "a b c", "a c", NULL, "", "alter enum type main.mood [values]" },
    };
    for (size_t i = 0; i < sizeof(CASES) / sizeof(CASES[0]); i++) {
        sd_model *from = enum_model(CASES[i].from);
        sd_model *to = enum_model(CASES[i].to);
        sd_changelist *cl = diff_hints(from, to, &CASES[i].hint, CASES[i].hint != NULL);
        expect_renames(cl, CASES[i].renames, CASES[i].changes);
        sd_changelist_free(cl);
        sd_model_free(from);
        sd_model_free(to);
    }
}

/* SQLite cannot rename an index: the hint is checked, and the index dropped and created. */
static void
test_sqlite_index_hint_not_applied(void **state)
{
    (void)state;
    sd_model *from = new_model(SD_ENGINE_SQLITE);
    add_table_cols(from, "t", "a");
    add_key(from, add(from, SD_KIND_INDEX, "t", "ix_old"), SD_INDEX_KEYS, "a");
    sdt_freeze(from);
    sd_model *to = new_model(SD_ENGINE_SQLITE);
    add_table_cols(to, "t", "a");
    add_key(to, add(to, SD_KIND_INDEX, "t", "ix_new"), SD_INDEX_KEYS, "a");
    sdt_freeze(to);
    static const char *const H[] = { "index:main.ix_old=ix_new" };
    sd_changelist *cl = diff_hints(from, to, H, 1);
    expect_renames(cl, "", "drop index main.t.ix_old\ncreate index main.t.ix_new");
    assert_ptr_equal(sd_changelist_from(cl), from);
    sd_changelist_free(cl);
    sd_model_free(from);
    sd_model_free(to);
}

/* A possible rename needs exactly one dropped and one added column of one type per table. */
static void
test_possible_rename_suggestions(void **state)
{
    (void)state;
    sd_model *from = new_model(SD_ENGINE_SQLITE);
    add_table_cols(from, "t", "id,old");
    add_table_cols(from, "u", "id,x");
    sdt_freeze(from);
    sd_model *to = new_model(SD_ENGINE_SQLITE);
    add_table_cols(to, "t", "id,new");
    add_table_cols(to, "u", "id,y,z"); /* two candidates: no suggestion */
    sdt_freeze(to);
    sd_changelist *cl = diff_hints(from, to, NULL, 0);
    assert_int_equal(sd_changelist_suggestion_count(cl), 1);
    assert_string_equal(sd_changelist_suggestion_at(cl, 0), "column:main.t.old=new");
    assert_null(sd_changelist_suggestion_at(cl, 1));
    sd_changelist_free(cl);
    sd_model_free(from);
    sd_model_free(to);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identical_models),
        cmocka_unit_test(test_loop_view_function_split),
        cmocka_unit_test(test_loop_new_table_default_and_check_split),
        cmocka_unit_test(test_loop_kept_table_new_column_not_split),
        cmocka_unit_test(test_loop_domain_check_split),
        cmocka_unit_test(test_loop_views_self_and_mutual),
        cmocka_unit_test(test_loop_unbreakable_names_loop),
        cmocka_unit_test(test_fast_path_equal_fingerprints),
        cmocka_unit_test(test_engine_mismatch),
        cmocka_unit_test(test_create_drop_every_kind),
        cmocka_unit_test(test_alter_every_field),
        cmocka_unit_test(test_other_engines_fields_are_no_drift),
        cmocka_unit_test(test_alter_several_fields),
        cmocka_unit_test(test_unchanged_table_skipped),
        cmocka_unit_test(test_type_change_and_data_loss_flags),
        cmocka_unit_test(test_primary_key_rename),
        cmocka_unit_test(test_column_order_swap),
        cmocka_unit_test(test_column_moved_to_the_end_of_many),
        cmocka_unit_test(test_column_added_in_middle),
        cmocka_unit_test(test_column_dropped_in_middle),
        cmocka_unit_test(test_column_moved_and_changed),
        cmocka_unit_test(test_drops_before_creates),
        cmocka_unit_test(test_dropped_view_on_view),
        cmocka_unit_test(test_created_view_on_view),
        cmocka_unit_test(test_altered_view_after_created_dependency),
        cmocka_unit_test(test_created_table_dependency),
        cmocka_unit_test(test_owned_changes_grouped_with_table),
        cmocka_unit_test(test_cycle_between_created_views),
        cmocka_unit_test(test_every_kind_in_kind_order),
        cmocka_unit_test(test_pg_kinds_dependency_order),
        cmocka_unit_test(test_uncompared_objects_are_no_drift),
        cmocka_unit_test(test_changelist_find),
        cmocka_unit_test(test_op_names),
        cmocka_unit_test(test_deterministic_order),
        cmocka_unit_test(test_rename_hints_table_and_column),
        cmocka_unit_test(test_rename_hint_then_alter),
        cmocka_unit_test(test_rename_hint_errors),
        cmocka_unit_test(test_enum_value_renames),
        cmocka_unit_test(test_sqlite_index_hint_not_applied),
        cmocka_unit_test(test_possible_rename_suggestions),
        /* Known, reported bug last (CMOCKA_TEST_ABORT=1 stops at the first failure). */
        cmocka_unit_test_setup_teardown(test_other_engines_fields_not_compared, diff_case_new,
                                        diff_case_free),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
