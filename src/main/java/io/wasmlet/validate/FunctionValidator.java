package io.wasmlet.validate;

import io.wasmlet.binary.ByteReader;
import io.wasmlet.binary.FuncType;
import io.wasmlet.binary.Limits;
import io.wasmlet.binary.ModuleData;
import io.wasmlet.binary.TableType;
import io.wasmlet.binary.ValType;
import io.wasmlet.code.Layout;
import io.wasmlet.code.Op;
import io.wasmlet.code.OpTable;
import io.wasmlet.error.ExhaustionException;
import io.wasmlet.error.InvalidException;
import io.wasmlet.error.Msg;
import io.wasmlet.error.ResourceLimitException;

/**
 * Validates one function body with the specification's operand/control-stack algorithm and, in
 * the same pass, emits its pre-decoded form (see {@link Layout}) into a shared
 * {@link CodeBuffer}. Numeric operators are checked from the opcode table's signatures; the
 * rest by hand. Unreachable code is validated but not emitted. The worker is reused across
 * functions: its stacks grow but are never rebuilt.
 */
final class FunctionValidator {
    /** Most locals (parameters included) one function may declare (the decoder checks it first). */
    static final int MAX_LOCALS = Limits.MAX_LOCALS;

    private static final int K_BLOCK = 0;
    private static final int K_LOOP = 1;
    private static final int K_IF = 2;
    private static final int K_ELSE = 3;
    private static final int K_FUNC = 4;

    /** Block type encodings: >= 0 type index; EMPTY; or -(SINGLE + valtype). */
    private static final int BT_EMPTY = -1;
    private static final int BT_SINGLE = 0x100;

    private final ModuleData m;
    private final ByteReader in;
    private final CodeBuffer out;
    /** Sites of call_direct whose immediate is still a function index (two units each). */
    final CodeBuffer directCalls = new CodeBuffer();
    /**
     * Forward-branch fixups of the function: pairs of (slot, next entry); a slot {@code >= 0}
     * holds a one-unit offset, {@code ~slot} a two-unit target. A chain's head is its first
     * entry's position, {@link #NO_FIXUP} when empty.
     */
    private final CodeBuffer fixups = new CodeBuffer();
    private static final int NO_FIXUP = -1;
    /** Set when a one-unit offset did not fit: the function is emitted again, {@link #wide}. */
    private boolean overflow;

    // operand type stack
    private byte[] vals = new byte[64];
    private int vsp;
    // control stack, parallel arrays
    private int[] ctlKind = new int[16];
    private int[] ctlType = new int[16];
    private int[] ctlHeight = new int[16];
    private int[] ctlEndChain = new int[16];
    private int[] ctlElseFixup = new int[16];
    private int[] ctlLoopPc = new int[16];
    private boolean[] ctlUnreachable = new boolean[16];
    private int csp;
    /** True while emitting is off (code after unreachable/br/return up to its frame's end). */
    private boolean dead;
    private int deadFrame;

    /**
     * Counting mode: each straight-line run of code starts with {@code count n} (the function's
     * first with {@code count_call n}), n being the Wasm instructions in the run. Off by default,
     * so normal code pays nothing; the JIT's fuel metering can reuse the same boundaries.
     */
    private final boolean counting;
    /** {@code Loader.DEBUG}'s map ({@code ModuleData.debugMap}) being built, or null. */
    CodeBuffer debugMap;
    /** Slot of the open count's immediate, or -1. */
    private int countSlot = -1;
    private int countN;

    /**
     * Declared locals as their groups (end index, exclusive, and type), not expanded one per
     * local: a 4-byte body may declare 50,000 locals, and expanding them would make loading cost
     * that much per body. {@link #localType} finds a local's group by binary search.
     */
    private int[] localGroupEnd = new int[16];
    private byte[] localGroupType = new byte[16];
    private int localGroups;
    private int numLocals;
    private int maxHeight;
    /** Emitting without one-unit branches (a function whose offsets do not all fit 16 bits). */
    private boolean wide;
    private int funcIndex;
    private FuncType funcType;

    FunctionValidator(ModuleData m, ByteReader in, CodeBuffer out, boolean counting, boolean profiling) {
        this.m = m;
        this.in = in;
        this.out = out;
        this.counting = counting;
        this.profiling = profiling;
    }

