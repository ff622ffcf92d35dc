/*
 * devserver.c: --dev-url auto, a throwaway PostgreSQL server for replays, so that checking a
 * database against its migrations needs no dev server and no Docker: initdb into a private
 * temporary directory, a postmaster that listens on a Unix socket in that directory only (no
 * TCP, so no port can clash), stopped and removed at the end. The PostgreSQL server binaries
 * (Debian: postgresql-NN) must be installed; as root, they run as the postgres user, since
 * initdb and postgres refuse to run as root. The server runs in a session of its own, so a ^C
 * in the terminal reaches schemadrift (which stops it) and not the server.
 */
/* setgroups() and nftw() are outside _POSIX_C_SOURCE (the build's): X/Open and BSD. */
#undef _POSIX_C_SOURCE
/* NOLINTNEXTLINE(bugprone-reserved-identifier,readability-identifier-naming): a feature macro */
#define _XOPEN_SOURCE 700
/* NOLINTNEXTLINE(bugprone-reserved-identifier,readability-identifier-naming): a feature macro */
#define _DEFAULT_SOURCE

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "migrate/migrate_int.h"

#define DEV_PORT "5432" /* only names the socket file, inside the private directory */

/* The directory of the newest /usr/lib/postgresql/N/bin holding initdb and pg_ctl, else the
 * directory of initdb on PATH. */
static bool
find_bindir(char *out, size_t size)
{
    long best = -1;
    DIR *d = opendir("/usr/lib/postgresql");
    struct dirent *e;
    while (d != NULL && (e = readdir(d)) != NULL) {
        char path[512];
        long v = strtol(e->d_name, NULL, 10);
        snprintf(path, sizeof(path), "/usr/lib/postgresql/%s/bin/pg_ctl", e->d_name);
        if (v > best && access(path, X_OK) == 0) {
            best = v;
            snprintf(out, size, "/usr/lib/postgresql/%s/bin", e->d_name);
        }
    }
    if (d != NULL)
        closedir(d);
    if (best >= 0)
        return true;
    const char *path = getenv("PATH");
    while (path != NULL && *path != '\0') {
        size_t n = strcspn(path, ":");
        char candidate[1024];
        snprintf(candidate, sizeof(candidate), "%.*s/initdb", (int)n, path);
        if (n > 0 && access(candidate, X_OK) == 0) {
            snprintf(out, size, "%.*s", (int)n, path);
            return true;
        }
        path += n + (path[n] == ':');
    }
    return false;
}

/* Run bindir/argv[0] with argv, as the server's owner, output appended to log; its own
 * session when detach. true when it exited 0. */
