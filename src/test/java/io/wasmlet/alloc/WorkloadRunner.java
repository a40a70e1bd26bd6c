package io.wasmlet.alloc;

import io.wasmlet.binary.WasmModule;
import io.wasmlet.board.Board;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.validate.Loader;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Runs {@code run(n)} of workloads of tests/workloads with the core API only, so it also runs
 * from the compact jar: {@code WorkloadRunner BOARD_FILE NAME N [NAME N ...]} prints
 * {@code NAME N RESULT} per workload.
 */
public final class WorkloadRunner {
    private WorkloadRunner() {
    }

    /** Loads a module from a file with the core API (CLDC-level code: no java.nio). */
    public static WasmModule load(String path) throws IOException {
        InputStream in = new FileInputStream(path);
        try {
            return Loader.load(in);
        } finally {
            in.close();
        }
    }

    public static long run(Board board, String name, int n) throws IOException {
        Store store = new Store(board);
        Instance inst = store.instantiate(load("tests/workloads/" + name + ".wasm"), new Imports());
        long[] r = new long[1];
        store.invoke(inst.function("run"), new long[] {n}, r);
        return (int) r[0];
    }

    public static void main(String[] args) throws IOException {
        InputStream bf = new FileInputStream(args[0]);
        Board board;
        try {
            board = Board.parse(bf);
        } finally {
            bf.close();
        }
        for (int i = 1; i + 1 < args.length; i += 2) {
            int n = Integer.parseInt(args[i + 1]);
            System.out.println(args[i] + " " + n + " " + run(board, args[i], n));
        }
    }
}
