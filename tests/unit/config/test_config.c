/*
 * test_config.c: schemadrift.yaml (config/config.h). Every key is read with its default when
 * absent; ${VAR} comes from the lookup given; an unknown key, a duplicate, a wrong shape, a
 * bad timeout and an unset variable are refused naming file:line:column and never the value.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <unistd.h>

#include "config/config.h"

#define MAX_TEST_CONFIG (1024 * 1024 + 2)
#include "util/util.h"

/* A fake environment: NAME=value pairs. */
static const char *const ENV[] = {
    "PROD_URL", "postgres://app:s3cret@prod/app", "EMPTY", "", "PW", "p$${w}", NULL,
};

static const char *
fake_getenv(const char *name, void *ctx)
{
    (void)ctx;
    for (size_t i = 0; ENV[i] != NULL; i += 2) {
        if (strcmp(ENV[i], name) == 0)
            return ENV[i + 1];
    }
    return NULL;
}

static sd_config *
parse_ok(const char *text)
{
    sd_config *c = NULL;
    sd_err err = SD_ERR_INIT;
    sd_status rc = sd_config_parse(&c, text, strlen(text), "sd.yaml", fake_getenv, NULL, &err);
    if (rc != SD_OK)
        print_error("refused: %s: %s (%s)\n", err.where, err.msg, err.hint);
    assert_int_equal(rc, SD_OK);
    assert_non_null(c);
    return c;
}

/* Refused at where ("sd.yaml:L:C") with a message holding why, and no secret in it. */
static void
parse_refused(const char *text, const char *where, const char *why)
{
    sd_config *c = NULL;
    sd_err err = SD_ERR_INIT;
    sd_status rc = sd_config_parse(&c, text, strlen(text), "sd.yaml", fake_getenv, NULL, &err);
    if (rc == SD_OK || strstr(err.msg, why) == NULL || strcmp(err.where, where) != 0)
        print_error("text:\n%s\ngot %d: %s: %s\n", text, rc, err.where, err.msg);
    assert_int_equal(rc, SD_ERR_PARSE);
    assert_null(c);
    assert_string_equal(err.where, where);
    assert_non_null(strstr(err.msg, why));
    assert_null(strstr(err.msg, "s3cret"));
    assert_null(strstr(err.hint, "s3cret"));
}

/* v expanded; must succeed. Compared, then freed. */
static void
expands_to(const sd_config *c, const sd_config_value *v, const char *want)
{
    char *got = NULL;
    sd_err err = SD_ERR_INIT;
    sd_status rc = sd_config_expand(c, v, &got, &err);
    if (rc != SD_OK)
        print_error("%s: %s: %s\n", v->key, err.where, err.msg);
    assert_int_equal(rc, SD_OK);
    assert_string_equal(got, want);
    free(got);
}

static void
test_defaults(void **state)
{
    (void)state;
    sd_config *c = parse_ok("");
    assert_false(c->has_engine);
    assert_null(c->dev_url.raw);
    assert_string_equal(c->dir, "migrations");
    assert_string_equal(c->table, "schemadrift_migrations");
    assert_null(c->schema);
    assert_int_equal(c->lock_timeout_ms, 10000);
    assert_int_equal(c->statement_timeout_ms, 0);
    assert_int_equal(c->nenvs, 0);
    assert_null(sd_config_env_find(c, "prod"));
    sd_config_free(c);
}

/* Sections whose entries are all commented out (as `schemadrift init` writes them). */
static void
test_empty_sections(void **state)
{
    (void)state;
    sd_config *c = parse_ok("migrations:\n  # dir: x\nenvironments:\n  # dev: a.db\n");
    assert_string_equal(c->dir, "migrations");
    assert_int_equal(c->nenvs, 0);
    sd_config_free(c);
    c = parse_ok("migrations: ~\nenvironments: null\n");
    assert_int_equal(c->nenvs, 0);
    sd_config_free(c);
    parse_refused("migrations: 'null'\n", "sd.yaml:1:13", "migrations must be a mapping");
}

