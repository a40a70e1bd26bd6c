import io.wasmlet.binary.WasmModule;
import io.wasmlet.board.Board;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.JopCounter;
import io.wasmlet.exec.Store;
import io.wasmlet.jit.Jit;
import io.wasmlet.validate.Loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counting build's report (run by tools/jopcount/run.sh on the patched copy of the runtime):
 * per workload, the second tiered call of run(test n): Wasm instructions (from a metered
 * interpreter run), Jops and interpreter dispatches, CompiledLoop.run bytecodes (each case's
 * shortest path back to the loop head in javap's listing, plus the dispatch header, times its
 * count) per Wasm instruction, and the most frequent Jops, adjacent pairs and triples per
 * million Jops; then the same summed over the workloads (each weighted per million). Then the
 * same call interpreter-only, costed the same way from Interpreter.run's listing: tiered
 * bytecodes per Wasm instruction (the compiled loop's plus the interpreter's dispatches in the
 * tiered call) against interpreter-only ones, the bytecode ratio. Calls out of the loops (float
 * conversions, Runtime.slowOp) count as their invoke bytecode only.
 */
public final class JopCounts {
    static String[] names = new String[256];
    static int[] cost = new int[1024];
    /** Interpreter.run's bytecodes per pre-decoded opcode, and its dispatch header. */
    static int[] icost;
    static int iheader;
    static int header;

