package dev.augment.cli;

import java.io.IOException;

/** Names as a killed run of this host leaves them ({@link dev.augment.io.KilledRunLeftovers}), for cleanup tests. */
final class KilledRunNames {

    private KilledRunNames() {
    }

    /**
     * @param name the output's or scratch's name, e.g. {@code augment-bench}
     * @return the temporary-name prefix of a process of this host that has ended
     */
    static String deadPrefix(String name) throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        return dev.augment.io.KilledRunLeftovers.prefix(name)
                .replace("-" + ProcessHandle.current().pid() + "-", "-" + gone.pid() + "-");
    }
}
