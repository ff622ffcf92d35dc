/*
 * parse_sqlite.c: SQLite's own parser on a stored CREATE VIEW or CREATE TRIGGER statement.
 * The statement is prepared (sqlite3_prepare_v2) in a private in-memory database, after a
 * stand-in for a trigger's table (SQLite checks that it exists; bodies and view queries are
 * not resolved until used). What follows it must prepare to nothing (blanks and comments).
 * An authorizer lets it do nothing but the one CREATE asked for, which it must ask for, before
 * it runs there; the schema must then hold exactly one object more: the view or trigger of
 * that name, so that the text creates nothing else and nothing under another name.
 *
 * It also splits migration scripts (sd_parse_sqlite_split()) where sqlite3_complete() says a
 * statement is complete, as the sqlite3 shell does; SQLite's tokenizer (util/sqltok.h) finds
 * each one's first token.
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <sqlite3.h>

#include "parse/parse.h"
#include "parse/parse_int.h"
#include "util/util.h"

/* Run one statement of the scratch database's own making. */
static sd_status
exec(sqlite3 *db, const char *sql, sd_err *err)
{
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK)
        return SD_OK;
    return sd_err_set(err, SD_ERR_DB, "sqlite: %s", sqlite3_errmsg(db));
}

/* A stand-in table (view: as_view) named name, for a trigger to be created on. */
static sd_status
stand_in(sqlite3 *db, const char *name, bool as_view, sd_err *err)
{
    sd_buf sql = SD_BUF_INIT;
    sd_buf_append(&sql, as_view ? "CREATE VIEW " : "CREATE TABLE ");
    sd_sql_ident(&sql, SD_ENGINE_SQLITE, name);
    sd_buf_append(&sql, as_view ? " AS SELECT 1" : " (x)");
    sd_status rc = sd_buf_failed(&sql) ? sd_err_set(err, SD_ERR_NOMEM, "out of memory")
                                       : exec(db, sd_buf_cstr(&sql), err);
    sd_buf_dispose(&sql);
    return rc;
}

/* What the authorizer let through while the untrusted text was prepared. */
typedef struct guard {
    int want;    /* SQLITE_CREATE_VIEW or SQLITE_CREATE_TRIGGER */
    int creates; /* times the parser asked to do it */
} guard;

/*
 * The untrusted text is prepared, and run only once it proved to be the one CREATE asked for:
 * the authorizer sees the statement's actions at prepare time. It refuses whatever could
 * reach outside the scratch database or change it otherwise (ATTACH, PRAGMA, DROP, other
 * CREATEs, temporary objects) and counts the wanted CREATE; a statement without one (VACUUM
 * INTO 'file' has no action code) is refused before it runs.
 */
static int
authorize(void *arg, int action, const char *a, const char *b, const char *db, const char *in)
{
    (void)a;
    (void)b;
    (void)db;
    (void)in;
    guard *g = arg;
    switch (action) {
    case SQLITE_CREATE_VIEW:
    case SQLITE_CREATE_TRIGGER:
        if (action != g->want)
            return SQLITE_DENY;
        g->creates++;
        return SQLITE_OK;
    case SQLITE_INSERT: /* the new sqlite_schema row; a trigger body's statements */
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
    case SQLITE_READ:
    case SQLITE_SELECT:
    case SQLITE_FUNCTION:
    case SQLITE_RECURSIVE:
        return SQLITE_OK;
    default:
        return SQLITE_DENY;
    }
}

/* Prepare text as one statement: *stmt_out set, SD_ERR_PARSE when it does not prepare or more
 * than blanks and comments follow it. */
static sd_status
prepare_one(sqlite3 *db, const char *text, const char *what, sqlite3_stmt **stmt_out, sd_err *err)
{
    const char *tail = NULL;
    *stmt_out = NULL;
    if (sqlite3_prepare_v2(db, text, -1, stmt_out, &tail) != SQLITE_OK) {
        if (sqlite3_errcode(db) == SQLITE_AUTH) /* the authorizer refused an action */
            return sd_err_set(err, SD_ERR_PARSE, "it is not one %s statement", what);
        return sd_err_set(err, SD_ERR_PARSE, "%s", sqlite3_errmsg(db));
    }
    if (*stmt_out == NULL)
        return sd_err_set(err, SD_ERR_PARSE, "it holds no statement");
    while (tail != NULL && *tail != '\0') {
        sqlite3_stmt *more = NULL;
        const char *next = NULL;
        int prc = sqlite3_prepare_v2(db, tail, -1, &more, &next);
        sqlite3_finalize(more);
        if (prc != SQLITE_OK || more != NULL)
            return sd_err_set(err, SD_ERR_PARSE, "it holds more than one statement");
        tail = next;
    }
    return SD_OK;
}

