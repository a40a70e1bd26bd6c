package io.wasmlet.exec;

import io.wasmlet.code.Layout;
import io.wasmlet.code.Op;
import io.wasmlet.code.WasmOps;
import io.wasmlet.error.Trap;

/**
 * The dispatch loop over pre-decoded code ({@link Layout}), the first tier (see {@link Engine}
 * for how it hands over to {@link CompiledLoop}). One {@code switch} on dense opcode
 * numbers; {@code pc}, {@code sp}, {@code fp} and the arrays live in locals and are written back
 * only around host calls. Wasm calls push a frame on the store's frame arrays instead of
 * recursing on the Java stack. Bulky or rare operators call out to {@link WasmOps},
 * {@link Memory}, {@link Table} and {@link Runtime} so this method stays small enough for
 * HotSpot to compile (8,000 bytecodes).
 */
final class Interpreter {
    private Interpreter() {
    }

    /**
     * Runs interpreted code from the state the store holds ({@code curInst}, {@code pc},
     * {@code fp}, {@code sp}, {@code fsp}) until the frame at {@code baseFsp} returns
     * ({@link Engine#DONE}) or execution continues in compiled code ({@link Engine#COMPILED}: at
     * a call of a compiled function, a return into a compiled caller, or a loop header after
     * on-stack replacement), leaving the state in the store.
     */
    static int run(Store st, int baseFsp) {
        final long[] stack = st.stack;
        final int[] frames = st.frames;
        final Object[] frameInst = st.frameInst;
        final boolean tiered = st.compiler != null;
        int fsp = st.fsp;
        Instance inst = st.curInst;
        char[] code = inst.code;
        Memory mem = inst.memory;
        Global[] globals = inst.globals;
        int sp = st.sp;
        int fp = st.fp;
        int pc = st.pc;
        int poll = st.pollLeft;
        // one handler for the whole loop (not indented, to keep the loop's lines as they are):
        // it records where a trap or exhaustion left the loop, for the store's backtrace
        try {
        while (true) {
            switch (code[pc++]) {
                case Op.UNREACHABLE:
                    throw Trap.unreachable;
                case Op.IF:
                    if ((int) stack[--sp] == 0) {
                        pc += (short) code[pc];
                    } else {
                        pc++;
                    }
                    break;
                case Op.ELSE:
                case Op.JUMP:
                    pc += (short) code[pc];
                    break;
                case Op.JUMP_BACK:
                    pc += (short) code[pc];
                    if (--poll < 0) { // polled after the jump (faster on HotSpot): pc++ so that
                        poll = st.pollInterval; // an interruption names the loop header
                        int cpc = Engine.backEdge(st, inst, pc++);
                        pc--;
                        if (cpc >= 0) {
                            return Engine.leave(st, cpc, fp, sp, fsp, inst, poll, Engine.COMPILED);
                        }
                    }
                    break;
                case Op.BR_IF_BACK:
                    if ((int) stack[--sp] != 0) {
                        pc += (short) code[pc];
                        if (--poll < 0) {
                            poll = st.pollInterval;
                            int cpc = Engine.backEdge(st, inst, pc++);
                            pc--;
                            if (cpc >= 0) {
                                return Engine.leave(st, cpc, fp, sp, fsp, inst, poll, Engine.COMPILED);
                            }
                        }
                    } else {
                        pc++;
                    }
                    break;
                case Op.BR: {
                    int arity = code[pc + 2];
                    int dst = fp + code[pc + 3];
                    for (int i = 0; i < arity; i++) {
                        stack[dst + i] = stack[sp - arity + i];
                    }
                    sp = dst + arity;
                    int t = code[pc] << 16 | code[pc + 1];
                    if (t < pc && --poll < 0) {
                        pc = t + 1; // an interruption names the loop header
                        poll = Engine.poll(st);
                    }
                    pc = t;
                    break;
                }
                case Op.BR_IF:
                    if ((int) stack[--sp] != 0) {
                        int arity = code[pc + 2];
                        int dst = fp + code[pc + 3];
                        for (int i = 0; i < arity; i++) {
                            stack[dst + i] = stack[sp - arity + i];
                        }
                        sp = dst + arity;
                        int t = code[pc] << 16 | code[pc + 1];
                        if (t < pc && --poll < 0) {
                            pc = t + 1;
                            poll = Engine.poll(st);
                        }
                        pc = t;
                    } else {
                        pc += 4;
                    }
                    break;
                case Op.BR_IF_SIMPLE:
                    if ((int) stack[--sp] != 0) {
                        pc += (short) code[pc];
                    } else {
                        pc++;
                    }
                    break;
                case Op.IF_P: // the profiled forms (Loader.PROFILE): count, then as if, br_if_simple, br_if_back
                    if ((int) stack[--sp] == 0) {
                        inst.branches[code[pc + 1] << 1]++;
                        pc += (short) code[pc];
                    } else {
                        inst.branches[code[pc + 1] << 1 | 1]++;
                        pc += 2;
                    }
                    break;
                case Op.BR_IF_SIMPLE_P:
                    if ((int) stack[--sp] != 0) {
                        inst.branches[code[pc + 1] << 1]++;
                        pc += (short) code[pc];
                    } else {
                        inst.branches[code[pc + 1] << 1 | 1]++;
                        pc += 2;
                    }
                    break;
                case Op.BR_IF_BACK_P:
                    if ((int) stack[--sp] != 0) {
                        inst.branches[code[pc + 1] << 1]++;
                        pc += (short) code[pc];
                        if (--poll < 0) {
                            poll = st.pollInterval;
                            int cpc = Engine.backEdge(st, inst, pc++);
                            pc--;
                            if (cpc >= 0) {
                                return Engine.leave(st, cpc, fp, sp, fsp, inst, poll, Engine.COMPILED);
                            }
                        }
                    } else {
                        inst.branches[code[pc + 1] << 1 | 1]++;
                        pc += 2;
                    }
                    break;
                case Op.BR_TABLE: {
                    int n = code[pc] << 16 | code[pc + 1];
                    int i = (int) stack[--sp];
                    if (i < 0 || i > n) {
                        i = n;
                    }
                    int rec = pc + 2 + i * Layout.BR_RECORD;
                    int arity = code[rec + Layout.BR_ARITY];
                    int dst = fp + code[rec + Layout.BR_HEIGHT];
                    for (int k = 0; k < arity; k++) {
                        stack[dst + k] = stack[sp - arity + k];
                    }
                    sp = dst + arity;
                    int t = code[rec + Layout.BR_TARGET] << 16 | code[rec + Layout.BR_TARGET + 1];
                    if (t < pc && --poll < 0) {
                        poll = Engine.poll(st);
                    }
                    pc = t;
                    break;
                }
                case Op.RETURN: {
                    int arity = code[pc];
                    for (int i = 0; i < arity; i++) {
                        stack[fp + i] = stack[sp - arity + i];
                    }
                    sp = fp + arity;
                    if (fsp == baseFsp) {
                        st.sp = sp;
                        return Engine.DONE;
                    }
                    fsp -= 2;
                    pc = frames[fsp];
                    fp = frames[fsp + 1];
                    Instance caller = (Instance) frameInst[fsp >> 1];
                    if (pc < 0) {
                        inst = caller;
                        return Engine.leave(st, ~pc, fp, sp, fsp, inst, poll, Engine.COMPILED);
                    }
                    if (caller != inst) {
                        inst = caller;
                        code = inst.code;
                        mem = inst.memory;
                        globals = inst.globals;
                    }
                    break;
                }
                case Op.CALL_DIRECT: {
                    // Function entry (frame push, locals zeroed) is written out here, in CALL and
                    // at the top on purpose: it updates five locals, which a helper cannot return.
                    int target = code[pc] << 16 | code[pc + 1];
                    if (fsp == frames.length) {
                        throw Trap.callStackExhausted;
                    }
                    frames[fsp] = pc + 2;
                    frames[fsp + 1] = fp;
                    frameInst[fsp >> 1] = inst;
                    fsp += 2;
                    fp = sp - code[target + Layout.H_PARAMS];
                    if (fp + code[target + Layout.H_MAX_HEIGHT] >= stack.length) {
                        throw Trap.callStackExhausted;
                    }
                    for (int n = code[target + Layout.H_LOCALS]; n > 0; n--) {
                        stack[sp++] = 0;
                    }
                    if (--poll < 0) {
                        poll = Engine.poll(st);
                    }
                    if (tiered) {
                        int func = code[target + Layout.H_FUNC_INDEX] << 16 | code[target + Layout.H_FUNC_INDEX + 1];
                        int cpc = Engine.enter(st, inst, func - inst.firstDefined);
                        if (cpc >= 0) {
                            return Engine.leave(st, cpc, fp, sp, fsp, inst, poll, Engine.COMPILED);
                        }
                    }
                    pc = target + Layout.HEADER_SIZE;
                    break;
                }
                case Op.CALL:
                case Op.CALL_INDIRECT: {
                    Function fn;
                    if (code[pc - 1] == Op.CALL) {
                        fn = inst.funcs[code[pc] << 16 | code[pc + 1]];
                        pc += 2;
                    } else {
                        fn = Runtime.indirectTarget(st, inst, code[pc] << 16 | code[pc + 1], code[pc + 2],
                                (int) stack[--sp]);
                        pc += 3;
                    }
                    if (fn.host != null) {
                        st.sp = sp;
                        st.fsp = fsp;
                        int base = sp - fn.type.paramCount();
                        fn.host.call(inst, stack, base);
                        sp = base + fn.type.resultCount();
                        break;
                    }
                    if (fsp == frames.length) {
                        throw Trap.callStackExhausted;
                    }
                    frames[fsp] = pc;
                    frames[fsp + 1] = fp;
                    frameInst[fsp >> 1] = inst;
                    fsp += 2;
                    if (fn.instance != inst) {
                        inst = fn.instance;
                        code = inst.code;
                        mem = inst.memory;
                        globals = inst.globals;
                    }
                    int target = fn.entry;
                    fp = sp - code[target + Layout.H_PARAMS];
                    if (fp + code[target + Layout.H_MAX_HEIGHT] >= stack.length) {
                        throw Trap.callStackExhausted;
                    }
                    for (int n = code[target + Layout.H_LOCALS]; n > 0; n--) {
                        stack[sp++] = 0;
                    }
                    if (--poll < 0) {
                        poll = Engine.poll(st);
                    }
                    if (tiered) {
                        int func = code[target + Layout.H_FUNC_INDEX] << 16 | code[target + Layout.H_FUNC_INDEX + 1];
                        int cpc = Engine.enter(st, inst, func - inst.firstDefined);
                        if (cpc >= 0) {
                            return Engine.leave(st, cpc, fp, sp, fsp, inst, poll, Engine.COMPILED);
                        }
                    }
                    pc = target + Layout.HEADER_SIZE;
                    break;
                }
                case Op.DROP:
                    sp--;
                    break;
                case Op.COUNT_CALL:
                    st.calls++;
                    // fall through: the function's first run
                case Op.COUNT: {
                    long n = st.instructions + (code[pc] << 16 | code[pc + 1]);
                    pc += 2;
                    st.instructions = n;
                    if (n > st.fuelLimit) {
                        throw Engine.outOfFuel(st);
                    }
                    break;
                }
                case Op.SELECT:
                    sp -= 2;
                    if ((int) stack[sp + 1] == 0) {
                        stack[sp - 1] = stack[sp];
                    }
                    break;
                case Op.LOCAL_GET:
                    stack[sp++] = stack[fp + code[pc++]];
                    break;
                case Op.LOCAL_SET:
                    stack[fp + code[pc++]] = stack[--sp];
                    break;
                case Op.LOCAL_TEE:
                    stack[fp + code[pc++]] = stack[sp - 1];
                    break;
                case Op.GLOBAL_GET:
                    stack[sp++] = globals[code[pc] << 16 | code[pc + 1]].value;
                    pc += 2;
                    break;
                case Op.GLOBAL_SET:
                    globals[code[pc] << 16 | code[pc + 1]].value = stack[--sp];
                    pc += 2;
                    break;
                case Op.TABLE_GET: {
                    Table t = inst.tables[code[pc++]];
                    stack[sp - 1] = t.get((int) stack[sp - 1]);
                    break;
                }
                case Op.TABLE_SET: {
                    Table t = inst.tables[code[pc++]];
                    sp -= 2;
                    t.set((int) stack[sp], (int) stack[sp + 1]);
                    break;
                }
                // ---- memory ----
                case Op.I32_LOAD:
                    stack[sp - 1] = mem.i32Load((int) stack[sp - 1], code[pc++]);
                    break;
                case Op.I64_LOAD:
                    stack[sp - 1] = mem.i64Load((int) stack[sp - 1], code[pc++]);
                    break;
                case Op.F32_LOAD:
                    stack[sp - 1] = mem.i32Load((int) stack[sp - 1], code[pc++]);
                    break;
                case Op.F64_LOAD:
                    stack[sp - 1] = mem.i64Load((int) stack[sp - 1], code[pc++]);
                    break;
                case Op.I32_LOAD8_S:
                    stack[sp - 1] = mem.i32Load8S((int) stack[sp - 1], code[pc++]);
                    break;
                case Op.I32_LOAD8_U:
                    stack[sp - 1] = mem.i32Load8U((int) stack[sp - 1], code[pc++]);
                    break;
                case Op.I32_LOAD16_S:
                    stack[sp - 1] = mem.i32Load16S((int) stack[sp - 1], code[pc++]);
                    break;
                case Op.I32_LOAD16_U:
                    stack[sp - 1] = mem.i32Load16U((int) stack[sp - 1], code[pc++]);
                    break;
                case Op.I64_LOAD8_S:
                    stack[sp - 1] = mem.i32Load8S((int) stack[sp - 1], code[pc++]);
                    break;
                case Op.I64_LOAD8_U:
                    stack[sp - 1] = mem.i32Load8U((int) stack[sp - 1], code[pc++]);
                    break;
                case Op.I64_LOAD16_S:
                    stack[sp - 1] = mem.i32Load16S((int) stack[sp - 1], code[pc++]);
                    break;
                case Op.I64_LOAD16_U:
                    stack[sp - 1] = mem.i32Load16U((int) stack[sp - 1], code[pc++]);
                    break;
                case Op.I64_LOAD32_S:
                    stack[sp - 1] = mem.i32Load((int) stack[sp - 1], code[pc++]);
                    break;
                case Op.I64_LOAD32_U:
                    stack[sp - 1] = mem.i32Load((int) stack[sp - 1], code[pc++]) & 0xFFFFFFFFL;
                    break;
                case Op.I32_STORE:
                case Op.F32_STORE:
                case Op.I64_STORE32:
                    sp -= 2;
                    mem.i32Store((int) stack[sp], code[pc++], (int) stack[sp + 1]);
                    break;
                case Op.I64_STORE:
                case Op.F64_STORE:
                    sp -= 2;
                    mem.i64Store((int) stack[sp], code[pc++], stack[sp + 1]);
                    break;
                case Op.I32_STORE8:
                case Op.I64_STORE8:
                    sp -= 2;
                    mem.i32Store8((int) stack[sp], code[pc++], (int) stack[sp + 1]);
                    break;
                case Op.I32_STORE16:
                case Op.I64_STORE16:
                    sp -= 2;
                    mem.i32Store16((int) stack[sp], code[pc++], (int) stack[sp + 1]);
                    break;
                case Op.MEMORY_SIZE:
                    stack[sp++] = mem.pages();
                    break;
                case Op.MEMORY_GROW:
                    stack[sp - 1] = mem.grow((int) stack[sp - 1]);
                    break;
                // ---- constants ----
                case Op.I32_CONST16:
                    stack[sp++] = (short) code[pc++];
                    break;
                case Op.I32_CONST:
                case Op.F32_CONST:
                    stack[sp++] = code[pc] << 16 | code[pc + 1];
                    pc += 2;
                    break;
                case Op.I64_CONST:
                case Op.F64_CONST:
                    stack[sp++] = (long) (code[pc] << 16 | code[pc + 1]) << 32
                            | ((code[pc + 2] << 16 | code[pc + 3]) & 0xFFFFFFFFL);
                    pc += 4;
                    break;
                // ---- i32 ----
                case Op.I32_EQZ:
                    stack[sp - 1] = (int) stack[sp - 1] == 0 ? 1 : 0;
                    break;
                case Op.I32_EQ:
                    sp--;
                    stack[sp - 1] = (int) stack[sp - 1] == (int) stack[sp] ? 1 : 0;
                    break;
                case Op.I32_NE:
                    sp--;
                    stack[sp - 1] = (int) stack[sp - 1] != (int) stack[sp] ? 1 : 0;
                    break;
                case Op.I32_LT_S:
                    sp--;
                    stack[sp - 1] = (int) stack[sp - 1] < (int) stack[sp] ? 1 : 0;
                    break;
                case Op.I32_LT_U:
                    sp--;
                    stack[sp - 1] = ((int) stack[sp - 1] ^ 0x80000000) < ((int) stack[sp] ^ 0x80000000) ? 1 : 0;
                    break;
                case Op.I32_GT_S:
                    sp--;
                    stack[sp - 1] = (int) stack[sp - 1] > (int) stack[sp] ? 1 : 0;
                    break;
                case Op.I32_GT_U:
                    sp--;
                    stack[sp - 1] = ((int) stack[sp - 1] ^ 0x80000000) > ((int) stack[sp] ^ 0x80000000) ? 1 : 0;
                    break;
                case Op.I32_LE_S:
                    sp--;
                    stack[sp - 1] = (int) stack[sp - 1] <= (int) stack[sp] ? 1 : 0;
                    break;
                case Op.I32_LE_U:
                    sp--;
                    stack[sp - 1] = ((int) stack[sp - 1] ^ 0x80000000) <= ((int) stack[sp] ^ 0x80000000) ? 1 : 0;
                    break;
                case Op.I32_GE_S:
                    sp--;
                    stack[sp - 1] = (int) stack[sp - 1] >= (int) stack[sp] ? 1 : 0;
                    break;
                case Op.I32_GE_U:
                    sp--;
                    stack[sp - 1] = ((int) stack[sp - 1] ^ 0x80000000) >= ((int) stack[sp] ^ 0x80000000) ? 1 : 0;
                    break;
                case Op.I32_CLZ:
                    stack[sp - 1] = WasmOps.i32Clz((int) stack[sp - 1]);
                    break;
                case Op.I32_CTZ:
                    stack[sp - 1] = WasmOps.i32Ctz((int) stack[sp - 1]);
                    break;
                case Op.I32_POPCNT:
                    stack[sp - 1] = WasmOps.i32Popcnt((int) stack[sp - 1]);
                    break;
                case Op.I32_ADD:
                    sp--;
                    stack[sp - 1] = (int) stack[sp - 1] + (int) stack[sp];
                    break;
                case Op.I32_SUB:
                    sp--;
                    stack[sp - 1] = (int) stack[sp - 1] - (int) stack[sp];
                    break;
                case Op.I32_MUL:
                    sp--;
                    stack[sp - 1] = (int) stack[sp - 1] * (int) stack[sp];
                    break;
                case Op.I32_DIV_S:
                    sp--;
                    stack[sp - 1] = WasmOps.i32DivS((int) stack[sp - 1], (int) stack[sp]);
                    break;
                case Op.I32_DIV_U:
                    sp--;
                    stack[sp - 1] = WasmOps.i32DivU((int) stack[sp - 1], (int) stack[sp]);
                    break;
                case Op.I32_REM_S:
                    sp--;
                    stack[sp - 1] = WasmOps.i32RemS((int) stack[sp - 1], (int) stack[sp]);
                    break;
                case Op.I32_REM_U:
                    sp--;
                    stack[sp - 1] = WasmOps.i32RemU((int) stack[sp - 1], (int) stack[sp]);
                    break;
                case Op.I32_AND:
                    sp--;
                    stack[sp - 1] = (int) stack[sp - 1] & (int) stack[sp];
                    break;
                case Op.I32_OR:
                    sp--;
                    stack[sp - 1] = (int) stack[sp - 1] | (int) stack[sp];
                    break;
                case Op.I32_XOR:
                    sp--;
                    stack[sp - 1] = (int) stack[sp - 1] ^ (int) stack[sp];
                    break;
                case Op.I32_SHL:
                    sp--;
                    stack[sp - 1] = (int) stack[sp - 1] << (int) stack[sp];
                    break;
                case Op.I32_SHR_S:
                    sp--;
                    stack[sp - 1] = (int) stack[sp - 1] >> (int) stack[sp];
                    break;
                case Op.I32_SHR_U:
                    sp--;
                    stack[sp - 1] = (int) stack[sp - 1] >>> (int) stack[sp];
                    break;
                case Op.I32_ROTL: {
                    sp--;
                    int a = (int) stack[sp - 1];
                    int b = (int) stack[sp];
                    stack[sp - 1] = (a << b) | (a >>> -b);
                    break;
                }
                case Op.I32_ROTR: {
                    sp--;
                    int a = (int) stack[sp - 1];
                    int b = (int) stack[sp];
                    stack[sp - 1] = (a >>> b) | (a << -b);
                    break;
                }
                // ---- i64 ----
                case Op.I64_EQZ:
                    stack[sp - 1] = stack[sp - 1] == 0 ? 1 : 0;
                    break;
                case Op.I64_EQ:
                    sp--;
                    stack[sp - 1] = stack[sp - 1] == stack[sp] ? 1 : 0;
                    break;
                case Op.I64_NE:
                    sp--;
                    stack[sp - 1] = stack[sp - 1] != stack[sp] ? 1 : 0;
                    break;
                case Op.I64_LT_S:
                    sp--;
                    stack[sp - 1] = stack[sp - 1] < stack[sp] ? 1 : 0;
                    break;
                case Op.I64_LT_U:
                    sp--;
                    stack[sp - 1] = (stack[sp - 1] ^ Long.MIN_VALUE) < (stack[sp] ^ Long.MIN_VALUE) ? 1 : 0;
                    break;
                case Op.I64_GT_S:
                    sp--;
                    stack[sp - 1] = stack[sp - 1] > stack[sp] ? 1 : 0;
                    break;
                case Op.I64_GT_U:
                    sp--;
                    stack[sp - 1] = (stack[sp - 1] ^ Long.MIN_VALUE) > (stack[sp] ^ Long.MIN_VALUE) ? 1 : 0;
                    break;
                case Op.I64_LE_S:
                    sp--;
                    stack[sp - 1] = stack[sp - 1] <= stack[sp] ? 1 : 0;
                    break;
                case Op.I64_LE_U:
                    sp--;
                    stack[sp - 1] = (stack[sp - 1] ^ Long.MIN_VALUE) <= (stack[sp] ^ Long.MIN_VALUE) ? 1 : 0;
                    break;
                case Op.I64_GE_S:
                    sp--;
                    stack[sp - 1] = stack[sp - 1] >= stack[sp] ? 1 : 0;
                    break;
                case Op.I64_GE_U:
                    sp--;
                    stack[sp - 1] = (stack[sp - 1] ^ Long.MIN_VALUE) >= (stack[sp] ^ Long.MIN_VALUE) ? 1 : 0;
                    break;
                case Op.I64_CLZ:
                    stack[sp - 1] = WasmOps.i64Clz(stack[sp - 1]);
                    break;
                case Op.I64_CTZ:
                    stack[sp - 1] = WasmOps.i64Ctz(stack[sp - 1]);
                    break;
                case Op.I64_POPCNT:
                    stack[sp - 1] = WasmOps.i64Popcnt(stack[sp - 1]);
                    break;
                case Op.I64_ADD:
                    sp--;
                    stack[sp - 1] += stack[sp];
                    break;
                case Op.I64_SUB:
                    sp--;
                    stack[sp - 1] -= stack[sp];
                    break;
                case Op.I64_MUL:
                    sp--;
                    stack[sp - 1] *= stack[sp];
                    break;
                case Op.I64_DIV_S:
                    sp--;
                    stack[sp - 1] = WasmOps.i64DivS(stack[sp - 1], stack[sp]);
                    break;
                case Op.I64_DIV_U:
                    sp--;
                    stack[sp - 1] = WasmOps.i64DivU(stack[sp - 1], stack[sp]);
                    break;
                case Op.I64_REM_S:
                    sp--;
                    stack[sp - 1] = WasmOps.i64RemS(stack[sp - 1], stack[sp]);
                    break;
                case Op.I64_REM_U:
                    sp--;
                    stack[sp - 1] = WasmOps.i64RemU(stack[sp - 1], stack[sp]);
                    break;
                case Op.I64_AND:
                    sp--;
                    stack[sp - 1] &= stack[sp];
                    break;
                case Op.I64_OR:
                    sp--;
                    stack[sp - 1] |= stack[sp];
                    break;
                case Op.I64_XOR:
                    sp--;
                    stack[sp - 1] ^= stack[sp];
                    break;
                case Op.I64_SHL:
                    sp--;
                    stack[sp - 1] <<= (int) stack[sp];
                    break;
                case Op.I64_SHR_S:
                    sp--;
                    stack[sp - 1] >>= (int) stack[sp];
                    break;
                case Op.I64_SHR_U:
                    sp--;
                    stack[sp - 1] >>>= (int) stack[sp];
                    break;
                case Op.I64_ROTL: {
                    sp--;
                    long a = stack[sp - 1];
                    int b = (int) stack[sp];
                    stack[sp - 1] = (a << b) | (a >>> -b);
                    break;
                }
                case Op.I64_ROTR: {
                    sp--;
                    long a = stack[sp - 1];
                    int b = (int) stack[sp];
                    stack[sp - 1] = (a >>> b) | (a << -b);
                    break;
                }
                // ---- f32 (raw bits in the low 32 bits) ----
                case Op.F32_EQ:
                    sp--;
                    stack[sp - 1] = f32(stack[sp - 1]) == f32(stack[sp]) ? 1 : 0;
                    break;
                case Op.F32_NE:
                    sp--;
                    stack[sp - 1] = f32(stack[sp - 1]) != f32(stack[sp]) ? 1 : 0;
                    break;
                case Op.F32_LT:
                    sp--;
                    stack[sp - 1] = f32(stack[sp - 1]) < f32(stack[sp]) ? 1 : 0;
                    break;
                case Op.F32_GT:
                    sp--;
                    stack[sp - 1] = f32(stack[sp - 1]) > f32(stack[sp]) ? 1 : 0;
                    break;
                case Op.F32_LE:
                    sp--;
                    stack[sp - 1] = f32(stack[sp - 1]) <= f32(stack[sp]) ? 1 : 0;
                    break;
                case Op.F32_GE:
                    sp--;
                    stack[sp - 1] = f32(stack[sp - 1]) >= f32(stack[sp]) ? 1 : 0;
                    break;
                case Op.F32_ABS:
                    stack[sp - 1] = (int) stack[sp - 1] & 0x7FFFFFFF;
                    break;
                case Op.F32_NEG:
                    stack[sp - 1] = (int) stack[sp - 1] ^ 0x80000000;
                    break;
                case Op.F32_ADD:
                    sp--;
                    stack[sp - 1] = Float.floatToIntBits(f32(stack[sp - 1]) + f32(stack[sp]));
                    break;
                case Op.F32_SUB:
                    sp--;
                    stack[sp - 1] = Float.floatToIntBits(f32(stack[sp - 1]) - f32(stack[sp]));
                    break;
                case Op.F32_MUL:
                    sp--;
                    stack[sp - 1] = Float.floatToIntBits(f32(stack[sp - 1]) * f32(stack[sp]));
                    break;
                case Op.F32_DIV:
                    sp--;
                    stack[sp - 1] = Float.floatToIntBits(f32(stack[sp - 1]) / f32(stack[sp]));
                    break;
                // ---- f64 (raw bits) ----
                case Op.F64_EQ:
                    sp--;
                    stack[sp - 1] = f64(stack[sp - 1]) == f64(stack[sp]) ? 1 : 0;
                    break;
                case Op.F64_NE:
                    sp--;
                    stack[sp - 1] = f64(stack[sp - 1]) != f64(stack[sp]) ? 1 : 0;
                    break;
                case Op.F64_LT:
                    sp--;
                    stack[sp - 1] = f64(stack[sp - 1]) < f64(stack[sp]) ? 1 : 0;
                    break;
                case Op.F64_GT:
                    sp--;
                    stack[sp - 1] = f64(stack[sp - 1]) > f64(stack[sp]) ? 1 : 0;
                    break;
                case Op.F64_LE:
                    sp--;
                    stack[sp - 1] = f64(stack[sp - 1]) <= f64(stack[sp]) ? 1 : 0;
                    break;
                case Op.F64_GE:
                    sp--;
                    stack[sp - 1] = f64(stack[sp - 1]) >= f64(stack[sp]) ? 1 : 0;
                    break;
                case Op.F64_ABS:
                    stack[sp - 1] &= 0x7FFFFFFFFFFFFFFFL;
                    break;
                case Op.F64_NEG:
                    stack[sp - 1] ^= 0x8000000000000000L;
                    break;
                case Op.F64_ADD:
                    sp--;
                    stack[sp - 1] = Double.doubleToLongBits(f64(stack[sp - 1]) + f64(stack[sp]));
                    break;
                case Op.F64_SUB:
                    sp--;
                    stack[sp - 1] = Double.doubleToLongBits(f64(stack[sp - 1]) - f64(stack[sp]));
                    break;
                case Op.F64_MUL:
                    sp--;
                    stack[sp - 1] = Double.doubleToLongBits(f64(stack[sp - 1]) * f64(stack[sp]));
                    break;
                case Op.F64_DIV:
                    sp--;
                    stack[sp - 1] = Double.doubleToLongBits(f64(stack[sp - 1]) / f64(stack[sp]));
                    break;
                case Op.I32_WRAP_I64:
                    stack[sp - 1] = (int) stack[sp - 1];
                    break;
                case Op.I64_EXTEND_I32_S:
                    stack[sp - 1] = (int) stack[sp - 1];
                    break;
                case Op.I64_EXTEND_I32_U:
                    stack[sp - 1] &= 0xFFFFFFFFL;
                    break;
                case Op.REF_NULL:
                    stack[sp++] = 0;
                    break;
                case Op.REF_IS_NULL:
                    stack[sp - 1] = stack[sp - 1] == 0 ? 1 : 0;
                    break;
                case Op.REF_FUNC:
                    stack[sp++] = inst.funcs[code[pc] << 16 | code[pc + 1]].ref;
                    pc += 2;
                    break;
                default:
                    // the rest: float rounding and conversions, sign extension, bulk memory and
                    // tables, i.e. operators whose cost is in the helper, not in the dispatch
                    st.sp = sp;
                    st.fsp = fsp;
                    pc = Runtime.slowOp(st, inst, code, pc, fp);
                    sp = st.sp;
                    break;
            }
        }
        } catch (RuntimeException e) {
            throw Backtrace.unwind(st, e, inst, pc, fsp, baseFsp, false);
        }
    }

    private static float f32(long raw) {
        return Float.intBitsToFloat((int) raw);
    }

    private static double f64(long raw) {
        return Double.longBitsToDouble(raw);
    }
}
