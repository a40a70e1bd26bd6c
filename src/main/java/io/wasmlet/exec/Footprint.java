package io.wasmlet.exec;

import io.wasmlet.binary.ConstExpr;
import io.wasmlet.binary.DataSegment;
import io.wasmlet.binary.ElemSegment;
import io.wasmlet.binary.FuncType;
import io.wasmlet.binary.GlobalType;
import io.wasmlet.binary.Import;
import io.wasmlet.binary.ModuleData;
import io.wasmlet.binary.TableType;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.board.Board;
import io.wasmlet.code.Layout;
import io.wasmlet.code.Op;
import io.wasmlet.error.ResourceLimitException;

import java.util.Hashtable;

/**
 * What a module holds on a board, arena by arena, computed before anything is allocated. The
 * same numbers decide admission ({@link #check}) and fill the footprint report.
 *
 * <p>The account is of every object the runtime keeps once the module is loaded and
 * instantiated in a fresh store: the module's own objects (types, imports, exports, segments,
 * the pre-decoded code), the instance's (functions, globals, tables, memory, the export table)
 * and the store's (value stack, frames, function and type registry), plus the runtime's own
 * static data (opcode tables, preallocated traps, message strings), which a board's heap holds
 * once whatever the module. Host functions and the board descriptor belong to the embedder and
 * are not counted. The module's file is not held after loading (see {@code Loader}).
 *
 * <p>Sizes follow a {@link HeapModel}: by default {@link HeapModel#TARGET}, the 32-bit CLDC
 * layout of the boards; {@link #of(WasmModule, Board, HeapModel)} with HotSpot's layout
 * ({@link HeapModel} gives its parameters) gives the same account in the layout of the desktop JVM, which is how the tests check it
 * against the heap a HotSpot JVM really retains (within 10%).
 */
public final class Footprint {
    public static final int VALUE_STACK = 0;
    public static final int FRAMES = 1;
    public static final int MEMORY = 2;
    public static final int TABLES = 3;
    public static final int GLOBALS = 4;
    public static final int CODE = 5;
    public static final int SIDE_TABLE = 6;
    public static final int COUNTERS = 7;
    public static final int CODE_CACHE = 8;
    public static final int METADATA = 9;
    /** The instance's and the store's objects: functions, export table, registries. */
    public static final int INSTANCE = 10;
    /** The runtime's static data, held once per VM. */
    public static final int STATIC_DATA = 11;
    /** The JIT translator's work buffers (pc map, heights, fixups, abstract stack) and its objects. */
    public static final int TRANSLATOR = 12;
    public static final int ARENAS = 13;

    private static final String[] NAMES = {"value stack", "call frames", "linear memory", "tables", "globals",
            "pre-decoded code", "side table (branch records, headers)", "profile counters", "code cache",
            "module metadata", "instance and store objects", "runtime static data", "JIT translator buffers"};

    private final long[] bytes = new long[ARENAS];
    private final Board board;
    private final HeapModel heap;
    /** Largest value-stack height one frame of the module needs, and the function that needs it. */
    private int maxFrameSlots;
    /** The module's code-section size, for the report's bytes of code per code byte. */
    private int codeSectionBytes;
    private int maxFrameFunc;

    private Footprint(ModuleData m, Board board, HeapModel h, int jit) {
        this.board = board;
        this.heap = h;
        bytes[VALUE_STACK] = h.array(board.stackSlots, 8);
        bytes[FRAMES] = h.array(board.frames * 2L, 4) + h.refArray(board.frames);
        // the backtrace buffer (Backtrace: frame, inst, cause; depth, total, base)
        int bt = Math.min(board.frames + 1, Backtrace.MAX_FRAMES);
        bytes[FRAMES] += h.object(3, 12) + h.array(2L * bt, 4) + h.refArray(bt);
        if (m.memories.length > m.numImportedMemories) {
            TableType mt = m.memories[m.numImportedMemories];
            // Memory: max; budgetBytes, pages, byteSize; data
            bytes[MEMORY] = h.object(1, 20)
                    + h.array(Memory.capacity(mt.min, mt.max, Memory.budget(board.memoryBytes), board.memoryPrealloc,
                            mt.pageShift), 1);
        }
        bytes[TABLES] = h.refArray(m.tables.length);
        for (int t = m.numImportedTables; t < m.tables.length; t++) {
            TableType tt = m.tables[t];
            // Table: elemType, max, budget, size; elems
            bytes[TABLES] += h.object(1, 17)
                    + h.array(Table.capacity(tt.min, tt.max, board.tableEntries, board.memoryPrealloc), 4);
        }
        // Global: type, mutable, value
        bytes[GLOBALS] = h.refArray(m.globals.length) + (m.globals.length - m.numImportedGlobals) * h.object(0, 10);
        codeAndSideTable(m);
        if (jit == JIT_FULL) {
            jit(m, board, h);
        } else if (jit == JIT_CACHE_ONLY) {
            bytes[CODE_CACHE] = h.array(board.codeCacheInts, 4);
        }
        if (m.branchSites > 0) { // Loader.PROFILE's branch counters (Instance.branches), whatever the store
            bytes[COUNTERS] += h.array(2L * m.branchSites, 4);
        }
        bytes[METADATA] = metadata(m, h);
        bytes[INSTANCE] = instance(m, board, h);
        bytes[STATIC_DATA] = h == HeapModel.TARGET ? STATIC_DATA_BYTES : 0;
    }

