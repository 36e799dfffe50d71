package dev.augment.cancel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
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
    void aCancelStopsTheConsumerWhileTheSourceIsStuckInAStep() {
        CancellationToken token = new CancellationToken();
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
                        Thread.sleep(60_000); // a step that never looks at the token
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return given++;
            }
        };
        Iterator<Integer> it = new AbandonableIterator<>("adding examples", token, stuck);
        assertEquals(0, it.next());
        assertEquals(1, it.next());
        new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            token.cancel();
        }).start();
        long start = System.nanoTime();
        CancelledException e = assertThrows(CancelledException.class, it::hasNext);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 10, "stopped " + seconds + " s after waiting began, not after the 60 s step");
        assertTrue(e.getMessage().contains("adding examples"), e.getMessage());
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
