/*
 * rename.c: renames, which matching by identity cannot see (a renamed object is a drop plus
 * a create). They come from hints ("column:public.t.full_name=name") and, on PostgreSQL,
 * from enums whose value list keeps its length with one value replaced at its place (a
 * value renamed: rows keep their meaning). They are applied to a copy of "from" (identities,
 * the names lists that refer to renamed objects, dependencies), and the comparison goes on
 * from that copy: the renames run first, and whatever else differs is altered as usual.
 *
 * SQL text (views, checks, defaults, triggers) is not rewritten: a text that names a renamed
 * object differs from "to" and is rebuilt, which is correct if not minimal.
 *
 * Suggestions: without a hint, a table that drops a column and adds one of the same type may
 * be renaming it; sd_diff__suggest() names the hint that would say so.
 */
#include <string.h>

#include "diff/diff_int.h"

typedef struct hint {
    sd_rename_kind kind;
    const char *text;        /* as given (NULL for an implicit enum value rename) */
    const char *old_text;    /* OLD as given */
    const char *schema;      /* the object's schema (the old name for a schema) */
    const char *table;       /* column, constraint: the table; enum value: the type */
    const char *name;        /* old name or value */
    const char *new_name;    /* new name or value */
    const sd_object *object; /* in the original "from" */
    bool applied;            /* false: checked only (SQLite index and constraint) */
} hint;

typedef struct rn {
    sd_changelist *cl;
    const sd_model *from; /* the caller's "from" */
    const sd_model *to;
    SD_VEC(hint) hints;
    sd_map tables_sql; /* quoted qualified name of a "from" table -> the table */
    sd_err *err;
} rn;

static const struct {
    const char *word;
    sd_rename_kind kind;
    size_t parts; /* dot-separated parts of OLD */
} KINDS[] = {
    { "schema", SD_RENAME_SCHEMA, 1 }, { "table", SD_RENAME_TABLE, 2 },
    { "column", SD_RENAME_COLUMN, 3 }, { "constraint", SD_RENAME_CONSTRAINT, 3 },
    { "index", SD_RENAME_INDEX, 2 },   { "enum-value", SD_RENAME_ENUM_VALUE, 3 },
};

static bool
eq(const char *a, const char *b)
{
    return sd_strcmp_c(a, b) == 0;
}

static sd_status
hint_error(rn *r, const char *text, const char *fmt, const char *what)
{
    sd_status rc = sd_err_set(r->err, SD_ERR, "rename hint \"%s\": %s%s", text, fmt, what);
    sd_err_hint(r->err, "Hints are KIND:OLD=NEW with KIND one of schema, table, column, "
                        "constraint, index, enum-value; OLD qualified (schema.table.column), "
                        "NEW the new name alone; OLD must exist in the first source and NEW "
                        "in the second.");
    return rc;
}

