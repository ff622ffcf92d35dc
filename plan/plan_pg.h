/*
 * plan_pg.h: the PostgreSQL planner (ARCHITECTURE.md, Planner). Its engine rules, as data
 * (plan_pg.c): per kind, which ALTERs PostgreSQL does in place and which drop and create the
 * object, when what depends on a changed object is rebuilt around it, which kinds are planned
 * as drop and create sets, and which are dropped last. Its plan (plan_pg_plan.c, sd_pg_plan):
 * what the script does around the changes, and in which order. emit/emit_pg*.c reads both;
 * its own table (pg_ops) holds only how each kind is written.
 *
 * Knows no SQL text: it reads the models' SQL fragments only where a rule depends on them
 * (a composite type's attribute list) and to find the names an expression mentions.
 */
#ifndef SD_PLAN_PLAN_PG_H
#define SD_PLAN_PLAN_PG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diff/diff.h"
#include "model/model.h"
#include "plan/plan.h"
#include "util/err.h"

/* When a "from" object counts as gone for the objects that depend on it, which are then
 * rebuilt around it (dep_gone() in plan_pg_plan.c). */
typedef enum sd_pg_gone {
    SD_PG_GONE_NEVER = 0, /* never: its changes leave dependents in place */
    SD_PG_GONE_REBUILT,   /* when the plan drops it to create it again */
    SD_PG_GONE_CHANGED,   /* when its change marks it gone */
    SD_PG_GONE_TABLE      /* a table: when rebuilt for a partition key change, or for a
                             materialized view when its columns change */
} sd_pg_gone;

/* What PostgreSQL does with one kind. Omitted members are 0 or false. */
typedef struct sd_pg_rule {
    /* An ALTER changing any of these fields (or SD_CHANGE_NAME_BIT) drops and creates the
     * object: PostgreSQL has no ALTER for them. */
    uint64_t recreate_fields;
    /* Other ALTERs that drop and create it, decided by more than the changed fields (NULL:
     * none): an extension downgrade, an enum losing values, a composite type in use, a
     * constraint becoming NOT VALID, a policy losing a clause. */
    bool (*recreates)(const sd_changelist *cl, const sd_change *ch);
    sd_pg_gone gone; /* when what depends on it is rebuilt */
    bool planned;    /* view, matview, index, trigger, FK: drop/create sets */
    bool late_drop;  /* dropped after every create and alter */
    /* Dropped (and altered to disabled) before every other change, created (and altered
     * otherwise) after every other one: an event trigger fires on DDL, so neither a new
     * one nor one that goes may fire on the script's own; rebuilt around a function it
     * calls that is dropped and created (rdrop, rcreate), as pg_dump restores it last. */
    bool outermost;
} sd_pg_rule;

/* The rules of kind (an out-of-range kind reads as SD_KIND_SCHEMA's). */
const sd_pg_rule *sd_plan_pg_rule(sd_kind kind);

/* Whether the ALTER ch of cl drops and creates its object by PostgreSQL's rules: a field of
 * its kind's recreate_fields changed, or its recreates() holds. false for other operations.
 * sd_plan_pg_alter_recreates() adds what the plan decides (a function dropped early). */
bool sd_plan_pg_recreates(const sd_changelist *cl, const sd_change *ch);

/* Whether an enum ALTER only appends values (ADD VALUE, in place) rather than recreating the
 * type: every old value kept, in order, and at least one new. */
bool sd_plan_pg_enum_adds_only(const sd_object *from, const sd_object *to);

/* Whether col's type is the type `type` ("s.t" or "s.t[]", quoted as PostgreSQL quotes);
 * *array_out tells which. */
bool sd_plan_pg_type_is(const sd_object *col, const sd_object *type, bool *array_out);

/* One attribute of a composite type's attribute list ("a integer, \"B\" text COLLATE x"). */
typedef struct sd_pg_attr {
    const char *item; /* "name type [COLLATE c]" */
    size_t len;       /* its length */
    size_t name_len;  /* length of the name token at its start (quoted or bare) */
} sd_pg_attr;

/* The next attribute of a list from *pos (start: the list's text; NULL reads as empty):
 * false at the end. Splits at top-level commas, skipping quotes and parentheses. */
bool sd_plan_pg_next_attr(const char **pos, sd_pg_attr *out);

/* Whether a composite type's attribute list from can become to in place: the kept attributes
 * keep their order and come first, new ones after (ALTER TYPE ... DROP / ADD ATTRIBUTE). */
bool sd_plan_pg_attrs_in_place(const char *from, const char *to);

/* Whether PostgreSQL has a path for `USING col::newtype` between two column types. */
typedef enum sd_pg_cast_path {
    SD_PG_CAST_UNKNOWN = 0, /* a type the built-in tables do not know (a user type) */
    SD_PG_CAST_YES,         /* a built-in explicit cast path, or a user cast */
    SD_PG_CAST_NONE         /* both built in (or domains over them), and no path */
} sd_pg_cast_path;

/* The cast path from column type src (of model from) to dst (of model to), as format_type()
 * writes them: PostgreSQL 15's pg_cast, I/O conversion to and from string types, arrays of
 * castable elements, domains of the models as their base type. */
sd_pg_cast_path
sd_plan_pg_cast_path(const sd_model *from, const sd_model *to, const char *src, const char *dst);

/*
 * Whether the column ALTER ch of cl retypes a column that no cast converts and no --using of
 * usings[0..n) does: the column is then dropped and added again (its values lost, a guard
 * refuses while it holds any). A type the cast tables do not know converts as before.
 */
bool sd_plan_pg_retype_drops(const sd_changelist *cl,
                             const sd_change *ch,
                             const sd_using *usings,
                             size_t n);