    /** {@code Loader.PROFILE}: the one-unit if and br_if forms are the counting ones ({@code if.p} ...). */
    private final boolean profiling;

    /** The profiled form of one-unit branch {@code op} (emitted, the site index after its offset), or {@code op}. */
    private int profiled(int op) {
        if (!profiling) {
            return op;
        }
        return op == Op.IF ? Op.IF_P : op == Op.BR_IF_SIMPLE ? Op.BR_IF_SIMPLE_P : op == Op.BR_IF_BACK ? Op.BR_IF_BACK_P : op;
    }

    /** After a profiled branch's offset: its site, the next of the module's branch counters. */
    private void emitSite(int op) {
        if (op == Op.IF_P || op == Op.BR_IF_SIMPLE_P || op == Op.BR_IF_BACK_P) {
            out.emit(m.branchSites++);
        }
    }

    /** Closes the open count run and, if code here is live, opens a new one. */
    private void startCount(int op) {
        closeCount();
        if (counting && !dead) {
            out.emit(op);
            countSlot = out.pos();
            out.emit2(0);
            countN = 0;
        }
    }

    private void closeCount() {
        if (countSlot >= 0) {
            out.set2(countSlot, countN);
            countSlot = -1;
        }
    }

    /** Validates body {@code def} (defined-function index) and returns its entry pc. */
    int validate(int def) {
        funcIndex = m.numImportedFuncs + def;
        funcType = m.types[m.funcTypes[funcIndex]];
        int entry = out.pos();
        int calls = directCalls.pos();
        int mapped = debugMap == null ? 0 : debugMap.pos();
        int sites = m.branchSites;
        wide = false;
        while (true) {
            m.branchSites = sites;
            in.reset(m.bytes, m.bodyStart[def], m.bodyEnd[def]);
            readLocals();
            out.truncate(entry);
            fixups.truncate(0);
            overflow = false;
            directCalls.truncate(calls);
            if (debugMap != null) {
                debugMap.truncate(mapped);
            }
            out.emit(funcType.paramCount());
            out.emit(numLocals - funcType.paramCount());
            out.emit(0); // max height, patched below
            out.emit(funcType.resultCount());
            out.emit2(funcIndex);
            vsp = 0;
            csp = 0;
            dead = false;
            maxHeight = numLocals;
            pushCtl(K_FUNC, -2);
            startCount(Op.COUNT_CALL);
            body();
            if (in.pos() != in.limit()) {
                throw in.error("section size mismatch: bytes after the function's final end");
            }
            if (!overflow || wide) {
                break;
            }
            wide = true; // an offset did not fit: once more, without one-unit branches
        }
        if (maxHeight > Limits.MAX_HEIGHT) {
            throw new ResourceLimitException(Msg.num("function ", funcIndex,
                    " needs more value-stack slots than io.wasmlet.binary.Limits.MAX_HEIGHT (65535) allows"));
        }
        out.set(entry + Layout.H_MAX_HEIGHT, maxHeight);
        return entry;
    }

    private void readLocals() {
        byte[] params = ModuleData.paramTypes(funcType);
        int groups = in.count();
        int start = in.pos();
        long total = params.length;
        for (int g = 0; g < groups; g++) {
            total += in.u32() & 0xFFFFFFFFL;
            in.u8();
        }
        if (total > MAX_LOCALS) {
            throw new ExhaustionException(Msg.num(Msg.num("function ", funcIndex, " declares "), total,
                    " locals; this runtime supports at most ", MAX_LOCALS));
        }
        numLocals = (int) total;
        if (localGroupEnd.length < groups) {
            localGroupEnd = new int[groups + 16];
            localGroupType = new byte[groups + 16];
        }
        in.seek(start);
        int n = params.length;
        localGroups = 0;
        for (int g = 0; g < groups; g++) {
            int c = in.u32();
            byte t = (byte) in.u8();
            if (c != 0) {
                n += c;
                localGroupEnd[localGroups] = n;
                localGroupType[localGroups++] = t;
            }
        }
    }

    /** The type of local {@code i} (0 <= i < numLocals): a parameter's, or its group's. */
    private byte localType(int i) {
        byte[] params = ModuleData.paramTypes(funcType);
        if (i < params.length) {
            return params[i];
        }
        int lo = 0;
        int hi = localGroups - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (localGroupEnd[mid] <= i) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return localGroupType[lo];
    }

    // ---- errors ----

