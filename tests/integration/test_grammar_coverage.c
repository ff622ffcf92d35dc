/*
 * test_grammar_coverage.c: PostgreSQL's own grammar, as libpg_query ships it, against what the
 * round-trip pairs exercise, so that coverage cannot lag the grammar silently (issue 14).
 *
 * Four lists are read from libpg_query's protobuf-c descriptors, never typed in here:
 *   alter    every AlterTableType (ALTER TABLE / INDEX / VIEW / ... subcommands)
 *   comment  every ObjectType (COMMENT ON takes some of them, gram.y's CommentStmt)
 *   grant    every ObjectType (GRANT takes some of them, gram.y's privilege_target)
 *   create   the CREATE statement kinds: every Node field named create*_stmt, plus the CREATE
 *            statements whose node is named otherwise (EXTRA_CREATE below); DefineStmt and
 *            CreateTableAsStmt are split by the object type they create (DEFINE_KINDS,
 *            TABLE_AS_KINDS: gram.y's DefineStmt and CreateAsStmt / CreateMatViewStmt).
 * Every item needs a line in tests/cases/pg/GRAMMAR.tsv (its header says the format):
 *   pair          the pairs named (3-digit numbers) exist and, with match "-", their from.sql
 *                 or to.sql, parsed by libpg_query, holds the item (that subcommand, a COMMENT
 *                 ON / GRANT of that object type, that CREATE statement); otherwise a line that
 *                 the match regex finds is on one side only (the pair changes what the diff
 *                 carries out with the item, e.g. NOT NULL dropped: AT_DropNotNull). A wrong
 *                 mapping fails;
 *   not compared  each kind named is a row of README.md's "not compared" table;
 *   limit         the phrase named is in README.md's "## Limits" section (schema that
 *                 pg_dump dumps but schemadrift neither compares nor lists);
 *   n/a           not schema, or not in that statement's grammar: the note says why.
 * A data-file item that libpg_query no longer has (stale) fails too.
 *
 * Usage: test_grammar_coverage GRAMMAR_TSV CASES_DIR README [--suggest]
 * --suggest prints, for every item, the pairs whose SQL holds it (to write GRAMMAR.tsv lines).
 * It does not check that schemadrift compares anything: the round trips (rt.pg.*) do that.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <dirent.h>
#include <jansson.h>
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>
#include <regex.h>

#include "util/util.h"

enum {
    L_ALTER,
    L_COMMENT,
    L_GRANT,
    L_CREATE,
    L__N
};
static const char *const LIST_NAMES[L__N] = { "alter", "comment", "grant", "create" };

/* CREATE statements whose node is not named create*_stmt (gram.y: CREATE AGGREGATE / OPERATOR
 * / TYPE / TEXT SEARCH / COLLATION, CREATE INDEX, CREATE RULE, CREATE VIEW, CREATE TYPE AS). */
static const char *const EXTRA_CREATE[] = { "define_stmt", "index_stmt", "rule_stmt", "view_stmt",
                                            "composite_type_stmt" };
/* gram.y's DefineStmt: the ObjectType of each CREATE it makes. */
static const char *const DEFINE_KINDS[] = {
    "OBJECT_AGGREGATE",       "OBJECT_OPERATOR",     "OBJECT_TYPE",
    "OBJECT_TSPARSER",        "OBJECT_TSDICTIONARY", "OBJECT_TSTEMPLATE",
    "OBJECT_TSCONFIGURATION", "OBJECT_COLLATION",
};
/* CreateTableAsStmt: CREATE TABLE AS (and SELECT INTO) and CREATE MATERIALIZED VIEW. */
static const char *const TABLE_AS_KINDS[] = { "OBJECT_TABLE", "OBJECT_MATVIEW" };

#define MAX_ITEMS  512
#define MAX_CREATE 64
#define NAME_LEN   96
#define FIELD_LEN  512
#define MAX_PAIRS  64

typedef struct {
    int list;
    char name[NAME_LEN];
} item;

typedef struct {
    int list;
    char name[NAME_LEN];
    char status[16];
    char ref[FIELD_LEN];
    char match[FIELD_LEN];
    char note[FIELD_LEN];
    unsigned line;
} row;

/* A CREATE node: its Node field name (create_stmt) and its JSON key (CreateStmt). */
typedef struct {
    const char *field;
    const char *json;
} create_node;

