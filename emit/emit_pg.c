/*
 * emit_pg.c: the PostgreSQL emitter. It plans the script from the change list and both
 * models, then writes it in phases, for `psql -v ON_ERROR_STOP=1 -f`:
 *
 *   SET ...; set_config('search_path', '', false)   every name the model holds is qualified
 *   BEGIN; renames and guards against removing an enum value rows still hold (emit_pg_rename.c);
 *     when the main transaction uses a new enum value (PostgreSQL cannot use it in the
 *     transaction that adds it): the guards that refuse, before this COMMIT, what the main
 *     transaction would refuse on data; ALTER TYPE ... ADD VALUE ...; COMMIT; BEGIN;
 *   (else ALTER TYPE ... ADD VALUE ... here, in the one transaction)
 *   prepare: sequences OWNED BY NONE (dropping their column would take them along), NO
 *     INHERIT for parents a table leaves; then every foreign key, trigger, index, view and
 *     materialized view that goes or is rebuilt, dependents first: those the change list
 *     drops or changes, plus those that depend on a column that changes type or goes, on an
 *     enum, composite or range type that is recreated, on a function that is dropped and
 *     created, on a rebuilt view, and foreign keys that reference a key or unique index
 *     that goes for a while; with them (in pg_depend order), functions and types the change
 *     list drops that depend on a dropped relation or column, changed functions whose body
 *     uses a column that goes, functions (changed or not) that call a function dropped and
 *     created or use a recreated composite or range type, and the defaults, generated
 *     columns, CHECK / EXCLUDE constraints and policies that call a function dropped and
 *     created (detached, restored as in "to" once it exists again); then tables whose
 *     partition key changes, or (--strict-column-order) whose columns change place: rows
 *     saved to a temporary table, table dropped (put back at the table's change, once it
 *     and its partitions are created as in "to");
 *   drops: policies and constraints (also those an ALTER drops and adds, and policies that
 *     use a retyped column), then columns (also generated columns that read a retyped one),
 *     then tables, in the change list's order (a column drop would take its constraints);
 *   creates and alters, in the change list's order (dependencies first); each planned view,
 *     materialized view, index, trigger or unchanged rebuilt function is created as soon as
 *     everything it depends on is written, and dropped generated columns, defaults and
 *     constraints come back after their table's last change;
 *   post: what is left of those, foreign keys (after every table exists, which breaks
 *     reference cycles), policies of new tables and rebuilt policies, sequences OWNED BY;
 *   late drops: functions, sequences, types, extensions, schemas, in the change list's
 *     order (after the alters that stop using them);
 *   COMMIT;
 *
 * Nothing is dropped with CASCADE: the order makes it unnecessary. A statement that loses
 * data is preceded by "-- destructive: ...". The per-kind SQL is in emit_pg_kinds.c and
 * emit_pg_table.c; names, fragments and privileges in emit_pg_out.c.
 *
 * Not supported: opts->quote_all_identifiers (util/sql.h has no such mode yet). Known
 * limits (PostgreSQL reports them when the script runs): objects outside the model
 * (aggregates, operators, rules) that depend on what changes; objects the plan does not
 * rebuild: a domain or composite attribute of a recreated enum, a domain of a recreated
 * domain, a column of a composite type whose attributes are reordered, a multirange column
 * of a recreated range, an unchanged function that uses a column that goes, a domain CHECK,
 * aggregate or operator that calls a function that is dropped and created. Whether a
 * column depends on a retyped one is decided by its name occurring as a word in the
 * expression (conservative: a name in a string literal counts too).
 */
#include <string.h>

#include "emit/emit_pg_int.h"

/* ---- lookups ---- */

const sd_object *
sd_emit__pg_table_by_sql(const pg_ctx *c, const char *sql)
{
    return sd_map_get(&c->rel_by_sql, sql);
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
setup(pg_ctx *c)
{
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        size_t nf = sd_model_count(c->from, (sd_kind)k) + 1;
        size_t nt = sd_model_count(c->to, (sd_kind)k) + 1;
        c->rdrop[k] = sd_arena_array(c->scratch, bool, nf);
        c->gone[k] = sd_arena_array(c->scratch, bool, nf);
        c->swept[k] = sd_arena_array(c->scratch, bool, nf);
        c->early[k] = sd_arena_array(c->scratch, bool, nf);
        c->unhook[k] = sd_arena_array(c->scratch, bool, nf);
        c->rcreate[k] = sd_arena_array(c->scratch, bool, nt);
        c->created[k] = sd_arena_array(c->scratch, bool, nt);
        c->last[k] = sd_arena_array(c->scratch, size_t, nt);
        c->slot[k] = sd_arena_array(c->scratch, size_t, nt);
        for (size_t i = 0; c->slot[k] != NULL && i < nt; i++)
            c->slot[k][i] = NOT_FOUND;
    }
    c->seq_dropped =
        sd_arena_array(c->scratch, bool, sd_model_count(c->from, SD_KIND_SEQUENCE) + 1);
    c->readd = sd_arena_array(c->scratch, bool, sd_model_count(c->from, SD_KIND_COLUMN) + 1);
    c->readd_late = sd_arena_array(c->scratch, bool, sd_model_count(c->from, SD_KIND_COLUMN) + 1);
    c->redefault = sd_arena_array(c->scratch, bool, sd_model_count(c->from, SD_KIND_COLUMN) + 1);
    c->enum_col = sd_arena_array(c->scratch, bool, sd_model_count(c->from, SD_KIND_COLUMN) + 1);
    c->readd_table = sd_arena_array(c->scratch, bool, sd_model_count(c->to, SD_KIND_TABLE) + 1);
    c->key_gone = sd_arena_array(c->scratch, bool, sd_model_count(c->from, SD_KIND_TABLE) + 1);
    c->rekey = sd_arena_array(c->scratch, bool, sd_model_count(c->from, SD_KIND_TABLE) + 1);
    c->rebuilt = sd_arena_array(c->scratch, bool, sd_model_count(c->to, SD_KIND_TABLE) + 1);
    c->reorder_from =
        sd_arena_array(c->scratch, const sd_object *, sd_model_count(c->to, SD_KIND_TABLE) + 1);
    c->reorder_at =
        sd_arena_array(c->scratch, const sd_change *, sd_model_count(c->to, SD_KIND_TABLE) + 1);
    size_t nch = sd_changelist_count(c->cl) + 1;
    c->enum_adds = sd_arena_array(c->scratch, const sd_object *, nch);
    c->enum_adds_to = sd_arena_array(c->scratch, const sd_object *, nch);
    size_t nt = sd_model_count(c->to, SD_KIND_TABLE);
    for (size_t i = 0; i < nt && c->w.rc == SD_OK; i++) {
        const sd_object *t = sd_model_at(c->to, SD_KIND_TABLE, i);
        c->any_inherits = c->any_inherits || t->v[SD_TABLE_INHERITS].names.len > 0;
        sd_buf b = SD_BUF_INIT;
        sd_sql_qualified(&b, PGE, t->schema, t->name);
        const char *key = sd_buf_failed(&b) ? NULL : sd_arena_strdup(c->scratch, sd_buf_cstr(&b));
        if (key == NULL || sd_map_put(&c->rel_by_sql, key, (void *)t) != SD_OK)
            sd_writer_nomem(&c->w);
        sd_buf_dispose(&b);
    }
    if (sd_arena_failed(c->scratch))
        sd_writer_nomem(&c->w);
}

/* ---- planning: seeds from the change list ---- */

static void
bump(size_t *slot, size_t pos)
{
    if (*slot < pos)
        *slot = pos;
}

static void
mark_column_gone(pg_ctx *c, const sd_object *col)
{
    c->gone[SD_KIND_COLUMN][col->index] = true;
    if (col->owner != NULL)
        c->gone[SD_KIND_TABLE][col->owner->index] = true;
}

/* An enum whose values are removed or reordered: its columns are converted at pos. */
static void
seed_enum(pg_ctx *c, const sd_change *ch, size_t pos)
{
    if (!(ch->fields & FBIT(SD_ENUM_VALUES)))
        return;
    if (sd_plan_pg_enum_adds_only(ch->from, ch->to)) {
        c->enum_adds[c->nenum_adds] = ch->from;
        c->enum_adds_to[c->nenum_adds++] = ch->to;
        return;
    }
    c->gone[SD_KIND_ENUM][ch->from->index] = true;
    size_t n = 0;
    const sd_object *const *cols = sd_model_objects(c->from, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++) {
        bool array = false;
        if (!sd_plan_pg_type_is(cols[i], ch->from, &array))
            continue;
        mark_column_gone(c, cols[i]);
        c->enum_col[cols[i]->index] = true;
        const sd_object *t = cols[i]->owner != NULL ? counterpart(c->to, cols[i]->owner) : NULL;
        if (t != NULL)
            bump(&c->last[SD_KIND_TABLE][t->index], pos);
    }
}

/* A domain, composite or range type that is recreated: its columns are converted at pos
 * (views on them rebuilt; what depends on a composite or range itself too, and functions
 * that use any of them: plan_callers()). */
static void
seed_type(pg_ctx *c, const sd_change *ch, size_t pos)
{
    if (!sd_emit__pg_recreates(c, ch))
        return;
    c->gone[ch->kind][ch->from->index] = true;
    size_t n = 0;
    const sd_object *const *cols = sd_model_objects(c->from, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++) {
        bool array = false;
        if (!sd_plan_pg_type_is(cols[i], ch->from, &array))
            continue;
        mark_column_gone(c, cols[i]);
        const sd_object *t = cols[i]->owner != NULL ? counterpart(c->to, cols[i]->owner) : NULL;
        if (t != NULL)
            bump(&c->last[SD_KIND_TABLE][t->index], pos);
    }
}

static void
seed_column(pg_ctx *c, const sd_change *ch)
{
    uint64_t retype = FBIT(SD_COLUMN_TYPE) | FBIT(SD_COLUMN_COLLATION);
    uint64_t gen = FBIT(SD_COLUMN_GENERATED) | FBIT(SD_COLUMN_GENERATED_KIND);
    if (ch->op == SD_OP_DROP) {
        mark_column_gone(c, ch->from);
    } else if (ch->op == SD_OP_ALTER && ch->to != NULL) {
        if (ch->fields & retype)
            mark_column_gone(c, ch->from);
        if ((ch->fields & gen) && ch->to->v[SD_COLUMN_GENERATED].sql.text != NULL) {
            mark_column_gone(c, ch->from);
            c->readd[ch->from->index] = true;
        }
    }
}

