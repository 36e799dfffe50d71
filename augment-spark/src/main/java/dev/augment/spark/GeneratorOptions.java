package dev.augment.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@link GeneratorSource} reads, as the string options of a Spark data source: the model ({@link ModelFile}),
 * the seed and the planned slices ({@link SlicePlan}), written by {@link AugmentSpark} on the driver.
 *
 * @param model the model file and its SHA-256
 * @param seed the noise seed
 * @param slices the partitions, in order, at least one
 */
public record GeneratorOptions(ModelFile model, long seed, List<GenerationSlice> slices) {

    static final String MODEL = "model";
    static final String SHA256 = "sha256";
    static final String SEED = "seed";
    /** Slices as {@code class:first:count}, separated by {@code ;}. */
    static final String SLICES = "slices";

    /** Validates the options. */
    public GeneratorOptions {
        slices = List.copyOf(slices);
        if (slices.isEmpty()) {
            throw new IllegalArgumentException("no slices to generate");
        }
    }

    /** @return the options as a data source's string map */
    public Map<String, String> toMap() {
        return Map.of(MODEL, model.driverPath(), SHA256, model.sha256(), SEED, Long.toString(seed), SLICES,
                slices.stream().map(s -> s.classIndex() + ":" + s.first() + ":" + s.count())
                        .collect(Collectors.joining(";")));
    }

    /**
     * @param options a data source's options (keys in any case)
     * @return the options
     * @throws IllegalArgumentException when one is missing or malformed; {@link AugmentSpark} always writes them
     */
    public static GeneratorOptions from(Map<String, String> options) {
        ModelFile model = new ModelFile(require(options, MODEL), require(options, SHA256));
        long seed = Long.parseLong(require(options, SEED));
        List<GenerationSlice> slices = new ArrayList<>();
        for (String slice : require(options, SLICES).split(";")) {
            String[] parts = slice.split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("slice '" + slice + "' is not class:first:count");
            }
            slices.add(new GenerationSlice(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        }
        return new GeneratorOptions(model, seed, slices);
    }

    private static String require(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            value = options.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the augment generator source needs the option '" + key
                    + "'; create the dataset with AugmentSpark.generate");
        }
        return value;
    }
}
