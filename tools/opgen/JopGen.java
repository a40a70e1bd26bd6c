import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates src/main/java/io/wasmlet/code/Jop.java (the JIT tier's template table) from
 * tools/opgen/jit-ops.txt, resolving each template's Wasm operator through tools/opgen/wasm-ops.txt.
 * Run from the project root: {@code java tools/opgen/JopGen.java} (writes only on change) or
 * {@code java tools/opgen/JopGen.java --check} (exit 1 when stale). Desktop JDK only; the output is
 * CLDC-compatible (int constants and String-encoded tables).
 */
public final class JopGen {
    static final String[] FORMS = {"ss", "si", "s", "brss", "brsi", "load", "store", "loadak"};

    /** Where the generated text splits: constants above (Jop.java), tables and methods below (JopTable.java). */
    static final String SPLIT = "    // ---- JopTable ----\n";

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 1 ? args[1] : ".");
        boolean check = args.length > 0 && args[0].equals("--check");
        Map<String, Integer> wasm = wasmOps(Files.readAllLines(root.resolve("tools/opgen/wasm-ops.txt")));
        String text = generate(Files.readAllLines(root.resolve("tools/opgen/jit-ops.txt")), wasm);
        int at = text.indexOf(SPLIT);
        String constants = text.substring(0, at) + "    private Jop() {\n    }\n}\n";
        String tables = "// GENERATED FILE -- DO NOT EDIT.\n// Source: tools/opgen/jit-ops.txt; generator: tools/opgen/JopGen.java.\n"
                + "package io.wasmlet.code;\n\n/**\n * The sizes and selection tables of the templates of {@link Jop}, encoded in strings.\n"
                + " * {@link Jop} holds only compile-time constants, which javac copies into the code using them,\n"
                + " * so the compact jar leaves that class out; this one is what runs.\n */\npublic final class JopTable {\n"
                + text.substring(at + SPLIT.length(), text.lastIndexOf('}'))
                + "    private JopTable() {\n    }\n}\n";
        int stale = OpGenWrite.write(root.resolve("src/main/java/io/wasmlet/code/Jop.java"), constants, check)
                + OpGenWrite.write(root.resolve("src/main/java/io/wasmlet/code/JopTable.java"), tables, check);
        if (stale > 0) {
            System.err.println("Jop.java / JopTable.java are stale: run java tools/opgen/JopGen.java");
            System.exit(1);
        }
    }

    /** Writes generated files, as OpGen.write does (a single-file program cannot call into another file). */
    static final class OpGenWrite {
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
    }

    /** Wasm mnemonic to pre-decoded opcode, numbered as OpGen numbers them. */
    static Map<String, Integer> wasmOps(List<String> lines) {
        Map<String, Integer> m = new LinkedHashMap<>();
        int internal = 0xF8;
        for (String raw : lines) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            int code;
            if (f[0].equals("-")) {
                code = internal++;
            } else if (f[0].startsWith("FC:")) {
                code = 0xE0 + Integer.parseInt(f[0].substring(3));
            } else {
                code = Integer.parseInt(f[0], 16);
            }
            m.put(f[1], code);
        }
        return m;
    }

    static String constName(String name) {
        return name.toUpperCase().replace('.', '_');
    }

    /** Octal below 256 (a \\u escape of a line break would end the literal), \\u above. */
    static String esc(int c) {
        return c < 256 ? "\\" + Integer.toOctalString(c) : String.format("\\u%04x", c);
    }

    static String generate(List<String> lines, Map<String, Integer> wasm) {
        List<String> names = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        int[][] forms = new int[FORMS.length][256];
        for (int[] f : forms) {
            java.util.Arrays.fill(f, 0);
        }
        StringBuilder consts = new StringBuilder();
        for (String raw : lines) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 4) {
                throw new IllegalArgumentException("bad row: " + raw);
            }
            int id = names.size();
            String ops = f[1].equals("-") ? "" : f[1];
            names.add(f[0]);
            operands.add(ops);
            consts.append("    /** ").append(f[0]).append(ops.isEmpty() ? "" : " " + String.join(" ", ops.split("")))
                    .append(f[3].equals("-") ? "" : " (" + f[3] + ", form " + f[2] + ")").append(". */\n");
            consts.append("    public static final int ").append(constName(f[0])).append(" = ").append(id).append(";\n");
            if (!f[2].equals("-")) {
                int form = List.of(FORMS).indexOf(f[2]);
                Integer op = wasm.get(f[3]);
                if (form < 0 || op == null) {
                    throw new IllegalArgumentException("bad form or Wasm operator: " + raw);
                }
                forms[form][op] = id + 1; // 0 = none
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("// GENERATED FILE -- DO NOT EDIT.\n");
        sb.append("// Source: tools/opgen/jit-ops.txt; generator: tools/opgen/JopGen.java.\n");
        sb.append("package io.wasmlet.code;\n\n");
        sb.append("/**\n * The JIT tier's template table: the register-style instructions the translator emits into\n");
        sb.append(" * the code cache and {@code io.wasmlet.exec.CompiledLoop} runs. Each instruction is its\n");
        sb.append(" * opcode followed by {@link JopTable#size}{@code (op) - 1} immediate ints (br_table and the float chains are variable).\n");
        sb.append(" * Slots are fp-relative, as in the interpreter's frame (see {@link Layout}).\n */\n");
        sb.append("public final class Jop {\n");
        sb.append("    /** Number of templates. */\n    public static final int TEMPLATES = ").append(names.size()).append(";\n");
        for (int i = 0; i < FORMS.length; i++) {
            sb.append("    /** Selection form ").append(FORMS[i]).append(". */\n");
            sb.append("    public static final int FORM_").append(FORMS[i].toUpperCase()).append(" = ").append(i).append(";\n");
        }
        sb.append("    /** {@link JopTable#select} result when a form has no template for an operator. */\n");
        sb.append("    public static final int NONE = -1;\n\n");
        sb.append(consts).append('\n');
        StringBuilder size = new StringBuilder();

        for (int i = 0; i < names.size(); i++) {
            size.append(esc(operands.get(i).equals("an") || operands.get(i).indexOf('m') >= 0 ? 0 : 1 + operands.get(i).length()));

        }
        sb.append(SPLIT);
        sb.append("    private static final String SIZE = \"").append(size).append("\";\n");

        sb.append("    private static final String[] FORM_TABLES = {\n");
        for (int[] f : forms) {
            // 1 = none, template id + 2 otherwise (a 0 would take two bytes in the class file);
            // each table ends at its last operator with a template
            int n = f.length;
            while (n > 0 && f[n - 1] == 0) {
                n--;
            }
            StringBuilder t = new StringBuilder();
            for (int i = 0; i < n; i++) {
                t.append(esc(f[i] + 1));
            }
            sb.append("        \"").append(t).append("\",\n");
        }
        sb.append("    };\n\n");

        sb.append("    /** Length in ints of template {@code op}, or 0 for the variable br_table. */\n");
        sb.append("    public static int size(int op) {\n        return SIZE.charAt(op);\n    }\n\n");
        sb.append("    /**\n     * The template for Wasm operator {@code wasmOp} in selection form {@code form}, or\n");
        sb.append("     * {@link Jop#NONE}. (Mnemonics and operand letters are in tools/opgen/jit-ops.txt only: the\n");
        sb.append("     * runtime never needs them, and the flashed jar is smaller without them.)\n     */\n");
        sb.append("    public static int select(int form, int wasmOp) {\n");
        sb.append("        String t = FORM_TABLES[form];\n");
        sb.append("        return wasmOp < t.length() ? t.charAt(wasmOp) - 2 : Jop.NONE;\n    }\n\n");
        sb.append("}\n");
        return sb.toString();
    }
}