    private InvalidException invalid(String what) {
        return new InvalidException(Msg.cat(what, Msg.num(" (function ", funcIndex, ", byte offset ", in.pos()), ")"));
    }

    private InvalidException mismatch(byte expected, byte actual) {
        return invalid(Msg.cat("type mismatch: expected ", ValType.name(expected), ", got ", ValType.name(actual)));
    }

    // ---- operand stack ----

    private void push(byte t) {
        if (vsp == vals.length) {
            Limits.check(vsp + 1L, Limits.MAX_OPERAND_STACK, "values on the operand stack of one function");
            byte[] b = new byte[vsp * 2];
            System.arraycopy(vals, 0, b, 0, vsp);
            vals = b;
        }
        vals[vsp++] = t;
        if (!dead && numLocals + vsp > maxHeight) {
            maxHeight = numLocals + vsp;
        }
    }

    private byte pop() {
        int f = csp - 1;
        if (vsp == ctlHeight[f]) {
            if (ctlUnreachable[f]) {
                return ValType.UNKNOWN;
            }
            throw invalid("type mismatch: operand stack underflow");
        }
        return vals[--vsp];
    }

    private byte pop(byte expected) {
        byte actual = pop();
        if (actual != expected && actual != ValType.UNKNOWN && expected != ValType.UNKNOWN) {
            throw mismatch(expected, actual);
        }
        return actual;
    }

    private void popTypes(byte[] types) {
        for (int i = types.length - 1; i >= 0; i--) {
            pop(types[i]);
        }
    }

    private void pushTypes(byte[] types) {
        for (int i = 0; i < types.length; i++) {
            push(types[i]);
        }
    }

    // ---- block types ----

    private int readBlockType() {
        long v = in.s33();
        if (v == -64) {
            return BT_EMPTY;
        }
        if (v < 0) {
            int b = (int) (v & 0x7F);
            if (!ValType.isValid(b)) {
                throw in.error("malformed value type in block type");
            }
            return -(BT_SINGLE + b);
        }
        if (v >= m.types.length) {
            throw invalid(Msg.num("unknown type ", v));
        }
        return (int) v;
    }

    private static final byte[] NONE = new byte[0];
    private final byte[] single = new byte[1];

    /** Parameter types; none for single-value types and the function frame (its are locals). */
    private byte[] params(int bt) {
        return bt >= 0 ? ModuleData.paramTypes(m.types[bt]) : NONE;
    }

    /** Result types; for single-value block types a shared one-element array (use at once). */
    private byte[] results(int bt) {
        if (bt >= 0) {
            return ModuleData.resultTypes(m.types[bt]);
        }
        if (bt == -2) {
            return ModuleData.resultTypes(funcType);
        }
        if (bt == BT_EMPTY) {
            return NONE;
        }
        single[0] = (byte) (-bt - BT_SINGLE);
        return single;
    }

    private byte[] labelTypes(int f) {
        return ctlKind[f] == K_LOOP ? params(ctlType[f]) : results(ctlType[f]);
    }

    // ---- control stack ----

    private void pushCtl(int kind, int bt) {
        if (csp == ctlKind.length) {
            Limits.check(csp + 1L, Limits.MAX_NESTING, "nested blocks in one function");
            int n = csp * 2;
            ctlKind = grow(ctlKind, n);
            ctlType = grow(ctlType, n);
            ctlHeight = grow(ctlHeight, n);
            ctlEndChain = grow(ctlEndChain, n);
            ctlElseFixup = grow(ctlElseFixup, n);
            ctlLoopPc = grow(ctlLoopPc, n);
            boolean[] u = new boolean[n];
            System.arraycopy(ctlUnreachable, 0, u, 0, csp);
            ctlUnreachable = u;
        }
        ctlKind[csp] = kind;
        ctlType[csp] = bt;
        ctlHeight[csp] = vsp;
        ctlEndChain[csp] = NO_FIXUP;
        ctlElseFixup[csp] = NO_FIXUP;
        ctlLoopPc[csp] = out.pos();
        ctlUnreachable[csp] = false;
        csp++;
    }

    private static int[] grow(int[] a, int n) {
        int[] b = new int[n];
        System.arraycopy(a, 0, b, 0, a.length);
        return b;
    }

    private void setUnreachable() {
        int f = csp - 1;
        vsp = ctlHeight[f];
        ctlUnreachable[f] = true;
        if (!dead) {
            dead = true;
            deadFrame = f;
        }
    }