static void
test_full(void **state)
{
    (void)state;
    sd_config *c = parse_ok("# a comment\n"
                            "engine: postgresql\n"
                            "dev_url: auto\n"
                            "migrations:\n"
                            "  dir: db/migrations\n"
                            "  table: schema_history\n"
                            "  schema: ops\n"
                            "  lock_timeout: 2min\n"
                            "  statement_timeout: 1500 ms\n"
                            "environments:\n"
                            "  dev: sqlite:dev.db\n"
                            "  prod: ${PROD_URL}\n"
                            "  staging:\n"
                            "    url: \"postgres://app:${PW}@staging/app\"\n"
                            "    dev_url: postgres://localhost/scratch\n"
                            "  literal: 'a$${b}c'\n");
    assert_true(c->has_engine);
    assert_int_equal(c->engine, SD_ENGINE_PG);
    expands_to(c, &c->dev_url, "auto");
    assert_string_equal(c->dir, "db/migrations");
    assert_string_equal(c->table, "schema_history");
    assert_string_equal(c->schema, "ops");
    assert_int_equal(c->lock_timeout_ms, 120000);
    assert_int_equal(c->statement_timeout_ms, 1500);
    assert_int_equal(c->nenvs, 4);
    assert_string_equal(c->envs[0].name, "dev");
    expands_to(c, &c->envs[0].url, "sqlite:dev.db");
    assert_null(c->envs[0].dev_url.raw);
    assert_int_equal(c->envs[0].line, 11);
    const sd_config_env *prod = sd_config_env_find(c, "prod");
    assert_non_null(prod);
    expands_to(c, &prod->url, "postgres://app:s3cret@prod/app");
    const sd_config_env *staging = sd_config_env_find(c, "staging");
    /* A variable's value is not expanded again: its $${ stays as it is. */
    expands_to(c, &staging->url, "postgres://app:p$${w}@staging/app");
    expands_to(c, &staging->dev_url, "postgres://localhost/scratch");
    expands_to(c, &sd_config_env_find(c, "literal")->url, "a${b}c");
    sd_config_free(c);
    c = parse_ok("engine: postgres\n");
    assert_int_equal(c->engine, SD_ENGINE_PG);
    sd_config_free(c);
    c = parse_ok("engine: sqlite\n");
    assert_int_equal(c->engine, SD_ENGINE_SQLITE);
    sd_config_free(c);
}

static void
test_timeouts(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int64_t ms;
    } OK[] = {
        { .text = "0", .ms = 0 },         { .text = "250", .ms = 250 },
        { .text = "10s", .ms = 10000 },   { .text = "1h", .ms = 3600000 },
        { .text = "1d", .ms = 86400000 }, { .text = "2147483647ms", .ms = 2147483647 },
    };
    for (size_t i = 0; i < SD_ARRAY_LEN(OK); i++) {
        char text[128];
        snprintf(text, sizeof(text), "migrations:\n  lock_timeout: %s\n", OK[i].text);
        sd_config *c = parse_ok(text);
        assert_int_equal(c->lock_timeout_ms, OK[i].ms);
        sd_config_free(c);
    }
    static const char *const BAD[] = { "-1", "10 seconds", "1.5s", "s", "25d", "2147483648", "" };
    for (size_t i = 0; i < SD_ARRAY_LEN(BAD); i++) {
        char text[128];
        snprintf(text, sizeof(text), "migrations:\n  statement_timeout: '%s'\n", BAD[i]);
        parse_refused(text, "sd.yaml:2:22", "a timeout must be");
    }
}

static void
test_refusals(void **state)
{
    (void)state;
    parse_refused("engine: postgres\nmigration:\n  dir: x\n", "sd.yaml:2:1",
                  "unknown key migration in the config");
    parse_refused("migrations:\n  dirs: x\n", "sd.yaml:2:3", "unknown key dirs in migrations");
    parse_refused("environments:\n  prod:\n    url: x\n    pasword: y\n", "sd.yaml:4:5",
                  "unknown key pasword in prod");
    parse_refused("engine: postgres\nengine: sqlite\n", "sd.yaml:2:1", "key engine appears twice");
    parse_refused("engine: mysql\n", "sd.yaml:1:9",
                  "engine must be postgresql (or postgres) or sqlite");
    parse_refused("- a\n- b\n", "sd.yaml:1:1", "the config must be a mapping");
    parse_refused("migrations: x\n", "sd.yaml:1:13", "migrations must be a mapping");
    parse_refused("migrations:\n  dir: [a, b]\n", "sd.yaml:2:8", "must be a string");
    parse_refused("migrations:\n  dir: ''\n", "sd.yaml:2:8", "migrations.dir is empty");
    parse_refused("environments: [a]\n", "sd.yaml:1:15", "environments must be a mapping");
    parse_refused("environments:\n  prod:\n    dev_url: x\n", "sd.yaml:3:5",
                  "environment prod has no url");
    parse_refused("environments:\n  a: x\n  a: y\n", "sd.yaml:3:3",
                  "environment a is defined twice");
    parse_refused("environments:\n  prod: ${PROD_URLL\n", "sd.yaml:2:9",
                  "malformed variable reference");
    parse_refused("environments:\n  prod: ${PROD-URL}\n", "sd.yaml:2:9",
                  "malformed variable reference");
    parse_refused("environments:\n  prod: ${PROD_URL\n", "sd.yaml:2:9",
                  "malformed variable reference");
    parse_refused("environments:\n  prod: ${1X}\n", "sd.yaml:2:9", "malformed variable reference");
    parse_refused("engine: postgres\n---\nengine: sqlite\n", "sd.yaml:2:1",
                  "more than one YAML document");
    parse_refused("engine: [postgres\n", "sd.yaml:2:1", "");
}

