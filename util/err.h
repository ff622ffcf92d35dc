/*
 * err.h: status codes and the caller-owned error struct.
 *
 * Library functions return an sd_status and fill an sd_err; only cli/ prints or exits.
 * Messages follow PostgreSQL's style: lower-case primary line, optional detail, hint and where.
 */
#ifndef SD_UTIL_ERR_H
#define SD_UTIL_ERR_H

#include <stdbool.h>
#include <stdio.h>

typedef enum sd_status {
    SD_OK = 0,
    SD_ERR = -1,            /* generic; see err->msg */
    SD_ERR_NOMEM = -2,      /* allocation failed */
    SD_ERR_IO = -3,         /* file could not be read or written */
    SD_ERR_PARSE = -4,      /* malformed snapshot, DDL text or argument */
    SD_ERR_DB = -5,         /* the database engine reported an error */
    SD_ERR_CONNECT = -6,    /* a database could not be opened or reached */
    SD_ERR_NOTFOUND = -7,   /* a named input does not exist */
    SD_ERR_CYCLE = -8,      /* unresolvable dependency cycle */
    SD_ERR_UNSUPPORTED = -9 /* the change cannot be expressed for this engine */
} sd_status;

/* On every sd_status-returning prototype: a status dropped on the floor is a compile error. */
#define SD_MUST_CHECK __attribute__((warn_unused_result))

typedef struct sd_err {
    sd_status code;   /* SD_OK when no error was recorded */
    char msg[512];    /* primary: one line, lower-case start, no trailing period */
    char detail[512]; /* optional: full sentences, e.g. the engine's own message */
    char hint[256];   /* optional: what the user can do about it */
    char where[256];  /* "snap.yaml:42:7", "table main.orders" */
    bool truncated;   /* a part was cut; printed with "..." so it is never silent */
} sd_err;

#define SD_ERR_INIT                  \
    {                                \
        SD_OK, "", "", "", "", false \
    }

/* Record an error and return its code, so a failure site is one statement. */
sd_status sd_err_set(sd_err *err, sd_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Add optional parts. sd_err_where() keeps an existing location (inner context wins). */
void sd_err_detail(sd_err *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sd_err_hint(sd_err *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sd_err_where(sd_err *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Reset to the no-error state. */
void sd_err_clear(sd_err *err);
/*
 * Print "schemadrift: error: WHERE: MSG" plus detail and hint lines to fp.
 * Used by cli/ only; control characters in the message are shown escaped.
 */
void sd_err_print(FILE *fp, const sd_err *err);

#endif