    /** Checks that the current frame's stack holds exactly its result types. */
    private void checkFrameEnd(byte[] types) {
        popTypes(types);
        if (vsp != ctlHeight[csp - 1]) {
            throw invalid("type mismatch: values remain on the stack at the end of a block");
        }
    }

    private int label() {
        int l = in.u32();
        if (l < 0 || l >= csp) {
            throw invalid(Msg.num("unknown label ", l & 0xFFFFFFFFL));
        }
        return csp - 1 - l;
    }

    /**
     * Emits a forward-branch placeholder joining the chain at {@code head}: a one-unit offset,
     * or for a branch {@code record} a two-unit target. Returns the new head.
     */
    private int emitFixup(int head, boolean record) {
        int at = fixups.pos();
        fixups.emit2(record ? ~out.pos() : out.pos());
        fixups.emit2(head);
        out.emit(0);
        if (record) {
            out.emit(0);
        }
        return at;
    }

    /** Patches every slot of a chain with {@code target}. */
    private void patchChain(int head, int target) {
        for (int p = head; p != NO_FIXUP; p = fixups.get2(p + 2)) {
            int slot = fixups.get2(p);
            if (slot < 0) {
                out.set2(~slot, target);
            } else {
                overflow |= target - slot > Short.MAX_VALUE;
                out.set(slot, target - slot);
            }
        }
    }

    /** Emits the two-unit target of a branch record to frame {@code f}. */
    private void emitTarget(int f) {
        if (ctlKind[f] == K_LOOP) {
            out.emit2(ctlLoopPc[f]);
        } else {
            ctlEndChain[f] = emitFixup(ctlEndChain[f], true);
        }
    }

    /** Emits a branch to frame f; the operand height before popping the label values is vsp. */
    private void emitBranch(int f, int simpleOp, int fullOp) {
        int arity = labelTypes(f).length;
        if (ctlKind[f] == K_FUNC) {
            out.emit(Op.RETURN);
            out.emit(arity);
            return;
        }
        if (vsp - arity == ctlHeight[f] && !wide) {
            if (ctlKind[f] == K_LOOP) {
                // a back-edge: its own opcode, so that only loops pay for interruption polling
                simpleOp = simpleOp == Op.JUMP ? Op.JUMP_BACK : Op.BR_IF_BACK;
            }
            simpleOp = profiled(simpleOp);
            out.emit(simpleOp);
            if (ctlKind[f] == K_LOOP) {
                int off = ctlLoopPc[f] - out.pos();
                overflow |= off < Short.MIN_VALUE;
                out.emit(off);
            } else {
                ctlEndChain[f] = emitFixup(ctlEndChain[f], false);
            }
            emitSite(simpleOp);
        } else {
            out.emit(fullOp);
            emitTarget(f);
            out.emit(arity);
            out.emit(numLocals + ctlHeight[f]);
        }
    }

    // ---- the instruction loop ----

    private void body() {
        while (csp > 0) {
            if (debugMap != null) {
                debugMap.emit2(out.pos());
                debugMap.emit2(in.pos());
            }
            int op = BodyScanner.readOp(in);
            if (!dead) {
                countN++;
            }
            int sig = OpTable.sigOut(op);
            if (sig != Op.SIG_HAND) {
                tableChecked(op);
            } else {
                handChecked(op);
            }
        }
    }

    private static byte typeOf(int code) {
        switch (code) {
            case 1: return ValType.I32;
            case 2: return ValType.I64;
            case 3: return ValType.F32;
            default: return ValType.F64;
        }
    }

