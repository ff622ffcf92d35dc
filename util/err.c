/*
 * err.c: filling and printing sd_err. Truncation of a part is recorded, never silent.
 */
#include "util/err.h"

#include <stdarg.h>
#include <string.h>

#include "util/buf.h"

__attribute__((format(printf, 4, 0))) static void
vfill(sd_err *err, char *dst, size_t cap, const char *fmt, va_list ap)
{
    int n = vsnprintf(dst, cap, fmt, ap);
    if (n < 0 || (size_t)n >= cap)
        err->truncated = true;
}

sd_status
sd_err_set(sd_err *err, sd_status code, const char *fmt, ...)
{
    if (err == NULL)
        return code;
    sd_err_clear(err);
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    vfill(err, err->msg, sizeof(err->msg), fmt, ap);
    va_end(ap);
    return code;
}

void
sd_err_detail(sd_err *err, const char *fmt, ...)
{
    if (err == NULL)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfill(err, err->detail, sizeof(err->detail), fmt, ap);
    va_end(ap);
}

void
sd_err_hint(sd_err *err, const char *fmt, ...)
{
    if (err == NULL)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfill(err, err->hint, sizeof(err->hint), fmt, ap);
    va_end(ap);
}

void
sd_err_where(sd_err *err, const char *fmt, ...)
{
    if (err == NULL || err->where[0] != '\0')
        return;
    va_list ap;
    va_start(ap, fmt);
    vfill(err, err->where, sizeof(err->where), fmt, ap);
    va_end(ap);
}

void
sd_err_clear(sd_err *err)
{
    if (err == NULL)
        return;
    err->code = SD_OK;
    err->msg[0] = err->detail[0] = err->hint[0] = err->where[0] = '\0';
    err->truncated = false;
}

static void
print_part(FILE *fp, const char *label, const char *text, bool truncated)
{
    sd_buf b = SD_BUF_INIT;
    sd_buf_append_printable(&b, text);
    fprintf(fp, "%s%s%s\n", label, sd_buf_cstr(&b), truncated ? "..." : "");
    sd_buf_dispose(&b);
}

void
sd_err_print(FILE *fp, const sd_err *err)
{
    sd_buf head = SD_BUF_INIT;
    sd_buf_append(&head, "schemadrift: error: ");
    if (err->where[0] != '\0') {
        sd_buf_append_printable(&head, err->where);
        sd_buf_append(&head, ": ");
    }
    sd_buf_append_printable(&head, err->msg[0] != '\0' ? err->msg : "unknown error");
    fprintf(fp, "%s%s\n", sd_buf_cstr(&head), err->truncated ? "..." : "");
    sd_buf_dispose(&head);
    if (err->detail[0] != '\0')
        print_part(fp, "detail: ", err->detail, false);
    if (err->hint[0] != '\0')
        print_part(fp, "hint: ", err->hint, false);
}
