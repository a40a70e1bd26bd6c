/*
 * Base64 (RFC 4648) encode and decode with a reverse lookup table and validation, as used for
 * credentials, certificates and MQTT/HTTP payloads. Each of the n passes encodes 6000 bytes
 * of generated data, decodes the text again, checks the round trip and folds both into the
 * checksum. Known answer first: "foobar" <-> "Zm9vYmFy".
 */
#include "workload.h"

#define RAW_SIZE 6000
#define TEXT_SIZE ((RAW_SIZE + 2) / 3 * 4)

static const char alphabet[65] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static i8 reverse[256];
static u8 raw[RAW_SIZE];
static char text[TEXT_SIZE + 4];
static u8 back[RAW_SIZE + 4];

static void make_reverse(void) {
    for (int i = 0; i < 256; i++) {
        reverse[i] = -1;
    }
    for (int i = 0; i < 64; i++) {
        reverse[(u8)alphabet[i]] = (i8)i;
    }
}

static u32 encode(const u8 *src, u32 len, char *dst) {
    u32 o = 0, i = 0;
    for (; i + 3 <= len; i += 3) {
        u32 v = ((u32)src[i] << 16) | ((u32)src[i + 1] << 8) | src[i + 2];
        dst[o++] = alphabet[(v >> 18) & 63];
        dst[o++] = alphabet[(v >> 12) & 63];
        dst[o++] = alphabet[(v >> 6) & 63];
        dst[o++] = alphabet[v & 63];
    }
    if (len - i == 1) {
        u32 v = (u32)src[i] << 16;
        dst[o++] = alphabet[(v >> 18) & 63];
        dst[o++] = alphabet[(v >> 12) & 63];
        dst[o++] = '=';
        dst[o++] = '=';
    } else if (len - i == 2) {
        u32 v = ((u32)src[i] << 16) | ((u32)src[i + 1] << 8);
        dst[o++] = alphabet[(v >> 18) & 63];
        dst[o++] = alphabet[(v >> 12) & 63];
        dst[o++] = alphabet[(v >> 6) & 63];
        dst[o++] = '=';
    }
    return o;
}

/* Returns the decoded length, or -1 on a character outside the alphabet or bad padding. */
static i32 decode(const char *src, u32 len, u8 *dst) {
    if (len % 4 != 0) {
        return -1;
    }
    u32 o = 0;
    for (u32 i = 0; i < len; i += 4) {
        i32 a = reverse[(u8)src[i]];
        i32 b = reverse[(u8)src[i + 1]];
        if (a < 0 || b < 0) {
            return -1;
        }
        dst[o++] = (u8)((a << 2) | (b >> 4));
        if (src[i + 2] == '=') {
            if (src[i + 3] != '=' || i + 4 != len) {
                return -1;
            }
            break;
        }
        i32 c = reverse[(u8)src[i + 2]];
        if (c < 0) {
            return -1;
        }
        dst[o++] = (u8)((b << 4) | (c >> 2));
        if (src[i + 3] == '=') {
            if (i + 4 != len) {
                return -1;
            }
            break;
        }
        i32 d = reverse[(u8)src[i + 3]];
        if (d < 0) {
            return -1;
        }
        dst[o++] = (u8)((c << 6) | d);
    }
    return (i32)o;
}

WORKLOAD_RUN {
    make_reverse();
    static const u8 foobar[6] = {'f', 'o', 'o', 'b', 'a', 'r'};
    static const char expect[8] = {'Z', 'm', '9', 'v', 'Y', 'm', 'F', 'y'};
    if (encode(foobar, 6, text) != 8) {
        return -1;
    }
    for (int i = 0; i < 8; i++) {
        if (text[i] != expect[i]) {
            return -1;
        }
    }
    u32 seed = 0xB64B64B6u;
    u32 h = CHECKSUM_INIT;
    for (int pass = 0; pass < n; pass++) {
        u32 len = RAW_SIZE - (u32)(pass % 3); /* exercise all three padding cases */
        for (u32 i = 0; i < len; i++) {
            raw[i] = (u8)xorshift32(&seed);
        }
        u32 tlen = encode(raw, len, text);
        i32 dlen = decode(text, tlen, back);
        if (dlen != (i32)len) {
            return -2;
        }
        u32 sum = 0;
        for (u32 i = 0; i < len; i++) {
            if (back[i] != raw[i]) {
                return -3;
            }
        }
        for (u32 i = 0; i < tlen; i++) {
            sum = sum * 33 + (u8)text[i];
        }
        h = mix32(h, tlen);
        h = mix32(h, sum);
    }
    return (int)h;
}
