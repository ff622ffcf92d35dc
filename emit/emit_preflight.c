/*
 * emit_preflight.c: the read-only queries `diff` runs on a live FROM before printing a
 * script, one per thing the script would refuse on data: NULLs under a column that becomes
 * NOT NULL, rows of a table that gains a NOT NULL column without a default, duplicates under
 * a new primary key, unique constraint or unique index, rows a new foreign key finds no parent
 * for, rows a new CHECK refuses, and (PostgreSQL) rows holding an enum value that goes. Each query
 * returns one integer, the number of rows (or duplicated values) in the way; the caller reports
 * every non-zero one.
 *
 * The queries name FROM's objects as the live database has them, so an object that a rename
 * touches (its schema, table or a column of its table) is not checked here: the script's own
 * guards still are. A check whose columns change type is left out too, since the old values
 * compare differently from the new ones.
 */
#include <string.h>

#include "emit/emit_int.h"
#include "emit/emit_pg_int.h"
#include "util/util.h"

#define FBIT(f) (UINT64_C(1) << (f))

typedef struct builder {
    const sd_changelist *cl;
    const sd_model *from;
    const sd_model *to;
    sd_engine e;
    bool live;              /* queries for the live database: what a rename touches is left out */
    const sd_using *usings; /* --using: retyped columns converted by the user */
    size_t nusings;
    sd_preflight_list *list;
    sd_map queries; /* query text -> 1: each query once (the list owns the keys) */
    sd_err *err;
    sd_status rc;
} builder;

/* A rename touches the table (its schema, its name, one of its columns). */
static bool
renamed(const builder *b, const char *schema, const char *table)
{
    if (!b->live)
        return false; /* in the script, the renames ran first */
    size_t n = sd_changelist_rename_count(b->cl);
    for (size_t i = 0; i < n; i++) {
        const sd_rename *r = sd_changelist_rename_at(b->cl, i);
        if ((r->kind == SD_RENAME_SCHEMA && streq(r->new_name, schema)) ||
            (r->kind == SD_RENAME_TABLE && streq(r->schema, schema) && streq(r->new_name, table)) ||
            (r->kind == SD_RENAME_COLUMN && streq(r->schema, schema) && streq(r->table, table)))
            return true;
    }
    return false;
}

/* The "from" column of the same name as to_col's, when it keeps its type. */
static const sd_object *
kept_column(const builder *b, const char *schema, const char *table, const char *name)
{
    const sd_object *f = sd_model_find(b->from, SD_KIND_COLUMN, schema, table, name);
    const sd_object *t = sd_model_find(b->to, SD_KIND_COLUMN, schema, table, name);
    if (f == NULL || t == NULL || !streq(f->v[SD_COLUMN_TYPE].s, t->v[SD_COLUMN_TYPE].s))
        return NULL;
    return f;
}

/* The "from" table, when the check can name it as the database does (and it is, and stays,
 * a table of its own rows: a foreign table's are the server's, PostgreSQL checks no
 * constraint against them, and reading them would query the server). */
static const sd_object *
from_table(const builder *b, const char *schema, const char *table)
{
    const sd_object *t = sd_model_find_table(b->from, schema, table);
    if (sd_table_is_foreign(t) || sd_table_is_foreign(sd_model_find_table(b->to, schema, table)))
        return NULL;
    return t != NULL && t->kind == SD_KIND_TABLE && !renamed(b, schema, table) ? t : NULL;
}

/*
 * The table a count reads. PostgreSQL reads an inheritance parent's children too unless
 * ONLY: that is right for what children inherit (NOT NULL, an inherited CHECK, a new column,
 * an enum column's type), not for a key, a foreign key or a NO INHERIT CHECK, which hold for
 * the parent's own rows. A partitioned table's constraints hold for its partitions.
 */
static void
put_table(sd_buf *q, const builder *b, const sd_object *t, bool with_children)
{
    if (b->e == SD_ENGINE_PG && !with_children && t->v[SD_TABLE_PARTITION_KEY].s == NULL)
        sd_buf_append(q, "ONLY ");
    sd_sql_qualified(q, b->e, t->schema, t->name);
}

/* Every name of cols is a kept column of the table. */
static bool
all_kept(const builder *b, const char *schema, const char *table, const sd_names *cols)
{
    if (cols->len == 0)
        return false;
    for (size_t i = 0; i < cols->len; i++)
        if (kept_column(b, schema, table, cols->items[i]) == NULL)
            return false;
    return true;
}

