/*
 * emit_writer.c: the writer both emitters share (emit_writer_int.h).
 */
#include <stdarg.h>
#include <string.h>

#include "emit/emit_writer_int.h"

void
sd_writer_fail(sd_writer *w, sd_status code, const sd_object *o, const char *fmt, ...)
{
    if (w->rc != SD_OK)
        return;
    va_list ap;
    va_start(ap, fmt);
    w->rc = sd_err_objectv(w->err, code, o, fmt, ap);
    va_end(ap);
}

void
sd_writer_nomem(sd_writer *w)
{
    sd_writer_fail(w, SD_ERR_NOMEM, NULL, "out of memory");
}

void
sd_writer_fail_text(sd_writer *w,
                    const sd_object *o,
                    const char *what,
                    const char *text,
                    const char *problem)
{
    if (w->rc != SD_OK)
        return;
    sd_writer_fail(w, SD_ERR_PARSE, o, "invalid %s: %s", what, problem);
    sd_buf d = SD_BUF_INIT;
    sd_buf_append_repr(&d, text);
    sd_err_detail(w->err, "The %s is: %s", what, sd_buf_cstr(&d));
    sd_buf_dispose(&d);
}

void
sd_writer_put(sd_writer *w, const char *s)
{
    if (w->rc != SD_OK)
        return;
    sd_buf_append(w->out, s);
    for (const char *p = strstr(s, ";\n"); p != NULL; p = strstr(p + 2, ";\n"))
        w->statements++;
}

void
sd_writer_ident(sd_writer *w, const char *name)
{
    if (w->rc == SD_OK)
        sd_sql_ident(w->out, w->engine, name);
}

void
sd_writer_qualified(sd_writer *w, const char *schema, const char *name)
{
    if (w->rc == SD_OK)
        sd_sql_qualified(w->out, w->engine, schema, name);
}

void
sd_writer_literal(sd_writer *w, const char *value)
{
    if (w->rc == SD_OK)
        sd_sql_literal(w->out, w->engine, value);
}

void
sd_writer_idents(sd_writer *w, const sd_names *n)
{
    for (size_t i = 0; i < n->len; i++) {
        if (i > 0)
            sd_writer_put(w, ", ");
        sd_writer_ident(w, n->items[i]);
    }
}

void
sd_writer_comment_text(sd_writer *w, const char *s)
{
    if (w->rc == SD_OK)
        sd_buf_append_printable(w->out, s != NULL ? s : "(none)");
}
