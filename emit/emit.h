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
#include "util/vec.h"

typedef struct sd_emit_options {
    bool quote_all_identifiers; /* quote every identifier, not only those that need it */
    bool plain; /* no client directive (.bail on, \set ON_ERROR_STOP on) as the first line */
    /* Comment lines after it (each written "-- line", control bytes escaped),
     * e.g. the tool's version and both sides; NULL: none. Not written when nothing differs. */
    const char *header;
    /* --using: conversions of retyped columns (PostgreSQL: ALTER COLUMN ... TYPE ... USING
     * (expr); refused on SQLite). Each must name a column the change list retypes. */
    const sd_using *usings;
    size_t nusings;
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
 * Preflight: what the script would refuse on data, as read-only queries to run on the live
 * "from" database before printing it (emit_preflight.c says which). Each query returns one
 * row with one integer: the rows (or duplicated values) in the way.
 */
typedef struct sd_preflight {
    char *query;              /* the count query, in "from"'s dialect */
    const sd_object *subject; /* the "from" column or table the count is about */
    const char *one;          /* what is counted: "NULL", "row", "duplicated value" */
    const char *many;         /* its plural */
    char *detail;             /* the rest of the sentence: "(the target makes it NOT NULL)" */
    bool optional;       /* the database may refuse the query (an expression naming what is new) */
    sd_guard_kind guard; /* the script's guard that checks the same */
} sd_preflight;

typedef SD_VEC(sd_preflight) sd_preflight_list;

/* Append the checks of plan's script, emitted with opts (NULL: defaults), to *out (no two with
 * the same query). */
SD_MUST_CHECK sd_status sd_emit_preflight(const sd_plan *plan,
                                          const sd_emit_options *opts,
                                          sd_preflight_list *out,
                                          sd_err *err);
/* "column public.t.x has 3 NULLs (the target makes it NOT NULL)". */
void sd_preflight_blocker(sd_buf *out, const sd_preflight *p, long long count);
void sd_preflight_list_dispose(sd_preflight_list *l);

#endif
