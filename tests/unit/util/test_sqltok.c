/*
 * test_sqltok.c: unit tests for the SQLite tokenizer and sd_sql_normalize() (util/sqltok.h).
 *
 * Token streams are rendered as "[T text]" sequences so a whole statement is checked in one
 * assertion. T is W word, Q quoted identifier, S string, B blob, N number, P parameter,
 * O operator/punctuation, C comment, _ whitespace.
 */
/* clang-format off */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
/* clang-format on */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/err.h"
#include "util/sqltok.h"

static char
type_letter(sd_tok_type t)
{
    switch (t) {
    case SD_TOK_EOF:
        return 'E';
    case SD_TOK_WORD:
        return 'W';
    case SD_TOK_QIDENT:
        return 'Q';
    case SD_TOK_STRING:
        return 'S';
    case SD_TOK_BLOB:
        return 'B';
    case SD_TOK_NUMBER:
        return 'N';
    case SD_TOK_PARAM:
        return 'P';
    case SD_TOK_PUNCT:
        return 'O';
    case SD_TOK_COMMENT:
        return 'C';
    case SD_TOK_SPACE:
        return '_';
    }
    return '?';
}

/*
 * Tokenize src[0, len) with flags and render the stream; fails the test on a lexing error.
 * Also checks the invariants every caller relies on: tokens are contiguous or separated only
 * by skipped text, never empty, in bounds, and EOF sits at the end and repeats.
 */
static void
render_n(sd_buf *out, const char *src, size_t len, unsigned flags)
{
    sd_lexer lx;
    sd_tok tok;
    sd_err err = SD_ERR_INIT;
    size_t prev_end = 0;

    sd_lexer_init(&lx, src, len, flags);
    for (;;) {
        sd_status rc = sd_lexer_next(&lx, &tok, &err);
        if (rc != SD_OK)
            fail_msg("lexing \"%s\": %s at %s", src, err.msg, err.where);
        if (tok.type == SD_TOK_EOF)
            break;
        assert_true(tok.len > 0);
        assert_true(tok.start >= prev_end);
        assert_true(tok.start + tok.len <= len);
        if ((flags & (SD_TOKF_SPACE | SD_TOKF_COMMENTS)) == (SD_TOKF_SPACE | SD_TOKF_COMMENTS))
            assert_int_equal(tok.start, prev_end);
        prev_end = tok.start + tok.len;
        sd_buf_appendf(out, "[%c ", type_letter(tok.type));
        sd_buf_appendn(out, src + tok.start, tok.len);
        sd_buf_putc(out, ']');
    }
    assert_int_equal(tok.start, len);
    assert_int_equal(tok.len, 0);
    assert_int_equal(sd_lexer_next(&lx, &tok, &err), SD_OK);
    assert_int_equal(tok.type, SD_TOK_EOF);
}

static void
check_tokens_flags(const char *src, unsigned flags, const char *expect)
{
    sd_buf out = SD_BUF_INIT;
    render_n(&out, src, strlen(src), flags);
    assert_string_equal(sd_buf_cstr(&out), expect);
    sd_buf_dispose(&out);
}

static void
check_tokens(const char *src, const char *expect)
{
    check_tokens_flags(src, 0, expect);
}

/* Lex until an error and check its code, message substring and where. */
static void
check_error_n(const char *src, size_t len, const char *msg_part, size_t offset)
{
    sd_lexer lx;
    sd_tok tok;
    sd_err err = SD_ERR_INIT;
    sd_status rc;
    char where[64];

    sd_lexer_init(&lx, src, len, SD_TOKF_COMMENTS | SD_TOKF_SPACE);
    do {
        rc = sd_lexer_next(&lx, &tok, &err);
    } while (rc == SD_OK && tok.type != SD_TOK_EOF);
    if (rc == SD_OK)
        fail_msg("expected an error lexing \"%s\"", src);
    assert_int_equal(rc, SD_ERR_PARSE);
    assert_int_equal(err.code, SD_ERR_PARSE);
    if (strstr(err.msg, msg_part) == NULL)
        fail_msg("message \"%s\" lacks \"%s\"", err.msg, msg_part);
    snprintf(where, sizeof(where), "offset %zu", offset);
    assert_string_equal(err.where, where);
    /* The lexer does not move past a bad token: asking again gives the same error. */
    assert_int_equal(lx.pos, offset);
    sd_err_clear(&err);
    assert_int_equal(sd_lexer_next(&lx, &tok, &err), SD_ERR_PARSE);
    assert_string_equal(err.where, where);
}

