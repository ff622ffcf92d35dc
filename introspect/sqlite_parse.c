/*
 * sqlite_parse.c: a recursive-descent reader for the CREATE TABLE and CREATE INDEX text that
 * SQLite keeps in sqlite_schema, for the facts no pragma reports (see introspect_int.h).
 *
 * The grammar follows SQLite 3.40's parse.y: column definitions with every column constraint
 * (each optionally named with CONSTRAINT), table constraints separated by commas or by nothing,
 * the STRICT and WITHOUT ROWID options, keywords that SQLite lets stand for names, all four
 * identifier quotings and nested parentheses. Expressions are not parsed: they are captured as
 * the exact source text between balanced parentheses (CHECK, AS, DEFAULT) or up to the next
 * top-level comma (index keys). The text has already been accepted by SQLite, so the reader is
 * strict about structure only where that decides what a token means, and reports anything it
 * does not recognize as SD_ERR_PARSE rather than guessing. It does not read CREATE VIRTUAL
 * TABLE, views or triggers (sqlite.c only tokenizes those).
 */
#include <stdint.h>
#include <string.h>

#include "introspect/introspect_int.h"
#include "util/buf.h"
#include "util/sqltok.h"
#include "util/vec.h"

#define NO_FK SIZE_MAX

typedef struct parser {
    const char *src;     /* the CREATE text */
    SD_VEC(sd_tok) toks; /* every token, the last one SD_TOK_EOF */
    size_t i;            /* current token */
    sd_arena *a;         /* results are allocated here */
    sd_buf scratch;      /* dequoting identifiers */
    sd_err *err;         /* where errors go */
    sd_ddl_table *t;     /* table being read (CREATE TABLE only) */
    size_t last_fk;      /* index in t->cons of the latest foreign key, or NO_FK */
} parser;

/* ---- tokens ---- */

/* Like syntax_error(), returns the constant so the analyzer knows it is not SD_OK. */
static sd_status
nomem(parser *p)
{
    (void)sd_err_set(p->err, SD_ERR_NOMEM, "out of memory");
    return SD_ERR_NOMEM;
}

static sd_status
tokenize(parser *p, const char *sql)
{
    sd_lexer lx;
    sd_tok tok;

    sd_lexer_init(&lx, sql, strlen(sql), 0);
    do {
        sd_status rc = sd_lexer_next(&lx, &tok, p->err);
        if (rc != SD_OK)
            return rc;
        if (sd_vec_push(&p->toks, tok) != SD_OK)
            return nomem(p);
    } while (tok.type != SD_TOK_EOF);
    return SD_OK;
}

static const sd_tok *
cur(const parser *p)
{
    return &p->toks.items[p->i];
}

/* The token k places ahead; the EOF token when that is past the end. */
static const sd_tok *
peek(const parser *p, size_t k)
{
    size_t j = p->i + k;
    return &p->toks.items[j < p->toks.len ? j : p->toks.len - 1];
}

static void
advance(parser *p)
{
    if (cur(p)->type != SD_TOK_EOF)
        p->i++;
}

static bool
at_word(const parser *p, const char *word)
{
    return sd_tok_is_word(p->src, cur(p), word);
}

static bool
at_punct(const parser *p, const char *punct)
{
    return sd_tok_is_punct(p->src, cur(p), punct);
}

static bool
accept_word(parser *p, const char *word)
{
    if (!at_word(p, word))
        return false;
    advance(p);
    return true;
}

static bool
accept_punct(parser *p, const char *punct)
{
    if (!at_punct(p, punct))
        return false;
    advance(p);
    return true;
}

/* Anything SQLite accepts where its grammar says "nm" or "ids". */
static bool
is_name(const sd_tok *t)
{
    return t->type == SD_TOK_WORD || t->type == SD_TOK_QIDENT || t->type == SD_TOK_STRING;
}

