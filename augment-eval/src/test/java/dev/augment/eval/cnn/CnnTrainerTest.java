package dev.augment.eval.cnn;

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.io.ObjectMarshalledProvenance;
import dev.augment.cancel.CancellationToken;
import dev.augment.cancel.CancelledException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CNN trainer on toy 8×8 images: learning, seeding, example weights, provenance and serialisation. */
class CnnTrainerTest {

    private static final int STEPS = 40;
    private static final int BATCH = 32;

    private static CnnTrainer trainer(long seed) {
        return new CnnTrainer(ToyImages.schema(), 255, STEPS, BATCH, 3e-3, seed);
    }

    private static double accuracy(Model<Label> model, MutableDataset<Label> test) {
        return new LabelEvaluator().evaluate(model, test).accuracy();
    }

    @Test
    void separatesBrightTopFromBrightBottomInAFewSteps() {
        Model<Label> model = trainer(1).train(ToyImages.dataset(100, 1, 1));
        assertTrue(accuracy(model, ToyImages.dataset(100, 1, 2)) > 0.95);
        assertEquals(List.of(1, 8, 8), ((CnnModel) model).imageShape());
    }

    /** Raw 0–255 pixels trained silently to 0.736 where divided by 255 they reached 0.838 (a fresh user, 5 Dec). */
    @Test
    void rawPixelsGivenToTheTrainerForScaledValuesAreRefused() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new CnnTrainer(STEPS, BATCH, 3e-3, 1).train(ToyImages.dataset(10, 1, 1)));
        assertEquals("inputDivisor", e.setting());
        assertTrue(e.getMessage().startsWith("inputDivisor is 1 (values already in [0, 1]), but the training values "
                + "reach 255.0"), e.getMessage());
        // the shape given and the divisor left at 1, as an OLCUT configuration that sets only the shape leaves it,
        // trained on raw pixels without a word (a Tribuo user, 6 Dec)
        InvalidSettingException shaped = assertThrows(InvalidSettingException.class,
                () -> new CnnTrainer(ToyImages.schema(), 1, STEPS, BATCH, 3e-3, 1).train(ToyImages.dataset(10, 1, 1)));
        assertTrue(shaped.getMessage().contains("set inputDivisor to 255 in its configuration"), shaped.getMessage());
    }

    /**
     * Values already in [0, 1] given to a trainer that divides by 255 trained on values of at most 1/255 without a
     * word, to 0.616 test accuracy against 0.792 (a Tribuo user, 6 Dec); black-and-white 0/1 pixels are no such data.
     */
    @Test
    void scaledValuesGivenToATrainerThatDividesBy255AreRefused() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> trainer(1).train(ToyImages.dataset(10, 255, 1)));
        assertEquals("inputDivisor", e.setting());
        assertTrue(e.getMessage().startsWith("inputDivisor is 255.0, but every training value is already in [-1, 1] "
                + "and some are fractional"), e.getMessage());
        // scaled examples and a raw one: logged, as one scale for the set is asked (a re-check, 6 Dec)
        MutableDataset<Label> mixed = ToyImages.dataset(30, 255, 1);
        mixed.add(ToyImages.dataset(1, 1, 2).getExample(0));
        try (LoggedMessages logged = new LoggedMessages(CnnTrainer.class)) {
            trainer(1).train(mixed);
            assertTrue(logged.messages().stream().anyMatch(m -> m.startsWith("inputDivisor is 255.0, and 60 of the 61 "
                    + "training examples have every value in [-1, 1]")), logged.messages().toString());
        }
        MutableDataset<Label> blackAndWhite = ToyImages.dataset(30, 1, 1);
        MutableDataset<Label> binary = new MutableDataset<>(blackAndWhite.getProvenance(), new LabelFactory());
        for (Example<Label> example : blackAndWhite) {
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            example.forEach(f -> {
                names.add(f.getName());
                values.add(f.getValue() >= 150 ? 1.0 : 0.0);
            });
            binary.add(new ArrayExample<>(example.getOutput(), names.toArray(String[]::new),
                    values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        assertEquals(List.of(1, 8, 8), ((CnnModel) trainer(1).train(binary)).imageShape());
    }

    /**
     * 14×14 images given to a trainer of 28×28 images trained without a word to a model at chance level, though its
     * predict refused the same images (a Tribuo user, 6 Dec): here 4×4 images for an 8×8 trainer.
     */
    @Test
    void imagesOfAnotherSizeAreRefusedAtTrainingAsAtPrediction() {
        List<String> names = ImageLayout.indexNamed(1, 8, 8).names().subList(0, 16);
        MutableDataset<Label> small = new MutableDataset<>(new SimpleDataSourceProvenance("4x4", new LabelFactory()),
                new LabelFactory());
        MutableDataset<Label> smallScaled = new MutableDataset<>(small.getProvenance(), new LabelFactory());
        for (int i = 0; i < 40; i++) {
            double[] values = new double[16];
            double[] scaled = new double[16];
            for (int p = 0; p < 16; p++) {
                values[p] = (p < 8) == (i % 2 == 0) ? 200 : 20;
                scaled[p] = values[p] / 255;
            }
            Label label = new Label(i % 2 == 0 ? "top" : "bottom");
            small.add(new ArrayExample<>(label, names.toArray(String[]::new), values));
            smallScaled.add(new ArrayExample<>(label, names.toArray(String[]::new), scaled));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer(1).train(small));
        assertTrue(e.getMessage().startsWith("40 of the 40 training examples (the first, example 0, reads as a 4x4 "
                + "image) do not read as the trainer's 1x8x8 image"), e.getMessage());
        // the same images trained with their own shape are fine
        assertEquals(List.of(1, 4, 4), ((CnnModel) new CnnTrainer(STEPS, BATCH, 3e-3, 1)
                .train(smallScaled)).imageShape());
    }

    @Test
    void infersASquareGrayImageFromTheFeatureCountForScaledData() {
        CnnModel model = (CnnModel) new CnnTrainer(STEPS, BATCH, 3e-3, 1).train(ToyImages.dataset(100, 255, 1));
        assertEquals(List.of(1, 8, 8), model.imageShape());
        assertTrue(accuracy(model, ToyImages.dataset(100, 255, 2)) > 0.95);
    }

    /**
     * Tribuo leaves out pixels that are 0 in every example: 768 of Fashion-MNIST's 784 were taken for a 3 × 16 × 16
     * colour image and a model trained without a word (a fresh user, 5 Dec). Index names with gaps are refused.
     */
    @Test
    void pixelIndicesWithGapsAreRefusedNotTakenForAnotherShape() {
        MutableDataset<Label> gappy = new MutableDataset<>(new org.tribuo.provenance.SimpleDataSourceProvenance("gaps",
                new org.tribuo.classification.LabelFactory()), new org.tribuo.classification.LabelFactory());
        for (org.tribuo.Example<Label> e : ToyImages.dataset(20, 255, 1)) {
            List<String> names = new java.util.ArrayList<>();
            List<Double> values = new java.util.ArrayList<>();
            for (org.tribuo.Feature f : e) {
                int index = Integer.parseInt(f.getName());
                if (index < 8 || index >= 24) { // 48 of 64 pixels left: 3 · 4², as 768 of 784 is 3 · 16²
                    names.add(f.getName());
                    values.add(f.getValue());
                }
            }
            gappy.add(new org.tribuo.impl.ArrayExample<>(e.getOutput(), names.toArray(String[]::new),
                    values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new CnnTrainer(STEPS, BATCH, 3e-3, 1).train(gappy));
        assertTrue(refused.getMessage().contains("cannot infer a square image from 48 features (numbered pixels, but "
                + "not 0..47 or 1..48 without gaps"), refused.getMessage());
    }

    @Test
    void predictsLikeATribuoModel() {
        MutableDataset<Label> train = ToyImages.dataset(50, 1, 1);
        Model<Label> model = trainer(1).train(train);
        MutableDataset<Label> test = ToyImages.dataset(20, 1, 2);
        List<Prediction<Label>> batch = model.predict(test);
        assertEquals(test.size(), batch.size());
        for (int i = 0; i < test.size(); i++) {
            Prediction<Label> single = model.predict(test.getExample(i));
            assertTrue(single.distributionEquals(batch.get(i), 1e-6), single + " vs " + batch.get(i));
            assertEquals(64, single.getNumActiveFeatures());
            double total = single.getOutputScores().values().stream().mapToDouble(Label::getScore).sum();
            assertEquals(1.0, total, 1e-5);
        }
        assertTrue(model.generatesProbabilities());
        assertEquals(train.getOutputIDInfo().getDomain(), model.getOutputIDInfo().getDomain());
        assertEquals(64, model.getFeatureIDMap().size());
        assertEquals(model.getProvenance(), model.copy().getProvenance());

        // as Tribuo's own models: an example with no pixel of the image is refused, not predicted as a black image
        Example<Label> stranger = new ArrayExample<>(new Label("top"), new String[] {"r0c0-of-another-image"},
                new double[] {1});
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> model.predict(stranger));
        assertTrue(none.getMessage().startsWith("No features found in Example: none of its 1 features is a pixel of "
                + "the model's 1x8x8 image"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.predict(List.of(test.getExample(0), stranger)));
        // a NaN pixel gave label 0 with every score NaN
        Example<Label> nan = new ArrayExample<>(new Label("top"), new String[] {"00", "05"},
                new double[] {1, Double.NaN});
        IllegalArgumentException notFinite = assertThrows(IllegalArgumentException.class, () -> model.predict(nan));
        assertTrue(notFinite.getMessage().contains("example 0: pixel '05' is NaN"), notFinite.getMessage());
    }

    /**
     * A 14×14 image's features 000–195 are pixel names of a 28×28 one, and [0, 1] values given to a model trained on
     * 0–255 pixels read as a black image: both predicted another class without a word (a Tribuo user, 6 Dec).
     */
    @Test
    void aSmallerImageOrValuesOfAnotherScaleAreNotPredictedSilently() {
        CnnModel raw = (CnnModel) trainer(1).train(ToyImages.dataset(30, 1, 1));
        List<String> names = ImageLayout.indexNamed(1, 8, 8).names();
        double[] small = new double[16];
        java.util.Arrays.fill(small, 200);
        Example<Label> fourByFour = new ArrayExample<>(new Label("top"), names.subList(0, 16).toArray(String[]::new),
                small);
        IllegalArgumentException smaller = assertThrows(IllegalArgumentException.class, () -> raw.predict(fourByFour));
        assertTrue(smaller.getMessage().contains("example 0 reads as a 4x4 image, not as the model's 1x8x8 image"),
                smaller.getMessage());
        // as Tribuo's IDX reader gives it, without its zero pixels (a re-check, 6 Dec): told by where its pixels end
        Example<Label> sparseSmall = new ArrayExample<>(new Label("top"), new String[] {"00", "05", "09", "10", "14"},
                new double[] {200, 200, 200, 200, 200});
        assertThrows(IllegalArgumentException.class, () -> raw.predict(sparseSmall));
        // a larger image's pixels beyond the model's were dropped
        Example<Label> larger = new ArrayExample<>(new Label("top"), new String[] {"05", "63", "99"},
                new double[] {200, 200, 200});
        IllegalArgumentException beyond = assertThrows(IllegalArgumentException.class, () -> raw.predict(larger));
        assertTrue(beyond.getMessage().contains("reads as a larger image (pixel 99)"), beyond.getMessage());
        // a grey 32×32 image's names 0000–1023 are the first channel's of a 3×32×32 (CIFAR) model
        ImageLayout colour = ImageLayout.indexNamed(3, 32, 32);
        List<String> greyNames = ImageLayout.indexNamed(1, 32, 32).names();
        double[] grey = new double[greyNames.size()];
        java.util.Arrays.fill(grey, 90);
        assertEquals(java.util.Optional.of("a 1x32x32 (grey) image"), colour.otherImageSize(new ArrayExample<>(
                new Label("top"), greyNames.toArray(String[]::new), grey)));
        // a half-size colour image is named as such, not as a grey one (a re-check, 6 Dec)
        double[] halfColour = new double[3 * 16 * 16];
        java.util.Arrays.fill(halfColour, 90);
        assertEquals(java.util.Optional.of("a 3x16x16 image"), colour.otherImageSize(new ArrayExample<>(
                new Label("top"), colour.names().subList(0, 3 * 16 * 16).toArray(String[]::new), halfColour)));
        double[] full = new double[3 * 32 * 32];
        java.util.Arrays.fill(full, 90);
        assertEquals(java.util.Optional.empty(), colour.otherImageSize(new ArrayExample<>(new Label("top"),
                colour.names().toArray(String[]::new), full)));
        // a sparse example of the model's own size is predicted, blank last rows and all
        Example<Label> sparse = new ArrayExample<>(new Label("top"), new String[] {"00", "20", "40", "47"},
                new double[] {200, 200, 200, 200});
        assertEquals(4, raw.predict(sparse).getNumActiveFeatures());

        try (LoggedMessages logged = new LoggedMessages(CnnModel.class)) {
            raw.predict(ToyImages.dataset(5, 1, 3));
            assertEquals(List.of(), logged.messages(), "0-255 pixels are what the model was trained on");
            raw.predict(ToyImages.dataset(5, 255, 3));
            assertEquals(1, logged.messages().size(), "said once per model: " + logged.messages());
            assertTrue(logged.messages().get(0).contains("has every value in [0, 1] and fractional, but the model was "
                    + "trained on values up to 255.0"), logged.messages().get(0));
        }

        CnnModel scaled = (CnnModel) new CnnTrainer(ToyImages.schema(), 1, STEPS, BATCH, 3e-3, 1)
                .train(ToyImages.dataset(30, 255, 1));
        IllegalArgumentException tooLarge = assertThrows(IllegalArgumentException.class,
                () -> scaled.predict(ToyImages.dataset(1, 1, 3).getExample(0)));
        assertTrue(tooLarge.getMessage().contains("but the model was trained on values in [0, 1] (inputDivisor 1)"),
                tooLarge.getMessage());
    }

    @Test
    void theParameterCountIsDjlsAndANetworkPastAFloatArrayIsRefusedWithItsSizes() {
        CnnModel model = (CnnModel) trainer(1).train(ToyImages.dataset(10, 1, 1));
        assertEquals(new CnnArchitecture(1, ToyImages.SIDE, ToyImages.SIDE, CnnTrainer.DEFAULT_FIRST_FILTERS,
                CnnTrainer.DEFAULT_SECOND_FILTERS, CnnTrainer.DEFAULT_HIDDEN_UNITS, 2).parameterCount(),
                model.parameterCount(), "the count that the size check uses is the one DJL trains");
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> new CnnArchitecture(1, 28, 28, 32, 64, 2_000_000_000, 10));
        assertTrue(huge.getMessage().contains("hidden 2000000000 on a 1×28×28 image has"), huge.getMessage());
    }

    @Test
    void aNullSchemaNamesItsSetting() {
        assertEquals("schema", assertThrows(InvalidSettingException.class,
                () -> new CnnTrainer(null, 255, STEPS, BATCH, 1e-3, 1)).setting());
    }

    @Test
    void oneLabelOnlyIsRefusedBeforeTraining() {
        MutableDataset<Label> oneLabel = new MutableDataset<>(ToyImages.dataset(10, 1, 1).getProvenance(),
                new LabelFactory());
        for (Example<Label> e : ToyImages.dataset(10, 1, 1)) {
            if (e.getOutput().getLabel().equals("top")) {
                oneLabel.add(e);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer(1).train(oneLabel));
        assertEquals("the training data has one label only ([top]); a classifier needs examples of at least 2 labels",
                e.getMessage());
    }

    /** With every weight 0 the CNN kept its random start and predicted as such, without a word (6 Dec). */
    @Test
    void everyWeightZeroIsRefusedBeforeTraining() {
        MutableDataset<Label> weightless = new MutableDataset<>(ToyImages.dataset(10, 1, 1).getProvenance(),
                new LabelFactory());
        for (Example<Label> e : ToyImages.dataset(10, 1, 1)) {
            Example<Label> copy = e.copy();
            copy.setWeight(0f);
            weightless.add(copy);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer(1).train(weightless));
        assertTrue(e.getMessage().endsWith("training examples has Tribuo weight 0, so the CNN would learn nothing and "
                + "keep its random start; give the examples weights above 0"), e.getMessage());
    }

    @Test
    void serializeToFileIsRefusedBeforeTheFileIsCreated(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Model<Label> model = trainer(1).train(ToyImages.dataset(10, 1, 1));
        java.nio.file.Path file = dir.resolve("cnn.tribuo");
        assertThrows(UnsupportedOperationException.class, () -> model.serializeToFile(file));
        assertFalse(java.nio.file.Files.exists(file), "no empty file left behind");
    }

    @Test
    void sameSeedGivesTheSamePredictionsAndAnotherSeedOthers() {
        MutableDataset<Label> train = ToyImages.dataset(50, 1, 1);
        MutableDataset<Label> test = ToyImages.dataset(20, 1, 2);
        List<Prediction<Label>> a = trainer(7).train(train).predict(test);
        List<Prediction<Label>> b = trainer(7).train(train).predict(test);
        List<Prediction<Label>> c = trainer(8).train(train).predict(test);
        boolean anyDifferent = false;
        for (int i = 0; i < a.size(); i++) {
            assertTrue(a.get(i).distributionEquals(b.get(i), 0), a.get(i) + " vs " + b.get(i));
            anyDifferent |= !a.get(i).distributionEquals(c.get(i), 1e-6);
        }
        assertTrue(anyDifferent, "another seed trains another network");
    }

    @Test
    void exampleWeightsDecideBetweenConflictingLabels() {
        MutableDataset<Label> images = ToyImages.dataset(50, 1, 1);
        MutableDataset<Label> test = ToyImages.dataset(20, 1, 2);
        assertEquals(1.0, share(trainer(1).train(ToyImages.conflicting(images, 3f, 1f)), test, "top"));
        assertEquals(1.0, share(trainer(1).train(ToyImages.conflicting(images, 1f, 3f)), test, "bottom"));
    }

    private static double share(Model<Label> model, MutableDataset<Label> test, String label) {
        return model.predict(test).stream().filter(p -> p.getOutput().getLabel().equals(label)).count()
                / (double) test.size();
    }

    @Test
    void provenanceRoundTripsAndRebuildsTheTrainer() {
        MutableDataset<Label> train = ToyImages.dataset(50, 1, 1);
        Model<Label> model = trainer(5).train(train);
        ModelProvenance provenance = model.getProvenance();
        assertEquals(CnnModel.class.getName(), provenance.getClassName());
        assertEquals(CnnTrainer.class.getName(), provenance.getTrainerProvenance().getClassName());
        assertEquals("40", provenance.getTrainerProvenance().getConfiguredParameters().get("steps").toString());

        List<ObjectMarshalledProvenance> marshalled = ProvenanceUtil.marshalProvenance(provenance);
        assertEquals(provenance, ProvenanceUtil.unmarshalProvenance(marshalled));

        List<ConfigurationData> configuration = ProvenanceUtil.extractConfiguration(provenance);
        ConfigurationManager cm = new ConfigurationManager();
        cm.addConfiguration(configuration);
        CnnTrainer rebuilt = assertInstanceOf(CnnTrainer.class, cm.lookup("cnntrainer-0"));
        assertEquals(trainer(5).toString(), rebuilt.toString());
        MutableDataset<Label> test = ToyImages.dataset(20, 1, 2);
        List<Prediction<Label>> original = model.predict(test);
        List<Prediction<Label>> again = rebuilt.train(train).predict(test);
        for (int i = 0; i < original.size(); i++) {
            assertTrue(original.get(i).distributionEquals(again.get(i), 0));
        }
    }

    @Test
    void secondTrainingCallContinuesTheRandomStreamAndCanBeReplayed() {
        MutableDataset<Label> train = ToyImages.dataset(50, 1, 1);
        MutableDataset<Label> test = ToyImages.dataset(10, 1, 2);
        CnnTrainer trainer = trainer(3);
        trainer.train(train);
        List<Prediction<Label>> second = trainer.train(train).predict(test);
        assertEquals(2, trainer.getInvocationCount());
        List<Prediction<Label>> replayed = trainer(3).train(train, java.util.Map.of(), 1).predict(test);
        for (int i = 0; i < second.size(); i++) {
            assertTrue(second.get(i).distributionEquals(replayed.get(i), 0));
        }
    }

    @Test
    void aCancelledTokenStopsTrainingBeforeTheNextStepAndLeavesTheProvenanceAlone() {
        CancellationToken token = new CancellationToken();
        CnnTrainer trainer = trainer(1).cancelledBy(token);
        assertTrue(accuracy(trainer.train(ToyImages.dataset(100, 1, 1)), ToyImages.dataset(40, 1, 2)) > 0.95,
                "an uncancelled token changes nothing");
        token.cancel();
        CancelledException e = assertThrows(CancelledException.class,
                () -> trainer.train(ToyImages.dataset(100, 1, 1)));
        assertTrue(e.getMessage().contains("training the CNN, at step 1 of " + STEPS), e.getMessage());
        assertEquals(trainer(1).getProvenance(), new CnnTrainer(ToyImages.schema(), 255, STEPS, BATCH, 3e-3, 1)
                .cancelledBy(token).getProvenance(), "the token is no setting");
    }

    @Test
    void javaSerialisationKeepsThePredictions() throws IOException, ClassNotFoundException {
        Model<Label> model = trainer(1).train(ToyImages.dataset(50, 1, 1));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        Model<?> read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = (Model<?>) in.readObject();
        }
        Model<Label> restored = read.castModel(Label.class);
        MutableDataset<Label> test = ToyImages.dataset(10, 1, 2);
        List<Prediction<Label>> before = model.predict(test);
        List<Prediction<Label>> after = restored.predict(test);
        for (int i = 0; i < before.size(); i++) {
            assertTrue(before.get(i).distributionEquals(after.get(i), 0));
        }
        assertEquals(model.getProvenance(), restored.getProvenance());
        assertThrows(UnsupportedOperationException.class, model::serialize);
    }

    @Test
    void settingsOutOfRangeNameTheirField() {
        InvalidSettingException steps = assertThrows(InvalidSettingException.class,
                () -> new CnnTrainer(0, BATCH, 1e-3, 1));
        assertEquals("steps", steps.setting());
        InvalidSettingException rate = assertThrows(InvalidSettingException.class,
                () -> new CnnTrainer(1, BATCH, Double.NaN, 1));
        assertEquals("learningRate", rate.setting());
        SampleSchema table = new SampleSchema(List.of("a", "b"), List.of(2), 0, 1, List.of("x"), List.of("x"));
        InvalidSettingException tabular = assertThrows(InvalidSettingException.class,
                () -> new CnnTrainer(table, 1, 1, 1, 1e-3, 1));
        assertEquals("schema", tabular.setting());
    }

    /**
     * A bad setting in an OLCUT file came back as "RuntimeException thrown by postConfig" with no property named,
     * where AugmentingDataSource names it (a Tribuo user, 7 Dec).
     */
    @Test
    void aBadSettingInAConfigurationFileNamesTheComponentAndProperty(@org.junit.jupiter.api.io.TempDir
                                                                     java.nio.file.Path dir) throws IOException {
        for (String[] bad : new String[][] {{"steps", "0"}, {"learningRate", "NaN"}, {"inputDivisor", "0"},
                {"height", "2"}}) {
            java.nio.file.Path config = java.nio.file.Files.writeString(dir.resolve(bad[0] + ".xml"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <config>
                      <component name="cnn" type="dev.augment.eval.cnn.CnnTrainer">
                        <property name="%s" value="%s"/>
                      </component>
                    </config>
                    """.formatted(bad[0], bad[1]));
            ConfigurationManager cm = new ConfigurationManager(config.toString());
            com.oracle.labs.mlrg.olcut.config.PropertyException e = assertThrows(
                    com.oracle.labs.mlrg.olcut.config.PropertyException.class, () -> cm.lookup("cnn"));
            assertEquals(bad[0], e.getProperty(), e.getMessage());
            assertTrue(e.getMessage().startsWith("Component: cnn, Property: " + bad[0] + ", "), e.getMessage());
        }
    }

    @Test
    void featuresThatAreNotPixelsAreRefused() {
        MutableDataset<Label> data = ToyImages.dataset(5, 1, 1);
        data.add(new ArrayExample<>(new Label("top"), new String[] {"age"}, new double[] {3}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer(1).train(data));
        assertTrue(e.getMessage().contains("'age' is not a pixel of the 1×8×8 image"), e.getMessage());
    }

    @Test
    void aFeatureCountThatIsNoSquareCannotBeInferred() {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("odd", new LabelFactory()),
                new LabelFactory());
        data.add(new ArrayExample<>(new Label("a"), new String[] {"1", "2", "3", "4", "5"},
                new double[] {1, 1, 1, 1, 1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CnnTrainer(1, BATCH, 1e-3, 1).train(data));
        assertTrue(e.getMessage().contains("set channels, height and width"), e.getMessage());
        assertFalse(e instanceof InvalidSettingException);
    }
}
