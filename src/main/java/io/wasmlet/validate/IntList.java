package io.wasmlet.validate;

/** A growable list of ints (validation-time only). */
final class IntList {
    private int[] a = new int[16];
    private int n;

    void add(int v) {
        if (n == a.length) {
            int[] b = new int[n * 2];
            System.arraycopy(a, 0, b, 0, n);
            a = b;
        }
        a[n++] = v;
    }

    int size() {
        return n;
    }

    int get(int i) {
        return a[i];
    }

    void clear() {
        n = 0;
    }
}