/* "KIND:a.b.c=new" into h (strings in the changelist's arena). */
static sd_status
parse_hint(rn *r, const char *text, hint *h)
{
    memset(h, 0, sizeof(*h));
    h->text = text;
    h->applied = true;
    const char *colon = strchr(text, ':');
    size_t k = 0;
    while (colon != NULL && k < SD_ARRAY_LEN(KINDS) &&
           !(strlen(KINDS[k].word) == (size_t)(colon - text) &&
             strncmp(KINDS[k].word, text, (size_t)(colon - text)) == 0))
        k++;
    if (colon == NULL || k == SD_ARRAY_LEN(KINDS))
        return hint_error(r, text, "unknown kind", "");
    h->kind = KINDS[k].kind;
    char *old = sd_arena_strdup(r->cl->arena, colon + 1);
    if (old == NULL)
        return sd_err_set(r->err, SD_ERR_NOMEM, "out of memory");
    char *eqs = strchr(old, '=');
    if (eqs == NULL || eqs[1] == '\0' || eqs == old)
        return hint_error(r, text, "expected OLD=NEW", "");
    *eqs = '\0';
    h->old_text = sd_arena_strdup(r->cl->arena, old);
    if (h->old_text == NULL)
        return sd_err_set(r->err, SD_ERR_NOMEM, "out of memory");
    h->new_name = eqs + 1;
    /* Split OLD at its first dots: the last part keeps any further dot. */
    const char *parts[3] = { old, NULL, NULL };
    char *p = old;
    for (size_t i = 1; i < KINDS[k].parts; i++) {
        p = strchr(p, '.');
        if (p == NULL) {
            return hint_error(r, text, "OLD needs ",
                              KINDS[k].parts == 2 ? "two parts (schema.name)"
                                                  : "three parts (schema.table.name)");
        }
        *p++ = '\0';
        parts[i] = p;
    }
    for (size_t i = 0; i < KINDS[k].parts; i++)
        if (parts[i][0] == '\0')
            return hint_error(r, text, "empty name in OLD", "");
    h->schema = parts[0];
    if (KINDS[k].parts == 1) {
        h->name = parts[0];
    } else if (KINDS[k].parts == 2) {
        h->name = parts[1];
    } else {
        h->table = parts[1];
        h->name = parts[2];
    }
    return SD_OK;
}

/* ---- translation of "from" names (arguments are original names) ---- */

static const hint *
find_hint(const rn *r, sd_rename_kind k, const char *schema, const char *table, const char *name)
{
    for (size_t i = 0; i < r->hints.len; i++) {
        const hint *h = &r->hints.items[i];
        if (h->kind == k && h->applied && eq(h->schema, schema) &&
            (h->table == NULL || eq(h->table, table)) && eq(h->name, name))
            return h;
    }
    return NULL;
}

static const char *
tr(const rn *r, sd_rename_kind k, const char *schema, const char *table, const char *name)
{
    if (name == NULL)
        return NULL;
    const hint *h = find_hint(r, k, k == SD_RENAME_SCHEMA ? name : schema, table, name);
    return h != NULL ? h->new_name : name;
}

static const char *
tr_schema(const rn *r, const char *s)
{
    return tr(r, SD_RENAME_SCHEMA, s, NULL, s);
}

static const char *
tr_table(const rn *r, const char *s, const char *t)
{
    return tr(r, SD_RENAME_TABLE, s, NULL, t);
}

static bool
is_constraint(sd_kind k)
{
    return k == SD_KIND_PRIMARY_KEY || k == SD_KIND_UNIQUE || k == SD_KIND_CHECK ||
           k == SD_KIND_EXCLUSION || k == SD_KIND_FOREIGN_KEY;
}

static const char *tr_types(const rn *r, const char *text);

/* The new name of an object (or reference) of kind k. */
static const char *
tr_name(const rn *r, sd_kind k, const char *s, const char *t, const char *name)
{
    if (k == SD_KIND_SCHEMA)
        return tr_schema(r, name);
    if (k == SD_KIND_TABLE)
        return tr_table(r, s, name);
    if (k == SD_KIND_COLUMN)
        return tr(r, SD_RENAME_COLUMN, s, t, name);
    if (k == SD_KIND_INDEX)
        return tr(r, SD_RENAME_INDEX, s, NULL, name);
    if (k == SD_KIND_FUNCTION || k == SD_KIND_AGGREGATE || k == SD_KIND_OPERATOR)
        return tr_types(r, name); /* "f(s.mood)": PostgreSQL's identity has the types */
    return is_constraint(k) ? tr(r, SD_RENAME_CONSTRAINT, s, t, name) : name;
}

/* ---- checking hints against the models ---- */

static const sd_object *
find_named(const sd_model *m,
           const sd_kind *kinds,
           size_t nk,
           const char *s,
           const char *t,
           const char *name)
{
    for (size_t k = 0; k < nk; k++) {
        size_t n = 0;
        const sd_object *const *o = sd_model_objects(m, kinds[k], &n);
        for (size_t i = 0; i < n; i++)
            if (eq(o[i]->schema, s) && (t == NULL || eq(o[i]->table, t)) && eq(o[i]->name, name))
                return o[i];
    }
    return NULL;
}

