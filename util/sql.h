/*
 * sql.h: THE place where identifiers and literals become SQL text, per engine.
 *
 * An identifier is written bare only when it matches [a-z_][a-z0-9_]* and is not a keyword
 * of that engine; otherwise it is double-quoted with embedded quotes doubled. Literals double
 * their single quotes. Nothing else in the tree builds quoted SQL by hand (a lint test checks).
 */
#ifndef SD_UTIL_SQL_H
#define SD_UTIL_SQL_H

#include <stdbool.h>

#include "util/buf.h"

typedef enum sd_engine {
    SD_ENGINE_SQLITE = 0, /* SQLite 3 */
    SD_ENGINE_PG = 1,     /* PostgreSQL */
    SD_ENGINE__COUNT
} sd_engine;

/* "sqlite" / "postgresql": the spelling used in snapshots and reports. */
const char *sd_engine_name(sd_engine e);
/* Inverse of sd_engine_name(); false for an unknown name. */
bool sd_engine_from_name(const char *name, sd_engine *out);

/* Append name as an identifier (quoted only when needed). */
void sd_sql_ident(sd_buf *b, sd_engine e, const char *name);
/* schema.name; schema NULL or empty writes just the name. */
void sd_sql_qualified(sd_buf *b, sd_engine e, const char *schema, const char *name);
/* Append a string literal: 'it''s'. */
void sd_sql_literal(sd_buf *b, sd_engine e, const char *value);
/* Dollar-quote body with a tag that does not occur in it ($$, $sd$, $sd1$, ...). */
void sd_sql_dollar_body(sd_buf *b, const char *body);
/* True when name would be written bare (no quoting needed) for this engine. */
bool sd_sql_ident_is_bare(sd_engine e, const char *name);
/*
 * Reads one identifier at s as the engine's deparsers write it: "quoted" (a doubled quote
 * inside stands for one) or bare, a bare one ending at the first character for which
 * bare_char is false. Appends the name it spells to out and returns where it ends; NULL when
 * a quoted one does not end.
 */
const char *sd_sql_read_ident(const char *s, bool (*bare_char)(char ch), sd_buf *out);
/* True when word (any case) is a keyword that forces quoting in this engine. */
bool sd_sql_is_keyword(sd_engine e, const char *word);

#endif
