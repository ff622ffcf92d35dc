/*
 * cli.h: declarations shared by the files of the schemadrift command-line tool. Internal to
 * cli/: no module includes it. The CLI is the only place that parses argv, prints to
 * stdout/stderr and chooses the exit status; everything it calls returns an sd_status.
 *
 * Pieces:
 *   main.c     command table, global options (--help, --version), dispatch, error printing
 *   args.c     option parsing shared by every command, and the generated --help text
 *   source.c   SOURCE arguments: which kind of source a string names, how to load it, and
 *              the redacted label that messages and reports show
 *   output.c   writing results to standard output with errors checked
 *   cmd_*.c    one file per command (cmd_migrate.c: the `migrate` group and its
 *              subcommands); each fills in an sd_cli_command
 */
#ifndef SD_CLI_CLI_H
#define SD_CLI_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "config/config.h"
#include "conn/conn.h"
#include "introspect/introspect.h"
#include "model/model.h"
#include "plan/plan.h"
#include "report/report.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/vec.h"

/* Exit statuses (README.md documents them). */
#define SD_EXIT_OK    0 /* success; for check: no drift */
#define SD_EXIT_DRIFT 1 /* check found drift */
#define SD_EXIT_ERROR 2 /* any error, including bad usage */

/* ---- sources ---- */

/*
 * Kinds of SOURCE. Adding one (a migrations directory, a config environment name) is a new
 * value here, an entry in source.c's kind table and a rule in its recognizer list.
 */
typedef enum sd_source_kind {
    SD_SOURCE_SQLITE = 0, /* a SQLite database file (PATH.db, .sqlite, .sqlite3, sqlite:PATH) */
    SD_SOURCE_SNAPSHOT,   /* a snapshot written by `schemadrift inspect` (PATH.yaml, .yml) */
    SD_SOURCE_POSTGRES,   /* a PostgreSQL URL or conninfo string, parsed by libpq (conn/) */
    SD_SOURCE_MIGRATIONS, /* a migrations directory (migrations:DIR[@V], or a directory path),
                             replayed into a scratch database (migrate/) */
    SD_SOURCE__COUNT
    /* An environment of the config (schemadrift.yaml) is no kind of its own: its name stands
     * for its url, which is one of the kinds above. */
} sd_source_kind;

typedef struct sd_source {
    sd_source_kind kind;  /* what the argument names */
    const char *arg;      /* the argument as given; may hold a password: never print it */
    const char *target;   /* what the loader opens: a path, or the connection string */
    char *label;          /* safe to print: the path, or conn/'s label of a connection string */
    sd_conn_params *conn; /* SD_SOURCE_POSTGRES: the source as libpq parsed it (owned) */
    char *env_url;        /* an environment's url, when arg names one (owned; secret) */
    char *mig_dir;        /* SD_SOURCE_MIGRATIONS: the directory (owned; target points here) */
    const char *mig_upto; /* its @VERSION (in mig_dir's allocation), or NULL: every migration */
    bool has_engine;      /* SD_SOURCE_MIGRATIONS: engine known (the config's engine:) */
    sd_engine engine;     /* the engine the migrations are replayed on */
    char *dev_url;        /* SD_SOURCE_MIGRATIONS: --dev-url (owned; secret) */
    sd_config *cfg;       /* SD_SOURCE_MIGRATIONS: the config, for its dev_url (owned) */
} sd_source;

#define SD_SOURCE_INIT                                                                             \
    {                                                                                              \
        SD_SOURCE__COUNT, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, SD_ENGINE_SQLITE, NULL, \
            NULL                                                                                   \
    }

/*
 * Decide what kind of source arg names (without touching the file system or network, but
 * for the config); a PostgreSQL source is parsed by libpq here (sd_conn_parse()). An
 * argument of no known form that names an environment of the config (args->config: --config's
 * file; NULL, or args NULL: ./schemadrift.yaml when it exists) stands for that environment's url,
 * and is labelled "NAME (its url's label)". out->label is malloc'd; release with
 * sd_source_dispose() whatever the result. SD_ERR_PARSE with a hint listing the accepted
 * forms when arg matches no kind, conn/'s SD_ERR_PARSE when libpq refuses a PostgreSQL
 * source or a URL holds an '@' libpq would misread, and config/'s errors.
 */
