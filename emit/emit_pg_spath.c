/*
 * emit_pg_spath.c: the search_path that user functions run with while the PostgreSQL script
 * runs them (over existing rows, or planning an expression it creates).
 *
 * The script runs with search_path = '' (the header, as pg_dump's restore): every name it
 * writes is qualified, and a stored expression's unqualified pg_catalog calls cannot be
 * captured by a look-alike in a schema users can write to (CVE-2018-1058). A function whose
 * body is a string (LANGUAGE sql, plpgsql, ...) without SET search_path resolves its own
 * unqualified names ("SELECT count(*) FROM users", nextval('seq')) through the caller's
 * search_path when it runs, so with '' it fails ("relation users does not exist") where the
 * application, running with its database's default search_path, succeeds. pg_dump has the
 * same failure (its restore sets '' too) but meets it less: COPY evaluates no defaults,
 * though its generated columns, CHECKs and indexes over restored rows do.
 *
 * The statements that run user functions while the script runs are therefore wrapped: ADD
 * COLUMN with a default or a STORED generation and ADD CHECK / EXCLUDE on a table with rows,
 * an index, a table with generated columns or an EXCLUDE constraint created (PostgreSQL plans
 * those expressions at creation to check that they are immutable, and planning inlines a SQL
 * function, parsing its body), a materialized view created with its data, a column retyped
 * under a CHECK or index (PostgreSQL rebuilds them), a rebuilt table's rows put back and a
 * new partition's rows moved in from DEFAULT. Each function they call is first given, for
 * the length of that unit, the search_path the application sees (SET LOCAL search_path TO
 * DEFAULT: the value the database's and role's settings give the session, ALTER DATABASE /
 * ROLE ... SET, else the server's default "$user", public) as its own (ALTER FUNCTION ... SET
 * search_path FROM CURRENT), the script going back to '' at once; after the unit, ALTER
 * FUNCTION ... RESET search_path gives the function its definition back. Only the function's
 * body sees that path: the statement itself is still parsed with '', so none of the
 * script's own names can be captured. A function with its own SET search_path keeps it (its
 * definition wins, as in the application), and a SQL-standard body (BEGIN ATOMIC, RETURN)
 * was bound to its objects when created: neither needs anything. The SET clause also keeps
 * PostgreSQL from inlining a SQL function, which would parse its body with the statement's
 * ''. The alternative of running the whole statement with the application's path would let
 * the statement's unqualified pg_catalog calls resolve to look-alikes in that path.
 *
 * Which functions: those the expression calls, and those behind the
 * operators, domains and aggregates it uses (one level: a function they call in turn runs
 * with its caller's path, which is then the application's). Not seen: triggers (fired by
 * rows moved out of a DEFAULT partition) and casts (not in the model).
 */
#include <string.h>

#include "emit/emit_pg_int.h"
#include "parse/parse.h"

/* Note fn when its body resolves names through the caller's search_path. */
static void
add_fn(pg_ctx *c, const sd_object *fn)
{
    pg_spath *fns = &c->spath;
    for (size_t i = 0; i < fns->len; i++) {
        if (fns->items[i] == fn)
            return;
    }
    if (streq(fn->v[SD_FUNCTION_KIND].s, "procedure"))
        return; /* never called from an expression */
    sd_err e = SD_ERR_INIT;
    sd_pg_fn_path path = SD_PG_FN_PATH_CALLER;
    sd_status rc = sd_parse_pg_function_path(fn->v[SD_FUNCTION_DEFINITION].sql.text, &path, &e);
    if (rc == SD_ERR_NOMEM) {
        sd_writer_nomem(&c->w);
        return;
    }
    if (rc != SD_OK) {
        sd_writer_fail_text(&c->w, fn, "definition",
                            fn->v[SD_FUNCTION_DEFINITION].sql.text != NULL
                                ? fn->v[SD_FUNCTION_DEFINITION].sql.text
                                : "",
                            e.msg);
        return;
    }
    if (path != SD_PG_FN_PATH_CALLER)
        return;
    if (fns->len == fns->cap) {
        size_t cap = fns->cap == 0 ? 4 : fns->cap * 2;
        const sd_object **items = sd_arena_array(c->scratch, const sd_object *, cap);
        if (items == NULL) {
            sd_writer_nomem(&c->w);
            return;
        }
        if (fns->len > 0)
            memcpy(items, fns->items, fns->len * sizeof *items);
        fns->items = items;
        fns->cap = cap;
    }
    fns->items[fns->len++] = fn;
}

/* The functions among o's dependencies ("to" model), and those of the operators, domains and
 * aggregates among them when through is set. */
static void
gather(pg_ctx *c, const sd_object *o, bool through)
{
    for (size_t i = 0; i < o->ndeps && c->w.rc == SD_OK; i++) {
        const sd_object *d = sd_model_find_ref(c->to, &o->deps[i]);
        if (d == NULL)
            continue;
        if (d->kind == SD_KIND_FUNCTION)
            add_fn(c, d);
        else if (through && (d->kind == SD_KIND_OPERATOR || d->kind == SD_KIND_DOMAIN ||
                             d->kind == SD_KIND_AGGREGATE))
            gather(c, d, false);
    }
}

/* ALTER FUNCTION f SET search_path FROM CURRENT / RESET search_path. */
static void
put_alter(pg_ctx *c, const sd_object *fn, const char *action)
{
    put(c, "ALTER ");
    put(c, sd_emit__pg_keyword(fn));
    put(c, " ");
    sd_emit__pg_target(c, fn);
    put(c, action);
}

