/*
 * test_conn.c: connection strings parsed by libpq (conn/conn.h). URL and key=value forms give
 * libpq's fields to PQconnectdbParams with application_name defaulted; labels are written from
 * the parsed fields and never hold a password, whatever characters it has; a URL whose raw '@'
 * or '/' would let libpq split a password is refused; malformed strings fail with libpq's
 * message, minus the fragments it quotes; errors are masked of every password.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "conn/conn.h"
#include "util/util.h"

/* Pieces of the passwords used below: none may appear in a label or an error. */
static const char *const SECRETS[] = { "S3cr3tPW", "Pa1rtOne", "Pa2rtTwo", "Pa3rtThree" };

static void
assert_no_secret(const char *s)
{
    for (size_t i = 0; i < SD_ARRAY_LEN(SECRETS); i++) {
        if (strstr(s, SECRETS[i]) != NULL)
            print_error("\"%s\" holds \"%s\"\n", s, SECRETS[i]);
        assert_null(strstr(s, SECRETS[i]));
    }
}

static void
assert_err_clean(const sd_err *err)
{
    assert_no_secret(err->msg);
    assert_no_secret(err->detail);
    assert_no_secret(err->hint);
    assert_no_secret(err->where);
}

/* Parses; the label is want and holds no secret; parsing twice gives the same label. */
static sd_conn_params *
parsed(const char *conninfo, const char *want)
{
    sd_err err = SD_ERR_INIT;
    sd_conn_params *p = NULL;
    sd_status rc = sd_conn_parse(&p, conninfo, &err);
    if (rc != SD_OK)
        print_error("refused: %s: %s (%s)\n", conninfo, err.msg, err.detail);
    assert_int_equal(rc, SD_OK);
    if (strcmp(sd_conn_label(p), want) != 0)
        print_error("label of %s: \"%s\", want \"%s\"\n", conninfo, sd_conn_label(p), want);
    assert_string_equal(sd_conn_label(p), want);
    assert_no_secret(sd_conn_label(p));
    sd_conn_params *again = NULL;
    assert_int_equal(sd_conn_parse(&again, conninfo, &err), SD_OK);
    assert_string_equal(sd_conn_label(again), sd_conn_label(p));
    sd_conn_free(again);
    return p;
}

static void
label_is(const char *conninfo, const char *want)
{
    sd_conn_free(parsed(conninfo, want));
}

/* Refused with SD_ERR_PARSE, msg holding why, and no secret anywhere in the error. */
static void
refused(const char *conninfo, const char *why)
{
    sd_err err = SD_ERR_INIT;
    sd_conn_params *p = (sd_conn_params *)1;
    assert_int_equal(sd_conn_parse(&p, conninfo, &err), SD_ERR_PARSE);
    assert_null(p);
    char all[sizeof(err.msg) + sizeof(err.detail) + 2];
    snprintf(all, sizeof(all), "%s\n%s", err.msg, err.detail);
    if (strstr(all, why) == NULL)
        print_error("error for %s lacks \"%s\": %s\n", conninfo, why, all);
    assert_non_null(strstr(all, why));
    assert_true(err.hint[0] != '\0');
    assert_err_clean(&err);
}

/* The value p passes to PQconnectdbParams for keyword, or NULL. */
static const char *
param(const sd_conn_params *p, const char *keyword)
{
    const char *const *k = sd_conn_keywords(p);
    const char *const *v = sd_conn_values(p);
    const char *found = NULL;
    size_t n = 0;
    for (; k[n] != NULL; n++)
        if (strcmp(k[n], keyword) == 0)
            found = v[n];
    assert_null(v[n]);
    return found;
}

static void
test_url_forms(void **state)
{
    (void)state;
    sd_conn_params *p = parsed("postgresql://alice:S3cr3tPW@db.example:5433/app?sslmode=require",
                               "postgresql://alice@db.example:5433/app");
    assert_string_equal(param(p, "user"), "alice");
    assert_string_equal(param(p, "password"), "S3cr3tPW");
    assert_string_equal(param(p, "host"), "db.example");
    assert_string_equal(param(p, "port"), "5433");
    assert_string_equal(param(p, "dbname"), "app");
    assert_string_equal(param(p, "sslmode"), "require");
    assert_string_equal(sd_conn_get(p, "sslmode"), "require");
    assert_null(sd_conn_get(p, "options"));
    sd_conn_free(p);

    label_is("postgres://alice@/app?host=/var/run/postgresql&port=5432",
             "postgres://alice@/app?host=/var/run/postgresql&port=5432");
    label_is("postgresql://%2Fvar%2Frun%2Fpostgresql/app",
             "postgresql:///app?host=/var/run/postgresql");
    label_is("postgresql:///app", "postgresql:///app");
    label_is("postgresql://", "postgresql://");
    label_is("postgresql://[::1]:5432,db2:5433/app", "postgresql://[::1]:5432,db2:5433/app");
    label_is("postgresql://db1,db2/app?port=5432", "postgresql:///app?host=db1,db2&port=5432");
    label_is("postgresql://h/app?hostaddr=10.0.0.1&options=-c%20x%3Dy&sslpassword=S3cr3tPW",
             "postgresql://h/app?hostaddr=10.0.0.1");
    label_is("postgresql://h/a%20b%3Fc", "postgresql://h/a%20b%3Fc");
    label_is("postgresql://h/host%3Dx%20password%3DS3cr3tPW", "postgresql://h/...");
    label_is("postgresql://us%40er:S3cr3tPW@h", "postgresql://us%40er@h");
}

