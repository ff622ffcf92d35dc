/*
 * files.c: a migrations directory into an sd_migration_list (the rules are in migrate.h).
 *
 * The directory is listed with readdir and the names sorted byte-wise first, so results and
 * errors never depend on directory order. Each file is classified by its name alone (dbmate
 * and single files share a form and are told apart by the markers inside), read whole,
 * checked for NUL and UTF-8, and only then are the files paired by version. Statements are
 * not split here: that is the engines' parsers' job (parse/), in a later slice.
 */
#include <errno.h>
#include <string.h>

#include <dirent.h>
#include <sys/stat.h>

#include "migrate/migrate.h"
#include "migrate/migrate_int.h"
#include "util/buf.h"
#include "util/fsutil.h"
#include "util/sort.h"
#include "util/vec.h"

static const char *const LAYOUT_NAMES[] = {
    [SD_MIGRATE_NONE] = "empty",          [SD_MIGRATE_GOLANG] = "golang-migrate",
    [SD_MIGRATE_FLYWAY] = "Flyway",       [SD_MIGRATE_DBMATE] = "dbmate",
    [SD_MIGRATE_SINGLE] = "single files",
};
_Static_assert(sizeof(LAYOUT_NAMES) / sizeof(LAYOUT_NAMES[0]) == SD_MIGRATE_LAYOUT__COUNT,
               "one name per layout");

/* The hint for a malformed name, by the layout its form was taken for. */
static const char *const NAME_HINTS[] = {
    [SD_MIGRATE_NONE] = "Name migration files VERSION_NAME.up.sql and VERSION_NAME.down.sql "
                        "(golang-migrate), V<ver>__NAME.sql (Flyway) or VERSION_NAME.sql "
                        "(dbmate, single files); move other SQL files out of the directory.",
    [SD_MIGRATE_GOLANG] = "Name golang-migrate files VERSION_NAME.up.sql and "
                          "VERSION_NAME.down.sql, e.g. 0001_create_users.up.sql.",
    [SD_MIGRATE_FLYWAY] = "Name Flyway files V<ver>__NAME.sql, U<ver>__NAME.sql or "
                          "R__NAME.sql, e.g. V1.1__create_users.sql.",
    [SD_MIGRATE_DBMATE] = "Name the file VERSION_NAME.sql, e.g. 0001_create_users.sql.",
    [SD_MIGRATE_SINGLE] = "Name the file VERSION_NAME.sql, e.g. 0001_create_users.sql.",
};
_Static_assert(sizeof(NAME_HINTS) / sizeof(NAME_HINTS[0]) == SD_MIGRATE_LAYOUT__COUNT,
               "one hint per layout");

#define NO_TX_LINE "-- schemadrift:no-transaction"

typedef enum role {
    ROLE_UP = 0, /* also a dbmate or single file, and a Flyway repeatable */
    ROLE_DOWN,
} role;

/* One file while the directory is read. */
typedef struct mfile {
    const char *fname; /* the name in the directory */
    const char *path;  /* DIR/NAME */
    sd_migrate_layout layout;
    role role;
    bool repeatable;
    const char *version; /* as written; "" for a repeatable */
    const char *name;
    const char *text; /* whole file, NUL-terminated, in the arena */
    size_t len;
} mfile;

typedef SD_VEC(mfile) mfile_vec;

const char *
sd_migrate_layout_name(sd_migrate_layout layout)
{
    return layout < SD_MIGRATE_LAYOUT__COUNT ? LAYOUT_NAMES[layout] : "unknown";
}

static bool
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Compare one version part each ([a, a_end), [b, b_end)) as whole numbers. */
static int
part_cmp(const char *a, size_t na, const char *b, size_t nb)
{
    while (na > 0 && *a == '0') {
        a++;
        na--;
    }
    while (nb > 0 && *b == '0') {
        b++;
        nb--;
    }
    if (na != nb)
        return na < nb ? -1 : 1;
    return memcmp(a, b, na);
}

static size_t
part_len(const char *s)
{
    size_t n = 0;
    while (is_digit(s[n]))
        n++;
    return n;
}

