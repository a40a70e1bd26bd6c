/*
 * LZ77-style compression and decompression in the LZ4 block format family (token byte with
 * literal and match lengths, 16-bit offsets, hash table of recent positions): what loggers and
 * OTA updaters use to squeeze data into flash. Each of the n passes generates 16 KiB of
 * text-like input, compresses it, decompresses it, checks the round trip and folds the
 * compressed size and bytes into the checksum.
 */
#include "workload.h"

#define IN_SIZE 16384
#define HASH_BITS 12
#define MIN_MATCH 4

static u8 input[IN_SIZE];
static u8 packed[IN_SIZE + IN_SIZE / 255 + 64];
static u8 output[IN_SIZE];
static i32 htab[1 << HASH_BITS];

static const char *const words[32] = {
    "sensor", "value", "temperature", "pressure", "the", "a", "of", "and", "error", "ok",
    "timeout", "retry", "packet", "received", "sent", "battery", "level", "low", "high", "node",
    "gateway", "uplink", "downlink", "channel", "frame", "checksum", "buffer", "flash", "page",
    "erase", "write", "read",
};

static u32 read32(const u8 *p) {
    return (u32)p[0] | ((u32)p[1] << 8) | ((u32)p[2] << 16) | ((u32)p[3] << 24);
}

static u32 hash4(u32 v) {
    return (v * 2654435761u) >> (32 - HASH_BITS);
}

static u8 *put_length(u8 *op, u32 len) {
    while (len >= 255) {
        *op++ = 255;
        len -= 255;
    }
    *op++ = (u8)len;
    return op;
}

static u8 *put_literals(u8 *op, const u8 *src, u32 lit, u32 match_nibble) {
    *op++ = (u8)(((lit < 15 ? lit : 15) << 4) | match_nibble);
    if (lit >= 15) {
        op = put_length(op, lit - 15);
    }
    for (u32 k = 0; k < lit; k++) {
        *op++ = src[k];
    }
    return op;
}

static u32 compress(const u8 *in, u32 len, u8 *out) {
    for (int i = 0; i < (1 << HASH_BITS); i++) {
        htab[i] = -1;
    }
    u8 *op = out;
    u32 anchor = 0, ip = 0;
    if (len >= 12) {
        u32 limit = len - 12;
        while (ip < limit) {
            u32 seq = read32(in + ip);
            u32 hh = hash4(seq);
            i32 ref = htab[hh];
            htab[hh] = (i32)ip;
            if (ref < 0 || ip - (u32)ref > 65535 || read32(in + ref) != seq) {
                ip++;
                continue;
            }
            u32 mlen = MIN_MATCH;
            while (ip + mlen < len - 5 && in[ref + mlen] == in[ip + mlen]) {
                mlen++;
            }
            u32 m = mlen - MIN_MATCH;
            op = put_literals(op, in + anchor, ip - anchor, m < 15 ? m : 15);
            u32 off = ip - (u32)ref;
            *op++ = (u8)off;
            *op++ = (u8)(off >> 8);
            if (m >= 15) {
                op = put_length(op, m - 15);
            }
            ip += mlen;
            anchor = ip;
        }
    }
    op = put_literals(op, in + anchor, len - anchor, 0);
    return (u32)(op - out);
}

/* Returns the decompressed size, or -1 if the input is malformed. */
static i32 decompress(const u8 *in, u32 clen, u8 *out, u32 cap) {
    u32 ip = 0, op = 0;
    while (ip < clen) {
        u32 token = in[ip++];
        u32 lit = token >> 4;
        if (lit == 15) {
            u32 b;
            do {
                b = in[ip++];
                lit += b;
            } while (b == 255);
        }
        if (op + lit > cap || ip + lit > clen) {
            return -1;
        }
        for (u32 k = 0; k < lit; k++) {
            out[op++] = in[ip++];
        }
        if (ip >= clen) {
            break;
        }
        u32 off = (u32)in[ip] | ((u32)in[ip + 1] << 8);
        ip += 2;
        u32 mlen = token & 15;
        if (mlen == 15) {
            u32 b;
            do {
                b = in[ip++];
                mlen += b;
            } while (b == 255);
        }
        mlen += MIN_MATCH;
        if (off == 0 || off > op || op + mlen > cap) {
            return -1;
        }
        for (u32 k = 0; k < mlen; k++) {
            out[op] = out[op - off];
            op++;
        }
    }
    return (i32)op;
}

static void generate(u32 seed) {
    u32 pos = 0;
    while (pos < IN_SIZE) {
        u32 r = xorshift32(&seed);
        if ((r & 15) == 0) {
            /* a number */
            u32 v = (r >> 8) % 100000;
            char digits[8];
            int nd = 0;
            do {
                digits[nd++] = (char)('0' + v % 10);
                v /= 10;
            } while (v != 0);
            while (nd > 0 && pos < IN_SIZE) {
                input[pos++] = (u8)digits[--nd];
            }
        } else {
            /* a word, skewed towards the first ones */
            const char *w = words[((r >> 4) & 31) & ((r >> 9) & 31)];
            while (*w && pos < IN_SIZE) {
                input[pos++] = (u8)*w++;
            }
        }
        if (pos < IN_SIZE) {
            input[pos++] = (r >> 20) % 11 == 0 ? '\n' : ((r >> 24) % 7 == 0 ? ',' : ' ');
        }
    }
}

WORKLOAD_RUN {
    u32 h = CHECKSUM_INIT;
    for (int pass = 0; pass < n; pass++) {
        generate(0x9E3779B9u ^ (u32)(pass * 7919 + 1));
        u32 clen = compress(input, IN_SIZE, packed);
        i32 dlen = decompress(packed, clen, output, IN_SIZE);
        if (dlen != IN_SIZE) {
            return -1;
        }
        for (u32 i = 0; i < IN_SIZE; i++) {
            if (output[i] != input[i]) {
                return -2;
            }
        }
        h = mix32(h, clen);
        u32 sum = 0;
        for (u32 i = 0; i < clen; i++) {
            sum = sum * 31 + packed[i];
        }
        h = mix32(h, sum);
    }
    return (int)h;
}
