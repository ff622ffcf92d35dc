/*
 * cmd_inspect.c: `schemadrift inspect SOURCE [-o FILE]`, which writes the source's schema
 * as a canonical snapshot (YAML) to FILE, replaced atomically, or to standard output.
 */
#include "cli/cli.h"
#include "snapshots/snapshot.h"

static sd_status
run_inspect(const sd_cli_args *args, int *exit_out, sd_err *err)
{
    sd_status rc = SD_OK;
    sd_source src = SD_SOURCE_INIT;
    sd_model *m = NULL;
    sd_buf yaml = SD_BUF_INIT;
    sd_pg_options pg = sd_cli_pg_options(args);

    *exit_out = SD_EXIT_OK;
    rc = sd_source_parse(&src, args->pos[0], args, err);
    if (rc == SD_OK)
        rc = sd_cli_output_not_input(args->output, &src, 1, err);
    if (rc != SD_OK)
        goto out;
    rc = sd_source_load(&m, &src, &pg, err);
    if (rc != SD_OK)
        goto out;
    rc = sd_snapshot_write(&yaml, m, err);
    if (rc != SD_OK)
        goto out;
    if (sd_buf_failed(&yaml)) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory while writing the snapshot");
        goto out;
    }
    rc = sd_cli_write_output(args->output, sd_buf_cstr(&yaml), yaml.len, err);
out:
    sd_buf_dispose(&yaml);
    sd_model_free(m);
    sd_source_dispose(&src);
    return rc;
}

const sd_cli_command SD_CLI_CMD_INSPECT = {
    .name = "inspect",
    .params = { "SOURCE" },
    .nparams = 1,
    .options = SD_CLI_OPT_CONFIG | SD_CLI_OPT_DEV_URL | SD_CLI_OPT_OUTPUT | SD_CLI_OPT_SCHEMA |
               SD_CLI_OPT_EXCLUDE,
    .summary = "write the schema of SOURCE as a snapshot (YAML)",
    .description = "Read the schema of SOURCE and write it as a snapshot: canonical YAML that\n"
                   "is the same bytes for the same schema, suitable for version control and\n"
                   "as the EXPECTED side of 'schemadrift check'. With -o FILE the file is\n"
                   "replaced atomically; without it the snapshot goes to standard output.\n"
                   "--schema and --exclude-schema choose the schemas read from a PostgreSQL\n"
                   "SOURCE; other sources ignore them.\n",
    .exit_status = "Exit status: 0 success, 2 error.\n",
    .run = run_inspect,
};
