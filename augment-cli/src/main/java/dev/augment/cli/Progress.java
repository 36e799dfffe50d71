package dev.augment.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;

/**
 * A progress bar (me.tongfei progressbar) on an interactive terminal; elsewhere, for a run with a known total, a
 * plain line a minute ({@link PeriodicProgressLine}), so logs and tests of short runs stay as they were.
 */
final class Progress implements AutoCloseable {

    private final ProgressBar bar;
    /** Lines for a non-interactive run with a known total, else null. */
    private final PeriodicProgressLine line;

    private Progress(ProgressBar bar, PeriodicProgressLine line) {
        this.bar = bar;
        this.line = line;
    }

    /**
     * @param err standard error of the command
     * @param task the command's name
     * @param total samples the run makes, or 0 when it counts in {@link #reset}s (training, which logs its rounds)
     */
    static Progress start(PrintWriter err, String task, long total) {
        if (System.console() == null) {
            return new Progress(null, total > 0 ? new PeriodicProgressLine(err, task, total, System::nanoTime) : null);
        }
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).showSpeed().build(), null);
    }

    void advance(long n) {
        if (bar != null) {
            bar.stepBy(n);
        } else if (line != null) {
            line.advance(n);
        }
    }

    void message(String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    void reset(String task, long total) {
        if (bar != null) {
            bar.reset();
            bar.maxHint(total);
            bar.setExtraMessage(task);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