/* What one pair's SQL holds: "\nlist item\n..." lines, parsed once. */
typedef struct {
    char dir[256];
    sd_buf found;
    sd_buf from_sql;
    sd_buf to_sql;
} pair_items;

static const char *tsv_path;
static const char *cases_dir;
static const char *readme_path;
static bool suggest;

static item items[MAX_ITEMS];
static size_t n_items;
static row rows[MAX_ITEMS];
static size_t n_rows;
static create_node creates[MAX_CREATE];
static size_t n_creates;
static pair_items *pairs;
static size_t n_pairs;
static size_t problems;

static void problem(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
problem(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("coverage.grammar: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    problems++;
}

static void
add_item(int list, const char *name)
{
    assert_true(n_items < MAX_ITEMS);
    items[n_items].list = list;
    snprintf(items[n_items].name, NAME_LEN, "%s", name);
    n_items++;
}

static bool
object_type_exists(const char *name)
{
    const ProtobufCEnumDescriptor *d = &pg_query__object_type__descriptor;
    for (unsigned i = 0; i < d->n_values; i++)
        if (strcmp(d->values[i].name, name) == 0)
            return true;
    return false;
}

/* define_stmt:OBJECT_AGGREGATE, ...: one item per kind, each a current ObjectType. */
static void
add_split(const char *field, const char *const *kinds, size_t n)
{
    char name[NAME_LEN];
    for (size_t i = 0; i < n; i++) {
        if (!object_type_exists(kinds[i]))
            problem("%s kind %s is no longer an ObjectType in libpg_query: update this test", field,
                    kinds[i]);
        snprintf(name, sizeof(name), "%s:%s", field, kinds[i]);
        add_item(L_CREATE, name);
    }
}

static bool
is_create_field(const char *name)
{
    size_t len = strlen(name);
    if (strncmp(name, "create", 6) == 0 && len > 5 && strcmp(name + len - 5, "_stmt") == 0)
        return true;
    for (size_t i = 0; i < SD_ARRAY_LEN(EXTRA_CREATE); i++)
        if (strcmp(name, EXTRA_CREATE[i]) == 0)
            return true;
    return false;
}

static void
read_create_kinds(void)
{
    const ProtobufCMessageDescriptor *node = &pg_query__node__descriptor;
    size_t extra_seen = 0;
    for (unsigned i = 0; i < node->n_fields; i++) {
        const ProtobufCFieldDescriptor *f = &node->fields[i];
        if (f->type != PROTOBUF_C_TYPE_MESSAGE || !is_create_field(f->name))
            continue;
        const ProtobufCMessageDescriptor *msg = f->descriptor;
        assert_true(n_creates < MAX_CREATE);
        creates[n_creates].field = f->name;
        creates[n_creates].json = msg->short_name;
        n_creates++;
        if (strncmp(f->name, "create", 6) != 0)
            extra_seen++;
        if (strcmp(f->name, "define_stmt") == 0)
            add_split(f->name, DEFINE_KINDS, SD_ARRAY_LEN(DEFINE_KINDS));
        else if (strcmp(f->name, "create_table_as_stmt") == 0)
            add_split(f->name, TABLE_AS_KINDS, SD_ARRAY_LEN(TABLE_AS_KINDS));
        else
            add_item(L_CREATE, f->name);
    }
    if (extra_seen != SD_ARRAY_LEN(EXTRA_CREATE)) {
        problem("only %zu of the %zu CREATE nodes in EXTRA_CREATE are Node fields in libpg_query: "
                "update this test",
                extra_seen, SD_ARRAY_LEN(EXTRA_CREATE));
    }
}

static void
read_grammar(void)
{
    const ProtobufCEnumDescriptor *at = &pg_query__alter_table_type__descriptor;
    const ProtobufCEnumDescriptor *ot = &pg_query__object_type__descriptor;
    for (unsigned i = 0; i < at->n_values; i++)
        add_item(L_ALTER, at->values[i].name);
    for (unsigned i = 0; i < ot->n_values; i++)
        add_item(L_COMMENT, ot->values[i].name);
    for (unsigned i = 0; i < ot->n_values; i++)
        add_item(L_GRANT, ot->values[i].name);
    read_create_kinds();
}

/* ---- GRAMMAR.tsv ---- */

static int
list_from_name(const char *name)
{
    for (int l = 0; l < L__N; l++)
        if (strcmp(LIST_NAMES[l], name) == 0)
            return l;
    return -1;
}

static bool
valid_status(const char *s)
{
    return strcmp(s, "pair") == 0 || strcmp(s, "not compared") == 0 || strcmp(s, "limit") == 0 ||
           strcmp(s, "n/a") == 0;
}

static const row *
find_row(int list, const char *name)
{
    for (size_t i = 0; i < n_rows; i++)
        if (rows[i].list == list && strcmp(rows[i].name, name) == 0)
            return &rows[i];
    return NULL;
}

/* Splits line at tabs into at most n fields; returns how many. */
static size_t
split_tabs(char *line, char **fields, size_t n)
{
    size_t k = 0;
    char *p = line;
    while (k < n) {
        fields[k++] = p;
        p = strchr(p, '\t');
        if (p == NULL)
            break;
        *p++ = '\0';
    }
    return k;
}

static void
parse_row(char *line, unsigned lineno)
{
    char *f[6] = { NULL };
    size_t nf = split_tabs(line, f, 6);
    if (nf < 5) {
        problem("%s:%u: expected list, item, status, ref, match[, note] separated by tabs",
                tsv_path, lineno);
        return;
    }
    int list = list_from_name(f[0]);
    if (list < 0 || !valid_status(f[2])) {
        problem("%s:%u: unknown list \"%s\" or status \"%s\"", tsv_path, lineno, f[0], f[2]);
        return;
    }
    if (find_row(list, f[1]) != NULL) {
        problem("%s:%u: %s %s is listed twice", tsv_path, lineno, f[0], f[1]);
        return;
    }
    assert_true(n_rows < MAX_ITEMS);
    row *r = &rows[n_rows++];
    r->list = list;
    r->line = lineno;
    snprintf(r->name, sizeof(r->name), "%s", f[1]);
    snprintf(r->status, sizeof(r->status), "%s", f[2]);
    snprintf(r->ref, sizeof(r->ref), "%s", f[3]);
    snprintf(r->match, sizeof(r->match), "%s", f[4]);
    snprintf(r->note, sizeof(r->note), "%s", nf == 6 ? f[5] : "");
}

static void
read_tsv(void)
{
    FILE *f = fopen(tsv_path, "r");
    if (f == NULL) {
        fail_msg("cannot open %s", tsv_path);
        return;
    }
    char line[2048];
    unsigned lineno = 0;
    while (fgets(line, sizeof(line), f) != NULL) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '\0' || line[0] == '#')
            continue;
        parse_row(line, lineno);
    }
    fclose(f);
}