    /** The footprint of instantiating {@code m} on {@code board}, in the boards' layout ({@link HeapModel#TARGET}). */
    public static Footprint of(WasmModule m, Board board) {
        return new Footprint(ModuleData.of(m), board, HeapModel.TARGET, JIT_NONE);
    }

    /** As {@link #of(WasmModule, Board)}, with the object sizes of {@code heap}. */
    public static Footprint of(WasmModule m, Board board, HeapModel heap) {
        return new Footprint(ModuleData.of(m), board, heap, JIT_NONE);
    }

    /**
     * As {@link #of(WasmModule, Board, HeapModel)}; with {@code jit}, for a store with the JIT tier
     * (tiered or eager): the profile counters, the code cache and the translator's buffers.
     */
    public static Footprint of(WasmModule m, Board board, HeapModel heap, boolean jit) {
        return new Footprint(ModuleData.of(m), board, heap, jit ? JIT_FULL : JIT_NONE);
    }

    /** JIT arenas of {@link #of(WasmModule, Board, HeapModel, int)}: none (interpreter-only store). */
    public static final int JIT_NONE = 0;
    /** A JIT store whose instance runs interpreted because the JIT's arenas did not fit: the cache only. */
    public static final int JIT_CACHE_ONLY = 1;
    /** A JIT store: counters, code cache and translator buffers. */
    public static final int JIT_FULL = 2;

    /** As {@link #of(WasmModule, Board, HeapModel)}, with the JIT arenas {@code jit} says. */
    public static Footprint of(WasmModule m, Board board, HeapModel heap, int jit) {
        return new Footprint(ModuleData.of(m), board, heap, jit);
    }

    /**
     * What the translator's buffers must hold for the functions of {@code m} it may translate
     * (those no longer than a cache of {@code cacheUnits}: a longer one never fits, which bounds
     * the buffers by the board's cache size): the longest such function in units, the greatest
     * height of any function, and the most branch targets in one such function. For the report
     * and for {@link Engine#prepare}, at instantiation.
     */
    static int[] translatorBounds(io.wasmlet.binary.ModuleData m, int cacheUnits) {
        int[] entries = m.funcEntry;
        char[] code = m.code;
        int[] b = new int[3];
        for (int d = 0; d < entries.length; d++) {
            int end = d + 1 < entries.length ? entries[d + 1] : code.length;
            b[1] = Math.max(b[1], code[entries[d] + Layout.H_MAX_HEIGHT]);
            if (end - entries[d] > cacheUnits) {
                continue;
            }
            b[0] = Math.max(b[0], end - entries[d]);
            int t = 0;
            for (int pc = entries[d] + Layout.HEADER_SIZE; pc < end; pc += Layout.instructionSize(code, pc)) {
                t += Layout.targets(code, pc);
            }
            b[2] = Math.max(b[2], t);
        }
        return b;
    }

