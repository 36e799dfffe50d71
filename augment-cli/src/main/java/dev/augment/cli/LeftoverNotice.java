package dev.augment.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The line a command prints before its output folder's creation deletes what killed runs left beside it
 * ({@link dev.augment.io.KilledRunLeftovers}): 180 000 PNG files of an interrupted {@code generate} took 25 s of
 * silence at the start of the next run, named only once deleted (a re-check, 7 Dec). Printed by
 * {@link dev.augment.generate.output.AtomicOutputDirectory#create(Path, boolean,
 * dev.augment.cancel.CancellationToken, java.util.function.IntConsumer)} once its checks have passed, so that a
 * refused run does not announce a removal it never makes.
 */
final class LeftoverNotice {

    private LeftoverNotice() {
    }

    /**
     * @param out the output folder about to be created
     * @param err where the line goes
     * @return what prints the line, given the number of leftovers
     */
    static java.util.function.IntConsumer to(Path out, PrintWriter err) {
        return found -> {
            err.println("augment: removing " + (found == 1 ? "the temporary output an interrupted run"
                    : found + " temporary outputs interrupted runs") + " left beside "
                    + AugmentCli.oneLine(out.toString()) + " first...");
            err.flush();
        };
    }
}
