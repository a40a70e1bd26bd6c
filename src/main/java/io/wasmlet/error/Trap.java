package io.wasmlet.error;

/**
 * The preallocated trap objects, one per reason (Wizard's {@code trapObjects}). Throwing one of
 * these allocates nothing, which keeps a trapping call allocation-free.
 */
public final class Trap {
    public static final int UNREACHABLE = 0;
    public static final int DIV_BY_ZERO = 1;
    public static final int INT_OVERFLOW = 2;
    public static final int INVALID_CONVERSION = 3;
    public static final int MEMORY_OOB = 4;
    public static final int TABLE_OOB = 5;
    public static final int UNDEFINED_ELEMENT = 6;
    public static final int UNINITIALIZED_ELEMENT = 7;
    public static final int INDIRECT_TYPE_MISMATCH = 8;
    public static final int NULL_REFERENCE = 9;
    public static final int HOST = 10;
    public static final int OUT_OF_FUEL = 11;
    public static final int INTERRUPTED = 12;

    public static final TrapException unreachable = new TrapException(UNREACHABLE, "unreachable");
    public static final TrapException divByZero = new TrapException(DIV_BY_ZERO, "integer divide by zero");
    public static final TrapException intOverflow = new TrapException(INT_OVERFLOW, "integer overflow");
    public static final TrapException invalidConversion =
            new TrapException(INVALID_CONVERSION, "invalid conversion to integer");
    public static final TrapException memoryOutOfBounds =
            new TrapException(MEMORY_OOB, "out of bounds memory access");
    public static final TrapException tableOutOfBounds = new TrapException(TABLE_OOB, "out of bounds table access");
    public static final TrapException undefinedElement = new TrapException(UNDEFINED_ELEMENT, "undefined element");
    public static final TrapException uninitializedElement =
            new TrapException(UNINITIALIZED_ELEMENT, "uninitialized element");
    public static final TrapException indirectTypeMismatch =
            new TrapException(INDIRECT_TYPE_MISMATCH, "indirect call type mismatch");

    /** The store's fuel ran out ({@code Store.setFuel}). */
    public static final TrapException outOfFuel = new TrapException(OUT_OF_FUEL, "all fuel consumed");
    /** {@code Store.interrupt()} (or the store's interrupt source) stopped the call. */
    public static final TrapException interrupted = new TrapException(INTERRUPTED, "interrupted");

    /** Call-frame budget exhausted (the spec's "call stack exhausted"). */
    public static final ExhaustionException callStackExhausted = new ExhaustionException("call stack exhausted");

    private Trap() {
    }
}
