/*
 * parse.h: the engines' own parsers, for SQL text read from a snapshot or a catalog that is
 * about to reach a script. Such text is untrusted: a crafted snapshot, or a schema written
 * with PRAGMA writable_schema, can hold "... END; DROP TABLE users; --". Before it is
 * written, the engine's parser proves that the text is exactly one statement, query or
 * expression of the kind the script needs: PostgreSQL's with libpg_query, SQLite's with
 * sqlite3_prepare_v2() on a private in-memory database. Anything else is refused with the
 * parser's reason, which the caller puts in its message naming the object.
 *
 * The same parsers split a migration file into its statements for the migration runner
 * (sd_parse_pg_split(), sd_parse_sqlite_split()): where each starts (byte, line, column),
 * where it ends, and whether it controls or must run outside a transaction.
 *
 * Thread-safe; keeps no state between calls.
 */
#ifndef SD_PARSE_PARSE_H
#define SD_PARSE_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"
#include "util/vec.h"

/* What a stored SQL text must be. */
typedef enum sd_sql_shape {
    SD_SQL_EXPR = 0,        /* one scalar expression: a default, CHECK, index expression */
    SD_SQL_QUERY,           /* one query (SELECT, VALUES, WITH ...): a view's */
    SD_SQL_CREATE_FUNCTION, /* CREATE [OR REPLACE] FUNCTION / PROCEDURE */
    SD_SQL_CREATE_TRIGGER,  /* CREATE [CONSTRAINT] TRIGGER */
    SD_SQL_CREATE_DEFINE,   /* CREATE AGGREGATE / OPERATOR (PostgreSQL's DefineStmt) */
    SD_SQL_CREATE_RULE,     /* CREATE [OR REPLACE] RULE (PostgreSQL's RuleStmt) */
    SD_SQL_CREATE_OPCLASS,  /* CREATE OPERATOR CLASS (PostgreSQL's CreateOpClassStmt) */
    SD_SQL_ALTER_OPFAMILY,  /* ALTER OPERATOR FAMILY ... ADD / DROP (AlterOpFamilyStmt) */
    SD_SQL_CONVERSION,      /* CREATE [DEFAULT] CONVERSION (CreateConversionStmt) */
    SD_SQL_CREATE_STATS,    /* CREATE STATISTICS (PostgreSQL's CreateStatsStmt) */
    SD_SQL_CREATE_VIEW,     /* CREATE VIEW */
    SD_SQL_PIECE            /* a piece of a statement (a type, a name, an option list, a
                               partition bound): the lexer finds no ';' in it */
} sd_sql_shape;

/*
 * PostgreSQL: SD_OK when text is exactly one thing of the shape (SD_SQL_CREATE_VIEW is not
 * one PostgreSQL stores); SD_ERR_PARSE when it is not, err->msg saying why ("syntax error at
 * or near ..." with the character position, "it holds 2 statements", "it is DropStmt, not
 * CreateFunctionStmt"); SD_ERR_NOMEM. A piece is only lexed: the grammar of its place is the
 * caller's to keep (the statement it goes in is not parsed).
 */
SD_MUST_CHECK sd_status sd_parse_pg(const char *text, sd_sql_shape shape, sd_err *err);

/* The object a stored PostgreSQL CREATE statement must create. */
typedef struct sd_pg_creates {
    const char *schema; /* its schema (a trigger's or rule's: its relation's) */
    const char *name;   /* its name (a function's without arguments) */
    const char *table;  /* a trigger's or rule's relation, else NULL */
} sd_pg_creates;

/*
 * PostgreSQL: as sd_parse_pg() for a CREATE shape (function, trigger, rule, statistics), and
 * the statement creates the object want names, by its qualified name (a trigger or rule: its
 * own name on the relation schema.table); a statement that creates anything else (another
 * function, a trigger on another table) would be written in the object's place: SD_ERR_PARSE
 * saying what it creates instead.
 */
SD_MUST_CHECK sd_status sd_parse_pg_create(const char *text,
                                           sd_sql_shape shape,
                                           const sd_pg_creates *want,
                                           sd_err *err);

