/*
 * test_report.c: unit tests for the drift report (report/report.h). Two models are built in
 * C, diffed with from = expected and to = actual, and the report is checked line by line
 * (text) or parsed back with jansson (JSON), including the "not compared" entries both
 * models carry. No database or YAML involved.
 */
/* clang-format off */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
/* clang-format on */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "diff/diff.h"
#include "model/model.h"
#include "report/report.h"
#include "support/model_builder.h"
#include "util/buf.h"
#include "util/err.h"

#define ORDER_NOTE " (column order is not drift; use --strict-column-order)"

/* Objects in schema main. */
static sd_object *
add(sd_model *m, sd_kind kind, const char *table, const char *name)
{
    return sdt_add(m, kind, "main", table, name);
}

static sd_object *
add_column(sd_model *m,
           const char *table,
           const char *name,
           int pos,
           const char *type,
           bool not_null)
{
    sd_object *c = sdt_column(m, "main", table, name, pos, type);
    sd_obj_set_bool(c, SD_COLUMN_NOT_NULL, not_null);
    return c;
}

static void
add_index(sd_model *m, const char *table, const char *name, const char *column, bool desc)
{
    sd_object *ix = add(m, SD_KIND_INDEX, table, name);
    sd_keypart kp = { .column = column, .desc = desc };
    sd_obj_add_key(m, ix, SD_INDEX_KEYS, &kp);
}

typedef struct fixture {
    sd_model *expected;
    sd_model *actual;
    sd_changelist *cl;
    sd_buf out;
} fixture;

/* Add "not compared" entries: a NULL-terminated list of kind, name pairs (NULL: none). */
static void
add_uncompared(sd_model *m, const char *const *pairs)
{
    for (size_t i = 0; pairs != NULL && pairs[i] != NULL; i += 2)
        sd_model_add_uncompared(m, pairs[i], pairs[i + 1]);
}

/*
 * expected: users(id, email VARCHAR(255) NOT NULL, name, nick), orders(id), ix_users_name
 * actual:   users(id, email TEXT, nick, name), ix_users_name DESC, ix_users_email
 */
static sd_model *
expected_model_with(const char *const *uncompared)
{
    sd_model *m = sd_model_new(SD_ENGINE_SQLITE);
    assert_non_null(m);
    add_uncompared(m, uncompared);
    add(m, SD_KIND_TABLE, NULL, "users");
    add_column(m, "users", "id", 1, "INTEGER", false);
    add_column(m, "users", "email", 2, "VARCHAR(255)", true);
    add_column(m, "users", "name", 3, "TEXT", false);
    add_column(m, "users", "nick", 4, "TEXT", false);
    add(m, SD_KIND_TABLE, NULL, "orders");
    add_column(m, "orders", "id", 1, "INTEGER", false);
    add_index(m, "users", "ix_users_name", "name", false);
    sdt_freeze(m);
    return m;
}

static sd_model *
expected_model(void)
{
    return expected_model_with(NULL);
}

static sd_model *
actual_model_with(const char *const *uncompared)
{
    sd_model *m = sd_model_new(SD_ENGINE_SQLITE);
    assert_non_null(m);
    add_uncompared(m, uncompared);
    add(m, SD_KIND_TABLE, NULL, "users");
    add_column(m, "users", "id", 1, "INTEGER", false);
    add_column(m, "users", "email", 2, "TEXT", false);
    add_column(m, "users", "nick", 3, "TEXT", false);
    add_column(m, "users", "name", 4, "TEXT", false);
    add_index(m, "users", "ix_users_name", "name", true);
    add_index(m, "users", "ix_users_email", "email", false);
    sdt_freeze(m);
    return m;
}

static sd_model *
actual_model(void)
{
    return actual_model_with(NULL);
}

/* Not-compared entries of both sides: one shared (listed once), given in unsorted order. */
static const char *const EXPECTED_NC[] = {
    "rule", "main.users.r_audit", "operator", "main.===(integer, integer)", NULL,
};
static const char *const ACTUAL_NC[] = {
    "rule", "main.users.r_audit", "cast", "(text AS main.t)", "rule", "main.orders.r_a", NULL,
};

static void
use_not_compared(fixture *f)
{
    sd_model_free(f->expected);
    sd_model_free(f->actual);
    f->expected = expected_model_with(EXPECTED_NC);
    f->actual = actual_model_with(ACTUAL_NC);
}

