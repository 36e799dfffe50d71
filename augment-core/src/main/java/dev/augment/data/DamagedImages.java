package dev.augment.data;

import dev.augment.errors.InvalidDataException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The damaged image files of one folder read, counted all at once: empty, cut short, undecodable or unreadable files
 * (and TIFF files named as PNG or JPEG, a re-check found) were named one per run, so a folder of an interrupted
 * download with four such files took four runs to find them (a fresh user, 7 Dec). The first one's own message is
 * kept, since it says what is wrong and how to fix it.
 */
final class DamagedImages {

    /** The most files a refusal names. */
    static final int NAMED = 5;

    private final Path root;
    private final List<Path> files = new ArrayList<>();
    private InvalidDataException first;

    /** @param root the data folder, named by the refusal */
    DamagedImages(Path root) {
        this.root = root;
    }

    /**
     * @param file the file being decoded
     * @param refusal what decoding it threw
     * @return whether the refusal is of a damaged file, and was counted; otherwise the caller rethrows it (an image of
     *     another size, one beyond the heap)
     */
    boolean count(Path file, InvalidDataException refusal) {
        String problem = refusal.getMessage().startsWith(file + ": ")
                ? refusal.getMessage().substring(file.toString().length() + 2) : "";
        if (ImageDecoder.DAMAGE_PREFIXES.stream().noneMatch(problem::startsWith)) {
            return false;
        }
        if (first == null) {
            first = refusal;
        }
        files.add(file);
        return true;
    }

    /** @throws InvalidDataException the first damaged file's refusal, alone or with how many others and which */
    void refuseAny() {
        if (first == null) {
            return;
        }
        if (files.size() == 1) {
            throw first;
        }
        // without the first as a cause: the command line printed its cause after the list of the others (7 Dec)
        throw new InvalidDataException(root, files.size() + " image files cannot be read; the first: "
                + first.getMessage() + "; the others: " + others() + " (copy them again, convert or delete them)");
    }

    /**
     * @param refusal what ended the read otherwise (an image of another size)
     * @return the refusal, naming too the damaged files found before it: they were dropped, and the next run found
     *     them (a re-check, 7 Dec)
     */
    InvalidDataException withFound(InvalidDataException refusal) {
        if (first == null || refusal.file() == null) {
            return refusal;
        }
        String problem = refusal.getMessage().substring(Math.min(refusal.getMessage().length(),
                refusal.file().toString().length() + 2));
        return new InvalidDataException(refusal.file(), problem + "; besides, " + (files.size() == 1
                ? "an image file read before it cannot be read: " + first.getMessage()
                : files.size() + " image files read before it cannot be read, the first: " + first.getMessage()
                + "; the others: " + others()));
    }

    private String others() {
        List<String> named = files.subList(1, Math.min(files.size(), NAMED + 1)).stream()
                .map(f -> root.relativize(f).toString()).toList();
        return String.join(", ", named) + (files.size() > NAMED + 1 ? " and " + (files.size() - NAMED - 1) + " more"
                : "");
    }
}
