/*
 * wc: counts the lines, words and bytes of standard input, like wc(1), and prints its
 * longest line and an FNV-1a hash of all of it.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    char chunk[64];
    size_t n;
    long lines = 0, words = 0, bytes = 0;
    int in_word = 0;
    uint32_t hash = 2166136261u;
    char line[256], longest[256] = "";
    size_t line_len = 0;
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char) chunk[i];
            bytes++;
            hash = (hash ^ c) * 16777619u;
            if (c == '\n') {
                lines++;
                line[line_len] = 0;
                if (line_len > strlen(longest)) {
                    strcpy(longest, line);
                }
                line_len = 0;
            } else if (line_len < sizeof line - 1) {
                line[line_len++] = (char) c;
            }
            if (isspace(c)) {
                in_word = 0;
            } else if (!in_word) {
                in_word = 1;
                words++;
            }
        }
    }
    printf("%ld %ld %ld\n", lines, words, bytes);
    printf("longest: \"%s\"\n", longest);
    printf("fnv1a: %08x\n", (unsigned) hash);
    return 0;
}
