package dev.augment.generate;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import dev.augment.errors.ModelContractException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.onnx.GeneratorContract;
import dev.augment.onnx.GraphChecksum;
import dev.augment.onnx.MetadataCodec;
import dev.augment.onnx.ModelMetadata;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Runs a generator ONNX file with ONNX Runtime. Loading validates the whole contract (metadata,
 * inputs, outputs) so a model is never half-loaded. Noise for sample {@code i} of class {@code c}
 * comes from {@code (seed, c, i)} alone, so output does not depend on batch size or sharding.
 * Thread-safe: ONNX Runtime sessions may be run concurrently, and {@link #close()} waits for running calls. One call produces at most
 * {@link #maxBatchSize()} samples ({@link BatchBudget}); larger requests are split.
 */
public final class OnnxGenerator implements AutoCloseable {

    /**
     * The advice for a file ONNX Runtime cannot parse that lacks no part: a download with an error page after the
     * model, or zeros, was told only to be trained again (a fresh user, 7 Dec).
     */
    private static final String ONE_COPY_TOO_MANY_BYTES = "a copy or download can add bytes too (an error page or "
            + "zeros after the model, two files joined): copy it again from its source, or ";

    /**
     * ONNX Runtime's option that lets its intra-op threads spin between calls. Off: on a machine whose cores
     * are busy with other work, spinning threads took the cores from the work itself (a batch-256 call
     * ran 2-3 times slower under load, README "Measured speed and memory"), and generate's own workers keep
     * the cores busy instead.
     */
    private static final String NO_SPINNING = "session.intra_op.allow_spinning";

    /** The longest Java array the JVM reliably allocates. */
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final ModelMetadata metadata;
    private final Path path;
    private final String sha256;
    /** Held shared by every ONNX Runtime call and exclusively by {@link #close}, which so waits for running calls. */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;
    /** Per feature, whether NaN (a missing cell) is a valid sample: a table's numeric column with missing cells. */
    private final boolean[] missingAllowed;

    /**
     * What the file says of the ONNX contract, for {@code inspect}: a user could not confirm it without decoding the
     * protobuf by hand (a fresh user, 5 Dec).
     *
     * @param contractVersion {@code augment.contract_version}
     * @param schemaVersion the version inside {@code augment.schema} (1 has no training counts, 2 has)
     * @param graphChecksum whether {@code augment.graph_sha256} is present (checked at load, so it matches)
     */
    public record Contract(String contractVersion, int schemaVersion, boolean graphChecksum) {
    }

    private Contract contract = new Contract("?", -1, false);

    private OnnxGenerator(OrtEnvironment env, OrtSession session, ModelMetadata metadata, Path path, String sha256) {
        this.env = env;
        this.session = session;
        this.metadata = metadata;
        this.path = path;
        this.sha256 = sha256;
        this.missingAllowed = missingAllowed(metadata);
    }

    private static boolean[] missingAllowed(ModelMetadata metadata) {
        boolean[] allowed = new boolean[metadata.schema().featureCount()];
        dev.augment.table.TableSchema table = metadata.table();
        if (table != null && table.featureCount() == allowed.length) {
            int[] offsets = table.featureOffsets();
            for (int c = 0; c < table.columns().size(); c++) {
                allowed[offsets[c]] = table.columns().get(c).isNumeric() && table.columns().get(c).missing() > 0;
            }
        }
        return allowed;
    }

    /**
     * @param model the generator file
     * @param device where to run it
     * @return the loaded generator
     * @throws ModelContractException when the file is missing, corrupt or breaks the contract
     * @throws InvalidSettingException when CUDA is asked for but not available
     * @throws dev.augment.errors.EnvironmentException when ONNX Runtime's native library cannot be loaded
     *     (for example because the temporary folder is unusable)
     */
    public static OnnxGenerator load(Path model, ExecutionDevice device) {
        return load(model, device, 0);
    }

    /**
     * A file of more than protobuf's 2 GB, or starting with a zero byte (field 0, which no protobuf message has), is no
     * ONNX model: said before it is read whole. A 3 GB file given as the model ran the heap out with advice to give
     * Java more, the same advice again at 6 GB; a 1.2 GB file of zeros ran out of direct memory (a fresh user, 6 Dec).
     *
     * @throws ModelContractException when the file is either
     */
    private static void refuseWhatNoModelCanBe(Path model) throws IOException {
        long size = Files.size(model);
        if (size > Integer.MAX_VALUE) {
            throw new ModelContractException(String.format(Locale.ROOT, "%s: %.1f GB, more than an ONNX model file can "
                    + "hold (2 GB, protobuf's limit; augment's generators are a few MB): not a model; give the .onnx "
                    + "file 'augment train' wrote", model, size / 1e9));
        }
        try (java.io.InputStream in = Files.newInputStream(model)) {
            byte[] head = in.readNBytes(16);
            // train's checkpoint starts with a zero byte too (a Java UTF string's length), and is said so below
            String other = dev.augment.onnx.MetadataReader.otherFormat(java.util.Arrays.copyOf(head, Math.min(8,
                    head.length)));
            if (size > Integer.MAX_VALUE / 2 && (other != null || head.length > 0 && (head[0] & 7) >= 6)) {
                // a 1-2 GB zip or GIF read whole ran out of direct memory, naming no file (a re-check, 6 Dec); a first
                // byte of wire type 6 or 7 starts no protobuf message
                throw new ModelContractException(model + ": " + (other != null ? "is " + other
                        : "not an ONNX model: its first byte starts no protobuf field; give the .onnx file 'augment "
                        + "train' wrote"));
            }
            if (other != null && head.length > 0 && head[0] == 0) {
                // a Mac's ._model.onnx was "an unfinished copy filled with zeros" (a re-check, 6 Dec)
                throw new ModelContractException(model + ": is " + other);
            }
            if (head.length > 0 && head[0] == 0 && !isTrainingCheckpoint(head)) {
                throw new ModelContractException(model + ": not an ONNX model: it starts with a zero byte, as a file "
                        + "an unfinished copy or download filled with zeros does; copy it again from its source or "
                        + "re-export it with 'augment train'");
            }
        }
    }

    /**
     * As {@link #load(Path, ExecutionDevice)}, with the size of ONNX Runtime's intra-op thread pool: callers
     * that already run one call per core (for example one Spark task per core) pass 1 so that the calls do
     * not compete for the cores. The output does not depend on it.
     *
     * @param model the generator file
     * @param device where to run it
     * @param intraOpThreads threads per ONNX Runtime call, at least 1, or 0 for ONNX Runtime's default
     *     (one per physical core)
     * @return the loaded generator
     * @throws ModelContractException when the file is missing, corrupt or breaks the contract
     * @throws InvalidSettingException when CUDA is asked for but not available, the model or device is null, or
     *     (setting {@code intraOpThreads}) when the thread count is negative
     * @throws dev.augment.errors.EnvironmentException when ONNX Runtime's native library cannot be loaded
     */
    public static OnnxGenerator load(Path model, ExecutionDevice device, int intraOpThreads) {
        if (model == null || device == null) {
            throw new InvalidSettingException(model == null ? "model" : "device", (model == null ? "model" : "device")
                    + " must not be null" + (device == null ? " (ExecutionDevice.CPU or CUDA)" : ""));
        }
        if (intraOpThreads < 0) {
            throw new InvalidSettingException("intraOpThreads", "must be 0 (ONNX Runtime's default) or positive, was "
                    + intraOpThreads);
        }
        if (Files.exists(model) && !Files.isRegularFile(model) && !Files.isDirectory(model)) {
            // a device or pipe (/dev/zero) would be read without end, into an out-of-memory error
            throw new ModelContractException(model + ": not a regular file; give an .onnx file");
        }
        dev.augment.onnx.MetadataReader.refuseFolder(model);
        byte[] bytes;
        try {
            if (Files.isRegularFile(model)) {
                refuseWhatNoModelCanBe(model);
            }
            bytes = Files.readAllBytes(model);
        } catch (NoSuchFileException e) {
            throw dev.augment.onnx.MissingModelFile.of(model);
        } catch (IOException e) {
            throw new ModelContractException(model + ": cannot read model file (" + e.getMessage() + ")", e);
        }
        if (bytes.length == 0) {
            // as the model catalogue says it; ONNX Runtime's "byte array is zero length" came with "re-export it"
            throw new ModelContractException(model + ": the file is empty (0 bytes); copy it again from its source or "
                    + "re-export it");
        }
        // before ONNX Runtime opens it, which would read the files a tensor's external data names; parsed once, for
        // the checksum below too
        var parsed = dev.augment.onnx.ExternalData.refuse(bytes, model.toString());
        if (parsed != null) {
            dev.augment.onnx.MetadataReader.refuseRepeatedKeys(parsed, model.toString());
        }
        OrtEnvironment env = OnnxRuntimeLoader.environment();
        OrtSession session = null;
        try (OrtSession.SessionOptions options = sessionOptions(device, intraOpThreads)) {
            try {
                session = env.createSession(bytes, options);
            } catch (OrtException e) {
                if (isTrainingCheckpoint(bytes)) {
                    // train's checkpoint.bin given as the model was "not a valid ONNX model" (a fresh user, 5 Dec)
                    throw new ModelContractException(model + ": is a checkpoint of augment train, not a generator; "
                            + "give the .onnx file train wrote (its --out), or continue training with train --resume");
                }
                String other = dev.augment.onnx.MetadataReader.otherFormat(java.util.Arrays.copyOf(bytes,
                        Math.min(8, bytes.length)));
                if (other != null) {
                    // a gzipped model was told to be trained again (a fresh user, 6 Dec)
                    // without ONNX Runtime's parse error as its cause, which the one line would add after the words
                    // "not an ONNX model" (a re-check, 6 Dec)
                    throw new ModelContractException(model + ": is " + other);
                }
                if (dev.augment.onnx.CutShortModel.isCutShort(bytes)) {
                    throw new ModelContractException(dev.augment.onnx.CutShortModel.message(model, bytes.length), e);
                }
                String missing = dev.augment.onnx.CutShortModel.missingParts(bytes);
                // without ONNX Runtime's C++ source place and signature, 600 characters no user can act on (6 Dec)
                String reason = firstLine(e.getMessage()).replaceAll("/onnxruntime_src/\\S+:\\d+ [\\w:~<>]+\\(.*?\\) "
                        + "(?=[A-Z])", "");
                throw new ModelContractException(model + ": not a valid ONNX model (" + reason
                        + "); " + (missing.isEmpty() ? ONE_COPY_TOO_MANY_BYTES : "it lacks its " + missing + ", as a "
                        + "copy cut short does: copy it again from its source, or ") + "re-export it with 'augment "
                        + "train'",
                        reason.equals(firstLine(e.getMessage())) ? e : null); // else the line would quote it whole
            }
            if (parsed != null) {
                GraphChecksum.verify(parsed, model.toString());
            } else {
                GraphChecksum.verify(bytes, model.toString()); // says what protobuf found wrong
            }
            ModelMetadata metadata = MetadataCodec.decode(session.getMetadata().getCustomMetadata(), model.toString());
            ContractCheck.verify(session, metadata, model.toString());
            OnnxGenerator generator = new OnnxGenerator(env, session, metadata, model, sha256(bytes));
            generator.contract = contractOf(session.getMetadata().getCustomMetadata());
            generator.probeEveryClass();
            return generator;
        } catch (OrtException e) {
            closeQuietly(session);
            throw new ModelContractException(model + ": cannot inspect model (" + firstLine(e.getMessage()) + ")", e);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    private static Contract contractOf(java.util.Map<String, String> custom) {
        int schemaVersion = -1;
        try {
            schemaVersion = new com.fasterxml.jackson.databind.ObjectMapper().readTree(custom.getOrDefault(
                    dev.augment.onnx.GeneratorContract.KEY_SCHEMA, "{}")).path("version").asInt(-1);
        } catch (java.io.IOException unreadable) {
            // the codec read it already; an unreadable one never gets here
        }
        return new Contract(custom.getOrDefault(dev.augment.onnx.GeneratorContract.KEY_CONTRACT, "?"), schemaVersion,
                custom.containsKey(dev.augment.onnx.GeneratorContract.KEY_GRAPH_SHA256));
    }

    /** @return what the file says of the ONNX contract: its version, the schema's version, the graph checksum */
    public Contract contract() {
        return contract;
    }

    private static OrtSession.SessionOptions sessionOptions(ExecutionDevice device, int intraOpThreads) {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.addConfigEntry(NO_SPINNING, "0");
            // ONNX Runtime's own log lines (a shape warning, a Gather error) came before augment's one-line message,
            // which says what failed; --verbose keeps them
            if (!java.util.logging.Logger.getLogger("ai.onnxruntime").isLoggable(java.util.logging.Level.INFO)) {
                options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
            }
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
        } catch (OrtException e) {
            options.close();
            throw new IllegalStateException("ONNX Runtime refused the session options (" + NO_SPINNING + ", intra-op threads "
                    + intraOpThreads + ")", e);
        }
        if (device == ExecutionDevice.CUDA) {
            if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
                options.close();
                throw new InvalidSettingException("device", "cuda needs the GPU build of augment (mvn -Pgpu package, which uses "
                        + "onnxruntime_gpu) plus CUDA 12 and cuDNN 9; this build has "
                        + OrtEnvironment.getAvailableProviders() + "; use cpu");
            }
            try {
                options.addCUDA(0);
            } catch (OrtException e) {
                options.close();
                throw new InvalidSettingException("device", "cuda: ONNX Runtime could not start CUDA (" + firstLine(e.getMessage())
                        + "); it needs an NVIDIA GPU with CUDA 12 and cuDNN 9; use cpu");
            }
        }
        return options;
    }

    /** @return what the file says about itself */
    public ModelMetadata metadata() {
        return metadata;
    }

    /** @return whether {@link #close} has been called, after which it generates nothing */
    public boolean isClosed() {
        lifecycle.readLock().lock();
        try {
            return closed;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** @return the file this generator was loaded from */
    public Path path() {
        return path;
    }

    /** @return SHA-256 of the file's bytes, hex */
    public String sha256() {
        return sha256;
    }

    /** @return the most samples one {@link #generate} call may ask for, from {@link BatchBudget} */
    public int maxBatchSize() {
        return BatchBudget.maxBatch(metadata.latentDim(), metadata.schema().featureCount());
    }

    /**
     * Generates {@code count} samples of one class: samples {@code first .. first+count-1} of the
     * (seed, class) stream. ONNX Runtime is called {@link #maxBatchSize()} samples at a time, so only the
     * returned array grows with {@code count}; stream large requests in batches of at most
     * {@link #maxBatchSize()} to keep memory bounded.
     *
     * @param classIndex the class
     * @param seed the seed
     * @param first index of the first sample in the stream, at least 0
     * @param count how many, at least 0, with {@code count * featureCount} fitting one Java array
     * @return samples in feature scale, row-major
     * @throws InvalidSettingException when {@code count} is negative or its samples do not fit one array, the class
     *     index is not one of the model's ({@code 0 … classes − 1}), or {@code first} is negative (it was taken, and a
     *     stream index below 0 drawn: a fresh user, 5 Dec)
     */
    public float[] generate(int classIndex, long seed, long first, int count) {
        int classes = metadata.schema().classCount();
        if (classIndex < 0 || classIndex >= classes) {
            throw new InvalidSettingException("classIndex", "classIndex must be from 0 to " + (classes - 1) + " (the "
                    + "model's " + classes + " classes), was " + classIndex);
        }
        if (first < 0 || first > Long.MAX_VALUE - Math.max(count, 0)) {
            throw new InvalidSettingException("first", "first (the index of the first sample in the stream) must be "
                    + "from 0 to " + (Long.MAX_VALUE - Math.max(count, 0)) + " for " + count + " samples, was "
                    + first);
        }
        int features = metadata.schema().featureCount();
        long values = (long) count * features;
        if (count < 0 || values > MAX_ARRAY_LENGTH) {
            throw new InvalidSettingException("count", "must be from 0 to " + MAX_ARRAY_LENGTH / features
                    + " (one array of " + features + " floats a sample), was " + count
                    + "; generate in batches of at most " + maxBatchSize());
        }
        int max = maxBatchSize();
        if (count <= max) {
            return runBatch(classIndex, seed, first, count);
        }
        float[] samples = new float[(int) values];
        for (int done = 0; done < count; done += max) {
            int n = Math.min(max, count - done);
            float[] part = runBatch(classIndex, seed, first + done, n);
            System.arraycopy(part, 0, samples, done * features, part.length);
        }
        return samples;
    }

    /** One ONNX Runtime call, within the {@link BatchBudget}; a table's rows without any value are redrawn. */
    private float[] runBatch(int classIndex, long seed, long first, int count) {
        int latent = metadata.latentDim();
        float[] z = new float[count * latent];
        long[] labels = new long[count];
        for (int i = 0; i < count; i++) {
            GeneratorContract.noise(z, i * latent, latent, seed, classIndex, first + i);
            labels[i] = classIndex;
        }
        float[] samples = run(z, labels);
        if (metadata.isTable()) {
            for (int i = 0; i < count; i++) {
                if (GapRows.hasNoValue(metadata.table(), samples, i)) {
                    redraw(samples, i, classIndex, seed, first + i);
                }
            }
        }
        return samples;
    }

    /**
     * Replaces row {@code row} (sample {@code index} of the stream) by the first of samples {@code index + k·stride}
     * that has a feature value.
     *
     * @throws ModelContractException when none of {@link GapRows#MAX_REDRAWS} has one: the generator makes nothing but
     *     rows Tribuo cannot hold
     */
    private void redraw(float[] samples, int row, int classIndex, long seed, long index) {
        int latent = metadata.latentDim();
        int features = metadata.schema().featureCount();
        float[] z = new float[latent];
        for (int k = 1; k <= GapRows.MAX_REDRAWS; k++) {
            GeneratorContract.noise(z, 0, latent, seed, classIndex, index + k * GapRows.REDRAW_STRIDE);
            float[] again = run(z, new long[] {classIndex});
            if (!GapRows.hasNoValue(metadata.table(), again, 0)) {
                System.arraycopy(again, 0, samples, row * features, features);
                return;
            }
        }
        throw new ModelContractException(path + ": class '" + metadata.schema().classNames().get(classIndex)
                + "' gave " + (GapRows.MAX_REDRAWS + 1) + " rows in a row with every column a gap (sample " + index
                + " and its redraws), which Tribuo cannot hold as examples; train the generator again on rows that "
                + "have values");
    }

    /**
     * Runs the graph on given noise and labels.
     *
     * @param z row-major noise, {@code labels.length * latentDim} values
     * @param labels class indices, each in {@code [0, classes)}
     * @return samples in feature scale, row-major
     */
    public float[] run(float[] z, long[] labels) {
        int n = labels.length;
        int classes = metadata.schema().classCount();
        for (long label : labels) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label index " + label + " is outside [0, " + classes + ")");
            }
        }
        long expected = (long) n * metadata.latentDim();
        if (z.length != expected) {
            throw new IllegalArgumentException("z holds " + z.length + " values, expected " + expected);
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                // a fresh user (5 Dec) closed it before reading the AugmentingDataSource built on it, and got no remedy
                throw new IllegalStateException("the generator " + path + " is closed; keep it open while anything "
                        + "built on it (an AugmentingDataSource) is read, e.g. until the dataset is made");
            }
            return runOpen(z, labels, n);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Generates one sample of every class from zero noise, so that a model whose metadata lists classes its graph
     * cannot generate (more class names than rows in its label embedding: ONNX Runtime's Gather fails) is refused
     * at load, not when that class is first asked for.
     */
    private void probeEveryClass() {
        int classes = metadata.schema().classCount();
        long[] labels = new long[classes];
        for (int c = 0; c < classes; c++) {
            labels[c] = c;
        }
        try {
            run(new float[classes * metadata.latentDim()], labels);
        } catch (ModelContractException e) {
            throw e;
        } catch (IllegalStateException e) {
            throw ModelContractException.breach(path.toString(), "it cannot generate all " + classes + " classes its "
                    + "metadata lists (" + (e.getCause() == null ? e.getMessage() : firstLine(e.getCause()
                    .getMessage())) + ")", "re-export it with 'augment train'", e);
        }
    }

    private float[] runOpen(float[] z, long[] labels, int n) {
        try (OnnxTensor zt = OnnxTensor.createTensor(env, FloatBuffer.wrap(z), new long[] {n, metadata.latentDim()});
             OnnxTensor lt = OnnxTensor.createTensor(env, LongBuffer.wrap(labels), new long[] {n});
             OrtSession.Result result = session.run(Map.of(GeneratorContract.INPUT_Z, zt,
                     GeneratorContract.INPUT_LABEL, lt))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            int features = metadata.schema().featureCount();
            if (out.remaining() != (long) n * features) {
                // one row for every request, or twice the rows, went on as samples: an exit 1 "need 2352 values,
                // got 784", an index out of bounds, or extra rows dropped without a word (a fresh user's forged
                // models, 6 Dec)
                throw ModelContractException.breach(path.toString(), "it returned " + out.remaining() + " values for "
                        + n + (n == 1 ? " noise row" : " noise rows") + ", not " + n + " × " + features + " ([N, "
                        + features + "] samples for N rows)", "re-export it with 'augment train'", null);
            }
            float[] samples = new float[out.remaining()];
            out.get(samples);
            requireInRange(samples, labels);
            return samples;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to run " + path + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Every generated value must be finite and inside the value range the metadata declares (with a slack of 1e-4
     * of the range for float rounding): a model that broke it made all-black PNGs of NaN, clamped images or CSV
     * rows out of range, and scores of 0 or "targets met", without a word. The one exception is NaN for a
     * table's numeric column whose training data had missing cells: a generated missing cell.
     */
    private void requireInRange(float[] samples, long[] labels) {
        double min = metadata.schema().minValue();
        double max = metadata.schema().maxValue();
        double slack = (max - min) * 1e-4;
        int features = metadata.schema().featureCount();
        for (int i = 0; i < samples.length; i++) {
            float v = samples[i];
            // finite first: a range as wide as a double allows (-1e308 to 1e308) made the slack infinite, and
            // Infinity passed as inside it (a fresh user's edited model, 6 Dec)
            if (!(Float.isFinite(v) && v >= min - slack && v <= max + slack) // false for NaN too
                    && !(Float.isNaN(v) && missingAllowed[i % features])) {
                int row = i / features;
                throw ModelContractException.breach(path.toString(), "it generated " + v + " for feature '"
                        + metadata.schema().featureNames().get(i % features) + "' of class '"
                        + metadata.schema().classNames().get((int) labels[row]) + "', outside the value range ["
                        + min + ", " + max + "] its metadata declares", "re-export it with 'augment train'", null);
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }

    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException ignored) {
                // already failing; the original error is what matters
            }
        }
    }

    /** Waits for running {@link #generate}/{@link #run} calls, then closes the session; later calls fail. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close ONNX Runtime session", e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /**
     * @param bytes a file's bytes, or its first few (16 suffice)
     * @return whether the bytes start as augment train's checkpoints do: a Java {@code writeUTF} marker beginning
     *     {@code augment-} ({@code augment-checkpoint-v6}, {@code augment-table-checkpoint-v2})
     */
    public static boolean isTrainingCheckpoint(byte[] bytes) {
        byte[] marker = "augment-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return bytes.length > 2 + marker.length && java.util.Arrays.equals(bytes, 2, 2 + marker.length, marker, 0,
                marker.length);
    }
}