int
sd_migrate_version_cmp(const char *a, const char *b)
{
    /* A missing part counts as 0, so "1" and "1.0" are equal, as Flyway has them. */
    while (*a != '\0' || *b != '\0') {
        size_t na = part_len(a);
        size_t nb = part_len(b);
        int c = part_cmp(a, na, b, nb);
        if (c != 0)
            return c < 0 ? -1 : 1;
        a += na;
        b += nb;
        /* Past the part: its separator ('.' or '_'; any other character counts as one, so
         * the loop ends on any input). */
        if (*a != '\0' && !is_digit(*a))
            a++;
        if (*b != '\0' && !is_digit(*b))
            b++;
    }
    return 0;
}

/* The normalized form of a valid version: parts joined by '.', without leading zeros or
 * trailing zero parts ("0010_2.0" -> "10.2", "000" -> "0"). */
static const char *
normalize(sd_arena *arena, const char *v)
{
    sd_buf b = SD_BUF_INIT;
    size_t keep = 0; /* length of b up to its last nonzero part */
    while (*v != '\0') {
        size_t n = part_len(v);
        size_t z = 0;
        while (z + 1 < n && v[z] == '0')
            z++;
        if (b.len > 0)
            sd_buf_putc(&b, '.');
        sd_buf_appendn(&b, v + z, n - z);
        if (!(n - z == 1 && v[z] == '0'))
            keep = b.len;
        v += n;
        if (*v != '\0')
            v++;
    }
    sd_buf_truncate(&b, keep > 0 ? keep : (b.len > 0 ? 1 : 0));
    char *out = sd_buf_failed(&b) ? NULL : sd_arena_strdup(arena, sd_buf_cstr(&b));
    sd_buf_dispose(&b);
    return out;
}

/* Digits, with '.' or '_' between groups when dots is true. */
static bool
valid_version(const char *s, size_t n, bool dots)
{
    if (n == 0 || !is_digit(s[0]) || !is_digit(s[n - 1]))
        return false;
    for (size_t i = 0; i < n; i++) {
        bool sep = dots && (s[i] == '.' || s[i] == '_') && is_digit(s[i + 1]);
        if (!is_digit(s[i]) && !sep)
            return false;
    }
    return true;
}

static bool
ends_with(const char *s, const char *suffix, size_t *stem)
{
    size_t n = strlen(s);
    size_t k = strlen(suffix);
    if (n < k || strcmp(s + n - k, suffix) != 0)
        return false;
    *stem = n - k;
    return true;
}

static sd_status
malformed(const mfile *f, sd_migrate_layout taken_for, sd_err *err)
{
    sd_status rc = sd_err_set(err, SD_ERR_PARSE,
                              taken_for == SD_MIGRATE_NONE ? "\"%s\" is not a migration file name"
                                                           : "malformed migration file name \"%s\"",
                              f->path);
    sd_err_hint(err, "%s", NAME_HINTS[taken_for]);
    return rc;
}

/* "VERSION_NAME" of stem (n bytes): the version ends at the first '_', the name is the rest. */
static bool
split_numbered(sd_arena *arena, mfile *f, size_t n)
{
    size_t v = part_len(f->fname);
    if (v == 0 || v >= n || f->fname[v] != '_' || v + 1 == n)
        return false;
    f->version = sd_arena_strndup(arena, f->fname, v);
    f->name = sd_arena_strndup(arena, f->fname + v + 1, n - v - 1);
    return true;
}

/* Flyway: "V1.1__name" / "U1.1__name" / "R__name" (stem of n bytes). */
static bool
split_flyway(sd_arena *arena, mfile *f, size_t n)
{
    const char *s = f->fname;
    const char *sep = strstr(s, "__");
    if (sep == NULL || (size_t)(sep - s) + 2 >= n)
        return false;
    size_t v = (size_t)(sep - s) - 1; /* version between the prefix letter and "__" */
    f->repeatable = s[0] == 'R';
    f->role = s[0] == 'U' ? ROLE_DOWN : ROLE_UP;
    if (f->repeatable ? v != 0 : !valid_version(s + 1, v, true))
        return false;
    f->version = sd_arena_strndup(arena, s + 1, v);
    f->name = sd_arena_strndup(arena, sep + 2, n - v - 3);
    return true;
}

/* Decide f's layout (SD_MIGRATE_DBMATE stands for "dbmate or single" until the text is read),
 * role, version and name from its file name. */
