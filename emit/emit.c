/*
 * emit.c: the public entry point. Picks the engine's emitter from a table indexed by engine,
 * builds the script in a private buffer and appends it to the caller's buffer only when it
 * is complete, so a failure never leaves half a script behind. Knows no SQL itself.
 */
#include <stddef.h>

#include "emit/emit_int.h"
#include "util/util.h"

typedef sd_status (*emit_fn)(sd_buf *out,
                             const sd_changelist *cl,
                             const sd_emit_options *opts,
                             sd_err *err);

typedef struct engine_emitter {
    emit_fn emit;        /* the engine's emitter, or NULL when there is none yet */
    const char *missing; /* message when emit is NULL */
} engine_emitter;

static const engine_emitter EMITTERS[] = {
    [SD_ENGINE_SQLITE] = { sd_emit__sqlite, NULL },
    [SD_ENGINE_PG] = { sd_emit__pg, NULL },
};
_Static_assert(SD_ARRAY_LEN(EMITTERS) == SD_ENGINE__COUNT, "every engine needs an EMITTERS entry");

sd_status
sd_emit_sql(sd_buf *out, const sd_changelist *cl, const sd_emit_options *opts, sd_err *err)
{
    static const sd_emit_options DEFAULTS = { false };
    if (opts == NULL)
        opts = &DEFAULTS;
    if (sd_changelist_drift_count(cl) == 0)
        return SD_OK;
    sd_engine engine = sd_model_engine(sd_changelist_to(cl));
    if ((unsigned)engine >= SD_ENGINE__COUNT)
        return sd_err_set(err, SD_ERR, "internal error: unknown engine %d", (int)engine);
    const engine_emitter *e = &EMITTERS[engine];
    if (e->emit == NULL)
        return sd_err_set(err, SD_ERR_UNSUPPORTED, "%s", e->missing);

    sd_buf script = SD_BUF_INIT;
    /* Possible renames no hint covers: the script drops and adds, say so. */
    for (size_t i = 0; i < sd_changelist_suggestion_count(cl); i++) {
        sd_buf_append(&script, "-- possible rename: use --rename ");
        sd_buf_append_printable(&script, sd_changelist_suggestion_at(cl, i));
        sd_buf_putc(&script, '\n');
    }
    sd_status rc = e->emit(&script, cl, opts, err);
    if (rc == SD_OK && sd_buf_failed(&script))
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    if (rc == SD_OK) {
        sd_buf_appendn(out, sd_buf_cstr(&script), script.len);
        if (sd_buf_failed(out))
            rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    sd_buf_dispose(&script);
    return rc;
}
