/*
 * fuzz_diff.c: libFuzzer target for crafted snapshots through diff and emit.
 *
 * A snapshot is untrusted input: its SQL texts (view queries, trigger and function bodies,
 * defaults, CHECKs...) reach the script. Whatever reads (with or without fingerprint
 * verification, as fuzz_snapshot.c does) is diffed against an empty model of its engine
 * both ways (everything created, everything dropped) and written as a script with its plan.
 * Besides crashes and sanitizer reports it checks, with abort():
 *  - the number of statements the engine's own client splitting finds in the script equals
 *    the number the emitter wrote (sd_plan_statements()): no text smuggled in a statement;
 *    emit.c refuses such a script with an internal error, which is a bug here too (a proof
 *    of a fragment let it through);
 *  - the plan's steps tile the script: every byte in exactly one step, in order.
 * Any other refusal (a text that is not one thing of its kind, an unsupported change) is
 * fine: nothing is printed then.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff/diff.h"
#include "emit/emit.h"
#include "model/model.h"
#include "parse/parse.h"
#include "plan/plan.h"
#include "snapshots/snapshot.h"
#include "snapshots/snapshot_int.h"
#include "util/buf.h"
#include "util/err.h"

/* libFuzzer fixes this name. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size); /* NOLINT */

static void
check(bool ok)
{
    if (!ok)
        abort();
}

/* Diff from into to, write the script; check what it holds. */
static void
check_script(const sd_model *from, const sd_model *to)
{
    sd_changelist *cl = NULL;
    sd_plan *plan = NULL;
    sd_buf sql = SD_BUF_INIT;
    sd_err err = SD_ERR_INIT;
    sd_diff_options dopts = { 0 };
    if (sd_diff_models(&cl, from, to, &dopts, &err) != SD_OK) {
        sd_changelist_free(cl);
        return;
    }
    sd_emit_options eopts = { .header = "fuzz" };
    sd_status rc = sd_emit_plan(&sql, &plan, cl, &eopts, &err);
    /* A smuggled statement caught by the last check, not by the fragment's proof. */
    check(!(rc == SD_ERR && strstr(err.msg, "statements where") != NULL));
    if (rc == SD_OK) {
        size_t found = 0;
        sd_err pe = SD_ERR_INIT;
        sd_status prc = sd_model_engine(to) == SD_ENGINE_PG
                            ? sd_parse_pg_count(sd_buf_cstr(&sql), &found, &pe)
                            : sd_parse_sqlite_count(sd_buf_cstr(&sql), &found, &pe);
        check(prc == SD_OK && found == sd_plan_statements(plan));
        size_t at = 0;
        for (size_t i = 0; i < sd_plan_count(plan); i++) {
            const sd_step *s = sd_plan_at(plan, i);
            check(s->sql_start == at && s->sql_end >= s->sql_start);
            at = s->sql_end;
        }
        check(at == sql.len);
    }
    sd_plan_free(plan);
    sd_buf_dispose(&sql);
    sd_changelist_free(cl);
}

static void
check_both_ways(const sd_model *m)
{
    sd_model *empty = sd_model_new(sd_model_engine(m));
    sd_err err = SD_ERR_INIT;
    check(empty != NULL && sd_model_freeze(empty, &err) == SD_OK);
    check_script(empty, m);
    check_script(m, empty);
    sd_model_free(empty);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) /* NOLINT: libFuzzer entry point */
{
    const char *text = (const char *)data;
    sd_model *m = NULL;
    sd_err err = SD_ERR_INIT;

    sd_status rc = sd_snapshot_read(&m, text, size, "fuzz", &err);
    if (rc != SD_OK) {
        sd_err_clear(&err);
        rc = sd_snapshot__read(&m, text, size, "fuzz", SD_SNAPSHOT__NO_VERIFY, &err);
    }
    if (rc == SD_OK) {
        check_both_ways(m);
        sd_model_free(m);
    }
    return 0;
}
