/*
 * Quicksort of 32-bit ints: recursive, median-of-three pivot, insertion sort below 16
 * elements (the shape of most embedded sort routines). Each of the n passes fills 8192 values
 * from the generator, sorts them, checks the order and folds a sample into the checksum.
 */
#include "workload.h"

#define LEN 8192

static i32 a[LEN];

static void insertion_sort(i32 *v, int lo, int hi) {
    for (int i = lo + 1; i <= hi; i++) {
        i32 x = v[i];
        int j = i - 1;
        while (j >= lo && v[j] > x) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = x;
    }
}

static inline void swap(i32 *v, int i, int j) {
    i32 t = v[i];
    v[i] = v[j];
    v[j] = t;
}

static void quicksort(i32 *v, int lo, int hi) {
    while (hi - lo >= 16) {
        int mid = lo + (hi - lo) / 2;
        if (v[mid] < v[lo]) {
            swap(v, mid, lo);
        }
        if (v[hi] < v[lo]) {
            swap(v, hi, lo);
        }
        if (v[hi] < v[mid]) {
            swap(v, hi, mid);
        }
        i32 pivot = v[mid];
        int i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot) {
                i++;
            }
            while (v[j] > pivot) {
                j--;
            }
            if (i <= j) {
                swap(v, i, j);
                i++;
                j--;
            }
        }
        /* recurse into the smaller half, loop on the larger: stack depth O(log n) */
        if (j - lo < hi - i) {
            quicksort(v, lo, j);
            lo = i;
        } else {
            quicksort(v, i, hi);
            hi = j;
        }
    }
    insertion_sort(v, lo, hi);
}

WORKLOAD_RUN {
    u32 seed = 0x2468ACE1u;
    u32 h = CHECKSUM_INIT;
    for (int pass = 0; pass < n; pass++) {
        /* every fourth pass has many duplicates, to exercise equal keys */
        u32 mask = (pass & 3) == 3 ? 0xFF : 0xFFFFFFFFu;
        for (int i = 0; i < LEN; i++) {
            a[i] = (i32)(xorshift32(&seed) & mask);
        }
        quicksort(a, 0, LEN - 1);
        for (int i = 1; i < LEN; i++) {
            if (a[i - 1] > a[i]) {
                return -1;
            }
        }
        for (int i = 0; i < LEN; i += 97) {
            h = mix32(h, (u32)a[i]);
        }
    }
    return (int)h;
}
