package dev.augment.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Counts the image sizes of a folder once two images were found to differ, so that the error names every size at
 * once rather than one pair per run (a fresh user resized, ran again and met the next pair, 6 Dec). Only each image's
 * header is read (ImageIO's {@code getWidth}/{@code getHeight}); a file no reader knows is left out of the count.
 */
final class ImageSizeCensus {

    /** Sizes named in full; the rest are counted together. */
    private static final int SHOWN = 5;

    private ImageSizeCensus() {
    }

    /**
     * @param root the folder the files are under, for shorter names
     * @param files every image file of the folder
     * @return for example {@code "sizes of the 6 images: 28x28 (3, the first a/0.png), 32x32 (1: a/2.png)"} and,
     *     when more than two sizes are found, advice to resize every image to the commonest size; empty when at
     *     most one size is found
     */
    static String describe(Path root, List<Path> files) {
        Map<String, List<Path>> bySize = new LinkedHashMap<>();
        for (Path file : files) {
            int[] size = size(file);
            if (size != null) {
                bySize.computeIfAbsent(size[0] + "x" + size[1], s -> new java.util.ArrayList<>()).add(file);
            }
        }
        if (bySize.size() < 2) {
            return "";
        }
        List<Map.Entry<String, List<Path>>> sizes = bySize.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<Path>> e) -> -e.getValue().size()))
                .toList();
        int counted = sizes.stream().mapToInt(e -> e.getValue().size()).sum();
        String shown = sizes.subList(0, Math.min(SHOWN, sizes.size())).stream()
                .map(e -> e.getKey() + " (" + e.getValue().size() + (e.getValue().size() == 1 ? ": " : ", the first ")
                        + root.relativize(e.getValue().get(0)) + ")")
                .collect(Collectors.joining(", "));
        String more = sizes.size() > SHOWN ? " and " + (sizes.size() - SHOWN) + " more sizes" : "";
        return "; the sizes of the " + counted + " images: " + shown + more + (sizes.size() > 2
                ? "; resize every image to one size (e.g. mogrify -resize " + sizes.get(0).getKey() + "! on copies) "
                + "or remove the others" : "");
    }

    /**
     * @return the image's width and height from its header, read from the file as a stream (a file of GBs read whole
     *     ran the heap out here: a re-check, 6 Dec), or null when no reader knows the file
     */
    private static int[] size(Path file) {
        try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(file.toFile())) {
            return in == null ? null : CheckedImageReading.withReader(in, null, true,
                    reader -> new int[] {reader.getWidth(0), reader.getHeight(0)});
        } catch (IOException | RuntimeException e) {
            return null; // only this file's count is lost
        }
    }
}