static void
check_error(const char *src, const char *msg_part, size_t offset)
{
    check_error_n(src, strlen(src), msg_part, offset);
}

/* The identifier a single-token input names, per sd_tok_ident(). */
static void
check_ident(const char *src, sd_tok_type type, const char *expect)
{
    sd_lexer lx;
    sd_tok tok;
    sd_err err = SD_ERR_INIT;
    sd_buf out = SD_BUF_INIT;

    sd_lexer_init(&lx, src, strlen(src), 0);
    assert_int_equal(sd_lexer_next(&lx, &tok, &err), SD_OK);
    assert_int_equal(tok.type, type);
    assert_int_equal(tok.len, strlen(src));
    sd_tok_ident(&out, src, &tok);
    assert_string_equal(sd_buf_cstr(&out), expect);
    sd_buf_dispose(&out);
}

static char *
normalize(const char *src)
{
    sd_buf out = SD_BUF_INIT;
    sd_err err = SD_ERR_INIT;
    sd_status rc = sd_sql_normalize(&out, src, strlen(src), &err);
    if (rc != SD_OK)
        fail_msg("normalizing \"%s\": %s at %s", src, err.msg, err.where);
    return sd_buf_take(&out);
}

/* normalize(src) == expect, and normalizing that again changes nothing. */
static void
check_norm(const char *src, const char *expect)
{
    char *once = normalize(src);
    assert_string_equal(once, expect);
    char *twice = normalize(once);
    assert_string_equal(twice, once);
    free(twice);
    free(once);
}

static void
check_norm_same(const char *a, const char *b)
{
    char *na = normalize(a);
    char *nb = normalize(b);
    if (strcmp(na, nb) != 0)
        fail_msg("\"%s\" -> \"%s\" but \"%s\" -> \"%s\"", a, na, b, nb);
    free(na);
    free(nb);
}

static void
check_norm_differ(const char *a, const char *b)
{
    char *na = normalize(a);
    char *nb = normalize(b);
    if (strcmp(na, nb) == 0)
        fail_msg("\"%s\" and \"%s\" both -> \"%s\"", a, b, na);
    free(na);
    free(nb);
}

/* ---- token types ---- */

static void
test_words(void **state)
{
    (void)state;
    check_tokens("abc _x1 Select a$b x9 X", "[W abc][W _x1][W Select][W a$b][W x9][W X]");
    /* Bytes >= 0x80 are identifier characters, so UTF-8 names are single words. */
    check_tokens("caf\xc3\xa9 \xe5\x90\x8d\xe5\x89\x8d t\xc3\xa9st_2",
                 "[W caf\xc3\xa9][W \xe5\x90\x8d\xe5\x89\x8d][W t\xc3\xa9st_2]");
    /* A lone non-BOM 0xEF byte is an identifier byte too. */
    check_tokens("\xef\xbf\xbdx", "[W \xef\xbf\xbdx]");
    check_tokens("a.b", "[W a][O .][W b]");
    check_tokens("xyz x1 x_", "[W xyz][W x1][W x_]");
}

static void
test_quoted_identifiers(void **state)
{
    (void)state;
    check_tokens("\"a\"\"b\" [a b] [a\"\"b] `a``b` \"\"",
                 "[Q \"a\"\"b\"][Q [a b]][Q [a\"\"b]][Q `a``b`][Q \"\"]");
    check_ident("\"a\"\"b\"", SD_TOK_QIDENT, "a\"b");
    check_ident("[a b]", SD_TOK_QIDENT, "a b");
    check_ident("[a\"\"b]", SD_TOK_QIDENT, "a\"\"b"); /* brackets have no escape */
    check_ident("[a[b]", SD_TOK_QIDENT, "a[b");
    check_ident("`a``b`", SD_TOK_QIDENT, "a`b");
    check_ident("\"\"", SD_TOK_QIDENT, "");
    check_ident("\"\"\"\"", SD_TOK_QIDENT, "\"");
    check_ident("\"it's\"", SD_TOK_QIDENT, "it's");
    check_ident("\"caf\xc3\xa9 \xe5\x90\x8d\"", SD_TOK_QIDENT, "caf\xc3\xa9 \xe5\x90\x8d");
    check_ident("\"a -- b /* c */\"", SD_TOK_QIDENT, "a -- b /* c */");
    check_ident("\"a\nb;\"", SD_TOK_QIDENT, "a\nb;");
    check_ident("MixedCase", SD_TOK_WORD, "MixedCase");
    /* Quoted words adjacent to other tokens. */
    check_tokens("\"a\".\"b\"", "[Q \"a\"][O .][Q \"b\"]");
    check_tokens("\"a\"\"b\"\"c\"", "[Q \"a\"\"b\"\"c\"]");
}

