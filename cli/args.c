/*
 * args.c: command-line option parsing shared by every command, and the --help text built
 * from the same option table, so that the parser and the help cannot disagree.
 *
 * Not getopt: options and positional arguments mix freely (POSIX getopt stops at the first
 * positional), "--" ends options, and an unknown option is reported with the command it was
 * given to. Nothing here prints; errors come back in sd_err.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

typedef struct opt_info {
    const char *long_name; /* without the leading "--" */
    const char *value;     /* value placeholder ("FILE"); NULL for a flag */
    const char *synopsis;  /* "[-o FILE]" in the usage line; NULL to leave out */
    const char *help;      /* one line in the option list */
    unsigned bit;          /* SD_CLI_OPT_* */
    char short_name;       /* 'o' for -o, or 0 */
} opt_info;

static const opt_info OPTIONS[] = {
    { .bit = SD_CLI_OPT_OUTPUT,
      .long_name = "output",
      .short_name = 'o',
      .value = "FILE",
      .synopsis = "[-o FILE]",
      .help = "write to FILE (replaced atomically) instead of standard output" },
    { .bit = SD_CLI_OPT_FORMAT,
      .long_name = "format",
      .value = "FORMAT",
      .synopsis = "[--format text|json]",
      .help = "report format: text (default) or json" },
    { .bit = SD_CLI_OPT_STRICT_ORDER,
      .long_name = "strict-column-order",
      .synopsis = "[--strict-column-order]",
      .help = "count a different column order as drift, not as a note" },
    { .bit = SD_CLI_OPT_SCHEMA,
      .long_name = "schema",
      .value = "NAME",
      .synopsis = "[--schema NAME]...",
      .help = "PostgreSQL: read only schema NAME (repeatable)" },
    { .bit = SD_CLI_OPT_EXCLUDE,
      .long_name = "exclude-schema",
      .value = "NAME",
      .synopsis = "[--exclude-schema NAME]...",
      .help = "PostgreSQL: never read schema NAME (repeatable)" },
    { .bit = SD_CLI_OPT_PLAIN,
      .long_name = "plain",
      .synopsis = "[--plain]",
      .help = "leave out the first line that makes sqlite3/psql stop at the first error" },
    { .bit = SD_CLI_OPT_NO_PREFLIGHT,
      .long_name = "no-preflight",
      .synopsis = "[--no-preflight]",
      .help = "do not check FROM's rows against the target before printing" },
    { .bit = SD_CLI_OPT_EXIT_CODE,
      .long_name = "exit-code",
      .synopsis = "[--exit-code]",
      .help = "exit 1 when there is SQL to print (as git diff --exit-code)" },
    { .bit = SD_CLI_OPT_RENAME,
      .long_name = "rename",
      .value = "KIND:OLD=NEW",
      .synopsis = "[--rename KIND:OLD=NEW]...",
      .help = "OLD (first side) was renamed NEW: one rename, not a drop and a create" },
    { .bit = SD_CLI_OPT_USING,
      .long_name = "using",
      .value = "[SCHEMA.]TABLE.COLUMN=EXPR",
      .synopsis = "[--using [SCHEMA.]TABLE.COLUMN=EXPR]...",
      .help = "PostgreSQL: convert a retyped column's values with EXPR (ALTER ... TYPE ... "
              "USING)" },
    { .bit = SD_CLI_OPT_CONFIG,
      .long_name = "config",
      .value = "FILE",
      .synopsis = "[--config FILE]",
      .help = "the config file (default: ./schemadrift.yaml when it exists)" },
    { .bit = SD_CLI_OPT_DEV_URL,
      .long_name = "dev-url",
      .value = "URL",
      .synopsis = "[--dev-url URL]",
      .help = "PostgreSQL server where a migrations directory is replayed (default: the "
              "config's dev_url)" },
    { .bit = SD_CLI_OPT_ROWS,
      .long_name = "rows",
      .value = "N",
      .synopsis = "[--rows N]",
      .help = "rows to generate per table (default 3)" },
    { .bit = SD_CLI_OPT_ROWS,
      .long_name = "seed",
      .value = "N",
      .synopsis = "[--seed N]",
      .help = "number the generated rows from N+1 on (default 0)" },
    { .bit = SD_CLI_OPT_DIR,
      .long_name = "dir",
      .value = "DIR",
      .synopsis = "[--dir DIR]",
      .help = "the migrations directory (default: the config's migrations.dir, else migrations)" },
    { .bit = SD_CLI_OPT_HELP,
      .long_name = "help",
      .short_name = 'h',
      .help = "show this help and exit" },
};

