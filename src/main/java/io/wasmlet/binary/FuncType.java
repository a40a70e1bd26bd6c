package io.wasmlet.binary;

/**
 * A function type: parameter and result value types ({@link ValType} codes), read one at a
 * time. Immutable: nothing outside the runtime can reach its arrays.
 */
public final class FuncType {
    /** Shared with the runtime's validator through {@link ModuleData#paramTypes}; never written. */
    final byte[] params;
    final byte[] results;

    /** A type of these parameter and result types; the arrays become the type's (keep no reference to them). */
    public FuncType(byte[] params, byte[] results) {
        this.params = params;
        this.results = results;
    }

    public int paramCount() {
        return params.length;
    }

    /** The type of parameter {@code i}. */
    public byte param(int i) {
        return params[i];
    }

    public int resultCount() {
        return results.length;
    }

    /** The type of result {@code i}. */
    public byte result(int i) {
        return results[i];
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
