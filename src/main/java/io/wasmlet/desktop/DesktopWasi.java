package io.wasmlet.desktop;

import io.wasmlet.wasi.WasiPreview1;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * WASI for a desktop JVM in one call: what the command line gives a program, for an embedder.
 *
 * <pre>
 * WasiPreview1 wasi = DesktopWasi.create("prog.wasm", "arg");  // SecureRandom, clocks, System streams
 * DesktopWasi.preopen(wasi, Paths.get("data"), "/data");        // optional: a host directory
 * </pre>
 */
public final class DesktopWasi {
    private DesktopWasi() {
    }

    /**
     * A {@link WasiPreview1} with these arguments ({@code argv[0]} first), {@code random_get}
     * from {@link SecureRandom}, the wall, monotonic and CPU clocks of this JVM, and
     * {@code System.in}, {@code System.out} and {@code System.err} as the standard streams (set
     * others with {@code stdin}/{@code stdout}/{@code stderr}). No environment, no directories.
     */
    public static WasiPreview1 create(String... argv) {
        return new WasiPreview1()
                .args(argv)
                .stdin(System.in)
                .stdout(System.out)
                .stderr(System.err)
                .clock(new DesktopClock())
                .random(new SecureRandom());
    }

    /**
     * Grants the program the host directory {@code host}, which it sees as {@code guest},
     * through a {@link HostDirectory} (a directory handle: paths are walked beneath it, and links
     * and {@code ..} that lead out are refused).
     *
     * @return the descriptor number
     * @throws IOException if {@code host} is not an existing directory
     */
    public static int preopen(WasiPreview1 wasi, Path host, String guest) throws IOException {
        if (!Files.isDirectory(host)) {
            throw new NotDirectoryException(host.toString());
        }
        return wasi.preopen(guest, HostDirectory.open(host));
    }
}
