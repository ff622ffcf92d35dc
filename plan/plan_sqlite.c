/*
 * plan_sqlite.c: the SQLite planner (plan_sqlite.h). It reads the change list against the
 * engine's rules (RULES below: what ALTER TABLE does in place, what only a rebuild can do),
 * decides per table of "to" between ALTER TABLE in place and a rebuild, names the rebuilds'
 * temporary tables, finds the views, triggers and indexes that go and come back around them,
 * and lays the steps out in the script's fixed phases:
 *
 *   setup (foreign keys off, BEGIN);
 *   renames from the change list;
 *   drop triggers, views (dependents first) and indexes that go or change, plus every view
 *     and trigger that refers to a table about to be rebuilt or dropped or to a view that
 *     goes (transitively): SQLite 3.26+ re-checks the whole schema on RENAME and DROP COLUMN
 *     and refuses a view or trigger that names a missing table;
 *   create new tables (referenced tables first: util/topo, as every order here);
 *   rebuilds (https://www.sqlite.org/lang_altertable.html#otheralter): every replacement is
 *     created and filled, between its guards, before any old table goes (no copy can then
 *     read a table already dropped or renamed); then each old table is dropped and its
 *     replacement renamed (swap);
 *   drop tables; DROP COLUMN / ADD COLUMN in place;
 *   create indexes (new, changed, and every index of a rebuilt table), views (dependencies
 *     first) and triggers;
 *   foreign key guards of rebuilt tables and of their children; setup (COMMIT, keys on).
 *
 * It writes no SQL: emit/emit_sqlite.c writes each step. Names compare as SQLite compares
 * identifiers, ignoring ASCII case. Not supported: schema changes and renames other than of
 * tables and columns (SQLite has one schema per file): SD_ERR_UNSUPPORTED naming the object.
 */
#include "plan/plan_sqlite.h"

#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "util/util.h"

typedef struct sd_sqlite_plan sp;

/* ---- the engine's rules ---- */

/* How SQLite carries out a change of one kind and operation. */
typedef enum way {
    WAY_UNSUPPORTED = 0, /* SQLite cannot express it: SD_ERR_UNSUPPORTED */
    WAY_STATEMENT,       /* its own CREATE or DROP statement; a change is a DROP, then a CREATE */
    WAY_ALTER_TABLE,     /* ALTER TABLE on the kept table when `fits` holds, else a rebuild */
    WAY_REBUILD          /* only by rebuilding the table (the object's own, or its owner) */
} way;

/* Whether ALTER TABLE can do it to column col of kept table t ("from" for a drop). */
typedef bool (*fits_fn)(const sp *p, const sd_object *t, const sd_object *col);

typedef struct rule {
    way way;
    fits_fn fits; /* WAY_ALTER_TABLE only */
} rule;

static bool can_add_in_place(const sp *p, const sd_object *t, const sd_object *col);
static bool can_drop_in_place(const sp *p, const sd_object *t, const sd_object *col);

/*
 * What SQLite's ALTER TABLE can do in place (lang_altertable.html): RENAME TO, RENAME COLUMN
 * (RENAMES below), ADD COLUMN and DROP COLUMN within their restrictions; everything else on a
 * kept table is a rebuild. A column or constraint of a table created or dropped whole comes
 * with its table and needs nothing of its own. A kind without a row cannot be expressed.
 */
static const rule RULES[SD_KIND__COUNT][SD_OP__COUNT] = {
    [SD_KIND_TABLE] = { [SD_OP_CREATE] = { .way = WAY_STATEMENT },
                        [SD_OP_DROP] = { .way = WAY_STATEMENT },
                        [SD_OP_ALTER] = { .way = WAY_REBUILD } }, /* STRICT, WITHOUT ROWID */
    [SD_KIND_COLUMN] = { [SD_OP_CREATE] = { .way = WAY_ALTER_TABLE, .fits = can_add_in_place },
                         [SD_OP_DROP] = { .way = WAY_ALTER_TABLE, .fits = can_drop_in_place },
                         [SD_OP_ALTER] = { .way = WAY_REBUILD } },
    [SD_KIND_PRIMARY_KEY] = { [SD_OP_CREATE] = { .way = WAY_REBUILD },
                              [SD_OP_DROP] = { .way = WAY_REBUILD },
                              [SD_OP_ALTER] = { .way = WAY_REBUILD } },
    [SD_KIND_UNIQUE] = { [SD_OP_CREATE] = { .way = WAY_REBUILD },
                         [SD_OP_DROP] = { .way = WAY_REBUILD },
                         [SD_OP_ALTER] = { .way = WAY_REBUILD } },
    [SD_KIND_CHECK] = { [SD_OP_CREATE] = { .way = WAY_REBUILD },
                        [SD_OP_DROP] = { .way = WAY_REBUILD },
                        [SD_OP_ALTER] = { .way = WAY_REBUILD } },
    [SD_KIND_FOREIGN_KEY] = { [SD_OP_CREATE] = { .way = WAY_REBUILD },
                              [SD_OP_DROP] = { .way = WAY_REBUILD },
                              [SD_OP_ALTER] = { .way = WAY_REBUILD } },
    [SD_KIND_INDEX] = { [SD_OP_CREATE] = { .way = WAY_STATEMENT },
                        [SD_OP_DROP] = { .way = WAY_STATEMENT },
                        [SD_OP_ALTER] = { .way = WAY_STATEMENT } },
    [SD_KIND_VIEW] = { [SD_OP_CREATE] = { .way = WAY_STATEMENT },
                       [SD_OP_DROP] = { .way = WAY_STATEMENT },
                       [SD_OP_ALTER] = { .way = WAY_STATEMENT } },
    [SD_KIND_TRIGGER] = { [SD_OP_CREATE] = { .way = WAY_STATEMENT },
                          [SD_OP_DROP] = { .way = WAY_STATEMENT },
                          [SD_OP_ALTER] = { .way = WAY_STATEMENT } },
};

