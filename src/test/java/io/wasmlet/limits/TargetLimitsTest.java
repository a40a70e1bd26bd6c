package io.wasmlet.limits;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the compact profile as compiled for CLDC (target/cldc-classes, written by the build's
 * {@code cldc-core} step) and as shrunk into the jars that get flashed (the same classes renamed by
 * ProGuard, compact-profile/shrink.pro) against the limits of the target JVMs:
 * <ul>
 *   <li>class-file major version 51 (Java 7), what the CLDC compile must emit;</li>
 *   <li>at most {@value #MAX_REFERENCE_FIELDS} instance reference fields per class, counting those
 *       inherited from project superclasses;</li>
 *   <li>at most {@value #MAX_CODE_LENGTH} bytes of bytecode per method and at most
 *       {@value #MAX_EXCEPTION_ENTRIES} exception-table entries per method.</li>
 * </ul>
 */
class TargetLimitsTest {
    static final int EXPECTED_MAJOR = 51;
    static final int MAX_REFERENCE_FIELDS = 31;
    static final int MAX_CODE_LENGTH = 65535;
    static final int MAX_EXCEPTION_ENTRIES = 63;

    static final Path CLDC_CLASSES = Paths.get("target", "cldc-classes");

    /** Every class of the compact profile, by internal name. */
    private static final Map<String, ClassFile> classes = new TreeMap<>();
    /** Every class of the two compact jars (shrunk, renamed), by internal name. */
    private static final Map<String, ClassFile> jarClasses = new TreeMap<>();

    @BeforeAll
    static void readClasses() throws IOException {
        if (!Files.isDirectory(CLDC_CLASSES)) {
            fail(CLDC_CLASSES.toAbsolutePath() + " is missing: it is written by the build's cldc-core step"
                    + " (phase process-classes); run the tests through Maven, e.g. 'mvn -B verify'");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CLDC_CLASSES)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        assertTrue(!files.isEmpty(), CLDC_CLASSES + " holds no class files: the CLDC compile produced nothing");
        long total = 0;
        for (Path p : files) {
            ClassFile cf;
            try {
                cf = ClassFile.read(p);
            } catch (IOException | RuntimeException e) {
                throw new AssertionError("cannot read " + p + ": " + e, e);
            }
            classes.put(cf.name, cf);
            total += cf.size;
        }
        System.out.println("compact profile (" + CLDC_CLASSES + "): " + classes.size() + " classes, "
                + total + " bytes of class files");
        long jarTotal = 0;
        for (String jar : new String[] {"target/wasmlet-compact.jar", "target/wasmlet-compact-wasi.jar"}) {
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar)) {
                for (java.util.zip.ZipEntry e : java.util.Collections.list(zip.entries())) {
                    if (e.getName().endsWith(".class")) {
                        try (java.io.InputStream in = zip.getInputStream(e)) {
                            ClassFile cf = new ClassFile(in.readAllBytes());
                            jarClasses.put(cf.name, cf);
                            jarTotal += cf.size;
                        }
                    }
                }
            }
        }
        System.out.println("compact jars: " + jarClasses.size() + " classes, " + jarTotal + " bytes of class files");
    }

    /** The classes as compiled and as shrunk into the jars: each check runs on both. */
    private static List<Map<String, ClassFile>> bothForms() {
        assertTrue(jarClasses.size() > 40, "the compact jars hold only " + jarClasses.size() + " classes");
        return List.of(classes, jarClasses);
    }

    @Test
    void classFilesAreJava7() {
        List<String> bad = new ArrayList<>();
        for (Map<String, ClassFile> form : bothForms()) {
            for (ClassFile cf : form.values()) {
                if (cf.majorVersion != EXPECTED_MAJOR) {
                    bad.add(cf.name + " has major version " + cf.majorVersion);
                }
            }
        }
        assertNone("class files not at major version " + EXPECTED_MAJOR, bad);
    }

    @Test
    void instanceReferenceFieldsWithinLimit() {
        List<String> bad = new ArrayList<>();
        for (Map<String, ClassFile> form : bothForms()) {
            for (ClassFile cf : form.values()) {
                int count = 0;
                // Walk up the superclass chain while it stays inside the project.
                for (ClassFile c = cf; c != null; c = c.superName == null ? null : form.get(c.superName)) {
                    for (ClassFile.Member f : c.fields) {
                        if (!f.isStatic() && f.isReference()) {
                            count++;
                        }
                    }
                }
                if (count > MAX_REFERENCE_FIELDS) {
                    bad.add(cf.name + " has " + count + " instance reference fields (with project superclasses)");
                }
            }
        }
        assertNone("classes over " + MAX_REFERENCE_FIELDS + " instance reference fields", bad);
    }

    @Test
    void methodsWithinCodeLimits() {
        List<String> bad = new ArrayList<>();
        for (Map<String, ClassFile> form : bothForms()) {
            for (ClassFile cf : form.values()) {
                for (ClassFile.Member m : cf.methods) {
                    if (m.codeLength() > MAX_CODE_LENGTH) {
                        bad.add(cf.name + "." + m + " has " + m.codeLength() + " bytes of code");
                    }
                    if (m.exceptionTableLength > MAX_EXCEPTION_ENTRIES) {
                        bad.add(cf.name + "." + m + " has " + m.exceptionTableLength + " exception-table entries");
                    }
                }
            }
        }
        assertNone("methods over the code limits (" + MAX_CODE_LENGTH + " bytes, " + MAX_EXCEPTION_ENTRIES
                + " exception-table entries)", bad);
    }

    /**
     * HotSpot never JIT-compiles a method over 8,000 bytes of bytecode ({@code HugeMethodLimit},
     * PERF-NOTES.md): a dispatch loop that grows past it silently runs interpreted on desktop JVMs,
     * several times slower. The two loops are checked as the desktop build compiled them.
     */
    @Test
    void dispatchLoopsStayUnderHotSpotsHugeMethodLimit() throws IOException {
        List<String> bad = new ArrayList<>();
        String[] loops = {"io/wasmlet/exec/Interpreter", "io/wasmlet/exec/CompiledLoop"};
        for (String cls : loops) {
            ClassFile cf = ClassFile.read(Paths.get("target", "classes", cls + ".class"));
            boolean found = false;
            for (ClassFile.Member m : cf.methods) {
                if (m.name.equals("run")) {
                    found = true;
                    System.out.println(cls + ".run: " + m.codeLength() + " bytes of bytecode (limit 8000)");
                    if (m.codeLength() > 8000) {
                        bad.add(cls + "." + m + " has " + m.codeLength() + " bytes of code");
                    }
                }
            }
            assertTrue(found, cls + " has no run method");
        }
        assertNone("dispatch loops over HotSpot's 8,000-byte HugeMethodLimit", bad);
    }

    @Test
    void bytecodeWalksCleanly() {
        // Every method's instructions decode: keeps ClassFile honest for the scans that reuse it.
        for (ClassFile cf : classes.values()) {
            for (ClassFile.Member m : cf.methods) {
                int[] ops = ClassFile.opcodes(m);
                assertTrue(m.code == null || ops.length > 0, cf.name + "." + m + " decoded to no instructions");
            }
        }
    }

    /**
     * The jars people flash, read as they are packed: nothing a CLDC 1.1 VM cannot load
     * ({@link ClassFile#cldc11Violations}; issue 11: {@code Board.class} was an ldc of a class
     * constant), and the core jar carries every board descriptor for {@code Board.named}.
     */
    @Test
    void compactJarsUseOnlyCldc11Bytecode() throws IOException {
        List<String> bad = new ArrayList<>();
        int scanned = 0;
        for (String jar : new String[] {"target/wasmlet-compact.jar", "target/wasmlet-compact-wasi.jar"}) {
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar)) {
                for (java.util.zip.ZipEntry e : java.util.Collections.list(zip.entries())) {
                    if (e.getName().endsWith(".class")) {
                        try (java.io.InputStream in = zip.getInputStream(e)) {
                            bad.addAll(new ClassFile(in.readAllBytes()).cldc11Violations());
                        }
                        scanned++;
                    }
                }
            }
        }
        assertTrue(scanned > 40, "scanned only " + scanned + " classes");
        assertNone("bytecode outside CLDC 1.1 in the compact jars", bad);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile("target/wasmlet-compact.jar")) {
            java.util.zip.ZipEntry boards = zip.getEntry("mcu-boards/all.boards");
            assertTrue(boards != null, "the compact jar lacks mcu-boards/all.boards");
            String text = new String(zip.getInputStream(boards).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            try (Stream<Path> files = Files.list(Paths.get("mcu-boards"))) {
                for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".board"))::iterator) {
                    String n = p.getFileName().toString().replace(".board", "");
                    assertTrue(text.contains("name=" + n + "\n"), "all.boards lacks " + n);
                }
            }
        }
    }

    /**
     * The core jar is complete: every class its classes name is in it or is the platform's
     * ({@code java/...}). javac copies the compile-time constants of {@code code/Op} and
     * {@code code/Jop} into the code using them, so the unshrunk jar (target/cldc-plain, the
     * input of the shrink step) carries an empty class of each name: this fails if any class
     * refers to a member of either. The shrink step drops both, since no instruction uses them.
     */
    @Test
    void theCompactJarNamesNoClassItLacks() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String jar : new String[] {"target/cldc-plain/wasmlet-compact.jar", "target/wasmlet-compact.jar"}) {
            boolean plain = jar.contains("cldc-plain");
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar)) {
                java.util.Set<String> have = new java.util.HashSet<>();
                for (java.util.zip.ZipEntry e : java.util.Collections.list(zip.entries())) {
                    if (e.getName().endsWith(".class")) {
                        have.add(e.getName().substring(0, e.getName().length() - 6));
                    }
                }
                assertTrue(have.size() > 40, jar + " holds only " + have.size() + " classes");
                for (String stub : new String[] {"io/wasmlet/code/Op.class", "io/wasmlet/code/Jop.class"}) {
                    java.util.zip.ZipEntry e = zip.getEntry(stub);
                    assertTrue(plain == (e != null), jar + (plain ? " lacks " : " still carries ") + stub);
                    if (e != null) {
                        try (java.io.InputStream in = zip.getInputStream(e)) {
                            assertTrue(new ClassFile(in.readAllBytes()).fields.isEmpty(), stub + " is the empty stub");
                        }
                    }
                }
                for (java.util.zip.ZipEntry e : java.util.Collections.list(zip.entries())) {
                    if (e.getName().endsWith(".class")) {
                        try (java.io.InputStream in = zip.getInputStream(e)) {
                            ClassFile cf = new ClassFile(in.readAllBytes());
                            for (String m : cf.memberRefs()) {
                                if (m.startsWith("io/wasmlet/code/Op.") || m.startsWith("io/wasmlet/code/Jop.")) {
                                    missing.add(jar + ": " + e.getName() + " uses " + m + ", which the jar's stub lacks");
                                }
                            }
                            for (String c : cf.classRefs()) {
                                String base = c.replaceAll("^\\[+L?|;$", "");
                                if (!base.startsWith("java/") && base.length() > 1 && !have.contains(base)) {
                                    missing.add(jar + ": " + e.getName() + " names " + c);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertNone("classes the compact jar names but lacks", missing);
    }

    private static void assertNone(String what, List<String> violations) {
        if (!violations.isEmpty()) {
            fail(what + ":\n  " + String.join("\n  ", violations));
        }
    }
}
