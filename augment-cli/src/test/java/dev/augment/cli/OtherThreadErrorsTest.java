package dev.augment.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OtherThreadErrorsTest {

    /** Runs a thread that throws, with the handler under test, and returns what the handler printed. */
    private static String printedFor(Throwable thrown) throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Thread thread = new Thread(() -> {
            if (thrown instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) thrown;
        }, "Logging-Cleaner");
        thread.setUncaughtExceptionHandler(new OtherThreadErrors(err));
        thread.start();
        thread.join();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLibraryThreadsOutOfMemoryErrorPrintsNothing() throws InterruptedException {
        assertEquals("", printedFor(new OutOfMemoryError("Java heap space")));
    }

    @Test
    void anyOtherErrorPrintsAsTheJvmDoes() throws InterruptedException {
        String printed = printedFor(new IllegalStateException("boom"));
        assertTrue(printed.startsWith("Exception in thread \"Logging-Cleaner\" java.lang.IllegalStateException: boom"),
                printed);
        assertTrue(printed.contains("\tat "), printed);
        String error = printedFor(new StackOverflowError());
        assertTrue(error.startsWith("Exception in thread \"Logging-Cleaner\" java.lang.StackOverflowError"), error);
    }
}
