package dev.augment.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a home folder it cannot write (a service account), DJL unpacked about 430 MB of PyTorch into the temporary
 * folder without a word (helper h11, 6 Dec): augment's own cache folder, when one is set, is used instead. The home is
 * made unwritable with the immutable flag (root ignores permissions); skipped where chattr cannot set it.
 */
class DjlCacheFallbackTest {

    @TempDir
    Path dir;

    private String home;
    private String cache;

    @BeforeEach
    void remember() {
        assumeTrue(System.getenv("DJL_CACHE_DIR") == null, "DJL_CACHE_DIR is set in the environment");
        home = System.getProperty("user.home");
        cache = System.getProperty("augment.cache.dir");
    }

    @AfterEach
    void restore() throws Exception {
        System.setProperty("user.home", home);
        if (cache == null) {
            System.clearProperty("augment.cache.dir");
        } else {
            System.setProperty("augment.cache.dir", cache);
        }
        System.clearProperty("DJL_CACHE_DIR");
        new ProcessBuilder("chattr", "-i", dir.resolve("home").toString()).start().waitFor();
    }

    @Test
    void anUnwritableHomeSendsDjlToAugmentsCacheWhenOneIsSet() throws Exception {
        assumeTrue(System.getProperty("DJL_CACHE_DIR") == null, "DJL_CACHE_DIR is set");
        Path unwritable = Files.createDirectories(dir.resolve("home"));
        Process chattr = new ProcessBuilder("chattr", "+i", unwritable.toString()).redirectErrorStream(true).start();
        chattr.getInputStream().readAllBytes();
        assumeTrue(chattr.waitFor() == 0 && !Files.isWritable(unwritable), "cannot make a folder unwritable here");
        System.setProperty("user.home", unwritable.toString());

        // no cache of augment's can be made (it would be inside the home): DJL's own fallback stands
        System.clearProperty("augment.cache.dir");
        PyTorchEngine.useAugmentsCacheWhenHomeIsNotWritable();
        assertNull(System.getProperty("DJL_CACHE_DIR"));

        Path own = dir.resolve("cache");
        System.setProperty("augment.cache.dir", own.toString());
        PyTorchEngine.useAugmentsCacheWhenHomeIsNotWritable();
        assertEquals(own.resolve("djl.ai").toString(), System.getProperty("DJL_CACHE_DIR"));
        assertEquals(own.resolve("djl.ai"), ai.djl.util.Utils.getCacheDir(), "DJL reads it");

        // a DJL_CACHE_DIR the user set is never changed
        System.setProperty("DJL_CACHE_DIR", dir.resolve("mine").toString());
        PyTorchEngine.useAugmentsCacheWhenHomeIsNotWritable();
        assertEquals(dir.resolve("mine").toString(), System.getProperty("DJL_CACHE_DIR"));
    }

    @Test
    void aWritableHomeKeepsDjlsDefault() {
        System.setProperty("augment.cache.dir", dir.resolve("cache").toString());
        System.setProperty("user.home", dir.toString());
        PyTorchEngine.useAugmentsCacheWhenHomeIsNotWritable();
        assertNull(System.getProperty("DJL_CACHE_DIR"));
    }
}