static sd_status
classify(sd_arena *arena, mfile *f, sd_err *err)
{
    const char *s = f->fname;
    size_t n = 0;
    bool ok = false;
    if (ends_with(s, ".up.sql", &n) || ends_with(s, ".down.sql", &n)) {
        f->layout = SD_MIGRATE_GOLANG;
        f->role = s[n + 1] == 'u' ? ROLE_UP : ROLE_DOWN;
        ok = split_numbered(arena, f, n);
    } else if (ends_with(s, ".sql", &n) &&
               (((s[0] == 'V' || s[0] == 'U') && is_digit(s[1])) || strncmp(s, "R__", 3) == 0)) {
        f->layout = SD_MIGRATE_FLYWAY;
        ok = split_flyway(arena, f, n);
    } else if (ends_with(s, ".sql", &n) && is_digit(s[0])) {
        f->layout = SD_MIGRATE_DBMATE;
        ok = split_numbered(arena, f, n);
    } else {
        return malformed(f, SD_MIGRATE_NONE, err);
    }
    if (!ok)
        return malformed(f, f->layout == SD_MIGRATE_DBMATE ? SD_MIGRATE_SINGLE : f->layout, err);
    return SD_OK;
}

static size_t
line_at(const char *text, size_t off)
{
    size_t line = 1;
    for (size_t i = 0; i < off; i++)
        line += text[i] == '\n';
    return line;
}

/* Read f's text into the arena: NUL bytes and bytes that are not UTF-8 are errors. */
static sd_status
read_text(sd_arena *arena, mfile *f, sd_buf *scratch, sd_err *err)
{
    sd_buf_reset(scratch);
    sd_status rc = sd_fs_read_all(scratch, f->path, err);
    if (rc != SD_OK)
        return rc;
    const char *text = sd_buf_cstr(scratch);
    size_t bad = sd_utf8_check(text, scratch->len);
    if (bad < scratch->len) {
        bool nul = text[bad] == '\0';
        rc = sd_err_set(err, SD_ERR_PARSE, "migration file \"%s\" %s", f->path,
                        nul ? "holds a NUL byte" : "is not valid UTF-8");
        sd_err_where(err, "%s:%zu", f->path, line_at(text, bad));
        sd_err_hint(err, "Migration files are SQL text in UTF-8; convert or remove the file.");
        return rc;
    }
    /* A BOM some editors add is no SQL: it would hide a marker or the first line's
     * -- schemadrift:no-transaction, and the engines refuse it. */
    size_t skip = scratch->len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
    f->len = scratch->len - skip;
    f->text = sd_arena_strndup(arena, text + skip, f->len);
    return f->text == NULL ? sd_err_set(err, SD_ERR_NOMEM, "out of memory") : SD_OK;
}

/* ---- dbmate sections ---- */

typedef enum marker {
    MARK_NONE = 0,
    MARK_UP,
    MARK_DOWN,
} marker;

/* Whether the line [p, end) is "--[blanks]migrate:up|down[ options]"; *opts gets the options. */
static marker
marker_of(const char *p, const char *end, const char **opts)
{
    if (end - p < 2 || p[0] != '-' || p[1] != '-')
        return MARK_NONE;
    p += 2;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    static const struct {
        const char *word;
        marker mark;
    } WORDS[] = { { "migrate:up", MARK_UP }, { "migrate:down", MARK_DOWN } };
    for (size_t i = 0; i < sizeof(WORDS) / sizeof(WORDS[0]); i++) {
        size_t k = strlen(WORDS[i].word);
        if ((size_t)(end - p) < k || memcmp(p, WORDS[i].word, k) != 0)
            continue;
        const char *q = p + k;
        if (q == end || *q == ' ' || *q == '\t' || *q == '\r') {
            *opts = q;
            return WORDS[i].mark;
        }
    }
    return MARK_NONE;
}

/* dbmate's transaction:false among the blank-separated words of [p, end). */
static bool
opts_no_transaction(const char *p, const char *end)
{
    static const char WORD[] = "transaction:false";
    size_t k = sizeof(WORD) - 1;
    while (p < end) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
            p++;
        const char *w = p;
        while (p < end && *p != ' ' && *p != '\t' && *p != '\r')
            p++;
        if ((size_t)(p - w) == k && memcmp(w, WORD, k) == 0)
            return true;
    }
    return false;
}