static void
put_list(sd_buf *q, sd_engine e, const char *prefix, const sd_names *cols, const char *sep)
{
    for (size_t i = 0; i < cols->len; i++) {
        if (i > 0)
            sd_buf_append(q, sep);
        sd_buf_append(q, prefix);
        sd_sql_ident(q, e, cols->items[i]);
    }
}

/* "(a, b)" as plain text for a message. */
static void
put_plain_list(sd_buf *d, const sd_names *cols)
{
    sd_buf_putc(d, '(');
    for (size_t i = 0; i < cols->len; i++)
        sd_buf_appendf(d, "%s%s", i > 0 ? ", " : "", cols->items[i]);
    sd_buf_putc(d, ')');
}

/* Add one check; q and detail are taken over. A query already listed is not added twice. */
static void
add(builder *b,
    sd_buf *q,
    const sd_object *subject,
    const char *one,
    const char *many,
    sd_buf *detail,
    sd_guard_kind guard)
{
    if (b->rc != SD_OK)
        goto out;
    if (sd_buf_failed(q) || sd_buf_failed(detail)) {
        b->rc = sd_err_set(b->err, SD_ERR_NOMEM, "out of memory");
        goto out;
    }
    if (sd_map_get(&b->queries, sd_buf_cstr(q)) != NULL)
        goto out;
    sd_preflight p = { .subject = subject,
                       .one = one,
                       .many = many,
                       .optional = guard == SD_GUARD_CHECK,
                       .guard = guard };
    p.query = sd_buf_take(q);
    p.detail = sd_buf_take(detail);
    if (p.query == NULL || p.detail == NULL || sd_vec_push(b->list, p) != SD_OK) {
        free(p.query);
        free(p.detail);
        b->rc = sd_err_set(b->err, SD_ERR_NOMEM, "out of memory");
    } else if (sd_map_put(&b->queries, p.query, (void *)1) != SD_OK) {
        b->rc = sd_err_set(b->err, SD_ERR_NOMEM, "out of memory");
    }
out:
    sd_buf_dispose(q);
    sd_buf_dispose(detail);
}

/* A kept column that becomes NOT NULL, or a new NOT NULL column without a value for old rows. */
static void
check_not_null(builder *b, const sd_change *ch)
{
    const sd_object *to = ch->to;
    const sd_object *t = to != NULL ? from_table(b, to->schema, to->table) : NULL;
    if (t == NULL || !to->v[SD_COLUMN_NOT_NULL].b)
        return;
    sd_buf q = SD_BUF_INIT;
    sd_buf d = SD_BUF_INIT;
    if (ch->op == SD_OP_ALTER && (ch->fields & FBIT(SD_COLUMN_NOT_NULL))) {
        const sd_object *col = kept_column(b, to->schema, to->table, to->name);
        if (col == NULL || col->v[SD_COLUMN_NOT_NULL].b)
            return;
        sd_buf_append(&q, "SELECT count(*) FROM ");
        put_table(&q, b, t, true);
        sd_buf_append(&q, " WHERE ");
        sd_sql_ident(&q, b->e, col->name);
        sd_buf_append(&q, " IS NULL");
        sd_buf_append(&d, "(the target makes it NOT NULL)");
        add(b, &q, col, "NULL", "NULLs", &d, SD_GUARD_NOT_NULL);
        return;
    }
    if (ch->op != SD_OP_CREATE || to->v[SD_COLUMN_DEFAULT].sql.text != NULL ||
        to->v[SD_COLUMN_GENERATED].sql.text != NULL ||
        (b->e == SD_ENGINE_PG && to->v[SD_COLUMN_IDENTITY].s != NULL) ||
        (b->e == SD_ENGINE_PG && to->v[SD_COLUMN_INHERITED].b))
        return;
    sd_buf_append(&q, "SELECT count(*) FROM ");
    put_table(&q, b, t, true);
    sd_buf_appendf(&d, "(the target adds column %s NOT NULL without a default)", to->name);
    add(b, &q, t, "row", "rows", &d, SD_GUARD_NOT_NULL);
}