static void
test_strings(void **state)
{
    (void)state;
    check_tokens("'it''s' '' 'a\"b' '--x' '/*y*/'",
                 "[S 'it''s'][S ''][S 'a\"b'][S '--x'][S '/*y*/']");
    check_tokens("'a' 'b'", "[S 'a'][S 'b']");
    check_tokens("'a''b'", "[S 'a''b']");
    check_ident("'it''s'", SD_TOK_STRING, "it's");
    check_ident("''", SD_TOK_STRING, "");
    check_ident("''''", SD_TOK_STRING, "'");
    check_ident("'line1\nline2'", SD_TOK_STRING, "line1\nline2");
}

static void
test_blobs(void **state)
{
    (void)state;
    check_tokens("X'0aff' x'' x'AB' X'00'", "[B X'0aff'][B x''][B x'AB'][B X'00']");
    /* Only a quote right after the X makes a blob. */
    check_tokens("x 'ab'", "[W x][S 'ab']");
    check_tokens("xx'ab'", "[W xx][S 'ab']");
}

static void
test_numbers(void **state)
{
    (void)state;
    check_tokens("0 12 1.5 1.5e3 1e-3 1E+3 2.e5 0x1F 0X1f .5 5. 007",
                 "[N 0][N 12][N 1.5][N 1.5e3][N 1e-3][N 1E+3][N 2.e5][N 0x1F][N 0X1f][N .5]"
                 "[N 5.][N 007]");
    check_tokens("-1", "[O -][N 1]");
    check_tokens("t.5", "[W t][N .5]");
    check_tokens("1..2", "[N 1.][N .2]");
    check_tokens("1+2", "[N 1][O +][N 2]");
    /* SQLite 3.40 splits a hex literal at the first non-hex byte (decimals it rejects). */
    check_tokens("0x1Fg 0xAB_", "[N 0x1F][W g][N 0xAB][W _]");
    check_tokens("(1)", "[O (][N 1][O )]");
}

static void
test_params(void **state)
{
    (void)state;
    check_tokens("? ?1 ?12 :name @name $name #n $a::b $a(x) :a$",
                 "[P ?][P ?1][P ?12][P :name][P @name][P $name][P #n][P $a::b][P $a(x)][P :a$]");
    check_tokens("?abc", "[P ?][W abc]");
    check_tokens("(:x,?)", "[O (][P :x][O ,][P ?][O )]");
}

static void
test_operators(void **state)
{
    (void)state;
    check_tokens("|| << >> <= >= == != <> -> ->>",
                 "[O ||][O <<][O >>][O <=][O >=][O ==][O !=][O <>][O ->][O ->>]");
    check_tokens("( ) , ; . + - * / % & ~ | < > =",
                 "[O (][O )][O ,][O ;][O .][O +][O -][O *][O /][O %][O &][O ~][O |][O <][O >]"
                 "[O =]");
    /* Longest match, without whitespace between. */
    check_tokens("a||b<=c<>d->>'$.x'", "[W a][O ||][W b][O <=][W c][O <>][W d][O ->>][S '$.x']");
    check_tokens("<<=", "[O <<][O =]");
    check_tokens("=== ->>>", "[O ==][O =][O ->>][O >]");
    check_tokens("|||", "[O ||][O |]");
}

static void
test_nested_parens(void **state)
{
    (void)state;
    check_tokens("CHECK((a>0)AND(b IN(1,2)))",
                 "[W CHECK][O (][O (][W a][O >][N 0][O )][W AND][O (][W b][W IN][O (][N 1][O ,]"
                 "[N 2][O )][O )][O )]");
}

