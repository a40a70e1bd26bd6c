package io.wasmlet.exec;

import io.wasmlet.binary.ConstExpr;
import io.wasmlet.binary.DataSegment;
import io.wasmlet.binary.ElemSegment;
import io.wasmlet.binary.Export;
import io.wasmlet.binary.FuncType;
import io.wasmlet.binary.GlobalType;
import io.wasmlet.binary.Import;
import io.wasmlet.binary.ModuleData;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.binary.TableType;
import io.wasmlet.board.Board;
import io.wasmlet.error.Msg;
import io.wasmlet.error.ResourceLimitException;
import io.wasmlet.error.TrapException;
import io.wasmlet.error.UninstantiableException;
import io.wasmlet.error.UnlinkableException;

/**
 * Links imports, allocates the instance's arrays and runs the segment initialisers and the start
 * function, in the order the specification gives (a failing segment leaves earlier writes in
 * place).
 */
final class Instantiator {
    private final Store store;
    private final ModuleData m;
    private final Imports imports;

    private final WasmModule module;

    Instantiator(Store store, WasmModule module, Imports imports) {
        this.store = store;
        this.module = module;
        this.m = ModuleData.of(module);
        this.imports = imports == null ? new Imports() : imports;
    }

    private UnlinkableException unlinkable(Import im, String what) {
        return new UnlinkableException(Msg.cat(what, Msg.cat(": \"", im.module, "\" \"", im.name), "\""));
    }

    Instance run() {
        // with the JIT's arenas if they fit the board beside the module, else interpreted; the
        // store's code cache is allocated by the first instance that gets the JIT
        boolean jit = store.jitFits(module);
        store.footprint(module).check(module);
        if (jit && store.cache.length == 0) {
            store.cache = new int[store.board.codeCacheInts];
        }
        Function[] funcs = new Function[m.numFuncs()];
        Table[] tables = new Table[m.tables.length];
        Memory memory = null;
        Global[] globals = new Global[m.globals.length];
        int importedFuncs = 0;
        for (int i = 0; i < m.imports.length; i++) {
            Import im = m.imports[i];
            Object v = imports.get(im.module, im.name);
            if (v == null) {
                throw unlinkable(im, Msg.cat("unknown import (", WasmModule.kindName(im.kind), ")"));
            }
            switch (im.kind) {
                case WasmModule.KIND_FUNC: {
                    if (!(v instanceof Function)) {
                        throw unlinkable(im, "incompatible import type: expected a function");
                    }
                    Function f = (Function) v;
                    FuncType want = m.types[im.index];
                    if (!f.type.sameAs(want)) {
                        throw unlinkable(im, Msg.cat("incompatible import type: function ", f.type.toString(),
                                ", expected ", want.toString()));
                    }
                    store.register(f);
                    funcs[importedFuncs++] = f;
                    break;
                }
                case WasmModule.KIND_TABLE: {
                    if (!(v instanceof Table)) {
                        throw unlinkable(im, "incompatible import type: expected a table");
                    }
                    Table t = (Table) v;
                    TableType want = m.tables[im.index];
                    if (t.elemType != want.elemType || !limitsMatch(t.size, t.max, want)) {
                        throw unlinkable(im, "incompatible import type: table");
                    }
                    tables[im.index] = t;
                    break;
                }
                case WasmModule.KIND_MEMORY: {
                    if (!(v instanceof Memory)) {
                        throw unlinkable(im, "incompatible import type: expected a memory");
                    }
                    Memory mem = (Memory) v;
                    if (mem.pageShift != m.memories[im.index].pageShift
                            || !limitsMatch(mem.pages(), mem.max, m.memories[im.index])) {
                        throw unlinkable(im, "incompatible import type: memory limits");
                    }
                    memory = mem;
                    break;
                }
                default: {
                    if (!(v instanceof Global)) {
                        throw unlinkable(im, "incompatible import type: expected a global");
                    }
                    Global g = (Global) v;
                    GlobalType want = m.globals[im.index];
                    if (g.type != want.type || g.mutable != want.mutable) {
                        throw unlinkable(im, "incompatible import type: global");
                    }
                    globals[im.index] = g;
                    break;
                }
            }
        }
        int[] typeIds = new int[m.types.length];
        for (int i = 0; i < typeIds.length; i++) {
            typeIds[i] = store.typeId(m.types[i]);
        }
        // tables and memory are sized from the board (the footprint check above admitted them)
        Board board = store.board;
        try {
            for (int t = m.numImportedTables; t < m.tables.length; t++) {
                TableType tt = m.tables[t];
                tables[t] = new Table(tt.elemType, (int) tt.min, tt.max, board.tableEntries, board.memoryPrealloc);
            }
            if (m.memories.length > m.numImportedMemories) {
                TableType mt = m.memories[m.numImportedMemories];
                memory = new Memory((int) mt.min, mt.max, Memory.budget(board.memoryBytes), board.memoryPrealloc,
                        mt.pageShift);
            }
        } catch (OutOfMemoryError e) {
            // the footprint fit the board's heap, but the VM's heap is fuller than the board says
            throw new ResourceLimitException(Msg.cat("the Java heap cannot hold the module's tables and memory (board ",
                    board.name, ")"));
        }
        Instance inst = new Instance(module, store, funcs, tables, memory, globals, typeIds, jit);
        for (int f = m.numImportedFuncs; f < funcs.length; f++) {
            Function fn = new Function(m.funcType(f), inst, m.funcEntry[f - m.numImportedFuncs]);
            store.register(fn);
            funcs[f] = fn;
        }
        for (int g = m.numImportedGlobals; g < globals.length; g++) {
            GlobalType gt = m.globals[g];
            globals[g] = new Global(gt.type, gt.mutable, eval(gt.init, inst));
        }
        for (int i = 0; i < m.exports.length; i++) {
            Export ex = m.exports[i];
            Object v;
            switch (ex.kind) {
                case WasmModule.KIND_FUNC: v = funcs[ex.index]; break;
                case WasmModule.KIND_TABLE: v = tables[ex.index]; break;
                case WasmModule.KIND_MEMORY: v = memory; break;
                default: v = globals[ex.index]; break;
            }
            inst.addExport(i, ex.name, v);
        }
        if (jit) {
            Engine.prepare(store, inst);
        }
        initialise(inst);
        return inst;
    }

