/*
 * introspect.h: catalog readers. Each reads a live database's metadata into a new, frozen
 * model and does nothing else. A database is opened read-only and never modified.
 */
#ifndef SD_INTROSPECT_INTROSPECT_H
#define SD_INTROSPECT_INTROSPECT_H

#include <stddef.h>

#include "conn/conn.h"
#include "model/model.h"
#include "util/buf.h"
#include "util/err.h"

/*
 * Read the SQLite database at path (opened read-only; a missing file is SD_ERR_NOTFOUND,
 * never a new empty database; a file that is not a database is SD_ERR_CONNECT). Reads
 * sqlite_schema and the table-valued pragmas with one query per object kind, and parses
 * the stored CREATE text for what only it holds. *out is owned by the caller
 * (sd_model_free).
 */
SD_MUST_CHECK sd_status sd_sqlite_introspect(sd_model **out, const char *path, sd_err *err);

/* What a PostgreSQL introspection reads. */
typedef struct sd_pg_options {
    const char *const *schemas;         /* only these schemas (NULL/0: all but system ones) */
    size_t nschemas;                    /* number of schemas */
    const char *const *exclude_schemas; /* never these schemas */
    size_t nexclude;                    /* number of exclude_schemas */
    unsigned connections;               /* at most this many connections (0 or 1: one) */
} sd_pg_options;

/*
 * Read the PostgreSQL database that params (a source parsed by sd_conn_parse(); PG*
 * variables, .pgpass and service files apply) names, into a
 * new frozen model. All reads run in one REPEATABLE READ READ ONLY transaction with one
 * catalog query per object kind; a concurrent DDL that fails a read ("cache lookup failed")
 * is retried once. With opts->connections 2, the queries are shared with a second connection
 * that joins the first one's snapshot (pg_export_snapshot), so the server works on two at
 * once; when that connection cannot be made, the first does all the work. System schemas and
 * objects that belong to an extension are never read. Errors never contain the password: a
 * failed connection is described by conn/ without secrets. SD_ERR_CONNECT when the server cannot be
 * reached, SD_ERR_DB for query failures.
 */
SD_MUST_CHECK sd_status sd_pg_introspect(sd_model **out,
                                         const sd_conn_params *params,
                                         const sd_pg_options *opts,
                                         sd_err *err);
/*
 * Preflight: run each of the n read-only queries (each returns one row of one integer, such
 * as a count of rows a migration would refuse) in one read-only transaction, counts[i] taking
 * query i's value. A query the database refuses fails the call, unless optional is non-NULL
 * and optional[i]: then counts[i] is -1 and the others still run (an expression that names
 * what the database does not have yet). Opened and reported like the introspectors above;
 * nothing is written.
 */
SD_MUST_CHECK sd_status sd_sqlite_counts(const char *path,
                                         const char *const *queries,
                                         const bool *optional,
                                         size_t n,
                                         long long *counts,
                                         sd_err *err);
SD_MUST_CHECK sd_status sd_pg_counts(const sd_conn_params *params,
                                     const char *const *queries,
                                     const bool *optional,
                                     size_t n,
                                     long long *counts,
                                     sd_err *err);

/* "libpq X.Y" and "SQLite X.Y.Z" lines: the client libraries this build runs with. */
void sd_introspect_versions(sd_buf *out);

#endif