static void
test_comments(void **state)
{
    (void)state;
    /* Skipped by default. */
    check_tokens("a -- one\nb /* two */ c/**/d", "[W a][W b][W c][W d]");
    check_tokens_flags("a -- one\nb /* two\n*/c", SD_TOKF_COMMENTS,
                       "[W a][C -- one][W b][C /* two\n*/][W c]");
    check_tokens_flags("--x", SD_TOKF_COMMENTS, "[C --x]");
    check_tokens_flags("-- no newline", SD_TOKF_COMMENTS, "[C -- no newline]");
    check_tokens_flags("a--\n", SD_TOKF_COMMENTS, "[W a][C --]");
    check_tokens_flags("/**/ /***/ /* a * / b */", SD_TOKF_COMMENTS,
                       "[C /**/][C /***/][C /* a * / b */]");
    /* SQLite takes an unterminated block comment as running to the end of input. */
    check_tokens_flags("a /* open", SD_TOKF_COMMENTS, "[W a][C /* open]");
    check_tokens_flags("a /*/", SD_TOKF_COMMENTS, "[W a][C /*/]");
    check_tokens("a /* open", "[W a]");
    /* ...except "/" "*" as the last two bytes, which it reads as two operators. */
    check_tokens_flags("a /*", SD_TOKF_COMMENTS, "[W a][O /][O *]");
    /* Comment markers inside quotes are not comments. */
    check_tokens("'--' \"/*\" [--]", "[S '--'][Q \"/*\"][Q [--]]");
    check_tokens("a - - b", "[W a][O -][O -][W b]");
}

static void
test_space(void **state)
{
    (void)state;
    /* A vertical tab may continue a whitespace run but not start one (see test_errors). */
    check_tokens_flags(" a\t\v\n\f\rb", SD_TOKF_SPACE, "[_  ][W a][_ \t\v\n\f\r][W b]");
    check_tokens_flags("a -- c\n b", SD_TOKF_SPACE | SD_TOKF_COMMENTS,
                       "[W a][_  ][C -- c][_ \n ][W b]");
    /* A UTF-8 byte-order mark is whitespace, as in SQLite. */
    check_tokens("\xef\xbb\xbfSELECT", "[W SELECT]");
    check_tokens_flags("\xef\xbb\xbf"
                       "a",
                       SD_TOKF_SPACE, "[_ \xef\xbb\xbf][W a]");
    check_tokens("", "");
    check_tokens("  \n ", "");
}

static void
test_keywords_as_names(void **state)
{
    (void)state;
    const char *sql = "CREATE TABLE \"order\"([group] INT, `select` TEXT, \"from\" BLOB, "
                      "\"a\"\"b\" REAL);";
    check_tokens(sql, "[W CREATE][W TABLE][Q \"order\"][O (][Q [group]][W INT][O ,]"
                      "[Q `select`][W TEXT][O ,][Q \"from\"][W BLOB][O ,][Q \"a\"\"b\"][W REAL]"
                      "[O )][O ;]");
}

static void
test_statement_walk(void **state)
{
    (void)state;
    const char *sql = "CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT COLLATE NOCASE)";
    sd_lexer lx;
    sd_tok tok;
    sd_err err = SD_ERR_INIT;

    sd_lexer_init(&lx, sql, strlen(sql), 0);
    assert_int_equal(sd_lexer_next(&lx, &tok, &err), SD_OK);
    assert_true(sd_tok_is_word(sql, &tok, "create"));
    assert_true(sd_tok_is_word(sql, &tok, "CREATE"));
    assert_false(sd_tok_is_word(sql, &tok, "CREAT"));
    assert_false(sd_tok_is_word(sql, &tok, "CREATED"));
    assert_false(sd_tok_is_punct(sql, &tok, "CREATE"));
    assert_int_equal(sd_lexer_next(&lx, &tok, &err), SD_OK);
    assert_true(sd_tok_is_word(sql, &tok, "table"));
    assert_int_equal(sd_lexer_next(&lx, &tok, &err), SD_OK);
    assert_true(sd_tok_is_word(sql, &tok, "T"));
    assert_int_equal(sd_lexer_next(&lx, &tok, &err), SD_OK);
    assert_true(sd_tok_is_punct(sql, &tok, "("));
    assert_false(sd_tok_is_punct(sql, &tok, ")"));
    assert_false(sd_tok_is_word(sql, &tok, "("));

    /* A quoted identifier is not a word, even when its text is one. */
    const char *q = "\"create\" ->>";
    sd_lexer_init(&lx, q, strlen(q), 0);
    assert_int_equal(sd_lexer_next(&lx, &tok, &err), SD_OK);
    assert_false(sd_tok_is_word(q, &tok, "create"));
    assert_int_equal(sd_lexer_next(&lx, &tok, &err), SD_OK);
    assert_true(sd_tok_is_punct(q, &tok, "->>"));
    assert_false(sd_tok_is_punct(q, &tok, "->"));
}

