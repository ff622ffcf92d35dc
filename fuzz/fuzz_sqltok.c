/*
 * fuzz_sqltok.c: libFuzzer target for the SQLite tokenizer, sd_sql_normalize() and the
 * identifier quoting in sql.c.
 *
 * Besides crashes and sanitizer reports it checks, with abort(), the contracts callers rely
 * on: tokens move strictly forward and stay inside the input, with SD_TOKF_SPACE and
 * SD_TOKF_COMMENTS they tile the input exactly, an error leaves the lexer at the bad token,
 * normalization is idempotent, and sd_sql_ident() output lexes back to the same name.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/err.h"
#include "util/sql.h"
#include "util/sqltok.h"

/* libFuzzer fixes the name. */
/* NOLINTNEXTLINE(readability-identifier-naming) */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check(bool ok)
{
    if (!ok)
        abort();
}

/* Lex to EOF or error, checking positions; returns the status. */
static sd_status
lex_all(const char *src, size_t len, unsigned flags)
{
    sd_lexer lx;
    sd_tok tok;
    sd_err err = SD_ERR_INIT;
    bool tiles = flags == (SD_TOKF_SPACE | SD_TOKF_COMMENTS);
    size_t prev_end = 0;
    sd_buf ident = SD_BUF_INIT;

    sd_lexer_init(&lx, src, len, flags);
    for (size_t n = 0;; n++) {
        check(n <= len); /* every token consumes at least one byte */
        size_t before = lx.pos;
        sd_status rc = sd_lexer_next(&lx, &tok, &err);
        if (rc != SD_OK) {
            check(rc == SD_ERR_PARSE && err.code == SD_ERR_PARSE);
            check(err.msg[0] != '\0' && strncmp(err.where, "offset ", 7) == 0);
            check(lx.pos >= before && lx.pos < len);
            check(strtoull(err.where + 7, NULL, 10) == lx.pos);
            check(!tiles || lx.pos == prev_end);
            sd_buf_dispose(&ident);
            return rc;
        }
        if (tok.type == SD_TOK_EOF) {
            check(tok.start == len && tok.len == 0 && lx.pos == len);
            check(!tiles || prev_end == len);
            break;
        }
        check(tok.len > 0 && tok.start >= prev_end && tok.start >= before);
        check(tok.start <= len && tok.len <= len - tok.start);
        check(lx.pos == tok.start + tok.len);
        check(!tiles || tok.start == prev_end);
        if ((flags & SD_TOKF_SPACE) == 0)
            check(tok.type != SD_TOK_SPACE);
        if ((flags & SD_TOKF_COMMENTS) == 0)
            check(tok.type != SD_TOK_COMMENT);
        prev_end = tok.start + tok.len;
        sd_buf_reset(&ident);
        sd_tok_ident(&ident, src, &tok);
        check(ident.len <= tok.len);
    }
    sd_buf_dispose(&ident);
    return SD_OK;
}

static void
check_normalize(const char *src, size_t len, sd_status lex_rc)
{
    sd_buf once = SD_BUF_INIT;
    sd_buf twice = SD_BUF_INIT;
    sd_err err = SD_ERR_INIT;

    sd_status rc = sd_sql_normalize(&once, src, len, &err);
    check(rc == lex_rc);
    if (rc == SD_OK) {
        rc = sd_sql_normalize(&twice, sd_buf_cstr(&once), once.len, &err);
        check(rc == SD_OK);
        check(once.len == twice.len &&
              memcmp(sd_buf_cstr(&once), sd_buf_cstr(&twice), once.len) == 0);
    } else {
        check(once.len == 0);
    }
    sd_buf_dispose(&once);
    sd_buf_dispose(&twice);
}

/* Quoting the input as a name must give one token that names it again. */
static void
check_ident_roundtrip(const char *name)
{
    for (int e = 0; e < SD_ENGINE__COUNT; e++) {
        sd_buf q = SD_BUF_INIT;
        sd_buf back = SD_BUF_INIT;
        sd_lexer lx;
        sd_tok tok;
        sd_err err = SD_ERR_INIT;

        sd_sql_ident(&q, (sd_engine)e, name);
        sd_lexer_init(&lx, sd_buf_cstr(&q), q.len, SD_TOKF_SPACE | SD_TOKF_COMMENTS);
        check(sd_lexer_next(&lx, &tok, &err) == SD_OK);
        check(tok.start == 0 && tok.len == q.len);
        check(tok.type == (sd_sql_ident_is_bare((sd_engine)e, name) ? SD_TOK_WORD : SD_TOK_QIDENT));
        sd_tok_ident(&back, sd_buf_cstr(&q), &tok);
        check(strcmp(sd_buf_cstr(&back), name) == 0);
        sd_buf_dispose(&q);
        sd_buf_dispose(&back);
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *src = (const char *)data;

    sd_status rc = lex_all(src, size, 0);
    check(lex_all(src, size, SD_TOKF_COMMENTS) == rc);
    check(lex_all(src, size, SD_TOKF_SPACE) == rc);
    check(lex_all(src, size, SD_TOKF_SPACE | SD_TOKF_COMMENTS) == rc);
    check_normalize(src, size, rc);

    if (size < 256 && memchr(data, 0, size) == NULL) {
        char *name = malloc(size + 1);
        if (name == NULL)
            return 0;
        memcpy(name, data, size);
        name[size] = '\0';
        check_ident_roundtrip(name);
        free(name);
    }
    return 0;
}
