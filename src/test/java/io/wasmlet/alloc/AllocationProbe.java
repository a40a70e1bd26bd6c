package io.wasmlet.alloc;

import io.wasmlet.board.Board;

import java.lang.management.ManagementFactory;

/**
 * {@code AllocationProbe WARMUP ROUNDS}: runs the kernels and prints
 * {@code N export calls, B bytes allocated} for the measured rounds (HotSpot's per-thread counter).
 */
public final class AllocationProbe {
    private AllocationProbe() {
    }

    public static void main(String[] args) throws Exception {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Kernels k = new Kernels("tests/alloc/kernels.wasm", Board.named("stm32h747i-disco"));
        int warm = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        for (int i = 0; i < warm; i++) {
            k.round(i);
        }
        bean.getCurrentThreadAllocatedBytes();
        long before = bean.getCurrentThreadAllocatedBytes();
        int calls = 0;
        for (int i = 0; i < rounds; i++) {
            k.round(i);
            calls += (i & 63) == 0 ? 9 : 8;
        }
        long bytes = bean.getCurrentThreadAllocatedBytes() - before;
        System.out.println(calls + " export calls, " + bytes + " bytes allocated");
    }
}
