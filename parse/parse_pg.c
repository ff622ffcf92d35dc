/*
 * parse_pg.c: PostgreSQL's own parser (libpg_query, the server's grammar as a library) on
 * stored SQL text. The text is parsed as it will be written: a statement or query alone, an
 * expression both inside "SELECT (" ... ")" and after a bare "SELECT ", so that text which
 * closes the wrapper's parenthesis and goes on cannot be balanced in both. The parse tree
 * (JSON, read with jansson) then must hold one statement of the node type the shape names
 * and, for an expression, nothing but the one unnamed target (no FROM, no second target, no
 * alias).
 *
 * It also splits migration scripts (sd_parse_pg_split()): the parser's places for each
 * statement, and each statement's node for how it must run. It decides no statement's end
 * itself; it only skips, from the place the parser gives, the blanks and comments the parser
 * let through before a statement's first token.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <pg_query.h>

#include "parse/parse.h"
#include "parse/parse_int.h"
#include "util/util.h"

/* The node type a shape's one statement must have. */
static const char *const NODE[] = {
    [SD_SQL_EXPR] = "SelectStmt",
    [SD_SQL_QUERY] = "SelectStmt",
    [SD_SQL_CREATE_FUNCTION] = "CreateFunctionStmt",
    [SD_SQL_CREATE_TRIGGER] = "CreateTrigStmt",
    [SD_SQL_CREATE_DEFINE] = "DefineStmt",
    [SD_SQL_CREATE_RULE] = "RuleStmt",
    [SD_SQL_CREATE_OPCLASS] = "CreateOpClassStmt",
    [SD_SQL_ALTER_OPFAMILY] = "AlterOpFamilyStmt",
    [SD_SQL_CONVERSION] = "CreateConversionStmt",
    [SD_SQL_CREATE_STATS] = "CreateStatsStmt",
    [SD_SQL_CREATE_VIEW] = NULL,
    [SD_SQL_PIECE] = NULL,
};

/* A piece: after a keyword (PostgreSQL's splitter counts a statement from its first keyword),
 * the lexer reads it as one part to its end: no ';' outside quotes and comments, no quote or
 * comment left open. */
static sd_status
check_piece(const char *text, sd_err *err)
{
    sd_buf wrapped = SD_BUF_INIT;
    sd_buf_append(&wrapped, "SELECT ");
    sd_buf_append(&wrapped, text);
    if (sd_buf_failed(&wrapped))
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    PgQuerySplitResult r = pg_query_split_with_scanner(sd_buf_cstr(&wrapped));
    sd_status rc = SD_OK;
    if (r.error != NULL) {
        rc = sd_err_set(err, SD_ERR_PARSE, "%s", r.error->message);
    } else if (r.n_stmts != 1 || r.stmts[0]->stmt_location != 0 ||
               (size_t)r.stmts[0]->stmt_len != wrapped.len) {
        rc = sd_err_set(err, SD_ERR_PARSE,
                        "it is not one piece (a ';' or an unbalanced parenthesis or quote)");
    }
    pg_query_free_split_result(r);
    sd_buf_dispose(&wrapped);
    return rc;
}

/* The one member's key of a node object ({"SelectStmt": {...}}), or NULL. */
static const char *
node_type(json_t *node, json_t **body_out)
{
    if (!json_is_object(node) || json_object_size(node) != 1)
        return NULL;
    void *it = json_object_iter(node);
    *body_out = json_object_iter_value(it);
    return json_object_iter_key(it);
}

/* Whether a SelectStmt body is "SELECT <one expression>": no clause but the target list. */
static bool
single_target(json_t *select)
{
    const char *key = NULL;
    json_t *value = NULL;
    json_object_foreach(select, key, value)
    {
        if (strcmp(key, "targetList") != 0 && strcmp(key, "limitOption") != 0 &&
            strcmp(key, "op") != 0)
            return false;
    }
    json_t *targets = json_object_get(select, "targetList");
    if (!json_is_array(targets) || json_array_size(targets) != 1)
        return false;
    json_t *res = NULL;
    const char *type = node_type(json_array_get(targets, 0), &res);
    return type != NULL && strcmp(type, "ResTarget") == 0 && json_object_get(res, "name") == NULL;
}

