package io.wasmlet.code;

/**
 * The pre-decoded code form, documented once. The validator emits it, the interpreter runs it,
 * the template JIT translates it.
 *
 * <h2>Code array</h2>
 * All defined functions of a module share one {@code int[]}. Each function starts with a header
 * of {@link #HEADER_SIZE} ints at its entry pc, followed by its instructions. An instruction is
 * its opcode ({@link Op}) followed by {@link Op#size}{@code (op) - 1} immediate ints.
 * Instructions with size 0 in the table (nop, block, loop, end, reinterpretations) emit nothing.
 *
 * <h2>Value stack and heights</h2>
 * One {@code long} slot per value. A frame's locals (parameters first) start at its frame pointer
 * {@code fp}; its operand stack follows them. A <em>height</em> is a slot count relative to
 * {@code fp}, so a branch's target height is static.
 *
 * <h2>Immediates of control instructions</h2>
 * <ul>
 * <li>{@code if target}: pops i32; jumps to {@code target} (else-arm or end) when it is zero.</li>
 * <li>{@code else target} and {@code jump target}: unconditional jump.</li>
 * <li>{@code br target arity height}: a branch record ({@link #BR_TARGET}, {@link #BR_ARITY},
 * {@link #BR_HEIGHT}): moves the top {@code arity} values to {@code fp + height}, sets
 * {@code sp} above them, jumps.</li>
 * <li>{@code br_if target arity height}: pops i32; if non-zero, as {@code br}.</li>
 * <li>{@code br_if_simple target}: pops i32; if non-zero, jumps (no values move).</li>
 * <li>{@code br_table n rec_0 .. rec_n}: pops index i; takes branch record {@code min(i, n)}
 * (each {@link #BR_RECORD} ints).</li>
 * <li>{@code return arity}: moves the top {@code arity} values to {@code fp} and returns.</li>
 * <li>{@code call funcIndex}: any function through the instance's function space (imports).</li>
 * <li>{@code call_direct entry}: a function of the same module, by its header pc.</li>
 * <li>{@code call_indirect typeIndex tableIndex}.</li>
 * <li>{@code i64.const lo hi}, {@code f64.const lo hi}: 64-bit immediates as two ints.</li>
 * <li>loads and stores: {@code offset} (align is validated and dropped).</li>
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
    /** Function header: the function's index in the module. */
    public static final int H_FUNC_INDEX = 4;
    /** Ints in a function header. */
    public static final int HEADER_SIZE = 5;

    /** Branch record: offset of the target pc. */
    public static final int BR_TARGET = 0;
    /** Branch record: offset of the number of values carried. */
    public static final int BR_ARITY = 1;
    /** Branch record: offset of the target height (relative to fp). */
    public static final int BR_HEIGHT = 2;
    /** Ints in a branch record (target, arity, height). */
    public static final int BR_RECORD = 3;

    private Layout() {
    }

    /** Length in ints of the pre-decoded instruction at {@code pc} (br_table included). */
    public static int instructionSize(int[] code, int pc) {
        int s = Op.size(code[pc]);
        return s == Op.VARIABLE ? 2 + (code[pc + 1] + 1) * BR_RECORD : s;
    }
}
