/*
 * plan_pg_plan.c: the PostgreSQL plan (plan_pg.h, sd_pg_plan). From the change list and both
 * models it decides what the script does beyond the changes themselves, before a word is
 * written; emit/emit_pg.c then writes it phase by phase (its header comment lists the
 * phases). What it decides:
 *
 *   seeds, per change: what a change drops and creates (planned kinds), which objects go for
 *     a while (a retyped or dropped column, a recreated enum, domain, composite or range
 *     type, a function dropped and created, a key that goes), which foreign keys and
 *     policies of new tables wait for the post phase;
 *   rebuilds: tables whose partition key changes or (--strict-column-order) whose columns
 *     change place, with their partitions;
 *   functions: changed functions whose old body uses what goes, functions that call a
 *     function dropped and created or use a recreated type: dropped in the prepare phase;
 *   unhook: defaults, generated columns, CHECKs and policies that call such a function,
 *     detached in the prepare phase and restored once it exists again;
 *   cascade: the views, materialized views, indexes, triggers, rules, statistics objects, casts,
 *     constraints and policies
 *     that depend on what goes (pg_depend edges, and column names in expressions), dropped and
 *     created again; generated columns that read a retyped column, dropped and added again;
 *     event triggers (outermost kinds) that call a function that goes, dropped first and
 *     created last;
 *   early: late-kind drops (functions, types...) that depend on something dropped before;
 *   order: the prepare phase's drops (dependents first) and the planned creates (each right
 *     after what it depends on), both with util/topo.h.
 *
 * Whether an expression uses a column is decided by the column's name occurring in it as a
 * word (conservative: a name in a string literal counts too).
 */
#include <stdlib.h>
#include <string.h>

#include "plan/plan_pg.h"
#include "util/util.h"

#define FBIT(f)   (UINT64_C(1) << (f))
#define NOT_FOUND ((size_t)-1)
#define PGE       SD_ENGINE_PG

/* The plan being built: the public plan first (sd_plan_pg() hands out &b->p), then what only
 * planning uses. */
typedef struct pg_build {
    sd_pg_plan p;
    sd_arena *arena;              /* every array lives here */
    sd_map rel_by_sql;            /* quoted qualified name -> "to" table (partition_of) */
    size_t *slot[SD_KIND__COUNT]; /* "to" objects: node in order_pending(), or NOT_FOUND */
    bool *enum_col;               /* "from" columns of an enum that is recreated */
    bool *key_gone;               /* "from" tables whose keys go for a while (FKs) */
    sd_err *err;
    sd_status rc;
} pg_build;

static bool
streq(const char *a, const char *b)
{
    return sd_strcmp_c(a, b) == 0;
}

static void
nomem(pg_build *c)
{
    if (c->rc == SD_OK) {
        sd_status rc = sd_err_set(c->err, SD_ERR_NOMEM, "out of memory");
        c->rc = rc != SD_OK ? rc : SD_ERR_NOMEM;
    }
}

/* ---- lookups ---- */

const sd_object *
sd_plan_pg_table_by_sql(const sd_pg_plan *p, const char *sql)
{
    return sd_map_get(&((const pg_build *)(const void *)p)->rel_by_sql, sql);
}

/* The table, view or materialized view an index or trigger of m belongs to. */
static const sd_object *
relation_of(const sd_model *m, const sd_object *o)
{
    static const sd_kind RELS[] = { SD_KIND_TABLE, SD_KIND_VIEW, SD_KIND_MATVIEW };
    for (size_t i = 0; i < SD_ARRAY_LEN(RELS) && o->table != NULL; i++) {
        const sd_object *r = sd_model_find(m, RELS[i], o->schema, NULL, o->table);
        if (r != NULL)
            return r;
    }
    return NULL;
}

static const sd_object *
counterpart(const sd_model *m, const sd_object *o)
{
    return sd_model_find_key(m, o->kind, o->key);
}

static bool
is_planned(sd_kind k)
{
    return sd_plan_pg_rule(k)->planned;
}

/* ---- setup ---- */

static void
setup(pg_build *c)
{
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        size_t nf = sd_model_count(c->p.from, (sd_kind)k) + 1;
        size_t nt = sd_model_count(c->p.to, (sd_kind)k) + 1;
        c->p.rdrop[k] = sd_arena_array(c->arena, bool, nf);
        c->p.gone[k] = sd_arena_array(c->arena, bool, nf);
        c->p.swept[k] = sd_arena_array(c->arena, bool, nf);
        c->p.early[k] = sd_arena_array(c->arena, bool, nf);
        c->p.unhook[k] = sd_arena_array(c->arena, bool, nf);
        c->p.rcreate[k] = sd_arena_array(c->arena, bool, nt);
        c->p.last[k] = sd_arena_array(c->arena, size_t, nt);
        c->slot[k] = sd_arena_array(c->arena, size_t, nt);
        for (size_t i = 0; c->slot[k] != NULL && i < nt; i++)
            c->slot[k][i] = NOT_FOUND;
    }
    c->p.unown = sd_arena_array(c->arena, bool, sd_model_count(c->p.from, SD_KIND_SEQUENCE) + 1);
    c->p.reown = sd_arena_array(c->arena, bool, sd_model_count(c->p.to, SD_KIND_SEQUENCE) + 1);
    c->p.readd_at = sd_arena_array(c->arena, size_t, sd_model_count(c->p.to, SD_KIND_COLUMN) + 1);
    c->p.readd = sd_arena_array(c->arena, bool, sd_model_count(c->p.from, SD_KIND_COLUMN) + 1);
    c->p.retype_drop =
        sd_arena_array(c->arena, bool, sd_model_count(c->p.from, SD_KIND_COLUMN) + 1);
    c->p.readd_late = sd_arena_array(c->arena, bool, sd_model_count(c->p.from, SD_KIND_COLUMN) + 1);
    c->p.redefault = sd_arena_array(c->arena, bool, sd_model_count(c->p.from, SD_KIND_COLUMN) + 1);
    c->enum_col = sd_arena_array(c->arena, bool, sd_model_count(c->p.from, SD_KIND_COLUMN) + 1);
    c->p.readd_table = sd_arena_array(c->arena, bool, sd_model_count(c->p.to, SD_KIND_TABLE) + 1);
    c->key_gone = sd_arena_array(c->arena, bool, sd_model_count(c->p.from, SD_KIND_TABLE) + 1);
    c->p.rekey = sd_arena_array(c->arena, bool, sd_model_count(c->p.from, SD_KIND_TABLE) + 1);
    c->p.rebuilt = sd_arena_array(c->arena, bool, sd_model_count(c->p.to, SD_KIND_TABLE) + 1);
    c->p.reorder_from =
        sd_arena_array(c->arena, const sd_object *, sd_model_count(c->p.to, SD_KIND_TABLE) + 1);
    c->p.reorder_at =
        sd_arena_array(c->arena, const sd_change *, sd_model_count(c->p.to, SD_KIND_TABLE) + 1);
    size_t nch = sd_changelist_count(c->p.cl) + 1;
    c->p.enum_adds = sd_arena_array(c->arena, const sd_object *, nch);
    c->p.enum_adds_to = sd_arena_array(c->arena, const sd_object *, nch);
    size_t nt = sd_model_count(c->p.to, SD_KIND_TABLE);
    for (size_t i = 0; i < nt && c->rc == SD_OK; i++) {
        const sd_object *t = sd_model_at(c->p.to, SD_KIND_TABLE, i);
        c->p.any_inherits = c->p.any_inherits || t->v[SD_TABLE_INHERITS].names.len > 0;
        sd_buf b = SD_BUF_INIT;
        sd_sql_qualified(&b, PGE, t->schema, t->name);
        const char *key = sd_buf_failed(&b) ? NULL : sd_arena_strdup(c->arena, sd_buf_cstr(&b));
        if (key == NULL || sd_map_put(&c->rel_by_sql, key, (void *)t) != SD_OK)
            nomem(c);
        sd_buf_dispose(&b);
    }
    if (sd_arena_failed(c->arena))
        nomem(c);
}

/* ---- planning: seeds from the change list ---- */

static void
bump(size_t *slot, size_t pos)
{
    if (*slot < pos)
        *slot = pos;
}

static void
mark_column_gone(pg_build *c, const sd_object *col)
{
    c->p.gone[SD_KIND_COLUMN][col->index] = true;
    if (col->owner != NULL)
        c->p.gone[SD_KIND_TABLE][col->owner->index] = true;
}

/* An enum whose values are removed or reordered: its columns are converted at pos. */
static void
seed_enum(pg_build *c, const sd_change *ch, size_t pos)
{
    if (!(ch->fields & FBIT(SD_ENUM_VALUES)))
        return;
    if (sd_plan_pg_enum_adds_only(ch->from, ch->to)) {
        c->p.enum_adds[c->p.nenum_adds] = ch->from;
        c->p.enum_adds_to[c->p.nenum_adds++] = ch->to;
        return;
    }
    c->p.gone[SD_KIND_ENUM][ch->from->index] = true;
    size_t n = 0;
    const sd_object *const *cols = sd_model_objects(c->p.from, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++) {
        bool array = false;
        if (!sd_plan_pg_type_is(cols[i], ch->from, &array))
            continue;
        mark_column_gone(c, cols[i]);
        c->enum_col[cols[i]->index] = true;
        const sd_object *t = cols[i]->owner != NULL ? counterpart(c->p.to, cols[i]->owner) : NULL;
        if (t != NULL)
            bump(&c->p.last[SD_KIND_TABLE][t->index], pos);
    }
}

