package io.wasmlet.exec;

import io.wasmlet.binary.FuncType;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.board.Board;
import io.wasmlet.error.ExhaustionException;
import io.wasmlet.error.Trap;
import io.wasmlet.error.Msg;
import io.wasmlet.error.WasmException;

import java.util.Hashtable;

/**
 * The execution arena shared by the instances that link to each other: one value stack, one
 * call-frame stack, the registry that gives functions their reference values, and the budgets
 * that bound memories and tables. All of it is allocated up front, so calling an export
 * allocates nothing (except through the convenience {@link #invoke(Function, long[])}).
 *
 * <p>One call runs at a time: {@link #invoke} and {@link #instantiate} are synchronized on the
 * store, so a second thread waits for the first call to return (host functions may call back in
 * from the calling thread, up to the board's {@code reentry.depth}).
 */
public final class Store {
    final long[] stack;
    int sp;
    /** Two ints per frame: return pc and caller's fp. */
    final int[] frames;
    /** The caller's instance per frame. */
    final Object[] frameInst;
    int fsp;
    final Board board;
    /** Calls into this store now running on the Java stack (host re-entry nests them). */
    private int depth;
    /** Preallocated: the re-entry budget ran out. */
    private final ExhaustionException reentryExhausted;
    /** Preallocated: the value stack or the frames ran out (the spec's "call stack exhausted"). */
    private final ExhaustionException stackExhausted;
    /** Counters of code loaded with {@code Loader.COUNT}. */
    long instructions;
    long calls;

    // ---- execution state handed between the two loops at a tier switch (see Engine) ----
    Instance curInst;
    int pc;
    int fp;

    // ---- the JIT tier: null/empty in interpreter-only mode ----
    /** The translator and tier-up policy, or null (interpreter only). */
    final Compiler compiler;
    /**
     * The code cache: one array of the board's {@code codecache.ints}, allocated at the first
     * instantiation whose JIT arenas fit the board (empty until then), bump-allocated, never grown.
     */
    int[] cache;
    int cacheTop;
    /** The translator's request, reused for every translation. */
    final CompileJob job;

    // ---- fuel and interruption ----
    /** Fuel left; charged per straight-line run by code loaded with {@code Loader.COUNT}. */
    /**
     * Fuel as a limit on {@link #instructions}: metered code traps when a run would take the
     * count past it (one add and one compare per run, no branch on whether fuel is on).
     */
    long fuelLimit = Long.MAX_VALUE;
    /** True once {@link #setFuel} was called: metered code is then required. */
    boolean fuelOn;
    /** Set by {@link #interrupt()} from any thread; polled at back-edges and calls. */
    volatile boolean interrupted;
    /** An extra interruption source polled with the flag (the desktop's Thread.interrupt()). */
    InterruptSource interruptSource;
    /** Back-edges and calls between two polls of the interruption flag (and of tier-up at loops). */
    final int pollInterval;
    /** Polls left before the next one; carried across tier switches so no loop starves it. */
    int pollLeft;
    /** Functions translated, and translations refused for want of code-cache space. */
    int translated;
    int translationsRefused;
    /** Side exits taken from compiled code into the interpreter ({@link Engine#sideExit}). */
    int sideExits;

    /** The frames of the last trap or exhaustion (see {@link #backtrace()}). */
    final Backtrace backtrace;

    private Function[] funcs = new Function[64];
    private int numFuncs;
    /** Canonical type ids: {@link FuncType} (hashed by content) to Integer. */
    private final Hashtable types = new Hashtable();

    /**
     * A store with the desktop budgets ({@link Board#desktop()}), interpreter only: sized to the
     * heap this VM has, with a 65,536-slot (512 KiB) value stack; a descriptor of your own with
     * more {@code stack.slots} ({@link Board#parse}) gives more.
     */
    public Store() {
        this(Board.desktop());
    }

    /**
     * A store whose arenas are sized from {@code board}'s budgets, running the interpreter only
     * (no profile counters, no code cache). For the tiered or eager JIT, see
     * {@link #Store(Board, Compiler)} and {@code io.wasmlet.jit.Jit}.
     */
    public Store(Board board) {
        this(board, null);
    }