static void
fixture_diff(fixture *f, bool strict)
{
    sd_err err = SD_ERR_INIT;
    sd_diff_options opts = { .strict_column_order = strict };
    ASSERT_SD_OK(sd_diff_models(&f->cl, f->expected, f->actual, &opts, &err), &err);
}

static void
fixture_report(fixture *f, const sd_report_info *info, sd_report_format fmt)
{
    sd_err err = SD_ERR_INIT;
    sd_buf_reset(&f->out);
    ASSERT_SD_OK(sd_report_write(&f->out, f->cl, info, fmt, &err), &err);
    assert_false(sd_buf_failed(&f->out));
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof(*f));
    assert_non_null(f);
    f->expected = expected_model();
    f->actual = actual_model();
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    sd_changelist_free(f->cl);
    sd_model_free(f->expected);
    sd_model_free(f->actual);
    sd_buf_dispose(&f->out);
    free(f);
    return 0;
}

/* Index of the line equal to want in text, or -1; fails the test if it occurs twice. */
static int
line_index(const char *text, const char *want)
{
    int found = -1;
    int n = 0;
    size_t wl = strlen(want);
    for (const char *p = text; *p != '\0'; n++) {
        const char *nl = strchr(p, '\n');
        size_t len = nl != NULL ? (size_t)(nl - p) : strlen(p);
        if (len == wl && strncmp(p, want, wl) == 0) {
            if (found >= 0)
                fail_msg("line \"%s\" appears twice in:\n%s", want, text);
            found = n;
        }
        p += len + (nl != NULL ? 1 : 0);
    }
    return found;
}

static int
must_have_line(const char *text, const char *want)
{
    int i = line_index(text, want);
    if (i < 0)
        fail_msg("line \"%s\" missing from:\n%s", want, text);
    return i;
}

static size_t
count_lines(const char *text)
{
    size_t n = 0;
    for (const char *p = text; *p != '\0'; p++)
        n += *p == '\n';
    return n;
}

/* ---- text ---- */

static void
test_text_lines(void **state)
{
    fixture *f = *state;
    fixture_diff(f, false);
    fixture_report(f, NULL, SD_REPORT_TEXT);
    const char *t = sd_buf_cstr(&f->out);

    int missing = must_have_line(t, "missing   table main.orders");
    int extra = must_have_line(t, "extra     index main.users.ix_users_email");
    int changed = must_have_line(
        t, "changed   column main.users.email: type VARCHAR(255) -> TEXT; not_null true -> false");
    must_have_line(t, "changed   index main.users.ix_users_name: keys (name) -> (name DESC)");
    /* One column moved (name, after nick): one note for the table, naming only that one. */
    must_have_line(t, "note      table main.users: column order: name 3 -> 4" ORDER_NOTE);
    /* The columns of the missing table are covered by its line. */
    assert_int_equal(line_index(t, "missing   column main.orders.id"), -1);
    /* Drops come first in the change list, and the report keeps its order. */
    assert_true(missing < extra);
    assert_true(missing < changed);
    /* Five entries, then the summary as the last line. */
    assert_int_equal(count_lines(t), 6);
    assert_int_equal(must_have_line(t, "4 differences: 1 missing, 1 extra, 2 changed (1 note)"), 5);
    assert_int_equal(t[strlen(t) - 1], '\n');
}

static void
test_text_strict_column_order(void **state)
{
    fixture *f = *state;
    fixture_diff(f, true);
    fixture_report(f, NULL, SD_REPORT_TEXT);
    const char *t = sd_buf_cstr(&f->out);

    must_have_line(t, "changed   column main.users.name: position 3 -> 4");
    must_have_line(t, "changed   column main.users.nick: position 4 -> 3");
    assert_null(strstr(t, "note"));
    must_have_line(t, "6 differences: 1 missing, 1 extra, 4 changed");
}

static void
test_text_no_drift(void **state)
{
    fixture *f = *state;
    sd_model_free(f->actual);
    f->actual = expected_model();
    fixture_diff(f, false);
    fixture_report(f, NULL, SD_REPORT_TEXT);
    assert_string_equal(sd_buf_cstr(&f->out), "no drift\n");
    assert_int_equal(sd_changelist_drift_count(f->cl), 0);
}

/* Several columns of two tables moved, among other changes: one note per table, listing
 * its moved columns in change-list order; the summary counts tables. */
