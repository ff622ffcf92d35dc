/*
 * cmd_check.c: `schemadrift check EXPECTED ACTUAL`, which reports how ACTUAL differs from
 * EXPECTED (objects missing, extra or changed) and exits 1 when anything is drift. The
 * report format itself lives in report/.
 */
#include "cli/cli.h"
#include "diff/diff.h"
#include "report/report.h"

static sd_status
run_check(const sd_cli_args *args, int *exit_out, sd_err *err)
{
    sd_status rc = SD_OK;
    sd_source exp_src = SD_SOURCE_INIT;
    sd_source act_src = SD_SOURCE_INIT;
    sd_model *expected = NULL;
    sd_model *actual = NULL;
    sd_changelist *cl = NULL;
    sd_buf report = SD_BUF_INIT;
    sd_pg_options pg = sd_cli_pg_options(args);
    sd_diff_options dopts = { .strict_column_order = args->strict_column_order,
                              .renames = args->renames.items,
                              .nrenames = args->renames.len };
    sd_report_info info = { .expected = NULL, .actual = NULL };

    *exit_out = SD_EXIT_OK;
    rc = sd_source_parse(&exp_src, args->pos[0], args, err);
    if (rc != SD_OK)
        goto out;
    rc = sd_source_parse(&act_src, args->pos[1], args, err);
    if (rc == SD_OK) {
        const sd_source both[] = { exp_src, act_src };
        rc = sd_cli_output_not_input(args->output, both, 2, err);
    }
    if (rc != SD_OK)
        goto out;
    rc = sd_source_load_pair(&expected, &actual, &exp_src, &act_src, &pg, err);
    if (rc != SD_OK)
        goto out;
    /* from = EXPECTED, to = ACTUAL: a DROP is an object missing from ACTUAL. */
    rc = sd_diff_models(&cl, expected, actual, &dopts, err);
    if (rc != SD_OK)
        goto out;
    info.expected = exp_src.label;
    info.actual = act_src.label;
    rc = sd_report_write(&report, cl, &info, args->format, err);
    if (rc != SD_OK)
        goto out;
    rc = sd_cli_write_output(args->output, sd_buf_cstr(&report), report.len, err);
    if (rc != SD_OK)
        goto out;
    *exit_out = sd_changelist_drift_count(cl) > 0 ? SD_EXIT_DRIFT : SD_EXIT_OK;
out:
    sd_buf_dispose(&report);
    sd_changelist_free(cl); /* before the models it points into */
    sd_model_free(expected);
    sd_model_free(actual);
    sd_source_dispose(&exp_src);
    sd_source_dispose(&act_src);
    return rc;
}

const sd_cli_command SD_CLI_CMD_CHECK = {
    .name = "check",
    .params = { "EXPECTED", "ACTUAL" },
    .nparams = 2,
    .options = SD_CLI_OPT_CONFIG | SD_CLI_OPT_DEV_URL | SD_CLI_OPT_OUTPUT | SD_CLI_OPT_FORMAT |
               SD_CLI_OPT_STRICT_ORDER | SD_CLI_OPT_SCHEMA | SD_CLI_OPT_EXCLUDE | SD_CLI_OPT_RENAME,
    .summary = "report how ACTUAL differs from EXPECTED (drift)",
    .description = "Compare ACTUAL with EXPECTED and list every difference: objects missing from\n"
                   "ACTUAL, extra objects in ACTUAL, and objects whose definition changed (each\n"
                   "changed field with its expected and actual value), then a summary line.\n"
                   "A different column order is a note, not drift, unless --strict-column-order\n"
                   "is given. Objects schemadrift does not compare (PostgreSQL rules, operators,\n"
                   "...) are listed as 'not compared' lines, never drift. --format json prints\n"
                   "one JSON document instead. Both sides are read at the same time, each on\n"
                   "its own connection. --schema and --exclude-schema choose the schemas read\n"
                   "from PostgreSQL sources (both sides); other sources ignore them.\n"
                   "--rename KIND:OLD=NEW reports OLD (in EXPECTED) renamed NEW (in ACTUAL)\n"
                   "as one change; a column dropped and one of the same type added is noted\n"
                   "as a possible rename.\n",
    .exit_status = "Exit status: 0 no drift, 1 drift found, 2 error.\n",
    .run = run_check,
};
