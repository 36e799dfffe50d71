package dev.augment.generate.output;

import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassDirectoryNamesTest {

    @Test
    void keepsSafeCharactersAndReplacesOthers() {
        assertEquals(List.of("T-shirt_top", "Ankle_boot", "a.b_c-d", "_"),
                ClassDirectoryNames.sanitise(List.of("T-shirt/top", "Ankle boot", "a.b_c-d", "é")));
    }

    @Test
    void neverProducesDotNamesOrLeadingDots() {
        List<String> names = ClassDirectoryNames.sanitise(List.of(".", "..", ".hidden", "../evil", "a/b", "..\\x"));
        assertEquals(List.of("_", "__", "_hidden", "___evil", "a_b", "___x"), names);
        for (String name : names) {
            assertFalse(name.startsWith("."), name);
            assertTrue(name.matches("[A-Za-z0-9._-]+"), name);
        }
    }

    @Test
    void namesEmptyClassesByIndex() {
        assertEquals(List.of("a", "class_1"), ClassDirectoryNames.sanitise(List.of("a", "")));
    }

    @Test
    void makesCollidingNamesUniqueWithIndexSuffix() {
        // "a b" and "a/b" both clean to "a_b"; "A_B" collides on case-insensitive file systems;
        // "a_b_1" is taken before class 1 would get it, so class 1 gets a second suffix.
        List<String> names = ClassDirectoryNames.sanitise(List.of("a b", "a/b", "A_B", "a_b_1"));
        assertEquals(List.of("a_b", "a_b_1", "A_B_2", "a_b_1_3"), names);
        assertEquals(names.size(), names.stream().map(String::toLowerCase).distinct().count());
    }

    @Test
    void pngWriterCannotWriteOutsideItsDirectoryWhateverTheClassNames(@TempDir Path temp) throws IOException {
        Path out = temp.resolve("out");
        List<String> hostile = List.of("../evil", "a/b", "..", "/etc/passwd", "..\\..\\x", "");
        SampleSchema schema = TestSchemas.image(1, 2, 2, 0, 255, hostile);
        try (SampleWriter writer = new PngSampleWriter(out, schema)) {
            for (int c = 0; c < hostile.size(); c++) {
                writer.write(c, new float[] {0, 1, 2, 3}, 1);
            }
            writer.finish();
        }
        try (Stream<Path> all = Files.walk(temp)) {
            List<Path> files = all.filter(Files::isRegularFile).toList();
            assertEquals(hostile.size(), files.size(), files::toString);
            Path root = out.toRealPath();
            for (Path file : files) {
                assertTrue(file.toRealPath().startsWith(root), file + " is outside " + root);
                assertEquals(root, file.toRealPath().getParent().getParent(), file::toString);
            }
        }
        try (Stream<Path> dirs = Files.list(out)) {
            assertEquals(hostile.size(), dirs.count(), () -> Arrays.toString(out.toFile().list()));
        }
    }
}