/* A domain, composite or range type that is recreated: its columns are converted at pos
 * (views on them rebuilt; what depends on a composite or range itself too, and functions
 * that use any of them: plan_callers()). */
static void
seed_type(pg_build *c, const sd_change *ch, size_t pos)
{
    if (!sd_plan_pg_alter_recreates(&c->p, ch))
        return;
    c->p.gone[ch->kind][ch->from->index] = true;
    size_t n = 0;
    const sd_object *const *cols = sd_model_objects(c->p.from, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++) {
        bool array = false;
        if (!sd_plan_pg_type_is(cols[i], ch->from, &array))
            continue;
        mark_column_gone(c, cols[i]);
        const sd_object *t = cols[i]->owner != NULL ? counterpart(c->p.to, cols[i]->owner) : NULL;
        if (t != NULL)
            bump(&c->p.last[SD_KIND_TABLE][t->index], pos);
    }
}

/* A collation that is recreated: its columns are converted at pos (views on them rebuilt),
 * and what depends on the collation itself (an index or view naming it) rebuilt. */
static void
seed_collation(pg_build *c, const sd_change *ch, size_t pos)
{
    if (!sd_plan_pg_alter_recreates(&c->p, ch))
        return;
    c->p.gone[SD_KIND_COLLATION][ch->from->index] = true;
    sd_buf name = SD_BUF_INIT;
    sd_sql_qualified(&name, SD_ENGINE_PG, ch->from->schema, ch->from->name);
    size_t n = 0;
    const sd_object *const *cols = sd_model_objects(c->p.from, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n && !sd_buf_failed(&name); i++) {
        const char *coll = cols[i]->v[SD_COLUMN_COLLATION].s;
        if (coll == NULL || strcmp(coll, sd_buf_cstr(&name)) != 0)
            continue;
        mark_column_gone(c, cols[i]);
        const sd_object *t = cols[i]->owner != NULL ? counterpart(c->p.to, cols[i]->owner) : NULL;
        if (t != NULL)
            bump(&c->p.last[SD_KIND_TABLE][t->index], pos);
    }
    sd_buf_dispose(&name);
}

static void
seed_column(pg_build *c, const sd_change *ch)
{
    uint64_t retype = FBIT(SD_COLUMN_TYPE) | FBIT(SD_COLUMN_COLLATION);
    uint64_t gen = FBIT(SD_COLUMN_GENERATED) | FBIT(SD_COLUMN_GENERATED_KIND);
    if (ch->op == SD_OP_DROP) {
        mark_column_gone(c, ch->from);
    } else if (ch->op == SD_OP_ALTER && ch->to != NULL) {
        if (ch->fields & retype)
            mark_column_gone(c, ch->from);
        if (sd_plan_pg_retype_drops(c->p.cl, ch, c->p.usings, c->p.nusings)) {
            c->p.retype_drop[ch->from->index] = c->p.readd[ch->from->index] = true;
            /* Constraints its DROP COLUMN takes come back once the table's last change is
             * written: they may read another column still to be dropped and added. */
            if (ch->to->owner != NULL)
                c->p.readd_table[ch->to->owner->index] = c->p.readd_any = true;
        }
        if ((ch->fields & gen) && ch->to->v[SD_COLUMN_GENERATED].sql.text != NULL) {
            mark_column_gone(c, ch->from);
            c->p.readd[ch->from->index] = true;
        }
    }
}

/* Keys that go for a while: foreign keys referencing their table are rebuilt around. */
static void
seed_key(pg_build *c, const sd_change *ch)
{
    const sd_object *o = ch->from;
    if (o == NULL || ch->op == SD_OP_CREATE)
        return;
    bool goes = ch->op == SD_OP_DROP || sd_plan_pg_alter_recreates(&c->p, ch);
    if (ch->kind == SD_KIND_INDEX && !o->v[SD_INDEX_UNIQUE].b)
        goes = false;
    const sd_object *t = ch->kind == SD_KIND_INDEX ? relation_of(c->p.from, o) : o->owner;
    if (goes && t != NULL && t->kind == SD_KIND_TABLE)
        c->key_gone[t->index] = true;
}

/* A dropped table: its foreign keys to other tables go first, so tables drop in any order. */
static void
seed_dropped_table(pg_build *c, const sd_object *t)
{
    size_t n = 0;
    const sd_object *const *fks = sd_model_children(c->p.from, t, SD_KIND_FOREIGN_KEY, &n);
    for (size_t i = 0; i < n; i++) {
        const sd_value *v = fks[i]->v;
        const char *rs = v[SD_FK_REF_SCHEMA].s != NULL ? v[SD_FK_REF_SCHEMA].s : t->schema;
        if (!streq(rs, t->schema) || !streq(v[SD_FK_REF_TABLE].s, t->name))
            c->p.rdrop[SD_KIND_FOREIGN_KEY][fks[i]->index] = true;
    }
}

/* A new table: its foreign keys and policies are added once every table exists. */
static void
seed_new_table(pg_build *c, const sd_object *t)
{
    static const sd_kind LATER[] = { SD_KIND_FOREIGN_KEY, SD_KIND_POLICY };
    for (size_t k = 0; k < SD_ARRAY_LEN(LATER); k++) {
        size_t n = 0;
        const sd_object *const *o = sd_model_children(c->p.to, t, LATER[k], &n);
        for (size_t i = 0; i < n; i++)
            c->p.rcreate[LATER[k]][o[i]->index] = true;
    }
}

static void
seed_planned(pg_build *c, const sd_change *ch)
{
    bool recreate = ch->op == SD_OP_ALTER && sd_plan_pg_alter_recreates(&c->p, ch);
    if ((ch->op == SD_OP_DROP || recreate) && ch->from != NULL)
        c->p.rdrop[ch->kind][ch->from->index] = true;
    if ((ch->op == SD_OP_CREATE || recreate) && ch->to != NULL)
        c->p.rcreate[ch->kind][ch->to->index] = true;
}

/* Text search objects: an expression names one by regconfig / regdictionary, and DROP is
 * refused while it does, as for a function. */
static bool
text_search_kind(sd_kind k)
{
    return k == SD_KIND_TS_PARSER || k == SD_KIND_TS_TEMPLATE || k == SD_KIND_TS_DICT ||
           k == SD_KIND_TS_CONFIG;
}

static void
seed_change(pg_build *c, const sd_change *ch, size_t pos)
{
    if (ch->flags & SD_CHG_DEFERRED)
        return; /* completes an object its creating change has seeded */
    if (ch->to != NULL) {
        bump(&c->p.last[ch->kind][ch->to->index], pos);
        if (ch->to->owner != NULL)
            bump(&c->p.last[SD_KIND_TABLE][ch->to->owner->index], pos);
    }
    if (is_planned(ch->kind) || sd_plan_pg_rule(ch->kind)->outermost)
        seed_planned(c, ch);
    if (ch->kind == SD_KIND_PRIMARY_KEY || ch->kind == SD_KIND_UNIQUE || ch->kind == SD_KIND_INDEX)
        seed_key(c, ch);
    if (ch->kind == SD_KIND_ENUM && ch->op == SD_OP_ALTER)
        seed_enum(c, ch, pos);
    else if (ch->kind == SD_KIND_COLLATION && ch->op == SD_OP_ALTER)
        seed_collation(c, ch, pos);
    else if ((ch->kind == SD_KIND_DOMAIN || ch->kind == SD_KIND_COMPOSITE ||
              ch->kind == SD_KIND_RANGE) &&
             ch->op == SD_OP_ALTER)
        seed_type(c, ch, pos);
    else if (ch->kind == SD_KIND_COLUMN)
        seed_column(c, ch);
    else if ((ch->kind == SD_KIND_FUNCTION || ch->kind == SD_KIND_AGGREGATE ||
              ch->kind == SD_KIND_OPERATOR || ch->kind == SD_KIND_OPCLASS ||
              ch->kind == SD_KIND_SERVER || text_search_kind(ch->kind)) &&
             ch->op == SD_OP_ALTER)
        c->p.gone[ch->kind][ch->from->index] = sd_plan_pg_alter_recreates(&c->p, ch);
    else if (ch->kind == SD_KIND_TABLE && ch->op == SD_OP_DROP)
        seed_dropped_table(c, ch->from);
    else if (ch->kind == SD_KIND_TABLE && ch->op == SD_OP_CREATE)
        seed_new_table(c, ch->to);
}

/* ---- planning: what else must be rebuilt ---- */

