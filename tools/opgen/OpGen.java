import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates src/main/java/io/wasmlet/code/Op.java (the constants) and OpTable.java (the tables)
 * from tools/opgen/wasm-ops.txt.
 * Run from the project root: {@code java tools/opgen/OpGen.java} (writes the file only when its
 * content changes), or {@code java tools/opgen/OpGen.java --check} (exit 1 when stale).
 * Desktop JDK only; the output is CLDC-compatible (int constants and String-encoded tables).
 */
public final class OpGen {
    static final int FC_BASE = 0xE0;
    static final int INTERNAL_BASE = 0xF8;
    static final String[] IMM_KINDS = {"none", "block", "label", "labels", "func", "call_indirect", "local",
            "global", "table", "memarg", "i32", "i64", "f32", "f64", "memidx", "reftype", "select_t", "data",
            "elem", "memory_init", "table_init", "table_copy", "memory_copy"};

    /** Where the generated text splits: constants above (Op.java), tables and methods below (OpTable.java). */
    static final String SPLIT = "    // ---- OpTable ----\n";

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 1 ? args[1] : ".");
        boolean check = args.length > 0 && args[0].equals("--check");
        String text = generate(Files.readAllLines(root.resolve("tools/opgen/wasm-ops.txt")));
        int at = text.indexOf(SPLIT);
        String constants = text.substring(0, at) + "\n    private Op() {\n    }\n}\n";
        String tables = "// GENERATED FILE -- DO NOT EDIT.\n// Source: tools/opgen/wasm-ops.txt; generator: tools/opgen/OpGen.java.\n"
                + "package io.wasmlet.code;\n\n/**\n * The static properties of the opcodes of {@link Op}, as tables encoded in strings (one\n"
                + " * char per opcode), to keep class initialisation and heap small on CLDC VMs. {@link Op} holds\n"
                + " * only compile-time constants, which javac copies into the code using them, so the compact\n"
                + " * jar leaves that class out; this one is what runs.\n */\npublic final class OpTable {"
                + text.substring(at + SPLIT.length(), text.lastIndexOf('}'))
                + "\n    private OpTable() {\n    }\n}\n";
        int stale = write(root.resolve("src/main/java/io/wasmlet/code/Op.java"), constants, check)
                + write(root.resolve("src/main/java/io/wasmlet/code/OpTable.java"), tables, check);
        if (stale > 0) {
            System.err.println("Op.java / OpTable.java are stale: run java tools/opgen/OpGen.java");
            System.exit(1);
        }
    }

    /** Writes {@code text} to {@code out} if it differs; with {@code check}, only says whether it does (1) or not (0). */
    static int write(Path out, String text, boolean check) throws IOException {
        String old = Files.exists(out) ? Files.readString(out) : "";
        if (old.equals(text)) {
            System.out.println(out.getFileName() + " is up to date");
            return 0;
        }
        if (!check) {
            Files.writeString(out, text, StandardCharsets.UTF_8);
            System.out.println("wrote " + out);
        }
        return check ? 1 : 0;
    }

    static String generate(List<String> lines) {
        String[] names = new String[512];
        int[] imm = new int[512];
        int[] size = new int[512];
        String[] sig = new String[512];
        List<String> consts = new ArrayList<>();
        int nextInternal = INTERNAL_BASE;
        for (String raw : lines) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 5) {
                throw new IllegalArgumentException("bad row: " + raw);
            }
            int code;
            String comment;
            if (f[0].equals("-")) {
                code = nextInternal++;
                comment = "internal";
            } else if (f[0].startsWith("FC:")) {
                code = FC_BASE + Integer.parseInt(f[0].substring(3));
                comment = "0xFC " + f[0].substring(3);
            } else {
                code = Integer.parseInt(f[0], 16);
                comment = "0x" + f[0];
            }
            if (names[code] != null) {
                throw new IllegalArgumentException("duplicate code in row: " + raw);
            }
            names[code] = f[1];
            int k = List.of(IMM_KINDS).indexOf(f[2]);
            if (k < 0) {
                throw new IllegalArgumentException("unknown immediate kind: " + raw);
            }
            imm[code] = k;
            size[code] = f[3].equals("V") ? 0xFE : Integer.parseInt(f[3]);
            sig[code] = f[4];
            String id = f[1].toUpperCase().replace('.', '_');
            consts.add(String.format("    /** %s, Wasm %s. */%n    public static final int %s = 0x%02X;%n",
                    f[1], comment, id, code));
        }
        StringBuilder sb = new StringBuilder();
        sb.append("// GENERATED FILE -- DO NOT EDIT.\n");
        sb.append("// Source: tools/opgen/wasm-ops.txt; generator: tools/opgen/OpGen.java.\n");
        sb.append("package io.wasmlet.code;\n\n");
        sb.append("/**\n * Opcode numbers of the pre-decoded code (their static properties are in OpTable; mnemonics are in\n");
        sb.append(" * tools/opgen/wasm-ops.txt only: the runtime never needs them). Single-byte Wasm\n");
        sb.append(" * opcodes keep their value, the 0xFC page starts at {@link #FC_BASE}, internal\n");
        sb.append(" * instructions start at {@link #INTERNAL_BASE}. Compile-time constants only: javac copies\n");
        sb.append(" * them into the code that uses them, so the compact jar leaves this class out; the tables\n");
        sb.append(" * are in {@link OpTable}.\n */\n");
        sb.append("public final class Op {\n");
        sb.append("    public static final int FC_BASE = 0x" + Integer.toHexString(FC_BASE).toUpperCase() + ";\n");
        sb.append("    public static final int INTERNAL_BASE = 0x" + Integer.toHexString(INTERNAL_BASE).toUpperCase() + ";\n");
        sb.append("    /** One past the highest opcode. */\n");
        sb.append("    public static final int LIMIT = 0x" + Integer.toHexString(nextInternal).toUpperCase() + ";\n");
        sb.append("    /** {@link OpTable#size} of a variable-length instruction. */\n");
        sb.append("    public static final int VARIABLE = 0xFE;\n\n");
        for (int i = 0; i < IMM_KINDS.length; i++) {
            sb.append("    public static final int IMM_" + IMM_KINDS[i].toUpperCase() + " = " + i + ";\n");
        }
        sb.append("    /** Signature type codes: 0 none, 1 i32, 2 i64, 3 f32, 4 f64, 15 checked by hand. */\n");
        sb.append("    public static final int SIG_HAND = 15;\n\n");
        for (String c : consts) {
            sb.append(c);
        }
        StringBuilder immS = new StringBuilder(), sizeS = new StringBuilder(), sigS = new StringBuilder();
        for (int c = 0; c < nextInternal; c++) {
            if (names[c] == null) {
                immS.append(esc(0xFF));
                sizeS.append(esc(0));
                sigS.append(esc(0)).append(esc(0)).append(esc(0)).append(esc(0));
                continue;
            }
            immS.append(esc(imm[c]));
            sizeS.append(esc(size[c]));
            String s = sig[c];
            int[] codes = new int[4];
            if (s.equals("*")) {
                codes[3] = 15;
                codes[0] = 15;
            } else {
                String[] io = s.split(":", -1);
                for (int k = 0; k < io[0].length(); k++) {
                    codes[k] = typeCode(io[0].charAt(k));
                }
                codes[3] = io[1].isEmpty() ? 0 : typeCode(io[1].charAt(0));
            }
            for (int v : codes) {
                sigS.append(esc(v));
            }
        }
        sb.append(SPLIT);
        sb.append("\n    private static final String IMM = \"").append(immS).append("\";\n");
        sb.append("    private static final String SIZE = \"").append(sizeS).append("\";\n");
        sb.append("    private static final String SIG = \"").append(sigS).append("\";\n");
        sb.append('\n');

        sb.append("    /** True if {@code op} is an opcode of the table. */\n");
        sb.append("    public static boolean exists(int op) {\n        return op >= 0 && op < Op.LIMIT && IMM.charAt(op) != 0xFF;\n    }\n\n");
        sb.append("    /** The Wasm immediate kind ({@code IMM_*}). */\n");
        sb.append("    public static int imm(int op) {\n        return IMM.charAt(op);\n    }\n\n");
        sb.append("    /** Length in chars (16-bit units) of the pre-decoded instruction, or {@link Op#VARIABLE}. */\n");
        sb.append("    public static int size(int op) {\n        return SIZE.charAt(op);\n    }\n\n");
        sb.append("    /** Type code of input {@code k} (0..2) of a table-checked op; 0 = none. */\n");
        sb.append("    public static int sigIn(int op, int k) {\n        return SIG.charAt(op * 4 + k);\n    }\n\n");
        sb.append("    /** Type code of the output of a table-checked op, 0 = none, {@link Op#SIG_HAND} = by hand. */\n");
        sb.append("    public static int sigOut(int op) {\n        return SIG.charAt(op * 4 + 3);\n    }\n}\n");
        return sb.toString();
    }

    static int typeCode(char c) {
        switch (c) {
            case 'i': return 1;
            case 'l': return 2;
            case 'f': return 3;
            case 'd': return 4;
            default: throw new IllegalArgumentException("bad type char " + c);
        }
    }

    static String esc(int v) {
        // octal escapes: a \\u escape of a line feed or quote would break the literal
        return String.format("\\%o", v);
    }
}
