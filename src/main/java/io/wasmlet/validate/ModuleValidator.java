package io.wasmlet.validate;

import io.wasmlet.binary.ByteReader;
import io.wasmlet.binary.ConstExpr;
import io.wasmlet.binary.ElemSegment;
import io.wasmlet.binary.Export;
import io.wasmlet.binary.FuncType;
import io.wasmlet.binary.GlobalType;
import io.wasmlet.binary.Import;
import io.wasmlet.binary.ModuleData;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.binary.TableType;
import io.wasmlet.binary.ValType;
import io.wasmlet.error.InvalidException;
import io.wasmlet.error.Msg;

import java.util.Hashtable;

/**
 * Module-level validation (index spaces, limits, constant expressions, exports, start,
 * segments), then every function body through {@link FunctionValidator}, which emits the
 * module's pre-decoded code.
 */
final class ModuleValidator {
    static final long MAX_PAGES = 65536;

    private final ModuleData m;
    private final boolean counting;
    private final boolean debug;
    private final boolean profiling;

    ModuleValidator(ModuleData m, boolean counting, boolean debug, boolean profiling) {
        this.debug = debug;
        this.profiling = profiling;
        this.m = m;
        this.counting = counting;
    }

    private static InvalidException invalid(String what) {
        return new InvalidException(what);
    }

    void validate() {
        for (int i = 0; i < m.imports.length; i++) {
            Import im = m.imports[i];
            if (im.kind == WasmModule.KIND_FUNC && (im.index < 0 || im.index >= m.types.length)) {
                throw invalid(Msg.num("unknown type ", im.index & 0xFFFFFFFFL));
            }
        }
        for (int f = m.numImportedFuncs; f < m.funcTypes.length; f++) {
            int t = m.funcTypes[f];
            if (t < 0 || t >= m.types.length) {
                throw invalid(Msg.num("unknown type ", t & 0xFFFFFFFFL));
            }
        }
        for (int i = 0; i < m.tables.length; i++) {
            limits(m.tables[i], 0xFFFFFFFFL, "table size");
        }
        if (m.memories.length > 1) {
            throw invalid(Msg.cat("multiple memories: multi-memory", ByteReader.UNSUPPORTED));
        }
        for (int i = 0; i < m.memories.length; i++) {
            TableType mt = m.memories[i];
            if (mt.pageShift != 0 && mt.pageShift != TableType.DEFAULT_PAGE_SHIFT) {
                throw invalid("invalid custom page size");
            }
            if (mt.pageShift == 0) {
                limits(mt, 0xFFFFFFFFL, "memory size must be at most 4294967295 pages (4GiB)");
            } else {
                limits(mt, MAX_PAGES, "memory size must be at most 65536 pages (4GiB)");
            }
        }
        computeDeclaredRefs();
        for (int g = m.numImportedGlobals; g < m.globals.length; g++) {
            GlobalType gt = m.globals[g];
            constExpr(gt.init, gt.type);
        }
        exports();
        if (m.start >= 0 || m.start < -1) {
            if (m.start < 0 || m.start >= m.numFuncs()) {
                throw invalid(Msg.num("unknown function ", m.start & 0xFFFFFFFFL));
            }
            FuncType t = m.funcType(m.start);
            if (t.paramCount() != 0 || t.resultCount() != 0) {
                throw invalid("start function must have type [] -> []");
            }
        }
        elems();
        for (int d = 0; d < m.datas.length; d++) {
            if (m.datas[d].active) {
                if (m.datas[d].memory != 0 || m.memories.length == 0) {
                    throw invalid(Msg.num("unknown memory ", m.datas[d].memory));
                }
                constExpr(m.datas[d].offset, ValType.I32);
            }
        }
        functions();
    }

    private void limits(TableType t, long bound, String what) {
        if (t.min > bound || t.max > bound) {
            throw invalid(what);
        }
        if (t.max >= 0 && t.min > t.max) {
            throw invalid("size minimum must not be greater than maximum");
        }
    }

    private void computeDeclaredRefs() {
        boolean[] refs = new boolean[m.numFuncs()];
        for (int i = 0; i < m.elems.length; i++) {
            ElemSegment e = m.elems[i];
            if (e.hasIndices()) {
                for (int k = 0; k < e.size(); k++) {
                    int f = e.funcIndex(k);
                    if (f >= 0 && f < refs.length) {
                        refs[f] = true;
                    }
                }
            } else {
                for (int k = 0; k < e.size(); k++) {
                    markRef(refs, e.expr(k));
                }
            }
        }
        for (int i = 0; i < m.exports.length; i++) {
            Export ex = m.exports[i];
            if (ex.kind == WasmModule.KIND_FUNC && ex.index >= 0 && ex.index < refs.length) {
                refs[ex.index] = true;
            }
        }
        for (int g = m.numImportedGlobals; g < m.globals.length; g++) {
            markRef(refs, m.globals[g].init);
        }
        m.declaredRefs = refs;
    }

