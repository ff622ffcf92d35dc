/*
 * fsutil.c: whole-file reads and atomic writes. A write goes to a temporary file in the
 * target's directory (through a symbolic link: the directory of the file it names), is
 * flushed and fsynced with the mode the file will have, and only then renamed over it.
 */
#include "util/fsutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

sd_status
sd_fs_read_all(sd_buf *out, const char *path, sd_err *err)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        int e = errno;
        sd_status rc = sd_err_set(err, e == ENOENT ? SD_ERR_NOTFOUND : SD_ERR_IO,
                                  "could not open \"%s\": %s", path, strerror(e));
        return rc;
    }
    struct stat st;
    if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(fp);
        return sd_err_set(err, SD_ERR_IO, "\"%s\" is a directory, not a file", path);
    }
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
        sd_buf_appendn(out, chunk, n);
    bool bad = ferror(fp) != 0;
    fclose(fp);
    if (bad)
        return sd_err_set(err, SD_ERR_IO, "could not read \"%s\"", path);
    if (sd_buf_failed(out))
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory reading \"%s\"", path);
    return SD_OK;
}

/* Write to an existing non-regular file (a device such as /dev/null, a FIFO) in place:
 * renaming a temporary file over it would replace the device node itself. */
static sd_status
write_in_place(const char *path, const char *data, size_t len, sd_err *err)
{
    FILE *fp = fopen(path, "wb");
    if (fp == NULL)
        return sd_err_set(err, SD_ERR_IO, "could not open \"%s\": %s", path, strerror(errno));
    bool ok = fwrite(data, 1, len, fp) == len;
    ok = fclose(fp) == 0 && ok;
    if (!ok)
        return sd_err_set(err, SD_ERR_IO, "could not write \"%s\": %s", path, strerror(errno));
    return SD_OK;
}

#ifndef S_ISVTX
#define S_ISVTX 01000 /* the sticky bit: XSI, outside the POSIX base this builds against */
#endif

/* The kernel's rule for following a link (fs.protected_symlinks), which resolving links by
 * hand would bypass: in a sticky world-writable directory (/tmp), only a link that the
 * follower or the directory's owner owns. */
static bool
may_follow(const char *link, const struct stat *lst)
{
    const char *slash = strrchr(link, '/');
    sd_buf dir = SD_BUF_INIT;
    if (slash == NULL)
        sd_buf_append(&dir, ".");
    else
        sd_buf_appendn(&dir, link, slash == link ? 1 : (size_t)(slash - link));
    struct stat st;
    bool ok = !sd_buf_failed(&dir) && stat(sd_buf_cstr(&dir), &st) == 0;
    sd_buf_dispose(&dir);
    if (!ok)
        return false;
    bool sticky_public = (st.st_mode & S_ISVTX) && (st.st_mode & S_IWOTH);
    return !sticky_public || lst->st_uid == geteuid() || lst->st_uid == st.st_uid;
}

/* The file path names once symbolic links are followed (the path itself when it is none, or
 * does not exist), into out. A relative link target is relative to the link's directory. */
static sd_status
follow_links(const char *path, sd_buf *out, sd_err *err)
{
    enum {
        MAX_LINKS = 40
    }; /* as the kernel's limit: a loop ends here */
    sd_buf_append(out, path);
    for (int depth = 0; !sd_buf_failed(out); depth++) {
        struct stat lst;
        if (lstat(sd_buf_cstr(out), &lst) != 0 || !S_ISLNK(lst.st_mode))
            return SD_OK;
        if (depth == MAX_LINKS) {
            return sd_err_set(err, SD_ERR_IO, "could not follow the link \"%s\": too many levels",
                              path);
        }
        if (!may_follow(sd_buf_cstr(out), &lst)) {
            return sd_err_set(err, SD_ERR_IO,
                              "will not write through the link \"%s\": another user's link in "
                              "a world-writable sticky directory (as fs.protected_symlinks "
                              "refuses)",
                              sd_buf_cstr(out));
        }
        char to[4096];
        ssize_t n = readlink(sd_buf_cstr(out), to, sizeof to);
        if (n < 0 || (size_t)n >= sizeof to)
            return sd_err_set(err, SD_ERR_IO, "could not follow the link \"%s\": %s", path,
                              n < 0 ? strerror(errno) : "target too long");
        const char *slash = to[0] != '/' ? strrchr(sd_buf_cstr(out), '/') : NULL;
        sd_buf_truncate(out, slash != NULL ? (size_t)(slash - sd_buf_cstr(out)) + 1 : 0);
        sd_buf_appendn(out, to, (size_t)n);
    }
    return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
}

