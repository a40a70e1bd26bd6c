package io.wasmlet.limits;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shrink step of compact-profile/build.xml (ProGuard, compact-profile/shrink.pro) against
 * the classes javac wrote (target/cldc-classes): the embedding API keeps its names, the code is
 * javac's, and no string names a class that was renamed.
 */
class ShrinkTest {
    static final Path CLDC_CLASSES = Paths.get("target", "cldc-classes");
    static final Path MAPPING = Paths.get("target", "wasmlet-compact-mapping.txt");

    /**
     * The classes of the embedding API (README, "Embedding", "The JIT tier", "WASI"), which an
     * embedder compiles against: each must be in the jars by name.
     */
    static final String[] API = {
        "io/wasmlet/Version",
        "io/wasmlet/validate/Loader",
        "io/wasmlet/binary/WasmModule", "io/wasmlet/binary/FuncType", "io/wasmlet/binary/ValType",
        "io/wasmlet/binary/Limits",
        "io/wasmlet/board/Board", "io/wasmlet/board/HostHeap",
        "io/wasmlet/exec/Store", "io/wasmlet/exec/Instance", "io/wasmlet/exec/Function",
        "io/wasmlet/exec/HostFunction", "io/wasmlet/exec/Imports", "io/wasmlet/exec/Memory",
        "io/wasmlet/exec/Table", "io/wasmlet/exec/Global", "io/wasmlet/exec/Footprint",
        "io/wasmlet/exec/Compiler", "io/wasmlet/exec/InterruptSource",
        "io/wasmlet/jit/Jit", "io/wasmlet/jit/Tuning",
        "io/wasmlet/error/WasmException", "io/wasmlet/error/TrapException", "io/wasmlet/error/Trap",
        "io/wasmlet/error/MalformedException", "io/wasmlet/error/InvalidException",
        "io/wasmlet/error/UnlinkableException", "io/wasmlet/error/UninstantiableException",
        "io/wasmlet/error/ResourceLimitException", "io/wasmlet/error/ExhaustionException",
        "io/wasmlet/error/BoardException",
        "io/wasmlet/wasi/WasiPreview1", "io/wasmlet/wasi/Directory", "io/wasmlet/wasi/FileHandle",
        "io/wasmlet/wasi/FileStat", "io/wasmlet/wasi/Clock", "io/wasmlet/wasi/MillisClock",
        "io/wasmlet/wasi/Errno", "io/wasmlet/wasi/ErrnoException", "io/wasmlet/wasi/WasiExit",
    };

    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_PROTECTED = 0x0004;
    private static final int LDC = 0x12;
    private static final int LDC_W = 0x13;

