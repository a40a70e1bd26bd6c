package io.wasmlet.desktop;

import io.wasmlet.wasi.Clock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;

/**
 * The command line's WASI {@link Clock}: the wall clock from {@link Instant} (microseconds on
 * Linux), monotonic time from {@link System#nanoTime()}, and CPU time from the JVM's thread
 * bean where it measures it (the program runs on the calling thread, so process and thread CPU
 * time are the same), else the monotonic time since start.
 */
final class DesktopClock implements Clock {
    private final long origin = System.nanoTime();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean cpu = threads.isCurrentThreadCpuTimeSupported();

    @Override
    public long time(int id) {
        switch (id) {
            case REALTIME: {
                Instant now = Instant.now();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }
            case MONOTONIC:
                return System.nanoTime() - origin;
            case PROCESS_CPUTIME:
            case THREAD_CPUTIME:
                return cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime() - origin;
            default:
                return -1;
        }
    }

    @Override
    public long resolution(int id) {
        switch (id) {
            case REALTIME:
                return 1_000L;
            case MONOTONIC:
            case PROCESS_CPUTIME:
            case THREAD_CPUTIME:
                return 1L;
            default:
                return -1;
        }
    }
}
