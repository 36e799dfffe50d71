package dev.augment.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * An output folder named like a file of another kind: {@code generate --out cat.png} and {@code --out cat.onnx} made
 * folders of those names without a word, and a folder {@code m.onnx} in {@code models/} was then listed as a skipped
 * model on every lookup (a fresh user, 7 Dec). An output is always a folder; this says so before the work. A name
 * ending {@code .csv} is left alone: the {@code wrote} line names the file inside it ({@code x.csv/samples.csv}).
 */
final class FolderNamedLikeAFile {

    /** Extensions of files augment reads or writes that a folder is not expected to carry. */
    private static final Set<String> FILE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "onnx", "gz", "idx", "json",
            "txt", "parquet", "zip");

    private FolderNamedLikeAFile() {
    }

    /**
     * @param out the command's {@code --out}
     * @param err where the note goes
     */
    static void note(Path out, PrintWriter err) {
        Path name = out.getFileName();
        if (name == null) {
            return;
        }
        String text = name.toString();
        int dot = text.lastIndexOf('.');
        if (dot <= 0 || !FILE_EXTENSIONS.contains(text.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            return;
        }
        // the plain name beside it, not in the current folder (--out scratch/o5/cat.png was told --out cat: 7 Dec)
        Path plain = out.resolveSibling(text.substring(0, dot));
        err.println("augment: note: --out " + AugmentCli.oneLine(out.toString()) + " is a folder, as every output "
                + "is, although its name ends in " + text.substring(dot) + "; the files go inside it (give --out "
                + AugmentCli.oneLine(plain.toString()) + " for a folder named plainly)");
    }
}