    /** As javac wrote them, by internal name. */
    private static final Map<String, ClassFile> original = new TreeMap<>();
    /** As the two compact jars carry them, by (possibly new) internal name. */
    private static final Map<String, ClassFile> shrunk = new TreeMap<>();
    /** New internal name to old, from ProGuard's mapping. */
    private static final Map<String, String> oldName = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> walk = Files.walk(CLDC_CLASSES)) {
            for (Path p : (Iterable<Path>) walk.filter(p -> p.toString().endsWith(".class"))::iterator) {
                ClassFile cf = ClassFile.read(p);
                original.put(cf.name, cf);
            }
        }
        for (String jar : new String[] {"target/wasmlet-compact.jar", "target/wasmlet-compact-wasi.jar"}) {
            try (ZipFile zip = new ZipFile(jar)) {
                for (ZipEntry e : Collections.list(zip.entries())) {
                    if (e.getName().endsWith(".class")) {
                        try (InputStream in = zip.getInputStream(e)) {
                            ClassFile cf = new ClassFile(in.readAllBytes());
                            shrunk.put(cf.name, cf);
                        }
                    }
                }
            }
        }
        // class lines of the mapping: "io.wasmlet.exec.Interpreter -> io.wasmlet.exec.e:"
        for (String line : Files.readAllLines(MAPPING, StandardCharsets.UTF_8)) {
            if (!line.startsWith(" ") && line.endsWith(":") && line.contains(" -> ")) {
                String[] f = line.substring(0, line.length() - 1).split(" -> ");
                oldName.put(f[1].replace('.', '/'), f[0].replace('.', '/'));
            }
        }
        assertTrue(original.size() > 60 && shrunk.size() > 60 && oldName.size() >= shrunk.size(),
                original.size() + " classes compiled, " + shrunk.size() + " in the jars, " + oldName.size() + " mapped");
    }

    /**
     * The API keeps its names: each class in {@link #API} is in the jars under its own name, and
     * every class kept by name keeps its access flags, superclass, interfaces and each public or
     * protected member (name, descriptor, flags), and exposes no renamed class through them.
     */
    @Test
    void theEmbeddingApiKeepsItsNames() {
        List<String> bad = new ArrayList<>();
        for (String api : API) {
            if (!shrunk.containsKey(api)) {
                bad.add(api + " is not in the jars by name");
            }
        }
        int kept = 0;
        int members = 0;
        for (ClassFile now : shrunk.values()) {
            if (!now.name.equals(oldName.get(now.name)) || (now.accessFlags & ACC_PUBLIC) == 0) {
                continue;
            }
            kept++;
            ClassFile was = original.get(now.name);
            if (was.accessFlags != now.accessFlags || !String.valueOf(was.superName).equals(String.valueOf(now.superName))
                    || !was.interfaces.equals(now.interfaces)) {
                bad.add(now.name + ": flags, superclass or interfaces changed");
            }
            List<String> names = new ArrayList<>(List.of(String.valueOf(now.superName)));
            names.addAll(now.interfaces);
            for (List<ClassFile.Member>[] pair : pairs(was, now)) {
                for (ClassFile.Member m : pair[0]) {
                    if ((m.accessFlags & (ACC_PUBLIC | ACC_PROTECTED)) == 0) {
                        continue;
                    }
                    members++;
                    boolean found = false;
                    for (ClassFile.Member n : pair[1]) {
                        found |= n.name.equals(m.name) && n.descriptor.equals(m.descriptor) && n.accessFlags == m.accessFlags;
                    }
                    if (!found) {
                        bad.add(now.name + "." + m + " is gone or changed");
                    }
                    java.util.regex.Matcher c = java.util.regex.Pattern.compile("L([^;]+);").matcher(m.descriptor);
                    while (c.find()) {
                        names.add(c.group(1));
                    }
                }
            }
            for (String n : names) {
                if (n.startsWith("io/wasmlet/") && !n.equals(oldName.get(n))) {
                    bad.add(now.name + " exposes " + n + ", which the jars do not carry by that name");
                }
            }
        }
        System.out.println("shrink: " + kept + " classes and " + members + " public or protected members kept by name, "
                + (shrunk.size() - kept) + " classes renamed");
        assertNone("the embedding API after shrinking", bad);
    }

    /**
     * Shrinking renames and drops, it does not rewrite: every method in the jars has the
     * instructions, stack and locals sizes and handler count of a method of the class it came
     * from, so the bytecode (and its speed on an interpreting VM) is javac's.
     */
    @Test
    void theCodeIsJavacs() {
        List<String> bad = new ArrayList<>();
        int methods = 0;
        int dropped = 0;
        for (ClassFile now : shrunk.values()) {
            String old = oldName.get(now.name);
            ClassFile was = old == null ? null : original.get(old);
            if (was == null) {
                bad.add(now.name + " maps to no compiled class");
                continue;
            }
            List<String> left = new ArrayList<>();
            for (ClassFile.Member m : was.methods) {
                left.add(shape(m));
            }
            for (ClassFile.Member m : now.methods) {
                methods++;
                if (!left.remove(shape(m))) {
                    bad.add(now.name + " (" + old + ")." + m + " matches no method javac wrote");
                }
            }
            dropped += left.size();
        }
        System.out.println("shrink: " + methods + " methods as javac wrote them, " + dropped + " dropped as unused");
        assertTrue(methods > 500, "only " + methods + " methods");
        assertNone("methods the shrink step rewrote", bad);
    }

    /**
     * Nothing names a renamed class by string: every string constant in the jars that looks like
     * a class of the runtime ({@code Class.forName("io.wasmlet.board.Board")}, or a message such
     * as {@code io.wasmlet.binary.Limits allows}) names a class the jars carry by that name, or a
     * desktop class, which the compact jars never carry.
     */
    @Test
    void noStringNamesARenamedClass() {
        List<String> bad = new ArrayList<>();
        int named = 0;
        java.util.regex.Pattern cls = java.util.regex.Pattern.compile("io[./]wasmlet[./](?:[a-z0-9_]+[./])*[A-Z][A-Za-z0-9_]*");
        for (ClassFile cf : shrunk.values()) {
            for (int i = 1; i < cf.cpTag.length; i++) {
                if (cf.cpTag[i] != ClassFile.STRING) {
                    continue;
                }
                java.util.regex.Matcher m = cls.matcher(cf.constant(i));
                while (m.find()) {
                    named++;
                    String n = m.group().replace('.', '/');
                    if (!n.startsWith("io/wasmlet/desktop/") && !shrunk.containsKey(n)) {
                        bad.add(cf.name + " names " + m.group() + " in " + cf.constant(i));
                    }
                }
            }
        }
        assertTrue(named >= 2, "found only " + named + " class names in strings (Board.named's, Limits')");
        assertNone("strings that name a class the jars do not carry by that name", bad);
    }

    /**
     * A method's instructions (opcodes, an {@code ldc_w} read as {@code ldc}: a constant pool that
     * shrinks below 256 entries lets ProGuard write the 2-byte form of the same load) and its
     * stack, locals and handler counts.
     */
    private static String shape(ClassFile.Member m) {
        StringBuilder b = new StringBuilder("stack " + m.maxStack + " locals " + m.maxLocals
                + " handlers " + m.exceptionTableLength + " code");
        if (m.code != null) {
            for (int op : ClassFile.opcodes(m)) {
                b.append(' ').append(Integer.toHexString(op == LDC_W ? LDC : op));
            }
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<ClassFile.Member>[][] pairs(ClassFile was, ClassFile now) {
        return new List[][] {{was.fields, now.fields}, {was.methods, now.methods}};
    }

    private static void assertNone(String what, List<String> violations) {
        if (!violations.isEmpty()) {
            fail(what + ":\n  " + String.join("\n  ", violations));
        }
    }
}