/*
 * A column retyped with no cast path and no --using is dropped and added again: any value it
 * holds would be lost, so it must hold none (and, when the target's column is NOT NULL with
 * nothing to fill it, the table no rows, which ADD COLUMN would refuse).
 */
static void
check_no_cast(builder *b, const sd_change *ch)
{
    const sd_object *col = ch->from;
    const sd_object *to = ch->to;
    const sd_object *t = from_table(b, col->schema, col->table);
    if (b->e != SD_ENGINE_PG || t == NULL ||
        !sd_plan_pg_retype_drops(b->cl, ch, b->usings, b->nusings))
        return;
    bool fill = to->v[SD_COLUMN_NOT_NULL].b && to->v[SD_COLUMN_DEFAULT].sql.text == NULL &&
                to->v[SD_COLUMN_IDENTITY].s == NULL;
    sd_buf q = SD_BUF_INIT;
    sd_buf d = SD_BUF_INIT;
    sd_buf_append(&q, "SELECT count(*) FROM ");
    put_table(&q, b, t, true);
    if (!fill) {
        sd_buf_append(&q, " WHERE ");
        sd_sql_ident(&q, b->e, col->name);
        sd_buf_append(&q, " IS NOT NULL");
    }
    sd_buf_appendf(&d,
                   "(no cast converts %s to %s: the column would be dropped and added again%s, "
                   "losing them; convert them with --using %s.%s=EXPR)",
                   col->v[SD_COLUMN_TYPE].s, to->v[SD_COLUMN_TYPE].s, fill ? " NOT NULL" : "",
                   col->table, col->name);
    if (fill)
        add(b, &q, col, "row", "rows", &d, SD_GUARD_NO_CAST);
    else
        add(b, &q, col, "non-NULL value", "non-NULL values", &d, SD_GUARD_NO_CAST);
}

/* A column's checks: NULLs under NOT NULL, values a retype with no cast path would lose. */
static void
check_col_rows(builder *b, const sd_change *ch)
{
    check_not_null(b, ch);
    if (ch->op == SD_OP_ALTER)
        check_no_cast(b, ch);
}

/* Duplicates under a new key: the columns, and whether NULLs count as equal. */
static void
check_unique(builder *b, const sd_object *con, const sd_names *cols, bool nulls_equal)
{
    const sd_object *t = from_table(b, con->schema, con->table);
    if (t == NULL || !all_kept(b, con->schema, con->table, cols))
        return;
    sd_buf q = SD_BUF_INIT;
    sd_buf d = SD_BUF_INIT;
    sd_buf_append(&q, "SELECT count(*) FROM (SELECT 1 FROM ");
    put_table(&q, b, t, false);
    if (!nulls_equal) {
        sd_buf_append(&q, " WHERE ");
        put_list(&q, b->e, "", cols, " IS NOT NULL AND ");
        sd_buf_append(&q, " IS NOT NULL");
    }
    sd_buf_append(&q, " GROUP BY ");
    put_list(&q, b->e, "", cols, ", ");
    sd_buf_append(&q, " HAVING count(*) > 1) AS d");
    sd_buf_append(&d, "of ");
    put_plain_list(&d, cols);
    sd_buf_append(&d, " (the target adds ");
    sd_object_describe(&d, con);
    sd_buf_putc(&d, ')');
    add(b, &q, t, "duplicated value", "duplicated values", &d, SD_GUARD_UNIQUE);
}

/* The parent's key columns a foreign key refers to: named, or the parent's primary key. */
static const sd_names *
ref_columns(const builder *b, const sd_object *fk, const char *schema, const char *table)
{
    const sd_names *n = &fk->v[SD_FK_REF_COLUMNS].names;
    if (n->len > 0)
        return n;
    const sd_object *pt = sd_model_find_table(b->to, schema, table);
    size_t np = 0;
    const sd_object *const *pk =
        pt != NULL ? sd_model_children(b->to, pt, SD_KIND_PRIMARY_KEY, &np) : NULL;
    return np == 1 ? &pk[0]->v[SD_PK_COLUMNS].names : NULL;
}

