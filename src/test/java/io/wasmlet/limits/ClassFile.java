package io.wasmlet.limits;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A small reader for JVM class files (JVMS chapter 4), enough for checking the compact profile
 * against a target VM: the constant pool, fields, methods, each method's Code attribute (code
 * bytes, exception table length) and a walk over a method's instructions.
 *
 * <p>Test code only; full JDK. Usage: {@code ClassFile cf = ClassFile.read(path);} then
 * {@code cf.methods}, {@code m.code}, {@code cf.instructions(m)}, {@code cf.className(index)}.
 */
public final class ClassFile {
    // Constant pool tags.
    public static final int UTF8 = 1;
    public static final int INTEGER = 3;
    public static final int FLOAT = 4;
    public static final int LONG = 5;
    public static final int DOUBLE = 6;
    public static final int CLASS = 7;
    public static final int STRING = 8;
    public static final int FIELDREF = 9;
    public static final int METHODREF = 10;
    public static final int INTERFACE_METHODREF = 11;
    public static final int NAME_AND_TYPE = 12;
    public static final int METHOD_HANDLE = 15;
    public static final int METHOD_TYPE = 16;
    public static final int DYNAMIC = 17;
    public static final int INVOKE_DYNAMIC = 18;
    public static final int MODULE = 19;
    public static final int PACKAGE = 20;

    // Access flags.
    public static final int ACC_STATIC = 0x0008;
    public static final int ACC_INTERFACE = 0x0200;
    public static final int ACC_ABSTRACT = 0x0400;

    // Opcodes a scan typically looks for.
    public static final int NEW = 0xBB;
    public static final int NEWARRAY = 0xBC;
    public static final int ANEWARRAY = 0xBD;
    public static final int MULTIANEWARRAY = 0xC5;
    public static final int INVOKEVIRTUAL = 0xB6;
    public static final int INVOKESPECIAL = 0xB7;
    public static final int INVOKESTATIC = 0xB8;
    public static final int INVOKEINTERFACE = 0xB9;
    public static final int INVOKEDYNAMIC = 0xBA;

    public final int minorVersion;
    public final int majorVersion;
    /** Constant pool tags by index; 0 for the unusable slots (index 0, after LONG/DOUBLE). */
    public final int[] cpTag;
    /** Per entry: the Utf8 text, or null. */
    private final String[] cpUtf8;
    /** Per entry: first u2 reference (CLASS name, STRING, *REF class, NAME_AND_TYPE name, ...). */
    private final int[] cpRef1;
    /** Per entry: second u2 reference (*REF name-and-type, NAME_AND_TYPE descriptor). */
    private final int[] cpRef2;
    public final int accessFlags;
    /** Internal name, e.g. {@code io/wasmlet/exec/Store}. */
    public final String name;
    /** Internal name of the superclass, null for java/lang/Object. */
    public final String superName;
    public final List<String> interfaces;
    public final List<Member> fields;
    public final List<Member> methods;
    /** Size of the class file in bytes. */
    public final int size;

    /** A field or a method. */
    public static final class Member {
        public final int accessFlags;
        public final String name;
        public final String descriptor;
        /** Methods with a body: the bytecode; otherwise null. */
        public final byte[] code;
        /** Methods with a body: number of exception-table entries; otherwise 0. */
        public final int exceptionTableLength;
        public final int maxStack;
        public final int maxLocals;

        Member(int accessFlags, String name, String descriptor, byte[] code, int exceptionTableLength,
               int maxStack, int maxLocals) {
            this.accessFlags = accessFlags;
            this.name = name;
            this.descriptor = descriptor;
            this.code = code;
            this.exceptionTableLength = exceptionTableLength;
            this.maxStack = maxStack;
            this.maxLocals = maxLocals;
        }

        public boolean isStatic() {
            return (accessFlags & ACC_STATIC) != 0;
        }

        /** A field whose type is a class, interface or array. */
        public boolean isReference() {
            return descriptor.startsWith("L") || descriptor.startsWith("[");
        }

        public int codeLength() {
            return code == null ? 0 : code.length;
        }

        @Override
        public String toString() {
            return name + descriptor;
        }
    }

