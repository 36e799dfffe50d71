package dev.augment.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** The table {@code augment bench} prints: what was measured, samples per second, share of the ceiling. */
final class BenchTable {

    private final PrintWriter out;

    BenchTable(PrintWriter out) {
        this.out = out;
    }

    void header() {
        out.printf(Locale.ROOT, "%-56s %12s %9s%n", "what", "samples/s", "ceiling");
    }

    /**
     * @param what the measurement
     * @param perSecond samples per second, NaN when not measured
     * @param ceiling the ceiling to compare with, or 0 for no share
     */
    void row(String what, double perSecond, double ceiling) {
        if (Double.isNaN(perSecond)) {
            out.printf(Locale.ROOT, "%-56s %12s %9s%n", what, "n/a", "");
        } else if (ceiling <= 0) {
            out.printf(Locale.ROOT, "%-56s %12.0f %9s%n", what, perSecond, "");
        } else {
            out.printf(Locale.ROOT, "%-56s %12.0f %8.1f%%%n", what, perSecond, 100 * perSecond / ceiling);
        }
    }
}
