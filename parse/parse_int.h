/*
 * parse_int.h: what the two engines' splitters (parse_pg.c, parse_sqlite.c) share, once, in
 * parse_split.c: the checks on a script before its parser sees it, positions (line and column
 * from a byte offset, a character count back to a byte offset) and adding a statement. Where
 * statements start and end is always the engine's answer, never decided here.
 */
#ifndef SD_PARSE_PARSE_INT_H
#define SD_PARSE_PARSE_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "parse/parse.h"
#include "util/err.h"

/* Empty out; SD_ERR_PARSE (at the byte) when script holds a NUL byte, which would end it for
 * the engine's C API before len. */
SD_MUST_CHECK sd_status sd_parse__split_begin(const char *script,
                                              size_t len,
                                              sd_sql_split *out,
                                              sd_err *err);

/* Move pos (a position in script) forward to the byte offset to, counting lines and
 * characters; to before pos->offset leaves it. */
void sd_parse__advance(const char *script, sd_sql_pos *pos, size_t to);

/* The byte offset of the character that count characters precede, as PostgreSQL counts them
 * (pg_utf_mblen(): a UTF-8 lead byte says its character's length; any other byte is one);
 * len at most. */
size_t sd_parse__char_offset(const char *script, size_t len, size_t count);

/* Add the statement from byte start (its first token) to end (its ';' or the script's end;
 * blanks before it are not its text); cursor, at or before start, moves to start. */
SD_MUST_CHECK sd_status sd_parse__add(sd_sql_split *out,
                                      const char *script,
                                      sd_sql_pos *cursor,
                                      size_t start,
                                      size_t end,
                                      bool txn_control,
                                      bool no_txn,
                                      sd_err *err);

/* Refuse the script at byte offset at: out emptied, out->error set, err->msg is why with
 * " (line L, column C)". Returns SD_ERR_PARSE. */
sd_status
sd_parse__refuse(sd_sql_split *out, const char *script, size_t at, const char *why, sd_err *err);

#endif
