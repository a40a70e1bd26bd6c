package io.wasmlet.limits;

import java.io.ByteArrayOutputStream;

/** Writes module binaries for the limit and linear-loading tests: LEB128 and sections. */
final class WasmBuilder extends ByteArrayOutputStream {
    static final int I32 = 0x7F;

    WasmBuilder u8(int b) {
        write(b);
        return this;
    }

    WasmBuilder u32(long v) {
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    WasmBuilder raw(byte[] b) {
        write(b, 0, b.length);
        return this;
    }

    WasmBuilder name(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return u32(b.length).raw(b);
    }

    /** A module: the header, then sections given as (id, content) pairs. */
    static byte[] module(Object... idAndContent) {
        WasmBuilder out = new WasmBuilder().raw(new byte[] {0, 0x61, 0x73, 0x6D, 1, 0, 0, 0});
        for (int i = 0; i < idAndContent.length; i += 2) {
            byte[] c = ((WasmBuilder) idAndContent[i + 1]).toByteArray();
            out.u8((Integer) idAndContent[i]).u32(c.length).raw(c);
        }
        return out.toByteArray();
    }

    /** A type section with one type: {@code params} i32 parameters to {@code results} i32 results. */
    static WasmBuilder oneType(int params, int results) {
        WasmBuilder t = new WasmBuilder().u32(1).u8(0x60).u32(params);
        for (int i = 0; i < params; i++) {
            t.u8(I32);
        }
        t.u32(results);
        for (int i = 0; i < results; i++) {
            t.u8(I32);
        }
        return t;
    }

    /** A function section of {@code n} functions of type 0. */
    static WasmBuilder functions(int n) {
        WasmBuilder f = new WasmBuilder().u32(n);
        for (int i = 0; i < n; i++) {
            f.u32(0);
        }
        return f;
    }

    /** A code section of {@code n} copies of {@code body} (locals and instructions, without size). */
    static WasmBuilder code(int n, byte[] body) {
        WasmBuilder c = new WasmBuilder().u32(n);
        for (int i = 0; i < n; i++) {
            c.u32(body.length).raw(body);
        }
        return c;
    }
}
