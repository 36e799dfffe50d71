package dev.augment.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The line a command prints before its output folder's creation deletes what killed runs left beside it
 * ({@link dev.augment.io.KilledRunLeftovers}): 180 000 PNG files of an interrupted {@code generate} took 25 s of
 * silence at the start of the next run, named only once deleted (a re-check, 7 Dec).
 */
final class LeftoverNotice {

    private LeftoverNotice() {
    }

    /**
     * @param out the output folder about to be created
     * @param err where the line goes
     */
    static void announce(Path out, PrintWriter err) {
        List<Path> left = dev.augment.io.KilledRunLeftovers.removable(out);
        if (!left.isEmpty()) {
            err.println("augment: removing " + (left.size() == 1 ? "the temporary output an interrupted run"
                    : left.size() + " temporary outputs interrupted runs") + " left beside "
                    + AugmentCli.oneLine(out.toString()) + " first...");
            err.flush();
        }
    }
}
