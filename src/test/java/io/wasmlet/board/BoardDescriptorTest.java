package io.wasmlet.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.error.BoardException;
import io.wasmlet.exec.Store;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * Board descriptors with absurd values fail as they are read, naming the key and its range
 * (issue 10: they reached the runtime as NegativeArraySizeException); unknown board names fail
 * listing the known ones (issue 11: null); the desktop board follows the JVM's real heap.
 */
class BoardDescriptorTest {
    private static Board parse(String text) throws Exception {
        return Board.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The stm32f746g-disco descriptor with {@code key}'s value replaced. */
    private static String with(String key, String value) throws Exception {
        String base = Files.readString(Paths.get("mcu-boards/stm32f746g-disco.board"));
        String replaced = base.replaceFirst("(?m)^" + key.replace(".", "\\.") + " = .*$", key + " = " + value);
        assertTrue(!replaced.equals(base) || base.contains(key + " = " + value), key);
        return replaced;
    }

    @Test
    void everyNumberIsRangeChecked() throws Exception {
        String[][] keys = {
            {"clock.mhz", "[0, 1000000]"}, {"ram.kb", "[0, 2147483647]"}, {"flash.kb", "[0, 2147483647]"},
            {"external.ram.kb", "[0, 2147483647]"}, {"heap.kb", "[1, 2147483647]"},
            {"stack.slots", "[16, 268435456]"}, {"frames", "[1, 67108864]"}, {"memory.bytes", "[0, 2147483647]"},
            {"table.entries", "[0, 10000000]"}, {"counters", "[0, 16777216]"}, {"codecache.ints", "[0, 268435456]"},
            {"reentry.depth", "[1, 100000]"},
        };
        for (String[] k : keys) {
            for (String absurd : new String[] {"-1", "99999999999", "2147483648", "-2147483649", "123456789012345678901"}) {
                BoardException e = assertThrows(BoardException.class, () -> parse(with(k[0], absurd)), k[0] + absurd);
                assertEquals("board descriptor: \"" + k[0] + "\" must be in " + k[1], e.getMessage(), k[0] + " = " + absurd);
            }
            BoardException e = assertThrows(BoardException.class, () -> parse(with(k[0], "lots")));
            assertEquals("board descriptor: \"" + k[0] + "\" is not a number: lots", e.getMessage());
        }
        BoardException e = assertThrows(BoardException.class, () -> parse(with("memory.prealloc", "maybe")));
        assertEquals("board descriptor: \"memory.prealloc\" must be true or false", e.getMessage());
    }

    @Test
    void arenasMustFitTheHeap() throws Exception {
        for (String[] kv : new String[][] {{"stack.slots", "100000"}, {"frames", "1000000"},
                {"memory.bytes", "1000000"}, {"table.entries", "100000"}}) {
            BoardException e = assertThrows(BoardException.class, () -> parse(with(kv[0], kv[1])), kv[0]);
            assertEquals("board stm32f746g-disco: stack.slots * 8 + frames * 12, memory.bytes and table.entries * 4"
                    + " must each fit heap.kb * 1024", e.getMessage());
        }
        // in range and fitting: accepted, and a store can be made from it
        Board b = parse(with("stack.slots", "2048"));
        assertEquals(2048, b.stackSlots);
        assertEquals(2048, new Store(b).board().stackSlots);
    }

    @Test
    void reentryDepthDefaultsWhenAbsent() throws Exception {
        Board b = parse(Files.readString(Paths.get("mcu-boards/stm32f746g-disco.board"))
                .replaceFirst("(?m)^reentry\\.depth = .*$", ""));
        assertEquals(Board.DEFAULT_REENTRY_DEPTH, b.reentryDepth);
        assertEquals(32, Board.named("rp2040-pico").reentryDepth);
    }

    @Test
    void unknownBoardNamesFailListingTheKnownOnes() {
        BoardException e = assertThrows(BoardException.class, () -> Board.named("no-such-board"));
        assertEquals("unknown board 'no-such-board'; known boards: desktop, esp32-s3-devkitc-1-n8r8, imxrt1170-evk,"
                + " nrf52840-dk, rp2040-pico, rp2350-pico2, stm32f746g-disco, stm32h747i-disco", e.getMessage());
    }

    @Test
    void desktopBoardFollowsTheJvmHeap() {
        Board d = Board.desktop();
        long max = Runtime.getRuntime().maxMemory();
        assertEquals(Math.min(max / 1024, Integer.MAX_VALUE), d.heapKb, "heap.kb = auto is -Xmx");
        assertEquals(Math.min(d.heapKb * 768L, 32767L * 65536), d.memoryBytes, "memory.bytes = auto");
        assertEquals(65536, d.stackSlots, "a 512 KiB value stack, not 8 MiB");
        assertEquals(max, Board.hostHeapBytes());
    }
}
