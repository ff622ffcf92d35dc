/*
 * emit_int.h: declarations shared between the emit module's files (one entry point per
 * engine, called by the dispatch in emit.c). No other module includes this.
 */
#ifndef SD_EMIT_EMIT_INT_H
#define SD_EMIT_EMIT_INT_H

#include "emit/emit.h"
#include "emit/emit_writer_int.h"
#include "plan/plan.h"

/*
 * Append the SQLite script for cl (whose models are SQLite models and which holds drift) to
 * out, and to plan a step for each part of it, in script order, each starting at its first
 * byte in out (sd_plan_append; a step's SQL ends where the next one's starts). On failure out
 * may hold a partial script; emit.c discards it.
 */
SD_MUST_CHECK sd_status sd_emit__sqlite(sd_buf *out,
                                        const sd_changelist *cl,
                                        sd_plan *plan,
                                        const sd_emit_options *opts,
                                        sd_err *err);

/* The same for PostgreSQL (emit_pg.c). */
SD_MUST_CHECK sd_status sd_emit__pg(sd_buf *out,
                                    const sd_changelist *cl,
                                    sd_plan *plan,
                                    const sd_emit_options *opts,
                                    sd_err *err);

/*
 * The checks of sd_emit_preflight() for cl. live: queries for the live "from" database
 * (objects a rename touches left out); false: for a guard in the script, after its renames.
 */
SD_MUST_CHECK sd_status sd_emit__checks(const sd_changelist *cl,
                                        const sd_emit_options *opts,
                                        bool live,
                                        sd_preflight_list *out,
                                        sd_err *err);

#endif
