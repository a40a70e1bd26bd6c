package io.wasmlet.exec;

/**
 * The object layout of one kind of JVM, so that the footprint can count the bytes of every
 * object the runtime holds: the size of an object is its header plus its fields, of an array
 * its header (length included) plus its elements, both rounded up to the VM's alignment.
 *
 * <p>{@link #TARGET} is the layout the footprint reports by default: a 32-bit CLDC VM of the
 * MicroEJ/phoneME kind (8-byte object header, 4-byte references, 12-byte array header, 4-byte
 * alignment, strings as a {@code char[]} of 2 bytes a character). A 64-bit HotSpot with
 * compressed references and compressed class pointers (the default below 32 GB of heap) is
 * {@code new HeapModel("64-bit HotSpot", 12, 16, 4, 8, true)}: 12-byte header, 16-byte array
 * header, 4-byte references, 8-byte alignment, and compact strings (a {@code byte[]} of 1 byte a
 * character when all are Latin-1). The tests measure the retained heap on HotSpot, so they
 * compare it with a footprint computed for that model: the same objects are counted either way,
 * only their sizes differ. (The core builds no HotSpot model itself: it would be static data a
 * board carries for nothing.)
 */
public final class HeapModel {
    public static final HeapModel TARGET = new HeapModel("32-bit CLDC VM", 8, 12, 4, 4, false);

    public final String name;
    /** Bytes of an object header. */
    public final int header;
    /** Bytes of an array header, its length field included. */
    public final int arrayHeader;
    /** Bytes of a reference field or array element. */
    public final int ref;
    /** Objects start at multiples of this. */
    public final int align;
    /** Strings hold Latin-1 text in a byte[] (HotSpot's compact strings); else a char[]. */
    public final boolean compactStrings;

    /** A layout; see the class comment for the two that matter. */
    public HeapModel(String name, int header, int arrayHeader, int ref, int align, boolean compactStrings) {
        this.name = name;
        this.header = header;
        this.arrayHeader = arrayHeader;
        this.ref = ref;
        this.align = align;
        this.compactStrings = compactStrings;
    }

    private long round(long n) {
        return (n + align - 1) / align * align;
    }

    /** An object with {@code refs} reference fields and {@code primitiveBytes} bytes of other fields. */
    public long object(int refs, int primitiveBytes) {
        return round(header + refs * ref + primitiveBytes);
    }

    /** An array of {@code n} elements of {@code elementBytes} each. */
    public long array(long n, int elementBytes) {
        return round(arrayHeader + n * elementBytes);
    }

    /** An array of {@code n} references. */
    public long refArray(long n) {
        return array(n, ref);
    }

    /** A string object with its own character array (null counts 0). */
    public long string(String s) {
        if (s == null) {
            return 0;
        }
        int n = s.length();
        if (compactStrings) {
            int width = 1;
            for (int i = 0; i < n; i++) {
                if (s.charAt(i) > 0xFF) {
                    width = 2;
                    break;
                }
            }
            // value, hash, coder, hashIsZero
            return object(1, 6) + array(n, width);
        }
        // value, offset, count
        return object(1, 8) + array(n, 2);
    }

    /**
     * A {@code java.util.Hashtable} holding {@code entries} entries, grown from the default
     * capacity of 11 the way both the JDK and CLDC grow it (to 2n + 1 when the count reaches
     * three quarters of the capacity).
     */
    public long hashtable(int entries) {
        int capacity = 11;
        int threshold = 8;
        for (int count = 0; count < entries; count++) {
            if (count >= threshold) {
                capacity = capacity * 2 + 1;
                threshold = capacity * 3 / 4;
            }
        }
        // JDK: table, keySet, entrySet, values; count, threshold, loadFactor, modCount. CLDC: table; count, threshold
        long table = compactStrings ? object(4, 16) : object(1, 8);
        // hash, key, value, next
        return table + refArray(capacity) + entries * object(3, 4);
    }

    public String toString() {
        return name;
    }
}