static void
test_text_order_note_per_table(void **state)
{
    fixture *f = *state;
    sd_model *a = sd_model_new(SD_ENGINE_SQLITE);
    sd_model *b = sd_model_new(SD_ENGINE_SQLITE);
    assert_non_null(a);
    assert_non_null(b);
    static const char *const A_T[] = { "a", "b", "c", "d", "e", "f" };
    static const char *const B_T[] = { "b", "a", "c", "e", "d", "f" };
    add(a, SD_KIND_TABLE, NULL, "t");
    add(b, SD_KIND_TABLE, NULL, "t");
    for (int i = 0; i < 6; i++) {
        add_column(a, "t", A_T[i], i + 1, "INT", false);
        add_column(b, "t", B_T[i], i + 1, i == 2 ? "TEXT" : "INT", false);
    }
    add(a, SD_KIND_TABLE, NULL, "u");
    add(b, SD_KIND_TABLE, NULL, "u");
    add_column(a, "u", "x", 1, "INT", false);
    add_column(a, "u", "y", 2, "INT", false);
    add_column(b, "u", "y", 1, "INT", false);
    add_column(b, "u", "x", 2, "INT", false);
    sdt_freeze(a);
    sdt_freeze(b);
    sd_model_free(f->expected);
    sd_model_free(f->actual);
    f->expected = a;
    f->actual = b;
    fixture_diff(f, false);
    fixture_report(f, NULL, SD_REPORT_TEXT);
    const char *t = sd_buf_cstr(&f->out);
    must_have_line(t, "changed   column main.t.c: type INT -> TEXT");
    must_have_line(t, "note      table main.t: column order: a 1 -> 2, d 4 -> 5" ORDER_NOTE);
    must_have_line(t, "note      table main.u: column order: x 1 -> 2" ORDER_NOTE);
    assert_null(strstr(t, "note      column"));
    must_have_line(t, "1 difference: 0 missing, 0 extra, 1 changed (2 notes)");
    assert_int_equal(count_lines(t), 4);
}

/* Only the column order differs: notes, but no drift. */
static void
test_text_notes_only(void **state)
{
    fixture *f = *state;
    sd_model *a = sd_model_new(SD_ENGINE_SQLITE);
    sd_model *b = sd_model_new(SD_ENGINE_SQLITE);
    assert_non_null(a);
    assert_non_null(b);
    add(a, SD_KIND_TABLE, NULL, "t");
    add_column(a, "t", "x", 1, "INT", false);
    add_column(a, "t", "y", 2, "INT", false);
    add(b, SD_KIND_TABLE, NULL, "t");
    add_column(b, "t", "y", 1, "INT", false);
    add_column(b, "t", "x", 2, "INT", false);
    sdt_freeze(a);
    sdt_freeze(b);
    sd_model_free(f->expected);
    sd_model_free(f->actual);
    f->expected = a;
    f->actual = b;
    fixture_diff(f, false);
    assert_int_equal(sd_changelist_drift_count(f->cl), 0);
    fixture_report(f, NULL, SD_REPORT_TEXT);
    const char *t = sd_buf_cstr(&f->out);
    /* Swapping two columns is one column moved: one note. */
    must_have_line(t, "note      table main.t: column order: x 1 -> 2" ORDER_NOTE);
    assert_int_equal(must_have_line(t, "no drift (1 note)"), 1);
    assert_int_equal(count_lines(t), 2);
}

/* Names with control bytes cannot break the one-line-per-entry shape. */
static void
test_text_escapes_control_bytes(void **state)
{
    fixture *f = *state;
    sd_model *a = sd_model_new(SD_ENGINE_SQLITE);
    sd_model *b = sd_model_new(SD_ENGINE_SQLITE);
    assert_non_null(a);
    assert_non_null(b);
    add(a, SD_KIND_TABLE, NULL, "bad\nname");
    sdt_freeze(a);
    sdt_freeze(b);
    sd_model_free(f->expected);
    sd_model_free(f->actual);
    f->expected = a;
    f->actual = b;
    fixture_diff(f, false);
    fixture_report(f, NULL, SD_REPORT_TEXT);
    assert_string_equal(sd_buf_cstr(&f->out), "missing   table main.\"bad\\nname\"\n"
                                              "1 difference: 1 missing, 0 extra, 0 changed\n");
}

/* A name that holds a dot, a quote or a blank is quoted, so that the dots between the parts
 * of a qualified name are unambiguous; a function's argument list stays as it is. */
