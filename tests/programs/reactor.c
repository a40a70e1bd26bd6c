/*
 * A WASI reactor (clang -mexec-model=reactor): no main. Its _initialize export runs the C
 * constructors, which fill the table square() reads and print a line; a runner that never
 * calls _initialize gets square(5) == -1. Built by tools/programs/build.sh.
 *
 *   wasmlet run tests/programs/reactor.wasm --invoke square 5    prints the line, then 25
 */
#include <stdio.h>

static int squares[16];
static int ready = -1;

__attribute__((constructor)) static void init(void) {
    for (int i = 0; i < 16; i++) {
        squares[i] = i * i;
    }
    ready = 1;
    printf("reactor initialised\n");
    fflush(stdout);
}

__attribute__((export_name("square"))) int square(int x) {
    if (ready < 0) {
        return -1;
    }
    return x >= 0 && x < 16 ? squares[x] : -2;
}
