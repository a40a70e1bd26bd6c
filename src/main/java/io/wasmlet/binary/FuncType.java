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
