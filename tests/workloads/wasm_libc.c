/*
 * The few libc functions clang may call on its own (loop idioms, struct copies), for the wasm
 * build only; the native build uses the C library's. Compiled with -fno-builtin so the loops
 * below are not turned back into calls to themselves.
 */
#include "workload.h"

void *memcpy(void *dst, const void *src, usize len) {
    u8 *d = (u8 *)dst;
    const u8 *s = (const u8 *)src;
    while (len--) {
        *d++ = *s++;
    }
    return dst;
}

void *memmove(void *dst, const void *src, usize len) {
    u8 *d = (u8 *)dst;
    const u8 *s = (const u8 *)src;
    if (d < s) {
        while (len--) {
            *d++ = *s++;
        }
    } else {
        d += len;
        s += len;
        while (len--) {
            *--d = *--s;
        }
    }
    return dst;
}

void *memset(void *dst, int c, usize len) {
    u8 *d = (u8 *)dst;
    while (len--) {
        *d++ = (u8)c;
    }
    return dst;
}
