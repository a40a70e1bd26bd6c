package io.wasmlet.exec;

import io.wasmlet.binary.DataSegment;
import io.wasmlet.binary.ElemSegment;
import io.wasmlet.binary.Export;
import io.wasmlet.binary.Import;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.binary.TableType;
import io.wasmlet.board.Board;
import io.wasmlet.code.Layout;
import io.wasmlet.code.Op;
import io.wasmlet.error.ResourceLimitException;

/**
 * What a module costs on a board, arena by arena, computed before anything is allocated. The
 * same numbers decide admission ({@link #check}) and fill the footprint report. Array sizes are
 * exact; object overheads are estimated for a 32-bit VM (8-byte object header, 4-byte
 * references, 12-byte array header).
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
    public static final int ARENAS = 10;

    private static final String[] NAMES = {"value stack", "call frames", "linear memory", "tables", "globals",
            "pre-decoded code", "side table (branch records, headers)", "profile counters", "code cache",
            "module metadata"};

    private final long[] bytes = new long[ARENAS];
    private final Board board;
    /** Largest value-stack height one frame of the module needs, and the function that needs it. */
    private int maxFrameSlots;
    private int maxFrameFunc;

    private Footprint(WasmModule m, Board board) {
        this.board = board;
        bytes[VALUE_STACK] = 12L + board.stackSlots * 8L;
        bytes[FRAMES] = 12L + board.frames * 8L + 12L + board.frames * 4L;
        if (m.memories.length > m.numImportedMemories) {
            TableType mt = m.memories[m.numImportedMemories];
            bytes[MEMORY] = 12 + Memory.capacity(mt.min, mt.max, Memory.budget(board.memoryBytes), board.memoryPrealloc);
        }
        for (int t = m.numImportedTables; t < m.tables.length; t++) {
            TableType tt = m.tables[t];
            bytes[TABLES] += 12 + 24 + 4 * Table.capacity(tt.min, tt.max, board.tableEntries, board.memoryPrealloc);
        }
        bytes[GLOBALS] = 12 + 4L * m.globals.length + 24L * (m.globals.length - m.numImportedGlobals);
        codeAndSideTable(m);
        // profile counters and the code cache belong to the JIT tier, which is not built yet
        bytes[COUNTERS] = 0;
        bytes[CODE_CACHE] = 0;
        bytes[METADATA] = metadata(m);
    }

    /** Computes the footprint of instantiating {@code m} on {@code board}. */
    public static Footprint of(WasmModule m, Board board) {
        return new Footprint(m, board);
    }

    private void codeAndSideTable(WasmModule m) {
        int[] code = m.code;
        long side = 0;
        for (int f = 0; f < m.funcEntry.length; f++) {
            int pc = m.funcEntry[f];
            int end = f + 1 < m.funcEntry.length ? m.funcEntry[f + 1] : code.length;
            int need = code[pc + Layout.H_MAX_HEIGHT];
            if (need > maxFrameSlots) {
                maxFrameSlots = need;
                maxFrameFunc = code[pc + Layout.H_FUNC_INDEX];
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
        bytes[SIDE_TABLE] = side * 4;
        bytes[CODE] = 12 + (code.length - side) * 4L;
    }

    private static long str(String s) {
        return 24 + 12 + 2L * s.length();
    }

    private static long metadata(WasmModule m) {
        long b = 12 + 8 + 4 * 24; // the WasmModule object
        for (int i = 0; i < m.types.length; i++) {
            b += 16 + 24 + m.types[i].params.length + m.types[i].results.length;
        }
        for (int i = 0; i < m.imports.length; i++) {
            Import im = m.imports[i];
            b += 24 + str(im.module) + str(im.name);
        }
        for (int i = 0; i < m.exports.length; i++) {
            Export ex = m.exports[i];
            b += 20 + str(ex.name);
        }
        b += 12 + 4L * m.funcTypes.length + 24L * m.bodyStart.length + 12L * m.funcEntry.length;
        for (int i = 0; i < m.elems.length; i++) {
            ElemSegment e = m.elems[i];
            b += 32 + 12 + 4L * e.size();
        }
        for (int i = 0; i < m.datas.length; i++) {
            DataSegment d = m.datas[i];
            b += 32;
        }
        b += m.bytes.length + 12; // the module's bytes stay referenced (data segments, names)
        return b;
    }

    public long bytes(int arena) {
        return bytes[arena];
    }

    public static String name(int arena) {
        return NAMES[arena];
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
     * Throws {@link ResourceLimitException} if the module cannot run on the board: its memory's
     * minimum does not fit the memory budget (a partial last page is allowed), a table's
     * minimum exceeds the table budget, a function's frame exceeds the value stack, or the
     * total exceeds the heap.
     */
    void check(WasmModule m) {
        if (m.memories.length > m.numImportedMemories) {
            TableType mt = m.memories[m.numImportedMemories];
            if (mt.min > 0 && (mt.min - 1) * Memory.PAGE >= board.memoryBytes) {
                throw limit(new StringBuffer("module needs a linear memory of ").append(mt.min).append(" pages (")
                        .append(mt.min * Memory.PAGE).append(" bytes); board ").append(board.name).append(" allows ")
                        .append(board.memoryBytes).append(" bytes"));
            }
        }
        for (int t = m.numImportedTables; t < m.tables.length; t++) {
            if (m.tables[t].min > board.tableEntries) {
                throw limit(new StringBuffer("module needs table ").append(t).append(" with ").append(m.tables[t].min)
                        .append(" entries; board ").append(board.name).append(" allows ").append(board.tableEntries));
            }
        }
        if (maxFrameSlots >= board.stackSlots) {
            throw limit(new StringBuffer("function ").append(maxFrameFunc).append(" needs ").append(maxFrameSlots)
                    .append(" value-stack slots for one frame; board ").append(board.name).append(" allows ")
                    .append(board.stackSlots));
        }
        if (free() < 0) {
            throw limit(new StringBuffer("module needs ").append(total()).append(" bytes of heap (").append(report())
                    .append("); board ").append(board.name).append(" has ").append(board.heapKb * 1024L));
        }
    }

    private static ResourceLimitException limit(StringBuffer message) {
        return new ResourceLimitException(message.toString());
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
