/*
 * buf.h: growable, always NUL-terminated string builder. Failure is sticky: after an
 * allocation fails every later append is a no-op and sd_buf_failed() is true.
 */
#ifndef SD_UTIL_BUF_H
#define SD_UTIL_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct sd_buf {
    char *ptr;   /* NUL-terminated contents ("" when empty, never NULL after init) */
    size_t len;  /* bytes used, excluding the NUL */
    size_t cap;  /* bytes allocated */
    bool failed; /* an allocation failed; contents are incomplete */
} sd_buf;

#define SD_BUF_INIT       \
    {                     \
        NULL, 0, 0, false \
    }

void sd_buf_append(sd_buf *b, const char *s);
void sd_buf_appendn(sd_buf *b, const char *s, size_t n);
void sd_buf_appendf(sd_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sd_buf_vappendf(sd_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void sd_buf_putc(sd_buf *b, char c);
/* v in decimal, and v as 16 lower-case hex digits: what "%lld" and "%016llx" give, without
 * printf's cost in the loops that build identity keys and fingerprints. */
void sd_buf_append_int(sd_buf *b, long long v);
void sd_buf_append_hex64(sd_buf *b, unsigned long long v);
/* Append s with control characters (C0, C1), bytes that are not UTF-8, quotes and backslashes
 * escaped, for error messages. */
void sd_buf_append_repr(sd_buf *b, const char *s);
/* Append s with only control characters (\n, \t, \x01, \u009b) and bytes that are not UTF-8
 * escaped: for whole messages, report lines and SQL comments, where quotes are ordinary text. */
void sd_buf_append_printable(sd_buf *b, const char *s);
/* Offset of the first byte of s[0, n) that is a NUL or not part of well-formed UTF-8 (RFC 3629,
 * as sd_buf_append_repr() reads it), or n when there is none. s[n] must be readable and NUL, as
 * an sd_buf's contents are: a sequence cut short by the end fails there. */
size_t sd_utf8_check(const char *s, size_t n);
/* Contents as a C string; "" for an untouched buffer. */
const char *sd_buf_cstr(const sd_buf *b);
void sd_buf_reset(sd_buf *b); /* len = 0, keeps memory, clears nothing else */
void sd_buf_truncate(sd_buf *b, size_t len);
/* Hand the malloc'd string to the caller (who frees it); the buffer becomes empty. */
char *sd_buf_take(sd_buf *b);
void sd_buf_dispose(sd_buf *b);
bool sd_buf_failed(const sd_buf *b);

#endif