/* Keys that go for a while: foreign keys referencing their table are rebuilt around. */
static void
seed_key(pg_ctx *c, const sd_change *ch)
{
    const sd_object *o = ch->from;
    if (o == NULL || ch->op == SD_OP_CREATE)
        return;
    bool goes = ch->op == SD_OP_DROP || sd_emit__pg_recreates(c, ch);
    if (ch->kind == SD_KIND_INDEX && !o->v[SD_INDEX_UNIQUE].b)
        goes = false;
    const sd_object *t = ch->kind == SD_KIND_INDEX ? relation_of(c->from, o) : o->owner;
    if (goes && t != NULL && t->kind == SD_KIND_TABLE)
        c->key_gone[t->index] = true;
}

/* A dropped table: its foreign keys to other tables go first, so tables drop in any order. */
static void
seed_dropped_table(pg_ctx *c, const sd_object *t)
{
    size_t n = 0;
    const sd_object *const *fks = sd_model_children(c->from, t, SD_KIND_FOREIGN_KEY, &n);
    for (size_t i = 0; i < n; i++) {
        const sd_value *v = fks[i]->v;
        const char *rs = v[SD_FK_REF_SCHEMA].s != NULL ? v[SD_FK_REF_SCHEMA].s : t->schema;
        if (!streq(rs, t->schema) || !streq(v[SD_FK_REF_TABLE].s, t->name))
            c->rdrop[SD_KIND_FOREIGN_KEY][fks[i]->index] = true;
    }
}

/* A new table: its foreign keys and policies are added once every table exists. */
static void
seed_new_table(pg_ctx *c, const sd_object *t)
{
    static const sd_kind LATER[] = { SD_KIND_FOREIGN_KEY, SD_KIND_POLICY };
    for (size_t k = 0; k < SD_ARRAY_LEN(LATER); k++) {
        size_t n = 0;
        const sd_object *const *o = sd_model_children(c->to, t, LATER[k], &n);
        for (size_t i = 0; i < n; i++)
            c->rcreate[LATER[k]][o[i]->index] = true;
    }
}

static void
seed_planned(pg_ctx *c, const sd_change *ch)
{
    bool recreate = ch->op == SD_OP_ALTER && sd_emit__pg_recreates(c, ch);
    if ((ch->op == SD_OP_DROP || recreate) && ch->from != NULL)
        c->rdrop[ch->kind][ch->from->index] = true;
    if ((ch->op == SD_OP_CREATE || recreate) && ch->to != NULL)
        c->rcreate[ch->kind][ch->to->index] = true;
}

static void
seed_change(pg_ctx *c, const sd_change *ch, size_t pos)
{
    if (ch->flags & SD_CHG_DEFERRED)
        return; /* completes an object its creating change has seeded */
    if (ch->to != NULL) {
        bump(&c->last[ch->kind][ch->to->index], pos);
        if (ch->to->owner != NULL)
            bump(&c->last[SD_KIND_TABLE][ch->to->owner->index], pos);
    }
    if (is_planned(ch->kind))
        seed_planned(c, ch);
    if (ch->kind == SD_KIND_PRIMARY_KEY || ch->kind == SD_KIND_UNIQUE || ch->kind == SD_KIND_INDEX)
        seed_key(c, ch);
    if (ch->kind == SD_KIND_ENUM && ch->op == SD_OP_ALTER)
        seed_enum(c, ch, pos);
    else if ((ch->kind == SD_KIND_DOMAIN || ch->kind == SD_KIND_COMPOSITE ||
              ch->kind == SD_KIND_RANGE) &&
             ch->op == SD_OP_ALTER)
        seed_type(c, ch, pos);
    else if (ch->kind == SD_KIND_COLUMN)
        seed_column(c, ch);
    else if ((ch->kind == SD_KIND_FUNCTION || ch->kind == SD_KIND_AGGREGATE ||
              ch->kind == SD_KIND_OPERATOR) &&
             ch->op == SD_OP_ALTER)
        c->gone[ch->kind][ch->from->index] = sd_emit__pg_recreates(c, ch);
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
dep_gone(const pg_ctx *c, const sd_object *o, const sd_object *d)
{
    switch (sd_plan_pg_rule(d->kind)->gone) {
    case SD_PG_GONE_REBUILT:
        return c->rdrop[d->kind][d->index];
    case SD_PG_GONE_TABLE:
        return c->gone[d->kind][d->index] && (c->rekey[d->index] || o->kind == SD_KIND_MATVIEW);
    case SD_PG_GONE_CHANGED:
        return c->gone[d->kind][d->index];
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
sd_emit__pg_has_word(const char *text, const char *name)
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
mentions_column(const pg_ctx *c, const sd_object *t, const char *text, col_set set)
{
    size_t n = 0;
    const sd_object *const *cols = sd_model_children(c->from, t, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n && text != NULL; i++) {
        size_t x = cols[i]->index;
        bool hit = set == COLS_READD  ? c->readd[x]
                   : set == COLS_ENUM ? c->enum_col[x]
                   : set == COLS_LATE ? c->readd_late[x]
                                      : c->gone[SD_KIND_COLUMN][x];
        if (hit && sd_emit__pg_has_word(text, cols[i]->name))
            return true;
    }
    return false;
}

/* An index whose keys, INCLUDE list or predicate name a column that is dropped and added. */
static bool
index_on_readd(const pg_ctx *c, const sd_object *t, const sd_object *ix)
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
must_rebuild(const pg_ctx *c, const sd_object *o)
{
    for (size_t i = 0; i < o->ndeps; i++) {
        const sd_object *d = sd_model_find_ref(c->from, &o->deps[i]);
        if (d != NULL && dep_gone(c, o, d))
            return true;
    }
    const sd_object *rel = relation_of(c->from, o);
    if (rel == NULL)
        return false;
    if (rel->kind != SD_KIND_TABLE)
        return c->rdrop[rel->kind][rel->index]; /* goes with its view */
    if (o->kind == SD_KIND_TRIGGER)             /* WHEN or UPDATE OF on a retyped column */
        return mentions_column(c, rel, o->v[SD_TRIGGER_SQL].sql.text, COLS_GONE);
    return o->kind == SD_KIND_INDEX && index_on_readd(c, rel, o);
}

/* Whether constraint con (of either side) names one of the set's columns of "from" table t. */
static bool
constraint_on(const pg_ctx *c, const sd_object *con, const sd_object *t, col_set set)
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
cascade_readd(pg_ctx *c)
{
    static const sd_kind CONS[] = { SD_KIND_PRIMARY_KEY, SD_KIND_UNIQUE, SD_KIND_CHECK,
                                    SD_KIND_EXCLUSION, SD_KIND_FOREIGN_KEY };
    for (size_t k = 0; k < SD_ARRAY_LEN(CONS); k++) {
        size_t n = 0;
        const sd_object *const *o = sd_model_objects(c->from, CONS[k], &n);
        for (size_t i = 0; i < n; i++) {
            if (!constraint_on(c, o[i], o[i]->owner, COLS_READD))
                continue;
            const sd_object *t = counterpart(c->to, o[i]);
            c->swept[CONS[k]][i] = true;
            if (CONS[k] == SD_KIND_FOREIGN_KEY)
                c->rdrop[CONS[k]][i] = true; /* dropped first, added in the post phase */
            else if (t != NULL)
                c->rcreate[CONS[k]][t->index] = true;
        }
    }
    /* New or recreated constraints in "to" on a column added again late wait for it too. */
    for (size_t k = 0; k < SD_ARRAY_LEN(CONS); k++) {
        size_t n = 0;
        const sd_object *const *o = sd_model_objects(c->to, CONS[k], &n);
        for (size_t i = 0; i < n; i++) {
            const sd_object *ft = o[i]->owner != NULL ? counterpart(c->from, o[i]->owner) : NULL;
            if (ft != NULL && constraint_on(c, o[i], ft, COLS_LATE))
                c->rcreate[CONS[k]][i] = true;
        }
    }
}

/*
 * PostgreSQL refuses to retype a column a generated column reads. Such generated columns
 * (kept in "to") are dropped with the other drops and added again after their table's last
 * change; their values are recomputed, so nothing is lost.
 */
static void
cascade_generated(pg_ctx *c)
{
    size_t n = 0;
    const sd_object *const *cols = sd_model_objects(c->from, SD_KIND_COLUMN, &n);
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t i = 0; i < n; i++) {
            const sd_object *g = cols[i];
            const char *expr = g->v[SD_COLUMN_GENERATED].sql.text;
            if (c->readd_late[i] || expr == NULL || g->owner == NULL || c->rekey[g->owner->index] ||
                counterpart(c->to, g) == NULL || !mentions_column(c, g->owner, expr, COLS_GONE))
                continue;
            c->readd_late[i] = c->readd[i] = grew = true;
            mark_column_gone(c, g);
            const sd_object *t = counterpart(c->to, g->owner);
            if (t != NULL)
                c->readd_table[t->index] = c->readd_any = true;
        }
    }
}

/*
 * CHECK and EXCLUDE constraints on a column of a recreated enum hold literals of the old
 * type, which PostgreSQL cannot re-check after the conversion: dropped with the other drops,
 * added again after their table's last change.
 */
static void
cascade_enum_checks(pg_ctx *c)
{
    static const sd_kind CONS[] = { SD_KIND_CHECK, SD_KIND_EXCLUSION };
    static const int EXPR[] = { SD_CHECK_EXPRESSION, SD_EXCLUSION_DEFINITION };
    for (size_t k = 0; k < SD_ARRAY_LEN(CONS); k++) {
        size_t n = 0;
        const sd_object *const *o = sd_model_objects(c->from, CONS[k], &n);
        for (size_t i = 0; i < n; i++) {
            const sd_object *t = o[i]->owner;
            const sd_object *to = counterpart(c->to, o[i]);
            const sd_object *tt = t != NULL ? counterpart(c->to, t) : NULL;
            if (t == NULL || !mentions_column(c, t, o[i]->v[EXPR[k]].sql.text, COLS_ENUM))
                continue;
            c->rdrop[CONS[k]][i] = true;
            if (to != NULL && tt != NULL) {
                c->rcreate[CONS[k]][to->index] = true;
                c->readd_table[tt->index] = c->readd_any = true;
            }
        }
    }
}

static void
cascade(pg_ctx *c)
{
    static const sd_kind STMTS[] = { SD_KIND_VIEW, SD_KIND_MATVIEW, SD_KIND_TRIGGER,
                                     SD_KIND_INDEX };
    cascade_generated(c);
    cascade_readd(c);
    cascade_enum_checks(c);
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t k = 0; k < SD_ARRAY_LEN(STMTS); k++) {
            size_t n = sd_model_count(c->from, STMTS[k]);
            for (size_t i = 0; i < n; i++) {
                if (c->rdrop[STMTS[k]][i] || !must_rebuild(c, sd_model_at(c->from, STMTS[k], i)))
                    continue;
                c->rdrop[STMTS[k]][i] = true;
                grew = true;
            }
        }
    }
    size_t n = 0;
    /* PostgreSQL refuses to retype a column a policy uses: such policies are dropped with
     * the other drops and created again after the alters. */
    const sd_object *const *pols = sd_model_objects(c->from, SD_KIND_POLICY, &n);
    for (size_t i = 0; i < n; i++) {
        const sd_object *t = pols[i]->owner;
        const sd_value *v = pols[i]->v;
        if (t != NULL && (mentions_column(c, t, v[SD_POLICY_USING].sql.text, COLS_GONE) ||
                          mentions_column(c, t, v[SD_POLICY_WITH_CHECK].sql.text, COLS_GONE)))
            c->rdrop[SD_KIND_POLICY][i] = true;
    }
    const sd_object *const *fks = sd_model_objects(c->from, SD_KIND_FOREIGN_KEY, &n);
    for (size_t i = 0; i < n; i++) {
        const sd_value *v = fks[i]->v;
        const char *rs = v[SD_FK_REF_SCHEMA].s != NULL ? v[SD_FK_REF_SCHEMA].s : fks[i]->schema;
        const sd_object *ref = sd_model_find_table(c->from, rs, v[SD_FK_REF_TABLE].s);
        if (ref != NULL && c->key_gone[ref->index])
            c->rdrop[SD_KIND_FOREIGN_KEY][i] = true;
    }
    /* Whatever goes for a while and exists in "to" comes back. */
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        if (!is_planned((sd_kind)k) && k != SD_KIND_POLICY)
            continue;
        for (size_t i = 0; i < sd_model_count(c->from, (sd_kind)k); i++) {
            const sd_object *t =
                c->rdrop[k][i] ? counterpart(c->to, sd_model_at(c->from, (sd_kind)k, i)) : NULL;
            if (t != NULL)
                c->rcreate[k][t->index] = true;
        }
    }
}