/* ---- what a pair's SQL holds, as libpg_query parses it ---- */

static const char *
str_member(const json_t *obj, const char *key)
{
    const char *s = json_string_value(json_object_get(obj, key));
    return s != NULL ? s : "";
}

static void walk(const json_t *v, sd_buf *found);

static void
walk_member(const char *key, const json_t *v, sd_buf *found)
{
    /* ALTER DEFAULT PRIVILEGES holds a GrantStmt too, but it is no GRANT ON an object. */
    if (strcmp(key, "AlterDefaultPrivilegesStmt") == 0)
        return;
    if (strcmp(key, "AlterTableCmd") == 0)
        sd_buf_appendf(found, "alter %s\n", str_member(v, "subtype"));
    else if (strcmp(key, "CommentStmt") == 0)
        sd_buf_appendf(found, "comment %s\n", str_member(v, "objtype"));
    else if (strcmp(key, "GrantStmt") == 0)
        sd_buf_appendf(found, "grant %s\n", str_member(v, "objtype"));
    else if (strcmp(key, "DefineStmt") == 0)
        sd_buf_appendf(found, "create define_stmt:%s\n", str_member(v, "kind"));
    else if (strcmp(key, "CreateTableAsStmt") == 0)
        sd_buf_appendf(found, "create create_table_as_stmt:%s\n", str_member(v, "objtype"));
    for (size_t i = 0; i < n_creates; i++)
        if (strcmp(key, creates[i].json) == 0)
            sd_buf_appendf(found, "create %s\n", creates[i].field);
    walk(v, found);
}