    /** Operators whose typing is fully described by the opcode table. */
    private void tableChecked(int op) {
        int imm = OpTable.imm(op);
        int a = 0;
        int b = 0;
        if (imm == Op.IMM_MEMARG) {
            requireMemory();
            int align = in.u32();
            a = in.u32(); // offset
            int natural = naturalAlign(op);
            if (align < 0 || align > natural) {
                throw invalid((align & 0x40) == 0 ? "alignment must not be larger than natural"
                        : Msg.cat("alignment must not be larger than natural (flag 0x40: a memory index, multi-memory",
                        ByteReader.UNSUPPORTED, ")"));
            }
        } else if (imm == Op.IMM_MEMIDX) {
            requireMemory();
            zeroByte();
        } else if (imm == Op.IMM_I32) {
            a = in.s32();
        } else if (imm == Op.IMM_I64) {
            long v = in.s64();
            a = (int) v;
            b = (int) (v >>> 32);
        } else if (imm == Op.IMM_F32) {
            a = in.f32Bits();
        } else if (imm == Op.IMM_F64) {
            long v = in.f64Bits();
            a = (int) v;
            b = (int) (v >>> 32);
        } else if (imm == Op.IMM_MEMORY_INIT) {
            requireMemory();
            a = dataIndex();
            zeroByte();
        } else if (imm == Op.IMM_MEMORY_COPY) {
            requireMemory();
            zeroByte();
            zeroByte();
        } else if (imm == Op.IMM_DATA) {
            a = dataIndex();
        } else if (imm == Op.IMM_TABLE_INIT) {
            a = in.u32();
            if (a < 0 || a >= m.elems.length) {
                throw invalid(Msg.num("unknown elem segment ", a & 0xFFFFFFFFL));
            }
            b = in.u32();
            TableType t = table(b);
            if (t.elemType != m.elems[a].type) {
                throw invalid("type mismatch: element segment type differs from table type");
            }
        } else if (imm == Op.IMM_TABLE_COPY) {
            a = in.u32();
            b = in.u32();
            if (table(a).elemType != table(b).elemType) {
                throw invalid("type mismatch: table.copy between tables of different types");
            }
        } else if (imm == Op.IMM_ELEM) {
            a = in.u32();
            if (a < 0 || a >= m.elems.length) {
                throw invalid(Msg.num("unknown elem segment ", a & 0xFFFFFFFFL));
            }
        } else if (imm == Op.IMM_TABLE) {
            a = in.u32();
            table(a);
        }
        for (int k = 2; k >= 0; k--) {
            int t = OpTable.sigIn(op, k);
            if (t != 0) {
                pop(typeOf(t));
            }
        }
        int o = OpTable.sigOut(op);
        if (o != 0) {
            push(typeOf(o));
        }
        if (dead) {
            return;
        }
        int size = OpTable.size(op);
        if (size == 0) {
            return;
        }
        // by size (Layout): 2 is a in one unit, 3 a in two, 4 a in two and b in one, 5 b:a in four
        if (imm == Op.IMM_MEMARG && (a & 0xFFFF0000) != 0) {
            out.emit(Op.MEM_WIDE); // then the access with offset 0
            out.emit2(a);
            a = 0;
        } else if (imm == Op.IMM_I32 && a == (short) a) {
            op = Op.I32_CONST16;
            size = 2;
        }
        out.emit(op);
        if (size == 2) {
            out.emit(a);
        } else if (size == 5) {
            out.emit2(b);
            out.emit2(a);
        } else if (size > 2) {
            out.emit2(a);
            if (size == 4) {
                out.emit(b);
            }
        }
    }

    /** A data index; {@link BodyScanner} has checked the data count section's presence. */
    private int dataIndex() {
        int d = in.u32();
        if (d < 0 || d >= m.datas.length) {
            throw invalid(Msg.num("unknown data segment ", d & 0xFFFFFFFFL));
        }
        return d;
    }

    private void zeroByte() {
        if (in.u8() != 0) {
            throw in.error(ByteReader.zeroByteExpected());
        }
    }

    private void requireMemory() {
        if (m.memories.length == 0) {
            throw invalid("unknown memory 0");
        }
    }

    private TableType table(int t) {
        if (t < 0 || t >= m.tables.length) {
            throw invalid(Msg.num("unknown table ", t & 0xFFFFFFFFL));
        }
        return m.tables[t];
    }

    /** log2 of the natural alignment of a load or store. */
    private static int naturalAlign(int op) {
        switch (op) {
            case Op.I32_LOAD8_S: case Op.I32_LOAD8_U: case Op.I64_LOAD8_S: case Op.I64_LOAD8_U:
            case Op.I32_STORE8: case Op.I64_STORE8:
                return 0;
            case Op.I32_LOAD16_S: case Op.I32_LOAD16_U: case Op.I64_LOAD16_S: case Op.I64_LOAD16_U:
            case Op.I32_STORE16: case Op.I64_STORE16:
                return 1;
            case Op.I32_LOAD: case Op.F32_LOAD: case Op.I64_LOAD32_S: case Op.I64_LOAD32_U:
            case Op.I32_STORE: case Op.F32_STORE: case Op.I64_STORE32:
                return 2;
            default:
                return 3;
        }
    }

