/*
 * output.c: writing results to standard output or to the -o file. A failed write (full disk, closed
 * pipe reported as EPIPE) is an error with exit status 2, never a silently truncated result.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "util/fsutil.h"

sd_status
sd_cli_write_stdout(const char *data, size_t len, sd_err *err)
{
    errno = 0;
    if ((len > 0 && fwrite(data, 1, len, stdout) != len) || fflush(stdout) != 0 || ferror(stdout)) {
        return sd_err_set(err, SD_ERR_IO, "could not write to standard output: %s",
                          errno != 0 ? strerror(errno) : "write error");
    }
    return SD_OK;
}

sd_status
sd_cli_write_output(const char *output, const char *data, size_t len, sd_err *err)
{
    if (output == NULL || strcmp(output, "-") == 0)
        return sd_cli_write_stdout(data, len, err);
    return sd_fs_write_atomic(output, data, len, err);
}
