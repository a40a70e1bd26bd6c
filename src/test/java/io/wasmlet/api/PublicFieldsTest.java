package io.wasmlet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No public mutable state in the API: every public field of a public io.wasmlet class is final
 * and not an array (a final array's elements can still be written). The exceptions are listed
 * below: internal carriers that the runtime's own packages share across package lines, each
 * documented as internal and without a public constructor, and plain records an embedder fills in.
 */
class PublicFieldsTest {
    /** Documented as internal: shared by the runtime's packages, never handed to an embedder. */
    static final String[] INTERNAL = {
        "io.wasmlet.binary.ModuleData", // the decoded module as arrays, for validate and exec
        "io.wasmlet.exec.CompileJob", // one translation request, for the JIT package
    };

    /**
     * Mutable by design, documented so: a record the embedder's file system fills in (the WASI
     * layer owns one, so a stat allocates nothing), and the JIT's knobs, set before a store is made.
     */
    static final String[] RECORDS = {"io.wasmlet.wasi.FileStat", "io.wasmlet.jit.Tuning"};

    static List<Class<?>> publicClasses() throws Exception {
        Path root = Paths.get("target/classes");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("io/wasmlet"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String f = root.relativize(p).toString();
                if (!f.endsWith(".class")) {
                    continue;
                }
                String name = f.substring(0, f.length() - 6).replace('/', '.').replace('$', '.');
                Class<?> c = Class.forName(f.substring(0, f.length() - 6).replace('/', '.'), false,
                        PublicFieldsTest.class.getClassLoader());
                if (isPublic(c) && !c.isSynthetic()) {
                    out.add(c);
                }
                assertTrue(name.startsWith("io.wasmlet."), name);
            }
        }
        return out;
    }

    /** Public and, if nested, in public classes all the way out. */
    static boolean isPublic(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    static boolean internal(Class<?> c) {
        for (String n : RECORDS) {
            if (n.equals(c.getName())) {
                return true;
            }
        }
        for (String n : INTERNAL) {
            if (n.equals(c.getName())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyPublicFieldIsFinalAndNotAnArray() throws Exception {
        List<String> bad = new ArrayList<>();
        int classes = 0;
        for (Class<?> c : publicClasses()) {
            classes++;
            if (internal(c)) {
                continue;
            }
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isPublic(m) || f.isSynthetic()) {
                    continue;
                }
                if (!Modifier.isFinal(m)) {
                    bad.add(c.getName() + "." + f.getName() + ": not final");
                } else if (f.getType().isArray()) {
                    bad.add(c.getName() + "." + f.getName() + ": an array");
                }
            }
        }
        assertTrue(classes > 40, "found " + classes + " public classes");
        assertEquals(List.of(), bad);
    }

    @Test
    void theInternalCarriersAreDocumentedAsInternal() throws Exception {
        for (String n : INTERNAL) {
            Class<?> c = Class.forName(n);
            assertEquals(0, c.getConstructors().length, n + ": no public constructor");
            String source = Files.readString(Paths.get("src/main/java/" + n.replace('.', '/') + ".java"));
            assertTrue(source.contains("<b>Internal</b>"), n + ": documented as internal");
        }
    }
}
