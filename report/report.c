/*
 * report.c: the drift report of `schemadrift check`, as text for people and as JSON for
 * machines. It reads a change list computed with from = EXPECTED and to = ACTUAL and prints
 * nothing itself: both formats are appended to the caller's buffer. It does not decide the
 * exit status (the CLI does, from sd_changelist_drift_count()).
 *
 * Classification of a change:
 *   SD_OP_DROP   (in expected, not in actual)   -> "missing"
 *   SD_OP_CREATE (in actual, not in expected)   -> "extra"
 *   SD_OP_ALTER  with drift bits in `fields`    -> "changed" (each field: expected -> actual)
 *   SD_OP_ALTER  with bits in `notes`, or an SD_CHG_NOTE_ONLY change -> "note"
 * An ALTER with both gives a "changed" entry followed by a "note" entry. A column or
 * constraint whose table is itself missing or extra is not listed again: the table's line
 * covers it.
 *
 * Text format: one line per entry, in change-list order, then a summary line:
 *
 *   missing   table main.orders
 *   extra     index main.users.ix_users_email
 *   changed   column main.users.email: type VARCHAR(255) -> TEXT; not_null true -> false
 *   note      column main.users.nick: position 3 -> 2 (column order is not drift; use
 *             --strict-column-order)                       <- one line in the real output
 *   not compared  collation public.nocase (actual only)
 *   3 differences: 1 missing, 1 extra, 1 changed (1 note, 1 not compared)
 *
 * Renames (hinted, or an enum value replaced in place) come first, as "changed" entries:
 * "changed   column main.t.full_name: renamed to name", "changed   enum public.mood: value
 * sad renamed to unhappy" (JSON: one field, "name" or "value", expected -> actual). Possible
 * renames no hint covers follow the entries as uncounted lines "note      possible rename:
 * use --rename column:main.t.full_name=name" (text only).
 *
 * "not compared" lines list the objects either model holds but does not compare (PostgreSQL
 * rules, operators, ...: sd_model_uncompared_at()), from both sides, de-duplicated and sorted
 * by (kind, name) in byte order, " (expected only)" / " (actual only)" after one that only
 * one side holds; they are never drift. The summary is "no drift" when
 * nothing differs ("no drift (2 notes)" with notes only); the parenthesis lists the notes
 * and the objects not compared, each left out when there are none. Control characters in
 * names and values are escaped (\n, \t, \xNN) so each entry stays on one line.
 *
 * JSON format (SD_REPORT_JSON_VERSION 2), keys always in this order, two-space indent,
 * trailing newline:
 *
 *   {
 *     "schemadrift_report": 2,
 *     "expected": "schema.yaml",          label of EXPECTED (string, or null)
 *     "actual": "app.db",                 label of ACTUAL (string, or null)
 *     "drift": true,                      false when the check passes (exit status 0)
 *     "summary": {
 *       "missing": 1,                     in expected, not in actual
 *       "extra": 1,                       in actual, not in expected
 *       "changed": 1,                     in both, with different definitions
 *       "notes": 1,                       differences that are not drift (column order)
 *       "not_compared": 1                 entries of "not_compared"
 *     },
 *     "differences": [                    in change-list order
 *       {
 *         "status": "changed",            "missing" | "extra" | "changed" | "note"
 *         "kind": "column",               schema, table, column, primary_key, unique, check,
 *                                         foreign_key, index, view, trigger
 *         "schema": "main",
 *         "table": "users",               owning relation, or null
 *         "name": "email",                null for an unnamed constraint
 *         "object": "column main.users.email",   human description
 *         "fields": [                     [] for missing and extra
 *           { "field": "type", "expected": "VARCHAR(255)", "actual": "TEXT" },
 *           { "field": "not_null", "expected": true, "actual": false }
 *         ]
 *       }                                 a column-order note: kind "table", one field
 *     ],                                  "column_order": expected / actual (the column
 *                                         names in order) and "moved" (those that moved)
 *     "not_compared": [                   both sides, de-duplicated, sorted (kind, name)
 *       { "kind": "collation", "name": "public.nocase", "side": "actual" }
 *                                         side: "expected", "actual" or "both"
 *     ]
 *   }
 *
 * Field values keep their type: booleans, integers, strings (null when absent), SQL text as
 * written (string or null), name lists as arrays of strings, and index keys as arrays of
 * { "column": string|null, "expression": string|null, "collation": string|null,
 *   "opclass": string|null, "desc": bool, "nulls": "first"|"last"|null }.
 * Strings that are not valid UTF-8 have each invalid byte replaced by U+FFFD.
 */
#include "report/report.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "util/map.h"
#include "util/sort.h"
#include "util/sql.h"
#include "util/vec.h"

/* ---- classification ---- */

typedef enum entry_status {
    ST_MISSING = 0, /* only in expected */
    ST_EXTRA,       /* only in actual */
    ST_CHANGED,     /* in both, drift fields differ */
    ST_NOTE,        /* in both, only non-drift fields differ */
    ST__COUNT
} entry_status;

static const char *const STATUS_NAMES[] = {
    [ST_MISSING] = "missing",
    [ST_EXTRA] = "extra",
    [ST_CHANGED] = "changed",
    [ST_NOTE] = "note",
};
_Static_assert(sizeof(STATUS_NAMES) / sizeof(STATUS_NAMES[0]) == ST__COUNT, "status names");

