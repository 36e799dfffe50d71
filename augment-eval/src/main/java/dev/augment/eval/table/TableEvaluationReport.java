package dev.augment.eval.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.eval.protocol.MajorityLevel;
import dev.augment.eval.protocol.ArmSummary;
import dev.augment.eval.protocol.FamilyArms;
import dev.augment.eval.report.FamilyVerdict;
import dev.augment.eval.report.FiniteJson;
import dev.augment.eval.sampler.SeedFilter;
import dev.augment.eval.stats.PairedDifference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.augment.eval.report.ConsoleSummary.gain;
import static dev.augment.eval.report.ConsoleSummary.interval;

/**
 * Everything a table evaluation found: the arms of every classifier family with their verdicts (the
 * image evaluation's {@link FamilyArms} and {@link FamilyVerdict}: best cheap baseline, every arm's paired
 * macro-F1 difference from it), issue 10's targets per family, and the table diagnostics of the first
 * seed's generated rows (and, for comparison, of its SMOTE or SMOTE-NC rows).
 *
 * @param settings the run's settings
 * @param provenance data, generators, trainers and versions
 * @param classNames the class labels, by class index
 * @param families the arms per classifier family, in the order given
 * @param diagnostics the first seed's table diagnostics by source ({@code gan}, and {@code smote-nc} or {@code smote}); may be empty
 * @param seconds wall time
 * @param filter what the generation-time filter did per seed, in seed order; empty without a filter
 * @param caveats what limits the figures, one line each (e.g. test rows that repeat training rows), also printed
 *     first as {@code CAVEAT:} lines; empty when none
 * @param notes what the run noticed about the data's columns (e.g. numeric columns with missing cells, which every
 *     arm reads as 0), one line each, printed as {@code note:} lines on the console and in {@code report.txt};
 *     empty when none
 */
