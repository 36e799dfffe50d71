package dev.augment.eval.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Small imbalanced CSV tables written for a test: two numeric columns, one categorical, three classes. */
final class TinyTables {

    private TinyTables() {
    }

    /**
     * @param dir where to write
     * @param perClass rows of each class (e.g. 40, 12, 6)
     * @return the CSV: columns {@code size,weight,colour,kind}; the class decides size's mean and colour's odds
     */
    static Path write(Path dir, int... perClass) throws IOException {
        StringBuilder s = new StringBuilder("size,weight,colour,kind\n");
        SplittableRandom rng = new SplittableRandom(5);
        String[] colours = {"red", "green", "blue"};
        for (int c = 0; c < perClass.length; c++) {
            for (int i = 0; i < perClass[c]; i++) {
                double size = 10 * c + rng.nextGaussian() * 2;
                double weight = 100 + size * 3 + rng.nextGaussian();
                String colour = rng.nextDouble() < 0.7 ? colours[c % 3] : colours[rng.nextInt(3)];
                s.append(String.format(java.util.Locale.ROOT, "%.2f,%.1f,%s,k%d%n", size, weight, colour, c));
            }
        }
        Path csv = dir.resolve("tiny.csv");
        Files.writeString(csv, s.toString());
        return csv;
    }
}
