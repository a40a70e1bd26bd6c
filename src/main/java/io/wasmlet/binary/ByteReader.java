package io.wasmlet.binary;

import io.wasmlet.error.MalformedException;
import io.wasmlet.error.Msg;

/**
 * Cursor over a module's bytes with LEB128 decoding. Every read checks the current limit (the end
 * of the enclosing section or body), and every failure is a {@link MalformedException} naming the
 * byte offset. Reusable: {@link #reset} points it at new bytes.
 */
public final class ByteReader {
    private byte[] buf;
    private int pos;
    private int limit;

    /** A reader over all of {@code buf}, positioned at its start. */
    public ByteReader(byte[] buf) {
        reset(buf, 0, buf.length);
    }

    /** Points the reader at {@code bytes[start..end)}, positioned at {@code start}. */
    public void reset(byte[] bytes, int start, int end) {
        this.buf = bytes;
        this.pos = start;
        this.limit = end;
    }

    /** The bytes read (not a copy). */
    public byte[] bytes() {
        return buf;
    }

    /** The offset of the next byte to read. */
    public int pos() {
        return pos;
    }

    /** Moves to offset {@code p}. */
    public void seek(int p) {
        pos = p;
    }

    /** The offset reads may not pass (the end of the current section or body). */
    public int limit() {
        return limit;
    }

    /** Sets the offset reads may not pass. */
    public void setLimit(int l) {
        limit = l;
    }

    /** Whether the limit is reached. */
    public boolean atEnd() {
        return pos >= limit;
    }

    /** The bytes left before the limit. */
    public int remaining() {
        return limit - pos;
    }

    /** What an error for a feature of a proposal this runtime does not implement ends with. */
    public static final String UNSUPPORTED = " (a proposal this runtime does not implement)";
    /** The error for a memory index other than 0 (where a zero byte is expected). */
    public static String zeroByteExpected() {
        // a method, not a constant: a constant's text would be copied into every class using it
        return "zero byte expected (a memory index other than 0: multi-memory is a proposal this runtime does not"
                + " implement)";
    }

    /**
     * The error for an opcode byte this runtime does not know, naming the proposal it belongs
     * to when it is one of those the runtime does not implement: SIMD, threads, GC, tail calls,
     * exception handling, typed function references.
     */
    public MalformedException illegalOpcode(int b) {
        String f = b == 0xFD ? "SIMD" : b == 0xFE ? "threads (atomics)" : b == 0xFB || b == 0xD3 ? "garbage collection"
                : b == 0x12 || b == 0x13 ? "tail calls (return_call, return_call_indirect)"
                : b >= 0x06 && b <= 0x0A || b == 0x18 || b == 0x19 || b == 0x1F ? "exception handling"
                : b == 0x14 || b == 0x15 || b >= 0xD4 && b <= 0xD6 ? "typed function references" : null;
        String what = Msg.hex("illegal opcode ", b);
        return error(f == null ? what : Msg.cat(what, ": ", f, UNSUPPORTED));
    }

    /** A malformed-module error for {@code what}, naming the current offset (returned, for the caller to throw). */
    public MalformedException error(String what) {
        return new MalformedException(Msg.cat(what, Msg.num(" (at byte offset ", pos, ")")));
    }

    /** One byte, 0 to 255. */
    public int u8() {
        if (pos >= limit) {
            throw error(limit == buf.length ? "unexpected end" : "unexpected end of section or function");
        }
        return buf[pos++] & 0xFF;
    }

    /** Reads {@code n} raw bytes as a new array. */
    public byte[] bytes(int n) {
        if (n < 0 || n > limit - pos) {
            throw error("unexpected end: length out of bounds");
        }
        byte[] r = new byte[n];
        System.arraycopy(buf, pos, r, 0, n);
        pos += n;
        return r;
    }

    public void skip(int n) {
        if (n < 0 || n > limit - pos) {
            throw error("unexpected end: length out of bounds");
        }
        pos += n;
    }

    /** Unsigned LEB128, at most 32 bits (5 bytes, unused bits zero). */
    public int u32() {
        int result = 0;
        int shift = 0;
        while (true) {
            int b = u8();
            if (shift == 28 && (b & 0x70) != 0) {
                throw error((b & 0x80) != 0 ? "integer representation too long" : "integer too large");
            }
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
            if (shift > 28) {
                throw error("integer representation too long");
            }
        }
    }

    /** Unsigned LEB128 that must fit a non-negative Java int (counts and lengths). */
    public int count() {
        int n = u32();
        if (n < 0) {
            throw error("length out of bounds");
        }
        return n;
    }

    /** Signed LEB128, 32 bits. */
    public int s32() {
        int result = 0;
        int shift = 0;
        int b;
        while (true) {
            b = u8();
            if (shift == 28) {
                // last byte: 4 payload bits; the remaining bits must be a sign extension
                if ((b & 0x80) != 0) {
                    throw error("integer representation too long");
                }
                int rest = b & 0x70;
                if (rest != 0 && rest != 0x70) {
                    throw error("integer too large");
                }
                if (((b & 0x08) != 0) != (rest == 0x70)) {
                    throw error("integer too large");
                }
                return result | ((b & 0x7F) << 28);
            }
            result |= (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if ((b & 0x40) != 0) {
            result |= -1 << shift;
        }
        return result;
    }

    /** Signed LEB128, 64 bits. */
    public long s64() {
        long result = 0;
        int shift = 0;
        int b;
        while (true) {
            b = u8();
            if (shift == 63) {
                if ((b & 0x80) != 0) {
                    throw error("integer representation too long");
                }
                int rest = b & 0x7F;
                if (rest != 0 && rest != 0x7F) {
                    throw error("integer too large");
                }
                return result | ((long) (b & 1) << 63);
            }
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    /**
     * Signed LEB128 of 33 bits (block types): returns a negative one-byte type code as is
     * (-64 .. -1, i.e. 0x40..0x7F as signed 7-bit), or a non-negative type index.
     */
    public long s33() {
        long result = 0;
        int shift = 0;
        int b;
        while (true) {
            b = u8();
            if (shift == 28) {
                if ((b & 0x80) != 0) {
                    throw error("integer representation too long");
                }
                // bits 28..32 live here; bits above 33 must extend the sign (bit 32)
                int rest = b & 0x60;
                if (rest != 0 && rest != 0x60) {
                    throw error("integer too large");
                }
                if (((b & 0x10) != 0) != (rest == 0x60)) {
                    throw error("integer too large");
                }
                result |= (long) (b & 0x1F) << 28;
                if ((b & 0x10) != 0) {
                    result |= -1L << 33;
                }
                return result;
            }
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if ((b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    /** A little-endian f32, as its raw bits. */
    public int f32Bits() {
        if (limit - pos < 4) {
            throw error("unexpected end");
        }
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    /** A little-endian f64, as its raw bits. */
    public long f64Bits() {
        int lo = f32Bits();
        int hi = f32Bits();
        return (lo & 0xFFFFFFFFL) | ((long) hi << 32);
    }

    /** A name: a length-prefixed byte string that must be valid UTF-8. */
    public String name() {
        int n = count();
        if (n > limit - pos) {
            throw error("unexpected end: length out of bounds");
        }
        Limits.check(n, Limits.MAX_STRING_SIZE, "bytes in one name");
        String s = Utf8.decode(buf, pos, n);
        if (s == null) {
            throw error("malformed UTF-8 encoding");
        }
        pos += n;
        return s;
    }
}
