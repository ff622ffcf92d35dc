/*
 * config.c: schemadrift.yaml read with libyaml's document loader (a config is small; every
 * node keeps its line and column for messages). Each mapping is checked against its table
 * of known keys, so a misspelt key is an error, not a setting silently ignored. Values never
 * appear in messages: after ${VAR} expansion a URL may hold a password.
 */
#include "config/config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "util/buf.h"
#include "util/fsutil.h"
#include "util/util.h"

typedef struct reader {
    sd_config *c;
    yaml_document_t *doc;
    sd_err *err;
    char key[256];       /* the key being read, "migrations.dir", for messages */
    sd_config_env *envs; /* growing; moved into c at the end */
    size_t nenvs, cap;
} reader;

/* A key a mapping accepts and what reads its value. */
typedef struct key_rule {
    const char *key;
    sd_status (*read)(reader *r, yaml_node_t *value, void *dest);
} key_rule;

/* rc, with the error's location set to at's "file:line:column": each failure site is
 * FAIL_AT(r, node, ...). */
static sd_status
located(reader *r, const yaml_node_t *at, sd_status rc)
{
    sd_err_where(r->err, "%s:%zu:%zu", r->c->path, (size_t)at->start_mark.line + 1,
                 (size_t)at->start_mark.column + 1);
    return rc;
}

/* Fail with SD_ERR_PARSE and a printf-style message, located at a node. */
#define FAIL_AT(r, at, ...) located((r), (at), sd_err_set((r)->err, SD_ERR_PARSE, __VA_ARGS__))

static bool
is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

