/*
 * introspect.h: catalog readers. Each reads a live database's metadata into a new, frozen
 * model and does nothing else. A database is opened read-only and never modified.
 */
#ifndef SD_INTROSPECT_INTROSPECT_H
#define SD_INTROSPECT_INTROSPECT_H

#include "model/model.h"
#include "util/err.h"

/*
 * Read the SQLite database at path (opened read-only; a missing file is SD_ERR_NOTFOUND,
 * never a new empty database; a file that is not a database is SD_ERR_CONNECT). Reads
 * sqlite_schema and the table-valued pragmas with one query per object kind, and parses
 * the stored CREATE text for what only it holds. *out is owned by the caller
 * (sd_model_free).
 */
__attribute__((warn_unused_result)) sd_status
sd_sqlite_introspect(sd_model **out, const char *path, sd_err *err);

#endif
