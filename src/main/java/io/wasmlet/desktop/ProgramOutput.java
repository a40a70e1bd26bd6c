package io.wasmlet.desktop;

import io.wasmlet.wasi.WasiExit;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The command line's stdout or stderr as the program sees it. Every write error reaches WASI
 * as an {@link IOException} (so the program gets {@code EIO} or {@code ENOSPC}), even from a
 * {@link PrintStream}, which would hide it; except a closed pipe, which stops the program with
 * exit status {@link Main#BROKEN_PIPE}, as SIGPIPE stops a native program: {@code yes | head -1}
 * then ends even when the program ignores the error.
 */
final class ProgramOutput extends OutputStream {
    private final OutputStream out;

    ProgramOutput(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
        check();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw failed(e);
        }
        check();
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
        check();
    }

    private void check() throws IOException {
        if (out instanceof PrintStream && ((PrintStream) out).checkError()) {
            throw new IOException("write error");
        }
    }

    private static IOException failed(IOException e) {
        if (brokenPipe(e)) {
            throw new WasiExit(Main.BROKEN_PIPE);
        }
        return e;
    }

    static boolean brokenPipe(IOException e) {
        String m = e.getMessage();
        return m != null && (m.contains("Broken pipe") || m.contains("pipe is being closed")
                || m.contains("pipe has been ended"));
    }
}
