package dev.augment.train;

import dev.augment.errors.InvalidSettingException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DJL reads its thread counts with {@link Integer#getInteger}: {@code abc} was ignored without a word, and {@code 0}
 * failed as an engine that could not be loaded, blamed on DJL's cache folder (a fresh user, 6 Dec).
 */
class PyTorchEngineThreadsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "abc", "-1", " 2", "1.5"})
    void aThreadCountThatIsNotAWholeNumberOfAtLeastOneIsRefusedByName(String value) {
        for (String property : PyTorchEngine.THREAD_PROPERTIES) {
            String before = System.getProperty(property);
            System.setProperty(property, value);
            try {
                InvalidSettingException e = assertThrows(InvalidSettingException.class, PyTorchEngine::get);
                assertTrue(e.getMessage().startsWith(property + " (a Java system property")
                        && e.getMessage().contains("at least 1, was '" + value + "'"), e.getMessage());
            } finally {
                if (before == null) {
                    System.clearProperty(property);
                } else {
                    System.setProperty(property, before);
                }
            }
        }
    }
}