/* The renames ALTER TABLE does (3.26+ also renames the name in views, triggers, indexes and
 * foreign keys); SQLite has one schema per file and no other rename. */
static const bool RENAMES[SD_RENAME__COUNT] = {
    [SD_RENAME_TABLE] = true,
    [SD_RENAME_COLUMN] = true,
};

/* ---- the planner's state ---- */

struct sd_sqlite_plan {
    const sd_changelist *cl;
    const sd_model *from;
    const sd_model *to;
    sd_arena *arena;                          /* everything below, and the plan's strings */
    sd_sqlite_table *tables;                  /* one per "to" table, by canonical index */
    size_t *nalter;                           /* per "to" table: columns added or dropped */
    bool *drop[SD_KIND__COUNT];               /* per "from" object: dropped */
    bool *create[SD_KIND__COUNT];             /* per "to" object: created */
    const sd_object **around[SD_KIND__COUNT]; /* per "from" view, trigger: what takes it away */
    sd_map gone;                              /* lower-case name -> "from" relation that goes */
    sd_map taken;                             /* lower-case names in use (temporary names) */
    SD_VEC(sd_sqlite_step) steps;             /* in the order they run */
    sd_err *err;
    sd_status rc; /* first error; later work is skipped */
};

static void fail(sp *p, sd_status code, const sd_object *o, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Record the first error only; o (may be NULL) names the object in err->where. */
static void
fail(sp *p, sd_status code, const sd_object *o, const char *fmt, ...)
{
    if (p->rc != SD_OK)
        return;
    va_list ap;
    va_start(ap, fmt);
    p->rc = sd_err_objectv(p->err, code, o, fmt, ap);
    va_end(ap);
}

static void
nomem(sp *p)
{
    fail(p, SD_ERR_NOMEM, NULL, "out of memory");
}

/* ---- names ---- */

/* SQLite compares identifiers ignoring ASCII case only. */
static bool
ident_eq(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return a == b;
    while (*a != '\0' && sd_ascii_lower(*a) == sd_ascii_lower(*b)) {
        a++;
        b++;
    }
    return sd_ascii_lower(*a) == sd_ascii_lower(*b);
}

static void
lower_into(sd_buf *b, const char *s)
{
    sd_buf_reset(b);
    for (; *s != '\0'; s++)
        sd_buf_putc(b, sd_ascii_lower(*s));
}

/* Add a name to a map of lower-case names (keys live in the arena); value: what it names. */
static void
set_add(sp *p, sd_map *set, const char *name, const void *value)
{
    sd_buf b = SD_BUF_INIT;
    lower_into(&b, name);
    char *key = sd_buf_failed(&b) ? NULL : sd_arena_strdup(p->arena, sd_buf_cstr(&b));
    if (key == NULL ||
        sd_map_put(set, key, value != NULL ? (void *)(uintptr_t)value : key) != SD_OK)
        nomem(p);
    sd_buf_dispose(&b);
}

/* What the name stands for in set, or NULL. Out of memory answers with the buffer's address:
 * every caller is conservative on a yes. */
static const void *
set_get(const sd_map *set, const char *name)
{
    sd_buf b = SD_BUF_INIT;
    lower_into(&b, name);
    const void *v = sd_buf_failed(&b) ? (const void *)set : sd_map_get(set, sd_buf_cstr(&b));
    sd_buf_dispose(&b);
    return v;
}

static bool
names_have(const sd_names *n, const char *name)
{
    for (size_t i = 0; i < n->len; i++)
        if (ident_eq(n->items[i], name))
            return true;
    return false;
}

/* A predicate over identifiers; found may record what matched. */
typedef struct ident_test {
    bool (*pred)(struct ident_test *t, const char *ident);
    const void *arg;
    const void *found;
} ident_test;

/*
 * True when text names an identifier for which the test holds, as a word, a quoted
 * identifier or a string (SQLite takes 'x' for an identifier in places). Text that does not
 * tokenize counts as a mention: every caller is conservative.
 */
static bool
text_mentions(const char *text, ident_test *t)
{
    if (text == NULL)
        return false;
    sd_lexer lx;
    sd_tok tok;
    sd_err e = SD_ERR_INIT;
    sd_buf id = SD_BUF_INIT;
    bool hit = false;
    sd_lexer_init(&lx, text, strlen(text), 0);
    for (;;) {
        if (sd_lexer_next(&lx, &tok, &e) != SD_OK) {
            hit = true;
            break;
        }
        if (tok.type == SD_TOK_EOF)
            break;
        if (tok.type != SD_TOK_WORD && tok.type != SD_TOK_QIDENT && tok.type != SD_TOK_STRING)
            continue;
        sd_buf_reset(&id);
        sd_tok_ident(&id, text, &tok);
        if (sd_buf_failed(&id) || t->pred(t, sd_buf_cstr(&id))) {
            hit = true;
            break;
        }
    }
    sd_buf_dispose(&id);
    return hit;
}

static bool
is_name(ident_test *t, const char *ident)
{
    return ident_eq(ident, t->arg);
}

static bool
mentions_name(const char *text, const char *name)
{
    ident_test t = { .pred = is_name, .arg = name };
    return text_mentions(text, &t);
}

static bool
is_gone(ident_test *t, const char *ident)
{
    t->found = set_get(t->arg, ident);
    return t->found != NULL;
}

static const sd_sqltext *
stmt_sql(const sd_object *o)
{
    return &o->v[o->kind == SD_KIND_VIEW ? SD_VIEW_SQL : SD_TRIGGER_SQL].sql;
}

/* ---- what each change needs ---- */

/* The decision of the kept table that owns o, or NULL when its table is created or dropped
 * whole (the object then comes or goes with it). */
static sd_sqlite_table *
kept_table_of(sp *p, const sd_object *o)
{
    const sd_object *t = o->kind == SD_KIND_TABLE ? sd_model_find_key(p->to, SD_KIND_TABLE, o->key)
                                                  : sd_model_find_table(p->to, o->schema, o->table);
    if (t == NULL || p->tables[t->index].from == NULL)
        return NULL;
    return &p->tables[t->index];
}

static void
mark(sp *p, const sd_change *ch)
{
    if (ch->from != NULL && ch->op != SD_OP_CREATE)
        p->drop[ch->kind][ch->from->index] = true;
    if (ch->to != NULL)
        p->create[ch->kind][ch->to->index] = true;
}

static void
rebuild(sd_sqlite_table *t, const sd_object *because)
{
    if (!t->rebuild)
        t->because = because;
    t->rebuild = true;
}

static void
collect_change(sp *p, const sd_change *ch)
{
    const sd_object *o = ch->to != NULL ? ch->to : ch->from;
    sd_sqlite_table *t = NULL;
    switch (RULES[ch->kind][ch->op].way) {
    case WAY_UNSUPPORTED: {
        sd_buf d = SD_BUF_INIT;
        sd_object_describe(&d, o);
        fail(p, SD_ERR_UNSUPPORTED, o, "cannot %s %s in SQLite", sd_op_name(ch->op),
             sd_buf_cstr(&d));
        sd_buf_dispose(&d);
        break;
    }
    case WAY_STATEMENT:
        mark(p, ch);
        break;
    case WAY_ALTER_TABLE:
        t = kept_table_of(p, o);
        if (t == NULL)
            break;
        mark(p, ch);
        p->nalter[t->to->index]++;
        break;
    case WAY_REBUILD:
        t = kept_table_of(p, o);
        if (t != NULL)
            rebuild(t, o);
        break;
    }
}

/*
 * ADD COLUMN's restrictions: no STORED generated column, a default that is a constant (not
 * CURRENT_*, not a parenthesized expression), NOT NULL only with a non-NULL default.
 * Constraints on the new column are constraint changes and rebuild by their own rule. NOT
 * NULL generated columns are rebuilt too (conservative).
 */
static bool
can_add_in_place(const sp *p, const sd_object *t, const sd_object *col)
{
    (void)p;
    (void)t;
    const sd_value *v = col->v;
    if (v[SD_COLUMN_GENERATED].sql.text != NULL) {
        const char *kind = v[SD_COLUMN_GENERATED_KIND].s;
        return !v[SD_COLUMN_NOT_NULL].b && (kind == NULL || strcmp(kind, "stored") != 0);
    }
    sd_sql_default k = sd_sql_default_kind(v[SD_COLUMN_DEFAULT].sql.text);
    if (k == SD_DEFAULT_NULL)
        return !v[SD_COLUMN_NOT_NULL].b;
    return k == SD_DEFAULT_VALUE;
}

/* Whether an index of "from" that survives until the ALTERs mentions the column. */
static bool
index_mentions(const sp *p, const sd_object *t, const char *col)
{
    size_t n = sd_model_count(p->from, SD_KIND_INDEX);
    for (size_t i = 0; i < n; i++) {
        const sd_object *ix = sd_model_at(p->from, SD_KIND_INDEX, i);
        if (p->drop[SD_KIND_INDEX][i] || !ident_eq(ix->table, t->name))
            continue;
        const sd_keys *k = &ix->v[SD_INDEX_KEYS].keys;
        for (size_t j = 0; j < k->len; j++) {
            if (ident_eq(k->items[j].column, col) || mentions_name(k->items[j].expr.text, col))
                return true;
        }
        if (mentions_name(ix->v[SD_INDEX_WHERE].sql.text, col))
            return true;
    }
    return false;
}

/* Whether a constraint of t, or a foreign key anywhere that references t, names col. */
static bool
constraint_mentions(const sp *p, const sd_object *t, const char *col)
{
    static const struct {
        sd_kind kind;
        int field;
    } NAMED[] = { { SD_KIND_PRIMARY_KEY, SD_PK_COLUMNS },
                  { SD_KIND_UNIQUE, SD_UNIQUE_COLUMNS },
                  { SD_KIND_FOREIGN_KEY, SD_FK_COLUMNS } };
    size_t n = 0;
    for (size_t k = 0; k < SD_ARRAY_LEN(NAMED); k++) {
        const sd_object *const *o = sd_model_children(p->from, t, NAMED[k].kind, &n);
        for (size_t i = 0; i < n; i++)
            if (names_have(&o[i]->v[NAMED[k].field].names, col))
                return true;
    }
    const sd_object *const *o = sd_model_children(p->from, t, SD_KIND_CHECK, &n);
    for (size_t i = 0; i < n; i++)
        if (mentions_name(o[i]->v[SD_CHECK_EXPRESSION].sql.text, col))
            return true;
    n = sd_model_count(p->from, SD_KIND_FOREIGN_KEY);
    for (size_t i = 0; i < n; i++) {
        const sd_object *fk = sd_model_at(p->from, SD_KIND_FOREIGN_KEY, i);
        if (ident_eq(fk->v[SD_FK_REF_TABLE].s, t->name) &&
            names_have(&fk->v[SD_FK_REF_COLUMNS].names, col))
            return true;
    }
    return false;
}

/*
 * DROP COLUMN's restrictions: the column is in no PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK,
 * index (column, expression or WHERE), generated expression, view or trigger. We scan for
 * the name, ignoring case, and rebuild on any mention. Indexes, views and triggers the diff
 * drops anyway are gone by the time the ALTER runs.
 */
static bool
can_drop_in_place(const sp *p, const sd_object *t, const sd_object *col)
{
    if (constraint_mentions(p, t, col->name) || index_mentions(p, t, col->name))
        return false;
    size_t n = 0;
    const sd_object *const *cols = sd_model_children(p->from, t, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++) {
        if (cols[i] != col && mentions_name(cols[i]->v[SD_COLUMN_GENERATED].sql.text, col->name))
            return false;
    }
    static const sd_kind STMTS[] = { SD_KIND_VIEW, SD_KIND_TRIGGER };
    for (size_t k = 0; k < SD_ARRAY_LEN(STMTS); k++) {
        n = sd_model_count(p->from, STMTS[k]);
        for (size_t i = 0; i < n; i++) {
            const sd_object *o = sd_model_at(p->from, STMTS[k], i);
            if (!p->drop[STMTS[k]][i] && mentions_name(stmt_sql(o)->text, col->name))
                return false;
        }
    }
    return true;
}

/* Kept tables with only added and dropped columns: in place when the rules allow each. */
static void
decide_in_place(sp *p)
{
    const fits_fn add = RULES[SD_KIND_COLUMN][SD_OP_CREATE].fits;
    const fits_fn drop = RULES[SD_KIND_COLUMN][SD_OP_DROP].fits;
    size_t nt = sd_model_count(p->to, SD_KIND_TABLE);
    for (size_t i = 0; i < nt; i++) {
        sd_sqlite_table *t = &p->tables[i];
        if (t->from == NULL || t->rebuild || p->nalter[i] == 0)
            continue;
        size_t n = 0;
        const sd_object *const *cols = sd_model_children(p->to, t->to, SD_KIND_COLUMN, &n);
        for (size_t j = 0; j < n && !t->rebuild; j++)
            if (p->create[SD_KIND_COLUMN][cols[j]->index] && !add(p, t->to, cols[j]))
                rebuild(t, cols[j]);
        cols = sd_model_children(p->from, t->from, SD_KIND_COLUMN, &n);
        for (size_t j = 0; j < n && !t->rebuild; j++)
            if (p->drop[SD_KIND_COLUMN][cols[j]->index] && !drop(p, t->from, cols[j]))
                rebuild(t, cols[j]);
    }
}

/* "<name>_sd_new", or with a counter, unused by any table, view, index or trigger. */
static void
name_temporaries(sp *p)
{
    static const sd_kind NAMED[] = { SD_KIND_TABLE, SD_KIND_VIEW, SD_KIND_INDEX, SD_KIND_TRIGGER };
    const sd_model *models[] = { p->from, p->to };
    for (size_t m = 0; m < SD_ARRAY_LEN(models); m++) {
        for (size_t k = 0; k < SD_ARRAY_LEN(NAMED); k++) {
            for (size_t i = 0; i < sd_model_count(models[m], NAMED[k]); i++)
                set_add(p, &p->taken, sd_model_at(models[m], NAMED[k], i)->name, NULL);
        }
    }
    size_t nt = sd_model_count(p->to, SD_KIND_TABLE);
    for (size_t i = 0; i < nt && p->rc == SD_OK; i++) {
        sd_sqlite_table *t = &p->tables[i];
        if (!t->rebuild)
            continue;
        for (unsigned n = 1; t->temp_name == NULL && p->rc == SD_OK; n++) {
            const char *cand = n == 1 ? sd_arena_sprintf(p->arena, "%s_sd_new", t->to->name)
                                      : sd_arena_sprintf(p->arena, "%s_sd_new%u", t->to->name, n);
            if (cand == NULL)
                nomem(p);
            else if (set_get(&p->taken, cand) == NULL)
                t->temp_name = cand;
        }
        if (t->temp_name != NULL)
            set_add(p, &p->taken, t->temp_name, NULL);
    }
}

/* Kept columns of a rebuilt table: in both tables and not generated in "to", "to" order. */
static void
keep_columns(sp *p, sd_sqlite_table *t)
{
    size_t n = 0;
    const sd_object *const *cols = sd_model_children(p->to, t->to, SD_KIND_COLUMN, &n);
    const sd_object **kept = sd_arena_array(p->arena, const sd_object *, n + 1);
    if (kept == NULL) {
        nomem(p);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (cols[i]->v[SD_COLUMN_GENERATED].sql.text == NULL &&
            sd_model_find_key(p->from, SD_KIND_COLUMN, cols[i]->key) != NULL)
            kept[t->nkept++] = cols[i];
    }
    t->kept = kept;
}

/* What a view or trigger of "from" refers to that goes away for a while, or NULL. */
static const sd_object *
refers_to_gone(const sp *p, const sd_object *o)
{
    const void *g = o->table != NULL ? set_get(&p->gone, o->table) : NULL;
    for (size_t i = 0; g == NULL && i < o->ndeps; i++)
        if (sd_kind_is_relation(o->deps[i].kind))
            g = set_get(&p->gone, o->deps[i].name);
    if (g == NULL) {
        /* Names in the text too: a conservative net under the declared dependencies. */
        ident_test t = { .pred = is_gone, .arg = &p->gone };
        if (!text_mentions(stmt_sql(o)->text, &t))
            return NULL;
        g = t.found;
    }
    /* Text that does not tokenize, or a name out of memory: no relation to blame, so the
     * object itself stands as the cause. */
    return g != NULL && g != (const void *)&p->gone ? g : o;
}

/* A view or trigger of "from" goes for a while because of cause. */
static void
take_away(sp *p, sd_kind kind, size_t i, const sd_object *cause)
{
    p->drop[kind][i] = true;
    p->around[kind][i] = cause;
}

/*
 * Views and triggers that must go before the rebuilds, drops and ALTERs (SQLite re-checks
 * them all on RENAME and DROP COLUMN), and what is created again afterwards: their "to"
 * counterparts and every index of a rebuilt table. The value stored for a gone name is the
 * "from" relation that goes, which becomes the cause of what it takes away.
 */
static void
cascade(sp *p)
{
    size_t nt = sd_model_count(p->to, SD_KIND_TABLE);
    for (size_t i = 0; i < nt; i++)
        if (p->tables[i].rebuild)
            set_add(p, &p->gone, p->tables[i].from->name, p->tables[i].from);
    static const sd_kind SEEDS[] = { SD_KIND_TABLE, SD_KIND_VIEW };
    for (size_t k = 0; k < SD_ARRAY_LEN(SEEDS); k++) {
        for (size_t i = 0; i < sd_model_count(p->from, SEEDS[k]); i++) {
            const sd_object *o = sd_model_at(p->from, SEEDS[k], i);
            if (p->drop[SEEDS[k]][i])
                set_add(p, &p->gone, o->name, o);
        }
    }
    size_t nv = sd_model_count(p->from, SD_KIND_VIEW);
    for (bool grew = true; grew && p->rc == SD_OK;) {
        grew = false;
        for (size_t i = 0; i < nv; i++) {
            const sd_object *v = sd_model_at(p->from, SD_KIND_VIEW, i);
            const sd_object *cause = p->drop[SD_KIND_VIEW][i] ? NULL : refers_to_gone(p, v);
            if (cause != NULL) {
                take_away(p, SD_KIND_VIEW, i, cause);
                set_add(p, &p->gone, v->name, v);
                grew = true;
            }
        }
    }
    size_t ntr = sd_model_count(p->from, SD_KIND_TRIGGER);
    for (size_t i = 0; i < ntr; i++) {
        const sd_object *tg = sd_model_at(p->from, SD_KIND_TRIGGER, i);
        const sd_object *cause = p->drop[SD_KIND_TRIGGER][i] ? NULL : refers_to_gone(p, tg);
        if (cause != NULL)
            take_away(p, SD_KIND_TRIGGER, i, cause);
    }
    static const sd_kind BACK[] = { SD_KIND_VIEW, SD_KIND_TRIGGER };
    for (size_t k = 0; k < SD_ARRAY_LEN(BACK); k++) {
        for (size_t i = 0; i < sd_model_count(p->from, BACK[k]); i++) {
            const sd_object *o = sd_model_at(p->from, BACK[k], i);
            const sd_object *t = sd_model_find_key(p->to, BACK[k], o->key);
            if (p->drop[BACK[k]][i] && t != NULL)
                p->create[BACK[k]][t->index] = true;
        }
    }
    size_t ni = sd_model_count(p->to, SD_KIND_INDEX);
    for (size_t i = 0; i < ni; i++) {
        const sd_object *ix = sd_model_at(p->to, SD_KIND_INDEX, i);
        const sd_object *t = sd_model_find_table(p->to, ix->schema, ix->table);
        if (t != NULL && p->tables[t->index].rebuild)
            p->create[SD_KIND_INDEX][i] = true;
    }
}

/* ---- order ---- */

/*
 * Orders are util/topo's: the marked objects of one kind are nodes, priority their canonical
 * order (or its reverse), an edge per dependency among them. A loop (new tables whose foreign
 * keys reference each other; views of a broken schema) needs no order at all in SQLite, which
 * resolves names only when a statement runs: the earliest node of each loop loses its edges to
 * the rest of the loop, so it comes after them, as a depth-first search from it would have it.
 */
static sd_status
break_loops(sd_topo *t, const sd_topo_sccs *sccs, void *ctx, sd_err *err)
{
    (void)ctx;
    size_t *first = calloc(sccs->count + 1, sizeof(*first));
    if (first == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    for (size_t v = sccs->nnodes; v > 0; v--) {
        size_t c = sccs->comp[v - 1];
        size_t f = first[c];
        if (c != 0 && sccs->size[c] > 1 &&
            (f == 0 || t->nodes.items[v - 1].prio <= t->nodes.items[f - 1].prio))
            first[c] = v; /* 1 + node; ties: the lower index, met last */
    }
    for (size_t c = 1; c <= sccs->count; c++) {
        if (first[c] == 0)
            continue;
        size_t v = first[c] - 1;
        size_t ne = 0;
        const sd_topo_edge *out = sd_topo_out(t, v, &ne);
        for (size_t e = 0; e < ne; e++) {
            size_t to = out[e].to;
            if (to != SD_TOPO_NONE && to < sccs->nnodes && sccs->comp[to] == c)
                sd_topo_remove_edge(t, v, e);
        }
    }
    free(first);
    return SD_OK;
}

/* A graph over the marked objects of one kind of a model: node i is object obj[i]. */
typedef struct graph {
    sd_topo topo;
    size_t *obj;     /* per node: the object's index */
    size_t *node_of; /* per object index: its node, or SD_TOPO_NONE */
    size_t n;
} graph;

/* Nodes for the marked objects; prio: canonical order, or its reverse when reversed. */
static bool
graph_init(sp *p, graph *g, const sd_model *m, sd_kind kind, const bool *marked, bool reversed)
{
    size_t count = sd_model_count(m, kind);
    memset(g, 0, sizeof(*g));
    g->obj = sd_arena_array(p->arena, size_t, count + 1);
    g->node_of = sd_arena_array(p->arena, size_t, count + 1);
    if (g->obj == NULL || g->node_of == NULL) {
        nomem(p);
        return false;
    }
    for (size_t i = 0; i < count; i++) {
        g->node_of[i] = marked[i] ? g->n : SD_TOPO_NONE;
        if (marked[i])
            g->obj[g->n++] = i;
    }
    sd_status rc = sd_topo_init(&g->topo, g->n, p->err);
    for (size_t v = 0; v < g->n && reversed && rc == SD_OK; v++)
        sd_topo_set_prio(&g->topo, v, g->n - 1 - v);
    if (rc != SD_OK && p->rc == SD_OK)
        p->rc = rc;
    return rc == SD_OK;
}

/* Object `before` (an index of the model) comes before object `after`, when both are nodes. */
static void
graph_edge(sp *p, graph *g, size_t before, size_t after)
{
    if (p->rc != SD_OK || g->node_of[before] == SD_TOPO_NONE || g->node_of[after] == SD_TOPO_NONE)
        return;
    p->rc = sd_topo_add_edge(&g->topo, g->node_of[before], g->node_of[after], NULL, p->err);
}

/* The objects' indexes in sorted order (NULL on failure); disposes of the graph. */
static size_t *
graph_sort(sp *p, graph *g, size_t *n_out)
{
    size_t *order = NULL;
    *n_out = 0;
    if (p->rc == SD_OK)
        p->rc = sd_topo_sort(&g->topo, break_loops, NULL, p->err);
    if (p->rc == SD_OK) {
        size_t n = 0;
        const size_t *nodes = sd_topo_order(&g->topo, &n);
        order = sd_arena_array(p->arena, size_t, n + 1);
        if (order == NULL)
            nomem(p);
        for (size_t i = 0; order != NULL && i < n; i++)
            order[i] = g->obj[nodes[i]];
        *n_out = order != NULL ? n : 0;
    }
    sd_topo_dispose(&g->topo);
    return order;
}

/*
 * The marked views of m, each after the marked views it reads, else in canonical order; or,
 * dependents_first (to drop them), each before the views it reads, else in reverse canonical
 * order. NULL on failure.
 */
static size_t *
view_order(sp *p, const sd_model *m, const bool *marked, bool dependents_first, size_t *n_out)
{
    graph g;
    *n_out = 0;
    if (!graph_init(p, &g, m, SD_KIND_VIEW, marked, dependents_first)) {
        sd_topo_dispose(&g.topo);
        return NULL;
    }
    for (size_t i = 0; i < g.n; i++) {
        const sd_object *v = sd_model_at(m, SD_KIND_VIEW, g.obj[i]);
        for (size_t d = 0; d < v->ndeps; d++) {
            const sd_ref *r = &v->deps[d];
            const sd_object *dep = sd_kind_is_relation(r->kind)
                                       ? sd_model_find(m, SD_KIND_VIEW, r->schema, NULL, r->name)
                                       : NULL;
            if (dep != NULL && dependents_first)
                graph_edge(p, &g, v->index, dep->index);
            else if (dep != NULL)
                graph_edge(p, &g, dep->index, v->index);
        }
    }
    return graph_sort(p, &g, n_out);
}

/* New tables, each after the new tables its foreign keys reference, else canonical order. */
static size_t *
new_table_order(sp *p, size_t *n_out)
{
    graph g;
    *n_out = 0;
    if (!graph_init(p, &g, p->to, SD_KIND_TABLE, p->create[SD_KIND_TABLE], false)) {
        sd_topo_dispose(&g.topo);
        return NULL;
    }
    for (size_t i = 0; i < g.n; i++) {
        const sd_object *t = sd_model_at(p->to, SD_KIND_TABLE, g.obj[i]);
        size_t nfk = 0;
        const sd_object *const *fks = sd_model_children(p->to, t, SD_KIND_FOREIGN_KEY, &nfk);
        for (size_t j = 0; j < nfk; j++) {
            const sd_object *ref =
                sd_model_find_table(p->to, t->schema, fks[j]->v[SD_FK_REF_TABLE].s);
            if (ref != NULL)
                graph_edge(p, &g, ref->index, t->index);
        }
    }
    return graph_sort(p, &g, n_out);
}

/* ---- steps ---- */

static void
add_step(sp *p, const sd_sqlite_step *s)
{
    if (p->rc == SD_OK && sd_vec_push(&p->steps, *s) != SD_OK)
        nomem(p);
}

/* A step on from and/or to, why it is there and what brings it (AROUND, REBUILD). */
static void
step(sp *p,
     sd_step_op op,
     const sd_object *from,
     const sd_object *to,
     sd_step_why why,
     const sd_object *cause,
     const sd_sqlite_table *table)
{
    const sd_object *o = to != NULL ? to : from;
    sd_sqlite_step s = { .step = { .op = op,
                                   .kind = o != NULL ? o->kind : SD_KIND_TABLE,
                                   .from = from,
                                   .to = to,
                                   .why = why,
                                   .cause =
                                       why == SD_WHY_AROUND || why == SD_WHY_REBUILD ? cause : NULL,
                                   .txn = op == SD_STEP_SETUP ? SD_TXN_NONE : SD_TXN_MAIN },
                         .table = table };
    if ((op == SD_STEP_REBUILD || op == SD_STEP_SWAP) && table != NULL)
        s.step.temp_name = table->temp_name;
    add_step(p, &s);
}

static void
guard(sp *p, sd_guard_kind kind, const sd_object *o, const sd_sqlite_table *table)
{
    size_t before = p->steps.len;
    step(p, SD_STEP_GUARD, NULL, o, SD_WHY_SCRIPT, NULL, table);
    if (p->steps.len > before)
        p->steps.items[before].step.guard = kind;
}

/* A statement object's step: the change list's own, or brought by another change. */
static sd_step_why
why_of(const sp *p, const sd_object *o, sd_step_why otherwise)
{
    return sd_changelist_find(p->cl, o) != NULL ? SD_WHY_CHANGE : otherwise;
}

static void
plan_renames(sp *p)
{
    for (size_t i = 0; i < sd_changelist_rename_count(p->cl) && p->rc == SD_OK; i++) {
        const sd_rename *r = sd_changelist_rename_at(p->cl, i);
        if ((unsigned)r->kind >= SD_RENAME__COUNT || !RENAMES[r->kind]) {
            fail(p, SD_ERR_UNSUPPORTED, r->object, "SQLite cannot rename this object");
            return;
        }
        sd_sqlite_step s = { .step = { .op = SD_STEP_RENAME,
                                       .kind = r->object->kind,
                                       .from = r->object,
                                       .why = SD_WHY_CHANGE,
                                       .txn = SD_TXN_MAIN },
                             .rename = r };
        add_step(p, &s);
    }
}

static void
plan_drop(sp *p, sd_kind kind, size_t i)
{
    const sd_object *o = sd_model_at(p->from, kind, i);
    const sd_object *cause = p->around[kind] != NULL ? p->around[kind][i] : NULL;
    step(p, SD_STEP_DROP, o, NULL, why_of(p, o, SD_WHY_AROUND), cause, NULL);
}

static void
plan_drops(sp *p)
{
    for (size_t i = 0; i < sd_model_count(p->from, SD_KIND_TRIGGER); i++)
        if (p->drop[SD_KIND_TRIGGER][i])
            plan_drop(p, SD_KIND_TRIGGER, i);
    size_t n = 0;
    const size_t *order = view_order(p, p->from, p->drop[SD_KIND_VIEW], true, &n);
    for (size_t i = 0; i < n; i++)
        plan_drop(p, SD_KIND_VIEW, order[i]);
    for (size_t i = 0; i < sd_model_count(p->from, SD_KIND_INDEX); i++)
        if (p->drop[SD_KIND_INDEX][i])
            plan_drop(p, SD_KIND_INDEX, i);
}

static void
plan_new_tables(sp *p)
{
    size_t n = 0;
    const size_t *order = new_table_order(p, &n);
    for (size_t i = 0; i < n; i++)
        step(p, SD_STEP_CREATE, NULL, sd_model_at(p->to, SD_KIND_TABLE, order[i]), SD_WHY_CHANGE,
             NULL, &p->tables[order[i]]);
}

/* Kept columns that become NOT NULL: a guard each, before the copy. */
static void
plan_not_null_guards(sp *p, const sd_sqlite_table *t)
{
    size_t n = 0;
    const sd_object *const *cols = sd_model_children(p->to, t->to, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++) {
        if (!cols[i]->v[SD_COLUMN_NOT_NULL].b || cols[i]->v[SD_COLUMN_GENERATED].sql.text != NULL)
            continue;
        const sd_object *old = sd_model_find_key(p->from, SD_KIND_COLUMN, cols[i]->key);
        if (old != NULL && !old->v[SD_COLUMN_NOT_NULL].b)
            guard(p, SD_GUARD_NOT_NULL, cols[i], t);
    }
}

static void
plan_rebuilds(sp *p)
{
    size_t nt = sd_model_count(p->to, SD_KIND_TABLE);
    for (size_t i = 0; i < nt; i++) {
        const sd_sqlite_table *t = &p->tables[i];
        if (!t->rebuild)
            continue;
        /* With no kept column there are no rows to copy and nothing to guard. */
        if (t->nkept > 0)
            plan_not_null_guards(p, t);
        step(p, SD_STEP_REBUILD, t->from, t->to, SD_WHY_CHANGE, NULL, t);
        if (t->nkept > 0)
            guard(p, SD_GUARD_ROWS_KEPT, t->to, t);
    }
    for (size_t i = 0; i < nt; i++) {
        const sd_sqlite_table *t = &p->tables[i];
        if (t->rebuild)
            step(p, SD_STEP_SWAP, t->from, t->to, SD_WHY_CHANGE, NULL, t);
    }
}

static void
plan_dropped_tables(sp *p)
{
    for (size_t i = 0; i < sd_model_count(p->from, SD_KIND_TABLE); i++) {
        const sd_object *t = sd_model_at(p->from, SD_KIND_TABLE, i);
        if (p->drop[SD_KIND_TABLE][i])
            step(p, SD_STEP_DROP, t, NULL, SD_WHY_CHANGE, NULL, NULL);
    }
}

static void
plan_alters(sp *p)
{
    size_t nt = sd_model_count(p->to, SD_KIND_TABLE);
    for (size_t i = 0; i < nt; i++) {
        const sd_sqlite_table *t = &p->tables[i];
        if (t->from == NULL || t->rebuild)
            continue;
        size_t n = 0;
        const sd_object *const *cols = sd_model_children(p->from, t->from, SD_KIND_COLUMN, &n);
        for (size_t j = 0; j < n; j++)
            if (p->drop[SD_KIND_COLUMN][cols[j]->index])
                step(p, SD_STEP_DROP, cols[j], NULL, SD_WHY_CHANGE, NULL, t);
        cols = sd_model_children(p->to, t->to, SD_KIND_COLUMN, &n);
        for (size_t j = 0; j < n; j++)
            if (p->create[SD_KIND_COLUMN][cols[j]->index])
                step(p, SD_STEP_CREATE, NULL, cols[j], SD_WHY_CHANGE, NULL, t);
    }
}

/* A view or trigger of "to" created again: what took its "from" counterpart away. */
static const sd_object *
cause_of_return(const sp *p, const sd_object *o)
{
    const sd_object *old = sd_model_find_key(p->from, o->kind, o->key);
    return old != NULL && p->around[o->kind] != NULL ? p->around[o->kind][old->index] : NULL;
}

static void
plan_creates(sp *p)
{
    for (size_t i = 0; i < sd_model_count(p->to, SD_KIND_INDEX); i++) {
        if (!p->create[SD_KIND_INDEX][i])
            continue;
        const sd_object *ix = sd_model_at(p->to, SD_KIND_INDEX, i);
        const sd_object *t = sd_model_find_table(p->to, ix->schema, ix->table);
        step(p, SD_STEP_CREATE, NULL, ix, why_of(p, ix, SD_WHY_REBUILD), t, NULL);
    }
    size_t n = 0;
    const size_t *order = view_order(p, p->to, p->create[SD_KIND_VIEW], false, &n);
    for (size_t i = 0; i < n; i++) {
        const sd_object *v = sd_model_at(p->to, SD_KIND_VIEW, order[i]);
        step(p, SD_STEP_CREATE, NULL, v, why_of(p, v, SD_WHY_AROUND), cause_of_return(p, v), NULL);
    }
    for (size_t i = 0; i < sd_model_count(p->to, SD_KIND_TRIGGER); i++) {
        if (!p->create[SD_KIND_TRIGGER][i])
            continue;
        const sd_object *tg = sd_model_at(p->to, SD_KIND_TRIGGER, i);
        step(p, SD_STEP_CREATE, NULL, tg, why_of(p, tg, SD_WHY_AROUND), cause_of_return(p, tg),
             NULL);
    }
}

/*
 * Foreign keys are not enforced while the script runs (foreign_keys=OFF), so rows that break
 * one would be committed silently: every kept table that is rebuilt (any foreign key change
 * rebuilds) or that references a rebuilt table is checked before COMMIT. Tables the script
 * creates are empty; other tables' rows are not touched.
 */
static void
plan_foreign_key_guards(sp *p)
{
    size_t nt = sd_model_count(p->to, SD_KIND_TABLE);
    for (size_t i = 0; i < nt; i++) {
        const sd_sqlite_table *t = &p->tables[i];
        if (t->from == NULL)
            continue;
        size_t n = 0;
        const sd_object *const *fks = sd_model_children(p->to, t->to, SD_KIND_FOREIGN_KEY, &n);
        bool check = n > 0 && t->rebuild;
        for (size_t j = 0; j < n && !check; j++) {
            const sd_object *parent =
                sd_model_find_table(p->to, t->to->schema, fks[j]->v[SD_FK_REF_TABLE].s);
            check = parent != NULL && p->tables[parent->index].from != NULL &&
                    p->tables[parent->index].rebuild;
        }
        if (check)
            guard(p, SD_GUARD_FOREIGN_KEYS, t->to, t);
    }
}

/* ---- entry points ---- */

static void
setup(sp *p)
{
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        size_t nfrom = sd_model_count(p->from, (sd_kind)k);
        p->drop[k] = sd_arena_array(p->arena, bool, nfrom + 1);
        p->create[k] = sd_arena_array(p->arena, bool, sd_model_count(p->to, (sd_kind)k) + 1);
        if (k == SD_KIND_VIEW || k == SD_KIND_TRIGGER)
            p->around[k] = sd_arena_array(p->arena, const sd_object *, nfrom + 1);
    }
    size_t nt = sd_model_count(p->to, SD_KIND_TABLE);
    p->tables = sd_arena_array(p->arena, sd_sqlite_table, nt + 1);
    p->nalter = sd_arena_array(p->arena, size_t, nt + 1);
    if (p->tables == NULL || p->nalter == NULL || sd_arena_failed(p->arena)) {
        nomem(p);
        return;
    }
    for (size_t i = 0; i < nt; i++) {
        p->tables[i].to = sd_model_at(p->to, SD_KIND_TABLE, i);
        p->tables[i].from = sd_model_find_key(p->from, SD_KIND_TABLE, p->tables[i].to->key);
    }
}

static void
decide(sp *p)
{
    setup(p);
    for (size_t i = 0; i < sd_changelist_count(p->cl) && p->rc == SD_OK; i++) {
        const sd_change *ch = sd_changelist_at(p->cl, i);
        if (!(ch->flags & SD_CHG_NOTE_ONLY))
            collect_change(p, ch);
    }
    if (p->rc != SD_OK)
        return;
    decide_in_place(p);
    name_temporaries(p);
    size_t nt = sd_model_count(p->to, SD_KIND_TABLE);
    for (size_t i = 0; i < nt && p->rc == SD_OK; i++)
        if (p->tables[i].rebuild)
            keep_columns(p, &p->tables[i]);
    cascade(p);
}

sd_status
sd_plan_sqlite(sd_sqlite_plan **out, const sd_changelist *cl, sd_err *err)
{
    sd_sqlite_plan *p = calloc(1, sizeof(*p));
    *out = NULL;
    if (p == NULL || (p->arena = sd_arena_new()) == NULL) {
        free(p);
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    p->cl = cl;
    p->from = sd_changelist_from(cl);
    p->to = sd_changelist_to(cl);
    p->err = err;
    decide(p);
    if (p->rc != SD_OK) {
        sd_status rc = p->rc;
        sd_plan_sqlite_free(p);
        return rc;
    }
    step(p, SD_STEP_SETUP, NULL, NULL, SD_WHY_SCRIPT, NULL, NULL);
    plan_renames(p);
    plan_drops(p);
    plan_new_tables(p);
    plan_rebuilds(p);
    plan_dropped_tables(p);
    plan_alters(p);
    plan_creates(p);
    plan_foreign_key_guards(p);
    step(p, SD_STEP_SETUP, NULL, NULL, SD_WHY_SCRIPT, NULL, NULL);
    if (p->rc == SD_OK && sd_arena_failed(p->arena))
        nomem(p);
    /* The names were only needed while deciding. */
    sd_map_dispose(&p->gone);
    sd_map_dispose(&p->taken);
    sd_status rc = p->rc;
    if (rc != SD_OK) {
        sd_plan_sqlite_free(p);
        return rc;
    }
    p->err = NULL;
    *out = p;
    return SD_OK;
}

void
sd_plan_sqlite_free(sd_sqlite_plan *p)
{
    if (p == NULL)
        return;
    sd_map_dispose(&p->gone);
    sd_map_dispose(&p->taken);
    sd_vec_dispose(&p->steps);
    sd_arena_free(p->arena);
    free(p);
}

size_t
sd_plan_sqlite_count(const sd_sqlite_plan *p)
{
    return p->steps.len;
}

const sd_sqlite_step *
sd_plan_sqlite_at(const sd_sqlite_plan *p, size_t i)
{
    return i < p->steps.len ? &p->steps.items[i] : NULL;
}

const sd_sqlite_table *
sd_plan_sqlite_table(const sd_sqlite_plan *p, const sd_object *to_table)
{
    if (to_table == NULL || to_table->kind != SD_KIND_TABLE ||
        to_table->index >= sd_model_count(p->to, SD_KIND_TABLE) ||
        sd_model_at(p->to, SD_KIND_TABLE, to_table->index) != to_table)
        return NULL;
    return &p->tables[to_table->index];
}
