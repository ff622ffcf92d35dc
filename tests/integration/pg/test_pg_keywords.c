/*
 * test_pg_keywords: our PostgreSQL identifier quoting (util/sql.c) against the live server.
 *
 * For every keyword of the fixture server (SELECT word, catcode FROM pg_get_keywords()), and
 * for a set of identifiers that are not keywords but need (or do not need) quoting,
 * sd_sql_ident(SD_ENGINE_PG, word) must equal PostgreSQL's own quote_ident(word): every
 * keyword that is not unreserved (catcode <> 'U') is quoted, unreserved ones are written
 * bare. sd_sql_is_keyword() must be true exactly for the non-unreserved keywords, and
 * sd_sql_ident_is_bare() must agree with the quoting. A keyword list in util/sql.c that falls
 * behind or runs ahead of the server fails here, naming each word.
 *
 * Usage: test_pg_keywords STATEFILE   (the fixture's state file, tests/scripts/pg_tmp.sh)
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "util/buf.h"
#include "util/sql.h"

static int failures;
static int checked;

static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "FAIL ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    failures++;
}

/* The PGHOST and PGPORT lines of the fixture's state file, into host and port. */
static bool
read_state(const char *path, char *host, size_t host_n, char *port, size_t port_n)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return false;
    char line[2048];
    while (fgets(line, sizeof(line), f) != NULL) {
        line[strcspn(line, "\r\n")] = '\0';
        char *eq = strchr(line, '=');
        if (eq == NULL)
            continue;
        *eq = '\0';
        if (strcmp(line, "PGHOST") == 0)
            snprintf(host, host_n, "%s", eq + 1);
        else if (strcmp(line, "PGPORT") == 0)
            snprintf(port, port_n, "%s", eq + 1);
    }
    fclose(f);
    return host[0] != '\0' && port[0] != '\0';
}

/* One word: ours against quote_ident's (server), and the keyword verdict when known. */
static void
check_word(const char *word, const char *server, const char *catcode)
{
    sd_buf ours = SD_BUF_INIT;
    sd_sql_ident(&ours, SD_ENGINE_PG, word);
    const char *q = sd_buf_cstr(&ours);
    checked++;
    if (strcmp(q, server) != 0)
        fail("%s: quote_ident gives %s, util/sql.c gives %s", word, server, q);
    bool bare = strcmp(server, word) == 0;
    if (sd_sql_ident_is_bare(SD_ENGINE_PG, word) != bare)
        fail("%s: sd_sql_ident_is_bare says %s, quote_ident %s", word, bare ? "quoted" : "bare",
             bare ? "leaves it bare" : "quotes it");
    if (catcode != NULL) {
        bool reserved = strcmp(catcode, "U") != 0;
        if (sd_sql_is_keyword(SD_ENGINE_PG, word) != reserved)
            fail("%s (catcode %s): sd_sql_is_keyword is %s", word, catcode,
                 reserved ? "false: add it to pg_keywords in util/sql.c"
                          : "true: it is unreserved, remove it from pg_keywords in util/sql.c");
    }
    sd_buf_dispose(&ours);
}

/* Identifiers that are not keywords: case, digits, blanks, quotes, non-ASCII, empty. */
static const char IDENTS_SQL[] =
    "SELECT w, quote_ident(w) FROM unnest(ARRAY["
    "'abc', 'a_b1', '_x', 'Abc', 'ABC', 'SELECT', 'Select', '1abc', 'a b', 'a-b', 'a.b', "
    "'a\"b', '\"', 'a''b', '$x', 'x$', U&'\\00e9lan', 'caf' || U&'\\00e9', '', 'usera', "
    "'select1', 'abc_', 'z', '_', 'int4', 'text', 'varchar2', 'merge', 'json'"
    "]) AS t(w) WHERE w NOT IN (SELECT word FROM pg_get_keywords())";

int
main(int argc, char **argv)
{
    char host[1024] = "";
    char port[64] = "";
    if (argc != 2) {
        fprintf(stderr, "usage: test_pg_keywords STATEFILE\n");
        return 2;
    }
    if (!read_state(argv[1], host, sizeof(host), port, sizeof(port))) {
        fprintf(stderr,
                "FAIL: no PostgreSQL fixture state (PGHOST, PGPORT) in %s: run this test "
                "through ctest, which starts the fixture (pg.start)\n",
                argv[1]);
        return 1;
    }
    const char *keys[] = { "host", "port", "dbname", "user", "client_encoding", NULL };
    const char *vals[] = { host, port, "postgres", "postgres", "UTF8", NULL };
    PGconn *conn = PQconnectdbParams(keys, vals, 0);
    if (PQstatus(conn) != CONNECTION_OK) {
        fprintf(stderr, "FAIL: cannot connect to the fixture server: %s", PQerrorMessage(conn));
        PQfinish(conn);
        return 1;
    }

    int nkeywords = 0;
    int nreserved = 0;
    PGresult *res = PQexec(conn, "SELECT word, catcode::text, quote_ident(word) "
                                 "FROM pg_get_keywords() ORDER BY word");
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        fprintf(stderr, "FAIL: pg_get_keywords(): %s", PQerrorMessage(conn));
        failures++;
    } else {
        nkeywords = PQntuples(res);
        for (int i = 0; i < nkeywords; i++) {
            const char *catcode = PQgetvalue(res, i, 1);
            if (strcmp(catcode, "U") != 0)
                nreserved++;
            check_word(PQgetvalue(res, i, 0), PQgetvalue(res, i, 2), catcode);
        }
    }
    PQclear(res);
    if (nkeywords < 400)
        fail("the server reports only %d keywords", nkeywords);

    res = PQexec(conn, IDENTS_SQL);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        fprintf(stderr, "FAIL: quote_ident of the test identifiers: %s", PQerrorMessage(conn));
        failures++;
    } else {
        for (int i = 0; i < PQntuples(res); i++)
            check_word(PQgetvalue(res, i, 0), PQgetvalue(res, i, 1), NULL);
    }
    PQclear(res);
    PQfinish(conn);

    printf("test_pg_keywords: %d words (%d keywords, %d not unreserved) checked against "
           "quote_ident(), %d failures\n",
           checked, nkeywords, nreserved, failures);
    return failures == 0 ? 0 : 1;
}
