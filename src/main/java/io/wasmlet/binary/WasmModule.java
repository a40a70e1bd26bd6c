package io.wasmlet.binary;

/**
 * A decoded and validated module, read-only: its types, imports and exports through accessors
 * (no array of it is handed out). It may be instantiated any number of times. The runtime's
 * own packages read its internal arrays through {@link ModuleData#of}.
 */
public final class WasmModule {
    public static final byte KIND_FUNC = 0;
    public static final byte KIND_TABLE = 1;
    public static final byte KIND_MEMORY = 2;
    public static final byte KIND_GLOBAL = 3;

    final ModuleData data;

    WasmModule(ModuleData data) {
        this.data = data;
    }

    /** The name of an import/export kind, for messages. */
    public static String kindName(int kind) {
        switch (kind) {
            case KIND_FUNC: return "function";
            case KIND_TABLE: return "table";
            case KIND_MEMORY: return "memory";
            default: return "global";
        }
    }

    /** Number of entries in the type section. */
    public int typeCount() {
        return data.types.length;
    }

    /** Type {@code i} of the type section. */
    public FuncType type(int i) {
        return data.types[i];
    }

    public int importCount() {
        return data.imports.length;
    }

    /** Import {@code i}, in the import section's order. */
    public Import importAt(int i) {
        return data.imports[i];
    }

    public int exportCount() {
        return data.exports.length;
    }

    /** Export {@code i}, in the export section's order. */
    public Export exportAt(int i) {
        return data.exports[i];
    }

    /** Functions in the function index space, imported ones included. */
    public int numFuncs() {
        return data.funcTypes.length;
    }

    public int numImportedFuncs() {
        return data.numImportedFuncs;
    }

    /** The type of function {@code funcIndex} (imports first). */
    public FuncType funcType(int funcIndex) {
        return data.funcType(funcIndex);
    }

    /** The start function's index, or -1. */
    public int start() {
        return data.start;
    }

    /**
     * Function {@code funcIndex}'s name from the module's name section, or null when it has
     * none or the module was loaded without {@code Loader.NAMES}.
     */
    public String functionName(int funcIndex) {
        String[] names = data.funcNames;
        return names == null || funcIndex < 0 || funcIndex >= names.length ? null : names[funcIndex];
    }
}
