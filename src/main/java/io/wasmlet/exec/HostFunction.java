package io.wasmlet.exec;

/**
 * A function implemented by the embedder. Arguments are raw values in
 * {@code stack[base .. base + params)}; the implementation writes its results to
 * {@code stack[base .. base + results)}. Raw encoding: i32 and f32 (as float bits) in the low 32
 * bits, i64 and f64 (as double bits) as is, references as handles with 0 for null. No boxing,
 * no per-call allocation. A host function may throw a {@link io.wasmlet.error.TrapException}.
 *
 * <p>{@code caller} is the instance whose code made the call, so a host function reaches the
 * guest's memory with {@code caller.memory()} and its exports with {@code caller.function(name)}
 * and the like; it is null when the host function is called directly through
 * {@link Store#invoke}. Nothing is allocated to pass it.
 */
public interface HostFunction {
    void call(Instance caller, long[] stack, int base);
}
