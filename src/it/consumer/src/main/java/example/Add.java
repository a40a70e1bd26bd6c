package example;

import io.wasmlet.binary.WasmModule;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.validate.Loader;
import java.io.FileInputStream;
import java.io.InputStream;

/** Loads the module named by args[0] and prints add(2, 3). */
public final class Add {
    public static void main(String[] args) throws Exception {
        WasmModule module;
        try (InputStream in = new FileInputStream(args[0])) {
            module = Loader.load(in);
        }
        Store store = new Store();
        Instance instance = store.instantiate(module, new Imports());
        Function add = instance.function("add");
        long[] results = new long[1];
        store.invoke(add, new long[] {2, 3}, results);
        System.out.println(results[0]);
    }
}
