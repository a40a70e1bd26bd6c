/*
 * hello: formatted output, arguments, the environment and the heap.
 * Usage: hello [ARGS...]; run with GREETING set (and nothing else in the environment).
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

struct node {
    int value;
    struct node *next;
};

static uint32_t seed = 12345;

static uint32_t next_random(void) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7fff;
}

static int compare_ints(const void *a, const void *b) {
    int x = *(const int *) a;
    int y = *(const int *) b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    printf("hello from %s\n", "C");
    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; i++) {
        printf("argv[%d]=\"%s\" (%zu bytes)\n", i, argv[i], strlen(argv[i]));
    }

    const char *greeting = getenv("GREETING");
    printf("GREETING=%s\n", greeting ? greeting : "(unset)");
    printf("NOT_SET=%s\n", getenv("NOT_SET") ? "set?" : "(unset)");
    int count = 0;
    for (char **e = environ; *e; e++) {
        printf("environ[%d]=%s\n", count++, *e);
    }

    printf("[%5d|%-5d|%05d|%x|%X|%o|%u]\n", 42, 42, 42, 255, 255, 8, 4000000000u);
    printf("[%lld|%" PRId64 "|%" PRIu64 "]\n", -9223372036854775807LL - 1, (int64_t) 1 << 40, UINT64_MAX);
    printf("[%.3f|%e|%g|%g|%.10g]\n", 3.14159265, 12345.678, 0.0001, 1e20, 2.0 / 3.0);
    printf("[%s|%10s|%-10s|%.2s|%c|%%]\n", "str", "right", "left", "truncate", 'c');

    /* a linked list on the heap */
    struct node *head = NULL;
    for (int i = 1; i <= 1000; i++) {
        struct node *n = malloc(sizeof *n);
        if (!n) {
            fprintf(stderr, "out of memory\n");
            return 1;
        }
        n->value = i;
        n->next = head;
        head = n;
    }
    long sum = 0;
    while (head) {
        struct node *n = head;
        sum += n->value;
        head = n->next;
        free(n);
    }
    printf("list sum=%ld\n", sum);

    /* a growing buffer */
    size_t cap = 16, len = 0;
    char *buf = malloc(cap);
    for (int i = 0; i < 200; i++) {
        char word[32];
        int n = snprintf(word, sizeof word, "%d,", i * i);
        if (len + n + 1 > cap) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
        memcpy(buf + len, word, n + 1);
        len += n;
    }
    printf("buffer: %zu bytes, capacity %zu, ends \"%s\"\n", len, cap, buf + len - 12);
    free(buf);

    /* sort random numbers */
    int values[500];
    for (int i = 0; i < 500; i++) {
        values[i] = (int) next_random();
    }
    qsort(values, 500, sizeof values[0], compare_ints);
    printf("sorted: min=%d median=%d max=%d\n", values[0], values[250], values[499]);

    char *copy = strdup("Hello, WebAssembly");
    for (char *p = copy; *p; p++) {
        if (*p >= 'a' && *p <= 'z') {
            *p = (char) (*p - 'a' + 'A');
        }
    }
    printf("%s; strtol(\"-0x1F\")=%ld\n", copy, strtol("-0x1F", NULL, 16));
    free(copy);
    return 0;
}
