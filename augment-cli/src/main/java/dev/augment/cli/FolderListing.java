package dev.augment.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a command's output folder holds, for its {@code wrote} line: the folder's own entries by name, folders marked
 * with a trailing {@code /} ({@code gains.png, generators/, grids/, report.html, report.json}), so the line names
 * what was written rather than a fixed list.
 */
final class FolderListing {

    private FolderListing() {
    }

    /**
     * @param folder an existing folder
     * @return its entries' names, sorted, comma-separated; an empty text when it cannot be listed (the line then
     *     names the folder only)
     */
    static String of(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : "")).sorted()
                    .collect(Collectors.joining(", "));
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * @return {@code "folder (a, b/)"}, or the folder alone when it lists nothing, on one line: a line break in the
     *     folder's name is written {@code \n}, as in augment's error lines
     */
    static String named(Path folder) {
        String listing = of(folder);
        return AugmentCli.oneLine(listing.isEmpty() ? folder.toString() : folder + " (" + listing + ")");
    }
}