/* One reported line: a change seen as one status, with the field bits it shows. */
typedef struct entry {
    const sd_change *ch; /* the change */
    entry_status status; /* how it is reported */
    uint64_t bits;       /* fields to show (bit per field index) */
} entry;

typedef struct summary {
    size_t count[ST__COUNT]; /* entries per status */
} summary;

/* A column or constraint created or dropped together with its table adds nothing. */
static bool
covered_by_owner(const sd_changelist *cl, const sd_change *ch)
{
    if (ch->op == SD_OP_ALTER)
        return false;
    const sd_object *o = ch->op == SD_OP_DROP ? ch->from : ch->to;
    if (o == NULL || o->owner == NULL)
        return false;
    const sd_change *oc = sd_changelist_find(cl, o->owner);
    return oc != NULL && oc->op == ch->op;
}

/* The entries (0, 1 or 2) a change produces, in the order they are reported. */
static size_t
classify(const sd_changelist *cl, const sd_change *ch, entry out[2])
{
    size_t n = 0;
    /* A deferred part is how a create is written, not a difference of its own. */
    if (covered_by_owner(cl, ch) || (ch->flags & SD_CHG_DEFERRED))
        return 0;
    switch (ch->op) {
    case SD_OP_DROP:
        out[n++] = (entry){ ch, ST_MISSING, 0 };
        break;
    case SD_OP_CREATE:
        out[n++] = (entry){ ch, ST_EXTRA, 0 };
        break;
    case SD_OP_ALTER: {
        bool note_only = (ch->flags & SD_CHG_NOTE_ONLY) != 0;
        if (!note_only && (ch->fields != 0 || ch->notes == 0))
            out[n++] = (entry){ ch, ST_CHANGED, ch->fields };
        if (ch->notes != 0 || (note_only && n == 0))
            out[n++] = (entry){ ch, ST_NOTE, ch->notes };
        break;
    }
    case SD_OP__COUNT:
        break;
    }
    return n;
}

/* ---- column order: one note per table ---- */

/* A column whose only note is its position (the column order differs, nothing else). */
static bool
is_order_note(const entry *e)
{
    return e->status == ST_NOTE && e->ch->kind == SD_KIND_COLUMN &&
           e->bits == ((uint64_t)1 << SD_COLUMN_POSITION) && e->ch->to != NULL &&
           e->ch->to->owner != NULL && e->ch->from != NULL && e->ch->from->owner != NULL;
}

/* The column-order notes of the change list grouped by table: the first of a table is
 * reported for all of them (role ORDER_FIRST, the others chained by next), the rest not. */
enum {
    ORDER_NONE = 0,
    ORDER_FIRST,
    ORDER_LATER
};

typedef struct order_notes {
    size_t *next;        /* per change: the table's next order note, or SIZE_MAX */
    unsigned char *role; /* per change: ORDER_* */
} order_notes;

static void
order_notes_dispose(order_notes *g)
{
    free(g->next);
    free(g->role);
}

/* SD_ERR_NOMEM only. */
static sd_status
order_notes_build(order_notes *g, const sd_changelist *cl)
{
    size_t n = sd_changelist_count(cl);
    sd_map last = SD_MAP_INIT; /* table key -> its latest order note's index + 1 */
    g->next = malloc((n > 0 ? n : 1) * sizeof(*g->next));
    g->role = calloc(n > 0 ? n : 1, sizeof(*g->role));
    sd_status rc = g->next != NULL && g->role != NULL ? SD_OK : SD_ERR_NOMEM;
    entry e[2];
    for (size_t i = 0; rc == SD_OK && i < n; i++) {
        g->next[i] = SIZE_MAX;
        size_t k = classify(cl, sd_changelist_at(cl, i), e);
        if (k == 0 || !is_order_note(&e[k - 1]))
            continue;
        const char *table = e[k - 1].ch->to->owner->key;
        uintptr_t prev = (uintptr_t)sd_map_get(&last, table);
        g->role[i] = prev != 0 ? ORDER_LATER : ORDER_FIRST;
        if (prev != 0)
            g->next[prev - 1] = i;
        rc = sd_map_put(&last, table, (void *)(uintptr_t)(i + 1));
    }
    sd_map_dispose(&last);
    return rc;
}

/* Whether entry e of change i is reported: a table's later order notes are in its first. */
static bool
reported(const order_notes *g, size_t i, const entry *e)
{
    return !(is_order_note(e) && g->role[i] == ORDER_LATER);
}

static summary
summarize(const sd_changelist *cl, const order_notes *g)
{
    summary s = { { 0 } };
    s.count[ST_CHANGED] = sd_changelist_rename_count(cl);
    entry e[2];
    for (size_t i = 0; i < sd_changelist_count(cl); i++) {
        size_t n = classify(cl, sd_changelist_at(cl, i), e);
        for (size_t j = 0; j < n; j++)
            if (reported(g, i, &e[j]))
                s.count[e[j].status]++;
    }
    return s;
}

/* The object a change is about, as it appears in either model (identities are equal). */
static const sd_object *
change_object(const sd_change *ch)
{
    return ch->from != NULL ? ch->from : ch->to;
}

/* ---- not compared ---- */

/* One object a model holds but does not compare. */
/* The side(s) an object not compared is on (bits). */
enum {
    SIDE_EXPECTED = 1,
    SIDE_ACTUAL = 2
};