typedef struct sd_cli_args sd_cli_args;
SD_MUST_CHECK sd_status sd_source_parse(sd_source *out,
                                        const char *arg,
                                        const sd_cli_args *args,
                                        sd_err *err);
/*
 * Read the source into a new frozen model (caller frees). pg applies to PostgreSQL sources
 * only (NULL: every non-system schema); other kinds ignore it. Errors name the source by its
 * label or a redacted connection description, never by anything that holds a password:
 * for a PostgreSQL source every password the argument or PGPASSWORD carries is also masked
 * out of the error as a last line of defence. Thread-safe: touches nothing but its
 * arguments, so two sources can load at once.
 */
SD_MUST_CHECK sd_status sd_source_load(sd_model **out,
                                       const sd_source *src,
                                       const sd_pg_options *pg,
                                       sd_err *err);
/*
 * Load two sources that are to be compared, concurrently: b in a thread of its own (so on
 * its own connection), a in the calling thread, each into its own model and sd_err. When
 * both fail, a's error is reported. SD_ERR naming both sources and engines when they
 * describe different database engines. On error both outputs are NULL.
 */
SD_MUST_CHECK sd_status sd_source_load_pair(sd_model **a_out,
                                            sd_model **b_out,
                                            const sd_source *a,
                                            const sd_source *b,
                                            const sd_pg_options *pg,
                                            sd_err *err);
void sd_source_dispose(sd_source *src); /* accepts a disposed or SD_SOURCE_INIT source */

/* The lines listing the accepted SOURCE forms, for usage texts (after a heading line). */
extern const char SD_CLI_SOURCES_HELP[];

/* ---- commands and options ---- */

/* Options a command accepts (bit per option). */
#define SD_CLI_OPT_HELP         1u     /* -h, --help */
#define SD_CLI_OPT_OUTPUT       2u     /* -o, --output FILE */
#define SD_CLI_OPT_FORMAT       4u     /* --format text|json */
#define SD_CLI_OPT_STRICT_ORDER 8u     /* --strict-column-order */
#define SD_CLI_OPT_SCHEMA       16u    /* --schema NAME (repeatable) */
#define SD_CLI_OPT_EXCLUDE      32u    /* --exclude-schema NAME (repeatable) */
#define SD_CLI_OPT_PLAIN        64u    /* --plain: no client directive atop a script */
#define SD_CLI_OPT_NO_PREFLIGHT 128u   /* --no-preflight: diff does not query FROM's rows */
#define SD_CLI_OPT_RENAME       256u   /* --rename KIND:OLD=NEW (repeatable) */
#define SD_CLI_OPT_ROWS         512u   /* --rows N, --seed N (fill) */
#define SD_CLI_OPT_EXIT_CODE    1024u  /* --exit-code: diff exits 1 when it has SQL to print */
#define SD_CLI_OPT_USING        2048u  /* --using [SCHEMA.]TABLE.COLUMN=EXPR (repeatable) */
#define SD_CLI_OPT_CONFIG       4096u  /* --config FILE (schemadrift.yaml) */
#define SD_CLI_OPT_DIR          8192u  /* --dir DIR: the migrations directory */
#define SD_CLI_OPT_DEV_URL      16384u /* --dev-url URL: where migrations are replayed */

#define SD_CLI_MAX_PARAMS 2 /* most positional arguments a command takes */

/* A command line after parsing. */
struct sd_cli_args {
    const char *pos[SD_CLI_MAX_PARAMS]; /* positional arguments, as given */
    size_t npos;                        /* number of positional arguments */
    const char *output;                 /* -o FILE; NULL (or "-") means standard output */
    const char *config;                 /* --config FILE; NULL: ./schemadrift.yaml if present */
    const char *dev_url;                /* --dev-url URL; NULL when not given */
    sd_report_format format;            /* --format; SD_REPORT_TEXT by default */
    bool strict_column_order;           /* --strict-column-order */
    bool plain;                         /* --plain */
    bool no_preflight;                  /* --no-preflight */
    bool exit_code;                     /* --exit-code */
    const char *dir;                    /* --dir DIR; NULL when not given */
    size_t rows;                        /* --rows N; 0 when not given */
    unsigned long long seed;            /* --seed N; 0 when not given */
    bool help;                          /* -h/--help: show the help, run nothing */
    SD_VEC(const char *) schemas;       /* --schema values, in order (point into argv) */
    SD_VEC(const char *) exclude;       /* --exclude-schema values, in order */
    SD_VEC(const char *) renames;       /* --rename hints, in order (point into argv) */
    SD_VEC(sd_using) usings;            /* --using, in order (names owned, expr in argv) */
};

