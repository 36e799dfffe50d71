package dev.augment.eval.report;

import dev.augment.io.PhysicalPaths;

import java.nio.file.Path;

/** How a report names the files an evaluation wrote beside it. */
public final class ReportFiles {

    private ReportFiles() {
    }

    /**
     * A file the evaluation wrote into a folder of its output (e.g. {@code generators/seed-1.onnx}), named relative to
     * the report's folder, the parent of {@code folder}: the output is written in a temporary folder that is renamed
     * when complete, so an absolute path would name a folder that no longer exists.
     *
     * @param folder the output's folder the file was written to, e.g. {@code <work folder>/generators}
     * @param file the file
     * @return the file's path relative to {@code folder}'s parent, with '/' separators; the file's absolute path when
     *     it lies outside that parent
     */
    public static String relativeToReport(Path folder, Path file) {
        Path reportFolder = PhysicalPaths.absolute(folder).getParent();
        Path absolute = PhysicalPaths.absolute(file);
        if (reportFolder == null || !absolute.startsWith(reportFolder)) {
            return absolute.toString();
        }
        return reportFolder.relativize(absolute).toString().replace('\\', '/');
    }
}