    /** Control, variables, references, calls, parametric and table operators. */
    private void handChecked(int op) {
        switch (op) {
            case Op.UNREACHABLE:
                if (!dead) {
                    out.emit(Op.UNREACHABLE);
                }
                setUnreachable();
                break;
            case Op.NOP:
                break;
            case Op.BLOCK:
            case Op.LOOP: {
                int bt = readBlockType();
                popTypes(params(bt));
                pushCtl(op == Op.BLOCK ? K_BLOCK : K_LOOP, bt);
                pushTypes(params(bt));
                if (op == Op.LOOP) {
                    startCount(Op.COUNT); // the loop's label: each iteration counts
                }
                break;
            }
            case Op.IF: {
                int bt = readBlockType();
                pop(ValType.I32);
                popTypes(params(bt));
                pushCtl(K_IF, bt);
                pushTypes(params(bt));
                if (!dead && wide) {
                    out.emit(Op.I32_EQZ);
                    out.emit(Op.BR_IF);
                    ctlElseFixup[csp - 1] = emitFixup(NO_FIXUP, true);
                    out.emit(0);
                    out.emit(numLocals + vsp);
                } else if (!dead) {
                    int p = profiled(Op.IF);
                    out.emit(p);
                    ctlElseFixup[csp - 1] = emitFixup(NO_FIXUP, false);
                    emitSite(p);
                }
                startCount(Op.COUNT);
                break;
            }
            case Op.ELSE: {
                int f = csp - 1;
                if (ctlKind[f] != K_IF) {
                    throw invalid("else without matching if");
                }
                checkFrameEnd(results(ctlType[f]));
                if (!dead && wide) {
                    out.emit(Op.BR);
                    ctlEndChain[f] = emitFixup(ctlEndChain[f], true);
                    out.emit(results(ctlType[f]).length);
                    out.emit(numLocals + ctlHeight[f]);
                } else if (!dead) {
                    out.emit(Op.ELSE);
                    ctlEndChain[f] = emitFixup(ctlEndChain[f], false);
                }
                if (dead && deadFrame == f) {
                    dead = false;
                }
                if (!dead && ctlElseFixup[f] != NO_FIXUP) {
                    patchChain(ctlElseFixup[f], out.pos());
                    ctlElseFixup[f] = NO_FIXUP;
                }
                startCount(Op.COUNT);
                ctlKind[f] = K_ELSE;
                ctlUnreachable[f] = false;
                vsp = ctlHeight[f];
                pushTypes(params(ctlType[f]));
                break;
            }
            case Op.END:
                end();
                break;
            case Op.BR: {
                int f = label();
                if (!dead) {
                    emitBranch(f, Op.JUMP, Op.BR);
                }
                popTypes(labelTypes(f));
                setUnreachable();
                break;
            }
            case Op.BR_IF: {
                int f = label();
                pop(ValType.I32);
                byte[] types = labelTypes(f);
                popTypes(types);
                pushTypes(types);
                if (!dead) {
                    if (ctlKind[f] == K_FUNC) {
                        // a conditional return: branch to the return sequence emitted at the end
                        out.emit(Op.BR_IF);
                        ctlEndChain[f] = emitFixup(ctlEndChain[f], true);
                        out.emit(types.length);
                        out.emit(numLocals + ctlHeight[f]);
                    } else {
                        emitBranch(f, Op.BR_IF_SIMPLE, Op.BR_IF);
                    }
                }
                startCount(Op.COUNT); // the fall-through
                break;
            }
            case Op.BR_TABLE:
                brTable();
                break;
            case Op.RETURN: {
                byte[] types = ModuleData.resultTypes(funcType);
                if (!dead) {
                    out.emit(Op.RETURN);
                    out.emit(types.length);
                }
                popTypes(types);
                setUnreachable();
                break;
            }
            case Op.CALL: {
                int fi = in.u32();
                if (fi < 0 || fi >= m.numFuncs()) {
                    throw invalid(Msg.num("unknown function ", fi & 0xFFFFFFFFL));
                }
                FuncType t = m.funcType(fi);
                popTypes(ModuleData.paramTypes(t));
                pushTypes(ModuleData.resultTypes(t));
                if (!dead) {
                    if (fi < m.numImportedFuncs) {
                        out.emit(Op.CALL);
                        out.emit2(fi);
                    } else {
                        out.emit(Op.CALL_DIRECT);
                        directCalls.emit2(out.pos());
                        out.emit2(fi);
                    }
                }
                break;
            }
            case Op.CALL_INDIRECT: {
                int ti = in.u32();
                int tab = in.u32();
                TableType tt = table(tab);
                if (ti < 0 || ti >= m.types.length) {
                    throw invalid(Msg.num("unknown type ", ti & 0xFFFFFFFFL));
                }
                if (tt.elemType != ValType.FUNCREF) {
                    throw invalid("type mismatch: call_indirect on a table that is not funcref");
                }
                pop(ValType.I32);
                FuncType t = m.types[ti];
                popTypes(ModuleData.paramTypes(t));
                pushTypes(ModuleData.resultTypes(t));
                if (!dead) {
                    out.emit(Op.CALL_INDIRECT);
                    out.emit2(ti);
                    out.emit(tab);
                }
                break;
            }
            case Op.DROP:
                pop();
                if (!dead) {
                    out.emit(Op.DROP);
                }
                break;
            case Op.SELECT: {
                pop(ValType.I32);
                byte t1 = pop();
                byte t2 = pop();
                if (ValType.isRef(t1) || ValType.isRef(t2)) {
                    throw invalid("type mismatch: select without type on reference values");
                }
                if (t1 != t2 && t1 != ValType.UNKNOWN && t2 != ValType.UNKNOWN) {
                    throw mismatch(t1, t2);
                }
                push(t1 == ValType.UNKNOWN ? t2 : t1);
                if (!dead) {
                    out.emit(Op.SELECT);
                }
                break;
            }
            case Op.SELECT_T: {
                int n = in.count();
                if (n != 1) {
                    throw invalid("invalid result arity for typed select");
                }
                int t = in.u8();
                if (!ValType.isValid(t)) {
                    throw in.error("malformed value type");
                }
                pop(ValType.I32);
                pop((byte) t);
                pop((byte) t);
                push((byte) t);
                if (!dead) {
                    out.emit(Op.SELECT);
                }
                break;
            }
            case Op.LOCAL_GET:
            case Op.LOCAL_SET:
            case Op.LOCAL_TEE: {
                int i = in.u32();
                if (i < 0 || i >= numLocals) {
                    throw invalid(Msg.num("unknown local ", i & 0xFFFFFFFFL));
                }
                byte t = localType(i);
                if (op == Op.LOCAL_GET) {
                    push(t);
                } else {
                    pop(t);
                    if (op == Op.LOCAL_TEE) {
                        push(t);
                    }
                }
                if (!dead) {
                    out.emit(op);
                    out.emit(i);
                }
                break;
            }
            case Op.GLOBAL_GET:
            case Op.GLOBAL_SET: {
                int g = in.u32();
                if (g < 0 || g >= m.globals.length) {
                    throw invalid(Msg.num("unknown global ", g & 0xFFFFFFFFL));
                }
                byte t = m.globals[g].type;
                if (op == Op.GLOBAL_GET) {
                    push(t);
                } else {
                    if (!m.globals[g].mutable) {
                        throw invalid("global is immutable");
                    }
                    pop(t);
                }
                if (!dead) {
                    out.emit(op);
                    out.emit2(g);
                }
                break;
            }
            case Op.TABLE_GET:
            case Op.TABLE_SET: {
                int ti = in.u32();
                byte t = table(ti).elemType;
                if (op == Op.TABLE_GET) {
                    pop(ValType.I32);
                    push(t);
                } else {
                    pop(t);
                    pop(ValType.I32);
                }
                if (!dead) {
                    out.emit(op);
                    out.emit(ti);
                }
                break;
            }
            case Op.TABLE_GROW:
            case Op.TABLE_FILL: {
                int ti = in.u32();
                byte t = table(ti).elemType;
                pop(ValType.I32);
                pop(t);
                if (op == Op.TABLE_GROW) {
                    push(ValType.I32);
                } else {
                    pop(ValType.I32);
                }
                if (!dead) {
                    out.emit(op);
                    out.emit(ti);
                }
                break;
            }
            case Op.REF_NULL: {
                int t = in.u8();
                if (t != ValType.FUNCREF && t != ValType.EXTERNREF) {
                    throw in.error("malformed reference type");
                }
                push((byte) t);
                if (!dead) {
                    out.emit(Op.REF_NULL);
                }
                break;
            }
            case Op.REF_IS_NULL: {
                byte t = pop();
                if (t != ValType.UNKNOWN && !ValType.isRef(t)) {
                    throw invalid(Msg.cat("type mismatch: ref.is_null on ", ValType.name(t)));
                }
                push(ValType.I32);
                if (!dead) {
                    out.emit(Op.REF_IS_NULL);
                }
                break;
            }
            case Op.REF_FUNC: {
                int fi = in.u32();
                if (fi < 0 || fi >= m.numFuncs()) {
                    throw invalid(Msg.num("unknown function ", fi & 0xFFFFFFFFL));
                }
                if (!m.declaredRefs[fi]) {
                    throw invalid("undeclared function reference");
                }
                push(ValType.FUNCREF);
                if (!dead) {
                    out.emit(Op.REF_FUNC);
                    out.emit2(fi);
                }
                break;
            }
            default:
                throw in.illegalOpcode(op);
        }
    }

