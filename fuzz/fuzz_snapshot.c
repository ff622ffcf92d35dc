/*
 * fuzz_snapshot.c: libFuzzer target for the snapshot reader and writer.
 *
 * Besides crashes and sanitizer reports it checks, with abort(), the contracts callers rely
 * on: a failed read leaves *out NULL and says where (`fuzz:LINE:COLUMN` for parse errors),
 * and whatever reads successfully writes back, reads back and writes again to the very same
 * bytes. Inputs the fuzzer makes up almost never carry valid fingerprints, so when the
 * verified read fails the input is read again without fingerprint verification: what that
 * accepts must also write out as a snapshot that the verifying reader accepts. Fuzzing only
 * the verified path would exercise the writer on the seed corpus alone.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "snapshots/snapshot.h"
#include "snapshots/snapshot_int.h"
#include "util/buf.h"
#include "util/err.h"

/* libFuzzer fixes this name. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size); /* NOLINT */

static void
check(bool ok)
{
    if (!ok)
        abort();
}

/* A failed read: no model, a message, and a `fuzz:LINE:COLUMN` location for parse errors. */
static void
check_failure(sd_status rc, const sd_model *m, const sd_err *err)
{
    check(m == NULL && err->code == rc && err->msg[0] != '\0');
    if (rc == SD_ERR_PARSE)
        check(strncmp(err->where, "fuzz", 4) == 0);
}

/* write, verified read, write: the two writes must be byte-identical. */
static void
check_roundtrip(const sd_model *m)
{
    sd_buf first = SD_BUF_INIT;
    sd_buf second = SD_BUF_INIT;
    sd_model *back = NULL;
    sd_err err = SD_ERR_INIT;

    check(sd_snapshot_write(&first, m, &err) == SD_OK);
    check(sd_snapshot_read(&back, sd_buf_cstr(&first), first.len, "again", &err) == SD_OK);
    check(sd_model_fingerprint(back) == sd_model_fingerprint(m));
    check(sd_model_size(back) == sd_model_size(m));
    check(sd_snapshot_write(&second, back, &err) == SD_OK);
    check(first.len == second.len &&
          memcmp(sd_buf_cstr(&first), sd_buf_cstr(&second), first.len) == 0);
    sd_model_free(back);
    sd_buf_dispose(&first);
    sd_buf_dispose(&second);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) /* NOLINT: libFuzzer entry point */
{
    const char *text = (const char *)data;
    sd_model *m = NULL;
    sd_err err = SD_ERR_INIT;

    sd_status rc = sd_snapshot_read(&m, text, size, "fuzz", &err);
    if (rc == SD_OK) {
        check_roundtrip(m);
        sd_model_free(m);
        return 0;
    }
    check_failure(rc, m, &err);

    sd_err_clear(&err);
    rc = sd_snapshot__read(&m, text, size, "fuzz", SD_SNAPSHOT__NO_VERIFY, &err);
    if (rc == SD_OK) {
        check_roundtrip(m);
        sd_model_free(m);
        return 0;
    }
    check_failure(rc, m, &err);
    return 0;
}
