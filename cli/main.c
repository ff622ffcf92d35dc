/*
 * main.c: the schemadrift command line. Finds the command, handles the global options
 * (--help, --version, `help COMMAND`), runs the command and maps its result to the exit
 * status: 0 success or no drift, 1 drift found (check), 2 any error. This is the only place
 * that prints errors (sd_err_print) and decides how the process ends.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "parse/parse.h"
#include "snapshots/snapshot.h"

static const sd_cli_command *const COMMANDS[] = {
    &SD_CLI_CMD_INSPECT,
    &SD_CLI_CMD_DIFF,
    &SD_CLI_CMD_CHECK,
    &SD_CLI_CMD_FILL,
};

#define NCOMMANDS (sizeof(COMMANDS) / sizeof(COMMANDS[0]))

static const sd_cli_command *
find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++) {
        if (strcmp(COMMANDS[i]->name, name) == 0)
            return COMMANDS[i];
    }
    return NULL;
}

static void
usage(sd_buf *out)
{
    sd_buf_append(out, "usage: schemadrift COMMAND [OPTIONS] [ARGUMENTS]\n\nCommands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++) {
        sd_buf left = SD_BUF_INIT;
        sd_buf_append(&left, COMMANDS[i]->name);
        for (size_t p = 0; p < COMMANDS[i]->nparams; p++)
            sd_buf_appendf(&left, " %s", COMMANDS[i]->params[p]);
        sd_buf_appendf(out, "  %-27s %s\n", sd_buf_cstr(&left), COMMANDS[i]->summary);
        if (sd_buf_failed(&left))
            out->failed = true;
        sd_buf_dispose(&left);
    }
    sd_buf_appendf(out, "  %-27s %s\n\n", "help [COMMAND]", "show help for COMMAND");
    sd_buf_append(out, "A SOURCE is one of:\n");
    sd_buf_append(out, SD_CLI_SOURCES_HELP);
    sd_buf_append(out, "\nOptions:\n");
    sd_buf_appendf(out, "  %-27s %s\n", "-h, --help", "show this help and exit");
    sd_buf_appendf(out, "  %-27s %s\n\n", "    --version", "print the version and exit");
    sd_buf_append(out, "Run 'schemadrift COMMAND --help' for the options of a command.\n"
                       "Exit status: 0 success (check: no drift), 1 drift found (check), "
                       "2 error.\n");
}

/* Print text to fp; a failed write of help text still counts as an error. */
static int
print_text(FILE *fp, const sd_buf *b, int status)
{
    sd_err err = SD_ERR_INIT;
    if (sd_buf_failed(b)) {
        (void)sd_err_set(&err, SD_ERR_NOMEM, "out of memory");
        sd_err_print(stderr, &err);
        return SD_EXIT_ERROR;
    }
    if (fp == stdout) {
        if (sd_cli_write_stdout(sd_buf_cstr(b), b->len, &err) != SD_OK) {
            sd_err_print(stderr, &err);
            return SD_EXIT_ERROR;
        }
        return status;
    }
    fputs(sd_buf_cstr(b), fp);
    return status;
}

static int
fail(const sd_err *err)
{
    sd_err_print(stderr, err);
    return SD_EXIT_ERROR;
}

static int
print_usage(FILE *fp, int status)
{
    sd_buf b = SD_BUF_INIT;
    usage(&b);
    int rc = print_text(fp, &b, status);
    sd_buf_dispose(&b);
    return rc;
}

static int
print_command_help(const sd_cli_command *cmd)
{
    sd_buf b = SD_BUF_INIT;
    sd_cli_command_help(&b, cmd);
    int rc = print_text(stdout, &b, SD_EXIT_OK);
    sd_buf_dispose(&b);
    return rc;
}

static int
unknown_command(const char *name)
{
    sd_err err = SD_ERR_INIT;
    sd_buf names = SD_BUF_INIT;
    for (size_t i = 0; i < NCOMMANDS; i++)
        sd_buf_appendf(&names, "%s%s", i > 0 ? ", " : "", COMMANDS[i]->name);
    (void)sd_err_set(&err, SD_ERR_PARSE, "unknown command \"%s\"", name);
    sd_err_hint(&err, "Commands are: %s. Run 'schemadrift --help' for usage.", sd_buf_cstr(&names));
    sd_buf_dispose(&names);
    return fail(&err);
}

/* `schemadrift help [COMMAND]` */
static int
run_help(int argc, char **argv)
{
    sd_err err = SD_ERR_INIT;
    if (argc < 2)
        return print_usage(stdout, SD_EXIT_OK);
    if (argc > 2) {
        (void)sd_err_set(&err, SD_ERR_PARSE, "unexpected argument \"%s\" for \"help\"", argv[2]);
        sd_err_hint(&err, "Usage: schemadrift help [COMMAND]");
        return fail(&err);
    }
    const sd_cli_command *cmd = find_command(argv[1]);
    if (cmd == NULL)
        return unknown_command(argv[1]);
    return print_command_help(cmd);
}

static int
run_command(const sd_cli_command *cmd, int argc, char **argv)
{
    sd_err err = SD_ERR_INIT;
    sd_cli_args args;
    int status = SD_EXIT_OK;

    sd_status rc = sd_cli_parse(&args, cmd, argc, argv, &err);
    if (rc == SD_OK && args.help)
        status = print_command_help(cmd);
    else if (rc == SD_OK)
        rc = cmd->run(&args, &status, &err);
    if (rc != SD_OK)
        status = fail(&err);
    sd_cli_args_dispose(&args);
    return status;
}

int
main(int argc, char **argv)
{
    sd_err err = SD_ERR_INIT;

    if (argc < 2)
        return print_usage(stderr, SD_EXIT_ERROR);
    const char *first = argv[1];
    if (strcmp(first, "-h") == 0 || strcmp(first, "--help") == 0)
        return print_usage(stdout, SD_EXIT_OK);
    if (strcmp(first, "--version") == 0) {
        sd_buf b = SD_BUF_INIT;
        sd_buf_append(&b, "schemadrift " SD_VERSION "\n");
        /* The libraries it runs with, as loaded (not as built against). */
        sd_introspect_versions(&b);
        sd_snapshot_versions(&b);
        sd_model_versions(&b);
        sd_report_versions(&b);
        sd_parse_versions(&b);
        int rc = print_text(stdout, &b, SD_EXIT_OK);
        sd_buf_dispose(&b);
        return rc;
    }
    if (strcmp(first, "help") == 0)
        return run_help(argc - 1, argv + 1);
    if (first[0] == '-') {
        (void)sd_err_set(&err, SD_ERR_PARSE, "unknown option \"%s\"", first);
        sd_err_hint(&err, "Options go after the command. Run 'schemadrift --help' for usage.");
        return fail(&err);
    }
    const sd_cli_command *cmd = find_command(first);
    if (cmd == NULL)
        return unknown_command(first);
    return run_command(cmd, argc - 1, argv + 1);
}
