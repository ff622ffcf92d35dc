/*
 * cmd_diff.c: `schemadrift diff FROM TO`, which prints the complete SQL that turns the
 * schema FROM into the schema TO. Printing nothing means the schemas match; the exit status
 * is 0 either way (use `check` to test for drift).
 */
#include <stdlib.h>

#include "cli/cli.h"
#include "diff/diff.h"
#include "emit/emit.h"
#include "introspect/introspect.h"
#include "report/report.h"

/*
 * Preflight: when FROM is a live database, count the rows each data-dependent step would
 * refuse (read-only queries) and fail, naming every blocker, before anything is printed:
 * the script's guards would refuse it anyway, later and one at a time.
 */
static sd_status
preflight(const sd_source *from, const sd_plan *plan, const sd_emit_options *opts, sd_err *err)
{
    if (from->kind != SD_SOURCE_SQLITE && from->kind != SD_SOURCE_POSTGRES)
        return SD_OK; /* a snapshot holds no rows */
    sd_preflight_list checks = SD_VEC_INIT;
    const char **queries = NULL;
    bool *optional = NULL;
    long long *counts = NULL;
    sd_buf blockers = SD_BUF_INIT;
    sd_status rc = sd_emit_preflight(plan, opts, &checks, err);
    if (rc != SD_OK || checks.len == 0)
        goto out;
    queries = calloc(checks.len, sizeof(*queries));
    optional = calloc(checks.len, sizeof(*optional));
    counts = calloc(checks.len, sizeof(*counts));
    if (queries == NULL || optional == NULL || counts == NULL) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < checks.len; i++) {
        queries[i] = checks.items[i].query;
        optional[i] = checks.items[i].optional;
    }
    rc = from->kind == SD_SOURCE_SQLITE
             ? sd_sqlite_counts(from->target, queries, optional, checks.len, counts, err)
             : sd_pg_counts(from->conn, queries, optional, checks.len, counts, err);
    if (rc != SD_OK && from->kind == SD_SOURCE_POSTGRES)
        sd_conn_mask(from->conn, err); /* as sd_source_load() does */
    if (rc != SD_OK)
        goto out;
    size_t nblocked = 0;
    for (size_t i = 0; i < checks.len; i++) {
        if (counts[i] <= 0) /* -1: an optional query the database refused */
            continue;
        if (nblocked++ > 0)
            sd_buf_append(&blockers, "; ");
        sd_preflight_blocker(&blockers, &checks.items[i], counts[i]);
    }
    if (sd_buf_failed(&blockers)) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    } else if (nblocked > 0) {
        rc = sd_err_set(err, SD_ERR, "%s holds rows the target refuses: %s", from->label,
                        sd_buf_cstr(&blockers));
        sd_err_hint(err, "Fix those rows first, or pass --no-preflight to print the script "
                         "anyway (its guards refuse to run while the rows are there).");
    }
out:
    free(queries);
    free(optional);
    free(counts);
    sd_preflight_list_dispose(&checks);
    sd_buf_dispose(&blockers);
    return rc;
}

