package dev.augment.table;

import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableReaderTest {

    @TempDir
    Path dir;

    @Test
    void creditSampleHasSevenNumericAndThirteenCategoricalColumnsAndSortedLabels() {
        Table table = TableReader.read(TableFiles.CREDIT, "class");
        TableSchema schema = table.schema();
        assertEquals(20, schema.columns().size());
        assertEquals(7, schema.columns().stream().filter(TableColumn::isNumeric).count());
        assertEquals(List.of("bad", "good"), schema.labels());
        assertArrayEquals(new long[] {45, 105}, table.examplesPerClass());
        assertEquals(150, table.rows());
        TableColumn duration = schema.columns().get(schema.columnIndex("duration"));
        assertEquals(0, duration.decimals());
        assertTrue(duration.min() >= 4 && duration.max() <= 72, duration.toString());
        TableColumn checking = schema.columns().get(schema.columnIndex("checking_status"));
        assertEquals(List.of("0<=X<200", "<0", ">=200", "no checking"), checking.categories());
        assertEquals(0, schema.featureOffset(0));
        assertEquals(4, schema.featureWidth(0));
        assertEquals("duration", schema.featureNames().get(4));
        assertEquals("checking_status@0<=X<200", schema.featureNames().get(0));
    }

    @Test
    void oneReadGivesTheRowsTheirCellsAsWrittenTheUnreadColumnsAndTheFilesSha256() throws Exception {
        Path first = TableFiles.write(dir, "a.csv", "size,colour,class\n007,red,p\n2.50,blue,p\n3,red,q\n4,blue,q\n");
        TableSchema layout = TableReader.read(first, "class").schema();
        // the same layout read from a file with its columns in another order, a column more, a BOM and CRLF
        byte[] bytes = ("\uFEFFnote,class,colour,size\r\nx,q,blue,010\r\n\"y, z\",p,red,1e1\r\n")
                .getBytes(StandardCharsets.UTF_8);
        Path second = Files.write(dir.resolve("b.csv"), bytes);
        TableFile file = TableReader.readFile(second, layout);
        assertEquals(List.of("note"), file.unreadColumns());
        assertEquals(List.of("010,blue,q", "1e1,red,p"), file.cellsInLayoutOrder().stream()
                .map(cells -> String.join(",", cells)).toList(), "layout order: size, colour, then the label");
        assertArrayEquals(new double[] {10, 1, 0}, file.table().values(0), "size, then colour one-hot: blue, red");
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), file.sha256(),
                "the digest of every byte, BOM included");
        // the plugin's source says so: a column the layout lacks left every example silently (a fresh user, 6 Dec)
        assertEquals(List.of("column 'note' is not in the layout, so every example is read without it; to keep it, "
                + "read the table with its own layout and train a generator on it"),
                new CsvTableSource(second, layout).notes());
        assertEquals(List.of(), new CsvTableSource(first, layout).notes(), "every column read: no note");
        TableFile inferred = TableReader.readFile(first, "class", Map.of(), TableSchema.DEFAULT_MISSING_MARKER);
        assertEquals(List.of(), inferred.unreadColumns());
        assertEquals("007,red,p", String.join(",", inferred.cellsInLayoutOrder().get(0)));
    }

    /** A header with a combining accent (macOS) could not be named as typed (a fresh user, 6 Dec). */
    @Test
    void aColumnNameTypedWithAComposedAccentNamesTheHeadersDecomposedOne() {
        String decomposed = "cate\u0301gorie";
        Path csv = TableFiles.write(dir, "nfd.csv", "a,b,no\u0301te," + decomposed + "\n1,2,x,p\n2,3,y,q\n"
                + "3,4,x,p\n4,5,y,q\n");
        Table table = TableReader.read(csv, "cat\u00e9gorie", Map.of("n\u00f3te", ColumnKind.CATEGORICAL));
        assertEquals(decomposed, table.schema().labelColumn(), "the header's own spelling, as Tribuo keys fields");
        assertEquals(List.of("p", "q"), table.schema().labels());
        assertEquals(ColumnKind.CATEGORICAL, table.schema().columns().get(2).kind());
    }

    @Test
    void glassLabelIsTheTypeColumnAndDecimalsFollowTheText() {
        Table table = TableReader.read(TableFiles.GLASS, "Type");
        TableColumn ri = table.schema().columns().get(0);
        assertEquals("RI", ri.name());
        assertEquals(5, ri.decimals());
        assertEquals(6, table.schema().classCount());
        assertEquals(9, table.schema().featureCount());
    }

    @Test
    void soybeanIsCategoricalWithMissingCellsGivingNoCategoryAndAllZeroFeatures() {
        Table table = TableReader.read(TableFiles.SOYBEAN, "class");
        TableSchema schema = table.schema();
        assertTrue(schema.columns().stream().noneMatch(TableColumn::isNumeric));
        long missing = schema.columns().stream().mapToLong(TableColumn::missing).sum();
        assertTrue(missing > 0, "the sample has missing cells");
        assertTrue(schema.columns().stream().noneMatch(c -> c.categories().contains("?")));
        int column = -1;
        int row = -1;
        for (int r = 0; r < table.rows() && row < 0; r++) {
            for (int c = 0; c < schema.columns().size(); c++) {
                if (table.category()[r][c] == -1) {
                    row = r;
                    column = c;
                    break;
                }
            }
        }
        float[] features = table.features(row);
        for (int k = 0; k < schema.featureWidth(column); k++) {
            assertEquals(0f, features[schema.featureOffset(column) + k]);
        }
    }

    @Test
    void inferredKindsCanBeOverriddenAndMissingNumbersAreNaN() {
        Path csv = TableFiles.write(dir, "t.csv", "a,b,c,y\n1,x,?,p\n2.50,y,3,p\n-1,x,,q\n4,z,5,q\n");
        Table inferred = TableReader.read(csv, "y");
        assertEquals(List.of(ColumnKind.NUMERIC, ColumnKind.CATEGORICAL, ColumnKind.NUMERIC),
                inferred.schema().columns().stream().map(TableColumn::kind).toList());
        TableColumn a = inferred.schema().columns().get(0);
        assertEquals(-1, a.min());
        assertEquals(4, a.max());
        assertEquals(2, a.decimals());
        assertEquals(2, inferred.schema().columns().get(2).missing());
        assertTrue(Double.isNaN(inferred.numeric()[0][2]));
        assertEquals(0f, inferred.features(0)[4], "a missing number reads as 0, as Tribuo reads an absent feature");

        Table forced = TableReader.read(csv, "y", Map.of("a", ColumnKind.CATEGORICAL));
        assertEquals(List.of("-1", "1", "2.50", "4"), forced.schema().columns().get(0).categories());
    }

    @Test
    void cellsAreTrimmedAndQuotedFieldsKeepTheirCommas() {
        Path csv = TableFiles.write(dir, "q.csv", "\uFEFFcity,n,y\n\"Paris, FR\", 1 ,a\n Rome ,2,a\n\n\"Oslo\",3,b\nOslo,4,b\n");
        Table table = TableReader.read(csv, "y");
        assertEquals(List.of("Oslo", "Paris, FR", "Rome"), table.schema().columns().get(0).categories());
        assertEquals(4, table.rows(), "the blank line is skipped");
        assertEquals(1.0, table.numeric()[0][1]);
    }

    @Test
    void selectKeepsTheSchemaAndTakesTheRowsAsked() {
        Table table = TableReader.read(TableFiles.CREDIT, "class");
        Table subset = table.select(new int[] {3, 0, 3});
        assertEquals(3, subset.rows());
        assertArrayEquals(table.features(3), subset.features(0));
        assertArrayEquals(table.features(0), subset.features(1));
        assertEquals(table.schema(), subset.schema());
    }

    @Test
    void fromFeaturesInvertsFeaturesForRealRowsAndTakesTheArgmaxOfSoftVectors() {
        Table table = TableReader.read(TableFiles.CREDIT, "class");
        float[][] features = new float[table.rows()][];
        for (int r = 0; r < table.rows(); r++) {
            features[r] = table.features(r);
        }
        Table back = Table.fromFeatures(table.schema(), features, table.classes());
        for (int r = 0; r < table.rows(); r++) {
            assertArrayEquals(table.features(r), back.features(r));
            assertArrayEquals(table.category()[r], back.category()[r]);
        }
        TableSchema schema = new TableSchema(List.of(TableColumn.numeric("n", 0, 1, 1, 0),
                TableColumn.categorical("c", List.of("a", "b", "c"), 0)), "y", List.of("p"), "?");
        Table soft = Table.fromFeatures(schema, new float[][] {{0.25f, 0.2f, 0.7f, 0.1f}, {Float.NaN, 0, -1, 0}},
                new int[] {0, 0});
        assertArrayEquals(new int[] {-1, 1}, soft.category()[0]);
        assertEquals(0.25, soft.numeric()[0][0]);
        assertArrayEquals(new int[] {-1, -1}, soft.category()[1], "no positive feature: missing");
        assertTrue(Double.isNaN(soft.numeric()[1][0]));
        assertThrows(IllegalArgumentException.class, () -> Table.fromFeatures(schema, new float[][] {{1, 2}},
                new int[] {0}));
    }

    @Test
    void aSemicolonSeparatedFileIsNamedAsSuch() {
        Path csv = TableFiles.write(dir, "semi.csv", "a;b;class\n1;2;x\n3;4;y\n");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> TableReader.read(csv, "class"));
        assertTrue(e.getMessage().contains("seems separated by ';'"), e.getMessage());
        assertOneLine(e);
    }

    /** R's write.table (spaces, quoted names) got the columns listed without a hint (a fresh user, 7 Dec). */
    @Test
    void aSpaceSeparatedFileIsNamedAsSuch() {
        for (String text : List.of("a b class\n1 2 x\n3 4 y\n", "\"a\" \"b\" \"class\"\n\"1\" 1 2 \"x\"\n")) {
            Path csv = TableFiles.write(dir, "spaces.csv", text);
            InvalidDataException e = assertThrows(InvalidDataException.class, () -> TableReader.read(csv, "class"));
            assertTrue(e.getMessage().contains("(the file seems separated by spaces, as R's write.table writes by "
                    + "default, but a CSV table must use commas: write it with write.csv(df, row.names = FALSE))"),
                    e.getMessage());
            assertOneLine(e);
        }
    }

    /** The label typed in another case than R's header spells it got neither hint (a re-check, 7 Dec). */
    @Test
    void aSpaceSeparatedFileWithTheLabelInAnotherCaseIsNamedWithTheSpelling() {
        Path csv = TableFiles.write(dir, "spaces.csv", "\"a\" \"b\" \"class\"\n1 2 \"x\"\n3 4 \"y\"\n");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> TableReader.read(csv, "Class"));
        assertTrue(e.getMessage().contains("write.csv(df, row.names = FALSE), and give the label as the file spells "
                + "it, 'class')"), e.getMessage());
        assertOneLine(e);
        // a quoted name with a space in it (a re-check, 7 Dec)
        Path spaced = TableFiles.write(dir, "spaced.csv", "\"a\" \"my class\"\n1 \"x\"\n3 \"y\"\n");
        InvalidDataException named = assertThrows(InvalidDataException.class, () -> TableReader.read(spaced,
                "my class"));
        assertTrue(named.getMessage().contains("(the file seems separated by spaces"), named.getMessage());
    }

    /** A second byte-order mark (a file saved again "with BOM") was called spaces around the name (7 Dec). */
    @Test
    void aSecondByteOrderMarkIsNamedAsSuch() {
        // whatever the label: a mark on another column named its feature '\ufeffx' without a word, and one before a
        // quoted header got "did you mean" (a re-check, 7 Dec)
        for (String text : List.of("\uFEFF\uFEFFclass,x\na,1\nb,2\n", "\uFEFF\uFEFFx,class\n1,a\n2,b\n",
                "\uFEFF\uFEFF\"x\",\"class\"\n1,a\n2,b\n", "\uFEFF\uFEFF\uFEFFx,class\n1,a\n2,b\n")) {
            Path csv = TableFiles.write(dir, "bom2.csv", text);
            InvalidDataException e = assertThrows(InvalidDataException.class, () -> TableReader.read(csv, "class"));
            assertTrue(e.getMessage().contains("the file starts with more than one byte-order mark (U+FEFF)"),
                    e.getMessage());
            assertOneLine(e);
        }
    }

    @Test
    void aMissingLabelColumnIsRefusedListingTheColumns() {
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> TableReader.read(TableFiles.GLASS, "class"));
        assertTrue(e.getMessage().contains("label column 'class' is not in the header"), e.getMessage());
        assertTrue(e.getMessage().contains("RI, Na, Mg"), e.getMessage());
        assertOneLine(e);
        assertFalse(e.getMessage().contains("did you mean"), "no header cell is 'class' in another case");

        InvalidDataException lowerCase = assertThrows(InvalidDataException.class,
                () -> TableReader.read(TableFiles.GLASS, "type"));
        assertTrue(lowerCase.getMessage().endsWith("; did you mean 'Type'? (header names are case-sensitive)"),
                lowerCase.getMessage());
        assertOneLine(lowerCase);
    }

    @Test
    void anEmptyFileAndAHeaderWithoutRowsAreRefused() {
        assertMessage(TableFiles.write(dir, "empty.csv", ""), "y", "the file is empty");
        assertMessage(TableFiles.write(dir, "header.csv", "a,y\n"), "y", "has a header but no rows");
        assertMessage(dir.resolve("nothing.csv"), "y", "file not found");
    }

    @Test
    void aRowWithALabelAndNoFeatureValueIsRefusedAsTribuoOmitsIt() {
        // a fresh user (4 Dec): rows "?,?,a" were trained on as all-zero points; Tribuo's CSVDataSource omits them
        Path csv = TableFiles.write(dir, "nofeature.csv", "x,c,y\n1,red,p\n?,?,p\n3,blue,q\n,,q\n5,red,p\n");
        assertMessage(csv, "y", "line 3 has no feature value (every feature cell is empty or the missing marker "
                + "'?'), and so has 1 more row; Tribuo's CSV reader omits such rows");
        Path oneValue = TableFiles.write(dir, "onevalue.csv", "x,c,y\n1,red,p\n?,red,p\n3,?,q\n4,blue,q\n");
        assertEquals(4, TableReader.read(oneValue, "y").rows(), "one value is enough for Tribuo to keep the row");
    }

    @Test
    void aRaggedRowIsRefusedWithItsLineAndCounts() {
        Path csv = TableFiles.write(dir, "ragged.csv", "a,b,y\n1,2,p\n3,p\n5,6,q\n7,8,q\n");
        assertMessage(csv, "y", "line 3 has 2 cells but the header has 3");
    }

    @Test
    void aLineOfSpacesIsRefusedAsSuchNotAsARaggedRow() {
        Path csv = TableFiles.write(dir, "spaces.csv", "a,b,y\n1,2,p\n3,4,p\n5,6,q\n7,8,q\n   \n");
        assertMessage(csv, "y", "line 6 holds only spaces; delete it");
    }

    /** A DOS end-of-file mark or NUL padding was "line 7 has 1 cells", a line no editor shows (a fresh user, 6 Dec). */
    @Test
    void anEndOfFileMarkOrNulPaddingIsNamed() {
        Path eof = TableFiles.write(dir, "eof.csv", "a,b,y\n1,2,p\n3,4,p\n5,6,q\n7,8,q\n\u001a");
        assertMessage(eof, "y", "line 6 holds only \\u001a, a DOS end-of-file mark (Ctrl-Z)");
        Path nul = TableFiles.write(dir, "nul.csv", "a,b,y\n1,2,p\n3,4,p\n5,6,q\n7,8,q\n\0\0\0\0");
        assertMessage(nul, "y", "line 6 holds only NUL bytes (\\u0000)");
    }

    @Test
    void aNumberBeyondADoublesRangeIsNamedAsSuch() {
        Path csv = TableFiles.write(dir, "huge.csv", "a,b,y\n1,2,p\n2,1e400,p\n3,4,q\n4,5,q\n");
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> TableReader.read(csv, "y", Map.of("b", ColumnKind.NUMERIC)));
        assertTrue(e.getMessage().contains("holds '1e400', which is beyond a double's range"), e.getMessage());
        assertEquals("which is not a finite number", TableReader.whyNotNumber("Infinity"));
        assertEquals("which is not a finite number", TableReader.whyNotNumber("NaN"));
        assertEquals("which is not a number", TableReader.whyNotNumber("two"));
    }

    @Test
    void aLabelWithOneRowIsRefusedByName() {
        Path csv = TableFiles.write(dir, "lonely.csv", "a,y\n1,p\n2,p\n3,alone\n");
        assertMessage(csv, "y", "label 'alone' has only 1 row");
        // every such class: the first alone made a user remove three over three runs (a fresh user, 7 Dec)
        Path three = TableFiles.write(dir, "three.csv", "a,y\n1,p\n2,p\n3,p\n4,p\n5,q\n6,q\n7,r\n8,s\n9,t\n");
        assertMessage(three, "y", "labels 'r', 's', 't' have only 1 row each; every class needs at least 2 (add rows "
                + "or remove those classes)");
    }

    /** {@code --label 9} for the ninth column was told only the column names (a fresh user, 7 Dec). */
    @Test
    void aLabelGivenByPositionIsToldToBeANameAndWhichColumnItMayMean() {
        Path csv = TableFiles.write(dir, "positions.csv", "a,b,class\n1,2,p\n3,4,q\n");
        assertMessage(csv, "3", "label column '3' is not in the header; the columns are: a, b, class; the label is "
                + "given by the column's name, not its position (column 3 is 'class')");
        assertMessage(csv, "2", "(column 2 is 'b' counted from 1, 'class' from 0)");
        // a one-letter column was "did you mean 'y'? ('3' typed where a letter looks alike)" (a re-check, 7 Dec)
        Path short_ = TableFiles.write(dir, "short.csv", "a,b,y\n1,2,p\n3,4,q\n");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> TableReader.read(short_, "3"));
        assertTrue(e.getMessage().endsWith("the label is given by the column's name, not its position (column 3 is "
                + "'y')"), e.getMessage());
    }

    @Test
    void aRowWithoutLabelIsRefused() {
        Path csv = TableFiles.write(dir, "nolabel.csv", "a,y\n1,p\n2,?\n3,p\n");
        assertMessage(csv, "y", "line 3 has no label");
        // a partly labelled file was told of its first unlabelled row alone (a fresh user, 7 Dec)
        Path partly = TableFiles.write(dir, "partly.csv", "a,y\n1,p\n2,\n3,q\n4,\n5,p\n6,?\n7,q\n");
        assertMessage(partly, "y", "line 3 has no label (column 'y' is empty); every row needs one; 3 of the 7 rows "
                + "have none: label them, or remove them to train on the labelled rows");
    }

    @Test
    void aColumnForcedNumericThatHoldsTextIsRefusedNamingColumnLineAndValue() {
        Path csv = TableFiles.write(dir, "text.csv", "a,b,y\n1,2,p\n2,two,p\n3,4,q\n4,5,q\n");
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> TableReader.read(csv, "y", Map.of("b", ColumnKind.NUMERIC)));
        assertTrue(e.getMessage().contains("column 'b' is numeric but line 3 holds 'two'"), e.getMessage());
        assertOneLine(e);
    }

    /** The note that suggests a numeric override promises to show each cell that is not a number: the first three. */
    @Test
    void aColumnForcedNumericNamesItsFirstThreeCellsThatAreNotNumbersAndCountsTheRest() {
        Path csv = TableFiles.write(dir, "texts.csv", "b,y\nNaN,p\n2,p\nNA,p\n1e999,q\nx,q\ny,q\n");
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> TableReader.read(csv, "y", Map.of("b", ColumnKind.NUMERIC)));
        assertTrue(e.getMessage().endsWith("column 'b' is numeric but 5 cells are not numbers: line 2 holds 'NaN', "
                + "which is not a finite number; line 4 holds 'NA', which is not a number; line 5 holds '1e999', which "
                + "is beyond a double's range (about ±1.8e308); and 2 more; if 'NA' marks a missing cell, make it the "
                + "missing marker (--missing NA, or TableReader.read's missingMarker)"), e.getMessage());
        assertOneLine(e);
        InvalidDataException noSpelling = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "x.csv", "b,y\n1,p\n2,p\nx,q\n"), "y", Map.of("b", ColumnKind.NUMERIC)));
        assertFalse(noSpelling.getMessage().contains("missing marker"), noSpelling.getMessage());
        InvalidDataException pandas = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "p.csv", "b,y\n1,p\nnan,p\n3,q\n4,q\n"), "y", Map.of("b", ColumnKind.NUMERIC)));
        assertTrue(pandas.getMessage().contains("if 'nan' marks a missing cell, make it the missing marker"),
                pandas.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws Exception {
        Path csv = java.nio.file.Files.write(dir.resolve("latin1.csv"),
                "a,y\ncaf\u00e9,p\nthé,p\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertMessage(csv, "y", "not UTF-8 text: line 2 holds bytes that UTF-8 does not allow");
        // lines ended by a lone CR (Excel for Mac's "CSV (Macintosh)"), or by CRLF, were counted as one (7 Dec)
        Path mac = java.nio.file.Files.write(dir.resolve("mac.csv"),
                "a,y\r1,p\r2,p\rn\u00f6n,q\r".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertMessage(mac, "y", "not UTF-8 text: line 4 holds bytes that UTF-8 does not allow (a Mac Roman (Excel for "
                + "Mac's \"CSV (Macintosh)\"), Latin-1 or Windows-1252 export?)");
        Path windows = java.nio.file.Files.write(dir.resolve("windows.csv"),
                "a,y\r\n1,p\r\n2,p\r\nn\u00f6n,q\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertMessage(windows, "y", "not UTF-8 text: line 4 holds bytes that UTF-8 does not allow (a Latin-1 or "
                + "Windows-1252 export?)");
        // a lone CR in a quoted cell of a file of LF lines is no line end; a CR-only file's header longer than the
        // first bytes read keeps the Mac hint (a re-check, 7 Dec)
        Path quotedCr = java.nio.file.Files.write(dir.resolve("quoted-cr.csv"),
                "a,y\n\"x\ry\",p\n2,p\nn\u00f6n,q\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertMessage(quotedCr, "y", "not UTF-8 text: line 4 holds");
        String wide = "a".repeat(700);
        Path longHeader = java.nio.file.Files.write(dir.resolve("long-header.csv"),
                (wide + ",y\r1,p\r2,p\rn\u00f6n,q\r").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertMessage(longHeader, "y", "not UTF-8 text: line 4 holds bytes that UTF-8 does not allow (a Mac Roman");
        // a fresh user (4 Dec): one Latin-1 byte deep in a file was not located, and a gzip file was "not UTF-8"
        StringBuilder rows = new StringBuilder("a,y\n");
        for (int i = 0; i < 300; i++) {
            rows.append(i).append(",p\n");
        }
        byte[] utf8 = rows.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] latin1 = "K\u00f6ln,q\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] both = java.util.Arrays.copyOf(utf8, utf8.length + latin1.length);
        System.arraycopy(latin1, 0, both, utf8.length, latin1.length);
        assertMessage(java.nio.file.Files.write(dir.resolve("deep.csv"), both), "y", "line 302 holds bytes");
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(utf8);
        }
        assertMessage(java.nio.file.Files.write(dir.resolve("gz.csv"), gz.toByteArray()), "y",
                "gzip-compressed, not CSV text; decompress it first (gunzip)");
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("t.csv"));
            out.write(utf8);
        }
        assertMessage(java.nio.file.Files.write(dir.resolve("zip.csv"), zip.toByteArray()), "y",
                "a zip archive (an .xlsx workbook is one too), not CSV text; unzip it first");
        // an image or random bytes renamed .csv were called "a Latin-1 or Windows-1252 export" (a fresh user, 5 Dec)
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', (byte) 0xff};
        assertMessage(java.nio.file.Files.write(dir.resolve("image.csv"), png), "y",
                "a PNG image, not CSV text; give a comma-separated UTF-8 table");
        byte[] noise = new byte[2000];
        new java.util.SplittableRandom(3).nextBytes(noise);
        assertMessage(java.nio.file.Files.write(dir.resolve("noise.csv"), noise), "y", "binary data (control bytes "
                + "in its first 512 bytes), not CSV text");
        assertMessage(java.nio.file.Files.write(dir.resolve("utf16.csv"), ("\ufeff" + rows).getBytes(
                java.nio.charset.StandardCharsets.UTF_16LE)), "y", "UTF-16 text (Excel's \"Unicode text\")");
        for (java.nio.charset.Charset utf16 : List.of(java.nio.charset.StandardCharsets.UTF_16LE,
                java.nio.charset.StandardCharsets.UTF_16BE)) {
            assertMessage(java.nio.file.Files.write(dir.resolve("nobom.csv"), rows.toString().getBytes(utf16)), "y",
                    "UTF-16 text without a byte-order mark");
        }
    }

    /** A file without a header row lost its first row to the header, a --label naming one of its cells (5 Dec). */
    @Test
    void aFirstLineThatIsARowOfDataIsRefused() {
        Path csv = TableFiles.write(dir, "nohdr.csv", "28,5.6,red,bad\n30,6.1,blue,good\n22,4.0,red,bad\n");
        assertMessage(csv, "bad", "line 1 looks like a row of data, not a header: the label column's name 'bad' is "
                + "also one of its values, and '28' is a number; add a header row");
        // categories only: no number gave it away, and the first row was lost just the same (5 Dec)
        Path categories = TableFiles.write(dir, "cats.csv", "red,small,bad\nblue,big,good\nred,big,bad\n"
                + "blue,small,good\n");
        assertMessage(categories, "bad", "the label column's name 'bad' is also one of its values, and every other "
                + "cell of line 1 is also a value of its column; add a header row");
        // a real header whose label name happens to be a value, while another column's name is not one of its values
        Path named = TableFiles.write(dir, "named.csv", "colour,size,yes\nred,small,yes\nblue,big,no\n"
                + "red,big,yes\nblue,small,no\n");
        assertEquals(4, TableReader.read(named, "yes").rows());
        // a typo of the label column was given the column list alone
        Path typo = TableFiles.write(dir, "typo.csv", "age,label\n1,a\n2,b\n");
        assertMessage(typo, "lable", "the columns are: age, label; did you mean 'label'?");
        // an invisible character in the header printed raw: "did you mean 'label'?" to one who typed label (5 Dec)
        Path hidden = TableFiles.write(dir, "hidden.csv", "age,label\u200b\n1,a\n2,a\n3,b\n4,b\n");
        assertMessage(hidden, "label", "the columns are: age, 'label\\u200b' (the header cell 'label\\u200b' has "
                + "spaces around it;");
        // a Cyrillic с for a Latin c printed the same name twice (a re-check, 5 Dec)
        Path cyrillic = TableFiles.write(dir, "cyrillic.csv", "age,\u0441lass\n1,a\n2,a\n3,b\n4,b\n");
        assertMessage(cyrillic, "class", "(its '\u0441' is U+0441, a letter of the cyrillic script, where 'c' was "
                + "typed: they look alike; correct the header)");
        // a title line above the header was told only that line 2 has more cells than the header
        Path titled = TableFiles.write(dir, "title.csv", "Report generated 2024-05-01\na,b,y\n1,2,p\n3,4,q\n");
        assertMessage(titled, "y", "line 2 has 3 cells but the header has 1 (line 1 has one cell and line 2 several: "
                + "is line 1 a title above the header? delete it)");
        // a title and a blank line, or comment lines, got only the counts (a fresh user, 5 Dec)
        Path blankBelow = TableFiles.write(dir, "title-blank.csv", "Sales report Q1\n\na,b,y\n1,2,p\n3,4,q\n");
        assertMessage(blankBelow, "y", "line 3 has 3 cells but the header has 1 (the lines above it hold one cell each "
                + "and line 3 several: are they a title above the header? delete the lines above line 3)");
        Path comments = TableFiles.write(dir, "comments.csv", "# exported 2024\n# units: kg\na,b,y\n1,2,p\n3,4,q\n");
        assertMessage(comments, "y", "line 3 has 3 cells but the header has 1 (the lines above it hold one cell each "
                + "and line 3 several: are they a title or comments above the header? delete the lines above line 3)");
        Path commas = TableFiles.write(dir, "commas.csv", "Sales report, Q1, 2024\nage,income,region,y\n1,2,n,p\n");
        assertMessage(commas, "y", "line 2 has 4 cells but the header has 3 (line 2 has more cells than line 1: is "
                + "line 1 a title above the header? delete it)");
        // numbers with decimal commas were asked about a title, whose deletion would lose the header (5 Dec)
        Path decimalCommas = TableFiles.write(dir, "decimal-commas.csv", "amount,rate,label\n12,1,5,a\n5,2,5,b\n");
        assertMessage(decimalCommas, "label", "line 2 has 4 cells but the header has 3 (more cells than the header: a "
                + "number written with a decimal or thousands comma, 1,5 or 1,234, is two cells; write numbers with a "
                + "point and no thousands separator, or quote such cells)");
        Path header = TableFiles.write(dir, "spaced-header.csv", "n, \"city, name\", label\n6,Paris,a\n5,Rome,b\n");
        assertMessage(header, "label", "line 2 has 3 cells but the header has 4 (the header's cell 2, ' \"city', has "
                + "a space before its opening quote");
        // a space after the closing quote: two rows were read as one, the first's label lost (a fresh user, 7 Dec)
        Path after = TableFiles.write(dir, "after.csv", "x,city,label\n1.5,\"Paris, FR\" ,a\n2.5,\"Rome\",b\n"
                + "3.5,\"Oslo\",a\n4.5,\"Bern\",b\n");
        assertMessage(after, "label", "line 2: a space follows the quote that closes a cell ('\"Paris, FR\" ,'), so "
                + "the cell runs on into the next line and two rows would be read as one; remove the spaces after "
                + "closing quotes");
        // ", " between cells and a quoted cell with a comma: the quote after the space is text (a fresh user, 7 Dec)
        Path spaced = TableFiles.write(dir, "spaced.csv", "n, city, label\n6, \"Paris, FR\", a\n5, Rome, b\n");
        assertMessage(spaced, "label", "line 2 has 4 cells but the header has 3 (cell 2, ' \"Paris', has a space "
                + "before its opening quote, so the quote is text and a comma inside splits the cell; remove the "
                + "spaces after the commas)");
        // a title with as many cells as the header, or more, was not asked about (a fresh user, 5 Dec)
        Path same = TableFiles.write(dir, "same.csv", "Survey results, 2024, final\nage,score,label\n14,0.8,no\n"
                + "15,0.7,yes\n");
        assertMessage(same, "label", "the columns are: Survey results, ' 2024', ' final' (line 2 holds 'label': is "
                + "line 1 a title above the header? delete it)");
        Path longer = TableFiles.write(dir, "longer.csv", "Survey, results, 2024, final\nage,score,label\n"
                + "14,0.8,no\n");
        assertMessage(longer, "label", "line 2 has 3 cells but the header has 4 (line 2 holds names only, as a header "
                + "does, and line 3 has its 3 cells: is line 1 a title above the header? delete it)");
        // a title of words only, with more cells than the header, was told only the counts (a fresh user, 5 Dec)
        Path words = TableFiles.write(dir, "words.csv", "My glass export from lab,a,b,c,d\nRI,Na,Type\n1.5,13.6,1\n");
        assertMessage(words, "Type", "line 2 has 3 cells but the header has 5 (line 2 holds names only, as a header "
                + "does, and line 3 has its 3 cells: is line 1 a title above the header? delete it)");
        // a short row of categories further down is no header: no question about line 1
        Path shortCategories = TableFiles.write(dir, "categories.csv", "colour,size,Type\nred,big,a\nblue,b\n");
        assertTrue(assertThrows(InvalidDataException.class, () -> TableReader.read(shortCategories, "Type"))
                .getMessage().endsWith("line 3 has 2 cells but the header has 3"));
        // a spreadsheet's title in A1 padded to the table's width was told to remove the data's columns (5 Dec)
        Path padded = TableFiles.write(dir, "padded.csv", "Glass data,,,\nRI,Na,Mg,Type\n1.5,13.6,4.4,1\n"
                + "1.5,13.9,3.6,2\n");
        assertMessage(padded, "Type", "line 1 names fewer columns than line 2, whose cells are all names (RI, Na, Mg, "
                + "Type): is line 1 a title above the header? delete it");
        Path shortRow = TableFiles.write(dir, "short.csv", "age,score,label\n14,no\n15,0.7,yes\n");
        assertMessage(shortRow, "label", "line 2 has 2 cells but the header has 3");
        assertFalse(assertThrows(InvalidDataException.class, () -> TableReader.read(shortRow, "label")).getMessage()
                .contains("title"), "a short row of values is not taken for a header");
        // numbers as column names (years) with a real header are read
        Path years = TableFiles.write(dir, "years.csv", "2019,2020,class\n1,2,a\n3,4,b\n5,6,a\n7,8,b\n");
        assertEquals(4, TableReader.read(years, "class").rows());
    }

    @Test
    void aHeaderNamingAColumnTwiceSaysWhichAndWhatToDo() {
        Path csv = TableFiles.write(dir, "twice.csv", "a,b,a,y\n1,2,3,p\n4,5,6,q\n7,8,9,p\n1,1,1,q\n");
        assertMessage(csv, "y", "header column 'a' appears twice (columns 1 and 3); rename one");
    }

    @Test
    void aColumnWithoutValuesIsRefused() {
        Path csv = TableFiles.write(dir, "hollow.csv", "a,b,y\n1,?,p\n2,?,p\n");
        assertMessage(csv, "y", "column 'b' has no values");
    }

    @Test
    void anOverrideOfAnUnknownColumnIsADataErrorAsAnUnknownLabelIsAndOfTheLabelASettingError() {
        Path csv = TableFiles.write(dir, "t.csv", "a,y\n1,p\n2,p\n");
        InvalidDataException unknown = assertThrows(InvalidDataException.class,
                () -> TableReader.read(csv, "y", Map.of("zz", ColumnKind.NUMERIC)));
        assertTrue(unknown.getMessage().contains("column 'zz', given as numeric, is not in the header; the columns "
                + "are: a, y"), unknown.getMessage());
        InvalidDataException otherCase = assertThrows(InvalidDataException.class,
                () -> TableReader.read(csv, "y", Map.of("A", ColumnKind.CATEGORICAL)));
        assertTrue(otherCase.getMessage().contains("column 'A', given as categorical (did you mean 'a'? (header names "
                + "are case-sensitive)), is not in the header"), otherCase.getMessage());
        // a header cell with a space before it was said to differ in case, and listed with the space unseen (7 Dec)
        Path spaced = TableFiles.write(dir, "s.csv", " a,y\n1,p\n2,p\n");
        InvalidDataException space = assertThrows(InvalidDataException.class,
                () -> TableReader.read(spaced, "y", Map.of("a", ColumnKind.NUMERIC)));
        assertTrue(space.getMessage().contains("column 'a', given as numeric (did you mean ' a'? (the header cell has "
                + "spaces around it; header names are kept as written"), space.getMessage());
        assertTrue(space.getMessage().contains("the columns are: ' a', y"), space.getMessage());
        // a no-break space, and case beside the spaces (a re-check, 7 Dec)
        Path noBreak = TableFiles.write(dir, "nb.csv", "\u00a0a,Y \n1,p\n2,p\n");
        InvalidDataException nbsp = assertThrows(InvalidDataException.class,
                () -> TableReader.read(noBreak, "Y ", Map.of("a", ColumnKind.NUMERIC)));
        assertTrue(nbsp.getMessage().contains("(did you mean '\\u00a0a'? (the header cell has spaces around it; "),
                nbsp.getMessage());
        InvalidDataException both = assertThrows(InvalidDataException.class,
                () -> TableReader.read(noBreak, "Y ", Map.of("A", ColumnKind.NUMERIC)));
        assertTrue(both.getMessage().contains("(the header cell has spaces around it, and header names are "
                + "case-sensitive;"), both.getMessage());
        Path zeroWidth = TableFiles.write(dir, "zw.csv", "Na\u200b,Ca,Ba,y\n1,2,3,p\n2,3,4,p\n");
        InvalidDataException invisible = assertThrows(InvalidDataException.class,
                () -> TableReader.read(zeroWidth, "y", Map.of("Na", ColumnKind.NUMERIC)));
        assertTrue(invisible.getMessage().contains("did you mean 'Na\\u200b'? (the header cell has spaces around it"),
                invisible.getMessage());
        // a no-break space typed at an end was blamed on the file, or called a case difference (a re-check, 7 Dec)
        InvalidDataException typedEnd = assertThrows(InvalidDataException.class, () -> TableReader.read(csv,
                "y\u00a0"));
        assertTrue(typedEnd.getMessage().contains("did you mean 'y'? (the name given has spaces or invisible "
                + "characters at an end, which the header's has not)"), typedEnd.getMessage());
        InvalidDataException typedOverride = assertThrows(InvalidDataException.class,
                () -> TableReader.read(csv, "y", Map.of("a\ufeff", ColumnKind.NUMERIC)));
        assertTrue(typedOverride.getMessage().contains("did you mean 'a'? (the name given has spaces or invisible "
                + "characters at an end)"), typedOverride.getMessage());
        // a pasted no-break space in the name typed is shown escaped, not as the suggestion's plain space
        InvalidDataException pasted = assertThrows(InvalidDataException.class,
                () -> TableReader.read(csv, "y", Map.of("a\u00a0", ColumnKind.NUMERIC)));
        assertTrue(pasted.getMessage().contains("column 'a\\u00a0', given as numeric"), pasted.getMessage());
        InvalidDataException spacedLabel = assertThrows(InvalidDataException.class,
                () -> TableReader.read(noBreak, "Y"));
        assertTrue(spacedLabel.getMessage().contains("the columns are: '\\u00a0a', 'Y '"), spacedLabel.getMessage());
        // a look-alike letter of another script in the header, named as it is for --label (a fresh user, 5 Dec)
        Path cyrillic = TableFiles.write(dir, "c.csv", "\u0441olour,y\n1,p\n2,p\n");
        InvalidDataException lookAlike = assertThrows(InvalidDataException.class,
                () -> TableReader.read(cyrillic, "y", Map.of("colour", ColumnKind.CATEGORICAL)));
        assertTrue(lookAlike.getMessage().contains("U+0441, a letter of the cyrillic script"), lookAlike.getMessage());
        // and the other way round: the name typed has the Cyrillic letter (a re-check, 6 Dec)
        InvalidDataException typedCyrillic = assertThrows(InvalidDataException.class,
                () -> TableReader.read(csv, "y", Map.of("\u0430", ColumnKind.CATEGORICAL)));
        assertTrue(typedCyrillic.getMessage().contains("did you mean 'a'? (the name given, '\\u0430', has a letter of "
                + "another script that looks like a Latin one)"), typedCyrillic.getMessage());
        InvalidDataException two = assertThrows(InvalidDataException.class, () -> TableReader.read(csv, "y",
                TableReader.overrides(List.of("zz", "a"), List.of("ww"))));
        assertTrue(two.getMessage().contains("columns 'zz', given as numeric; 'ww', given as categorical, are not in "
                + "the header"), two.getMessage());
        InvalidSettingException label = assertThrows(InvalidSettingException.class,
                () -> TableReader.read(csv, "y", Map.of("y", ColumnKind.CATEGORICAL)));
        assertEquals("categorical", label.setting());
    }

    @Test
    void anOverrideNamesAHeaderCellWithSpacesAsWrittenAndAListEntryWithASpaceByItsName() {
        // header cells are kept as written, so 'Fe ' names the second column; ' y2' (from "a, y2") names y2
        Path csv = TableFiles.write(dir, "s.csv", "a,Fe ,y2,y\n1,2,3,p\n2,3,4,p\n");
        Table table = TableReader.read(csv, "y", TableReader.overrides(List.of(" y2"), List.of("Fe ")));
        assertEquals(List.of(ColumnKind.NUMERIC, ColumnKind.CATEGORICAL, ColumnKind.NUMERIC),
                table.schema().columns().stream().map(TableColumn::kind).toList());
        InvalidSettingException both = assertThrows(InvalidSettingException.class,
                () -> TableReader.overrides(List.of("Fe"), List.of("Fe ")));
        assertEquals("categorical", both.setting());
    }

    @Test
    void anEmptyEntryInAnOverrideListIsASettingError() {
        InvalidSettingException numeric = assertThrows(InvalidSettingException.class,
                () -> TableReader.overrides(List.of("a", "", "b"), null));
        assertEquals("numeric", numeric.setting());
        assertTrue(numeric.getMessage().contains("has an empty entry"), numeric.getMessage());
        InvalidSettingException categorical = assertThrows(InvalidSettingException.class,
                () -> TableReader.overrides(null, List.of(" ")));
        assertEquals("categorical", categorical.setting());
    }

    @Test
    void theFullSharedTablesReadWhenPresent() {
        Path shared = Path.of("..", "..", "shared", "datasets", "tabular");
        for (String[] t : new String[][] {{"credit-g", "class"}, {"diabetes", "class"}, {"glass", "Type"},
                {"soybean", "class"}, {"unbalanced", "Outcome"}}) {
            Path csv = shared.resolve(t[0] + ".csv");
            if (csv.toFile().isFile()) {
                Table table = TableReader.read(csv, t[1]);
                assertFalse(table.schema().columns().isEmpty(), t[0]);
            }
        }
    }

    @Test
    void aCsvReadWithAKnownSchemaKeepsTheSchemaAndRefusesWhatItDoesNotKnow() {
        TableSchema schema = TableReader.read(TableFiles.write(dir, "train.csv",
                "n,colour,y\n1.5,red,p\n2,blue,p\n3,red,q\n4,?,q\n"), "y").schema();
        Table held = TableReader.read(TableFiles.write(dir, "held.csv", "colour,extra,y,n\nblue,z,q,9\n?,z,p,7\n"),
                schema);
        assertEquals(schema, held.schema());
        assertEquals(2, held.rows());
        assertArrayEquals(new float[] {9, 1, 0}, held.features(0));
        assertArrayEquals(new float[] {7, 0, 0}, held.features(1));
        InvalidDataException noFeature = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "none.csv", "colour,extra,y,n\nblue,z,q,9\n?,z,p,?\n"), schema));
        assertTrue(noFeature.getMessage().contains("line 3 has no feature value"), noFeature.getMessage() + " ('extra' "
                + "is not the table's, so its 'z' is not a feature value)");
        assertArrayEquals(new int[] {1, 0}, held.classes());

        InvalidDataException absent = assertThrows(InvalidDataException.class,
                () -> TableReader.read(TableFiles.write(dir, "a.csv", "colour,y\nred,p\n"), schema));
        assertTrue(absent.getMessage().endsWith("lacks the table's column 'n'; it has: 'colour', 'y'"),
                absent.getMessage());
        // quoted, and named as spaces only: "lacks the table's column age ; it has: x, age, label" (7 Dec)
        InvalidDataException spaced = assertThrows(InvalidDataException.class,
                () -> TableReader.read(TableFiles.write(dir, "s.csv", "n ,colour,y\n1,red,p\n"), schema));
        assertTrue(spaced.getMessage().endsWith("lacks the table's column 'n'; it has: 'n ', 'colour', 'y' ('n' "
                + "differs from the header's only by spaces around the name: write the header's names as the "
                + "table's)"), spaced.getMessage());
        InvalidDataException category = assertThrows(InvalidDataException.class,
                () -> TableReader.read(TableFiles.write(dir, "c.csv", "n,colour,y\n1,green,p\n"), schema));
        assertTrue(category.getMessage().contains("line 2 holds 'green' in column 'colour'") && category.getMessage()
                .contains("; only that row holds it: recode or remove that row (for test or new data"),
                category.getMessage());
        InvalidDataException upper = assertThrows(InvalidDataException.class,
                () -> TableReader.read(TableFiles.write(dir, "u.csv", "n,colour,y\n1,red,P\n"), schema));
        assertTrue(upper.getMessage().endsWith("has the label 'P', which is not one of [p, q]; it differs from 'p' "
                + "only in case or spaces round it: write the labels as the generator (or layout) has them"),
                upper.getMessage());
        // labels 0/1 written 0.0/1.0, as pandas writes a float column (a fresh user, 6 Dec)
        TableSchema numbered = TableReader.read(TableFiles.write(dir, "n01.csv", "n,y\n1,0\n2,1\n3,0\n4,1\n"), "y")
                .schema();
        InvalidDataException floats = assertThrows(InvalidDataException.class,
                () -> TableReader.read(TableFiles.write(dir, "f01.csv", "n,y\n1,0.0\n2,1.0\n"), numbered));
        assertTrue(floats.getMessage().endsWith("has the label '0.0', which is not one of [0, 1]; it is the label '0' "
                + "written as another number (as pandas writes a float column): write the labels as the generator (or "
                + "layout) has them"), floats.getMessage());
        InvalidDataException label = assertThrows(InvalidDataException.class,
                () -> TableReader.read(TableFiles.write(dir, "l.csv", "n,colour,y\n1,red,r\n2,red,p\n3,red,r\n"),
                        schema));
        // the line alone: deleting it was refused at the next such line (a fresh user, 7 Dec)
        assertTrue(label.getMessage().endsWith("line 2 has the label 'r', which is not one of [p, q]; 2 of the rows "
                + "hold it: remove those rows (a model of that layout has never seen the class), or, to learn it, "
                + "train the generator on a table that holds it"), label.getMessage());
        // a row without a label was told to train on a table that holds it, which train refuses (a re-check, 7 Dec)
        InvalidDataException unlabelled = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "l0.csv", "n,colour,y\n1,red,p\n2,red,\n"), schema));
        assertTrue(unlabelled.getMessage().endsWith("line 3 has no label (''); every row needs one of [p, q]: fill it "
                + "in or remove the row"), unlabelled.getMessage());
        // a second unseen label was met after the first's rows were removed (a re-check, 7 Dec)
        InvalidDataException two = assertThrows(InvalidDataException.class, () -> TableReader.read(TableFiles.write(dir,
                "l2.csv", "n,colour,y\n1,red,r\n2,red,p\n3,red,s\n4,red,s\n"), schema));
        assertTrue(two.getMessage().endsWith("line 2 has the label 'r', which is not one of [p, q]; 2 labels the "
                + "layout never saw are in the file: 'r' (1 row), 's' (2 rows): remove those rows (a model of that "
                + "layout has never seen the class), or, to learn it, train the generator on a table that holds it"),
                two.getMessage());
        InvalidDataException number = assertThrows(InvalidDataException.class,
                () -> TableReader.read(TableFiles.write(dir, "x.csv", "n,colour,y\none,red,p\n"), schema));
        assertTrue(number.getMessage().contains("column 'n' is numeric but line 2 holds 'one'"), number.getMessage());

        // gaps written NA in data read by a '?' layout were told "recode or remove those rows" or "not a number",
        // without a word about the marker (a fresh user, 7 Dec)
        InvalidDataException gapCategory = assertThrows(InvalidDataException.class,
                () -> TableReader.read(TableFiles.write(dir, "g.csv", "n,colour,y\n1,NA,p\n2,NA,q\n"), schema));
        assertTrue(gapCategory.getMessage().endsWith("line 2 holds 'NA' in column 'colour', which looks like a missing "
                + "cell, but the generator's (or layout's) table reads '?' (and empty cells) as missing, not 'NA': "
                + "write the data's missing cells as '?' or leave them empty (2 of the rows hold it)"),
                gapCategory.getMessage());
        InvalidDataException gapNumber = assertThrows(InvalidDataException.class,
                () -> TableReader.read(TableFiles.write(dir, "h.csv", "n,colour,y\nNULL,red,p\n"), schema));
        assertTrue(gapNumber.getMessage().contains("column 'n' is numeric but line 2 holds 'NULL', which looks like a "
                + "missing cell, but the generator's (or layout's) table reads '?'"), gapNumber.getMessage());
        // a gap spelt '-' in a numeric column too; but a category in another case ('na' for North America's 'NA') is
        // no gap, and keeps the list of categories (a re-check, 7 Dec)
        InvalidDataException dash = assertThrows(InvalidDataException.class,
                () -> TableReader.read(TableFiles.write(dir, "d.csv", "n,colour,y\n-,red,p\n"), schema));
        assertTrue(dash.getMessage().contains("holds '-', which looks like a missing cell"), dash.getMessage());
        TableSchema regions = TableReader.read(TableFiles.write(dir, "r.csv",
                "n,region,y\n1,NA,p\n2,EU,q\n3,NA,q\n4,EU,p\n"), "y").schema();
        InvalidDataException na = assertThrows(InvalidDataException.class,
                () -> TableReader.read(TableFiles.write(dir, "na.csv", "n,region,y\n1,na,p\n"), regions));
        assertTrue(na.getMessage().contains("which is not one of the column's categories [EU, NA]"), na.getMessage());
        // a word that may be a category keeps the category advice
        InvalidDataException none = assertThrows(InvalidDataException.class,
                () -> TableReader.read(TableFiles.write(dir, "o.csv", "n,colour,y\n1,none,p\n"), schema));
        assertTrue(none.getMessage().contains("recode or remove that row"), none.getMessage());
    }

    private static void assertMessage(Path csv, String label, String expected) {
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> TableReader.read(csv, label));
        assertTrue(e.getMessage().startsWith(csv.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertOneLine(e);
    }

    private static void assertOneLine(Exception e) {
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    /**
     * Spreadsheet exports: Excel's "sep=," first line was blamed as a header without a name, a row of commas as a row
     * without a label, and a header repeated by joining files was read as a row of class 'class'.
     */
    /** A semicolon file with decimal commas was ragged without the separator hint a plain semicolon file gets. */
    @Test
    void aSemicolonFileWithDecimalCommasIsNamedAsSuch() {
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "semi.csv", "x;col;label\n6,288;red;pos\n1,5;blue;neg\n"), "label"));
        assertTrue(e.getMessage().endsWith("line 2 has 2 cells but the header has 1 (the file seems separated by ';', "
                + "tab or '|', and its commas are decimal commas or text; a CSV table must use commas between cells "
                + "and points in numbers)"), e.getMessage());
    }

    /**
     * A tab- or semicolon-separated file whose header has a comma in a name ({@code weight, kg}) was told to delete its
     * header as a title above it, or got no hint (a fresh user, 6 Dec).
     */
    @Test
    void anotherSeparatorIsNamedWhenACommaInAHeaderNameSplitsTheHeader() {
        InvalidDataException tab = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "tab.csv", "weight, kg\tage\tclass\n58\t35\ta\n61\t40\tb\n"), "class"));
        assertTrue(tab.getMessage().contains("line 2 has 1 cell but the header has 2 (the file seems separated by "
                + "';', tab or '|'"), tab.getMessage());
        assertFalse(tab.getMessage().contains("delete"), tab.getMessage());
        InvalidDataException semi = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "semi2.csv", "id;name, first;score;class\n1;Smith, J;5;a\n2;Doe, A;6;b\n"),
                "class"));
        assertTrue(semi.getMessage().contains("label column 'class' is not in the header")
                && semi.getMessage().contains("(the file seems separated by ';', tab or '|', but a CSV table must use "
                + "commas)"), semi.getMessage());
    }

    /**
     * A label with a line break was read as 'multi line', the class Tribuo reads as 'multi\nline': the generator's
     * class and the files it wrote were not the data's (a fresh user, 6 Dec). A feature's line break stays a space.
     */
    @Test
    void aLabelWithALineBreakIsRefusedAndAFeaturesIsReadAsASpace() {
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> TableReader.read(TableFiles.write(
                dir, "nl.csv", "v,y\n1,single\n2,\"multi\nline\"\n3,single\n4,\"multi\nline\"\n"), "y"));
        assertTrue(e.getMessage().contains("the label in the row starting on line 3 holds a line break")
                && e.getMessage().contains("column 'y'"), e.getMessage());
        Table table = TableReader.read(TableFiles.write(dir, "nl2.csv",
                "c,y\n\"a\nb\",x\nc,x\n\"a\nb\",z\nc,z\n"), "y");
        assertTrue(table.schema().columns().get(0).categories().contains("a b"), table.schema().toString());
    }

    /** A row with a line break in a quoted cell was named by the line it ends on. */
    @Test
    void aRowIsNamedByTheLineItStartsOn() {
        InvalidDataException ragged = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "multi.csv", "a,b,y\n1,\"two\nlines\",x\n3,4,z,5\n"), "y"));
        assertTrue(ragged.getMessage().contains(": line 4 has 4 cells but the header has 3"), ragged.getMessage());
        InvalidDataException itself = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "multi2.csv", "a,b,y\n1,2,x\n\n3,\"two\nlines\",z,5\n"), "y"));
        assertTrue(itself.getMessage().contains(": line 4 has 4 cells but the header has 3"), itself.getMessage());
    }

    @Test
    void spreadsheetArtefactsAreNamedForWhatTheyAre() {
        InvalidDataException sep = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "sep.csv", "sep=,\na,b,y\n1,2,x\n3,4,z\n"), "y"));
        assertTrue(sep.getMessage().endsWith("line 1, 'sep=,', is Excel's separator hint, not a header row; delete "
                + "that line"), sep.getMessage());
        InvalidDataException semicolons = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "sep-semicolon.csv", "sep=;\na;b;y\n1;2;x\n3;4;z\n"), "y"));
        assertTrue(semicolons.getMessage().endsWith("delete that line, and since it says the cells are separated by "
                + "';', save the file as comma-separated CSV (a CSV table must use commas between cells and points in "
                + "numbers)"), semicolons.getMessage());
        InvalidDataException commas = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "commas.csv", "a,b,y\n1,2,x\n3,4,z\n,,\n"), "y"));
        assertTrue(commas.getMessage().endsWith("line 4 is empty but for its commas (a spreadsheet's blank row); "
                + "delete it"), commas.getMessage());
        // a Google Sheets export ends in several: each run named the next one (6 Dec)
        InvalidDataException many = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "commas5.csv", "a,b,y\n1,2,x\n3,4,z\n,,\n,,\n,,\n"), "y"));
        assertTrue(many.getMessage().endsWith("line 4 and 2 more (to line 6) are empty but for their commas (a "
                + "spreadsheet's blank rows); delete them"), many.getMessage());
        InvalidDataException header = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "joined.csv", "a,b,y\n1,2,x\n3,4,z\na, b ,y\n5,6,x\n7,8,z\n"), "y"));
        assertTrue(header.getMessage().endsWith("line 4 repeats the header row (files joined together?); delete "
                + "it, or its cells are read as a row of data; if line 1 is itself a row of data (the file has no "
                + "header), add a header row naming the columns instead"), header.getMessage());
        InvalidDataException shouted = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "joined2.csv", "a,b,y\n1,2,x\n3,4,z\nA,B,Y\n5,6,x\n7,8,z\n"), "y"));
        assertTrue(shouted.getMessage().contains("line 4 repeats the header row (files joined together?); delete "
                + "it, or its cells are read as a row of data;"), shouted.getMessage());
        // joined parts with the columns in another order, or each with Excel's byte-order mark (a fresh user, 5 Dec)
        InvalidDataException reordered = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "reordered.csv", "a,b,y\n1,2,x\n3,4,z\nb,a,y\n6,5,x\n8,7,z\n"), "y"));
        assertTrue(reordered.getMessage().endsWith("line 4 holds the header's names in another order (b,a,y): files "
                + "joined whose columns were in another order? the rows below it would be read with columns swapped; "
                + "write every part with the header's column order and delete the repeated header lines"),
                reordered.getMessage());
        InvalidDataException marked = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "boms.csv", "\uFEFFa,b,y\n1,2,x\n3,4,z\n\uFEFFa,b,y\n5,6,x\n7,8,z\n"), "y"));
        assertTrue(marked.getMessage().contains("line 4 repeats the header row (files joined together? it starts "
                + "with a byte-order mark, as each part of a cat of Excel's CSV files does); delete it"),
                marked.getMessage());
        // joined exports, a later one with a column renamed: the header line was trained as a row (a fresh user, 6 Dec)
        InvalidDataException renamed = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "renamed.csv", "a,score,y\n1,2,x\n3,4,z\na,score_v2,y\n5,6,x\n7,8,z\n"), "y"));
        assertTrue(renamed.getMessage().endsWith("line 4 is the header row with a name changed (score as score_v2): "
                + "files joined, one of which renamed a column? its cells would be read as a row of data; delete the "
                + "line, and check that the rows below it hold the same columns"), renamed.getMessage());
        // three exports joined: the renamed header twice (the helper's own reproduction)
        InvalidDataException twice = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "renamed2.csv", "a,score,y\n1,2,x\na,score_v2,y\n3,4,z\na,score_v2,y\n5,6,x\n"
                        + "7,8,z\n"), "y"));
        assertTrue(twice.getMessage().contains("line 3 is the header row with a name changed"), twice.getMessage());
        // a header name with a line break (Excel's wrapped header): notes one line each, and the name typed with a
        // space gets the shell's $'…' form (a fresh user, 6 Dec)
        StringBuilder wrapped = new StringBuilder("\"Income\n(USD)\",churn\n");
        for (int i = 0; i < 12; i++) {
            wrapped.append(i % 4 == 0 ? "NULL" : String.valueOf(1000 + 37 * i)).append(',').append(i % 2 == 0 ? "yes"
                    : "no").append('\n');
        }
        Path wrappedFile = TableFiles.write(dir, "wrapped.csv", wrapped.toString());
        List<String> notes = ColumnAdvice.lines(TableReader.read(wrappedFile, "churn"), ColumnRemedies.COMMAND_LINE);
        assertTrue(!notes.isEmpty() && notes.stream().allMatch(n -> n.lines().count() == 1)
                && notes.get(0).contains("Income\\u000a(USD)"), notes.toString());
        InvalidDataException typed = assertThrows(InvalidDataException.class, () -> TableReader.read(wrappedFile,
                "churn", java.util.Map.of("Income (USD)", ColumnKind.NUMERIC)));
        assertTrue(typed.getMessage().contains("did you mean $'Income\\n(USD)'?"), typed.getMessage());
        // two spaces typed where the header has one were blamed on the header (a re-check, 7 Dec)
        Path plain = TableFiles.write(dir, "plain.csv", "Refr Index,churn\n1,no\n2,yes\n");
        InvalidDataException doubled = assertThrows(InvalidDataException.class, () -> TableReader.read(plain,
                "churn", java.util.Map.of("Refr  Index", ColumnKind.NUMERIC)));
        assertTrue(doubled.getMessage().contains("did you mean 'Refr Index'? (the name given has more spaces or a tab "
                + "where the header has one space)"), doubled.getMessage());
        Path noBreak = TableFiles.write(dir, "nbsp-inside.csv", "Refr\u00a0Index,churn\n1,no\n2,yes\n");
        InvalidDataException inside = assertThrows(InvalidDataException.class, () -> TableReader.read(noBreak,
                "churn", java.util.Map.of("Refr Index", ColumnKind.NUMERIC)));
        assertTrue(inside.getMessage().contains("did you mean $'Refr\\u00a0Index'? (the header has a line break, tab "
                + "or no-break space where a space was typed"), inside.getMessage());
        // a later export with a column added, joined below (a fresh user, 6 Dec)
        InvalidDataException grown = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "grown.csv", "a,b,y\n1,2,x\n3,4,z\na,b,y,region\n5,6,x,EU\n"), "y"));
        assertTrue(grown.getMessage().endsWith("line 4 has 4 cells but the header has 3 (it holds the header's names "
                + "and more: the header of a file joined below, whose export had other columns? write every part "
                + "with the same columns)"), grown.getMessage());
        // group names over the header, as pandas writes a two-level header (a fresh user, 6 Dec)
        InvalidDataException groups = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "groups.csv", "Demo,Demo,Demo,Money,Money,Outcome\nage,sex,city,income,debt,"
                        + "label\n30,m,x,1.5,2,a\n40,f,y,2.5,3,b\n"), "label"));
        assertTrue(groups.getMessage().endsWith("line 1 repeats names (Demo, Money, Outcome) over line 2, whose cells "
                + "are all names of their own (age, sex, city, income, …): are they groups above the header, as pandas "
                + "writes a two-level header? delete line 1"), groups.getMessage());
        // one duplicated name over a row of categories is a duplicate, not groups (a re-check, 6 Dec)
        InvalidDataException duplicate = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "dup.csv", "colour,colour,shape,label\nred,cyan,round,yes\n"
                        + "blue,pink,square,no\n"),
                "label"));
        assertTrue(duplicate.getMessage().contains("header column 'colour' appears twice"), duplicate.getMessage());
        // Qualtrics' question texts and ImportId rows below the names (a fresh user, 6 Dec)
        StringBuilder survey = new StringBuilder("Duration,Q1,Q3\n\"Duration (in seconds)\",How old are you?,Would you "
                + "recommend us?\n{\"\"ImportId\"\":\"\"duration\"\"},{\"\"ImportId\"\":\"\"QID1\"\"},"
                + "{\"\"ImportId\"\":\"\"QID3\"\"}\n");
        for (int i = 0; i < 10; i++) {
            survey.append(60 + i).append(',').append(18 + i).append(',').append(i % 2 == 0 ? "Yes" : "No").append('\n');
        }
        InvalidDataException qualtrics = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "qualtrics.csv", survey.toString()), "Q3"));
        assertTrue(qualtrics.getMessage().endsWith("lines 2 and 3 look like extra header rows (question texts where "
                + "the rows below hold numbers, or Qualtrics' {\"ImportId\": …}), as survey tools export them; delete "
                + "them so that line 1 is the only header row"), qualtrics.getMessage());
        // read in a generator's layout too, where it was "label … not one of" (a re-check, 6 Dec)
        String surveyRows = survey.toString();
        TableSchema layout = TableReader.read(TableFiles.write(dir, "plain-survey.csv", surveyRows.substring(0,
                surveyRows.indexOf('\n') + 1) + surveyRows.substring(surveyRows.indexOf("60,"))), "Q3").schema();
        InvalidDataException inLayout = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "qualtrics2.csv", surveyRows), layout));
        assertTrue(inLayout.getMessage().contains("look like extra header rows"), inLayout.getMessage());
        // false positives found by a re-check (6 Dec): a first row of lags with NA gaps, and a survey's "select all"
        // row whose ticked options are written as their own names, are data
        StringBuilder lags = new StringBuilder("day,sales,lag1,lag2,label\n");
        for (int i = 0; i < 12; i++) {
            lags.append(i + 1).append(',').append(10 + i).append(',').append(i >= 1 ? String.valueOf(9 + i) : "NA")
                    .append(',').append(i >= 2 ? String.valueOf(8 + i) : "NA").append(',')
                    .append(i % 2 == 0 ? "up" : "down").append('\n');
        }
        assertEquals(12, TableReader.read(TableFiles.write(dir, "lags.csv", lags.toString()), "label",
                java.util.Map.of(), "NA").rows());
        StringBuilder ticks = new StringBuilder("Facebook,Email,region,subscribed\n");
        for (int i = 0; i < 12; i++) {
            ticks.append(i % 3 == 0 ? "" : "Facebook").append(',').append(i % 2 == 0 ? "Email" : "").append(',')
                    .append(i % 5 < 2 ? "north" : "south").append(',').append(i % 4 < 2 ? "yes" : "no").append('\n');
        }
        assertEquals(12, TableReader.read(TableFiles.write(dir, "ticks.csv", ticks.toString()), "subscribed").rows());
        // a row that shares some cells with the header is data
        assertEquals(4, TableReader.read(TableFiles.write(dir, "fine.csv", "a,b,y\n1,2,x\n3,4,x\na,5,y\nc,6,y\n"),
                "y").rows());
    }

    /** A stray quote swallowed 6 rows into one cell, without a word (a fresh user, 5 Dec). */
    @Test
    void rowsSwallowedByAStrayQuoteAreRefusedAndAQuotedCellOfProseIsRead() {
        Path stray = TableFiles.write(dir, "stray.csv", "name,v,label\nbox,1,a\n\"big box,2,b\njar,3,a\ntin,4,b\n"
                + "small\",5,a\nbox,6,b\n");
        assertMessage(stray, "label", "the quoted cell on line 3 runs to line 6, and 2 of its lines are shaped "
                + "like a row: a stray quote ('big box,2,b')? those rows would be read as one cell; remove the "
                + "stray quote, or write a quote inside a cell as two (\"\") in a quoted cell");
        Path prose = TableFiles.write(dir, "prose.csv", "address,v,label\n\"1 Main St\nSpringfield\",1,a\n"
                + "\"2 Elm St, Apt 4\nShelbyville\",2,b\nx,3,a\ny,4,b\n");
        assertEquals(4, TableReader.read(prose, "label").classes().length);
        // a list over two lines where a row has numbers: valid CSV, refused before a re-check (5 Dec)
        Path list = TableFiles.write(dir, "list.csv", "note,w,label\nx,1,a\n\"Notes: a, b\ne, f\",2,b\ny,3,a\nz,4,b\n");
        assertEquals(4, TableReader.read(list, "label").classes().length);
    }

    /** A file cut while copied had its last cell read short (age 30 as 3), without a word (a fresh user, 5 Dec). */
    @Test
    void aLastLineCutShortIsRefusedAndAWholeOneWithoutALineEndIsRead() {
        String rows = "label,x,age\np,1.5,30\nq,2.5,41\np,3.5,52\nq,4.5,3";
        Path cut = TableFiles.write(dir, "cut.csv", rows);
        assertMessage(cut, "label", "line 5, the last, has no line end, and its last cell '3' is shorter than every "
                + "other cell of column 'age' (2 characters): the file looks cut off while it was written or copied; "
                + "copy it again, or, if that row is whole, end the file with a line break");
        assertEquals(4, TableReader.read(TableFiles.write(dir, "ended.csv", rows + "\n"), "label").classes().length,
                "the same row with its line end is data");
        assertEquals(4, TableReader.read(TableFiles.write(dir, "whole.csv", rows + "0"), "label").classes().length,
                "a last cell as long as others is read");
        // a re-check (5 Dec): an age 9 among ages 30 to 52 is no cut value of theirs, and ? is the missing marker
        assertEquals(4, TableReader.read(TableFiles.write(dir, "nine.csv", rows.substring(0, rows.length() - 1) + "9"),
                "label").classes().length, "9 starts no other age");
        assertEquals(4, TableReader.read(TableFiles.write(dir, "marker.csv", rows.substring(0, rows.length() - 1)
                + "?"), "label").classes().length, "the missing marker");
    }

    @Test
    void aTrailingCommaAndAnUnclosedQuoteSayWhatToFix() {
        InvalidDataException trailing = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "trail.csv", "a,b,y,\n1,2,x,\n3,4,z,\n"), "y"));
        assertTrue(trailing.getMessage().endsWith("header column 4 has no name (it is the last: does the header end "
                + "with a comma? remove it, and any at the ends of the data lines)"), trailing.getMessage());
        // an Excel export with columns once used: empty cells after the last name, in the data lines too
        InvalidDataException excel = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "excel.csv", "a,b,y,,\n1,2,x,,\n3,4,z,,\n"), "y"));
        assertTrue(excel.getMessage().endsWith("header columns 4–5 have no name: the header ends with 2 empty cells, "
                + "as a spreadsheet writes columns that were once used; remove them, and the same at the ends of the "
                + "data lines (or delete those columns in the spreadsheet)"), excel.getMessage());
        // pandas' DataFrame.to_csv writes its index first, unnamed
        InvalidDataException index = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "pandas.csv", ",a,y\n0,1,x\n1,3,z\n"), "y"));
        assertTrue(index.getMessage().endsWith("header column 1 has no name (the first: is it a row index, as pandas' "
                + "to_csv and R's write.csv write one? write the file with index=False (pandas) or row.names = FALSE "
                + "(R), or give the column a name)"), index.getMessage());
        InvalidDataException blank = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "blank.csv", ",\n0,x\n1,z\n"), "y"));
        assertTrue(blank.getMessage().endsWith("the header row names no column; the first line must name them (e.g. "
                + "x1,x2,label)"), blank.getMessage());
        InvalidDataException middle = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "middle.csv", "a,,y\n0,1,x\n1,3,z\n"), "y"));
        assertTrue(middle.getMessage().endsWith("header column 2 has no name; give it a name, or remove the column"),
                middle.getMessage());
        InvalidDataException dataLines = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "trail2.csv", "a,b,y\n1,2,x,\n3,4,z,\n"), "y"));
        assertTrue(dataLines.getMessage().endsWith("line 2 has 4 cells but the header has 3 (the extra cells are "
                + "empty: does the line end with a comma? remove it)"), dataLines.getMessage());
        InvalidDataException lookalike = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "case.csv", "a,y\n1,Good\n2,Good\n3,good\n"), "y"));
        assertTrue(lookalike.getMessage().endsWith("label 'good' has only 1 row and every class needs at least 2; it "
                + "differs from the label 'Good' only in " + ColumnAdvice.LOOK_ALIKE + ": if they are one class, "
                + "write them alike"), lookalike.getMessage());
        // the other one-row classes named too, found a run later before (a re-check, 7 Dec)
        InvalidDataException andOthers = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "case2.csv", "a,y\n1,Good\n2,Good\n3,good\n4,rareA\n5,rareB\n"), "y"));
        assertTrue(andOthers.getMessage().endsWith("write them alike; labels 'rareA', 'rareB' have only 1 row too"),
                andOthers.getMessage());
        // a no-break space (a spreadsheet's or web page's) is shown, as otherwise the two labels print alike
        InvalidDataException hidden = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "nbsp.csv", "a,y\n1,Yes\n2,Yes\n3,Yes\u00a0\n4,No\n5,No\n"), "y"));
        assertTrue(hidden.getMessage().contains("label 'Yes\\u00a0' has only 1 row and every class needs at least 2; "
                + "it differs from the label 'Yes' only in"), hidden.getMessage());
        InvalidDataException quote = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "quote.csv", "a,y\n1,x\n\"2,x\n3,x\n"), "y"));
        assertTrue(quote.getMessage().contains("a quote opened on line 3 or before is never closed"),
                quote.getMessage());
    }
}