/* The name a list of String nodes ([{"String": {"sval": "s"}}, ...]) spells, element k from
 * the end (0: the last), or NULL when there is no such element. */
static const char *
list_name(json_t *list, size_t from_end)
{
    size_t n = json_is_array(list) ? json_array_size(list) : 0;
    if (from_end >= n)
        return NULL;
    json_t *str = json_object_get(json_array_get(list, n - 1 - from_end), "String");
    return json_string_value(json_object_get(str, "sval"));
}

static bool
same_name(const char *got, const char *want)
{
    return got != NULL && want != NULL && strcmp(got, want) == 0;
}

/* Whether a stored CREATE statement's tree (body: the statement's node) creates the object
 * want names: schema-qualified, as the catalogs' deparsers write it (and pg_dump's empty
 * search_path needs). */
static sd_status
check_creates(json_t *body, sd_sql_shape shape, const sd_pg_creates *want, sd_err *err)
{
    const char *schema = NULL;
    const char *name = NULL;
    const char *table = NULL;
    json_t *names = NULL;
    switch (shape) {
    case SD_SQL_CREATE_FUNCTION:
        names = json_object_get(body, "funcname");
        break;
    case SD_SQL_CREATE_STATS:
        names = json_object_get(body, "defnames");
        break;
    case SD_SQL_CREATE_TRIGGER:
    case SD_SQL_CREATE_RULE: {
        json_t *rel = json_object_get(body, "relation");
        schema = json_string_value(json_object_get(rel, "schemaname"));
        table = json_string_value(json_object_get(rel, "relname"));
        name = json_string_value(
            json_object_get(body, shape == SD_SQL_CREATE_TRIGGER ? "trigname" : "rulename"));
        if (json_object_get(rel, "catalogname") != NULL)
            schema = NULL;
        break;
    }
    case SD_SQL_EXPR:
    case SD_SQL_QUERY:
    case SD_SQL_CREATE_DEFINE:
    case SD_SQL_CREATE_OPCLASS:
    case SD_SQL_ALTER_OPFAMILY:
    case SD_SQL_CONVERSION:
    case SD_SQL_CREATE_VIEW:
    case SD_SQL_PIECE:
        /* Built by the emitter around the model's own names: nothing stored to check. */
        return sd_err_set(err, SD_ERR_UNSUPPORTED, "internal error: no object to check for %s",
                          NODE[shape] != NULL ? NODE[shape] : "a piece");
    }
    if (names != NULL) {
        name = list_name(names, 0);
        schema = json_array_size(names) == 2 ? list_name(names, 1) : NULL;
    }
    bool ok = same_name(schema, want->schema) && same_name(name, want->name) &&
              (want->table == NULL ? table == NULL : same_name(table, want->table));
    if (ok)
        return SD_OK;
    if (want->table != NULL) {
        return sd_err_set(
            err, SD_ERR_PARSE, "it creates %s on %s.%s, not %s on %s.%s",
            name != NULL ? name : "(no name)", schema != NULL ? schema : "(no schema)",
            table != NULL ? table : "(no table)", want->name, want->schema, want->table);
    }
    return sd_err_set(err, SD_ERR_PARSE, "it creates %s.%s, not %s.%s",
                      schema != NULL ? schema : "(no schema)", name != NULL ? name : "(no name)",
                      want->schema, want->name);
}

/* The parse tree of one parse: err set and false when it does not hold exactly one statement
 * of type want (and, for an expression, one target). */
