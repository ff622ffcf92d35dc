/*
 * emit_pg_rename.c: what the PostgreSQL script does before anything else, at the start of its
 * first transaction (emit_pg.c calls sd_emit__pg_preamble()):
 *
 *  - the change list's renames (sd_changelist_rename_at()), in their order: ALTER SCHEMA /
 *    TABLE / INDEX ... RENAME TO, ALTER TABLE ... RENAME COLUMN / CONSTRAINT, ALTER TYPE ...
 *    RENAME VALUE. The rest of the script is planned on "from" with them applied;
 *  - guards for enum values that go: an enum that loses values is recreated and its columns
 *    converted through text, which a row holding a lost value would make fail halfway. A DO
 *    block counts, for each lost value, the rows holding it in every column converted (the
 *    columns of that type in the model) and raises an exception naming the type, the value,
 *    the column and the count, before anything is changed or committed.
 */
#include "emit/emit_pg_int.h"

static void
rename_one(pg_ctx *c, const sd_rename *r)
{
    switch (r->kind) {
    case SD_RENAME_SCHEMA:
        put(c, "ALTER SCHEMA ");
        put_ident(c, r->old_name);
        put(c, " RENAME TO ");
        break;
    case SD_RENAME_TABLE:
        put(c, "ALTER TABLE ");
        put_qname(c, r->schema, r->old_name);
        put(c, " RENAME TO ");
        break;
    case SD_RENAME_COLUMN:
    case SD_RENAME_CONSTRAINT:
        put(c, "ALTER TABLE ");
        put_qname(c, r->schema, r->table);
        put(c, r->kind == SD_RENAME_COLUMN ? " RENAME COLUMN " : " RENAME CONSTRAINT ");
        put_ident(c, r->old_name);
        put(c, " TO ");
        break;
    case SD_RENAME_INDEX:
        put(c, "ALTER INDEX ");
        put_qname(c, r->schema, r->old_name);
        put(c, " RENAME TO ");
        break;
    case SD_RENAME_ENUM_VALUE:
        put(c, "ALTER TYPE ");
        put_qname(c, r->schema, r->table);
        put(c, " RENAME VALUE ");
        put_literal(c, r->old_name);
        put(c, " TO ");
        put_literal(c, r->new_name);
        put(c, ";\n");
        return;
    case SD_RENAME__COUNT:
        return;
    }
    put_ident(c, r->new_name);
    put(c, ";\n");
}

static bool
has_value(const sd_object *e, const char *v)
{
    return sd_names_find(&e->v[SD_ENUM_VALUES].names, v, NULL);
}

/* "s.t.c" as plain text for a message. */
static void
plain_name(sd_buf *b, const sd_object *col)
{
    sd_buf_appendf(b, "%s.%s.%s", col->schema, col->table, col->name);
}

/* One check of the guard: rows of col holding value, an exception when there are any. */
static void
guard_check(pg_ctx *c,
            sd_buf *body,
            const sd_object *e,
            const sd_object *col,
            bool array,
            const char *value)
{
    sd_buf_append(body, "    SELECT count(*) INTO n FROM ");
    sd_sql_qualified(body, PGE, col->schema, col->table);
    sd_buf_append(body, " WHERE ");
    if (array) {
        sd_sql_literal(body, PGE, value);
        sd_buf_append(body, " = ANY (");
        sd_sql_ident(body, PGE, col->name);
        sd_buf_append(body, "::text[])");
    } else {
        sd_sql_ident(body, PGE, col->name);
        sd_buf_append(body, "::text = ");
        sd_sql_literal(body, PGE, value);
    }
    sd_buf_append(body, ";\n    IF n > 0 THEN\n        RAISE EXCEPTION ");
    sd_buf msg = SD_BUF_INIT;
    sd_buf_appendf(&msg, "cannot remove value ");
    sd_sql_literal(&msg, PGE, value);
    sd_buf_appendf(&msg, " from enum type %s.%s: column ", e->schema, e->name);
    plain_name(&msg, col);
    sd_buf_append(&msg, " holds it in ");
    /* RAISE formats: a '%' of a name must not become a placeholder. */
    sd_buf fmt = SD_BUF_INIT;
    for (const char *p = sd_buf_cstr(&msg); *p != '\0'; p++)
        sd_buf_append(&fmt, *p == '%' ? "%%" : (char[]){ *p, '\0' });
    sd_buf_append(&fmt, "% row(s)");
    sd_sql_literal(body, PGE, sd_buf_cstr(&fmt));
    sd_buf_append(body, ", n;\n    END IF;\n");
    if (sd_buf_failed(&msg) || sd_buf_failed(&fmt))
        sd_writer_nomem(&c->w);
    sd_buf_dispose(&msg);
    sd_buf_dispose(&fmt);
}

