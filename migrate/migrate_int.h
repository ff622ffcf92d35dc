/*
 * migrate_int.h: what the files of migrate/ share and no other module sees.
 */
#ifndef SD_MIGRATE_MIGRATE_INT_H
#define SD_MIGRATE_MIGRATE_INT_H

#include "util/arena.h"

/* DIR/NAME in arena, without a doubled '/' when dir ends in one ("migrations/"), so that
 * messages show the path as a user would write it. NULL when out of memory. */
const char *sd_migrate__path(sd_arena *arena, const char *dir, const char *name);

#endif