static void
check_foreign_key(builder *b, const sd_object *fk)
{
    if (b->e == SD_ENGINE_PG && fk->v[SD_FK_NOT_VALID].b)
        return; /* NOT VALID checks new rows only */
    const sd_names *cols = &fk->v[SD_FK_COLUMNS].names;
    const sd_object *t = from_table(b, fk->schema, fk->table);
    if (t == NULL || !all_kept(b, fk->schema, fk->table, cols))
        return;
    const char *ps = fk->v[SD_FK_REF_SCHEMA].s != NULL ? fk->v[SD_FK_REF_SCHEMA].s : fk->schema;
    const char *pn = fk->v[SD_FK_REF_TABLE].s;
    const sd_names *refs = pn != NULL ? ref_columns(b, fk, ps, pn) : NULL;
    if (refs == NULL || refs->len != cols->len)
        return;
    const sd_object *parent = sd_model_find_table(b->from, ps, pn);
    if (parent != NULL) {
        /* The parent must be checkable as it is, with the key columns of the child's types. */
        if (parent->kind != SD_KIND_TABLE || renamed(b, ps, pn))
            return;
        for (size_t i = 0; i < cols->len; i++) {
            const sd_object *pc = kept_column(b, ps, pn, refs->items[i]);
            const sd_object *cc = kept_column(b, fk->schema, fk->table, cols->items[i]);
            if (pc == NULL || cc == NULL ||
                !streq(pc->v[SD_COLUMN_TYPE].s, cc->v[SD_COLUMN_TYPE].s))
                return;
        }
    }
    sd_buf q = SD_BUF_INIT;
    sd_buf d = SD_BUF_INIT;
    sd_buf_append(&q, "SELECT count(*) FROM ");
    put_table(&q, b, t, false);
    sd_buf_append(&q, " AS c WHERE ");
    put_list(&q, b->e, "c.", cols, " IS NOT NULL AND ");
    sd_buf_append(&q, " IS NOT NULL");
    if (parent != NULL) {
        /* A new parent table is empty: every such row is an orphan. */
        sd_buf_append(&q, " AND NOT EXISTS (SELECT 1 FROM ");
        sd_sql_qualified(&q, b->e, ps, pn);
        sd_buf_append(&q, " AS p WHERE ");
        for (size_t i = 0; i < cols->len; i++) {
            if (i > 0)
                sd_buf_append(&q, " AND ");
            sd_buf_append(&q, "p.");
            sd_sql_ident(&q, b->e, refs->items[i]);
            sd_buf_append(&q, " = c.");
            sd_sql_ident(&q, b->e, cols->items[i]);
        }
        sd_buf_putc(&q, ')');
    }
    sd_buf_append(&d, "with ");
    put_plain_list(&d, cols);
    sd_buf_appendf(&d, " matching no row of %s.%s (the target adds ", ps, pn);
    sd_object_describe(&d, fk);
    sd_buf_append(&d, parent == NULL ? ", and creates that table empty)" : ")");
    add(b, &q, t, "row", "rows", &d, SD_GUARD_FOREIGN_KEYS);
}

static bool
has_value(const sd_object *e, const char *v)
{
    return sd_names_find(&e->v[SD_ENUM_VALUES].names, v, NULL);
}

/* PostgreSQL: rows of kept columns holding an enum value that goes. */
static void
check_enum(builder *b, const sd_change *ch)
{
    const sd_names *f = &ch->from->v[SD_ENUM_VALUES].names;
    bool loses = false;
    for (size_t v = 0; v < f->len && !loses; v++)
        loses = !has_value(ch->to, f->items[v]);
    if (!loses)
        return; /* values added or moved: no row is in the way, and no column is read */
    size_t n = 0;
    const sd_object *const *cols = sd_model_objects(b->from, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++) {
        bool array = false;
        const sd_object *col = cols[i];
        const sd_object *t = from_table(b, col->schema, col->table);
        if (col->v[SD_COLUMN_INHERITED].b || t == NULL ||
            sd_model_find_key(b->to, SD_KIND_COLUMN, col->key) == NULL ||
            !sd_plan_pg_type_is(col, ch->from, &array))
            continue;
        for (size_t v = 0; v < f->len; v++) {
            if (has_value(ch->to, f->items[v]))
                continue;
            sd_buf q = SD_BUF_INIT;
            sd_buf d = SD_BUF_INIT;
            sd_buf_append(&q, "SELECT count(*) FROM ");
            put_table(&q, b, t, true);
            sd_buf_append(&q, " WHERE ");
            if (array) {
                sd_sql_literal(&q, b->e, f->items[v]);
                sd_buf_append(&q, " = ANY (");
                sd_sql_ident(&q, b->e, col->name);
                sd_buf_append(&q, "::text[])");
            } else {
                sd_sql_ident(&q, b->e, col->name);
                sd_buf_append(&q, "::text = ");
                sd_sql_literal(&q, b->e, f->items[v]);
            }
            sd_buf_append(&d, "holding ");
            sd_sql_literal(&d, b->e, f->items[v]);
            sd_buf_appendf(&d, " (the target removes that value from enum type %s.%s)",
                           ch->from->schema, ch->from->name);
            add(b, &q, col, "row", "rows", &d, SD_GUARD_ENUM_VALUE);
        }
    }
}

