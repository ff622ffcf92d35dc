/*
 * snapshot.h: a model as canonical YAML and back (libyaml). The same model always gives the
 * same bytes; reading validates everything (unknown/missing keys, types, duplicates, and
 * every object's fingerprint) and reports `file:line:column: what is wrong`.
 */
#ifndef SD_SNAPSHOTS_SNAPSHOT_H
#define SD_SNAPSHOTS_SNAPSHOT_H

#include <stddef.h>

#include "model/model.h"
#include "util/buf.h"
#include "util/err.h"

/* The format version written at the top as `schemadrift_snapshot: 1`. */
#define SD_SNAPSHOT_VERSION 2

/* Append the YAML for a frozen model to out. */
SD_MUST_CHECK sd_status sd_snapshot_write(sd_buf *out, const sd_model *m, sd_err *err);
/*
 * Parse YAML text into a new frozen model; name is used in messages (a path). On error
 * err->where is "name:line:column" and *out is NULL.
 */
SD_MUST_CHECK sd_status
sd_snapshot_read(sd_model **out, const char *data, size_t len, const char *name, sd_err *err);
/* sd_snapshot_read() of a file; SD_ERR_NOTFOUND when it does not exist. */
SD_MUST_CHECK sd_status sd_snapshot_read_file(sd_model **out, const char *path, sd_err *err);

/* "libyaml X.Y.Z" line: the library this build runs with. */
void sd_snapshot_versions(sd_buf *out);

#endif