/* Returns the constant, not sd_err_set()'s result, so that the analyzer (which cannot see
 * into err.c) knows a failed call never yields SD_OK. */
static sd_status
syntax_error(parser *p, const char *expected)
{
    const sd_tok *t = cur(p);
    sd_buf found = SD_BUF_INIT;

    if (t->type == SD_TOK_EOF) {
        sd_buf_append(&found, "end of text");
    } else {
        /* Quote at most 40 bytes: a long string literal would bury the message. */
        size_t n = t->len < 40 ? t->len : 40;
        char *text = sd_arena_strndup(p->a, p->src + t->start, n);
        sd_buf_putc(&found, '"');
        sd_buf_append_repr(&found, text != NULL ? text : "");
        sd_buf_append(&found, n < t->len ? "...\"" : "\"");
    }
    (void)sd_err_set(p->err, SD_ERR_PARSE, "expected %s, found %s", expected, sd_buf_cstr(&found));
    sd_err_where(p->err, "offset %zu", t->start);
    sd_buf_dispose(&found);
    return SD_ERR_PARSE;
}

static sd_status
expect_word(parser *p, const char *word)
{
    return accept_word(p, word) ? SD_OK : syntax_error(p, word);
}

static sd_status
expect_punct(parser *p, const char *punct)
{
    if (accept_punct(p, punct))
        return SD_OK;
    return syntax_error(p, strcmp(punct, "(") == 0 ? "\"(\"" : "\")\"");
}

/* Exact source text of tokens first..last (inclusive), comments between them included. */
static const char *
span(parser *p, size_t first, size_t last)
{
    const sd_tok *a = &p->toks.items[first];
    const sd_tok *b = &p->toks.items[last];
    return sd_arena_strndup(p->a, p->src + a->start, b->start + b->len - a->start);
}

/* Read a name into *out (dequoted, arena copy); out may be NULL to skip it. */
static sd_status
parse_name(parser *p, const char **out)
{
    if (!is_name(cur(p)))
        return syntax_error(p, "a name");
    if (out != NULL) {
        sd_buf_reset(&p->scratch);
        sd_tok_ident(&p->scratch, p->src, cur(p));
        *out = sd_arena_strdup(p->a, sd_buf_cstr(&p->scratch));
    }
    advance(p);
    return SD_OK;
}

/* [schema .] name: the schema part is dropped (SQLite stores it nowhere in the text anyway). */
static sd_status
parse_qualified_name(parser *p, const char **out)
{
    sd_status rc = parse_name(p, out);
    if (rc == SD_OK && accept_punct(p, "."))
        rc = parse_name(p, out);
    return rc;
}

/*
 * At "(": capture the exact text up to the matching ")" into *out (NULL to skip it) and move
 * past the ")". Only punctuation tokens count, so parentheses in strings or quoted names
 * cannot unbalance the scan.
 */
static sd_status
parse_parens(parser *p, const char **out)
{
    size_t open = p->i;
    size_t depth = 0;

    if (!at_punct(p, "("))
        return syntax_error(p, "\"(\"");
    for (;;) {
        if (cur(p)->type == SD_TOK_EOF)
            return syntax_error(p, "\")\"");
        if (at_punct(p, "("))
            depth++;
        else if (at_punct(p, ")"))
            depth--;
        if (depth == 0)
            break;
        advance(p);
    }
    if (out != NULL) {
        size_t from = p->toks.items[open].start + 1;
        *out = sd_arena_strndup(p->a, p->src + from, cur(p)->start - from);
    }
    advance(p);
    return SD_OK;
}

/* ---- result arrays (arena memory: grown by copying) ---- */

static void *
grow(parser *p, void *items, size_t len, size_t *cap, size_t sz)
{
    if (len < *cap)
        return items;
    size_t ncap = *cap != 0 ? *cap * 2 : 4;
    void *n = sd_arena_calloc(p->a, ncap, sz);
    if (n == NULL)
        return NULL;
    if (len > 0)
        memcpy(n, items, len * sz);
    *cap = ncap;
    return n;
}

