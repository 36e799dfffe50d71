package dev.augment.cancel;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Work that never looks at the token still lets its caller stop soon after a cancel. */
class AbandonableCallTest {

    @Test
    void returnsTheResultOfWorkThatEnds() {
        assertEquals(42, AbandonableCall.call("adding", new CancellationToken(), () -> 40 + 2));
    }

    @Test
    void aCancelStopsTheCallerWhileTheWorkIgnoresIt() throws InterruptedException {
        CancellationToken token = new CancellationToken();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread canceller = new Thread(() -> {
            try {
                started.await();
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            token.cancel();
        });
        canceller.start();
        long begin = System.nanoTime();
        CancelledException e = assertThrows(CancelledException.class, () -> AbandonableCall.call("fitting", token,
                () -> {
                    started.countDown();
                    // a native fit: deaf to the token and to interrupts, until released
                    while (!release.await(10, TimeUnit.SECONDS)) {
                        Thread.onSpinWait();
                    }
                    return 1;
                }));
        double seconds = (System.nanoTime() - begin) / 1e9;
        release.countDown();
        canceller.join();
        assertEquals("interrupted while fitting", e.getMessage());
        assertTrue(seconds < 5, "stopped " + seconds + " s after starting; the work alone would take 10 s or more");
    }

    @Test
    void anAlreadyCancelledTokenRunsNothing() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        boolean[] ran = {false};
        assertThrows(CancelledException.class, () -> AbandonableCall.call("x", token, () -> ran[0] = true));
        assertTrue(!ran[0]);
    }

    @Test
    void theWorksOwnExceptionReachesTheCaller() {
        IllegalStateException thrown = new IllegalStateException("bad data");
        assertSame(thrown, assertThrows(IllegalStateException.class,
                () -> AbandonableCall.call("x", new CancellationToken(), () -> {
                    throw thrown;
                })));
    }

    /**
     * A signal cancels the token and, in another shutdown hook, may close streams under the work, which then fails
     * ("closed"): the caller must hear the cancel, not a bad file.
     */
    @Test
    void aFailureAfterTheCancelIsReportedAsTheCancel() {
        CancellationToken token = new CancellationToken();
        CancelledException e = assertThrows(CancelledException.class, () -> AbandonableCall.call("reading x", token,
                () -> {
                    token.cancel();
                    throw new IllegalStateException("x.jpg: unreadable image: closed");
                }));
        assertTrue(e.getMessage().contains("reading x"), e.getMessage());
    }

    @Test
    void callAllRunsThePiecesAtTheSameTimeAndKeepsTheirOrder() {
        // each piece waits for the other to start: run one after the other, the first would wait out its timeout
        CountDownLatch bothStarted = new CountDownLatch(2);
        java.util.concurrent.Callable<String> first = () -> {
            bothStarted.countDown();
            return bothStarted.await(20, TimeUnit.SECONDS) ? "first" : "first alone";
        };
        java.util.concurrent.Callable<String> second = () -> {
            bothStarted.countDown();
            return bothStarted.await(20, TimeUnit.SECONDS) ? "second" : "second alone";
        };
        assertEquals(java.util.List.of("first", "second"), AbandonableCall.callAll(java.util.List.of("a", "b"),
                new CancellationToken(), java.util.List.of(first, second)));
    }

    @Test
    void callAllReportsTheFirstFailureInOrder() {
        IllegalStateException failure = new IllegalStateException("the forest failed");
        java.util.concurrent.Callable<String> fine = () -> "fine";
        java.util.concurrent.Callable<String> failing = () -> {
            throw failure;
        };
        assertSame(failure, assertThrows(IllegalStateException.class, () -> AbandonableCall.callAll(
                java.util.List.of("logistic", "forest"), new CancellationToken(), java.util.List.of(fine, failing))));
    }

    @Test
    void callAllReportsAFailureOnlyOnceEveryPieceHasEnded() {
        boolean[] slowEnded = {false};
        java.util.concurrent.Callable<String> failing = () -> {
            throw new OutOfMemoryError("Java heap space");
        };
        java.util.concurrent.Callable<String> slow = () -> {
            Thread.sleep(300);
            slowEnded[0] = true;
            return "slow";
        };
        assertThrows(OutOfMemoryError.class, () -> AbandonableCall.callAll(java.util.List.of("failing", "slow"),
                new CancellationToken(), java.util.List.of(failing, slow)));
        assertTrue(slowEnded[0], "the failure was reported while the other piece still ran");
    }

    @Test
    void callAllWithAnAlreadyCancelledTokenRunsNothing() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        boolean[] ran = {false};
        assertThrows(CancelledException.class, () -> AbandonableCall.callAll(java.util.List.of("x"), token,
                java.util.List.of(() -> ran[0] = true)));
        assertTrue(!ran[0]);
    }
}
