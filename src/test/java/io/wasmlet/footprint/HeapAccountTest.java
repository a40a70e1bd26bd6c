package io.wasmlet.footprint;

import io.wasmlet.code.Op;
import io.wasmlet.error.Trap;
import io.wasmlet.exec.Footprint;
import io.wasmlet.exec.HeapModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The footprint report against the heap a JVM really retains: {@link HeapProbe} loads and
 * instantiates a module in a child JVM with a fixed heap and measures the live heap from class
 * histograms; the report, computed for that JVM's object layout, must be within 10% of it, in
 * total and without the big arrays (value stack, linear memory), and the loaded module alone
 * within 10% of its metadata, code and side table.
 */
class HeapAccountTest {
    static Map<String, Long> probe(String... args) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        // no TLABs: the peak sampling reads the heap in use, which counts a thread's fresh TLAB whole
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xint", "-XX:+UseSerialGC", "-XX:-UseTLAB",
                "-XX:-StackTraceInThrowable", "-Xmx96m", "-cp",
                "target/classes" + File.pathSeparator + "target/test-classes", "io.wasmlet.footprint.HeapProbe"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "child JVM timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        Map<String, Long> r = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split(" ");
            r.put(f[0], Long.parseLong(f[1]));
        }
        return r;
    }

    private static void within10(long measured, long reported, String what) {
        double ratio = (double) reported / measured;
        System.out.printf("%s: measured %d, reported %d (%.3f)%n", what, measured, reported, ratio);
        assertTrue(ratio >= 0.9 && ratio <= 1.1, what + ": measured " + measured + ", reported " + reported);
    }

    @ParameterizedTest
    @CsvSource({
        "tests/programs/hello.wasm, stm32h747i-disco",
        "tests/programs/board/hello.wasm, rp2350-pico2",
        "tests/alloc/kernels.wasm, stm32f746g-disco",
        "tests/workloads/sha256.wasm, imxrt1170-evk",
        "tests/workloads/json.wasm, rp2350-pico2",
    })
    void reportIsWithinTenPercentOfTheRetainedHeap(String module, String board) throws Exception {
        Map<String, Long> r = probe("mcu-boards/" + board + ".board", module);
        String name = module + " on " + board;
        // what two histograms differ by when nothing is allocated between them (the probe's own objects)
        long noise = r.get("noise");
        r.put("retained", r.get("retained") - noise);
        r.put("loaded", r.get("loaded") - noise);
        within10(r.get("retained"), r.get("reported"), name + ", everything");
        long arrays = r.get("arena." + Footprint.VALUE_STACK) + r.get("arena." + Footprint.MEMORY);
        long rest = r.get("retained") - arrays;
        long restReported = r.get("reported") - arrays;
        // the rest is small for tiny modules: there 10% or 1 KB, whichever is more (the probe's own objects
        // account for some 0.4 KB)
        System.out.printf("%s, without value stack and memory: measured %d, reported %d%n", name, rest, restReported);
        assertTrue(Math.abs(restReported - rest) <= Math.max(1024, rest / 10), name + ": " + rest + " vs " + restReported);
        long module0 = r.get("arena." + Footprint.METADATA) + r.get("arena." + Footprint.CODE)
                + r.get("arena." + Footprint.SIDE_TABLE);
        within10(r.get("loaded"), module0, name + ", the loaded module");
        long peak = r.get("peakLoad");
        System.out.printf("%s: file %d, allocated while loading %d, while instantiating %d; peak live heap while"
                + " loading %d, while loading and instantiating %d%n", name, r.get("file"), r.get("allocLoad"),
                r.get("allocInstantiate"), peak, Math.max(peak, r.get("retained")));
        // the peak while loading holds at least the loaded module, and no more than all that loading allocated
        assertTrue(peak >= r.get("loaded") * 9 / 10 && peak <= r.get("allocLoad") + 16384, name + ": peak " + peak);
        // instantiating allocates only what the instance keeps (so it adds no peak of its own)
        long kept = r.get("retained") - r.get("loaded");
        assertTrue(r.get("allocInstantiate") <= kept * 11 / 10 + 4096,
                name + ": instantiating allocated " + r.get("allocInstantiate") + ", keeps " + kept);
    }

    @Test
    void branchProfileCountersAreInTheReportAndTheRetainedHeap() throws Exception {
        // Loader.PROFILE: two int counters per if / br_if site, in every store the module is instantiated in
        Map<String, Long> plain = probe("mcu-boards/rp2350-pico2.board", "tests/workloads/json.wasm");
        Map<String, Long> r = probe("mcu-boards/rp2350-pico2.board", "tests/workloads/json.wasm", "profile");
        long counters = r.get("arena." + Footprint.COUNTERS) - plain.get("arena." + Footprint.COUNTERS);
        long code = r.get("arena." + Footprint.CODE) - plain.get("arena." + Footprint.CODE);
        System.out.printf("json, Loader.PROFILE: %d bytes of branch counters, %d more bytes of code%n", counters, code);
        assertTrue(counters > 0 && code > 0);
        // 8 bytes of counters per site of one more unit of code (2 bytes), up to the arrays' headers and alignment
        assertTrue(Math.abs(counters - 4 * code) <= 32, counters + " bytes of counters for " + code + " of code");
        long noise = r.get("noise");
        within10(r.get("retained") - noise, r.get("reported"), "json on rp2350-pico2 with branch profiles");
        long grew = r.get("retained") - plain.get("retained");
        assertTrue(Math.abs(grew - counters - code) <= 1024, "retained heap grew by " + grew);
    }

    /** The runtime's static data as the report counts it, recomputed here from the objects. */
    static long staticData(HeapModel h) {
        long b = 0;
        b += 2 * string(Op.LIMIT, h) + string(4 * Op.LIMIT, h); // Op's IMM, SIZE and SIG tables
        // Jop's SIZE table and its selection-form tables (an array of strings)
        String[] forms = jopFormTables();
        b += string(io.wasmlet.code.Jop.TEMPLATES, h) + h.refArray(forms.length);
        for (String f : forms) {
            b += string(f.length(), h);
        }
        Throwable[] traps = {Trap.unreachable, Trap.divByZero, Trap.intOverflow, Trap.invalidConversion,
                Trap.memoryOutOfBounds, Trap.tableOutOfBounds, Trap.undefinedElement, Trap.uninitializedElement,
                Trap.indirectTypeMismatch, Trap.callStackExhausted};
        for (Throwable t : traps) {
            // JDK Throwable: backtrace, detailMessage, cause, stackTrace, suppressedExceptions; depth. CLDC:
            // detailMessage, backtrace. Plus TrapException.reason.
            b += (h.compactStrings ? h.object(5, 8) : h.object(2, 4)) + string(t.getMessage().length(), h);
        }
        b += h.refArray(Footprint.ARENAS);
        for (int i = 0; i < Footprint.ARENAS; i++) {
            b += string(Footprint.name(i).length(), h);
        }
        b += h.object(1, 17) + string(HeapModel.TARGET.name.length(), h); // HeapModel.TARGET
        b += h.array(13, 1) + h.array(0, 1); // ModuleDecoder.ORDER, FunctionValidator.NONE
        return b;
    }

    static String[] jopFormTables() {
        try {
            java.lang.reflect.Field f = io.wasmlet.code.JopTable.class.getDeclaredField("FORM_TABLES");
            f.setAccessible(true);
            return (String[]) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static long string(int n, HeapModel h) {
        return h.compactStrings ? h.object(1, 6) + h.array(n, 1) : h.object(1, 8) + h.array(n, 2);
    }

    @Test
    void staticDataLineIsTheComputedNumberAndMatchesTheMeasuredHeap() throws Exception {
        assertEquals(staticData(HeapModel.TARGET), Footprint.STATIC_DATA_BYTES,
                "Footprint.STATIC_DATA_BYTES is stale: the runtime's static data changed");
        long measured = probe("static").get("static");
        long computed = staticData(HeapProbe.HOTSPOT);
        System.out.println("runtime static data: target " + Footprint.STATIC_DATA_BYTES + ", HotSpot computed "
                + computed + ", HotSpot measured " + measured);
        // the measurement (class mirrors left out) also holds what initialising the classes builds in the JDK
        // (resolved constant-pool entries and the like): the computed objects must be among what it holds
        assertTrue(computed <= measured, computed + " vs " + measured);
    }
}