    public static void main(String[] args) throws Exception {
        int n = 0;
        for (String line : Files.readAllLines(Path.of("tools/opgen/jit-ops.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names[n++] = line.trim().split("\\s+")[0];
            }
        }
        names[255] = "(interp)";
        interpBytecodes(Files.readAllLines(Path.of(args[2])));
        bytecodes(Files.readAllLines(Path.of(args[0])), Files.readAllLines(Path.of(args[1])));
        List<String> only = Arrays.asList(args).subList(3, args.length);
        double logSum = 0;
        int nw = 0;
        double[] allSingle = new double[256];
        Map<Long, Double> allPairs = new HashMap<>();
        Map<Long, Double> allTriples = new HashMap<>();
        System.out.println("dispatch header: " + header + " bytecodes (loop head to the switch)");
        System.out.println("interpreter dispatch header: " + iheader + " bytecodes");
        System.out.println("| workload | Wasm instrs | Jops | Jops/Wasm | interp dispatches | run bytecodes/Jop | run bytecodes/Wasm | tiered bytecodes/Wasm | interp-only bytecodes/Wasm | bytecode ratio |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        StringBuilder detail = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("tests/workloads/checksums.txt"))) {
            line = line.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (!only.isEmpty() && !only.contains(f[0])) {
                continue;
            }
            byte[] b = Files.readAllBytes(Path.of("tests/workloads/" + f[0] + ".wasm"));
            long[] a = {Integer.parseInt(f[1])};
            long[] r = new long[1];
            Store metered = new Store(Board.desktop());
            metered.setFuel(Long.MAX_VALUE / 4);
            Function mr = metered.instantiate(Loader.load(b, Loader.COUNT), new Imports()).function("run");
            long before = metered.instructionsExecuted();
            metered.invoke(mr, a, r);
            long wasm = metered.instructionsExecuted() - before;
            // the same call interpreter-only: its bytecodes over the same Wasm instructions
            Store is = new Store(Board.desktop());
            Function ir = is.instantiate(Loader.load(b), new Imports()).function("run");
            is.invoke(ir, a, r);
            JopCounter.reset();
            JopCounter.on = true;
            is.invoke(ir, a, r);
            JopCounter.on = false;
            long ibc = interpBytecodes();
            Store st = new Store(Board.desktop(), Jit.tiered());
            Function run = st.instantiate(Loader.load(b), new Imports()).function("run");
            st.invoke(run, a, r);
            JopCounter.reset();
            JopCounter.on = true;
            st.invoke(run, a, r);
            JopCounter.on = false;
            if ((int) r[0] != Integer.parseInt(f[2])) {
                throw new IllegalStateException(f[0] + ": checksum " + r[0]);
            }
            long jops = 0;
            long bc = 0;
            for (int i = 0; i < 256; i++) {
                jops += JopCounter.single[i];
                bc += JopCounter.single[i] * (header + cost[i]);
            }
            long tieredInterp = interpBytecodes();
            long tieredDispatches = JopCounter.interpDispatches;
            double tieredPerWasm = (bc + tieredInterp) / (double) wasm;
            double interpPerWasm = ibc / (double) wasm;
            logSum += Math.log(interpPerWasm / tieredPerWasm);
            nw++;
            System.out.printf("| %s | %d | %d | %.3f | %d | %.1f | %.1f | %.1f | %.1f | %.2f |%n", f[0], wasm, jops,
                    jops / (double) wasm, tieredDispatches, bc / (double) jops, bc / (double) wasm,
                    tieredPerWasm, interpPerWasm, interpPerWasm / tieredPerWasm);
            double m = 1e6 / jops;
            for (int i = 0; i < 256; i++) {
                allSingle[i] += JopCounter.single[i] * m;
            }
            detail.append("\n### ").append(f[0]).append("\n");
            top(detail, JopCounter.single, 1, m, 12, null);
            top(detail, JopCounter.pairs, 2, m, 12, allPairs);
            int[] t = JopCounter.triples;
            long[] tl = new long[t.length];
            for (int i = 0; i < t.length; i++) {
                tl[i] = t[i];
            }
            top(detail, tl, 3, m, 8, allTriples);
        }
        System.out.printf("bytecode ratio (interp-only over tiered), geometric mean: %.2f%n", Math.exp(logSum / nw));
        System.out.println("\n## All workloads, sum of per-million counts");
        long[] s = new long[256];
        for (int i = 0; i < 256; i++) {
            s[i] = (long) allSingle[i];
        }
        StringBuilder all = new StringBuilder();
        top(all, s, 1, 1, 200, null);
        topMap(all, allPairs, 2, 400);
        topMap(all, allTriples, 3, 20);
        System.out.println(all);
        System.out.println(detail);
    }

    /** Interpreter.run bytecodes of the dispatches JopCounter counted (each case's shortest path). */
    static long interpBytecodes() {
        long sum = 0;
        for (int i = 0; i < JopCounter.interpOps.length; i++) {
            if (JopCounter.interpOps[i] > 0) {
                sum += JopCounter.interpOps[i] * (iheader + (i < icost.length ? icost[i] : 0));
            }
        }
        return sum;
    }

    /** Interpreter.run's cost per opcode, parsed like CompiledLoop.run's (before it, sharing the parser state). */
    static void interpBytecodes(List<String> lines) {
        bytecodes(lines, "static int run(");
        icost = cost.clone();
        iheader = header;
        ins.clear();
        offs.clear();
        memo.clear();
    }

    static String name(long key, int k) {
        StringBuilder sb = new StringBuilder();
        for (int i = k - 1; i >= 0; i--) {
            sb.append(names[(int) (key >> (8 * i)) & 0xFF]);
            if (i > 0) {
                sb.append(" -> ");
            }
        }
        return sb.toString();
    }

    static void top(StringBuilder out, long[] counts, int k, double m, int limit, Map<Long, Double> sum) {
        Integer[] idx = new Integer[counts.length];
        int live = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                idx[live++] = i;
                if (sum != null) {
                    sum.merge((long) i, counts[i] * m, Double::sum);
                }
            }
        }
        Integer[] l = Arrays.copyOf(idx, live);
        Arrays.sort(l, (x, y) -> Long.compare(counts[y], counts[x]));
        out.append(k == 1 ? "Jops" : k == 2 ? "pairs" : "triples").append(" per million Jops:\n");
        for (int i = 0; i < Math.min(limit, l.length); i++) {
            out.append(String.format("  %8.0f  %s%s%n", counts[l[i]] * m, name(l[i], k),
                    k == 1 ? "  (" + (header + cost[l[i]]) + " bytecodes)" : ""));
        }
    }

    static void topMap(StringBuilder out, Map<Long, Double> map, int k, int limit) {
        List<Map.Entry<Long, Double>> e = new ArrayList<>(map.entrySet());
        e.sort((x, y) -> Double.compare(y.getValue(), x.getValue()));
        out.append(k == 2 ? "pairs" : "triples").append(", summed per million:\n");
        for (int i = 0; i < Math.min(limit, e.size()); i++) {
            out.append(String.format("  %8.0f  %s%n", e.get(i).getValue(), name(e.get(i).getKey(), k)));
        }
    }

    // ---- CompiledLoop.run's bytecodes per case, from javap -c ----

    static Map<Integer, String> ins = new HashMap<>();
    static List<Integer> offs = new ArrayList<>();
    static int loopHead;
    static Map<Integer, Integer> memo = new HashMap<>();
    /** Parsing CompiledOps.exec: a path ends at its return (counted) instead of the loop head. */
    static boolean toReturn;

    /**
     * The cost of each template: its CompiledLoop.run case, plus for the templates run out of
     * line (the default case) CompiledOps.exec's header and case (its helpers' own bytecodes,
     * for the rare i32 comparisons, are not counted).
     */
    static void bytecodes(List<String> loop, List<String> ops) {
        bytecodes(loop, "static int run(");
        int[] loopCost = cost.clone();
        int loopHeader = header;
        int dflt = dfltCost;
        ins.clear();
        offs.clear();
        memo.clear();
        toReturn = true;
        bytecodes(ops, "static int exec(");
        for (int i = 0; i < 256; i++) {
            cost[i] = loopCost[i] == dflt && cost[i] < INF ? dflt + header + cost[i] : loopCost[i];
        }
        header = loopHeader;
    }

    static int dfltCost;

    static void bytecodes(List<String> lines, String method) {
        boolean inRun = false;
        int sw = -1;
        Map<Integer, Integer> cases = new HashMap<>();
        int dflt = -1;
        boolean inSwitch = false;
        for (String raw : lines) {
            String l = raw.trim();
            if (l.startsWith(method)) {
                inRun = true;
                continue;
            }
            if (!inRun) {
                continue;
            }
            if (inSwitch) {
                if (l.startsWith("}")) {
                    inSwitch = false;
                    continue;
                }
                String[] p = l.split(":");
                int t = Integer.parseInt(p[1].trim());
                if (p[0].trim().equals("default")) {
                    dflt = t;
                } else {
                    cases.put(Integer.parseInt(p[0].trim()), t);
                }
                continue;
            }
            if (l.startsWith("Exception table") || (l.startsWith("static ") || l.startsWith("private ") || l.equals("}"))) {
                if (!offs.isEmpty()) {
                    break;
                }
                continue;
            }
            int colon = l.indexOf(':');
            if (colon < 0) {
                continue;
            }
            int off;
            try {
                off = Integer.parseInt(l.substring(0, colon));
            } catch (NumberFormatException e) {
                continue;
            }
            String body = l.substring(colon + 1).trim();
            ins.put(off, body);
            offs.add(off);
            if (sw < 0 && (body.startsWith("tableswitch") || body.startsWith("lookupswitch"))) {
                sw = off;
                inSwitch = true;
            }
        }
        if (toReturn) { // CompiledOps.exec: from the method's start to its switch
            header = 0;
            for (int o : offs) {
                if (o <= sw) {
                    header++;
                }
            }
            loopHead = -1;
            for (int i = 0; i < cost.length; i++) {
                Integer t = cases.get(i);
                cost[i] = t != null ? shortest(t) : INF;
            }
            return;
        }
        // the loop head: the most frequent goto target at or before the switch
        Map<Integer, Integer> gotoCount = new HashMap<>();
        for (int o : offs) {
            String b = ins.get(o);
            if (b.startsWith("goto")) {
                int t = Integer.parseInt(b.split("\\s+")[1]);
                if (t <= sw) {
                    gotoCount.merge(t, 1, Integer::sum);
                }
            }
        }
        loopHead = gotoCount.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
        header = 0;
        for (int o : offs) {
            if (o >= loopHead && o <= sw) {
                header++;
            }
        }
        for (int i = 0; i < cost.length; i++) {
            Integer t = cases.get(i);
            cost[i] = t != null ? shortest(t) : dflt >= 0 ? shortest(dflt) : INF;
        }
        dfltCost = dflt >= 0 ? shortest(dflt) : INF;
    }

    static final int INF = 1 << 20;

    /** Bytecodes from {@code o} back to the loop head along the cheapest path (no inner back-edges). */
    static int shortest(int o) {
        if (o == loopHead) {
            return 0;
        }
        Integer m = memo.get(o);
        if (m != null) {
            return m;
        }
        memo.put(o, INF);
        String b = ins.get(o);
        int idx = offs.indexOf(o);
        int next = idx + 1 < offs.size() ? offs.get(idx + 1) : -1;
        String op = b.split("\\s+")[0];
        int best;
        if (toReturn && op.endsWith("return")) {
            best = 1;
        } else if (op.equals("athrow") || op.endsWith("return") || op.endsWith("switch")) {
            best = INF;
        } else if (op.equals("goto") || op.equals("goto_w")) {
            int t = Integer.parseInt(b.split("\\s+")[1]);
            best = t <= o && t != loopHead ? INF : 1 + shortest(t);
        } else if (op.startsWith("if")) {
            int t = Integer.parseInt(b.split("\\s+")[1]);
            int taken = t <= o && t != loopHead ? INF : shortest(t);
            best = 1 + Math.min(taken, next < 0 ? INF : shortest(next));
        } else {
            best = next < 0 ? INF : 1 + shortest(next);
        }
        best = Math.min(best, INF);
        memo.put(o, best);
        return best;
    }
}
