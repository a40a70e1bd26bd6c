package io.wasmlet.board;

import io.wasmlet.error.Msg;
import io.wasmlet.error.WasmException;

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
 * counter slots and JIT code-cache size.</li>
 * </ul>
 */
public final class Board {
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

    private Board(Props p) {
        name = p.str("name");
        vendor = p.str("vendor");
        cpu = p.str("cpu");
        jvm = p.str("jvm");
        clockMhz = p.num("clock.mhz");
        ramKb = p.num("ram.kb");
        flashKb = p.num("flash.kb");
        externalRamKb = p.num("external.ram.kb");
        heapKb = p.num("heap.kb");
        stackSlots = p.num("stack.slots");
        frames = p.num("frames");
        memoryBytes = p.num("memory.bytes");
        memoryPrealloc = p.bool("memory.prealloc");
        tableEntries = p.num("table.entries");
        counterSlots = p.num("counters");
        codeCacheInts = p.num("codecache.ints");
        if (stackSlots < 16 || frames < 1 || memoryBytes < 0 || tableEntries < 0 || heapKb < 1) {
            throw new WasmException(Msg.cat("board ", name, ": budgets must be positive"));
        }
    }

    /** Reads a descriptor. The stream is read to its end but not closed. */
    public static Board parse(InputStream in) throws IOException {
        return new Board(Props.read(in));
    }

    /**
     * A descriptor packaged with the runtime (the {@code mcu-boards} folder is on the class
     * path as {@code /mcu-boards/NAME.board}), or null.
     */
    public static Board named(String name) throws IOException {
        InputStream in = Board.class.getResourceAsStream(Msg.cat("/mcu-boards/", name, ".board"));
        if (in == null) {
            return null;
        }
        try {
            return parse(in);
        } finally {
            in.close();
        }
    }

    /** The built-in desktop budgets (tests, the command line without --board). */
    public static Board desktop() {
        try {
            Board b = named("desktop");
            if (b != null) {
                return b;
            }
        } catch (IOException e) {
            // fall through to the built-in copy
        }
        return new Board(Props.desktop());
    }

    public String toString() {
        return name;
    }
}
