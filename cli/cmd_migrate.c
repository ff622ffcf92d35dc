/*
 * cmd_migrate.c: the `migrate` command group (issue 15). So far one subcommand,
 * `schemadrift migrate new NAME [--dir DIR]`, which creates the next migration in the
 * directory's own layout and numbering (migrate/migrate.h, sd_migrate_new()) and prints the
 * paths it created. The runner's subcommands (up, down, status...) come later; main.c
 * dispatches a group's subcommands, so each is an ordinary sd_cli_command here.
 */
#include <time.h>

#include "cli/cli.h"
#include "config/config.h"
#include "migrate/migrate.h"
#include "util/arena.h"

static sd_status
run_new(const sd_cli_args *args, int *exit_out, sd_err *err)
{
    sd_migrate_created made;
    sd_buf text = SD_BUF_INIT;
    sd_arena *arena = sd_arena_new();
    *exit_out = SD_EXIT_OK;
    if (arena == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    /* --dir, else the config's migrations.dir (default migrations). */
    sd_config *cfg = NULL;
    /* A --config given is read (and checked) even when --dir makes its dir unneeded. */
    sd_status rc =
        args->dir != NULL && args->config == NULL ? SD_OK : sd_config_load(&cfg, args->config, err);
    const char *dir = args->dir != NULL ? args->dir : cfg != NULL ? cfg->dir : "migrations";
    if (rc == SD_OK)
        rc = sd_migrate_new(&made, arena, dir, args->pos[0], time(NULL), err);
    for (size_t i = 0; rc == SD_OK && i < made.npaths; i++)
        sd_buf_appendf(&text, "%s\n", made.paths[i]);
    if (rc == SD_OK && sd_buf_failed(&text))
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    if (rc == SD_OK)
        rc = sd_cli_write_stdout(sd_buf_cstr(&text), text.len, err);
    sd_buf_dispose(&text);
    sd_config_free(cfg);
    sd_arena_free(arena);
    return rc;
}

const sd_cli_command SD_CLI_CMD_MIGRATE_NEW = {
    .name = "migrate new",
    .params = { "NAME" },
    .nparams = 1,
    .options = SD_CLI_OPT_DIR | SD_CLI_OPT_CONFIG,
    .summary = "create the next migration file(s) in the migrations directory",
    .description =
        "Create the next migration NAME in the migrations directory (--dir, else the\n"
        "config's migrations.dir, else migrations/), in the layout and numbering its files\n"
        "already use: a golang-migrate pair VERSION_NAME.up.sql and VERSION_NAME.down.sql,\n"
        "Flyway's V<n>__NAME.sql and U<n>__NAME.sql, a dbmate file with -- migrate:up and\n"
        "-- migrate:down sections, or a single VERSION_NAME.sql. The version is the last\n"
        "one plus one, at its width (001 -> 002), or the current UTC time as\n"
        "YYYYMMDDHHMMSS when the last version is such a timestamp. An empty or missing\n"
        "directory (created, not its parents) gets a golang-migrate pair numbered 0001.\n"
        "Each file starts with a comment saying what goes in it. Existing files are never\n"
        "overwritten; the paths created are printed.\n",
    .params_help = "NAME names the migration: letters, digits, '_' and '-'.\n",
    .exit_status = "Exit status: 0 success, 2 error.\n",
    .run = run_new,
};

static const sd_cli_command *const MIGRATE_SUBCOMMANDS[] = {
    &SD_CLI_CMD_MIGRATE_NEW,
};

const sd_cli_command SD_CLI_CMD_MIGRATE = {
    .name = "migrate",
    .summary = "migration files (see 'schemadrift migrate --help')",
    .description = "Work with a directory of migration files. The layouts read as they are:\n"
                   "golang-migrate (NNNN_name.up.sql + NNNN_name.down.sql), Flyway\n"
                   "(V<ver>__name.sql, U<ver>__name.sql, R__name.sql), dbmate (NNNN_name.sql\n"
                   "with -- migrate:up and -- migrate:down), and single NNNN_name.sql files\n"
                   "with no down. One layout per directory.\n",
    .exit_status = "Exit status: 0 success, 2 error.\n",
    .subcommands = MIGRATE_SUBCOMMANDS,
    .nsubcommands = sizeof(MIGRATE_SUBCOMMANDS) / sizeof(MIGRATE_SUBCOMMANDS[0]),
};