/* Whether the first line of text is the no-transaction comment (trailing blanks allowed). */
static bool
first_line_no_tx(const char *text, size_t len)
{
    size_t k = sizeof(NO_TX_LINE) - 1;
    if (len < k || memcmp(text, NO_TX_LINE, k) != 0)
        return false;
    for (size_t i = k; i < len && text[i] != '\n'; i++)
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
            return false;
    return true;
}

static bool
blank_or_comment(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
        p++;
    return p == end || (end - p >= 2 && p[0] == '-' && p[1] == '-');
}

/* Where the markers of a dbmate file are. */
typedef struct sections {
    size_t up_line, up_start; /* marker line, first byte after it; up_line 0: no marker */
    size_t down_line, down_mark, down_start;
    bool up_no_tx, down_no_tx;
    size_t stray_line; /* first line of text before the up marker, 0 if none */
} sections;

static sd_status
dbmate_error(const mfile *f, size_t line, const char *msg, const char *hint, sd_err *err)
{
    sd_status rc = sd_err_set(err, SD_ERR_PARSE, "dbmate migration \"%s\": %s", f->path, msg);
    if (line > 0)
        sd_err_where(err, "%s:%zu", f->path, line);
    sd_err_hint(err, "%s", hint);
    return rc;
}

static sd_status
scan_sections(const mfile *f, sections *s, sd_err *err)
{
    memset(s, 0, sizeof(*s));
    const char *text = f->text;
    size_t line = 1;
    for (size_t off = 0; off < f->len; line++) {
        const char *p = text + off;
        const char *nl = memchr(p, '\n', f->len - off);
        const char *end = nl != NULL ? nl : text + f->len;
        size_t next = nl != NULL ? (size_t)(nl - text) + 1 : f->len;
        const char *opts = NULL;
        marker m = marker_of(p, end, &opts);
        if (m == MARK_UP && s->up_line != 0)
            return dbmate_error(f, line, "a second -- migrate:up line",
                                "Keep one -- migrate:up and one -- migrate:down section.", err);
        if (m == MARK_DOWN && s->down_line != 0)
            return dbmate_error(f, line, "a second -- migrate:down line",
                                "Keep one -- migrate:up and one -- migrate:down section.", err);
        if (m == MARK_DOWN && s->up_line == 0)
            return dbmate_error(f, line, "-- migrate:down comes before -- migrate:up",
                                "Put the -- migrate:up section first.", err);
        if (m == MARK_UP) {
            s->up_line = line;
            s->up_start = next;
            s->up_no_tx = opts_no_transaction(opts, end);
        } else if (m == MARK_DOWN) {
            s->down_line = line;
            s->down_mark = off;
            s->down_start = next;
            s->down_no_tx = opts_no_transaction(opts, end);
        } else if (s->up_line == 0 && s->stray_line == 0 && !blank_or_comment(p, end)) {
            s->stray_line = line;
        }
        off = next;
    }
    return SD_OK;
}

static sd_status
set_part(sd_arena *arena,
         sd_migration_part *part,
         const mfile *f,
         size_t from,
         size_t to,
         size_t first_line,
         bool no_tx,
         sd_err *err)
{
    part->path = f->path;
    part->text = sd_arena_strndup(arena, f->text + from, to - from);
    part->len = to - from;
    part->first_line = first_line;
    part->no_transaction = no_tx || first_line_no_tx(f->text + from, to - from);
    return part->text == NULL ? sd_err_set(err, SD_ERR_NOMEM, "out of memory") : SD_OK;
}

/* Fill m's parts from a dbmate file or a single file (f->layout says which). */
static sd_status
numbered_parts(sd_arena *arena, sd_migration *m, const mfile *f, sd_err *err)
{
    if (f->layout == SD_MIGRATE_SINGLE)
        return set_part(arena, &m->up, f, 0, f->len, 1, false, err);
    sections s;
    sd_status rc = scan_sections(f, &s, err);
    if (rc != SD_OK)
        return rc;
    if (s.stray_line != 0) {
        return dbmate_error(f, s.stray_line, "text before the -- migrate:up line",
                            "Move the SQL into the -- migrate:up section; only comments may "
                            "come before it.",
                            err);
    }
    size_t up_end = s.down_line != 0 ? s.down_mark : f->len;
    bool file_no_tx = first_line_no_tx(f->text, f->len);
    rc = set_part(arena, &m->up, f, s.up_start, up_end, s.up_line + 1, s.up_no_tx || file_no_tx,
                  err);
    if (rc == SD_OK && s.down_line != 0)
        rc = set_part(arena, &m->down, f, s.down_start, f->len, s.down_line + 1, s.down_no_tx, err);
    return rc;
}