/*
 * Whether a "from" object d that o depends on goes away for a while. A table whose columns
 * change (gone[] set, the table itself kept) takes along only the materialized views that
 * depend on it as a whole: one of its row type blocks ALTER COLUMN TYPE, and the catalog
 * does not tell that from count(*). A view, index or trigger depends on its table as a
 * whole anyway (or through a whole-row reference, which survives a column change), and on
 * the columns it uses, which decide.
 */
static bool
dep_gone(const pg_build *c, const sd_object *o, const sd_object *d)
{
    switch (sd_plan_pg_rule(d->kind)->gone) {
    case SD_PG_GONE_REBUILT:
        return c->p.rdrop[d->kind][d->index];
    case SD_PG_GONE_TABLE:
        return c->p.gone[d->kind][d->index] && (c->p.rekey[d->index] || o->kind == SD_KIND_MATVIEW);
    case SD_PG_GONE_CHANGED:
        return c->p.gone[d->kind][d->index];
    case SD_PG_GONE_NEVER:
        break;
    }
    return false;
}

static bool
ident_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_' || ch == '$' || (unsigned char)ch >= 0x80;
}

/* Whether name occurs in text as a whole word (a conservative test: any occurrence counts,
 * in a string literal too). */
bool
sd_plan_pg_has_word(const char *text, const char *name)
{
    size_t len = strlen(name);
    for (const char *p = text; len > 0 && (p = strstr(p, name)) != NULL; p++) {
        if ((p == text || !ident_char(p[-1])) && !ident_char(p[len]))
            return true;
    }
    return false;
}

/* Which columns mentions_column() looks for. */
typedef enum col_set {
    COLS_GONE = 0, /* retyped or dropped (gone) */
    COLS_READD,    /* dropped and added again */
    COLS_ENUM,     /* of an enum that is recreated */
    COLS_LATE      /* generated from a retyped one, added again after their table's changes */
} col_set;

/* Whether text names one of t's columns in the set. */
static bool
mentions_column(const pg_build *c, const sd_object *t, const char *text, col_set set)
{
    size_t n = 0;
    const sd_object *const *cols = sd_model_children(c->p.from, t, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n && text != NULL; i++) {
        size_t x = cols[i]->index;
        bool hit = set == COLS_READD  ? c->p.readd[x]
                   : set == COLS_ENUM ? c->enum_col[x]
                   : set == COLS_LATE ? c->p.readd_late[x]
                                      : c->p.gone[SD_KIND_COLUMN][x];
        if (hit && sd_plan_pg_has_word(text, cols[i]->name))
            return true;
    }
    return false;
}

/* An index whose keys, INCLUDE list or predicate name a column that is dropped and added. */
static bool
index_on_readd(const pg_build *c, const sd_object *t, const sd_object *ix)
{
    const sd_keys *k = &ix->v[SD_INDEX_KEYS].keys;
    for (size_t i = 0; i < k->len; i++) {
        if (mentions_column(c, t, k->items[i].column, COLS_READD) ||
            mentions_column(c, t, k->items[i].expr.text, COLS_READD))
            return true;
    }
    const sd_names *inc = &ix->v[SD_INDEX_INCLUDE].names;
    for (size_t i = 0; i < inc->len; i++)
        if (mentions_column(c, t, inc->items[i], COLS_READD))
            return true;
    if (mentions_column(c, t, ix->v[SD_INDEX_WHERE].sql.text, COLS_READD))
        return true;
    /* A recreated enum: literals of the old type in a predicate or expression would no
     * longer compare with the column. */
    for (size_t i = 0; i < k->len; i++)
        if (mentions_column(c, t, k->items[i].expr.text, COLS_ENUM))
            return true;
    return mentions_column(c, t, ix->v[SD_INDEX_WHERE].sql.text, COLS_ENUM);
}

/* Whether a view, matview, index or trigger of "from" must be dropped for a while. */
static bool
must_rebuild(const pg_build *c, const sd_object *o)
{
    for (size_t i = 0; i < o->ndeps; i++) {
        const sd_object *d = sd_model_find_ref(c->p.from, &o->deps[i]);
        if (d != NULL && dep_gone(c, o, d))
            return true;
    }
    const sd_object *rel = relation_of(c->p.from, o);
    if (rel == NULL)
        return false;
    if (rel->kind != SD_KIND_TABLE)
        return c->p.rdrop[rel->kind][rel->index]; /* goes with its view */
    if (o->kind == SD_KIND_TRIGGER)               /* WHEN or UPDATE OF on a retyped column */
        return mentions_column(c, rel, o->v[SD_TRIGGER_SQL].sql.text, COLS_GONE);
    if (o->kind == SD_KIND_RULE) /* PostgreSQL refuses to retype a column a rule uses */
        return mentions_column(c, rel, o->v[SD_RULE_DEFINITION].sql.text, COLS_GONE);
    return o->kind == SD_KIND_INDEX && index_on_readd(c, rel, o);
}

/* Whether constraint con (of either side) names one of the set's columns of "from" table t. */
static bool
constraint_on(const pg_build *c, const sd_object *con, const sd_object *t, col_set set)
{
    static const int COLS[SD_KIND__COUNT] = { [SD_KIND_PRIMARY_KEY] = SD_PK_COLUMNS,
                                              [SD_KIND_UNIQUE] = SD_UNIQUE_COLUMNS,
                                              [SD_KIND_FOREIGN_KEY] = SD_FK_COLUMNS };
    if (t == NULL)
        return false;
    if (con->kind == SD_KIND_CHECK)
        return mentions_column(c, t, con->v[SD_CHECK_EXPRESSION].sql.text, set);
    if (con->kind == SD_KIND_EXCLUSION)
        return mentions_column(c, t, con->v[SD_EXCLUSION_DEFINITION].sql.text, set);
    const sd_names *n = &con->v[COLS[con->kind]].names;
    for (size_t i = 0; i < n->len; i++)
        if (mentions_column(c, t, n->items[i], set))
            return true;
    return false;
}

/* Constraints a DROP COLUMN removes along with a re-added column: added again after it. */
static void
cascade_readd(pg_build *c)
{
    static const sd_kind CONS[] = { SD_KIND_PRIMARY_KEY, SD_KIND_UNIQUE, SD_KIND_CHECK,
                                    SD_KIND_EXCLUSION, SD_KIND_FOREIGN_KEY };
    for (size_t k = 0; k < SD_ARRAY_LEN(CONS); k++) {
        size_t n = 0;
        const sd_object *const *o = sd_model_objects(c->p.from, CONS[k], &n);
        for (size_t i = 0; i < n; i++) {
            if (!constraint_on(c, o[i], o[i]->owner, COLS_READD))
                continue;
            const sd_object *t = counterpart(c->p.to, o[i]);
            c->p.swept[CONS[k]][i] = true;
            if (CONS[k] == SD_KIND_FOREIGN_KEY)
                c->p.rdrop[CONS[k]][i] = true; /* dropped first, added in the post phase */
            else if (t != NULL)
                c->p.rcreate[CONS[k]][t->index] = true;
        }
    }
    /* New or recreated constraints in "to" on a column added again late wait for it too. */
    for (size_t k = 0; k < SD_ARRAY_LEN(CONS); k++) {
        size_t n = 0;
        const sd_object *const *o = sd_model_objects(c->p.to, CONS[k], &n);
        for (size_t i = 0; i < n; i++) {
            const sd_object *ft = o[i]->owner != NULL ? counterpart(c->p.from, o[i]->owner) : NULL;
            if (ft != NULL && constraint_on(c, o[i], ft, COLS_LATE))
                c->p.rcreate[CONS[k]][i] = true;
        }
    }
}

/*
 * PostgreSQL refuses to retype a column a generated column reads. Such generated columns
 * (kept in "to") are dropped with the other drops and added again after their table's last
 * change; their values are recomputed, so nothing is lost.
 */
static void
cascade_generated(pg_build *c)
{
    size_t n = 0;
    const sd_object *const *cols = sd_model_objects(c->p.from, SD_KIND_COLUMN, &n);
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t i = 0; i < n; i++) {
            const sd_object *g = cols[i];
            const char *expr = g->v[SD_COLUMN_GENERATED].sql.text;
            if (c->p.readd_late[i] || expr == NULL || g->owner == NULL ||
                c->p.rekey[g->owner->index] || counterpart(c->p.to, g) == NULL ||
                !mentions_column(c, g->owner, expr, COLS_GONE))
                continue;
            c->p.readd_late[i] = c->p.readd[i] = grew = true;
            mark_column_gone(c, g);
            const sd_object *t = counterpart(c->p.to, g->owner);
            if (t != NULL)
                c->p.readd_table[t->index] = c->p.readd_any = true;
        }
    }
}

/*
 * CHECK and EXCLUDE constraints on a column of a recreated enum hold literals of the old
 * type, which PostgreSQL cannot re-check after the conversion: dropped with the other drops,
 * added again after their table's last change.
 */