/*
 * SQLite: SD_OK when text is exactly one CREATE VIEW (shape SD_SQL_CREATE_VIEW) or CREATE
 * TRIGGER (SD_SQL_CREATE_TRIGGER) statement that creates the view or trigger named name in
 * schema main (a trigger: on the table or view named table); SD_ERR_PARSE saying why not;
 * SD_ERR_NOMEM. Comments and blanks around the statement, and one ';' after it, are allowed.
 */
SD_MUST_CHECK sd_status sd_parse_sqlite_create(const char *text,
                                               sd_sql_shape shape,
                                               const char *name,
                                               const char *table,
                                               sd_err *err);

/*
 * SQLite: SD_OK unless a line of text is one the sqlite3 shell reads as the end of a
 * statement ("/" or "go", alone or before a comment): a view query, a trigger or a default
 * holding one would be cut there by `sqlite3 db < script`, and what follows would run as a
 * statement of its own (or a dot-command). SD_ERR_PARSE saying so.
 */
SD_MUST_CHECK sd_status sd_parse_sqlite_piece(const char *text, sd_err *err);

/*
 * How many statements a whole script runs, as the engine's own client splits it: lines
 * holding a client command (psql's "\set ...", the sqlite3 shell's ".bail on") are left out;
 * PostgreSQL's parser (libpg_query) splits the rest, SQLite's sqlite3_complete() decides
 * where each statement ends, as the sqlite3 shell does. Comments and blanks between
 * statements are no statement. PostgreSQL: SD_ERR_PARSE when the parser refuses the
 * script; SD_ERR_NOMEM.
 */
SD_MUST_CHECK sd_status sd_parse_pg_count(const char *script, size_t *count, sd_err *err);
SD_MUST_CHECK sd_status sd_parse_sqlite_count(const char *script, size_t *count, sd_err *err);

/*
 * A migration file split into its statements by the engine's own parser (never by a splitter
 * of ours), for the migration runner: each statement's place in the script, so that it can run
 * them one by one and name "file.sql:12" for one the server refuses, and what the runner must
 * know before it runs them in a transaction.
 */
typedef struct sd_sql_pos {
    size_t offset; /* byte offset in the script */
    size_t line;   /* 1-based; lines end at '\n' */
    size_t column; /* 1-based, in characters (bytes that are not UTF-8 continuation bytes) */
} sd_sql_pos;

typedef struct sd_sql_stmt {
    sd_sql_pos at;    /* its first token: blanks and comments before it are skipped */
    size_t len;       /* bytes from there to its end: without the ';' and blanks before it (a
                         comment between its last token and its ';' stays) */
    bool txn_control; /* it begins or ends a transaction or savepoint (BEGIN, COMMIT, ...) */
    bool no_txn;      /* the engine refuses it inside a transaction block */
} sd_sql_stmt;

typedef struct sd_sql_split {
    SD_VEC(sd_sql_stmt) stmts; /* in script order, inside it, not overlapping */
    sd_sql_pos error;          /* SD_ERR_PARSE: where the script was refused (line 0: nowhere) */
} sd_sql_split;

#define SD_SQL_SPLIT_INIT \
    {                     \
        SD_VEC_INIT,      \
        {                 \
            0, 0, 0       \
        }                 \
    }

/* Release a split's statements (the struct itself is the caller's). */
void sd_sql_split_dispose(sd_sql_split *split);