/* Whether the schema holds, besides the others objects it held (others), exactly one
 * object of type (view, trigger), and that it is named name. */
static sd_status
created_only(sqlite3 *db, const char *type, const char *name, int others, sd_err *err)
{
    sqlite3_stmt *q = NULL;
    const char *sql = "SELECT count(*), total(type = ?1), total(type = ?1 AND name = ?2 COLLATE "
                      "NOCASE) FROM sqlite_schema";
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return sd_err_set(err, SD_ERR_DB, "sqlite: %s", sqlite3_errmsg(db));
    sqlite3_bind_text(q, 1, type, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, name, -1, SQLITE_STATIC);
    sd_status rc = SD_OK;
    if (sqlite3_step(q) != SQLITE_ROW)
        rc = sd_err_set(err, SD_ERR_DB, "sqlite: %s", sqlite3_errmsg(db));
    else if (sqlite3_column_int64(q, 0) != others + 1 || sqlite3_column_int64(q, 1) != 1 ||
             sqlite3_column_int64(q, 2) != 1)
        rc = sd_err_set(err, SD_ERR_PARSE, "it does not create the %s %s", type, name);
    sqlite3_finalize(q);
    return rc;
}

/* One attempt in a fresh database; a trigger's table stands in as a table or (as_view) a
 * view, for INSTEAD OF triggers. */
static sd_status
attempt(const char *text,
        sd_sql_shape shape,
        const char *name,
        const char *table,
        bool as_view,
        sd_err *err)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        sqlite3_close(db);
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory (sqlite in-memory database)");
    }
    int others = shape == SD_SQL_CREATE_TRIGGER && table != NULL ? 1 : 0;
    sd_status rc = others > 0 ? stand_in(db, table, as_view, err) : SD_OK;
    const char *what = shape == SD_SQL_CREATE_TRIGGER ? "CREATE TRIGGER" : "CREATE VIEW";
    guard g = { .want =
                    shape == SD_SQL_CREATE_TRIGGER ? SQLITE_CREATE_TRIGGER : SQLITE_CREATE_VIEW };
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_set_authorizer(db, authorize, &g);
    sqlite3_stmt *stmt = NULL;
    if (rc == SD_OK)
        rc = prepare_one(db, text, what, &stmt, err);
    if (rc == SD_OK && g.creates != 1)
        rc = sd_err_set(err, SD_ERR_PARSE, "it is not one %s statement", what);
    if (rc == SD_OK && sqlite3_step(stmt) != SQLITE_DONE)
        rc = sd_err_set(err, SD_ERR_PARSE, "%s", sqlite3_errmsg(db));
    sqlite3_set_authorizer(db, NULL, NULL);
    sqlite3_finalize(stmt);
    if (rc == SD_OK)
        rc = created_only(db, shape == SD_SQL_CREATE_TRIGGER ? "trigger" : "view", name, others,
                          err);
    sqlite3_close(db);
    return rc;
}

/* Whether the line at p (up to '\n' or the end) is one the sqlite3 shell takes for the end of
 * a statement: "/" (Oracle's) or "go" (SQL Server's), alone or before a comment. */
static bool
shell_terminator(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\f' || *p == '\v')
        p++;
    if (*p == '/')
        p++;
    else if ((p[0] == 'g' || p[0] == 'G') && (p[1] == 'o' || p[1] == 'O'))
        p += 2;
    else
        return false;
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\f' || *p == '\v')
        p++;
    return *p == '\0' || *p == '\n' || (p[0] == '-' && p[1] == '-') || (p[0] == '/' && p[1] == '*');
}

