package io.wasmlet.board;

import io.wasmlet.error.BoardException;
import io.wasmlet.error.Msg;

import java.io.IOException;
import java.io.InputStream;

/**
 * A board descriptor: the hardware facts of one microcontroller board and the runtime budgets
 * derived from them. Read from a plain {@code key = value} file ({@code mcu-boards/*.board})
 * through CLDC streams only. Every arena the runtime allocates is sized from these budgets.
 *
 * <p>Budgets:
 * <ul>
 * <li>{@code heap.kb}: the Java heap the runtime and its module may use in all;</li>
 * <li>{@code stack.slots}: value-stack slots (8 bytes each), shared by all calls of a store;</li>
 * <li>{@code frames}: call depth;</li>
 * <li>{@code memory.bytes}: the most linear memory one instance may hold. It need not be a
 * whole number of pages: a memory is then backed only up to this many bytes, and an access
 * beyond them traps as out of bounds (a documented deviation that lets a 1-page module run on
 * a board with less than 64 KiB to spare);</li>
 * <li>{@code memory.prealloc}: true to allocate memories and tables at their budgeted maximum
 * at instantiation, so that growing never allocates (MCU boards); false to allocate the
 * minimum and reallocate on growth (the desktop);</li>
 * <li>{@code table.entries}, {@code counters}, {@code codecache.ints}: table size, profile
 * counter slots and JIT code-cache size;</li>
 * <li>{@code reentry.depth} (optional, default {@value #DEFAULT_REENTRY_DEPTH}): how deeply host
 * functions may call back into the store (host -> Wasm -> host -> Wasm ...), each level
 * being Java recursion;</li>
 * <li>{@code jit.threshold}, {@code jit.loop.weight}, {@code jit.fuse}, {@code jit.registers},
 * {@code jit.fuse.addresses}, {@code jit.fuse.more}, {@code jit.inline.cache}, {@code jit.side.exits}, {@code jit.fuse.floats}, {@code jit.inline}, {@code jit.inline.max} (optional): the JIT tier's tuning on this board ({@code io.wasmlet.jit.Tuning}).</li>
 * </ul>
 *
 * <p>Every number is checked against its allowed range when the descriptor is read, and the
 * value stack and frames must fit the heap, so an absurd file fails with a
 * {@link BoardException} naming the key and the range instead of reaching the runtime.
 * {@code heap.kb = auto} and {@code memory.bytes = auto} (the desktop descriptor) size the
 * budgets from the VM this runs in: see {@link #hostHeapBytes()}.
 */
public final class Board {
    /** Host re-entry depth when a descriptor does not set {@code reentry.depth}. */
    public static final int DEFAULT_REENTRY_DEPTH = 32;
    /**
     * The optional class that tells {@link #hostHeapBytes()} the VM's real heap limit (the
     * desktop jar's, from {@code Runtime.maxMemory()}, which CLDC lacks): found by name, so the
     * core does not depend on it.
     */
    static final String HOST_HEAP_CLASS = "io.wasmlet.desktop.DesktopHeap";
    private static final int MAX = Integer.MAX_VALUE;

    public final String name;
    public final String vendor;
    public final String cpu;
    public final String jvm;
    public final int clockMhz;
    public final int ramKb;
    public final int flashKb;
    public final int externalRamKb;
    public final int heapKb;
    public final int stackSlots;
    public final int frames;
    public final int memoryBytes;
    public final boolean memoryPrealloc;
    public final int tableEntries;
    public final int counterSlots;
    public final int codeCacheInts;
    public final int reentryDepth;
    /** {@code jit.threshold}, {@code jit.loop.weight}: the JIT's tuning for this board, -1 when absent. */
    public final int jitThreshold;
    public final int jitLoopWeight;
    /** {@code jit.fuse}, {@code jit.registers}, {@code jit.fuse.addresses}, {@code jit.fuse.more}: 1 (true), 0 (false), or -1 when absent. */
    public final int jitFuse;
    public final int jitRegisters;
    public final int jitFuseAddresses;
    /** {@code jit.inline.cache}: 1 (true), 0 (false), or -1 when absent. */
    public final int jitInlineCache;
    /** {@code jit.fuse.more}: 1 (true), 0 (false), or -1 when absent. */
    public final int jitFuseMore;
    /** {@code jit.side.exits}: {@code Tuning.sideExitMin}, or -1 when absent. */
    public final int jitSideExits;
    /** {@code jit.fuse.floats}: 1 (true), 0 (false), or -1 when absent. */
    public final int jitFuseFloats;
    /** {@code jit.inline}: 1 (true), 0 (false), or -1 when absent. */
    public final int jitInline;
    /** {@code jit.inline.max}: Wasm operators of a callee inlined at most (1 .. 64), or -1 when absent. */
    public final int jitInlineMax;