static void
walk(const json_t *v, sd_buf *found)
{
    if (json_is_array(v)) {
        size_t i;
        const json_t *e;
        json_array_foreach(v, i, e) walk(e, found);
    } else if (json_is_object(v)) {
        const char *key;
        const json_t *e;
        json_object_foreach((json_t *)v, key, e) walk_member(key, e, found);
    }
}

/* Reads path into sql and adds what libpg_query finds in it to found. */
static void
parse_sql_file(const char *path, sd_buf *sql, sd_buf *found)
{
    sd_err err = SD_ERR_INIT;
    if (sd_fs_read_all(sql, path, &err) != SD_OK) {
        problem("cannot read %s: %s", path, err.msg);
        return;
    }
    PgQueryParseResult r = pg_query_parse(sd_buf_cstr(sql));
    if (r.error != NULL) {
        problem("%s does not parse with libpg_query: %s", path, r.error->message);
    } else {
        json_error_t jerr;
        json_t *tree = json_loads(r.parse_tree, 0, &jerr);
        assert_non_null(tree);
        walk(tree, found);
        json_decref(tree);
    }
    pg_query_free_parse_result(r);
}

static int
cmp_pair_dir(const void *a, const void *b)
{
    return strcmp(((const pair_items *)a)->dir, ((const pair_items *)b)->dir);
}

/* Every pair directory (NNN_name with a from.sql), sorted, each parsed. */
static void
read_pairs(void)
{
    DIR *d = opendir(cases_dir);
    if (d == NULL) {
        fail_msg("cannot open %s", cases_dir);
        return;
    }
    size_t cap = 0;
    const struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] < '0' || de->d_name[0] > '9' || strlen(de->d_name) >= 256)
            continue;
        if (n_pairs == cap) {
            cap = cap ? cap * 2 : 256;
            pairs = realloc(pairs, cap * sizeof(*pairs));
            assert_non_null(pairs);
        }
        pair_items *p = &pairs[n_pairs++];
        snprintf(p->dir, sizeof(p->dir), "%s", de->d_name);
        p->found = (sd_buf)SD_BUF_INIT;
        p->from_sql = (sd_buf)SD_BUF_INIT;
        p->to_sql = (sd_buf)SD_BUF_INIT;
    }
    closedir(d);
    qsort(pairs, n_pairs, sizeof(*pairs), cmp_pair_dir);
    char path[1024];
    for (size_t i = 0; i < n_pairs; i++) {
        sd_buf_appendf(&pairs[i].found, "\n");
        snprintf(path, sizeof(path), "%s/%s/from.sql", cases_dir, pairs[i].dir);
        parse_sql_file(path, &pairs[i].from_sql, &pairs[i].found);
        snprintf(path, sizeof(path), "%s/%s/to.sql", cases_dir, pairs[i].dir);
        parse_sql_file(path, &pairs[i].to_sql, &pairs[i].found);
    }
}

static bool
pair_holds(const pair_items *p, int list, const char *name)
{
    char needle[NAME_LEN + 16];
    snprintf(needle, sizeof(needle), "\n%s %s\n", LIST_NAMES[list], name);
    return strstr(sd_buf_cstr(&p->found), needle) != NULL;
}

static const pair_items *
find_pair(const char *number)
{
    size_t len = strlen(number);
    for (size_t i = 0; i < n_pairs; i++)
        if (strncmp(pairs[i].dir, number, len) == 0 && pairs[i].dir[len] == '_')
            return &pairs[i];
    return NULL;
}

/* ---- README.md ---- */

/* The first cells of the table whose header is "| kind | what happens |", as "\nkind\n...". */
static void
readme_kinds(const char *readme, sd_buf *kinds)
{
    sd_buf_appendf(kinds, "\n");
    const char *p = strstr(readme, "\n| kind | what happens |");
    if (p == NULL) {
        problem("%s has no \"| kind | what happens |\" table (the kinds not compared)",
                readme_path);
        return;
    }
    p = strchr(p + 1, '\n'); /* the |---| line */
    if (p != NULL)
        p = strchr(p + 1, '\n');
    while (p != NULL && strncmp(p, "\n| ", 3) == 0) {
        const char *cell = p + 3;
        const char *end = strstr(cell, " |");
        if (end == NULL)
            break;
        while (*cell == '`')
            cell++;
        size_t len = (size_t)(end - cell);
        while (len > 0 && cell[len - 1] == '`')
            len--;
        sd_buf_appendf(kinds, "%.*s\n", (int)len, cell);
        p = strchr(p + 1, '\n');
    }
}