static sd_status
check_tree(const char *tree, sd_sql_shape shape, const sd_pg_creates *want, sd_err *err)
{
    json_error_t jerr;
    json_t *root = json_loads(tree, 0, &jerr);
    if (root == NULL)
        return sd_err_set(err, SD_ERR_PARSE, "the parser's tree does not read: %s", jerr.text);
    sd_status rc = SD_OK;
    json_t *stmts = json_object_get(root, "stmts");
    size_t n = json_is_array(stmts) ? json_array_size(stmts) : 0;
    json_t *body = NULL;
    const char *type =
        n == 1 ? node_type(json_object_get(json_array_get(stmts, 0), "stmt"), &body) : NULL;
    if (n != 1) {
        rc = sd_err_set(err, SD_ERR_PARSE, "it holds %zu statements, not one", n);
    } else if (type == NULL || strcmp(type, NODE[shape]) != 0) {
        rc = sd_err_set(err, SD_ERR_PARSE, "it is %s, not %s", type != NULL ? type : "no statement",
                        shape == SD_SQL_EXPR ? "an expression" : NODE[shape]);
    } else if (shape == SD_SQL_EXPR && !single_target(body)) {
        rc = sd_err_set(err, SD_ERR_PARSE, "it is more than one expression");
    } else if (want != NULL) {
        rc = check_creates(body, shape, want, err);
    }
    json_decref(root);
    return rc;
}

/* Parse open + text + close and check its tree for the shape; positions in messages count
 * from text's first character. */
static sd_status
parse_wrapped(const char *open,
              const char *text,
              const char *close,
              sd_sql_shape shape,
              const sd_pg_creates *want,
              sd_err *err)
{
    size_t no = strlen(open);
    sd_buf wrapped = SD_BUF_INIT;
    sd_buf_append(&wrapped, open);
    sd_buf_append(&wrapped, text);
    sd_buf_append(&wrapped, close);
    if (sd_buf_failed(&wrapped))
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    PgQueryParseResult r = pg_query_parse(sd_buf_cstr(&wrapped));
    sd_status rc = SD_OK;
    if (r.error != NULL) {
        /* cursorpos counts characters from 1 in what was parsed (0: no position). */
        int pos = r.error->cursorpos - (int)no;
        if (pos > 0)
            rc = sd_err_set(err, SD_ERR_PARSE, "%s (at character %d)", r.error->message, pos);
        else
            rc = sd_err_set(err, SD_ERR_PARSE, "%s", r.error->message);
    } else if (r.parse_tree == NULL) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    } else {
        rc = check_tree(r.parse_tree, shape, want, err);
    }
    pg_query_free_parse_result(r);
    sd_buf_dispose(&wrapped);
    return rc;
}

sd_status
sd_parse_pg(const char *text, sd_sql_shape shape, sd_err *err)
{
    if (text == NULL)
        return sd_err_set(err, SD_ERR_PARSE, "it is missing");
    if (shape == SD_SQL_PIECE)
        return check_piece(text, err);
    if ((unsigned)shape >= SD_ARRAY_LEN(NODE) || NODE[shape] == NULL)
        return sd_err_set(err, SD_ERR_UNSUPPORTED, "PostgreSQL stores no such statement");
    if (shape != SD_SQL_EXPR)
        return parse_wrapped("", text, "", shape, NULL, err);
    /* An expression is one target both inside parentheses and without them: text that
     * closes the wrapper's parenthesis ("1) + (2") leaves one of the two unbalanced. */
    sd_status rc = parse_wrapped("SELECT (", text, ")", shape, NULL, err);
    if (rc == SD_OK)
        rc = parse_wrapped("SELECT ", text, "", shape, NULL, err);
    return rc;
}

sd_status
sd_parse_pg_create(const char *text, sd_sql_shape shape, const sd_pg_creates *want, sd_err *err)
{
    if (text == NULL)
        return sd_err_set(err, SD_ERR_PARSE, "it is missing");
    if (shape != SD_SQL_CREATE_FUNCTION && shape != SD_SQL_CREATE_TRIGGER &&
        shape != SD_SQL_CREATE_RULE && shape != SD_SQL_CREATE_STATS)
        return sd_err_set(err, SD_ERR_UNSUPPORTED, "internal error: not a stored CREATE shape");
    return parse_wrapped("", text, "", shape, want, err);
}

/* The string value of a {"String": {"sval": ...}} node, or NULL. */
static const char *
string_node(json_t *node)
{
    json_t *body = NULL;
    const char *type = node_type(node, &body);
    if (type == NULL || strcmp(type, "String") != 0)
        return NULL;
    return json_string_value(json_object_get(body, "sval"));
}

