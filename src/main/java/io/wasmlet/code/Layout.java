package io.wasmlet.code;

/**
 * The pre-decoded code form, documented once. The validator emits it, the interpreter runs it,
 * the template JIT translates it.
 *
 * <h2>Code array</h2>
 * All defined functions of a module share one {@code char[]} of 16-bit units. Each function
 * starts with a header of {@link #HEADER_SIZE} units at its entry pc, followed by its
 * instructions. An instruction is its opcode ({@link Op}, one unit) followed by
 * {@link OpTable#size}{@code (op) - 1} immediate units. Instructions with size 0 in the table (nop,
 * block, loop, end, reinterpretations) emit nothing. A pc (in frames, the store, OSR maps, the
 * debug map) is an index into this array, an {@code int}. A value too wide for one unit takes
 * two, most significant first: {@link #u32}{@code (code, at)} is
 * {@code code[at] << 16 | code[at + 1]}; 64-bit immediates take four.
 *
 * <h2>Value stack and heights</h2>
 * One {@code long} slot per value. A frame's locals (parameters first) start at its frame pointer
 * {@code fp}; its operand stack follows them. A <em>height</em> is a slot count relative to
 * {@code fp}, so a branch's target height is static. A function's maximum height fits one unit:
 * the validator refuses a function that needs more than
 * {@code io.wasmlet.binary.Limits.MAX_HEIGHT} (65,535) slots.
 *
 * <h2>Immediates of control instructions</h2>
 * <ul>
 * <li>{@code if off}: pops i32; jumps to the else-arm or end when it is zero. The target of the
 * one-unit branches ({@code if}, {@code else}, {@code jump}, {@code jump_back},
 * {@code br_if_simple}, {@code br_if_back}) is relative to their immediate: the instruction at
 * {@code pc} jumps to {@code pc + 1 + (short) code[pc + 1]} ({@link #shortTarget}).</li>
 * <li>{@code else off} and {@code jump off}: unconditional jump.</li>
 * <li>{@code br target arity height}: a branch record ({@link #BR_TARGET}: absolute target in
 * two units, {@link #BR_ARITY}, {@link #BR_HEIGHT}: one unit each): moves the top
 * {@code arity} values to {@code fp + height}, sets {@code sp} above them, jumps.</li>
 * <li>{@code br_if target arity height}: pops i32; if non-zero, as {@code br}.</li>
 * <li>{@code br_if_simple off}: pops i32; if non-zero, jumps (no values move).</li>
 * <li>{@code br_table n rec_0 .. rec_n}: {@code n} in two units; pops index i; takes branch
 * record {@code min(i, n)} (each {@link #BR_RECORD} units).</li>
 * <li>{@code return arity}: moves the top {@code arity} values to {@code fp} and returns.</li>
 * <li>{@code call funcIndex}: any function through the instance's function space (imports),
 * two units.</li>
 * <li>{@code call_direct entry}: a function of the same module, by its header pc, two units.</li>
 * <li>{@code call_indirect typeIndex tableIndex}: two units and one.</li>
 * <li>{@code count n}, {@code count_call n}: n in two units.</li>
 * <li><b>wide functions</b>: when an offset of a function does not fit 16 signed bits (only in
 * a function of more than 32K units), the validator emits the function again without one-unit
 * branches: {@code jump}, {@code else} and the {@code br_if} forms become {@code br} and
 * {@code br_if} records (absolute targets, the values they carry moved onto themselves), and
 * {@code if} becomes {@code i32.eqz; br_if}. Their back-edges poll as {@code br}'s do, without
 * on-stack replacement. Nothing else changes, and no other function pays.</li>
 * </ul>
 *
 * <h2>Other immediates</h2>
 * <ul>
 * <li>{@code local.get/set/tee index}, {@code table.* table}, {@code return arity}: one unit.</li>
 * <li>{@code global.get/set}, {@code ref.func}, data and element segment indices: two units.</li>
 * <li>{@code i32.const16 v}: an i32 constant that fits 16 signed bits, {@code (short) v};
 * {@code i32.const hi lo} and {@code f32.const hi lo} the others; {@code i64.const} and
 * {@code f64.const} four units, most significant first.</li>
 * <li>loads and stores: {@code offset} in one unit (align is validated and dropped). An offset
 * of 65,536 or more is {@code mem.wide offset} (two units) followed by the load or store with
 * offset 0: run out of line, it adds the offset to the address operand (trapping when the sum
 * passes 2^32), so that the access that follows checks the bounds as usual.</li>
 * <li>{@code table.init segment table} and {@code table.copy dst src}: the first in two units,
 * the second in one.</li>
 * </ul>
 */
public final class Layout {
    /** Function header: number of parameters. */
    public static final int H_PARAMS = 0;
    /** Function header: number of declared (non-parameter) locals, zeroed on entry. */
    public static final int H_LOCALS = 1;
    /** Function header: maximum height (locals plus operands) the body reaches. */
    public static final int H_MAX_HEIGHT = 2;
    /** Function header: number of results. */
    public static final int H_RESULTS = 3;
    /** Function header: the function's index in the module, two units ({@link #u32}). */
    public static final int H_FUNC_INDEX = 4;
    /** Units in a function header. */
    public static final int HEADER_SIZE = 6;

    /** Branch record: offset of the target pc (two units). */
    public static final int BR_TARGET = 0;
    /** Branch record: offset of the number of values carried. */
    public static final int BR_ARITY = 2;
    /** Branch record: offset of the target height (relative to fp). */
    public static final int BR_HEIGHT = 3;
    /** Units in a branch record (target, arity, height). */
    public static final int BR_RECORD = 4;


    private Layout() {
    }

    /** The 32-bit value in the two units at {@code at}, most significant first. */
    public static int u32(char[] code, int at) {
        return code[at] << 16 | code[at + 1];
    }

    /** Length in units of the pre-decoded instruction at {@code pc} (br_table included). */
    /**
     * Branch targets the instruction at {@code pc} names (1 for a branch, {@code n + 1} for a
     * br_table, 0 otherwise): what bounds the JIT translator's fixups and loop headers.
     */
    public static int targets(char[] code, int pc) {
        switch (code[pc]) {
            case Op.IF: case Op.ELSE: case Op.JUMP: case Op.JUMP_BACK: case Op.BR_IF_SIMPLE:
            case Op.BR_IF_BACK: case Op.BR: case Op.BR_IF:
            case Op.IF_P: case Op.BR_IF_SIMPLE_P: case Op.BR_IF_BACK_P:
                return 1;
            case Op.BR_TABLE:
                return u32(code, pc + 1) + 1;
            default:
                return 0;
        }
    }

    public static int instructionSize(char[] code, int pc) {
        int s = OpTable.size(code[pc]);
        return s == Op.VARIABLE ? 3 + (u32(code, pc + 1) + 1) * BR_RECORD : s;
    }

    /** The absolute target of the one-unit branch at {@code pc}. */
    public static int shortTarget(char[] code, int pc) {
        return pc + 1 + (short) code[pc + 1];
    }
}
