/*
 * plan_sqlite.h: the SQLite planner. From a change list of two SQLite models it decides
 * everything about the migration script except its text: per table whether SQLite alters it in
 * place or it is rebuilt (and the replacement's temporary name, and the columns whose rows the
 * copy keeps), which views, triggers and indexes are dropped and created again around the
 * rebuilds and drops and why, where the guards go, and the order of all of it. The result is
 * the list of steps emit/emit_sqlite.c writes one by one, deciding nothing. What SQLite can do
 * with ALTER TABLE in place is a table of rules in plan_sqlite.c (ARCHITECTURE.md, Planner).
 *
 * Knows no SQL text: it reads the models' SQL fragments only to find the names they mention.
 * A SQLite plan points into the change list's models and must not outlive them.
 */
#ifndef SD_PLAN_PLAN_SQLITE_H
#define SD_PLAN_PLAN_SQLITE_H

#include <stdbool.h>
#include <stddef.h>

#include "diff/diff.h"
#include "model/model.h"
#include "plan/plan.h"
#include "util/err.h"

/* What happens to one table of "to". */
typedef struct sd_sqlite_table {
    const sd_object *from;    /* the table in "from"; NULL when the table is new */
    const sd_object *to;      /* the table in "to" */
    bool rebuild;             /* rebuilt (lang_altertable.html#otheralter), not altered in place */
    const sd_object *because; /* rebuild: the changed object that forces it (table, column...) */
    const char *temp_name;    /* rebuild: the replacement's name while it is filled */
    const sd_object *const *kept; /* rebuild: "to" columns whose rows are copied, "to" order */
    size_t nkept;
} sd_sqlite_table;

/* One step of the script, in the order it runs. */
typedef struct sd_sqlite_step {
    sd_step step;                 /* as the plan records it (sql_start and sql_end unset) */
    const sd_rename *rename;      /* RENAME: the change list's rename */
    const sd_sqlite_table *table; /* the decision of the table the step acts on or in, or NULL */
} sd_sqlite_step;

typedef struct sd_sqlite_plan sd_sqlite_plan;

/*
 * Plan the SQLite script for cl (two SQLite models). The steps open with a SETUP step and end
 * with one; a GUARD step's guard says what it checks. SD_ERR_UNSUPPORTED (naming the object)
 * for a change SQLite cannot express, SD_ERR_NOMEM. *out is NULL on failure.
 */
SD_MUST_CHECK sd_status sd_plan_sqlite(sd_sqlite_plan **out, const sd_changelist *cl, sd_err *err);
void sd_plan_sqlite_free(sd_sqlite_plan *p); /* accepts NULL */

size_t sd_plan_sqlite_count(const sd_sqlite_plan *p);
const sd_sqlite_step *sd_plan_sqlite_at(const sd_sqlite_plan *p, size_t i); /* NULL past the end */
/* The decision for a table of "to" (NULL for an object that is no table of "to"). */
const sd_sqlite_table *sd_plan_sqlite_table(const sd_sqlite_plan *p, const sd_object *to_table);

#endif