static sd_status
push_name(parser *p, sd_ddl_names *names, const char *name)
{
    const char **items = grow(p, (void *)names->items, names->len, &names->cap, sizeof(*items));
    if (items == NULL)
        return nomem(p);
    names->items = items;
    names->items[names->len++] = name;
    return SD_OK;
}

/* Append a constraint; the pointer is valid until the next add_cons(). */
static sd_status
add_cons(parser *p, sd_ddl_cons_type type, const char *name, sd_ddl_cons **out)
{
    sd_ddl_table *t = p->t;
    sd_ddl_cons *items = grow(p, t->cons, t->ncons, &t->conscap, sizeof(*items));
    if (items == NULL)
        return nomem(p);
    t->cons = items;
    *out = &t->cons[t->ncons];
    memset(*out, 0, sizeof(**out));
    (*out)->type = type;
    (*out)->name = name;
    if (type == SD_DDL_FOREIGN_KEY) {
        (*out)->on_delete = "NO ACTION";
        (*out)->on_update = "NO ACTION";
        p->last_fk = t->ncons;
    }
    t->ncons++;
    return SD_OK;
}

static char *
upper_copy(parser *p, const char *s)
{
    char *u = sd_arena_strdup(p->a, s);
    if (u != NULL)
        sd_ascii_upper_str(u);
    return u;
}

/* ---- clauses shared by column and table constraints ---- */

/* [ON CONFLICT ROLLBACK | ABORT | FAIL | IGNORE | REPLACE]: parsed only to be skipped. */
static sd_status
parse_onconf(parser *p)
{
    static const char *const RESOLVE[] = { "ROLLBACK", "ABORT", "FAIL", "IGNORE", "REPLACE" };

    if (!accept_word(p, "ON"))
        return SD_OK;
    sd_status rc = expect_word(p, "CONFLICT");
    if (rc != SD_OK)
        return rc;
    for (size_t k = 0; k < sizeof(RESOLVE) / sizeof(RESOLVE[0]); k++)
        if (accept_word(p, RESOLVE[k]))
            return SD_OK;
    return syntax_error(p, "a conflict resolution (ROLLBACK, ABORT, FAIL, IGNORE or REPLACE)");
}

/*
 * One item of a PRIMARY KEY, UNIQUE or FOREIGN KEY column list: a column name, possibly in
 * parentheses (SQLite drops them), then any COLLATE and ASC/DESC, and for a primary key a
 * trailing AUTOINCREMENT. An expression here was rejected by SQLite when the table was made.
 */
static sd_status
parse_column_item(parser *p, const char **out, bool *autoincrement)
{
    size_t parens = 0;
    sd_status rc;

    while (accept_punct(p, "("))
        parens++;
    rc = parse_name(p, out);
    for (; rc == SD_OK && parens > 0; parens--)
        rc = expect_punct(p, ")");
    while (rc == SD_OK) {
        if (accept_word(p, "COLLATE"))
            rc = parse_name(p, NULL);
        else if (accept_word(p, "ASC") || accept_word(p, "DESC"))
            continue;
        else if (autoincrement != NULL && accept_word(p, "AUTOINCREMENT"))
            *autoincrement = true;
        else
            break;
    }
    return rc;
}

/* "(" item [, item]... ")" into names. */
static sd_status
parse_column_list(parser *p, sd_ddl_names *names, bool *autoincrement)
{
    sd_status rc = expect_punct(p, "(");
    while (rc == SD_OK) {
        const char *name = NULL;
        rc = parse_column_item(p, &name, autoincrement);
        if (rc == SD_OK)
            rc = push_name(p, names, name);
        if (rc == SD_OK && !accept_punct(p, ","))
            break;
    }
    if (rc == SD_OK)
        rc = expect_punct(p, ")");
    return rc;
}

