package io.wasmlet.exec;

import io.wasmlet.binary.ModuleData;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.error.Msg;
import io.wasmlet.error.UnlinkableException;

import java.util.Hashtable;

/**
 * An instantiated module: its function, table, memory and global spaces (imports first) and the
 * state of its segments. Everything here is allocated by {@link Store#instantiate}; running code
 * only reads and writes these arrays.
 */
public final class Instance {
    final WasmModule module;
    /** The module's internal arrays (segments read by memory.init). */
    final ModuleData data;
    final Store store;
    final char[] code;
    final Function[] funcs;
    final Table[] tables;
    /** The memory, or null. */
    final Memory memory;
    final Global[] globals;
    /** Store-wide canonical type id per module type index (call_indirect checks). */
    final int[] typeIds;
    /** Resolved references per element segment; null once dropped. */
    final int[][] elemRefs;
    /** Per data segment: false once dropped. */
    final boolean[] dataLive;
    private final Hashtable exports = new Hashtable();
    private final String[] exportNames;
    /**
     * Per defined function: its entry pc in the store's code cache, or -1 while interpreted.
     * Empty in interpreter-only stores.
     */
    final int[] compiled;
    /**
     * Per defined function: the tier-up trigger (profile counter), decremented on entry and by
     * the poll weight at loop back-edges; translation when it goes negative. Null in
     * interpreter-only stores, which pay nothing for profiling.
     */
    final int[] trigger;
    /**
     * call_indirect target feedback, per profile site (one per call_indirect instruction of the
     * module, numbered as the translator reaches them): the funcref it last called from compiled
     * code (0 none yet) and how often that target changed. Written only by compiled code's
     * inline-cache misses ({@code CompiledOps.icMiss}), so the interpreter pays nothing; empty in
     * interpreter-only stores.
     */
    final int[] icTarget;
    final int[] icMisses;
    /** The profile of a module without call_indirect (and of interpreter-only stores): shared, never written. */
    private static final int[] NO_SITES = new int[0];
    /** Profile sites handed out to translated functions so far. */
    int icUsed;
    /**
     * Per profiled branch site k ({@code Loader.PROFILE}): {@code [2k]} times the branch was
     * taken (for an {@code if}: to its else arm or end), {@code [2k + 1]} times it fell through.
     * Null for code loaded without the flag.
     */
    final int[] branches;
    /**
     * Per defined function translated a second time ({@link Engine#sideExit}): the entry of its
     * first code, which frames may still run; -1 otherwise. Empty in interpreter-only stores.
     */
    final int[] retired;
    /** Index of the first defined function (imports come first in the function space). */
    final int firstDefined;

    Instance(WasmModule module, Store store, Function[] funcs, Table[] tables, Memory memory, Global[] globals,
             int[] typeIds, boolean jit) {
        this.module = module;
        this.data = ModuleData.of(module);
        this.store = store;
        this.code = data.code;
        this.funcs = funcs;
        this.tables = tables;
        this.memory = memory;
        this.globals = globals;
        this.typeIds = typeIds;
        this.elemRefs = new int[data.elems.length][];
        this.dataLive = new boolean[data.datas.length];
        this.exportNames = new String[data.exports.length];
        this.firstDefined = data.numImportedFuncs;
        int defined = data.funcEntry.length;
        this.compiled = new int[jit ? defined : 0];
        this.retired = new int[jit ? defined : 0];
        this.trigger = jit ? new int[defined] : null;
        int sites = jit ? Footprint.indirectSites(data) : 0;
        this.icTarget = sites == 0 ? NO_SITES : new int[sites];
        this.icMisses = sites == 0 ? NO_SITES : new int[sites];
        this.branches = data.branchSites > 0 ? new int[2 * data.branchSites] : null;
        if (jit) {
            int t = store.compiler.callThreshold();
            for (int i = 0; i < defined; i++) {
                compiled[i] = -1;
                retired[i] = -1;
                trigger[i] = t;
            }
        }
    }

    void addExport(int i, String name, Object value) {
        exportNames[i] = name;
        exports.put(name, value);
    }

    /** The export named {@code name}, or null (for linking and the typed accessors below). */
    Object exportOrNull(String name) {
        return exports.get(name);
    }

    private Object export(String name, int kind) {
        Object o = exports.get(name);
        if (o == null) {
            throw unknown(name);
        }
        int k = kindOf(o);
        if (k != kind) {
            throw new UnlinkableException(Msg.cat(Msg.cat("export \"", name, "\" is a "),
                    WasmModule.kindName(k), Msg.cat(", not a ", WasmModule.kindName(kind))));
        }
        return o;
    }

    private static UnlinkableException unknown(String name) {
        return new UnlinkableException(Msg.cat("unknown export \"", name, "\""));
    }

    static int kindOf(Object extern) {
        if (extern instanceof Function) {
            return WasmModule.KIND_FUNC;
        }
        if (extern instanceof Table) {
            return WasmModule.KIND_TABLE;
        }
        return extern instanceof Memory ? WasmModule.KIND_MEMORY : WasmModule.KIND_GLOBAL;
    }

    /** Whether the module exports something named {@code name}. */
    public boolean hasExport(String name) {
        return exports.get(name) != null;
    }

    /**
     * The kind of export {@code name}: {@link WasmModule#KIND_FUNC}, {@code KIND_TABLE},
     * {@code KIND_MEMORY} or {@code KIND_GLOBAL}.
     *
     * @throws UnlinkableException if there is no such export
     */
    public int exportKind(String name) {
        Object o = exports.get(name);
        if (o == null) {
            throw unknown(name);
        }
        return kindOf(o);
    }

    /**
     * The exported function {@code name}.
     *
     * @throws UnlinkableException if there is no such export or it is not a function
     */
    public Function function(String name) {
        return (Function) export(name, WasmModule.KIND_FUNC);
    }

    /**
     * The exported memory {@code name}.
     *
     * @throws UnlinkableException if there is no such export or it is not a memory
     */
    public Memory memory(String name) {
        return (Memory) export(name, WasmModule.KIND_MEMORY);
    }

    /**
     * The exported table {@code name}.
     *
     * @throws UnlinkableException if there is no such export or it is not a table
     */
    public Table table(String name) {
        return (Table) export(name, WasmModule.KIND_TABLE);
    }

    /**
     * The exported global {@code name}.
     *
     * @throws UnlinkableException if there is no such export or it is not a global
     */
    public Global global(String name) {
        return (Global) export(name, WasmModule.KIND_GLOBAL);
    }

    /** Whether the instance has a memory (defined or imported, exported or not). */
    public boolean hasMemory() {
        return memory != null;
    }

    /**
     * The instance's memory (index 0, whether exported or not): what a host function reads
     * the guest's data through, as {@code caller.memory()}.
     *
     * @throws UnlinkableException if the module has no memory
     */
    public Memory memory() {
        if (memory == null) {
            throw new UnlinkableException("the module has no memory");
        }
        return memory;
    }

    public String[] exportNames() {
        String[] r = new String[exportNames.length];
        System.arraycopy(exportNames, 0, r, 0, r.length);
        return r;
    }

    public WasmModule module() {
        return module;
    }

    public Store store() {
        return store;
    }
}
