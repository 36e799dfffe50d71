package dev.augment.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Recognises a folder {@code augment generate} (or {@code spark-generate}) wrote, given back as data: a
 * {@value ClassMap#FILE} beside {@value DataSources#IDX_IMAGES}, {@code samples.csv}, or class folders of numbered PNG
 * files ({@code 000001.png}, …), and none of the synthetic flags {@code augment oversample} writes beside real data
 * ({@link AddedExamples}). Every example there is generated. {@code score --data} of such a folder compared a
 * generator's samples with its own samples and reported a perfect score without a word (a fresh user, 5 Dec).
 */
public final class GeneratedOutput {

    private GeneratedOutput() {
    }

    /**
     * @param data a data path as given
     * @return a sentence naming it as generated output, or empty when it is not one (or cannot be listed)
     */
    public static Optional<String> describe(Path data) {
        Path folder = data.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder) || !Files.isRegularFile(folder.resolve(ClassMap.FILE))
                || Files.exists(folder.resolve(AddedExamples.IDX_FLAGS))
                || Files.exists(folder.resolve(AddedExamples.CSV_FLAGS))) {
            return Optional.empty();
        }
        String layout = Files.isRegularFile(folder.resolve(DataSources.IDX_IMAGES)) ? DataSources.IDX_IMAGES
                : Files.isRegularFile(folder.resolve("samples.csv")) ? "samples.csv"
                : numberedPngClasses(folder) ? "class folders of numbered PNG files" : null;
        return Optional.ofNullable(layout).map(found -> data + " looks like augment generate's output (" + ClassMap.FILE
                + " beside " + found + ", without oversample's synthetic flags): every example in it is generated, so "
                + "the figures compare generated samples with generated samples, not with real data");
    }

    /** @return whether the folders its class map names exist and hold only files named as generate names them */
    private static boolean numberedPngClasses(Path folder) {
        try {
            var map = ClassMap.readIfPresent(folder);
            if (map.isEmpty() || map.get().entries().isEmpty()) {
                return false;
            }
            for (var entry : map.get().entries()) {
                Path classFolder = folder.resolve(entry.folder());
                if (entry.folder().isEmpty() || !Files.isDirectory(classFolder, LinkOption.NOFOLLOW_LINKS)) {
                    return false;
                }
                try (Stream<Path> files = Files.list(classFolder)) {
                    if (!files.allMatch(f -> f.getFileName().toString().matches("\\d{6,}\\.png"))) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException | RuntimeException unreadable) {
            return false; // a class map or folder that cannot be read is read, and named, by the data's own reader
        }
    }
}
