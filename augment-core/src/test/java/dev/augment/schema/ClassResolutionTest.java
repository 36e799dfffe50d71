package dev.augment.schema;

import dev.augment.errors.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exact name, then exact label, then index, then a loose match only when it is unique. */
class ClassResolutionTest {

    private static SampleSchema schema(List<String> labels, List<String> names) {
        return new SampleSchema(List.of("f"), List.of(1), 0, 1, labels, names);
    }

    /** The bad input 12: folders 'A B', 'a-b' and 'x' are both labels and names. */
    private static final SampleSchema AMBIGUOUS = schema(List.of("A B", "a-b", "x"), List.of("A B", "a-b", "x"));
    /** Labels that are other classes' indices and names: label "2" is class 0, name "0" is class 2. */
    private static final SampleSchema CROSSED = schema(List.of("2", "b", "c", "d"), List.of("first", "1", "0", "Ankle boot"));
    private static final SampleSchema FASHION = schema(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot"));

    /** Folders class_0 … class_11 sorted as text: --class 2 gave class_10, index 2 (a fresh user, 6 Dec). */
    @Test
    void aNumberThatAnotherClassCarriesIsRefusedAsAnIndex() {
        List<String> folders = java.util.stream.IntStream.range(0, 12).mapToObj(i -> "class_" + i).sorted().toList();
        ClassResolver resolver = new ClassResolver(schema(folders, folders), "m.onnx");
        assertEquals("class_10", folders.get(2));
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> resolver.resolve("classes",
                "2"));
        assertTrue(e.getMessage().contains("matches several classes") && e.getMessage().contains("'class_2'"),
                e.getMessage());
        assertEquals(java.util.Optional.empty(), resolver.find("2"), "the plugin's counts by name too");
        assertEquals(folders.indexOf("class_2"), resolver.resolve("classes", "class_2"));
        List<String> inOrder = List.of("class_0", "class_1", "class_2");
        assertEquals(2, new ClassResolver(schema(inOrder, inOrder), "m.onnx").resolve("classes", "2"),
                "index 2 is class_2: nothing to refuse");
    }

    /**
     * The plugin's counts naming 'all' were told "did you mean 'a'?" and to leave out counts, which mode COUNTS
     * refuses (a fresh Tribuo user, 7 Dec); oversample's --classes is told to leave itself out.
     */
    @Test
    void allIsToldWhatGivesEveryClassForTheSettingItCameFrom() {
        ClassResolver resolver = new ClassResolver(schema(List.of("a", "b"), List.of("a", "b")), "the data");
        String counts = assertThrows(InvalidSettingException.class, () -> resolver.resolve("counts", "all"))
                .getMessage();
        assertTrue(counts.endsWith("; for every class, give each its count, or use the mode MULTIPLY or BALANCE"),
                counts);
        assertFalse(counts.contains("did you mean"), counts);
        String classes = assertThrows(InvalidSettingException.class, () -> resolver.resolve("--classes", "all"))
                .getMessage();
        assertTrue(classes.endsWith("; for every class, leave the setting out (--classes)"), classes);
    }

    @Test
    void aOneLetterQueryIsNotNearAOneCharacterLabel() {
        SampleSchema labels = schema(List.of("2", "alpha", "zeta"), List.of("2", "alpha", "zeta"));
        assertEquals("", new ClassResolver(labels, "m").suggestion("a"), "'a' was 'did you mean 2?'");
        assertTrue(new ClassResolver(labels, "m").suggestion("alpa").contains("alpha"));
    }

    /** --class саt typed on a Cyrillic layout (с, а) got the list of classes, with no "did you mean" (7 Dec). */
    @Test
    void aClassTypedWithCyrillicLookAlikesIsSuggestedInLatin() {
        SampleSchema labels = schema(List.of("0", "1", "2"), List.of("cat", "dog", "Ankle boot"));
        ClassResolver resolver = new ClassResolver(labels, "m");
        assertEquals("did you mean 'cat' ('\\u0441\\u0430t' has Cyrillic or Greek letters that look Latin, shown "
                + "escaped: typed on another keyboard layout)? ", resolver.suggestion("\u0441\u0430t"));
        assertTrue(resolver.suggestion("\u0410nkle boot").startsWith("did you mean 'Ankle boot' ("),
                resolver.suggestion("\u0410nkle boot"));
        assertEquals("", resolver.suggestion("\u0445\u0443\u0445"), "хух (xyx) is near no class in Latin letters");
        assertTrue(resolver.suggestion("\u0441\u0430\u0440").startsWith("did you mean 'cat' ("), "сар is cap: a typo");
        // Greek capitals, and a look-alike beside a real typo (a re-check, 7 Dec)
        assertTrue(resolver.suggestion("\u0391NKLE BOOT").startsWith("did you mean 'Ankle boot' ('\\u0391NKLE BOOT' "
                + "has Cyrillic"), resolver.suggestion("\u0391NKLE BOOT"));
        assertEquals("did you mean 'cat' ('\\u0441att' has Cyrillic or Greek letters that look Latin, shown escaped: "
                + "typed on another keyboard layout)? ", resolver.suggestion("\u0441att"));
    }

