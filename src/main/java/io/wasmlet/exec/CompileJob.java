package io.wasmlet.exec;

import io.wasmlet.binary.FuncType;
import io.wasmlet.code.Layout;

/**
 * <b>Internal</b>: one translation request from {@code exec} to a {@link Compiler}, reused (one
 * per store): the function's pre-decoded code and the cache region to write into, plus the type
 * facts a translator needs to track static stack heights across calls.
 *
 * <h2>Compiled function layout in the cache</h2>
 * {@link #META} ints of metadata precede each entry pc {@code e}:
 * {@code cache[e - 5]} max height, {@code [e - 4]} the interpreter header pc, {@code [e - 3]}
 * the index of its OSR map (a count then pairs of interpreter loop-header pc and cache pc),
 * {@code [e - 2]} parameters, {@code [e - 1]} locals to zero. The trap-site map follows the OSR
 * map: a count, then per interpreter instruction whose template can throw or is a call,
 * ascending, {@code start << 16 | pc}: where its compiled code starts (from {@code e}) and its
 * pc (from the header); count 0 when either does not fit 16 bits (a function longer than any
 * board's code cache). The inline map follows: a count (0 with no site map), then per callee
 * inlined ({@code io.wasmlet.jit.Tuning#inline}) its code's start and end (from {@code e}; a pc
 * past a template's opcode and at most the end is in it), the callee's header pc, a count and
 * the callee's sites as above (pc from the callee's header). {@link Backtrace} maps compiled
 * frames back with them. Slots
 * are the interpreter's frame slots: fp-relative, locals first, so switching tiers anywhere the
 * translator mapped is a pc change, not a copy.
 */
public final class CompileJob {
    public static final int META = 5;
    public static final int M_MAX_HEIGHT = -5;
    public static final int M_HEADER = -4;
    public static final int M_OSR = -3;
    public static final int M_PARAMS = -2;
    public static final int M_LOCALS = -1;
    /**
     * The translator's room for one inlined callee ({@code io.wasmlet.jit.Tuning#inline}), beyond
     * what the longest function needs: its code units (header included) in the pc map, its
     * frame's slots in the abstract stack, its parameters and locals, and the fixups of its
     * forward branches and returns.
     */
    public static final int INLINE_UNITS = 160;
    public static final int INLINE_FIXUPS = 16;
    public static final int INLINE_SLOTS = 48;
    public static final int INLINE_LOCALS = 16;

    private final Store store;
    Instance inst;
    /** The interpreter's code of the function's module (read only). */
    public char[] code;
    /** Header pc of the function in {@link #code}; its instructions end at {@link #end}. */
    public int entry;
    public int end;
    /** The code cache (write only between {@link #top} and {@link #limit}). */
    public int[] cache;
    public int top;
    public int limit;
    /** The next free profile site of the instance ({@link #newSite}); committed when the translation succeeds. */
    int siteNext;
    /** Translate without side exits: the function took too many ({@link Engine#sideExit}). */
    public boolean exact;

    CompileJob(Store store) {
        this.store = store;
    }

    void reset(Instance inst, int def) {
        this.inst = inst;
        this.code = inst.code;
        this.entry = inst.data.funcEntry[def];
        int[] entries = inst.data.funcEntry;
        this.end = def + 1 < entries.length ? entries[def + 1] : code.length;
        this.cache = store.cache;
        this.top = store.cacheTop;
        this.limit = store.cache.length;
        this.siteNext = inst.icUsed;
        this.exact = false;
    }

    /**
     * A call_indirect profile site for the translation ({@link Instance#icTarget}), or -1 when
     * the instance has none left (its sites are counted at instantiation, one per call_indirect,
     * and each function is translated once, so that happens only without a JIT profile).
     */
    public int newSite() {
        return siteNext < inst.icTarget.length ? siteNext++ : -1;
    }

    /** The instance's branch counters ({@code Loader.PROFILE}; see {@link Instance#branches}), or null. */
    public int[] branches() {
        return inst.branches;
    }

    /** Parameter count of function {@code funcIndex} (imports included) of the instance. */
    public int funcParams(int funcIndex) {
        return inst.funcs[funcIndex].type.paramCount();
    }

    public int funcResults(int funcIndex) {
        return inst.funcs[funcIndex].type.resultCount();
    }

    /** Header pc of function {@code funcIndex} in {@link #code}, or -1 for an import. */
    public int funcEntry(int funcIndex) {
        int def = funcIndex - inst.data.numImportedFuncs;
        return def < 0 ? -1 : inst.data.funcEntry[def];
    }

    /** The end of the code of defined function {@code funcIndex} (see {@link #funcEntry}). */
    public int funcEnd(int funcIndex) {
        int def = funcIndex - inst.data.numImportedFuncs + 1;
        return def < inst.data.funcEntry.length ? inst.data.funcEntry[def] : code.length;
    }

    /** Parameter count of the module's type {@code typeIndex} (call_indirect). */
    public int typeParams(int typeIndex) {
        FuncType t = inst.data.types[typeIndex];
        return t.paramCount();
    }

    public int typeResults(int typeIndex) {
        return inst.data.types[typeIndex].resultCount();
    }

    /** Number of locals (parameters included) of the function: the first operand slot. */
    public int numLocals() {
        return code[entry + Layout.H_PARAMS] + code[entry + Layout.H_LOCALS];
    }
}
