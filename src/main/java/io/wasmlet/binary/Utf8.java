package io.wasmlet.binary;

/** Strict UTF-8 decoding (no overlongs, no surrogates, at most U+10FFFF). */
public final class Utf8 {
    private Utf8() {
    }

    /** Decodes {@code n} bytes at {@code off}, or returns null if they are not valid UTF-8. */
    public static String decode(byte[] b, int off, int n) {
        StringBuffer sb = new StringBuffer(n);
        int end = off + n;
        int i = off;
        while (i < end) {
            int c = b[i] & 0xFF;
            int cp;
            int len;
            if (c < 0x80) {
                cp = c;
                len = 1;
            } else if (c >= 0xC2 && c <= 0xDF) {
                cp = c & 0x1F;
                len = 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                cp = c & 0x0F;
                len = 3;
            } else if (c >= 0xF0 && c <= 0xF4) {
                cp = c & 0x07;
                len = 4;
            } else {
                return null;
            }
            if (i + len > end) {
                return null;
            }
            for (int k = 1; k < len; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return null;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
                return null;
            }
            if (cp >= 0x10000) {
                cp -= 0x10000;
                sb.append((char) (0xD800 + (cp >> 10)));
                sb.append((char) (0xDC00 + (cp & 0x3FF)));
            } else {
                sb.append((char) cp);
            }
            i += len;
        }
        return sb.toString();
    }
}