/* Whether a "from" object goes before the late phase: a dropped table (or one of its
 * columns), a view that goes, or an object that goes early. */
static bool
goes_before_late(const pg_ctx *c, const sd_object *d)
{
    const sd_object *t = d->owner != NULL ? d->owner : d;
    const sd_change *ch = sd_changelist_find(c->cl, t);
    const sd_change *own = d->kind == SD_KIND_COLUMN ? sd_changelist_find(c->cl, d) : NULL;
    if (own != NULL && own->op == SD_OP_DROP)
        return true; /* a dropped column of a kept table */
    if (t->kind == SD_KIND_TABLE || d->kind == SD_KIND_COLUMN)
        return ch != NULL && ch->op == SD_OP_DROP;
    if (d->kind == SD_KIND_VIEW || d->kind == SD_KIND_MATVIEW)
        return c->rdrop[d->kind][d->index];
    /* A function dropped and created (at its change), a composite or range recreated. */
    bool goes =
        d->kind == SD_KIND_FUNCTION || d->kind == SD_KIND_COMPOSITE || d->kind == SD_KIND_RANGE;
    return c->early[d->kind][d->index] || (goes && c->gone[d->kind][d->index]);
}

/*
 * A function ALTER whose old body (BEGIN ATOMIC: PostgreSQL records what it uses) uses a
 * column that goes or changes type, or a table that goes: PostgreSQL refuses those while the
 * function exists, and its new body may need what the alters add. So it is dropped in the
 * prepare phase and created at its change.
 */
static void
plan_functions(pg_ctx *c)
{
    size_t n = sd_changelist_count(c->cl);
    for (size_t i = 0; i < n; i++) {
        const sd_change *ch = sd_changelist_at(c->cl, i);
        if (ch->kind != SD_KIND_FUNCTION || ch->op != SD_OP_ALTER || (ch->flags & SD_CHG_NOTE_ONLY))
            continue;
        const sd_object *o = ch->from;
        for (size_t d = 0; d < o->ndeps && !c->early[SD_KIND_FUNCTION][o->index]; d++) {
            const sd_object *dep = sd_model_find_ref(c->from, &o->deps[d]);
            const sd_change *dc = dep != NULL ? sd_changelist_find(c->cl, dep) : NULL;
            bool goes = dep != NULL &&
                        ((dep->kind == SD_KIND_COLUMN && c->gone[SD_KIND_COLUMN][dep->index]) ||
                         (dc != NULL && dc->op == SD_OP_DROP &&
                          (dep->kind == SD_KIND_TABLE || dep->kind == SD_KIND_COLUMN)));
            if (goes)
                c->early[SD_KIND_FUNCTION][o->index] = c->gone[SD_KIND_FUNCTION][o->index] = true;
        }
    }
}

/* Whether o depends on a "from" object that goes for a while: a function dropped and
 * created (early_only: dropped in the prepare phase), or, with types, an enum, domain,
 * composite or range type that is recreated. */
static bool
calls_gone(const pg_ctx *c, const sd_object *o, bool types, bool early_only)
{
    for (size_t i = 0; i < o->ndeps; i++) {
        const sd_object *d = sd_model_find_ref(c->from, &o->deps[i]);
        bool type = d != NULL && (d->kind == SD_KIND_ENUM || d->kind == SD_KIND_DOMAIN ||
                                  d->kind == SD_KIND_COMPOSITE || d->kind == SD_KIND_RANGE);
        bool kind = d != NULL && (d->kind == SD_KIND_FUNCTION || (types && type));
        if (kind && c->gone[d->kind][d->index] && (!early_only || c->early[d->kind][d->index]))
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
plan_callers(pg_ctx *c)
{
    size_t n = 0;
    const sd_object *const *fns = sd_model_objects(c->from, SD_KIND_FUNCTION, &n);
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t i = 0; i < n; i++) {
            if (c->early[SD_KIND_FUNCTION][i] || !calls_gone(c, fns[i], true, false))
                continue;
            c->early[SD_KIND_FUNCTION][i] = c->gone[SD_KIND_FUNCTION][i] = grew = true;
            const sd_change *ch = sd_changelist_find(c->cl, fns[i]);
            const sd_object *to = counterpart(c->to, fns[i]);
            if (to != NULL && (ch == NULL || (ch->flags & SD_CHG_NOTE_ONLY)))
                c->rcreate[SD_KIND_FUNCTION][to->index] = true;
        }
    }
}

