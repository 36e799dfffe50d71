package dev.augment.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where ONNX Runtime's native libraries are cached, under the XDG Base Directory rules. */
class CacheRootTest {

    @Test
    void absoluteXdgCacheHomeIsUsed() {
        assertEquals(Path.of("/var/cache/u/augment"), OnnxRuntimeLoader.cacheRoot("/var/cache/u", "/home/u"));
    }

    @Test
    void relativeXdgCacheHomeIsIgnoredAsTheSpecificationSays() {
        assertEquals(Path.of("/home/u/.cache/augment"), OnnxRuntimeLoader.cacheRoot("relcache", "/home/u"));
    }

    @Test
    void unsetOrBlankXdgCacheHomeFallsBackToTheHomeFolder() {
        assertEquals(Path.of("/home/u/.cache/augment"), OnnxRuntimeLoader.cacheRoot(null, "/home/u"));
        assertEquals(Path.of("/home/u/.cache/augment"), OnnxRuntimeLoader.cacheRoot("  ", "/home/u"));
    }
}