/* Tell a numbered file's layout by its markers: dbmate when a marker line is in it. */
static sd_migrate_layout
numbered_layout(const mfile *f)
{
    const char *text = f->text;
    for (size_t off = 0; off < f->len;) {
        const char *nl = memchr(text + off, '\n', f->len - off);
        const char *end = nl != NULL ? nl : text + f->len;
        const char *opts = NULL;
        if (marker_of(text + off, end, &opts) != MARK_NONE)
            return SD_MIGRATE_DBMATE;
        off = nl != NULL ? (size_t)(nl - text) + 1 : f->len;
    }
    return SD_MIGRATE_SINGLE;
}

/* ---- the directory ---- */

static int
cmp_names(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    return sd_strcmp_c(*(const char *const *)a, *(const char *const *)b);
}

typedef SD_VEC(const char *) name_vec;

/* The names of dir that may be migrations (ending in ".sql", not starting with '.'), sorted. */
static sd_status
list_names(sd_arena *arena, const char *dir, name_vec *names, sd_err *err)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        int e = errno;
        sd_status rc =
            sd_err_set(err, e == ENOENT ? SD_ERR_NOTFOUND : SD_ERR_IO,
                       "could not open migrations directory \"%s\": %s", dir, strerror(e));
        return rc;
    }
    sd_status rc = SD_OK;
    const struct dirent *e;
    size_t n = 0;
    while (rc == SD_OK && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !ends_with(e->d_name, ".sql", &n))
            continue;
        const char *copy = sd_arena_strdup(arena, e->d_name);
        if (copy == NULL || sd_vec_push(names, copy) != SD_OK)
            rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    closedir(d);
    if (rc == SD_OK &&
        sd_sort(names->items, names->len, sizeof(names->items[0]), cmp_names, NULL) != SD_OK)
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    return rc;
}

const char *
sd_migrate__path(sd_arena *arena, const char *dir, const char *name)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    return sd_arena_sprintf(arena, "%.*s/%s", (int)n, dir, name);
}

