/*
 * fsutil.h: whole-file reads and atomic writes (temp file in the same directory, fsync,
 * checked fclose, rename), so that a snapshot or SQL file is never half-written.
 */
#ifndef SD_UTIL_FSUTIL_H
#define SD_UTIL_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

/* Append the whole file to out. SD_ERR_NOTFOUND when it does not exist, SD_ERR_IO otherwise. */
sd_status sd_fs_read_all(sd_buf *out, const char *path, sd_err *err);
/* Replace path's content atomically. An existing file keeps its mode, a new one gets 0666
 * less the umask; a symbolic link is written through (the file it names is replaced); a
 * device or FIFO is written in place. */
sd_status sd_fs_write_atomic(const char *path, const char *data, size_t len, sd_err *err);
/* Create path holding data, never replacing anything (O_EXCL): SD_ERR_IO saying it exists when
 * it does. The file is flushed to disk; one that could not be written whole is removed. */
sd_status sd_fs_write_new(const char *path, const char *data, size_t len, sd_err *err);
bool sd_fs_exists(const char *path);
/* Whether a and b name the same existing file, through links too (device and inode). */
bool sd_fs_same_file(const char *a, const char *b);

#endif
