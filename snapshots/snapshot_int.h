/*
 * snapshot_int.h: what the snapshot writer and reader must agree on beyond the kind registry,
 * plus the reader entry point with flags (used by the fuzzer) and the writer entry point with
 * its split threshold (used by the unit tests). No other module includes this.
 *
 * The layout rules live here once so that write.c and read.c cannot drift apart: which kinds
 * nest inside which (sd_snapshot__nests), which objects carry an explicit `table` key, and
 * the key names of the structures the registry does not describe (the top level, index key
 * parts and dependency references).
 */
#ifndef SD_SNAPSHOTS_SNAPSHOT_INT_H
#define SD_SNAPSHOTS_SNAPSHOT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "model/model.h"
#include "snapshots/snapshot.h"
#include "util/buf.h"
#include "util/err.h"

/* Top-level keys, in the order they are written. database (a mapping with one list per
 * database-wide kind the engine has, by plural, each always present) is written, and
 * required, exactly for engines that have a database-wide kind (sd_snapshot__has_database),
 * so SQLite snapshots keep their bytes. not_compared (a list of {kind, name} flow
 * mappings, sorted) is written for PostgreSQL models and for any model whose not-compared
 * list is not empty, so SQLite snapshots keep their bytes; the reader requires it for
 * PostgreSQL and accepts it for every engine. It is not part of any fingerprint. */
enum {
    SD_SNAP_TOP_VERSION,
    SD_SNAP_TOP_ENGINE,
    SD_SNAP_TOP_FINGERPRINT,
    SD_SNAP_TOP_DATABASE,
    SD_SNAP_TOP_SCHEMAS,
    SD_SNAP_TOP_NOT_COMPARED,
    SD_SNAP_TOP__COUNT
};
extern const char *const sd_snapshot__top_keys[SD_SNAP_TOP__COUNT];

/* Keys of one index key part (sd_keypart), in the order they are written. */
enum {
    SD_SNAP_KP_COLUMN,
    SD_SNAP_KP_EXPRESSION,
    SD_SNAP_KP_COLLATION,
    SD_SNAP_KP_OPCLASS,
    SD_SNAP_KP_DESC,
    SD_SNAP_KP_NULLS,
    SD_SNAP_KP__COUNT
};
extern const char *const sd_snapshot__keypart_keys[SD_SNAP_KP__COUNT];

/* Per-object keys that are not fields. */
#define SD_SNAP_KEY_NAME        "name"
#define SD_SNAP_KEY_TABLE       "table"
#define SD_SNAP_KEY_FINGERPRINT "fingerprint"
#define SD_SNAP_KEY_DEPENDS_ON  "depends_on"
/* Keys of one dependency reference; `table` only for kinds with has_table. */
#define SD_SNAP_KEY_KIND   "kind"
#define SD_SNAP_KEY_SCHEMA "schema"

/*
 * True when objects of kind child are written inside objects of kind parent: owned kinds in
 * their owner, and every other kind except schemas and database-wide kinds (written under
 * database:) inside its schema. This is the one rule
 * the registry cannot state (schemas are the implicit owner of schema-level kinds).
 */
bool sd_snapshot__nests(sd_engine e, sd_kind parent, sd_kind child);
/* True when engine e has a database-wide kind, so its snapshots hold the database key. */
bool sd_snapshot__has_database(sd_engine e);
/* True when objects of kind are written under database: (database-wide, and e has it). */
bool sd_snapshot__in_database(sd_engine e, sd_kind kind);
/* True when objects of kind carry an explicit `table` key (has_table and not nested). */
bool sd_snapshot__writes_table(sd_kind kind);
/* True when a snapshot of engine e must hold the not_compared key (see above). */
bool sd_snapshot__requires_uncompared(sd_engine e);

/* Reader flags. */
#define SD_SNAPSHOT__NO_VERIFY 1u /* skip comparing stored fingerprints (fuzzing only) */

/* sd_snapshot_read() with flags. */
SD_MUST_CHECK sd_status sd_snapshot__read(sd_model **out,
                                          const char *data,
                                          size_t len,
                                          const char *name,
                                          unsigned flags,
                                          sd_err *err);

/*
 * sd_snapshot_write() with every list of split_min or more objects (sd_snapshot_write: 1024)
 * written in two parts side by side, on two threads; 0 writes everything on this thread. The
 * bytes are the same whatever split_min: the unit tests compare the ways.
 */
SD_MUST_CHECK sd_status sd_snapshot__write_split(sd_buf *out,
                                                 const sd_model *m,
                                                 size_t split_min,
                                                 sd_err *err);

#endif