typedef struct uncompared {
    const char *kind; /* "collation", "cast", ... */
    const char *name; /* qualified name */
    unsigned sides;   /* SIDE_EXPECTED | SIDE_ACTUAL */
} uncompared;

typedef SD_VEC(uncompared) uncompared_list;

static int
cmp_uncompared(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    const uncompared *a = pa;
    const uncompared *b = pb;
    int c = sd_strcmp_c(a->kind, b->kind);
    return c != 0 ? c : sd_strcmp_c(a->name, b->name);
}

/* Both models' lists, sorted by (kind, name), each entry once. SD_ERR_NOMEM only. */
static sd_status
collect_uncompared(uncompared_list *out, const sd_changelist *cl)
{
    const sd_model *models[2] = { sd_changelist_from(cl), sd_changelist_to(cl) };
    for (size_t m = 0; m < 2; m++) {
        size_t n = models[m] != NULL ? sd_model_uncompared_count(models[m]) : 0;
        for (size_t i = 0; i < n; i++) {
            uncompared u = { NULL, NULL, m == 0 ? SIDE_EXPECTED : SIDE_ACTUAL };
            sd_model_uncompared_at(models[m], i, &u.kind, &u.name);
            if (u.kind == NULL || u.name == NULL)
                continue;
            if (sd_vec_push(out, u) != SD_OK)
                return SD_ERR_NOMEM;
        }
    }
    if (sd_sort(out->items, out->len, sizeof(*out->items), cmp_uncompared, NULL) != SD_OK)
        return SD_ERR_NOMEM;
    size_t kept = 0;
    for (size_t i = 0; i < out->len; i++) {
        if (kept > 0 && cmp_uncompared(&out->items[kept - 1], &out->items[i], NULL) == 0) {
            out->items[kept - 1].sides |= out->items[i].sides;
            continue;
        }
        out->items[kept++] = out->items[i];
    }
    out->len = kept;
    return SD_OK;
}

/* ---- text ---- */

static void
append_counted(sd_buf *out, size_t n, const char *one, const char *many)
{
    sd_buf_appendf(out, "%zu %s", n, n == 1 ? one : many);
}

/* Split text into lines (pointers into text, lengths); returns the count. */
static size_t
split_lines(const char *text, const char ***starts, size_t **lens)
{
    size_t n = 1;
    for (const char *p = text; *p != '\0'; p++)
        n += *p == '\n';
    *starts = calloc(n, sizeof(**starts));
    *lens = calloc(n, sizeof(**lens));
    if (*starts == NULL || *lens == NULL)
        return 0;
    size_t i = 0;
    const char *line = text;
    for (const char *p = text;; p++) {
        if (*p == '\n' || *p == '\0') {
            (*starts)[i] = line;
            (*lens)[i++] = (size_t)(p - line);
            line = p + 1;
            if (*p == '\0')
                break;
        }
    }
    return i;
}

static void
diff_line(sd_buf *out, char mark, const char *line, size_t len)
{
    sd_buf tmp = SD_BUF_INIT;
    sd_buf_appendn(&tmp, line, len);
    sd_buf_appendf(out, "          %c ", mark);
    sd_buf_append_printable(out, sd_buf_cstr(&tmp));
    sd_buf_putc(out, '\n');
    sd_buf_dispose(&tmp);
}

/* Largest SQL text (in lines per side) shown as a line diff; longer texts are summarized. */
#define MAX_DIFF_LINES 2000

typedef struct diff_row {
    char mark;        /* ' ' same, '-' only expected, '+' only actual */
    const char *text; /* the line (not NUL-terminated) */
    size_t len;       /* its length */
} diff_row;

typedef struct lines {
    const char **at; /* line starts */
    size_t *len;     /* line lengths */
    size_t n;        /* number of lines */
} lines;

static bool
same_line(const lines *a, size_t i, const lines *b, size_t j)
{
    return a->len[i] == b->len[j] && memcmp(a->at[i], b->at[j], a->len[i]) == 0;
}

/* Tag every line of a and b as kept, removed or added, through a longest-common-subsequence
 * table (view and trigger bodies are small). Returns the row count, 0 when out of memory. */
static size_t
lcs_rows(const lines *a, const lines *b, diff_row *rows)
{
    size_t w = b->n + 1;
    size_t *t = calloc((a->n + 1) * w, sizeof(*t));
    if (t == NULL)
        return 0;
    for (size_t i = a->n; i-- > 0;) {
        for (size_t j = b->n; j-- > 0;) {
            size_t down = t[(i + 1) * w + j];
            size_t right = t[i * w + j + 1];
            t[i * w + j] =
                same_line(a, i, b, j) ? t[(i + 1) * w + j + 1] + 1 : (down > right ? down : right);
        }
    }
    size_t nr = 0;
    size_t i = 0;
    size_t j = 0;
    while (i < a->n || j < b->n) {
        if (i < a->n && j < b->n && same_line(a, i, b, j)) {
            rows[nr++] = (diff_row){ ' ', a->at[i], a->len[i] };
            i++;
            j++;
        } else if (j < b->n && (i == a->n || t[i * w + j + 1] >= t[(i + 1) * w + j])) {
            rows[nr++] = (diff_row){ '+', b->at[j], b->len[j] };
            j++;
        } else {
            rows[nr++] = (diff_row){ '-', a->at[i], a->len[i] };
            i++;
        }
    }
    free(t);
    return nr;
}

