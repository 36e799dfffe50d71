package dev.augment.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.augment.errors.ModelContractException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a generator file says about itself ({@link ModelMetadata}) straight from the ONNX protobuf,
 * without ONNX Runtime: only the {@code metadata_props} of the {@code ModelProto} are decoded, the graph
 * and its weights are skipped unread. It is cheap enough to list every model in a folder.
 *
 * <p>It checks the metadata only ({@link MetadataCodec#decode}); the graph's inputs and outputs are
 * checked when the file is loaded to run ({@code OnnxGenerator.load}), so a file that passes here may
 * still be refused there.
 */
public final class MetadataReader {

    private MetadataReader() {
    }

    /**
     * @param model a generator ONNX file
     * @return its metadata
     * @throws ModelContractException when the file is missing, unreadable, not an ONNX protobuf, or its
     *     metadata breaks the contract; the message starts with the file
     */
    public static ModelMetadata read(Path model) {
        return MetadataCodec.decode(properties(model), model.toString());
    }

    /**
     * @param model an ONNX file
     * @return its {@code metadata_props}, in file order
     * @throws ModelContractException when the file is missing, unreadable, not a regular file or not an ONNX
     *     protobuf, or a metadata key is repeated
     */
    public static Map<String, String> properties(Path model) {
        if (Files.exists(model) && !Files.isRegularFile(model) && !Files.isDirectory(model)) {
            // a pipe would block the read for good, a device (/dev/zero) never end it: as OnnxGenerator.load refuses
            throw new ModelContractException(model + ": not a regular file (a pipe, device or socket); give an .onnx "
                    + "file");
        }
        refuseFolder(model);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(model))) {
            if (Files.isRegularFile(model) && Files.size(model) == 0) {
                // read as an ONNX message with no field, it was "metadata missing; not an augment generator"
                throw new ModelContractException(model + ": the file is empty (0 bytes); copy it again from its source "
                        + "or re-export it");
            }
            in.mark(8);
            byte[] head = in.readNBytes(8);
            in.reset();
            String other = otherFormat(head);
            if (other != null) {
                // a gzipped or zipped model was told to be trained again (a fresh user, 6 Dec)
                throw new ModelContractException(model + ": is " + other);
            }
            return properties(CodedInputStream.newInstance(in), model);
        } catch (NoSuchFileException e) {
            throw MissingModelFile.of(model);
        } catch (InvalidProtocolBufferException e) {
            if (CutShortModel.isTruncation(e)) {
                throw new ModelContractException(CutShortModel.message(model, size(model)), e);
            }
            throw new ModelContractException(model + ": not a valid ONNX model (" + firstSentence(e.getMessage())
                    + "); a copy or download can add bytes (an error page or zeros after the model, two files "
                    + "joined): copy it again from its source, or re-export it with 'augment train'", e);
        } catch (IOException e) {
            throw new ModelContractException(model + ": cannot read model file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * @param head a file's first bytes
     * @return what it is, "not an ONNX model" and what to do, for a file format a model is commonly mistaken for (a
     *     compressed download, an image, a web page, a table or Parquet output), else null
     */
    public static String otherFormat(byte[] head) {
        if (dev.augment.io.FileMagic.isGzip(head)) {
            return "a gzip-compressed file, not an ONNX model: decompress it first (gunzip -k FILE.gz) and give the "
                    + ".onnx";
        }
        if (dev.augment.io.FileMagic.isZip(head)) {
            return "a zip archive, not an ONNX model: unpack it first (unzip FILE.zip) and give the .onnx inside";
        }
        if (dev.augment.io.FileMagic.isImage(head)) {
            return "an image (PNG or JPEG), not an ONNX model: a model is the .onnx file, e.g. "
                    + "models/fashion-mnist.onnx";
        }
        if (dev.augment.io.FileMagic.kind(head).filter(dev.augment.io.FileMagic.WEB_PAGE::equals).isPresent()) {
            return "a web page or XML document, not an ONNX model (a download that saved the page, not the model?): "
                    + "download the .onnx file itself";
        }
        if (dev.augment.io.FileMagic.kind(head).filter(k -> k.startsWith("a macOS metadata file")).isPresent()) {
            return dev.augment.io.FileMagic.kind(head).get() + ", not an ONNX model: the model is the file of the same "
                    + "name without '._'; this one can be deleted";
        }
        // a generate output's CSV, a model card, spark-generate's Parquet were told to re-export (a fresh user, 6 Dec)
        if (dev.augment.io.FileMagic.kind(head).filter("a Parquet file"::equals).isPresent()) {
            return "a Parquet file (spark-generate writes them), not an ONNX model: a model is the .onnx file "
                    + "'augment train' wrote, e.g. models/fashion-mnist.onnx";
        }
        if (isText(head)) {
            return "a text file (a CSV table, a model card?), not an ONNX model: a model is the .onnx file "
                    + "'augment train' wrote, e.g. models/fashion-mnist.onnx";
        }
        return null;
    }

    /**
     * @return whether the bytes (at least one) are printable text: ASCII letters, tabs and line breaks, and UTF-8
     *     sequences (a cut one at the end too: {@code Größe,…}, a model card in French), or they start with a UTF-8 or
     *     UTF-16 byte-order mark (Excel's "Unicode text"); an ONNX file starts with a field's tag (augment's with
     *     {@code 0x08}, ir_version), which is no text
     */
    private static boolean isText(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf
                || head.length >= 2 && ((head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe
                || (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff)) {
            return true;
        }
        int i = 0;
        while (i < head.length) {
            int b = head[i] & 0xff;
            int continuation = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3
                    : -1;
            if (b >= 0x20 && b < 0x7f || b == '\t' || b == '\n' || b == '\r') {
                i++;
            } else if (continuation > 0) {
                for (int k = 1; k <= continuation && i + k < head.length; k++) {
                    if ((head[i + k] & 0xc0) != 0x80) {
                        return false;
                    }
                }
                i += continuation + 1;
            } else {
                return false;
            }
        }
        return head.length > 0;
    }

    /**
     * A model given as a URI ({@code file:///m.onnx}, {@code hdfs://host/m.onnx}: spark-generate's {@code --out} takes
     * one) was "model file not found", with the URI shown with one slash (a fresh user, 7 Dec).
     *
     * @param model the path given as a model
     * @throws ModelContractException when it is missing and its text starts with a URI scheme: naming the local path
     *     of a {@code file:} URI, and for any other scheme that the model is read from a local file
     */
    public static void refuseUri(Path model) {
        java.util.Optional<String> refusal = dev.augment.io.UriPaths.refusal(model, "a model");
        if (refusal.isPresent()) {
            throw new ModelContractException(refusal.get());
        }
    }

    /**
     * A folder given as the model said only "cannot read model file (Is a directory)" (a fresh user, 6 Dec).
     *
     * @param model the path given as a model
     * @throws ModelContractException when it is a folder: naming the model {@code train} wrote beside its checkpoint
     *     folder ({@code X.onnx.training}), or the one {@code .onnx} file in it
     */
    public static void refuseFolder(Path model) {
        if (!Files.isDirectory(model)) {
            return;
        }
        String name = model.getFileName() == null ? "" : model.getFileName().toString();
        if (name.endsWith(".onnx.training")) {
            Path beside = model.resolveSibling(name.substring(0, name.length() - ".training".length()));
            // a run that never exported named a model that is not there (a re-check, 6 Dec)
            throw new ModelContractException(model + ": is the checkpoint folder of augment train, not a model; "
                    + (Files.isRegularFile(beside) ? "give the model beside it, " + beside : "its run did not "
                    + "finish (there is no " + beside + "): continue it with augment train --out " + beside
                    + " --resume (and its other options), or give another model"));
        }
        List<Path> inside = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.list(model)) {
            files.filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".onnx")
                    && !f.getFileName().toString().startsWith(".") && Files.isRegularFile(f)).limit(2)
                    .forEach(inside::add);
        } catch (IOException unlistable) {
            // said as a folder all the same
        }
        throw new ModelContractException(model + ": is a folder, not a model file; give " + (inside.size() == 1
                ? "the .onnx file in it, " + inside.get(0) : "an .onnx file"));
    }

    /** @return the file's size in bytes, or -1 when it cannot be read */
    private static long size(Path model) {
        try {
            return Files.size(model);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Walks the top-level fields of a {@code ModelProto}, decoding {@code metadata_props} and skipping the rest. A
     * repeated key is refused: ONNX's checker rejects one, and readers that keep the first value (ONNX Runtime's
     * custom metadata map, Netron) would disagree with one that keeps the last about, say, the class names.
     */
    private static Map<String, String> properties(CodedInputStream in, Path model) throws IOException {
        Map<String, String> props = new LinkedHashMap<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == OnnxMl.ModelProto.METADATA_PROPS_FIELD_NUMBER
                    && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                OnnxMl.StringStringEntryProto entry = in.readMessage(OnnxMl.StringStringEntryProto.parser(),
                        ExtensionRegistryLite.getEmptyRegistry());
                if (props.put(entry.getKey(), entry.getValue()) != null) {
                    throw repeated(model.toString(), entry.getKey());
                }
            } else if (!in.skipField(tag)) {
                throw new InvalidProtocolBufferException("unexpected end-group tag at the top level");
            }
        }
        return props;
    }

    /**
     * For a model already parsed: {@code generate} and {@code inspect} read the metadata through ONNX Runtime's map,
     * which keeps one value of a repeated key, so they accepted a second {@code augment.schema} (a re-check, 6 Dec).
     *
     * @param model the parsed model
     * @param where the file, for the message
     * @throws ModelContractException when a metadata key is given twice
     */
    public static void refuseRepeatedKeys(OnnxMl.ModelProto model, String where) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (OnnxMl.StringStringEntryProto entry : model.getMetadataPropsList()) {
            if (!seen.add(entry.getKey())) {
                throw repeated(where, entry.getKey());
            }
        }
    }

    private static ModelContractException repeated(String where, String key) {
        // two models joined into one file (cat a.onnx b.onnx) give every key twice (a fresh user, 7 Dec)
        return new ModelContractException(where + ": the metadata key '" + key + "' is given twice (two models "
                + "joined into one file, or the file edited after export; tools would disagree on its value); copy it "
                + "again from its source, or re-export it with 'augment train'");
    }

    /** Protobuf's messages run to three sentences of advice; the first says what is wrong. */
    private static String firstSentence(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable protobuf";
        }
        String first = message.lines().findFirst().orElse(message).strip();
        int end = first.indexOf(". ");
        return end < 0 ? first : first.substring(0, end);
    }
}