static void
test_text_quotes_names_where_needed(void **state)
{
    fixture *f = *state;
    sd_model *a = sd_model_new(SD_ENGINE_PG);
    sd_model *b = sd_model_new(SD_ENGINE_PG);
    assert_non_null(a);
    assert_non_null(b);
    sdt_add(a, SD_KIND_SCHEMA, "my.schema", NULL, "my.schema");
    sdt_add(a, SD_KIND_TABLE, "my.schema", NULL, "t");
    sdt_add(a, SD_KIND_SCHEMA, "public", NULL, "public");
    sdt_add(a, SD_KIND_TABLE, "public", NULL, "Order \"Details\"");
    sdt_add(b, SD_KIND_SCHEMA, "public", NULL, "public");
    sdt_freeze(a);
    sdt_freeze(b);
    sd_model_free(f->expected);
    sd_model_free(f->actual);
    f->expected = a;
    f->actual = b;
    fixture_diff(f, false);
    fixture_report(f, NULL, SD_REPORT_TEXT);
    const char *t = sd_buf_cstr(&f->out);
    must_have_line(t, "missing   schema \"my.schema\"");
    must_have_line(t, "missing   table \"my.schema\".t");
    must_have_line(t, "missing   table public.\"Order \"\"Details\"\"\"");
}

static void
test_deterministic(void **state)
{
    fixture *f = *state;
    sd_report_info info = { "expected.yaml", "actual.db" };
    fixture_diff(f, false);
    for (int fmt = 0; fmt < SD_REPORT__COUNT; fmt++) {
        fixture_report(f, &info, (sd_report_format)fmt);
        char *first = sd_buf_take(&f->out);
        assert_non_null(first);
        fixture_report(f, &info, (sd_report_format)fmt);
        assert_string_equal(first, sd_buf_cstr(&f->out));
        free(first);
    }
}

/* ---- JSON ---- */

static json_t *
parse_report(fixture *f, const sd_report_info *info)
{
    fixture_report(f, info, SD_REPORT_JSON);
    const char *t = sd_buf_cstr(&f->out);
    assert_true(f->out.len > 0);
    assert_int_equal(t[f->out.len - 1], '\n');
    json_error_t jerr;
    json_t *root = json_loads(t, 0, &jerr);
    if (root == NULL)
        fail_msg("invalid JSON at %d:%d: %s\n%s", jerr.line, jerr.column, jerr.text, t);
    assert_true(json_is_object(root));
    return root;
}

static void
assert_json_string(const json_t *obj, const char *key, const char *want)
{
    json_t *v = json_object_get(obj, key);
    if (want == NULL) {
        assert_true(json_is_null(v));
        return;
    }
    if (!json_is_string(v))
        fail_msg("\"%s\" is not a string", key);
    assert_string_equal(json_string_value(v), want);
}

static void
assert_json_int(const json_t *obj, const char *key, json_int_t want)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_integer(v))
        fail_msg("\"%s\" is not an integer", key);
    assert_int_equal(json_integer_value(v), want);
}

/* The difference whose "object" is desc and "status" is status, or NULL. */
static json_t *
find_difference(json_t *root, const char *status, const char *desc)
{
    json_t *diffs = json_object_get(root, "differences");
    size_t i;
    json_t *d;
    json_array_foreach(diffs, i, d)
    {
        if (strcmp(json_string_value(json_object_get(d, "object")), desc) == 0 &&
            strcmp(json_string_value(json_object_get(d, "status")), status) == 0)
            return d;
    }
    return NULL;
}

static void
assert_keys_in_order(json_t *obj, const char *const *keys, size_t n)
{
    void *it = json_object_iter(obj);
    for (size_t i = 0; i < n; i++) {
        if (it == NULL)
            fail_msg("key \"%s\" missing", keys[i]);
        assert_string_equal(json_object_iter_key(it), keys[i]);
        it = json_object_iter_next(obj, it);
    }
    assert_null(it);
}