    private void brTable() {
        int n = in.count();
        if (n > in.remaining()) {
            throw in.error("unexpected end: br_table length out of bounds");
        }
        Limits.check(n, Limits.MAX_BR_TABLE_SIZE, "labels in one br_table");
        int start = in.pos();
        // pass 1: validate the labels
        pop(ValType.I32);
        for (int i = 0; i < n; i++) {
            label();
        }
        int defaultFrame = label();
        int arity = labelTypes(defaultFrame).length;
        in.seek(start);
        boolean emit = !dead;
        if (emit) {
            out.emit(Op.BR_TABLE);
            out.emit2(n);
        }
        // labels whose types are those last checked (same block type, same kind of label) need
        // no second check: the cost stays one check per distinct block type, not per label
        int checkedType = 0;
        boolean checkedLoop = false;
        boolean checked = false;
        for (int i = 0; i <= n; i++) {
            int f = label();
            byte[] types = labelTypes(f);
            if (types.length != arity) {
                throw invalid("type mismatch: br_table labels have different arities");
            }
            boolean loop = ctlKind[f] == K_LOOP;
            if (arity > 0 && !(checked && ctlType[f] == checkedType && loop == checkedLoop)) {
                // each label's types must match the operand stack (which is then discarded)
                int save = vsp;
                boolean wasUnreachable = ctlUnreachable[csp - 1];
                popTypes(types);
                vsp = save;
                ctlUnreachable[csp - 1] = wasUnreachable;
                checked = true;
                checkedType = ctlType[f];
                checkedLoop = loop;
            }
            if (emit) {
                if (ctlKind[f] == K_FUNC) {
                    // a return through br_table: target the function frame's end chain
                    ctlEndChain[f] = emitFixup(ctlEndChain[f], true);
                } else {
                    emitTarget(f);
                }
                out.emit(arity);
                out.emit(numLocals + ctlHeight[f]);
            }
        }
        popTypes(labelTypes(defaultFrame));
        setUnreachable();
    }