static void
test_errors(void **state)
{
    (void)state;
    check_error("SELECT 'abc", "unterminated string literal", 7);
    check_error("'it''", "unterminated string literal", 0);
    check_error("a \"abc", "unterminated quoted identifier", 2);
    check_error("\"a\"\"", "unterminated quoted identifier", 0);
    check_error("x [abc", "unterminated quoted identifier", 2);
    check_error("`abc``", "unterminated quoted identifier", 0);
    check_error("X'0a", "unterminated blob literal", 0);
    check_error("a X'0G'", "malformed blob literal", 2);
    check_error("X'abc'", "malformed blob literal", 0);
    check_error("12abc", "malformed number", 0);
    check_error("a 0x", "malformed number", 2);
    check_error("1e", "malformed number", 0);
    check_error("1.5x", "malformed number", 0);
    check_error("a = :", "malformed parameter", 4);
    check_error("$", "malformed parameter", 0);
    check_error("$a(b c)", "malformed parameter", 0);
    check_error("a \\ b", "unexpected character '\\'", 2);
    check_error("a ! b", "unexpected character '!'", 2);
    check_error("]", "unexpected character ']'", 0);
    check_error("{}", "unexpected character '{'", 0);
    check_error("a ^ b", "unexpected character '^'", 2);
    check_error("\x01", "unexpected byte 0x01", 0);
    check_error("\va", "unexpected byte 0x0b", 0);
    check_error_n("a\0b", 3, "unexpected byte 0x00", 1);
    /* NUL ends quoted text as it does in SQLite, so it cannot hide inside a name. */
    check_error_n("'a\0b'", 5, "unterminated string literal", 0);
    check_error_n("-- c\0d", 6, "unexpected byte 0x00", 4);
    /* Tokens before the bad one are returned normally. */
    check_error("CREATE TABLE t(a TEXT DEFAULT 'x", "unterminated string literal", 30);
}

/* ---- normalization ---- */

static void
test_normalize_basic(void **state)
{
    (void)state;
    check_norm("", "");
    check_norm("  -- only a comment\n", "");
    check_norm(";", "");
    check_norm("create table T(a int, b TEXT);",
               "CREATE TABLE t ( a int , b text )"); /* types are not keywords */
    check_norm("SELECT  a\n\tFROM  t -- c\n WHERE /* x */ b<>'A'",
               "SELECT a FROM t WHERE b <> 'A'");
    check_norm("\"abc\" [abc] `abc` abc ABC", "abc abc abc abc abc");
    check_norm("\"ABC\" [a b] `a\"b` \"\" \"1a\"", "\"ABC\" \"a b\" \"a\"\"b\" \"\" \"1a\"");
    check_norm("\"order\" [Group] select", "\"order\" \"Group\" SELECT");
    check_norm("x'0aff' X'AB' 0x1F 1.5E3 .5 ? :p $v", "X'0aff' X'AB' 0x1F 1.5E3 .5 ? :p $v");
    check_norm("'It''s' 'a -- b'", "'It''s' 'a -- b'");
    check_norm("CAF\xc3\x89 \"caf\xc3\xa9\"", "caf\xc3\x89 \"caf\xc3\xa9\"");
    check_norm("a;;", "a");
    check_norm("a; b;", "a ; b");
    check_norm(";a", "; a");
    check_norm("a/**/-/**/-1", "a - - 1");
    check_norm("x/**/'ab'", "x 'ab'");
    check_norm("a /* unterminated", "a");
}

static void
test_normalize_equal(void **state)
{
    (void)state;
    check_norm_same("CREATE TABLE t(a INTEGER PRIMARY KEY,b TEXT)",
                    "create   table T (\n  a integer primary key, -- id\n  b text /* c */\n);");
    check_norm_same("CREATE TABLE \"t\"(\"a\" INT)", "CREATE TABLE t(a INT)");
    check_norm_same("CREATE TABLE [t](`a` INT)", "create table \"t\"(a int)");
    check_norm_same("CHECK((a>0)AND(b<5))", "check ( ( a > 0 ) and ( b < 5 ) )");
    check_norm_same("\"a b\"", "[a b]");
    check_norm_same("`a\"b`", "\"a\"\"b\"");
    check_norm_same("[a\"b]", "\"a\"\"b\"");
    check_norm_same("\"select\"", "[select]");
    check_norm_same("X'ab'", "x'ab'");
    check_norm_same("a;", "a");
    check_norm_same("a", "a ; ;");
    check_norm_same("\xef\xbb\xbfSELECT 1", "select 1");
}