static void
test_json_shape(void **state)
{
    fixture *f = *state;
    sd_report_info info = { "expected.yaml", "actual.db" };
    fixture_diff(f, false);
    json_t *root = parse_report(f, &info);

    static const char *const top[] = {
        "schemadrift_report", "expected",    "actual", "drift", "summary",
        "differences",        "not_compared"
    };
    assert_keys_in_order(root, top, sizeof(top) / sizeof(top[0]));
    assert_json_int(root, "schemadrift_report", SD_REPORT_JSON_VERSION);
    assert_json_string(root, "expected", "expected.yaml");
    assert_json_string(root, "actual", "actual.db");
    assert_true(json_is_true(json_object_get(root, "drift")));

    json_t *sum = json_object_get(root, "summary");
    static const char *const sum_keys[] = { "missing", "extra", "changed", "notes",
                                            "not_compared" };
    assert_keys_in_order(sum, sum_keys, 5);
    assert_json_int(sum, "not_compared", 0);
    assert_true(json_is_array(json_object_get(root, "not_compared")));
    assert_int_equal(json_array_size(json_object_get(root, "not_compared")), 0);
    assert_json_int(sum, "missing", 1);
    assert_json_int(sum, "extra", 1);
    assert_json_int(sum, "changed", 2);
    assert_json_int(sum, "notes", 1);
    assert_int_equal(json_array_size(json_object_get(root, "differences")), 5);

    json_t *d = find_difference(root, "missing", "table main.orders");
    assert_non_null(d);
    static const char *const diff_keys[] = { "status", "kind",   "schema", "table",
                                             "name",   "object", "fields" };
    assert_keys_in_order(d, diff_keys, sizeof(diff_keys) / sizeof(diff_keys[0]));
    assert_json_string(d, "kind", "table");
    assert_json_string(d, "schema", "main");
    assert_json_string(d, "table", NULL);
    assert_json_string(d, "name", "orders");
    assert_int_equal(json_array_size(json_object_get(d, "fields")), 0);

    d = find_difference(root, "extra", "index main.users.ix_users_email");
    assert_non_null(d);
    assert_json_string(d, "kind", "index");
    assert_json_string(d, "table", "users");
    assert_json_string(d, "name", "ix_users_email");

    d = find_difference(root, "changed", "column main.users.email");
    assert_non_null(d);
    json_t *fields = json_object_get(d, "fields");
    assert_int_equal(json_array_size(fields), 2);
    json_t *type = json_array_get(fields, 0);
    static const char *const field_keys[] = { "field", "expected", "actual" };
    assert_keys_in_order(type, field_keys, 3);
    assert_json_string(type, "field", "type");
    assert_json_string(type, "expected", "VARCHAR(255)");
    assert_json_string(type, "actual", "TEXT");
    json_t *nn = json_array_get(fields, 1);
    assert_json_string(nn, "field", "not_null");
    assert_true(json_is_true(json_object_get(nn, "expected")));
    assert_true(json_is_false(json_object_get(nn, "actual")));

    d = find_difference(root, "note", "table main.users");
    assert_non_null(d);
    json_t *pos = json_array_get(json_object_get(d, "fields"), 0);
    assert_json_string(pos, "field", "column_order");
    json_t *moved = json_object_get(pos, "moved");
    assert_int_equal(json_array_size(moved), 1);
    assert_string_equal(json_string_value(json_array_get(moved, 0)), "name");
    json_t *exp = json_object_get(pos, "expected");
    json_t *act = json_object_get(pos, "actual");
    assert_int_equal(json_array_size(exp), json_array_size(act));
    assert_string_equal(json_string_value(json_array_get(exp, 2)), "name");
    assert_string_equal(json_string_value(json_array_get(act, 3)), "name");
    json_decref(root);
}

/* Index keys become arrays of objects with every key-part attribute. */
static void
test_json_keys(void **state)
{
    fixture *f = *state;
    fixture_diff(f, false);
    json_t *root = parse_report(f, NULL);
    assert_true(json_is_null(json_object_get(root, "expected")));
    assert_true(json_is_null(json_object_get(root, "actual")));
    json_t *d = find_difference(root, "changed", "index main.users.ix_users_name");
    assert_non_null(d);
    json_t *fld = json_array_get(json_object_get(d, "fields"), 0);
    assert_json_string(fld, "field", "keys");
    json_t *exp = json_object_get(fld, "expected");
    json_t *act = json_object_get(fld, "actual");
    assert_true(json_is_array(exp));
    assert_int_equal(json_array_size(exp), 1);
    assert_int_equal(json_array_size(act), 1);
    json_t *kp = json_array_get(exp, 0);
    static const char *const kp_keys[] = { "column",  "expression", "collation",
                                           "opclass", "desc",       "nulls" };
    assert_keys_in_order(kp, kp_keys, sizeof(kp_keys) / sizeof(kp_keys[0]));
    assert_json_string(kp, "column", "name");
    assert_json_string(kp, "expression", NULL);
    assert_true(json_is_false(json_object_get(kp, "desc")));
    assert_true(json_is_true(json_object_get(json_array_get(act, 0), "desc")));
    json_decref(root);
}