    private void end() {
        int f = csp - 1;
        int kind = ctlKind[f];
        int bt = ctlType[f];
        checkFrameEnd(results(bt));
        if (kind == K_IF) {
            // an if without else behaves as if the else arm were empty: params must equal results
            byte[] p = params(bt);
            byte[] r = results(bt);
            if (p.length != r.length) {
                throw invalid("type mismatch: if without else must have equal parameters and results");
            }
            for (int i = 0; i < p.length; i++) {
                if (p[i] != r[i]) {
                    throw invalid("type mismatch: if without else must have equal parameters and results");
                }
            }
        }
        if (dead && deadFrame == f) {
            dead = false;
        }
        if (kind == K_FUNC) {
            closeCount();
            // the end of the body: returns reach here through the chain and run one RETURN
            if (!dead) {
                patchChain(ctlEndChain[f], out.pos());
                out.emit(Op.RETURN);
                out.emit(funcType.resultCount());
            }
            csp--;
            return;
        }
        if (!dead) {
            patchChain(ctlEndChain[f], out.pos());
            if (ctlElseFixup[f] != NO_FIXUP) {
                patchChain(ctlElseFixup[f], out.pos());
            }
        }
        csp--;
        pushTypes(results(bt));
        startCount(Op.COUNT); // the continuation is a branch target
    }
}