/* The mode a new file gets from open(2): 0666 less the umask (read without a race that
 * matters: the CLI writes its output on one thread). */
static mode_t
new_file_mode(void)
{
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

sd_status
sd_fs_write_atomic(const char *path, const char *data, size_t len, sd_err *err)
{
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return write_in_place(path, data, len, err);
    /* A symbolic link is written through: the file it names is replaced, the link stays. */
    sd_buf real = SD_BUF_INIT;
    sd_status frc = follow_links(path, &real, err);
    if (frc != SD_OK) {
        sd_buf_dispose(&real);
        return frc;
    }
    const char *target = sd_buf_cstr(&real);
    /* An existing file keeps its mode and, where we may (root), its owner; a new one gets
     * what the umask leaves. */
    bool existed = stat(target, &st) == 0;
    mode_t mode = existed ? (st.st_mode & 07777) : new_file_mode();
    sd_buf tmp = SD_BUF_INIT;
    sd_buf_appendf(&tmp, "%s.tmpXXXXXX", target);
    sd_status rc = SD_OK;
    if (sd_buf_failed(&tmp)) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        goto out;
    }
    int fd = mkstemp(tmp.ptr);
    if (fd < 0) {
        rc = sd_err_set(err, SD_ERR_IO, "could not create a file next to \"%s\": %s", path,
                        strerror(errno));
        goto out;
    }
    FILE *fp = fdopen(fd, "wb");
    if (fp == NULL) {
        close(fd);
        unlink(tmp.ptr);
        rc = sd_err_set(err, SD_ERR_IO, "could not write \"%s\": %s", path, strerror(errno));
        goto out;
    }
    bool ok = fwrite(data, 1, len, fp) == len;
    ok = fflush(fp) == 0 && ok;
    /* mkstemp creates 0600: the mode decided above, before the rename makes it visible. */
    if (existed && (st.st_uid != geteuid() || st.st_gid != getegid()))
        (void)!fchown(fileno(fp), st.st_uid, st.st_gid); /* EPERM: ours, as a new file */
    ok = fchmod(fileno(fp), mode) == 0 && ok;
    ok = fsync(fileno(fp)) == 0 && ok;
    ok = fclose(fp) == 0 && ok;
    if (ok)
        ok = rename(tmp.ptr, target) == 0;
    if (!ok) {
        int e = errno;
        unlink(tmp.ptr);
        rc = sd_err_set(err, SD_ERR_IO, "could not write \"%s\": %s", path, strerror(e));
    }
out:
    sd_buf_dispose(&tmp);
    sd_buf_dispose(&real);
    return rc;
}

sd_status
sd_fs_write_new(const char *path, const char *data, size_t len, sd_err *err)
{
    /* O_EXCL: an existing file, or a link where the file would go, is never written through. */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
    if (fd < 0) {
        int e = errno;
        sd_status rc = sd_err_set(err, SD_ERR_IO, "could not create \"%s\": %s", path,
                                  e == EEXIST ? "it already exists" : strerror(e));
        if (e == EEXIST)
            sd_err_hint(err, "Nothing was overwritten; remove or rename the file first.");
        return rc;
    }
    /* The first failure's errno is the one reported (a write() of 0 bytes has none: ENOSPC). */
    int e = 0;
    for (size_t done = 0; e == 0 && done < len;) {
        ssize_t n = write(fd, data + done, len - done);
        if (n > 0)
            done += (size_t)n;
        else if (n == 0)
            e = ENOSPC;
        else if (errno != EINTR)
            e = errno;
    }
    if (fsync(fd) != 0 && e == 0)
        e = errno;
    if (close(fd) != 0 && e == 0)
        e = errno;
    if (e != 0) {
        unlink(path);
        return sd_err_set(err, SD_ERR_IO, "could not write \"%s\": %s", path, strerror(e));
    }
    return SD_OK;
}

/* Whether a and b name the same existing file (links followed): same device and inode. */
bool
sd_fs_same_file(const char *a, const char *b)
{
    struct stat sa;
    struct stat sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

bool
sd_fs_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}
