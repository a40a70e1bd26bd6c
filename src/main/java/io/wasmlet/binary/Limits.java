package io.wasmlet.binary;

import io.wasmlet.error.MalformedException;
import io.wasmlet.error.Msg;

/**
 * The implementation limits on what a module may declare, checked while decoding and validating,
 * before anything of that size is allocated. They are wasmparser's ({@code limits.rs}), which the
 * browser engines agreed on, so a module one of those engines loads loads here too. A module over
 * a limit is refused with a {@link MalformedException} whose message names the count, the limit
 * and this class (the module is refused before it can be validated, as engines do: a
 * {@code CompileError} in the JS API).
 *
 * <p>Together they make loading linear in the module's size: every count is bounded, and the
 * costs that multiply (block parameters and results times the instructions that re-check them,
 * br_table labels times their arity) are bounded by {@link #MAX_PARAMS}, {@link #MAX_RESULTS}
 * and {@link #MAX_FUNCTION_SIZE}. What a module asks for at run time (memory and table growth,
 * value stack, call depth, host re-entry) is bounded by the board instead ({@code Board}).
 */
public final class Limits {
    /** Types in the type section. */
    public static final int MAX_TYPES = 1000000;
    /** Functions, imported and defined. */
    public static final int MAX_FUNCTIONS = 1000000;
    /** Imports. */
    public static final int MAX_IMPORTS = 100000;
    /** Exports. */
    public static final int MAX_EXPORTS = 100000;
    /** Globals, imported and defined. */
    public static final int MAX_GLOBALS = 1000000;
    /** Tables, imported and defined. */
    public static final int MAX_TABLES = 100;
    /** Memories, imported and defined (at most one validates; the count is bounded before that). */
    public static final int MAX_MEMORIES = 100;
    /** Element segments. */
    public static final int MAX_ELEMENT_SEGMENTS = 100000;
    /** Entries of one element segment. */
    public static final int MAX_TABLE_ENTRIES = 10000000;
    /** Data segments. */
    public static final int MAX_DATA_SEGMENTS = 100000;
    /** Bytes of one name (import module and field names, export names, custom section names). */
    public static final int MAX_STRING_SIZE = 100000;
    /** Bytes of one function body (its locals and instructions). */
    public static final int MAX_FUNCTION_SIZE = 128 * 1024;
    /** Locals of one function, its parameters included. */
    public static final int MAX_LOCALS = 50000;
    /** Parameters of one function type. */
    public static final int MAX_PARAMS = 1000;
    /** Results of one function type. */
    public static final int MAX_RESULTS = 1000;
    /** Labels of one br_table (also bounded by the body size). */
    public static final int MAX_BR_TABLE_SIZE = MAX_FUNCTION_SIZE;
    /** Blocks, loops and ifs open at once in one function body (also bounded by the body size). */
    public static final int MAX_NESTING = 65536;
    /**
     * Operand-stack height while validating one function (not in wasmparser: a body of calls
     * returning {@link #MAX_RESULTS} values each could otherwise make the validator's type
     * stack a thousand times the body's size).
     */
    public static final int MAX_OPERAND_STACK = 1 << 20;
    /**
     * Value-stack slots (locals plus operands) one function may need (not in wasmparser): the
     * pre-decoded code keeps heights in 16 bits ({@code io.wasmlet.code.Layout}). Over it the
     * validator throws a {@code ResourceLimitException} naming this limit, as a board too small
     * for the module would.
     */
    public static final int MAX_HEIGHT = 0xFFFF;

    private Limits() {
    }

    /**
     * Throws a {@link MalformedException} naming the limit if {@code n} exceeds {@code max}.
     *
     * @param what the counted thing, as in "exports": the message reads
     *     {@code too many exports: 100001 (io.wasmlet.binary.Limits allows 100000)}
     */
    public static void check(long n, int max, String what) {
        if (n > max) {
            throw new MalformedException(Msg.num(Msg.num(Msg.cat("too many ", what, ": "), n,
                    " (io.wasmlet.binary.Limits allows "), max, ")"));
        }
    }
}
