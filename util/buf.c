/*
 * buf.c: the string builder. Sticky failure keeps call sites short: append freely, check
 * sd_buf_failed() once before using the result.
 */
#include "util/buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool
reserve(sd_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (extra > SIZE_MAX - b->len - 1) {
        b->failed = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->ptr, cap);
    if (p == NULL) {
        b->failed = true;
        return false;
    }
    b->ptr = p;
    b->cap = cap;
    return true;
}

void
sd_buf_appendn(sd_buf *b, const char *s, size_t n)
{
    /* Room for n bytes and the NUL: no reserve() (most appends are short). */
    if (!b->failed && n < b->cap - b->len) {
        if (n > 0)
            memcpy(b->ptr + b->len, s, n);
        b->len += n;
        b->ptr[b->len] = '\0';
        return;
    }
    if (!reserve(b, n))
        return;
    if (n > 0)
        memcpy(b->ptr + b->len, s, n);
    b->len += n;
    b->ptr[b->len] = '\0';
}

void
sd_buf_append(sd_buf *b, const char *s)
{
    sd_buf_appendn(b, s, strlen(s));
}

void
sd_buf_append_int(sd_buf *b, long long v)
{
    char tmp[24];
    size_t i = sizeof(tmp);
    /* Negate in unsigned arithmetic so that LLONG_MIN works too. */
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        tmp[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (v < 0)
        tmp[--i] = '-';
    sd_buf_appendn(b, tmp + i, sizeof(tmp) - i);
}

void
sd_buf_append_hex64(sd_buf *b, unsigned long long v)
{
    static const char digits[] = "0123456789abcdef";
    char tmp[16];
    for (int i = 15; i >= 0; i--) {
        tmp[i] = digits[v & 0xf];
        v >>= 4;
    }
    sd_buf_appendn(b, tmp, sizeof(tmp));
}

void
sd_buf_vappendf(sd_buf *b, const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0) {
        b->failed = true;
        return;
    }
    if (!reserve(b, (size_t)n))
        return;
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void
sd_buf_appendf(sd_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sd_buf_vappendf(b, fmt, ap);
    va_end(ap);
}

void
sd_buf_putc(sd_buf *b, char c)
{
    if (!b->failed && b->cap - b->len >= 2) {
        b->ptr[b->len++] = c;
        b->ptr[b->len] = '\0';
        return;
    }
    sd_buf_appendn(b, &c, 1);
}

/* Length of the well-formed UTF-8 sequence at p (RFC 3629: no overlong forms, surrogates or
 * code points past U+10FFFF), or 0 when it is none. */
static size_t
utf8_len(const unsigned char *p)
{
    size_t n = p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3 : p[0] >= 0xc2 ? 2 : 0;
    if (n == 0 || p[0] > 0xf4)
        return 0;
    unsigned char lo = p[0] == 0xe0 ? 0xa0 : p[0] == 0xf0 ? 0x90 : 0x80;
    unsigned char hi = p[0] == 0xed ? 0x9f : p[0] == 0xf4 ? 0x8f : 0xbf;
    if (p[1] < lo || p[1] > hi)
        return 0;
    for (size_t i = 2; i < n; i++)
        if (p[i] < 0x80 || p[i] > 0xbf)
            return 0;
    return n;
}

size_t
sd_utf8_check(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (p[i] == '\0')
            return i;
        size_t k = p[i] < 0x80 ? 1 : utf8_len(p + i);
        if (k == 0 || k > n - i)
            return i;
        i += k;
    }
    return n;
}

/* Escape control characters, C0 and C1 (U+0080..U+009F: a terminal may take U+009B for
 * CSI), and bytes that are not UTF-8 (and, for names shown in quotes, backslashes and double
 * quotes) so that hostile names cannot garble a terminal, a report line or a SQL comment. */
static void
append_escaped(sd_buf *b, const char *s, bool quotes)
{
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        if (*p >= 0x80) {
            size_t n = utf8_len(p);
            if (n == 0) {
                sd_buf_appendf(b, "\\x%02x", *p);
            } else if (n == 2 && p[0] == 0xc2 && p[1] < 0xa0) {
                sd_buf_appendf(b, "\\u%04x", p[1]);
                p++;
            } else {
                sd_buf_appendn(b, (const char *)p, n);
                p += n - 1;
            }
            continue;
        }
        switch (*p) {
        case '\n':
            sd_buf_append(b, "\\n");
            break;
        case '\r':
            sd_buf_append(b, "\\r");
            break;
        case '\t':
            sd_buf_append(b, "\\t");
            break;
        case '\\':
        case '"':
            if (quotes)
                sd_buf_putc(b, '\\');
            sd_buf_putc(b, (char)*p);
            break;
        default:
            if (*p < 0x20 || *p == 0x7f)
                sd_buf_appendf(b, "\\x%02x", *p);
            else
                sd_buf_putc(b, (char)*p);
        }
    }
}

void
sd_buf_append_repr(sd_buf *b, const char *s)
{
    append_escaped(b, s, true);
}

void
sd_buf_append_printable(sd_buf *b, const char *s)
{
    append_escaped(b, s, false);
}

const char *
sd_buf_cstr(const sd_buf *b)
{
    return b->ptr != NULL ? b->ptr : "";
}

void
sd_buf_reset(sd_buf *b)
{
    sd_buf_truncate(b, 0);
}

void
sd_buf_truncate(sd_buf *b, size_t len)
{
    if (b->ptr != NULL && len < b->len) {
        b->len = len;
        b->ptr[len] = '\0';
    }
}

char *
sd_buf_take(sd_buf *b)
{
    char *p = b->ptr;
    if (p == NULL)
        p = calloc(1, 1);
    b->ptr = NULL;
    b->len = b->cap = 0;
    b->failed = false;
    return p;
}

void
sd_buf_dispose(sd_buf *b)
{
    free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

bool
sd_buf_failed(const sd_buf *b)
{
    return b->failed;
}