static void
test_conninfo_forms(void **state)
{
    (void)state;
    sd_conn_params *p = parsed("host=/tmp port=5433 dbname=app user=alice password=S3cr3tPW",
                               "host=/tmp port=5433 dbname=app user=alice");
    assert_string_equal(param(p, "host"), "/tmp");
    assert_string_equal(param(p, "password"), "S3cr3tPW");
    sd_conn_free(p);
    /* Canonical order, whatever the order given; quoted as libpq reads values. */
    label_is("user=alice  dbname = 'my app' host=h hostaddr=10.0.0.1",
             "host=h hostaddr=10.0.0.1 dbname='my app' user=alice");
    label_is("dbname='it\\'s'", "dbname='it\\'s'");
    label_is("password=S3cr3tPW sslpassword=S3cr3tPW sslmode=verify-full", "(connection string)");
    label_is("host=h dbname='host=h2 password=S3cr3tPW'", "host=h dbname=...");
    label_is("host=h dbname=postgresql://u:S3cr3tPW@h2/d", "host=h dbname=...");
}

static void
test_percent_encoded_password(void **state)
{
    (void)state;
    sd_conn_params *p = parsed("postgresql://alice:Pa1rtOne%40Pa2rtTwo%2FPa3rtThree@h:1/db",
                               "postgresql://alice@h:1/db");
    assert_string_equal(param(p, "password"), "Pa1rtOne@Pa2rtTwo/Pa3rtThree");
    assert_string_equal(param(p, "host"), "h");
    assert_string_equal(param(p, "dbname"), "db");
    sd_conn_free(p);
    p = parsed("postgresql://alice:S3cr3t%50W@h/db", "postgresql://alice@h/db");
    assert_string_equal(param(p, "password"), "S3cr3tPW");
    sd_conn_free(p);
    /* A '?' in a password is libpq's: user:password still ends at the '@'. */
    p = parsed("postgresql://alice:Pa1rtOne?Pa2rtTwo@h/db", "postgresql://alice@h/db");
    assert_string_equal(param(p, "password"), "Pa1rtOne?Pa2rtTwo");
    sd_conn_free(p);
}

static void
test_at_and_slash_in_password(void **state)
{
    (void)state;
    /* libpq: user u, password Pa1rtOne, host Pa2rtTwo, dbname Pa3rtThree@localhost/db. */
    refused("postgresql://u:Pa1rtOne@Pa2rtTwo/Pa3rtThree@localhost/db", "unencoded '@'");
    /* libpq: host u, port Pa1rtOne, dbname Pa2rtTwo@localhost/db. */
    refused("postgresql://u:Pa1rtOne/Pa2rtTwo@localhost/db", "unencoded '@'");
    refused("postgresql://u:Pa1rtOne@Pa2rtTwo@localhost/db", "unencoded '@'");
    refused("postgres://u:Pa1rtOne?Pa2rtTwo@Pa3rtThree@localhost/db", "unencoded '@'");
    refused("postgresql://u:Pa1rtOne@Pa2rtTwo?host=Pa3rtThree@h", "unencoded '@'");
    refused("postgresql:///db?password=Pa1rtOne@Pa2rtTwo", "unencoded '@'");
    /* key=value strings have no such ambiguity. */
    sd_conn_params *p =
        parsed("host=h dbname=db password=Pa1rtOne@Pa2rtTwo/Pa3rtThree", "host=h dbname=db");
    assert_string_equal(param(p, "password"), "Pa1rtOne@Pa2rtTwo/Pa3rtThree");
    sd_conn_free(p);
    p = parsed("host=h password='Pa1rtOne @Pa2rtTwo\\'Pa3rtThree'", "host=h");
    assert_string_equal(param(p, "password"), "Pa1rtOne @Pa2rtTwo'Pa3rtThree");
    sd_conn_free(p);
}

