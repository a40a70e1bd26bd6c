package io.wasmlet.alloc;

import io.wasmlet.binary.FuncType;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.binary.ValType;
import io.wasmlet.board.Board;
import io.wasmlet.error.ExhaustionException;
import io.wasmlet.error.TrapException;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.HostFunction;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;

import java.io.FileInputStream;
import java.io.IOException;

/**
 * tests/alloc/kernels.wasm instantiated once on a board, with one round of every scenario
 * (loops, direct, indirect and host calls, memory, growth, traps caught and re-entered). Uses
 * only the core API and CLDC-level Java, so it also runs against the compact jar.
 */
public final class Kernels {
    final Store store;
    final Function sumsq, fib, memsum, dispatch, grow, div, oob, undef, recurse;
    final long[] a1 = new long[1];
    final long[] a3 = new long[3];
    final long[] a2 = new long[2];
    final long[] r = new long[1];
    final long[] none = new long[0];
    int ticks;

    public Kernels(String wasmPath, Board board) throws IOException {
        this(wasmPath, new Store(board));
    }

    /** Instantiates the kernels in {@code store} (any mode; several Kernels may share a store). */
    public Kernels(String wasmPath, Store store) throws IOException {
        WasmModule m = WorkloadRunner.load(wasmPath);
        this.store = store;
        Imports imports = new Imports();
        imports.add("env", "tick", new Function(new FuncType(new byte[] {ValType.I32}, new byte[0]),
                new HostFunction() {
                    public void call(Instance caller, long[] stack, int base) {
                        ticks += (int) stack[base];
                    }
                }));
        Instance inst = store.instantiate(m, imports);
        sumsq = inst.function("sumsq");
        fib = inst.function("fib");
        memsum = inst.function("memsum");
        dispatch = inst.function("dispatch");
        grow = inst.function("grow");
        div = inst.function("div");
        oob = inst.function("oob");
        undef = inst.function("undef");
        recurse = inst.function("recurse");
    }

    /** One round of every scenario; returns a checksum of the results (0 allocations). */
    public long round(int i) {
        long sum = 0;
        a1[0] = 100 + (i & 7);
        store.invoke(sumsq, a1, r);
        sum += r[0];
        a1[0] = 10;
        store.invoke(fib, a1, r);
        sum += r[0];
        a1[0] = 256;
        store.invoke(memsum, a1, r);
        sum += (int) r[0];
        a3[0] = i % 3;
        a3[1] = 7;
        a3[2] = 5;
        store.invoke(dispatch, a3, r);
        sum += (int) r[0];
        store.invoke(grow, none, r);
        sum += (int) r[0];
        a2[0] = 1;
        a2[1] = 0;
        try {
            store.invoke(div, a2, r);
            sum += 1000000;
        } catch (TrapException e) {
            sum += e.reason;
        }
        a1[0] = 0x7FFFFFF0;
        try {
            store.invoke(oob, a1, r);
            sum += 1000000;
        } catch (TrapException e) {
            sum += e.reason;
        }
        a1[0] = 3;
        try {
            store.invoke(undef, a1, r);
            sum += 1000000;
        } catch (TrapException e) {
            sum += e.reason;
        }
        if ((i & 63) == 0) {
            a1[0] = 0;
            try {
                store.invoke(recurse, a1, r);
                sum += 1000000;
            } catch (ExhaustionException e) {
                sum += 3;
            }
        }
        return sum;
    }

    /** For the compact-jar check: {@code java -cp compact.jar:test-classes ... Kernels FILE BOARD_FILE ROUNDS}. */
    public static void main(String[] args) throws IOException {
        FileInputStream bf = new FileInputStream(args[1]);
        Board b;
        try {
            b = Board.parse(bf);
        } finally {
            bf.close();
        }
        // an optional fourth argument picks the mode; "tiered" and "eager" need the jit package
        String mode = args.length > 3 ? args[3] : "interp";
        Kernels k = mode.equals("interp") ? new Kernels(args[0], b)
                : new Kernels(args[0], io.wasmlet.jit.Jit.store(b, mode));
        int rounds = Integer.parseInt(args[2]);
        long total = 0;
        for (int i = 0; i < rounds; i++) {
            total += k.round(i);
        }
        System.out.println("rounds " + rounds + " checksum " + total + " ticks " + k.ticks);
        if (!mode.equals("interp")) {
            System.out.println("translated " + k.store.functionsTranslated());
        }
    }
}
