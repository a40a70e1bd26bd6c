package io.wasmlet.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wasmlet.binary.WasmModule;
import io.wasmlet.error.ResourceLimitException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * Loading from a stream reads exactly the module whatever the stream's {@code available()} says:
 * exact (one array, no copy), too small, too large or zero, with the size limit kept in each case.
 */
class LoaderStreamTest {
    /** A stream that reads like {@code in} but reports {@code available} before the first read and at most 7 bytes a read. */
    static InputStream claiming(byte[] bytes, int available) {
        return new ByteArrayInputStream(bytes) {
            boolean read;

            @Override
            public synchronized int available() {
                return read ? super.available() : available;
            }

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                read = true;
                return super.read(b, off, Math.min(len, 7));
            }

            @Override
            public synchronized int read() {
                read = true;
                return super.read();
            }
        };
    }

    @Test
    void readsTheWholeModuleWhateverAvailableSays() throws IOException {
        byte[] bytes = Files.readAllBytes(Paths.get("tests/programs/board/wc.wasm"));
        int funcs = Loader.load(bytes).numFuncs();
        for (int claim : new int[] {bytes.length, 0, 1, 100, bytes.length - 1, bytes.length + 1, bytes.length * 3}) {
            WasmModule m = Loader.load(claiming(bytes, claim), Loader.MAX_INPUT_BYTES, 0);
            assertEquals(funcs, m.numFuncs(), "available() = " + claim);
        }
    }

    @Test
    void theLimitHoldsWhateverAvailableSays() {
        byte[] bytes = new byte[1000];
        for (int claim : new int[] {0, 999, 1000, 1001, 5000}) {
            ResourceLimitException e = assertThrows(ResourceLimitException.class,
                    () -> Loader.load(claiming(bytes, claim), 999, 0), "available() = " + claim);
            assertEquals("module larger than the limit of 999 bytes", e.getMessage());
        }
    }
}
