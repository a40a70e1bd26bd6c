package io.wasmlet.desktop;

import io.wasmlet.exec.InterruptSource;

/**
 * Honours {@code Thread.interrupt()} on the desktop: a store given this source
 * ({@code store.interruptSource(new ThreadInterrupt())}) stops a running call with the
 * {@code interrupted} trap at its next poll when the calling thread is interrupted. The
 * thread's interrupted status is left set, as a blocking JDK call would find it.
 */
public final class ThreadInterrupt extends InterruptSource {
    /** True when the thread running the call has been interrupted. */
    public boolean interrupted() {
        return Thread.currentThread().isInterrupted();
    }
}
