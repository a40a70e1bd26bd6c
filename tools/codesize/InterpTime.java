import io.wasmlet.binary.WasmModule;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.validate.Loader;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One timing child of {@code paired.sh}: loads a workload, calls {@code run(n)} on a plain
 * (interpreter-only) store {@code calls} times and prints {@code result R} and the best call's
 * time as {@code best_ns T}. Compiled against whichever wasmlet jar is on the class path.
 */
public final class InterpTime {
    public static void main(String[] args) throws Exception {
        WasmModule m = Loader.load(Files.readAllBytes(Path.of(args[0])));
        long n = Long.parseLong(args[1]);
        int calls = Integer.parseInt(args[2]);
        Store st = new Store();
        Instance inst = st.instantiate(m, new Imports());
        Function run = inst.function("run");
        long best = Long.MAX_VALUE;
        long r = 0;
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            r = st.invoke(run, new long[] {n})[0];
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.println("result " + (int) r);
        System.out.println("best_ns " + best);
    }
}