static bool
accepts(const sd_cli_command *cmd, const opt_info *o)
{
    return o->bit == SD_CLI_OPT_HELP || (cmd->options & o->bit) != 0;
}

static const opt_info *
find_long(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof(OPTIONS) / sizeof(OPTIONS[0]); i++) {
        if (strlen(OPTIONS[i].long_name) == len && strncmp(OPTIONS[i].long_name, name, len) == 0)
            return &OPTIONS[i];
    }
    return NULL;
}

static const opt_info *
find_short(char c)
{
    for (size_t i = 0; i < sizeof(OPTIONS) / sizeof(OPTIONS[0]); i++) {
        if (OPTIONS[i].short_name != 0 && OPTIONS[i].short_name == c)
            return &OPTIONS[i];
    }
    return NULL;
}

static sd_status
usage_error(sd_err *err, const sd_cli_command *cmd)
{
    sd_err_hint(err, "Run 'schemadrift %s --help' for usage.", cmd->name);
    return err->code;
}

/*
 * --using [SCHEMA.]TABLE.COLUMN=EXPR: the name before the first '=', split at its dots (names
 * as the catalog has them, unquoted), and the expression, which parse/ proves one expression
 * before it reaches a script. Whether the column is retyped is the emitter's check.
 */
static sd_status
add_using(sd_cli_args *out, const char *v, sd_err *err)
{
    const char *eq = strchr(v, '=');
    char *names = eq != NULL ? strndup(v, (size_t)(eq - v)) : NULL;
    char *parts[3] = { 0 };
    size_t n = 0;
    bool ok = names != NULL && eq[1] != '\0';
    for (char *p = names; ok && p != NULL; n++) {
        if (n == 3) {
            ok = false;
            break;
        }
        parts[n] = p;
        p = strchr(p, '.');
        if (p != NULL)
            *p++ = '\0';
        ok = parts[n][0] != '\0';
    }
    if (!ok || n < 2) {
        free(names);
        if (eq != NULL && names == NULL)
            return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        sd_status rc = sd_err_set(err, SD_ERR_PARSE, "invalid --using \"%s\"", v);
        sd_err_hint(err, "Write --using TABLE.COLUMN=EXPR or --using SCHEMA.TABLE.COLUMN=EXPR.");
        return rc;
    }
    sd_using u = { .schema = n == 3 ? parts[0] : NULL,
                   .table = parts[n - 2],
                   .column = parts[n - 1],
                   .expr = eq + 1 };
    if (sd_vec_push(&out->usings, u) != SD_OK) {
        free(names);
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    return SD_OK;
}

/* --schema and --exclude-schema: a non-empty name, kept in order (duplicates are harmless). */
static sd_status
add_schema(sd_cli_args *out,
           const sd_cli_command *cmd,
           const opt_info *o,
           const char *v,
           sd_err *err)
{
    if (v[0] == '\0') {
        (void)sd_err_set(err, SD_ERR_PARSE, "option \"--%s\" needs a schema name", o->long_name);
        return usage_error(err, cmd);
    }
    sd_status rc =
        o->bit == SD_CLI_OPT_SCHEMA ? sd_vec_push(&out->schemas, v) : sd_vec_push(&out->exclude, v);
    if (rc != SD_OK)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    return SD_OK;
}

/* --rows N: a whole number from 1 to 1000000 (more rows make a script nobody can load);
 * --seed N: from 0 to 1000000000 (dates and addresses derive from the row numbers). */
static sd_status
parse_rows(sd_cli_args *out,
           const sd_cli_command *cmd,
           const opt_info *o,
           const char *v,
           sd_err *err)
{
    char *end = NULL;
    bool seed = strcmp(o->long_name, "seed") == 0;
    unsigned long long min = seed ? 0 : 1;
    unsigned long long max = seed ? 1000000000ULL : 1000000ULL;
    errno = 0;
    unsigned long long n = v[0] >= '0' && v[0] <= '9' ? strtoull(v, &end, 10) : 0;
    if (end == NULL || *end != '\0' || errno != 0 || n < min || n > max) {
        (void)sd_err_set(err, SD_ERR_PARSE,
                         "option \"--%s\" needs a number from %llu to %llu, not \"%s\"",
                         o->long_name, min, max, v);
        return usage_error(err, cmd);
    }
    if (seed)
        out->seed = n;
    else
        out->rows = (size_t)n;
    return SD_OK;
}

static sd_status
apply(sd_cli_args *out,
      const sd_cli_command *cmd,
      const opt_info *o,
      const char *value,
      sd_err *err)
{
    /* Flags have no value; options that take one always got one from parse_option(). */
    const char *v = value != NULL ? value : "";
    switch (o->bit) {
    case SD_CLI_OPT_HELP:
        out->help = true;
        break;
    case SD_CLI_OPT_OUTPUT:
        if (v[0] == '\0') {
            (void)sd_err_set(err, SD_ERR_PARSE, "option \"--output\" needs a file name");
            return usage_error(err, cmd);
        }
        out->output = v;
        break;
    case SD_CLI_OPT_FORMAT:
        if (strcmp(v, "text") == 0) {
            out->format = SD_REPORT_TEXT;
        } else if (strcmp(v, "json") == 0) {
            out->format = SD_REPORT_JSON;
        } else {
            sd_status rc = sd_err_set(err, SD_ERR_PARSE, "unknown report format \"%s\"", v);
            sd_err_hint(err, "Valid formats are: text, json.");
            return rc;
        }
        break;
    case SD_CLI_OPT_STRICT_ORDER:
        out->strict_column_order = true;
        break;
    case SD_CLI_OPT_PLAIN:
        out->plain = true;
        break;
    case SD_CLI_OPT_NO_PREFLIGHT:
        out->no_preflight = true;
        break;
    case SD_CLI_OPT_EXIT_CODE:
        out->exit_code = true;
        break;
    case SD_CLI_OPT_SCHEMA:
    case SD_CLI_OPT_EXCLUDE:
        return add_schema(out, cmd, o, v, err);
    case SD_CLI_OPT_RENAME:
        /* Checked against the schemas by the diff, which names the hint in any error. */
        if (sd_vec_push(&out->renames, v) != SD_OK)
            return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        break;
    case SD_CLI_OPT_USING:
        return add_using(out, v, err);
    case SD_CLI_OPT_CONFIG:
        out->config = v;
        break;
    case SD_CLI_OPT_DEV_URL:
        out->dev_url = v;
        break;
    case SD_CLI_OPT_ROWS:
        return parse_rows(out, cmd, o, v, err);
    case SD_CLI_OPT_DIR:
        if (v[0] == '\0') {
            (void)sd_err_set(err, SD_ERR_PARSE, "option \"--dir\" needs a directory");
            return usage_error(err, cmd);
        }
        out->dir = v;
        break;
    default:
        return sd_err_set(err, SD_ERR, "internal error: option %u has no handler", o->bit);
    }
    return SD_OK;
}

/* Handle the option at argv[*i]; may consume the next argument as its value. */
static sd_status
parse_option(sd_cli_args *out,
             const sd_cli_command *cmd,
             int argc,
             char **argv,
             int *i,
             sd_err *err)
{
    const char *a = argv[*i];
    const opt_info *o = NULL;
    const char *value = NULL; /* a value written in the same argument */
    size_t namelen = 0;       /* length of the option's name as written, with dashes */

    if (a[1] == '-') {
        const char *eq = strchr(a + 2, '=');
        namelen = eq != NULL ? (size_t)(eq - a) : strlen(a);
        o = find_long(a + 2, namelen - 2);
        if (eq != NULL)
            value = eq + 1;
    } else {
        namelen = 2;
        o = find_short(a[1]);
        if (a[2] != '\0')
            value = a + 2;
    }
    if (o != NULL && o->value == NULL && value != NULL && a[1] != '-')
        o = NULL; /* "-hx": a flag does not glue to anything, so this is no option we know */
    if (o == NULL || !accepts(cmd, o)) {
        /* Name the option as written, without a value glued on with '='. */
        size_t shown = a[1] == '-' ? namelen : strlen(a);
        (void)sd_err_set(err, SD_ERR_PARSE, "unknown option \"%.*s\" for \"%s\"", (int)shown, a,
                         cmd->name);
        return usage_error(err, cmd);
    }
    if (o->value == NULL && value != NULL) {
        (void)sd_err_set(err, SD_ERR_PARSE, "option \"--%s\" does not take a value", o->long_name);
        return usage_error(err, cmd);
    }
    if (o->value != NULL && value == NULL) {
        if (*i + 1 >= argc) {
            (void)sd_err_set(err, SD_ERR_PARSE, "option \"%.*s\" needs a value (%s)", (int)namelen,
                             a, o->value);
            return usage_error(err, cmd);
        }
        *i += 1;
        value = argv[*i];
    }
    return apply(out, cmd, o, value, err);
}

static void
append_params(sd_buf *out, const sd_cli_command *cmd, size_t from, size_t to)
{
    for (size_t p = from; p < to; p++) {
        if (p > from)
            sd_buf_append(out, p + 1 == to ? " and " : ", ");
        sd_buf_append(out, cmd->params[p]);
    }
}

sd_status
sd_cli_parse(sd_cli_args *out, const sd_cli_command *cmd, int argc, char **argv, sd_err *err)
{
    bool options_done = false;

    memset(out, 0, sizeof(*out));
    out->format = SD_REPORT_TEXT;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && strcmp(a, "--") == 0) {
            options_done = true;
            continue;
        }
        if (!options_done && a[0] == '-' && a[1] != '\0') {
            sd_status rc = parse_option(out, cmd, argc, argv, &i, err);
            if (rc != SD_OK)
                return rc;
            if (out->help)
                return SD_OK; /* help wins over anything that follows */
            continue;
        }
        if (out->npos >= cmd->nparams) {
            (void)sd_err_set(err, SD_ERR_PARSE, "unexpected argument \"%s\" for \"%s\"", a,
                             cmd->name);
            return usage_error(err, cmd);
        }
        out->pos[out->npos++] = a;
    }
    if (out->npos < cmd->nparams) {
        sd_buf missing = SD_BUF_INIT;
        sd_buf syn = SD_BUF_INIT;
        append_params(&missing, cmd, out->npos, cmd->nparams);
        sd_cli_synopsis(&syn, cmd);
        sd_status rc =
            sd_err_set(err, SD_ERR_PARSE, "\"%s\" needs %s", cmd->name, sd_buf_cstr(&missing));
        sd_err_hint(err, "Usage: %s", sd_buf_cstr(&syn));
        sd_buf_dispose(&missing);
        sd_buf_dispose(&syn);
        return rc;
    }
    return SD_OK;
}

