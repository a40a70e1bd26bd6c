/*
 * Native wrapper, for the gcc build only (never part of a .wasm):
 *   NAME N          prints run(N), the checksum, as a signed decimal (like the wasmlet CLI);
 *   NAME N ITER     calls run(N) ITER times and prints "iter I NANOS RESULT" for each
 *                   (what tools/bench reads).
 * Kept in its own translation unit so the compiler cannot fold repeated calls of run().
 */
#define _POSIX_C_SOURCE 199309L /* clock_gettime under -std=c11 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int run(int n);

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s N [ITER]\n", argv[0]);
        return 2;
    }
    int n = atoi(argv[1]);
    if (argc == 2) {
        printf("%d\n", run(n));
        return 0;
    }
    int iter = atoi(argv[2]);
    for (int i = 0; i < iter; i++) {
        long long t0 = now_ns();
        int r = run(n);
        long long t1 = now_ns();
        printf("iter %d %lld %d\n", i, t1 - t0, r);
    }
    return 0;
}
