/*
 * introspect_int.h: declarations shared between the introspect module's own files; no other
 * module includes this (the layering test enforces it).
 *
 * The SQLite reader gets most facts from the catalog pragmas, but some exist only in the
 * stored CREATE text: constraint names, CHECK expressions, generation expressions, explicit
 * collations, AUTOINCREMENT, a foreign key's MATCH and DEFERRABLE clauses, index key
 * expressions and partial-index predicates. sqlite_parse.c reads that text into the sd_ddl_*
 * structures below; sqlite.c joins them with the pragma rows. The parser only extracts; it
 * does not validate what SQLite has already accepted, and expressions are kept as the exact
 * source text (the model normalizes SQL text for comparison).
 */
#ifndef SD_INTROSPECT_INTROSPECT_INT_H
#define SD_INTROSPECT_INTROSPECT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "util/err.h"
#include "util/util.h"

/* An ordered list of identifiers (dequoted), allocated in the parse arena. */
typedef struct sd_ddl_names {
    const char **items; /* identifiers in declared order */
    size_t len;         /* number of items */
    size_t cap;         /* allocated items */
} sd_ddl_names;

typedef enum sd_ddl_cons_type {
    SD_DDL_PRIMARY_KEY = 0, /* PRIMARY KEY, column or table level */
    SD_DDL_UNIQUE,          /* UNIQUE, column or table level */
    SD_DDL_CHECK,           /* CHECK (expr), column or table level */
    SD_DDL_FOREIGN_KEY      /* REFERENCES (column level) or FOREIGN KEY (table level) */
} sd_ddl_cons_type;

/* One constraint of a CREATE TABLE, in declaration order. */
typedef struct sd_ddl_cons {
    sd_ddl_cons_type type;    /* which constraint */
    const char *name;         /* CONSTRAINT name, or NULL */
    sd_ddl_names columns;     /* PK / UNIQUE / FK columns (a column constraint: that column) */
    const char *expr;         /* CHECK: exact text between the parentheses */
    bool autoincrement;       /* PK: AUTOINCREMENT was written */
    const char *ref_table;    /* FK: referenced table as written (dequoted) */
    sd_ddl_names ref_columns; /* FK: referenced columns; empty when none are named */
    const char *on_delete;    /* FK: "NO ACTION" unless ON DELETE says otherwise */
    const char *on_update;    /* FK: "NO ACTION" unless ON UPDATE says otherwise */
    const char *match;        /* FK: MATCH name, upper-cased; NULL when absent */
    bool deferrable;          /* FK: DEFERRABLE (without NOT) */
    bool initially_deferred;  /* FK: DEFERRABLE INITIALLY DEFERRED */
} sd_ddl_cons;

/* One column definition, in declaration order. */
typedef struct sd_ddl_column {
    const char *name;      /* column name (dequoted) */
    const char *collation; /* explicit COLLATE name as written (dequoted), or NULL */
    const char *generated; /* exact text inside AS (...), or NULL */
    bool stored;           /* the generated column says STORED */
} sd_ddl_column;

typedef struct sd_ddl_table {
    const char *name;       /* table name (dequoted, without schema) */
    sd_ddl_column *columns; /* column definitions in declaration order */
    size_t ncolumns;        /* number of columns */
    size_t colcap;          /* allocated columns */
    sd_ddl_cons *cons;      /* constraints in declaration order */
    size_t ncons;           /* number of constraints */
    size_t conscap;         /* allocated constraints */
    bool as_select;         /* CREATE TABLE ... AS SELECT: no definitions to read */
    bool strict;            /* STRICT table option */
    bool without_rowid;     /* WITHOUT ROWID table option */
} sd_ddl_table;

/* One key of a CREATE INDEX. */
typedef struct sd_ddl_key {
    const char *expr; /* exact source text of the key, without COLLATE / ASC / DESC */
    bool collate;     /* an explicit COLLATE followed the key */
} sd_ddl_key;

typedef struct sd_ddl_index {
    const char *name;  /* index name (dequoted, without schema) */
    const char *table; /* table name as written (dequoted) */
    bool unique;       /* CREATE UNIQUE INDEX */
    sd_ddl_key *keys;  /* keys in order */
    size_t nkeys;      /* number of keys */
    size_t keycap;     /* allocated keys */
    const char *where; /* exact text of the partial-index predicate, or NULL */
} sd_ddl_index;

/*
 * Parse SQLite's stored CREATE TABLE text into *out; every string is allocated in a.
 * SD_ERR_PARSE with err->where = "offset N" (byte offset in sql) on text that does not follow
 * the grammar; SD_ERR_NOMEM.
 */
SD_MUST_CHECK sd_status sd_introspect__parse_table(sd_ddl_table *out,
                                                   sd_arena *a,
                                                   const char *sql,
                                                   sd_err *err);

/* Parse SQLite's stored CREATE INDEX text into *out; errors as for the table parser. */
SD_MUST_CHECK sd_status sd_introspect__parse_index(sd_ddl_index *out,
                                                   sd_arena *a,
                                                   const char *sql,
                                                   sd_err *err);

/* "libpq X.Y" line (pg.c, the file that talks to libpq). */
void sd_pg_client_version(sd_buf *out);

#endif
