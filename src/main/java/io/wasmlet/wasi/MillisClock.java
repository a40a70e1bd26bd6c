package io.wasmlet.wasi;

/**
 * The default {@link Clock}, built on {@code System.currentTimeMillis()} alone because CLDC 1.1
 * has no {@code nanoTime}. Every clock has a resolution of one millisecond (1,000,000 ns):
 * <ul>
 * <li>{@link #REALTIME}: the wall clock;</li>
 * <li>{@link #MONOTONIC}: the wall clock held from ever going backwards (if the wall clock is
 * set back, the monotonic clock stands still until it catches up again);</li>
 * <li>{@link #PROCESS_CPUTIME} and {@link #THREAD_CPUTIME}: the monotonic time elapsed since this
 * clock was created (CLDC cannot measure CPU time; on a single-program board the two agree).</li>
 * </ul>
 */
public final class MillisClock implements Clock {
    private static final long NS_PER_MS = 1000000L;
    private final long startMillis;
    private long lastMillis;

    /** A clock whose process and thread times start now. */
    public MillisClock() {
        startMillis = System.currentTimeMillis();
        lastMillis = startMillis;
    }

    public long time(int id) {
        long now = System.currentTimeMillis();
        switch (id) {
            case REALTIME:
                return now * NS_PER_MS;
            case MONOTONIC:
                return monotonic(now) * NS_PER_MS;
            case PROCESS_CPUTIME:
            case THREAD_CPUTIME:
                return (monotonic(now) - startMillis) * NS_PER_MS;
            default:
                return -1;
        }
    }

    public long resolution(int id) {
        return id >= REALTIME && id <= THREAD_CPUTIME ? NS_PER_MS : -1;
    }

    private synchronized long monotonic(long now) {
        if (now > lastMillis) {
            lastMillis = now;
        }
        return lastMillis;
    }
}
