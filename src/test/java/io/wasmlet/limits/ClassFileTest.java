package io.wasmlet.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The class-file reader against a class with known contents (compiled by the test build). */
class ClassFileTest {
    /** The subject: known fields and allocating instructions. */
    static class Sample {
        static String shared;
        Object a;
        int[] b;
        long c;

        Object make(int n) {
            switch (n) {
                case 0: return new Object();
                case 1: return new int[n];
                case 2: return new String[n];
                case 3: return new int[n][n];
                default: return a;
            }
        }
    }

    /** What a CLDC 1.1 VM rejects: a class literal (ldc of a class) and a lambda (invokedynamic). */
    static class Modern {
        Object literal() {
            return String.class;
        }

        Runnable lambda() {
            return () -> { };
        }
    }

    @Test
    void findsWhatCldcCannotLoad() throws IOException {
        ClassFile modern;
        try (InputStream in = ClassFileTest.class.getResourceAsStream("ClassFileTest$Modern.class")) {
            modern = new ClassFile(in.readAllBytes());
        }
        String all = String.join("\n", modern.cldc11Violations());
        assertTrue(all.contains("literal()Ljava/lang/Object; at 0: ldc of a constant of tag 7 (class literal"
                + " java/lang/String)"), all);
        assertTrue(all.contains("lambda()Ljava/lang/Runnable; at 0: invokedynamic"), all);
        assertTrue(all.contains("constant pool entry") && all.contains("of tag 18"), all);
        assertEquals(List.of(), sample().cldc11Violations());
    }

    private static ClassFile sample() throws IOException {
        try (InputStream in = ClassFileTest.class.getResourceAsStream("ClassFileTest$Sample.class")) {
            assertNotNull(in, "Sample.class not found next to the test");
            return new ClassFile(in.readAllBytes());
        }
    }

    @Test
    void readsHeaderAndFields() throws IOException {
        ClassFile cf = sample();
        assertEquals("io/wasmlet/limits/ClassFileTest$Sample", cf.name);
        assertEquals("java/lang/Object", cf.superName);
        assertTrue(cf.majorVersion >= 61, "test classes are compiled for Java 17");
        List<String> refs = new ArrayList<>();
        for (ClassFile.Member f : cf.fields) {
            if (!f.isStatic() && f.isReference()) {
                refs.add(f.name);
            }
        }
        assertEquals(List.of("a", "b"), refs);
    }

    @Test
    void listsAllocatingOpcodes() throws IOException {
        ClassFile cf = sample();
        ClassFile.Member make = null;
        for (ClassFile.Member m : cf.methods) {
            if (m.name.equals("make")) {
                make = m;
            }
        }
        assertNotNull(make);
        List<String> allocations = new ArrayList<>();
        for (ClassFile.Insn insn : ClassFile.instructions(make)) {
            switch (insn.opcode) {
                case ClassFile.NEW:
                case ClassFile.ANEWARRAY:
                case ClassFile.MULTIANEWARRAY:
                    allocations.add(ClassFile.mnemonic(insn.opcode) + " " + cf.className(insn.cpIndex));
                    break;
                case ClassFile.NEWARRAY:
                    allocations.add("newarray");
                    break;
                default:
                    break;
            }
        }
        assertEquals(List.of("new java/lang/Object", "newarray", "anewarray java/lang/String",
                "multianewarray [[I"), allocations);
        assertEquals(0, make.exceptionTableLength);
        assertTrue(make.codeLength() > 0);
    }
}
