/*
 * migrate_int.h: what the files of migrate/ share and no other module sees.
 */
#ifndef SD_MIGRATE_MIGRATE_INT_H
#define SD_MIGRATE_MIGRATE_INT_H

#include <stdbool.h>

#include <sys/types.h>

#include "util/arena.h"
#include "util/err.h"

/* DIR/NAME in arena, without a doubled '/' when dir ends in one ("migrations/"), so that
 * messages show the path as a user would write it. NULL when out of memory. */
const char *sd_migrate__path(sd_arena *arena, const char *dir, const char *name);

/* A throwaway PostgreSQL server (--dev-url auto; devserver.c). */
typedef struct sd_dev_server {
    char dir[256];    /* its private directory: data, log and socket ("": none) */
    char bindir[512]; /* where initdb and pg_ctl are */
    char url[400];    /* a libpq key=value string for its postgres database */
    bool running;     /* started: to stop */
    bool as_postgres; /* run as the postgres user (schemadrift runs as root) */
    uid_t uid;
    gid_t gid;
} sd_dev_server;

/* initdb, then start it on a socket in its directory. On failure nothing is left behind. */
SD_MUST_CHECK sd_status sd_migrate__dev_start(sd_dev_server *s, sd_err *err);
/* Stop it (immediate) and remove its directory; accepts a server that never started. */
void sd_migrate__dev_stop(sd_dev_server *s);

#endif
