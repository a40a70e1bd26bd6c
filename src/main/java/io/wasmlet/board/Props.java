package io.wasmlet.board;

import io.wasmlet.error.BoardException;
import io.wasmlet.error.Msg;

import java.io.IOException;
import java.io.InputStream;
import java.util.Hashtable;

/**
 * A {@code key = value} file with {@code #} comments (CLDC 1.1 has no java.util.Properties).
 * One stream may hold several boards, each starting at its {@code name} line (the packaged
 * {@code /mcu-boards/all.boards}); {@link #read(InputStream, String)} keeps one of them.
 */
final class Props {
    private final Hashtable map = new Hashtable();
    /** Keep only the board of this name (null: the whole stream is one board). */
    private final String only;
    /** The board the lines read so far belong to. */
    private String current;
    /** Every board name seen, comma-separated (for the unknown-board message). */
    final StringBuffer names = new StringBuffer();

    private Props(String only) {
        this.only = only;
    }

    static Props read(InputStream in) throws IOException {
        return read(in, null);
    }

    /** Reads {@code in} to its end, keeping the board named {@code only} (or all lines if null). */
    static Props read(InputStream in, String only) throws IOException {
        Props p = new Props(only);
        StringBuffer line = new StringBuffer();
        int c;
        do {
            c = in.read();
            if (c == '\n' || c == -1) {
                p.line(line.toString());
                line.setLength(0);
            } else if (c != '\r') {
                line.append((char) c);
            }
        } while (c != -1);
        return p;
    }

    private void line(String raw) {
        int hash = raw.indexOf('#');
        String s = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
        if (s.length() == 0) {
            return;
        }
        int eq = s.indexOf('=');
        if (eq <= 0) {
            throw new BoardException(Msg.cat("board descriptor: expected key = value, got \"", s, "\""));
        }
        String key = s.substring(0, eq).trim();
        String value = s.substring(eq + 1).trim();
        if (only != null && key.equals("name")) {
            current = value;
            names.append(names.length() == 0 ? "" : ", ").append(value);
        }
        if (only == null || only.equals(current)) {
            map.put(key, value);
        }
    }

    String str(String key) {
        String v = (String) map.get(key);
        if (v == null) {
            throw new BoardException(Msg.cat("board descriptor: missing key \"", key, "\""));
        }
        return v;
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    /** An integer in {@code [min, max]}; anything else (not a number, overflow) names the key. */
    int num(String key, int min, int max) {
        String v = str(key);
        long n;
        try {
            n = v.length() > 12 ? Long.MAX_VALUE : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new BoardException(Msg.cat("board descriptor: \"", key, "\" is not a number: ").concat(v));
        }
        range(key, n, min, max);
        return (int) n;
    }

    static void range(String key, long n, int min, int max) {
        if (n < min || n > max) {
            throw new BoardException(Msg.num(Msg.num(Msg.cat("board descriptor: \"", key, "\" must be in ["), min,
                    ", "), max, "]"));
        }
    }

    boolean bool(String key) {
        String v = str(key);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw new BoardException(Msg.cat("board descriptor: \"", key, "\" must be true or false"));
    }
}
