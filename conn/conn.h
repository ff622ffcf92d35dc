/*
 * conn.h: PostgreSQL connection strings and connections, in one place. A source string (a
 * postgres:// or postgresql:// URL, or a libpq "key=value" string) is parsed once, by libpq's
 * own PQconninfoParse(), into sd_conn_params: the keyword/value arrays PQconnectdbParams()
 * takes and a label that is safe to print, built from the fields libpq parsed. The CLI, the
 * introspector and (later) the migration runner all connect through it.
 *
 * Credentials. No string this module returns or puts into an sd_err holds a password: the
 * label shows only user, host, hostaddr, port and dbname; libpq's messages are scrubbed of
 * the passwords the parameters and the connection carry, and the fragments libpq's parser
 * quotes are dropped unless they are a keyword. A URL in which a raw '@' could split the
 * password (libpq ends user:password at the first '@' or '/', so "u:p@ss/w@h/db" connects to
 * host "ss", database "w@h/db") is refused: such a password must be percent-encoded.
 *
 * What it does not do: decide whether an argument is a PostgreSQL source at all (the CLI's
 * source.c does, from its form), or run queries.
 */
#ifndef SD_CONN_CONN_H
#define SD_CONN_CONN_H

#include <stdbool.h>

#include <libpq-fe.h>

#include "util/buf.h"
#include "util/err.h"

/* A parsed connection string (opaque; read-only once parsed, so threads may share it). */
typedef struct sd_conn_params sd_conn_params;

/*
 * Parse conninfo with PQconninfoParse(). SD_ERR_PARSE naming the source by a safe shape
 * ("postgresql://..." or "(key=value string)"), with libpq's message (quoted fragments
 * dropped) as detail and a hint, when libpq refuses it or when a URL holds a raw '@' other
 * than the one ending "user:password@" before any '/'. *out is NULL on error; free it with
 * sd_conn_free().
 */
SD_MUST_CHECK sd_status sd_conn_parse(sd_conn_params **out, const char *conninfo, sd_err *err);
void sd_conn_free(sd_conn_params *p); /* accepts NULL */

/*
 * The same connection settings with another database (a scratch database made on a dev
 * server): every option p set, dbname replaced; labelled in the key=value form. A dbname of
 * p that is itself a connection string is replaced whole, with the settings it held.
 */
SD_MUST_CHECK sd_status sd_conn_with_dbname(sd_conn_params **out,
                                            const sd_conn_params *p,
                                            const char *dbname,
                                            sd_err *err);

/*
 * The redacted label: deterministic, from the parsed fields only, in the form given.
 * URL: scheme://[user@][host[:port][,host[:port]...]][/dbname][?host=..&hostaddr=..&port=..]
 * (hosts that are not plain names or addresses, such as socket directories, and a list of
 * ports that does not pair with the hosts go to the query; parts percent-encoded where they
 * would not read back). key=value: "host=.. hostaddr=.. port=.. dbname=.. user=..", values
 * quoted as libpq reads them; "(connection string)" when none is set. A dbname that is itself
 * a connection string shows as "...".
 */
const char *sd_conn_label(const sd_conn_params *p);

/*
 * NULL-terminated arrays for PQconnectdbParams(keywords, values, 0): every option the string
 * set, then fallback_application_name=schemadrift unless the string set one (so the session
 * is named schemadrift unless the string or PGAPPNAME says otherwise). Owned by p.
 */
const char *const *sd_conn_keywords(const sd_conn_params *p);
const char *const *sd_conn_values(const sd_conn_params *p);
/* The value the string set for keyword, or NULL. */
const char *sd_conn_get(const sd_conn_params *p, const char *keyword);

/*
 * Connect (PG* variables, ~/.pgpass and service files apply). SD_ERR_CONNECT "could not
 * connect to PostgreSQL at host=.. port=.. dbname=.. user=.." (the settings libpq used) with
 * libpq's message, scrubbed, as detail. *out is NULL on error; the caller PQfinish()es it.
 */
SD_MUST_CHECK sd_status sd_conn_connect(PGconn **out, const sd_conn_params *p, sd_err *err);

/* Whether a connect error is the server refusing one more connection ("too many connections
 * for role", "sorry, too many clients already"): worth trying again once another closed. */
bool sd_conn_busy(const sd_err *err);

/*
 * Last line of defence: replace, in every part of err, each password p carries (password,
 * sslpassword, a dbname that is itself a connection string) and PGPASSWORD by "***".
 * Passwords shorter than four characters are left alone (masking every "abc" would garble
 * the message and point at the password). p may be NULL (only PGPASSWORD is masked).
 */
void sd_conn_mask(const sd_conn_params *p, sd_err *err);

/* Append a libpq message on one line: trailing blanks dropped, line breaks folded. */
void sd_conn_append_message(sd_buf *out, const char *msg);

#endif