static void
cascade_enum_checks(pg_build *c)
{
    static const sd_kind CONS[] = { SD_KIND_CHECK, SD_KIND_EXCLUSION };
    static const int EXPR[] = { SD_CHECK_EXPRESSION, SD_EXCLUSION_DEFINITION };
    for (size_t k = 0; k < SD_ARRAY_LEN(CONS); k++) {
        size_t n = 0;
        const sd_object *const *o = sd_model_objects(c->p.from, CONS[k], &n);
        for (size_t i = 0; i < n; i++) {
            const sd_object *t = o[i]->owner;
            const sd_object *to = counterpart(c->p.to, o[i]);
            const sd_object *tt = t != NULL ? counterpart(c->p.to, t) : NULL;
            if (t == NULL || !mentions_column(c, t, o[i]->v[EXPR[k]].sql.text, COLS_ENUM))
                continue;
            c->p.rdrop[CONS[k]][i] = true;
            if (to != NULL && tt != NULL) {
                c->p.rcreate[CONS[k]][to->index] = true;
                c->p.readd_table[tt->index] = c->p.readd_any = true;
            }
        }
    }
}

/* Outermost kinds (event triggers) that call a function that goes for a while, or one the
 * change list drops: dropped first and created again last, like their own changes. */
static void
cascade_outermost(pg_build *c)
{
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        if (!sd_plan_pg_rule((sd_kind)k)->outermost)
            continue;
        size_t n = 0;
        const sd_object *const *objs = sd_model_objects(c->p.from, (sd_kind)k, &n);
        for (size_t i = 0; i < n; i++) {
            bool goes = false;
            for (size_t d = 0; d < objs[i]->ndeps && !goes; d++) {
                const sd_object *dep = sd_model_find_ref(c->p.from, &objs[i]->deps[d]);
                const sd_change *dc = dep != NULL ? sd_changelist_find(c->p.cl, dep) : NULL;
                goes = dep != NULL &&
                       (dep_gone(c, objs[i], dep) || (dc != NULL && dc->op == SD_OP_DROP));
            }
            if (!goes || c->p.rdrop[k][i])
                continue;
            c->p.rdrop[k][i] = true;
            const sd_object *to = counterpart(c->p.to, objs[i]);
            if (to != NULL)
                c->p.rcreate[k][to->index] = true;
        }
    }
}

static void
cascade(pg_build *c)
{
    static const sd_kind STMTS[] = {
        SD_KIND_VIEW, SD_KIND_MATVIEW,    SD_KIND_TRIGGER,      SD_KIND_INDEX,      SD_KIND_RULE,
        SD_KIND_CAST, SD_KIND_STATISTICS, SD_KIND_USER_MAPPING, SD_KIND_PUBLICATION
    };
    cascade_generated(c);
    cascade_readd(c);
    cascade_enum_checks(c);
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t k = 0; k < SD_ARRAY_LEN(STMTS); k++) {
            size_t n = sd_model_count(c->p.from, STMTS[k]);
            for (size_t i = 0; i < n; i++) {
                if (c->p.rdrop[STMTS[k]][i] ||
                    !must_rebuild(c, sd_model_at(c->p.from, STMTS[k], i)))
                    continue;
                c->p.rdrop[STMTS[k]][i] = true;
                grew = true;
            }
        }
    }
    size_t n = 0;
    /* PostgreSQL refuses to retype a column a policy uses: such policies are dropped with
     * the other drops and created again after the alters. */
    const sd_object *const *pols = sd_model_objects(c->p.from, SD_KIND_POLICY, &n);
    for (size_t i = 0; i < n; i++) {
        const sd_object *t = pols[i]->owner;
        const sd_value *v = pols[i]->v;
        if (t != NULL && (mentions_column(c, t, v[SD_POLICY_USING].sql.text, COLS_GONE) ||
                          mentions_column(c, t, v[SD_POLICY_WITH_CHECK].sql.text, COLS_GONE)))
            c->p.rdrop[SD_KIND_POLICY][i] = true;
    }
    const sd_object *const *fks = sd_model_objects(c->p.from, SD_KIND_FOREIGN_KEY, &n);
    for (size_t i = 0; i < n; i++) {
        const sd_value *v = fks[i]->v;
        const char *rs = v[SD_FK_REF_SCHEMA].s != NULL ? v[SD_FK_REF_SCHEMA].s : fks[i]->schema;
        const sd_object *ref = sd_model_find_table(c->p.from, rs, v[SD_FK_REF_TABLE].s);
        if (ref != NULL && c->key_gone[ref->index])
            c->p.rdrop[SD_KIND_FOREIGN_KEY][i] = true;
    }
    /* Whatever goes for a while and exists in "to" comes back. */
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        if (!is_planned((sd_kind)k) && k != SD_KIND_POLICY)
            continue;
        for (size_t i = 0; i < sd_model_count(c->p.from, (sd_kind)k); i++) {
            const sd_object *t = c->p.rdrop[k][i]
                                     ? counterpart(c->p.to, sd_model_at(c->p.from, (sd_kind)k, i))
                                     : NULL;
            if (t != NULL)
                c->p.rcreate[k][t->index] = true;
        }
    }
    cascade_outermost(c);
}

/* Whether a "from" object goes before the late phase: a dropped table (or one of its
 * columns), a view that goes, or an object that goes early. */
static bool
goes_before_late(const pg_build *c, const sd_object *d)
{
    const sd_object *t = d->owner != NULL ? d->owner : d;
    const sd_change *ch = sd_changelist_find(c->p.cl, t);
    const sd_change *own = d->kind == SD_KIND_COLUMN ? sd_changelist_find(c->p.cl, d) : NULL;
    if (own != NULL && own->op == SD_OP_DROP)
        return true; /* a dropped column of a kept table */
    if (t->kind == SD_KIND_TABLE || d->kind == SD_KIND_COLUMN)
        return ch != NULL && ch->op == SD_OP_DROP;
    if (d->kind == SD_KIND_VIEW || d->kind == SD_KIND_MATVIEW)
        return c->p.rdrop[d->kind][d->index];
    /* A function dropped and created (at its change), a composite or range recreated. */
    bool goes =
        d->kind == SD_KIND_FUNCTION || d->kind == SD_KIND_COMPOSITE || d->kind == SD_KIND_RANGE;
    return c->p.early[d->kind][d->index] || (goes && c->p.gone[d->kind][d->index]);
}

/*
 * A function ALTER whose old body (BEGIN ATOMIC: PostgreSQL records what it uses) uses a
 * column that goes or changes type, or a table that goes: PostgreSQL refuses those while the
 * function exists, and its new body may need what the alters add. So it is dropped in the
 * prepare phase and created at its change.
 */
static void
plan_functions(pg_build *c)
{
    size_t n = sd_changelist_count(c->p.cl);
    for (size_t i = 0; i < n; i++) {
        const sd_change *ch = sd_changelist_at(c->p.cl, i);
        if (ch->kind != SD_KIND_FUNCTION || ch->op != SD_OP_ALTER || (ch->flags & SD_CHG_NOTE_ONLY))
            continue;
        const sd_object *o = ch->from;
        for (size_t d = 0; d < o->ndeps && !c->p.early[SD_KIND_FUNCTION][o->index]; d++) {
            const sd_object *dep = sd_model_find_ref(c->p.from, &o->deps[d]);
            const sd_change *dc = dep != NULL ? sd_changelist_find(c->p.cl, dep) : NULL;
            bool goes = dep != NULL &&
                        ((dep->kind == SD_KIND_COLUMN && c->p.gone[SD_KIND_COLUMN][dep->index]) ||
                         (dc != NULL && dc->op == SD_OP_DROP &&
                          (dep->kind == SD_KIND_TABLE || dep->kind == SD_KIND_COLUMN)));
            if (goes)
                c->p.early[SD_KIND_FUNCTION][o->index] = c->p.gone[SD_KIND_FUNCTION][o->index] =
                    true;
        }
    }
}

/* Whether o depends on a "from" object that goes for a while: a function or text search
 * object dropped and created (early_only: dropped in the prepare phase), or, with types, an
 * enum, domain, composite or range type that is recreated. */
static bool
calls_gone(const pg_build *c, const sd_object *o, bool types, bool early_only)
{
    for (size_t i = 0; i < o->ndeps; i++) {
        const sd_object *d = sd_model_find_ref(c->p.from, &o->deps[i]);
        bool type = d != NULL && (d->kind == SD_KIND_ENUM || d->kind == SD_KIND_DOMAIN ||
                                  d->kind == SD_KIND_COMPOSITE || d->kind == SD_KIND_RANGE);
        bool kind = d != NULL &&
                    (d->kind == SD_KIND_FUNCTION || text_search_kind(d->kind) || (types && type));
        if (kind && c->p.gone[d->kind][d->index] && (!early_only || c->p.early[d->kind][d->index]))
            return true;
    }
    return false;
}

/*
 * A function whose body (SQL-standard: PostgreSQL records what it calls) or signature uses a
 * function that is dropped and created, or a type that is recreated (renamed away, dropped),
 * makes that DROP fail: it is dropped in the prepare phase (its dependents first) and
 * created again after what it uses: at its own change, or, unchanged, as a planned create.
 */