static bool
is_name_char(char ch)
{
    return is_digit(ch) || ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* A key with nothing after it ("environments:" whose entries are all commented out), or
 * null: a section left empty. */
static bool
is_empty(const yaml_node_t *n)
{
    if (n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return false;
    const char *s = (const char *)n->data.scalar.value;
    return s[0] == '\0' || strcmp(s, "~") == 0 || strcmp(s, "null") == 0;
}

static const char *
process_getenv(const char *name, void *ctx)
{
    (void)ctx;
    return getenv(name);
}

static sd_status
nomem(reader *r)
{
    return sd_err_set(r->err, SD_ERR_NOMEM, "out of memory reading %s", r->c->path);
}

/*
 * s (len bytes) with ${VAR} replaced, appended to b; lookup false: only checked. SD_ERR_PARSE
 * (err->where left to the caller) for a malformed reference or an unset variable; what names
 * the value ("environments.prod.url").
 */
static sd_status
expand_text(const char *s,
            size_t len,
            const char *what,
            sd_config_getenv getenv_fn,
            void *ctx,
            bool lookup,
            sd_buf *b,
            sd_err *err)
{
    for (size_t i = 0; i < len;) {
        if (strncmp(s + i, "$${", 3) == 0) {
            sd_buf_append(b, "${");
            i += 3;
            continue;
        }
        if (strncmp(s + i, "${", 2) != 0) {
            sd_buf_putc(b, s[i++]);
            continue;
        }
        size_t start = i + 2;
        size_t end = start;
        while (end < len && is_name_char(s[end]))
            end++;
        if (end == start || end >= len || s[end] != '}' || is_digit(s[start])) {
            return sd_err_set(err, SD_ERR_PARSE,
                              "%s holds a malformed variable reference: write ${NAME} with a "
                              "name of letters, digits and underscores, or $${ for a literal ${",
                              what);
        }
        char name[256];
        if (end - start >= sizeof(name))
            return sd_err_set(err, SD_ERR_PARSE, "%s names a variable longer than 255 characters",
                              what);
        memcpy(name, s + start, end - start);
        name[end - start] = '\0';
        const char *v = lookup ? getenv_fn(name, ctx) : "";
        if (v == NULL) {
            sd_err_set(err, SD_ERR_PARSE, "environment variable %s is not set (used by %s)", name,
                       what);
            sd_err_hint(err, "Set %s in the environment, or write the value in the file.", name);
            return SD_ERR_PARSE;
        }
        sd_buf_append(b, v);
        i = end + 1;
    }
    return SD_OK;
}

/* n's text, which must be a string without NUL; what names it in messages. */
static sd_status
scalar_text(reader *r, const yaml_node_t *n, const char *what, const char **s, size_t *len)
{
    if (n->type != YAML_SCALAR_NODE)
        return FAIL_AT(r, n, "%s must be a string", what);
    *s = (const char *)n->data.scalar.value;
    *len = n->data.scalar.length;
    if (strlen(*s) != *len)
        return FAIL_AT(r, n, "%s holds a NUL character", what);
    return SD_OK;
}

/* The scalar's text with ${VAR} replaced now (settings every command needs). */
static sd_status
expand(reader *r, const yaml_node_t *n, const char *what, const char **out)
{
    const char *s = NULL;
    size_t len = 0;
    sd_status rc = scalar_text(r, n, what, &s, &len);
    if (rc != SD_OK)
        return rc;
    sd_buf b = SD_BUF_INIT;
    rc = expand_text(s, len, what, r->c->getenv_fn, r->c->getenv_ctx, true, &b, r->err);
    if (rc != SD_OK)
        rc = located(r, n, rc);
    if (rc == SD_OK && sd_buf_failed(&b))
        rc = nomem(r);
    char *copy = rc == SD_OK ? sd_arena_strndup(r->c->arena, sd_buf_cstr(&b), b.len) : NULL;
    if (copy != NULL)
        *out = copy;
    else if (rc == SD_OK)
        rc = nomem(r);
    sd_buf_dispose(&b);
    return rc;
}

/* A value expanded only when it is used (sd_config_expand()): a URL whose ${PASSWORD} only
 * the commands that connect there need. Its references are checked now. */
static sd_status
read_lazy(reader *r, yaml_node_t *v, void *dest)
{
    sd_config_value *out = dest;
    const char *s = NULL;
    size_t len = 0;
    sd_status rc = scalar_text(r, v, r->key, &s, &len);
    if (rc != SD_OK)
        return rc;
    if (len == 0)
        return FAIL_AT(r, v, "%s is empty", r->key);
    sd_buf b = SD_BUF_INIT;
    rc = expand_text(s, len, r->key, NULL, NULL, false, &b, r->err);
    sd_buf_dispose(&b);
    if (rc != SD_OK)
        return located(r, v, rc);
    out->raw = sd_arena_strndup(r->c->arena, s, len);
    out->key = sd_arena_strdup(r->c->arena, r->key);
    out->line = (size_t)v->start_mark.line + 1;
    out->column = (size_t)v->start_mark.column + 1;
    return out->raw == NULL || out->key == NULL ? nomem(r) : SD_OK;
}

static sd_status read_map(reader *r,
                          yaml_node_t *map,
                          const key_rule *rules,
                          size_t nrules,
                          void *dest,
                          const char *what,
                          const char *prefix);

/* ---- values ---- */

static sd_status
read_string(reader *r, yaml_node_t *v, void *dest)
{
    const char *s = "";
    sd_status rc = expand(r, v, r->key, &s);
    if (rc == SD_OK && s[0] == '\0')
        return FAIL_AT(r, v, "%s is empty", r->key);
    if (rc == SD_OK)
        *(const char **)dest = s;
    return rc;
}

static sd_status
read_engine(reader *r, yaml_node_t *v, void *dest)
{
    sd_config *c = dest;
    const char *s = "";
    sd_status rc = expand(r, v, r->key, &s);
    if (rc != SD_OK)
        return rc;
    if (strcmp(s, "postgres") == 0) /* as in postgres:// URLs */
        s = "postgresql";
    if (!sd_engine_from_name(s, &c->engine))
        return FAIL_AT(r, v, "engine must be postgresql (or postgres) or sqlite");
    c->has_engine = true;
    return SD_OK;
}

/* A duration as PostgreSQL's timeouts take it: milliseconds, or a number with ms, s, min,
 * h or d. */
static sd_status
read_duration(reader *r, yaml_node_t *v, void *dest)
{
    static const struct {
        const char *unit;
        int64_t ms;
    } UNITS[] = {
        { .unit = "", .ms = 1 },        { .unit = "ms", .ms = 1 },
        { .unit = "s", .ms = 1000 },    { .unit = "min", .ms = 60000 },
        { .unit = "h", .ms = 3600000 }, { .unit = "d", .ms = 86400000 },
    };
    const char *s = "";
    sd_status rc = expand(r, v, r->key, &s);
    if (rc != SD_OK)
        return rc;
    size_t digits = 0;
    int64_t n = 0;
    while (is_digit(s[digits]) && n <= INT32_MAX) {
        n = n * 10 + (s[digits] - '0');
        digits++;
    }
    const char *unit = s + digits;
    while (*unit == ' ')
        unit++;
    for (size_t i = 0; digits > 0 && n <= INT32_MAX && i < SD_ARRAY_LEN(UNITS); i++) {
        if (strcmp(unit, UNITS[i].unit) == 0 && n * UNITS[i].ms <= INT32_MAX) {
            *(int64_t *)dest = n * UNITS[i].ms;
            return SD_OK;
        }
    }
    return FAIL_AT(r, v,
                   "a timeout must be a whole number of ms, s, min, h or d (10s, 500ms), at most "
                   "2147483647ms; 0 means none");
}

static sd_status
read_dev_url(reader *r, yaml_node_t *v, void *dest)
{
    return read_lazy(r, v, &((sd_config *)dest)->dev_url);
}

/* ---- migrations: ---- */

static sd_status
mig_dir(reader *r, yaml_node_t *v, void *dest)
{
    return read_string(r, v, &((sd_config *)dest)->dir);
}

static sd_status
mig_table(reader *r, yaml_node_t *v, void *dest)
{
    return read_string(r, v, &((sd_config *)dest)->table);
}

static sd_status
mig_schema(reader *r, yaml_node_t *v, void *dest)
{
    return read_string(r, v, &((sd_config *)dest)->schema);
}

static sd_status
mig_lock_timeout(reader *r, yaml_node_t *v, void *dest)
{
    return read_duration(r, v, &((sd_config *)dest)->lock_timeout_ms);
}

static sd_status
mig_statement_timeout(reader *r, yaml_node_t *v, void *dest)
{
    return read_duration(r, v, &((sd_config *)dest)->statement_timeout_ms);
}

static const key_rule MIGRATIONS_KEYS[] = {
    { .key = "dir", .read = mig_dir },
    { .key = "table", .read = mig_table },
    { .key = "schema", .read = mig_schema },
    { .key = "lock_timeout", .read = mig_lock_timeout },
    { .key = "statement_timeout", .read = mig_statement_timeout },
};

static sd_status
read_migrations(reader *r, yaml_node_t *v, void *dest)
{
    return read_map(r, v, MIGRATIONS_KEYS, SD_ARRAY_LEN(MIGRATIONS_KEYS), dest, "migrations",
                    "migrations.");
}

/* ---- environments: ---- */

static sd_status
env_url(reader *r, yaml_node_t *v, void *dest)
{
    return read_lazy(r, v, &((sd_config_env *)dest)->url);
}

static sd_status
env_dev_url(reader *r, yaml_node_t *v, void *dest)
{
    return read_lazy(r, v, &((sd_config_env *)dest)->dev_url);
}

static const key_rule ENV_KEYS[] = {
    { .key = "url", .read = env_url },
    { .key = "dev_url", .read = env_dev_url },
};

/* One environment: a SOURCE, or a mapping with url (and dev_url). */
static sd_status
read_env(reader *r, const yaml_node_t *key, yaml_node_t *v)
{
    if (r->nenvs == r->cap) {
        size_t cap = r->cap == 0 ? 8 : r->cap * 2;
        sd_config_env *more = realloc(r->envs, cap * sizeof(*more));
        if (more == NULL)
            return nomem(r);
        r->envs = more;
        r->cap = cap;
    }
    sd_config_env *e = &r->envs[r->nenvs];
    memset(e, 0, sizeof(*e));
    e->name = sd_arena_strdup(r->c->arena, (const char *)key->data.scalar.value);
    e->line = (size_t)key->start_mark.line + 1;
    if (e->name == NULL)
        return nomem(r);
    char prefix[sizeof(r->key)];
    int np = snprintf(prefix, sizeof(prefix), "environments.%s.", e->name);
    int nk = snprintf(r->key, sizeof(r->key), "environments.%s", e->name);
    if (np < 0 || (size_t)np >= sizeof(prefix) || nk < 0 || (size_t)nk >= sizeof(r->key))
        return FAIL_AT(r, key, "an environment's name is too long");
    sd_status rc = v->type == YAML_MAPPING_NODE
                       ? read_map(r, v, ENV_KEYS, SD_ARRAY_LEN(ENV_KEYS), e, e->name, prefix)
                       : read_lazy(r, v, &e->url);
    if (rc == SD_OK && e->url.raw == NULL)
        return FAIL_AT(r, v, "environment %s has no url", e->name);
    if (rc == SD_OK)
        r->nenvs++;
    return rc;
}

static sd_status
read_envs(reader *r, yaml_node_t *v, void *dest)
{
    (void)dest;
    if (is_empty(v))
        return SD_OK;
    if (v->type != YAML_MAPPING_NODE)
        return FAIL_AT(r, v, "environments must be a mapping of names to SOURCEs");
    sd_status rc = SD_OK;
    for (yaml_node_pair_t *p = v->data.mapping.pairs.start;
         p < v->data.mapping.pairs.top && rc == SD_OK; p++) {
        yaml_node_t *k = yaml_document_get_node(r->doc, p->key);
        yaml_node_t *val = yaml_document_get_node(r->doc, p->value);
        if (k->type != YAML_SCALAR_NODE || k->data.scalar.length == 0 ||
            strlen((const char *)k->data.scalar.value) != k->data.scalar.length) {
            rc = FAIL_AT(r, k, "an environment's name must be a non-empty string");
            break;
        }
        for (size_t i = 0; i < r->nenvs; i++) {
            if (strcmp(r->envs[i].name, (const char *)k->data.scalar.value) == 0)
                return FAIL_AT(r, k, "environment %s is defined twice", r->envs[i].name);
        }
        rc = read_env(r, k, val);
    }
    return rc;
}

static const key_rule TOP_KEYS[] = {
    { .key = "engine", .read = read_engine },
    { .key = "dev_url", .read = read_dev_url },
    { .key = "migrations", .read = read_migrations },
    { .key = "environments", .read = read_envs },
};

/* ---- mappings ---- */

static sd_status
unknown_key(reader *r, const yaml_node_t *k, const key_rule *rules, size_t nrules, const char *what)
{
    sd_buf known = SD_BUF_INIT;
    for (size_t i = 0; i < nrules; i++) {
        sd_buf_append(&known, i > 0 ? ", " : "");
        sd_buf_append(&known, rules[i].key);
    }
    sd_status rc = FAIL_AT(r, k, "unknown key %s in %s", (const char *)k->data.scalar.value, what);
    sd_err_hint(r->err, "the keys of %s are: %s", what, sd_buf_cstr(&known));
    sd_buf_dispose(&known);
    return rc;
}

static sd_status
read_map(reader *r,
         yaml_node_t *map,
         const key_rule *rules,
         size_t nrules,
         void *dest,
         const char *what,
         const char *prefix)
{
    if (is_empty(map))
        return SD_OK;
    if (map->type != YAML_MAPPING_NODE)
        return FAIL_AT(r, map, "%s must be a mapping", what);
    bool seen[8] = { false };
    sd_status rc = SD_OK;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
         p < map->data.mapping.pairs.top && rc == SD_OK; p++) {
        yaml_node_t *k = yaml_document_get_node(r->doc, p->key);
        yaml_node_t *v = yaml_document_get_node(r->doc, p->value);
        if (k->type != YAML_SCALAR_NODE)
            return FAIL_AT(r, k, "a key in %s is not a string", what);
        size_t i = 0;
        while (i < nrules && strcmp(rules[i].key, (const char *)k->data.scalar.value) != 0)
            i++;
        if (i == nrules)
            return unknown_key(r, k, rules, nrules, what);
        if (seen[i])
            return FAIL_AT(r, k, "key %s appears twice in %s", rules[i].key, what);
        seen[i] = true;
        int n = snprintf(r->key, sizeof(r->key), "%s%s", prefix, rules[i].key);
        if (n < 0 || (size_t)n >= sizeof(r->key)) /* prefix was checked: cannot happen */
            return FAIL_AT(r, k, "key %s is nested too deep", rules[i].key);
        rc = rules[i].read(r, v, dest);
    }
    return rc;
}

/* ---- entry points ---- */

void
sd_config_free(sd_config *c)
{
    if (c != NULL)
        sd_arena_free(c->arena);
}

/* Where libyaml stopped, as "file:line:column": a reader error (bad UTF-8, a control
 * character) has only a byte offset, the others a mark. */
static void
yaml_error(sd_err *err, const yaml_parser_t *p, const char *path, const char *text, size_t len)
{
    if (p->error == YAML_MEMORY_ERROR) {
        sd_err_set(err, SD_ERR_NOMEM, "out of memory reading %s", path);
        return;
    }
    size_t line = (size_t)p->problem_mark.line + 1;
    size_t col = (size_t)p->problem_mark.column + 1;
    if (p->error == YAML_READER_ERROR) {
        line = 1;
        col = 1;
        for (size_t i = 0; i < p->problem_offset && i < len; i++) {
            if (text[i] == '\n') {
                line++;
                col = 1;
            } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
                col++;
            }
        }
    }
    const char *problem = p->problem != NULL ? p->problem : "not YAML";
    if (p->context != NULL)
        sd_err_set(err, SD_ERR_PARSE, "invalid YAML: %s %s", p->context, problem);
    else
        sd_err_set(err, SD_ERR_PARSE, "invalid YAML: %s", problem);
    sd_err_where(err, "%s:%zu:%zu", path, line, col);
}

