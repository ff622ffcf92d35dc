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
sd_cli_output_not_input(const char *output, const sd_source *sources, size_t nsources, sd_err *err)
{
    if (output == NULL || strcmp(output, "-") == 0)
        return SD_OK;
    for (size_t i = 0; i < nsources; i++) {
        bool file = sources[i].kind == SD_SOURCE_SQLITE || sources[i].kind == SD_SOURCE_SNAPSHOT;
        if (file && sd_fs_same_file(output, sources[i].target)) {
            return sd_err_set(err, SD_ERR_PARSE,
                              "the output file \"%s\" is the input %s: writing it would replace "
                              "it; give -o another file",
                              output, sources[i].label);
        }
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