/* The text of README's "## Limits" section. */
static void
readme_limits(const char *readme, sd_buf *limits)
{
    const char *p = strstr(readme, "\n## Limits\n");
    if (p == NULL) {
        problem("%s has no \"## Limits\" section", readme_path);
        return;
    }
    p++;
    const char *end = strstr(p, "\n## ");
    sd_buf_appendf(limits, "%.*s", (int)(end != NULL ? end - p : (ptrdiff_t)strlen(p)), p);
}

/* ---- the checks ---- */

/* True when a line of a that re matches is not a line of b. */
static bool
line_only_in(const regex_t *re, const char *a, const char *b)
{
    const char *p = a;
    while (*p != '\0') {
        size_t len = strcspn(p, "\n");
        char *line = strndup(p, len);
        assert_non_null(line);
        bool only = false;
        if (regexec(re, line, 0, NULL, 0) == 0) {
            only = true;
            for (const char *q = strstr(b, line); q != NULL && only; q = strstr(q + 1, line))
                if ((q == b || q[-1] == '\n') && (q[len] == '\n' || q[len] == '\0'))
                    only = false;
        }
        free(line);
        if (only)
            return true;
        p += len;
        if (*p == '\n')
            p++;
    }
    return false;
}

/* The pair changes what the row's match names: a line matching it is on one side only. */
static bool
pair_changes(const pair_items *p, const row *r)
{
    regex_t re;
    if (regcomp(&re, r->match, REG_EXTENDED | REG_ICASE | REG_NOSUB) != 0) {
        problem("%s:%u: %s %s: bad regex \"%s\"", tsv_path, r->line, LIST_NAMES[r->list], r->name,
                r->match);
        return true;
    }
    const char *from = sd_buf_cstr(&p->from_sql);
    const char *to = sd_buf_cstr(&p->to_sql);
    bool changes = line_only_in(&re, from, to) || line_only_in(&re, to, from);
    regfree(&re);
    return changes;
}

static void
check_pair_row(const row *r)
{
    char refs[FIELD_LEN];
    snprintf(refs, sizeof(refs), "%s", r->ref);
    char *save = NULL;
    for (char *n = strtok_r(refs, ",", &save); n != NULL; n = strtok_r(NULL, ",", &save)) {
        const pair_items *p = find_pair(n);
        const char *what = LIST_NAMES[r->list];
        if (p == NULL) {
            problem("%s:%u: %s %s: no pair %s in %s", tsv_path, r->line, what, r->name, n,
                    cases_dir);
        } else if (strcmp(r->match, "-") == 0 && !pair_holds(p, r->list, r->name)) {
            problem("%s:%u: %s %s: neither from.sql nor to.sql of %s holds it", tsv_path, r->line,
                    what, r->name, p->dir);
        } else if (strcmp(r->match, "-") != 0 && !pair_changes(p, r)) {
            problem("%s:%u: %s %s: no line matching /%s/ differs between from.sql and to.sql "
                    "of %s",
                    tsv_path, r->line, what, r->name, r->match, p->dir);
        }
    }
}

static void
check_not_compared_row(const row *r, const sd_buf *kinds)
{
    char refs[FIELD_LEN];
    snprintf(refs, sizeof(refs), "%s", r->ref);
    char *save = NULL;
    for (char *k = strtok_r(refs, ",", &save); k != NULL; k = strtok_r(NULL, ",", &save)) {
        char needle[FIELD_LEN + 2];
        snprintf(needle, sizeof(needle), "\n%s\n", k);
        if (strstr(sd_buf_cstr(kinds), needle) == NULL)
            problem("%s:%u: %s %s: kind \"%s\" has no row in %s's not compared table", tsv_path,
                    r->line, LIST_NAMES[r->list], r->name, k, readme_path);
    }
}

static bool
in_grammar(int list, const char *name)
{
    for (size_t i = 0; i < n_items; i++)
        if (items[i].list == list && strcmp(items[i].name, name) == 0)
            return true;
    return false;
}

