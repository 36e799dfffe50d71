package dev.augment.cli;

import dev.augment.data.ImageFolderSource;
import dev.augment.data.SchemaDataSource;

import java.io.PrintWriter;

/**
 * Prints what an image-folder source left out ({@link ImageFolderSource#skippedNote()}): a folder whose name starts
 * with "." would have been a class, and a .bmp or a sub-folder inside a class folder is easily taken for data; and
 * when a few colour images made a grey folder RGB ({@link ImageFolderSource#colourNote()}); JPEGs whose EXIF
 * orientation is not applied ({@link ImageFolderSource#orientationNote()}); and class folders that differ only in
 * case, spaces, leading zeros or how an accent is written
 * ({@link ImageFolderSource#lookalikeNote()}). Nothing for other sources
 * or when there is nothing to say.
 */
final class SkippedImages {

    private SkippedImages() {
    }

    /**
     * @param source the opened data
     * @param out where notes go
     */
    static void note(SchemaDataSource source, PrintWriter out) {
        note(source, null, out);
    }

    /**
     * @param source the opened data
     * @param other the other split of the same data, whose notes were printed already (what lies beside
     *     {@code train/} and {@code test/} is then not named again), or null
     * @param out where notes go
     */
    static void note(SchemaDataSource source, SchemaDataSource other, PrintWriter out) {
        if (source instanceof ImageFolderSource folder) {
            folder.skippedNote(other).ifPresent(out::println);
            folder.colourNote().ifPresent(out::println);
            folder.orientationNote().ifPresent(out::println);
            folder.depthNote().ifPresent(out::println);
            folder.lookalikeNote().ifPresent(out::println);
            folder.sharedImagesNote().ifPresent(out::println);
            out.flush();
        }
    }
}