/* SET NULL | SET DEFAULT | CASCADE | RESTRICT | NO ACTION, spelled as the pragmas spell it. */
static sd_status
parse_fk_action(parser *p, const char **out)
{
    if (accept_word(p, "SET")) {
        if (accept_word(p, "NULL")) {
            *out = "SET NULL";
            return SD_OK;
        }
        if (accept_word(p, "DEFAULT")) {
            *out = "SET DEFAULT";
            return SD_OK;
        }
        return syntax_error(p, "NULL or DEFAULT");
    }
    if (accept_word(p, "CASCADE")) {
        *out = "CASCADE";
        return SD_OK;
    }
    if (accept_word(p, "RESTRICT")) {
        *out = "RESTRICT";
        return SD_OK;
    }
    if (accept_word(p, "NO")) {
        *out = "NO ACTION";
        return expect_word(p, "ACTION");
    }
    return syntax_error(p, "a foreign key action");
}

/* After REFERENCES: table [(columns)] then any ON DELETE/UPDATE/INSERT and MATCH clauses. */
static sd_status
parse_references(parser *p, sd_ddl_cons *c)
{
    sd_status rc = parse_name(p, &c->ref_table);

    if (rc == SD_OK && at_punct(p, "("))
        rc = parse_column_list(p, &c->ref_columns, NULL);
    while (rc == SD_OK) {
        if (accept_word(p, "MATCH")) {
            const char *match = NULL;
            rc = parse_name(p, &match);
            if (rc == SD_OK)
                c->match = upper_copy(p, match);
        } else if (accept_word(p, "ON")) {
            if (accept_word(p, "DELETE")) {
                rc = parse_fk_action(p, &c->on_delete);
            } else if (accept_word(p, "UPDATE")) {
                rc = parse_fk_action(p, &c->on_update);
            } else if (accept_word(p, "INSERT")) {
                const char *ignored = NULL; /* SQLite parses ON INSERT and ignores it */
                rc = parse_fk_action(p, &ignored);
            } else {
                rc = syntax_error(p, "DELETE or UPDATE");
            }
        } else {
            break;
        }
    }
    return rc;
}

static bool
at_defer(const parser *p)
{
    return at_word(p, "DEFERRABLE") ||
           (at_word(p, "NOT") && sd_tok_is_word(p->src, peek(p, 1), "DEFERRABLE"));
}

/*
 * [NOT] DEFERRABLE [INITIALLY DEFERRED | INITIALLY IMMEDIATE]. Like SQLite's
 * sqlite3DeferForeignKey() it applies to the table's latest foreign key (a column-level
 * DEFERRABLE is a constraint of its own), and NOT DEFERRABLE is never deferred.
 */
static sd_status
parse_defer(parser *p)
{
    bool not_deferrable = accept_word(p, "NOT");
    bool deferred = false;
    sd_status rc = expect_word(p, "DEFERRABLE");

    if (rc == SD_OK && accept_word(p, "INITIALLY")) {
        if (accept_word(p, "DEFERRED"))
            deferred = true;
        else
            rc = expect_word(p, "IMMEDIATE");
    }
    if (rc == SD_OK && p->last_fk != NO_FK) {
        p->t->cons[p->last_fk].deferrable = !not_deferrable;
        p->t->cons[p->last_fk].initially_deferred = !not_deferrable && deferred;
    }
    return rc;
}

/* ---- CREATE TABLE ---- */

/* DEFAULT value: (expr), [+|-] literal, or a bare word; the pragma reports the value. */
static sd_status
parse_default(parser *p)
{
    if (at_punct(p, "("))
        return parse_parens(p, NULL);
    if (!accept_punct(p, "+"))
        (void)accept_punct(p, "-");
    switch (cur(p)->type) {
    case SD_TOK_WORD:
    case SD_TOK_QIDENT:
    case SD_TOK_STRING:
    case SD_TOK_BLOB:
    case SD_TOK_NUMBER:
        advance(p);
        return SD_OK;
    case SD_TOK_EOF:
    case SD_TOK_PARAM:
    case SD_TOK_PUNCT:
    case SD_TOK_COMMENT:
    case SD_TOK_SPACE:
        break;
    }
    return syntax_error(p, "a default value");
}