static bool
has_value(const sd_object *e, const char *v)
{
    return sd_names_find(&e->v[SD_ENUM_VALUES].names, v, NULL);
}

static sd_status
check_hint(rn *r, hint *h)
{
    static const sd_kind CONS[] = { SD_KIND_PRIMARY_KEY, SD_KIND_UNIQUE, SD_KIND_CHECK,
                                    SD_KIND_EXCLUSION, SD_KIND_FOREIGN_KEY };
    static const sd_kind IDX[] = { SD_KIND_INDEX };
    const char *s = h->schema;
    const char *s2 = tr_schema(r, s);
    const sd_object *old = NULL;
    const sd_object *new_to = NULL;
    const sd_object *new_from = NULL;
    const char *label = "";
    switch (h->kind) {
    case SD_RENAME_SCHEMA:
        label = "schema";
        old = sd_model_find(r->from, SD_KIND_SCHEMA, h->name, NULL, h->name);
        new_to = sd_model_find(r->to, SD_KIND_SCHEMA, h->new_name, NULL, h->new_name);
        new_from = sd_model_find(r->from, SD_KIND_SCHEMA, h->new_name, NULL, h->new_name);
        break;
    case SD_RENAME_TABLE:
        label = "table";
        old = sd_model_find(r->from, SD_KIND_TABLE, s, NULL, h->name);
        new_to = sd_model_find(r->to, SD_KIND_TABLE, s2, NULL, h->new_name);
        new_from = sd_model_find(r->from, SD_KIND_TABLE, s, NULL, h->new_name);
        break;
    case SD_RENAME_COLUMN:
        label = "column";
        old = sd_model_find(r->from, SD_KIND_COLUMN, s, h->table, h->name);
        new_to = sd_model_find(r->to, SD_KIND_COLUMN, s2, tr_table(r, s, h->table), h->new_name);
        new_from = sd_model_find(r->from, SD_KIND_COLUMN, s, h->table, h->new_name);
        break;
    case SD_RENAME_CONSTRAINT:
        label = "constraint";
        old = find_named(r->from, CONS, SD_ARRAY_LEN(CONS), s, h->table, h->name);
        if (old != NULL) {
            new_to = find_named(r->to, &old->kind, 1, s2, tr_table(r, s, h->table), h->new_name);
            new_from = find_named(r->from, CONS, SD_ARRAY_LEN(CONS), s, h->table, h->new_name);
        }
        h->applied = sd_model_engine(r->from) == SD_ENGINE_PG;
        break;
    case SD_RENAME_INDEX:
        label = "index";
        old = find_named(r->from, IDX, 1, s, NULL, h->name);
        new_to = find_named(r->to, IDX, 1, s2, NULL, h->new_name);
        new_from = find_named(r->from, IDX, 1, s, NULL, h->new_name);
        h->applied = sd_model_engine(r->from) == SD_ENGINE_PG;
        break;
    case SD_RENAME_ENUM_VALUE: {
        label = "enum value";
        const sd_object *ef = sd_model_find(r->from, SD_KIND_ENUM, s, NULL, h->table);
        const sd_object *et = sd_model_find(r->to, SD_KIND_ENUM, s2, NULL, h->table);
        old = ef != NULL && has_value(ef, h->name) ? ef : NULL;
        new_to = et != NULL && has_value(et, h->new_name) ? et : NULL;
        new_from = ef != NULL && has_value(ef, h->new_name) ? ef : NULL;
        break;
    }
    case SD_RENAME__COUNT:
        break;
    }
    const char *problem = old == NULL        ? "does not exist in the first source"
                          : new_to == NULL   ? "does not exist in the second source"
                          : new_from != NULL ? "already exists in the first source"
                                             : NULL;
    if (problem != NULL) {
        /* Name the object as the hint does: OLD, or NEW where OLD's prefix puts it. */
        const char *obj = old == NULL
                              ? h->old_text
                              : sd_arena_sprintf(r->cl->arena, "%.*s%s",
                                                 (int)(strlen(h->old_text) - strlen(h->name)),
                                                 h->old_text, h->new_name);
        sd_status rc = sd_err_set(r->err, SD_ERR, "rename hint \"%s\": %s %s %s", h->text, label,
                                  obj != NULL ? obj : "", problem);
        if (old != NULL && new_to == NULL && strchr(h->new_name, '.') != NULL) {
            /* The usual slip: NEW written qualified, as OLD is. */
            sd_err_hint(r->err, "NEW is the new name alone, in OLD's schema (and table): "
                                "--rename table:public.old=new, not =public.new.");
        } else {
            sd_err_hint(r->err, "OLD names the object in the first source (FROM, EXPECTED), "
                                "NEW its name in the second (TO, ACTUAL).");
        }
        return rc;
    }
    h->object = old;
    return SD_OK;
}

