/*
 * parse_pg.c: PostgreSQL's own parser (libpg_query, the server's grammar as a library) on
 * stored SQL text. The text is parsed as it will be written: a statement or query alone, an
 * expression both inside "SELECT (" ... ")" and after a bare "SELECT ", so that text which
 * closes the wrapper's parenthesis and goes on cannot be balanced in both. The parse tree
 * (JSON, read with jansson) then must hold one statement of the node type the shape names
 * and, for an expression, nothing but the one unnamed target (no FROM, no second target, no
 * alias).
 */
#include <string.h>

#include <jansson.h>
#include <pg_query.h>

#include "parse/parse.h"
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
