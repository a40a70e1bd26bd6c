package io.wasmlet.alloc;

import io.wasmlet.board.Board;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.validate.Loader;

import java.io.FileInputStream;

/**
 * Run by CompactProfileTest on the compact jar alone: the packaged boards, {@code new Store()}
 * sized to the heap it runs in, and add.wasm called through both.
 */
public final class BoardProbe {
    public static void main(String[] args) throws Exception {
        Board named = Board.named("stm32f746g-disco");
        Store desktop = new Store();
        Store mcu = new Store(named);
        long sum = 0;
        for (Store s : new Store[] {desktop, mcu}) {
            Instance inst;
            try (FileInputStream in = new FileInputStream("tests/examples/add.wasm")) {
                inst = s.instantiate(Loader.load(in), new Imports());
            }
            sum += s.invoke(inst.function("add"), new long[] {40, 2})[0];
        }
        Board d = desktop.board();
        System.out.println(named.name + " heap.kb " + named.heapKb + "; desktop heap fits " + (d.heapKb <= 8192)
                + ", stack.slots " + d.stackSlots + "; add " + sum);
    }
}