/*
 * PostgreSQL: split script (len bytes; UTF-8) with libpg_query's parser, the server's grammar:
 * dollar quoting, nested comments, BEGIN ATOMIC bodies, E'' strings and quoted identifiers
 * end no statement; empty statements (";;") and comments are none. out is emptied first.
 * Statements are where pg_query_split_with_parser() places them (from just after the previous
 * ';': blanks and comments, all the parser let through there, are skipped to the first
 * token); each one's text is then parsed alone, which proves it one statement and whose tree
 * (never the whole script's, which can be ten times its size) says:
 *   txn_control: TransactionStmt (BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK [TO],
 *     SAVEPOINT, RELEASE, PREPARE TRANSACTION, COMMIT / ROLLBACK PREPARED);
 *   no_txn: what PostgreSQL 15 runs only outside a transaction block: CREATE / DROP INDEX
 *     CONCURRENTLY, REINDEX CONCURRENTLY or SCHEMA / SYSTEM / DATABASE, VACUUM (not ANALYZE
 *     alone), CLUSTER without a table, CREATE / DROP DATABASE, ALTER DATABASE SET TABLESPACE,
 *     CREATE / DROP TABLESPACE, ALTER SYSTEM, COMMIT / ROLLBACK PREPARED. Not flagged: ALTER
 *     TYPE ... ADD VALUE (refused in a transaction only before PostgreSQL 12; its new value
 *     cannot be used in the same transaction, which the file's author must know), and the
 *     subscription commands, refused or not by their options and the server's state.
 * The parser splits as the server lexes with standard_conforming_strings on (the runner's
 * session must have it on): a SET of it to anything else would change how the rest lexes,
 * and is refused. A psql meta-command ("\set ...", "\i file") is not SQL: the parser refuses
 * it like any syntax error, at its line. A NUL byte is refused. SD_ERR_PARSE: err->msg is the
 * parser's message with the line and column, out->error the position (libpg_query's cursorpos
 * counts characters; it is turned back into a byte offset); SD_ERR_NOMEM.
 */
SD_MUST_CHECK sd_status sd_parse_pg_split(const char *script,
                                          size_t len,
                                          sd_sql_split *out,
                                          sd_err *err);

/*
 * SQLite: split script as the sqlite3 shell does: a statement ends at the first ';' up to
 * which sqlite3_complete() says the text is complete, so that strings, quoted identifiers,
 * comments and a trigger's BEGIN ... END body are SQLite's own tokenizer's to read. A last
 * statement without ';' counts; one that sqlite3_complete() finds incomplete even with a ';'
 * (an open string or comment, a trigger without END) is SD_ERR_PARSE at its first token.
 * Nothing is prepared: a statement may need the tables earlier ones create, so syntax errors
 * are found when it runs. The first token (util/sqltok.h, SQLite's grammar) is what skips
 * leading comments and classifies: txn_control when it is BEGIN, COMMIT, END, ROLLBACK,
 * SAVEPOINT or RELEASE; no_txn when it is VACUUM. A statement starting with '.' is a sqlite3
 * shell dot-command, not SQL: SD_ERR_PARSE at its line. Otherwise as sd_parse_pg_split().
 */
SD_MUST_CHECK sd_status sd_parse_sqlite_split(const char *script,
                                              size_t len,
                                              sd_sql_split *out,
                                              sd_err *err);

/* Which search_path a PostgreSQL function's body resolves its names with when it runs. */
typedef enum sd_pg_fn_path {
    SD_PG_FN_PATH_CALLER = 0, /* the caller's: a body in a string (LANGUAGE sql, plpgsql, ...)
                                 without SET search_path, parsed when it runs */
    SD_PG_FN_PATH_OWN,        /* its own: SET search_path in its definition */
    SD_PG_FN_PATH_BOUND       /* none: a SQL-standard body (BEGIN ATOMIC, RETURN), bound to
                                 objects when created, or LANGUAGE c / internal */
} sd_pg_fn_path;

/*
 * The search_path of the function a CREATE FUNCTION / PROCEDURE statement (text, as
 * pg_get_functiondef() writes it) defines, read from PostgreSQL's parse tree, so that a
 * "SET search_path" inside the body's string does not count. SD_ERR_PARSE when text is not
 * exactly one such statement (as sd_parse_pg() with SD_SQL_CREATE_FUNCTION); SD_ERR_NOMEM.
 */
SD_MUST_CHECK sd_status sd_parse_pg_function_path(const char *text,
                                                  sd_pg_fn_path *out,
                                                  sd_err *err);

/* "libpg_query (PostgreSQL X.Y parser)" line: the parser this build checks SQL text with. */
void sd_parse_versions(sd_buf *out);

#endif
