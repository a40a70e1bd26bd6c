package io.wasmlet.binary;

/**
 * <b>Internal</b>: the decoded sections of a {@link WasmModule} as plain arrays, for the
 * runtime's own packages ({@code validate}, {@code exec}). Not part of the API: embedders read a
 * module through {@link WasmModule}'s accessors, which copy or return immutable objects. These
 * arrays are shared, not copied, so the validator and the interpreter read them without
 * allocating; nothing outside the runtime may write them.
 *
 * <p>Imports come first in every index space. Function bodies are read from {@link #bytes}
 * (the module's file) only while the module is validated; the loader then sets {@code bytes},
 * {@code bodyStart} and {@code bodyEnd} to null, so a validated module does not keep its file
 * alive. Data segments own copies of their bytes ({@link #bytes(DataSegment)}).
 */
public final class ModuleData {
    ModuleData() {
    }

    /** The module's file while it is decoded and validated; null afterwards. */
    public byte[] bytes;
    public FuncType[] types = new FuncType[0];
    public Import[] imports = new Import[0];
    /** Type index per function, imported functions first. */
    public int[] funcTypes = new int[0];
    public int numImportedFuncs;
    /** Size of the code section in the file (for the footprint's bytes of code per code byte). */
    public int codeSectionBytes;
    /**
     * Profiled branch sites in {@link #code} ({@code Loader.PROFILE}: {@code if.p},
     * {@code br_if_simple.p}, {@code br_if_back.p}): each instance has two counters per site.
     */
    public int branchSites;
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
    /** Per defined function, until validation ends: byte offset of its body (locals vector) and end offset. */
    public int[] bodyStart = new int[0];
    public int[] bodyEnd = new int[0];
    /** Function names from the name section, by function index (null entries: unnamed), or null when not kept. */
    public String[] funcNames;

    /**
     * With {@code Loader.DEBUG} (else null), for backtraces: pairs of (code position, byte
     * offset in the file), in code order, one before each Wasm operator the validator read; the
     * pre-decoded instruction at pc came from the operator of the last pair at or before it.
     */
    public int[] debugMap;

    /** Pre-decoded code of all defined functions; see {@code io.wasmlet.code.Layout}. */
    public char[] code;
    /** Per defined function: the pc of its header in {@link #code}. */
    public int[] funcEntry;
    /** True when the code carries fuel and instruction counters ({@code Loader.COUNT}). */
    public boolean metered;
    /** Function indices that may be referenced by ref.func (elements, exports, global inits). */
    public boolean[] declaredRefs;

    /** The internal form of {@code m}: for the runtime's packages only. */
    public static ModuleData of(WasmModule m) {
        return m.data;
    }

    public int numFuncs() {
        return funcTypes.length;
    }

    public FuncType funcType(int funcIndex) {
        return types[funcTypes[funcIndex]];
    }

    /** The parameter types of {@code t}, shared (not a copy): for the validator, which never writes them. */
    public static byte[] paramTypes(FuncType t) {
        return t.params;
    }

    /** The bytes of segment {@code d}, shared (not a copy): for memory.init, which only reads them. */
    public static byte[] bytes(DataSegment d) {
        return d.bytes;
    }

    /** The result types of {@code t}, shared (not a copy). */
    public static byte[] resultTypes(FuncType t) {
        return t.results;
    }
}
