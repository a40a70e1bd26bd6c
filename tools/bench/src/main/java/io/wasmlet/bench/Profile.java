package io.wasmlet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the execution samples of a JFR-format recording of a {@link Runner} process (as
 * written by async-profiler or JDK Flight Recorder):
 * {@code Profile FILE.jfr [--interpreter-source Interpreter.java] [--skip-seconds S] [--top K]}.
 * Counts only the samples of the thread running {@link Runner#main} (JIT compiler and GC threads
 * run on the other core) and prints three views, each as share of those samples:
 * <ol>
 * <li>top frame (the method running when sampled; HotSpot reports inlined methods as their own
 * frames);
 * <li>wasm operator: the {@code case Op.X:} label of the dispatch loop line that was running
 * (the innermost frame of Interpreter.execute; helpers it called count for its operator). Needs
 * the source of the Interpreter the jar was built from;
 * <li>top frame and line.
 * </ol>
 * {@code --skip-seconds} drops the samples of the first S seconds (warm-up on HotSpot).
 *
 * <p>Caveats. The top-frame view is sound in both regimes. The line and operator views are
 * approximate in C2-compiled code (code motion; run with -XX:+DebugNonSafepoints) and wrong under
 * -Xint: an interpreted frame's bytecode pointer is only saved at calls, so samples there land on
 * the last call site executed (the memory helpers), not on the bytecode running.
 */
public final class Profile {
    private Profile() {
    }

    public static void main(String[] args) throws IOException {
        Path jfr = null;
        Path source = null;
        double skip = 0;
        int top = 15;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--interpreter-source" -> source = Paths.get(args[++i]);
                case "--skip-seconds" -> skip = Double.parseDouble(args[++i]);
                case "--top" -> top = Integer.parseInt(args[++i]);
                default -> jfr = Paths.get(args[i]);
            }
        }
        if (jfr == null) {
            System.err.println("usage: Profile FILE.jfr [--interpreter-source Interpreter.java] [--skip-seconds S] [--top K]");
            System.exit(2);
        }
        String[] caseAt = source == null ? null : caseLabels(source);

        List<RecordedEvent> samples = new ArrayList<>();
        Instant first = null;
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null) {
                samples.add(e);
                if (first == null || e.getStartTime().isBefore(first)) {
                    first = e.getStartTime();
                }
            }
        }
        Map<String, Integer> byMethod = new HashMap<>();
        Map<String, Integer> byOp = new HashMap<>();
        Map<String, Integer> byLine = new HashMap<>();
        int total = 0;
        int skipped = 0;
        int otherThreads = 0;
        for (RecordedEvent e : samples) {
            if (Duration.between(first, e.getStartTime()).toMillis() < skip * 1000) {
                skipped++;
                continue;
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st.getFrames().isEmpty() || !onMainThread(st)) {
                otherThreads++;
                continue;
            }
            total++;
            RecordedFrame top0 = st.getFrames().get(0);
            String m = name(top0);
            byMethod.merge(m, 1, Integer::sum);
            byLine.merge(m + ":" + top0.getLineNumber(), 1, Integer::sum);
            String op = "(not in Interpreter.execute)";
            for (RecordedFrame f : st.getFrames()) {
                if (f.isJavaFrame() && f.getMethod().getType().getName().equals("io.wasmlet.exec.Interpreter")
                        && f.getMethod().getName().equals("execute")) {
                    int line = f.getLineNumber();
                    op = caseAt == null ? "line " + line
                            : line > 0 && line < caseAt.length && caseAt[line] != null ? caseAt[line] : "line " + line;
                    break;
                }
            }
            byOp.merge(op, 1, Integer::sum);
        }
        System.out.printf("%s: %d samples of the main thread (%d dropped as warm-up, %d of other threads)%n",
                jfr.getFileName(), total, skipped, otherThreads);
        print("top frame (self time)", byMethod, total, top);
        print("wasm operator (innermost Interpreter.execute line, helpers included)", byOp, total, top);
        print("top frame and line", byLine, total, top);
    }

    private static boolean onMainThread(RecordedStackTrace st) {
        List<RecordedFrame> frames = st.getFrames();
        for (int i = frames.size() - 1; i >= 0; i--) {
            RecordedFrame f = frames.get(i);
            if (f.isJavaFrame() && f.getMethod().getType().getName().equals(Runner.class.getName())) {
                return true;
            }
        }
        return false;
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        type = type.substring(type.lastIndexOf('.') + 1);
        return type + "." + f.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top) {
        System.out.println();
        System.out.println(title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("  %5.1f%%  %6d  %s%n", 100.0 * e.getValue() / total, e.getValue(),
                        e.getKey()));
    }

    /** For each line of the dispatch loop source, the case label(s) it belongs to. */
    static String[] caseLabels(Path source) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        String[] at = new String[lines.size() + 1];
        Pattern casePat = Pattern.compile("^\\s*case\\s+Op\\.(\\w+)\\s*:");
        String current = null;
        boolean lastWasCase = false;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = casePat.matcher(lines.get(i));
            if (m.find()) {
                current = lastWasCase && current != null ? current + "/" + m.group(1) : m.group(1);
                lastWasCase = true;
            } else {
                lastWasCase = false;
                if (lines.get(i).matches("^\\s*switch\\s*\\(code\\[pc\\+\\+\\]\\).*")) {
                    current = "(dispatch: switch)";
                } else if (lines.get(i).matches("^\\s*while\\s*\\(true\\).*")) {
                    current = "(dispatch: loop)";
                }
            }
            at[i + 1] = current;
        }
        return at;
    }
}
