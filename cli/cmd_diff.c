/*
 * cmd_diff.c: `schemadrift diff FROM TO`, which prints the complete SQL that turns the
 * schema FROM into the schema TO. Printing nothing means the schemas match; the exit status
 * is 0 either way (use `check` to test for drift).
 */
#include "cli/cli.h"
#include "diff/diff.h"
#include "emit/emit.h"

static sd_status
run_diff(const sd_cli_args *args, int *exit_out, sd_err *err)
{
    sd_status rc = SD_OK;
    sd_source from_src = SD_SOURCE_INIT;
    sd_source to_src = SD_SOURCE_INIT;
    sd_model *from = NULL;
    sd_model *to = NULL;
    sd_changelist *cl = NULL;
    sd_buf sql = SD_BUF_INIT;
    sd_pg_options pg = sd_cli_pg_options(args);
    sd_diff_options dopts = { .strict_column_order = args->strict_column_order,
                              .renames = args->renames.items,
                              .nrenames = args->renames.len };
    sd_emit_options eopts = { .quote_all_identifiers = false };

    *exit_out = SD_EXIT_OK;
    rc = sd_source_parse(&from_src, args->pos[0], err);
    if (rc != SD_OK)
        goto out;
    rc = sd_source_parse(&to_src, args->pos[1], err);
    if (rc != SD_OK)
        goto out;
    rc = sd_source_load_pair(&from, &to, &from_src, &to_src, &pg, err);
    if (rc != SD_OK)
        goto out;
    rc = sd_diff_models(&cl, from, to, &dopts, err);
    if (rc != SD_OK)
        goto out;
    rc = sd_emit_sql(&sql, cl, &eopts, err);
    if (rc != SD_OK)
        goto out;
    if (sd_buf_failed(&sql)) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory while writing the SQL");
        goto out;
    }
    rc = sd_cli_write_stdout(sd_buf_cstr(&sql), sql.len, err);
out:
    sd_buf_dispose(&sql);
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
    .options = SD_CLI_OPT_STRICT_ORDER | SD_CLI_OPT_SCHEMA | SD_CLI_OPT_EXCLUDE | SD_CLI_OPT_RENAME,
    .summary = "print the SQL that turns FROM into TO",
    .description = "Print the SQL that turns the schema FROM into the schema TO, complete and\n"
                   "runnable as it is (for SQLite: sqlite3 FROM.db < out.sql). Statements that\n"
                   "lose data are preceded by a '-- destructive:' comment. Nothing is printed\n"
                   "when the schemas match. Both sides are read at the same time, each on its\n"
                   "own connection. --schema and --exclude-schema choose the schemas read from\n"
                   "PostgreSQL sources (both sides); other sources ignore them.\n"
                   "--rename KIND:OLD=NEW renames OLD (in FROM) to NEW (in TO), keeping its\n"
                   "rows, instead of dropping it and creating NEW; KIND is table, column,\n"
                   "index, constraint, enum-value or schema (column:public.t.old=new).\n",
    .exit_status = "Exit status: 0 success (whether or not SQL was printed), 2 error.\n",
    .run = run_diff,
};