typedef struct sd_cli_command sd_cli_command;
struct sd_cli_command {
    const char *name;                      /* "check"; a subcommand's is "migrate new" */
    const char *params[SD_CLI_MAX_PARAMS]; /* positional parameter names ("EXPECTED") */
    size_t nparams;                        /* how many positional arguments it needs (exactly) */
    unsigned options;                      /* SD_CLI_OPT_* it accepts (help is always accepted) */
    const char *summary;                   /* one line for the command list */
    const char *description;               /* paragraph(s) for --help, each line ending in \n */
    const char *exit_status;               /* "Exit status: ..." line for --help */
    /* For --help: what the parameters are; NULL when they are SOURCEs (the list of forms). */
    const char *params_help;
    /* A group (`migrate`): its subcommands, one of which argv's next word names; a group has
     * no parameters, options or run of its own (main.c dispatches). */
    const sd_cli_command *const *subcommands;
    size_t nsubcommands;
    /* Do the work. On SD_OK *exit_out is SD_EXIT_OK or SD_EXIT_DRIFT. */
    sd_status (*run)(const sd_cli_args *args, int *exit_out, sd_err *err);
};

extern const sd_cli_command SD_CLI_CMD_INSPECT;
extern const sd_cli_command SD_CLI_CMD_DIFF;
extern const sd_cli_command SD_CLI_CMD_CHECK;
extern const sd_cli_command SD_CLI_CMD_FILL;
extern const sd_cli_command SD_CLI_CMD_INIT;
extern const sd_cli_command SD_CLI_CMD_MIGRATE; /* the group; SD_CLI_CMD_MIGRATE_NEW in it */
extern const sd_cli_command SD_CLI_CMD_MIGRATE_NEW;

/*
 * Parse argv[1..argc) (argv[0] is the command name) for cmd. Options may come before or
 * after positional arguments; "--" ends options; "--opt=value", "--opt value", "-o value"
 * and "-ovalue" all work. Parsing stops at -h/--help (out->help). SD_ERR_PARSE naming the
 * offending argument, with a hint, for an unknown option, a missing or unexpected value,
 * or a wrong number of positional arguments. Release *out with sd_cli_args_dispose()
 * whatever the result.
 */
SD_MUST_CHECK sd_status
sd_cli_parse(sd_cli_args *out, const sd_cli_command *cmd, int argc, char **argv, sd_err *err);
void sd_cli_args_dispose(sd_cli_args *args);
/* The PostgreSQL introspection options the arguments ask for (pointing into args). */
sd_pg_options sd_cli_pg_options(const sd_cli_args *args);
/* "schemadrift check EXPECTED ACTUAL [--format text|json] [--strict-column-order]" */
void sd_cli_synopsis(sd_buf *out, const sd_cli_command *cmd);
/* The full --help text of a command. */
void sd_cli_command_help(sd_buf *out, const sd_cli_command *cmd);

/* Write len bytes to standard output and flush; SD_ERR_IO when that fails. */
SD_MUST_CHECK sd_status sd_cli_write_stdout(const char *data, size_t len, sd_err *err);
/* SD_ERR_PARSE when the -o file output is one of the file sources (the same file by device
 * and inode, through links too): writing it would replace the input. Checked before anything
 * is read. */
SD_MUST_CHECK sd_status sd_cli_output_not_input(const char *output,
                                                const sd_source *sources,
                                                size_t nsources,
                                                sd_err *err);
/* Write len bytes to the -o file output (replaced atomically; an existing file keeps its mode, a
 * link is written through), or to standard output when output is NULL or "-". */
SD_MUST_CHECK sd_status sd_cli_write_output(const char *output,
                                            const char *data,
                                            size_t len,
                                            sd_err *err);

#endif
