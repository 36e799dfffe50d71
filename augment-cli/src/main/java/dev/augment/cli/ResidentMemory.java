package dev.augment.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's resident memory (Linux {@code /proc/self/status}), for progress lines. */
final class ResidentMemory {

    private ResidentMemory() {
    }

    /** @return e.g. "2.41 GB", or "n/a" where /proc is not there */
    static String describe() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format("%.2f GB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "n/a";
        }
        return "n/a";
    }
}