/* PostgreSQL: an enum whose values keep their count with exactly one replaced in place. */
static sd_status
implicit_enum_renames(rn *r)
{
    size_t n = 0;
    const sd_object *const *es = sd_model_objects(r->from, SD_KIND_ENUM, &n);
    for (size_t i = 0; i < n; i++) {
        const sd_object *et =
            sd_model_find(r->to, SD_KIND_ENUM, tr_schema(r, es[i]->schema), NULL, es[i]->name);
        if (et == NULL)
            continue;
        bool hinted = false;
        for (size_t h = 0; h < r->hints.len; h++) {
            const hint *x = &r->hints.items[h];
            hinted |= x->kind == SD_RENAME_ENUM_VALUE && eq(x->schema, es[i]->schema) &&
                      eq(x->table, es[i]->name);
        }
        const sd_names *f = &es[i]->v[SD_ENUM_VALUES].names;
        const sd_names *t = &et->v[SD_ENUM_VALUES].names;
        if (hinted || f->len != t->len)
            continue;
        size_t diff = 0;
        size_t at = 0;
        for (size_t j = 0; j < f->len; j++) {
            if (!eq(f->items[j], t->items[j])) {
                diff++;
                at = j;
            }
        }
        if (diff != 1)
            continue;
        hint h = { .kind = SD_RENAME_ENUM_VALUE,
                   .schema = es[i]->schema,
                   .table = es[i]->name,
                   .name = f->items[at],
                   .new_name = t->items[at],
                   .object = es[i],
                   .applied = true };
        if (sd_vec_push(&r->hints, h) != SD_OK)
            return sd_err_set(r->err, SD_ERR_NOMEM, "out of memory");
    }
    return SD_OK;
}

/* ---- the renamed copy ---- */

static const char *
quoted(rn *r, sd_engine e, const char *s, const char *t)
{
    sd_buf b = SD_BUF_INIT;
    sd_sql_qualified(&b, e, s, t);
    const char *out = sd_buf_failed(&b) ? NULL : sd_arena_strdup(r->cl->arena, sd_buf_cstr(&b));
    sd_buf_dispose(&b);
    return out;
}

/* A table named in SQL form ("s.t", quoted as util/sql.h does), renamed. */
static const char *
tr_sqlname(rn *r, const char *sql)
{
    const sd_object *t = sql != NULL ? sd_map_get(&r->tables_sql, sql) : NULL;
    if (t == NULL)
        return sql;
    const char *out = quoted(r, sd_model_engine(r->from), tr_schema(r, t->schema),
                             tr_table(r, t->schema, t->name));
    return out != NULL ? out : sql;
}

