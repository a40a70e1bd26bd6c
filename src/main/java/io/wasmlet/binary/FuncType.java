package io.wasmlet.binary;

/** A function type: parameter and result value types. Immutable by convention. */
public final class FuncType {
    public final byte[] params;
    public final byte[] results;

    public FuncType(byte[] params, byte[] results) {
        this.params = params;
        this.results = results;
    }

    public boolean sameAs(FuncType o) {
        return same(params, o.params) && same(results, o.results);
    }

    /** Equal when {@link #sameAs}: function types are compared by content (type interning). */
    public boolean equals(Object o) {
        return o instanceof FuncType && sameAs((FuncType) o);
    }

    public int hashCode() {
        int h = params.length * 31 + results.length;
        for (int i = 0; i < params.length; i++) {
            h = h * 31 + params[i];
        }
        for (int i = 0; i < results.length; i++) {
            h = h * 37 + results[i];
        }
        return h;
    }

    private static boolean same(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    public String toString() {
        StringBuffer sb = new StringBuffer("[");
        for (int i = 0; i < params.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(ValType.name(params[i]));
        }
        sb.append("] -> [");
        for (int i = 0; i < results.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(ValType.name(results[i]));
        }
        return sb.append(']').toString();
    }
}
