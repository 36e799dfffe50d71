package dev.augment.generate.output;

import dev.augment.data.ClassMap;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Class names become folder names that keep the name where the file system allows, and are always safe. */
class ClassFolderNamesTest {

    /** A file system that takes every name, so the rules are tested apart from this machine's locale. */
    private static final Predicate<String> ANY = name -> true;
    /** What the JVM accepts under LC_ALL=C: ASCII only. */
    private static final Predicate<String> ASCII_ONLY = name -> StandardCharsets.US_ASCII.newEncoder().canEncode(name);

    @Test
    void keepsUnicodeLettersSpacesAndOrdinaryPunctuation() {
        List<String> names = List.of("T-shirt top", "a,b \"q\"", "ab", "Ünïcödé", "犬", "猫", "Ankle boot", "a.b_c-d",
                "😀 (smile) & co!");
        assertEquals(names, ClassDirectoryNames.sanitise(names, ANY));
    }

    @Test
    void replacesOnlySeparatorsControlAndFormatCharacters() {
        // U+202E (right-to-left override) is a format character: it would make a folder name read backwards
        assertEquals(List.of("T-shirt_top", "a_b", "tab_here", "line_break", "evil_gpj.exe", "nul_"),
                ClassDirectoryNames.sanitise(List.of("T-shirt/top", "a\\b", "tab\there", "line\nbreak",
                        "evil\u202Egpj.exe", "nul\u0000"), ANY));
    }

    @Test
    void neverProducesDotNamesOrLeadingDots() {
        List<String> names = ClassDirectoryNames.sanitise(List.of(".", "..", ".hidden", "../evil", "a/b", "..\\x"), ANY);
        assertEquals(List.of("_", "__", "_hidden", "___evil", "a_b", "___x"), names);
        for (String name : names) {
            assertFalse(name.startsWith("."), name);
            assertFalse(name.contains("/") || name.contains("\\"), name);
        }
    }

    @Test
    void windowsDeviceNamesGetASuffix() {
        assertEquals(List.of("CON_", "nul.txt_", "com1_", "CONSOLE"),
                ClassDirectoryNames.sanitise(List.of("CON", "nul.txt", "com1", "CONSOLE"), ANY));
    }

    @Test
    void namesEmptyClassesByIndex() {
        assertEquals(List.of("a", "class_1"), ClassDirectoryNames.sanitise(List.of("a", ""), ANY));
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"a, 1", "a, 250", "é, 150", "犬, 120", "😀, 90"})
    void veryLongNamesAreCutToTheCharacterAndByteLimitsWithoutSplittingACharacter(String unit, int times) {
        String name = unit.repeat(times);
        String folder = ClassDirectoryNames.sanitise(List.of(name), ANY).get(0);
        int chars = folder.codePointCount(0, folder.length());
        int bytes = folder.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(chars <= ClassDirectoryNames.MAX_CHARS, folder);
        assertTrue(bytes <= ClassDirectoryNames.MAX_BYTES, bytes + " bytes");
        assertTrue(name.startsWith(folder), "a prefix of whole characters");
        // the limit is whichever of 100 characters and 200 bytes comes first
        int perUnit = unit.getBytes(StandardCharsets.UTF_8).length;
        assertEquals(Math.min(times, Math.min(100, 200 / perUnit)), chars / unit.codePointCount(0, unit.length()));
    }

    @Test
    void collidingNamesAreMadeUniqueIgnoringCaseAndNormalisation() {
        // "a/b" cleans to "a_b"; "A_B" differs only in case; "é" composed and decomposed are one name on macOS;
        // names kept as they are come first, so "a_b_1" keeps its own folder and "a/b" moves on past it
        List<String> names = ClassDirectoryNames.sanitise(List.of("a_b", "a/b", "A_B", "a_b_1", "\u00e9", "e\u0301"), ANY);
        assertEquals(List.of("a_b", "a_b_1_1", "A_B_2", "a_b_1", "\u00e9", "e\u0301_5"), names);
    }

    @Test
    void aClassNamedAsAFileAugmentWritesGetsAnUnderscore() {
        assertEquals(List.of("classes.csv_", "synthetic.csv_", "b"), ClassDirectoryNames.sanitise(List.of("classes.csv",
                "synthetic.csv", "b"), ANY));
    }

    @Test
    void aFolderNamedExactlyAsAClassHoldsThatClassWhateverTheOrder() {
        assertEquals(List.of("a_b_0", "a_b"), ClassDirectoryNames.sanitise(List.of("a/b", "a_b"), ANY));
        assertEquals(List.of("a_b", "a_b_1"), ClassDirectoryNames.sanitise(List.of("a_b", "a/b"), ANY));
        assertEquals(List.of("class_0_0", "class_0"), ClassDirectoryNames.sanitise(List.of("", "class_0"), ANY));
    }

    @Test
    void namesTheJvmCannotEncodeFallBackToEscapedAscii() {
        List<String> names = ClassDirectoryNames.sanitise(List.of("Ünïcödé", "犬", "T-shirt top", "a,b \"q\"", "50%"),
                ASCII_ONLY);
        assertEquals(List.of("%C3%9Cn%C3%AFc%C3%B6d%C3%A9", "%E7%8A%AC", "T-shirt top", "a,b \"q\"", "50%"), names);
        String escaped = ClassDirectoryNames.escapedAscii("a,b \"q\" 50% ?*: /..");
        assertEquals("a,b %22q%22 50%25 %3F%2A%3A %2F..", escaped);
    }

    @Test
    void escapedFormsAreCutAtWholeEscapes() {
        String folder = ClassDirectoryNames.escapedAscii("犬".repeat(100));
        assertEquals(0, folder.length() % 9, folder);
        assertTrue(folder.length() <= ClassDirectoryNames.MAX_CHARS);
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
            List<Path> images = all.filter(p -> p.toString().endsWith(".png")).toList();
            assertEquals(hostile.size(), images.size(), images::toString);
            Path root = out.toRealPath();
            for (Path file : images) {
                assertEquals(root, file.toRealPath().getParent().getParent(), file::toString);
            }
        }
        try (Stream<Path> dirs = Files.list(out)) {
            assertEquals(hostile.size(), dirs.filter(Files::isDirectory).count(),
                    () -> Arrays.toString(out.toFile().list()));
        }
        assertEquals(hostile, ClassMap.read(out.resolve(ClassMap.FILE)).names(), "the true names travel in the map");
    }
}