/* Print changed rows with up to two lines of context; "..." stands for skipped lines. */
static void
print_rows(sd_buf *out, const diff_row *rows, size_t nr)
{
    bool shown_prev = false;
    for (size_t r = 0; r < nr; r++) {
        bool near = false;
        size_t lo = r >= 2 ? r - 2 : 0;
        for (size_t k = lo; k < nr && k <= r + 2; k++)
            near = near || rows[k].mark != ' ';
        if (near)
            diff_line(out, rows[r].mark, rows[r].text, rows[r].len);
        else if (r == 0 || shown_prev)
            sd_buf_append(out, "          ...\n");
        shown_prev = near;
    }
}

/* A line diff of multi-line SQL text (views, triggers) under a report entry: "-" lines are
 * only in the expected text, "+" lines only in the actual one. */
static void
text_sql_diff(sd_buf *out, const char *expected, const char *actual)
{
    lines a = { NULL, NULL, 0 };
    lines b = { NULL, NULL, 0 };
    diff_row *rows = NULL;
    a.n = split_lines(expected != NULL ? expected : "", &a.at, &a.len);
    b.n = split_lines(actual != NULL ? actual : "", &b.at, &b.len);
    if (a.n == 0 || b.n == 0 || a.n > MAX_DIFF_LINES || b.n > MAX_DIFF_LINES) {
        sd_buf_appendf(out, "          (%zu lines -> %zu lines)\n", a.n, b.n);
        goto out;
    }
    rows = calloc(a.n + b.n + 1, sizeof(*rows));
    size_t nr = rows != NULL ? lcs_rows(&a, &b, rows) : 0;
    if (nr == 0) {
        out->failed = true;
        goto out;
    }
    print_rows(out, rows, nr);
out:
    free(a.at);
    free(a.len);
    free(b.at);
    free(b.len);
    free(rows);
}

static bool
is_multiline_sql(const sd_field_info *fi, const sd_change *ch, size_t f)
{
    if (fi->type != SD_FIELD_SQL)
        return false;
    const char *x = ch->from->v[f].sql.text;
    const char *y = ch->to->v[f].sql.text;
    return (x != NULL && strchr(x, '\n') != NULL) || (y != NULL && strchr(y, '\n') != NULL);
}

static void
text_entry(sd_buf *out, const entry *e)
{
    const sd_change *ch = e->ch;
    const sd_kind_info *ki = sd_kind_get(ch->kind);
    sd_buf line = SD_BUF_INIT;
    bool order_note = false;
    uint64_t long_sql = 0;

    sd_buf_appendf(&line, "%-9s ", STATUS_NAMES[e->status]);
    sd_object_describe(&line, change_object(ch));
    const char *sep = ": ";
    if (e->bits & ((uint64_t)1 << SD_CHANGE_NAME_BIT)) {
        sd_buf_appendf(&line, "%sname %s -> %s", sep, ch->from->name ? ch->from->name : "(none)",
                       ch->to->name ? ch->to->name : "(none)");
        sep = "; ";
    }
    for (size_t f = 0; ki != NULL && f < ki->nfields && f < 64; f++) {
        if ((e->bits & ((uint64_t)1 << f)) == 0)
            continue;
        const sd_field_info *fi = &ki->fields[f];
        sd_buf_appendf(&line, "%s%s", sep, fi->name);
        sep = "; ";
        if (is_multiline_sql(fi, ch, f)) {
            /* Shown as a line diff below the entry. */
            sd_buf_append(&line, " differs");
            long_sql |= (uint64_t)1 << f;
            continue;
        }
        sd_buf_putc(&line, ' ');
        sd_value_describe(&line, fi->type, &ch->from->v[f]);
        sd_buf_append(&line, " -> ");
        sd_value_describe(&line, fi->type, &ch->to->v[f]);
        if (fi->flags & SD_FF_ORDER)
            order_note = true;
    }
    if (e->status == ST_NOTE && order_note)
        sd_buf_append(&line, " (column order is not drift; use --strict-column-order)");
    /* One entry, one line: names and SQL text may hold newlines or control bytes. */
    sd_buf_append_printable(out, sd_buf_cstr(&line));
    sd_buf_putc(out, '\n');
    for (size_t f = 0; ki != NULL && f < ki->nfields && f < 64; f++)
        if (long_sql & ((uint64_t)1 << f))
            text_sql_diff(out, ch->from->v[f].sql.text, ch->to->v[f].sql.text);
    if (sd_buf_failed(&line))
        out->failed = true;
    sd_buf_dispose(&line);
}

static void
text_summary(sd_buf *out, const summary *s, size_t not_compared)
{
    size_t drift = s->count[ST_MISSING] + s->count[ST_EXTRA] + s->count[ST_CHANGED];
    if (drift == 0) {
        sd_buf_append(out, "no drift");
    } else {
        append_counted(out, drift, "difference", "differences");
        sd_buf_appendf(out, ": %zu missing, %zu extra, %zu changed", s->count[ST_MISSING],
                       s->count[ST_EXTRA], s->count[ST_CHANGED]);
    }
    const char *sep = " (";
    if (s->count[ST_NOTE] > 0) {
        sd_buf_append(out, sep);
        append_counted(out, s->count[ST_NOTE], "note", "notes");
        sep = ", ";
    }
    if (not_compared > 0) {
        sd_buf_append(out, sep);
        sd_buf_appendf(out, "%zu not compared", not_compared);
        sep = ", ";
    }
    if (sep[0] == ',')
        sd_buf_putc(out, ')');
    sd_buf_putc(out, '\n');
}