/* A plain unique index: every key part a column, no predicate. */
static bool
index_columns(const sd_object *ix, sd_names *out, const char **buf, size_t cap)
{
    const sd_keys *k = &ix->v[SD_INDEX_KEYS].keys;
    if (!ix->v[SD_INDEX_UNIQUE].b || ix->v[SD_INDEX_WHERE].sql.text != NULL || k->len == 0 ||
        k->len > cap)
        return false;
    for (size_t i = 0; i < k->len; i++) {
        if (k->items[i].column == NULL)
            return false;
        buf[i] = k->items[i].column;
    }
    out->items = buf;
    out->len = k->len;
    return true;
}

/* A column of the table changes type or is new: its CHECKs read values "from" lacks. */
static bool
columns_change(const builder *b, const sd_object *t_to)
{
    size_t n = 0;
    const sd_object *const *cols = sd_model_children(b->to, t_to, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++) {
        const sd_change *ch = sd_changelist_find(b->cl, cols[i]);
        if (ch != NULL && (ch->op == SD_OP_CREATE || (ch->flags & SD_CHG_TYPE_CHANGE)))
            return true;
    }
    return false;
}

/*
 * Rows a new or changed CHECK refuses: NOT (expr) is true (NULL passes, as in the CHECK).
 * Optional: the expression may call what the script creates first, and then the database
 * refuses the query; the script's own failure still stops it.
 */
static void
check_check(builder *b, const sd_change *ch)
{
    const sd_object *con = ch->to;
    const char *expr = con->v[SD_CHECK_EXPRESSION].sql.text;
    const sd_object *t = from_table(b, con->schema, con->table);
    if (t == NULL || expr == NULL || (b->e == SD_ENGINE_PG && con->v[SD_CHECK_NOT_VALID].b) ||
        columns_change(b, con->owner))
        return;
    sd_buf q = SD_BUF_INIT;
    sd_buf d = SD_BUF_INIT;
    sd_buf_append(&q, "SELECT count(*) FROM ");
    put_table(&q, b, t, b->e != SD_ENGINE_PG || !con->v[SD_CHECK_NO_INHERIT].b);
    sd_buf_append(&q, " WHERE NOT (");
    sd_buf_append(&q, expr);
    sd_buf_putc(&q, ')');
    sd_object_describe(&d, con);
    sd_buf_append(&d, ", which the target adds");
    add(b, &q, t, "row failing", "rows failing", &d, SD_GUARD_CHECK);
}

static void
check_pk(builder *b, const sd_change *ch)
{
    check_unique(b, ch->to, &ch->to->v[SD_PK_COLUMNS].names, false);
}

static void
check_unique_constraint(builder *b, const sd_change *ch)
{
    const sd_object *o = ch->to;
    check_unique(b, o, &o->v[SD_UNIQUE_COLUMNS].names,
                 b->e == SD_ENGINE_PG && o->v[SD_UNIQUE_NULLS_NOT_DISTINCT].b);
}

static void
check_unique_index(builder *b, const sd_change *ch)
{
    const char *buf[32];
    sd_names cols;
    if (index_columns(ch->to, &cols, buf, SD_ARRAY_LEN(buf)))
        check_unique(b, ch->to, &cols,
                     b->e == SD_ENGINE_PG && ch->to->v[SD_INDEX_NULLS_NOT_DISTINCT].b);
}

static void
check_fk_change(builder *b, const sd_change *ch)
{
    check_foreign_key(b, ch->to);
}

static void
check_enum_change(builder *b, const sd_change *ch)
{
    if (b->e == SD_ENGINE_PG && ch->op == SD_OP_ALTER)
        check_enum(b, ch);
}

