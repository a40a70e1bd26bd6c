package io.wasmlet.wasi;

/**
 * The time source of {@code clock_time_get}, {@code clock_res_get} and {@code poll_oneoff}.
 * Clock ids are WASI's: {@link #REALTIME}, {@link #MONOTONIC}, {@link #PROCESS_CPUTIME} and
 * {@link #THREAD_CPUTIME}. The default is {@link MillisClock}; an embedder with a better timer
 * (the desktop's {@code System.nanoTime}, a board's cycle counter) supplies its own.
 */
public interface Clock {
    /** WASI clock id: the wall clock. */
    int REALTIME = 0;
    /** WASI clock id: a clock that never goes backwards. */
    int MONOTONIC = 1;
    /** WASI clock id: CPU time of the process. */
    int PROCESS_CPUTIME = 2;
    /** WASI clock id: CPU time of the thread. */
    int THREAD_CPUTIME = 3;

    /**
     * The current time of clock {@code id} in nanoseconds (since 1970-01-01 UTC for
     * {@link #REALTIME}, since an arbitrary fixed point otherwise), or -1 if this clock does not
     * have that clock. A {@link #MONOTONIC} time never decreases.
     */
    long time(int id);

    /** The resolution of clock {@code id} in nanoseconds, or -1 if there is no such clock. */
    long resolution(int id);
}