/* " (expected only)" / " (actual only)" / "" (on both sides). */
static const char *
side_note(unsigned sides)
{
    return sides == SIDE_EXPECTED ? " (expected only)"
           : sides == SIDE_ACTUAL ? " (actual only)"
                                  : "";
}

static void
text_uncompared(sd_buf *out, const uncompared *u)
{
    sd_buf line = SD_BUF_INIT;
    sd_buf_appendf(&line, "not compared  %s %s%s", u->kind, u->name, side_note(u->sides));
    sd_buf_append_printable(out, sd_buf_cstr(&line));
    sd_buf_putc(out, '\n');
    if (sd_buf_failed(&line))
        out->failed = true;
    sd_buf_dispose(&line);
}

/* What a rename changes, for both formats: the field shown and the object named. */
static const char *
rename_field(const sd_rename *r)
{
    return r->kind == SD_RENAME_ENUM_VALUE ? "value" : "name";
}

/* "changed   column main.t.full_name: renamed to name" (the object as EXPECTED names it). */
static void
text_rename(sd_buf *out, const sd_rename *r)
{
    sd_buf line = SD_BUF_INIT;
    sd_buf_appendf(&line, "%-9s ", STATUS_NAMES[ST_CHANGED]);
    sd_object_describe(&line, r->object);
    if (r->kind == SD_RENAME_ENUM_VALUE)
        sd_buf_appendf(&line, ": value %s renamed to %s", r->old_name, r->new_name);
    else
        sd_buf_appendf(&line, ": renamed to %s", r->new_name);
    sd_buf_append_printable(out, sd_buf_cstr(&line));
    sd_buf_putc(out, '\n');
    if (sd_buf_failed(&line))
        out->failed = true;
    sd_buf_dispose(&line);
}

/* "note      table main.t: column order: a 1 -> 2, d 4 -> 5 (column order is not drift; ...)":
 * the moved columns of the table whose first order note is change i, with their positions. */
static void
text_order_note(sd_buf *out, const sd_changelist *cl, const order_notes *g, size_t i)
{
    sd_buf line = SD_BUF_INIT;
    sd_buf_appendf(&line, "%-9s ", STATUS_NAMES[ST_NOTE]);
    sd_object_describe(&line, sd_changelist_at(cl, i)->to->owner);
    sd_buf_append(&line, ": column order:");
    for (size_t j = i; j != SIZE_MAX; j = g->next[j]) {
        const sd_change *ch = sd_changelist_at(cl, j);
        sd_buf_append(&line, j == i ? " " : ", ");
        sd_sql_ident(&line, sd_model_engine(sd_changelist_to(cl)), ch->to->name);
        sd_buf_appendf(&line, " %lld -> %lld", (long long)ch->from->v[SD_COLUMN_POSITION].i,
                       (long long)ch->to->v[SD_COLUMN_POSITION].i);
    }
    sd_buf_append(&line, " (column order is not drift; use --strict-column-order)");
    sd_buf_append_printable(out, sd_buf_cstr(&line));
    sd_buf_putc(out, '\n');
    if (sd_buf_failed(&line))
        out->failed = true;
    sd_buf_dispose(&line);
}

static void
write_text(sd_buf *out, const sd_changelist *cl)
{
    uncompared_list nc = SD_VEC_INIT;
    order_notes g = { NULL, NULL };
    entry e[2];
    if (order_notes_build(&g, cl) != SD_OK) {
        out->failed = true; /* reported by sd_report_write() */
        order_notes_dispose(&g);
        return;
    }
    for (size_t i = 0; i < sd_changelist_rename_count(cl); i++)
        text_rename(out, sd_changelist_rename_at(cl, i));
    for (size_t i = 0; i < sd_changelist_count(cl); i++) {
        size_t n = classify(cl, sd_changelist_at(cl, i), e);
        for (size_t j = 0; j < n; j++) {
            if (!is_order_note(&e[j]))
                text_entry(out, &e[j]);
            else if (g.role[i] == ORDER_FIRST)
                text_order_note(out, cl, &g, i);
        }
    }
    /* Not counted: a hint for the user, about a drop and an add already reported. */
    for (size_t i = 0; i < sd_changelist_suggestion_count(cl); i++) {
        sd_buf line = SD_BUF_INIT;
        sd_buf_appendf(&line, "%-9s possible rename: use --rename %s", STATUS_NAMES[ST_NOTE],
                       sd_changelist_suggestion_at(cl, i));
        sd_buf_append_printable(out, sd_buf_cstr(&line));
        sd_buf_putc(out, '\n');
        if (sd_buf_failed(&line))
            out->failed = true;
        sd_buf_dispose(&line);
    }
    if (collect_uncompared(&nc, cl) != SD_OK)
        out->failed = true; /* reported by sd_report_write() */
    for (size_t i = 0; i < nc.len; i++)
        text_uncompared(out, &nc.items[i]);
    summary s = summarize(cl, &g);
    text_summary(out, &s, nc.len);
    sd_vec_dispose(&nc);
    order_notes_dispose(&g);
}

/* ---- JSON ---- */

