/*
 * Fixed-point FFT: 1024-point complex radix-2 decimation-in-time FFT on Q15 data, scaled by
 * 1/2 per stage so it cannot overflow (the classic fix_fft.c approach of MCU audio and
 * vibration analysis). Each of the n passes runs a forward FFT, folds the spectrum's power into
 * the checksum, runs the inverse FFT and feeds the (scaled) result back as the next input.
 */
#include "workload.h"

#define LOG2N 10
#define N (1 << LOG2N)

/* round(32767 * sin(2*pi*i/1024)) for i = 0..256: a quarter wave. */
static const i16 quarter_sine[257] = {
    0, 201, 402, 603, 804, 1005, 1206, 1407, 1608, 1809, 2009, 2210,
    2410, 2611, 2811, 3012, 3212, 3412, 3612, 3811, 4011, 4210, 4410, 4609,
    4808, 5007, 5205, 5404, 5602, 5800, 5998, 6195, 6393, 6590, 6786, 6983,
    7179, 7375, 7571, 7767, 7962, 8157, 8351, 8545, 8739, 8933, 9126, 9319,
    9512, 9704, 9896, 10087, 10278, 10469, 10659, 10849, 11039, 11228, 11417, 11605,
    11793, 11980, 12167, 12353, 12539, 12725, 12910, 13094, 13279, 13462, 13645, 13828,
    14010, 14191, 14372, 14553, 14732, 14912, 15090, 15269, 15446, 15623, 15800, 15976,
    16151, 16325, 16499, 16673, 16846, 17018, 17189, 17360, 17530, 17700, 17869, 18037,
    18204, 18371, 18537, 18703, 18868, 19032, 19195, 19357, 19519, 19680, 19841, 20000,
    20159, 20317, 20475, 20631, 20787, 20942, 21096, 21250, 21403, 21554, 21705, 21856,
    22005, 22154, 22301, 22448, 22594, 22739, 22884, 23027, 23170, 23311, 23452, 23592,
    23731, 23870, 24007, 24143, 24279, 24413, 24547, 24680, 24811, 24942, 25072, 25201,
    25329, 25456, 25582, 25708, 25832, 25955, 26077, 26198, 26319, 26438, 26556, 26674,
    26790, 26905, 27019, 27133, 27245, 27356, 27466, 27575, 27683, 27790, 27896, 28001,
    28105, 28208, 28310, 28411, 28510, 28609, 28706, 28803, 28898, 28992, 29085, 29177,
    29268, 29358, 29447, 29534, 29621, 29706, 29791, 29874, 29956, 30037, 30117, 30195,
    30273, 30349, 30424, 30498, 30571, 30643, 30714, 30783, 30852, 30919, 30985, 31050,
    31113, 31176, 31237, 31297, 31356, 31414, 31470, 31526, 31580, 31633, 31685, 31736,
    31785, 31833, 31880, 31926, 31971, 32014, 32057, 32098, 32137, 32176, 32213, 32250,
    32285, 32318, 32351, 32382, 32412, 32441, 32469, 32495, 32521, 32545, 32567, 32589,
    32609, 32628, 32646, 32663, 32678, 32692, 32705, 32717, 32728, 32737, 32745, 32752,
    32757, 32761, 32765, 32766, 32767,
};

static i16 re[N];
static i16 im[N];

/* sin(2*pi*i/N) in Q15 for any i, from the quarter-wave table. */
static i32 sine(int i) {
    i &= N - 1;
    if (i < N / 4) {
        return quarter_sine[i];
    }
    if (i < N / 2) {
        return quarter_sine[N / 2 - i];
    }
    if (i < 3 * N / 4) {
        return -quarter_sine[i - N / 2];
    }
    return -quarter_sine[N - i];
}

static inline i32 fix_mul(i32 a, i32 b) {
    return (a * b) >> 15;
}

static void fft(int inverse) {
    /* bit-reversal permutation */
    for (int i = 1, j = 0; i < N; i++) {
        int bit = N >> 1;
        for (; j & bit; bit >>= 1) {
            j ^= bit;
        }
        j ^= bit;
        if (i < j) {
            i16 t = re[i];
            re[i] = re[j];
            re[j] = t;
            t = im[i];
            im[i] = im[j];
            im[j] = t;
        }
    }
    int k = LOG2N - 1;
    for (int l = 1; l < N; l <<= 1, k--) {
        int step = l << 1;
        for (int m = 0; m < l; m++) {
            int j = m << k;
            i32 wr = sine(j + N / 4) >> 1;
            i32 wi = -sine(j) >> 1;
            if (inverse) {
                wi = -wi;
            }
            for (int i = m; i < N; i += step) {
                int jj = i + l;
                i32 tr = fix_mul(wr, re[jj]) - fix_mul(wi, im[jj]);
                i32 ti = fix_mul(wr, im[jj]) + fix_mul(wi, re[jj]);
                i32 qr = re[i] >> 1;
                i32 qi = im[i] >> 1;
                re[jj] = (i16)(qr - tr);
                im[jj] = (i16)(qi - ti);
                re[i] = (i16)(qr + tr);
                im[i] = (i16)(qi + ti);
            }
        }
    }
}

WORKLOAD_RUN {
    u32 seed = 0x5EED1234u;
    for (int i = 0; i < N; i++) {
        /* two tones plus noise */
        i32 s = (sine(i * 13) >> 2) + (sine(i * 97) >> 3);
        s += (i32)(xorshift32(&seed) & 0x7FF) - 0x400;
        re[i] = (i16)s;
        im[i] = 0;
    }
    u32 h = CHECKSUM_INIT;
    for (int pass = 0; pass < n; pass++) {
        fft(0);
        u32 power = 0;
        int peak = 0;
        u32 peak_power = 0;
        for (int i = 0; i < N / 2; i++) {
            u32 p = (u32)((i32)re[i] * re[i]) + (u32)((i32)im[i] * im[i]);
            power += p;
            if (p > peak_power) {
                peak_power = p;
                peak = i;
            }
        }
        h = mix32(h, power);
        h = mix32(h, (u32)peak);
        fft(1);
        /* the round trip divided by N (2^10) twice over; scale back up by 2^9 with noise */
        for (int i = 0; i < N; i++) {
            i32 s = (i32)re[i] * 512 + (i32)(xorshift32(&seed) & 0x3FF) - 0x200;
            if (s > 32767) {
                s = 32767;
            } else if (s < -32768) {
                s = -32768;
            }
            re[i] = (i16)s;
            im[i] = 0;
        }
    }
    return (int)h;
}
