/*
 * emit_writer_int.h: what both engines' emitters write through (ARCHITECTURE.md, Planner): the
 * script buffer, the first error (every later write is a no-op, so writing code checks for an
 * error once, at the end), failing with the object's description as the location, and the
 * pieces both write alike: identifiers, qualified names and literals through util/sql.h, name
 * lists, text inside a comment line. Private to emit/ (emit_int.h includes it).
 */
#ifndef SD_EMIT_EMIT_WRITER_INT_H
#define SD_EMIT_EMIT_WRITER_INT_H

#include "model/model.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/sql.h"

typedef struct sd_writer {
    sd_buf *out;       /* where text goes (an emitter may point it at a buffer of its own) */
    sd_err *err;       /* the first error */
    sd_status rc;      /* the first error's code; SD_OK while writing goes on */
    sd_engine engine;  /* the dialect of identifiers and literals */
    size_t statements; /* statements written: the ";\n" ends in sd_writer_put() text */
} sd_writer;

/* Record the first error only; o (may be NULL) names the object as the error's location. */
void sd_writer_fail(sd_writer *w, sd_status code, const sd_object *o, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void sd_writer_nomem(sd_writer *w);
/* A model's SQL fragment that cannot be written: "invalid WHAT: PROBLEM", the text as detail. */
void sd_writer_fail_text(sd_writer *w,
                         const sd_object *o,
                         const char *what,
                         const char *text,
                         const char *problem);

/* Append the emitter's own text s; each ";\n" in it ends a statement (counted: the engine's
 * parser must find as many in the script, see emit.c). Text from a model goes through the
 * fragment, identifier and literal writers instead. */
void sd_writer_put(sd_writer *w, const char *s);
void sd_writer_ident(sd_writer *w, const char *name);
void sd_writer_qualified(sd_writer *w, const char *schema, const char *name);
void sd_writer_literal(sd_writer *w, const char *value);
/* Identifiers separated by ", " (no parentheses). */
void sd_writer_idents(sd_writer *w, const sd_names *n);
/* Text inside a "-- " comment line: printable, "(none)" for NULL. */
void sd_writer_comment_text(sd_writer *w, const char *s);

#endif
