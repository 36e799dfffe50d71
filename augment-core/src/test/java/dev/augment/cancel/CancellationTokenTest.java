package dev.augment.cancel;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CancellationTokenTest {

    @Test
    void aStepAfterCancelIsRefusedAndNotRun() throws Exception {
        CancellationToken token = new CancellationToken();
        token.runUnlessCancelled("a step", () -> { });
        token.cancel();
        AtomicBoolean ran = new AtomicBoolean();
        CancelledException e = assertThrows(CancelledException.class,
                () -> token.runUnlessCancelled("moving the output", () -> ran.set(true)));
        assertFalse(ran.get());
        assertTrue(e.getMessage().contains("moving the output"), e.getMessage());
        assertThrows(CancelledException.class, () -> token.throwIfCancelled("generating"));
    }

    @Test
    void cancelWaitsForAStepInProgress() throws Exception {
        CancellationToken token = new CancellationToken();
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            try {
                token.runUnlessCancelled("a rename", () -> {
                    inStep.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    finished.set(true);
                });
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        worker.start();
        assertTrue(inStep.await(5, TimeUnit.SECONDS));
        Thread canceller = new Thread(token::cancel);
        canceller.start();
        canceller.join(200);
        assertTrue(canceller.isAlive(), "cancel waits while the step runs");
        assertFalse(token.isCancelled());
        release.countDown();
        canceller.join(5000);
        worker.join(5000);
        assertTrue(finished.get() && token.isCancelled());
    }
}
