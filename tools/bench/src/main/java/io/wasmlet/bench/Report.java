package io.wasmlet.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Turns {@code raw-hotspot.tsv} and {@code raw-xint.tsv} (whichever exist) of a results directory
 * into a report and one chart PNG per mode, in that directory:
 * {@code Report [--root DIR] [--dir RESULTS] [--command TEXT]}. The directory defaults to
 * {@code tools/bench/results}, whose report is {@code latest.md} (the committed one, written by
 * full runs only); any other directory (a subset run's) gets {@code report.md}.
 */
public final class Report {
    private Report() {
    }

    /** The chart's colours, in {@link Runtimes#ALL} order (native is not plotted: it is the base). */
    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b),
    };

    /** The references of the summary table, in its column order. */
    private static final String[] SUMMARY_REFERENCES = {"chicory", "chicory-compiler", "native", "node"};

    public static void main(String[] args) throws IOException {
        Path root = null;
        String command = "tools/bench/run.sh";
        Path resultsDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Paths.get(args[++i]);
                case "--command" -> command = args[++i];
                case "--dir" -> resultsDir = Paths.get(args[++i]).toAbsolutePath().normalize();
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        root = root != null ? root.toAbsolutePath().normalize() : Bench.findRoot();
        Path committed = root.resolve("tools/bench/results");
        Path dir = resultsDir != null ? resultsDir : committed;
        boolean full = dir.equals(committed);
        String reportName = full ? "latest.md" : "report.md";
        StringBuilder md = new StringBuilder();
        md.append(full ? "# wasmlet benchmark: latest results\n\n" : "# wasmlet benchmark: subset run\n\n");
        md.append("Produced by `").append(command).append("` (raw data: `raw-hotspot.tsv`, `raw-xint.tsv` beside "
                + "this file). Each runtime runs each workload of `tests/workloads/` in its own process: a fresh JVM "
                + "per Java runtime, the gcc binary, node.\n\n");
        md.append("- **instantiate**: decode + validate + instantiate, in a fresh process (so it includes loading "
                + "the runtime's classes). Not applicable to native.\n");
        md.append("- **first**: the first call of `run(n)` (on HotSpot and V8 this includes JIT warm-up).\n");
        md.append("- **steady**: the median of the other calls. All ratios divide steady-state medians: "
                + "a ratio above 1 means wasmlet is slower by that factor.\n");
        md.append("- Every call's checksum is checked (against `tests/workloads/checksums.txt`); a wrong or "
                + "failed run is shown as such and left out of the ratios.\n\n");

        String[][] modes = {{"hotspot", "HotSpot (default JVM flags)"}, {"xint", "Interpreted JVM (-Xint)"}};
        summary(md, dir, modes);
        boolean any = false;
        for (String[] mode : modes) {
            Path raw = dir.resolve("raw-" + mode[0] + ".tsv");
            if (!Files.exists(raw)) {
                continue;
            }
            any = true;
            Results res = Results.read(raw);
            section(md, res, mode[1]);
            String png = "chart-" + mode[0] + ".png";
            if (chart(res, mode[1], dir.resolve(png))) {
                md.append("![").append(mode[1]).append(": steady-state time relative to native](").append(png)
                        .append(")\n\n");
            }
        }
        if (!any) {
            System.err.println("no raw results in " + dir);
            System.exit(1);
        }
        Files.writeString(dir.resolve(reportName), md.toString(), StandardCharsets.UTF_8);
        System.out.println("wrote " + root.relativize(dir.resolve(reportName)));
    }

    /** Geometric means of every subject / reference ratio, one line per mode. */
    private static void summary(StringBuilder md, Path dir, String[][] modes) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (String[] mode : modes) {
            Path raw = dir.resolve("raw-" + mode[0] + ".tsv");
            if (!Files.exists(raw)) {
                continue;
            }
            Results res = Results.read(raw);
            List<String> ws = res.workloads();
            for (Runtimes.Runtime s : present(res)) {
                if (s.role() != Runtimes.Role.SUBJECT) {
                    continue;
                }
                lines.append("| ").append(mode[1]).append(" | ").append(res.meta.getOrDefault("n", "")).append(" | ")
                        .append(s.name()).append(" |");
                for (String ref : SUMMARY_REFERENCES) {
                    double g = geomean(res, ws, s.name(), ref);
                    lines.append(' ').append(g > 0 ? fmtRatio(g) + speed(g) : "–").append(" |");
                }
                lines.append('\n');
            }
        }
        if (lines.length() > 0) {
            md.append("## Summary: geometric means of the steady-state time ratios\n\n");
            md.append("| mode | n | runtime |");
            for (String ref : SUMMARY_REFERENCES) {
                md.append(" / ").append(ref).append(" |");
            }
            md.append("\n|---|---|---|").append("---:|".repeat(SUMMARY_REFERENCES.length)).append('\n');
            md.append(lines).append('\n');
            md.append("Under -Xint only the JVM runtimes are interpreted: native and node run as usual, with the same "
                    + "small n (their calls then take tens of microseconds), so there the ratios to native and node "
                    + "mostly price an interpreting JVM, and the comparison that matters is the one with Chicory.\n\n");
        }
    }

    private static String speed(double ratio) {
        return ratio < 1 ? " (" + fmtRatio(1 / ratio) + "× faster)" : "";
    }

    private static List<Runtimes.Runtime> present(Results res) {
        List<Runtimes.Runtime> out = new ArrayList<>();
        for (Runtimes.Runtime rt : Runtimes.ALL) {
            for (Results.Row r : res.rows) {
                if (r.runtime().equals(rt.name()) && r.status() != Results.Status.ABSENT) {
                    out.add(rt);
                    break;
                }
            }
        }
        return out;
    }

    private static void section(StringBuilder md, Results res, String title) {
        List<Runtimes.Runtime> rts = present(res);
        List<String> ws = res.workloads();
        md.append("## ").append(title).append("\n\n");
        md.append("Run ").append(res.meta.getOrDefault("date", "?")).append(" on ")
                .append(res.meta.getOrDefault("machine", "?")).append("; ")
                .append(res.meta.getOrDefault("java", "?")).append(" (JVM flags: ")
                .append(res.meta.getOrDefault("jvm_flags", "?")).append("), node ")
                .append(res.meta.getOrDefault("node", "?")).append(", gcc ").append(res.meta.getOrDefault("gcc", "?"))
                .append(", Chicory ").append(res.meta.getOrDefault("chicory", "?")).append(". n = ")
                .append(res.meta.getOrDefault("n", "?")).append(" for every runtime; ")
                .append(res.meta.getOrDefault("iterations", "?")).append(" calls per process; ")
                .append(res.meta.getOrDefault("wall_s", "?")).append(" s in all; load average (1, 5, 15 min) ")
                .append(res.meta.getOrDefault("load_start", "?")).append(" before, ")
                .append(res.meta.getOrDefault("load_end", "?")).append(" after.\n\n");
        if (!"all".equals(res.meta.getOrDefault("workloads", "all")) || !"all".equals(res.meta.getOrDefault("runtimes", "all"))) {
            md.append("Subset: workloads ").append(res.meta.getOrDefault("workloads", "all")).append("; runtimes ")
                    .append(res.meta.getOrDefault("runtimes", "all")).append(".\n\n");
        }

        // Steady state and ratios.
        List<String[]> pairs = new ArrayList<>();
        for (Runtimes.Runtime s : rts) {
            if (s.role() == Runtimes.Role.SUBJECT) {
                for (Runtimes.Runtime r : rts) {
                    if (r != s) {
                        pairs.add(new String[] {s.name(), r.name()});
                    }
                }
            }
        }
        md.append("Steady state, median ms per call of `run(n)`:\n\n| workload | n |");
        for (Runtimes.Runtime rt : rts) {
            md.append(' ').append(rt.name()).append(" |");
        }
        for (String[] p : pairs) {
            md.append(' ').append(p[0]).append(" / ").append(p[1]).append(" |");
        }
        md.append("\n|---|---:|");
        md.append("---:|".repeat(rts.size() + pairs.size())).append('\n');
        for (String w : ws) {
            Results.Row any = res.find(w, rts.get(0).name());
            md.append("| ").append(w).append(" | ").append(any == null ? "" : any.n()).append(" |");
            for (Runtimes.Runtime rt : rts) {
                Results.Row r = res.find(w, rt.name());
                md.append(' ').append(cell(r)).append(" |");
            }
            for (String[] p : pairs) {
                double v = ratio(res.find(w, p[0]), res.find(w, p[1]));
                md.append(' ').append(v > 0 ? fmtRatio(v) : "–").append(" |");
            }
            md.append('\n');
        }
        md.append("| **geometric mean** | |");
        for (Runtimes.Runtime rt : rts) {
            double g = geomean(res, ws, rt.name(), null);
            md.append(' ').append(g > 0 ? "**" + fmtMs(g / 1e6) + "**" : "–").append(" |");
        }
        for (String[] p : pairs) {
            double g = geomean(res, ws, p[0], p[1]);
            md.append(' ').append(g > 0 ? "**" + fmtRatio(g) + "**" : "–").append(" |");
        }
        md.append("\n\n");
        md.append("(The geometric means of times cover each runtime's OK workloads; those of ratios only the "
                + "workloads both runtimes passed.)\n\n");

        // Instantiate and first call.
        md.append("Instantiate and first call, ms (steady state repeated for comparison):\n\n| workload |");
        StringBuilder sep = new StringBuilder("|---|");
        for (Runtimes.Runtime rt : rts) {
            if (rt.kind() == Runtimes.Kind.NATIVE) {
                md.append(' ').append(rt.name()).append(" first |");
                sep.append("---:|");
            } else {
                md.append(' ').append(rt.name()).append(" instantiate | first | steady |");
                sep.append("---:|---:|---:|");
            }
        }
        md.append('\n').append(sep).append('\n');
        for (String w : ws) {
            md.append("| ").append(w).append(" |");
            for (Runtimes.Runtime rt : rts) {
                Results.Row r = res.find(w, rt.name());
                boolean ok = r != null && r.status() == Results.Status.OK;
                if (rt.kind() == Runtimes.Kind.NATIVE) {
                    md.append(' ').append(ok ? fmtMs(r.firstNs() / 1e6) : cell(r)).append(" |");
                } else {
                    md.append(' ').append(ok && r.instantiateNs() >= 0 ? fmtMs(r.instantiateNs() / 1e6) : cell(r))
                            .append(" | ").append(ok ? fmtMs(r.firstNs() / 1e6) : "").append(" | ")
                            .append(ok ? fmtMs(r.medianNs() / 1e6) : "").append(" |");
                }
            }
            md.append('\n');
        }
        md.append('\n');

        // Failures, spelled out.
        boolean header = false;
        for (Results.Row r : res.rows) {
            if (r.status() != Results.Status.OK) {
                if (!header) {
                    md.append("Not OK:\n\n");
                    header = true;
                }
                md.append("- ").append(r.workload()).append(" on ").append(r.runtime()).append(": ")
                        .append(r.status()).append(r.message() == null ? "" : " (" + r.message() + ")").append('\n');
            }
        }
        if (header) {
            md.append('\n');
        }
    }

    private static String cell(Results.Row r) {
        if (r == null) {
            return "–";
        }
        if (r.status() != Results.Status.OK) {
            return r.status() == Results.Status.ABSENT ? "n/a" : "**" + r.status() + "**";
        }
        return fmtMs(r.medianNs() / 1e6);
    }

    /** Steady-state a / b, or -1 if either is missing or not OK. */
    private static double ratio(Results.Row a, Results.Row b) {
        if (a == null || b == null || a.status() != Results.Status.OK || b.status() != Results.Status.OK) {
            return -1;
        }
        return (double) a.medianNs() / Math.max(1, b.medianNs());
    }

    /** Geometric mean of a's steady times (b == null) or of the ratios a / b over the workloads. */
    static double geomean(Results res, List<String> ws, String a, String b) {
        double logSum = 0;
        int count = 0;
        for (String w : ws) {
            Results.Row ra = res.find(w, a);
            double v;
            if (b == null) {
                v = ra != null && ra.status() == Results.Status.OK ? ra.medianNs() : -1;
            } else {
                v = ratio(ra, res.find(w, b));
            }
            if (v > 0) {
                logSum += Math.log(v);
                count++;
            }
        }
        return count == 0 ? -1 : Math.exp(logSum / count);
    }

    static String fmtMs(double ms) {
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%.0f", ms);
        }
        if (ms >= 10) {
            return String.format(Locale.ROOT, "%.1f", ms);
        }
        return String.format(Locale.ROOT, "%.2f", ms);
    }

    /** Three significant digits (0.0152, 0.29, 62.1, 796), no exponent. */
    static String fmtRatio(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(v)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A grouped bar chart: per workload, each runtime's steady time / native's, on a log axis. */
    private static boolean chart(Results res, String title, Path png) throws IOException {
        List<Runtimes.Runtime> rts = present(res);
        String base = "native";
        if (rts.stream().noneMatch(r -> r.name().equals(base))) {
            return false;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> ws = res.workloads();
        List<Color> colors = new ArrayList<>();
        for (int i = 0; i < rts.size(); i++) {
            Runtimes.Runtime rt = rts.get(i);
            if (rt.name().equals(base)) {
                continue;
            }
            colors.add(COLORS[Runtimes.ALL.indexOf(rt) % COLORS.length]);
            for (String w : ws) {
                double v = ratio(res.find(w, rt.name()), res.find(w, base));
                data.addValue(v > 0 ? v : null, rt.name(), w);
            }
            double g = geomean(res, ws, rt.name(), base);
            data.addValue(g > 0 ? g : null, rt.name(), "GEOMEAN");
        }
        JFreeChart chart = ChartFactory.createBarChart(
                title + ": steady-state time relative to native gcc -O2 (log scale; lower is faster)",
                null, "× native time", data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xbbbbbb));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        LogAxis axis = new LogAxis("× native time (log scale)");
        axis.setBase(10);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.#"));
        double max = 1;
        double min = 1;
        for (Object row : data.getRowKeys()) {
            for (Object col : data.getColumnKeys()) {
                Number v = data.getValue((Comparable<?>) row, (Comparable<?>) col);
                if (v != null) {
                    max = Math.max(max, v.doubleValue());
                    min = Math.min(min, v.doubleValue());
                }
            }
        }
        double lower = Math.pow(10, Math.floor(Math.log10(min * 0.8)));
        axis.setSmallestValue(lower);
        axis.setRange(lower, Math.pow(10, Math.ceil(Math.log10(max * 1.5))));
        plot.setRangeAxis(axis);
        CategoryAxis cats = plot.getDomainAxis();
        cats.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        cats.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        r.setBase(lower);
        // value labels on the GEOMEAN group only (the tables have every number)
        r.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset d, int row, int column) {
                Number v = d.getValue(row, column);
                return "GEOMEAN".equals(d.getColumnKey(column)) && v != null ? fmtRatio(v.doubleValue()) : null;
            }
        });
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        for (int i = 0; i < colors.size(); i++) {
            r.setSeriesPaint(i, colors.get(i));
        }
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1400, 700);
        return true;
    }
}
