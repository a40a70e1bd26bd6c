package io.wasmlet.jit;

import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sweeps the JIT's template tests share: repeated rounds and fuel run out at every count. */
final class Sweeps {
    /** One export call's outcome as text (result, or trap and backtrace). */
    interface Call {
        String outcome(Store st, Instance in, String name, long[] args) throws Exception;
    }

    private Sweeps() {
    }

    /**
     * Three rounds of every export (tiered: the first round interprets, the others run
     * compiled); each later round must repeat the first's outcomes, which are returned.
     */
    static List<String> rounds(Store st, Instance in, String[] names, long[][] args, Call call, String config)
            throws Exception {
        List<String> out = new ArrayList<>();
        for (int rep = 0; rep < 3; rep++) {
            for (int i = 0; i < names.length; i++) {
                String o = call.outcome(st, in, names[i], args[i]);
                if (rep == 0) {
                    out.add(o);
                } else {
                    assertEquals(out.get(i), o, config + ", call " + rep);
                }
            }
        }
        return out;
    }

    /**
     * Per export: one call to translate it (tiered), one to measure the fuel a call takes, then
     * one call with every fuel from 0 to that plus 1; the log of outcomes and fuel left.
     */
    static List<String> fuel(Store st, Instance in, String[] names, long[][] args, Call call) throws Exception {
        List<String> log = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            st.setFuel(1_000_000);
            call.outcome(st, in, names[i], args[i]); // tiered: translated from now on
            st.setFuel(1_000_000);
            call.outcome(st, in, names[i], args[i]);
            long need = 1_000_000 - st.fuel();
            for (long f = 0; f <= need + 1; f++) {
                st.setFuel(f);
                log.add(f + ": " + call.outcome(st, in, names[i], args[i]) + ", fuel left " + st.fuel());
            }
        }
        return log;
    }

    /** Every configuration's log equals the first's (the interpreter's), which runs out of fuel. */
    static void sameInEvery(List<List<String>> seen, String[] configs) {
        assertTrue(seen.get(0).toString().contains("all fuel consumed"), "the sweep runs out");
        for (int k = 1; k < configs.length; k++) {
            assertEquals(seen.get(0), seen.get(k), configs[k]);
        }
    }
}
