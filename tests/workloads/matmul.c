/*
 * Integer matrix multiply: C = A * B on 64x64 matrices of 32-bit ints with wrapping
 * arithmetic (as in fixed-point control or image kernels), n times; each pass folds C back
 * into A so the passes differ.
 */
#include "workload.h"

#define DIM 64

static u32 A[DIM][DIM];
static u32 B[DIM][DIM];
static u32 C[DIM][DIM];

static void multiply(void) {
    for (int i = 0; i < DIM; i++) {
        for (int j = 0; j < DIM; j++) {
            u32 sum = 0;
            for (int k = 0; k < DIM; k++) {
                sum += A[i][k] * B[k][j];
            }
            C[i][j] = sum;
        }
    }
}

WORKLOAD_RUN {
    u32 seed = 0x13579BDFu;
    for (int i = 0; i < DIM; i++) {
        for (int j = 0; j < DIM; j++) {
            A[i][j] = xorshift32(&seed) & 0xFFFF;
            B[i][j] = xorshift32(&seed) & 0xFFFF;
        }
    }
    u32 h = CHECKSUM_INIT;
    for (int pass = 0; pass < n; pass++) {
        multiply();
        u32 trace = 0;
        u32 sum = 0;
        for (int i = 0; i < DIM; i++) {
            trace += C[i][i];
            for (int j = 0; j < DIM; j++) {
                sum = sum * 7 + C[i][j];
                A[i][j] = (C[i][j] >> 16) ^ (A[i][j] & 0xFF);
            }
        }
        h = mix32(h, trace);
        h = mix32(h, sum);
    }
    return (int)h;
}