static void
check_row(const row *r, const sd_buf *kinds, const sd_buf *limits)
{
    if (!in_grammar(r->list, r->name)) {
        problem("%s:%u: %s %s is stale: libpg_query no longer has it", tsv_path, r->line,
                LIST_NAMES[r->list], r->name);
        return;
    }
    if (strcmp(r->status, "pair") == 0)
        check_pair_row(r);
    else if (strcmp(r->status, "not compared") == 0)
        check_not_compared_row(r, kinds);
    else if (strcmp(r->status, "limit") == 0 && strstr(sd_buf_cstr(limits), r->ref) == NULL) {
        problem("%s:%u: %s %s: \"%s\" is not in %s's Limits section", tsv_path, r->line,
                LIST_NAMES[r->list], r->name, r->ref, readme_path);
    } else if (strcmp(r->status, "n/a") == 0 && r->note[0] == '\0') {
        problem("%s:%u: %s %s: n/a needs a note saying why", tsv_path, r->line, LIST_NAMES[r->list],
                r->name);
    }
}

static void
print_suggestions(void)
{
    for (size_t i = 0; i < n_items; i++) {
        printf("%s\t%s\t", LIST_NAMES[items[i].list], items[i].name);
        size_t shown = 0;
        for (size_t j = 0; j < n_pairs && shown < 8; j++) {
            if (pair_holds(&pairs[j], items[i].list, items[i].name)) {
                printf("%s%.3s", shown ? "," : "", pairs[j].dir);
                shown++;
            }
        }
        printf("\n");
    }
}

static void
test_every_grammar_item_is_covered(void **state)
{
    (void)state;
    read_grammar();
    read_tsv();
    read_pairs();
    if (suggest)
        print_suggestions();

    sd_buf readme = SD_BUF_INIT;
    sd_buf kinds = SD_BUF_INIT;
    sd_buf limits = SD_BUF_INIT;
    sd_err err = SD_ERR_INIT;
    if (sd_fs_read_all(&readme, readme_path, &err) != SD_OK)
        fail_msg("cannot read %s: %s", readme_path, err.msg);
    readme_kinds(sd_buf_cstr(&readme), &kinds);
    readme_limits(sd_buf_cstr(&readme), &limits);

    for (size_t i = 0; i < n_items; i++) {
        if (find_row(items[i].list, items[i].name) != NULL)
            continue;
        problem("%s: %s %s has no line (give it a pair, \"not compared\", \"limit\" or \"n/a\")",
                tsv_path, LIST_NAMES[items[i].list], items[i].name);
    }
    for (size_t i = 0; i < n_rows; i++)
        check_row(&rows[i], &kinds, &limits);

    size_t counts[L__N][4] = { { 0 } };
    static const char *const STATUSES[4] = { "pair", "not compared", "limit", "n/a" };
    for (size_t i = 0; i < n_rows; i++) {
        for (size_t s = 0; s < 4; s++) {
            if (strcmp(rows[i].status, STATUSES[s]) == 0)
                counts[rows[i].list][s]++;
        }
    }
    for (int l = 0; l < L__N; l++)
        printf("%-8s %3zu pair, %3zu not compared, %3zu limit, %3zu n/a\n", LIST_NAMES[l],
               counts[l][0], counts[l][1], counts[l][2], counts[l][3]);

    sd_buf_dispose(&readme);
    sd_buf_dispose(&kinds);
    sd_buf_dispose(&limits);
    for (size_t i = 0; i < n_pairs; i++) {
        sd_buf_dispose(&pairs[i].found);
        sd_buf_dispose(&pairs[i].from_sql);
        sd_buf_dispose(&pairs[i].to_sql);
    }
    free(pairs);
    pg_query_exit();
    if (problems > 0)
        fail_msg("%zu problem(s), listed above", problems);
}

int
main(int argc, char **argv)
{
    if (argc != 4 && !(argc == 5 && strcmp(argv[4], "--suggest") == 0)) {
        fprintf(stderr, "usage: %s GRAMMAR_TSV CASES_DIR README [--suggest]\n", argv[0]);
        return 2;
    }
    tsv_path = argv[1];
    cases_dir = argv[2];
    readme_path = argv[3];
    suggest = argc == 5;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_grammar_item_is_covered),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
