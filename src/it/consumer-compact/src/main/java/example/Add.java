package example;

import io.wasmlet.binary.WasmModule;
import io.wasmlet.board.Board;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.validate.Loader;
import java.io.FileInputStream;
import java.io.InputStream;

/**
 * Loads the module named by args[0] and prints add(2, 3), with only the compact core jar on the
 * class path, on the board described by the file args[1] (as a board port reads its descriptor:
 * the compact jar carries none).
 */
public final class Add {
    public static void main(String[] args) throws Exception {
        Board board;
        try (InputStream in = new FileInputStream(args[1])) {
            board = Board.parse(in);
        }
        WasmModule module;
        try (InputStream in = new FileInputStream(args[0])) {
            module = Loader.load(in);
        }
        Store store = new Store(board);
        Instance instance = store.instantiate(module, new Imports());
        Function add = instance.function("add");
        long[] results = new long[1];
        store.invoke(add, new long[] {2, 3}, results);
        System.out.println(results[0]);
    }
}
