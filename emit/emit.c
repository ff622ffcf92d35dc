/*
 * emit.c: the public entry point. Picks the engine's emitter from a table indexed by engine,
 * builds the script in a private buffer and appends it to the caller's buffer only when it
 * is complete, so a failure never leaves half a script behind. Knows no SQL itself.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "emit/emit_int.h"
#include "parse/parse.h"
#include "util/util.h"

typedef sd_status (*emit_fn)(sd_buf *out,
                             const sd_changelist *cl,
                             sd_plan *plan,
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

/* The header's lines as "-- " comments; a control byte in one (a label, say) is escaped so
 * that it cannot end the comment. */
static void
put_header(sd_buf *script, const char *header)
{
    for (const char *p = header; p != NULL && *p != '\0';) {
        const char *eol = strchr(p, '\n');
        size_t len = eol != NULL ? (size_t)(eol - p) : strlen(p);
        sd_buf line = SD_BUF_INIT;
        sd_buf_appendn(&line, p, len);
        sd_buf_append(script, "-- ");
        sd_buf_append_printable(script, sd_buf_cstr(&line));
        sd_buf_putc(script, '\n');
        if (sd_buf_failed(&line))
            script->failed = true;
        sd_buf_dispose(&line);
        p += len + (eol != NULL);
    }
}

/* "-- destructive: <what>" lines of a step's SQL, joined with "; " into loses. */
static void
collect_losses(sd_buf *loses, const char *sql, size_t start, size_t end)
{
    static const char MARK[] = "-- destructive: ";
    size_t i = start;
    while (i < end) {
        size_t eol = i;
        while (eol < end && sql[eol] != '\n')
            eol++;
        if (eol - i > sizeof(MARK) - 1 && memcmp(sql + i, MARK, sizeof(MARK) - 1) == 0) {
            if (loses->len > 0)
                sd_buf_append(loses, "; ");
            sd_buf_appendn(loses, sql + i + sizeof(MARK) - 1, eol - i - (sizeof(MARK) - 1));
        }
        i = eol + 1;
    }
}

/*
 * The last line of defence against SQL text that smuggles in a statement: the engine's own
 * client splitting (parse/parse.h) must find in the script exactly the statements the
 * emitter wrote. Every fragment from a model was proved one thing of its kind before it was
 * written; a difference here means one got through, and nothing is printed.
 */
static sd_status
check_statements(const sd_buf *script, sd_engine engine, const sd_plan *plan, sd_err *err)
{
    size_t found = 0;
    sd_err pe = SD_ERR_INIT;
    sd_status rc = engine == SD_ENGINE_PG ? sd_parse_pg_count(sd_buf_cstr(script), &found, &pe)
                                          : sd_parse_sqlite_count(sd_buf_cstr(script), &found, &pe);
    if (rc == SD_ERR_PARSE) {
        return sd_err_set(err, SD_ERR,
                          "internal error: the script does not split into statements: %s", pe.msg);
    }
    if (rc != SD_OK)
        return sd_err_set(err, rc, "out of memory");
    if (found != sd_plan_statements(plan)) {
        return sd_err_set(err, SD_ERR,
                          "internal error: the script would run %zu statements where %zu were "
                          "written; nothing is printed",
                          found, sd_plan_statements(plan));
    }
    return SD_OK;
}

/* Every byte of the script in one step (steps tile it from 0), and each step's losses. */
static sd_status
finish_plan(sd_plan *plan, const sd_buf *script, sd_err *err)
{
    size_t n = sd_plan_count(plan);
    if (n == 0 || sd_plan_at(plan, 0)->sql_start != 0)
        return sd_err_set(err, SD_ERR,
                          "internal error: the script's first statements are in no plan step");
    sd_plan_close(plan, script->len);
    sd_buf loses = SD_BUF_INIT;
    sd_status rc = SD_OK;
    for (size_t i = 0; i < n && rc == SD_OK; i++) {
        const sd_step *s = sd_plan_at(plan, i);
        sd_buf_reset(&loses);
        collect_losses(&loses, sd_buf_cstr(script), s->sql_start, s->sql_end);
        if (sd_buf_failed(&loses))
            rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        else if (loses.len > 0)
            rc = sd_plan_set_loses(plan, i, sd_buf_cstr(&loses), err);
    }
    sd_buf_dispose(&loses);
    return rc == SD_OK ? sd_plan_finish(plan, err) : rc;
}

