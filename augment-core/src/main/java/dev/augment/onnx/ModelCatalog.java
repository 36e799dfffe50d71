package dev.augment.onnx;

import ai.onnx.proto.OnnxMl;
import dev.augment.errors.ModelContractException;
import dev.augment.schema.ClassResolver;
import dev.augment.schema.SampleSchema;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The generator files in one folder (every {@code *.onnx} directly in it, the extension in any case, by file name)
 * with what each says about itself, and which of them know a class. Metadata is read with {@link MetadataReader},
 * without
 * running any model. A file that cannot be read or whose metadata breaks the contract is kept aside as
 * {@link Unreadable}, with the reason, and does not stop the others from being listed or found.
 *
 * <p>Which models know a class: a query is looked for first as an <em>exact</em> class name or Tribuo
 * label in every model; only when no model has it exactly, as {@link ClassResolver} would find it in each
 * model (a unique loose match ignoring case and punctuation: "sneaker" is "Sneaker"). A query of digits
 * is a class index in every model with that many classes, so it is known by all of those; callers that
 * want one model for it decide themselves.
 */
public final class ModelCatalog {

    /**
     * A readable generator file of the folder.
     *
     * @param file the file
     * @param metadata what it says about itself
     */
    public record Model(Path file, ModelMetadata metadata) {

        /** Checks the fields. */
        public Model {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(metadata, "metadata");
        }

        /** @return the file name, e.g. {@code fashion-mnist.onnx} */
        public String name() {
            return file.getFileName().toString();
        }

        /** @return the sample schema: classes, shape, value range */
        public SampleSchema schema() {
            return metadata.schema();
        }
    }

    /**
     * A file of the folder that was skipped.
     *
     * @param file the file
     * @param problem why, one line that starts with the file (as {@link ModelContractException} messages do)
     */
    public record Unreadable(Path file, String problem) {

        /** Checks the fields. */
        public Unreadable {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(problem, "problem");
        }
    }

    private static final String EXTENSION = ".onnx";

    private final Path folder;
    private final List<Model> models;
    private final List<Unreadable> unreadable;

    private ModelCatalog(Path folder, List<Model> models, List<Unreadable> unreadable) {
        this.folder = folder;
        this.models = List.copyOf(models);
        this.unreadable = List.copyOf(unreadable);
    }

    /**
     * Reads the metadata of every {@code *.onnx} file directly in a folder (not in subfolders).
     *
     * @param folder the folder
     * @return the catalogue, models in file-name order
     * @throws ModelContractException when the folder does not exist, is not a folder or cannot be listed
     */
    public static ModelCatalog scan(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ModelContractException(folder + ": models folder not found"
                    + (Files.exists(folder) ? " (it is a file)" : ""));
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder,
                p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(EXTENSION) // any case:
                        && !Files.isDirectory(p) // UPPER.ONNX was neither listed nor skipped (a fresh user, 5 Dec)
                        // hidden files, as for class folders: a Mac's ._fashion-mnist.onnx was "not a valid ONNX model
                        // ... re-export it" on every generate, and an editor's .copy.onnx a second model (6 Dec)
                        && !p.getFileName().toString().startsWith("."))) {
            listing.forEach(files::add);
        } catch (IOException e) {
            throw new ModelContractException(folder + ": cannot list the models folder (" + e.getMessage() + ")", e);
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<Model> models = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (Path file : files) {
            try {
                ModelMetadata metadata = MetadataReader.read(file);
                // a damaged graph was listed and counted as a model knowing its classes, which every load refuses
                OnnxMl.ModelProto model = parse(readAll(file), file);
                GraphChecksum.verify(model, file.toString());
                GraphWidths.verify(model.getGraph(), metadata, file.toString());
                models.add(new Model(file, metadata));
            } catch (ModelContractException e) {
                unreadable.add(new Unreadable(file, firstLine(e.getMessage(), file)));
            }
        }
        return new ModelCatalog(folder, models, unreadable);
    }

    /** Parsed once for the checksum and the widths (each parsed the whole file before). */
    private static OnnxMl.ModelProto parse(byte[] bytes, Path file) {
        try {
            return OnnxMl.ModelProto.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new ModelContractException(file + ": not a valid ONNX model (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelContractException(file + ": cannot read model file (" + e.getMessage() + ")", e);
        }
    }

    /** @return the folder that was scanned */
    public Path folder() {
        return folder;
    }

    /** @return the readable models, in file-name order */
    public List<Model> models() {
        return models;
    }

    /** @return the files that were skipped, in file-name order */
    public List<Unreadable> unreadable() {
        return unreadable;
    }

    /**
     * @param query a class name, Tribuo label or index, as a person gives it
     * @return the models that have it as an exact class name or label; if none does, those in which
     *     {@link ClassResolver#find} finds it (a unique loose match, or an index); in file-name order
     */
    public List<Model> knowing(String query) {
        List<Model> exact = models.stream().filter(m -> hasExactly(m.schema(), query)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        return models.stream().filter(m -> new ClassResolver(m.schema(), m.name()).find(query).isPresent()).toList();
    }

    /**
     * @param queries class names, Tribuo labels or indices
     * @return the models that know every one of them ({@link #knowing}), in file-name order; every model
     *     when there are no queries
     */
    public List<Model> knowingAll(List<String> queries) {
        List<Model> common = new ArrayList<>(models);
        for (String query : queries) {
            common.retainAll(knowing(query));
        }
        return List.copyOf(common);
    }

    private static boolean hasExactly(SampleSchema schema, String query) {
        return schema.classNames().contains(query) || schema.labels().contains(query);
    }

    private static String firstLine(String message, Path file) {
        if (message == null || message.isBlank()) {
            return file + ": unreadable";
        }
        return message.lines().findFirst().orElse(message);
    }
}
