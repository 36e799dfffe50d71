package dev.augment.cancel;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class TaskFailureTest {

    @Test
    void theWorksOwnUncheckedExceptionAndErrorComeBackUnwrapped() {
        IllegalArgumentException bad = new IllegalArgumentException("bad row");
        assertSame(bad, assertThrows(IllegalArgumentException.class,
                () -> TaskFailure.rethrow(new ExecutionException(bad), "reading")));
        OutOfMemoryError full = new OutOfMemoryError("heap");
        assertSame(full, assertThrows(OutOfMemoryError.class,
                () -> TaskFailure.rethrow(new ExecutionException(full), "reading")));
    }

    @Test
    void aCheckedCauseIsWrappedWithWhatTheWorkWasDoing() {
        IOException disk = new IOException("disk full");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TaskFailure.rethrow(new ExecutionException(disk), "generating a batch"));
        assertSame(disk, e.getCause());
        assertTrue(e.getMessage().startsWith("generating a batch failed: "), e.getMessage());
    }
}
