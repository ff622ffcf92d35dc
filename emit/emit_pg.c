/*
 * emit_pg.c: the PostgreSQL emitter. It writes, in phases, the change list and what the
 * plan (plan/plan_pg_plan.c, sd_plan_pg()) adds around it, for `psql -v ON_ERROR_STOP=1 -f`:
 *
 *   SET ...; set_config('search_path', '', false)   every name the model holds is qualified
 *   BEGIN; renames and guards against removing an enum value rows still hold (emit_pg_rename.c);
 *     when the main transaction uses a new enum value (PostgreSQL cannot use it in the
 *     transaction that adds it): the guards that refuse, before this COMMIT, what the main
 *     transaction would refuse on data; ALTER TYPE ... ADD VALUE ...; COMMIT; BEGIN;
 *   (else ALTER TYPE ... ADD VALUE ... here, in the one transaction)
 *   prepare: first the event triggers that go (dropped, recreated, or calling a function
 *     that is dropped and created) and those disabled (they fire on DDL: none may fire on the
 *     script's own); then sequences OWNED BY NONE (dropping their column would take them along), NO
 *     INHERIT for parents a table leaves; then every foreign key, trigger, index, cast, user
 *     mapping, publication, view and matview that goes or is rebuilt, dependents first: those
 *     the change list drops or changes, plus those that depend on a column that changes type
 *     or goes, on an enum, composite or range type that is recreated, on a function that is
 *     dropped and created, on a rebuilt view, and foreign keys that reference a key or unique index
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
 *   late drops: functions, sequences, types, servers, wrappers, extensions, schemas, in order
 *     (after the alters that stop using them);
 *   event triggers created (and enabled), and the other event trigger ALTERs, last;
 *   COMMIT;
 *
 * Nothing is dropped with CASCADE (the order makes it unnecessary), but a base type with its
 * own I/O functions (each depends on the other; see drop_base_type()). A statement that loses
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

/* ---- setup ---- */

static const sd_object *
counterpart(const sd_model *m, const sd_object *o)
{
    return sd_model_find_key(m, o->kind, o->key);
}

/* What the emitter tracks as it writes: what is created, what is added again. */
static void
setup(pg_ctx *c)
{
    for (size_t k = 0; k < SD_KIND__COUNT; k++)
        c->created[k] = sd_arena_array(c->scratch, bool, sd_model_count(c->to, (sd_kind)k) + 1);
    c->seq_dropped =
        sd_arena_array(c->scratch, bool, sd_model_count(c->from, SD_KIND_SEQUENCE) + 1);
    size_t nt = sd_model_count(c->to, SD_KIND_TABLE);
    c->readd_left = sd_arena_array(c->scratch, bool, nt + 1);
    if (c->readd_left != NULL)
        memcpy(c->readd_left, c->p->readd_table, (nt + 1) * sizeof *c->readd_left);
    if (sd_arena_failed(c->scratch))
        sd_writer_nomem(&c->w);
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
    for (size_t i = 0; i < c->p->nenum_adds && !used; i++) {
        const sd_names *f = &c->p->enum_adds[i]->v[SD_ENUM_VALUES].names;
        const sd_names *t = &c->p->enum_adds_to[i]->v[SD_ENUM_VALUES].names;
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
                                    .txn = c->txn });
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
    put(c, p->guard == SD_GUARD_NO_CAST ? " holds no value that dropping it would lose\nDO "
                                        : " holds no rows the main transaction refuses\nDO ");
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
 * own guard in the preamble (emit_pg_rename.c). Without that COMMIT (all false) the main
 * transaction's own errors stop it, and only what it would not refuse is guarded: values of
 * a column retyped with no cast path, which its DROP COLUMN would lose.
 */
static void
emit_data_guards(pg_ctx *c, bool all)
{
    sd_preflight_list checks = SD_VEC_INIT;
    sd_emit_options opts = { .usings = c->p->usings, .nusings = c->p->nusings };
    if (c->w.rc == SD_OK)
        c->w.rc = sd_emit__checks(c->cl, &opts, false, &checks, c->w.err);
    for (size_t i = 0; i < checks.len && c->w.rc == SD_OK; i++) {
        sd_guard_kind g = checks.items[i].guard;
        if (g == SD_GUARD_NO_CAST || (all && g != SD_GUARD_ENUM_VALUE))
            guard_rows(c, &checks.items[i]);
    }
    sd_preflight_list_dispose(&checks);
}

