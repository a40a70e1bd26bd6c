package io.wasmlet.binary;

import io.wasmlet.code.Op;
import io.wasmlet.code.OpTable;
import io.wasmlet.error.InvalidException;
import io.wasmlet.error.MalformedException;
import io.wasmlet.error.Msg;

/**
 * Decodes the binary format into a {@link WasmModule}: header, section order and sizes, every
 * section's contents. Function bodies are checked only as far as their locals; their
 * instructions are decoded by the validator. Every structural error is a
 * {@link MalformedException} naming the byte offset.
 */
public final class ModuleDecoder {
    private static final int SECTION_CUSTOM = 0;
    private static final int SECTION_DATA_COUNT = 12;
    /** Section id to its position in the required order (custom sections excluded). */
    private static final byte[] ORDER = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 10};

    private final ByteReader in;
    private final ModuleData m = new ModuleData();
    private final boolean keepNames;

    private ModuleDecoder(byte[] bytes, boolean keepNames) {
        this.in = new ByteReader(bytes);
        this.keepNames = keepNames;
        m.bytes = bytes;
    }

    /** Decodes {@code bytes}, skipping every custom section. */
    public static WasmModule decode(byte[] bytes) {
        return decode(bytes, false);
    }

    /**
     * Decodes {@code bytes}; with {@code keepNames}, the function names of the name section
     * are kept ({@link WasmModule#functionName}), every other custom section is skipped.
     */
    public static WasmModule decode(byte[] bytes, boolean keepNames) {
        ModuleDecoder d = new ModuleDecoder(bytes, keepNames);
        d.decodeModule();
        return new WasmModule(d.m);
    }

    private void decodeModule() {
        if (in.remaining() < 4 || in.u8() != 0x00 || in.u8() != 0x61 || in.u8() != 0x73 || in.u8() != 0x6D) {
            throw new MalformedException("magic header not detected");
        }
        if (in.remaining() < 4) {
            throw new MalformedException("unexpected end: missing version");
        }
        if (in.f32Bits() != 1) {
            throw new MalformedException("unknown binary version");
        }
        int lastOrder = 0;
        int funcCount = -1;
        boolean sawCode = false;
        boolean sawData = false;
        int end = in.limit();
        while (!in.atEnd()) {
            int id = in.u8();
            if (id > 12) {
                throw in.error(Msg.num("malformed section id ", id));
            }
            int size = in.count();
            if (size > in.remaining()) {
                throw in.error("unexpected end: section size out of bounds");
            }
            int sectionEnd = in.pos() + size;
            in.setLimit(sectionEnd);
            if (id != SECTION_CUSTOM) {
                int order = ORDER[id];
                if (order <= lastOrder) {
                    throw in.error("unexpected content after last section (section out of order or repeated)");
                }
                lastOrder = order;
            }
            switch (id) {
                case SECTION_CUSTOM: customSection(); break;
                case 1: typeSection(); break;
                case 2: importSection(); break;
                case 3: funcCount = functionSection(); break;
                case 4: tableSection(); break;
                case 5: memorySection(); break;
                case 6: globalSection(); break;
                case 7: exportSection(); break;
                case 8: m.start = in.u32(); break;
                case 9: elementSection(); break;
                case 10: codeSection(funcCount); sawCode = true; m.codeSectionBytes = size; break;
                case 11: dataSection(); sawData = true; break;
                case SECTION_DATA_COUNT: m.dataCount = in.count(); break;
                default: break;
            }
            if (in.pos() != sectionEnd) {
                throw in.error("section size mismatch");
            }
            in.setLimit(end);
        }
        if (!sawCode && funcCount > 0) {
            throw new MalformedException("function and code section have inconsistent lengths");
        }
        if (!sawData && m.dataCount > 0) {
            throw new MalformedException("data count and data section have inconsistent lengths");
        }
    }

    /** A vector's length; every element takes at least one byte, so more than remain is malformed. */
    private int vec() {
        int n = in.count();
        if (n > in.remaining()) {
            throw in.error("unexpected end: vector length out of bounds");
        }
        return n;
    }

    private byte valType() {
        int b = in.u8();
        if (!ValType.isValid(b)) {
            throw in.error(Msg.hex("malformed value type ", b));
        }
        return (byte) b;
    }

    private byte refType() {
        int b = in.u8();
        if (b != ValType.FUNCREF && b != ValType.EXTERNREF) {
            throw in.error("malformed reference type");
        }
        return (byte) b;
    }

    private void typeSection() {
        int n = vec();
        Limits.check(n, Limits.MAX_TYPES, "types");
        FuncType[] types = new FuncType[n];
        for (int i = 0; i < n; i++) {
            if (in.u8() != 0x60) {
                throw in.error("malformed function type (expected 0x60)");
            }
            byte[] params = valTypes(Limits.MAX_PARAMS, "parameters in one function type");
            byte[] results = valTypes(Limits.MAX_RESULTS, "results in one function type");
            types[i] = new FuncType(params, results);
        }
        m.types = types;
    }

    private byte[] valTypes(int max, String what) {
        int n = vec();
        Limits.check(n, max, what);
        byte[] r = new byte[n];
        for (int i = 0; i < n; i++) {
            r[i] = valType();
        }
        return r;
    }

    /**
     * Limits (tables: flags 0 and 1). A memory may also carry a custom page size (flags 8 and 9,
     * from the custom-page-sizes proposal, which this runtime implements: the limits are followed
     * by the page size's log2; validation admits 0 and 16).
     */
    private TableType limits(byte elemType) {
        int flags = in.u8();
        boolean custom = elemType == 0 && (flags == 8 || flags == 9);
        if (flags > 1 && !custom) {
            // 2, 3: shared (threads); 4 to 7: 64-bit indices (memory64); 8, 9 on a table
            String f = flags > 15 ? null : (flags & 2) != 0 ? ": shared, from threads"
                    : (flags & 4) != 0 ? ": 64-bit, from memory64" : null;
            throw in.error(f == null ? "integer too large (malformed limits flags)"
                    : Msg.cat("integer too large (malformed limits flags", f, ByteReader.UNSUPPORTED, ")"));
        }
        long min = in.u32() & 0xFFFFFFFFL;
        long max = (flags & 1) == 1 ? in.u32() & 0xFFFFFFFFL : -1;
        if (!custom) {
            return new TableType(elemType, min, max);
        }
        long log2 = in.u32() & 0xFFFFFFFFL;
        if (log2 > 63) {
            throw in.error("invalid custom page size");
        }
        return new TableType(elemType, min, max, (int) log2);
    }

    private GlobalType globalType(ConstExpr init) {
        byte t = valType();
        int mut = in.u8();
        if (mut > 1) {
            throw in.error("malformed mutability");
        }
        return new GlobalType(t, mut == 1, init);
    }

    private void importSection() {
        int n = vec();
        Limits.check(n, Limits.MAX_IMPORTS, "imports");
        Import[] imports = new Import[n];
        int[] funcTypes = new int[n];
        TableType[] tables = new TableType[n];
        TableType[] mems = new TableType[n];
        GlobalType[] globals = new GlobalType[n];
        int nf = 0, nt = 0, nm = 0, ng = 0;
        for (int i = 0; i < n; i++) {
            String module = in.name();
            String name = in.name();
            int kind = in.u8();
            int index;
            switch (kind) {
                case WasmModule.KIND_FUNC: index = nf; funcTypes[nf++] = in.u32(); break;
                case WasmModule.KIND_TABLE: index = nt; tables[nt++] = limits(refType()); break;
                case WasmModule.KIND_MEMORY: index = nm; mems[nm++] = limits((byte) 0); break;
                case WasmModule.KIND_GLOBAL: index = ng; globals[ng++] = globalType(null); break;
                default: throw in.error("malformed import kind");
            }
            imports[i] = new Import(module, name, (byte) kind, kind == WasmModule.KIND_FUNC ? funcTypes[nf - 1] : index);
        }
        m.imports = imports;
        m.funcTypes = copy(funcTypes, nf);
        m.numImportedFuncs = nf;
        m.tables = copy(tables, nt);
        m.numImportedTables = nt;
        m.memories = copy(mems, nm);
        m.numImportedMemories = nm;
        GlobalType[] g = new GlobalType[ng];
        System.arraycopy(globals, 0, g, 0, ng);
        m.globals = g;
        m.numImportedGlobals = ng;
    }

    private static int[] copy(int[] a, int n) {
        int[] r = new int[n];
        System.arraycopy(a, 0, r, 0, n);
        return r;
    }

    private static TableType[] copy(TableType[] a, int n) {
        TableType[] r = new TableType[n];
        System.arraycopy(a, 0, r, 0, n);
        return r;
    }

    private int functionSection() {
        int n = vec();
        Limits.check((long) m.numImportedFuncs + n, Limits.MAX_FUNCTIONS, "functions");
        int[] all = new int[m.numImportedFuncs + n];
        System.arraycopy(m.funcTypes, 0, all, 0, m.numImportedFuncs);
        for (int i = 0; i < n; i++) {
            all[m.numImportedFuncs + i] = in.u32();
        }
        m.funcTypes = all;
        return n;
    }

    private void tableSection() {
        int n = vec();
        Limits.check((long) m.numImportedTables + n, Limits.MAX_TABLES, "tables");
        TableType[] all = new TableType[m.numImportedTables + n];
        System.arraycopy(m.tables, 0, all, 0, m.numImportedTables);
        for (int i = 0; i < n; i++) {
            byte t = refType();
            all[m.numImportedTables + i] = limits(t);
        }
        m.tables = all;
    }

    private void memorySection() {
        int n = vec();
        Limits.check((long) m.numImportedMemories + n, Limits.MAX_MEMORIES, "memories");
        TableType[] all = new TableType[m.numImportedMemories + n];
        System.arraycopy(m.memories, 0, all, 0, m.numImportedMemories);
        for (int i = 0; i < n; i++) {
            all[m.numImportedMemories + i] = limits((byte) 0);
        }
        m.memories = all;
    }

    private void globalSection() {
        int n = vec();
        Limits.check((long) m.numImportedGlobals + n, Limits.MAX_GLOBALS, "globals");
        GlobalType[] all = new GlobalType[m.numImportedGlobals + n];
        System.arraycopy(m.globals, 0, all, 0, m.numImportedGlobals);
        for (int i = 0; i < n; i++) {
            byte t = valType();
            int mut = in.u8();
            if (mut > 1) {
                throw in.error("malformed mutability");
            }
            all[m.numImportedGlobals + i] = new GlobalType(t, mut == 1, constExpr());
        }
        m.globals = all;
    }

    private void exportSection() {
        int n = vec();
        Limits.check(n, Limits.MAX_EXPORTS, "exports");
        Export[] ex = new Export[n];
        for (int i = 0; i < n; i++) {
            String name = in.name();
            int kind = in.u8();
            if (kind > 3) {
                throw in.error("malformed export kind");
            }
            ex[i] = new Export(name, (byte) kind, in.u32());
        }
        m.exports = ex;
    }

    private void elementSection() {
        int n = vec();
        Limits.check(n, Limits.MAX_ELEMENT_SEGMENTS, "element segments");
        ElemSegment[] segs = new ElemSegment[n];
        for (int i = 0; i < n; i++) {
            int flags = in.u32();
            if (flags < 0 || flags > 7) {
                throw in.error("malformed elements segment kind");
            }
            int mode = (flags & 1) == 0 ? ElemSegment.ACTIVE
                    : (flags & 2) == 0 ? ElemSegment.PASSIVE : ElemSegment.DECLARATIVE;
            int table = 0;
            ConstExpr offset = null;
            if (mode == ElemSegment.ACTIVE) {
                if ((flags & 2) != 0) {
                    table = in.u32();
                }
                offset = constExpr();
            }
            boolean exprs = (flags & 4) != 0;
            byte type = ValType.FUNCREF;
            if ((flags & 3) != 0) {
                if (exprs) {
                    type = refType();
                } else if (in.u8() != 0x00) {
                    throw in.error("malformed element kind");
                }
            }
            int count = vec();
            Limits.check(count, Limits.MAX_TABLE_ENTRIES, "entries in one element segment");
            if (exprs) {
                ConstExpr[] items = new ConstExpr[count];
                for (int k = 0; k < count; k++) {
                    items[k] = constExpr();
                }
                segs[i] = new ElemSegment(mode, table, offset, type, null, items);
            } else {
                int[] items = new int[count];
                for (int k = 0; k < count; k++) {
                    items[k] = in.u32();
                }
                segs[i] = new ElemSegment(mode, table, offset, type, items, null);
            }
        }
        m.elems = segs;
    }

    private void codeSection(int funcCount) {
        int n = in.count();
        if (n != (funcCount < 0 ? 0 : funcCount)) {
            throw in.error("function and code section have inconsistent lengths");
        }
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            int size = in.count();
            if (size > in.remaining()) {
                throw in.error("unexpected end: function body size out of bounds");
            }
            Limits.check(size, Limits.MAX_FUNCTION_SIZE, "bytes in one function body");
            int bodyEnd = in.pos() + size;
            int outer = in.limit();
            in.setLimit(bodyEnd);
            starts[i] = in.pos();
            ends[i] = bodyEnd;
            int groups = in.count();
            long total = 0;
            for (int g = 0; g < groups; g++) {
                total += in.u32() & 0xFFFFFFFFL;
                if (total > 0xFFFFFFFFL) {
                    throw in.error("too many locals");
                }
                valType();
            }
            int t = m.funcTypes[m.numImportedFuncs + i];
            total += t >= 0 && t < m.types.length ? m.types[t].paramCount() : 0;
            Limits.check(total, Limits.MAX_LOCALS, "locals in one function (parameters included)");
            in.seek(bodyEnd);
            in.setLimit(outer);
        }
        m.bodyStart = starts;
        m.bodyEnd = ends;
    }

    private void dataSection() {
        int n = vec();
        Limits.check(n, Limits.MAX_DATA_SEGMENTS, "data segments");
        if (m.dataCount >= 0 && n != m.dataCount) {
            throw in.error("data count and data section have inconsistent lengths");
        }
        DataSegment[] segs = new DataSegment[n];
        for (int i = 0; i < n; i++) {
            int flags = in.u32();
            boolean active;
            int mem = 0;
            ConstExpr offset = null;
            switch (flags) {
                case 0: active = true; offset = constExpr(); break;
                case 1: active = false; break;
                case 2: active = true; mem = in.u32(); offset = constExpr(); break;
                default: throw in.error("malformed data segment kind");
            }
            int len = in.count();
            if (len > in.remaining()) {
                throw in.error("unexpected end of section or function: data segment length out of bounds");
            }
            byte[] b = new byte[len];
            System.arraycopy(in.bytes(), in.pos(), b, 0, len);
            segs[i] = new DataSegment(active, mem, offset, b);
            in.skip(len);
        }
        m.datas = segs;
    }

    private void customSection() {
        String name = in.name();
        if (keepNames && name.equals("name")) {
            int end = in.limit();
            try {
                functionNames();
            } catch (MalformedException e) {
                m.funcNames = null; // a malformed name section is ignored, as the spec asks of custom sections
            }
            in.seek(end);
        }
        in.skip(in.remaining());
    }

    /** The function-names subsection (id 1) of a name section; other subsections are skipped. */
    private void functionNames() {
        while (!in.atEnd()) {
            int id = in.u8();
            int size = in.count();
            int next = in.pos() + size;
            if (size > in.remaining()) {
                throw in.error("name subsection out of bounds");
            }
            if (id == 1) {
                String[] names = new String[m.funcTypes.length];
                int n = in.count();
                for (int i = 0; i < n; i++) {
                    int f = in.u32();
                    String s = in.name();
                    if (f >= 0 && f < names.length) {
                        names[f] = s;
                    }
                }
                m.funcNames = names;
            }
            in.seek(next);
        }
    }

    /** Decodes a constant expression up to and including its {@code end}. */
    private ConstExpr constExpr() {
        int count = 0;
        int op = ConstExpr.EMPTY;
        long value = 0;
        while (true) {
            int b = in.u8();
            if (b == 0x0B) {
                break;
            }
            long v;
            switch (b) {
                case ConstExpr.I32_CONST: v = in.s32(); break;
                case ConstExpr.I64_CONST: v = in.s64(); break;
                case ConstExpr.F32_CONST: v = in.f32Bits() & 0xFFFFFFFFL; break;
                case ConstExpr.F64_CONST: v = in.f64Bits(); break;
                case ConstExpr.GLOBAL_GET: v = in.u32() & 0xFFFFFFFFL; break;
                case ConstExpr.REF_NULL: v = refType(); break;
                case ConstExpr.REF_FUNC: v = in.u32() & 0xFFFFFFFFL; break;
                default:
                    if (b == 0xFC || (b < Op.FC_BASE && OpTable.exists(b))) {
                        throw new InvalidException(Msg.num("constant expression required (opcode ", b, ")"));
                    }
                    throw in.illegalOpcode(b);
            }
            count++;
            op = b;
            value = v;
        }
        return new ConstExpr(count > 1 ? ConstExpr.MULTIPLE : op, value);
    }
}
