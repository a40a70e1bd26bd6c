/*
 * exitcode: leaves with the status named by its argument.
 * Usage: exitcode N (exit(N)) | exitcode return (returns 7 from main) | exitcode abort.
 * Output is left in stdio's buffer on purpose: exit() must flush it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    const char *how = argc > 1 ? argv[1] : "0";
    printf("leaving with %s\n", how);
    if (strcmp(how, "return") == 0) {
        return 7;
    }
    if (strcmp(how, "abort") == 0) {
        fflush(stdout);
        abort();
    }
    exit(atoi(how));
}