/* AS (expr) [STORED | VIRTUAL], after GENERATED ALWAYS when that was written. */
static sd_status
parse_generated(parser *p, size_t col)
{
    sd_status rc = parse_parens(p, &p->t->columns[col].generated);
    if (rc == SD_OK && accept_word(p, "STORED"))
        p->t->columns[col].stored = true;
    else if (rc == SD_OK)
        (void)accept_word(p, "VIRTUAL");
    return rc;
}

/*
 * True at a word that ends a column's type name: it starts a column constraint. SQLite lets
 * most other keywords be type words ("DOUBLE PRECISION", "UNSIGNED BIG INT"); GENERATED
 * ALWAYS is the exception it strips off the type itself.
 */
static bool
at_column_constraint(const parser *p)
{
    static const char *const STARTS[] = { "CONSTRAINT", "DEFAULT", "NULL",      "NOT",
                                          "PRIMARY",    "UNIQUE",  "CHECK",     "REFERENCES",
                                          "COLLATE",    "AS",      "DEFERRABLE" };
    for (size_t k = 0; k < sizeof(STARTS) / sizeof(STARTS[0]); k++)
        if (at_word(p, STARTS[k]))
            return true;
    return at_word(p, "GENERATED") && sd_tok_is_word(p->src, peek(p, 1), "ALWAYS") &&
           sd_tok_is_word(p->src, peek(p, 2), "AS");
}

/* A table constraint starts with one of these words, which SQLite never takes as a name. */
static bool
at_table_constraint(const parser *p)
{
    return at_word(p, "CONSTRAINT") || at_word(p, "PRIMARY") || at_word(p, "UNIQUE") ||
           at_word(p, "CHECK") || at_word(p, "FOREIGN");
}

/*
 * A column constraint that becomes a constraint of the table: PRIMARY KEY, UNIQUE, CHECK or
 * REFERENCES, named name. *matched is false (and nothing is read) at any other token.
 */
static sd_status
parse_column_keyed(parser *p, size_t col, const char *name, bool *matched)
{
    const char *colname = p->t->columns[col].name;
    sd_ddl_cons *c = NULL;
    sd_status rc = SD_OK;

    *matched = true;
    if (accept_word(p, "PRIMARY")) {
        rc = expect_word(p, "KEY");
        if (rc == SD_OK && !accept_word(p, "ASC"))
            (void)accept_word(p, "DESC");
        if (rc == SD_OK)
            rc = parse_onconf(p);
        if (rc == SD_OK)
            rc = add_cons(p, SD_DDL_PRIMARY_KEY, name, &c);
        if (rc == SD_OK) {
            c->autoincrement = accept_word(p, "AUTOINCREMENT");
            rc = push_name(p, &c->columns, colname);
        }
    } else if (accept_word(p, "UNIQUE")) {
        rc = parse_onconf(p);
        if (rc == SD_OK)
            rc = add_cons(p, SD_DDL_UNIQUE, name, &c);
        if (rc == SD_OK)
            rc = push_name(p, &c->columns, colname);
    } else if (accept_word(p, "CHECK")) {
        rc = add_cons(p, SD_DDL_CHECK, name, &c);
        if (rc == SD_OK)
            rc = parse_parens(p, &c->expr);
    } else if (accept_word(p, "REFERENCES")) {
        rc = add_cons(p, SD_DDL_FOREIGN_KEY, name, &c);
        if (rc == SD_OK)
            rc = push_name(p, &c->columns, colname);
        if (rc == SD_OK)
            rc = parse_references(p, c);
    } else {
        *matched = false;
    }
    return rc;
}