    /**
     * A store whose code runs under {@code compiler}'s tier-up policy ({@code io.wasmlet.jit.Jit}'s
     * tiered or eager modes), with a code cache of the board's {@code codecache.ints}; null
     * means interpreter only.
     */
    public Store(Board board, Compiler compiler) {
        this.board = board;
        this.stack = new long[board.stackSlots];
        this.frames = new int[board.frames * 2];
        this.frameInst = new Object[board.frames];
        this.compiler = compiler;
        this.cache = new int[0];
        this.job = compiler == null ? null : new CompileJob(this);
        this.pollInterval = compiler == null ? 4096 : compiler.loopWeight();
        this.backtrace = new Backtrace(board.frames);
        this.stackExhausted = new ExhaustionException(stackExhaustedMessage(board));
        this.reentryExhausted = new ExhaustionException(reentryExhaustedMessage(board));
    }

    /** The message of the preallocated value-stack/frames exhaustion (also counted by {@link Footprint}). */
    static String stackExhaustedMessage(Board board) {
        return Msg.num(Msg.num("call stack exhausted: stack.slots = ", board.stackSlots, ", frames = "),
                board.frames, Msg.cat(" on board ", board.name));
    }

    /** The message of the preallocated re-entry exhaustion (also counted by {@link Footprint}). */
    static String reentryExhaustedMessage(Board board) {
        return Msg.num("host re-entry too deep: reentry.depth = ", board.reentryDepth, Msg.cat(" on board ", board.name));
    }

    /** Execution modes, as {@link #mode()} reports them. */
    public static final int MODE_INTERP = 0;
    public static final int MODE_TIERED = 1;
    public static final int MODE_EAGER = 2;

    /** {@link #MODE_INTERP}, {@link #MODE_TIERED} or {@link #MODE_EAGER}. */
    public int mode() {
        return compiler == null ? MODE_INTERP : compiler.eager ? MODE_EAGER : MODE_TIERED;
    }

    /** Functions translated into the code cache so far. */
    public int functionsTranslated() {
        return translated;
    }

    /** Translations refused because the code cache was full (those functions stay interpreted). */
    public int translationsRefused() {
        return translationsRefused;
    }

    /** Side exits taken (compiled code left at a path the branch profile said never ran). */
    public int sideExits() {
        return sideExits;
    }

    /** Ints of the code cache in use (translated code and its pc maps). */
    public int codeCacheUsed() {
        return cacheTop;
    }

    /**
     * Ints of the code cache: the board's {@code codecache.ints} once an instance with the JIT
     * tier exists, 0 before and in interpreter-only stores.
     */
    public int codeCacheCapacity() {
        return cache.length;
    }

    /**
     * Sets the fuel: the number of Wasm instructions calls may still execute, charged per
     * straight-line run on entering it (so a run that would exhaust it traps before any of its
     * instructions execute). Only code loaded with {@code Loader.COUNT} is metered: calling a
     * function of a module loaded without it then fails with a {@link WasmException}. Running out
     * traps with {@link Trap#outOfFuel}; the fuel is then 0.
     */
    public void setFuel(long fuel) {
        if (fuel < 0) {
            throw new WasmException("fuel must not be negative");
        }
        this.fuelLimit = Long.MAX_VALUE - instructions > fuel ? instructions + fuel : Long.MAX_VALUE - 1;
        this.fuelOn = true;
    }