static void
test_json_no_drift(void **state)
{
    fixture *f = *state;
    sd_model_free(f->actual);
    f->actual = expected_model();
    fixture_diff(f, false);
    sd_report_info info = { "a.db", "b.db" };
    json_t *root = parse_report(f, &info);
    assert_true(json_is_false(json_object_get(root, "drift")));
    assert_int_equal(json_array_size(json_object_get(root, "differences")), 0);
    assert_json_int(json_object_get(root, "summary"), "changed", 0);
    json_decref(root);
}

/* A name that is not UTF-8 (possible in a SQLite file) still gives valid JSON. */
static void
test_json_invalid_utf8(void **state)
{
    fixture *f = *state;
    sd_model *a = sd_model_new(SD_ENGINE_SQLITE);
    sd_model *b = sd_model_new(SD_ENGINE_SQLITE);
    assert_non_null(a);
    assert_non_null(b);
    add(a, SD_KIND_TABLE, NULL, "caf\xe9");
    sdt_freeze(a);
    sdt_freeze(b);
    sd_model_free(f->expected);
    sd_model_free(f->actual);
    f->expected = a;
    f->actual = b;
    fixture_diff(f, false);
    json_t *root = parse_report(f, NULL);
    json_t *d = json_array_get(json_object_get(root, "differences"), 0);
    assert_non_null(d);
    assert_json_string(d, "name", "caf\xef\xbf\xbd");
    json_decref(root);
}

/* ---- not compared ---- */

static void
test_text_not_compared(void **state)
{
    fixture *f = *state;
    use_not_compared(f);
    fixture_diff(f, false);
    fixture_report(f, NULL, SD_REPORT_TEXT);
    const char *t = sd_buf_cstr(&f->out);

    /* Both sides, once each, sorted by (kind, name) in byte order; the side when only one
     * holds it. */
    int cast = must_have_line(t, "not compared  cast (text AS main.t) (actual only)");
    int op = must_have_line(t, "not compared  operator main.===(integer, integer) (expected only)");
    int r1 = must_have_line(t, "not compared  rule main.orders.r_a (actual only)");
    int r2 = must_have_line(t, "not compared  rule main.users.r_audit");
    /* After the five differences, before the summary. */
    assert_int_equal(cast, 5);
    assert_int_equal(op, 6);
    assert_int_equal(r1, 7);
    assert_int_equal(r2, 8);
    assert_int_equal(
        must_have_line(t, "4 differences: 1 missing, 1 extra, 2 changed (1 note, 4 not compared)"),
        9);
    assert_int_equal(count_lines(t), 10);
    /* Not compared is never drift. */
    assert_int_equal(sd_changelist_drift_count(f->cl), 4);
}

static void
test_text_not_compared_no_drift(void **state)
{
    fixture *f = *state;
    static const char *const one[] = { "rule", "main.users.r_audit", NULL };
    sd_model_free(f->actual);
    sd_model_free(f->expected);
    f->expected = expected_model_with(one);
    f->actual = expected_model_with(one);
    fixture_diff(f, false);
    fixture_report(f, NULL, SD_REPORT_TEXT);
    assert_string_equal(sd_buf_cstr(&f->out), "not compared  rule main.users.r_audit\n"
                                              "no drift (1 not compared)\n");
    assert_int_equal(sd_changelist_drift_count(f->cl), 0);
}

/* Only one side has entries (a snapshot against a live server, say): still listed. */
static void
test_text_not_compared_one_side(void **state)
{
    fixture *f = *state;
    static const char *const one[] = { "event trigger", "ddl\nlog", NULL };
    sd_model_free(f->actual);
    f->actual = expected_model_with(one);
    fixture_diff(f, false);
    fixture_report(f, NULL, SD_REPORT_TEXT);
    /* A name with a control byte stays on one line. */
    assert_string_equal(sd_buf_cstr(&f->out),
                        "not compared  event trigger ddl\\nlog (actual only)\n"
                        "no drift (1 not compared)\n");
}