void
sd_cli_args_dispose(sd_cli_args *args)
{
    sd_vec_dispose(&args->schemas);
    sd_vec_dispose(&args->exclude);
    sd_vec_dispose(&args->renames);
    /* Each --using's names are one allocation, starting with its schema or table. */
    for (size_t i = 0; i < args->usings.len; i++) {
        const sd_using *u = &args->usings.items[i];
        free((void *)(u->schema != NULL ? u->schema : u->table));
    }
    sd_vec_dispose(&args->usings);
}

sd_pg_options
sd_cli_pg_options(const sd_cli_args *args)
{
    sd_pg_options o = {
        .schemas = args->schemas.items,
        .nschemas = args->schemas.len,
        .exclude_schemas = args->exclude.items,
        .nexclude = args->exclude.len,
        .connections = 2, /* a second connection when only one database is read */
    };
    return o;
}

void
sd_cli_synopsis(sd_buf *out, const sd_cli_command *cmd)
{
    sd_buf_appendf(out, "schemadrift %s", cmd->name);
    for (size_t p = 0; p < cmd->nparams; p++)
        sd_buf_appendf(out, " %s", cmd->params[p]);
    for (size_t i = 0; i < sizeof(OPTIONS) / sizeof(OPTIONS[0]); i++) {
        if (OPTIONS[i].synopsis != NULL && accepts(cmd, &OPTIONS[i]))
            sd_buf_appendf(out, " %s", OPTIONS[i].synopsis);
    }
}

