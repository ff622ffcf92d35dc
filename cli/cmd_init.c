/*
 * cmd_init.c: `schemadrift init [--config FILE] [--dir DIR]`, which starts a project: a
 * commented starter config (config/config.h reads it; every setting shown with its default,
 * commented out but dir) and an empty migrations directory. Nothing that exists is replaced.
 */
#include <errno.h>
#include <string.h>

#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "config/config.h"
#include "util/fsutil.h"

/* The starter config, with the migrations directory spliced in at %s. */
static const char STARTER[] =
    "# schemadrift.yaml: schemadrift's settings for this project (README: \"Config file\").\n"
    "# ${NAME} in a value reads the environment variable NAME, so that passwords stay out of\n"
    "# this file; an unknown key or an unset variable is an error.\n"
    "\n"
    "# engine: postgresql        # postgresql or sqlite: the engine of the migrations\n"
    "# dev_url: postgresql://localhost/postgres   # PostgreSQL server for replays\n"
    "\n"
    "migrations:\n"
    "  dir: %s\n"
    "  # table: schemadrift_migrations   # the tracking table\n"
    "  # schema: public                  # its schema (PostgreSQL)\n"
    "  # lock_timeout: 10s               # ms, s, min, h or d; a bare number is ms\n"
    "  # statement_timeout: 0            # 0: none\n"
    "\n"
    "# Named databases: a name stands for its SOURCE on the command line\n"
    "# (schemadrift check staging prod).\n"
    "environments:\n"
    "  # dev: sqlite:dev.db\n"
    "  # prod: ${PROD_DATABASE_URL}\n";

/* mkdir -p dir: true when it exists as a directory afterwards; *made when init created the
 * last part (so that the message lists it). */
static bool
make_dirs(const char *dir, bool *made)
{
    char path[4096];
    size_t len = strlen(dir);
    *made = false;
    if (len >= sizeof(path))
        return false;
    memcpy(path, dir, len + 1);
    for (size_t i = 1; i <= len; i++) {
        if (path[i] != '/' && path[i] != '\0')
            continue;
        char was = path[i];
        path[i] = '\0';
        int rc = mkdir(path, 0777);
        if (rc != 0 && errno != EEXIST)
            return false;
        *made = rc == 0;
        path[i] = was;
    }
    struct stat st;
    return stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
}

static sd_status
run_init(const sd_cli_args *args, int *exit_out, sd_err *err)
{
    *exit_out = SD_EXIT_OK;
    const char *path = args->config != NULL ? args->config : SD_CONFIG_DEFAULT_PATH;
    const char *dir = args->dir != NULL ? args->dir : "migrations";
    /* The directory name goes into YAML: only names that need no quoting. */
    if (dir[0] == '\0' || strspn(dir, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                      "0123456789_-./") != strlen(dir)) {
        sd_err_set(err, SD_ERR_PARSE, "--dir \"%s\" is not a plain path", dir);
        sd_err_hint(err,
                    "Use letters, digits, '_', '-', '.' and '/', or write the config by hand.");
        return SD_ERR_PARSE;
    }
    sd_buf text = SD_BUF_INIT;
    sd_buf out = SD_BUF_INIT;
    sd_buf_appendf(&text, STARTER, dir);
    sd_status rc = sd_buf_failed(&text) ? sd_err_set(err, SD_ERR_NOMEM, "out of memory") : SD_OK;
    /* What init writes, the config reader takes: checked before anything is created. */
    sd_config *check = NULL;
    if (rc == SD_OK)
        rc = sd_config_parse(&check, sd_buf_cstr(&text), text.len, path, NULL, NULL, err);
    sd_config_free(check);
    if (rc == SD_OK)
        rc = sd_fs_write_new(path, sd_buf_cstr(&text), text.len, err);
    bool made = false;
    if (rc == SD_OK && !make_dirs(dir, &made)) {
        rc = sd_err_set(err, SD_ERR_IO, "could not create directory \"%s\": %s", dir,
                        errno == 0 || errno == EEXIST ? "a file is in the way" : strerror(errno));
        if (unlink(path) == 0)
            sd_err_detail(err, "Nothing was written (%s removed again).", path);
    }
    sd_buf_appendf(&out, "%s\n", path);
    if (made)
        sd_buf_appendf(&out, "%s/\n", dir);
    if (rc == SD_OK && sd_buf_failed(&out))
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    if (rc == SD_OK)
        rc = sd_cli_write_stdout(sd_buf_cstr(&out), out.len, err);
    sd_buf_dispose(&text);
    sd_buf_dispose(&out);
    return rc;
}

const sd_cli_command SD_CLI_CMD_INIT = {
    .name = "init",
    .options = SD_CLI_OPT_CONFIG | SD_CLI_OPT_DIR,
    .summary = "start a project: a commented schemadrift.yaml and a migrations directory",
    .description =
        "Write a starter config (--config FILE, default ./schemadrift.yaml) that lists every\n"
        "setting with its default, and create the migrations directory it names (--dir DIR,\n"
        "default migrations/) unless it exists. An existing config is never replaced. The\n"
        "paths created are printed.\n",
    .exit_status = "Exit status: 0 success, 2 error (the config exists, or cannot be written).\n",
    .run = run_init,
};