/* Append s with every byte that does not start a valid UTF-8 sequence replaced by U+FFFD. */
static void
utf8_sanitize(sd_buf *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p != '\0') {
        size_t len = 0;
        unsigned char lo = 0x80; /* allowed range of the second byte */
        unsigned char hi = 0xBF;
        if (p[0] < 0x80) {
            len = 1;
        } else if (p[0] >= 0xC2 && p[0] <= 0xDF) {
            len = 2;
        } else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
            len = 3;
            lo = p[0] == 0xE0 ? 0xA0 : 0x80; /* no overlong forms */
            hi = p[0] == 0xED ? 0x9F : 0xBF; /* no surrogates */
        } else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
            len = 4;
            lo = p[0] == 0xF0 ? 0x90 : 0x80;
            hi = p[0] == 0xF4 ? 0x8F : 0xBF; /* nothing above U+10FFFF */
        }
        bool ok = len > 0;
        for (size_t i = 1; ok && i < len; i++) {
            unsigned char c = p[i];
            ok = i == 1 ? (c >= lo && c <= hi) : (c >= 0x80 && c <= 0xBF);
        }
        if (ok) {
            sd_buf_appendn(out, (const char *)p, len);
            p += len;
        } else {
            sd_buf_append(out, "\xEF\xBF\xBD");
            p++;
        }
    }
}

/* A JSON string, or null for NULL. NULL only when out of memory. */
static json_t *
jstr(const char *s)
{
    if (s == NULL)
        return json_null();
    json_t *j = json_string(s);
    if (j != NULL)
        return j;
    /* Jansson refuses invalid UTF-8; names read from a SQLite file may hold any bytes. */
    sd_buf b = SD_BUF_INIT;
    utf8_sanitize(&b, s);
    if (!sd_buf_failed(&b))
        j = json_string(sd_buf_cstr(&b));
    sd_buf_dispose(&b);
    return j;
}

/* json_object_set_new()/json_array_append_new() steal v even on failure; remember it. */
static void
put(json_t *obj, const char *key, json_t *v, bool *failed)
{
    if (json_object_set_new(obj, key, v) != 0)
        *failed = true;
}

static void
push(json_t *arr, json_t *v, bool *failed)
{
    if (json_array_append_new(arr, v) != 0)
        *failed = true;
}

static json_t *
keypart_json(const sd_keypart *k, bool *failed)
{
    json_t *o = json_object();
    put(o, "column", jstr(k->column), failed);
    put(o, "expression", jstr(k->column == NULL ? k->expr.text : NULL), failed);
    put(o, "collation", jstr(k->collation), failed);
    put(o, "opclass", jstr(k->opclass), failed);
    put(o, "desc", json_boolean(k->desc), failed);
    put(o, "nulls", jstr(k->nulls), failed);
    return o;
}

static json_t *
value_json(sd_field_type type, const sd_value *v, bool *failed)
{
    json_t *a = NULL;
    switch (type) {
    case SD_FIELD_BOOL:
        return json_boolean(v->b);
    case SD_FIELD_INT:
        return json_integer((json_int_t)v->i);
    case SD_FIELD_STRING:
        return jstr(v->s);
    case SD_FIELD_SQL:
        return jstr(v->sql.text);
    case SD_FIELD_NAMES:
        a = json_array();
        for (size_t i = 0; i < v->names.len; i++)
            push(a, jstr(v->names.items[i]), failed);
        return a;
    case SD_FIELD_KEYS:
        a = json_array();
        for (size_t i = 0; i < v->keys.len; i++)
            push(a, keypart_json(&v->keys.items[i], failed), failed);
        return a;
    case SD_FIELD__COUNT:
        break;
    }
    return json_null();
}

static json_t *
entry_json(const entry *e, bool *failed)
{
    const sd_change *ch = e->ch;
    const sd_object *o = change_object(ch);
    const sd_kind_info *ki = sd_kind_get(ch->kind);
    json_t *j = json_object();
    json_t *fields = json_array();
    sd_buf desc = SD_BUF_INIT;

    sd_object_describe(&desc, o);
    if (sd_buf_failed(&desc))
        *failed = true;
    put(j, "status", json_string(STATUS_NAMES[e->status]), failed);
    put(j, "kind", jstr(ki != NULL ? ki->name : NULL), failed);
    put(j, "schema", jstr(o->schema), failed);
    put(j, "table", jstr(o->table), failed);
    put(j, "name", jstr(o->name), failed);
    put(j, "object", jstr(sd_buf_cstr(&desc)), failed);
    if (e->bits & ((uint64_t)1 << SD_CHANGE_NAME_BIT)) {
        json_t *fj = json_object();
        put(fj, "field", json_string("name"), failed);
        put(fj, "expected", jstr(ch->from->name), failed);
        put(fj, "actual", jstr(ch->to->name), failed);
        push(fields, fj, failed);
    }
    for (size_t f = 0; ki != NULL && f < ki->nfields && f < 64; f++) {
        if ((e->bits & ((uint64_t)1 << f)) == 0)
            continue;
        const sd_field_info *fi = &ki->fields[f];
        json_t *fj = json_object();
        put(fj, "field", json_string(fi->name), failed);
        put(fj, "expected", value_json(fi->type, &ch->from->v[f], failed), failed);
        put(fj, "actual", value_json(fi->type, &ch->to->v[f], failed), failed);
        push(fields, fj, failed);
    }
    put(j, "fields", fields, failed);
    sd_buf_dispose(&desc);
    return j;
}

/* The columns of table t of model m, in order, as a JSON array of names. */
static json_t *
column_names_json(const sd_model *m, const sd_object *t, bool *failed)
{
    json_t *a = json_array();
    size_t n = 0;
    const sd_object *const *cols = sd_model_children(m, t, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++)
        push(a, jstr(cols[i]->name), failed);
    return a;
}