sd_status
sd_emit_plan(sd_buf *out,
             sd_plan **plan_out,
             const sd_changelist *cl,
             const sd_emit_options *opts,
             sd_err *err)
{
    static const sd_emit_options DEFAULTS = { .quote_all_identifiers = false, .plain = false };
    sd_plan *plan = NULL;
    *plan_out = NULL;
    if (opts == NULL)
        opts = &DEFAULTS;
    sd_status rc = sd_plan_using_check(cl, opts->usings, opts->nusings, err);
    if (rc == SD_OK && opts->nusings > 0 && sd_model_engine(sd_changelist_to(cl)) != SD_ENGINE_PG) {
        /* SQLite retypes by rebuilding the table, whose copy takes the values as they are
         * (its columns take any value); a conversion would need SQLite's own proof that the
         * text is one expression, which the rebuild's copy does not have. */
        rc = sd_err_set(err, SD_ERR_UNSUPPORTED, "--using is not supported for %s",
                        sd_engine_name(sd_model_engine(sd_changelist_to(cl))));
        sd_err_detail(err, "SQLite changes a column's type by rebuilding its table, which copies "
                           "the values as they are.");
        sd_err_hint(err, "Leave out --using, and convert the values with UPDATE after the "
                         "migration.");
    }
    if (rc == SD_OK)
        rc = sd_plan_new(&plan, cl, err);
    if (rc != SD_OK)
        return rc;
    if (sd_changelist_drift_count(cl) == 0) {
        *plan_out = plan;
        return SD_OK;
    }
    sd_engine engine = sd_model_engine(sd_changelist_to(cl));
    if ((unsigned)engine >= SD_ENGINE__COUNT || EMITTERS[engine].emit == NULL) {
        rc = (unsigned)engine >= SD_ENGINE__COUNT
                 ? sd_err_set(err, SD_ERR, "internal error: unknown engine %d", (int)engine)
                 : sd_err_set(err, SD_ERR_UNSUPPORTED, "%s", EMITTERS[engine].missing);
        sd_plan_free(plan);
        return rc;
    }
    const engine_emitter *e = &EMITTERS[engine];

    sd_buf script = SD_BUF_INIT;
    if (rc == SD_OK && (!opts->plain || opts->header != NULL)) {
        sd_step setup = { .op = SD_STEP_SETUP, .why = SD_WHY_SCRIPT, .txn = SD_TXN_NONE };
        rc = sd_plan_append(plan, &setup, err);
        if (!opts->plain)
            sd_buf_append(&script, e->directive);
        put_header(&script, opts->header);
    }
    /* Possible renames no hint covers: the script drops and adds, say so. */
    if (rc == SD_OK && sd_changelist_suggestion_count(cl) > 0) {
        sd_step note = { .op = SD_STEP_SETUP,
                         .why = SD_WHY_SCRIPT,
                         .txn = SD_TXN_NONE,
                         .sql_start = script.len };
        rc = sd_plan_append(plan, &note, err);
        for (size_t i = 0; i < sd_changelist_suggestion_count(cl); i++) {
            sd_buf_append(&script, "-- possible rename: use --rename ");
            sd_buf_append_printable(&script, sd_changelist_suggestion_at(cl, i));
            sd_buf_putc(&script, '\n');
        }
    }
    if (rc == SD_OK)
        rc = e->emit(&script, cl, plan, opts, err);
    if (rc == SD_OK && sd_buf_failed(&script))
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    if (rc == SD_OK)
        rc = check_statements(&script, engine, plan, err);
    if (rc == SD_OK)
        rc = finish_plan(plan, &script, err);
    if (rc == SD_OK) {
        sd_buf_appendn(out, sd_buf_cstr(&script), script.len);
        if (sd_buf_failed(out))
            rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    sd_buf_dispose(&script);
    if (rc != SD_OK) {
        sd_plan_free(plan);
        return rc;
    }
    *plan_out = plan;
    return SD_OK;
}

sd_status
sd_emit_sql(sd_buf *out, const sd_changelist *cl, const sd_emit_options *opts, sd_err *err)
{
    sd_plan *plan = NULL;
    sd_status rc = sd_emit_plan(out, &plan, cl, opts, err);
    sd_plan_free(plan);
    return rc;
}