static void
test_normalize_differ(void **state)
{
    (void)state;
    /* String literals and quoted identifier text are never changed. */
    check_norm_differ("'A'", "'a'");
    check_norm_differ("DEFAULT 'x y'", "DEFAULT 'x  y'");
    check_norm_differ("\"A\"", "a");
    check_norm_differ("\"A\"", "\"a\"");
    check_norm_differ("\"a b\"", "\"a  b\"");
    check_norm_differ("\"select\"", "select");
    check_norm_differ("'a' 'b'", "'a''b'");
    check_norm_differ("a", "b");
    check_norm_differ("a;b", "a b");
    check_norm_differ("1.0", "1");
    check_norm_differ("X'AB'", "X'ab'");
    check_norm_differ("\"caf\xc3\xa9\"", "caf\xc3\xa9");
}

static void
test_normalize_errors(void **state)
{
    (void)state;
    sd_buf out = SD_BUF_INIT;
    sd_err err = SD_ERR_INIT;

    sd_buf_append(&out, "keep");
    assert_int_equal(sd_sql_normalize(&out, "a 'b", 4, &err), SD_ERR_PARSE);
    assert_string_equal(err.where, "offset 2");
    /* Output is left as it was before the call. */
    assert_string_equal(sd_buf_cstr(&out), "keep");
    sd_err_clear(&err);

    /* And on success the result is appended. */
    assert_int_equal(sd_sql_normalize(&out, " A ", 3, &err), SD_OK);
    assert_string_equal(sd_buf_cstr(&out), "keepa");

    sd_buf_reset(&out);
    assert_int_equal(sd_sql_normalize(&out, "SELECT 1 /*", 11, &err), SD_OK);
    assert_string_equal(sd_buf_cstr(&out), "SELECT 1 / *");
    sd_buf_dispose(&out);

    /* Only len bytes are read. */
    assert_int_equal(sd_sql_normalize(&out, "abc 'unterminated", 3, &err), SD_OK);
    assert_string_equal(sd_buf_cstr(&out), "abc");
    sd_buf_dispose(&out);
}

/* How a stored DEFAULT reads: what ADD COLUMN accepts in place and what needs parentheses. */
static void
test_default_kind(void **state)
{
    (void)state;
    assert_int_equal(sd_sql_default_kind(NULL), SD_DEFAULT_NULL);
    assert_int_equal(sd_sql_default_kind("null"), SD_DEFAULT_NULL);
    assert_int_equal(sd_sql_default_kind("'x'"), SD_DEFAULT_VALUE);
    assert_int_equal(sd_sql_default_kind("-1.5"), SD_DEFAULT_VALUE);
    assert_int_equal(sd_sql_default_kind("abc"), SD_DEFAULT_VALUE);
    assert_int_equal(sd_sql_default_kind("current_timestamp"), SD_DEFAULT_TIME);
    assert_int_equal(sd_sql_default_kind("(1 + 2)"), SD_DEFAULT_PAREN);
    assert_int_equal(sd_sql_default_kind("(1) + (2)"), SD_DEFAULT_EXPR);
    assert_int_equal(sd_sql_default_kind("1 + 2"), SD_DEFAULT_EXPR);
    assert_int_equal(sd_sql_default_kind("?"), SD_DEFAULT_EXPR);
    assert_int_equal(sd_sql_default_kind("'unterminated"), SD_DEFAULT_EXPR);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_quoted_identifiers),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_blobs),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_params),
        cmocka_unit_test(test_operators),
        cmocka_unit_test(test_nested_parens),
        cmocka_unit_test(test_comments),
        cmocka_unit_test(test_space),
        cmocka_unit_test(test_keywords_as_names),
        cmocka_unit_test(test_statement_walk),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_normalize_basic),
        cmocka_unit_test(test_normalize_equal),
        cmocka_unit_test(test_normalize_differ),
        cmocka_unit_test(test_normalize_errors),
        cmocka_unit_test(test_default_kind),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
