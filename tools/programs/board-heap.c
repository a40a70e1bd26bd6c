/*
 * board-heap.c: the heap of the C programs' board builds (tools/programs/build.sh), linked in
 * place of wasi-libc's dlmalloc and sbrk.
 *
 * The board builds use a linear memory of 1-byte pages (the custom-page-sizes proposal:
 * -Wl,--page-size=1), so that a program declares the bytes it needs instead of a 64 KiB page.
 * Two parts of the prebuilt wasi-libc assume 64 KiB pages: its sbrk (memory.size << 16, and
 * memory.grow of increment >> 16) and dlmalloc, whose granularity is one 64 KiB page (its first
 * allocation asks for 64 KiB). This file replaces both: memory grows by exactly what an
 * allocation needs, counted in bytes.
 *
 * The allocator: blocks of a multiple of 16 bytes, each with an 8-byte header (its size, bit 0 set
 * while in use) so that payloads are 16-byte aligned (max_align_t on wasm32); freed blocks go on a
 * singly linked free list, taken first-fit and split; a freed block at the top of the heap gives
 * its bytes back to the top. Small and predictable rather than fast: the programs it serves
 * allocate a few thousand blocks at most.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define HEADER 8u
#define ALIGN 16u
#define USED 1u

extern unsigned char __heap_base;

static uintptr_t top;       /* first byte past the last block */
static uintptr_t *free_list; /* payload of the first free block; its first word links the next */

static uintptr_t *header(void *payload) {
    return (uintptr_t *) ((unsigned char *) payload - HEADER);
}

/* Grows the memory so that [0, end) is accessible; 0 when the memory cannot grow. */
static int reach(uintptr_t end) {
    uintptr_t size = __builtin_wasm_memory_size(0);
    if (end <= size) {
        return 1;
    }
    return __builtin_wasm_memory_grow(0, end - size) != (uintptr_t) -1;
}

void *sbrk(intptr_t increment) {
    uintptr_t old = __builtin_wasm_memory_size(0);
    if (increment < 0) {
        errno = EINVAL;
        return (void *) -1;
    }
    if (increment > 0 && __builtin_wasm_memory_grow(0, (uintptr_t) increment) == (uintptr_t) -1) {
        errno = ENOMEM;
        return (void *) -1;
    }
    return (void *) old;
}

void *malloc(size_t n) {
    if (n > 0x7fff0000u) {
        errno = ENOMEM;
        return NULL;
    }
    uintptr_t need = (n + HEADER + ALIGN - 1) & ~(uintptr_t) (ALIGN - 1);
    uintptr_t **link = &free_list;
    for (uintptr_t *p = free_list; p != NULL; link = (uintptr_t **) p, p = (uintptr_t *) *p) {
        uintptr_t size = *header(p);
        if (size < need) {
            continue;
        }
        *link = (uintptr_t *) *p;
        if (size - need >= 2 * ALIGN) { /* split: the rest goes back on the list */
            uintptr_t *rest = (uintptr_t *) ((unsigned char *) p + need);
            *header(rest) = size - need;
            *rest = (uintptr_t) free_list;
            free_list = rest;
            size = need;
        }
        *header(p) = size | USED;
        return p;
    }
    if (top == 0) { /* the first block's payload is 16-byte aligned */
        top = (((uintptr_t) &__heap_base + HEADER + ALIGN - 1) & ~(uintptr_t) (ALIGN - 1)) - HEADER;
    }
    if (!reach(top + need)) {
        errno = ENOMEM;
        return NULL;
    }
    uintptr_t *block = (uintptr_t *) top;
    *block = need | USED;
    top += need;
    return (unsigned char *) block + HEADER;
}

void free(void *payload) {
    if (payload == NULL) {
        return;
    }
    uintptr_t size = *header(payload) & ~(uintptr_t) USED;
    if ((uintptr_t) payload - HEADER + size == top) {
        top -= size;
        return;
    }
    *header(payload) = size;
    *(uintptr_t *) payload = (uintptr_t) free_list;
    free_list = payload;
}

void *calloc(size_t count, size_t n) {
    if (n != 0 && count > SIZE_MAX / n) {
        errno = ENOMEM;
        return NULL;
    }
    void *p = malloc(count * n);
    if (p != NULL) {
        memset(p, 0, count * n);
    }
    return p;
}

void *realloc(void *payload, size_t n) {
    if (payload == NULL) {
        return malloc(n);
    }
    uintptr_t size = *header(payload) & ~(uintptr_t) USED;
    if (n + HEADER <= size) {
        return payload;
    }
    uintptr_t need = (n + HEADER + ALIGN - 1) & ~(uintptr_t) (ALIGN - 1);
    if ((uintptr_t) payload - HEADER + size == top) { /* the top block grows in place */
        if (!reach(top - size + need)) {
            errno = ENOMEM;
            return NULL;
        }
        *header(payload) = need | USED;
        top += need - size;
        return payload;
    }
    void *p = malloc(n);
    if (p != NULL) {
        memcpy(p, payload, size - HEADER);
        free(payload);
    }
    return p;
}

void *aligned_alloc(size_t alignment, size_t n) {
    if (alignment <= ALIGN) {
        return malloc(n);
    }
    errno = EINVAL;
    return NULL;
}

int posix_memalign(void **out, size_t alignment, size_t n) {
    if (alignment > ALIGN) {
        return EINVAL;
    }
    void *p = malloc(n);
    if (p == NULL && n != 0) {
        return ENOMEM;
    }
    *out = p;
    return 0;
}

size_t malloc_usable_size(void *payload) {
    return payload == NULL ? 0 : (*header(payload) & ~(uintptr_t) USED) - HEADER;
}
