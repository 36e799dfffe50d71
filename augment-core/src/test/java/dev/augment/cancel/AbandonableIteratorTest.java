package dev.augment.cancel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AbandonableIteratorTest {

    @Test
    void givesEveryElementInTheSourcesOrder() {
        List<Integer> source = IntStream.range(0, 3 * AbandonableIterator.AHEAD + 7).boxed().toList();
        List<Integer> seen = new ArrayList<>();
        Iterator<Integer> it = new AbandonableIterator<>("counting", new CancellationToken(), source);
        it.forEachRemaining(seen::add);
        assertEquals(source, seen);
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    @Timeout(60) // a failure would wait for the stuck step for ever: fail instead of hanging the build
    void aCancelStopsTheConsumerWhileTheSourceIsStuckInAStep() {
        CancellationToken token = new CancellationToken();
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean stepEnded = new AtomicBoolean();
        Iterable<Integer> stuck = () -> new Iterator<>() {
            private int given;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (given == 2) {
                    try {
                        release.await(); // a step that never looks at the token
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    stepEnded.set(true);
                }
                return given++;
            }
        };
        Iterator<Integer> it = new AbandonableIterator<>("adding examples", token, stuck);
        assertEquals(0, it.next());
        assertEquals(1, it.next());
        token.cancel();
        CancelledException e = assertThrows(CancelledException.class, it::hasNext);
        assertFalse(stepEnded.get(), "the consumer stopped while the step was still running");
        assertTrue(e.getMessage().contains("adding examples"), e.getMessage());
        release.countDown();
    }

    @Test
    void theSourcesFailureReachesTheConsumer() {
        Iterable<Integer> failing = () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                throw new IllegalStateException("no such class");
            }
        };
        Iterator<Integer> it = new AbandonableIterator<>("adding examples", new CancellationToken(), failing);
        IllegalStateException e = assertThrows(IllegalStateException.class, it::hasNext);
        assertEquals("no such class", e.getMessage());
    }
}
