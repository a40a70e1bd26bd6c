package io.wasmlet.board;

import io.wasmlet.error.Msg;
import io.wasmlet.error.WasmException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Hashtable;

/** A {@code key = value} file with {@code #} comments (CLDC 1.1 has no java.util.Properties). */
final class Props {
    private final Hashtable map = new Hashtable();

    static Props read(InputStream in) throws IOException {
        Props p = new Props();
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

    /** The desktop budgets, used if the descriptor file is not on the class path. */
    static Props desktop() {
        Props p = new Props();
        p.line("name = desktop");
        p.line("vendor = any");
        p.line("cpu = any JVM host");
        p.line("jvm = Java SE 17+");
        p.line("clock.mhz = 0");
        p.line("ram.kb = 4194304");
        p.line("flash.kb = 0");
        p.line("external.ram.kb = 0");
        p.line("heap.kb = 2097152");
        p.line("stack.slots = 1048576");
        p.line("frames = 20000");
        p.line("memory.bytes = 268435456");
        p.line("memory.prealloc = false");
        p.line("table.entries = 1048576");
        p.line("counters = 65536");
        p.line("codecache.ints = 4194304");
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
            throw new WasmException(Msg.cat("board descriptor: expected key = value, got \"", s, "\""));
        }
        map.put(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
    }

    String str(String key) {
        String v = (String) map.get(key);
        if (v == null) {
            throw new WasmException(Msg.cat("board descriptor: missing key \"", key, "\""));
        }
        return v;
    }

    int num(String key) {
        String v = str(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new WasmException(Msg.cat("board descriptor: \"", key, "\" is not a number: ").concat(v));
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
        throw new WasmException(Msg.cat("board descriptor: \"", key, "\" must be true or false"));
    }
}