/* The path a CreateFunctionStmt body's function runs with: its options' LANGUAGE and SET
 * search_path, and whether it has a SQL-standard body (sql_body). */
static sd_pg_fn_path
function_path(json_t *fn)
{
    if (json_object_get(fn, "sql_body") != NULL)
        return SD_PG_FN_PATH_BOUND;
    sd_pg_fn_path path = SD_PG_FN_PATH_CALLER;
    json_t *opts = json_object_get(fn, "options");
    size_t i = 0;
    json_t *opt = NULL;
    json_array_foreach(opts, i, opt)
    {
        json_t *def = NULL;
        const char *type = node_type(opt, &def);
        const char *name = json_string_value(json_object_get(def, "defname"));
        if (type == NULL || strcmp(type, "DefElem") != 0 || name == NULL)
            continue;
        json_t *set = NULL;
        const char *arg = node_type(json_object_get(def, "arg"), &set);
        if (strcmp(name, "language") == 0) {
            const char *lang = string_node(json_object_get(def, "arg"));
            /* C and internal functions run no SQL text of their own. */
            if (lang != NULL && (strcmp(lang, "c") == 0 || strcmp(lang, "internal") == 0))
                return SD_PG_FN_PATH_BOUND;
        } else if (strcmp(name, "set") == 0 && arg != NULL && strcmp(arg, "VariableSetStmt") == 0) {
            const char *var = json_string_value(json_object_get(set, "name"));
            if (var != NULL && strcmp(var, "search_path") == 0)
                path = SD_PG_FN_PATH_OWN;
        }
    }
    return path;
}

sd_status
sd_parse_pg_function_path(const char *text, sd_pg_fn_path *out, sd_err *err)
{
    *out = SD_PG_FN_PATH_CALLER;
    sd_status rc = sd_parse_pg(text, SD_SQL_CREATE_FUNCTION, err);
    if (rc != SD_OK)
        return rc;
    PgQueryParseResult r = pg_query_parse(text);
    if (r.error != NULL || r.parse_tree == NULL) {
        rc = r.error != NULL ? sd_err_set(err, SD_ERR_PARSE, "%s", r.error->message)
                             : sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        pg_query_free_parse_result(r);
        return rc;
    }
    json_error_t jerr;
    json_t *root = json_loads(r.parse_tree, 0, &jerr);
    pg_query_free_parse_result(r);
    if (root == NULL)
        return sd_err_set(err, SD_ERR_PARSE, "the parser's tree does not read: %s", jerr.text);
    json_t *body = NULL;
    json_t *stmt = json_object_get(json_array_get(json_object_get(root, "stmts"), 0), "stmt");
    if (node_type(stmt, &body) != NULL)
        *out = function_path(body);
    json_decref(root);
    return SD_OK;
}

void
sd_parse_versions(sd_buf *out)
{
    sd_buf_appendf(out, "libpg_query (PostgreSQL %s parser)\n", PG_VERSION);
}

/* The script without the lines a client reads as its own commands ("\\set ..."): blanked,
 * so that positions stay. Only lines that start with a backslash: the emitter writes no
 * other, and a model text holding one outside quotes is refused before it is written. */
static void
drop_client_lines(sd_buf *out, const char *script, char lead)
{
    bool line_start = true;
    for (const char *p = script; *p != '\0'; p++) {
        if (line_start && *p == lead) {
            for (; *p != '\0' && *p != '\n'; p++)
                sd_buf_putc(out, ' ');
            if (*p == '\0')
                break;
        }
        sd_buf_putc(out, *p);
        line_start = *p == '\n';
    }
}

sd_status
sd_parse_pg_count(const char *script, size_t *count, sd_err *err)
{
    sd_buf text = SD_BUF_INIT;
    *count = 0;
    drop_client_lines(&text, script, '\\');
    if (sd_buf_failed(&text))
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    /* The parser, not the scanner: a BEGIN ATOMIC body's ';' ends no statement (psql knows
     * that too; the scanner alone does not). */
    PgQuerySplitResult r = pg_query_split_with_parser(sd_buf_cstr(&text));
    sd_status rc = SD_OK;
    if (r.error != NULL)
        rc = sd_err_set(err, SD_ERR_PARSE, "%s", r.error->message);
    else
        *count = (size_t)r.n_stmts;
    pg_query_free_split_result(r);
    sd_buf_dispose(&text);
    return rc;
}