static void
test_json_not_compared(void **state)
{
    fixture *f = *state;
    use_not_compared(f);
    fixture_diff(f, false);
    json_t *root = parse_report(f, NULL);

    assert_json_int(json_object_get(root, "summary"), "not_compared", 4);
    assert_json_int(json_object_get(root, "summary"), "notes", 1);
    assert_true(json_is_true(json_object_get(root, "drift")));
    json_t *nc = json_object_get(root, "not_compared");
    assert_true(json_is_array(nc));
    assert_int_equal(json_array_size(nc), 4);
    static const char *const want[][3] = {
        { "cast", "(text AS main.t)", "actual" },
        { "operator", "main.===(integer, integer)", "expected" },
        { "rule", "main.orders.r_a", "actual" },
        { "rule", "main.users.r_audit", "both" },
    };
    static const char *const entry_keys[] = { "kind", "name", "side" };
    for (size_t i = 0; i < 4; i++) {
        json_t *e = json_array_get(nc, i);
        assert_keys_in_order(e, entry_keys, 3);
        assert_json_string(e, "kind", want[i][0]);
        assert_json_string(e, "name", want[i][1]);
        assert_json_string(e, "side", want[i][2]);
    }
    json_decref(root);
}

/* users(id, <col>) */
static sd_model *
rename_model(const char *col)
{
    sd_model *m = sd_model_new(SD_ENGINE_SQLITE);
    assert_non_null(m);
    add(m, SD_KIND_TABLE, NULL, "users");
    add_column(m, "users", "id", 1, "INTEGER", false);
    add_column(m, "users", col, 2, "TEXT", false);
    sdt_freeze(m);
    return m;
}

/* A hinted rename is one "changed" entry (text and JSON); without the hint the drop and add
 * are followed by an uncounted note naming the hint. */
static void
test_renames(void **state)
{
    fixture *f = *state;
    sd_model_free(f->expected);
    sd_model_free(f->actual);
    f->expected = rename_model("full_name");
    f->actual = rename_model("name");
    static const char *const H[] = { "column:main.users.full_name=name" };
    sd_diff_options opts = { .renames = H, .nrenames = 1 };
    sd_err err = SD_ERR_INIT;
    ASSERT_SD_OK(sd_diff_models(&f->cl, f->expected, f->actual, &opts, &err), &err);
    fixture_report(f, NULL, SD_REPORT_TEXT);
    assert_string_equal(sd_buf_cstr(&f->out),
                        "changed   column main.users.full_name: renamed to name\n"
                        "1 difference: 0 missing, 0 extra, 1 changed\n");
    fixture_report(f, NULL, SD_REPORT_JSON);
    json_error_t je;
    json_t *root = json_loads(sd_buf_cstr(&f->out), 0, &je);
    assert_non_null(root);
    assert_int_equal(
        json_integer_value(json_object_get(json_object_get(root, "summary"), "changed")), 1);
    json_t *d = json_array_get(json_object_get(root, "differences"), 0);
    assert_string_equal(json_string_value(json_object_get(d, "status")), "changed");
    assert_string_equal(json_string_value(json_object_get(d, "kind")), "column");
    assert_string_equal(json_string_value(json_object_get(d, "name")), "full_name");
    json_t *fl = json_array_get(json_object_get(d, "fields"), 0);
    assert_string_equal(json_string_value(json_object_get(fl, "field")), "name");
    assert_string_equal(json_string_value(json_object_get(fl, "expected")), "full_name");
    assert_string_equal(json_string_value(json_object_get(fl, "actual")), "name");
    json_decref(root);
    sd_changelist_free(f->cl);
    f->cl = NULL;
    fixture_diff(f, false);
    fixture_report(f, NULL, SD_REPORT_TEXT);
    assert_string_equal(sd_buf_cstr(&f->out),
                        "missing   column main.users.full_name\n"
                        "extra     column main.users.name\n"
                        "note      possible rename: use --rename column:main.users.full_name=name\n"
                        "2 differences: 1 missing, 1 extra, 0 changed\n");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_text_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_strict_column_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_no_drift, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_notes_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_order_note_per_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_escapes_control_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_quotes_names_where_needed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deterministic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_shape, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_keys, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_no_drift, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_invalid_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_not_compared, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_not_compared_no_drift, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_not_compared_one_side, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_not_compared, setup, teardown),
        cmocka_unit_test_setup_teardown(test_renames, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
