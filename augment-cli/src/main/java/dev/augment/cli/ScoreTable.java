package dev.augment.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a generator's stored quality-check scores ({@code augment.scores}: a {@code summary} object and
 * one {@code perClass} row per class) as aligned text for {@code augment inspect}: a summary line, then a
 * table with one row per class and one column per score, numbers to three decimals. Columns unknown to
 * this class keep their JSON names, so newer score files still print in full.
 */
final class ScoreTable {

    /** Short headers for the scores the trainer's quality check writes. */
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("labelConsistency", "consistency"),
            Map.entry("consistencyTarget", "target"),
            Map.entry("classifierRecallOnRealTest", "clf recall"),
            Map.entry("realTrainCoverage", "real cov"),
            Map.entry("pixelCoverage", "pixel cov"),
            Map.entry("realTrainPixelCoverage", "real pixel cov"),
            Map.entry("targetsMet", "met"));

    private ScoreTable() {
    }

    /**
     * @param scores the model's {@code augment.scores} object (not empty)
     * @param bySteps whether training counted steps, checking every round of them: the scores' {@code epoch} is then
     *     the round it was checked after, and is named so
     * @return the summary line and the per-class table, each line ending in a newline
     */
    static String render(JsonNode scores, boolean bySteps) {
        StringBuilder out = new StringBuilder();
        out.append(summary(scores, bySteps)).append('\n');
        JsonNode rows = scores.path("perClass");
        if (!rows.isArray() || rows.isEmpty()) {
            return out.toString();
        }
        List<String> keys = new ArrayList<>(columns(rows));
        List<List<String>> cells = new ArrayList<>();
        List<String> header = new ArrayList<>();
        keys.forEach(k -> header.add(HEADERS.getOrDefault(k, k)));
        cells.add(header);
        for (JsonNode row : rows) {
            List<String> line = new ArrayList<>();
            keys.forEach(k -> line.add(cell(row.path(k))));
            cells.add(line);
        }
        int[] widths = new int[keys.size()];
        for (List<String> line : cells) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        for (List<String> line : cells) {
            StringBuilder text = new StringBuilder("  ");
            for (int c = 0; c < widths.length; c++) {
                String value = line.get(c);
                String pad = " ".repeat(widths[c] - value.length());
                text.append(c == 0 ? value + pad : pad + value).append(c + 1 < widths.length ? "  " : "");
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** {@code score 1.128, meanLabelConsistency 0.878, ... (epoch 40, 1000 samples per class, seed 42)}. */
    private static String summary(JsonNode scores, boolean bySteps) {
        JsonNode summary = scores.path("summary");
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = summary.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            parts.add(field.getKey() + " " + cell(field.getValue()));
        }
        List<String> context = new ArrayList<>();
        if (scores.has("epoch")) {
            context.add((bySteps ? "round " : "epoch ") + scores.path("epoch").asText());
        }
        if (scores.has("samplesPerClass")) {
            context.add(scores.path("samplesPerClass").asText() + " samples per class");
        }
        if (scores.has("seed")) {
            context.add("seed " + scores.path("seed").asText());
        }
        return (parts.isEmpty() ? "no summary" : String.join(", ", parts))
                + (context.isEmpty() ? "" : " (" + String.join(", ", context) + ")");
    }

    private static Set<String> columns(JsonNode rows) {
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode row : rows) {
            row.fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    private static String cell(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "-";
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "yes" : "no";
        }
        if (value.isFloatingPointNumber()) {
            return String.format("%.3f", value.asDouble());
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