/* A config is a page of settings: anything bigger is a mistake (and libyaml's loader slows
 * down on deep nesting). */
#define MAX_CONFIG_BYTES ((size_t)1024 * 1024)

sd_status
sd_config_parse(sd_config **out,
                const char *text,
                size_t len,
                const char *name,
                sd_config_getenv getenv_fn,
                void *ctx,
                sd_err *err)
{
    *out = NULL;
    const char *path = name != NULL ? name : SD_CONFIG_DEFAULT_PATH;
    if (len > MAX_CONFIG_BYTES) {
        sd_err_set(err, SD_ERR_PARSE, "the config is larger than %zu bytes", MAX_CONFIG_BYTES);
        sd_err_where(err, "%s", path);
        return SD_ERR_PARSE;
    }
    sd_arena *a = sd_arena_new();
    sd_config *c = a != NULL ? sd_arena_calloc(a, 1, sizeof(*c)) : NULL;
    if (c != NULL)
        c->path = sd_arena_strdup(a, path);
    if (c == NULL || c->path == NULL) {
        sd_arena_free(a);
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory reading %s", path);
    }
    c->arena = a;
    c->dir = "migrations";
    c->table = "schemadrift_migrations";
    c->lock_timeout_ms = 10000;
    c->getenv_fn = getenv_fn != NULL ? getenv_fn : process_getenv;
    c->getenv_ctx = ctx;
    reader r = { .c = c, .err = err };

    yaml_parser_t parser;
    yaml_document_t doc;
    sd_status rc = SD_OK;
    if (!yaml_parser_initialize(&parser)) {
        sd_arena_free(a);
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory reading %s", path);
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    if (!yaml_parser_load(&parser, &doc)) {
        yaml_error(err, &parser, path, text, len);
        yaml_parser_delete(&parser);
        sd_arena_free(a);
        return err->code;
    }
    r.doc = &doc;
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    /* An empty file is a config with every default. */
    if (root != NULL && !(root->type == YAML_SCALAR_NODE && root->data.scalar.length == 0))
        rc = read_map(&r, root, TOP_KEYS, SD_ARRAY_LEN(TOP_KEYS), c, "the config", "");
    if (rc == SD_OK) {
        /* A second document is a mistake, not something to ignore, and so is one that does
         * not parse. */
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            yaml_error(err, &parser, path, text, len);
            rc = err->code;
        } else {
            if (ev.type == YAML_DOCUMENT_START_EVENT) {
                sd_err_set(err, SD_ERR_PARSE, "the config holds more than one YAML document");
                sd_err_where(err, "%s:%zu:%zu", path, (size_t)ev.start_mark.line + 1,
                             (size_t)ev.start_mark.column + 1);
                rc = SD_ERR_PARSE;
            }
            yaml_event_delete(&ev);
        }
    }
    if (rc == SD_OK && r.nenvs > 0) {
        sd_config_env *envs = sd_arena_calloc(a, r.nenvs, sizeof(*envs));
        if (envs == NULL)
            rc = nomem(&r);
        else
            memcpy(envs, r.envs, r.nenvs * sizeof(*envs));
        c->envs = envs;
        c->nenvs = r.nenvs;
    }
    free(r.envs);
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    if (rc == SD_OK && sd_arena_failed(a))
        rc = nomem(&r);
    if (rc != SD_OK) {
        sd_config_free(c);
        return rc;
    }
    *out = c;
    return SD_OK;
}

