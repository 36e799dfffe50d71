package dev.augment.cli;

import ai.onnx.proto.OnnxMl;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Builds the bad (and nearly good) files of {@link BadInputCorpusTest}: ONNX files, IDX pairs, image folders. */
final class BadFiles {

    private BadFiles() {
    }

    /** @return a good three-class 4x4 test generator */
    static Path model(Path dir) throws IOException {
        return TestModels.write(dir.resolve("g.onnx"), TestModels.imageSchema(List.of("T-shirt/top", "Trouser",
                "Sneaker"), 4));
    }

    /**
     * @return a copy of {@code good} with one bit of its largest weight tensor flipped, as a damaged copy or download
     *     would have it: the file still parses and runs, only its graph no longer has the checksum recorded at export
     */
    static Path withFlippedWeight(Path good, Path target) throws IOException {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(good));
        OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
        int largest = 0;
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            if (graph.getInitializer(i).getRawData().size() > graph.getInitializer(largest).getRawData().size()) {
                largest = i;
            }
        }
        OnnxMl.TensorProto.Builder weight = graph.getInitializerBuilder(largest);
        byte[] raw = weight.getRawData().toByteArray();
        raw[raw.length / 2] ^= 0x40;
        weight.setRawData(com.google.protobuf.ByteString.copyFrom(raw));
        return Files.write(target, model.toBuilder().setGraph(graph).build().toByteArray());
    }

    /** @return a copy of {@code good} whose metadata entry {@code key} holds {@code value} (null: removed) */
    static Path withMetadata(Path good, String key, String value, Path target) throws IOException {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(good));
        OnnxMl.ModelProto.Builder edited = model.toBuilder().clearMetadataProps();
        for (OnnxMl.StringStringEntryProto entry : model.getMetadataPropsList()) {
            if (!entry.getKey().equals(key)) {
                edited.addMetadataProps(entry);
            }
        }
        if (value != null) {
            edited.addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value));
        }
        return Files.write(target, edited.build().toByteArray());
    }

    /**
     * @return a copy of {@code good} whose metadata entry {@code key} has its text {@code from} replaced by {@code to}
     * @throws IllegalArgumentException when the entry does not hold {@code from}, so a case cannot silently test nothing
     */
    static Path withMetadataEdited(Path good, String key, String from, String to, Path target) throws IOException {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(good));
        String value = model.getMetadataPropsList().stream().filter(e -> e.getKey().equals(key))
                .map(OnnxMl.StringStringEntryProto::getValue).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no metadata " + key));
        if (!value.contains(from)) {
            throw new IllegalArgumentException(key + " does not hold " + from + ": " + value);
        }
        return withMetadata(good, key, value.replace(from, to), target);
    }

    /** @return the first {@code fraction} of {@code good}'s bytes */
    static Path truncated(Path good, double fraction, Path target) throws IOException {
        byte[] whole = Files.readAllBytes(good);
        return Files.write(target, Arrays.copyOf(whole, (int) (whole.length * fraction)));
    }

    /** @return a valid ONNX model that is not a generator: y = Identity(x), no metadata */
    static Path nonGenerator(Path target) throws IOException {
        OnnxMl.TypeProto floatVector = OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                .setShape(OnnxMl.TensorShapeProto.newBuilder().addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder()
                        .setDimValue(3)))).build();
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName("identity")
                .addInput(OnnxMl.ValueInfoProto.newBuilder().setName("x").setType(floatVector))
                .addOutput(OnnxMl.ValueInfoProto.newBuilder().setName("y").setType(floatVector))
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Identity").addInput("x").addOutput("y"))
                .build();
        OnnxMl.ModelProto model = OnnxMl.ModelProto.newBuilder().setIrVersion(8).setGraph(graph)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).build();
        return Files.write(target, model.toByteArray());
    }

    /** @return the bytes of an IDX file with the given magic number, dimensions and payload */
    static byte[] idx(int magic, int[] dims, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + payload.length).putInt(magic);
        for (int d : dims) {
            buffer.putInt(d);
        }
        return buffer.put(payload).array();
    }

    /** @return {@code count} 4x4 images, pixel values (n + i) % 256 */
    static byte[] idxImages(int magic, int count) {
        byte[] payload = new byte[count * 16];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i % 256);
        }
        return idx(magic, new int[] {count, 4, 4}, payload);
    }

    /** @return labels 0, 1, 0, 1, ... */
    static byte[] idxLabels(int count) {
        byte[] payload = new byte[count];
        for (int i = 0; i < count; i++) {
            payload[i] = (byte) (i % 2);
        }
        return idx(0x00000801, new int[] {count}, payload);
    }

    /** @return a folder holding {@code train-images-idx3-ubyte[.gz]} and {@code train-labels-idx1-ubyte[.gz]} */
    static Path idxFolder(Path dir, byte[] images, byte[] labels, boolean gzip) throws IOException {
        Files.createDirectories(dir);
        String suffix = gzip ? ".gz" : "";
        Files.write(dir.resolve("train-images-idx3-ubyte" + suffix), gzip ? gzip(images) : images);
        Files.write(dir.resolve("train-labels-idx1-ubyte" + suffix), gzip ? gzip(labels) : labels);
        return dir;
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** Writes a gray PNG of the given size. */
    static Path png(Path file, int width, int height) throws IOException {
        return png(file, width, height, 200);
    }

    /**
     * @param corner the first pixel's value: images of different classes differ, as augment names images shared by two
     *     class folders
     */
    static Path png(Path file, int width, int height, int corner) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(0, 0, 0, corner);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