/* ---- splitting a migration script (parse.h, sd_parse_pg_split()) ---- */

/* How a rule of NO_TXN tests a statement's node. */
typedef enum txn_test {
    TEST_ALWAYS = 0, /* every such statement */
    TEST_TRUE,       /* member is true */
    TEST_ABSENT,     /* member is missing */
    TEST_EQUALS,     /* member is the string value */
    TEST_OPTION      /* member, a DefElem list, sets the option value to true */
} txn_test;

typedef struct txn_rule {
    const char *node;
    txn_test test;
    const char *member;
    const char *value;
} txn_rule;

/* What PostgreSQL 15 refuses in a transaction block (PreventInTransactionBlock() callers), as
 * the parse tree says it. */
static const txn_rule NO_TXN[] = {
    { .node = "IndexStmt", .test = TEST_TRUE, .member = "concurrent" },
    { .node = "DropStmt", .test = TEST_TRUE, .member = "concurrent" },
    { .node = "ReindexStmt", .test = TEST_OPTION, .member = "params", .value = "concurrently" },
    { .node = "ReindexStmt",
      .test = TEST_EQUALS,
      .member = "kind",
      .value = "REINDEX_OBJECT_SCHEMA" },
    { .node = "ReindexStmt",
      .test = TEST_EQUALS,
      .member = "kind",
      .value = "REINDEX_OBJECT_SYSTEM" },
    { .node = "ReindexStmt",
      .test = TEST_EQUALS,
      .member = "kind",
      .value = "REINDEX_OBJECT_DATABASE" },
    { .node = "VacuumStmt", .test = TEST_TRUE, .member = "is_vacuumcmd" },
    { .node = "ClusterStmt", .test = TEST_ABSENT, .member = "relation" },
    { .node = "CreatedbStmt", .test = TEST_ALWAYS },
    { .node = "DropdbStmt", .test = TEST_ALWAYS },
    { .node = "AlterDatabaseStmt",
      .test = TEST_OPTION,
      .member = "options",
      .value = "tablespace" },
    { .node = "CreateTableSpaceStmt", .test = TEST_ALWAYS },
    { .node = "DropTableSpaceStmt", .test = TEST_ALWAYS },
    { .node = "AlterSystemStmt", .test = TEST_ALWAYS },
    { .node = "TransactionStmt",
      .test = TEST_EQUALS,
      .member = "kind",
      .value = "TRANS_STMT_COMMIT_PREPARED" },
    { .node = "TransactionStmt",
      .test = TEST_EQUALS,
      .member = "kind",
      .value = "TRANS_STMT_ROLLBACK_PREPARED" },
};

/* The boolean a value node spells as PostgreSQL's parse_bool() reads it (on, true, yes, 1 and
 * their prefixes are true; off, false, no, 0 false), or dflt when there is none. */
static bool
truth(json_t *value, bool dflt)
{
    json_t *body = NULL;
    const char *type = node_type(value, &body);
    if (type == NULL)
        return dflt;
    if (strcmp(type, "A_Const") == 0) {
        json_t *member = NULL;
        if ((member = json_object_get(body, "sval")) != NULL)
            type = "String";
        else if ((member = json_object_get(body, "ival")) != NULL)
            type = "Integer";
        else if ((member = json_object_get(body, "boolval")) != NULL)
            type = "Boolean";
        body = member;
    }
    if (strcmp(type, "Integer") == 0)
        return json_integer_value(json_object_get(body, "ival")) != 0;
    if (strcmp(type, "Boolean") == 0)
        return json_is_true(json_object_get(body, "boolval"));
    const char *s =
        strcmp(type, "String") == 0 ? json_string_value(json_object_get(body, "sval")) : NULL;
    if (s == NULL || s[0] == '\0')
        return dflt;
    char c = sd_ascii_lower(s[0]);
    if (c == 'o')
        return sd_ascii_lower(s[1]) == 'n';
    if (c == 't' || c == 'y' || c == '1')
        return true;
    return c == 'f' || c == 'n' || c == '0' ? false : dflt;
}