    /** One instruction: its offset in the code, opcode, and the u2 constant-pool operand if it has one (else -1). */
    public static final class Insn {
        public final int offset;
        public final int opcode;
        public final int cpIndex;

        Insn(int offset, int opcode, int cpIndex) {
            this.offset = offset;
            this.opcode = opcode;
            this.cpIndex = cpIndex;
        }

        @Override
        public String toString() {
            return offset + ": " + mnemonic(opcode) + (cpIndex >= 0 ? " #" + cpIndex : "");
        }
    }

    public static ClassFile read(Path path) throws IOException {
        return new ClassFile(Files.readAllBytes(path));
    }

    public ClassFile(byte[] bytes) throws IOException {
        size = bytes.length;
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file (bad magic)");
        }
        minorVersion = in.readUnsignedShort();
        majorVersion = in.readUnsignedShort();
        int count = in.readUnsignedShort();
        cpTag = new int[count];
        cpUtf8 = new String[count];
        cpRef1 = new int[count];
        cpRef2 = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            cpTag[i] = tag;
            switch (tag) {
                case UTF8:
                    cpUtf8[i] = in.readUTF();
                    break;
                case INTEGER:
                case FLOAT:
                    in.readInt();
                    break;
                case LONG:
                case DOUBLE:
                    in.readLong();
                    i++; // takes two slots
                    break;
                case CLASS:
                case STRING:
                case METHOD_TYPE:
                case MODULE:
                case PACKAGE:
                    cpRef1[i] = in.readUnsignedShort();
                    break;
                case FIELDREF:
                case METHODREF:
                case INTERFACE_METHODREF:
                case NAME_AND_TYPE:
                case DYNAMIC:
                case INVOKE_DYNAMIC:
                    cpRef1[i] = in.readUnsignedShort();
                    cpRef2[i] = in.readUnsignedShort();
                    break;
                case METHOD_HANDLE:
                    cpRef1[i] = in.readUnsignedByte();
                    cpRef2[i] = in.readUnsignedShort();
                    break;
                default:
                    throw new IOException("unknown constant pool tag " + tag + " at index " + i);
            }
        }
        accessFlags = in.readUnsignedShort();
        name = className(in.readUnsignedShort());
        int superIndex = in.readUnsignedShort();
        superName = superIndex == 0 ? null : className(superIndex);
        int n = in.readUnsignedShort();
        List<String> ifs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ifs.add(className(in.readUnsignedShort()));
        }
        interfaces = Collections.unmodifiableList(ifs);
        fields = readMembers(in);
        methods = readMembers(in);
        // Class attributes are not needed; skip them.
        int attrs = in.readUnsignedShort();
        for (int i = 0; i < attrs; i++) {
            in.readUnsignedShort();
            skip(in, in.readInt());
        }
    }

    private List<Member> readMembers(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        List<Member> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int flags = in.readUnsignedShort();
            String memberName = utf8(in.readUnsignedShort());
            String descriptor = utf8(in.readUnsignedShort());
            byte[] code = null;
            int exceptions = 0;
            int maxStack = 0;
            int maxLocals = 0;
            int attrs = in.readUnsignedShort();
            for (int a = 0; a < attrs; a++) {
                String attrName = utf8(in.readUnsignedShort());
                int length = in.readInt();
                if (attrName.equals("Code")) {
                    maxStack = in.readUnsignedShort();
                    maxLocals = in.readUnsignedShort();
                    int codeLength = in.readInt();
                    code = new byte[codeLength];
                    in.readFully(code);
                    exceptions = in.readUnsignedShort();
                    skip(in, exceptions * 8);
                    int codeAttrs = in.readUnsignedShort();
                    for (int c = 0; c < codeAttrs; c++) {
                        in.readUnsignedShort();
                        skip(in, in.readInt());
                    }
                } else {
                    skip(in, length);
                }
            }
            list.add(new Member(flags, memberName, descriptor, code, exceptions, maxStack, maxLocals));
        }
        return Collections.unmodifiableList(list);
    }

    private static void skip(DataInputStream in, int n) throws IOException {
        if (n < 0 || in.skipBytes(n) != n) {
            throw new IOException("truncated class file");
        }
    }

    // ---- constant pool -----------------------------------------------------------------

    public String utf8(int index) {
        check(index, UTF8);
        return cpUtf8[index];
    }

    /** The internal name of a CONSTANT_Class entry, e.g. {@code java/lang/String} or {@code [I}. */
    public String className(int index) {
        check(index, CLASS);
        return utf8(cpRef1[index]);
    }

    /** Every class this one names in its constant pool (CONSTANT_Class entries), internal names. */
    public List<String> classRefs() {
        List<String> out = new ArrayList<>();
        for (int i = 1; i < cpTag.length; i++) {
            if (cpTag[i] == CLASS) {
                out.add(className(i));
            }
        }
        return out;
    }

    /** Every field and method this one refers to, as {@link #memberRef} renders them. */
    public List<String> memberRefs() {
        List<String> out = new ArrayList<>();
        for (int i = 1; i < cpTag.length; i++) {
            if (cpTag[i] == FIELDREF || cpTag[i] == METHODREF || cpTag[i] == INTERFACE_METHODREF) {
                out.add(memberRef(i));
            }
        }
        return out;
    }

    /** For a Fieldref/Methodref/InterfaceMethodref: {@code owner.name:descriptor}. */
    public String memberRef(int index) {
        int tag = cpTag[index];
        if (tag != FIELDREF && tag != METHODREF && tag != INTERFACE_METHODREF) {
            throw new IllegalArgumentException("constant " + index + " is not a member reference (tag " + tag + ")");
        }
        int nat = cpRef2[index];
        return className(cpRef1[index]) + "." + utf8(cpRef1[nat]) + ":" + utf8(cpRef2[nat]);
    }

    /** A readable rendering of any constant, for messages. */
    public String constant(int index) {
        switch (cpTag[index]) {
            case UTF8: return cpUtf8[index];
            case CLASS: return className(index);
            case STRING: return "\"" + utf8(cpRef1[index]) + "\"";
            case FIELDREF:
            case METHODREF:
            case INTERFACE_METHODREF: return memberRef(index);
            case NAME_AND_TYPE: return utf8(cpRef1[index]) + ":" + utf8(cpRef2[index]);
            case INVOKE_DYNAMIC: return "indy #" + cpRef1[index] + " " + utf8(cpRef1[cpRef2[index]]);
            default: return "#" + index + " (tag " + cpTag[index] + ")";
        }
    }

    private void check(int index, int tag) {
        if (index <= 0 || index >= cpTag.length || cpTag[index] != tag) {
            throw new IllegalArgumentException("constant " + index + " is not of tag " + tag);
        }
    }

    // ---- CLDC 1.1 ------------------------------------------------------------------------

    /**
     * What in this class a CLDC 1.1 VM (class files up to version 48) cannot load or run:
     * constant-pool entries added after Java 6 (MethodHandle, MethodType, Dynamic,
     * InvokeDynamic, Module, Package), {@code invokedynamic}, an {@code ldc}/{@code ldc_w} of a
     * Class, MethodType, MethodHandle or Dynamic constant (a class literal compiles to one from
     * version 49 on), and any opcode outside the JVM's instruction set (0x00-0xC9 minus 0xBA).
     */
    public List<String> cldc11Violations() {
        List<String> bad = new ArrayList<>();
        for (int i = 1; i < cpTag.length; i++) {
            int tag = cpTag[i];
            if (tag == METHOD_HANDLE || tag == METHOD_TYPE || tag == DYNAMIC || tag == INVOKE_DYNAMIC
                    || tag == MODULE || tag == PACKAGE) {
                bad.add(name + ": constant pool entry #" + i + " of tag " + tag);
            }
        }
        for (Member m : methods) {
            List<Insn> insns;
            try {
                insns = instructions(m);
            } catch (IllegalArgumentException e) {
                bad.add(name + "." + m + ": " + e.getMessage());
                continue;
            }
            for (Insn insn : insns) {
                int op = insn.opcode;
                if (op == INVOKEDYNAMIC) {
                    bad.add(name + "." + m + " at " + insn.offset + ": invokedynamic");
                } else if (op == 0x12 || op == 0x13 || op == 0x14) {
                    int tag = cpTag[insn.cpIndex];
                    if (tag == CLASS || tag == METHOD_TYPE || tag == METHOD_HANDLE || tag == DYNAMIC) {
                        bad.add(name + "." + m + " at " + insn.offset + ": " + mnemonic(op) + " of a constant of tag "
                                + tag + (tag == CLASS ? " (class literal " + className(insn.cpIndex) + ")" : ""));
                    }
                }
            }
        }
        return bad;
    }

    // ---- bytecode ----------------------------------------------------------------------

    /** The opcodes of a method's bytecode in order; empty for abstract and native methods. */
    public static int[] opcodes(Member method) {
        List<Insn> insns = instructions(method);
        int[] ops = new int[insns.size()];
        for (int i = 0; i < ops.length; i++) {
            ops[i] = insns.get(i).opcode;
        }
        return ops;
    }

    /** The instructions of a method's bytecode in order; empty for abstract and native methods. */
    public static List<Insn> instructions(Member method) {
        byte[] code = method.code;
        List<Insn> list = new ArrayList<>();
        if (code == null) {
            return list;
        }
        int pc = 0;
        while (pc < code.length) {
            int op = code[pc] & 0xFF;
            int cp = -1;
            int len;
            switch (op) {
                case 0xAA: { // tableswitch
                    int p = (pc + 4) & ~3;
                    int low = s4(code, p + 4);
                    int high = s4(code, p + 8);
                    len = p - pc + 12 + 4 * (high - low + 1);
                    break;
                }
                case 0xAB: { // lookupswitch
                    int p = (pc + 4) & ~3;
                    int npairs = s4(code, p + 4);
                    len = p - pc + 8 + 8 * npairs;
                    break;
                }
                case 0xC4: { // wide
                    int inner = code[pc + 1] & 0xFF;
                    len = inner == 0x84 ? 6 : 4; // iinc: index u2 + const s2
                    break;
                }
                default:
                    len = LENGTH[op];
                    if (len <= 0) {
                        throw new IllegalArgumentException("unknown opcode 0x" + Integer.toHexString(op)
                                + " at " + pc + " in " + method);
                    }
                    if (HAS_CP_U2[op]) {
                        cp = ((code[pc + 1] & 0xFF) << 8) | (code[pc + 2] & 0xFF);
                    } else if (op == 0x12) { // ldc: u1 index
                        cp = code[pc + 1] & 0xFF;
                    }
            }
            list.add(new Insn(pc, op, cp));
            pc += len;
        }
        return list;
    }

    private static int s4(byte[] b, int p) {
        return (b[p] << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }

    public static String mnemonic(int opcode) {
        String m = opcode >= 0 && opcode < MNEMONICS.length ? MNEMONICS[opcode] : null;
        return m == null ? "op_0x" + Integer.toHexString(opcode) : m;
    }

    /** Instruction length in bytes by opcode (0 = undefined or variable-length). */
    private static final int[] LENGTH = new int[256];
    /** Opcodes whose first operand is a u2 constant-pool index. */
    private static final boolean[] HAS_CP_U2 = new boolean[256];
    private static final String[] MNEMONICS = new String[256];

    private static void def(int op, String mnemonic, int length) {
        MNEMONICS[op] = mnemonic;
        LENGTH[op] = length;
    }

    static {
        String[] one = {
            "nop", "aconst_null", "iconst_m1", "iconst_0", "iconst_1", "iconst_2", "iconst_3", "iconst_4",
            "iconst_5", "lconst_0", "lconst_1", "fconst_0", "fconst_1", "fconst_2", "dconst_0", "dconst_1",
        };
        for (int i = 0; i < one.length; i++) {
            def(i, one[i], 1);
        }
        def(0x10, "bipush", 2);
        def(0x11, "sipush", 3);
        def(0x12, "ldc", 2);
        def(0x13, "ldc_w", 3);
        def(0x14, "ldc2_w", 3);
        String[] typed = {"i", "l", "f", "d", "a"};
        for (int t = 0; t < 5; t++) {
            def(0x15 + t, typed[t] + "load", 2);
            def(0x36 + t, typed[t] + "store", 2);
            for (int k = 0; k < 4; k++) {
                def(0x1A + t * 4 + k, typed[t] + "load_" + k, 1);
                def(0x3B + t * 4 + k, typed[t] + "store_" + k, 1);
            }
        }
        String[] arrays = {"i", "l", "f", "d", "a", "b", "c", "s"};
        for (int t = 0; t < 8; t++) {
            def(0x2E + t, arrays[t] + "aload", 1);
            def(0x4F + t, arrays[t] + "astore", 1);
        }
        String[] stack = {"pop", "pop2", "dup", "dup_x1", "dup_x2", "dup2", "dup2_x1", "dup2_x2", "swap"};
        for (int i = 0; i < stack.length; i++) {
            def(0x57 + i, stack[i], 1);
        }
        String[] arith = {"add", "sub", "mul", "div", "rem", "neg"};
        String[] num = {"i", "l", "f", "d"};
        for (int a = 0; a < arith.length; a++) {
            for (int t = 0; t < 4; t++) {
                def(0x60 + a * 4 + t, num[t] + arith[a], 1);
            }
        }
        String[] bits = {"ishl", "lshl", "ishr", "lshr", "iushr", "lushr", "iand", "land", "ior", "lor", "ixor", "lxor"};
        for (int i = 0; i < bits.length; i++) {
            def(0x78 + i, bits[i], 1);
        }
        def(0x84, "iinc", 3);
        String[] conv = {"i2l", "i2f", "i2d", "l2i", "l2f", "l2d", "f2i", "f2l", "f2d", "d2i", "d2l", "d2f",
            "i2b", "i2c", "i2s", "lcmp", "fcmpl", "fcmpg", "dcmpl", "dcmpg"};
        for (int i = 0; i < conv.length; i++) {
            def(0x85 + i, conv[i], 1);
        }
        String[] branch = {"ifeq", "ifne", "iflt", "ifge", "ifgt", "ifle", "if_icmpeq", "if_icmpne", "if_icmplt",
            "if_icmpge", "if_icmpgt", "if_icmple", "if_acmpeq", "if_acmpne", "goto", "jsr"};
        for (int i = 0; i < branch.length; i++) {
            def(0x99 + i, branch[i], 3);
        }
        def(0xA9, "ret", 2);
        MNEMONICS[0xAA] = "tableswitch";
        MNEMONICS[0xAB] = "lookupswitch";
        String[] ret = {"ireturn", "lreturn", "freturn", "dreturn", "areturn", "return"};
        for (int i = 0; i < ret.length; i++) {
            def(0xAC + i, ret[i], 1);
        }
        def(0xB2, "getstatic", 3);
        def(0xB3, "putstatic", 3);
        def(0xB4, "getfield", 3);
        def(0xB5, "putfield", 3);
        def(INVOKEVIRTUAL, "invokevirtual", 3);
        def(INVOKESPECIAL, "invokespecial", 3);
        def(INVOKESTATIC, "invokestatic", 3);
        def(INVOKEINTERFACE, "invokeinterface", 5);
        def(INVOKEDYNAMIC, "invokedynamic", 5);
        def(NEW, "new", 3);
        def(NEWARRAY, "newarray", 2);
        def(ANEWARRAY, "anewarray", 3);
        def(0xBE, "arraylength", 1);
        def(0xBF, "athrow", 1);
        def(0xC0, "checkcast", 3);
        def(0xC1, "instanceof", 3);
        def(0xC2, "monitorenter", 1);
        def(0xC3, "monitorexit", 1);
        MNEMONICS[0xC4] = "wide";
        def(MULTIANEWARRAY, "multianewarray", 4);
        def(0xC6, "ifnull", 3);
        def(0xC7, "ifnonnull", 3);
        def(0xC8, "goto_w", 5);
        def(0xC9, "jsr_w", 5);

        int[] cpU2 = {0x13, 0x14, 0xB2, 0xB3, 0xB4, 0xB5, INVOKEVIRTUAL, INVOKESPECIAL, INVOKESTATIC,
            INVOKEINTERFACE, INVOKEDYNAMIC, NEW, ANEWARRAY, 0xC0, 0xC1, MULTIANEWARRAY};
        for (int op : cpU2) {
            HAS_CP_U2[op] = true;
        }
    }
}
