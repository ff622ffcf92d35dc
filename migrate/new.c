/*
 * new.c: `migrate new NAME`, the next migration in the directory's own layout and numbering
 * (the rules are at sd_migrate_new() in migrate.h). The directory is read with the same reader
 * as everything else, so a directory it would refuse gets nothing added. Files are created
 * with O_EXCL (sd_fs_write_new()): never over an existing one.
 */
#include <errno.h>
#include <string.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "migrate/migrate.h"
#include "migrate/migrate_int.h"
#include "util/buf.h"
#include "util/fsutil.h"

/* How a layout names and fills its new files. */
typedef struct new_layout {
    const char *up_prefix, *up_sep, *up_suffix;       /* "V" "__" ".sql" */
    const char *down_prefix, *down_sep, *down_suffix; /* down_suffix NULL: one file */
    const char *up_what;                              /* the header comment's "what goes here" */
    const char *up_body;                              /* after the header line */
} new_layout;

static const new_layout NEW_LAYOUTS[] = {
    [SD_MIGRATE_NONE] = { 0 }, /* never used: an empty directory gets golang-migrate files */
    [SD_MIGRATE_GOLANG] = { .up_prefix = "",
                            .up_sep = "_",
                            .up_suffix = ".up.sql",
                            .down_prefix = "",
                            .down_sep = "_",
                            .down_suffix = ".down.sql",
                            .up_what = "the SQL that applies this migration",
                            .up_body = "\n" },
    [SD_MIGRATE_FLYWAY] = { .up_prefix = "V",
                            .up_sep = "__",
                            .up_suffix = ".sql",
                            .down_prefix = "U",
                            .down_sep = "__",
                            .down_suffix = ".sql",
                            .up_what = "the SQL that applies this migration",
                            .up_body = "\n" },
    [SD_MIGRATE_DBMATE] = { .up_prefix = "",
                            .up_sep = "_",
                            .up_suffix = ".sql",
                            .up_what = "the SQL that applies this migration under migrate:up, "
                                       "the SQL that reverts it under migrate:down",
                            .up_body = "-- migrate:up\n\n\n-- migrate:down\n\n" },
    [SD_MIGRATE_SINGLE] = { .up_prefix = "",
                            .up_sep = "_",
                            .up_suffix = ".sql",
                            .up_what = "the SQL that applies this migration (this directory's "
                                       "migrations have no down files)",
                            .up_body = "\n" },
};
_Static_assert(sizeof(NEW_LAYOUTS) / sizeof(NEW_LAYOUTS[0]) == SD_MIGRATE_LAYOUT__COUNT,
               "one entry per layout");

#define MAX_NAME 200 /* keeps every file name well under NAME_MAX */

static bool
valid_name(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > MAX_NAME)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

/* Whether v is a UTC timestamp YYYYMMDDHHMMSS as golang-migrate and dbmate write them. */
static bool
is_timestamp(const char *v)
{
    if (strlen(v) != 14 || strspn(v, "0123456789") != 14)
        return false;
    int f[6];
    static const int WIDTH[6] = { 4, 2, 2, 2, 2, 2 };
    for (int i = 0, at = 0; i < 6; at += WIDTH[i], i++) {
        f[i] = 0;
        for (int k = 0; k < WIDTH[i]; k++)
            f[i] = f[i] * 10 + (v[at + k] - '0');
    }
    return f[0] >= 1970 && f[1] >= 1 && f[1] <= 12 && f[2] >= 1 && f[2] <= 31 && f[3] < 24 &&
           f[4] < 60 && f[5] < 61;
}

/* The whole number of the n digits at v plus one, at least as wide ("0099" -> "0100"). */
static char *
plus_one(sd_arena *arena, const char *v, size_t n)
{
    char *s = sd_arena_alloc(arena, n + 2);
    if (s == NULL)
        return NULL;
    memcpy(s + 1, v, n);
    s[0] = '0';
    size_t i = n + 1;
    while (i-- > 0) {
        if (s[i] != '9') {
            s[i]++;
            break;
        }
        s[i] = '0';
    }
    return s[0] == '0' ? s + 1 : s;
}

/* The version after the list's last versioned migration. */
static const char *
next_version(sd_arena *arena, const sd_migration_list *list, time_t now)
{
    const char *last = NULL;
    for (size_t i = list->len; i-- > 0 && last == NULL;) {
        if (!list->items[i].repeatable)
            last = list->items[i].version;
    }
    if (last == NULL)
        return list->layout == SD_MIGRATE_FLYWAY ? "1" : "0001";
    if (is_timestamp(last)) {
        struct tm tm;
        char ts[32];
        if (gmtime_r(&now, &tm) != NULL && strftime(ts, sizeof(ts), "%Y%m%d%H%M%S", &tm) == 14 &&
            sd_migrate_version_cmp(ts, last) > 0)
            return sd_arena_strdup(arena, ts);
    }
    /* Flyway's "2.1" goes on as "3": the first part counts. */
    return plus_one(arena, last, strcspn(last, "._"));
}