/* Whether a DefElem list sets option name to true (an option without a value is true). */
static bool
option_set(json_t *list, const char *name)
{
    size_t i = 0;
    json_t *elem = NULL;
    json_array_foreach(list, i, elem)
    {
        json_t *def = NULL;
        const char *type = node_type(elem, &def);
        const char *defname = json_string_value(json_object_get(def, "defname"));
        if (type != NULL && strcmp(type, "DefElem") == 0 && defname != NULL &&
            strcmp(defname, name) == 0)
            return truth(json_object_get(def, "arg"), true);
    }
    return false;
}

static bool
rule_holds(const txn_rule *rule, json_t *body)
{
    json_t *member = rule->member != NULL ? json_object_get(body, rule->member) : NULL;
    switch (rule->test) {
    case TEST_ALWAYS:
        return true;
    case TEST_TRUE:
        return json_is_true(member);
    case TEST_ABSENT:
        return member == NULL;
    case TEST_EQUALS:
        return json_is_string(member) && strcmp(json_string_value(member), rule->value) == 0;
    case TEST_OPTION:
        return option_set(member, rule->value);
    }
    return false;
}

static bool
runs_outside_txn(const char *type, json_t *body)
{
    for (size_t i = 0; i < SD_ARRAY_LEN(NO_TXN); i++) {
        if (strcmp(NO_TXN[i].node, type) == 0 && rule_holds(&NO_TXN[i], body))
            return true;
    }
    return false;
}

/* Whether a statement sets standard_conforming_strings to anything but on: the server would
 * lex what follows with backslashes escaping in '' strings, the parser (always on) would not,
 * and the two would split the rest differently. */
static bool
sets_nonstandard_strings(const char *type, json_t *body)
{
    if (strcmp(type, "VariableSetStmt") != 0)
        return false;
    const char *name = json_string_value(json_object_get(body, "name"));
    const char *want = "standard_conforming_strings";
    size_t i = 0;
    for (; name != NULL && name[i] != '\0' && sd_ascii_lower(name[i]) == want[i]; i++)
        ;
    if (name == NULL || name[i] != '\0' || want[i] != '\0')
        return false;
    const char *kind = json_string_value(json_object_get(body, "kind"));
    if (kind == NULL || strcmp(kind, "VAR_SET_VALUE") != 0)
        return false; /* RESET, SET ... TO DEFAULT: on */
    return !truth(json_array_get(json_object_get(body, "args"), 0), true);
}

/* Skip what the parser proved lies between the end of a statement and the next one's first
 * token: blanks, "--" comments and (nested) block comments. The parser places a statement
 * right after the previous ';'; this only finds its first token there. */
static size_t
skip_to_token(const char *s, size_t at, size_t end)
{
    while (at < end) {
        if (s[at] == ' ' || s[at] == '\t' || s[at] == '\n' || s[at] == '\r' || s[at] == '\f' ||
            s[at] == '\v') {
            at++;
        } else if (s[at] == '-' && at + 1 < end && s[at + 1] == '-') {
            while (at < end && s[at] != '\n' && s[at] != '\r')
                at++;
        } else if (s[at] == '/' && at + 1 < end && s[at + 1] == '*') {
            size_t depth = 0;
            do {
                if (s[at] == '/' && at + 1 < end && s[at + 1] == '*') {
                    depth++;
                    at += 2;
                } else if (s[at] == '*' && at + 1 < end && s[at + 1] == '/') {
                    depth--;
                    at += 2;
                } else {
                    at++;
                }
            } while (at < end && depth > 0);
        } else {
            break;
        }
    }
    return at;
}

/* What a statement's text (one statement, as the splitter cut it) is: its tree, parsed alone so
 * that a huge script's tree is never held whole, must hold exactly that one statement. */