/* Read and classify every migration file of dir into files, checking that one layout rules. */
static sd_status
read_files(sd_arena *arena, const char *dir, mfile_vec *files, sd_err *err)
{
    name_vec names = SD_VEC_INIT;
    sd_buf scratch = SD_BUF_INIT;
    sd_status rc = list_names(arena, dir, &names, err);
    for (size_t i = 0; rc == SD_OK && i < names.len; i++) {
        mfile f = { .fname = names.items[i] };
        f.path = sd_migrate__path(arena, dir, f.fname);
        struct stat st;
        if (f.path == NULL) {
            rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
            break;
        }
        if (stat(f.path, &st) != 0 || !S_ISREG(st.st_mode))
            continue; /* a directory (or a dangling link) named *.sql is no migration */
        rc = classify(arena, &f, err);
        if (rc == SD_OK)
            rc = read_text(arena, &f, &scratch, err);
        if (rc == SD_OK && f.layout == SD_MIGRATE_DBMATE)
            f.layout = numbered_layout(&f);
        /* The first file's layout is the one every other must share. */
        const mfile *first = files->len > 0 ? &files->items[0] : NULL;
        if (rc == SD_OK && first != NULL && f.layout != first->layout) {
            rc = sd_err_set(err, SD_ERR_PARSE,
                            "migrations directory \"%s\" mixes layouts: \"%s\" is %s, \"%s\" is %s",
                            dir, first->fname, LAYOUT_NAMES[first->layout], f.fname,
                            LAYOUT_NAMES[f.layout]);
            sd_err_hint(err, "Keep one layout per directory: move or rename the files of the "
                             "other one.");
        }
        if (rc == SD_OK && sd_vec_push(files, f) != SD_OK)
            rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    sd_buf_dispose(&scratch);
    sd_vec_dispose(&names);
    return rc;
}

/* Versioned files by version, then repeatables by name; ups before downs; then by file name. */
static int
cmp_files(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    const mfile *a = pa;
    const mfile *b = pb;
    if (a->repeatable != b->repeatable)
        return a->repeatable ? 1 : -1;
    int c = a->repeatable ? sd_strcmp_c(a->name, b->name)
                          : sd_migrate_version_cmp(a->version, b->version);
    if (c != 0)
        return c;
    if (a->role != b->role)
        return a->role == ROLE_UP ? -1 : 1;
    return sd_strcmp_c(a->fname, b->fname);
}

static sd_status
duplicate(const mfile *a, const mfile *b, sd_err *err)
{
    sd_status rc =
        sd_err_set(err, SD_ERR_PARSE, "duplicate migration version %s: \"%s\" and \"%s\"",
                   b->version, a->path, b->path);
    sd_err_hint(err, "Give each migration its own version (leading zeros do not count): "
                     "renumber or remove one of them.");
    return rc;
}

/* One version's files [g, g + n) (ups first) into m. */
static sd_status
make_migration(sd_arena *arena, sd_migration *m, const mfile *g, size_t n, sd_err *err)
{
    const mfile *up = g[0].role == ROLE_UP ? &g[0] : NULL;
    const mfile *down = g[n - 1].role == ROLE_DOWN ? &g[n - 1] : NULL;
    if (n > 1 && g[0].role == g[1].role)
        return duplicate(&g[0], &g[1], err);
    if (n > 2)
        return duplicate(&g[1], &g[2], err);
    if (up == NULL) {
        /* A lone down (ups sort first, so g[0] is it). */
        sd_status rc = sd_err_set(err, SD_ERR_PARSE, "\"%s\" has no up migration", g[0].path);
        sd_err_hint(err, "Add the %s of version %s, or remove this file.",
                    g[0].layout == SD_MIGRATE_FLYWAY ? "V file" : "up file", g[0].version);
        return rc;
    }
    if (down == NULL && up->layout == SD_MIGRATE_GOLANG) {
        sd_status rc = sd_err_set(err, SD_ERR_PARSE, "\"%s\" has no down migration", up->path);
        sd_err_hint(err, "Add %s_%s.down.sql (the SQL that reverts it).", up->version, up->name);
        return rc;
    }
    m->version = up->version;
    m->norm = up->repeatable ? "" : normalize(arena, up->version);
    m->name = up->name;
    m->layout = up->layout;
    m->repeatable = up->repeatable;
    if (m->norm == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    if (up->layout == SD_MIGRATE_DBMATE || up->layout == SD_MIGRATE_SINGLE)
        return numbered_parts(arena, m, up, err);
    sd_status rc = set_part(arena, &m->up, up, 0, up->len, 1, false, err);
    if (rc == SD_OK && down != NULL)
        rc = set_part(arena, &m->down, down, 0, down->len, 1, false, err);
    return rc;
}

sd_status
sd_migrate_read_dir(sd_migration_list *out, sd_arena *arena, const char *dir, sd_err *err)
{
    mfile_vec files = SD_VEC_INIT;
    memset(out, 0, sizeof(*out));
    out->dir = sd_arena_strdup(arena, dir);
    sd_status rc = out->dir == NULL ? sd_err_set(err, SD_ERR_NOMEM, "out of memory")
                                    : read_files(arena, dir, &files, err);
    if (rc == SD_OK &&
        sd_sort(files.items, files.len, sizeof(files.items[0]), cmp_files, NULL) != SD_OK)
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    if (rc == SD_OK && files.len > 0) {
        out->layout = files.items[0].layout;
        out->items = sd_arena_array(arena, sd_migration, files.len);
        if (out->items == NULL)
            rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; rc == SD_OK && i < files.len;) {
        size_t n = 1;
        while (i + n < files.len && !files.items[i].repeatable && !files.items[i + n].repeatable &&
               sd_migrate_version_cmp(files.items[i].version, files.items[i + n].version) == 0)
            n++;
        rc = make_migration(arena, &out->items[out->len], &files.items[i], n, err);
        out->len += rc == SD_OK;
        i += n;
    }
    sd_vec_dispose(&files);
    if (rc == SD_OK && sd_arena_failed(arena))
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    if (rc != SD_OK)
        out->len = 0;
    return rc;
}