/* The column constraints after a column's type; stops at anything else. */
static sd_status
parse_column_constraints(parser *p, size_t col)
{
    const char *pending = NULL; /* CONSTRAINT name waiting for its constraint */
    sd_status rc = SD_OK;

    while (rc == SD_OK) {
        const char *name = pending;
        bool matched = true;
        pending = NULL;
        if (accept_word(p, "CONSTRAINT")) {
            rc = parse_name(p, &pending);
        } else if (at_defer(p)) {
            rc = parse_defer(p);
        } else if (accept_word(p, "NOT")) {
            rc = expect_word(p, "NULL");
            if (rc == SD_OK)
                rc = parse_onconf(p);
        } else if (accept_word(p, "NULL")) {
            rc = parse_onconf(p);
        } else if (accept_word(p, "DEFAULT")) {
            rc = parse_default(p);
        } else if (accept_word(p, "COLLATE")) {
            rc = parse_name(p, &p->t->columns[col].collation);
        } else if (accept_word(p, "GENERATED")) {
            rc = expect_word(p, "ALWAYS");
            if (rc == SD_OK)
                rc = expect_word(p, "AS");
            if (rc == SD_OK)
                rc = parse_generated(p, col);
        } else if (accept_word(p, "AS")) {
            rc = parse_generated(p, col);
        } else {
            rc = parse_column_keyed(p, col, name, &matched);
            if (rc == SD_OK && !matched)
                break;
        }
    }
    return rc;
}

static sd_status
parse_column_def(parser *p)
{
    sd_ddl_table *t = p->t;
    sd_ddl_column *cols = grow(p, t->columns, t->ncolumns, &t->colcap, sizeof(*cols));
    size_t col = t->ncolumns;
    sd_status rc;

    if (cols == NULL)
        return nomem(p);
    t->columns = cols;
    memset(&t->columns[col], 0, sizeof(t->columns[col]));
    t->ncolumns++;
    rc = parse_name(p, &t->columns[col].name);
    if (rc != SD_OK)
        return rc;
    /* The type name: pragma_table_xinfo reports it; here it only has to be stepped over. */
    while (is_name(cur(p)) && !at_column_constraint(p))
        advance(p);
    if (at_punct(p, "(")) {
        rc = parse_parens(p, NULL);
        if (rc != SD_OK)
            return rc;
    }
    return parse_column_constraints(p, col);
}

/* One table constraint; a lone CONSTRAINT name is one too (it names the next constraint). */
static sd_status
parse_table_constraint(parser *p, const char **pending)
{
    const char *name = *pending;
    sd_ddl_cons *c = NULL;
    sd_status rc;

    *pending = NULL;
    if (accept_word(p, "CONSTRAINT"))
        return parse_name(p, pending);
    if (accept_word(p, "PRIMARY")) {
        rc = expect_word(p, "KEY");
        if (rc == SD_OK)
            rc = add_cons(p, SD_DDL_PRIMARY_KEY, name, &c);
        if (rc == SD_OK)
            rc = parse_column_list(p, &c->columns, &c->autoincrement);
        return rc == SD_OK ? parse_onconf(p) : rc;
    }
    if (accept_word(p, "UNIQUE")) {
        rc = add_cons(p, SD_DDL_UNIQUE, name, &c);
        if (rc == SD_OK)
            rc = parse_column_list(p, &c->columns, NULL);
        return rc == SD_OK ? parse_onconf(p) : rc;
    }
    if (accept_word(p, "CHECK")) {
        rc = add_cons(p, SD_DDL_CHECK, name, &c);
        if (rc == SD_OK)
            rc = parse_parens(p, &c->expr);
        return rc == SD_OK ? parse_onconf(p) : rc;
    }
    if (accept_word(p, "FOREIGN")) {
        rc = expect_word(p, "KEY");
        if (rc == SD_OK)
            rc = add_cons(p, SD_DDL_FOREIGN_KEY, name, &c);
        if (rc == SD_OK)
            rc = parse_column_list(p, &c->columns, NULL);
        if (rc == SD_OK)
            rc = expect_word(p, "REFERENCES");
        if (rc == SD_OK)
            rc = parse_references(p, c);
        if (rc == SD_OK && at_defer(p))
            rc = parse_defer(p);
        return rc;
    }
    return syntax_error(p, "a table constraint");
}

