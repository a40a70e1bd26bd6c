package io.wasmlet.error;

/**
 * Message building without {@code +} on strings: CLDC 1.1 lacks the builder class that
 * Java 7 string concatenation compiles to. Used only on error paths.
 */
public final class Msg {
    private Msg() {
    }

    /** {@code a + b}. */
    public static String cat(String a, String b) {
        StringBuffer sb = new StringBuffer(a);
        sb.append(b);
        return sb.toString();
    }

    /** {@code a + b + c}. */
    public static String cat(String a, String b, String c) {
        StringBuffer sb = new StringBuffer(a);
        sb.append(b).append(c);
        return sb.toString();
    }

    /** {@code a + b + c + d}. */
    public static String cat(String a, String b, String c, String d) {
        StringBuffer sb = new StringBuffer(a);
        sb.append(b).append(c).append(d);
        return sb.toString();
    }

    /** {@code a + n}. */
    public static String num(String a, long n) {
        StringBuffer sb = new StringBuffer(a);
        sb.append(n);
        return sb.toString();
    }

    /** {@code a + n + b}. */
    public static String num(String a, long n, String b) {
        StringBuffer sb = new StringBuffer(a);
        sb.append(n).append(b);
        return sb.toString();
    }

    /** {@code a + n + b + m}. */
    public static String num(String a, long n, String b, long m) {
        StringBuffer sb = new StringBuffer(a);
        sb.append(n).append(b).append(m);
        return sb.toString();
    }

    /** {@code a + "0x" + hex(n)}. */
    public static String hex(String a, int n) {
        StringBuffer sb = new StringBuffer(a);
        sb.append("0x").append(Integer.toHexString(n));
        return sb.toString();
    }
}
