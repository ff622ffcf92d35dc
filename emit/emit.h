/*
 * emit.h: turn a change list into SQL text for one engine. Pure: it writes only to the
 * caller's buffer and executes nothing. The SQL is complete and runnable as it is
 * (`sqlite3 db < out.sql`); a statement that loses data is preceded by a line
 * `-- destructive: <what is lost>`.
 */
#ifndef SD_EMIT_EMIT_H
#define SD_EMIT_EMIT_H

#include <stdbool.h>

#include "diff/diff.h"
#include "plan/plan.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/sql.h"

typedef struct sd_emit_options {
    bool quote_all_identifiers; /* quote every identifier, not only those that need it */
    bool plain; /* no client directive (.bail on, \set ON_ERROR_STOP on) as the first line */
} sd_emit_options;

/*
 * Append the SQL that turns the change list's "from" model into its "to" model. Nothing is
 * appended when the list holds no drift. SD_ERR_UNSUPPORTED (naming the object) for a change
 * the engine cannot express.
 */
SD_MUST_CHECK sd_status sd_emit_sql(sd_buf *out,
                                    const sd_changelist *cl,
                                    const sd_emit_options *opts,
                                    sd_err *err);

/*
 * The same, and the plan of the script in *plan_out (the caller frees it with sd_plan_free):
 * every byte of what is appended belongs to exactly one step, each step's [sql_start, sql_end)
 * counted from the first byte appended; each step that loses data says what. *plan_out is NULL
 * on failure; an empty plan when there is no drift.
 */
SD_MUST_CHECK sd_status sd_emit_plan(sd_buf *out,
                                     sd_plan **plan_out,
                                     const sd_changelist *cl,
                                     const sd_emit_options *opts,
                                     sd_err *err);

/*
 * Preflight: when step i of plan depends on the rows of "from" (today: a column that becomes
 * NOT NULL), append a read-only query returning one integer, the number of rows that would
 * make the step fail, and set *column to the "from" column it counts; else append nothing and
 * return false. Steps that check the same column give the same query.
 */
bool sd_emit_preflight_query(sd_buf *out, const sd_plan *plan, size_t i, const sd_object **column);

#endif
