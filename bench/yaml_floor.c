/*
 * yaml_floor: the floor of reading a snapshot, for bench/pg.sh. It runs libyaml's event
 * parser over each FILE and throws every event away, which is the least any reader built on
 * libyaml does; schemadrift's own read adds building and checking the model to it.
 *
 *   cc -O2 bench/yaml_floor.c -lyaml -o yaml_floor && ./yaml_floor FILE...
 *
 * Exit status 0, or 2 when a file cannot be read or does not parse.
 */
#include <stdio.h>
#include <stdlib.h>

#include <yaml.h>

static int
parse_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        return 2;
    }
    size_t cap = 1 << 20, len = 0;
    unsigned char *data = malloc(cap);
    size_t got;
    while (data != NULL && (got = fread(data + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            unsigned char *more = realloc(data, cap *= 2);
            if (more == NULL)
                free(data);
            data = more;
        }
    }
    fclose(f);
    if (data == NULL) {
        fprintf(stderr, "%s: out of memory\n", path);
        return 2;
    }
    yaml_parser_t p;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_string(&p, data, len);
    yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
    unsigned long events = 0;
    int rc = 0;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev)) {
            fprintf(stderr, "%s: %s\n", path, p.problem != NULL ? p.problem : "parse error");
            rc = 2;
            break;
        }
        int type = ev.type;
        yaml_event_delete(&ev);
        events++;
        if (type == YAML_STREAM_END_EVENT)
            break;
    }
    yaml_parser_delete(&p);
    free(data);
    if (rc == 0)
        printf("%s: %lu events\n", path, events);
    return rc;
}

int
main(int argc, char **argv)
{
    int rc = 0;
    for (int i = 1; i < argc && rc == 0; i++)
        rc = parse_file(argv[i]);
    return argc < 2 ? 2 : rc;
}