static sd_status
run_diff(const sd_cli_args *args, int *exit_out, sd_err *err)
{
    sd_status rc = SD_OK;
    sd_source from_src = SD_SOURCE_INIT;
    sd_source to_src = SD_SOURCE_INIT;
    sd_model *from = NULL;
    sd_model *to = NULL;
    sd_changelist *cl = NULL;
    sd_plan *plan = NULL;
    sd_buf sql = SD_BUF_INIT;
    sd_buf json = SD_BUF_INIT;
    sd_pg_options pg = sd_cli_pg_options(args);
    sd_diff_options dopts = { .strict_column_order = args->strict_column_order,
                              .renames = args->renames.items,
                              .nrenames = args->renames.len };
    sd_emit_options eopts = { .quote_all_identifiers = false,
                              .plain = args->plain,
                              .usings = args->usings.items,
                              .nusings = args->usings.len };

    *exit_out = SD_EXIT_OK;
    rc = sd_source_parse(&from_src, args->pos[0], args, err);
    if (rc != SD_OK)
        goto out;
    rc = sd_source_parse(&to_src, args->pos[1], args, err);
    if (rc == SD_OK) {
        const sd_source both[] = { from_src, to_src };
        rc = sd_cli_output_not_input(args->output, both, 2, err);
    }
    if (rc != SD_OK)
        goto out;
    rc = sd_source_load_pair(&from, &to, &from_src, &to_src, &pg, err);
    if (rc != SD_OK)
        goto out;
    rc = sd_diff_models(&cl, from, to, &dopts, err);
    if (rc != SD_OK)
        goto out;
    sd_buf header = SD_BUF_INIT;
    sd_buf_appendf(&header, "schemadrift %s: the SQL that turns %s into %s", SD_VERSION,
                   from_src.label, to_src.label);
    eopts.header = sd_buf_failed(&header) ? NULL : sd_buf_cstr(&header);
    rc = sd_emit_plan(&sql, &plan, cl, &eopts, err);
    if (rc == SD_OK && sd_buf_failed(&header))
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    sd_buf_dispose(&header);
    if (rc != SD_OK)
        goto out;
    if (sd_buf_failed(&sql)) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory while writing the SQL");
        goto out;
    }
    if (!args->no_preflight) {
        rc = preflight(&from_src, plan, &eopts, err);
        if (rc != SD_OK)
            goto out;
    }
    if (args->exit_code && sql.len > 0)
        *exit_out = SD_EXIT_DRIFT; /* set now: a failed write below still exits 2 */
    if (args->format == SD_REPORT_JSON) {
        sd_plan_info info = { .from = from_src.label, .to = to_src.label };
        rc = sd_report_plan(&json, plan, sd_buf_cstr(&sql), &info, err);
        if (rc == SD_OK)
            rc = sd_cli_write_output(args->output, sd_buf_cstr(&json), json.len, err);
        goto out;
    }
    rc = sd_cli_write_output(args->output, sd_buf_cstr(&sql), sql.len, err);
out:
    sd_buf_dispose(&json);
    sd_buf_dispose(&sql);
    sd_plan_free(plan);
    sd_changelist_free(cl); /* before the models it points into */
    sd_model_free(from);
    sd_model_free(to);
    sd_source_dispose(&from_src);
    sd_source_dispose(&to_src);
    return rc;
}

const sd_cli_command SD_CLI_CMD_DIFF = {
    .name = "diff",
    .params = { "FROM", "TO" },
    .nparams = 2,
    .options = SD_CLI_OPT_CONFIG | SD_CLI_OPT_DEV_URL | SD_CLI_OPT_OUTPUT |
               SD_CLI_OPT_STRICT_ORDER | SD_CLI_OPT_SCHEMA | SD_CLI_OPT_EXCLUDE | SD_CLI_OPT_PLAIN |
               SD_CLI_OPT_FORMAT | SD_CLI_OPT_NO_PREFLIGHT | SD_CLI_OPT_RENAME |
               SD_CLI_OPT_EXIT_CODE | SD_CLI_OPT_USING,
    .summary = "print the SQL that turns FROM into TO",
    .description = "Print the SQL that turns the schema FROM into the schema TO, complete and\n"
                   "runnable as it is (for SQLite: sqlite3 FROM.db < out.sql). The first line\n"
                   "makes the client stop at the first error (.bail on for sqlite3,\n"
                   "\\set ON_ERROR_STOP on for psql); --plain leaves it out, for drivers and\n"
                   "executescript, which stop at the first error anyway. A comment after it\n"
                   "names the schemadrift version and both sides. --format json prints\n"
                   "the plan instead: the same statements as steps, each with what it does\n"
                   "(README.md, JSON plan format). Statements that\n"
                   "lose data are preceded by a '-- destructive:' comment. Nothing is printed\n"
                   "when the schemas match. Both sides are read at the same time, each on its\n"
                   "own connection. --schema and --exclude-schema choose the schemas read from\n"
                   "PostgreSQL sources (both sides); other sources ignore them.\n"
                   "--rename KIND:OLD=NEW renames OLD (in FROM) to NEW (in TO), keeping its\n"
                   "rows, instead of dropping it and creating NEW; KIND is table, column,\n"
                   "index, constraint, enum-value or schema (column:public.t.old=new).\n"
                   "--using t.c=EXPR converts a retyped column's values with EXPR (PostgreSQL:\n"
                   "ALTER COLUMN ... TYPE ... USING (EXPR)). A column whose new type no cast\n"
                   "reaches is otherwise dropped and added again, which the script refuses\n"
                   "while the column holds any value.\n",
    .exit_status = "Exit status: 0 success (whether or not SQL was printed; with --exit-code: 1\n"
                   "when there is SQL to print, 0 when there is none), 2 error (also when\n"
                   "FROM is a database whose rows the target refuses: every such row is named\n"
                   "before anything is printed; --no-preflight skips that check).\n",
    .run = run_diff,
};
