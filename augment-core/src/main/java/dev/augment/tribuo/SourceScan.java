package dev.augment.tribuo;

import dev.augment.errors.InvalidSettingException;
import dev.augment.data.SchemaDataSource;
import dev.augment.data.TribuoExamples;
import dev.augment.schema.SampleSchema;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass over a source: checks that it matches a generator's schema and counts its examples of each
 * class. A {@link SchemaDataSource} must have exactly the generator's feature names, shape and labels;
 * any other source must use only the generator's feature names and labels.
 *
 * @param realCounts the source's examples of each class, by class index of the generator's schema
 * @param warnings what the scan found doubtful but not wrong (an image source in the lowest 5% of the generator's
 *     range, a table column absent that may be all 0); empty when nothing
 * @param keepsZeros whether a real example holds a feature at 0 that generated examples leave out (an image's pixel,
 *     a table's category), so that generated examples must keep their zeros too
 * @param digests each class's {@link DrawnFromDigests} digest of this read, by class index of the generator's schema
 * @param contents each class's {@link DrawnFromDigests#content} digest of this read, by class index
 * @param weighted per class index, whether any of its examples has a Tribuo weight above 0
 * @param classSums for an image generator that adds examples, per class index the sum of each pixel over its real
 *     examples (null for a class without any); null otherwise, or when the source is on another scale
 * @param highestPixel the highest pixel index any real example holds non-zero, for a source read here by feature
 *     name (not an augment source, whose schema was compared); -1 otherwise
 * @param wholeValues whether every value of every example is a whole number from 0 to 255 (8-bit pixels are; pixels
 *     divided by 255 are not, nor pixels times 2, and SMOTE's examples of them must not be rounded to whole pixels)
 * @param tableFeaturesSeen for a table generator that adds examples, the feature names the source's examples hold
 *     ({@link AbsentCategories}); null otherwise
 * @param tableColumnsWithGaps for a table generator that adds examples, the columns in which some example of the
 *     source has no feature ({@link ColumnGaps}); null otherwise
 * @param tableColumnSpans for a table generator that adds examples, per numeric column the source has values in
 *     {@code {min, max, values}} ({@link TableColumnRanges#sourceSpans}); null otherwise
 * @param tableGapShares for a table generator that adds examples, per column with a gap the share of the source's
 *     examples without a feature of it ({@link ColumnGaps#gapShares}); null otherwise
 */
record SourceScan(int[] realCounts, List<String> warnings, boolean keepsZeros, long[] digests, long[] contents,
                  boolean[] weighted,
                  double[][] classSums, int highestPixel, boolean wholeValues, Set<String> tableFeaturesSeen,
                  Set<String> tableColumnsWithGaps, java.util.Map<String, double[]> tableColumnSpans,
                  java.util.Map<String, Double> tableGapShares) {

    /**
     * @param source the source to scan
     * @param schema the generator's schema
     * @param table the generator's table layout, or null for an image generator
     * @param generates whether generated examples join the source (GAN, hybrid, mix), so that an image source must be
     *     on the generator's scale
     * @return the class counts
     * @throws InvalidSettingException for field "source", naming the first difference: a label or feature the
     *     generator does not have; for a table, a column of the generator of which no example has a feature (a warning
     *     for a numeric column whose range holds 0, which sparse examples leave out when all 0) when {@code generates};
     *     for a table when {@code generates}, a numeric column with half or more of its values outside the range the
     *     generator was trained on ({@link TableColumnRanges}; 5% or more give a warning); for
     *     images when {@code generates}, a value outside the generator's [minValue, maxValue] (values all within
     *     its lowest 5% give a warning)
     * @throws dev.augment.errors.InvalidDataException when a value is NaN or infinite
     */
    static SourceScan of(DataSource<Label> source, SampleSchema schema, dev.augment.table.TableSchema table,
                         boolean generates) {
        boolean checkFeatures = true;
        if (source instanceof SchemaDataSource schemaSource) {
            if (table != null && source instanceof dev.augment.table.CsvTableSource csv) {
                compareKinds(csv.table().schema(), table);
            }
            compare(schemaSource.schema(), schema, table != null);
            checkFeatures = false;
        }
        if (table == null && schema.isImage()) {
            // Tribuo's IDX feature names do not tell 14×14 images from 28×28 ones: every name is also the generator's
            java.util.Optional<List<Integer>> shape = dev.augment.data.TribuoIdxShape.of(source);
            if (shape.isPresent() && !shape.get().equals(schema.shape())) {
                throw mismatch("the source's IDX images are " + shape(shape.get()) + " but the generator's are "
                        + shape(schema.shape()) + "; give images of the generator's size, or a generator trained on "
                        + "these");
            }
        }
        Map<String, Integer> classIndex = new HashMap<>();
        for (int c = 0; c < schema.classCount(); c++) {
            classIndex.put(schema.labels().get(c), c);
        }
        Set<String> features = new HashSet<>(schema.featureNames());
        // per class, the sum of each pixel: GeneratorFit compares the classes' means with the generator's samples
        double[][] classSums = table == null && schema.isImage() && generates
                ? new double[schema.classCount()][] : null;
        Map<String, Integer> featureIndex = new HashMap<>();
        if (classSums != null) {
            for (int f = 0; f < schema.featureCount(); f++) {
                featureIndex.put(schema.featureNames().get(f), f);
            }
        }
        // the highest pixel any example lights, for a source whose feature names alone cannot tell its image size
        boolean tracksPixels = classSums != null && checkFeatures;
        int highestPixel = -1;
        Set<String> seen = new HashSet<>();
        GreyShare greyShare = new GreyShare(schema);
        // a dense copy of each image only where GreyShare counts: three-channel images
        float[] dense = classSums != null && schema.channels() == 3 ? new float[schema.featureCount()] : null;
        SourceValueRange range = new SourceValueRange();
        TableColumnRanges columnRanges = table != null && generates ? new TableColumnRanges(table) : null;
        ColumnGaps gaps = table != null && generates ? new ColumnGaps(table) : null;
        int[] counts = new int[schema.classCount()];
        long[] digests = new long[schema.classCount()];
        long[] contents = new long[schema.classCount()];
        boolean[] weighted = new boolean[schema.classCount()];
        Set<String> keptAnyway = keptAtZero(schema, table);
        boolean keepsZeros = false;
        boolean wholeValues = true;
        long index = 0;
        for (Example<Label> example : TribuoExamples.of(source)) {
            requireLabelledReal(example, index);
            if (index == 0 && checkFeatures) {
                requireSomeFeatureShared(example, features, schema, table);
            }
            String label = example.getOutput().getLabel();
            Integer c = classIndex.get(label);
            if (c == null) {
                String caseOnly = schema.labels().stream().filter(l -> l.equalsIgnoreCase(label)).findFirst()
                        .map(l -> " ('" + l + "' differs only in case: Tribuo's FieldResponseProcessor upper-cases "
                                + "labels unless its uppercase option is false)").orElse("");
                int named = caseOnly.isEmpty() ? classNamed(label, schema) : -1;
                String byName = named < 0 ? "" : " ('" + dev.augment.table.ColumnAdvice.shown(label) + "' is the "
                        + "generator's class name " + (label.equals(schema.classNames().get(named)) ? "" : "'"
                        + schema.classNames().get(named) + "' ") + "of label '"
                        + schema.labels().get(named) + "': examples carry labels, so relabel the source's examples "
                        + "with the generator's labels, e.g. by a map from name to label in its response processor)";
                // ' 2' and '2.0' for the generator's '2', and a line break for a space: the same label written
                // otherwise got no hint, and printed raw over two lines (a re-check, 6 Dec)
                String alike = caseOnly.isEmpty() && byName.isEmpty() ? schema.labels().stream().filter(l ->
                        !dev.augment.table.ColumnAdvice.lookalikeLabels(List.of(l, label)).isEmpty()).findFirst()
                        .map(l -> " ('" + dev.augment.table.ColumnAdvice.shown(label) + "' is the generator's '"
                                + dev.augment.table.ColumnAdvice.shown(l) + "' written otherwise: relabel the source's "
                                + "examples as the generator writes them)").orElse("") : "";
                throw mismatch("example " + index + " of the source has label '"
                        + dev.augment.table.ColumnAdvice.shown(label) + "', which the generator does not know; its "
                        + "labels are " + schema.labels() + caseOnly + byName + alike
                        + ((caseOnly + byName + alike).isEmpty() ? byIndex(label, schema) : ""));
            }
            if (checkFeatures) {
                for (Feature feature : example) {
                    if (!features.contains(feature.getName())) {
                        throw mismatch("example " + index + " of the source has feature '" + feature.getName()
                                + "', which is not a feature of the generator (its " + schema.featureCount()
                                + " features are named " + preview(schema.featureNames()) + ")"
                                + tribuoCsvNaming(feature.getName(), table, features)
                                + localeDigits(feature.getName()));
                    }
                    if (table != null) {
                        seen.add(feature.getName());
                    }
                    if (tracksPixels && feature.getValue() != 0) {
                        highestPixel = Math.max(highestPixel, featureIndex.get(feature.getName()));
                    }
                }
            }
            if (table != null && generates && !checkFeatures) {
                for (Feature feature : example) {
                    seen.add(feature.getName()); // the categories the source's rows hold (AbsentCategories)
                }
            }
            TribuoExamples.requireFinite(example, index, source);
            for (java.util.Iterator<Feature> values = example.iterator(); wholeValues && values.hasNext(); ) {
                double value = values.next().getValue();
                // and within 8 bits: pixels times 2 (to 510) were clamped to 255 by SMOTE's rounding to the grid,
                // without a word (a re-check, 7 Dec)
                wholeValues = value == Math.rint(value) && value >= 0 && value <= 255;
            }
            if (table == null && generates) {
                range.add(example, index);
            }
            if (columnRanges != null) {
                columnRanges.add(example);
            }
            if (gaps != null) {
                gaps.add(example);
            }
            if (generates && !keepsZeros) {
                keepsZeros = holdsAZero(example, keptAnyway);
            }
            if (classSums != null) {
                if (classSums[c] == null) {
                    classSums[c] = new double[schema.featureCount()];
                }
                if (dense != null) {
                    java.util.Arrays.fill(dense, 0f);
                }
                for (Feature feature : example) {
                    Integer f = featureIndex.get(feature.getName());
                    if (f != null) {
                        classSums[c][f] += feature.getValue();
                        if (dense != null) {
                            dense[f] = (float) feature.getValue();
                        }
                    }
                }
                if (dense != null) {
                    greyShare.add(dense, c);
                }
            }
            counts[c]++;
            digests[c] = DrawnFromDigests.add(digests[c], example);
            contents[c] = DrawnFromDigests.content(contents[c], example);
            weighted[c] |= example.getWeight() > 0;
            index++;
        }
        if (tracksPixels && index >= SMALLER_IMAGES_EVIDENCE && highestPixel < schema.featureCount() / 2) {
            // 14×14 images named as Tribuo names pixels (000–195) in a ListDataSource fit every name of a 28×28
            // generator, whose examples then held pixels no real one has (a fresh user, 5 Dec)
            throw mismatch("no example of the source has a pixel beyond feature '" + (highestPixel < 0 ? "none"
                    : schema.featureNames().get(highestPixel)) + "' (" + (highestPixel + 1) + " of the generator's "
                    + schema.featureCount() + " " + shape(schema.shape()) + " pixels), so generated examples would "
                    + "hold pixels no real one has: are the source's images of another size than the generator's? "
                    + "give images of its size, or a generator trained on these");
        }
        List<String> warnings = new java.util.ArrayList<>();
        if (table != null && generates && checkFeatures && index > 0) {
            // only generated rows can lack or have a column the real ones have not; ROS and SMOTE rows are the source's
            warnings.addAll(requireEveryColumn(table, seen));
        }
        if (columnRanges != null) {
            warnings.addAll(columnRanges.check());
        }
        if (table == null && generates && schema.isImage()) {
            java.util.Optional<String> scale = range.requireScale(schema);
            if (scale.isPresent()) {
                warnings.add(scale.get());
                classSums = null; // on another scale every class mean is far from the generator's: said once, above
            }
            if (classSums != null) {
                greyShare.warning().ifPresent(warnings::add);
            }
        }
        return new SourceScan(counts, warnings, keepsZeros, digests, contents, weighted, classSums,
                tracksPixels ? highestPixel : -1, wholeValues, table != null && generates ? Set.copyOf(seen) : null,
                gaps == null ? null : gaps.gapped(), columnRanges == null ? null : columnRanges.sourceSpans(),
                gaps == null ? null : gaps.gapShares());
    }

    /**
     * An image generator given a table source (or the other way round) was refused on the first label or feature that
     * differed, without a word of what the generator makes (a Tribuo user, 7 Dec).
     *
     * @throws PropertyException when the example has features and none is the generator's
     */
    private static void requireSomeFeatureShared(Example<Label> example, Set<String> features, SampleSchema schema,
                                                 dev.augment.table.TableSchema table) {
        List<String> names = new java.util.ArrayList<>();
        for (Feature feature : example) {
            if (features.contains(feature.getName())) {
                return;
            }
            names.add(feature.getName());
        }
        if (names.isEmpty() || !(tribuoCsvNaming(names.get(0), table, features) + localeDigits(names.get(0)))
                .isEmpty()) {
            return; // the generator's data read with other names: the feature check names the way to read it
        }
        throw mismatch("the source's first example has no feature of the generator's (its features are named "
                + preview(names) + "; the generator makes " + (table == null ? "images of shape " + schema.shape()
                : "table rows") + ", with features named " + preview(schema.featureNames()) + "): it is the generator "
                + "of other data; give the one trained on this source's data");
    }

    /**
     * Tribuo's {@code DoubleFieldProcessor} names a numeric column's feature {@code age@value} by default,
     * where a table generator's is {@code age}: the refusal named no way out (a fresh user, 6 Dec).
     *
     * @return the advice when {@code name} is a generator's numeric column with Tribuo's {@code @value} suffix, or that
     *     column read as categories ({@code IdentityProcessor}: {@code age@35}); else ""
     */
    private static String tribuoCsvNaming(String name, dev.augment.table.TableSchema table, Set<String> features) {
        String suffix = "@value";
        if (table == null) {
            return "";
        }
        if (!name.endsWith(suffix) || !features.contains(name.substring(0, name.length() - suffix.length()))) {
            // a numeric column read as categories (IdentityProcessor: age@35) was refused without a fix (a Tribuo
            // user, 7 Dec)
            for (int at = name.indexOf('@'); at > 0; at = name.indexOf('@', at + 1)) {
                String column = name.substring(0, at);
                if (features.contains(column)) {
                    return "; the source reads column '" + column + "' as categories (Tribuo's IdentityProcessor "
                            + "names them '" + name + "'), and the generator holds it as a number, feature '" + column
                            + "': read it with new DoubleFieldProcessor(\"" + column + "\", true), or read the CSV "
                            + "with the generator's layout, new CSVDataSource<>(csv, generator.metadata().table()"
                            + ".rowProcessor(), true)";
                }
            }
            return "";
        }
        return "; Tribuo's DoubleFieldProcessor names a numeric column '" + name + "' (unless its onlyFieldName is "
                + "true), the generator '" + name.substring(0, name.length() - suffix.length()) + "': read the CSV "
                + "with the generator's layout, new CSVDataSource<>(csv, generator.metadata().table().rowProcessor(), "
                + "true) (which a model's provenance can rebuild) or new CsvTableSource(csv, "
                + "generator.metadata().table()) (which it cannot: its provenance is a description)";
    }

    /** Examples from which a source whose non-zero pixels all lie in the generator's first half is another size. */
    static final int SMALLER_IMAGES_EVIDENCE = 10;

    /** @return the features generated examples hold even at 0: a table's numeric columns; none of an image's */
    private static Set<String> keptAtZero(SampleSchema schema, dev.augment.table.TableSchema table) {
        Set<String> kept = new HashSet<>();
        if (table != null) {
            boolean[] numeric = table.numericFeatures();
            for (int f = 0; f < numeric.length; f++) {
                if (numeric[f]) {
                    kept.add(schema.featureNames().get(f));
                }
            }
        }
        return kept;
    }

    /**
     * @return whether the example holds a feature at 0 that generated examples would leave out, beside a value that is
     *     not 0: a sparse source gives an all-zero image every feature at 0 (Tribuo refuses an example without
     *     features), and that alone does not make the source dense
     */
    private static boolean holdsAZero(Example<Label> example, Set<String> keptAnyway) {
        boolean zero = false;
        boolean nonZero = false;
        for (Feature feature : example) {
            zero |= feature.getValue() == 0 && !keptAnyway.contains(feature.getName());
            nonZero |= feature.getValue() != 0;
        }
        return zero && nonZero;
    }

    /**
     * @param example an example of the source
     * @param index its position in the source
     * @throws InvalidSettingException for field "source" when it is null or has no features or a feature name twice,
     *     when its weight is NaN,
     *     infinite or negative, when it carries
     *     Tribuo's unknown label (an unlabelled
     *     example), which would be oversampled as a class of its own, or augment's synthetic mark (the source is
     *     itself augmented: its added examples would count as real, and SMOTE would interpolate between them)
     */
    static void requireLabelledReal(Example<Label> example, long index) {
        if (example == null) {
            throw new InvalidSettingException("source", "source example " + index + " is null; a source must give "
                    + "examples");
        }
        Object output = example.getOutput();
        if (!(output instanceof Label)) {
            // raw types let a ClusterID through a LabelFactory source: a bare ClassCastException (a fresh user, 5 Dec)
            throw new InvalidSettingException("source", "source example " + index + "'s output is "
                    + (output == null ? "null" : "a " + output.getClass().getSimpleName()) + ", not a Tribuo Label; "
                    + "a source to oversample must give labelled classification examples");
        }
        if (example.size() == 0) {
            // SMOTE read it as the zero vector; Tribuo's MutableDataset refused it only later
            throw new InvalidSettingException("source", "source example " + index + " has no features, which Tribuo "
                    + "refuses in a dataset; drop it first");
        }
        String previous = null;
        for (Feature feature : example) { // Tribuo's examples iterate in name order: a repeated name is adjacent
            if (feature.getName().equals(previous)) {
                // SMOTE interpolated it as one of the two values, and Tribuo's MutableDataset refused it only later,
                // naming no example (a fresh user, 6 Dec)
                throw new InvalidSettingException("source", "source example " + index + " has feature '"
                        + dev.augment.table.ColumnAdvice.shown(previous) + "' twice, which Tribuo refuses in a "
                        + "dataset; give each feature once (sum or drop the repeats) first");
            }
            previous = feature.getName();
        }
        float weight = example.getWeight();
        if (!(weight >= 0) || Float.isInfinite(weight)) {
            // added examples carry their class's real weights (times syntheticWeight): a NaN would spread to them all
            throw new InvalidSettingException("source", "source example " + index + " has the Tribuo weight "
                    + weight + "; a weight must be a finite number of at least 0 (1 unless set); fix the weights "
                    + "first");
        }
        if (org.tribuo.classification.LabelFactory.UNKNOWN_LABEL.equals(example.getOutput())) {
            throw new InvalidSettingException("source", "source example " + index + " has no label (Tribuo's "
                    + example.getOutput().getLabel() + "), and every example to oversample needs one; drop the "
                    + "unlabelled examples first");
        }
        java.util.Optional<String> unreadable = SyntheticExamples.unreadableMark(example);
        if (unreadable.isPresent()) {
            throw new InvalidSettingException("source", "source example " + index + " has "
                    + SyntheticExamples.SYNTHETIC_KEY + " = '" + dev.augment.table.ColumnAdvice.shown(unreadable.get())
                    + "', which says neither added (true, 1) nor real (false, 0); fix the metadata, or remove it from "
                    + "real examples");
        }
        if (SyntheticExamples.isSynthetic(example)) {
            throw new InvalidSettingException("source", "source example " + index + " is already synthetic ("
                    + SyntheticExamples.SYNTHETIC_KEY + " = "
                    + example.getMetadataValue(SyntheticExamples.SYNTHETIC_KEY).orElse("true") + ", method '"
                    + example.getMetadataValue(SyntheticExamples.METHOD_KEY).orElse("unknown") + "'): the source is "
                    + "itself augmented, and its added examples would be counted and oversampled as real ones; wrap "
                    + "the real source once (the hybrid and mix policies combine methods)");
        }
    }

    /**
     * A table source without a column would give real rows without it and generated rows with it: refused, but for a
     * numeric column whose range holds 0, which a sparse source leaves out when every value is 0 (a warning then).
     *
     * @return the warnings, one per numeric column absent from the source whose range holds 0
     */
    private static List<String> requireEveryColumn(dev.augment.table.TableSchema table, Set<String> seen) {
        List<String> absent = new java.util.ArrayList<>();
        List<String> warnings = new java.util.ArrayList<>();
        for (dev.augment.table.TableColumn column : table.columns()) {
            List<String> names = column.isNumeric() ? List.of(column.name()) : column.categories().stream()
                    .map(v -> org.tribuo.data.columnar.ColumnarFeature.generateFeatureName(column.name(), v)).toList();
            if (names.stream().noneMatch(seen::contains)) {
                if (column.isNumeric() && column.min() <= 0 && column.max() >= 0) {
                    warnings.add("no example of the source has column '" + column.name() + "', which the generator "
                            + "writes in every row; fine if its values are all 0 and left out (as sparse examples do), "
                            + "else generated rows can be told from the real ones by it");
                } else {
                    absent.add("'" + column.name() + "'");
                }
            }
        }
        if (!absent.isEmpty()) {
            throw mismatch("no example of the source has " + (absent.size() == 1 ? "column " : "columns ")
                    + String.join(", ", absent) + ", which the generator writes in every row, so its rows could be "
                    + "told from the real ones by " + (absent.size() == 1 ? "that column" : "those columns")
                    + "; read the source with the generator's columns (TableSchema.rowProcessor())");
        }
        return warnings;
    }

    /**
     * A column both read, as numbers by one and as categories by the other: a configured {@code CsvTableSource} with a
     * column in {@code categoricalColumns} that the generator read as numbers was told a fix in Java code, which a
     * configuration cannot use (a Tribuo user, 6 Dec).
     *
     * @param source the source's table layout
     * @param generator the generator's
     */
    private static void compareKinds(dev.augment.table.TableSchema source, dev.augment.table.TableSchema generator) {
        for (dev.augment.table.TableColumn theirs : generator.columns()) {
            for (dev.augment.table.TableColumn ours : source.columns()) {
                if (ours.name().equals(theirs.name()) && ours.isNumeric() != theirs.isNumeric()) {
                    String field = theirs.isNumeric() ? "numericColumns" : "categoricalColumns";
                    throw mismatch("column '" + ours.name() + "' is read as " + (ours.isNumeric() ? "numbers"
                            : "categories") + " by the source but as " + (theirs.isNumeric() ? "numbers" : "categories")
                            + " by the generator; read it as the generator does: in a configuration, list it in the "
                            + "CsvTableSource's " + field + (theirs.isNumeric() ? " (and not in categoricalColumns)"
                            : "") + "; in code, Tribuo's new CSVDataSource<>(file, generator.metadata().table()"
                            + ".rowProcessor(), true), which a model's provenance can rebuild (new "
                            + "CsvTableSource(file, generator.metadata().table()) reads it so too, but its provenance "
                            + "is a description)");
                }
            }
        }
    }

    /**
     * @param tableLayout whether the generator is a table generator, whose layout the source can be read in
     */
    private static void compare(SampleSchema source, SampleSchema generator, boolean tableLayout) {
        if (!source.featureNames().equals(generator.featureNames())) {
            List<String> a = source.featureNames();
            List<String> b = generator.featureNames();
            if (a.size() != b.size()) {
                List<String> lacking = b.stream().filter(n -> !a.contains(n)).toList();
                List<String> extra = a.stream().filter(n -> !b.contains(n)).toList();
                throw mismatch("the source has " + a.size() + " features but the generator has " + b.size()
                        + (lacking.isEmpty() ? "" : "; the source lacks " + counted(lacking, "generator's"))
                        + (extra.isEmpty() ? "" : "; the generator lacks " + counted(extra, "source's"))
                        + (tableLayout ? "; read the table in the generator's layout (Tribuo's new CSVDataSource<>("
                        + "file, generator.metadata().table().rowProcessor(), true), which a model's provenance can "
                        + "rebuild, or new CsvTableSource(file, generator.metadata().table()), whose provenance is a "
                        + "description), which keeps every column and category the generator knows"
                        + (extra.isEmpty() ? "" : " and leaves out of the real examples too any column it was not "
                        + "trained on; to keep such a column, train a generator on this table") : ""));
            }
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).equals(b.get(i))) {
                    throw mismatch("feature " + i + " is named '" + a.get(i) + "' in the source but '" + b.get(i)
                            + "' in the generator" + (tableLayout ? "; read the table in the generator's layout "
                            + "(Tribuo's new CSVDataSource<>(file, generator.metadata().table().rowProcessor(), true), "
                            + "which a model's provenance can rebuild, or new CsvTableSource(file, "
                            + "generator.metadata().table())), which puts its columns in the generator's order" : ""));
                }
            }
        }
        if (!source.shape().equals(generator.shape())) {
            throw mismatch("the source's shape is " + source.shape() + " but the generator's is " + generator.shape());
        }
        // some of the generator's classes are fine, as in any other source (each example is checked by its label):
        // augment's own image folders of three of ten classes were refused with two bare lists (a fresh user, 7 Dec)
        List<String> unknown = source.labels().stream().filter(l -> !generator.labels().contains(l)).toList();
        if (!unknown.isEmpty()) {
            throw mismatch("the source's labels " + preview(unknown) + " are not the generator's, "
                    + preview(generator.labels()) + byClassName(unknown, generator));
        }
    }

    /**
     * @return advice where a label is one of the generator's class names (a folder cannot hold '/', so
     *     {@code T-shirt_top} counts for {@code T-shirt/top}), else nothing
     */
    private static String byClassName(List<String> unknown, SampleSchema generator) {
        // folders in another case or with a space ('pullover', 'T-shirt top') got the generic line, and of three
        // class-name folders only the first was named (a re-check, 7 Dec)
        List<String> named = new java.util.ArrayList<>();
        for (String label : unknown) {
            int c = classNamed(label, generator);
            if (c >= 0 && named.size() < 3) {
                String name = generator.classNames().get(c);
                named.add("'" + dev.augment.table.ColumnAdvice.shown(label) + "' is the generator's class name "
                        + (label.equals(name) || label.equals(name.replace('/', '_')) ? "" : "'" + name + "' ")
                        + "of label '" + generator.labels().get(c) + "'");
            }
        }
        return named.isEmpty() ? "; give data of the generator's classes, or a generator trained on these"
                : "; " + String.join(", ", named) + ": name the classes (folders) by the generator's labels";
    }

    /**
     * Tribuo's {@code IDXDataSource} names pixels by {@code String.format} in the JVM's default locale: under Arabic,
     * Persian, Bengali, Marathi or Thai ones its names are "٠٩٦", and the README's complete example was refused as a
     * source that does not match, nothing saying why (a fresh user, 7 Dec). augment's own sources name them in ASCII
     * digits under every locale.
     *
     * @return advice when the name holds a digit other than 0-9; else ""
     */
    private static String localeDigits(String name) {
        boolean otherDigits = name.codePoints().anyMatch(ch -> Character.isDigit(ch) && (ch < '0' || ch > '9'));
        return otherDigits ? " ('" + dev.augment.table.ColumnAdvice.shown(name) + "' is written in the digits of the "
                + "JVM's locale, " + java.util.Locale.getDefault(java.util.Locale.Category.FORMAT).toLanguageTag()
                + ", as Tribuo's IDXDataSource writes pixel names under it; call Locale.setDefault(Locale.ROOT) "
                + "before reading the data, or run Java with -Duser.language=en)" : "";
    }

    /**
     * Tribuo's IDX reader labels examples by class index ({@code 0}, {@code 1}, …), and a generator trained on
     * class folders knows them by name: "label '0', which the generator does not know" named no cause (a fresh
     * user, 7 Dec).
     *
     * @return advice when the label is a class index of a generator whose labels are not numbers; else ""
     */
    private static String byIndex(String label, SampleSchema schema) {
        if (!label.matches("\\d{1,9}") || Integer.parseInt(label) >= schema.classCount()
                || schema.labels().stream().anyMatch(l -> l.matches("-?\\d+"))) {
            return "";
        }
        int c = Integer.parseInt(label);
        return " ('" + label + "' is the index of the generator's class '" + schema.labels().get(c) + "': the "
                + "source labels by class index, as Tribuo's IDXDataSource does; read files augment wrote with "
                + "dev.augment.data.DataSources.open, which reads their classes.csv, or relabel the examples)";
    }

    /**
     * @return the generator's class whose name the label is, exactly, with '/' as '_' (a folder cannot hold '/'), or
     *     but for case, spaces and invisible characters ({@link dev.augment.table.ColumnAdvice#looseSpelling}); −1
     *     for none
     */
    private static int classNamed(String label, SampleSchema generator) {
        for (boolean loose : new boolean[] {false, true}) {
            for (int c = 0; c < generator.classCount(); c++) {
                String name = generator.classNames().get(c);
                if (loose ? dev.augment.table.ColumnAdvice.looseSpelling(label).equals(
                        dev.augment.table.ColumnAdvice.looseSpelling(name.replace('/', '_')))
                        : label.equals(name) || label.equals(name.replace('/', '_'))) {
                    return c;
                }
            }
        }
        return -1;
    }

    /** @return (channels, rows, columns) as "28×28" for one channel, "3×32×32" for more */
    private static String shape(List<Integer> shape) {
        return (shape.get(0) == 1 ? "" : shape.get(0) + "×") + shape.get(1) + "×" + shape.get(2);
    }

    private static String counted(List<String> names, String whose) {
        return names.size() == 1 ? "the " + whose + " feature '" + names.get(0) + "'"
                : names.size() + " of the " + whose + " features, " + preview(names);
    }

    private static String preview(List<String> names) {
        return names.size() <= 4 ? names.toString()
                : "'" + names.get(0) + "', '" + names.get(1) + "' .. '" + names.get(names.size() - 1) + "'";
    }

    static InvalidSettingException mismatch(String difference) {
        return new InvalidSettingException("source", "source does not match the generator's schema: " + difference);
    }
}
