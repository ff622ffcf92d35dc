/*
 * util.h: umbrella header for the helpers that exist once in schemadrift.
 *
 * Every other module includes this (or a single util header) instead of writing its own
 * arena, string builder, vector, hash index, error type, quoting or file helpers.
 */
#ifndef SD_UTIL_UTIL_H
#define SD_UTIL_UTIL_H

#define SD_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define SD_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#include "util/arena.h"
#include "util/ascii.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/fsutil.h"
#include "util/map.h"
#include "util/sort.h"
#include "util/sql.h"
#include "util/sqltok.h"
#include "util/thread.h"
#include "util/topo.h"
#include "util/vec.h"

#endif