    private static boolean limitsMatch(long size, long max, TableType want) {
        if (size < want.min) {
            return false;
        }
        if (want.max >= 0) {
            return max >= 0 && max <= want.max;
        }
        return true;
    }

    /** Evaluates a validated constant expression to a raw value. */
    static long eval(ConstExpr e, Instance inst) {
        switch (e.op) {
            case ConstExpr.GLOBAL_GET: return inst.globals[(int) e.value].value;
            case ConstExpr.REF_NULL: return 0;
            case ConstExpr.REF_FUNC: return inst.funcs[(int) e.value].ref;
            default: return e.value;
        }
    }

    private void initialise(Instance inst) {
        try {
            for (int i = 0; i < m.elems.length; i++) {
                ElemSegment e = m.elems[i];
                int n = e.size();
                int[] refs = new int[n];
                for (int k = 0; k < n; k++) {
                    refs[k] = e.hasIndices() ? inst.funcs[e.funcIndex(k)].ref : (int) eval(e.expr(k), inst);
                }
                if (e.mode == ElemSegment.PASSIVE) {
                    inst.elemRefs[i] = refs;
                } else if (e.mode == ElemSegment.ACTIVE) {
                    int off = (int) eval(e.offset, inst);
                    inst.tables[e.table].init(refs, off, 0, n);
                }
            }
            for (int i = 0; i < m.datas.length; i++) {
                DataSegment d = m.datas[i];
                if (d.active) {
                    int off = (int) eval(d.offset, inst);
                    inst.memory.init(ModuleData.bytes(d), 0, d.length, off, 0, d.length);
                } else {
                    inst.dataLive[i] = true;
                }
            }
            if (m.start >= 0) {
                store.invoke(inst.funcs[m.start], new long[0], new long[0]);
            }
        } catch (TrapException t) {
            throw new UninstantiableException(t.getMessage());
        }
    }
}