/* The check for each kind whose change can meet rows the target refuses. */
static void (*const CHECKS[SD_KIND__COUNT])(builder *b, const sd_change *ch) = {
    [SD_KIND_COLUMN] = check_col_rows,          [SD_KIND_PRIMARY_KEY] = check_pk,
    [SD_KIND_UNIQUE] = check_unique_constraint, [SD_KIND_INDEX] = check_unique_index,
    [SD_KIND_FOREIGN_KEY] = check_fk_change,    [SD_KIND_CHECK] = check_check,
    [SD_KIND_ENUM] = check_enum_change,
};

/*
 * Per kind, the fields whose change makes an ALTER meet the rows again (the rest keep what
 * the old object already guaranteed). A new object is always checked.
 */
static const uint64_t ROWS_FIELDS[SD_KIND__COUNT] = {
    [SD_KIND_COLUMN] = FBIT(SD_COLUMN_NOT_NULL) | FBIT(SD_COLUMN_TYPE),
    [SD_KIND_PRIMARY_KEY] = FBIT(SD_PK_COLUMNS),
    [SD_KIND_UNIQUE] = FBIT(SD_UNIQUE_COLUMNS) | FBIT(SD_UNIQUE_NULLS_NOT_DISTINCT),
    [SD_KIND_INDEX] = FBIT(SD_INDEX_UNIQUE) | FBIT(SD_INDEX_KEYS) | FBIT(SD_INDEX_WHERE) |
                      FBIT(SD_INDEX_NULLS_NOT_DISTINCT),
    [SD_KIND_FOREIGN_KEY] = FBIT(SD_FK_COLUMNS) | FBIT(SD_FK_REF_TABLE) | FBIT(SD_FK_REF_COLUMNS) |
                            FBIT(SD_FK_REF_SCHEMA) | FBIT(SD_FK_NOT_VALID) | FBIT(SD_FK_MATCH),
    [SD_KIND_CHECK] = FBIT(SD_CHECK_EXPRESSION) | FBIT(SD_CHECK_NOT_VALID),
    [SD_KIND_ENUM] = FBIT(SD_ENUM_VALUES),
};

sd_status
sd_emit_preflight(const sd_plan *plan,
                  const sd_emit_options *opts,
                  sd_preflight_list *out,
                  sd_err *err)
{
    return sd_emit__checks(sd_plan_changelist(plan), opts, true, out, err);
}

sd_status
sd_emit__checks(const sd_changelist *cl,
                const sd_emit_options *opts,
                bool live,
                sd_preflight_list *out,
                sd_err *err)
{
    builder b = { .cl = cl,
                  .usings = opts != NULL ? opts->usings : NULL,
                  .nusings = opts != NULL ? opts->nusings : 0,
                  .live = live,
                  .from = sd_changelist_from(cl),
                  .to = sd_changelist_to(cl),
                  .list = out,
                  .err = err };
    b.e = sd_model_engine(b.from);
    for (size_t i = 0; i < out->len && b.rc == SD_OK; i++)
        if (sd_map_put(&b.queries, out->items[i].query, (void *)1) != SD_OK)
            b.rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    size_t n = sd_changelist_count(cl);
    for (size_t i = 0; i < n && b.rc == SD_OK; i++) {
        const sd_change *ch = sd_changelist_at(cl, i);
        if (ch->op == SD_OP_DROP || (ch->flags & (SD_CHG_NOTE_ONLY | SD_CHG_DEFERRED)) ||
            (ch->op == SD_OP_ALTER && !(ch->fields & ROWS_FIELDS[ch->kind])))
            continue;
        if (CHECKS[ch->kind] != NULL)
            CHECKS[ch->kind](&b, ch);
    }
    sd_map_dispose(&b.queries);
    if (b.rc != SD_OK)
        sd_preflight_list_dispose(out);
    return b.rc;
}

void
sd_preflight_blocker(sd_buf *out, const sd_preflight *p, long long count)
{
    sd_object_describe(out, p->subject);
    sd_buf_appendf(out, " has %lld %s %s", count, count == 1 ? p->one : p->many, p->detail);
}

void
sd_preflight_list_dispose(sd_preflight_list *l)
{
    for (size_t i = 0; i < l->len; i++) {
        free(l->items[i].query);
        free(l->items[i].detail);
    }
    sd_vec_dispose(l);
}