/* Table options after the closing parenthesis: WITHOUT ROWID and STRICT, comma-separated. */
static sd_status
parse_table_options(parser *p)
{
    sd_status rc = SD_OK;

    if (cur(p)->type == SD_TOK_EOF || at_punct(p, ";"))
        return SD_OK;
    do {
        if (accept_word(p, "WITHOUT")) {
            rc = expect_word(p, "ROWID");
            p->t->without_rowid = true;
        } else if (accept_word(p, "STRICT")) {
            p->t->strict = true;
        } else {
            rc = syntax_error(p, "WITHOUT ROWID or STRICT");
        }
    } while (rc == SD_OK && accept_punct(p, ","));
    return rc;
}

/* The end of a statement: an optional ";" and nothing else. */
static sd_status
parse_end(parser *p)
{
    (void)accept_punct(p, ";");
    if (cur(p)->type != SD_TOK_EOF)
        return syntax_error(p, "the end of the statement");
    return SD_OK;
}

static sd_status
parse_table(parser *p)
{
    const char *pending = NULL;
    sd_status rc = expect_word(p, "CREATE");

    if (rc == SD_OK && !accept_word(p, "TEMP"))
        (void)accept_word(p, "TEMPORARY");
    if (rc == SD_OK)
        rc = expect_word(p, "TABLE");
    if (rc == SD_OK && accept_word(p, "IF")) {
        rc = expect_word(p, "NOT");
        if (rc == SD_OK)
            rc = expect_word(p, "EXISTS");
    }
    if (rc == SD_OK)
        rc = parse_qualified_name(p, &p->t->name);
    if (rc != SD_OK)
        return rc;
    /* CREATE TABLE ... AS SELECT has no definitions: nothing here that pragmas lack. */
    if (accept_word(p, "AS")) {
        p->t->as_select = true;
        return SD_OK;
    }
    rc = expect_punct(p, "(");
    while (rc == SD_OK && !at_table_constraint(p)) {
        rc = parse_column_def(p);
        if (rc == SD_OK && !accept_punct(p, ","))
            break;
    }
    /* Table constraints may be separated by commas or by nothing at all (parse.y conslist). */
    while (rc == SD_OK && !at_punct(p, ")")) {
        if (cur(p)->type == SD_TOK_EOF || !at_table_constraint(p)) {
            rc = syntax_error(p, "a column definition, a table constraint or \")\"");
            break;
        }
        rc = parse_table_constraint(p, &pending);
        if (rc == SD_OK && accept_punct(p, ","))
            pending = NULL;
    }
    if (rc == SD_OK)
        rc = expect_punct(p, ")");
    if (rc == SD_OK)
        rc = parse_table_options(p);
    if (rc == SD_OK)
        rc = parse_end(p);
    return rc;
}

/* ---- CREATE INDEX ---- */

/*
 * One index key: the tokens up to the next top-level "," or ")". A trailing ASC/DESC and a
 * trailing COLLATE name are split off (the pragma reports them); the rest is the key text.
 */
