package io.wasmlet.exec;

/**
 * A second source of interruption polled with {@link Store#interrupt()}'s flag, for platforms
 * that have one (the desktop honours {@code Thread.interrupt()} through it; CLDC 1.1 threads have
 * no interrupted status to read).
 */
public abstract class InterruptSource {
    /** True when the running call should stop. Called at polls only: keep it cheap. */
    public abstract boolean interrupted();
}
