package dev.augment.train;

/**
 * A daemon thread that throws away a megabyte every millisecond until closed, so that young garbage
 * collections run inside training steps (2–6 per 20-step table run, measured). Tests use it to show that a
 * collection between a forward and a backward pass cannot change a gradient ({@link NativeScalar}).
 */
public final class GarbageStorm implements AutoCloseable {

    /** Written so that the allocations cannot be optimised away. */
    static volatile Object sink;

    private final Thread thread;
    private volatile boolean running = true;

    private GarbageStorm() {
        thread = new Thread(() -> {
            try {
                while (running) {
                    sink = new byte[1 << 20];
                    Thread.sleep(1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "garbage-storm");
        thread.setDaemon(true);
    }

    /** @return a running storm; close it to stop the thread */
    public static GarbageStorm start() {
        GarbageStorm storm = new GarbageStorm();
        storm.thread.start();
        return storm;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