/* A URL's variables are looked up only when it is used: an unset one fails that use, named
 * at the value's place, and not the reading of the file. */
static void
test_lazy_urls(void **state)
{
    (void)state;
    sd_config *c = parse_ok("dev_url: postgres://u:${NO_SUCH_PW}@dev/x\n"
                            "environments:\n"
                            "  dev: sqlite:dev.db\n"
                            "  prod:\n"
                            "    url: postgres://app:${PROD_PW}@prod/app\n");
    expands_to(c, &c->envs[0].url, "sqlite:dev.db");
    char *got = NULL;
    sd_err err = SD_ERR_INIT;
    assert_int_equal(sd_config_expand(c, &c->envs[1].url, &got, &err), SD_ERR_PARSE);
    assert_null(got);
    assert_string_equal(err.where, "sd.yaml:5:10");
    assert_string_equal(err.msg,
                        "environment variable PROD_PW is not set (used by environments.prod.url)");
    sd_err_clear(&err);
    assert_int_equal(sd_config_expand(c, &c->dev_url, &got, &err), SD_ERR_PARSE);
    assert_string_equal(err.where, "sd.yaml:1:10");
    assert_non_null(strstr(err.msg, "NO_SUCH_PW"));
    sd_config_free(c);
}

/* libyaml's errors at their place: a reader error (bad UTF-8) has only an offset. */
static void
test_yaml_errors(void **state)
{
    (void)state;
    parse_refused("environments:\n  x: a.db\n  dev: \"dev\xff.db\"\n", "sd.yaml:3:12",
                  "invalid YAML: invalid leading UTF-8 octet");
    parse_refused("engine: sqlite\n...\n]]]\n", "sd.yaml:3:1", "invalid YAML");
    char *big = malloc(MAX_TEST_CONFIG);
    assert_non_null(big);
    memset(big, '#', MAX_TEST_CONFIG - 1);
    big[MAX_TEST_CONFIG - 1] = '\0';
    parse_refused(big, "sd.yaml", "larger than");
    free(big);
}

/* A password in a value never reaches a message, even when the value is what is wrong. */
static void
test_no_secret_in_errors(void **state)
{
    (void)state;
    parse_refused("environments:\n  prod: ${PROD_URL}\n  prod: ${PROD_URL}\n", "sd.yaml:3:3",
                  "defined twice");
    parse_refused("engine: ${PROD_URL}\n", "sd.yaml:1:9", "engine must be");
    parse_refused("migrations:\n  lock_timeout: ${PROD_URL}\n", "sd.yaml:2:17",
                  "a timeout must be");
}

static void
test_load(void **state)
{
    (void)state;
    char dir[] = "/tmp/sd-config-test.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof(cwd)));
    assert_int_equal(chdir(dir), 0);
    sd_config *c = NULL;
    sd_err err = SD_ERR_INIT;
    /* No ./schemadrift.yaml: no config, no error. A --config that does not exist: an error. */
    assert_int_equal(sd_config_load(&c, NULL, &err), SD_OK);
    assert_null(c);
    assert_int_equal(sd_config_load(&c, "missing.yaml", &err), SD_ERR_NOTFOUND);
    FILE *f = fopen(SD_CONFIG_DEFAULT_PATH, "w");
    assert_non_null(f);
    fputs("migrations:\n  dir: db\n", f);
    fclose(f);
    sd_err_clear(&err);
    assert_int_equal(sd_config_load(&c, NULL, &err), SD_OK);
    assert_non_null(c);
    assert_string_equal(c->dir, "db");
    assert_string_equal(c->path, SD_CONFIG_DEFAULT_PATH);
    sd_config_free(c);
    assert_int_equal(unlink(SD_CONFIG_DEFAULT_PATH), 0);
    assert_int_equal(chdir(cwd), 0);
    assert_int_equal(rmdir(dir), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),  cmocka_unit_test(test_empty_sections),
        cmocka_unit_test(test_lazy_urls), cmocka_unit_test(test_yaml_errors),
        cmocka_unit_test(test_full),      cmocka_unit_test(test_timeouts),
        cmocka_unit_test(test_refusals),  cmocka_unit_test(test_no_secret_in_errors),
        cmocka_unit_test(test_load),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