/* A sequence's owned_by, "s.t.c" in SQL form, renamed. */
static const char *
tr_owned_by(rn *r, const char *sql)
{
    sd_engine e = sd_model_engine(r->from);
    for (size_t i = sql != NULL ? strlen(sql) : 0; i-- > 0;) {
        if (sql[i] != '.')
            continue;
        const sd_object *t = sd_map_getn(&r->tables_sql, sql, i);
        if (t == NULL)
            continue;
        size_t nc = 0;
        const sd_object *const *cols = sd_model_children(r->from, t, SD_KIND_COLUMN, &nc);
        for (size_t c = 0; c < nc; c++) {
            sd_buf b = SD_BUF_INIT;
            sd_sql_ident(&b, e, cols[c]->name);
            bool same = !sd_buf_failed(&b) && strcmp(sd_buf_cstr(&b), sql + i + 1) == 0;
            sd_buf_dispose(&b);
            if (!same)
                continue;
            const char *tq = quoted(r, e, tr_schema(r, t->schema), tr_table(r, t->schema, t->name));
            sd_buf o = SD_BUF_INIT;
            sd_buf_appendf(&o, "%s.", tq != NULL ? tq : "");
            sd_sql_ident(&o, e, tr(r, SD_RENAME_COLUMN, t->schema, t->name, cols[c]->name));
            const char *out =
                sd_buf_failed(&o) ? NULL : sd_arena_strdup(r->cl->arena, sd_buf_cstr(&o));
            sd_buf_dispose(&o);
            return out != NULL && tq != NULL ? out : sql;
        }
    }
    return sql;
}

/* Type names in text ("s.mood[]", "f(s.mood, integer)") that qualify with a renamed schema:
 * each "<schema>." at the start or after '(', ' ' or ',' gets the new name. */
static const char *
tr_types(const rn *r, const char *text)
{
    if (text == NULL)
        return NULL;
    const char *cur = text;
    for (size_t i = 0; i < r->hints.len; i++) {
        const hint *h = &r->hints.items[i];
        if (h->kind != SD_RENAME_SCHEMA)
            continue;
        sd_buf pre = SD_BUF_INIT;
        sd_buf out = SD_BUF_INIT;
        sd_sql_ident(&pre, SD_ENGINE_PG, h->name);
        sd_buf_putc(&pre, '.');
        bool changed = false;
        for (const char *p = cur; *p != '\0';) {
            bool boundary = p == cur || p[-1] == '(' || p[-1] == ' ' || p[-1] == ',';
            if (boundary && strncmp(p, sd_buf_cstr(&pre), pre.len) == 0) {
                sd_sql_ident(&out, SD_ENGINE_PG, h->new_name);
                sd_buf_putc(&out, '.');
                p += pre.len;
                changed = true;
            } else {
                sd_buf_putc(&out, *p++);
            }
        }
        if (changed && !sd_buf_failed(&out) && !sd_buf_failed(&pre)) {
            const char *c = sd_arena_strdup(r->cl->arena, sd_buf_cstr(&out));
            if (c != NULL)
                cur = c;
        }
        sd_buf_dispose(&pre);
        sd_buf_dispose(&out);
    }
    return cur;
}

static void
copy_names(rn *r, sd_model *m, sd_object *n, int f, const char *s, const char *t)
{
    sd_names old = n->v[f].names;
    memset(&n->v[f].names, 0, sizeof(n->v[f].names));
    for (size_t i = 0; i < old.len; i++)
        sd_obj_add_name(m, n, f, tr(r, SD_RENAME_COLUMN, s, t, old.items[i]));
}

