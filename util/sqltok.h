/*
 * sqltok.h: a tokenizer for SQLite's SQL grammar, used to read CREATE statements (whose
 * CHECK constraints, constraint names, collations and generated expressions live only in
 * the stored text) and to normalize SQL text for comparison.
 *
 * It handles all four identifier quotings ("x", [x], `x`, and bare), string literals with
 * doubled quotes, blob literals X'..', numbers, parameters, nested parentheses, -- and
 * block comments, and operators. Keywords are bare identifiers: the tokenizer never decides
 * whether a word is a keyword; callers compare with sd_tok_is_word().
 */
#ifndef SD_UTIL_SQLTOK_H
#define SD_UTIL_SQLTOK_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

typedef enum sd_tok_type {
    SD_TOK_EOF = 0, /* end of input */
    SD_TOK_WORD,    /* bare identifier or keyword: abc, SELECT, _x1, non-ASCII names */
    SD_TOK_QIDENT,  /* quoted identifier: "a""b", [a b], `a``b` */
    SD_TOK_STRING,  /* 'it''s' */
    SD_TOK_BLOB,    /* X'0aff' */
    SD_TOK_NUMBER,  /* 12, 1.5e3, 0x1F, .5 */
    SD_TOK_PARAM,   /* ?, ?1, :name, @name, $name */
    SD_TOK_PUNCT,   /* ( ) , ; . and operators: || <= >= <> != == << >> -> ->> etc. */
    SD_TOK_COMMENT, /* -- ... or block comment (only when SD_TOKF_COMMENTS) */
    SD_TOK_SPACE    /* whitespace (only when SD_TOKF_SPACE) */
} sd_tok_type;

typedef struct sd_tok {
    sd_tok_type type; /* kind of token */
    size_t start;     /* byte offset of the token in the input */
    size_t len;       /* byte length of the token text (quotes included) */
} sd_tok;

typedef struct sd_lexer {
    const char *src; /* input, not copied */
    size_t len;      /* input length */
    size_t pos;      /* next byte to read */
    unsigned flags;  /* SD_TOKF_* */
} sd_lexer;

#define SD_TOKF_COMMENTS 1u /* return comments as tokens instead of skipping them */
#define SD_TOKF_SPACE    2u /* return whitespace as tokens instead of skipping it */

void sd_lexer_init(sd_lexer *lx, const char *src, size_t len, unsigned flags);
/*
 * Read the next token into *out. SD_ERR_PARSE with err->where = "offset N" (0-based byte
 * offset of the token's start) for an unterminated string, quoted identifier or blob, a
 * malformed blob, number (12abc) or parameter, or a byte that starts no token (NUL
 * included). As in SQLite, an unterminated block comment runs to the end of input. EOF is a
 * token of type SD_TOK_EOF at the end; on error lx->pos stays at the bad token.
 */
sd_status sd_lexer_next(sd_lexer *lx, sd_tok *out, sd_err *err);

/* True when tok is a WORD equal to word ignoring ASCII case. */
bool sd_tok_is_word(const char *src, const sd_tok *tok, const char *word);
/* True when tok is PUNCT with exactly this text. */
bool sd_tok_is_punct(const char *src, const sd_tok *tok, const char *punct);
/*
 * Append the identifier a WORD or QIDENT token names: quotes removed and doubled quotes
 * undone ("a""b" -> a"b, [x y] -> x y). For a STRING token (SQLite accepts 'name' where an
 * identifier is expected in some places) the literal's value.
 */
void sd_tok_ident(sd_buf *out, const char *src, const sd_tok *tok);

/* What a column's stored DEFAULT text is, as SQLite reads it (lang_createtable.html). */
typedef enum sd_sql_default {
    SD_DEFAULT_EXPR = 0, /* another expression: SQLite requires it in parentheses */
    SD_DEFAULT_NULL,     /* no default (NULL text), or NULL */
    SD_DEFAULT_VALUE,    /* a literal, a signed number, or a bare word (SQLite: a string) */
    SD_DEFAULT_TIME,     /* CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP */
    SD_DEFAULT_PAREN     /* one parenthesized expression */
} sd_sql_default;

/* Classify a stored DEFAULT (text may be NULL: no default). */
sd_sql_default sd_sql_default_kind(const char *text);

/*
 * Normalize SQL text for comparison: comments dropped, whitespace collapsed to one space
 * between tokens, keywords and bare identifiers folded to upper case / lower case
 * respectively (a bare word is folded to lower case; words in the keyword list to upper),
 * quoted identifiers rewritten with double quotes and left bare only when their text is a
 * lower-case plain identifier that is not a keyword; string literals and quoted identifier
 * text never changed. Trailing ';' tokens are dropped. Two texts that differ only
 * cosmetically normalize to the same bytes, and normalizing a normalized text changes
 * nothing. The result is appended to out. SD_ERR_PARSE on a lexing error (out is then left
 * as it was), SD_ERR_NOMEM.
 */
sd_status sd_sql_normalize(sd_buf *out, const char *src, size_t len, sd_err *err);

#endif
