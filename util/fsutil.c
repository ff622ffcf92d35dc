/*
 * fsutil.c: whole-file reads and atomic writes. A write goes to a temporary file in the
 * target's directory, is flushed and fsynced, and only then renamed over the target.
 */
#include "util/fsutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

sd_status
sd_fs_write_atomic(const char *path, const char *data, size_t len, sd_err *err)
{
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return write_in_place(path, data, len, err);
    sd_buf tmp = SD_BUF_INIT;
    sd_buf_appendf(&tmp, "%s.tmpXXXXXX", path);
    if (sd_buf_failed(&tmp))
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    sd_status rc = SD_OK;
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
    ok = fsync(fileno(fp)) == 0 && ok;
    ok = fclose(fp) == 0 && ok;
    /* mkstemp creates 0600; a snapshot or SQL file is an ordinary user file. */
    if (ok)
        ok = chmod(tmp.ptr, 0644) == 0;
    if (ok)
        ok = rename(tmp.ptr, path) == 0;
    if (!ok) {
        int e = errno;
        unlink(tmp.ptr);
        rc = sd_err_set(err, SD_ERR_IO, "could not write \"%s\": %s", path, strerror(e));
    }
out:
    sd_buf_dispose(&tmp);
    return rc;
}

bool
sd_fs_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}