static bool
run(const sd_dev_server *s, const char *const argv[], const char *log, bool detach)
{
    char prog[1100];
    snprintf(prog, sizeof(prog), "%s/%s", s->bindir, argv[0]);
    pid_t pid = fork();
    if (pid < 0)
        return false;
    if (pid == 0) {
        /* Privileges first: the log must belong to the server's owner, who writes it too. */
        if (detach)
            (void)setsid();
        if (s->as_postgres &&
            (setgroups(0, NULL) != 0 || setgid(s->gid) != 0 || setuid(s->uid) != 0))
            _exit(126);
        int fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        int devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (fd < 0 || devnull < 0 || dup2(devnull, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
            _exit(127);
        execv(prog, (char *const *)argv); /* execv() does not write them */
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static int
remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

/* The last lines of the server's logs, as the error's detail. */
static void
log_detail(const sd_dev_server *s, sd_err *err)
{
    char path[1100];
    snprintf(path, sizeof(path), "%s/log", s->dir);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return;
    char tail[400] = "";
    char line[400];
    while (fgets(line, sizeof(line), f) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] != '\0')
            snprintf(tail, sizeof(tail), "%s", line);
    }
    fclose(f);
    if (tail[0] != '\0')
        sd_err_detail(err, "%s", tail);
}

sd_status
sd_migrate__dev_start(sd_dev_server *s, sd_err *err)
{
    memset(s, 0, sizeof(*s));
    if (!find_bindir(s->bindir, sizeof(s->bindir))) {
        sd_err_set(err, SD_ERR_NOTFOUND,
                   "--dev-url auto needs the PostgreSQL server binaries (initdb, pg_ctl), which "
                   "are not installed");
        sd_err_hint(err, "Install them (Debian: apt-get install postgresql), or give a dev server "
                         "with --dev-url URL.");
        return SD_ERR_NOTFOUND;
    }
    if (geteuid() == 0) {
        const struct passwd *pw = getpwnam("postgres");
        if (pw == NULL) {
            sd_err_set(err, SD_ERR,
                       "--dev-url auto as root needs a postgres user to run the "
                       "server as (initdb refuses root)");
            sd_err_hint(err, "Run schemadrift as another user, or create the postgres user.");
            return SD_ERR;
        }
        s->as_postgres = true;
        s->uid = pw->pw_uid;
        s->gid = pw->pw_gid;
    }
    /* $TMPDIR, unless the server runs as postgres: then /tmp, which it can reach (a private
     * TMPDIR of root's would shut it out). */
    const char *tmp = s->as_postgres ? NULL : getenv("TMPDIR");
    snprintf(s->dir, sizeof(s->dir), "%s/schemadrift-dev.XXXXXX",
             tmp != NULL && tmp[0] != '\0' && strlen(tmp) < 200 ? tmp : "/tmp");
    if (mkdtemp(s->dir) == NULL) {
        sd_err_set(err, SD_ERR_IO, "could not make a directory for the throwaway server: %s",
                   strerror(errno));
        s->dir[0] = '\0';
        return SD_ERR_IO;
    }
    if (s->as_postgres && chown(s->dir, s->uid, s->gid) != 0) {
        sd_err_set(err, SD_ERR_IO, "could not give %s to the postgres user: %s", s->dir,
                   strerror(errno));
        sd_migrate__dev_stop(s);
        return SD_ERR_IO;
    }
    char data[1100];
    char log[1100];
    char opts[1400];
    snprintf(data, sizeof(data), "%s/data", s->dir);
    snprintf(log, sizeof(log), "%s/log", s->dir);
    snprintf(opts, sizeof(opts),
             "-c listen_addresses='' -k %s -p " DEV_PORT " -c fsync=off -c full_page_writes=off "
             "-c synchronous_commit=off",
             s->dir);
    const char *const initdb[] = { "initdb",   "-D", data,   "-A",          "trust",     "-U",
                                   "postgres", "-E", "UTF8", "--no-locale", "--no-sync", NULL };
    if (!run(s, initdb, log, false)) {
        sd_err_set(err, SD_ERR, "could not make the throwaway server: initdb failed");
        log_detail(s, err);
        sd_migrate__dev_stop(s);
        return SD_ERR;
    }
    const char *const start[] = { "pg_ctl", "-D", data, "-l", log,     "-o",
                                  opts,     "-w", "-t", "60", "start", NULL };
    if (!run(s, start, log, true)) {
        sd_err_set(err, SD_ERR, "could not start the throwaway server");
        log_detail(s, err);
        sd_migrate__dev_stop(s);
        return SD_ERR;
    }
    s->running = true;
    snprintf(s->url, sizeof(s->url), "host=%s port=" DEV_PORT " dbname=postgres user=postgres",
             s->dir);
    return SD_OK;
}

void
sd_migrate__dev_stop(sd_dev_server *s)
{
    if (s->running) {
        char data[1100];
        char log[1100];
        snprintf(data, sizeof(data), "%s/data", s->dir);
        snprintf(log, sizeof(log), "%s/log", s->dir);
        const char *const stop[] = { "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop", NULL };
        (void)run(s, stop, log, false);
        s->running = false;
    }
    if (s->dir[0] != '\0')
        (void)nftw(s->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    s->dir[0] = '\0';
}