sd_status
sd_parse_sqlite_piece(const char *text, sd_err *err)
{
    for (const char *line = text; line != NULL; line = strchr(line, '\n')) {
        if (*line == '\n')
            line++;
        if (shell_terminator(line)) {
            return sd_err_set(err, SD_ERR_PARSE,
                              "a line of it ends a statement for the sqlite3 shell (\"/\" or "
                              "\"go\")");
        }
    }
    return SD_OK;
}

sd_status
sd_parse_sqlite_create(const char *text,
                       sd_sql_shape shape,
                       const char *name,
                       const char *table,
                       sd_err *err)
{
    if (shape != SD_SQL_CREATE_VIEW && shape != SD_SQL_CREATE_TRIGGER)
        return sd_err_set(err, SD_ERR_UNSUPPORTED, "SQLite stores no such statement");
    if (text == NULL || name == NULL)
        return sd_err_set(err, SD_ERR_PARSE, "it is missing");
    /* What SQLite's parser reads as one statement the sqlite3 shell may cut in two. */
    sd_status rc = sd_parse_sqlite_piece(text, err);
    if (rc != SD_OK)
        return rc;
    rc = attempt(text, shape, name, table, false, err);
    if (rc == SD_ERR_PARSE && shape == SD_SQL_CREATE_TRIGGER && table != NULL) {
        /* An INSTEAD OF trigger is on a view: try again with one. */
        sd_err again = SD_ERR_INIT;
        if (attempt(text, shape, name, table, true, &again) == SD_OK) {
            sd_err_clear(err);
            rc = SD_OK;
        }
    }
    return rc;
}

/* Whether text holds nothing but blanks and comments (what the shell skips). */
static bool
only_blanks(const char *text)
{
    const char *p = text;
    while (*p != '\0') {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') {
            p++;
        } else if (p[0] == '-' && p[1] == '-') {
            while (*p != '\0' && *p != '\n')
                p++;
        } else if (p[0] == '/' && p[1] == '*') {
            const char *end = strstr(p + 2, "*/");
            if (end == NULL)
                return false;
            p = end + 2;
        } else {
            return false;
        }
    }
    return true;
}

/* The statements of a complete chunk of input: the shell hands the whole chunk to
 * sqlite3_exec(), which runs every statement in it ("SELECT 1; DROP TABLE t;" on one line is
 * two). Each ends at a ';' up to which the text is complete. */
static sd_status
count_chunk(const char *chunk, size_t *count)
{
    sd_buf part = SD_BUF_INIT;
    const char *start = chunk;
    for (const char *p = strchr(start, ';'); p != NULL; p = strchr(p + 1, ';')) {
        sd_buf_reset(&part);
        sd_buf_appendn(&part, start, (size_t)(p - start) + 1);
        if (sd_buf_failed(&part))
            break;
        if (!only_blanks(sd_buf_cstr(&part)) && sqlite3_complete(sd_buf_cstr(&part))) {
            (*count)++;
            start = p + 1;
        }
    }
    sd_status rc = sd_buf_failed(&part) ? SD_ERR_NOMEM : SD_OK;
    sd_buf_dispose(&part);
    return rc;
}

sd_status
sd_parse_sqlite_count(const char *script, size_t *count, sd_err *err)
{
    /* As the sqlite3 shell reads its input: line by line; a line starting with '.' while no
     * statement is open is a dot-command; a statement ends at the line where
     * sqlite3_complete() says it does. */
    sd_buf stmt = SD_BUF_INIT;
    bool open = false; /* stmt holds more than blanks and comments */
    *count = 0;
    for (const char *p = script; *p != '\0';) {
        const char *eol = strchr(p, '\n');
        size_t len = eol != NULL ? (size_t)(eol - p) : strlen(p);
        if (open || *p != '.') {
            size_t at = stmt.len;
            sd_buf_appendn(&stmt, p, len);
            sd_buf_putc(&stmt, '\n');
            if (sd_buf_failed(&stmt))
                break;
            open = open || !only_blanks(sd_buf_cstr(&stmt) + at);
            /* Only a line with a ';' can end a statement. */
            if (open && memchr(p, ';', len) != NULL && sqlite3_complete(sd_buf_cstr(&stmt))) {
                if (count_chunk(sd_buf_cstr(&stmt), count) != SD_OK) {
                    stmt.failed = true;
                    break;
                }
                sd_buf_reset(&stmt);
                open = false;
            }
        }
        p += len + (eol != NULL);
    }
    sd_status rc = sd_buf_failed(&stmt) ? sd_err_set(err, SD_ERR_NOMEM, "out of memory") : SD_OK;
    sd_buf_dispose(&stmt);
    return rc;
}

