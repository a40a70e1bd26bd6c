package io.wasmlet.alloc;

import io.wasmlet.limits.ClassFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proof (b) of allocation-free execution: the execution classes contain no {@code new},
 * {@code newarray}, {@code anewarray} or {@code multianewarray} outside construction and
 * instantiation paths. Scans the CLDC class files (what is flashed). A method may allocate
 * only if it is listed here with its reason.
 */
class AllocationScanTest {
    /** Packages and classes whose code runs during an export call. */
    private static final String[] EXECUTION = {"io/wasmlet/exec/", "io/wasmlet/code/", "io/wasmlet/jit/",
            "io/wasmlet/error/Trap.class"};

    /** Classes that only run before execution (linking, instantiation, reports). */
    private static final Set<String> SETUP_CLASSES = Set.of(
            "io/wasmlet/exec/Instantiator", // instantiation
            "io/wasmlet/exec/Footprint", // footprint report and admission check, before allocation
            "io/wasmlet/exec/Imports", // linking
            "io/wasmlet/jit/Jit", // creates the tier (store construction); translate() delegates
            "io/wasmlet/jit/Tuning"); // knobs, set before the store exists

    /** Methods of execution classes that may allocate, as Class.method, each with its reason. */
    private static final Set<String> ALLOWED = Set.of(
            "io/wasmlet/exec/Store.instantiate", // instantiation
            "io/wasmlet/exec/Store.register", // gives a function its reference at link time
            "io/wasmlet/exec/Store.typeId", // canonical types, filled at instantiation
            "io/wasmlet/exec/Store.footprint", // report
            "io/wasmlet/exec/Store.invoke(Lio/wasmlet/exec/Function;[J)[J", // convenience: returns a new array
            "io/wasmlet/exec/Store.wrongArity", // argument error before any Wasm runs
            "io/wasmlet/exec/Memory.reallocate", // growth beyond capacity, only without preallocation
            "io/wasmlet/exec/Table.reallocate", // same for tables
            "io/wasmlet/exec/Instance.exportNames", // returns a copy for the embedder
            "io/wasmlet/exec/Instance.unknown", // error: no such export (embedder's lookup, not a call)
            "io/wasmlet/exec/Instance.export", // error: export of another kind
            "io/wasmlet/exec/Instance.memory()Lio/wasmlet/exec/Memory;", // error: the module has no memory
            "io/wasmlet/exec/Memory.checkArray", // error: the embedder's array is too small
            "io/wasmlet/exec/Memory.readUtf8(II)Ljava/lang/String;", // returns a new String (documented)
            "io/wasmlet/exec/Runtime.corrupt", // cannot happen with validated code
            "io/wasmlet/exec/Engine.corrupt", // cannot happen with translated code
            "io/wasmlet/exec/Engine.unmetered", // error before any Wasm runs: fuel set, code not metered
            "io/wasmlet/exec/Store.setFuel", // error: negative fuel (an embedder's setting, not a call)
            "io/wasmlet/exec/Backtrace.check", // error: no such backtrace frame (the embedder's lookup, after a trap)
            "io/wasmlet/jit/Translator.reserve"); // sizes the translator's buffers at instantiation

    @Test
    void executionPathsDoNotAllocate() throws Exception {
        Path root = Paths.get("target/cldc-classes");
        assertTrue(Files.isDirectory(root), "run the build first: target/cldc-classes is missing");
        List<String> found = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (!isExecution(rel)) {
                    continue;
                }
                String cls = rel.substring(0, rel.length() - ".class".length());
                if (SETUP_CLASSES.contains(cls) || cls.contains("$")) {
                    continue;
                }
                ClassFile cf = ClassFile.read(p);
                for (ClassFile.Member m : cf.methods) {
                    if (m.code == null || m.name.equals("<init>") || m.name.equals("<clinit>")) {
                        continue;
                    }
                    scanned++;
                    if (ALLOWED.contains(cls + "." + m.name) || ALLOWED.contains(cls + "." + m.name + m.descriptor)) {
                        continue;
                    }
                    for (int op : ClassFile.opcodes(m)) {
                        if (op == ClassFile.NEW || op == ClassFile.NEWARRAY || op == ClassFile.ANEWARRAY
                                || op == ClassFile.MULTIANEWARRAY) {
                            found.add(cls + "." + m.name + m.descriptor + " (opcode 0x" + Integer.toHexString(op) + ")");
                        }
                    }
                }
            }
        }
        assertTrue(scanned > 50, "scanned only " + scanned + " methods");
        System.out.println("allocation scan: " + scanned + " execution methods, " + found.size() + " allocating");
        assertEquals(List.of(), found, "allocation in execution paths");
    }

    private static boolean isExecution(String rel) {
        for (String e : EXECUTION) {
            if (rel.startsWith(e)) {
                return true;
            }
        }
        return false;
    }
}
