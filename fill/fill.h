/*
 * fill.h: generated rows for every table of a schema, as SQL (the filler).
 *
 * Given a frozen model, sd_fill_sql() appends INSERT statements that put `rows` generated rows
 * into every table, chosen so that they satisfy the schema where that is cheap to know: tables
 * come parents first (foreign-key order), row k of every table is numbered n = seed + k, and a
 * column of row n holds the value n renders to in its type, so a foreign key column of row n
 * (which takes the referenced column's value for n) finds its parent row; a column that a
 * CHECK names and no key holds takes the value for k instead, a small number that passes the
 * usual bounds (positive, at most some limit) whatever the seed. A CHECK of the form
 * col IN ('a', 'b') or col LIKE 'p%' (also in a domain) gives a text column one of its values
 * or the pattern with digits. Text otherwise gets digits ("1", "2"), so that a later retype to a
 * number still converts. Enums take their values in turn, domains their base type, arrays and json
 * '{}'; generated and identity-always columns are left out, and a column whose type we do not know
 * gets its default (or NULL).
 *
 * A row may still break a rule we cannot see (a CHECK, a trigger, a foreign key inside a
 * cycle): it is skipped, not the load. Each row is one statement of its own: for SQLite
 * `INSERT OR IGNORE` (a foreign key violation still errors, for that statement only, under
 * PRAGMA foreign_keys=ON); for PostgreSQL a DO block that swallows only integrity-constraint
 * violations (SQLSTATE class 23) and data exceptions (class 22), so that any other error, such
 * as a misspelt column, still stops the load.
 *
 * Deterministic: the same model and options give the same bytes. The seed for a later
 * "rehearsal" on generated data lives here, so nothing in it depends on the CLI.
 */
#ifndef SD_FILL_FILL_H
#define SD_FILL_FILL_H

#include <stddef.h>
#include <stdint.h>

#include "model/model.h"
#include "util/buf.h"
#include "util/err.h"

#define SD_FILL_DEFAULT_ROWS 3

typedef struct sd_fill_options {
    size_t rows;   /* rows per table; 0 means SD_FILL_DEFAULT_ROWS */
    uint64_t seed; /* row k (from 1) of every table is numbered seed + k in its keys */
} sd_fill_options;

/*
 * Append to out the SQL that fills every table of m (frozen) with generated rows. opt may be
 * NULL (the defaults). SD_ERR_NOMEM when out or a work array could not grow.
 */
SD_MUST_CHECK sd_status sd_fill_sql(sd_buf *out,
                                    const sd_model *m,
                                    const sd_fill_options *opt,
                                    sd_err *err);

#endif