/* The guard for an enum that is recreated (values removed), or nothing. */
static void
enum_guard(pg_ctx *c, const sd_change *ch)
{
    const sd_names *f = &ch->from->v[SD_ENUM_VALUES].names;
    sd_buf body = SD_BUF_INIT;
    size_t nchecks = 0;
    size_t n = 0;
    const sd_object *const *cols = sd_model_objects(c->from, SD_KIND_COLUMN, &n);
    /* The columns recreate_enum() converts: kept, declared here, of the type or its array. */
    for (size_t i = 0; i < n; i++) {
        bool array = false;
        if (cols[i]->v[SD_COLUMN_INHERITED].b ||
            sd_model_find_key(c->to, SD_KIND_COLUMN, cols[i]->key) == NULL ||
            !sd_plan_pg_type_is(cols[i], ch->from, &array))
            continue;
        for (size_t v = 0; v < f->len; v++) {
            if (has_value(ch->to, f->items[v]))
                continue;
            guard_check(c, &body, ch->from, cols[i], array, f->items[v]);
            nchecks++;
        }
    }
    if (nchecks > 0) {
        put(c, "-- guard: enum type ");
        sd_emit__pg_comment_name(c, ch->from);
        put(c, " loses values; refuse rows that still hold one\nDO ");
        sd_buf all = SD_BUF_INIT;
        sd_buf_append(&all, "\nDECLARE\n    n bigint;\nBEGIN\n");
        sd_buf_appendn(&all, sd_buf_cstr(&body), body.len);
        sd_buf_append(&all, "END\n");
        if (sd_buf_failed(&all))
            sd_writer_nomem(&c->w);
        else if (c->w.rc == SD_OK)
            sd_sql_dollar_body(c->w.out, sd_buf_cstr(&all));
        put(c, ";\n");
        sd_buf_dispose(&all);
    }
    if (sd_buf_failed(&body))
        sd_writer_nomem(&c->w);
    sd_buf_dispose(&body);
}

void
sd_emit__pg_preamble(pg_ctx *c)
{
    size_t nr = sd_changelist_rename_count(c->cl);
    for (size_t i = 0; i < nr; i++) {
        const sd_rename *r = sd_changelist_rename_at(c->cl, i);
        sd_emit__pg_unit_begin(c, SD_STEP_RENAME, r->object, NULL);
        c->unit_step.why = SD_WHY_CHANGE;
        rename_one(c, r);
        sd_emit__pg_unit_end(c);
    }
    size_t n = sd_changelist_count(c->cl);
    for (size_t i = 0; i < n; i++) {
        const sd_change *ch = sd_changelist_at(c->cl, i);
        if (ch->kind != SD_KIND_ENUM || ch->op != SD_OP_ALTER ||
            !(ch->fields & FBIT(SD_ENUM_VALUES)) || sd_plan_pg_enum_adds_only(ch->from, ch->to))
            continue;
        sd_emit__pg_unit_begin(c, SD_STEP_GUARD, ch->from, ch->to);
        c->unit_step.why = SD_WHY_SCRIPT;
        c->unit_step.guard = SD_GUARD_ENUM_VALUE;
        enum_guard(c, ch);
        sd_emit__pg_unit_end(c);
    }
}
