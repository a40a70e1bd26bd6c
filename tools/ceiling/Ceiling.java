import io.wasmlet.board.Board;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.jit.Jit;
import io.wasmlet.validate.Loader;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JIT tier's best cases: three kernels (kernels.wat) whose hot loop the translator turns
 * entirely into its cheapest templates, timed interpreter-only and tiered side by side in one
 * process, alternating call by call, best of the rounds after the first.
 * <ul>
 * <li>{@code alu}: eight {@code local.set c (op (local.get a) (local.get b))} per iteration, 37
 * Wasm instructions that become 10 templates (eight three-operand ALU templates, the counter's
 * {@code i32.sub_si}, {@code br_nz}): the ideal shape for register operands;</li>
 * <li>{@code load}: the sum of a word array, an {@code i32.load} with folded address per
 * iteration;</li>
 * <li>{@code f64}: a chain of f64 arithmetic on locals ({@code f64.chain}).</li>
 * </ul>
 * Together with {@code tools/jopcount} (bytecodes per Wasm instruction) this bounds what the tier
 * can reach: a speed-up the ideal kernels do not reach, the workloads cannot either.
 *
 * <pre>
 * mvn -q -B package -DskipTests
 * java -Xint -cp target/classes tools/ceiling/Ceiling.java xint [rounds]
 * java -cp target/classes tools/ceiling/Ceiling.java hotspot [rounds]
 * </pre>
 */
public final class Ceiling {
    public static void main(String[] args) throws Exception {
        boolean xint = args.length == 0 || args[0].equals("xint");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        byte[] b = Files.readAllBytes(Path.of("tools/ceiling/kernels.wasm"));
        String[] fns = {"alu", "load", "f64"};
        int[] n = xint ? new int[] {100_000, 100, 100_000} : new int[] {5_000_000, 5_000, 5_000_000};
        Store si = new Store(Board.desktop());
        Store st = new Store(Board.desktop(), Jit.tiered());
        Instance ii = si.instantiate(Loader.load(b), new Imports());
        Instance it = st.instantiate(Loader.load(b), new Imports());
        System.out.println("| kernel | n | interp ms | tiered ms | speed-up |");
        System.out.println("|---|---:|---:|---:|---:|");
        double logSum = 0;
        for (int k = 0; k < fns.length; k++) {
            Function fi = ii.function(fns[k]);
            Function ft = it.function(fns[k]);
            long[] r1 = new long[1];
            long[] r2 = new long[1];
            long[] arg = {n[k]};
            long bi = Long.MAX_VALUE;
            long bt = Long.MAX_VALUE;
            for (int r = 0; r <= rounds; r++) {
                long t0 = System.nanoTime();
                si.invoke(fi, arg, r1);
                long t1 = System.nanoTime();
                st.invoke(ft, arg, r2);
                long t2 = System.nanoTime();
                if (r1[0] != r2[0]) {
                    throw new IllegalStateException(fns[k] + ": interp " + r1[0] + ", tiered " + r2[0]);
                }
                if (r > 0) {
                    bi = Math.min(bi, t1 - t0);
                    bt = Math.min(bt, t2 - t1);
                }
            }
            logSum += Math.log((double) bi / bt);
            System.out.printf("| %s | %,d | %.1f | %.1f | %.2fx |%n", fns[k], n[k], bi / 1e6, bt / 1e6, (double) bi / bt);
        }
        System.out.printf("| geometric mean | | | | %.2fx |%n", Math.exp(logSum / fns.length));
    }
}
