/*
 * plan.h: the migration plan, the steps that turn a change list's "from" model into its "to"
 * model in the order they run. A step says what it does to which object (create, drop, alter
 * which fields, rebuild, guard), why (the change list asks for it, or it goes and comes back
 * around another object's change), in which transaction and why that one, what data it loses,
 * and the earlier steps it waits for. Knows no SQL: an emitter writes each step, and records
 * where in the script each step's SQL is, so that `diff --format json` can print steps with
 * their SQL and tools read steps rather than parse SQL.
 *
 * The emitters append each step as they write it (sd_plan_append). SQLite's steps are decided
 * here (plan_sqlite.h); PostgreSQL's emitter still decides its own, until they move here too
 * (ARCHITECTURE.md, Planner). A plan points into the change list's models and must not
 * outlive them.
 */
#ifndef SD_PLAN_PLAN_H
#define SD_PLAN_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diff/diff.h"
#include "model/model.h"
#include "util/err.h"

/* Version of the plan's JSON shape ("schemadrift_plan": N). */
#define SD_PLAN_JSON_VERSION 1

typedef enum sd_step_op {
    SD_STEP_CREATE = 0, /* create the object ("to") */
    SD_STEP_DROP,       /* drop the object ("from") */
    SD_STEP_ALTER,      /* change the object in place; fields says which */
    SD_STEP_REBUILD,    /* SQLite: create the replacement under temp_name and copy kept rows */
    SD_STEP_SWAP,       /* SQLite: drop the old table, rename the replacement */
    SD_STEP_RENAME,     /* rename the object ("from" name to "to" name) */
    SD_STEP_GUARD,      /* fail the transaction unless the data allows what follows */
    SD_STEP_SETUP,      /* session settings, pragmas, transaction control: no object */
    SD_STEP__COUNT
} sd_step_op;

typedef enum sd_step_why {
    SD_WHY_CHANGE = 0, /* the change list asks for it */
    SD_WHY_AROUND,     /* dropped and created again around a change to what it depends on */
    SD_WHY_REBUILD,    /* part of rebuilding its table (indexes and triggers come back) */
    SD_WHY_SCRIPT,     /* the script's own machinery (setup, guards) */
    SD_WHY__COUNT
} sd_step_why;

typedef enum sd_guard_kind {
    SD_GUARD_NONE = 0,
    SD_GUARD_NOT_NULL,     /* no NULL in a column that becomes NOT NULL */
    SD_GUARD_ROWS_KEPT,    /* a rebuilt table holds every row of the old one */
    SD_GUARD_FOREIGN_KEYS, /* rows satisfy the table's foreign keys */
    SD_GUARD_ENUM_VALUE,   /* no row holds an enum value that goes */
    SD_GUARD_UNIQUE,       /* no duplicates under a new key or unique index */
    SD_GUARD_CHECK,        /* no row fails a new CHECK */
    SD_GUARD_NO_CAST,      /* no value in a column retyped with no cast path (dropped, added) */
    SD_GUARD__COUNT
} sd_guard_kind;

/* Why a step runs in its transaction. */
typedef enum sd_txn_kind {
    SD_TXN_MAIN = 0,    /* everything that can run in one transaction */
    SD_TXN_ENUM_VALUES, /* PostgreSQL: new enum values, committed before the main one uses them */
    SD_TXN_NONE,        /* outside any transaction (session settings) */
    SD_TXN__COUNT
} sd_txn_kind;

typedef struct sd_step {
    sd_step_op op;
    sd_kind kind;           /* kind of the object (unused for SETUP) */
    const sd_object *from;  /* the object in "from", or NULL */
    const sd_object *to;    /* the object in "to", or NULL */
    uint64_t fields;        /* ALTER: bit (1 << field) per field it changes */
    sd_step_why why;        /* why the step is there */
    const sd_object *cause; /* AROUND and REBUILD: the object whose change brings it, or NULL */
    sd_guard_kind guard;    /* GUARD: what it checks */
    sd_txn_kind txn;        /* the transaction it runs in */
    const char *temp_name;  /* REBUILD and SWAP: the replacement's temporary name */
    const char *loses;      /* what data it loses, in words, or NULL (copied into the plan) */
    size_t sql_start;       /* set by the emitter: the step's SQL is script[start, end) */
    size_t sql_end;
    const size_t *waits_for; /* indexes of earlier steps it must follow (sd_plan_finish) */
    size_t nwaits;
} sd_step;

/*
 * --using: the user's conversion of one retyped column (`ALTER COLUMN ... TYPE T USING
 * (expr)` on PostgreSQL). The strings are the caller's. expr is untrusted input: the emitter
 * writes it only once the engine's parser proved it one expression (parse/).
 */
typedef struct sd_using {
    const char *schema; /* NULL: the column's table in any schema (one must match) */
    const char *table;
    const char *column;
    const char *expr;
} sd_using;

/* The --using of usings[0..n) for a "from" column, or NULL. */
const sd_using *sd_plan_using_find(const sd_using *usings, size_t n, const sd_object *col);

/*
 * Check that each of usings[0..n) names exactly one column that cl retypes (an ALTER of its
 * type). SD_ERR naming the --using otherwise: a column that is not retyped is an error, not
 * something to ignore.
 */
SD_MUST_CHECK sd_status sd_plan_using_check(const sd_changelist *cl,
                                            const sd_using *usings,
                                            size_t n,
                                            sd_err *err);

typedef struct sd_plan sd_plan;

/* An empty plan for cl's models. SD_ERR_NOMEM when out of memory. */
SD_MUST_CHECK sd_status sd_plan_new(sd_plan **out, const sd_changelist *cl, sd_err *err);
void sd_plan_free(sd_plan *p); /* accepts NULL */

/*
 * Append a copy of step (its loses and temp_name strings are copied into the plan). The
 * previous step's SQL ends where this one's starts (step->sql_start).
 */
SD_MUST_CHECK sd_status sd_plan_append(sd_plan *p, const sd_step *step, sd_err *err);
/* The last step's SQL ends at end (the end of the script). */
void sd_plan_close(sd_plan *p, size_t end);
/* Record what step i loses, in words (copied). */
SD_MUST_CHECK sd_status sd_plan_set_loses(sd_plan *p, size_t i, const char *loses, sd_err *err);
/* The number of statements the emitter wrote into the script (what the engine's parser must
 * find in it), and read it back; 0 until set. */
void sd_plan_set_statements(sd_plan *p, size_t n);
size_t sd_plan_statements(const sd_plan *p);

/*
 * Compute what each step waits for: the latest earlier step on each object it depends on
 * (the model's dependencies of its object, its owner), the latest earlier step on the same
 * object, the guards right before it, and for a guard the step before it. Call once, after
 * the last append.
 */
SD_MUST_CHECK sd_status sd_plan_finish(sd_plan *p, sd_err *err);

size_t sd_plan_count(const sd_plan *p);
const sd_step *sd_plan_at(const sd_plan *p, size_t i);
const sd_changelist *sd_plan_changelist(const sd_plan *p);

/* Names used in output: "create", "drop"...; "change", "around"...; "not_null"...; "main"... */
const char *sd_step_op_name(sd_step_op op);
const char *sd_step_why_name(sd_step_why why);
const char *sd_guard_kind_name(sd_guard_kind g);
const char *sd_txn_kind_name(sd_txn_kind t);

#endif