/* Whether a "from" column, constraint or policy stays (with its table, not rebuilt). */
static bool
kept_owned(const pg_ctx *c, const sd_object *o)
{
    const sd_object *t = o->owner;
    return t != NULL && counterpart(c->to, o) != NULL && counterpart(c->to, t) != NULL &&
           !c->rekey[t->index];
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
plan_unhook(pg_ctx *c)
{
    static const sd_kind KINDS[] = { SD_KIND_COLUMN, SD_KIND_CHECK, SD_KIND_EXCLUSION,
                                     SD_KIND_POLICY };
    for (size_t k = 0; k < SD_ARRAY_LEN(KINDS); k++) {
        size_t n = 0;
        const sd_object *const *o = sd_model_objects(c->from, KINDS[k], &n);
        for (size_t i = 0; i < n; i++) {
            bool kept = kept_owned(c, o[i]);
            /* An inherited generated column goes and comes back with its parent's. */
            bool inherited_gen = KINDS[k] == SD_KIND_COLUMN && o[i]->v[SD_COLUMN_INHERITED].b &&
                                 o[i]->v[SD_COLUMN_GENERATED].sql.text != NULL;
            if (o[i]->owner == NULL || c->unhook[KINDS[k]][i] || inherited_gen ||
                !calls_gone(c, o[i], false, !kept))
                continue;
            c->unhook[KINDS[k]][i] = true;
            const sd_object *to = counterpart(c->to, o[i]);
            const sd_object *tt = counterpart(c->to, o[i]->owner);
            if (KINDS[k] != SD_KIND_COLUMN) {
                c->rdrop[KINDS[k]][i] = true; /* emit_drops() leaves it alone */
                if (kept && KINDS[k] != SD_KIND_POLICY) {
                    c->rcreate[KINDS[k]][to->index] = true;
                    c->readd_table[tt->index] = c->readd_any = true;
                }
                continue;
            }
            if (!kept)
                continue;
            const sd_change *ch = sd_changelist_find(c->cl, o[i]);
            if (o[i]->v[SD_COLUMN_GENERATED].sql.text != NULL &&
                to->v[SD_COLUMN_GENERATED].sql.text != NULL) {
                c->readd_late[i] = c->readd[i] = true;
                mark_column_gone(c, o[i]);
            } else {
                c->redefault[i] = o[i]->v[SD_COLUMN_GENERATED].sql.text == NULL &&
                                  (ch == NULL || !(ch->fields & FBIT(SD_COLUMN_DEFAULT)));
            }
            c->readd_table[tt->index] = c->readd_any = true;
        }
    }
}

/* A restored column default, generation or constraint waits for the functions it calls. */
static void
plan_restore(pg_ctx *c)
{
    static const sd_kind KINDS[] = { SD_KIND_COLUMN, SD_KIND_CHECK, SD_KIND_EXCLUSION };
    for (size_t k = 0; k < SD_ARRAY_LEN(KINDS); k++) {
        size_t n = 0;
        const sd_object *const *o = sd_model_objects(c->from, KINDS[k], &n);
        for (size_t i = 0; i < n; i++) {
            if (!c->unhook[KINDS[k]][i] || !kept_owned(c, o[i]))
                continue;
            size_t *last = &c->last[SD_KIND_TABLE][counterpart(c->to, o[i]->owner)->index];
            for (size_t d = 0; d < o[i]->ndeps; d++) {
                const sd_object *f = sd_model_find_ref(c->from, &o[i]->deps[d]);
                const sd_object *tf =
                    f != NULL && f->kind == SD_KIND_FUNCTION ? counterpart(c->to, f) : NULL;
                if (tf != NULL)
                    bump(last, c->last[SD_KIND_FUNCTION][tf->index]);
            }
        }
    }
}

/* ---- planning: tables rebuilt for a partition key change or a column order ---- */

/* Whether ch changes the partition key of a table that is not a partition on either side. */
static bool
rekeys(const sd_change *ch)
{
    return ch->kind == SD_KIND_TABLE && ch->op == SD_OP_ALTER && !(ch->flags & SD_CHG_NOTE_ONLY) &&
           (ch->fields & FBIT(SD_TABLE_PARTITION_KEY)) &&
           ch->from->v[SD_TABLE_PARTITION_OF].s == NULL &&
           ch->to->v[SD_TABLE_PARTITION_OF].s == NULL;
}

/* Whether ch is where a table is rebuilt: its partition key change, or the change of a table
 * rebuilt for its column order that plan_reorders() chose. */
static bool
is_rebuild(const pg_ctx *c, const sd_change *ch)
{
    if (rekeys(ch))
        return true;
    const sd_object *t = ch->to == NULL                  ? NULL
                         : ch->to->kind == SD_KIND_TABLE ? ch->to
                                                         : ch->to->owner;
    return t != NULL && t->kind == SD_KIND_TABLE && c->reorder_at[t->index] == ch;
}

/* The tables (from_side: of "from") a rebuild change rebuilds. */
static const sd_object *
rebuild_table(const pg_ctx *c, const sd_change *ch, bool from_side)
{
    if (rekeys(ch))
        return from_side ? ch->from : ch->to;
    const sd_object *t = ch->to->kind == SD_KIND_TABLE ? ch->to : ch->to->owner;
    return from_side && t != NULL ? c->reorder_from[t->index] : t; /* t: is_rebuild() */
}

/* The "from" table a quoted qualified name names, or NULL. */
static const sd_object *
from_table_by_sql(pg_ctx *c, const char *sql)
{
    size_t n = 0;
    const sd_object *const *ts = sd_model_objects(c->from, SD_KIND_TABLE, &n);
    for (size_t i = 0; i < n && sql != NULL; i++) {
        sd_buf b = SD_BUF_INIT;
        sd_sql_qualified(&b, PGE, ts[i]->schema, ts[i]->name);
        bool hit = !sd_buf_failed(&b) && streq(sd_buf_cstr(&b), sql);
        if (sd_buf_failed(&b))
            sd_writer_nomem(&c->w);
        sd_buf_dispose(&b);
        if (hit)
            return ts[i];
    }
    return NULL;
}

/* A "from" table that goes with a rebuild: what depends on it and its columns is rebuilt,
 * foreign keys to it are dropped and added again around it. */
static void
rekey_from(pg_ctx *c, const sd_object *t)
{
    c->rekey[t->index] = c->key_gone[t->index] = c->gone[SD_KIND_TABLE][t->index] = true;
    size_t n = 0;
    const sd_object *const *cols = sd_model_children(c->from, t, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++)
        mark_column_gone(c, cols[i]);
    const sd_object *const *fks = sd_model_children(c->from, t, SD_KIND_FOREIGN_KEY, &n);
    for (size_t i = 0; i < n; i++)
        c->rdrop[SD_KIND_FOREIGN_KEY][fks[i]->index] = true;
}

static const sd_object *change_table(const sd_change *ch, bool from_side);

/* Whether table t of m (c->from or c->to) has INHERITS parents or children. */
static bool
in_inheritance(pg_ctx *c, const sd_model *m, const sd_object *t)
{
    if (t->v[SD_TABLE_INHERITS].names.len > 0)
        return true;
    size_t n = 0;
    const sd_object *const *ts = sd_model_objects(m, SD_KIND_TABLE, &n);
    for (size_t i = 0; i < n; i++) {
        const sd_names *in = &ts[i]->v[SD_TABLE_INHERITS].names;
        for (size_t j = 0; j < in->len; j++) {
            const sd_object *p = m == c->from ? from_table_by_sql(c, in->items[j])
                                              : sd_emit__pg_table_by_sql(c, in->items[j]);
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
plan_reorders(pg_ctx *c)
{
    size_t n = sd_changelist_count(c->cl);
    for (size_t i = 0; i < n; i++) {
        const sd_change *ch = sd_changelist_at(c->cl, i);
        if (ch->kind != SD_KIND_COLUMN || ch->op != SD_OP_ALTER || (ch->flags & SD_CHG_NOTE_ONLY) ||
            !(ch->fields & FBIT(SD_COLUMN_POSITION)))
            continue;
        const sd_object *ft = ch->from->owner;
        const sd_object *tt = ch->to->owner;
        if (ft == NULL || tt == NULL || ft->v[SD_TABLE_PARTITION_OF].s != NULL ||
            tt->v[SD_TABLE_PARTITION_OF].s != NULL || in_inheritance(c, c->from, ft) ||
            in_inheritance(c, c->to, tt))
            continue;
        c->reorder_from[tt->index] = ft;
    }
    for (size_t i = 0; i < n; i++) {
        const sd_change *ch = sd_changelist_at(c->cl, i);
        const sd_object *tt = change_table(ch, false);
        if (tt == NULL || tt->kind != SD_KIND_TABLE || c->reorder_from[tt->index] == NULL ||
            ch->op == SD_OP_DROP || (ch->flags & (SD_CHG_NOTE_ONLY | SD_CHG_DEFERRED)))
            continue;
        if (rekeys(ch))
            c->reorder_from[tt->index] = NULL; /* rebuilt anyway, in "to" order */
        else
            c->reorder_at[tt->index] = ch;
    }
    for (size_t i = 0; i < sd_model_count(c->to, SD_KIND_TABLE); i++)
        if (c->reorder_from[i] == NULL)
            c->reorder_at[i] = NULL;
}

/*
 * PostgreSQL cannot change a partition key: the table is rebuilt (sd_emit__pg_rebuild_*), as
 * are tables whose columns change place (plan_reorders()).
 * Its partitions go with it, and "to"'s partitions of it are created with it, at its change
 * (their own changes are skipped); their foreign keys and policies come in the post phase.
 */
static void
plan_rebuilds(pg_ctx *c)
{
    size_t n = sd_changelist_count(c->cl);
    size_t nf = sd_model_count(c->from, SD_KIND_TABLE);
    size_t nt = sd_model_count(c->to, SD_KIND_TABLE);
    size_t at = 0;
    plan_reorders(c);
    for (size_t i = 0; i < n; i++) {
        const sd_change *ch = sd_changelist_at(c->cl, i);
        if (!is_rebuild(c, ch))
            continue;
        rekey_from(c, rebuild_table(c, ch, true));
        c->rebuilt[rebuild_table(c, ch, false)->index] = true;
        at = i + 1;
    }
    for (bool grew = at > 0; grew;) {
        grew = false;
        for (size_t i = 0; i < nf && c->w.rc == SD_OK; i++) {
            const sd_object *t = sd_model_at(c->from, SD_KIND_TABLE, i);
            const sd_object *p =
                c->rekey[i] ? NULL : from_table_by_sql(c, t->v[SD_TABLE_PARTITION_OF].s);
            if (p != NULL && c->rekey[p->index]) {
                rekey_from(c, t);
                grew = true;
            }
        }
    }
    /* A table of "from" that stays and becomes a partition is attached at its change. */
    for (bool grew = at > 0; grew;) {
        grew = false;
        for (size_t i = 0; i < nt; i++) {
            const sd_object *t = sd_model_at(c->to, SD_KIND_TABLE, i);
            const char *parent = t->v[SD_TABLE_PARTITION_OF].s;
            const sd_object *p = parent != NULL ? sd_emit__pg_table_by_sql(c, parent) : NULL;
            const sd_object *old = counterpart(c->from, t);
            if (!c->rebuilt[i] && p != NULL && c->rebuilt[p->index] &&
                (old == NULL || c->rekey[old->index]))
                c->rebuilt[i] = grew = true;
        }
    }
    for (size_t i = 0; i < nt && at > 0; i++) {
        if (!c->rebuilt[i])
            continue;
        seed_new_table(c, sd_model_at(c->to, SD_KIND_TABLE, i));
        bump(&c->last[SD_KIND_TABLE][i], at); /* exists only once the rebuild ran */
    }
}

/* The table a change is about: the table itself, or the owner of a column, constraint or
 * policy (NULL for other kinds). */
static const sd_object *
change_table(const sd_change *ch, bool from_side)
{
    const sd_object *o = from_side ? ch->from : ch->to;
    if (o == NULL)
        return NULL;
    return o->kind == SD_KIND_TABLE ? o : o->owner;
}

static bool
in_rekeyed(const pg_ctx *c, const sd_object *from_t)
{
    return from_t != NULL && from_t->kind == SD_KIND_TABLE && c->rekey[from_t->index];
}

/* Late-phase drops that depend on something dropped earlier go early, before it. */
static void
plan_early(pg_ctx *c)
{
    size_t n = sd_changelist_count(c->cl);
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t i = 0; i < n; i++) {
            const sd_change *ch = sd_changelist_at(c->cl, i);
            const sd_object *o = ch->from;
            if (ch->op != SD_OP_DROP || !sd_plan_pg_rule(ch->kind)->late_drop ||
                c->early[ch->kind][o->index])
                continue;
            for (size_t d = 0; d < o->ndeps && !c->early[ch->kind][o->index]; d++) {
                const sd_object *dep = sd_model_find_ref(c->from, &o->deps[d]);
                if (dep != NULL && goes_before_late(c, dep))
                    c->early[ch->kind][o->index] = grew = true;
            }
        }
    }
}

/* ---- planning: the order of planned creates ---- */

static size_t
last_of(const pg_ctx *c, const sd_object *d)
{
    return d->owner != NULL ? c->last[SD_KIND_TABLE][d->owner->index] : c->last[d->kind][d->index];
}

/* A "to" object o depends on: its i-th dependency, or (i == ndeps) its relation. A view
 * written as a stub first (its query put off) waits only for its schema and column types. */
static const sd_object *
to_dep(const pg_ctx *c, const sd_object *o, size_t i)
{
    if (i < o->ndeps) {
        const sd_object *d = sd_model_find_ref(c->to, &o->deps[i]);
        if (d != NULL && o->kind == SD_KIND_VIEW && d->kind > SD_KIND_RANGE &&
            sd_emit__pg_deferred(c, o))
            return NULL;
        return d;
    }
    return relation_of(c->to, o);
}

static bool
pending_obj(const pg_ctx *c, const sd_object *d)
{
    return d != NULL && (is_planned(d->kind) || d->kind == SD_KIND_FUNCTION) &&
           d->kind != SD_KIND_FOREIGN_KEY && c->rcreate[d->kind][d->index];
}

/* The step after which o's own and its dependencies' changes are written. */
static size_t
ready_of(const pg_ctx *c, const sd_object *o)
{
    size_t ready = c->last[o->kind][o->index];
    for (size_t i = 0; i <= o->ndeps; i++) {
        const sd_object *d = to_dep(c, o, i);
        if (d != NULL)
            bump(&ready, last_of(c, d));
    }
    return ready;
}

/* The planned create of a "to" object as a node of the sort, or NOT_FOUND. */
static size_t
pending_node(const pg_ctx *c, const sd_object *d)
{
    return pending_obj(c, d) ? c->slot[d->kind][d->index] : NOT_FOUND;
}

/* A failure of util/topo.h (out of memory) as the emitter's. */
static void
topo_failed(pg_ctx *c, sd_status rc, const sd_err *err)
{
    if (rc == SD_ERR_NOMEM)
        sd_writer_nomem(&c->w);
    else
        sd_writer_fail(&c->w, rc, NULL, "%s", err->msg);
}

/* Marks functions' nodes and, transitively, what they depend on (todo: room for every node). */
static void
mark_functions_deps(const pg_ctx *c,
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
sort_pending(const pg_ctx *c,
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

/*
 * Planned creates (c->pending, in dependency order): functions rebuilt unchanged
 * (plan_callers()) and what they depend on first, so that restored defaults and constraints
 * can wait for them (plan_restore()), then views..triggers, by kind then index, each right
 * after what it depends on (util/topo.h, sd_topo_pull). A loop (none is expected:
 * diff/order.c breaks them) is cut at its first object, as a depth-first visit would.
 */
static void
order_pending(pg_ctx *c)
{
    static const sd_kind STMTS[] = { SD_KIND_FUNCTION, SD_KIND_VIEW, SD_KIND_MATVIEW, SD_KIND_INDEX,
                                     SD_KIND_TRIGGER };
    size_t total = 0;
    for (size_t k = 0; k < SD_ARRAY_LEN(STMTS); k++) {
        for (size_t i = 0; i < sd_model_count(c->to, STMTS[k]); i++)
            if (c->rcreate[STMTS[k]][i])
                c->slot[STMTS[k]][i] = total++;
    }
    c->pending = sd_arena_array(c->scratch, const sd_object *, total + 1);
    c->ready_at = sd_arena_array(c->scratch, size_t, total + 1);
    const sd_object **obj = sd_arena_array(c->scratch, const sd_object *, total + 1);
    bool *first = sd_arena_array(c->scratch, bool, total + 1); /* a function's or its deps' */
    size_t *todo = sd_arena_array(c->scratch, size_t, total + 1);
    if (c->pending == NULL || c->ready_at == NULL || obj == NULL || first == NULL || todo == NULL) {
        sd_writer_nomem(&c->w);
        return;
    }
    for (size_t k = 0; k < SD_ARRAY_LEN(STMTS); k++) {
        for (size_t i = 0; i < sd_model_count(c->to, STMTS[k]); i++)
            if (c->rcreate[STMTS[k]][i])
                obj[c->slot[STMTS[k]][i]] = sd_model_at(c->to, STMTS[k], i);
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
    for (size_t j = 0; j < n; j++)
        c->pending[j] = obj[order[j]];
    c->npending = n;
    /* Each entry's ready step from the others' last changes: for the functions' part before
     * a rebuilt function counts as existing from the step it is created at (and restored
     * defaults wait for it), for the rest after. */
    for (size_t j = 0; j < n; j++)
        if (first[order[j]])
            c->ready_at[j] = ready_of(c, c->pending[j]);
    for (size_t j = 0; j < n; j++)
        if (c->pending[j]->kind == SD_KIND_FUNCTION)
            bump(&c->last[SD_KIND_FUNCTION][c->pending[j]->index], c->ready_at[j]);
    plan_restore(c);
    for (size_t j = 0; j < n; j++)
        if (!first[order[j]])
            c->ready_at[j] = ready_of(c, c->pending[j]);
    sd_topo_dispose(&t);
}

static void
plan(pg_ctx *c)
{
    size_t n = sd_changelist_count(c->cl);
    for (size_t i = 0; i < n && c->w.rc == SD_OK; i++) {
        const sd_change *ch = sd_changelist_at(c->cl, i);
        if (!(ch->flags & SD_CHG_NOTE_ONLY))
            seed_change(c, ch, i + 1);
    }
    if (c->w.rc != SD_OK)
        return;
    plan_rebuilds(c);
    plan_functions(c);
    plan_callers(c);
    plan_unhook(c);
    cascade(c);
    plan_early(c);
    order_pending(c);
}

/* ---- phases ---- */

/*
 * New enum values. PostgreSQL cannot use a value in the transaction that adds it ("unsafe use
 * of new value"), so when the main transaction names one (its literal occurs in the text),
 * the values are committed first in a transaction of their own; otherwise they join the main
 * transaction and the script stays all-or-nothing. Before that first COMMIT, guards check
 * what the main transaction would refuse on data, so that a failure there never leaves the
 * values committed alone.
 */
static bool
uses_new_enum_value(pg_ctx *c, const sd_buf *main_sql)
{
    sd_buf lit = SD_BUF_INIT;
    bool used = false;
    for (size_t i = 0; i < c->nenum_adds && !used; i++) {
        const sd_names *f = &c->enum_adds[i]->v[SD_ENUM_VALUES].names;
        const sd_names *t = &c->enum_adds_to[i]->v[SD_ENUM_VALUES].names;
        for (size_t j = 0; j < t->len && !used; j++) {
            if (names_have(f, t->items[j]))
                continue;
            sd_buf_reset(&lit);
            sd_sql_literal(&lit, PGE, t->items[j]);
            used = sd_buf_failed(&lit) || strstr(sd_buf_cstr(main_sql), sd_buf_cstr(&lit)) != NULL;
        }
    }
    sd_buf_dispose(&lit);
    return used;
}

/* s into a RAISE format, whose % is the count's placeholder: a % of s is doubled. */
static void
raise_format(sd_buf *msg, const char *s)
{
    for (; *s != '\0'; s++) {
        if (*s == '%')
            sd_buf_putc(msg, '%');
        sd_buf_putc(msg, *s);
    }
}

/*
 * A DO block that raises, naming the object and the count, when the rows hold what the main
 * transaction would refuse (the preflight's check, emit_preflight.c). An optional check (a
 * CHECK's expression, which may name what the main transaction creates) that the server
 * cannot evaluate yet counts nothing: the main transaction's own error is all there is then.
 */
static void
guard_rows(pg_ctx *c, const sd_preflight *p)
{
    sd_emit__pg_step(c, &(sd_step){ .op = SD_STEP_GUARD,
                                    .kind = p->subject->kind,
                                    .from = p->subject,
                                    .why = SD_WHY_SCRIPT,
                                    .guard = p->guard,
                                    .txn = SD_TXN_ENUM_VALUES });
    sd_buf subject = SD_BUF_INIT;
    sd_buf msg = SD_BUF_INIT;
    sd_buf body = SD_BUF_INIT;
    sd_object_describe(&subject, p->subject);
    raise_format(&msg, sd_buf_cstr(&subject));
    sd_buf_appendf(&msg, " has %% %s ", p->many);
    raise_format(&msg, p->detail);
    sd_buf_append(&body, "\nDECLARE n bigint;\nBEGIN\n");
    if (p->optional) {
        sd_buf_append(&body, "    BEGIN\n        n := (");
        sd_buf_append(&body, p->query);
        sd_buf_append(&body, ");\n    EXCEPTION WHEN undefined_column OR undefined_function OR "
                             "undefined_table OR undefined_object THEN\n        n := 0;\n    "
                             "END;\n");
    } else {
        sd_buf_append(&body, "    n := (");
        sd_buf_append(&body, p->query);
        sd_buf_append(&body, ");\n");
    }
    sd_buf_append(&body, "    IF n > 0 THEN\n        RAISE EXCEPTION ");
    sd_sql_literal(&body, PGE, sd_buf_cstr(&msg));
    sd_buf_append(&body, ", n\n            USING HINT = ");
    sd_sql_literal(&body, PGE,
                   "Nothing was changed. Fix or delete those rows, then run the script again.");
    sd_buf_append(&body, ";\n    END IF;\nEND\n");
    if (sd_buf_failed(&subject) || sd_buf_failed(&msg) || sd_buf_failed(&body))
        sd_writer_nomem(&c->w);
    put(c, "-- guard: ");
    sd_writer_comment_text(&c->w, sd_buf_cstr(&subject));
    put(c, " holds no rows the main transaction refuses\nDO ");
    if (c->w.rc == SD_OK)
        sd_sql_dollar_body(c->w.out, sd_buf_cstr(&body));
    put(c, ";\n");
    sd_buf_dispose(&subject);
    sd_buf_dispose(&msg);
    sd_buf_dispose(&body);
}

/*
 * Guards for everything the main transaction refuses on data (NULLs, duplicates, orphans,
 * rows a CHECK fails), run before the enum values' COMMIT. Enum values that go have their
 * own guard in the preamble (emit_pg_rename.c).
 */
static void
emit_data_guards(pg_ctx *c)
{
    sd_preflight_list checks = SD_VEC_INIT;
    if (c->w.rc == SD_OK)
        c->w.rc = sd_emit__checks(c->cl, false, &checks, c->w.err);
    for (size_t i = 0; i < checks.len && c->w.rc == SD_OK; i++)
        if (checks.items[i].guard != SD_GUARD_ENUM_VALUE)
            guard_rows(c, &checks.items[i]);
    sd_preflight_list_dispose(&checks);
}

static void
emit_enum_values(pg_ctx *c, sd_txn_kind txn)
{
    for (size_t i = 0; i < c->nenum_adds; i++) {
        sd_emit__pg_step(c, &(sd_step){ .op = SD_STEP_ALTER,
                                        .kind = SD_KIND_ENUM,
                                        .from = c->enum_adds[i],
                                        .to = c->enum_adds_to[i],
                                        .fields = FBIT(SD_ENUM_VALUES),
                                        .why = SD_WHY_CHANGE,
                                        .txn = txn });
        sd_emit__pg_enum_add_values(c, c->enum_adds[i], c->enum_adds_to[i]);
    }
}

/* Session settings and transaction control: a step without an object. */
static void
setup_step(pg_ctx *c, sd_txn_kind txn)
{
    sd_emit__pg_step(c, &(sd_step){ .op = SD_STEP_SETUP, .why = SD_WHY_SCRIPT, .txn = txn });
}

static void
drop_unit(pg_ctx *c, const sd_object *from)
{
    if (from == NULL)
        return;
    sd_emit__pg_unit_begin(c, SD_STEP_DROP, from, NULL);
    sd_emit__pg_ops(from->kind)->drop(c, from);
    sd_emit__pg_unit_end(c);
}

/*
 * The prepare phase's stack: views and materialized views that go, objects dropped late by
 * kind (functions, types...) that depend on a relation dropped before the late phase (a
 * function returning a table's row type) and so go early, functions rebuilt for what they
 * call, and the columns, constraints and policies detached from such functions (unhook).
 * Dependents first.
 */
static bool
in_stack(const pg_ctx *c, const sd_object *o)
{
    if (c->unhook[o->kind][o->index])
        return true;
    if (o->kind == SD_KIND_VIEW || o->kind == SD_KIND_MATVIEW)
        return c->rdrop[o->kind][o->index];
    return c->early[o->kind][o->index];
}

typedef struct drop_stack {
    const sd_object **items;     /* members, in canonical then change-list order */
    size_t len;                  /* members */
    size_t *pos[SD_KIND__COUNT]; /* per "from" object: its member index, or NOT_FOUND */
} drop_stack;

/* The member a dependency of o names, or NOT_FOUND. */
static size_t
stack_dep(const pg_ctx *c, const drop_stack *st, const sd_object *o, size_t d)
{
    const sd_object *dep = sd_model_find_ref(c->from, &o->deps[d]);
    return dep != NULL ? st->pos[dep->kind][dep->index] : NOT_FOUND;
}

static void
stack_drop(pg_ctx *c, const sd_object *o)
{
    if (o->kind != SD_KIND_COLUMN) {
        drop_unit(c, o);
        return;
    }
    /* Detached from a function dropped and created: a generated column goes, a default is
     * dropped; both come back once the function exists again. */
    sd_emit__pg_unit_begin(c, c->readd_late[o->index] ? SD_STEP_DROP : SD_STEP_ALTER, o, NULL);
    sd_emit__pg_unhook_column(c, o, c->readd_late[o->index]);
    sd_emit__pg_unit_end(c);
}

/* Members in member order, each right after its dependents (util/topo.h, sd_topo_pull). A
 * loop is cut at its first member, as a depth-first visit would. */
static void
stack_drop_all(pg_ctx *c, const drop_stack *st)
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
    for (size_t i = 0; i < n && rc == SD_OK; i++)
        stack_drop(c, st->items[order[i]]);
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
drop_stack_all(pg_ctx *c)
{
    drop_stack st = { 0 };
    static const sd_kind UNHOOK[] = { SD_KIND_FUNCTION, SD_KIND_COLUMN, SD_KIND_CHECK,
                                      SD_KIND_EXCLUSION, SD_KIND_POLICY };
    size_t total = sd_changelist_count(c->cl) + sd_model_count(c->from, SD_KIND_VIEW) +
                   sd_model_count(c->from, SD_KIND_MATVIEW);
    for (size_t k = 0; k < SD_ARRAY_LEN(UNHOOK); k++)
        total += sd_model_count(c->from, UNHOOK[k]);
    st.items = sd_arena_array(c->scratch, const sd_object *, total + 1);
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        size_t n = sd_model_count(c->from, (sd_kind)k);
        st.pos[k] = sd_arena_array(c->scratch, size_t, n + 1);
        for (size_t i = 0; st.pos[k] != NULL && i <= n; i++)
            st.pos[k][i] = NOT_FOUND;
    }
    if (st.items == NULL || sd_arena_failed(c->scratch)) {
        sd_writer_nomem(&c->w);
        return;
    }
    static const sd_kind VIEWS[] = { SD_KIND_VIEW, SD_KIND_MATVIEW };
    for (size_t k = 0; k < SD_ARRAY_LEN(VIEWS); k++) {
        for (size_t i = 0; i < sd_model_count(c->from, VIEWS[k]); i++)
            if (c->rdrop[VIEWS[k]][i])
                stack_add(&st, sd_model_at(c->from, VIEWS[k], i));
    }
    for (size_t i = 0; i < sd_changelist_count(c->cl); i++) {
        const sd_change *ch = sd_changelist_at(c->cl, i);
        bool fn = ch->op == SD_OP_ALTER && ch->kind == SD_KIND_FUNCTION; /* plan_functions() */
        if ((ch->op == SD_OP_DROP || fn) && in_stack(c, ch->from) && !is_planned(ch->kind))
            stack_add(&st, ch->from);
    }
    for (size_t k = 0; k < SD_ARRAY_LEN(UNHOOK); k++) {
        for (size_t i = 0; i < sd_model_count(c->from, UNHOOK[k]); i++) {
            const sd_object *o = sd_model_at(c->from, UNHOOK[k], i);
            const sd_object *to = UNHOOK[k] == SD_KIND_FUNCTION ? counterpart(c->to, o) : NULL;
            /* A function rebuilt unchanged (plan_callers()) has no change to drop it. */
            if (c->unhook[UNHOOK[k]][i] ||
                (to != NULL && c->early[UNHOOK[k]][i] && c->rcreate[UNHOOK[k]][to->index]))
                stack_add(&st, o);
        }
    }
    stack_drop_all(c, &st);
}

/* Whether a sequence's OWNED BY names a column of a table that a rebuild drops. */
static bool
owned_by_rekeyed(pg_ctx *c, const sd_model *m, const char *owned_by)
{
    size_t n = 0;
    const sd_object *const *ts = sd_model_objects(m, SD_KIND_TABLE, &n);
    bool hit = false;
    for (size_t i = 0; i < n && owned_by != NULL && !hit; i++) {
        bool rb = m == c->from ? c->rekey[i] : c->rebuilt[i];
        if (!rb)
            continue;
        sd_buf b = SD_BUF_INIT;
        sd_sql_qualified(&b, PGE, ts[i]->schema, ts[i]->name);
        sd_buf_putc(&b, '.');
        hit = !sd_buf_failed(&b) && strncmp(owned_by, sd_buf_cstr(&b), b.len) == 0 &&
              strchr(owned_by + b.len, '.') == NULL;
        if (sd_buf_failed(&b))
            sd_writer_nomem(&c->w);
        sd_buf_dispose(&b);
    }
    return hit;
}

/* OWNED BY of sequences of a rebuilt table's columns that the change list leaves alone: NONE
 * before the rebuild (DROP TABLE would take them), set again after (m: which side). */
static void
rebuild_owned_by(pg_ctx *c, const sd_model *m)
{
    bool any = false;
    for (size_t i = 0; i < sd_changelist_count(c->cl) && !any; i++)
        any = is_rebuild(c, sd_changelist_at(c->cl, i));
    if (!any)
        return;
    size_t n = 0;
    const sd_object *const *seqs = sd_model_objects(m, SD_KIND_SEQUENCE, &n);
    for (size_t i = 0; i < n; i++) {
        const char *ob = seqs[i]->v[SD_SEQUENCE_OWNED_BY].s;
        const sd_change *ch = sd_changelist_find(c->cl, seqs[i]);
        if ((ch != NULL && (ch->op != SD_OP_ALTER || (ch->fields & FBIT(SD_SEQUENCE_OWNED_BY)))) ||
            !owned_by_rekeyed(c, m, ob))
            continue;
        sd_emit__pg_unit_begin(c, SD_STEP_ALTER, m == c->from ? seqs[i] : NULL,
                               m == c->from ? NULL : seqs[i]);
        sd_emit__pg_sequence_owned_by(c, seqs[i], m == c->from ? NULL : ob);
        sd_emit__pg_unit_end(c);
    }
}

/* Rows of rebuilt tables saved, the tables dropped (after what depends on them). */
static void
emit_rebuild_saves(pg_ctx *c)
{
    size_t n = sd_changelist_count(c->cl);
    rebuild_owned_by(c, c->from);
    for (size_t i = 0; i < n; i++) {
        const sd_change *ch = sd_changelist_at(c->cl, i);
        if (!is_rebuild(c, ch))
            continue;
        const sd_object *ft = rebuild_table(c, ch, true);
        const sd_object *tt = rebuild_table(c, ch, false);
        sd_emit__pg_unit_begin(c, SD_STEP_REBUILD, ft, tt);
        sd_emit__pg_rebuild_save(c, ft, tt);
        sd_emit__pg_unit_end(c);
    }
}

/* The rebuilt table of ch created anew with its partitions, its rows put back. */
static void
emit_rebuild(pg_ctx *c, const sd_change *ch)
{
    const sd_object *to_t = rebuild_table(c, ch, false);
    sd_emit__pg_create_table(c, to_t);
    size_t nt = sd_model_count(c->to, SD_KIND_TABLE);
    for (size_t i = 0; i < nt; i++) {
        const sd_object *t = sd_model_at(c->to, SD_KIND_TABLE, i);
        const sd_object *root = t;
        for (size_t depth = 0; root != NULL && root != to_t && depth < nt; depth++) {
            const char *p = root->v[SD_TABLE_PARTITION_OF].s;
            root = p != NULL ? sd_emit__pg_table_by_sql(c, p) : NULL;
        }
        if (c->rebuilt[i] && root == to_t)
            sd_emit__pg_create_table(c, t); /* a partition of it, parents first */
    }
    sd_emit__pg_rebuild_restore(c, rebuild_table(c, ch, true), to_t);
}

static void
emit_prepare(pg_ctx *c)
{
    size_t n = sd_changelist_count(c->cl);
    size_t nt = sd_model_count(c->to, SD_KIND_TABLE);
    for (size_t i = 0; i < nt; i++) {
        sd_change re = { .op = SD_OP_ALTER, .kind = SD_KIND_TABLE };
        re.to = sd_model_at(c->to, SD_KIND_TABLE, i);
        re.from = counterpart(c->from, re.to);
        if (re.from == NULL || c->rekey[re.from->index] ||
            !sd_emit__pg_reinherits(c, re.from, re.to))
            continue;
        re.fields = FBIT(SD_TABLE_INHERITS);
        sd_emit__pg_unit_begin(c, SD_STEP_ALTER, re.from, re.to);
        sd_emit__pg_reinherit(c, &re);
        sd_emit__pg_unit_end(c);
    }
    for (size_t i = 0; i < n; i++) {
        const sd_change *ch = sd_changelist_at(c->cl, i);
        if (ch->kind == SD_KIND_TABLE && ch->op == SD_OP_ALTER &&
            (ch->fields & FBIT(SD_TABLE_INHERITS))) {
            sd_emit__pg_unit_begin(c, SD_STEP_ALTER, ch->from, ch->to);
            sd_emit__pg_no_inherit(c, ch);
            sd_emit__pg_unit_end(c);
        }
        if (ch->kind != SD_KIND_SEQUENCE || ch->from == NULL ||
            ch->from->v[SD_SEQUENCE_OWNED_BY].s == NULL ||
            (ch->op == SD_OP_ALTER && !(ch->fields & FBIT(SD_SEQUENCE_OWNED_BY))))
            continue;
        sd_emit__pg_unit_begin(c, SD_STEP_ALTER, ch->from, NULL);
        sd_emit__pg_sequence_owned_by(c, ch->from, NULL);
        sd_emit__pg_unit_end(c);
    }
    static const sd_kind FIRST[] = { SD_KIND_FOREIGN_KEY, SD_KIND_TRIGGER, SD_KIND_INDEX };
    for (size_t k = 0; k < SD_ARRAY_LEN(FIRST); k++) {
        for (size_t i = 0; i < sd_model_count(c->from, FIRST[k]); i++)
            if (c->rdrop[FIRST[k]][i])
                drop_unit(c, sd_model_at(c->from, FIRST[k], i));
    }
    drop_stack_all(c);
    emit_rebuild_saves(c);
}

/*
 * A constraint or policy ALTER carried out by dropping and adding it: the drop runs with the
 * other drops, before the column changes (a column in an old primary key cannot lose NOT
 * NULL, nor a column a policy uses change type, while they exist).
 */
static bool
owned_recreate(const pg_ctx *c, const sd_change *ch)
{
    return ch->op == SD_OP_ALTER && ch->from != NULL &&
           sd_kind_get(ch->kind)->owner == SD_KIND_TABLE && ch->kind != SD_KIND_COLUMN &&
           !sd_plan_pg_rule(ch->kind)->planned && sd_emit__pg_recreates(c, ch);
}

/* Drops of owned objects and tables: constraints and policies, then columns, then tables. */
static void
emit_drops(pg_ctx *c)
{
    static const unsigned PASS[] = {
        (1u << SD_KIND_PRIMARY_KEY) | (1u << SD_KIND_UNIQUE) | (1u << SD_KIND_CHECK) |
            (1u << SD_KIND_EXCLUSION) | (1u << SD_KIND_POLICY),
        1u << SD_KIND_COLUMN,
        1u << SD_KIND_TABLE,
    };
    static const sd_kind REBUILT[] = { SD_KIND_POLICY, SD_KIND_CHECK, SD_KIND_EXCLUSION };
    for (size_t k = 0; k < SD_ARRAY_LEN(REBUILT); k++) {
        for (size_t i = 0; i < sd_model_count(c->from, REBUILT[k]); i++) {
            if (c->rdrop[REBUILT[k]][i] && !c->unhook[REBUILT[k]][i] &&
                !in_rekeyed(c, sd_model_at(c->from, REBUILT[k], i)->owner))
                drop_unit(c, sd_model_at(c->from, REBUILT[k], i));
        }
    }
    size_t n = sd_changelist_count(c->cl);
    for (size_t p = 0; p < SD_ARRAY_LEN(PASS); p++) {
        for (size_t i = 0; i < n; i++) {
            const sd_change *ch = sd_changelist_at(c->cl, i);
            if (!(PASS[p] & (1u << ch->kind)) ||
                (ch->from != NULL && c->rdrop[ch->kind][ch->from->index]) ||
                in_rekeyed(c, change_table(ch, true)))
                continue; /* ... or gone with a rebuilt table */
            if (ch->op == SD_OP_DROP ||
                (owned_recreate(c, ch) && !c->swept[ch->kind][ch->from->index]))
                drop_unit(c, ch->from);
            if (p == 1 && ch->kind == SD_KIND_COLUMN) {
                sd_emit__pg_unit_begin(c, SD_STEP_ALTER, ch->from, ch->to);
                sd_emit__pg_drop_identity(c, ch);
                sd_emit__pg_unit_end(c);
            }
        }
        for (size_t i = 0; p == 1 && i < sd_model_count(c->from, SD_KIND_COLUMN); i++) {
            if (!c->readd_late[i] || c->unhook[SD_KIND_COLUMN][i] ||
                in_rekeyed(c, sd_model_at(c->from, SD_KIND_COLUMN, i)->owner))
                continue; /* ... or dropped in the prepare phase */
            sd_emit__pg_unit_begin(c, SD_STEP_DROP, sd_model_at(c->from, SD_KIND_COLUMN, i), NULL);
            sd_emit__pg_drop_readd_column(c, sd_model_at(c->from, SD_KIND_COLUMN, i));
            sd_emit__pg_unit_end(c);
        }
    }
}

static void
emit_late_drops(pg_ctx *c)
{
    size_t n = sd_changelist_count(c->cl);
    for (size_t i = 0; i < n; i++) {
        const sd_change *ch = sd_changelist_at(c->cl, i);
        if (ch->op == SD_OP_DROP && sd_plan_pg_rule(ch->kind)->late_drop &&
            !c->early[ch->kind][ch->from->index] &&
            !(ch->kind == SD_KIND_SEQUENCE && c->seq_dropped[ch->from->index]))
            drop_unit(c, ch->from);
    }
}

static bool
pending_ready(const pg_ctx *c, size_t j)
{
    const sd_object *o = c->pending[j];
    if (c->ready_at[j] > c->done)
        return false;
    for (size_t i = 0; i <= o->ndeps; i++) {
        const sd_object *d = to_dep(c, o, i);
        if (pending_obj(c, d) && !c->created[d->kind][d->index])
            return false;
    }
    return true;
}

/* Create every planned function (fns), or view, matview, index and trigger, whose
 * dependencies are written (all of them when force). */
static void
flush_pending(pg_ctx *c, bool fns, bool force)
{
    for (size_t j = 0; j < c->npending && c->w.rc == SD_OK; j++) {
        const sd_object *o = c->pending[j];
        if (c->created[o->kind][o->index] || (!force && !pending_ready(c, j)) ||
            fns != (o->kind == SD_KIND_FUNCTION))
            continue;
        c->created[o->kind][o->index] = true;
        sd_emit__pg_unit_begin(c, SD_STEP_CREATE, NULL, o);
        sd_emit__pg_create_planned(c, o);
        sd_emit__pg_unit_end(c);
    }
}

static void
handle_create(pg_ctx *c, const sd_change *ch)
{
    const sd_object *to = ch->to;
    if (c->rcreate[ch->kind][to->index] || c->created[ch->kind][to->index])
        return; /* created by the plan (a re-added constraint) or already (a parent table) */
    sd_emit__pg_ops(ch->kind)->create(c, to);
}

static void
handle_alter(pg_ctx *c, const sd_change *ch)
{
    const pg_ops *ops = sd_emit__pg_ops(ch->kind);
    if ((ch->kind == SD_KIND_POLICY || ch->kind == SD_KIND_CHECK ||
         ch->kind == SD_KIND_EXCLUSION) &&
        c->rcreate[ch->kind][ch->to->index])
        return; /* rebuilt around a column change, as it is in "to" */
    if (ch->kind == SD_KIND_COLUMN && c->readd_late[ch->from->index])
        return; /* added again, as it is in "to", after its table's last change */
    if (sd_emit__pg_recreates(c, ch)) {
        if (ops->recreate != NULL) {
            ops->recreate(c, ch);
            return;
        }
        if (!owned_recreate(c, ch) && !c->early[ch->kind][ch->from->index])
            ops->drop(c, ch->from);
        if (!c->rcreate[ch->kind][ch->to->index])
            ops->create(c, ch->to);
        return;
    }
    if (ops->alter != NULL)
        ops->alter(c, ch);
    if (!(ch->kind == SD_KIND_COLUMN && c->readd[ch->from->index]))
        sd_emit__pg_alter_extras(c, ch);
}

/* Whether what the "to" generated column g reads and depends on is written: the changes of
 * the columns its expression names and of its other dependencies are done. */
static bool
readd_ready(const pg_ctx *c, const sd_object *g)
{
    size_t n = 0;
    const sd_object *const *cols = sd_model_children(c->to, g->owner, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++) {
        if (cols[i] != g && c->last[SD_KIND_COLUMN][cols[i]->index] > c->done &&
            sd_emit__pg_has_word(g->v[SD_COLUMN_GENERATED].sql.text, cols[i]->name))
            return false;
    }
    for (size_t i = 0; i < g->ndeps; i++) {
        const sd_object *d = to_dep(c, g, i);
        if (d != NULL && c->last[d->kind][d->index] > c->done)
            return false;
    }
    return true;
}

/*
 * Before new column col is added: the generated columns dropped for its table that come
 * before it in "to" are added again now if they can be, so that they keep their place
 * relative to the new columns (PostgreSQL adds columns last). Their constraints still come
 * with the others in readd_generated().
 */
static void
readd_generated_before(pg_ctx *c, const sd_object *col)
{
    const sd_object *tt = col->owner;
    if (tt == NULL || !c->readd_table[tt->index] || col->v[SD_COLUMN_INHERITED].b)
        return;
    size_t n = 0;
    const sd_object *const *cols = sd_model_children(c->to, tt, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n && cols[i] != col; i++) {
        const sd_object *f = counterpart(c->from, cols[i]);
        if (f == NULL || !c->readd_late[f->index] || c->created[SD_KIND_COLUMN][cols[i]->index] ||
            !readd_ready(c, cols[i]))
            continue;
        c->created[SD_KIND_COLUMN][cols[i]->index] = true;
        sd_emit__pg_create_column(c, cols[i]);
    }
}

static void
handle_change(pg_ctx *c, const sd_change *ch)
{
    if (ch->op == SD_OP_DROP || (ch->flags & SD_CHG_NOTE_ONLY))
        return;
    if (ch->flags & SD_CHG_DEFERRED) {
        /* The part of a new object a dependency loop put off: its default, CHECKs, query. */
        sd_emit__pg_unit_begin(c, SD_STEP_ALTER, NULL, ch->to);
        c->unit_step.fields = ch->fields;
        sd_emit__pg_create_deferred(c, ch);
        sd_emit__pg_unit_end(c);
        return;
    }
    const sd_object *tt = change_table(ch, false);
    bool fresh = tt != NULL && tt->kind == SD_KIND_TABLE && c->rebuilt[tt->index];
    bool rebuild = is_rebuild(c, ch);
    if (!rebuild && (fresh || in_rekeyed(c, change_table(ch, true)))) {
        /* Created by a rebuild as in "to"; or a partition a rebuild dropped that leaves its
         * parent: created again (its rows went to the parent's new partitions). */
        if (!fresh && ch->kind == SD_KIND_TABLE) {
            sd_emit__pg_unit_begin(c, SD_STEP_CREATE, NULL, ch->to);
            sd_emit__pg_create_table(c, ch->to);
            sd_emit__pg_unit_end(c);
        }
        return;
    }
    static const sd_step_op OPS[] = { [SD_OP_CREATE] = SD_STEP_CREATE,
                                      [SD_OP_DROP] = SD_STEP_DROP,
                                      [SD_OP_ALTER] = SD_STEP_ALTER };
    if (rebuild) {
        sd_emit__pg_unit_begin(c, SD_STEP_REBUILD, rebuild_table(c, ch, true),
                               rebuild_table(c, ch, false));
        c->unit_step.fields = ch->kind == SD_KIND_TABLE ? ch->fields : 0;
    } else {
        sd_emit__pg_unit_begin(c, OPS[ch->op], ch->from, ch->to);
        c->unit_step.fields = ch->fields;
    }
    if (rebuild) {
        emit_rebuild(c, ch);
    } else if (is_planned(ch->kind)) {
        /* Creates and rebuilds are planned; what is left is an in-place ALTER. */
        if (ch->op == SD_OP_ALTER && !c->rcreate[ch->kind][ch->to->index]) {
            const pg_ops *ops = sd_emit__pg_ops(ch->kind);
            if (ops->alter != NULL)
                ops->alter(c, ch);
            sd_emit__pg_alter_extras(c, ch);
        }
    } else if (ch->op == SD_OP_CREATE) {
        if (ch->kind == SD_KIND_COLUMN)
            readd_generated_before(c, ch->to);
        handle_create(c, ch);
    } else {
        handle_alter(c, ch);
    }
    sd_emit__pg_unit_end(c);
}

/*
 * The generated columns dropped for a table are added again, and the defaults dropped set
 * again, once everything before its last change is written (force: whatever is left, in the
 * post phase).
 */
static void
readd_generated(pg_ctx *c, bool force)
{
    size_t nt = sd_model_count(c->to, SD_KIND_TABLE);
    for (size_t t = 0; t < nt && c->readd_any; t++) {
        const sd_object *tt = sd_model_at(c->to, SD_KIND_TABLE, t);
        if (!c->readd_table[t] || (!force && c->last[SD_KIND_TABLE][t] > c->done))
            continue;
        c->readd_table[t] = false;
        size_t n = 0;
        const sd_object *const *cols = sd_model_children(c->to, tt, SD_KIND_COLUMN, &n);
        sd_emit__pg_unit_begin(c, SD_STEP_CREATE, NULL, tt);
        for (size_t i = 0; i < n; i++) {
            const sd_object *f = counterpart(c->from, cols[i]);
            if (f != NULL && c->readd_late[f->index] && !c->created[SD_KIND_COLUMN][cols[i]->index])
                sd_emit__pg_create_column(c, cols[i]);
        }
        for (size_t i = 0; i < n; i++) {
            const sd_object *f = counterpart(c->from, cols[i]);
            if (f != NULL && c->redefault[f->index])
                sd_emit__pg_set_default(c, cols[i]);
        }
        sd_emit__pg_readd_constraints(c, tt);
        sd_emit__pg_unit_end(c);
    }
}

static void
emit_main(pg_ctx *c)
{
    size_t n = sd_changelist_count(c->cl);
    c->done = 0;
    flush_pending(c, true, false);
    flush_pending(c, false, false);
    for (size_t i = 0; i < n && c->w.rc == SD_OK; i++) {
        handle_change(c, sd_changelist_at(c->cl, i));
        c->done = i + 1;
        flush_pending(c, true, false); /* functions that restored defaults may call */
        readd_generated(c, false);
        flush_pending(c, false, false);
    }
}

static void
emit_post(pg_ctx *c)
{
    flush_pending(c, true, true);
    readd_generated(c, true);
    flush_pending(c, false, true);
    static const sd_kind LATER[] = { SD_KIND_FOREIGN_KEY, SD_KIND_POLICY };
    for (size_t k = 0; k < SD_ARRAY_LEN(LATER); k++) {
        for (size_t i = 0; i < sd_model_count(c->to, LATER[k]); i++) {
            if (!c->rcreate[LATER[k]][i])
                continue;
            sd_emit__pg_unit_begin(c, SD_STEP_CREATE, NULL, sd_model_at(c->to, LATER[k], i));
            sd_emit__pg_ops(LATER[k])->create(c, sd_model_at(c->to, LATER[k], i));
            sd_emit__pg_unit_end(c);
        }
    }
    size_t n = sd_changelist_count(c->cl);
    for (size_t i = 0; i < n; i++) {
        const sd_change *ch = sd_changelist_at(c->cl, i);
        if (ch->kind == SD_KIND_TABLE && ch->op == SD_OP_ALTER &&
            (ch->fields & FBIT(SD_TABLE_INHERITS))) {
            sd_emit__pg_unit_begin(c, SD_STEP_ALTER, ch->from, ch->to);
            sd_emit__pg_drop_bridge(c, ch);
            sd_emit__pg_unit_end(c);
        }
        if (ch->kind != SD_KIND_SEQUENCE || ch->to == NULL ||
            ch->to->v[SD_SEQUENCE_OWNED_BY].s == NULL ||
            (ch->op == SD_OP_ALTER && !(ch->fields & FBIT(SD_SEQUENCE_OWNED_BY))))
            continue;
        sd_emit__pg_unit_begin(c, SD_STEP_ALTER, ch->from, ch->to);
        sd_emit__pg_sequence_owned_by(c, ch->to, ch->to->v[SD_SEQUENCE_OWNED_BY].s);
        sd_emit__pg_unit_end(c);
    }
    rebuild_owned_by(c, c->to);
}

/* ---- entry point ---- */

static const char HEADER[] = "SET check_function_bodies = false;\n"
                             "SET client_min_messages = warning;\n"
                             "SET standard_conforming_strings = on;\n"
                             "SELECT pg_catalog.set_config('search_path', '', false);\n";

sd_status
sd_emit__pg(sd_buf *out,
            const sd_changelist *cl,
            sd_plan *steps,
            const sd_emit_options *opts,
            sd_err *err)
{
    pg_ctx c = { 0 };
    (void)opts; /* quote_all_identifiers: util/sql.h has no such mode yet (see header) */
    c.cl = cl;
    c.from = sd_changelist_from(cl);
    c.to = sd_changelist_to(cl);
    c.script = out;
    c.w = (sd_writer){ .out = out, .err = err, .engine = PGE };
    c.scratch = sd_arena_new();
    if (c.scratch == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    setup(&c);
    if (c.w.rc == SD_OK)
        plan(&c);
    sd_plan *main_plan = NULL;
    if (c.w.rc == SD_OK)
        c.w.rc = sd_plan_new(&main_plan, cl, err);
    if (c.w.rc == SD_OK) {
        /* The main transaction first (its steps in a plan of their own), to learn whether it
         * uses a new enum value; then the script in order, the main part spliced in. */
        sd_buf main_sql = SD_BUF_INIT;
        c.script = c.w.out = &main_sql;
        c.plan = main_plan;
        emit_prepare(&c);
        emit_drops(&c);
        emit_main(&c);
        emit_post(&c);
        emit_late_drops(&c);
        c.script = c.w.out = out;
        c.plan = steps;
        setup_step(&c, SD_TXN_NONE);
        put(&c, HEADER);
        bool apart = c.nenum_adds > 0 && uses_new_enum_value(&c, &main_sql);
        c.txn = apart ? SD_TXN_ENUM_VALUES : SD_TXN_MAIN;
        setup_step(&c, c.txn);
        put(&c, "\nBEGIN;\n");
        sd_emit__pg_preamble(&c);
        if (apart)
            emit_data_guards(&c);
        emit_enum_values(&c, c.txn);
        if (apart) {
            setup_step(&c, SD_TXN_ENUM_VALUES);
            put(&c, "COMMIT;\n");
            setup_step(&c, SD_TXN_MAIN);
            put(&c, "\nBEGIN;\n");
        }
        c.txn = SD_TXN_MAIN;
        size_t base = out->len;
        for (size_t i = 0; i < sd_plan_count(main_plan) && c.w.rc == SD_OK; i++) {
            sd_step st = *sd_plan_at(main_plan, i);
            st.sql_start += base;
            c.w.rc = sd_plan_append(steps, &st, err);
        }
        if (c.w.rc == SD_OK)
            sd_buf_appendn(out, sd_buf_cstr(&main_sql), main_sql.len);
        setup_step(&c, SD_TXN_MAIN);
        put(&c, "\nCOMMIT;\n");
        if (sd_buf_failed(&main_sql))
            sd_writer_nomem(&c.w);
        sd_buf_dispose(&main_sql);
    }
    sd_plan_free(main_plan);
    if (c.w.rc == SD_OK && (sd_buf_failed(out) || sd_arena_failed(c.scratch)))
        sd_writer_nomem(&c.w);
    sd_buf_dispose(&c.unit);
    sd_map_dispose(&c.rel_by_sql);
    sd_arena_free(c.scratch);
    return c.w.rc;
}