static void
plan_callers(pg_build *c)
{
    size_t n = 0;
    const sd_object *const *fns = sd_model_objects(c->p.from, SD_KIND_FUNCTION, &n);
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t i = 0; i < n; i++) {
            if (c->p.early[SD_KIND_FUNCTION][i] || !calls_gone(c, fns[i], true, false))
                continue;
            c->p.early[SD_KIND_FUNCTION][i] = c->p.gone[SD_KIND_FUNCTION][i] = grew = true;
            const sd_change *ch = sd_changelist_find(c->p.cl, fns[i]);
            const sd_object *to = counterpart(c->p.to, fns[i]);
            if (to != NULL && (ch == NULL || (ch->flags & SD_CHG_NOTE_ONLY)))
                c->p.rcreate[SD_KIND_FUNCTION][to->index] = true;
        }
    }
}

/* Whether a "from" column, constraint or policy stays (with its table, not rebuilt). */
static bool
kept_owned(const pg_build *c, const sd_object *o)
{
    const sd_object *t = o->owner;
    return t != NULL && counterpart(c->p.to, o) != NULL && counterpart(c->p.to, t) != NULL &&
           !c->p.rekey[t->index];
}

/*
 * Columns (default or generation), CHECK and EXCLUDE constraints and policies that call a
 * function that is dropped and created: DROP FUNCTION is refused while they do. They are
 * detached in the prepare phase (unhook: DROP DEFAULT, a generated column dropped, the
 * constraint or policy dropped) and restored as in "to" once the function exists again
 * (after their table's last change, bumped past the function's creation in order_pending);
 * those that go anyway are detached only when the function goes in the prepare phase.
 */
static void
plan_unhook(pg_build *c)
{
    static const sd_kind KINDS[] = { SD_KIND_COLUMN, SD_KIND_CHECK, SD_KIND_EXCLUSION,
                                     SD_KIND_POLICY };
    for (size_t k = 0; k < SD_ARRAY_LEN(KINDS); k++) {
        size_t n = 0;
        const sd_object *const *o = sd_model_objects(c->p.from, KINDS[k], &n);
        for (size_t i = 0; i < n; i++) {
            bool kept = kept_owned(c, o[i]);
            /* An inherited generated column goes and comes back with its parent's. */
            bool inherited_gen = KINDS[k] == SD_KIND_COLUMN && o[i]->v[SD_COLUMN_INHERITED].b &&
                                 o[i]->v[SD_COLUMN_GENERATED].sql.text != NULL;
            if (o[i]->owner == NULL || c->p.unhook[KINDS[k]][i] || inherited_gen ||
                !calls_gone(c, o[i], false, !kept))
                continue;
            c->p.unhook[KINDS[k]][i] = true;
            const sd_object *to = counterpart(c->p.to, o[i]);
            const sd_object *tt = counterpart(c->p.to, o[i]->owner);
            if (KINDS[k] != SD_KIND_COLUMN) {
                c->p.rdrop[KINDS[k]][i] = true; /* emit_drops() leaves it alone */
                if (kept && KINDS[k] != SD_KIND_POLICY) {
                    c->p.rcreate[KINDS[k]][to->index] = true;
                    c->p.readd_table[tt->index] = c->p.readd_any = true;
                }
                continue;
            }
            if (!kept)
                continue;
            const sd_change *ch = sd_changelist_find(c->p.cl, o[i]);
            if (o[i]->v[SD_COLUMN_GENERATED].sql.text != NULL &&
                to->v[SD_COLUMN_GENERATED].sql.text != NULL) {
                c->p.readd_late[i] = c->p.readd[i] = true;
                mark_column_gone(c, o[i]);
            } else {
                c->p.redefault[i] = o[i]->v[SD_COLUMN_GENERATED].sql.text == NULL &&
                                    (ch == NULL || !(ch->fields & FBIT(SD_COLUMN_DEFAULT)));
            }
            c->p.readd_table[tt->index] = c->p.readd_any = true;
        }
    }
}

/* A restored column default, generation or constraint waits for the functions it calls. */
static void
plan_restore(pg_build *c)
{
    static const sd_kind KINDS[] = { SD_KIND_COLUMN, SD_KIND_CHECK, SD_KIND_EXCLUSION };
    for (size_t k = 0; k < SD_ARRAY_LEN(KINDS); k++) {
        size_t n = 0;
        const sd_object *const *o = sd_model_objects(c->p.from, KINDS[k], &n);
        for (size_t i = 0; i < n; i++) {
            if (!c->p.unhook[KINDS[k]][i] || !kept_owned(c, o[i]))
                continue;
            size_t *last = &c->p.last[SD_KIND_TABLE][counterpart(c->p.to, o[i]->owner)->index];
            for (size_t d = 0; d < o[i]->ndeps; d++) {
                const sd_object *f = sd_model_find_ref(c->p.from, &o[i]->deps[d]);
                const sd_object *tf =
                    f != NULL && (f->kind == SD_KIND_FUNCTION || text_search_kind(f->kind))
                        ? counterpart(c->p.to, f)
                        : NULL;
                if (tf != NULL)
                    bump(last, c->p.last[tf->kind][tf->index]);
            }
        }
    }
}

/* ---- planning: tables rebuilt for a partition key change or a column order ---- */

/* Whether ch changes the partition key or the foreign server of a table that is not a
 * partition on either side. */
static bool
rekeys(const sd_change *ch)
{
    /* A foreign table's server cannot be changed (nor a table made foreign or not) but by
     * dropping and creating it. */
    return ch->kind == SD_KIND_TABLE && ch->op == SD_OP_ALTER && !(ch->flags & SD_CHG_NOTE_ONLY) &&
           (ch->fields & (FBIT(SD_TABLE_PARTITION_KEY) | FBIT(SD_TABLE_FOREIGN_SERVER))) &&
           ch->from->v[SD_TABLE_PARTITION_OF].s == NULL &&
           ch->to->v[SD_TABLE_PARTITION_OF].s == NULL;
}

/* Whether ch is where a table is rebuilt: its partition key change, or the change of a table
 * rebuilt for its column order that plan_reorders() chose. */
bool
sd_plan_pg_is_rebuild(const sd_pg_plan *p, const sd_change *ch)
{
    if (rekeys(ch))
        return true;
    const sd_object *t = ch->to == NULL                  ? NULL
                         : ch->to->kind == SD_KIND_TABLE ? ch->to
                                                         : ch->to->owner;
    return t != NULL && t->kind == SD_KIND_TABLE && p->reorder_at[t->index] == ch;
}

/* The tables (from_side: of "from") a rebuild change rebuilds. */
const sd_object *
sd_plan_pg_rebuild_table(const sd_pg_plan *p, const sd_change *ch, bool from_side)
{
    if (rekeys(ch))
        return from_side ? ch->from : ch->to;
    const sd_object *t = ch->to->kind == SD_KIND_TABLE ? ch->to : ch->to->owner;
    return from_side && t != NULL ? p->reorder_from[t->index] : t; /* t: a rebuild */
}

/* The "from" table a quoted qualified name names, or NULL. */
static const sd_object *
from_table_by_sql(pg_build *c, const char *sql)
{
    size_t n = 0;
    const sd_object *const *ts = sd_model_objects(c->p.from, SD_KIND_TABLE, &n);
    for (size_t i = 0; i < n && sql != NULL; i++) {
        sd_buf b = SD_BUF_INIT;
        sd_sql_qualified(&b, PGE, ts[i]->schema, ts[i]->name);
        bool hit = !sd_buf_failed(&b) && streq(sd_buf_cstr(&b), sql);
        if (sd_buf_failed(&b))
            nomem(c);
        sd_buf_dispose(&b);
        if (hit)
            return ts[i];
    }
    return NULL;
}

/* A "from" table that goes with a rebuild: what depends on it and its columns is rebuilt,
 * foreign keys to it are dropped and added again around it. */
static void
rekey_from(pg_build *c, const sd_object *t)
{
    c->p.rekey[t->index] = c->key_gone[t->index] = c->p.gone[SD_KIND_TABLE][t->index] = true;
    size_t n = 0;
    const sd_object *const *cols = sd_model_children(c->p.from, t, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++)
        mark_column_gone(c, cols[i]);
    const sd_object *const *fks = sd_model_children(c->p.from, t, SD_KIND_FOREIGN_KEY, &n);
    for (size_t i = 0; i < n; i++)
        c->p.rdrop[SD_KIND_FOREIGN_KEY][fks[i]->index] = true;
}

/* Whether table t of m (c->p.from or c->p.to) has INHERITS parents or children. */
static bool
in_inheritance(pg_build *c, const sd_model *m, const sd_object *t)
{
    if (t->v[SD_TABLE_INHERITS].names.len > 0)
        return true;
    size_t n = 0;
    const sd_object *const *ts = sd_model_objects(m, SD_KIND_TABLE, &n);
    for (size_t i = 0; i < n; i++) {
        const sd_names *in = &ts[i]->v[SD_TABLE_INHERITS].names;
        for (size_t j = 0; j < in->len; j++) {
            const sd_object *p = m == c->p.from ? from_table_by_sql(c, in->items[j])
                                                : sd_plan_pg_table_by_sql(&c->p, in->items[j]);
            if (p == t)
                return true;
        }
    }
    return false;
}