void
sd_cli_command_help(sd_buf *out, const sd_cli_command *cmd)
{
    sd_buf_append(out, "usage: ");
    sd_cli_synopsis(out, cmd);
    sd_buf_append(out, "\n\n");
    sd_buf_append(out, cmd->description);
    sd_buf_putc(out, '\n');
    if (cmd->params_help != NULL) {
        sd_buf_append(out, cmd->params_help);
    } else {
        append_params(out, cmd, 0, cmd->nparams);
        sd_buf_append(out, cmd->nparams > 1 ? " are each one of:\n" : " is one of:\n");
        sd_buf_append(out, SD_CLI_SOURCES_HELP);
    }
    sd_buf_append(out, "\nOptions:\n");
    for (size_t i = 0; i < sizeof(OPTIONS) / sizeof(OPTIONS[0]); i++) {
        const opt_info *o = &OPTIONS[i];
        if (!accepts(cmd, o))
            continue;
        sd_buf left = SD_BUF_INIT;
        if (o->short_name != 0) {
            sd_buf_appendf(&left, "-%c, --%s", o->short_name, o->long_name);
        } else {
            sd_buf_appendf(&left, "    --%s", o->long_name);
        }
        if (o->value != NULL)
            sd_buf_appendf(&left, " %s", o->value);
        sd_buf_appendf(out, "  %-27s %s\n", sd_buf_cstr(&left), o->help);
        if (sd_buf_failed(&left))
            out->failed = true;
        sd_buf_dispose(&left);
    }
    sd_buf_putc(out, '\n');
    sd_buf_append(out, cmd->exit_status);
}