public record TableEvaluationReport(ObjectNode settings, ObjectNode provenance, List<String> classNames,
                                    List<FamilyArms> families, Map<String, TableDiagnostics> diagnostics,
                                    double seconds, List<SeedFilter> filter, List<String> caveats,
                                    List<String> notes) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The settings field naming the SMOTE arms' method, {@code smote-nc} or {@code smote}; the report names those
     * arms by it (a report without the field says SMOTE).
     */
    public static final String SMOTE_SETTING = "smote";

    /** Requires every part. */
    public TableEvaluationReport {
        if (settings == null || provenance == null || classNames == null || families == null || families.isEmpty()
                || diagnostics == null) {
            throw new IllegalArgumentException("a table report needs settings, provenance, classes, at least one "
                    + "family and its diagnostics");
        }
        classNames = List.copyOf(classNames);
        families = List.copyOf(families);
        // in the given order: Map.copyOf's changes from one JVM to the next, and so did report.json's (6 Dec)
        diagnostics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(diagnostics));
        filter = filter == null ? List.of() : List.copyOf(filter);
        caveats = caveats == null ? List.of() : List.copyOf(caveats);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A report without caveats. */
    public TableEvaluationReport(ObjectNode settings, ObjectNode provenance, List<String> classNames,
                                 List<FamilyArms> families, Map<String, TableDiagnostics> diagnostics,
                                 double seconds, List<SeedFilter> filter) {
        this(settings, provenance, classNames, families, diagnostics, seconds, filter, List.of(), List.of());
    }

    /** A report of a run without a generation-time filter. */
    public TableEvaluationReport(ObjectNode settings, ObjectNode provenance, List<String> classNames,
                                 List<FamilyArms> families, Map<String, TableDiagnostics> diagnostics,
                                 double seconds) {
        this(settings, provenance, classNames, families, diagnostics, seconds, List.of());
    }

    /** @return each family's verdict, in order */
    public List<FamilyVerdict> verdicts() {
        return families.stream().map(f -> SmoteNaming.renamed(FamilyVerdict.of(f.trainer(), f.arms()), smoteNc()))
                .toList();
    }

    /** @return whether the SMOTE arms ran SMOTE-NC, the table having a categorical column */
    public boolean smoteNc() {
        return "smote-nc".equals(settings.path(SMOTE_SETTING).asText());
    }

    /** @return each family's issue targets, in order; empty without the GAN arms */
    public List<TableTargets> targets() {
        List<FamilyVerdict> verdicts = verdicts();
        List<TableTargets> out = new java.util.ArrayList<>();
        for (int f = 0; f < families.size(); f++) {
            TableTargets t = TableTargets.of(families.get(f), verdicts.get(f));
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** @return the JSON form */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.set("caveats", JSON.valueToTree(caveats));
        root.set("notes", JSON.valueToTree(notes));
        root.set("settings", settings);
        root.set("provenance", provenance);
        root.set("classNames", JSON.valueToTree(classNames));
        ArrayNode fams = root.putArray("families");
        List<FamilyVerdict> verdicts = verdicts();
        for (int f = 0; f < families.size(); f++) {
            ObjectNode family = fams.addObject();
            family.put("trainer", families.get(f).trainer());
            family.set("verdict", JSON.valueToTree(verdicts.get(f)));
            family.set("arms", JSON.valueToTree(families.get(f).arms()));
        }
        root.set("targets", JSON.valueToTree(targets()));
        root.set("diagnostics", JSON.valueToTree(diagnostics));
        if (!filter.isEmpty()) {
            root.set("filter", JSON.valueToTree(filter));
        }
        root.put("seconds", seconds);
        return root;
    }

    /**
     * Writes {@code report.json} and {@code report.txt} (the console summary) into a folder.
     *
     * @param dir an existing folder
     * @throws IOException when a file cannot be written
     */
    public void write(Path dir) throws IOException {
        JSON.writeValue(dir.resolve("report.json").toFile(), FiniteJson.nullsForNonFinite(toJson()));
        Files.writeString(dir.resolve("report.txt"), console(), StandardCharsets.UTF_8);
    }

    /**
     * @return the console summary: a table per family, the verdicts, the targets, one line per seed of the
     *     generation-time filter (when there was one) and the diagnostics
     */
    public String console() {
        StringBuilder s = new StringBuilder();
        caveats.forEach(c -> s.append("CAVEAT: ").append(c).append('\n'));
        notes.forEach(n -> s.append("note: ").append(n).append('\n'));
        List<FamilyVerdict> verdicts = verdicts();
        for (int f = 0; f < families.size(); f++) {
            FamilyArms family = families.get(f);
            FamilyVerdict verdict = verdicts.get(f);
            int n = family.arms().get(0).runs().size();
            // each column as wide as its longest cell: "real + half SMOTE-NC, half GAN" ran into the figures (5 Dec),
            // and a gain printed with more places (+0.00003) shifted the next column (a check, 6 Dec)
            List<String[]> cells = new java.util.ArrayList<>();
            cells.add(new String[] {family.trainer() + " (" + (n == 1 ? "1 seed, no interval)" : n
                    + " seeds, 95% CI)"), "macro-F1", "gain vs real only", "vs best cheap baseline"});
            for (ArmSummary a : family.arms()) {
                PairedDifference vs = verdict.comparison(a.arm()).vsBaseline();
                cells.add(new String[] {SmoteNaming.title(a.arm(), smoteNc()), interval(a.macroF1()),
                        gain(a.macroF1Gain()), vs == null ? "(best cheap baseline)" : gain(vs)});
            }
            s.append(aligned(cells, 28, 24, 27));
        }
        verdicts.forEach(v -> s.append("FAMILY ").append(v.text()).append('\n'));
        for (TableTargets t : targets()) {
            boolean atMajority = caveats.stream().anyMatch(c -> c.startsWith(
                    MajorityLevel.prefix(t.trainer()) + " "));
            s.append("TARGET ").append(SmoteNaming.renamed(t.text(), smoteNc()))
                    .append(atMajority ? " (but real only is at the majority-class "
                    + "level, see the CAVEAT: the ratio says nothing)" : "").append('\n');
        }
        filter.forEach(f -> s.append("FILTER ").append(f.text(classNames)).append('\n'));
        diagnostics.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            s.append("DIAGNOSTICS ").append(e.getKey()).append(" (first seed): ")
                    .append(figures(e.getValue().overall()));
            s.append(classCoverages(e.getValue().classes())).append('\n');
        });
        return s.toString();
    }

    /**
     * @param rows the cells of each row, the header first
     * @param least the least width of every column but the last
     * @return the rows as lines, every column but the last as wide as its widest cell (at least its least width),
     *     so that each column starts at one place
     */
    static String aligned(List<String[]> rows, int... least) {
        StringBuilder row = new StringBuilder();
        for (int c = 0; c < least.length; c++) {
            int column = c;
            row.append("%-").append(Math.max(least[c], rows.stream().mapToInt(r -> r[column].length()).max()
                    .orElse(0))).append("s ");
        }
        row.append("%s%n");
        StringBuilder out = new StringBuilder();
        rows.forEach(r -> out.append(String.format(Locale.ROOT, row.toString(), (Object[]) r)));
        return out.toString();
    }

    /**
     * @param f one scope's figures
     * @return them in one line: mean KS, mean TV, correlation difference, DCR ratio, coverage
     */
    static String figures(TableDiagnosticFigures f) {
        return String.format(Locale.ROOT, "mean KS %s, mean TV %s, correlation difference %s, DCR 5th-pct ratio %s, "
                        + "coverage %s", number(f.meanKs()), number(f.meanTotalVariation()),
                number(f.correlationDifference()),
                dcrRatio(f.dcr()), number(f.coverage()));
    }

    /** The ratio, or why there is none: held-out rows that repeat training rows make its denominator 0. */
    static String dcrRatio(DistanceToClosestRecord dcr) {
        if (dcr == null) {
            return "-";
        }
        if (dcr.ratio() == null) {
            return "undefined (at least 5% of the held-out rows repeat training rows; synthetic 5th pct "
                    + String.format(Locale.ROOT, "%.3f", dcr.synthetic5th()) + ")";
        }
        return String.format(Locale.ROOT, "%.3f", dcr.ratio());
    }

    /** The most classes whose coverage a {@code DIAGNOSTICS} console line names; report.json has every class. */
    static final int LISTED_CLASSES = 10;

    /**
     * @param classes the diagnostics per class, in class order
     * @return "; name: coverage 0.812" for each class, in class order; for more than {@value #LISTED_CLASSES}
     *     classes, those of the lowest coverage (a class without a figure last), then how many more report.json has.
     *     A table of 19 classes printed 19 coverages on one line (a re-check, 7 Dec).
     */
    static String classCoverages(List<TableDiagnosticFigures> classes) {
        List<TableDiagnosticFigures> named = classes.size() <= LISTED_CLASSES ? classes : classes.stream()
                .sorted(java.util.Comparator.comparing(TableDiagnosticFigures::coverage,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .limit(LISTED_CLASSES).toList();
        StringBuilder s = new StringBuilder();
        if (named.size() < classes.size()) {
            s.append("; the ").append(LISTED_CLASSES).append(" classes of lowest coverage");
        }
        for (TableDiagnosticFigures c : named) {
            s.append("; ").append(c.scope()).append(": coverage ").append(number(c.coverage()));
        }
        if (named.size() < classes.size()) {
            s.append("; ").append(classes.size() - named.size()).append(" more classes in report.json");
        }
        return s.toString();
    }

    private static String number(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