/*
 * --strict-column-order: PostgreSQL cannot move a column, so a table whose columns change
 * place is rebuilt like a table whose partition key changes (as SQLite rebuilds it). It is
 * rebuilt at its last change, after whatever its columns need. Not for partitions (their
 * parent sets their columns) nor tables in an inheritance tree (DROP TABLE would need
 * CASCADE; inherited columns come first anyway): those keep the column ALTER, which fails.
 */
static void
plan_reorders(pg_build *c)
{
    size_t n = sd_changelist_count(c->p.cl);
    for (size_t i = 0; i < n; i++) {
        const sd_change *ch = sd_changelist_at(c->p.cl, i);
        if (ch->kind != SD_KIND_COLUMN || ch->op != SD_OP_ALTER || (ch->flags & SD_CHG_NOTE_ONLY) ||
            !(ch->fields & FBIT(SD_COLUMN_POSITION)))
            continue;
        const sd_object *ft = ch->from->owner;
        const sd_object *tt = ch->to->owner;
        if (ft == NULL || tt == NULL || ft->v[SD_TABLE_PARTITION_OF].s != NULL ||
            tt->v[SD_TABLE_PARTITION_OF].s != NULL || in_inheritance(c, c->p.from, ft) ||
            in_inheritance(c, c->p.to, tt))
            continue;
        c->p.reorder_from[tt->index] = ft;
    }
    for (size_t i = 0; i < n; i++) {
        const sd_change *ch = sd_changelist_at(c->p.cl, i);
        const sd_object *tt = sd_plan_pg_change_table(ch, false);
        if (tt == NULL || tt->kind != SD_KIND_TABLE || c->p.reorder_from[tt->index] == NULL ||
            ch->op == SD_OP_DROP || (ch->flags & (SD_CHG_NOTE_ONLY | SD_CHG_DEFERRED)))
            continue;
        if (rekeys(ch))
            c->p.reorder_from[tt->index] = NULL; /* rebuilt anyway, in "to" order */
        else
            c->p.reorder_at[tt->index] = ch;
    }
    for (size_t i = 0; i < sd_model_count(c->p.to, SD_KIND_TABLE); i++)
        if (c->p.reorder_from[i] == NULL)
            c->p.reorder_at[i] = NULL;
}

/*
 * PostgreSQL cannot change a partition key: the table is rebuilt (sd_emit__pg_rebuild_*), as
 * are tables whose columns change place (plan_reorders()).
 * Its partitions go with it, and "to"'s partitions of it are created with it, at its change
 * (their own changes are skipped); their foreign keys and policies come in the post phase.
 */
static void
plan_rebuilds(pg_build *c)
{
    size_t n = sd_changelist_count(c->p.cl);
    size_t nf = sd_model_count(c->p.from, SD_KIND_TABLE);
    size_t nt = sd_model_count(c->p.to, SD_KIND_TABLE);
    size_t at = 0;
    plan_reorders(c);
    for (size_t i = 0; i < n; i++) {
        const sd_change *ch = sd_changelist_at(c->p.cl, i);
        if (!sd_plan_pg_is_rebuild(&c->p, ch))
            continue;
        rekey_from(c, sd_plan_pg_rebuild_table(&c->p, ch, true));
        c->p.rebuilt[sd_plan_pg_rebuild_table(&c->p, ch, false)->index] = true;
        at = i + 1;
    }
    for (bool grew = at > 0; grew;) {
        grew = false;
        for (size_t i = 0; i < nf && c->rc == SD_OK; i++) {
            const sd_object *t = sd_model_at(c->p.from, SD_KIND_TABLE, i);
            const sd_object *p =
                c->p.rekey[i] ? NULL : from_table_by_sql(c, t->v[SD_TABLE_PARTITION_OF].s);
            if (p != NULL && c->p.rekey[p->index]) {
                rekey_from(c, t);
                grew = true;
            }
        }
    }
    /* A table of "from" that stays and becomes a partition is attached at its change. */
    for (bool grew = at > 0; grew;) {
        grew = false;
        for (size_t i = 0; i < nt; i++) {
            const sd_object *t = sd_model_at(c->p.to, SD_KIND_TABLE, i);
            const char *parent = t->v[SD_TABLE_PARTITION_OF].s;
            const sd_object *p = parent != NULL ? sd_plan_pg_table_by_sql(&c->p, parent) : NULL;
            const sd_object *old = counterpart(c->p.from, t);
            if (!c->p.rebuilt[i] && p != NULL && c->p.rebuilt[p->index] &&
                (old == NULL || c->p.rekey[old->index]))
                c->p.rebuilt[i] = grew = true;
        }
    }
    for (size_t i = 0; i < nt && at > 0; i++) {
        if (!c->p.rebuilt[i])
            continue;
        seed_new_table(c, sd_model_at(c->p.to, SD_KIND_TABLE, i));
        bump(&c->p.last[SD_KIND_TABLE][i], at); /* exists only once the rebuild ran */
    }
}

const sd_object *
sd_plan_pg_change_table(const sd_change *ch, bool from_side)
{
    const sd_object *o = from_side ? ch->from : ch->to;
    if (o == NULL)
        return NULL;
    return o->kind == SD_KIND_TABLE ? o : o->owner;
}

/* Late-phase drops that depend on something dropped earlier go early, before it. */
static void
plan_early(pg_build *c)
{
    size_t n = sd_changelist_count(c->p.cl);
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t i = 0; i < n; i++) {
            const sd_change *ch = sd_changelist_at(c->p.cl, i);
            const sd_object *o = ch->from;
            if (ch->op != SD_OP_DROP || !sd_plan_pg_rule(ch->kind)->late_drop ||
                c->p.early[ch->kind][o->index])
                continue;
            for (size_t d = 0; d < o->ndeps && !c->p.early[ch->kind][o->index]; d++) {
                const sd_object *dep = sd_model_find_ref(c->p.from, &o->deps[d]);
                if (dep != NULL && goes_before_late(c, dep))
                    c->p.early[ch->kind][o->index] = grew = true;
            }
        }
    }
}

/* ---- planning: the order of planned creates ---- */

static size_t
last_of(const pg_build *c, const sd_object *d)
{
    return d->owner != NULL ? c->p.last[SD_KIND_TABLE][d->owner->index]
                            : c->p.last[d->kind][d->index];
}

/* A "to" object o depends on: its i-th dependency, or (i == ndeps) its relation. A view
 * written as a stub first (its query put off) waits only for its schema and column types. */
static const sd_object *
to_dep(const pg_build *c, const sd_object *o, size_t i)
{
    if (i < o->ndeps) {
        const sd_object *d = sd_model_find_ref(c->p.to, &o->deps[i]);
        if (d != NULL && o->kind == SD_KIND_VIEW && d->kind > SD_KIND_RANGE &&
            (sd_changelist_deferred(c->p.cl, o) != NULL))
            return NULL;
        return d;
    }
    return relation_of(c->p.to, o);
}

static bool
pending_obj(const pg_build *c, const sd_object *d)
{
    return d != NULL && (is_planned(d->kind) || d->kind == SD_KIND_FUNCTION) &&
           d->kind != SD_KIND_FOREIGN_KEY && c->p.rcreate[d->kind][d->index];
}

/* The step after which o's own and its dependencies' changes are written. */
static size_t
ready_of(const pg_build *c, const sd_object *o)
{
    size_t ready = c->p.last[o->kind][o->index];
    for (size_t i = 0; i <= o->ndeps; i++) {
        const sd_object *d = to_dep(c, o, i);
        if (d != NULL)
            bump(&ready, last_of(c, d));
    }
    return ready;
}

/* The planned create of a "to" object as a node of the sort, or NOT_FOUND. */
static size_t
pending_node(const pg_build *c, const sd_object *d)
{
    return pending_obj(c, d) ? c->slot[d->kind][d->index] : NOT_FOUND;
}

/* A failure of util/topo.h (out of memory; a loop is cut, never reported) as the plan's. */
static void
topo_failed(pg_build *c, sd_status rc, const sd_err *err)
{
    if (rc == SD_ERR_NOMEM)
        nomem(c);
    else if (c->rc == SD_OK)
        c->rc = sd_err_set(c->err, rc, "%s", err->msg);
}

/* Marks functions' nodes and, transitively, what they depend on (todo: room for every node). */
static void
mark_functions_deps(const pg_build *c,
                    const sd_object *const *obj,
                    size_t total,
                    bool *first,
                    size_t *todo)
{
    size_t ntodo = 0;
    for (size_t s = 0; s < total; s++)
        if (obj[s]->kind == SD_KIND_FUNCTION)
            first[todo[ntodo++] = s] = true;
    while (ntodo > 0) {
        const sd_object *o = obj[todo[--ntodo]];
        for (size_t i = 0; i <= o->ndeps; i++) {
            size_t d = pending_node(c, to_dep(c, o, i));
            if (d != NOT_FOUND && !first[d])
                first[todo[ntodo++] = d] = true;
        }
    }
}