    /** The call_indirect instructions of {@code m}: its profile sites ({@link Instance#icTarget}). */
    static int indirectSites(ModuleData m) {
        char[] code = m.code;
        int[] entries = m.funcEntry;
        int n = 0;
        for (int d = 0; d < entries.length; d++) {
            int end = d + 1 < entries.length ? entries[d + 1] : code.length;
            for (int pc = entries[d] + Layout.HEADER_SIZE; pc < end; pc += Layout.instructionSize(code, pc)) {
                if (code[pc] == Op.CALL_INDIRECT) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * The JIT's arenas. Counters: per defined function a tier-up trigger, a compiled-entry
     * slot and a retired-entry slot, and per call_indirect a last target and a miss count (five
     * int arrays per instance; the branch counters of {@code Loader.PROFILE} code are counted for
     * any store). Code cache: the store's one array of
     * {@code codecache.ints}. Translator: its buffers, sized for the module's longest function
     * that fits the cache and the most branch targets in one, plus room for one inlined callee
     * unless the board's {@code jit.inline} is false ({@link #translatorBounds}, {@code CompileJob.INLINE_*};
     * see {@code io.wasmlet.jit.Translator#reserve}), and the translator, tier and request objects.
     */
    private void jit(ModuleData m, Board board, HeapModel h) {
        int defined = m.funcEntry.length;
        int sites = indirectSites(m);
        // trigger, compiled, retired; per call_indirect the last target and the misses
        bytes[COUNTERS] = 3 * h.array(defined, 4) + (sites == 0 ? 0 : 2 * h.array(sites, 4));
        bytes[CODE_CACHE] = h.array(board.codeCacheInts, 4);
        int[] b = translatorBounds(m, board.codeCacheInts);
        // the room for one inlined callee, unless the board turns inlining off (jit.inline)
        boolean inl = board.jitInline != 0;
        long n = b[0] + 1 + (inl ? CompileJob.INLINE_UNITS : 0);
        int height = b[1] + (inl ? CompileJob.INLINE_SLOTS : 0);
        bytes[TRANSLATOR] = h.array(n, 4) + h.array(n, 1) + h.array(2L * b[2] + 2 + (inl ? 2 * CompileJob.INLINE_FIXUPS : 0), 4) + h.array(2L * b[2] + 2, 4)
                + h.array(height + 1, 4) + h.array(height + 1, 8)
                + h.array(CompileJob.INLINE_LOCALS, 4) + h.array(CompileJob.INLINE_LOCALS, 8)
                + h.object(13, 77) + h.object(2, 1) + h.object(5, 16) + h.object(1, 16);
    }

    /**
     * Pre-decoded code: 2 bytes per unit and the array's header; the units of headers and branch
     * records are shown as the side table (and taken off the code).
     */
    private void codeAndSideTable(ModuleData m) {
        codeSectionBytes = m.codeSectionBytes;
        char[] code = m.code;
        long side = 0;
        for (int f = 0; f < m.funcEntry.length; f++) {
            int pc = m.funcEntry[f];
            int end = f + 1 < m.funcEntry.length ? m.funcEntry[f + 1] : code.length;
            int need = code[pc + Layout.H_MAX_HEIGHT];
            if (need > maxFrameSlots) {
                maxFrameSlots = need;
                maxFrameFunc = Layout.u32(code, pc + Layout.H_FUNC_INDEX);
            }
            side += Layout.HEADER_SIZE;
            pc += Layout.HEADER_SIZE;
            while (pc < end) {
                int op = code[pc];
                int size = Layout.instructionSize(code, pc);
                if (op == Op.BR_TABLE) {
                    side += size - 1;
                } else if (op == Op.BR || op == Op.BR_IF) {
                    side += Layout.BR_RECORD;
                }
                pc += size;
            }
        }
        bytes[SIDE_TABLE] = side * 2;
        bytes[CODE] = heap.array(code.length, 2) - side * 2;
    }

    private static long constExpr(ConstExpr e, HeapModel h) {
        return e == null ? 0 : h.object(0, 12); // op; value
    }

    /** The module's objects other than its pre-decoded code. */
    private static long metadata(ModuleData m, HeapModel h) {
        // WasmModule: data. ModuleData: 16 references, 6 ints
        long b = h.object(1, 0) + h.object(16, 24);
        b += h.refArray(m.types.length);
        for (int i = 0; i < m.types.length; i++) {
            FuncType t = m.types[i];
            b += h.object(2, 0) + h.array(t.paramCount(), 1) + h.array(t.resultCount(), 1);
        }
        b += h.refArray(m.imports.length);
        for (int i = 0; i < m.imports.length; i++) {
            Import im = m.imports[i];
            b += h.object(2, 5) + h.string(im.module) + h.string(im.name); // module, name; kind, index
        }
        b += h.refArray(m.exports.length);
        for (int i = 0; i < m.exports.length; i++) {
            b += h.object(1, 5) + h.string(m.exports[i].name); // name; kind, index
        }
        b += h.array(m.funcTypes.length, 4);
        b += h.refArray(m.tables.length) + h.refArray(m.memories.length)
                + (m.tables.length + m.memories.length) * h.object(0, 17); // elemType, min, max
        b += h.refArray(m.globals.length);
        for (int g = 0; g < m.globals.length; g++) {
            GlobalType gt = m.globals[g];
            b += h.object(1, 2) + constExpr(gt.init, h); // init; type, mutable
        }
        b += h.refArray(m.elems.length);
        for (int i = 0; i < m.elems.length; i++) {
            ElemSegment e = m.elems[i];
            // mode, table, type; offset, funcIndices, exprs
            b += h.object(3, 9) + constExpr(e.offset, h);
            if (e.hasIndices()) {
                b += h.array(e.size(), 4);
            } else {
                b += h.refArray(e.size());
                for (int k = 0; k < e.size(); k++) {
                    b += constExpr(e.expr(k), h);
                }
            }
        }
        b += h.refArray(m.datas.length);
        for (int i = 0; i < m.datas.length; i++) {
            DataSegment d = m.datas[i];
            b += h.object(2, 9) + constExpr(d.offset, h) + h.array(d.length, 1); // offset, bytes; active, memory, length
        }
        b += h.array(m.funcEntry.length, 4) + h.array(m.declaredRefs.length, 1);
        if (m.funcNames != null) {
            b += h.refArray(m.funcNames.length);
            for (int i = 0; i < m.funcNames.length; i++) {
                b += h.string(m.funcNames[i]);
            }
        }
        if (m.debugMap != null) {
            b += h.array(m.debugMap.length, 4);
        }
        if (m.bytes != null) {
            b += h.array(m.bytes.length, 1);
        }
        if (m.bodyStart != null) {
            b += 2 * h.array(m.bodyStart.length, 4);
        }
        return b;
    }

    /** The instance's objects and the store's, in a store that holds only this instance. */
    private static long instance(ModuleData m, Board board, HeapModel h) {
        int funcs = m.funcTypes.length;
        int defined = funcs - m.numImportedFuncs;
        // Instance: 17 references; firstDefined, icUsed
        long b = h.object(17, 8);
        // Function: type, host, instance, store; entry, typeId, ref
        b += h.refArray(funcs) + defined * h.object(4, 12);
        b += h.array(m.types.length, 4); // typeIds
        b += h.refArray(m.elems.length);  // elemRefs: passive segments keep their resolved references
        for (int i = 0; i < m.elems.length; i++) {
            if (m.elems[i].mode == ElemSegment.PASSIVE) {
                b += h.array(m.elems[i].size(), 4);
            }
        }
        b += h.array(m.datas.length, 1); // dataLive
        b += h.hashtable(m.exports.length) + h.refArray(m.exports.length); // exports, exportNames
        // Store: stack, frames, frameInst, board, funcs, types, reentryExhausted, stackExhausted, backtrace; sp, fsp,
        // numFuncs, depth; instructions, calls
        b += h.object(9, 32) + h.refArray(grown(64, funcs));
        int types = distinct(m.types);
        b += h.hashtable(types) + types * h.object(0, 4); // types: FuncType to Integer
        b += throwable(h, Store.stackExhaustedMessage(board)) + throwable(h, Store.reentryExhaustedMessage(board));
        return b;
    }

    /** A preallocated exception without a stack trace, and its message. */
    private static long throwable(HeapModel h, String message) {
        // JDK Throwable: backtrace, detailMessage, cause, stackTrace, suppressedExceptions; depth. CLDC:
        // detailMessage, backtrace
        return (h.compactStrings ? h.object(5, 4) : h.object(2, 0)) + h.string(message);
    }

    /** Capacity of a store registry that starts at {@code initial} and doubles when full, after {@code n} entries. */
    private static int grown(int initial, int n) {
        int c = initial;
        while (c < n) {
            c *= 2;
        }
        return c;
    }

    /** Distinct function types by content (one hash lookup each, as {@link Store#typeId} interns them). */
    private static int distinct(FuncType[] types) {
        Hashtable seen = new Hashtable();
        for (int i = 0; i < types.length; i++) {
            seen.put(types[i], types[i]);
        }
        return seen.size();
    }

    /**
     * The heap the runtime core's own static data holds on a board ({@link HeapModel#TARGET}):
     * what its static initialisers build, which is the three opcode-table strings of
     * {@code OpTable} (1,542 characters; the mnemonics are not in the runtime), the JIT's
     * template tables of {@code JopTable} (nine strings), the ten preallocated traps with their messages, this report's
     * arena names, the target heap model and two small arrays. Literals used only in error messages
     * are created when an error happens and are not counted. The number is computed from those
     * objects by {@code StaticDataTest}, which fails when it goes stale, and measured there
     * on HotSpot (without stack traces in throwables: a CLDC VM records none at class
     * initialisation).
     */
    public static final int STATIC_DATA_BYTES = 7584;

    public long bytes(int arena) {
        return bytes[arena];
    }

    public static String name(int arena) {
        return NAMES[arena];
    }

    /** The layout the sizes are computed for. */
    public HeapModel heapModel() {
        return heap;
    }

    public long total() {
        long t = 0;
        for (int i = 0; i < ARENAS; i++) {
            t += bytes[i];
        }
        return t;
    }

    /** Heap left on the board after this module (negative when it does not fit). */
    public long free() {
        return board.heapKb * 1024L - total();
    }

    /**
     * Throws {@link ResourceLimitException} if the module cannot run on the board (see
     * {@link #problem}).
     */
    void check(WasmModule module) {
        String p = problem(module);
        if (p != null) {
            throw new ResourceLimitException(p);
        }
    }

    /**
     * Why {@code module} (the module this footprint is of) cannot run on the board, with the
     * shortfall in bytes, or null if it can: its memory's minimum does not fit the memory
     * budget (a partial last page is allowed), a table's minimum exceeds the table budget, a
     * function's frame exceeds the value stack, or the total exceeds the heap.
     */
    public String problem(WasmModule module) {
        ModuleData m = ModuleData.of(module);
        if (m.memories.length > m.numImportedMemories) {
            TableType mt = m.memories[m.numImportedMemories];
            int shift = mt.pageShift;
            if (mt.min > 0 && (mt.min - 1 << shift) >= board.memoryBytes) {
                return new StringBuffer("module needs a linear memory of ").append(mt.min).append(" pages (")
                        .append(mt.min << shift).append(" bytes); board ").append(board.name).append(" allows ")
                        .append(board.memoryBytes).append(" bytes: at least ")
                        .append((mt.min - 1 << shift) + 1 - board.memoryBytes).append(" bytes short").toString();
            }
        }
        for (int t = m.numImportedTables; t < m.tables.length; t++) {
            if (m.tables[t].min > board.tableEntries) {
                return new StringBuffer("module needs table ").append(t).append(" with ").append(m.tables[t].min)
                        .append(" entries; board ").append(board.name).append(" allows ").append(board.tableEntries)
                        .toString();
            }
        }
        if (maxFrameSlots >= board.stackSlots) {
            return new StringBuffer("function ").append(maxFrameFunc).append(" needs ").append(maxFrameSlots)
                    .append(" value-stack slots for one frame; board ").append(board.name).append(" allows ")
                    .append(board.stackSlots).toString();
        }
        if (free() < 0) {
            return new StringBuffer("module needs ").append(total()).append(" bytes of heap (").append(report())
                    .append("); board ").append(board.name).append(" has ").append(board.heapKb * 1024L)
                    .append(": ").append(-free()).append(" bytes short").toString();
        }
        return null;
    }

    /** A one-line summary of the non-zero arenas. */
    private String report() {
        StringBuffer sb = new StringBuffer();
        for (int i = 0; i < ARENAS; i++) {
            if (bytes[i] != 0) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(NAMES[i]).append(' ').append(bytes[i]);
            }
        }
        return sb.toString();
    }

    /** The report as a text table. */
    public String toString() {
        StringBuffer sb = new StringBuffer();
        sb.append("footprint on board ").append(board.name).append(" (heap ").append(board.heapKb * 1024L)
                .append(" bytes)\n");
        for (int i = 0; i < ARENAS; i++) {
            line(sb, NAMES[i], bytes[i]);
        }
        line(sb, "total", total());
        line(sb, "free on board", free());
        if (codeSectionBytes > 0) {
            // hundredths, rounded: CLDC has no number formatting
            long r = ((bytes[CODE] + bytes[SIDE_TABLE]) * 200 / codeSectionBytes + 1) / 2;
            sb.append("  pre-decoded code and side table per code-section byte: ").append(r / 100).append('.')
                    .append(r % 100 < 10 ? "0" : "").append(r % 100).append(" (").append(codeSectionBytes)
                    .append(" bytes of code in the file)\n");
        }
        sb.append("  (object sizes of a ").append(heap.name).append(")\n");
        return sb.toString();
    }

    private static void line(StringBuffer sb, String name, long v) {
        sb.append("  ").append(name);
        String num = String.valueOf(v);
        for (int i = name.length() + num.length(); i < 48; i++) {
            sb.append(' ');
        }
        sb.append(num).append('\n');
    }
}
