package io.wasmlet.validate;

/**
 * The growable {@code int[]} the validator emits pre-decoded code into, with forward-branch
 * fixup chains threaded through the unpatched slots themselves (no allocation per branch).
 */
final class CodeBuffer {
    /** End of a fixup chain. */
    static final int NO_FIXUP = -1;

    private int[] buf = new int[256];
    private int pos;

    void reset() {
        pos = 0;
    }

    int pos() {
        return pos;
    }

    void emit(int v) {
        if (pos == buf.length) {
            int[] b = new int[buf.length * 2];
            System.arraycopy(buf, 0, b, 0, pos);
            buf = b;
        }
        buf[pos++] = v;
    }

    int get(int at) {
        return buf[at];
    }

    void set(int at, int v) {
        buf[at] = v;
    }

    /** Emits a placeholder that joins the chain starting at {@code head}; returns the new head. */
    int emitFixup(int head) {
        emit(head);
        return pos - 1;
    }

    /** Patches every slot of a chain with {@code target}. */
    void patchChain(int head, int target) {
        int p = head;
        while (p != NO_FIXUP) {
            int next = buf[p];
            buf[p] = target;
            p = next;
        }
    }

    int[] toArray() {
        int[] r = new int[pos];
        System.arraycopy(buf, 0, r, 0, pos);
        return r;
    }
}