/* One note for the table whose first order note is change i: "column_order", the expected
 * and actual column orders and the moved columns. */
static json_t *
order_note_json(const sd_changelist *cl, const order_notes *g, size_t i, bool *failed)
{
    const sd_change *first = sd_changelist_at(cl, i);
    const sd_object *t = first->to->owner;
    json_t *j = json_object();
    json_t *fields = json_array();
    json_t *fj = json_object();
    json_t *moved = json_array();
    sd_buf desc = SD_BUF_INIT;
    sd_object_describe(&desc, t);
    if (sd_buf_failed(&desc))
        *failed = true;
    put(j, "status", json_string(STATUS_NAMES[ST_NOTE]), failed);
    put(j, "kind", jstr(sd_kind_get(t->kind)->name), failed);
    put(j, "schema", jstr(t->schema), failed);
    put(j, "table", jstr(t->table), failed);
    put(j, "name", jstr(t->name), failed);
    put(j, "object", jstr(sd_buf_cstr(&desc)), failed);
    put(fj, "field", json_string("column_order"), failed);
    put(fj, "expected", column_names_json(sd_changelist_from(cl), first->from->owner, failed),
        failed);
    put(fj, "actual", column_names_json(sd_changelist_to(cl), t, failed), failed);
    for (size_t k = i; k != SIZE_MAX; k = g->next[k])
        push(moved, jstr(sd_changelist_at(cl, k)->to->name), failed);
    put(fj, "moved", moved, failed);
    push(fields, fj, failed);
    put(j, "fields", fields, failed);
    sd_buf_dispose(&desc);
    return j;
}

static json_t *
rename_json(const sd_rename *r, bool *failed)
{
    const sd_object *o = r->object;
    json_t *j = json_object();
    json_t *fields = json_array();
    json_t *fj = json_object();
    sd_buf desc = SD_BUF_INIT;
    sd_object_describe(&desc, o);
    if (sd_buf_failed(&desc))
        *failed = true;
    put(j, "status", json_string(STATUS_NAMES[ST_CHANGED]), failed);
    put(j, "kind", jstr(sd_kind_get(o->kind)->name), failed);
    put(j, "schema", jstr(o->schema), failed);
    put(j, "table", jstr(o->table), failed);
    put(j, "name", jstr(o->name), failed);
    put(j, "object", jstr(sd_buf_cstr(&desc)), failed);
    put(fj, "field", json_string(rename_field(r)), failed);
    put(fj, "expected", jstr(r->old_name), failed);
    put(fj, "actual", jstr(r->new_name), failed);
    push(fields, fj, failed);
    put(j, "fields", fields, failed);
    sd_buf_dispose(&desc);
    return j;
}

static sd_status
write_json(sd_buf *out, const sd_changelist *cl, const sd_report_info *info, sd_err *err)
{
    sd_status rc = SD_OK;
    bool failed = false;
    order_notes g = { NULL, NULL };
    if (order_notes_build(&g, cl) != SD_OK) {
        order_notes_dispose(&g);
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory while building the JSON report");
    }
    summary s = summarize(cl, &g);
    json_t *root = json_object();
    json_t *sum = json_object();
    json_t *diffs = json_array();
    json_t *ncj = json_array();
    uncompared_list nc = SD_VEC_INIT;
    char *text = NULL;
    entry e[2];

    if (collect_uncompared(&nc, cl) != SD_OK)
        failed = true;

    put(root, "schemadrift_report", json_integer(SD_REPORT_JSON_VERSION), &failed);
    put(root, "expected", jstr(info != NULL ? info->expected : NULL), &failed);
    put(root, "actual", jstr(info != NULL ? info->actual : NULL), &failed);
    put(root, "drift", json_boolean(sd_changelist_drift_count(cl) > 0), &failed);
    put(sum, "missing", json_integer((json_int_t)s.count[ST_MISSING]), &failed);
    put(sum, "extra", json_integer((json_int_t)s.count[ST_EXTRA]), &failed);
    put(sum, "changed", json_integer((json_int_t)s.count[ST_CHANGED]), &failed);
    put(sum, "notes", json_integer((json_int_t)s.count[ST_NOTE]), &failed);
    put(sum, "not_compared", json_integer((json_int_t)nc.len), &failed);
    put(root, "summary", sum, &failed);
    for (size_t i = 0; i < sd_changelist_rename_count(cl); i++)
        push(diffs, rename_json(sd_changelist_rename_at(cl, i), &failed), &failed);
    for (size_t i = 0; i < sd_changelist_count(cl); i++) {
        size_t n = classify(cl, sd_changelist_at(cl, i), e);
        for (size_t j = 0; j < n; j++) {
            if (!is_order_note(&e[j]))
                push(diffs, entry_json(&e[j], &failed), &failed);
            else if (g.role[i] == ORDER_FIRST)
                push(diffs, order_note_json(cl, &g, i, &failed), &failed);
        }
    }
    put(root, "differences", diffs, &failed);
    for (size_t i = 0; i < nc.len; i++) {
        json_t *u = json_object();
        put(u, "kind", jstr(nc.items[i].kind), &failed);
        put(u, "name", jstr(nc.items[i].name), &failed);
        put(u, "side",
            jstr(nc.items[i].sides == SIDE_EXPECTED ? "expected"
                 : nc.items[i].sides == SIDE_ACTUAL ? "actual"
                                                    : "both"),
            &failed);
        push(ncj, u, &failed);
    }
    put(root, "not_compared", ncj, &failed);
    if (failed) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory while building the JSON report");
        goto out;
    }
    text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (text == NULL) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory while writing the JSON report");
        goto out;
    }
    sd_buf_append(out, text);
    sd_buf_putc(out, '\n');
