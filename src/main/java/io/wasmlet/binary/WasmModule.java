package io.wasmlet.binary;

/**
 * A decoded module: the sections as plain arrays, imports first in every index space.
 * Function bodies stay in {@link #bytes} (as offsets) until validation turns them into the
 * pre-decoded {@link #code}. A module is immutable once validated and may be instantiated any
 * number of times.
 */
public final class WasmModule {
    public static final byte KIND_FUNC = 0;
    public static final byte KIND_TABLE = 1;
    public static final byte KIND_MEMORY = 2;
    public static final byte KIND_GLOBAL = 3;

    /** The module's bytes; function bodies and data segments point into it. */
    public byte[] bytes;
    public FuncType[] types = new FuncType[0];
    public Import[] imports = new Import[0];
    /** Type index per function, imported functions first. */
    public int[] funcTypes = new int[0];
    public int numImportedFuncs;
    /** Tables, imported first. */
    public TableType[] tables = new TableType[0];
    public int numImportedTables;
    /** Memories (at most one is valid), imported first; element type unused. */
    public TableType[] memories = new TableType[0];
    public int numImportedMemories;
    /** Globals, imported first (their {@code init} is null). */
    public GlobalType[] globals = new GlobalType[0];
    public int numImportedGlobals;
    public Export[] exports = new Export[0];
    /** Start function index or -1. */
    public int start = -1;
    public ElemSegment[] elems = new ElemSegment[0];
    public DataSegment[] datas = new DataSegment[0];
    /** The data count section's value, or -1 when absent. */
    public int dataCount = -1;
    /** Per defined function: byte offset of its body (locals vector) and end offset. */
    public int[] bodyStart = new int[0];
    public int[] bodyEnd = new int[0];

    /** True when the code carries fuel and instruction counters ({@code Loader.COUNT}). */
    public boolean metered;
    /** Pre-decoded code of all defined functions; see {@code io.wasmlet.code.Layout}. */
    public int[] code;
    /** Per defined function: the pc of its header in {@link #code}. */
    public int[] funcEntry;
    /** Function indices that may be referenced by ref.func (elements, exports, global inits). */
    public boolean[] declaredRefs;

    /** The name of an import/export kind, for messages. */
    public static String kindName(int kind) {
        switch (kind) {
            case KIND_FUNC: return "function";
            case KIND_TABLE: return "table";
            case KIND_MEMORY: return "memory";
            default: return "global";
        }
    }

    public int numFuncs() {
        return funcTypes.length;
    }

    public FuncType funcType(int funcIndex) {
        return types[funcTypes[funcIndex]];
    }
}
