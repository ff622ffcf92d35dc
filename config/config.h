/*
 * config.h: schemadrift.yaml, the project's config file: where the migrations are, the
 * scratch server replays run on, the runner's tracking table and timeouts, and named
 * environments (dev, staging, prod) whose names stand for a SOURCE on the command line.
 *
 *     engine: postgresql               # of a migrations directory, when nothing else says
 *     dev_url: postgresql:///scratch   # where replays run (PostgreSQL)
 *     migrations:
 *       dir: migrations
 *       table: schemadrift_migrations  # the tracking table
 *       schema: public                 # its schema (PostgreSQL; default: the search_path's first)
 *       lock_timeout: 10s
 *       statement_timeout: 0           # 0: none
 *     environments:
 *       dev: sqlite:dev.db
 *       prod: ${PROD_DATABASE_URL}     # a SOURCE; ${VAR} from the environment
 *       staging:
 *         url: postgres://app@staging/app
 *         dev_url: postgres://app@staging-dev/postgres
 *
 * ${NAME} in any value is replaced by the environment variable NAME, so that secrets stay
 * out of the file; $${ writes a literal ${. The URLs (an environment's url and dev_url, the
 * dev_url) are expanded only when used, so that an unset variable only fails the commands
 * that need it; the other settings when the file is read. An unknown key, a duplicate key, a value
 * of the wrong shape and an unset variable are errors naming file:line:column, never the value (it
 * may hold a password). Paths and SOURCEs are taken as they would be on the command line, relative
 * to the working directory.
 *
 * Reads nothing but its input (the caller's environment lookup for ${VAR}); thread-safe.
 */
#ifndef SD_CONFIG_CONFIG_H
#define SD_CONFIG_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/err.h"
#include "util/sql.h"

/* The file looked for when --config is not given. */
#define SD_CONFIG_DEFAULT_PATH "schemadrift.yaml"

/*
 * A value whose ${VAR}s are expanded only when it is used (sd_config_expand()): the URLs,
 * so that a command needing dev's database does not need prod's password in its
 * environment. Its references were checked when the file was read.
 */
typedef struct sd_config_value {
    const char *raw; /* as written; NULL: not given */
    const char *key; /* "environments.prod.url", for messages */
    size_t line;     /* 1-based position of the value in the file */
    size_t column;
} sd_config_value;

/* One named environment. url and dev_url may hold passwords: never print them. */
typedef struct sd_config_env {
    const char *name;        /* the key under environments */
    sd_config_value url;     /* its SOURCE */
    sd_config_value dev_url; /* its own dev_url; raw NULL: the config's */
    size_t line;             /* 1-based line of its key, for messages */
} sd_config_env;

/* Looks up an environment variable: its value, or NULL when it is not set. */
typedef const char *(*sd_config_getenv)(const char *name, void *ctx);

typedef struct sd_config {
    sd_arena *arena;              /* owns everything below */
    const char *path;             /* the file (or name) it was read from */
    bool has_engine;              /* engine: given */
    sd_engine engine;             /* engine of a migrations directory when nothing else says */
    sd_config_value dev_url;      /* where migrations are replayed (PostgreSQL); raw NULL: none */
    const char *dir;              /* migrations.dir, default "migrations" */
    const char *table;            /* migrations.table, default "schemadrift_migrations" */
    const char *schema;           /* migrations.schema; NULL: the engine's default */
    int64_t lock_timeout_ms;      /* migrations.lock_timeout, default 10 s */
    int64_t statement_timeout_ms; /* migrations.statement_timeout, default 0 (none) */
    const sd_config_env *envs;    /* in file order */
    size_t nenvs;
    sd_config_getenv getenv_fn; /* how sd_config_expand() looks variables up */
    void *getenv_ctx;
} sd_config;

/*
 * Parse a config from text (len bytes; name is the file name messages show). getenv NULL:
 * the process environment. On SD_OK *out is a new config (sd_config_free()); SD_ERR_PARSE
 * with err->where "name:line:column" for anything malformed; SD_ERR_NOMEM.
 */
SD_MUST_CHECK sd_status sd_config_parse(sd_config **out,
                                        const char *text,
                                        size_t len,
                                        const char *name,
                                        sd_config_getenv getenv_fn,
                                        void *ctx,
                                        sd_err *err);

/*
 * The config for a command: path given (--config): that file, which must exist
 * (SD_ERR_NOTFOUND otherwise); path NULL: ./schemadrift.yaml when it exists, else *out NULL
 * and SD_OK (no config is not an error).
 */
SD_MUST_CHECK sd_status sd_config_load(sd_config **out, const char *path, sd_err *err);

/*
 * v's text with its ${VAR}s replaced, into *out (malloc'd; may hold a password). SD_ERR_PARSE
 * at the value's file:line:column naming the variable when one is not set.
 */
SD_MUST_CHECK sd_status sd_config_expand(const sd_config *c,
                                         const sd_config_value *v,
                                         char **out,
                                         sd_err *err);

/* The environment called name, or NULL. */
const sd_config_env *sd_config_env_find(const sd_config *c, const char *name);

/* Accepts NULL. */
void sd_config_free(sd_config *c);

#endif