    private static void markRef(boolean[] refs, ConstExpr e) {
        if (e != null && e.op == ConstExpr.REF_FUNC && e.value >= 0 && e.value < refs.length) {
            refs[(int) e.value] = true;
        }
    }

    /** Checks a constant expression yields {@code type}. */
    private void constExpr(ConstExpr e, byte type) {
        byte actual;
        switch (e.op) {
            case ConstExpr.I32_CONST: actual = ValType.I32; break;
            case ConstExpr.I64_CONST: actual = ValType.I64; break;
            case ConstExpr.F32_CONST: actual = ValType.F32; break;
            case ConstExpr.F64_CONST: actual = ValType.F64; break;
            case ConstExpr.REF_NULL: actual = (byte) e.value; break;
            case ConstExpr.REF_FUNC:
                if (e.value >= m.numFuncs()) {
                    throw invalid(Msg.num("unknown function ", e.value));
                }
                actual = ValType.FUNCREF;
                break;
            case ConstExpr.GLOBAL_GET:
                if (e.value >= m.numImportedGlobals) {
                    throw invalid(Msg.num("unknown global ", e.value));
                }
                if (m.globals[(int) e.value].mutable) {
                    throw invalid("constant expression required (global.get of a mutable global)");
                }
                actual = m.globals[(int) e.value].type;
                break;
            default:
                throw invalid("type mismatch: constant expression must produce exactly one value");
        }
        if (actual != type) {
            throw invalid(Msg.cat("type mismatch: constant expression of type ", ValType.name(actual),
                    ", expected ", ValType.name(type)));
        }
    }

    /** Checks every export's index, and that names are unique (one hash lookup each). */
    private void exports() {
        Export[] ex = m.exports;
        Hashtable names = new Hashtable(ex.length * 2 + 1);
        for (int i = 0; i < ex.length; i++) {
            int limit;
            switch (ex[i].kind) {
                case WasmModule.KIND_FUNC: limit = m.numFuncs(); break;
                case WasmModule.KIND_TABLE: limit = m.tables.length; break;
                case WasmModule.KIND_MEMORY: limit = m.memories.length; break;
                default: limit = m.globals.length; break;
            }
            if (ex[i].index < 0 || ex[i].index >= limit) {
                throw invalid(Msg.num(Msg.cat("unknown ", WasmModule.kindName(ex[i].kind), " "), ex[i].index & 0xFFFFFFFFL));
            }
            if (names.put(ex[i].name, ex[i]) != null) {
                throw invalid(Msg.cat("duplicate export name \"", ex[i].name, "\""));
            }
        }
    }

    private void elems() {
        for (int i = 0; i < m.elems.length; i++) {
            ElemSegment e = m.elems[i];
            if (e.mode == ElemSegment.ACTIVE) {
                if (e.table < 0 || e.table >= m.tables.length) {
                    throw invalid(Msg.num("unknown table ", e.table & 0xFFFFFFFFL));
                }
                constExpr(e.offset, ValType.I32);
                if (m.tables[e.table].elemType != e.type) {
                    throw invalid("type mismatch: element segment type differs from its table's");
                }
            }
            if (e.hasIndices()) {
                for (int k = 0; k < e.size(); k++) {
                    int f = e.funcIndex(k);
                    if (f < 0 || f >= m.numFuncs()) {
                        throw invalid(Msg.num("unknown function ", f & 0xFFFFFFFFL));
                    }
                }
            } else {
                for (int k = 0; k < e.size(); k++) {
                    int op = e.expr(k).op;
                    if (op != ConstExpr.REF_NULL && op != ConstExpr.REF_FUNC && op != ConstExpr.GLOBAL_GET) {
                        throw invalid("type mismatch: element expression must be a reference");
                    }
                    constExpr(e.expr(k), e.type);
                }
            }
        }
    }

    private void functions() {
        int n = m.bodyStart.length;
        // 1.64 bytes of code per code-section byte on average (0.82 units): start a little above
        CodeBuffer out = new CodeBuffer((int) (m.codeSectionBytes * 7L / 8) + 64);
        ByteReader in = new ByteReader(m.bytes);
        BodyScanner scanner = new BodyScanner(m, in);
        for (int i = 0; i < n; i++) {
            scanner.scan(i);
        }
        FunctionValidator fv = new FunctionValidator(m, in, out, counting, profiling);
        int[] entries = new int[n];
        CodeBuffer debugMap = debug ? new CodeBuffer() : null;
        fv.debugMap = debugMap;
        for (int i = 0; i < n; i++) {
            entries[i] = fv.validate(i);
        }
        if (debugMap != null) {
            m.debugMap = debugMap.ints();
        }
        CodeBuffer calls = fv.directCalls;
        for (int i = 0; i < calls.pos(); i += 2) {
            int site = calls.get2(i);
            out.set2(site, entries[out.get2(site) - m.numImportedFuncs]);
        }
        m.code = out.toArray();
        m.funcEntry = entries;
    }
}
