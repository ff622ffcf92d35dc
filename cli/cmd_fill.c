/*
 * cmd_fill.c: `schemadrift fill SOURCE [--rows N] [--seed N] [-o FILE]`, which writes SQL that
 * fills every table of SOURCE's schema with generated rows (fill/fill.h), to rehearse a migration
 * on a copy of the database that holds data: load the schema, load these rows, apply the
 * script. The schema is read as inspect reads it.
 */
#include "cli/cli.h"
#include "fill/fill.h"

static sd_status
run_fill(const sd_cli_args *args, int *exit_out, sd_err *err)
{
    sd_status rc = SD_OK;
    sd_source src = SD_SOURCE_INIT;
    sd_model *m = NULL;
    sd_buf sql = SD_BUF_INIT;
    sd_pg_options pg = sd_cli_pg_options(args);
    sd_fill_options opt = { args->rows > 0 ? args->rows : SD_FILL_DEFAULT_ROWS, args->seed };

    *exit_out = SD_EXIT_OK;
    rc = sd_source_parse(&src, args->pos[0], args, err);
    if (rc == SD_OK)
        rc = sd_cli_output_not_input(args->output, &src, 1, err);
    if (rc != SD_OK)
        goto out;
    rc = sd_source_load(&m, &src, &pg, err);
    if (rc != SD_OK)
        goto out;
    rc = sd_fill_sql(&sql, m, &opt, err);
    if (rc != SD_OK)
        goto out;
    rc = sd_cli_write_output(args->output, sd_buf_cstr(&sql), sql.len, err);
out:
    sd_buf_dispose(&sql);
    sd_model_free(m);
    sd_source_dispose(&src);
    return rc;
}

const sd_cli_command SD_CLI_CMD_FILL = {
    .name = "fill",
    .params = { "SOURCE" },
    .nparams = 1,
    .options = SD_CLI_OPT_CONFIG | SD_CLI_OPT_OUTPUT | SD_CLI_OPT_ROWS | SD_CLI_OPT_SCHEMA |
               SD_CLI_OPT_EXCLUDE,
    .summary = "write SQL that fills every table of SOURCE with generated rows",
    .description =
        "Read the schema of SOURCE and write SQL that inserts N generated rows (default 3)\n"
        "into every table: parents before children, keys that line up across foreign keys,\n"
        "values of each column's type (enum values, digits in text). Load it into a copy\n"
        "of the database built from the same schema to rehearse a migration on data before\n"
        "running it on the real thing. One statement per row: a row the schema refuses\n"
        "(a CHECK, a trigger) is skipped, not the whole load; SQLite rows use INSERT OR\n"
        "IGNORE, so load them with foreign keys on and read the errors that remain.\n"
        "The same schema gives the same SQL. With -o FILE the file is replaced atomically.\n",
    .exit_status = "Exit status: 0 success, 2 error.\n",
    .run = run_fill,
};
