package dev.augment.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import dev.augment.errors.ModelContractException;
import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import dev.augment.oversample.Smote;
import dev.augment.oversample.filter.FilterClassifier;
import dev.augment.oversample.filter.FilterCounts;
import dev.augment.oversample.filter.GenerationFilter;
import dev.augment.schema.SampleSchema;
import dev.augment.table.CsvTableSource;
import dev.augment.table.TableSchema;
import org.tribuo.ConfigurableDataSource;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.provenance.DataSourceProvenance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A Tribuo {@code DataSource<Label>} that yields the examples of another source followed by examples
 * added to each class: as many as an {@link AugmentationPolicy} asks, made by a method
 * ({@link OversamplingMethod}): random oversampling (ROS), SMOTE, the GAN of a generator ONNX file, or a
 * hybrid of them.
 * <pre>{@code
 * // SMOTE, no generator needed
 * var smoted = new AugmentingDataSource(source, AugmentationPolicy.balance(),
 *         MethodSettings.of(OversamplingMethod.SMOTE).withK(5), 7L, 1f);
 * // the GAN (the default when a generator is given)
 * try (OnnxGenerator generator = OnnxGenerator.load(Path.of("models/fashion-mnist.onnx"), ExecutionDevice.CPU)) {
 *     var augmented = new AugmentingDataSource(source, generator, AugmentationPolicy.balance(), 7L, 0.5f);
 *     var model = new LogisticRegressionTrainer().train(new MutableDataset<>(augmented));
 * }
 * }</pre>
 *
 * <p>The method and the policy are orthogonal: the policy says how many examples each class gets, the
 * method where they come from ({@link MethodSettings#split}). HYBRID ("rebalance then generate") adds
 * the policy's counts with ROS or SMOTE and {@code generatedRatio} times as many GAN samples on top
 * (the policy's {@code maxSyntheticShare} caps the rebalancing part); MIX makes a {@code generatedShare}
 * of each class's count with the GAN and the rest with ROS or SMOTE. Only GAN, HYBRID and MIX need a
 * generator. Without one, the classes are the source's (by Tribuo label, or by class name for an augment
 * {@code SchemaDataSource}).
 *
 * <p>With {@code ganFilter} above 1 ({@link MethodSettings#withGanFilter}; GAN, HYBRID and MIX), the GAN examples
 * are filtered at generation time ({@link GenerationFilter}): for the {@code n} GAN examples of a class, the first
 * {@code ceil(ganFilter × n)} of its stream are scored by a logistic regression ({@link FilterClassifier}) trained
 * on the source's real examples only, and the {@code n} most likely to be of the class are added, in stream order.
 * The counts do not change; {@link #ganFilterCounts()} and the provenance say what was drawn, kept and dropped.
 *
 * <p>On a table with a categorical column (the source is a {@link CsvTableSource}, the generator is a
 * table generator, or the source's features hold Tribuo one-hot groups, {@code column@value}, checked on its
 * examples by {@link OneHotGroups}: Tribuo's own {@code CSVDataSource} with an {@code IdentityProcessor}),
 * SMOTE is SMOTE-NC ({@link dev.augment.oversample.SmoteNc}): categories stay one-hot
 * instead of being interpolated into fractions; its examples and the provenance's counts say
 * {@code smote-nc}. There is no separate method id: choosing SMOTE on such a table chooses SMOTE-NC.
 *
 * <p>Construction reads the source to check it (against the generator's schema, when there is one) and count its
 * classes: once for ROS and the GAN, four times when SMOTE is used (alone, or in a hybrid or mix: its table layout, the
 * memory its neighbour searches need, and its repeated-example and missing-number checks), once more with a GAN filter
 * (measured by a Tribuo user with a counting source, 6 Dec); iteration reads it again, keeping the real examples of the
 * classes ROS or SMOTE grows, and then adds each class's examples: ROS/SMOTE ones, then GAN ones, generated in batches
 * so they are never all held in memory. Iterating twice gives the same examples; the same seed gives the same examples.
 * A later pass must give the source's examples as the first did, in the same order for the classes ROS or SMOTE draws
 * from (else an {@link InvalidSettingException} for {@code source}, at the end of its real examples). Every added
 * example is marked ({@value SyntheticExamples#SYNTHETIC_KEY} = "true", {@value SyntheticExamples#METHOD_KEY} = ros,
 * smote, smote-nc or gan) and weighted as {@link SyntheticExamples} and {@link OversampledExamples} describe, and the
 * {@link AugmentedDataSourceProvenance} records the source, the method and its parameters, the seed, the counts added
 * by each source, SMOTE's neighbour counts and its warnings (a class of k examples or fewer clamps k to its size − 1; a
 * class of one example is duplicated), and the generator if any.
 *
 * <p>Configurable with OLCUT: every setting is a {@code @Config} field, checked in {@link #postConfig()},
 * which the public constructors call too. A configured instance loads the generator from
 * {@code generatorPath} when its method needs one and closes it in {@link #close()}; a generator passed to
 * a constructor stays the caller's.
 */
public final class AugmentingDataSource implements ConfigurableDataSource<Label>, AutoCloseable {

    /**
     * The noise seed used when none is given: 42, as every command's {@code --seed}, so that an OLCUT configuration
     * without a seed adds what {@code augment oversample} without one writes (it was 0 until 6 Dec: a fresh user).
     */
    public static final long DEFAULT_SEED = 42L;

    /** MULTIPLY's factor when none is configured. */
    public static final double DEFAULT_FACTOR = 2.0;

    private static final Logger LOGGER = Logger.getLogger(AugmentingDataSource.class.getName());

    /** Set by OLCUT to the component's name in a configuration file; null when built in code. */
    @com.oracle.labs.mlrg.olcut.config.ConfigurableName
    private String configName;

    @Config(mandatory = true, description = "The data source whose examples are augmented.")
    private ConfigurableDataSource<Label> source;
    @Config(description = "The generator ONNX file; needed by methods GAN, HYBRID and MIX. With ROS or SMOTE its "
            + "classes (and a table generator's layout) are used, and the source is checked against it.")
    private Path generatorPath;
    @Config(description = "The SHA-256 (hex) of the generatorPath file, as the provenance records it; when set, a file "
            + "with another hash is refused, so a configuration extracted from a model's provenance rebuilds its "
            + "training data only from the same generator. Optional; needs generatorPath.")
    private String generatorSha256;
    @Config(description = "A digest (16 hex digits) of the examples the source gave, in order, as the provenance "
            + "records it; when set, a source that now gives other examples (a row cut, added or edited in its file) "
            + "or the same in another order is refused, so a configuration extracted from a model's provenance "
            + "rebuilds its training data only from the same data. Optional.")
    private String sourceDigest;
    /** The digest of what the source gave when this was built, recorded in provenance as {@code sourceDigest}. */
    private String readDigest;
    // method, baseline, mode and device are text read in any case: OLCUT reads an enum field by its constant's
    // name alone, so a configuration's "smote" (as the command line and augment's messages spell it) was refused as
    // "smote is not a value of class ...OversamplingMethod", without the choices (a Tribuo user, 7 Dec)
    @Config(description = "Where ONNX Runtime runs the generator: CPU (the default) or CUDA, any case; needs "
            + "generatorPath.")
    private String device;
    @Config(description = "Where added examples come from: ROS, SMOTE, GAN, HYBRID or MIX (any case); by default GAN "
            + "when generatorPath is set, else SMOTE.")
    private String method;
    @Config(description = "SMOTE's neighbour count, at least 1 (clamped per class to its size - 1); default 5. "
            + "Read where SMOTE runs: SMOTE, and HYBRID and MIX on SMOTE.")
    private Integer k;
    @Config(description = "HYBRID and MIX: the non-generative method, ROS or SMOTE (the default), any case.")
    private String baseline;
    @Config(description = "HYBRID: generated examples added on top per ROS/SMOTE example, >= 0; default 0.5.")
    private Double generatedRatio;
    @Config(description = "MIX: the share of each class's added examples that the GAN makes, in [0, 1]; default 0.5.")
    private Double generatedShare;
    @Config(description = "GAN, HYBRID and MIX: the generation-time filter, candidates drawn per GAN example kept "
            + "(the most likely of their class under a logistic regression trained on the source's real examples); "
            + "finite and >= 1, 1 = no filter (the default).")
    private Double ganFilter;
    @Config(description = "How many examples to add: BALANCE (the default), MULTIPLY or COUNTS, any case.")
    private String mode = AugmentationPolicy.Mode.BALANCE.name();
    /** The text settings above, read by {@link #postConfig()}. */
    private ExecutionDevice chosenDevice;
    private OversamplingMethod chosenMethod;
    private OversamplingMethod chosenBaseline;
    private AugmentationPolicy.Mode chosenMode;
    @Config(description = "Classes (labels or class names) to balance or multiply; empty means all.")
    private List<String> classes = new ArrayList<>();
    @Config(description = "MULTIPLY: each chosen class grows to factor x its real examples (at least 1); default 2.")
    private Double factor;
    @Config(description = "COUNTS: examples to add per class (label or class name).")
    private Map<String, Integer> counts = new HashMap<>();
    @Config(description = "Largest share of added examples in the whole, in (0, 1]; 1 means no cap. HYBRID caps its "
            + "ROS or SMOTE part only: its generated examples come on top, and a warning says when they pass the cap.")
    private double maxSyntheticShare = 1.0;
    @Config(description = "Seed of every random choice: the same seed gives the same added examples.")
    private long seed = DEFAULT_SEED;
    @Config(description = "Tribuo example weight of each added example, in (0, 1], times the real weight it stands "
            + "for: a ROS copy's original's, any other added example the mean weight of its class's real examples.")
    private float syntheticWeight = 1f;
    @Config(description = "GAN, HYBRID and MIX: samples per call to the generator; default 256.")
    private Integer batchSize;

    private DataSource<Label> wrapped;
    private OnnxGenerator generator;
    private boolean ownsGenerator;
    /** Whether {@link #close()} closed the generator this source loaded; reading it then fails, saying so. */
    private boolean closedByUser;

    /**
     * Releases a generator this source loaded itself (from {@code generatorPath}) when the source becomes unreachable
     * without {@link #close()}: Tribuo's {@code DataSource} is not closeable, so configuration-driven Tribuo code never
     * closes one, and 60 lookups held 700 MB of ONNX Runtime sessions (a Tribuo user, 6 Dec).
     */
    private static final java.lang.ref.Cleaner GENERATOR_RELEASE = java.lang.ref.Cleaner.create();

    /** This source's registration with {@link #GENERATOR_RELEASE}, when it owns its generator. */
    private java.lang.ref.Cleaner.Cleanable generatorRelease;
    private AugmentationPolicy policy;
    private MethodSettings settings;
    private SyntheticExamples synthetic;
    private OversampledExamples oversampled;
    private AugmentationPlan plan;
    /** What ROS or SMOTE drew from on the first complete pass; a later pass must give the same. */
    private final DrawnFromDigests drawnFrom = new DrawnFromDigests();
    private List<String> warnings;
    private FilteredGeneration filtered;
    /** The table layout ROS and SMOTE see (SMOTE is SMOTE-NC when it has a categorical column), or null. */
    private TableSchema layout;
    private AugmentedDataSourceProvenance provenance;

    /** For OLCUT. */
    private AugmentingDataSource() {
    }

    /**
     * Augments a source with GAN samples, seed {@value #DEFAULT_SEED} and weight 1.
     *
     * @param source any classification source whose features and labels the generator knows
     * @param generator the generator; the caller closes it
     * @param policy how many synthetic examples of each class
     */
    public AugmentingDataSource(DataSource<Label> source, OnnxGenerator generator, AugmentationPolicy policy) {
        this(source, generator, policy, DEFAULT_SEED, 1f);
    }

    /**
     * Augments a source with GAN samples.
     *
     * @param source any classification source whose features and labels the generator knows
     * @param generator the generator; the caller closes it
     * @param policy how many synthetic examples of each class
     * @param seed the noise seed
     * @param syntheticWeight the Tribuo example weight of each synthetic example, in (0, 1]
     * @throws PropertyException naming the setting and value when the source does not match the
     *                           generator, or the policy or weight is bad for this source
     */
    public AugmentingDataSource(DataSource<Label> source, OnnxGenerator generator, AugmentationPolicy policy,
                                long seed, float syntheticWeight) {
        this(source, generator, policy, MethodSettings.of(OversamplingMethod.GAN), seed, syntheticWeight);
    }

    /**
     * Augments a source by ROS or SMOTE, which need no generator.
     *
     * @param source any classification source
     * @param policy how many examples to add to each class
     * @param method ROS or SMOTE, with its parameters
     * @param seed the seed of every random choice
     * @param syntheticWeight the Tribuo example weight of each added example, in (0, 1]
     * @throws PropertyException naming the setting and value when a setting is bad for this source, or
     *                           the method needs a generator
     * @throws dev.augment.errors.EnvironmentException when the largest class's added examples need more than half
     *                           the heap for their draws alone (ROS 4, SMOTE about 40 bytes each)
     */
    public AugmentingDataSource(DataSource<Label> source, AugmentationPolicy policy, MethodSettings method,
                                long seed, float syntheticWeight) {
        this(source, null, policy, method, seed, syntheticWeight);
    }

    /**
     * Augments a source by any method.
     *
     * @param source any classification source; with a generator, one whose features and labels it knows
     * @param generator the generator, which the caller closes; null for ROS and SMOTE
     * @param policy how many examples to add to each class
     * @param method the method and its parameters
     * @param seed the seed of every random choice
     * @param syntheticWeight the Tribuo example weight of each added example, in (0, 1]
     * @throws PropertyException naming the setting and value when the source does not match the
     *                           generator, a setting is bad for this source, or the method needs a
     *                           generator and none is given
     * @throws dev.augment.errors.EnvironmentException when the largest class's ROS or SMOTE examples need more
     *                           than half the heap for their draws alone
     */
    public AugmentingDataSource(DataSource<Label> source, OnnxGenerator generator, AugmentationPolicy policy,
                                MethodSettings method, long seed, float syntheticWeight) {
        if (policy == null || method == null) {
            throw new PropertyException(componentName(), policy == null ? "policy" : "method", (policy == null ? "policy" : "method")
                    + " must be given, was null; e.g. AugmentationPolicy.balance() and MethodSettings.of(method)");
        }
        if (generator != null && generator.isClosed()) {
            throw new PropertyException(componentName(), "generator", "the generator " + generator.path() + " is closed; "
                    + "build the source inside the generator's try-with-resources block, or load it again");
        }
        this.wrapped = source;
        this.source = source instanceof ConfigurableDataSource<Label> c ? c : null;
        this.generator = generator;
        this.generatorPath = generator == null ? null : generator.path();
        this.generatorSha256 = generator == null ? null : generator.sha256();
        this.method = method.method().name();
        // only what the method and mode read, as a configuration would hold them (postConfig refuses the rest)
        List<String> read = method.readSettings();
        this.k = read.contains(MethodSettings.K) ? method.k() : null;
        this.baseline = read.contains(MethodSettings.BASELINE) ? method.baseline().name() : null;
        this.generatedRatio = read.contains(MethodSettings.GENERATED_RATIO) ? method.generatedRatio() : null;
        this.generatedShare = read.contains(MethodSettings.GENERATED_SHARE) ? method.generatedShare() : null;
        this.ganFilter = read.contains(GenerationFilter.SETTING) ? method.ganFilter() : null;
        this.mode = policy.mode().name();
        this.classes = new ArrayList<>(policy.classes());
        this.factor = policy.mode() == AugmentationPolicy.Mode.MULTIPLY ? policy.factor() : null;
        this.counts = new HashMap<>(policy.counts());
        this.maxSyntheticShare = policy.maxSyntheticShare();
        this.seed = seed;
        this.syntheticWeight = syntheticWeight;
        postConfig();
    }

    /** Checks every setting, reads the source (one to five times: the class Javadoc) and computes the counts to add. */
    @Override
    public void postConfig() {
        if (wrapped == null) {
            if (source == null) {
                throw new PropertyException(componentName(), "source", "source must be set to a data source, was null");
            }
            wrapped = source;
        }
        if (!(wrapped.getOutputFactory() instanceof org.tribuo.classification.LabelFactory)) {
            // a raw-typed source of another output (clusters, regression) would fail later with a ClassCastException
            Object factory = wrapped.getOutputFactory();
            throw new PropertyException(componentName(), "source", "source must yield Tribuo Labels (a LabelFactory), but its "
                    + "output factory is " + (factory == null ? "null" : factory.getClass().getSimpleName())
                    + "; AugmentingDataSource augments classification data");
        }
        int generationBatch = batchSize == null ? SyntheticExamples.DEFAULT_BATCH_SIZE : batchSize;
        List<String> scanWarnings = List.of();
        java.util.Optional<String> weightless = java.util.Optional.empty();
        java.util.Optional<String> roundedToNothing = java.util.Optional.empty();
        try {
            readTextSettings();
            policy = new AugmentationPolicy(chosenMode, classes, factor != null ? factor
                    : chosenMode == AugmentationPolicy.Mode.MULTIPLY ? DEFAULT_FACTOR : 1, counts, maxSyntheticShare);
            if (factor != null && chosenMode != AugmentationPolicy.Mode.MULTIPLY) {
                throw AugmentationPolicy.unread(AugmentationPolicy.FACTOR, chosenMode, factor);
            }
            if (generatorPath != null && generatorPath.toString().isBlank()) {
                // read as the working folder: "cannot read model file (Is a directory)" (a fresh user, 6 Dec)
                throw new InvalidSettingException("generatorPath", "generatorPath is empty; give the generator's "
                        + ".onnx file, or leave generatorPath out for method ROS or SMOTE");
            }
            if (chosenMethod == null) {
                chosenMethod = generator != null || generatorPath != null ? OversamplingMethod.GAN
                        : OversamplingMethod.SMOTE;
            }
            refuseUnreadSettings();
            settings = new MethodSettings(chosenMethod, k == null ? Smote.DEFAULT_K : k,
                    chosenBaseline == null ? OversamplingMethod.SMOTE : chosenBaseline,
                    generatedRatio == null ? MethodSettings.DEFAULT_GENERATED_RATIO : generatedRatio,
                    generatedShare == null ? MethodSettings.DEFAULT_GENERATED_SHARE : generatedShare,
                    ganFilter == null ? GenerationFilter.OFF : ganFilter);
            if (generationBatch < 1) {
                throw new InvalidSettingException("batchSize", "batchSize must be positive, was " + batchSize);
            }
            if (chosenMethod.usesGenerator() && generator == null && generatorPath == null) {
                throw new InvalidSettingException("generatorPath", "generatorPath must name an ONNX file for "
                        + "method " + chosenMethod + ", was null; or choose method ROS or SMOTE");
            }
            if (generator == null && generatorPath != null) {
                // ROS and SMOTE read it too (classes, a table's layout), as when a generator is passed in code
                generator = OnnxGenerator.load(generatorPath, chosenDevice == null ? ExecutionDevice.CPU
                        : chosenDevice);
                ownsGenerator = true;
                // the action must not hold this source, or the source never becomes unreachable
                OnnxGenerator loaded = generator;
                generatorRelease = GENERATOR_RELEASE.register(this, loaded::close);
            }
            if (sourceDigest != null && !sourceDigest.strip().matches("[0-9a-fA-F]{16}")) {
                // a cut or mistyped digest was said as data that had changed (a Tribuo user, 6 Dec)
                throw new InvalidSettingException("sourceDigest", "sourceDigest must be the 16 hex digits a "
                        + "configuration extracted from the provenance records, was '" + sourceDigest + "'");
            }
            if (generatorSha256 != null && !generatorSha256.strip().matches("[0-9a-fA-F]{64}")) {
                throw new InvalidSettingException("generatorSha256", "generatorSha256 must be the 64 hex digits of "
                        + "the file's SHA-256, as the provenance records them (generator-sha256), was '"
                        + generatorSha256 + "'");
            }
            if (generatorSha256 != null && !generatorSha256.strip().equalsIgnoreCase(generator.sha256())) {
                throw new InvalidSettingException("generatorSha256", "generatorSha256 is not that of the file at "
                        + "generatorPath " + generatorPath + ": it is another model (SHA-256 " + generator.sha256()
                        + ") than the one this configuration records (" + generatorSha256.strip() + "), so the added "
                        + "examples would differ; put that model back at generatorPath, or leave generatorSha256 out to "
                        + "use this one");
            }
            // augment's own readers refuse oversample's output; Tribuo's IDX reader would read its copies as real
            dev.augment.data.AddedExamples.refuseTribuoIdx(wrapped);
            dev.augment.data.AddedExamples.refuseTribuoCsv(wrapped);
            SampleSchema schema;
            int[] realCounts;
            long[] readDigests;
            long[] readContents;
            boolean[] weighted;
            boolean wholeValues = true;
            if (generator != null) {
                synthetic = new SyntheticExamples(generator, syntheticWeight, generationBatch);
                schema = generator.metadata().schema();
                // MIX with a share of 0 and HYBRID with a ratio of 0 generate nothing: their rows are the source's
                boolean generates = chosenMethod.usesGenerator()
                        && !(chosenMethod == OversamplingMethod.MIX && settings.generatedShare() == 0)
                        && !(chosenMethod == OversamplingMethod.HYBRID && settings.generatedRatio() == 0);
                SourceScan scan = SourceScan.of(wrapped, schema, generator.metadata().table(), generates);
                realCounts = scan.realCounts();
                readDigests = scan.digests();
                readContents = scan.contents();
                weighted = scan.weighted();
                wholeValues = scan.wholeValues();
                scanWarnings = scan.warnings();
                if (scan.classSums() != null) {
                    // a generator of other classes (labels numbered another way, digits for Fashion-MNIST) fit every
                    // name, shape and range; its class means tell (a fresh user, 5 Dec)
                    scanWarnings = new ArrayList<>(scanWarnings);
                    scanWarnings.addAll(GeneratorFit.check(generator, scan.classSums(), realCounts,
                            scan.highestPixel()));
                }
                if (scan.tableFeaturesSeen() != null) {
                    scanWarnings = new ArrayList<>(scanWarnings);
                    // augment's own CSV reading leaves out a missing cell, never a 0: numeric gaps are told too there
                    // (only categorical ones were, from the command line: a re-check, 6 Dec)
                    scanWarnings.addAll(AbsentCategories.warnings(generator, generator.metadata().table(),
                            scan.tableFeaturesSeen(), scan.tableColumnsWithGaps(),
                            scan.keepsZeros() || wrapped instanceof CsvTableSource, realCounts,
                            scan.tableColumnSpans(), scan.tableGapShares()));
                }
                if (scan.keepsZeros()) {
                    // real examples with every pixel and GAN ones without their zeros would be told apart by it
                    synthetic = synthetic.withZerosKept();
                }
            } else {
                SourceClasses found = SourceClasses.of(wrapped);
                schema = found.schema();
                realCounts = found.realCounts();
                readDigests = found.digests();
                readContents = found.contents();
                weighted = found.weighted();
            }
            readDigest = DrawnFromDigests.sourceDigest(schema.labels(), realCounts, readDigests);
            if (sourceDigest != null && !sourceDigest.strip().equalsIgnoreCase(readDigest)) {
                // a configuration extracted from a model's provenance read a cut file, 499 rows where the model saw
                // 768, without a word (a Tribuo user, 6 Dec); the generator has generatorSha256, a CsvTableSource
                // dataSha256, and any other source this
                throw new InvalidSettingException("sourceDigest", "sourceDigest records other examples than the "
                        + "source now gives (sourceDigest " + sourceDigest.strip() + ", now " + readDigest
                        + ": " + java.util.Arrays.stream(realCounts).sum() + " examples), or the same in another "
                        + "order, so the training data and the examples ROS and SMOTE draw would differ; restore the "
                        + "data the model was trained on, in its order, or leave sourceDigest out to use the data as "
                        + "it is now");
            }
            if (settings.nonGenerative() != null) {
                layout = tableOf(wrapped, generator);
                if (layout == null && settings.nonGenerative() == OversamplingMethod.SMOTE) {
                    layout = OneHotGroups.layout(wrapped, schema.featureNames(), schema.labels()).orElse(null);
                }
                oversampled = new OversampledExamples(settings.nonGenerative(), settings.k(), syntheticWeight, layout);
                // the generator's 8-bit schema alone rounded SMOTE's examples of pixels divided by 255 to 0 or 1 (a
                // Tribuo user, 6 Dec): the source's own values must be whole pixels too
                if (dev.augment.schema.PixelGrid.appliesTo(schema) && wholeValues || wrapped instanceof
                        org.tribuo.datasource.IDXDataSource<?> idx && idx.getDataType()
                        == org.tribuo.datasource.IDXDataSource.IDXType.UBYTE) {
                    oversampled = oversampled.onPixelGrid(); // as GAN examples are (a Tribuo user, 5 Dec)
                }
            }
            int[] every = generator == null ? null : SourceClasses.someOf(wrapped, schema).orElse(null);
            int[] asked = policy.syntheticCounts(realCounts, schema, every);
            plan = AugmentationPlan.of(schema, realCounts, asked, settings, policy.countSetting());
            roundedToNothing = policy.roundedToNothing(realCounts, asked, schema);
            drawnFrom.recordConstructionRead(readDigests, readContents, plan.added().fromReal());
            weightless = weightlessWarning(plan, realCounts, weighted);
            if (settings.nonGenerative() != null) {
                OversampledExamples.requireHeapForDraws(settings.nonGenerative(), plan.added().fromReal());
                // read through the checked iterator: a source null on its second read gave a bare NPE (a re-check)
                oversampled.requireHeapForGrids(dev.augment.data.TribuoExamples.of(wrapped), schema.labels(),
                        plan.added().fromReal());
            }
            if (settings.filtersGan()) {
                filtered = FilteredGeneration.of(wrapped, synthetic, plan.added().generated(), settings.ganFilter(),
                        seed, generationBatch);
            }
        } catch (InvalidSettingException e) {
            close();
            throw refused(e.setting(), withoutGeneratorNames(e));
        } catch (ModelContractException e) {
            close();
            throw refused("generatorPath", e);
        } catch (InvalidDataException | dev.augment.errors.EnvironmentException e) {
            close();
            throw e;
        }
        List<String> all = new ArrayList<>(scanWarnings);
        weightless.ifPresent(all::add);
        roundedToNothing.ifPresent(all::add);
        generatedBeyondHeap(plan.added().generated(), plan.schema().featureCount()).ifPresent(all::add);
        all.addAll(plan.warnings());
        hybridBeyondCap().ifPresent(all::add);
        if (filtered != null) {
            all.addAll(filtered.warnings());
        }
        if (settings.nonGenerative() == OversamplingMethod.SMOTE
                && java.util.Arrays.stream(plan.added().fromReal()).sum() > 0) {
            OneHotLookalikes.warning(plan.schema().featureNames(), categoryFeatures(layout)).ifPresent(all::add);
        }
        if (settings.nonGenerative() == OversamplingMethod.SMOTE
                && java.util.Arrays.stream(plan.added().fromReal()).sum() > 0) {
            // one more pass, over the classes SMOTE grows: images too, since a class of identical (all-black) images
            // got only copies under SMOTE's name without a word (a fresh user, 5 Dec); one hash per example, small
            // beside SMOTE's own neighbour search over the same examples
            RepeatedExamples.warning(wrapped, plan.schema().labels(), plan.added().fromReal(), settings.k())
                    .ifPresent(all::add);
            CategoricalOnlySmote.warning(layout, plan.added().fromReal()).ifPresent(all::add);
            if (wrapped instanceof CsvTableSource table) {
                missingNumbersWarning(table.table(), plan.added().fromReal()).ifPresent(all::add);
            } else if (!(wrapped instanceof dev.augment.data.SchemaDataSource own && own.schema().isImage())) {
                // a table Tribuo read: its missing cells are absent features, found from the examples (augment's own
                // image sources have no missing pixel, and their pass over every pixel would cost seconds)
                AbsentNumbers.warning(wrapped, plan.schema().labels(), plan.added().fromReal(), categoryFeatures(layout))
                        .ifPresent(all::add);
            }
        }
        (wrapped instanceof dev.augment.data.SchemaDataSource own ? dev.augment.data.GeneratedOutput.describe(own)
                : dev.augment.data.GeneratedOutput.describeTribuo(wrapped))
                // "which are generated cannot be told, so the examples ... are generated too" read as all of them
                .ifPresent(g -> all.add(g + (g.contains("every example in it is generated")
                        ? ", so the examples this source calls real are generated too"
                        : ", so some of the examples this source calls real are generated")));
        all.addAll(notesOnTheData(wrapped, plan.schema().labels()));
        warnings = List.copyOf(all);
        for (String warning : warnings) {
            // a loop, not forEach(LOGGER::warning): JUL names the caller, which would be Iterable.forEach
            LOGGER.logp(java.util.logging.Level.WARNING, AugmentingDataSource.class.getName(), "postConfig", warning);
        }
        provenance = new AugmentedDataSourceProvenance(getClass().getName(),
                ConfiguredValues.of(generatorPath, generator == null ? null : generator.sha256(), readDigest,
                        chosenDevice == null ? ExecutionDevice.CPU : chosenDevice, policy, settings, seed,
                        syntheticWeight, generationBatch),
                wrapped.getProvenance(), generator == null ? null
                        : new String[] {generator.sha256(), generator.metadata().provenance().toString()},
                byLabel(plan.realCounts()), byLabel(plan.syntheticCounts()), addedBySource(),
                smoteNeighbours(), warnings, filterRecord());
    }

    /**
     * HYBRID caps its rebalancing part only, and its generated examples come on top
     * ({@link AugmentationPolicy#withMaxSyntheticShare}): a cap of 0.05 gave 7.0% added examples, which the policy's
     * record and this field's description called a hard cap, without a word (a Tribuo user, 7 Dec).
     *
     * @return the warning when HYBRID's added examples pass {@code maxSyntheticShare}, or empty
     */
    private java.util.Optional<String> hybridBeyondCap() {
        if (settings.method() != OversamplingMethod.HYBRID || policy.maxSyntheticShare() >= 1) {
            return java.util.Optional.empty();
        }
        long real = java.util.Arrays.stream(plan.realCounts()).asLongStream().sum();
        long added = java.util.Arrays.stream(plan.syntheticCounts()).asLongStream().sum();
        long generated = java.util.Arrays.stream(plan.added().generated()).asLongStream().sum();
        double share = added / (double) (real + added);
        if (share <= policy.maxSyntheticShare()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(java.util.Locale.ROOT, "the added examples are %.1f%% of the "
                + "whole, above maxSyntheticShare %s: HYBRID caps its %s part only, and its %d generated examples "
                + "come on top (generatedRatio %s), whatever the cap; method MIX keeps the cap with GAN examples in it",
                100 * share, policy.maxSyntheticShare(), settings.baseline().id().toUpperCase(java.util.Locale.ROOT),
                generated, settings.generatedRatio()));
    }

    /**
     * A setting the method or mode does not read is refused, as the command line refuses an unused option: a
     * configuration that sets it meant something by it ({@link MethodSettings#readBy}, {@link
     * AugmentationPolicy#readBy}).
     */
    private void refuseUnreadSettings() {
        OversamplingMethod method = chosenMethod; // the method as read
        OversamplingMethod rebalancer = chosenBaseline == null ? OversamplingMethod.SMOTE : chosenBaseline;
        List<String> read = MethodSettings.readBy(method, rebalancer);
        MethodSettings.refuseUnread(read, MethodSettings.K, k != null, method, rebalancer, k);
        MethodSettings.refuseUnread(read, MethodSettings.BASELINE, chosenBaseline != null, method, rebalancer,
                chosenBaseline);
        MethodSettings.refuseUnread(read, MethodSettings.GENERATED_RATIO, generatedRatio != null, method, rebalancer,
                generatedRatio);
        MethodSettings.refuseUnread(read, MethodSettings.GENERATED_SHARE, generatedShare != null, method, rebalancer,
                generatedShare);
        MethodSettings.refuseUnread(read, GenerationFilter.SETTING, ganFilter != null, method, rebalancer, ganFilter);
        if (batchSize != null && !method.usesGenerator()) {
            throw new InvalidSettingException("batchSize", "batchSize is the generator's batch, read by methods GAN, "
                    + "HYBRID and MIX only, and the method is " + method + "; was " + batchSize + "; leave it out");
        }
        if (generatorSha256 != null && generatorPath == null && generator == null) {
            throw new InvalidSettingException("generatorSha256", "generatorSha256 checks the generatorPath file, and "
                    + "no generatorPath is set; was " + generatorSha256 + "; leave it out or set generatorPath");
        }
        if (chosenDevice != null && generatorPath == null && generator == null) {
            throw new InvalidSettingException("device", "device is where the generator runs, and no generatorPath is "
                    + "set; was " + chosenDevice + "; leave it out or set generatorPath");
        }
    }

    /**
     * Reads {@code method}, {@code baseline}, {@code mode} and {@code device} in any case ({@code smote},
     * {@code SMOTE}, {@code Smote}).
     *
     * @throws InvalidSettingException naming the setting, the value and the choices
     */
    private void readTextSettings() {
        chosenMethod = method == null ? null : OversamplingMethod.parse(method, "method");
        try {
            chosenBaseline = baseline == null ? null : OversamplingMethod.parse(baseline, MethodSettings.BASELINE);
        } catch (InvalidSettingException e) {
            // "must be one of ros|smote|gan|hybrid|mix", and gan was then refused (a re-check, 7 Dec)
            throw new InvalidSettingException(MethodSettings.BASELINE, "baseline must be ros or smote (any case), was '"
                    + baseline + "'" + OversamplingMethod.smoteNcHint(baseline));
        }
        chosenDevice = device == null ? null : ExecutionDevice.parse(device);
        chosenMode = null;
        String wanted = mode == null ? "" : mode.strip();
        for (AugmentationPolicy.Mode each : AugmentationPolicy.Mode.values()) {
            if (each.name().equalsIgnoreCase(wanted)) {
                chosenMode = each;
            }
        }
        if (chosenMode == null) {
            throw new InvalidSettingException("mode", "mode must be one of balance|multiply|counts (any case), was '"
                    + mode + "'");
        }
    }

    /**
     * A PropertyException for {@code field}, in the cause's words; a model's contract breach is its cause, so that a
     * caller can tell it from a setting (the command line's oversample called such a model a usage error, exit 2: a
     * fresh user, 6 Dec). OLCUT's constructor with a cause adds the cause's message to its own a second time.
     */
    /**
     * A class name in {@code counts} or {@code classes} of a source without a generator was "not a class of the data",
     * its labels listed, without a word that a generator supplies names, which made the same entry work (a Tribuo
     * user, 7 Dec).
     */
    private InvalidSettingException withoutGeneratorNames(InvalidSettingException e) {
        boolean classSetting = e.setting().equals(AugmentationPolicy.COUNTS)
                || e.setting().equals(AugmentationPolicy.CLASSES);
        // only where the data's labels are numbers (IDX files, numbered folders) and the entry is a name: a table's
        // labels are its names, and an index is no name (a re-check, 7 Dec)
        java.util.regex.Matcher refused = java.util.regex.Pattern.compile(
                "\\w+ '(.*)' is not a class of the data; (?:did you mean .*\\? )?its classes are ('-?\\d+'(?:, | … )?)+"
                + "( \\(or an index [^)]*\\))?").matcher(e.getMessage());
        if (generator != null || generatorPath != null || !classSetting || !refused.lookingAt()
                || refused.group(1).strip().matches("-?\\d+")) {
            return e;
        }
        return new InvalidSettingException(e.setting(), e.getMessage() + "; the data's labels are numbers, and a class "
                + "name such as 'Sneaker' is read from a generator's classes: pass a generator that makes this data "
                + "(generatorPath in a configuration), or give the label");
    }

    private PropertyException refused(String field, RuntimeException cause) {
        return cause instanceof ModelContractException breach ? new BreachedContract(componentName(), field, breach)
                : new PropertyException(componentName(), field, cause.getMessage());
    }

    /** A setting error whose cause is the generator's contract breach. */
    private static final class BreachedContract extends PropertyException {

        private static final long serialVersionUID = 1L;

        private final ModelContractException breach;

        BreachedContract(String component, String field, ModelContractException breach) {
            super(component, field, breach.getMessage());
            this.breach = breach;
        }

        @Override
        public synchronized Throwable getCause() {
            return breach;
        }
    }

    /**
     * @return the component's name in an OLCUT configuration, so that an error in a file with several augmenting
     *     sources says which one; the class's simple name when built in code (an uncaught refusal printed
     *     {@code component:''}: a fresh user, 7 Dec)
     */
    private String componentName() {
        return configName == null ? AugmentingDataSource.class.getSimpleName() : configName;
    }

    private Map<String, Integer> byLabel(int[] perClass) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int c = 0; c < perClass.length; c++) {
            map.put(schema().labels().get(c), perClass[c]);
        }
        return Collections.unmodifiableMap(map);
    }

    private Map<String, Map<String, Integer>> addedBySource() {
        Map<String, Map<String, Integer>> bySource = new LinkedHashMap<>();
        if (settings.nonGenerative() != null) {
            bySource.put(oversampled != null ? oversampled.methodId() : settings.nonGenerative().id(),
                    byLabel(plan.added().fromReal()));
        }
        if (settings.method().usesGenerator()) {
            bySource.put(OversamplingMethod.GAN.id(), byLabel(plan.added().generated()));
        }
        return bySource;
    }

    /** @return the filter's provenance entries, or null without a filter */
    private GanFilterRecord filterRecord() {
        if (filtered == null) {
            return null;
        }
        Map<String, FilterCounts> byLabel = new LinkedHashMap<>();
        filtered.counts().forEach(c -> byLabel.put(schema().labels().get(c.classIndex()), c));
        return new GanFilterRecord(GenerationFilter.method("the wrapped source's real examples"),
                FilteredGeneration.CLASSIFIER,
                filtered.classifier().trainingRows(), byLabel);
    }

    /**
     * A table's missing numbers are absent features in its Tribuo examples, which read as 0: SMOTE interpolates
     * towards 0 there (the CSV's real rows keep the cell missing).
     *
     * @param smoted per class, the examples SMOTE adds; only rows of classes it adds to are counted
     * @return the warning naming each numeric column with missing cells in those rows and their count, or empty
     *     when none has any
     */
    private static java.util.Optional<String> missingNumbersWarning(dev.augment.table.Table table, int[] smoted) {
        List<String> gappy = new ArrayList<>();
        List<dev.augment.table.TableColumn> columns = table.schema().columns();
        for (int c = 0; c < columns.size(); c++) {
            long missing = 0;
            for (int r = 0; columns.get(c).isNumeric() && r < table.rows(); r++) {
                if (smoted[table.classes()[r]] > 0 && Double.isNaN(table.numeric()[r][c])) {
                    missing++;
                }
            }
            if (missing > 0) {
                gappy.add(columns.get(c).name() + " (" + missing + ")"); // this data's, not a layout's training data
            }
        }
        return gappy.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("missing numbers in "
                + String.join(", ", gappy) + " (counted in the classes SMOTE adds to) are read as 0, as Tribuo reads "
                + "a missing number, so SMOTE interpolates towards 0 there (the real rows keep them missing); fill them "
                + "in (e.g. with the column's median) before oversampling");
    }

    /** @return the feature names of the layout's categorical columns ({@code column@value}); none without one */
    private static java.util.Set<String> categoryFeatures(TableSchema layout) {
        if (layout == null) {
            return java.util.Set.of();
        }
        boolean[] numeric = layout.numericFeatures();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int f = 0; f < numeric.length; f++) {
            if (!numeric[f]) {
                names.add(layout.featureNames().get(f));
            }
        }
        return names;
    }

    /** The start of a warning that repeats what the data's reader notes (the command line printed it already). */
    public static final String DATA_NOTE = "the data: ";

    /**
     * @return what the command line says about the wrapped data, for code that never sees those lines: an image
     *     folder's notes (colour among grey, EXIF orientation, look-alike class folders, images in two classes,
     *     entries left unread; the generated images are named above) and a table's column notes, each prefixed
     *     "the data: " (a fresh user, 6 Dec, found none of the image notes in {@link #warnings()}); for any other
     *     source, labels a reader takes for one class ({@code >50K} and {@code >50K.}), which a Tribuo CSV source's
     *     user otherwise learnt of from nothing while the misspelt class was grown fivefold (6 Dec)
     */
    private static List<String> notesOnTheData(DataSource<Label> source, List<String> labels) {
        List<String> notes = new ArrayList<>();
        if (source instanceof dev.augment.data.ImageFolderSource folder) {
            String generated = folder.generatedNote().map(g -> g.startsWith("note: ") ? g.substring(6) : g)
                    .orElse(null);
            folder.notes().stream().filter(n -> !n.equals(generated)).forEach(n -> notes.add(DATA_NOTE + n));
        } else if (source instanceof CsvTableSource table) {
            table.notes().forEach(n -> notes.add(DATA_NOTE + n));
        } else {
            dev.augment.table.ColumnAdvice.lookalikeLabels(labels).forEach(n -> notes.add(DATA_NOTE + n));
            // blank labels and NA (a missing cell as R and pandas write it) were grown as classes of their own, 492
            // copies of four blank-labelled rows (a Tribuo user, 6 Dec); augment's table reader refuses them
            // the table reader's spellings of a gap (ColumnAdvice), and its default marker '?'
            List<String> missing = labels.stream().filter(l -> l.isBlank() || l.strip().equals("?")
                    || dev.augment.table.ColumnAdvice.isGapSpelling(l))
                    .map(l -> "'" + dev.augment.table.ColumnAdvice.shown(l) + "'").toList();
            if (!missing.isEmpty()) {
                notes.add(DATA_NOTE + "label" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                        + (missing.size() == 1 ? " looks" : " look") + " like a missing label cell, which Tribuo reads "
                        + "as a class of its own; fill in those examples' labels or leave them out of the source");
            }
        }
        return notes;
    }

    /**
     * @return the table layout of the examples: the source's when it is a table CSV, else the generator's when it
     *     is a table generator, else null (SMOTE then works on plain feature vectors)
     */
    private static TableSchema tableOf(DataSource<Label> source, OnnxGenerator generator) {
        if (source instanceof CsvTableSource table) {
            return table.tableSchema();
        }
        return generator == null ? null : generator.metadata().table();
    }

    private Map<String, Integer> smoteNeighbours() {
        Map<String, Integer> map = new LinkedHashMap<>();
        int[] used = plan.smoteNeighbours();
        for (int c = 0; c < used.length; c++) {
            if (used[c] >= 0) {
                map.put(schema().labels().get(c), used[c]);
            }
        }
        return map;
    }

    /** @return the classes: the generator's schema (which the source matches) or, without one, the source's */
    public SampleSchema schema() {
        return plan.schema();
    }

    /** @return the policy, as configured */
    public AugmentationPolicy policy() {
        return policy;
    }

    /** @return the method and its parameters, with the default resolved */
    public MethodSettings method() {
        return settings;
    }

    /** @return the source's examples of each label, in class order */
    public Map<String, Integer> realCounts() {
        return byLabel(plan.realCounts());
    }

    /** @return the added examples of each label that iteration yields, all sources together, in class order */
    public Map<String, Integer> syntheticCounts() {
        return byLabel(plan.syntheticCounts());
    }

    /**
     * @return the sources the policy draws added examples from, as the provenance names them, in the order they are
     *     added: ros, smote or smote-nc (SMOTE on a table with a categorical column), then gan; a source is listed
     *     even when the counts give it no example ({@code balance()} of a balanced source lists {@code smote}, a mix
     *     of share 1 lists both): {@link #addedCounts} says how many each adds (the Javadoc said "empty when nothing
     *     is added", which no policy gave: a Tribuo user, 7 Dec)
     */
    public List<String> addedSources() {
        return List.copyOf(addedBySource().keySet());
    }

    /**
     * @param sourceId ros, smote (or smote-nc, its name on a table with a categorical column, as the provenance
     *     records it) or gan, any case
     * @return the examples of each label that source adds, in class order; all zero when it adds none
     * @throws dev.augment.errors.InvalidSettingException (setting {@code sourceId}) for another id, e.g. hybrid, which
     *     is a method, not a source
     */
    public Map<String, Integer> addedCounts(String sourceId) {
        String id = sourceId == null ? "" : sourceId.strip().toLowerCase(java.util.Locale.ROOT);
        OversamplingMethod wanted = switch (id) {
            case "ros" -> OversamplingMethod.ROS;
            case "smote", OversampledExamples.SMOTE_NC -> OversamplingMethod.SMOTE;
            case "gan" -> OversamplingMethod.GAN;
            default -> throw new dev.augment.errors.InvalidSettingException("sourceId", "sourceId must be ros, smote "
                    + "(smote-nc) or gan, the sources of added examples, was '" + sourceId + "'");
        };
        if (wanted == OversamplingMethod.GAN) {
            return byLabel(plan.added().generated());
        }
        return byLabel(wanted == settings.nonGenerative() ? plan.added().fromReal() : new int[plan.realCounts().length]);
    }

    /**
     * @return with the generation-time filter ({@code ganFilter} above 1), per class the GAN adds examples to, in
     *     class order, the candidates drawn, kept and dropped and the mean probability of the class among kept and
     *     dropped ones (also in provenance); empty without a filter
     */
    public List<FilterCounts> ganFilterCounts() {
        return filtered == null ? List.of() : filtered.counts();
    }

    /** @return the filter classifier, trained on the source's real examples only, or null without a filter */
    FilterClassifier ganFilterClassifier() {
        return filtered == null ? null : filtered.classifier();
    }

    /**
     * Added examples weigh as their class's real ones do (times {@code syntheticWeight}): a class whose real examples
     * all weigh 0 got its added examples at weight 0, counted in the policy's totals and in provenance but nothing to
     * a trainer (a fresh user, 5 Dec).
     *
     * @return the warning naming each class that is added to and whose real examples (one at least) all weigh 0, if
     *     any
     */
    /** Bytes a Tribuo example holds per feature, about: the name's reference, the value and the array slots. */
    static final long BYTES_PER_STORED_FEATURE = 16;

    /**
     * Generated examples stream, but a Tribuo dataset built of them holds them all: 2 000 000 000 asked of the GAN ran
     * a minute and ended in a bare OutOfMemoryError (a fresh user, 5 Dec), where ROS and SMOTE refuse the count.
     *
     * @return a warning when the generated examples would need more than this JVM's heap in a dataset
     */
    static java.util.Optional<String> generatedBeyondHeap(int[] generated, int features) {
        long count = java.util.Arrays.stream(generated).asLongStream().sum();
        double bytes = (double) count * features * BYTES_PER_STORED_FEATURE;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes <= heap) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(java.util.Locale.ROOT, "the %d generated examples stream from "
                + "this source, but a Tribuo dataset of them (MutableDataset) holds about %.1f GB, more than this "
                + "JVM's heap (%.1f GB, -Xmx): consume them as a stream, ask for fewer, or give Java more heap (with "
                + "augment's launcher: AUGMENT_JAVA_OPTS=-Xmx8g)", count,
                bytes / 1e9, heap / 1e9));
    }

    private static java.util.Optional<String> weightlessWarning(AugmentationPlan plan, int[] realCounts,
                                                                boolean[] weighted) {
        List<String> named = new ArrayList<>();
        int[] fromReal = plan.added().fromReal();
        int[] generated = plan.added().generated();
        for (int c = 0; c < weighted.length; c++) {
            int added = fromReal[c] + generated[c];
            if (added > 0 && realCounts[c] > 0 && !weighted[c]) { // a class without real ones weighs 1
                named.add("'" + plan.schema().labels().get(c) + "' (" + added + ")");
            }
        }
        return named.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("every real example of class"
                + (named.size() == 1 ? " " : "es ") + String.join(", ", named) + " has the Tribuo weight 0, and the "
                + "examples added to " + (named.size() == 1 ? "it" : "them") + " weigh as " + (named.size() == 1
                ? "its" : "their") + " real ones do, so they count for nothing in training; give those examples "
                + "their weights, or leave the class out");
    }

    /** @return what the method had to do differently from its settings, one line each (also in provenance) */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public OutputFactory<Label> getOutputFactory() {
        return wrapped.getOutputFactory();
    }

    @Override
    public DataSourceProvenance getProvenance() {
        return provenance;
    }

    /** @return the real examples, then the added ones class by class: ROS/SMOTE ones, then GAN ones in batches */
    @Override
    public Iterator<Example<Label>> iterator() {
        // through this source, never around it: an iterator that held only the generator let the source become
        // unreachable mid-iteration (a MutableDataset's constructor does not use its source after iterator()), and
        // GENERATOR_RELEASE would then close the generator under it
        if (closedByUser) {
            // it spoke of a generator the user never held: this source loaded it (a Tribuo user, 6 Dec)
            throw new IllegalStateException("this AugmentingDataSource was closed, which closed the generator it "
                    + "loaded from " + generatorPath + "; build a new one, or look it up in a new "
                    + "ConfigurationManager (a manager keeps the instance it made, closed) to read it");
        }
        AugmentedIterator.GanExamples generated = synthetic == null ? null : this::generatedExamples;
        return new AugmentedIterator(wrapped, plan, oversampled, generated, seed, drawnFrom);
    }

    private java.util.Iterator<Example<Label>> generatedExamples(int classIndex, int n, long exampleSeed) {
        return filtered == null ? synthetic.stream(classIndex, n, exampleSeed)
                : filtered.stream(classIndex, exampleSeed);
    }

    /** @return the generator in use, or null (for tests of its release) */
    OnnxGenerator generatorInUse() {
        return generator;
    }

    /**
     * Closes the generator when this source loaded it (the OLCUT path); otherwise does nothing. A source that loaded
     * its generator and is never closed releases it when it becomes unreachable (a {@link java.lang.ref.Cleaner}).
     */
    @Override
    public void close() {
        if (ownsGenerator && generator != null) {
            generatorRelease.clean(); // closes it, once, whether here or when unreachable
            ownsGenerator = false;
            closedByUser = true;
        }
    }

    @Override
    public String toString() {
        return "AugmentingDataSource(source=" + wrapped + ", method=" + settings + ", generator=" + generatorPath
                + ", policy=" + policy + ", seed=" + seed + ", syntheticWeight=" + syntheticWeight + ")";
    }
}