/* ---- splitting a migration script (parse.h, sd_parse_sqlite_split()) ---- */

/* First words of the statements that begin or end a transaction or savepoint. */
static const char *const TXN_CONTROL[] = { "BEGIN",    "COMMIT",    "END",
                                           "ROLLBACK", "SAVEPOINT", "RELEASE" };

static bool
first_word_in(const char *text, const sd_tok *tok, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (sd_tok_is_word(text, tok, words[i]))
            return true;
    }
    return false;
}

/* Add the statement between start and end (its ';' or the script's end) unless only blanks
 * and comments are there: SQLite's tokenizer finds its first token and says what it is. */
static sd_status
add_statement(const char *script,
              size_t start,
              size_t end,
              sd_sql_pos *cursor,
              sd_sql_split *out,
              sd_err *err)
{
    sd_lexer lx;
    sd_tok tok = { SD_TOK_EOF, 0, 0 };
    sd_err lex_err = SD_ERR_INIT;
    sd_lexer_init(&lx, script + start, end - start, 0);
    if (sd_lexer_next(&lx, &tok, &lex_err) != SD_OK)
        tok = (sd_tok){ .type = SD_TOK_PUNCT, .start = lx.pos, .len = 0 }; /* SQLite's to refuse */
    else if (tok.type == SD_TOK_EOF)
        return SD_OK;
    if (sd_tok_is_punct(script + start, &tok, "."))
        return sd_parse__refuse(out, script, start + tok.start,
                                "a sqlite3 shell dot-command is not SQL", err);
    bool txn = first_word_in(script + start, &tok, TXN_CONTROL, SD_ARRAY_LEN(TXN_CONTROL));
    bool no_txn = sd_tok_is_word(script + start, &tok, "VACUUM");
    return sd_parse__add(out, script, cursor, start + tok.start, end, txn, no_txn, err);
}

/* Whether script[start, end) followed by "\n;" is complete: a last statement without its ';'
 * (the newline ends a line comment before it). */
static bool
complete_with_semicolon(sd_buf *text, const char *script, size_t start, size_t end)
{
    sd_buf_reset(text);
    sd_buf_appendn(text, script + start, end - start);
    sd_buf_append(text, "\n;");
    return !sd_buf_failed(text) && sqlite3_complete(sd_buf_cstr(text));
}

sd_status
sd_parse_sqlite_split(const char *script, size_t len, sd_sql_split *out, sd_err *err)
{
    sd_status rc = sd_parse__split_begin(script, len, out, err);
    sd_buf text = SD_BUF_INIT;
    sd_sql_pos cursor = { 0, 1, 1 };
    size_t start = 0;
    /* As the sqlite3 shell: the text from the statement's start to each ';' in turn, until
     * SQLite says it is complete (a ';' inside a string, comment or trigger body is not). */
    for (const char *semi = memchr(script, ';', len); rc == SD_OK && semi != NULL;
         semi = memchr(semi + 1, ';', len - (size_t)(semi + 1 - script))) {
        size_t end = (size_t)(semi - script);
        sd_buf_reset(&text);
        sd_buf_appendn(&text, script + start, end + 1 - start);
        if (sd_buf_failed(&text))
            break;
        if (sqlite3_complete(sd_buf_cstr(&text))) {
            rc = add_statement(script, start, end, &cursor, out, err);
            start = end + 1;
        }
    }
    size_t before = out->stmts.len;
    if (rc == SD_OK && !sd_buf_failed(&text) && start < len)
        rc = add_statement(script, start, len, &cursor, out, err);
    if (rc == SD_OK && out->stmts.len > before &&
        !complete_with_semicolon(&text, script, start, len) && !sd_buf_failed(&text)) {
        rc = sd_parse__refuse(out, script, out->stmts.items[before].at.offset,
                              "an incomplete statement at the end (an open string, quoted name "
                              "or comment, or a trigger without END)",
                              err);
    }
    if (rc == SD_OK && sd_buf_failed(&text))
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    sd_buf_dispose(&text);
    if (rc != SD_OK)
        out->stmts.len = 0;
    return rc;
}
