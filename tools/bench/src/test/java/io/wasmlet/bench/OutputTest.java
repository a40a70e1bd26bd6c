package io.wasmlet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a run writes: a subset never touches results/ (the committed latest.md, charts, raw files). */
class OutputTest {
    @TempDir
    Path root;

    private Path results() throws IOException {
        Files.createDirectories(root.resolve("tests/workloads"));
        Files.writeString(root.resolve("tests/workloads/checksums.txt"), "crc32 10 1 400 2\n");
        Path results = root.resolve("tools/bench/results");
        Files.createDirectories(results);
        return results;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aSubsetRunWritesItsOwnDirectory() throws Exception {
        Path results = results();
        // no workload matches: nothing is timed, but the raw file and the report are written
        Bench.main(new String[] {"--root", root.toString(), "--workloads", "none"});
        List<Path> made = list(results);
        assertEquals(1, made.size(), made.toString());
        Path subset = made.get(0);
        assertTrue(subset.getFileName().toString().startsWith("subset-"), subset.toString());
        assertTrue(Files.exists(subset.resolve("raw-hotspot.tsv")));

        Report.main(new String[] {"--root", root.toString(), "--dir", subset.toString()});
        assertTrue(Files.exists(subset.resolve("report.md")));
        assertFalse(Files.exists(results.resolve("latest.md")), "a subset report is not latest.md");
        assertFalse(Files.exists(results.resolve("raw-hotspot.tsv")));
    }

    @Test
    void theFullRunWritesLatest() throws Exception {
        Path results = results();
        Bench.main(new String[] {"--root", root.toString(), "--out-dir", results.toString(), "--workloads", "none"});
        Report.main(new String[] {"--root", root.toString()});
        assertTrue(Files.exists(results.resolve("raw-hotspot.tsv")));
        assertTrue(Files.readString(results.resolve("latest.md")).startsWith("# wasmlet benchmark: latest results"));
    }
}
