package dev.augment.spark;

import dev.augment.errors.InvalidSettingException;
import dev.augment.errors.ModelContractException;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import org.apache.spark.SparkFiles;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AugmentSparkTest {

    private static final long SEED = 1234L;

    private static SparkSession spark;
    private static OnnxGenerator reference;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
        reference = OnnxGenerator.load(LocalSpark.MODEL, ExecutionDevice.CPU);
    }

    @AfterAll
    static void stop() {
        reference.close();
        spark.stop();
        ExecutorGenerators.closeAll();
    }

    @Test
    void valuesEqualSingleMachineGenerationWhateverThePartitionCount() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("Sneaker", 300L);
        counts.put("0", 45L);
        for (int partitions : new int[] {1, 3, 8}) {
            List<Row> rows = sorted(AugmentSpark.generate(spark, LocalSpark.MODEL, counts, SEED, partitions));
            assertEquals(345, rows.size());
            assertRowsEqual(rows.subList(0, 45), "0", wholePixels(reference.generate(0, SEED, 0, 45)));
            assertRowsEqual(rows.subList(45, 345), "7", wholePixels(reference.generate(7, SEED, 0, 300)));
        }
    }

    @Test
    void eachPartitionHoldsOneClassAndOneIndexRangeInOrder() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("7", 50L);
        counts.put("3", 20L);
        Dataset<Row> rows = AugmentSpark.generate(spark, LocalSpark.MODEL, counts, SEED, 4);
        List<List<Row>> partitions = rows.select(SampleRowSchema.LABEL, SampleRowSchema.INDEX).javaRDD().glom().collect();
        assertEquals(List.of("7:0-16", "7:17-33", "7:34-49", "3:0-9", "3:10-19"), partitions.stream().map(p -> {
            for (int i = 0; i < p.size(); i++) {
                assertEquals(p.get(0).getString(0), p.get(i).getString(0), "one class per partition");
                assertEquals(p.get(0).getLong(1) + i, p.get(i).getLong(1), "consecutive indices");
            }
            return p.get(0).getString(0) + ":" + p.get(0).getLong(1) + "-" + p.get(p.size() - 1).getLong(1);
        }).toList());
    }

    @Test
    void theModelIsLoadedOncePerJvmAndReusedByEveryTask() {
        ExecutorGenerators.closeAll();
        long before = ExecutorGenerators.loads();
        Dataset<Row> rows = AugmentSpark.generate(spark, LocalSpark.MODEL, Map.of("all", 12L), SEED, 6);
        assertEquals(120, rows.count());
        assertEquals(120, rows.count());
        assertEquals(7, AugmentSpark.generate(spark, LocalSpark.MODEL, Map.of("2", 7L), SEED, 5).count());
        assertEquals(before + 1, ExecutorGenerators.loads(), "one load for the driver's check and every task");
    }

    @Test
    void theSchemaIsLabelThenFeaturesThenIndex() {
        Dataset<Row> rows = AugmentSpark.generate(spark, LocalSpark.MODEL, Map.of("1", 2L), SEED, 1);
        String[] columns = rows.columns();
        assertEquals(786, columns.length);
        assertEquals("label", columns[0]);
        assertEquals("000", columns[1]);
        assertEquals("783", columns[784]);
        assertEquals("index", columns[785]);
        assertEquals("float", rows.schema().apply("000").dataType().typeName());
    }

    @Test
    void badRequestsFailOnTheDriverNamingTheSetting() {
        assertEquals("classes", assertThrows(InvalidSettingException.class, () -> AugmentSpark.generate(spark,
                LocalSpark.MODEL, Map.of("unicorn", 5L), SEED, 2)).setting());
        assertEquals("count", assertThrows(InvalidSettingException.class, () -> AugmentSpark.generate(spark,
                LocalSpark.MODEL, Map.of("7", 0L), SEED, 2)).setting());
        assertEquals("partitions", assertThrows(InvalidSettingException.class, () -> AugmentSpark.generate(spark,
                LocalSpark.MODEL, Map.of("7", 3L), SEED, 0)).setting());
        Map<String, Long> twice = new LinkedHashMap<>();
        twice.put("7", 3L);
        twice.put("Sneaker", 4L);
        assertEquals("classes", assertThrows(InvalidSettingException.class, () -> AugmentSpark.generate(spark,
                LocalSpark.MODEL, twice, SEED, 2)).setting());
        ModelContractException missing = assertThrows(ModelContractException.class, () -> AugmentSpark.generate(spark,
                dir.resolve("none.onnx"), Map.of("7", 3L), SEED, 2));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
        // the same count for one class twice was merged silently, where generate --class 7,sneaker refuses it
        Map<String, Long> sameCount = new LinkedHashMap<>();
        sameCount.put("7", 3L);
        sameCount.put("sneaker", 3L);
        InvalidSettingException named = assertThrows(InvalidSettingException.class, () -> AugmentSpark.generate(spark,
                LocalSpark.MODEL, sameCount, SEED, 2));
        assertTrue(named.getMessage().contains("names class 'Sneaker' (index 7) twice ('7' and 'sneaker')"),
                named.getMessage());
        Map<String, Long> allAndOne = new LinkedHashMap<>();
        allAndOne.put("Sneaker", 3L);
        allAndOne.put("all", 3L);
        try (OnnxGenerator generator = OnnxGenerator.load(LocalSpark.MODEL, ExecutionDevice.CPU)) {
            // as generate's --class sneaker,all since 6 Dec: which count was meant for Sneaker could not be told
            InvalidSettingException covered = assertThrows(InvalidSettingException.class,
                    () -> AugmentSpark.resolve(allAndOne, generator.metadata().schema(), LocalSpark.MODEL));
            assertTrue(covered.getMessage().contains("gives 'all', which already holds 'Sneaker'"),
                    covered.getMessage());
            allAndOne.remove("Sneaker");
            assertEquals(10, AugmentSpark.resolve(allAndOne, generator.metadata().schema(), LocalSpark.MODEL).size());
        }
        assertEquals("classes", assertThrows(InvalidSettingException.class, () -> AugmentSpark.generate(spark,
                LocalSpark.MODEL, null, SEED, 2)).setting());
        // a folder as the model was "not a regular file" here only (a re-check, 6 Dec)
        ModelContractException folder = assertThrows(ModelContractException.class, () -> ModelFile.of(dir));
        assertTrue(folder.getMessage().contains(": is a folder, not a model file"), folder.getMessage());
        // a map filled from a lookup that missed: a bare NullPointerException (a fresh user, 6 Dec)
        java.util.HashMap<String, Long> nulls = new java.util.HashMap<>();
        nulls.put("bag", null);
        InvalidSettingException nullCount = assertThrows(InvalidSettingException.class, () -> AugmentSpark.generate(
                spark, LocalSpark.MODEL, nulls, SEED, 2));
        assertEquals("count is null for class 'bag'; give each class a positive count", nullCount.getMessage());
        for (String key : new String[] {null, ""}) {
            java.util.HashMap<String, Long> badKey = new java.util.HashMap<>();
            badKey.put(key, 3L);
            InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> AugmentSpark.generate(
                    spark, LocalSpark.MODEL, badKey, SEED, 2));
            assertTrue(e.getMessage().startsWith("classes holds " + (key == null ? "a null" : "an empty")
                    + " class name"), e.getMessage());
        }
        // a device read without end (/dev/zero ran out of heap, a pipe waited for a writer)
        if (Files.exists(Path.of("/dev/zero"))) {
            ModelContractException device = assertThrows(ModelContractException.class, () -> ModelFile.of(
                    Path.of("/dev/zero")));
            assertTrue(device.getMessage().endsWith("not a regular file; give an .onnx file"), device.getMessage());
        }
    }

    /** A name with a non-ASCII letter failed with "Bad escape", one with a colon only once Spark ran. */
    @Test
    void parquetTargetsWithUnicodeNamesWorkAndAColonIsRefusedUpFront() throws Exception {
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
        Path unicode = Files.createDirectories(dir.resolve("my dir")).resolve("\u00fc.parquet");
        org.apache.hadoop.fs.Path qualified = ParquetOutput.checkTarget(unicode.toString(), false, conf);
        assertEquals(unicode, ParquetOutput.localPath(qualified));
        InvalidSettingException colon = assertThrows(InvalidSettingException.class,
                () -> ParquetOutput.checkTarget(dir.resolve("a:b.parquet").toString(), false, conf));
        assertTrue(colon.getMessage().contains("has a ':' in the name 'a:b.parquet', which Hadoop's paths cannot "
                + "hold"), colon.getMessage());
        // s3a:// without hadoop-aws was a ClassNotFoundException, exit 1
        InvalidSettingException s3 = assertThrows(InvalidSettingException.class,
                () -> ParquetOutput.checkTarget("s3a://bucket/out.parquet", false, conf));
        assertTrue(s3.getMessage().contains("no Hadoop file system for 's3a://' is on the class path"),
                s3.getMessage());
        // an unknown name node host was "java.net.UnknownHostException: nohost", exit 1 (a fresh user, 5 Dec)
        InvalidSettingException host = assertThrows(InvalidSettingException.class,
                () -> ParquetOutput.checkTarget("hdfs://no-such-host.invalid:9000/x.parquet", false, conf));
        assertTrue(host.getMessage().contains("the host 'no-such-host.invalid' is unknown here; check the name in the "
                + "URI (hdfs://HOST:PORT/path"), host.getMessage());
        // gs:// was told what s3a:// needs; a name node that does not answer, and hdfs:/// where no default file
        // system names one, were Hadoop's own words with exit 1 (a fresh user, 7 Dec)
        InvalidSettingException gs = assertThrows(InvalidSettingException.class,
                () -> ParquetOutput.checkTarget("gs://bucket/out.parquet", false, conf));
        assertTrue(gs.getMessage().contains("(gs:// needs the Cloud Storage connector (gcs-connector) among Spark's "
                + "jars)") && !gs.getMessage().contains("s3a"), gs.getMessage());
        conf.setInt("ipc.client.connect.max.retries", 0);
        dev.augment.errors.EnvironmentException refused = assertThrows(dev.augment.errors.EnvironmentException.class,
                () -> ParquetOutput.checkTarget("hdfs://127.0.0.1:1/x.parquet", false, conf));
        assertTrue(refused.getMessage().startsWith("hdfs://127.0.0.1:1/x.parquet: the file system at 127.0.0.1:1 did "
                + "not answer (connection refused)"), refused.getMessage());
        InvalidSettingException noHost = assertThrows(InvalidSettingException.class,
                () -> ParquetOutput.checkTarget("hdfs:///x.parquet", false, conf));
        assertTrue(noHost.getMessage().contains("hdfs:///x.parquet names no host, and no default file system of that "
                + "kind (fs.defaultFS) is configured here"), noHost.getMessage());
    }

    @Test
    void anExecutorWithoutTheDriversPathLoadsTheCopyShippedWithAddFileAndChecksItsHash() throws Exception {
        Path shipped = dir.resolve("shipped-model.onnx");
        Files.copy(LocalSpark.MODEL, shipped);
        spark.sparkContext().addFile(shipped.toString());
        ModelFile driverSide = ModelFile.of(shipped);
        ModelFile elsewhere = new ModelFile("/no/such/folder/shipped-model.onnx", driverSide.sha256());
        Path local = elsewhere.localPath();
        assertTrue(local.startsWith(Path.of(SparkFiles.getRootDirectory())), local.toString());
        assertEquals(reference.sha256(), ExecutorGenerators.get(elsewhere).sha256());

        ModelFile otherBytes = new ModelFile("/no/such/folder/shipped-model.onnx", "0".repeat(64));
        ModelContractException differs = assertThrows(ModelContractException.class,
                () -> ExecutorGenerators.get(otherBytes));
        assertTrue(differs.getMessage().contains("differs from the driver's"), differs.getMessage());
        ModelContractException absent = assertThrows(ModelContractException.class,
                () -> new ModelFile("/no/such/folder/never-shipped.onnx", driverSide.sha256()).localPath());
        assertTrue(absent.getMessage().contains("--files"), absent.getMessage());
    }

    private static List<Row> sorted(Dataset<Row> rows) {
        return rows.collectAsList().stream()
                .sorted(Comparator.comparing((Row r) -> r.getString(0)).thenComparingLong(r -> r.getLong(r.size() - 1)))
                .toList();
    }

    /** Compares float bits: the rows must hold exactly the single-machine values. */
    static void assertRowsEqual(List<Row> rows, String label, float[] expected) {
        int features = rows.get(0).size() - 2;
        assertEquals(expected.length, rows.size() * features);
        for (int s = 0; s < rows.size(); s++) {
            Row row = rows.get(s);
            assertEquals(label, row.getString(0));
            assertEquals(s, row.getLong(features + 1));
            for (int f = 0; f < features; f++) {
                float value = row.getFloat(f + 1);
                if (Float.floatToIntBits(value) != Float.floatToIntBits(expected[s * features + f])) {
                    throw new AssertionError("class " + label + " sample " + s + " feature " + f + ": " + value
                            + " instead of " + expected[s * features + f]);
                }
            }
        }
    }

    /** @return the generator's values as augment generate writes them for an 8-bit image model */
    private static float[] wholePixels(float[] values) {
        dev.augment.schema.PixelGrid.roundInPlace(values, values.length);
        return values;
    }
}