/* The relation of a column, constraint or index (its table, or a matview for an index),
 * when it holds rows already: it is in "from" too. */
static bool
has_rows(const pg_ctx *c, const sd_object *o)
{
    return o->table != NULL &&
           (sd_model_find_table(c->from, o->schema, o->table) != NULL ||
            sd_model_find(c->from, SD_KIND_MATVIEW, o->schema, NULL, o->table) != NULL);
}

/* Whether creating o runs the functions it calls: PostgreSQL plans a generation and an
 * index's or EXCLUDE constraint's expressions when it creates them, to check that they are
 * immutable, and planning inlines a SQL function, parsing its body with the statement's
 * search_path, even on an empty table; a default and a CHECK run over the rows a table
 * already holds (ADD COLUMN stores a non-volatile default's value even with none). */
static bool
runs_at_create(const pg_ctx *c, const sd_object *o)
{
    if (o->kind == SD_KIND_COLUMN && o->v[SD_COLUMN_GENERATED].sql.text != NULL)
        return true;
    return o->kind == SD_KIND_EXCLUSION || o->kind == SD_KIND_INDEX || has_rows(c, o);
}

void
sd_emit__pg_spath_note(pg_ctx *c, const sd_object *o)
{
    if (c->w.rc == SD_OK && runs_at_create(c, o))
        gather(c, o, true);
}

void
sd_emit__pg_spath_note_retype(pg_ctx *c, const sd_object *col)
{
    /* ALTER COLUMN ... TYPE rebuilds the CHECK and EXCLUDE constraints and the indexes that
     * use the column, evaluating them over every row again. */
    static const sd_kind REBUILT[] = { SD_KIND_CHECK, SD_KIND_EXCLUSION, SD_KIND_INDEX };
    if (c->w.rc != SD_OK || col->owner == NULL || !has_rows(c, col))
        return;
    for (size_t k = 0; k < SD_ARRAY_LEN(REBUILT); k++) {
        size_t n = 0;
        const sd_object *const *objs = sd_model_objects(c->to, REBUILT[k], &n);
        for (size_t i = 0; i < n; i++) {
            const sd_object *o = objs[i];
            if (!streq(o->schema, col->schema) || !streq(o->table, col->table))
                continue;
            for (size_t d = 0; d < o->ndeps; d++) {
                if (o->deps[d].kind == SD_KIND_COLUMN && streq(o->deps[d].name, col->name) &&
                    streq(o->deps[d].table, col->table) && streq(o->deps[d].schema, col->schema)) {
                    gather(c, o, true);
                    break;
                }
            }
        }
    }
}

void
sd_emit__pg_spath_note_table(pg_ctx *c, const sd_object *t, bool rows)
{
    static const sd_kind OWNED[] = { SD_KIND_COLUMN, SD_KIND_CHECK, SD_KIND_EXCLUSION };
    if (c->w.rc != SD_OK)
        return;
    gather(c, t, true); /* its partition key */
    for (size_t k = 0; k < SD_ARRAY_LEN(OWNED); k++) {
        size_t n = 0;
        const sd_object *const *objs = sd_model_children(c->to, t, OWNED[k], &n);
        for (size_t i = 0; i < n && c->w.rc == SD_OK; i++) {
            if (rows || OWNED[k] == SD_KIND_EXCLUSION ||
                (OWNED[k] == SD_KIND_COLUMN && objs[i]->v[SD_COLUMN_GENERATED].sql.text != NULL))
                gather(c, objs[i], true);
        }
    }
}

/* The unit's own object, when its creation runs functions: an index, a materialized view
 * created with its data (tables, columns and constraints are noted where they are written:
 * sd_emit__pg_spath_note*()). */
static void
note_unit(pg_ctx *c)
{
    const sd_step *s = &c->unit_step;
    const sd_object *o = s->to;
    if (o == NULL || (s->op != SD_STEP_CREATE && s->op != SD_STEP_REBUILD))
        return;
    if (o->kind == SD_KIND_INDEX || (o->kind == SD_KIND_MATVIEW && !o->v[SD_MATVIEW_NO_DATA].b))
        gather(c, o, true);
}

void
sd_emit__pg_spath_wrap(pg_ctx *c)
{
    if (c->w.rc == SD_OK && c->unit.len > 0)
        note_unit(c);
    const pg_spath *fns = &c->spath;
    if (c->w.rc != SD_OK || c->unit.len == 0 || fns->len == 0)
        return;
    /* After the unit (still writing into it): each function's definition back. */
    for (size_t i = 0; i < fns->len; i++)
        put_alter(c, fns->items[i], " RESET search_path;\n");
    sd_buf before = SD_BUF_INIT;
    c->w.out = &before;
    put(c, "-- functions run below with the database's default search_path, as the "
           "application calls them (they set none of their own)\n"
           "SET LOCAL search_path TO DEFAULT;\n");
    for (size_t i = 0; i < fns->len; i++)
        put_alter(c, fns->items[i], " SET search_path FROM CURRENT;\n");
    put(c, "SELECT pg_catalog.set_config('search_path', '', true);\n");
    sd_buf_append(&before, sd_buf_cstr(&c->unit));
    if (sd_buf_failed(&before))
        sd_writer_nomem(&c->w);
    c->w.out = &c->unit;
    sd_buf_reset(&c->unit);
    sd_buf_appendn(&c->unit, sd_buf_cstr(&before), before.len);
    sd_buf_dispose(&before);
}