static void
test_application_name(void **state)
{
    (void)state;
    sd_conn_params *p = parsed("postgresql://h/db", "postgresql://h/db");
    assert_string_equal(param(p, "fallback_application_name"), "schemadrift");
    assert_null(param(p, "application_name"));
    sd_conn_free(p);
    /* Given: libpq prefers application_name (and PGAPPNAME) to the fallback. */
    p = parsed("postgresql://h/db?application_name=deploy", "postgresql://h/db");
    assert_string_equal(param(p, "application_name"), "deploy");
    assert_string_equal(param(p, "fallback_application_name"), "schemadrift");
    sd_conn_free(p);
    p = parsed("host=h fallback_application_name=mine", "host=h");
    assert_string_equal(param(p, "fallback_application_name"), "mine");
    const char *const *k = sd_conn_keywords(p);
    size_t n = 0;
    for (size_t i = 0; k[i] != NULL; i++)
        n += strcmp(k[i], "fallback_application_name") == 0;
    assert_int_equal(n, 1);
    sd_conn_free(p);
}

static void
test_malformed(void **state)
{
    (void)state;
    refused("postgresql://alice:S3cr3tPW%zz@h/db", "invalid percent-encoded token");
    refused("postgresql://alice:S3cr3tPW@h/db?nosuchkey=1", "invalid URI query parameter");
    refused("host=h password='S3cr3tPW", "unterminated quoted string");
    refused("host=h password=my S3cr3tPW", "missing \"=\"");
    refused("host=h nosuchkey=S3cr3tPW", "invalid connection option");
    refused("POSTGRESQL://u:S3cr3tPW@h/db",
            "invalid PostgreSQL connection string POSTGRESQL://...");
    refused("host=h password=S3cr3tPW%zz dbname=x y", "invalid PostgreSQL connection string");
}

static void
test_mask(void **state)
{
    (void)state;
    sd_err err = SD_ERR_INIT;
    sd_conn_params *p = parsed("host=h dbname='host=h2 password=Pa2rtTwo' password=S3cr3tPW "
                               "sslpassword=Pa1rtOne",
                               "host=h dbname=...");
    (void)sd_err_set(&err, SD_ERR_DB, "S3cr3tPW and Pa1rtOne");
    sd_err_detail(&err, "database \"host=h2 password=Pa2rtTwo\" does not exist");
    sd_err_where(&err, "Pa2rtTwo");
    setenv("PGPASSWORD", "Pa3rtThree", 1);
    sd_err_hint(&err, "Pa3rtThree");
    sd_conn_mask(p, &err);
    unsetenv("PGPASSWORD");
    assert_err_clean(&err);
    assert_string_equal(err.msg, "*** and ***");
    assert_string_equal(err.detail, "database \"***\" does not exist");
    sd_conn_free(p);
    /* Short passwords are not masked (it would garble the text and point at them). */
    sd_err_clear(&err);
    p = parsed("host=h password=abc", "host=h");
    (void)sd_err_set(&err, SD_ERR_DB, "a cab");
    sd_conn_mask(p, &err);
    assert_string_equal(err.msg, "a cab");
    sd_conn_free(p);
}

static void
test_connect_refused(void **state)
{
    (void)state;
    setenv("PGPASSFILE", "/nonexistent/pgpass", 1);
    sd_err err = SD_ERR_INIT;
    sd_conn_params *p = parsed("postgresql://alice:S3cr3tPW@/db?host=/nonexistent&port=1",
                               "postgresql://alice@/db?host=/nonexistent&port=1");
    PGconn *conn = (PGconn *)1;
    assert_int_equal(sd_conn_connect(&conn, p, &err), SD_ERR_CONNECT);
    assert_null(conn);
    assert_non_null(strstr(err.msg, "host=/nonexistent port=1 dbname=db user=alice"));
    assert_true(err.detail[0] != '\0');
    assert_null(strchr(err.detail, '\n'));
    assert_err_clean(&err);
    assert_false(sd_conn_busy(&err));
    sd_err_detail(&err, "FATAL:  too many connections for role \"alice\"");
    assert_true(sd_conn_busy(&err));
    sd_err_detail(&err, "FATAL:  sorry, too many clients already");
    assert_true(sd_conn_busy(&err));
    sd_conn_free(p);
}

static void
test_append_message(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    sd_conn_append_message(&b, "connection failed\n\tIs the server running?\n");
    assert_string_equal(sd_buf_cstr(&b), "connection failed Is the server running?");
    sd_buf_dispose(&b);
}

int
main(void)
{
    unsetenv("PGPASSWORD");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_url_forms),
        cmocka_unit_test(test_conninfo_forms),
        cmocka_unit_test(test_percent_encoded_password),
        cmocka_unit_test(test_at_and_slash_in_password),
        cmocka_unit_test(test_application_name),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_mask),
        cmocka_unit_test(test_connect_refused),
        cmocka_unit_test(test_append_message),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
