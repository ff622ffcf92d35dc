/*
 * plan_pg.h: PostgreSQL's engine rules, as data the planner reads (ARCHITECTURE.md, Planner):
 * per kind, which ALTERs PostgreSQL does in place and which drop and create the object, when
 * what depends on a changed object is rebuilt around it, which kinds are planned as drop and
 * create sets, and which are dropped last. emit/emit_pg*.c reads them; its own table (pg_ops)
 * holds only how each kind is written.
 *
 * Knows no SQL text: it reads the models' SQL fragments only where a rule depends on them
 * (a composite type's attribute list).
 */
#ifndef SD_PLAN_PLAN_PG_H
#define SD_PLAN_PLAN_PG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diff/diff.h"
#include "model/model.h"

/* When a "from" object counts as gone for the objects that depend on it, which are then
 * rebuilt around it (dep_gone() in emit/emit_pg.c). */
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
} sd_pg_rule;

/* The rules of kind (an out-of-range kind reads as SD_KIND_SCHEMA's). */
const sd_pg_rule *sd_plan_pg_rule(sd_kind kind);

/* Whether the ALTER ch of cl drops and creates its object by PostgreSQL's rules: a field of
 * its kind's recreate_fields changed, or its recreates() holds. false for other operations.
 * The emitter adds what depends on its own plan (a function whose drop it moved early). */
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

#endif