sd_status
sd_config_expand(const sd_config *c, const sd_config_value *v, char **out, sd_err *err)
{
    *out = NULL;
    sd_buf b = SD_BUF_INIT;
    sd_status rc =
        expand_text(v->raw, strlen(v->raw), v->key, c->getenv_fn, c->getenv_ctx, true, &b, err);
    if (rc != SD_OK)
        sd_err_where(err, "%s:%zu:%zu", c->path, v->line, v->column);
    else if (sd_buf_failed(&b))
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    else
        *out = sd_buf_take(&b);
    sd_buf_dispose(&b);
    return rc;
}

sd_status
sd_config_load(sd_config **out, const char *path, sd_err *err)
{
    *out = NULL;
    const char *file = path != NULL ? path : SD_CONFIG_DEFAULT_PATH;
    if (path == NULL && !sd_fs_exists(file))
        return SD_OK;
    sd_buf text = SD_BUF_INIT;
    sd_status rc = sd_fs_read_all(&text, file, err);
    if (rc == SD_OK)
        rc = sd_config_parse(out, sd_buf_cstr(&text), text.len, file, NULL, NULL, err);
    sd_buf_dispose(&text);
    return rc;
}

const sd_config_env *
sd_config_env_find(const sd_config *c, const char *name)
{
    for (size_t i = 0; c != NULL && i < c->nenvs; i++) {
        if (strcmp(c->envs[i].name, name) == 0)
            return &c->envs[i];
    }
    return NULL;
}
