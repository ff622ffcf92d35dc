/*
 * replay.c: a main() for a fuzz target without libFuzzer. It runs LLVMFuzzerTestOneInput once
 * on every file named on the command line and on every file under every directory named
 * there (recursively, in byte order of the names, skipping dot files). Built with any
 * compiler as fuzz_replay_<name> and registered as the CTest test fuzz.replay.<name> on
 * fuzz/corpus/<name>/, so an input that once crashed stays fixed in every build, and under
 * ASan+UBSan with -DSD_SANITIZE=ON.
 *
 * A target reports a bug by crashing or aborting. Each input is copied into a buffer of
 * exactly its size, so a sanitizer sees a read past its end. Exit status: 0 when every input
 * ran, 1 when the target returned a value other than 0 or -1, 2 when an argument cannot be
 * read or no input was found at all (a replay of nothing must not pass).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dirent.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Optional in a target, as with libFuzzer. */
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static size_t inputs; /* inputs run so far */
static int status;    /* exit status so far */

static void
set_status(int s)
{
    if (s > status)
        status = s;
}

static int
cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
run_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        fprintf(stderr, "replay: cannot open %s: %s\n", path, strerror(errno));
        set_status(2);
        return;
    }
    size_t len = 0, cap = 4096;
    char *buf = malloc(cap);
    size_t n;
    while (buf != NULL && (n = fread(buf + len, 1, cap - len, fp)) > 0) {
        len += n;
        if (len == cap) {
            char *grown = realloc(buf, cap * 2);
            if (grown == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap *= 2;
        }
    }
    int read_error = ferror(fp);
    fclose(fp);
    if (buf == NULL || read_error) {
        fprintf(stderr, "replay: cannot read %s\n", path);
        free(buf);
        set_status(2);
        return;
    }
    /* Exactly len bytes (at least one for malloc), so an overread is out of bounds. */
    uint8_t *data = malloc(len > 0 ? len : 1);
    if (data == NULL) {
        fprintf(stderr, "replay: out of memory for %s\n", path);
        free(buf);
        set_status(2);
        return;
    }
    memcpy(data, buf, len);
    free(buf);

    fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
    int rc = LLVMFuzzerTestOneInput(data, len);
    free(data);
    inputs++;
    if (rc != 0 && rc != -1) {
        fprintf(stderr, "replay: %s: LLVMFuzzerTestOneInput returned %d\n", path, rc);
        set_status(1);
    }
}

static void run_path(const char *path);

static void
run_dir(const char *path)
{
    DIR *dir = opendir(path);
    if (dir == NULL) {
        fprintf(stderr, "replay: cannot open directory %s: %s\n", path, strerror(errno));
        set_status(2);
        return;
    }
    char **names = NULL;
    size_t len = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(dir)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (len == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            char **grown = realloc(names, ncap * sizeof(*names));
            if (grown == NULL)
                break;
            names = grown;
            cap = ncap;
        }
        size_t need = strlen(path) + 1 + strlen(de->d_name) + 1;
        names[len] = malloc(need);
        if (names[len] == NULL)
            break;
        snprintf(names[len], need, "%s/%s", path, de->d_name);
        len++;
    }
    if (de != NULL) {
        fprintf(stderr, "replay: out of memory listing %s\n", path);
        set_status(2);
    }
    closedir(dir);
    if (len > 0)
        qsort(names, len, sizeof(*names), cmp_names);
    for (size_t i = 0; i < len; i++) {
        run_path(names[i]);
        free(names[i]);
    }
    free(names);
}

static void
run_path(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        set_status(2);
    } else if (S_ISDIR(st.st_mode)) {
        run_dir(path);
    } else {
        run_file(path);
    }
}

int
main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s CORPUS_DIR_OR_FILE...\n", argv[0]);
        return 2;
    }
    if (LLVMFuzzerInitialize != NULL)
        LLVMFuzzerInitialize(&argc, &argv);
    for (int i = 1; i < argc; i++)
        run_path(argv[i]);
    if (inputs == 0) {
        fprintf(stderr, "replay: no inputs found: an empty corpus cannot show a bug\n");
        set_status(2);
    }
    printf("replay: %zu inputs, %s\n", inputs, status == 0 ? "all ok" : "FAILED");
    return status;
}