/* The planned creates' order into t: first's nodes first, each by node number, right after
 * what it depends on. */
static sd_status
sort_pending(const pg_build *c,
             const sd_object *const *obj,
             const bool *first,
             size_t total,
             sd_topo *t,
             sd_err *err)
{
    sd_status rc = sd_topo_init(t, total, err);
    for (size_t s = 0; s < total && rc == SD_OK; s++) {
        sd_topo_set_prio(t, s, first[s] ? s : total + s);
        for (size_t i = 0; i <= obj[s]->ndeps && rc == SD_OK; i++) {
            size_t d = pending_node(c, to_dep(c, obj[s], i));
            if (d != NOT_FOUND)
                rc = sd_topo_add_edge(t, d, s, NULL, err);
        }
    }
    if (rc == SD_OK)
        rc = sd_topo_sort(t, sd_topo_break_at_first, NULL, err);
    if (rc == SD_OK)
        rc = sd_topo_pull(t, err);
    return rc;
}

/* Each pending entry's waits: the entries of the planned creates it depends on (at: per
 * node, its entry). */
static void
pending_waits(pg_build *c, const size_t *at)
{
    for (size_t j = 0; j < c->p.npending && c->rc == SD_OK; j++) {
        sd_pg_pending *e = &c->p.pending[j];
        size_t *waits = sd_arena_array(c->arena, size_t, e->obj->ndeps + 1);
        if (waits == NULL) {
            nomem(c);
            return;
        }
        for (size_t i = 0; i <= e->obj->ndeps; i++) {
            size_t d = pending_node(c, to_dep(c, e->obj, i));
            if (d != NOT_FOUND)
                waits[e->nwaits++] = at[d];
        }
        e->waits = waits;
    }
}

/*
 * Planned creates (c->p.pending, in dependency order): functions rebuilt unchanged
 * (plan_callers()) and what they depend on first, so that restored defaults and constraints
 * can wait for them (plan_restore()), then views..triggers, by kind then index, each right
 * after what it depends on (util/topo.h, sd_topo_pull). A loop (none is expected:
 * diff/order.c breaks them) is cut at its first object, as a depth-first visit would.
 */
static void
order_pending(pg_build *c)
{
    static const sd_kind STMTS[] = { SD_KIND_FUNCTION,   SD_KIND_VIEW,       SD_KIND_MATVIEW,
                                     SD_KIND_INDEX,      SD_KIND_TRIGGER,    SD_KIND_RULE,
                                     SD_KIND_CAST,       SD_KIND_STATISTICS, SD_KIND_USER_MAPPING,
                                     SD_KIND_PUBLICATION };
    size_t total = 0;
    for (size_t k = 0; k < SD_ARRAY_LEN(STMTS); k++) {
        for (size_t i = 0; i < sd_model_count(c->p.to, STMTS[k]); i++)
            if (c->p.rcreate[STMTS[k]][i])
                c->slot[STMTS[k]][i] = total++;
    }
    c->p.pending = sd_arena_array(c->arena, sd_pg_pending, total + 1);
    const sd_object **obj = sd_arena_array(c->arena, const sd_object *, total + 1);
    bool *first = sd_arena_array(c->arena, bool, total + 1); /* a function's or its deps' */
    size_t *todo = sd_arena_array(c->arena, size_t, total + 1);
    size_t *at = sd_arena_array(c->arena, size_t, total + 1);
    if (c->p.pending == NULL || obj == NULL || first == NULL || todo == NULL || at == NULL) {
        nomem(c);
        return;
    }
    for (size_t k = 0; k < SD_ARRAY_LEN(STMTS); k++) {
        for (size_t i = 0; i < sd_model_count(c->p.to, STMTS[k]); i++)
            if (c->p.rcreate[STMTS[k]][i])
                obj[c->slot[STMTS[k]][i]] = sd_model_at(c->p.to, STMTS[k], i);
    }
    mark_functions_deps(c, obj, total, first, todo);
    sd_topo t;
    sd_err err = SD_ERR_INIT;
    sd_status rc = sort_pending(c, obj, first, total, &t, &err);
    if (rc != SD_OK) {
        sd_topo_dispose(&t);
        topo_failed(c, rc, &err);
        return;
    }
    size_t n = 0;
    const size_t *order = sd_topo_order(&t, &n);
    for (size_t j = 0; j < n; j++) {
        c->p.pending[j].obj = obj[order[j]];
        at[order[j]] = j;
    }
    c->p.npending = n;
    /* Each entry's ready step from the others' last changes: for the functions' part before
     * a rebuilt function counts as existing from the step it is created at (and restored
     * defaults wait for it), for the rest after. */
    sd_pg_pending *pend = c->p.pending;
    for (size_t j = 0; j < n; j++)
        if (first[order[j]])
            pend[j].ready_at = ready_of(c, pend[j].obj);
    for (size_t j = 0; j < n; j++)
        if (pend[j].obj->kind == SD_KIND_FUNCTION)
            bump(&c->p.last[SD_KIND_FUNCTION][pend[j].obj->index], pend[j].ready_at);
    plan_restore(c);
    for (size_t j = 0; j < n; j++)
        if (!first[order[j]])
            pend[j].ready_at = ready_of(c, pend[j].obj);
    sd_topo_dispose(&t);
    pending_waits(c, at);
}

/* ---- planning: the prepare phase's drops ---- */

/*
 * The prepare phase's stack: views and materialized views that go, objects dropped late by
 * kind (functions, types...) that depend on a relation dropped before the late phase (a
 * function returning a table's row type) and so go early, functions rebuilt for what they
 * call, and the columns, constraints and policies detached from such functions (unhook).
 * Dependents first.
 */
static bool
in_stack(const pg_build *c, const sd_object *o)
{
    if (c->p.unhook[o->kind][o->index])
        return true;
    if (o->kind == SD_KIND_VIEW || o->kind == SD_KIND_MATVIEW)
        return c->p.rdrop[o->kind][o->index];
    return c->p.early[o->kind][o->index];
}

typedef struct drop_stack {
    const sd_object **items;     /* members, in canonical then change-list order */
    size_t len;                  /* members */
    size_t *pos[SD_KIND__COUNT]; /* per "from" object: its member index, or NOT_FOUND */
} drop_stack;

/* The member a dependency of o names, or NOT_FOUND. */
static size_t
stack_dep(const pg_build *c, const drop_stack *st, const sd_object *o, size_t d)
{
    const sd_object *dep = sd_model_find_ref(c->p.from, &o->deps[d]);
    return dep != NULL ? st->pos[dep->kind][dep->index] : NOT_FOUND;
}

/* Members in member order, each right after its dependents (util/topo.h, sd_topo_pull), into
 * c->p.stack. A loop is cut at its first member, as a depth-first visit would. */
static void
order_stack(pg_build *c, const drop_stack *st)
{
    sd_topo t;
    sd_err err = SD_ERR_INIT;
    sd_status rc = sd_topo_init(&t, st->len, &err);
    for (size_t i = 0; i < st->len && rc == SD_OK; i++) {
        for (size_t d = 0; d < st->items[i]->ndeps && rc == SD_OK; d++) {
            size_t j = stack_dep(c, st, st->items[i], d);
            if (j != NOT_FOUND)
                rc = sd_topo_add_edge(&t, i, j, NULL, &err);
        }
    }
    if (rc == SD_OK)
        rc = sd_topo_sort(&t, sd_topo_break_at_first, NULL, &err);
    if (rc == SD_OK)
        rc = sd_topo_pull(&t, &err);
    if (rc != SD_OK)
        topo_failed(c, rc, &err);
    size_t n = 0;
    const size_t *order = sd_topo_order(&t, &n);
    const sd_object **stack = sd_arena_array(c->arena, const sd_object *, n + 1);
    if (stack == NULL)
        nomem(c);
    for (size_t i = 0; i < n && c->rc == SD_OK; i++)
        stack[i] = st->items[order[i]];
    if (c->rc == SD_OK) {
        c->p.stack = stack;
        c->p.nstack = n;
    }
    sd_topo_dispose(&t);
}

static void
stack_add(drop_stack *st, const sd_object *o)
{
    if (st->pos[o->kind][o->index] != NOT_FOUND)
        return;
    st->pos[o->kind][o->index] = st->len;
    st->items[st->len++] = o;
}