static sd_status
copy_object(rn *r, sd_model *m, const sd_object *o)
{
    const sd_kind_info *ki = sd_kind_get(o->kind);
    const char *s = o->schema;
    const char *t = o->table;
    sd_object *n = NULL;
    sd_status rc = sd_model_add(m, o->kind, tr_schema(r, s), t != NULL ? tr_table(r, s, t) : NULL,
                                tr_name(r, o->kind, s, t, o->name), &n, r->err);
    if (rc != SD_OK)
        return rc;
    if (ki->nfields > 0)
        memcpy(n->v, o->v, ki->nfields * sizeof(*n->v));
    sd_obj_set_origin(n, o->origin, o->origin_line, o->origin_col);
    if (o->kind == SD_KIND_ENUM) {
        sd_names old = n->v[SD_ENUM_VALUES].names;
        memset(&n->v[SD_ENUM_VALUES].names, 0, sizeof(sd_names));
        for (size_t i = 0; i < old.len; i++) {
            const hint *h = find_hint(r, SD_RENAME_ENUM_VALUE, s, o->name, old.items[i]);
            sd_obj_add_name(m, n, SD_ENUM_VALUES, h != NULL ? h->new_name : old.items[i]);
        }
    } else if (o->kind == SD_KIND_TABLE) {
        n->v[SD_TABLE_PARTITION_OF].s = tr_sqlname(r, o->v[SD_TABLE_PARTITION_OF].s);
        sd_names old = o->v[SD_TABLE_INHERITS].names;
        memset(&n->v[SD_TABLE_INHERITS].names, 0, sizeof(sd_names));
        for (size_t i = 0; i < old.len; i++)
            sd_obj_add_name(m, n, SD_TABLE_INHERITS, tr_sqlname(r, old.items[i]));
    } else if (o->kind == SD_KIND_SEQUENCE) {
        n->v[SD_SEQUENCE_OWNED_BY].s = tr_owned_by(r, o->v[SD_SEQUENCE_OWNED_BY].s);
    } else if (o->kind == SD_KIND_COLUMN) {
        n->v[SD_COLUMN_TYPE].s = tr_types(r, o->v[SD_COLUMN_TYPE].s);
    } else if (o->kind == SD_KIND_FUNCTION) {
        n->v[SD_FUNCTION_ARGUMENTS].s = tr_types(r, o->v[SD_FUNCTION_ARGUMENTS].s);
        n->v[SD_FUNCTION_RESULT].s = tr_types(r, o->v[SD_FUNCTION_RESULT].s);
    } else if (o->kind == SD_KIND_AGGREGATE) {
        n->v[SD_AGGREGATE_ARGUMENTS].s = tr_types(r, o->v[SD_AGGREGATE_ARGUMENTS].s);
    } else if (o->kind == SD_KIND_DOMAIN) {
        n->v[SD_DOMAIN_BASE_TYPE].s = tr_types(r, o->v[SD_DOMAIN_BASE_TYPE].s);
    } else if (o->kind == SD_KIND_PRIMARY_KEY) {
        copy_names(r, m, n, SD_PK_COLUMNS, s, t);
    } else if (o->kind == SD_KIND_UNIQUE) {
        copy_names(r, m, n, SD_UNIQUE_COLUMNS, s, t);
    } else if (o->kind == SD_KIND_FOREIGN_KEY) {
        const char *rs = o->v[SD_FK_REF_SCHEMA].s != NULL ? o->v[SD_FK_REF_SCHEMA].s : s;
        const char *rt = o->v[SD_FK_REF_TABLE].s;
        copy_names(r, m, n, SD_FK_COLUMNS, s, t);
        copy_names(r, m, n, SD_FK_REF_COLUMNS, rs, rt);
        copy_names(r, m, n, SD_FK_ON_DELETE_COLUMNS, s, t);
        n->v[SD_FK_REF_TABLE].s = tr_table(r, rs, rt);
        if (o->v[SD_FK_REF_SCHEMA].s != NULL)
            n->v[SD_FK_REF_SCHEMA].s = tr_schema(r, rs);
    } else if (o->kind == SD_KIND_INDEX) {
        copy_names(r, m, n, SD_INDEX_INCLUDE, s, t);
        memset(&n->v[SD_INDEX_KEYS].keys, 0, sizeof(sd_keys));
        for (size_t i = 0; i < o->v[SD_INDEX_KEYS].keys.len; i++) {
            sd_keypart kp = o->v[SD_INDEX_KEYS].keys.items[i];
            kp.column = tr(r, SD_RENAME_COLUMN, s, t, kp.column);
            sd_obj_add_key(m, n, SD_INDEX_KEYS, &kp);
        }
    }
    for (size_t i = 0; i < o->ndeps; i++) {
        const sd_ref *d = &o->deps[i];
        sd_obj_add_dep(m, n, d->kind, tr_schema(r, d->schema),
                       d->table != NULL ? tr_table(r, d->schema, d->table) : NULL,
                       tr_name(r, d->kind, d->schema, d->table, d->name));
    }
    return SD_OK;
}

