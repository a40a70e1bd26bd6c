package io.wasmlet.alloc;

import io.wasmlet.board.Board;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proof (a) of allocation-free execution: on HotSpot, the current thread's allocated-bytes
 * counter does not move across thousands of export calls after warm-up.
 */
class ZeroAllocationTest {
    /** Looked up once: getThreadMXBean() itself allocates on every call. */
    private static final com.sun.management.ThreadMXBean BEAN =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocated() {
        return BEAN.getCurrentThreadAllocatedBytes();
    }

    @Test
    void exportCallsAllocateNothing() throws Exception {
        Kernels k = new Kernels("tests/alloc/kernels.wasm", Board.named("stm32h747i-disco"));
        // results are what they should be (so a broken kernel cannot pass as "no allocation")
        long first = k.round(1);
        // sumsq(101) = sum i^2, i<101 = 338350; fib(10) = 55; memsum(256) = 7712 + 0x05060708;
        // dispatch(1, 7, 5) = 7 - 5 = 2; grow = 1 (old size); traps, by reason code:
        // div (1) + oob (4) + uninitialized element (7, table slot 3 is null)
        assertEquals(338350 + 55 + (7712 + 0x05060708) + 2 + 1 + 1 + 4 + 7, first);
        // Warm-up. Until C2 has settled, its deoptimizations may allocate a few dozen bytes
        // (never seen under -Xint or C1 alone); the claim is about steady state.
        for (int i = 0; i < 10000; i++) {
            k.round(i);
        }
        allocated();
        long before = allocated();
        long sum = 0;
        int calls = 0;
        for (int i = 0; i < 5000; i++) {
            sum += k.round(i);
            calls += (i & 63) == 0 ? 9 : 8;
        }
        long bytes = allocated() - before;
        assertTrue(sum > 0);
        System.out.println("zero-allocation: " + calls + " export calls, " + bytes + " bytes allocated");
        assertEquals(0, bytes, "bytes allocated across " + calls + " export calls");
    }
}
