package dev.augment.cli;

import dev.augment.data.ImageFolderSource;
import dev.augment.data.SchemaDataSource;

import java.io.PrintWriter;
import java.util.List;

/**
 * Says what an image-folder source left out ({@link ImageFolderSource#skipped()}): a folder whose name starts with
 * "." would have been a class, and a .bmp or a sub-folder inside a class folder is easily taken for data. One note
 * line; nothing for other sources or when nothing was skipped.
 */
final class SkippedImages {

    /** Entries named in full; more are counted. */
    private static final int LISTED = 5;

    private SkippedImages() {
    }

    /**
     * @param source the opened data
     * @param out where notes go
     */
    static void note(SchemaDataSource source, PrintWriter out) {
        if (!(source instanceof ImageFolderSource folder) || folder.skipped().isEmpty()) {
            return;
        }
        List<String> skipped = folder.skipped();
        String listed = String.join(", ", skipped.subList(0, Math.min(LISTED, skipped.size())))
                + (skipped.size() > LISTED ? " and " + (skipped.size() - LISTED) + " more" : "");
        out.println("note: " + folder.root() + ": skipped " + skipped.size()
                + (skipped.size() == 1 ? " entry" : " entries") + " that " + (skipped.size() == 1 ? "is" : "are") + " not read as data (" + listed + "); only .png, "
                + ".jpg and .jpeg files directly in class folders are read, and folders starting with '.' are not "
                + "classes");
        out.flush();
    }
}
