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
    emit_fn emit;          /* the engine's emitter, or NULL when there is none yet */
    const char *missing;   /* message when emit is NULL */
    const char *directive; /* first line: the engine's shell stops at the first error */
} engine_emitter;

/* Without the directive, `sqlite3 db < fix.sql` and psql go on after a failed statement
 * (and SQLite would then run the DROP and the COMMIT that follow); pg_dump's output carries
 * psql meta-commands the same way. --plain leaves it out for drivers, which stop anyway. */
static const engine_emitter EMITTERS[] = {
    [SD_ENGINE_SQLITE] = { .emit = sd_emit__sqlite, .directive = ".bail on\n" },
    [SD_ENGINE_PG] = { .emit = sd_emit__pg, .directive = "\\set ON_ERROR_STOP on\n" },
};
_Static_assert(SD_ARRAY_LEN(EMITTERS) == SD_ENGINE__COUNT, "every engine needs an EMITTERS entry");

sd_status
sd_emit_sql(sd_buf *out, const sd_changelist *cl, const sd_emit_options *opts, sd_err *err)
{
    static const sd_emit_options DEFAULTS = { .quote_all_identifiers = false, .plain = false };
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
    if (!opts->plain)
        sd_buf_append(&script, e->directive);
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