static sd_status
parse_index_key(parser *p, sd_ddl_index *ix)
{
    size_t first = p->i;
    size_t depth = 0;
    size_t last;
    bool collate = false;

    while (depth > 0 || (!at_punct(p, ",") && !at_punct(p, ")"))) {
        if (cur(p)->type == SD_TOK_EOF)
            return syntax_error(p, "\")\"");
        if (at_punct(p, "("))
            depth++;
        else if (at_punct(p, ")"))
            depth--;
        advance(p);
    }
    if (p->i == first)
        return syntax_error(p, "an index key");
    last = p->i - 1;
    if (last > first && (sd_tok_is_word(p->src, &p->toks.items[last], "ASC") ||
                         sd_tok_is_word(p->src, &p->toks.items[last], "DESC")))
        last--;
    if (last >= first + 2 && sd_tok_is_word(p->src, &p->toks.items[last - 1], "COLLATE") &&
        is_name(&p->toks.items[last])) {
        collate = true;
        last -= 2;
    }
    sd_ddl_key *keys = grow(p, ix->keys, ix->nkeys, &ix->keycap, sizeof(*keys));
    if (keys == NULL)
        return nomem(p);
    ix->keys = keys;
    ix->keys[ix->nkeys].expr = span(p, first, last);
    ix->keys[ix->nkeys].collate = collate;
    ix->nkeys++;
    return SD_OK;
}

static sd_status
parse_index(parser *p, sd_ddl_index *ix)
{
    sd_status rc = expect_word(p, "CREATE");

    if (rc == SD_OK)
        ix->unique = accept_word(p, "UNIQUE");
    if (rc == SD_OK)
        rc = expect_word(p, "INDEX");
    if (rc == SD_OK && accept_word(p, "IF")) {
        rc = expect_word(p, "NOT");
        if (rc == SD_OK)
            rc = expect_word(p, "EXISTS");
    }
    if (rc == SD_OK)
        rc = parse_qualified_name(p, &ix->name);
    if (rc == SD_OK)
        rc = expect_word(p, "ON");
    if (rc == SD_OK)
        rc = parse_name(p, &ix->table);
    if (rc == SD_OK)
        rc = expect_punct(p, "(");
    while (rc == SD_OK) {
        rc = parse_index_key(p, ix);
        if (rc == SD_OK && !accept_punct(p, ","))
            break;
    }
    if (rc == SD_OK)
        rc = expect_punct(p, ")");
    if (rc == SD_OK && accept_word(p, "WHERE")) {
        size_t first = p->i;
        while (cur(p)->type != SD_TOK_EOF && !at_punct(p, ";"))
            advance(p);
        if (p->i == first)
            return syntax_error(p, "an expression");
        ix->where = span(p, first, p->i - 1);
    }
    if (rc == SD_OK)
        rc = parse_end(p);
    return rc;
}

/* ---- entry points ---- */

static sd_status
finish(parser *p, sd_status rc)
{
    if (rc == SD_OK && (sd_arena_failed(p->a) || sd_buf_failed(&p->scratch)))
        rc = nomem(p);
    sd_vec_dispose(&p->toks);
    sd_buf_dispose(&p->scratch);
    return rc;
}

sd_status
sd_introspect__parse_table(sd_ddl_table *out, sd_arena *a, const char *sql, sd_err *err)
{
    parser p = { .src = sql,
                 .toks = SD_VEC_INIT,
                 .a = a,
                 .scratch = SD_BUF_INIT,
                 .err = err,
                 .t = out,
                 .last_fk = NO_FK };
    memset(out, 0, sizeof(*out));
    sd_status rc = tokenize(&p, sql);
    if (rc == SD_OK)
        rc = parse_table(&p);
    return finish(&p, rc);
}

sd_status
sd_introspect__parse_index(sd_ddl_index *out, sd_arena *a, const char *sql, sd_err *err)
{
    parser p = { .src = sql,
                 .toks = SD_VEC_INIT,
                 .a = a,
                 .scratch = SD_BUF_INIT,
                 .err = err,
                 .t = NULL,
                 .last_fk = NO_FK };
    memset(out, 0, sizeof(*out));
    sd_status rc = tokenize(&p, sql);
    if (rc == SD_OK)
        rc = parse_index(&p, out);
    return finish(&p, rc);
}
