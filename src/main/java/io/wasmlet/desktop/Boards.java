package io.wasmlet.desktop;

import io.wasmlet.board.Board;
import io.wasmlet.error.BoardException;
import io.wasmlet.error.WasmException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds a board descriptor for {@code --board}: a packaged name or a file path. */
final class Boards {
    /** The descriptors packaged from mcu-boards/ (MainTest keeps this list in step). */
    static final String[] KNOWN = {"desktop", "esp32-s3-devkitc-1-n8r8", "imxrt1170-evk", "nrf52840-dk",
            "rp2040-pico", "rp2350-pico2", "stm32f746g-disco", "stm32h747i-disco"};

    private Boards() {
    }

    static Board load(String nameOrPath) {
        try {
            if (nameOrPath.endsWith(".board") || nameOrPath.contains("/")) {
                Path p = Paths.get(nameOrPath);
                if (!Files.isRegularFile(p)) {
                    throw Main.error("board file not found: " + nameOrPath);
                }
                try (InputStream in = Files.newInputStream(p)) {
                    return Board.parse(in);
                }
            }
            try {
                return Board.named(nameOrPath); // an unknown name fails listing the known ones
            } catch (BoardException e) {
                throw Main.error(e.getMessage());
            }
        } catch (IOException e) {
            throw Main.error("cannot read board " + nameOrPath + ": " + e.getMessage());
        } catch (WasmException e) {
            throw Main.error("bad board descriptor " + nameOrPath + ": " + e.getMessage());
        }
    }
}
