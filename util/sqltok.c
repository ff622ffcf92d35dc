/*
 * sqltok.c: a tokenizer that splits text the way SQLite's tokenize.c does, plus
 * sd_sql_normalize() built on it.
 *
 * Token boundaries follow sqlite3GetToken() of SQLite 3.40: bytes >= 0x80 and '$' are
 * identifier characters, "x" `x` [x] are identifiers, X'..' is a blob only when the quote
 * follows the X at once, a decimal number running into identifier characters is an error (a
 * hex one just ends there, as in 3.40), an unterminated block comment runs to the end of
 * input, and a UTF-8 byte-order mark is whitespace. A NUL byte ends a comment and is
 * otherwise an error (SQLite stops reading at NUL; silently ignoring the rest of a statement
 * would hide drift). It does not parse statements and does not know which words are
 * keywords; sd_sql_normalize() asks sql.h.
 */
#include "util/sqltok.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "util/ascii.h"
#include "util/sql.h"

/* ---- byte classes (ASCII only, locale-independent) ---- */

static bool
is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static bool
is_xdigit(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool
is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* SQLite's IdChar(): may continue an identifier. */
static bool
is_id_char(int c)
{
    return is_alpha(c) || is_digit(c) || c == '_' || c == '$' || c >= 0x80;
}

/* Starts a whitespace run in SQLite (vertical tab does not, but may continue one). */
static bool
is_space_start(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static bool
is_space(int c)
{
    return is_space_start(c) || c == '\v';
}

/* Byte i of the input, or -1 past the end. */
static int
at(const sd_lexer *lx, size_t i)
{
    return i < lx->len ? (unsigned char)lx->src[i] : -1;
}

/* ---- scanners: each sets *end one past the token's last byte ---- */

/* Returns the constant (not sd_err_set's result) so the analyzer sees every error path fail. */
static sd_status
lex_error(sd_err *err, size_t offset, const char *what)
{
    (void)sd_err_set(err, SD_ERR_PARSE, "%s", what);
    sd_err_where(err, "offset %zu", offset);
    return SD_ERR_PARSE;
}

static sd_status
scan_quoted(const sd_lexer *lx, size_t p, size_t *end, sd_err *err)
{
    int q = at(lx, p);
    for (size_t i = p + 1;; i++) {
        int c = at(lx, i);
        if (c <= 0) {
            return lex_error(err, p,
                             q == '\'' ? "unterminated string literal"
                                       : "unterminated quoted identifier");
        }
        if (c == q) {
            if (at(lx, i + 1) != q) {
                *end = i + 1;
                return SD_OK;
            }
            i++;
        }
    }
}

static sd_status
scan_bracket(const sd_lexer *lx, size_t p, size_t *end, sd_err *err)
{
    for (size_t i = p + 1;; i++) {
        int c = at(lx, i);
        if (c <= 0)
            return lex_error(err, p, "unterminated quoted identifier");
        if (c == ']') {
            *end = i + 1;
            return SD_OK;
        }
    }
}

static sd_status
scan_blob(const sd_lexer *lx, size_t p, size_t *end, sd_err *err)
{
    size_t i = p + 2;
    while (is_xdigit(at(lx, i)))
        i++;
    if (at(lx, i) == '\'' && (i - p) % 2 == 0) {
        *end = i + 1;
        return SD_OK;
    }
    while (at(lx, i) > 0 && at(lx, i) != '\'')
        i++;
    if (at(lx, i) != '\'')
        return lex_error(err, p, "unterminated blob literal");
    sd_status rc = lex_error(err, p, "malformed blob literal");
    sd_err_hint(err, "A blob literal is X'...' with an even number of hex digits.");
    return rc;
}

static sd_status
scan_number(const sd_lexer *lx, size_t p, size_t *end, sd_err *err)
{
    size_t i = p;
    if (at(lx, p) == '0' && (at(lx, p + 1) == 'x' || at(lx, p + 1) == 'X') &&
        is_xdigit(at(lx, p + 2))) {
        /* SQLite 3.40 ends a hex literal at the first non-hex byte: 0x1Fg is 0x1F, g. */
        for (i = p + 3; is_xdigit(at(lx, i)); i++) {
        }
        *end = i;
        return SD_OK;
    }
    while (is_digit(at(lx, i)))
        i++;
    if (at(lx, i) == '.') {
        i++;
        while (is_digit(at(lx, i)))
            i++;
    }
    int e1 = at(lx, i + 1);
    if ((at(lx, i) == 'e' || at(lx, i) == 'E') &&
        (is_digit(e1) || ((e1 == '+' || e1 == '-') && is_digit(at(lx, i + 2))))) {
        i += 2;
        while (is_digit(at(lx, i)))
            i++;
    }
    /* SQLite rejects 12abc and 0x rather than splitting them. */
    if (is_id_char(at(lx, i)))
        return lex_error(err, p, "malformed number");
    *end = i;
    return SD_OK;
}

/* $name, @name, :name, #name, with Tcl's $a::b and $a(index) forms as SQLite allows. */
static sd_status
scan_variable(const sd_lexer *lx, size_t p, size_t *end, sd_err *err)
{
    size_t n = 0;
    size_t i = p + 1;
    for (;; i++) {
        int c = at(lx, i);
        if (is_id_char(c)) {
            n++;
        } else if (c == '(' && n > 0) {
            do {
                i++;
                c = at(lx, i);
            } while (c > 0 && !is_space(c) && c != ')');
            if (c != ')')
                return lex_error(err, p, "malformed parameter");
            i++;
            break;
        } else if (c == ':' && at(lx, i + 1) == ':') {
            i++;
        } else {
            break;
        }
    }
    if (n == 0)
        return lex_error(err, p, "malformed parameter");
    *end = i;
    return SD_OK;
}

static sd_status
scan_stray(const sd_lexer *lx, size_t p, sd_err *err)
{
    int c = at(lx, p);
    if (c > 0x20 && c < 0x7f) {
        (void)sd_err_set(err, SD_ERR_PARSE, "unexpected character '%c'", c);
    } else {
        (void)sd_err_set(err, SD_ERR_PARSE, "unexpected byte 0x%02x", (unsigned)c);
    }
    sd_err_where(err, "offset %zu", p);
    return SD_ERR_PARSE;
}

/* "--" to the end of the line, or a block comment (to the end of input if unterminated). */
static size_t
comment_end(const sd_lexer *lx, size_t p)
{
    size_t i = p + 2;
    if (at(lx, p) == '-') {
        while (at(lx, i) > 0 && at(lx, i) != '\n')
            i++;
        return i;
    }
    for (; at(lx, i) > 0; i++) {
        if (at(lx, i) == '*' && at(lx, i + 1) == '/')
            return i + 2;
    }
    return i;
}

/* Operators, punctuation and the comments that start with an operator byte. */
static sd_status
scan_op(const sd_lexer *lx, size_t p, sd_tok_type *type, size_t *end, sd_err *err)
{
    int c1 = at(lx, p + 1);
    size_t n = 1;

    *type = SD_TOK_PUNCT;
    switch (at(lx, p)) {
    case '-':
        if (c1 == '-') {
            *type = SD_TOK_COMMENT;
            *end = comment_end(lx, p);
            return SD_OK;
        }
        if (c1 == '>')
            n = at(lx, p + 2) == '>' ? 3 : 2;
        break;
    case '/':
        /* SQLite reads "/" + "*" as the very last bytes as two operators, not a comment. */
        if (c1 == '*' && at(lx, p + 2) > 0) {
            *type = SD_TOK_COMMENT;
            *end = comment_end(lx, p);
            return SD_OK;
        }
        break;
    case '=':
        n = c1 == '=' ? 2 : 1;
        break;
    case '<':
        n = c1 == '=' || c1 == '>' || c1 == '<' ? 2 : 1;
        break;
    case '>':
        n = c1 == '=' || c1 == '>' ? 2 : 1;
        break;
    case '|':
        n = c1 == '|' ? 2 : 1;
        break;
    case '!':
        if (c1 != '=')
            return scan_stray(lx, p, err);
        n = 2;
        break;
    default: /* ( ) ; + * % , & ~ */
        break;
    }
    *end = p + n;
    return SD_OK;
}

static bool
is_op_start(int c)
{
    return c > 0 && strchr("-/()+;*%,&~=<>!|", c) != NULL;
}

/* One token of any type starting at p, which is before the end of input. */
static sd_status
scan(const sd_lexer *lx, size_t p, sd_tok_type *type, size_t *end, sd_err *err)
{
    int c = at(lx, p);
    int c1 = at(lx, p + 1);
    size_t i;

    switch (c) {
    case ' ':
    case '\t':
    case '\n':
    case '\f':
    case '\r':
        for (i = p + 1; is_space(at(lx, i)); i++) {
        }
        *type = SD_TOK_SPACE;
        *end = i;
        return SD_OK;
    case '\'':
        *type = SD_TOK_STRING;
        return scan_quoted(lx, p, end, err);
    case '"':
    case '`':
        *type = SD_TOK_QIDENT;
        return scan_quoted(lx, p, end, err);
    case '[':
        *type = SD_TOK_QIDENT;
        return scan_bracket(lx, p, end, err);
    case '.':
        if (!is_digit(c1)) {
            *type = SD_TOK_PUNCT;
            *end = p + 1;
            return SD_OK;
        }
        *type = SD_TOK_NUMBER;
        return scan_number(lx, p, end, err);
    case '?':
        for (i = p + 1; is_digit(at(lx, i)); i++) {
        }
        *type = SD_TOK_PARAM;
        *end = i;
        return SD_OK;
    case '$':
    case '@':
    case ':':
    case '#':
        *type = SD_TOK_PARAM;
        return scan_variable(lx, p, end, err);
    case 'x':
    case 'X':
        if (c1 == '\'') {
            *type = SD_TOK_BLOB;
            return scan_blob(lx, p, end, err);
        }
        break;
    case 0xEF:
        if (c1 == 0xBB && at(lx, p + 2) == 0xBF) {
            *type = SD_TOK_SPACE;
            *end = p + 3;
            return SD_OK;
        }
        break;
    default:
        if (is_digit(c)) {
            *type = SD_TOK_NUMBER;
            return scan_number(lx, p, end, err);
        }
        if (is_op_start(c))
            return scan_op(lx, p, type, end, err);
        if (!is_alpha(c) && c != '_' && c < 0x80)
            return scan_stray(lx, p, err);
        break;
    }
    for (i = p + 1; is_id_char(at(lx, i)); i++) {
    }
    *type = SD_TOK_WORD;
    *end = i;
    return SD_OK;
}

/* ---- public API ---- */

void
sd_lexer_init(sd_lexer *lx, const char *src, size_t len, unsigned flags)
{
    lx->src = src;
    lx->len = len;
    lx->pos = 0;
    lx->flags = flags;
}

sd_status
sd_lexer_next(sd_lexer *lx, sd_tok *out, sd_err *err)
{
    for (;;) {
        size_t start = lx->pos;
        if (start >= lx->len) {
            out->type = SD_TOK_EOF;
            out->start = lx->len;
            out->len = 0;
            return SD_OK;
        }
        sd_tok_type type = SD_TOK_EOF;
        size_t end = start;
        /* On error pos stays at the bad token, so a retry reports the same error. */
        sd_status rc = scan(lx, start, &type, &end, err);
        if (rc != SD_OK)
            return rc;
        lx->pos = end;
        if (type == SD_TOK_SPACE && (lx->flags & SD_TOKF_SPACE) == 0)
            continue;
        if (type == SD_TOK_COMMENT && (lx->flags & SD_TOKF_COMMENTS) == 0)
            continue;
        out->type = type;
        out->start = start;
        out->len = end - start;
        return SD_OK;
    }
}

bool
sd_tok_is_word(const char *src, const sd_tok *tok, const char *word)
{
    if (tok->type != SD_TOK_WORD || strlen(word) != tok->len)
        return false;
    for (size_t i = 0; i < tok->len; i++) {
        if (sd_ascii_lower(src[tok->start + i]) != sd_ascii_lower(word[i]))
            return false;
    }
    return true;
}

bool
sd_tok_is_punct(const char *src, const sd_tok *tok, const char *punct)
{
    return tok->type == SD_TOK_PUNCT && strlen(punct) == tok->len &&
           memcmp(src + tok->start, punct, tok->len) == 0;
}

/* Append text without its surrounding quotes, turning each doubled quote into one. */
static void
append_unquoted(sd_buf *out, const char *text, size_t len)
{
    char q = text[0];
    size_t i = 1;
    while (i + 1 < len) {
        size_t run = i;
        while (run + 1 < len && text[run] != q)
            run++;
        sd_buf_appendn(out, text + i, run - i);
        if (run + 1 >= len)
            break;
        sd_buf_putc(out, q); /* text[run] is the first of a doubled pair */
        i = run + 2;
    }
}

void
sd_tok_ident(sd_buf *out, const char *src, const sd_tok *tok)
{
    const char *text = src + tok->start;
    switch (tok->type) {
    case SD_TOK_QIDENT:
        if (text[0] == '[') {
            sd_buf_appendn(out, text + 1, tok->len - 2);
        } else {
            append_unquoted(out, text, tok->len);
        }
        return;
    case SD_TOK_STRING:
        append_unquoted(out, text, tok->len);
        return;
    case SD_TOK_EOF:
    case SD_TOK_WORD:
    case SD_TOK_BLOB:
    case SD_TOK_NUMBER:
    case SD_TOK_PARAM:
    case SD_TOK_PUNCT:
    case SD_TOK_COMMENT:
    case SD_TOK_SPACE:
        break;
    }
    sd_buf_appendn(out, text, tok->len);
}

/*
 * PRAGMA table_info reports DEFAULT (expr) without its parentheses, so an expression may
 * arrive bare; anything that does not tokenize counts as an expression (the caller's own
 * check of the fragment then reports it).
 */
sd_sql_default
sd_sql_default_kind(const char *text)
{
    if (text == NULL)
        return SD_DEFAULT_NULL;
    sd_lexer lx;
    sd_tok t[2];
    sd_tok tok;
    sd_err e = SD_ERR_INIT;
    size_t n = 0;
    size_t depth = 0;
    bool one_group = true; /* nothing follows the first token's group */
    sd_lexer_init(&lx, text, strlen(text), 0);
    for (;;) {
        if (sd_lexer_next(&lx, &tok, &e) != SD_OK)
            return SD_DEFAULT_EXPR;
        if (tok.type == SD_TOK_EOF)
            break;
        if (n > 0 && depth == 0)
            one_group = false;
        if (sd_tok_is_punct(text, &tok, "("))
            depth++;
        else if (sd_tok_is_punct(text, &tok, ")") && depth > 0)
            depth--;
        if (n < sizeof(t) / sizeof(t[0]))
            t[n] = tok;
        n++;
    }
    if (n >= 2 && one_group && depth == 0 && sd_tok_is_punct(text, &t[0], "("))
        return SD_DEFAULT_PAREN;
    if (n == 2 && (sd_tok_is_punct(text, &t[0], "-") || sd_tok_is_punct(text, &t[0], "+")) &&
        t[1].type == SD_TOK_NUMBER)
        return SD_DEFAULT_VALUE;
    if (n != 1 || t[0].type == SD_TOK_PUNCT || t[0].type == SD_TOK_PARAM)
        return SD_DEFAULT_EXPR;
    if (sd_tok_is_word(text, &t[0], "NULL"))
        return SD_DEFAULT_NULL;
    if (sd_tok_is_word(text, &t[0], "CURRENT_TIME") ||
        sd_tok_is_word(text, &t[0], "CURRENT_DATE") ||
        sd_tok_is_word(text, &t[0], "CURRENT_TIMESTAMP"))
        return SD_DEFAULT_TIME;
    return SD_DEFAULT_VALUE;
}

/* True when the bare word tok is an SQLite keyword (in any case). */
static bool
word_is_keyword(const char *src, const sd_tok *tok)
{
    char word[32]; /* the longest SQLite keyword has 17 bytes */
    if (tok->len >= sizeof(word))
        return false;
    memcpy(word, src + tok->start, tok->len);
    word[tok->len] = '\0';
    return sd_sql_is_keyword(SD_ENGINE_SQLITE, word);
}

static void
append_normalized(sd_buf *out, sd_buf *scratch, const char *src, const sd_tok *tok)
{
    const char *text = src + tok->start;
    switch (tok->type) {
    case SD_TOK_WORD: {
        bool kw = word_is_keyword(src, tok);
        for (size_t i = 0; i < tok->len; i++) {
            if (kw)
                sd_buf_putc(out, sd_ascii_upper(text[i]));
            else
                sd_buf_putc(out, sd_ascii_lower(text[i]));
        }
        return;
    }
    case SD_TOK_QIDENT:
        /* The lexer never lets a NUL into quoted text, so the C string is the whole name. */
        sd_buf_reset(scratch);
        sd_tok_ident(scratch, src, tok);
        sd_sql_ident(out, SD_ENGINE_SQLITE, sd_buf_cstr(scratch));
        return;
    case SD_TOK_BLOB:
        sd_buf_putc(out, 'X');
        sd_buf_appendn(out, text + 1, tok->len - 1);
        return;
    case SD_TOK_EOF:
    case SD_TOK_STRING:
    case SD_TOK_NUMBER:
    case SD_TOK_PARAM:
    case SD_TOK_PUNCT:
    case SD_TOK_COMMENT:
    case SD_TOK_SPACE:
        break;
    }
    sd_buf_appendn(out, text, tok->len);
}

sd_status
sd_sql_normalize(sd_buf *out, const char *src, size_t len, sd_err *err)
{
    sd_status rc = SD_OK;
    sd_buf scratch = SD_BUF_INIT;
    sd_lexer lx;
    sd_tok tok;
    size_t base = out->len;
    size_t semis = 0; /* ';' seen but not yet written: trailing ones are dropped */
    bool first = true;

    sd_lexer_init(&lx, src, len, 0);
    for (;;) {
        rc = sd_lexer_next(&lx, &tok, err);
        if (rc != SD_OK)
            goto out;
        if (tok.type == SD_TOK_EOF)
            break;
        if (sd_tok_is_punct(src, &tok, ";")) {
            semis++;
            continue;
        }
        for (; semis > 0; semis--) {
            sd_buf_append(out, first ? ";" : " ;");
            first = false;
        }
        if (!first)
            sd_buf_putc(out, ' ');
        first = false;
        append_normalized(out, &scratch, src, &tok);
    }
    if (sd_buf_failed(out) || sd_buf_failed(&scratch))
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
out:
    if (rc != SD_OK)
        sd_buf_truncate(out, base);
    sd_buf_dispose(&scratch);
    return rc;
}