    /** The fuel left ({@code Long.MAX_VALUE} until {@link #setFuel} is called). */
    public long fuel() {
        return fuelLimit == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, fuelLimit - instructions);
    }

    /**
     * Asks the running call to stop: safe from any thread or an interrupt handler. Code polls
     * the flag at loop back-edges and calls (every {@code pollInterval} of them), so a runaway
     * loop stops within a bounded number of instructions with {@link Trap#interrupted}; the
     * flag is cleared when that trap is thrown. Calling it while nothing runs makes the next
     * call trap at its first poll.
     */
    public void interrupt() {
        interrupted = true;
    }

    /** Polls {@code source} along with {@link #interrupt()} (e.g. the desktop's Thread.interrupt()). */
    public void interruptSource(InterruptSource source) {
        this.interruptSource = source;
    }

    /**
     * Wasm instructions executed by code loaded with {@code Loader.COUNT} (counted per
     * straight-line run on entry, so a trap mid-run counts the whole run).
     */
    public long instructionsExecuted() {
        return instructions;
    }

    /** Wasm function calls (entries) executed by code loaded with {@code Loader.COUNT}. */
    public long callsExecuted() {
        return calls;
    }

    public Board board() {
        return board;
    }

    /** What instantiating {@code module} in this store would hold, arena by arena. */
    public Footprint footprint(WasmModule module) {
        if (compiler == null) {
            return Footprint.of(module, board);
        }
        Footprint f = Footprint.of(module, board, HeapModel.TARGET, Footprint.JIT_FULL);
        if (f.free() >= 0) {
            return f;
        }
        return Footprint.of(module, board, HeapModel.TARGET, cache.length > 0 ? Footprint.JIT_CACHE_ONLY : Footprint.JIT_NONE);
    }

    /**
     * True if an instance of {@code module} in this store gets the JIT tier: the store has one and
     * the JIT's arenas fit the board beside the module (else the instance runs interpreted).
     */
    public boolean jitFits(WasmModule module) {
        return compiler != null && Footprint.of(module, board, HeapModel.TARGET, Footprint.JIT_FULL).free() >= 0;
    }

    /**
     * Links and instantiates {@code module}.
     *
     * @throws io.wasmlet.error.UnlinkableException if an import is missing or of the wrong type
     * @throws io.wasmlet.error.UninstantiableException if a segment does not fit or the start function traps
     */
    public synchronized Instance instantiate(WasmModule module, Imports imports) {
        return new Instantiator(this, module, imports).run();
    }

    /** The function with raw funcref value {@code ref}, or null for 0. */
    public Function function(int ref) {
        return ref == 0 ? null : funcs[ref - 1];
    }

    /** Registers a function so it has a reference value and a canonical type id. */
    void register(Function f) {
        if (f.store == this) {
            return;
        }
        if (f.store != null) {
            throw new WasmException("function belongs to another store");
        }
        if (numFuncs == funcs.length) {
            Function[] n = new Function[numFuncs * 2];
            System.arraycopy(funcs, 0, n, 0, numFuncs);
            funcs = n;
        }
        funcs[numFuncs++] = f;
        f.ref = numFuncs;
        f.typeId = typeId(f.type);
        f.store = this;
    }

    Function functionAt(int ref) {
        return funcs[ref - 1];
    }

    /** Canonical id of a function type: equal types get equal ids (one hash lookup). */
    int typeId(FuncType t) {
        Integer id = (Integer) types.get(t);
        if (id == null) {
            id = new Integer(types.size());
            types.put(t, id);
        }
        return id.intValue();
    }

    /**
     * The backtrace of the last {@link io.wasmlet.error.TrapException} or
     * {@link ExhaustionException} thrown by a call of this store: valid until the next call
     * starts (which empties it). One object per store, filled as the trap unwinds.
     */
    public Backtrace backtrace() {
        return backtrace;
    }

    /** Error path, before any Wasm runs (the one allocation invoke may do). */
    private static WasmException wrongArity(int np, int nr) {
        return new WasmException(Msg.num("wrong number of arguments or results: expected ", np,
                " arguments and room for ", nr));
    }

    /**
     * Calls {@code f} with raw arguments and returns its raw results in a new array. For the
     * allocation-free path use {@link #invoke(Function, long[], long[])}.
     */
    public long[] invoke(Function f, long[] args) {
        long[] results = new long[f.type.resultCount()];
        invoke(f, args, results);
        return results;
    }

    /**
     * Calls {@code f}: arguments from {@code args}, results into {@code results} (at least as
     * long as the result count). Allocates nothing.
     *
     * @return the number of results
     * @throws io.wasmlet.error.TrapException on a trap
     * @throws ExhaustionException when the call-frame, value-stack or re-entry budget runs out
     */
    public synchronized int invoke(Function f, long[] args, long[] results) {
        // synchronized: callers on other threads wait; the calling thread may re-enter
        if (depth >= board.reentryDepth) {
            throw reentryExhausted;
        }
        depth++;
        try {
            return call(f, args, results);
        } catch (ExhaustionException e) {
            throw e == Trap.callStackExhausted ? stackExhausted : e;
        } finally {
            depth--;
        }
    }

    /** The body of {@link #invoke(Function, long[], long[])}, inside its re-entry and thread guard. */
    private int call(Function f, long[] args, long[] results) {
        int np = f.type.paramCount();
        int nr = f.type.resultCount();
        if (args.length < np || results.length < nr) {
            throw wrongArity(np, nr);
        }
        register(f);
        backtrace.clear();
        int base = sp;
        int baseFsp = fsp;
        if (base + np + nr >= stack.length) {
            throw Trap.callStackExhausted;
        }
        System.arraycopy(args, 0, stack, base, np);
        sp = base + np;
        try {
            if (f.host != null) {
                f.host.call(null, stack, base);
            } else {
                Engine.call(this, f);
            }
            System.arraycopy(stack, base, results, 0, nr);
        } finally {
            sp = base;
            fsp = baseFsp;
        }
        return nr;
    }
}