static void
plan_stack(pg_build *c)
{
    drop_stack st = { 0 };
    static const sd_kind UNHOOK[] = { SD_KIND_FUNCTION, SD_KIND_COLUMN, SD_KIND_CHECK,
                                      SD_KIND_EXCLUSION, SD_KIND_POLICY };
    size_t total = sd_changelist_count(c->p.cl) + sd_model_count(c->p.from, SD_KIND_VIEW) +
                   sd_model_count(c->p.from, SD_KIND_MATVIEW);
    for (size_t k = 0; k < SD_ARRAY_LEN(UNHOOK); k++)
        total += sd_model_count(c->p.from, UNHOOK[k]);
    st.items = sd_arena_array(c->arena, const sd_object *, total + 1);
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        size_t n = sd_model_count(c->p.from, (sd_kind)k);
        st.pos[k] = sd_arena_array(c->arena, size_t, n + 1);
        for (size_t i = 0; st.pos[k] != NULL && i <= n; i++)
            st.pos[k][i] = NOT_FOUND;
    }
    if (st.items == NULL || sd_arena_failed(c->arena)) {
        nomem(c);
        return;
    }
    static const sd_kind VIEWS[] = { SD_KIND_VIEW, SD_KIND_MATVIEW };
    for (size_t k = 0; k < SD_ARRAY_LEN(VIEWS); k++) {
        for (size_t i = 0; i < sd_model_count(c->p.from, VIEWS[k]); i++)
            if (c->p.rdrop[VIEWS[k]][i])
                stack_add(&st, sd_model_at(c->p.from, VIEWS[k], i));
    }
    for (size_t i = 0; i < sd_changelist_count(c->p.cl); i++) {
        const sd_change *ch = sd_changelist_at(c->p.cl, i);
        bool fn = ch->op == SD_OP_ALTER && ch->kind == SD_KIND_FUNCTION; /* plan_functions() */
        if ((ch->op == SD_OP_DROP || fn) && in_stack(c, ch->from) && !is_planned(ch->kind))
            stack_add(&st, ch->from);
    }
    for (size_t k = 0; k < SD_ARRAY_LEN(UNHOOK); k++) {
        for (size_t i = 0; i < sd_model_count(c->p.from, UNHOOK[k]); i++) {
            const sd_object *o = sd_model_at(c->p.from, UNHOOK[k], i);
            const sd_object *to = UNHOOK[k] == SD_KIND_FUNCTION ? counterpart(c->p.to, o) : NULL;
            /* A function rebuilt unchanged (plan_callers()) has no change to drop it. */
            if (c->p.unhook[UNHOOK[k]][i] ||
                (to != NULL && c->p.early[UNHOOK[k]][i] && c->p.rcreate[UNHOOK[k]][to->index]))
                stack_add(&st, o);
        }
    }
    order_stack(c, &st);
}

/* ---- planning: what the emitter waits for ---- */

/* Whether a sequence's OWNED BY names a column of a table that a rebuild drops (m: which
 * side, "from" or "to"). */
static bool
owned_by_rekeyed(pg_build *c, const sd_model *m, const char *owned_by)
{
    size_t n = 0;
    const sd_object *const *ts = sd_model_objects(m, SD_KIND_TABLE, &n);
    bool hit = false;
    for (size_t i = 0; i < n && owned_by != NULL && !hit; i++) {
        bool rb = m == c->p.from ? c->p.rekey[i] : c->p.rebuilt[i];
        if (!rb)
            continue;
        sd_buf b = SD_BUF_INIT;
        sd_sql_qualified(&b, PGE, ts[i]->schema, ts[i]->name);
        sd_buf_putc(&b, '.');
        hit = !sd_buf_failed(&b) && strncmp(owned_by, sd_buf_cstr(&b), b.len) == 0 &&
              strchr(owned_by + b.len, '.') == NULL;
        if (sd_buf_failed(&b))
            nomem(c);
        sd_buf_dispose(&b);
    }
    return hit;
}

/* OWNED BY of sequences of a rebuilt table's columns that the change list leaves alone: NONE
 * before the rebuild (DROP TABLE would take them), set again after (m: which side). */
static void
plan_owned_by(pg_build *c, const sd_model *m, bool *mark)
{
    bool any = false;
    for (size_t i = 0; i < sd_changelist_count(c->p.cl) && !any; i++)
        any = sd_plan_pg_is_rebuild(&c->p, sd_changelist_at(c->p.cl, i));
    size_t n = 0;
    const sd_object *const *seqs = sd_model_objects(m, SD_KIND_SEQUENCE, &n);
    for (size_t i = 0; i < n && any; i++) {
        const char *ob = seqs[i]->v[SD_SEQUENCE_OWNED_BY].s;
        const sd_change *ch = sd_changelist_find(c->p.cl, seqs[i]);
        mark[i] =
            !(ch != NULL && (ch->op != SD_OP_ALTER || (ch->fields & FBIT(SD_SEQUENCE_OWNED_BY)))) &&
            owned_by_rekeyed(c, m, ob);
    }
}

/* Generated columns added again: the change after which the columns their expression names
 * (of the same table) and their other dependencies are written. */
static void
plan_readd_at(pg_build *c)
{
    size_t n = 0;
    const sd_object *const *tcols = sd_model_objects(c->p.to, SD_KIND_COLUMN, &n);
    for (size_t x = 0; x < n; x++) {
        const sd_object *g = tcols[x];
        const sd_object *f = counterpart(c->p.from, g);
        if (f == NULL || !c->p.readd_late[f->index] || g->owner == NULL)
            continue;
        size_t at = 0;
        size_t nc = 0;
        const sd_object *const *cols = sd_model_children(c->p.to, g->owner, SD_KIND_COLUMN, &nc);
        for (size_t i = 0; i < nc; i++) {
            if (cols[i] != g &&
                sd_plan_pg_has_word(g->v[SD_COLUMN_GENERATED].sql.text, cols[i]->name))
                bump(&at, c->p.last[SD_KIND_COLUMN][cols[i]->index]);
        }
        for (size_t i = 0; i < g->ndeps; i++) {
            const sd_object *d = to_dep(c, g, i);
            if (d != NULL)
                bump(&at, c->p.last[d->kind][d->index]);
        }
        c->p.readd_at[x] = at;
    }
}

static void
plan(pg_build *c)
{
    size_t n = sd_changelist_count(c->p.cl);
    for (size_t i = 0; i < n && c->rc == SD_OK; i++) {
        const sd_change *ch = sd_changelist_at(c->p.cl, i);
        if (!(ch->flags & SD_CHG_NOTE_ONLY))
            seed_change(c, ch, i + 1);
    }
    if (c->rc != SD_OK)
        return;
    plan_rebuilds(c);
    plan_functions(c);
    plan_callers(c);
    plan_unhook(c);
    cascade(c);
    plan_early(c);
    order_pending(c);
    if (c->rc == SD_OK)
        plan_stack(c);
    if (c->rc == SD_OK) {
        plan_owned_by(c, c->p.from, c->p.unown);
        plan_owned_by(c, c->p.to, c->p.reown);
        plan_readd_at(c);
    }
}

/* ---- entry points ---- */

sd_status
sd_plan_pg(sd_pg_plan **out,
           const sd_changelist *cl,
           const sd_using *usings,
           size_t nusings,
           sd_err *err)
{
    *out = NULL;
    pg_build *c = calloc(1, sizeof *c);
    if (c == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    c->p.cl = cl;
    c->p.from = sd_changelist_from(cl);
    c->p.to = sd_changelist_to(cl);
    c->p.usings = usings;
    c->p.nusings = nusings;
    c->err = err;
    c->arena = sd_arena_new();
    if (c->arena == NULL)
        nomem(c);
    else
        setup(c);
    if (c->rc == SD_OK)
        plan(c);
    if (c->rc == SD_OK && sd_arena_failed(c->arena))
        nomem(c);
    sd_status rc = c->rc;
    if (rc != SD_OK)
        sd_plan_pg_free(&c->p);
    else
        *out = &c->p;
    return rc;
}

void
sd_plan_pg_free(sd_pg_plan *p)
{
    if (p == NULL)
        return;
    pg_build *c = (pg_build *)(void *)p;
    sd_map_dispose(&c->rel_by_sql);
    sd_arena_free(c->arena);
    free(c);
}

bool
sd_plan_pg_alter_recreates(const sd_pg_plan *p, const sd_change *ch)
{
    if (sd_plan_pg_recreates(p->cl, ch))
        return true;
    /* Not an engine rule but this plan's: a function whose drop it moved to the prepare
     * phase (early) is created again whatever changed. */
    return ch->op == SD_OP_ALTER && ch->kind == SD_KIND_FUNCTION &&
           p->early[SD_KIND_FUNCTION][ch->from->index];
}

/*
 * A constraint or policy ALTER carried out by dropping and adding it: the drop runs with the
 * other drops, before the column changes (a column in an old primary key cannot lose NOT
 * NULL, nor a column a policy uses change type, while they exist).
 */
bool
sd_plan_pg_owned_recreate(const sd_pg_plan *p, const sd_change *ch)
{
    return ch->op == SD_OP_ALTER && ch->from != NULL &&
           sd_kind_get(ch->kind)->owner == SD_KIND_TABLE && ch->kind != SD_KIND_COLUMN &&
           !sd_plan_pg_rule(ch->kind)->planned && sd_plan_pg_alter_recreates(p, ch);
}

bool
sd_plan_pg_rekeyed(const sd_pg_plan *p, const sd_object *from_t)
{
    return from_t != NULL && from_t->kind == SD_KIND_TABLE && p->rekey[from_t->index];
}