static sd_status
classify(const char *text, size_t len, bool *txn, bool *no_txn, bool *nonstandard, sd_err *err)
{
    *txn = *no_txn = *nonstandard = false;
    sd_buf one = SD_BUF_INIT;
    sd_buf_appendn(&one, text, len);
    if (sd_buf_failed(&one))
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    PgQueryParseResult r = pg_query_parse(sd_buf_cstr(&one));
    sd_buf_dispose(&one);
    json_t *root = NULL;
    json_error_t jerr;
    sd_status rc = SD_OK;
    if (r.error != NULL) {
        rc = sd_err_set(err, SD_ERR_PARSE, "internal error: a statement alone does not parse: %s",
                        r.error->message);
    } else if (r.parse_tree == NULL) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    } else if ((root = json_loads(r.parse_tree, 0, &jerr)) == NULL) {
        rc = sd_err_set(err, SD_ERR_PARSE, "the parser's tree does not read: %s", jerr.text);
    }
    pg_query_free_parse_result(r);
    if (rc != SD_OK)
        return rc;
    json_t *stmts = json_object_get(root, "stmts");
    json_t *body = NULL;
    const char *type = json_array_size(stmts) == 1
                           ? node_type(json_object_get(json_array_get(stmts, 0), "stmt"), &body)
                           : NULL;
    if (type == NULL) {
        rc = sd_err_set(err, SD_ERR_PARSE, "internal error: a statement alone is %zu statements",
                        json_array_size(stmts));
    } else {
        *txn = strcmp(type, "TransactionStmt") == 0;
        *no_txn = runs_outside_txn(type, body);
        *nonstandard = sets_nonstandard_strings(type, body);
    }
    json_decref(root);
    return rc;
}

/* The statements of the splitter's places (text: what was split) into out. */
static sd_status
split_places(const char *text,
             size_t len,
             const PgQuerySplitResult *r,
             sd_sql_split *out,
             sd_err *err)
{
    sd_sql_pos cursor = { 0, 1, 1 };
    for (int i = 0; i < r->n_stmts; i++) {
        int loc = r->stmts[i]->stmt_location;
        int n = r->stmts[i]->stmt_len;
        size_t start = loc > 0 && (size_t)loc <= len ? (size_t)loc : 0;
        size_t end = n > 0 && (size_t)n <= len - start ? start + (size_t)n : len;
        start = skip_to_token(text, start, end);
        bool txn = false;
        bool no_txn = false;
        bool nonstandard = false;
        sd_status rc = classify(text + start, end - start, &txn, &no_txn, &nonstandard, err);
        if (rc == SD_OK && nonstandard) {
            return sd_parse__refuse(out, text, start,
                                    "standard_conforming_strings set to off: the script is "
                                    "split as the server lexes it with on",
                                    err);
        }
        if (rc == SD_OK)
            rc = sd_parse__add(out, text, &cursor, start, end, txn, no_txn, err);
        if (rc != SD_OK)
            return rc;
    }
    return SD_OK;
}

sd_status
sd_parse_pg_split(const char *script, size_t len, sd_sql_split *out, sd_err *err)
{
    sd_status rc = sd_parse__split_begin(script, len, out, err);
    if (rc != SD_OK)
        return rc;
    if (len >= (size_t)INT_MAX)
        return sd_parse__refuse(out, script, 0, "the script is larger than the parser takes", err);
    /* The parser takes a C string: script need not be one. */
    char *text = malloc(len + 1);
    if (text == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    memcpy(text, script, len);
    text[len] = '\0';
    /* The parser, not the scanner: a BEGIN ATOMIC body's ';' ends no statement. */
    PgQuerySplitResult r = pg_query_split_with_parser(text);
    if (r.error != NULL) {
        /* cursorpos counts characters from 1 (0: no position). */
        if (r.error->cursorpos > 0) {
            size_t at = sd_parse__char_offset(text, len, (size_t)r.error->cursorpos - 1);
            rc = sd_parse__refuse(out, text, at, r.error->message, err);
        } else {
            rc = sd_err_set(err, SD_ERR_PARSE, "%s", r.error->message);
        }
    } else {
        rc = split_places(text, len, &r, out, err);
    }
    pg_query_free_split_result(r);
    free(text);
    if (rc != SD_OK)
        out->stmts.len = 0;
    return rc;
}
