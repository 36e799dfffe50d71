package dev.augment.eval.protocol;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A test trainer for OLCUT configuration files: Tribuo's logistic regression, but its first fit after {@link
 * #armOnce()} throws {@link OutOfMemoryError}, as a fit beside another family's does when the heap is too small.
 */
public final class HeapHungryTrainer extends LogisticTrainerWithHook {

    private static final AtomicBoolean ARMED = new AtomicBoolean();

    /** For OLCUT. */
    private HeapHungryTrainer() {
    }

    /** Makes the next fit of any instance run out of heap. */
    static void armOnce() {
        ARMED.set(true);
    }

    @Override
    protected void beforeFit() {
        if (ARMED.getAndSet(false)) {
            throw new OutOfMemoryError("Java heap space (HeapHungryTrainer)");
        }
    }
}
