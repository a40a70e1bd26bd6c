/*
 * Fixed-point FIR filter, Q15 samples and coefficients with a 32-bit accumulator, rounding and
 * saturation: the inner loop of every audio, sensor or motor-control DSP routine. 63 taps over
 * a 4096-sample signal; each of the n passes filters the previous pass's output (plus a little
 * fresh noise so the signal does not die out).
 */
#include "workload.h"

#define TAPS 63
#define LEN 4096

static i16 coef[TAPS];
static i16 x[LEN + TAPS];
static i16 y[LEN];

static inline i16 sat16(i32 v) {
    if (v > 32767) {
        return 32767;
    }
    if (v < -32768) {
        return -32768;
    }
    return (i16)v;
}

static void make_coefs(void) {
    /* Triangular window with sign flips: sum of |coef| <= 32768, so the Q15 accumulator cannot
     * overflow 32 bits. */
    for (int k = 0; k < TAPS; k++) {
        int w = k < TAPS / 2 ? k + 1 : TAPS - k;
        int c = w * 32;
        coef[k] = (i16)((k % 7 == 3) ? -c : c);
    }
}

static void fir(const i16 *in, i16 *out, int len) {
    for (int i = 0; i < len; i++) {
        i32 acc = 1 << 14; /* rounding */
        const i16 *p = in + i;
        for (int k = 0; k < TAPS; k++) {
            acc += (i32)coef[k] * p[TAPS - 1 - k];
        }
        out[i] = sat16(acc >> 15);
    }
}

WORKLOAD_RUN {
    make_coefs();
    u32 seed = 0x0BADF00Du;
    for (int i = 0; i < LEN + TAPS; i++) {
        /* a square-ish wave plus noise */
        i32 s = ((i / 37) & 1) ? 12000 : -12000;
        s += (i32)(xorshift32(&seed) & 0x3FFF) - 0x2000;
        x[i] = (i16)s;
    }
    u32 h = CHECKSUM_INIT;
    for (int pass = 0; pass < n; pass++) {
        fir(x, y, LEN);
        u32 sum = 0;
        for (int i = 0; i < LEN; i++) {
            sum = sum * 31 + (u16)y[i];
        }
        h = mix32(h, sum);
        /* feed back: amplify the output 4x with saturation, and add noise */
        for (int i = 0; i < LEN; i++) {
            x[i + TAPS] = sat16((i32)y[i] * 4 + (i32)(xorshift32(&seed) & 0x3FF) - 0x200);
        }
    }
    return (int)h;
}
