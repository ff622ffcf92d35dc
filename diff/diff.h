/*
 * diff.h: compare two frozen models and produce an ordered change list. Knows no SQL
 * dialect: a change says which object is created, dropped or altered and exactly which
 * fields differ; emitters decide how to express it.
 *
 * Matching is by identity key (see model.h). Objects whose fingerprints are equal are
 * skipped without looking at their fields. Owned objects (columns, constraints) are
 * reported as their own changes, after their table's own change if any.
 *
 * A change list points into both models and must not outlive either of them.
 */
#ifndef SD_DIFF_DIFF_H
#define SD_DIFF_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/model.h"
#include "util/err.h"

typedef enum sd_op {
    SD_OP_CREATE = 0, /* object only in "to" */
    SD_OP_DROP,       /* object only in "from" */
    SD_OP_ALTER,      /* object in both, fields differ (see fields / notes) */
    SD_OP__COUNT
} sd_op;

/* Change flags. */
#define SD_CHG_LOSES_DATA  1u /* drops stored data: a table or a column */
#define SD_CHG_NOTE_ONLY   2u /* only differences that are not drift (column order) */
#define SD_CHG_TYPE_CHANGE 4u /* a column's declared type changes (emitters judge narrowing) */
/* The deferred part of an object another change of the list creates, split out to break a
 * dependency loop (see sd_diff_models): op CREATE, `to` the object, `fields` the fields put
 * off, and no drift of its own. Parts: a column default of a new table (fields: default),
 * a CHECK constraint of a new table (fields: 0, the whole constraint: added after the table
 * instead of inline), a new domain's CHECKs and default (fields: checks, default), a new
 * view's query (fields: sql: the view is created first as a stub with its columns' names and
 * types, PostgreSQL only), a new base type's definition (every field, always split: the
 * creating change writes its shell, CREATE TYPE t;, which its I/O functions need, and what
 * else uses the type waits for the part). The creating change writes the object without the
 * part. */
#define SD_CHG_DEFERRED 8u

/* Bit in sd_change.fields: the name changed, for kinds whose name is an attribute rather than
 * part of the identity (a primary key's constraint name). Never a field index. */
#define SD_CHANGE_NAME_BIT 63

typedef struct sd_change {
    sd_op op;              /* what happens */
    sd_kind kind;          /* kind of the object */
    const sd_object *from; /* the object in "from"; NULL for CREATE */
    const sd_object *to;   /* the object in "to"; NULL for DROP */
    uint64_t fields;       /* ALTER: bit (1 << field index) per field that is drift */
    uint64_t notes;        /* ALTER: bit per field that differs but is not drift */
    unsigned flags;        /* SD_CHG_* */
} sd_change;

typedef struct sd_diff_options {
    bool strict_column_order;   /* a column order difference is drift, not a note */
    const char *const *renames; /* rename hints "KIND:OLD=NEW" (see sd_diff_models) */
    size_t nrenames;            /* number of renames */
} sd_diff_options;

/* What a rename changes. */
typedef enum sd_rename_kind {
    SD_RENAME_SCHEMA = 0, /* ALTER SCHEMA ... RENAME TO */
    SD_RENAME_TABLE,      /* ALTER TABLE ... RENAME TO */
    SD_RENAME_COLUMN,     /* ALTER TABLE ... RENAME COLUMN */
    SD_RENAME_CONSTRAINT, /* ALTER TABLE ... RENAME CONSTRAINT (PostgreSQL) */
    SD_RENAME_INDEX,      /* ALTER INDEX ... RENAME TO (PostgreSQL) */
    SD_RENAME_ENUM_VALUE, /* ALTER TYPE ... RENAME VALUE (PostgreSQL) */
    SD_RENAME__COUNT
} sd_rename_kind;

/*
 * One rename, applied before every other change. Names are those in effect when it runs:
 * earlier renames (the list is in order: schemas, tables, columns, constraints, indexes, enum
 * values) already applied. object is the renamed object in the caller's "from" model (for an
 * enum value: the enum).
 */
typedef struct sd_rename {
    sd_rename_kind kind;
    const sd_object *object; /* in the "from" model given to sd_diff_models() */
    const char *schema;      /* schema of the object (the schema itself for a schema) */
    const char *table;       /* its table (column, constraint) or enum type; else NULL */
    const char *old_name;    /* name (or enum value) before */
    const char *new_name;    /* name (or enum value) after */
    bool hinted;             /* given as a hint; false: an enum value replaced in place */
} sd_rename;

typedef struct sd_changelist sd_changelist;

/*
 * Compare from and to (both frozen, same engine). Renames come first: each rename hint in
 * opts ("table:s.old=new", "column:s.t.old=new", "index:s.old=new", "constraint:s.t.old=new",
 * "enum-value:s.type.old=new", "schema:old=new"; OLD names an object of from, NEW the name
 * it has in to) and, on PostgreSQL, every enum whose value list keeps its length with exactly
 * one value replaced at its place. The rest of the comparison is made from a copy of from
 * with the renames applied (sd_changelist_from() returns it), so a renamed object that also
 * differs otherwise is altered as usual. SQLite cannot rename an index or a constraint: such
 * hints are checked but leave the drop and create. SD_ERR naming the hint when it is malformed
 * or names an object missing from its side (OLD in from, NEW in to) or NEW already in from.
 * The list is ordered: drops first, in
 * reverse dependency order (dependents before what they depend on), then creates and
 * alters in dependency order (what is depended on first); ties broken by kind and canonical
 * identity, so the order is deterministic. A dependency loop among creates is broken as
 * pg_dump breaks it, by putting off a part of one object (SD_CHG_DEFERRED) to a change of
 * its own after the rest of the loop. SD_ERR when the engines differ, SD_ERR_CYCLE when a
 * loop has no part that can be put off (the message names every object of the loop).
 */
SD_MUST_CHECK sd_status sd_diff_models(sd_changelist **out,
                                       const sd_model *from,
                                       const sd_model *to,
                                       const sd_diff_options *opts,
                                       sd_err *err);
void sd_changelist_free(sd_changelist *cl); /* accepts NULL */
size_t sd_changelist_count(const sd_changelist *cl);
const sd_change *sd_changelist_at(const sd_changelist *cl, size_t i);
const sd_model *sd_changelist_from(const sd_changelist *cl);
const sd_model *sd_changelist_to(const sd_changelist *cl);
/* Number of changes that are drift (everything except SD_CHG_NOTE_ONLY changes). */
size_t sd_changelist_drift_count(const sd_changelist *cl);
/* The change for an object of "from" or "to", or NULL when it is unchanged. */
const sd_change *sd_changelist_find(const sd_changelist *cl, const sd_object *o);
/* The renames, in the order they run. */
size_t sd_changelist_rename_count(const sd_changelist *cl);
const sd_rename *sd_changelist_rename_at(const sd_changelist *cl, size_t i);
/* Possible renames no hint covers (a table drops a column and adds one of the same type), as
 * the hint that would apply: "column:public.t.full_name=name". */
size_t sd_changelist_suggestion_count(const sd_changelist *cl);
const char *sd_changelist_suggestion_at(const sd_changelist *cl, size_t i);
/* The SD_CHG_DEFERRED change for a "to" object, or NULL when nothing of it is put off. */
const sd_change *sd_changelist_deferred(const sd_changelist *cl, const sd_object *o);
/* "create", "drop", "alter". */
const char *sd_op_name(sd_op op);

#endif
