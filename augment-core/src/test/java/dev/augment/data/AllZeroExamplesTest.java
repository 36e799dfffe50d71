package dev.augment.data;

import ai.onnx.proto.OnnxMl;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.tribuo.SyntheticExamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An all-zero image or row is valid data. Tribuo leaves zero values out of sparse examples and refuses an example
 * without features, and a model cannot predict an example none of whose features it knows, so every conversion to
 * Tribuo examples keeps an all-zero row's features as explicit zeros: the image sources, Tribuo's own IDX reader
 * behind {@link IdxImageSource}, and {@link SyntheticExamples}. (The evaluation's conversion is tested in
 * augment-eval.)
 */
class AllZeroExamplesTest {

    private static final Path MODEL = Path.of("..", "models", "fashion-mnist.onnx");

    @Test
    void anAllZeroRowKeepsEveryFeatureAtZeroAndOtherRowsOnlyTheirNonZeros() {
        String[] names = {"0", "1", "2"};
        ArrayExample<Label> zero = TribuoExamples.sparse(new Label("a"), names, new double[3]);
        ArrayExample<Label> some = TribuoExamples.sparse(new Label("a"), names, new double[] {0, 4, 0});

        assertEquals(3, zero.size());
        for (Feature feature : zero) {
            assertEquals(0.0, feature.getValue());
        }
        assertTrue(zero.validateExample());
        assertEquals(1, some.size());
        assertEquals("1", some.lookup("1").getName());
    }

    /** Builds a Tribuo dataset of every example (which Tribuo refuses for a featureless one), trains and predicts. */
    private static void trainsAndPredictsTheBlackExample(DataSource<Label> source, int blackIndex, int features) {
        MutableDataset<Label> dataset = new MutableDataset<>(source);
        Example<Label> black = dataset.getExample(blackIndex);
        assertEquals(features, black.size(), "the black image keeps every feature");
        for (Feature feature : black) {
            assertEquals(0.0, feature.getValue());
        }
        Model<Label> model = new LogisticRegressionTrainer().train(dataset);
        assertTrue(source.iterator().hasNext());
        // A model that never saw an all-zero example still predicts one: its explicit zeros are known features.
        List<Example<Label>> others = new ArrayList<>();
        for (int i = 0; i < dataset.size(); i++) {
            if (i != blackIndex) {
                others.add(dataset.getExample(i));
            }
        }
        MutableDataset<Label> withoutBlack = new MutableDataset<>(dataset.getProvenance(), dataset.getOutputFactory());
        withoutBlack.addAll(others);
        Model<Label> blind = new LogisticRegressionTrainer().train(withoutBlack);
        assertTrue(model.predict(black).getOutput().getLabel().length() > 0);
        assertTrue(blind.predict(black).getOutput().getLabel().length() > 0);
    }

    @Test
    void blackImageInAnImageFolderTrainsAndPredicts(@TempDir Path dir) {
        TestFiles.grayPng(dir.resolve("a").resolve("0.png"), 4, 3, 0);
        TestFiles.grayPng(dir.resolve("a").resolve("1.png"), 4, 3, 30);
        TestFiles.grayPng(dir.resolve("b").resolve("0.png"), 4, 3, 90);
        TestFiles.rgbPng(dir.resolve("b").resolve("zz-black.png"), 4, 3, 0x000000);
        // grayPng's pixel (x, y) is base + 10 y + x, so a/0.png is not all zero; the black image is b/zz-black.png,
        // an RGB PNG, so the folder is read as 3 channels of 4x3.
        trainsAndPredictsTheBlackExample(new ImageFolderSource(dir), 3, 36);
    }

    @Test
    void allZeroImageInAnIdxFileTrainsAndPredicts(@TempDir Path dir) {
        byte[] payload = new byte[4 * 6];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i / 6 == 2 ? 0 : 1 + i);
        }
        Path images = TestFiles.write(dir.resolve("images"), TestFiles.idx(0x08, new int[] {4, 2, 3}, payload));
        Path labels = TestFiles.write(dir.resolve("labels"), TestFiles.idxLabels(0, 1, 0, 1));
        trainsAndPredictsTheBlackExample(new IdxImageSource(images, labels), 2, 6);
    }

    @Test
    void allZeroCifarRecordTrainsAndPredicts(@TempDir Path dir) {
        byte[] batch = TestFiles.cifar(0, 1, 2);
        java.util.Arrays.fill(batch, Cifar10Source.RECORD_BYTES + 1, 2 * Cifar10Source.RECORD_BYTES, (byte) 0);
        Path file = TestFiles.write(dir.resolve("data_batch_1.bin"), batch);
        trainsAndPredictsTheBlackExample(new Cifar10Source(file), 1, Cifar10Source.IMAGE_BYTES);
    }

    @Test
    void allZeroSyntheticSamplesAreValidExamples(@TempDir Path dir) throws IOException {
        Path zeros = zeroGenerator(MODEL, dir.resolve("zeros.onnx"));
        try (OnnxGenerator generator = OnnxGenerator.load(zeros, ExecutionDevice.CPU)) {
            List<Example<Label>> examples = new SyntheticExamples(generator, 0.5f, 4).generate("bag", 3, 1L);
            MutableDataset<Label> real = new MutableDataset<>(DataSources.open(TestFiles.SAMPLE, Split.TEST, null));
            Model<Label> model = new LogisticRegressionTrainer().train(real);
            for (Example<Label> example : examples) {
                assertEquals(784, example.size());
                assertTrue(example.validateExample());
                assertTrue(SyntheticExamples.isSynthetic(example));
                assertEquals(0.5f, example.getWeight());
                assertTrue(model.predict(example).getOutput().getLabel().length() > 0);
            }
            real.addAll(examples);
            assertEquals(503, real.size());
        }
    }

    /** The shipped generator with its samples multiplied by 0: every sample is all zero. */
    private static Path zeroGenerator(Path good, Path target) throws IOException {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(good));
        OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
        String output = graph.getOutput(0).getName();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            OnnxMl.NodeProto.Builder node = graph.getNode(i).toBuilder();
            for (int j = 0; j < node.getOutputCount(); j++) {
                if (node.getOutput(j).equals(output)) {
                    node.setOutput(j, output + "_before_zero");
                }
            }
            graph.setNode(i, node);
        }
        graph.addInitializer(OnnxMl.TensorProto.newBuilder().setName("zero_scale")
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber()).addFloatData(0f));
        graph.addNode(OnnxMl.NodeProto.newBuilder().setOpType("Mul").setName("zero_all_samples")
                .addInput(output + "_before_zero").addInput("zero_scale").addOutput(output));
        Files.write(target, dev.augment.onnx.GraphChecksum.withGraph(model, graph.build()).toByteArray());
        return target;
    }
}
