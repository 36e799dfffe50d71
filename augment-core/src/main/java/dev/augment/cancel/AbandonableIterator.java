package dev.augment.cancel;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Iterates an {@link Iterable} whose steps cannot look at a {@link CancellationToken} (a Tribuo data source whose
 * next example may first build a whole class's oversampled examples, seconds to minutes) so that the consumer still
 * stops soon after a cancel: the iteration runs on a daemon thread, ahead of the consumer by at most
 * {@value #AHEAD} elements, and the consumer waits for each element in steps of {@link AbandonableCall#POLL_MILLIS}
 * ms, looking at the token between them. On a cancel {@link #hasNext()} throws {@link CancelledException} and the
 * iteration is abandoned, as {@link AbandonableCall}'s work is. The elements come in the source's order; the
 * source's own exceptions reach the consumer unchanged (checked ones wrapped), unless the token was cancelled by
 * then. Not thread-safe: one consumer.
 *
 * @param <T> the element type
 */
public final class AbandonableIterator<T> implements Iterator<T> {

    /** Most elements taken from the source and not yet consumed. */
    public static final int AHEAD = 256;

    private static final Object END = new Object();

    private final String what;
    private final CancellationToken cancellation;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private Object peeked;

    /** What the source threw, carried through the queue. */
    private record Failure(Throwable cause) { }

    /**
     * Starts iterating {@code source} on a daemon thread.
     *
     * @param what the iteration, for the message ("adding examples")
     * @param cancellation the token to watch
     * @param source what to iterate; its {@code iterator()} is called on the daemon thread too
     */
    public AbandonableIterator(String what, CancellationToken cancellation, Iterable<T> source) {
        this.what = what;
        this.cancellation = cancellation;
        Thread worker = new Thread(() -> {
            try {
                for (T element : source) {
                    queue.put(element);
                }
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                try {
                    queue.put(new Failure(t));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "augment-abandonable-" + what);
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * @throws CancelledException when the token is cancelled before the next element (or the end) arrives
     */
    @Override
    public boolean hasNext() {
        if (peeked == null) {
            peeked = take();
        }
        if (peeked instanceof Failure failure) {
            cancellation.throwIfCancelled(what);
            throw TaskFailure.rethrow(new ExecutionException(failure.cause()), what);
        }
        return peeked != END;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException(what + ": no more elements");
        }
        T element = (T) peeked;
        peeked = null;
        return element;
    }

    private Object take() {
        try {
            while (true) {
                Object element = queue.poll(AbandonableCall.POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (element != null) {
                    return element;
                }
                cancellation.throwIfCancelled(what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted while " + what);
        }
    }
}
