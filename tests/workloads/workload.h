/*
 * Common definitions for the wasmlet workloads.
 *
 * Every workload is freestanding C: no libc headers, no allocation, no I/O. It exports
 * `int run(int n)`, which does work proportional to n and returns a 32-bit checksum. run() must
 * rebuild all of its state on every call, so calling it twice with the same n gives the same
 * result (the benchmark calls it repeatedly on one instance).
 *
 * Portability rules, so native (x86-64, gcc) and wasm32 (clang) agree bit for bit:
 *  - only fixed-width types below; never `long` (32 bits on wasm32, 64 on x86-64);
 *  - hashing and wrapping arithmetic on unsigned types (signed overflow is undefined);
 *  - floating point: plain + - * / and sqrt only, no libm, no -ffast-math.
 */
#ifndef WORKLOAD_H
#define WORKLOAD_H

typedef unsigned char u8;
typedef signed char i8;
typedef unsigned short u16;
typedef short i16;
typedef unsigned int u32;
typedef int i32;
typedef unsigned long long u64;
typedef long long i64;
typedef __SIZE_TYPE__ usize;

#if defined(__wasm__)
#define WORKLOAD_RUN __attribute__((export_name("run"))) int run(int n)
#else
#define WORKLOAD_RUN int run(int n)
#endif

/* clang and gcc may turn loops and struct copies into calls to these; wasm_libc.c defines them
 * for the wasm build, libc for the native one. */
void *memcpy(void *dst, const void *src, usize len);
void *memset(void *dst, int c, usize len);
void *memmove(void *dst, const void *src, usize len);

/* xorshift32: the deterministic input generator of every workload. state must not be 0. */
static inline u32 xorshift32(u32 *state) {
    u32 x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

/* FNV-1a-style mixing of a 32-bit word into a running checksum. */
static inline u32 mix32(u32 h, u32 v) {
    h ^= v;
    h *= 16777619u;
    h ^= h >> 15;
    return h;
}

#define CHECKSUM_INIT 2166136261u

#endif