static void
emit_enum_values(pg_ctx *c, sd_txn_kind txn)
{
    for (size_t i = 0; i < c->p->nenum_adds; i++) {
        sd_emit__pg_step(c, &(sd_step){ .op = SD_STEP_ALTER,
                                        .kind = SD_KIND_ENUM,
                                        .from = c->p->enum_adds[i],
                                        .to = c->p->enum_adds_to[i],
                                        .fields = FBIT(SD_ENUM_VALUES),
                                        .why = SD_WHY_CHANGE,
                                        .txn = txn });
        sd_emit__pg_enum_add_values(c, c->p->enum_adds[i], c->p->enum_adds_to[i]);
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

static void
stack_drop(pg_ctx *c, const sd_object *o)
{
    if (o->kind != SD_KIND_COLUMN) {
        drop_unit(c, o);
        return;
    }
    /* Detached from a function dropped and created: a generated column goes, a default is
     * dropped; both come back once the function exists again. */
    sd_emit__pg_unit_begin(c, c->p->readd_late[o->index] ? SD_STEP_DROP : SD_STEP_ALTER, o, NULL);
    sd_emit__pg_unhook_column(c, o, c->p->readd_late[o->index]);
    sd_emit__pg_unit_end(c);
}

/* The prepare phase's stack, in the plan's order (dependents first). */
static void
emit_stack(pg_ctx *c)
{
    for (size_t i = 0; i < c->p->nstack && c->w.rc == SD_OK; i++)
        stack_drop(c, c->p->stack[i]);
}

/* OWNED BY of sequences of a rebuilt table's columns (plan: unown, reown): NONE before the
 * rebuild (DROP TABLE would take them), set again after (m: which side). */
static void
rebuild_owned_by(pg_ctx *c, const sd_model *m)
{
    const bool *mark = m == c->from ? c->p->unown : c->p->reown;
    size_t n = 0;
    const sd_object *const *seqs = sd_model_objects(m, SD_KIND_SEQUENCE, &n);
    for (size_t i = 0; i < n; i++) {
        if (!mark[i])
            continue;
        const char *ob = seqs[i]->v[SD_SEQUENCE_OWNED_BY].s;
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
        if (!sd_plan_pg_is_rebuild(c->p, ch))
            continue;
        const sd_object *ft = sd_plan_pg_rebuild_table(c->p, ch, true);
        const sd_object *tt = sd_plan_pg_rebuild_table(c->p, ch, false);
        sd_emit__pg_unit_begin(c, SD_STEP_REBUILD, ft, tt);
        sd_emit__pg_rebuild_save(c, ft, tt);
        sd_emit__pg_unit_end(c);
    }
}

/* The rebuilt table of ch created anew with its partitions, its rows put back. */
static void
emit_rebuild(pg_ctx *c, const sd_change *ch)
{
    const sd_object *to_t = sd_plan_pg_rebuild_table(c->p, ch, false);
    sd_emit__pg_create_table(c, to_t);
    size_t nt = sd_model_count(c->to, SD_KIND_TABLE);
    for (size_t i = 0; i < nt; i++) {
        const sd_object *t = sd_model_at(c->to, SD_KIND_TABLE, i);
        const sd_object *root = t;
        for (size_t depth = 0; root != NULL && root != to_t && depth < nt; depth++) {
            const char *p = root->v[SD_TABLE_PARTITION_OF].s;
            root = p != NULL ? sd_plan_pg_table_by_sql(c->p, p) : NULL;
        }
        if (c->p->rebuilt[i] && root == to_t)
            sd_emit__pg_create_table(c, t); /* a partition of it, parents first */
    }
    sd_emit__pg_rebuild_restore(c, sd_plan_pg_rebuild_table(c->p, ch, true), to_t);
}

/*
 * Outermost kinds (event triggers: they fire on DDL). Off, before every other change: the
 * ones the plan drops (dropped, recreated, or calling a function that goes), and in-place
 * ALTERs that disable one. On, after every other change (as pg_dump restores them last):
 * the ones the plan creates, then the other in-place ALTERs (enabling, owner, comment).
 */
static bool
outermost_off_alter(const pg_ctx *c, const sd_change *ch)
{
    return ch->op == SD_OP_ALTER && !(ch->flags & SD_CHG_NOTE_ONLY) &&
           !c->p->rdrop[ch->kind][ch->from->index] && ch->kind == SD_KIND_EVENT_TRIGGER &&
           streq(ch->to->v[SD_EVENT_TRIGGER_ENABLED].s, "disabled");
}

static void
outermost_alter(pg_ctx *c, const sd_change *ch)
{
    sd_emit__pg_unit_begin(c, SD_STEP_ALTER, ch->from, ch->to);
    c->unit_step.fields = ch->fields;
    const pg_ops *ops = sd_emit__pg_ops(ch->kind);
    if (ops->alter != NULL)
        ops->alter(c, ch);
    sd_emit__pg_alter_extras(c, ch);
    sd_emit__pg_unit_end(c);
}

static void
emit_outermost(pg_ctx *c, bool on)
{
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        if (!sd_plan_pg_rule((sd_kind)k)->outermost)
            continue;
        const sd_model *m = on ? c->to : c->from;
        for (size_t i = 0; i < sd_model_count(m, (sd_kind)k); i++) {
            const sd_object *o = sd_model_at(m, (sd_kind)k, i);
            if (!on && c->p->rdrop[k][i]) {
                drop_unit(c, o);
            } else if (on && c->p->rcreate[k][i]) {
                sd_emit__pg_unit_begin(c, SD_STEP_CREATE, NULL, o);
                sd_emit__pg_ops((sd_kind)k)->create(c, o);
                sd_emit__pg_unit_end(c);
            }
        }
    }
    size_t n = sd_changelist_count(c->cl);
    for (size_t i = 0; i < n; i++) {
        const sd_change *ch = sd_changelist_at(c->cl, i);
        if (!sd_plan_pg_rule(ch->kind)->outermost || ch->op != SD_OP_ALTER ||
            (ch->flags & SD_CHG_NOTE_ONLY) || c->p->rdrop[ch->kind][ch->from->index] ||
            outermost_off_alter(c, ch) == on)
            continue;
        outermost_alter(c, ch);
    }
}

static void
emit_prepare(pg_ctx *c)
{
    emit_outermost(c, false);
    size_t n = sd_changelist_count(c->cl);
    size_t nt = sd_model_count(c->to, SD_KIND_TABLE);
    for (size_t i = 0; i < nt; i++) {
        sd_change re = { .op = SD_OP_ALTER, .kind = SD_KIND_TABLE };
        re.to = sd_model_at(c->to, SD_KIND_TABLE, i);
        re.from = counterpart(c->from, re.to);
        if (re.from == NULL || c->p->rekey[re.from->index] ||
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
    static const sd_kind FIRST[] = { SD_KIND_FOREIGN_KEY,  SD_KIND_RULE,       SD_KIND_TRIGGER,
                                     SD_KIND_INDEX,        SD_KIND_CAST,       SD_KIND_STATISTICS,
                                     SD_KIND_USER_MAPPING, SD_KIND_PUBLICATION };
    for (size_t k = 0; k < SD_ARRAY_LEN(FIRST); k++) {
        for (size_t i = 0; i < sd_model_count(c->from, FIRST[k]); i++)
            if (c->p->rdrop[FIRST[k]][i])
                drop_unit(c, sd_model_at(c->from, FIRST[k], i));
    }
    emit_stack(c);
    emit_rebuild_saves(c);
}

/* A set of kinds: there are more kinds than an unsigned has bits. */
#define KBIT(k) (UINT64_C(1) << (k))
_Static_assert(SD_KIND__COUNT <= 64, "a set of kinds is a uint64_t");

/* Drops of owned objects and tables: constraints and policies, then columns, then tables. */
static void
emit_drops(pg_ctx *c)
{
    static const uint64_t PASS[] = {
        KBIT(SD_KIND_PRIMARY_KEY) | KBIT(SD_KIND_UNIQUE) | KBIT(SD_KIND_CHECK) |
            KBIT(SD_KIND_EXCLUSION) | KBIT(SD_KIND_POLICY),
        KBIT(SD_KIND_COLUMN),
        KBIT(SD_KIND_TABLE),
    };
    static const sd_kind REBUILT[] = { SD_KIND_POLICY, SD_KIND_CHECK, SD_KIND_EXCLUSION };
    for (size_t k = 0; k < SD_ARRAY_LEN(REBUILT); k++) {
        for (size_t i = 0; i < sd_model_count(c->from, REBUILT[k]); i++) {
            if (c->p->rdrop[REBUILT[k]][i] && !c->p->unhook[REBUILT[k]][i] &&
                !sd_plan_pg_rekeyed(c->p, sd_model_at(c->from, REBUILT[k], i)->owner))
                drop_unit(c, sd_model_at(c->from, REBUILT[k], i));
        }
    }
    size_t n = sd_changelist_count(c->cl);
    for (size_t p = 0; p < SD_ARRAY_LEN(PASS); p++) {
        for (size_t i = 0; i < n; i++) {
            const sd_change *ch = sd_changelist_at(c->cl, i);
            if (!(PASS[p] & KBIT(ch->kind)) ||
                (ch->from != NULL && c->p->rdrop[ch->kind][ch->from->index]) ||
                sd_plan_pg_rekeyed(c->p, sd_plan_pg_change_table(ch, true)))
                continue; /* ... or gone with a rebuilt table */
            if (ch->op == SD_OP_DROP || (ch->from != NULL && sd_plan_pg_owned_recreate(c->p, ch) &&
                                         !c->p->swept[ch->kind][ch->from->index]))
                drop_unit(c, ch->from);
            if (p == 1 && ch->kind == SD_KIND_COLUMN) {
                sd_emit__pg_unit_begin(c, SD_STEP_ALTER, ch->from, ch->to);
                sd_emit__pg_drop_identity(c, ch);
                sd_emit__pg_unit_end(c);
            }
        }
        for (size_t i = 0; p == 1 && i < sd_model_count(c->from, SD_KIND_COLUMN); i++) {
            if (!c->p->readd_late[i] || c->p->unhook[SD_KIND_COLUMN][i] ||
                sd_plan_pg_rekeyed(c->p, sd_model_at(c->from, SD_KIND_COLUMN, i)->owner))
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
            !c->p->early[ch->kind][ch->from->index] &&
            !(ch->kind == SD_KIND_SEQUENCE && c->seq_dropped[ch->from->index]))
            drop_unit(c, ch->from);
    }
}

static bool
pending_ready(const pg_ctx *c, size_t j)
{
    const sd_pg_pending *e = &c->p->pending[j];
    if (e->ready_at > c->done)
        return false;
    for (size_t i = 0; i < e->nwaits; i++) {
        const sd_object *d = c->p->pending[e->waits[i]].obj;
        if (!c->created[d->kind][d->index])
            return false;
    }
    return true;
}

/* Create every planned function (fns), or view, matview, index and trigger, whose
 * dependencies are written (all of them when force). */
static void
flush_pending(pg_ctx *c, bool fns, bool force)
{
    for (size_t j = 0; j < c->p->npending && c->w.rc == SD_OK; j++) {
        const sd_object *o = c->p->pending[j].obj;
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
    if (c->p->rcreate[ch->kind][to->index] || c->created[ch->kind][to->index])
        return; /* created by the plan (a re-added constraint) or already (a parent table) */
    sd_emit__pg_ops(ch->kind)->create(c, to);
}

static void
handle_alter(pg_ctx *c, const sd_change *ch)
{
    const pg_ops *ops = sd_emit__pg_ops(ch->kind);
    if ((ch->kind == SD_KIND_POLICY || ch->kind == SD_KIND_CHECK ||
         ch->kind == SD_KIND_EXCLUSION) &&
        c->p->rcreate[ch->kind][ch->to->index])
        return; /* rebuilt around a column change, as it is in "to" */
    if (ch->kind == SD_KIND_COLUMN && c->p->readd_late[ch->from->index])
        return; /* added again, as it is in "to", after its table's last change */
    if (sd_plan_pg_alter_recreates(c->p, ch)) {
        if (ops->recreate != NULL) {
            ops->recreate(c, ch);
            return;
        }
        if (!sd_plan_pg_owned_recreate(c->p, ch) && !c->p->early[ch->kind][ch->from->index])
            ops->drop(c, ch->from);
        if (!c->p->rcreate[ch->kind][ch->to->index])
            ops->create(c, ch->to);
        return;
    }
    if (ops->alter != NULL)
        ops->alter(c, ch);
    if (!(ch->kind == SD_KIND_COLUMN && c->p->readd[ch->from->index]))
        sd_emit__pg_alter_extras(c, ch);
    if (ops->alter_after != NULL)
        ops->alter_after(c, ch);
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
    if (tt == NULL || !c->readd_left[tt->index] || col->v[SD_COLUMN_INHERITED].b)
        return;
    size_t n = 0;
    const sd_object *const *cols = sd_model_children(c->to, tt, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n && cols[i] != col; i++) {
        const sd_object *f = counterpart(c->from, cols[i]);
        if (f == NULL || !c->p->readd_late[f->index] ||
            c->created[SD_KIND_COLUMN][cols[i]->index] || c->p->readd_at[cols[i]->index] > c->done)
            continue;
        c->created[SD_KIND_COLUMN][cols[i]->index] = true;
        sd_emit__pg_create_column(c, cols[i]);
    }
}

static void
handle_change(pg_ctx *c, const sd_change *ch)
{
    if (ch->op == SD_OP_DROP || (ch->flags & SD_CHG_NOTE_ONLY) ||
        sd_plan_pg_rule(ch->kind)->outermost)
        return; /* ... or written first or last (emit_outermost()) */
    if (ch->flags & SD_CHG_DEFERRED) {
        /* The part of a new object a dependency loop put off: its default, CHECKs, query. */
        sd_emit__pg_unit_begin(c, SD_STEP_ALTER, NULL, ch->to);
        c->unit_step.fields = ch->fields;
        sd_emit__pg_create_deferred(c, ch);
        sd_emit__pg_unit_end(c);
        return;
    }
    const sd_object *tt = sd_plan_pg_change_table(ch, false);
    bool fresh = tt != NULL && tt->kind == SD_KIND_TABLE && c->p->rebuilt[tt->index];
    bool rebuild = sd_plan_pg_is_rebuild(c->p, ch);
    if (!rebuild && (fresh || sd_plan_pg_rekeyed(c->p, sd_plan_pg_change_table(ch, true)))) {
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
        sd_emit__pg_unit_begin(c, SD_STEP_REBUILD, sd_plan_pg_rebuild_table(c->p, ch, true),
                               sd_plan_pg_rebuild_table(c->p, ch, false));
        c->unit_step.fields = ch->kind == SD_KIND_TABLE ? ch->fields : 0;
    } else {
        sd_emit__pg_unit_begin(c, OPS[ch->op], ch->from, ch->to);
        c->unit_step.fields = ch->fields;
    }
    if (rebuild) {
        emit_rebuild(c, ch);
    } else if (sd_plan_pg_rule(ch->kind)->planned) {
        /* Creates and rebuilds are planned; what is left is an in-place ALTER. */
        if (ch->op == SD_OP_ALTER && !c->p->rcreate[ch->kind][ch->to->index]) {
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
    for (size_t t = 0; t < nt && c->p->readd_any; t++) {
        const sd_object *tt = sd_model_at(c->to, SD_KIND_TABLE, t);
        if (!c->readd_left[t] || (!force && c->p->last[SD_KIND_TABLE][t] > c->done))
            continue;
        c->readd_left[t] = false;
        size_t n = 0;
        const sd_object *const *cols = sd_model_children(c->to, tt, SD_KIND_COLUMN, &n);
        sd_emit__pg_unit_begin(c, SD_STEP_CREATE, NULL, tt);
        for (size_t i = 0; i < n; i++) {
            const sd_object *f = counterpart(c->from, cols[i]);
            if (f != NULL && c->p->readd_late[f->index] &&
                !c->created[SD_KIND_COLUMN][cols[i]->index])
                sd_emit__pg_create_column(c, cols[i]);
        }
        for (size_t i = 0; i < n; i++) {
            const sd_object *f = counterpart(c->from, cols[i]);
            if (f != NULL && c->p->redefault[f->index])
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
            if (!c->p->rcreate[LATER[k]][i])
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
                             "SET default_table_access_method = heap;\n"
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
    sd_pg_plan *pg_plan = NULL;
    c.w.rc = sd_plan_pg(&pg_plan, cl, opts->usings, opts->nusings, err);
    c.p = pg_plan;
    if (c.w.rc == SD_OK)
        setup(&c);
    for (size_t i = 0; i < sd_changelist_count(cl) && c.w.rc == SD_OK; i++)
        (void)sd_emit__pg_typed_column_ok(&c, sd_changelist_at(cl, i)); /* before any text */
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
        emit_outermost(&c, true);
        c.script = c.w.out = out;
        c.plan = steps;
        setup_step(&c, SD_TXN_NONE);
        put(&c, HEADER);
        bool apart = c.p->nenum_adds > 0 && uses_new_enum_value(&c, &main_sql);
        c.txn = apart ? SD_TXN_ENUM_VALUES : SD_TXN_MAIN;
        setup_step(&c, c.txn);
        put(&c, "\nBEGIN;\n");
        sd_emit__pg_preamble(&c);
        emit_data_guards(&c, apart);
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
    sd_plan_set_statements(steps, c.w.statements);
    sd_buf_dispose(&c.unit);
    sd_plan_pg_free(pg_plan);
    sd_arena_free(c.scratch);
    return c.w.rc;
}