static sd_status
build_copy(rn *r)
{
    sd_engine e = sd_model_engine(r->from);
    size_t nt = 0;
    const sd_object *const *ts = sd_model_objects(r->from, SD_KIND_TABLE, &nt);
    for (size_t i = 0; i < nt; i++) {
        const char *q = quoted(r, e, ts[i]->schema, ts[i]->name);
        if (q == NULL || sd_map_put(&r->tables_sql, q, (void *)ts[i]) != SD_OK)
            return sd_err_set(r->err, SD_ERR_NOMEM, "out of memory");
    }
    sd_model *m = sd_model_new(e);
    if (m == NULL)
        return sd_err_set(r->err, SD_ERR_NOMEM, "out of memory");
    r->cl->renamed = m;
    sd_status rc = SD_OK;
    for (size_t k = 0; k < SD_KIND__COUNT && rc == SD_OK; k++) {
        size_t n = 0;
        const sd_object *const *o = sd_model_objects(r->from, (sd_kind)k, &n);
        for (size_t i = 0; i < n && rc == SD_OK; i++)
            rc = copy_object(r, m, o[i]);
    }
    for (size_t i = 0; i < sd_model_uncompared_count(r->from); i++) {
        const char *kind = NULL;
        const char *name = NULL;
        sd_model_uncompared_at(r->from, i, &kind, &name);
        sd_model_add_uncompared(m, kind, name);
    }
    if (rc == SD_OK && sd_arena_failed(r->cl->arena))
        rc = sd_err_set(r->err, SD_ERR_NOMEM, "out of memory");
    return rc == SD_OK ? sd_model_freeze(m, r->err) : rc;
}

/* The renames in the order they run, named as they are at that point. */
static sd_status
list_renames(rn *r)
{
    for (size_t k = 0; k < SD_RENAME__COUNT; k++) {
        for (size_t i = 0; i < r->hints.len; i++) {
            const hint *h = &r->hints.items[i];
            if (h->kind != k || !h->applied)
                continue;
            sd_rename x = { h->kind, h->object,   h->schema,      NULL,
                            h->name, h->new_name, h->text != NULL };
            if (k != SD_RENAME_SCHEMA)
                x.schema = tr_schema(r, h->schema);
            if (k == SD_RENAME_COLUMN || k == SD_RENAME_CONSTRAINT)
                x.table = tr_table(r, h->schema, h->table);
            if (k == SD_RENAME_ENUM_VALUE)
                x.table = h->table;
            if (sd_vec_push(&r->cl->renames, x) != SD_OK)
                return sd_err_set(r->err, SD_ERR_NOMEM, "out of memory");
        }
    }
    return SD_OK;
}