    private Board(Props p) {
        name = p.str("name");
        vendor = p.str("vendor");
        cpu = p.str("cpu");
        jvm = p.str("jvm");
        clockMhz = p.num("clock.mhz", 0, 1000000);
        ramKb = p.num("ram.kb", 0, MAX);
        flashKb = p.num("flash.kb", 0, MAX);
        externalRamKb = p.num("external.ram.kb", 0, MAX);
        heapKb = p.str("heap.kb").equals("auto") ? (int) Math.min(hostHeapBytes() / 1024, (long) MAX)
                : p.num("heap.kb", 1, MAX);
        stackSlots = p.num("stack.slots", 16, 1 << 28);
        frames = p.num("frames", 1, 1 << 26);
        // the largest memory one Java array holds: 32,767 pages
        memoryBytes = p.str("memory.bytes").equals("auto") ? (int) Math.min(heapKb * 768L, 32767L * 65536)
                : p.num("memory.bytes", 0, MAX);
        memoryPrealloc = p.bool("memory.prealloc");
        tableEntries = p.num("table.entries", 0, 10000000);
        counterSlots = p.num("counters", 0, 1 << 24);
        codeCacheInts = p.num("codecache.ints", 0, 1 << 28);
        reentryDepth = p.has("reentry.depth") ? p.num("reentry.depth", 1, 100000) : DEFAULT_REENTRY_DEPTH;
        jitThreshold = p.has("jit.threshold") ? p.num("jit.threshold", 0, MAX) : -1;
        jitLoopWeight = p.has("jit.loop.weight") ? p.num("jit.loop.weight", 1, 1 << 24) : -1;
        jitFuse = p.has("jit.fuse") ? (p.bool("jit.fuse") ? 1 : 0) : -1;
        jitRegisters = p.has("jit.registers") ? (p.bool("jit.registers") ? 1 : 0) : -1;
        jitFuseAddresses = p.has("jit.fuse.addresses") ? (p.bool("jit.fuse.addresses") ? 1 : 0) : -1;
        jitInlineCache = p.has("jit.inline.cache") ? (p.bool("jit.inline.cache") ? 1 : 0) : -1;
        jitFuseMore = p.has("jit.fuse.more") ? (p.bool("jit.fuse.more") ? 1 : 0) : -1;
        jitSideExits = p.has("jit.side.exits") ? p.num("jit.side.exits", 0, MAX) : -1;
        jitFuseFloats = p.has("jit.fuse.floats") ? (p.bool("jit.fuse.floats") ? 1 : 0) : -1;
        jitInline = p.has("jit.inline") ? (p.bool("jit.inline") ? 1 : 0) : -1;
        jitInlineMax = p.has("jit.inline.max") ? p.num("jit.inline.max", 1, 64) : -1;
        checkFits();
    }

    /** The arenas a store allocates up front, and the budgets, must fit the heap. */
    private void checkFits() {
        long heap = heapKb * 1024L;
        if (stackSlots * 8L + frames * 12L > heap || memoryBytes > heap || tableEntries * 4L > heap) {
            throw new BoardException(Msg.cat("board ", name, ": stack.slots * 8 + frames * 12, memory.bytes and"
                    + " table.entries * 4 must each fit heap.kb * 1024"));
        }
    }

    /** Reads a descriptor. The stream is read to its end but not closed. */
    public static Board parse(InputStream in) throws IOException {
        return new Board(Props.read(in));
    }

    /**
     * A descriptor packaged with the runtime: both the desktop and the compact jar carry
     * {@code mcu-boards/*.board}, concatenated as {@code /mcu-boards/all.boards} (written by
     * {@code compact-profile/build.xml}).
     *
     * @throws BoardException if there is no such board (the message lists the known ones)
     */
    public static Board named(String name) throws IOException {
        InputStream in;
        try {
            // Class.forName, not a class literal: a literal compiles to an ldc of a class
            // constant, which class files before version 49 (CLDC 1.1 VMs) cannot hold
            in = Class.forName("io.wasmlet.board.Board").getResourceAsStream("/mcu-boards/all.boards");
        } catch (ClassNotFoundException e) {
            in = null;
        }
        if (in == null) {
            throw new BoardException("/mcu-boards/all.boards is missing");
        }
        Props p;
        try {
            p = Props.read(in, name);
        } finally {
            in.close();
        }
        if (!p.has("name")) {
            throw new BoardException(Msg.cat("unknown board '", name, "'; known boards: ").concat(p.names.toString()));
        }
        return new Board(p);
    }

    /**
     * The desktop budgets (tests, the command line without --board): the packaged
     * {@code desktop} descriptor. Its heap is the VM's ({@link #hostHeapBytes()}), its memory
     * budget three quarters of that, and its value stack 65,536 slots (512 KiB); for more, read
     * a descriptor of your own with {@link #parse} (or {@code --board FILE}).
     */
    public static Board desktop() {
        try {
            return named("desktop");
        } catch (IOException e) {
            throw new BoardException(Msg.cat("cannot read the desktop board: ", e.getMessage()));
        }
    }

    /**
     * The heap this VM may grow to, in bytes, for {@code heap.kb = auto}. On a desktop JVM with
     * the desktop classes present, {@code io.wasmlet.desktop.DesktopHeap} reports
     * {@code Runtime.maxMemory()} (the {@code -Xmx} limit). Elsewhere it is the CLDC estimate
     * {@code Runtime.totalMemory()}: the whole heap on a CLDC VM, and never more than the limit
     * on a JVM whose heap can still grow.
     */
    public static long hostHeapBytes() {
        try {
            return ((HostHeap) Class.forName(HOST_HEAP_CLASS).newInstance()).maxBytes();
        } catch (Exception e) {
            return Runtime.getRuntime().totalMemory();
        }
    }

    public String toString() {
        return name;
    }
}
