/*
 * main.c: the schemadrift command line. Finds the command (a group such as `migrate` by its
 * next word, the subcommand), handles the global options (--help, --version, `help COMMAND
 * [SUBCOMMAND]`), runs the command and maps its result to the exit status: 0 success or no
 * drift, 1 drift found (check), 2 any error. This is the only place that prints errors
 * (sd_err_print) and decides how the process ends.
 */
#include <stdio.h>
#include <string.h>

#include <signal.h>

#include "cli/cli.h"
#include "migrate/migrate.h"
#include "parse/parse.h"
#include "snapshots/snapshot.h"

static const sd_cli_command *const COMMANDS[] = {
    &SD_CLI_CMD_INSPECT, &SD_CLI_CMD_DIFF, &SD_CLI_CMD_CHECK,
    &SD_CLI_CMD_FILL,    &SD_CLI_CMD_INIT, &SD_CLI_CMD_MIGRATE,
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

/* A group's subcommand named word ("new" of "migrate new"), or NULL. */
static const sd_cli_command *
find_subcommand(const sd_cli_command *group, const char *word)
{
    size_t n = strlen(group->name);
    for (size_t i = 0; i < group->nsubcommands; i++) {
        const char *name = group->subcommands[i]->name;
        if (strncmp(name, group->name, n) == 0 && name[n] == ' ' && strcmp(name + n + 1, word) == 0)
            return group->subcommands[i];
    }
    return NULL;
}

/* "  check EXPECTED ACTUAL       summary": a command's line in a list (name with word
 * skipped: a group lists its subcommands without the group's name). */
static void
list_line(sd_buf *out, const sd_cli_command *cmd, size_t skip)
{
    sd_buf left = SD_BUF_INIT;
    sd_buf_append(&left, cmd->name + skip);
    for (size_t p = 0; p < cmd->nparams; p++)
        sd_buf_appendf(&left, " %s", cmd->params[p]);
    sd_buf_appendf(out, "  %-27s %s\n", sd_buf_cstr(&left), cmd->summary);
    if (sd_buf_failed(&left))
        out->failed = true;
    sd_buf_dispose(&left);
}

static void
usage(sd_buf *out)
{
    sd_buf_append(out, "usage: schemadrift COMMAND [OPTIONS] [ARGUMENTS]\n\nCommands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++) {
        const sd_cli_command *cmd = COMMANDS[i];
        if (cmd->nsubcommands == 0)
            list_line(out, cmd, 0);
        for (size_t s = 0; s < cmd->nsubcommands; s++)
            list_line(out, cmd->subcommands[s], 0);
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

/* The help of a group: what it is for and its subcommands. */
static void
group_help(sd_buf *out, const sd_cli_command *group)
{
    sd_buf_appendf(out, "usage: schemadrift %s SUBCOMMAND [OPTIONS] [ARGUMENTS]\n\n", group->name);
    sd_buf_append(out, group->description);
    sd_buf_append(out, "\nSubcommands:\n");
    for (size_t s = 0; s < group->nsubcommands; s++)
        list_line(out, group->subcommands[s], strlen(group->name) + 1);
    sd_buf_appendf(out,
                   "\nRun 'schemadrift %s SUBCOMMAND --help' for the options of a subcommand.\n",
                   group->name);
    sd_buf_append(out, group->exit_status);
}

static int
print_command_help(const sd_cli_command *cmd)
{
    sd_buf b = SD_BUF_INIT;
    if (cmd->nsubcommands > 0)
        group_help(&b, cmd);
    else
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

static int
unknown_subcommand(const sd_cli_command *group, const char *word)
{
    sd_err err = SD_ERR_INIT;
    sd_buf names = SD_BUF_INIT;
    for (size_t i = 0; i < group->nsubcommands; i++) {
        sd_buf_appendf(&names, "%s%s", i > 0 ? ", " : "",
                       group->subcommands[i]->name + strlen(group->name) + 1);
    }
    if (word == NULL)
        (void)sd_err_set(&err, SD_ERR_PARSE, "\"%s\" needs a subcommand", group->name);
    else
        (void)sd_err_set(&err, SD_ERR_PARSE, "unknown subcommand \"%s\" for \"%s\"", word,
                         group->name);
    sd_err_hint(&err, "Subcommands are: %s. Run 'schemadrift %s --help' for usage.",
                sd_buf_cstr(&names), group->name);
    sd_buf_dispose(&names);
    return fail(&err);
}

/* `schemadrift help [COMMAND [SUBCOMMAND]]` */
static int
run_help(int argc, char **argv)
{
    sd_err err = SD_ERR_INIT;
    if (argc < 2)
        return print_usage(stdout, SD_EXIT_OK);
    const sd_cli_command *cmd = find_command(argv[1]);
    if (cmd == NULL)
        return unknown_command(argv[1]);
    int max = cmd->nsubcommands > 0 ? 3 : 2;
    if (argc > max) {
        (void)sd_err_set(&err, SD_ERR_PARSE, "unexpected argument \"%s\" for \"help\"", argv[max]);
        sd_err_hint(&err, "Usage: schemadrift help [COMMAND [SUBCOMMAND]]");
        return fail(&err);
    }
    if (argc == 3) {
        const sd_cli_command *sub = find_subcommand(cmd, argv[2]);
        return sub != NULL ? print_command_help(sub) : unknown_subcommand(cmd, argv[2]);
    }
    return print_command_help(cmd);
}

static int run_command(const sd_cli_command *cmd, int argc, char **argv);

/* A group: argv[1] names the subcommand, which gets the rest; --help shows the group's help. */
static int
run_group(const sd_cli_command *group, int argc, char **argv)
{
    if (argc < 2)
        return unknown_subcommand(group, NULL);
    if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)
        return print_command_help(group);
    const sd_cli_command *sub = find_subcommand(group, argv[1]);
    if (sub == NULL)
        return unknown_subcommand(group, argv[1]);
    return run_command(sub, argc - 1, argv + 1);
}

static int
run_command(const sd_cli_command *cmd, int argc, char **argv)
{
    sd_err err = SD_ERR_INIT;
    if (cmd->nsubcommands > 0)
        return run_group(cmd, argc, argv);
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

/* ^C (or SIGTERM, SIGHUP) during a replay stops it so that its scratch database is removed
 * and the command fails as usual; at any other time, or a second time, the signal ends the
 * process as it would without this handler. */
static void
on_signal(int sig)
{
    if (!sd_migrate_interrupt()) {
        signal(sig, SIG_DFL);
        raise(sig);
    }
}

static void
handle_signals(void)
{
    static const int SIGNALS[] = { SIGINT, SIGTERM, SIGHUP };
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof(SIGNALS) / sizeof(SIGNALS[0]); i++)
        sigaction(SIGNALS[i], &sa, NULL);
}

int
main(int argc, char **argv)
{
    sd_err err = SD_ERR_INIT;

    handle_signals();

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
