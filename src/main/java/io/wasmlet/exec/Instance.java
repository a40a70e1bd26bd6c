package io.wasmlet.exec;

import io.wasmlet.binary.ModuleData;
import io.wasmlet.binary.WasmModule;

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
    final int[] code;
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

    Instance(WasmModule module, Store store, Function[] funcs, Table[] tables, Memory memory, Global[] globals,
             int[] typeIds) {
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
    }

    void addExport(int i, String name, Object value) {
        exportNames[i] = name;
        exports.put(name, value);
    }

    /** The export named {@code name}: a {@link Function}, {@link Table}, {@link Memory}, {@link Global}, or null. */
    public Object export(String name) {
        return exports.get(name);
    }

    public Function function(String name) {
        Object o = exports.get(name);
        return o instanceof Function ? (Function) o : null;
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
