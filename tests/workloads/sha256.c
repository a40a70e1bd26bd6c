/*
 * SHA-256 (FIPS 180-4), as used for firmware signature checks: n digests of a 4 KiB message,
 * each digest folded back into the message so every pass differs. Checked against the
 * standard "abc" test vector first.
 */
#include "workload.h"

#define MSG_SIZE 4096

static const u32 K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

typedef struct {
    u32 h[8];
    u8 block[64];
    u32 used;
    u64 total;
} sha256_ctx;

static u8 msg[MSG_SIZE];

static inline u32 rotr(u32 x, int r) {
    return (x >> r) | (x << (32 - r));
}

static void compress(u32 *h, const u8 *p) {
    u32 w[64];
    for (int i = 0; i < 16; i++) {
        w[i] = ((u32)p[4 * i] << 24) | ((u32)p[4 * i + 1] << 16) | ((u32)p[4 * i + 2] << 8) | p[4 * i + 3];
    }
    for (int i = 16; i < 64; i++) {
        u32 s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        u32 s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    u32 a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; i++) {
        u32 S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        u32 ch = (e & f) ^ (~e & g);
        u32 t1 = hh + S1 + ch + K[i] + w[i];
        u32 S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        u32 maj = (a & b) ^ (a & c) ^ (b & c);
        u32 t2 = S0 + maj;
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
}

static void sha_init(sha256_ctx *c) {
    static const u32 iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                              0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    for (int i = 0; i < 8; i++) {
        c->h[i] = iv[i];
    }
    c->used = 0;
    c->total = 0;
}

static void sha_update(sha256_ctx *c, const u8 *p, u32 len) {
    c->total += len;
    while (len > 0) {
        u32 take = 64 - c->used;
        if (take > len) {
            take = len;
        }
        for (u32 i = 0; i < take; i++) {
            c->block[c->used + i] = p[i];
        }
        c->used += take;
        p += take;
        len -= take;
        if (c->used == 64) {
            compress(c->h, c->block);
            c->used = 0;
        }
    }
}

static void sha_final(sha256_ctx *c, u32 out[8]) {
    u64 bits = c->total * 8;
    u8 pad = 0x80;
    sha_update(c, &pad, 1);
    u8 zero = 0;
    while (c->used != 56) {
        sha_update(c, &zero, 1);
    }
    u8 len[8];
    for (int i = 0; i < 8; i++) {
        len[i] = (u8)(bits >> (56 - 8 * i));
    }
    sha_update(c, len, 8);
    for (int i = 0; i < 8; i++) {
        out[i] = c->h[i];
    }
}

WORKLOAD_RUN {
    sha256_ctx ctx;
    u32 d[8];
    /* Known answer: SHA-256("abc") starts ba7816bf 8f01cfea, ends f20015ad. */
    static const u8 abc[3] = {'a', 'b', 'c'};
    sha_init(&ctx);
    sha_update(&ctx, abc, 3);
    sha_final(&ctx, d);
    if (d[0] != 0xba7816bfu || d[1] != 0x8f01cfeau || d[7] != 0xf20015adu) {
        return -1;
    }
    u32 seed = 0xC0FFEE11u;
    for (u32 i = 0; i < MSG_SIZE; i++) {
        msg[i] = (u8)xorshift32(&seed);
    }
    u32 h = CHECKSUM_INIT;
    for (int pass = 0; pass < n; pass++) {
        sha_init(&ctx);
        sha_update(&ctx, msg, MSG_SIZE);
        sha_final(&ctx, d);
        for (int i = 0; i < 8; i++) {
            h = mix32(h, d[i]);
            msg[(d[i] % MSG_SIZE)] ^= (u8)(d[i] >> 24);
        }
    }
    return (int)h;
}