/* ---- the PostgreSQL plan (plan_pg_plan.c) ---- */

/* A planned create (view, materialized view, index, trigger, or a function rebuilt
 * unchanged), in the order they are written. */
typedef struct sd_pg_pending {
    const sd_object *obj; /* the "to" object */
    size_t ready_at;      /* written once this many changes of the list are written... */
    const size_t *waits;  /* ... and these entries (indices into pending) are */
    size_t nwaits;
} sd_pg_pending;

/*
 * What the PostgreSQL script does beyond the change list, decided from the change list and
 * both models before a word is written (ARCHITECTURE.md, Planner): which objects are dropped
 * and created again around the changes, which tables are rebuilt, which defaults and
 * generated columns are detached and restored, which drops move to the prepare phase, and
 * in which order the planned drops and creates run. emit/emit_pg.c writes it phase by
 * phase and reads it only; arrays are indexed by an object's index in its model ("from" or
 * "to" as each says) and hold one entry more than the model has objects.
 */
typedef struct sd_pg_plan {
    const sd_changelist *cl;
    const sd_model *from;
    const sd_model *to;
    bool *rdrop[SD_KIND__COUNT];    /* "from": dropped by the plan (prepare or drops phase) */
    bool *rcreate[SD_KIND__COUNT];  /* "to": created by the plan, not at their change */
    bool *gone[SD_KIND__COUNT];     /* "from": what depends on them is rebuilt */
    bool *swept[SD_KIND__COUNT];    /* "from" constraints a DROP COLUMN removes along */
    bool *early[SD_KIND__COUNT];    /* "from" late-kind drops moved to the prepare phase */
    bool *unhook[SD_KIND__COUNT];   /* "from" columns, constraints, policies that call a
                                       function that goes: detached in the prepare phase */
    size_t *last[SD_KIND__COUNT];   /* "to": 1 + position of their last change (0: none) */
    bool *redefault;                /* "from" columns whose default is set again after */
    bool *readd;                    /* "from" columns dropped and added again */
    bool *readd_late;               /* ... of them, added again after their table's changes */
    bool *readd_table;              /* "to" tables with columns or constraints to add again */
    size_t *readd_at;               /* "to" columns added again: changes written before
                                       what they read exists */
    bool readd_any;                 /* any readd_table entry is set */
    bool any_inherits;              /* a "to" table has INHERITS parents */
    bool *rekey;                    /* "from" tables rebuilt (partition key change, column
                                       order) and their partitions, dropped with them */
    bool *rebuilt;                  /* "to" tables those rebuilds create */
    bool *unown;                    /* "from" sequences OWNED BY a rebuilt table's column
                                       that the change list leaves alone: NONE before */
    bool *reown;                    /* "to" sequences of such columns: OWNED BY again after */
    const sd_object **reorder_from; /* "to" tables rebuilt for their column order: the "from"
                                       table, else NULL */
    const sd_change **reorder_at;   /* ... the change they are rebuilt at */
    const sd_object **stack;        /* prepare phase: views, early drops, detached columns,
                                       constraints and policies, in order (dependents first) */
    size_t nstack;
    sd_pg_pending *pending; /* planned creates, in order */
    size_t npending;
    const sd_object **enum_adds;    /* enum ALTERs done with ADD VALUE: "from" objects */
    const sd_object **enum_adds_to; /* their "to" objects */
    size_t nenum_adds;
    const sd_using *usings; /* --using conversions of retyped columns (the caller's) */
    size_t nusings;
    bool *retype_drop; /* "from" columns retyped with no cast path: dropped and added again */
} sd_pg_plan;

/* Plan the PostgreSQL script of cl (two PostgreSQL models). SD_ERR_NOMEM; *out is NULL on
 * failure. The plan points into cl and its models and must not outlive them. */
SD_MUST_CHECK sd_status sd_plan_pg(sd_pg_plan **out,
                                   const sd_changelist *cl,
                                   const sd_using *usings,
                                   size_t nusings,
                                   sd_err *err);
void sd_plan_pg_free(sd_pg_plan *p); /* accepts NULL */

/* Whether the ALTER ch drops and creates its object in this plan: by the engine's rules
 * (sd_plan_pg_recreates()), or a function whose drop the plan moved to the prepare phase. */
bool sd_plan_pg_alter_recreates(const sd_pg_plan *p, const sd_change *ch);
/* Whether ch is a constraint or policy ALTER carried out by dropping and adding it, whose
 * drop runs in the drops phase, before the column changes. */
bool sd_plan_pg_owned_recreate(const sd_pg_plan *p, const sd_change *ch);
/* Whether ch is where a table is rebuilt, and the table it rebuilds (from_side: of "from"). */
bool sd_plan_pg_is_rebuild(const sd_pg_plan *p, const sd_change *ch);
const sd_object *sd_plan_pg_rebuild_table(const sd_pg_plan *p, const sd_change *ch, bool from_side);
/* The table a change is about: itself, or the owner of a column, constraint or policy. */
const sd_object *sd_plan_pg_change_table(const sd_change *ch, bool from_side);
/* Whether a "from" table (NULL: false) is dropped by a rebuild. */
bool sd_plan_pg_rekeyed(const sd_pg_plan *p, const sd_object *from_t);
/* The "to" table a quoted qualified name ("s.t") names, or NULL. */
const sd_object *sd_plan_pg_table_by_sql(const sd_pg_plan *p, const char *sql);
/* Whether name occurs in text as a whole word (a conservative test: any occurrence counts,
 * in a string literal too). How the plan tells that an expression uses a column. */
bool sd_plan_pg_has_word(const char *text, const char *name);

#endif
