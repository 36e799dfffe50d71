package dev.augment.eval.protocol;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test trainer for OLCUT configuration files: Tribuo's logistic regression after a {@value #WATCH_MILLIS} ms watch
 * during which it looks at every thread's stack, every few milliseconds, for the CNN family's training loop
 * ({@code dev.augment.eval.cnn} classes). It records whether it ever saw one, and how many of its kind fitted at once,
 * so a test can tell whether the CNN fitted beside it.
 */
public final class CnnWatchingTrainer extends LogisticTrainerWithHook {

    static final int WATCH_MILLIS = 400;

    private static final AtomicBoolean SAW_CNN = new AtomicBoolean();
    private static final AtomicInteger ACTIVE = new AtomicInteger();
    private static final AtomicInteger MOST_ACTIVE = new AtomicInteger();

    /** For OLCUT. */
    private CnnWatchingTrainer() {
    }

    /** Forgets what earlier fits saw. */
    static void reset() {
        SAW_CNN.set(false);
        ACTIVE.set(0);
        MOST_ACTIVE.set(0);
    }

    /** @return whether any fit since {@link #reset()} saw a thread inside the CNN's training */
    static boolean sawCnn() {
        return SAW_CNN.get();
    }

    /** @return the most fits of this trainer under way at one time since {@link #reset()} */
    static int mostAtOnce() {
        return MOST_ACTIVE.get();
    }

    @Override
    protected void beforeFit() {
        MOST_ACTIVE.accumulateAndGet(ACTIVE.incrementAndGet(), Math::max);
        try {
            long end = System.nanoTime() + WATCH_MILLIS * 1_000_000L;
            while (System.nanoTime() < end) {
                boolean cnn = Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream)
                        .anyMatch(frame -> frame.getClassName().startsWith("dev.augment.eval.cnn."));
                if (cnn) {
                    SAW_CNN.set(true);
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ACTIVE.decrementAndGet();
        }
    }
}
