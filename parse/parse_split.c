/*
 * parse_split.c: the engine-independent half of splitting a script (parse.h,
 * sd_parse_pg_split() and sd_parse_sqlite_split()): the statement list, positions in lines and
 * characters, and refusing a script at a place. It reads no SQL: where a statement starts and
 * ends is the engine parser's answer, given to it by parse_pg.c and parse_sqlite.c.
 */
#include <string.h>

#include "parse/parse.h"
#include "parse/parse_int.h"
#include "util/util.h"

void
sd_sql_split_dispose(sd_sql_split *split)
{
    sd_vec_dispose(&split->stmts);
    split->error = (sd_sql_pos){ 0, 0, 0 };
}

sd_status
sd_parse__split_begin(const char *script, size_t len, sd_sql_split *out, sd_err *err)
{
    out->stmts.len = 0;
    out->error = (sd_sql_pos){ 0, 0, 0 };
    const char *nul = memchr(script, '\0', len);
    if (nul != NULL)
        return sd_parse__refuse(out, script, (size_t)(nul - script), "a NUL byte", err);
    return SD_OK;
}

void
sd_parse__advance(const char *script, sd_sql_pos *pos, size_t to)
{
    for (size_t i = pos->offset; i < to; i++) {
        unsigned char c = (unsigned char)script[i];
        if (c == '\n') {
            pos->line++;
            pos->column = 1;
        } else if ((c & 0xC0) != 0x80) {
            pos->column++;
        }
    }
    if (to > pos->offset)
        pos->offset = to;
}

size_t
sd_parse__char_offset(const char *script, size_t len, size_t count)
{
    size_t at = 0;
    for (size_t n = 0; n < count && at < len; n++) {
        unsigned char c = (unsigned char)script[at];
        size_t step = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
        at = step < len - at ? at + step : len;
    }
    return at;
}

/* The blanks both engines skip between tokens. Not '\v': PostgreSQL 15 refuses it, SQLite
 * only inside a run of other blanks, so a statement may be nothing else, for SQLite to
 * refuse when it runs. */
static bool
blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

sd_status
sd_parse__add(sd_sql_split *out,
              const char *script,
              sd_sql_pos *cursor,
              size_t start,
              size_t end,
              bool txn_control,
              bool no_txn,
              sd_err *err)
{
    /* The last token never ends in a blank (a quote, a dollar tag, "*" "/" end them; a line
     * comment trimmed of its newline is still one), so only blanks go. */
    while (end > start && blank(script[end - 1]))
        end--;
    sd_parse__advance(script, cursor, start);
    sd_sql_stmt stmt = {
        .at = *cursor,
        .len = end - start,
        .txn_control = txn_control,
        .no_txn = no_txn,
    };
    if (sd_vec_push(&out->stmts, stmt) != SD_OK)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    return SD_OK;
}

sd_status
sd_parse__refuse(sd_sql_split *out, const char *script, size_t at, const char *why, sd_err *err)
{
    sd_sql_pos pos = { 0, 1, 1 };
    sd_parse__advance(script, &pos, at);
    out->stmts.len = 0;
    out->error = pos;
    return sd_err_set(err, SD_ERR_PARSE, "%s (line %zu, column %zu)", why, pos.line, pos.column);
}