    /** café composed and decomposed were suggested as two identical choices (a fresh user, 7 Dec). */
    @Test
    void suggestionsAreShownEscapedAsTheClassListIs() {
        List<String> names = List.of("caf\u00e9", "cafe\u0301", "dog");
        assertEquals("did you mean 'caf\u00e9' or 'cafe\\u0301'? ", new ClassResolver(schema(names, names), "m")
                .suggestion("cafe"));
    }

    /**
     * Class folders "1" and "1 ": {@code --class "1 "} gave class "1", because the command line stripped the query
     * before the exact steps (a fresh user, 4 Dec). Spaces are stripped only after the exact steps found nothing.
     */
    @Test
    void anExactNameWithSpacesWinsOverTheStrippedOne() {
        SampleSchema spaced = schema(List.of("1", "1 ", "2"), List.of("1", "1 ", "2"));
        ClassResolver resolver = new ClassResolver(spaced, "m.onnx");
        assertEquals(1, resolver.resolve("classes", "1 "));
        assertEquals(0, resolver.resolve("classes", "1"));
        assertEquals(2, resolver.resolve("classes", " 2 "), "no class has the spaces: the stripped query");
        assertEquals(List.of(1, 0), resolver.resolveAllLearned("classes", List.of("1 ", " 1")));
        assertEquals(List.of(0, 1, 2), resolver.resolveAllLearned("classes", List.of(" all")));
        assertEquals(7, new ClassResolver(FASHION, "m.onnx").resolve("classes", " sneaker "));
    }

