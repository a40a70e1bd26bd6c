package io.wasmlet.fuzz;

import io.wasmlet.binary.FuncType;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.error.TrapException;
import io.wasmlet.error.WasmException;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Memory;
import io.wasmlet.exec.Store;
import java.util.Arrays;
import java.util.List;

/**
 * What the differential fuzzers (TierFuzzTest, and tools/fuzz/TierFuzz.java for the long
 * campaign) compare between the tiers: every exported function of an instance called twice
 * under the same fuel, with arguments from a fixed pool, each outcome (results, or the very
 * trap or error) and the fuel left logged, then a hash of every exported memory.
 */
public final class ExportCalls {
    /** The argument pool: edge values of i32 and a few ordinary ones. */
    public static final long[] ARGS = {0, 1, 7, -1, 0x7FFFFFFF, 65536, 100};

    private ExportCalls() {
    }

    /** Calls and logs as described above, each call with {@code fuel}. */
    public static void run(Store store, Instance inst, long fuel, List<String> log) {
        for (String name : inst.exportNames()) {
            if (inst.exportKind(name) != WasmModule.KIND_FUNC) {
                continue;
            }
            Function f = inst.function(name);
            FuncType t = f.type();
            for (int round = 0; round < 2; round++) {
                long[] args = new long[t.paramCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = ARGS[(i + round * 3 + name.length()) % ARGS.length];
                }
                long[] results = new long[t.resultCount()];
                store.setFuel(fuel);
                String outcome;
                try {
                    store.invoke(f, args, results);
                    outcome = Arrays.toString(results);
                } catch (WasmException e) {
                    outcome = (e instanceof TrapException ? "trap " : "error ") + e.getClass().getSimpleName() + " "
                            + e.getMessage();
                }
                log.add("call " + name + " " + Arrays.toString(args) + " -> " + outcome + ", fuel left " + store.fuel());
            }
        }
        for (String name : inst.exportNames()) {
            if (inst.exportKind(name) == WasmModule.KIND_MEMORY) {
                Memory mem = inst.memory(name);
                byte[] all = new byte[mem.byteSize()];
                mem.readBytes(0, all, 0, all.length);
                log.add("memory " + name + " " + mem.pages() + " pages, hash " + Arrays.hashCode(all));
            }
        }
    }
}