out:
    free(text);
    json_decref(root);
    sd_vec_dispose(&nc);
    order_notes_dispose(&g);
    return rc;
}

/* ---- plan ---- */

/* script[start, end) without the blank lines and spaces around it. */
static json_t *
step_sql(const char *script, size_t start, size_t end)
{
    while (start < end && (script[start] == '\n' || script[start] == ' '))
        start++;
    while (end > start && (script[end - 1] == '\n' || script[end - 1] == ' '))
        end--;
    char *s = malloc(end - start + 1);
    if (s == NULL)
        return NULL;
    memcpy(s, script + start, end - start);
    s[end - start] = '\0';
    json_t *j = jstr(s);
    free(s);
    return j;
}

static json_t *
step_json(const sd_plan *plan, size_t i, const char *script, bool *failed)
{
    const sd_step *st = sd_plan_at(plan, i);
    const sd_object *o = st->to != NULL ? st->to : st->from;
    json_t *j = json_object();
    put(j, "step", json_integer((json_int_t)i + 1), failed);
    put(j, "op", json_string(sd_step_op_name(st->op)), failed);
    if (o != NULL) {
        const sd_kind_info *ki = sd_kind_get(st->kind);
        sd_buf desc = SD_BUF_INIT;
        sd_object_describe(&desc, o);
        if (sd_buf_failed(&desc))
            *failed = true;
        put(j, "kind", jstr(ki != NULL ? ki->name : NULL), failed);
        put(j, "schema", jstr(o->schema), failed);
        put(j, "table", jstr(o->table), failed);
        put(j, "name", jstr(o->name), failed);
        put(j, "object", jstr(sd_buf_cstr(&desc)), failed);
        sd_buf_dispose(&desc);
        json_t *fields = json_array();
        for (size_t f = 0; ki != NULL && f < ki->nfields && f < 64; f++)
            if (st->fields & ((uint64_t)1 << f))
                push(fields, json_string(ki->fields[f].name), failed);
        put(j, "fields", fields, failed);
    }
    put(j, "why", json_string(sd_step_why_name(st->why)), failed);
    put(j, "transaction", json_string(sd_txn_kind_name(st->txn)), failed);
    if (st->guard != SD_GUARD_NONE)
        put(j, "guard", json_string(sd_guard_kind_name(st->guard)), failed);
    if (st->temp_name != NULL)
        put(j, "temp_name", jstr(st->temp_name), failed);
    put(j, "loses_data", json_boolean(st->loses != NULL), failed);
    put(j, "loses", jstr(st->loses), failed);
    json_t *waits = json_array();
    for (size_t w = 0; w < st->nwaits; w++)
        push(waits, json_integer((json_int_t)st->waits_for[w] + 1), failed);
    put(j, "waits_for", waits, failed);
    put(j, "sql", step_sql(script, st->sql_start, st->sql_end), failed);
    return j;
}

sd_status
sd_report_plan(sd_buf *out,
               const sd_plan *plan,
               const char *script,
               const sd_plan_info *info,
               sd_err *err)
{
    bool failed = false;
    const sd_changelist *cl = sd_plan_changelist(plan);
    json_t *root = json_object();
    json_t *steps = json_array();
    put(root, "schemadrift_plan", json_integer(SD_PLAN_JSON_VERSION), &failed);
    put(root, "engine", json_string(sd_engine_name(sd_model_engine(sd_changelist_to(cl)))),
        &failed);
    put(root, "from", jstr(info != NULL ? info->from : NULL), &failed);
    put(root, "to", jstr(info != NULL ? info->to : NULL), &failed);
    put(root, "drift", json_boolean(sd_changelist_drift_count(cl) > 0), &failed);
    for (size_t i = 0; i < sd_plan_count(plan); i++)
        push(steps, step_json(plan, i, script, &failed), &failed);
    put(root, "steps", steps, &failed);
    char *text = failed ? NULL : json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (text == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory while writing the JSON plan");
    sd_buf_append(out, text);
    sd_buf_putc(out, '\n');
    free(text);
    if (sd_buf_failed(out))
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory while writing the JSON plan");
    return SD_OK;
}

/* ---- entry point ---- */

sd_status
sd_report_write(sd_buf *out,
                const sd_changelist *cl,
                const sd_report_info *info,
                sd_report_format fmt,
                sd_err *err)
{
    sd_status rc = SD_OK;
    switch (fmt) {
    case SD_REPORT_TEXT:
        write_text(out, cl);
        break;
    case SD_REPORT_JSON:
        rc = write_json(out, cl, info, err);
        break;
    case SD_REPORT__COUNT:
        return sd_err_set(err, SD_ERR, "internal error: unknown report format %d", (int)fmt);
    }
    if (rc == SD_OK && sd_buf_failed(out))
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory while writing the report");
    return rc;
}

void
sd_report_versions(sd_buf *out)
{
    sd_buf_appendf(out, "jansson %s\n", jansson_version_str());
}