    /** 'cat' (index 1) and 'cat' (index 3) were listed alike: a no-break and a zero-width space (a fresh user). */
    @Test
    void anAmbiguousQueryListsInvisibleCharactersEscaped() {
        SampleSchema alike = schema(List.of("Cat", "cat", "cat\u00a0", "ca\u200bt"),
                List.of("Cat", "cat", "cat\u00a0", "ca\u200bt"));
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new ClassResolver(alike, "m.onnx").resolve("classes", "CAT"));
        assertTrue(e.getMessage().contains("'cat\\u00a0' (index 2)"), e.getMessage());
        assertFalse(e.getMessage().contains("\u00a0") || e.getMessage().contains("\u200b"), e.getMessage());
    }

    @Test
    void aQuotedNameIsThatExactNameOnlyNeverALooseMatch() {
        // as --class '"a,b"' quotes a name with a comma; loosely, "a,b" also matched 'a;b' and was ambiguous
        SampleSchema commas = schema(List.of("a,b", "a;b", "c"), List.of("a,b", "a;b", "c"));
        ClassResolver resolver = new ClassResolver(commas, "m.onnx");
        assertEquals(0, resolver.resolve("classes", "\"a,b\""));
        assertEquals(1, resolver.resolve("classes", "\"a;b\""));
        assertEquals(1, resolver.resolve("classes", "a;b"));
        assertThrows(InvalidSettingException.class, () -> resolver.resolve("classes", "\"A,B\""),
                "quoted means exact: no case-insensitive match");
        assertThrows(InvalidSettingException.class, () -> resolver.resolve("classes", "\"0\""),
                "quoted means a name or label, not an index");
        assertEquals(2, new ClassResolver(CROSSED, "m.onnx").resolve("classes", "\"c\""), "an exact label, quoted");
    }

    /** --class 1 for labels 1.0 and 0.0 was told only the list (a fresh user, 5 Dec). */
    @Test
    void aNumberWrittenOtherwiseThanTheLabelIsPointedToIt() {
        SampleSchema floats = schema(List.of("0.0", "1.0", "2.5"), List.of("0.0", "1.0", "2.5"));
        ClassResolver resolver = new ClassResolver(floats, "m.onnx");
        InvalidSettingException one = assertThrows(InvalidSettingException.class, () -> resolver.resolve("classes",
                "1"));
        assertTrue(one.getMessage().contains("did you mean '1.0' (the same number, written as the data writes it)?"),
                one.getMessage());
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> resolver.resolve("classes",
                "2.50"));
        assertTrue(e.getMessage().contains("did you mean '2.5' (the same number"), e.getMessage());
    }

    /** Labels 1.0 and 01, one number: the first alone was offered (a fresh user, 6 Dec). */
    @Test
    void everyLabelOfTheSameNumberIsOffered() {
        SampleSchema twice = schema(List.of("1.0", "01", "x"), List.of("1.0", "01", "x"));
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> new ClassResolver(twice,
                "m.onnx").resolve("classes", "1.000"));
        assertTrue(e.getMessage().contains("did you mean '1.0' or '01' (the same number"), e.getMessage());
    }

    /** --class 'x, y' was split and told "'x' is not a class", beside a list holding 'x, y' (a fresh user, 5 Dec). */
    @Test
    void aNameSplitAtItsCommaIsToldToBeQuoted() {
        SampleSchema commas = schema(List.of("x, y", "30,000-40,000", "c"), List.of("x, y", "30,000-40,000", "c"));
        ClassResolver resolver = new ClassResolver(commas, "m.onnx");
        InvalidSettingException split = assertThrows(InvalidSettingException.class,
                () -> resolver.resolveAllLearned("--class", List.of("c", "x", " y")));
        assertEquals("--class is split at commas, and 'x, y', a class of m.onnx, holds one; give it in double quotes: "
                + "--class '\"x, y\"'", split.getMessage());
        assertThrows(InvalidSettingException.class, () -> resolver.resolveAllLearned("--class",
                List.of("30", "000-40", "000")), "a three-part name");
        assertEquals(List.of(0, 2), resolver.resolveAllLearned("--class", List.of("\"x, y\"", "c")));
        // oversample's --classes resolves one by one (a re-check, 5 Dec)
        assertThrows(InvalidSettingException.class, () -> resolver.refuseSplitNames("classes", List.of("x", " y")));
    }

    @ParameterizedTest(name = "''{0}'' is class {1}")
    @CsvSource(delimiter = '|', value = {
        "a-b|1", "A B|0", "x|2", "X|2", "2|2", "0|0"})
    void exactNamesWinOverLooseMatches(String query, int expected) {
        assertEquals(expected, new ClassResolver(AMBIGUOUS, "m.onnx").resolve("classes", query));
    }

    @ParameterizedTest(name = "''{0}'' is class {1}")
    @CsvSource(delimiter = '|', value = {
        "0|2",          // exact name "0" beats index 0
        "1|1",          // exact name "1"
        "2|0",          // exact label "2" beats index 2
        "b|1",          // exact label
        "FIRST|0",      // loose match of a name
        "ankle-boot|3", // loose: case and punctuation ignored
        "  ankle_BOOT |3",
        "D|3"})         // loose match of a label
    void orderIsNameThenLabelThenIndexThenLooseMatch(String query, int expected) {
        assertEquals(expected, new ClassResolver(CROSSED, "m.onnx").resolve("classes", query));
    }

    /**
     * Labels 1, 2, 3, 5, 10, 100 (a table's numeric class column) sort as indices 0-5 = 1, 10, 100, 2, 3, 5: "4"
     * used to be index 4, label 3, silently. A number that is no label is now unknown wherever a label is a number
     * other than its own index; labels 0 … K-1 in order keep indices (they are the same thing).
     */
    @Test
    void aNumberThatIsNoLabelIsUnknownWhenTheLabelsAreNumbers() {
        SampleSchema numeric = schema(List.of("1", "10", "100", "2", "3", "5"), List.of("1", "10", "100", "2", "3", "5"));
        ClassResolver resolver = new ClassResolver(numeric, "t.onnx");
        assertEquals(4, resolver.resolve("counts", "3"), "label 3 is class 4");
        for (String query : List.of("4", "04", "0")) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> resolver.resolve("counts", query), query);
            assertTrue(e.getMessage().contains("counts '" + query + "' is not a class of t.onnx"), e.getMessage());
            assertTrue(e.getMessage().endsWith("(a label is a number, so a number names a label, never an index)"),
                    e.getMessage());
        }
        // a float class column as pandas writes it: "3" is no label, and index 3 would be label "2.0"
        SampleSchema decimals = schema(List.of("1.0", "10.0", "100.0", "2.0", "3.0", "5.0"),
                List.of("1.0", "10.0", "100.0", "2.0", "3.0", "5.0"));
        assertThrows(InvalidSettingException.class, () -> new ClassResolver(decimals, "d.onnx").resolve("counts", "3"));
        assertEquals(4, new ClassResolver(decimals, "d.onnx").resolve("counts", "3.0"));
        InvalidSettingException crossed = assertThrows(InvalidSettingException.class,
                () -> new ClassResolver(CROSSED, "m.onnx").resolve("classes", "3"), "label '2' is a number");
        assertTrue(crossed.getMessage().contains("'3' is not a class"), crossed.getMessage());
        assertEquals(3, new ClassResolver(FASHION, "f.onnx").resolve("classes", "3"), "labels 0-9 are their indices");
        assertTrue(assertThrows(InvalidSettingException.class, () -> new ClassResolver(FASHION, "f.onnx")
                .resolve("classes", "12")).getMessage().endsWith("(or an index 0-9)"));
    }

    @ParameterizedTest
    @CsvSource({"ab", "AB", "a b", "A-B", "a_b"})
    void looseMatchesOfSeveralClassesAreRefusedListingTheCandidates(String query) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new ClassResolver(AMBIGUOUS, "m12.onnx").resolve("classes", query));
        assertEquals("classes", e.setting());
        assertEquals("classes '" + query + "' matches several classes of m12.onnx: 'A B' (index 0), 'a-b' (index 1); "
                + "give the exact name or the index", e.getMessage());
        assertEquals(Optional.empty(), new ClassResolver(AMBIGUOUS, "m12.onnx").find(query));
    }

    @Test
    void whereNumbersNameLabelsTheAmbiguityMessageDoesNotOfferAnIndex() {
        SampleSchema mixed = schema(List.of("01", "Cat", "cat"), List.of("01", "Cat", "cat"));
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new ClassResolver(mixed, "t.csv").resolve("class", "CAT"));
        assertTrue(e.getMessage().endsWith("; give the exact name"), e.getMessage());
    }

    @Test
    void aNameSeveralClassesShareIsAmbiguous() {
        SampleSchema twice = schema(List.of("a", "b", "c"), List.of("Shoe", "Shoe", "Hat"));
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new ClassResolver(twice, "m.onnx").resolve("classes", "Shoe"));
        assertTrue(e.getMessage().contains("'Shoe' (label 'a', index 0), 'Shoe' (label 'b', index 1)"), e.getMessage());
        assertEquals(1, new ClassResolver(twice, "m.onnx").resolve("classes", "b"), "the label still picks one");
    }

    @ParameterizedTest(name = "''{0}'' suggests {1}")
    @CsvSource(delimiter = '|', value = {
        "sneakers|Sneaker", "snaeker|Sneaker", "trousers|Trouser", "ankle|Ankle boot", "pulover|Pullover",
        "dres|Dress"})
    void unknownNamesSuggestNearMissesAndNameTheModelOnce(String query, String suggestion) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new ClassResolver(FASHION, "models/fashion-mnist.onnx").resolve("classes", query));
        String message = e.getMessage();
        assertTrue(message.startsWith("classes '" + query + "' is not a class of models/fashion-mnist.onnx; did you mean '"
                + suggestion + "'? its classes"), message);
        assertTrue(message.endsWith("its classes are 'T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', "
                + "'Shirt', 'Sneaker', 'Bag', 'Ankle boot' (or an index 0-9)"), message);
        assertFalse(message.contains("label"), "labels equal to indices are not repeated: " + message);
        assertEquals(1, message.lines().count());
    }

    /** A name with a comma cannot be typed in a comma-separated list, so the suggestion gives its index. */
    @Test
    void aSuggestedNameWithACommaComesWithItsIndex() {
        SampleSchema commas = schema(List.of("p", "q"), List.of("x", "bag, leather"));
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new ClassResolver(commas, "m.onnx").resolve("classes", "bag,leathr"));
        assertTrue(e.getMessage().contains("did you mean 'bag, leather' (index 1)?"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"giraffe", "10", "-1", "---"})
    void unknownQueriesWithoutNearMissesListTheClasses(String query) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new ClassResolver(FASHION, "m.onnx").resolve("minority", query));
        assertEquals("minority", e.setting());
        assertFalse(e.getMessage().contains("did you mean"), e.getMessage());
        assertTrue(e.getMessage().contains("its classes are 'T-shirt/top'"), e.getMessage());
    }

    /** An empty entry (",sneaker" on a command line) used to read as a class named ''. */
    @ParameterizedTest
    @CsvSource({"''", "' '"})
    void anEmptyEntryIsNamedAsOne(String query) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new ClassResolver(FASHION, "m.onnx").resolve("classes", query));
        assertEquals("classes", e.setting());
        assertEquals("classes has an empty entry; name each class once, separated by single commas", e.getMessage());
    }

    @Test
    void labelsAreListedOnlyWhereTheySayMore() {
        assertEquals("'first' (label '2'), '1' (label 'b'), '0' (label 'c'), 'Ankle boot' (label 'd')",
                new ClassResolver(CROSSED, "m").listing());
        assertEquals("'A B', 'a-b', 'x'", new ClassResolver(AMBIGUOUS, "m").listing());
    }

    @Test
    void allMeansEveryLearnedClassAndIsRefusedAsAmbiguousWhereAClassIsNamedSo() {
        SampleSchema counted = FASHION.withExamplesPerClass(new long[] {5, 5, 0, 5, 5, 5, 5, 5, 5, 5});
        ClassResolver resolver = new ClassResolver(counted, "m.onnx");
        assertEquals(List.of(0, 1, 3, 4, 5, 6, 7, 8, 9), resolver.resolveAllLearned("classes", List.of("ALL")));
        // all,sneaker gave every class once without a word (a fresh user, 6 Dec)
        InvalidSettingException covered = assertThrows(InvalidSettingException.class,
                () -> resolver.resolveAllLearned("classes", List.of("Sneaker", "ALL")));
        assertEquals("classes gives 'all', which already holds 'Sneaker' (index 7), and names it again as 'Sneaker'; "
                + "give 'all' alone for every class once, or list the classes", covered.getMessage());
        SampleSchema named = schema(List.of("0", "1"), List.of("all", "some"));
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new ClassResolver(named, "m").resolveAllLearned("classes", List.of("all")));
        assertEquals("classes 'all' is both every class and the name of 'all' (index 0) in m; give '\"all\"' (in double "
                + "quotes) for that class, or list the classes", e.getMessage());
        assertEquals(List.of(0), new ClassResolver(named, "m").resolveAllLearned("classes", List.of("\"all\"")));
    }

    /** generate --class sneaker,Sneaker wrote one class's samples once, silently; oversample --counts refused it. */
    @Test
    void oneClassNamedTwiceIsRefusedHoweverWritten() {
        ClassResolver resolver = new ClassResolver(FASHION, "m.onnx");
        for (List<String> twice : List.of(List.of("sneaker", "Sneaker"), List.of("7", "sneaker"),
                List.of("Sneaker", "bag", "Sneaker"))) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> resolver.resolveAllLearned("classes", twice));
            assertTrue(e.getMessage().contains("twice") && e.getMessage().contains("give each class once"),
                    e.getMessage());
        }
        assertEquals(List.of(7, 8), resolver.resolveAllLearned("classes", List.of("sneaker", "bag")));
        // all,all was merged without a word (a fresh user, 6 Dec)
        InvalidSettingException all = assertThrows(InvalidSettingException.class,
                () -> resolver.resolveAllLearned("classes", List.of("all", "ALL")));
        assertEquals("classes gives 'all' twice; give it once", all.getMessage());
    }

    @Test
    void allNamesWhatItLeavesOutAndNothingElseDoes() {
        SampleSchema counted = FASHION.withExamplesPerClass(new long[] {5, 5, 0, 5, 5, 5, 0, 5, 5, 5});
        ClassResolver resolver = new ClassResolver(counted, "m.onnx");
        assertEquals(Optional.of("leaves out classes 'Pullover' (index 2), 'Shirt' (index 6): they had no training "
                + "examples in m.onnx, so the generator never learned them"), resolver.leftOutByAll(List.of("Bag", " all")));
        assertEquals(Optional.empty(), resolver.leftOutByAll(List.of("Bag", "1")), "no 'all', nothing left out by it");
        assertEquals(Optional.empty(), new ClassResolver(FASHION, "m").leftOutByAll(List.of("all")), "every class learned");
        SampleSchema named = schema(List.of("0", "1"), List.of("all", "some")).withExamplesPerClass(new long[] {3, 0});
        assertEquals(Optional.empty(), new ClassResolver(named, "m").leftOutByAll(List.of("all")), "'all' is a class here");
    }

    @Test
    void aClassWithoutTrainingExamplesIsRefusedByName() {
        SampleSchema counted = FASHION.withExamplesPerClass(new long[] {5, 5, 0, 5, 5, 5, 5, 5, 5, 5});
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new ClassResolver(counted, "m11.onnx").resolveLearned("classes", "pullover"));
        assertEquals("classes asks for class 'Pullover' (index 2), which had no training examples in m11.onnx, so the "
                + "generator never learned it; choose another class or retrain with examples of it", e.getMessage());
        assertEquals(2, new ClassResolver(FASHION, "m").resolveLearned("classes", "2"), "unknown counts: learned");
    }
}