sd_status
sd_diff__renames(sd_changelist *cl, const sd_diff_options *opts, sd_err *err)
{
    rn r = { .cl = cl, .from = cl->from, .to = cl->to, .err = err };
    sd_status rc = SD_OK;
    for (size_t i = 0; i < opts->nrenames && rc == SD_OK; i++) {
        hint h;
        rc = parse_hint(&r, opts->renames[i], &h);
        if (rc == SD_OK && sd_vec_push(&r.hints, h) != SD_OK)
            rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    /* Hints are checked once all are known: NEW is looked up under the renamed schema and
     * table. */
    for (size_t i = 0; i < r.hints.len && rc == SD_OK; i++)
        rc = check_hint(&r, &r.hints.items[i]);
    if (rc == SD_OK && sd_model_engine(cl->from) == SD_ENGINE_PG)
        rc = implicit_enum_renames(&r);
    bool any = false;
    for (size_t i = 0; i < r.hints.len; i++)
        any |= r.hints.items[i].applied;
    if (rc == SD_OK && any)
        rc = build_copy(&r);
    if (rc == SD_OK && any)
        rc = list_renames(&r);
    sd_vec_dispose(&r.hints);
    sd_map_dispose(&r.tables_sql);
    return rc;
}

/* ---- suggestions ---- */

/* The name a schema or table of the renamed copy had in the caller's "from". */
static const char *
original(const sd_changelist *cl, sd_rename_kind k, const char *schema, const char *name)
{
    for (size_t i = 0; i < cl->renames.len; i++) {
        const sd_rename *x = &cl->renames.items[i];
        if (x->kind == k && eq(x->new_name, name) &&
            (k == SD_RENAME_SCHEMA || eq(x->schema, schema)))
            return x->old_name;
    }
    return name;
}

static bool
same_table_type(const sd_object *a, const sd_object *b)
{
    /* An inherited column comes and goes with its parent's. */
    return !a->v[SD_COLUMN_INHERITED].b && !b->v[SD_COLUMN_INHERITED].b &&
           eq(a->schema, b->schema) && eq(a->table, b->table) &&
           eq(a->v[SD_COLUMN_TYPE].s, b->v[SD_COLUMN_TYPE].s);
}

sd_status
sd_diff__suggest(sd_changelist *cl, sd_err *err)
{
    for (size_t i = 0; i < cl->changes.len; i++) {
        const sd_change *d = cl->changes.items[i];
        if (d->kind != SD_KIND_COLUMN || d->op != SD_OP_DROP)
            continue;
        const sd_object *match = NULL;
        size_t nadd = 0;
        for (size_t j = 0; j < cl->changes.len; j++) {
            const sd_change *c = cl->changes.items[j];
            if (c->kind == SD_KIND_COLUMN && c->op == SD_OP_CREATE &&
                same_table_type(d->from, c->to)) {
                match = c->to;
                nadd++;
            }
        }
        size_t ndrop = 0;
        for (size_t j = 0; j < cl->changes.len && nadd == 1; j++) {
            const sd_change *c = cl->changes.items[j];
            ndrop +=
                c->kind == SD_KIND_COLUMN && c->op == SD_OP_DROP && same_table_type(c->from, match);
        }
        if (nadd != 1 || ndrop != 1)
            continue;
        const char *s = original(cl, SD_RENAME_SCHEMA, NULL, d->from->schema);
        const char *t = original(cl, SD_RENAME_TABLE, d->from->schema, d->from->table);
        const char *text =
            sd_arena_sprintf(cl->arena, "column:%s.%s.%s=%s", s, t, d->from->name, match->name);
        if (text == NULL || sd_vec_push(&cl->suggestions, text) != SD_OK)
            return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    return SD_OK;
}

size_t
sd_changelist_rename_count(const sd_changelist *cl)
{
    return cl->renames.len;
}

const sd_rename *
sd_changelist_rename_at(const sd_changelist *cl, size_t i)
{
    return i < cl->renames.len ? &cl->renames.items[i] : NULL;
}

size_t
sd_changelist_suggestion_count(const sd_changelist *cl)
{
    return cl->suggestions.len;
}

const char *
sd_changelist_suggestion_at(const sd_changelist *cl, size_t i)
{
    return i < cl->suggestions.len ? cl->suggestions.items[i] : NULL;
}