static const char *
file_name(sd_arena *arena,
          const char *prefix,
          const char *version,
          const char *sep,
          const char *name,
          const char *suffix)
{
    return sd_arena_sprintf(arena, "%s%s%s%s%s", prefix, version, sep, name, suffix);
}

/* Read dir, or create it when it does not exist (an empty list); *lock_fd holds an
 * exclusive flock() on it until the caller closes it, so that two `migrate new` at once
 * take turns instead of both picking the same next version. */
static sd_status
read_or_create(sd_migration_list *list, sd_arena *arena, const char *dir, int *lock_fd, sd_err *err)
{
    *lock_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (*lock_fd < 0 && errno == ENOENT && mkdir(dir, 0777) == 0)
        *lock_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (*lock_fd >= 0 && flock(*lock_fd, LOCK_EX) != 0) {
        close(*lock_fd);
        *lock_fd = -1;
    }
    sd_status rc = sd_migrate_read_dir(list, arena, dir, err);
    if (rc != SD_ERR_NOTFOUND)
        return rc;
    sd_err_clear(err);
    if (mkdir(dir, 0777) != 0) {
        rc = sd_err_set(err, SD_ERR_IO, "could not create migrations directory \"%s\": %s", dir,
                        strerror(errno));
        sd_err_hint(err, "Create its parent directory first, or give another one with --dir.");
        return rc;
    }
    memset(list, 0, sizeof(*list));
    list->dir = dir;
    return SD_OK;
}

static sd_status create_next(sd_migrate_created *out,
                             sd_arena *arena,
                             const char *dir,
                             const char *name,
                             const sd_migration_list *list_in,
                             time_t now,
                             sd_err *err);

sd_status
sd_migrate_new(sd_migrate_created *out,
               sd_arena *arena,
               const char *dir,
               const char *name,
               time_t now,
               sd_err *err)
{
    memset(out, 0, sizeof(*out));
    if (!valid_name(name)) {
        sd_status rc = sd_err_set(err, SD_ERR_PARSE, "invalid migration name \"%s\"", name);
        sd_err_hint(err, "Use 1 to %d letters, digits, '_' and '-', e.g. create_users.", MAX_NAME);
        return rc;
    }
    sd_migration_list list;
    int lock_fd = -1;
    sd_status rc = read_or_create(&list, arena, dir, &lock_fd, err);
    if (rc == SD_OK)
        rc = create_next(out, arena, dir, name, &list, now, err);
    if (lock_fd >= 0)
        close(lock_fd); /* and the lock with it */
    return rc;
}

/* The files of the migration after list's last, in its layout. */
static sd_status
create_next(sd_migrate_created *out,
            sd_arena *arena,
            const char *dir,
            const char *name,
            const sd_migration_list *list_in,
            time_t now,
            sd_err *err)
{
    const sd_migration_list list = *list_in;
    sd_status rc = SD_OK;
    out->layout = list.layout == SD_MIGRATE_NONE ? SD_MIGRATE_GOLANG : list.layout;
    const new_layout *l = &NEW_LAYOUTS[out->layout];
    const char *version = next_version(arena, &list, now);
    const char *up = file_name(arena, l->up_prefix, version, l->up_sep, name, l->up_suffix);
    const char *down = l->down_suffix == NULL ? NULL
                                              : file_name(arena, l->down_prefix, version,
                                                          l->down_sep, name, l->down_suffix);
    sd_buf text = SD_BUF_INIT;
    sd_buf_appendf(&text, "-- %s: %s.\n%s", up, l->up_what, l->up_body);
    out->paths[0] = sd_migrate__path(arena, dir, up);
    if (down != NULL)
        out->paths[1] = sd_migrate__path(arena, dir, down);
    if (sd_arena_failed(arena) || sd_buf_failed(&text)) {
        sd_buf_dispose(&text);
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    rc = sd_fs_write_new(out->paths[0], text.ptr, text.len, err);
    if (rc == SD_OK && down != NULL) {
        sd_buf_reset(&text);
        sd_buf_appendf(&text, "-- %s: the SQL that reverts %s.\n\n", down, up);
        rc = sd_buf_failed(&text) ? sd_err_set(err, SD_ERR_NOMEM, "out of memory")
                                  : sd_fs_write_new(out->paths[1], text.ptr, text.len, err);
        if (rc != SD_OK)
            (void)unlink(out->paths[0]); /* a pair or nothing */
    }
    sd_buf_dispose(&text);
    out->npaths = rc != SD_OK ? 0 : down != NULL ? 2 : 1;
    return rc;
}
