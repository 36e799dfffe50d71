package dev.augment.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.eval.diagnostics.ClassReport;
import dev.augment.eval.protocol.FamilyArms;

import java.util.List;
import java.util.Locale;

import static dev.augment.eval.report.Html.esc;

/**
 * Renders the self-contained HTML report: no scripts, no external files; the pictures are base64
 * PNG data URIs, so the file opens offline and can be mailed on its own. Reading order: leakage
 * warning and provenance caveats, the one-paragraph answer ({@link Headline}), then a section per
 * classifier family (its {@link FamilyVerdict}, gains table and chart, recall per class with the minority
 * classes marked), the generator diagnostics, real and synthetic samples side
 * by side, and the settings and provenance, whose full JSON sits in a collapsed block. Wide tables
 * scroll inside their own box and pictures shrink to the window, so the page itself never scrolls
 * sideways (checked at 1280 px by {@code ReportLayoutTest}).
 */
final class ReportHtml {

    private static final String STYLE = "*{box-sizing:border-box}"
            + "body{font-family:sans-serif;line-height:1.4;margin:0 auto;padding:1em 2em;max-width:1280px;color:#222}"
            + "h1{margin:0.3em 0}h2{margin:1.4em 0 0.4em}.warn,.caveats,.answer,p.note{overflow-wrap:anywhere}"
            + ".scroll{overflow-x:auto;max-width:100%}"
            + "table{border-collapse:collapse;margin:0.4em 0}"
            + "td,th{border:1px solid #ccc;padding:3px 7px;text-align:right;font-size:13px;vertical-align:top}"
            + "th{background:#eee;vertical-align:bottom}td.l,th.l{text-align:left}"
            + "small.ci{display:block;color:#666;font-size:11px;white-space:nowrap}"
            + ".muted,.note{color:#666}p.note{font-size:13px;margin:0.2em 0}"
            + ".verdict{background:#f3f7ee;border-left:6px solid #4a8a2b;padding:0.5em 1em;overflow-wrap:anywhere}"
            + ".answer{font-size:1.15em;background:#eef4ff;border-left:6px solid #2b5cb8;padding:0.7em 1em;margin:1em 0}"
            + ".warn{background:#fdd;border:2px solid #c00;padding:0.8em 1em;font-weight:bold}"
            + ".caveats{background:#fff5d6;border:1px solid #d9a400;padding:0.5em 1em;margin:1em 0}"
            + ".caveats ul{margin:0.3em 0;padding-left:1.2em}"
            + ".badge{display:inline-block;background:#b5460f;color:#fff;border-radius:3px;font-size:10px;"
            + "font-weight:normal;padding:0 4px;vertical-align:middle;white-space:nowrap}.badge.best{background:#2b5cb8}"
            + "th.minority,td.minority,tr.minority td{background:#fdebd3}tr.best td{background:#eef4ff}"
            + ".healthy{color:#080}.bad{color:#c00;font-weight:bold}"
            + "img.chart{max-width:100%;height:auto;display:block}"
            + ".samples{display:grid;grid-template-columns:max-content minmax(0,max-content) minmax(0,max-content);"
            + "gap:4px 16px;align-items:center}"
            + ".samples .head{font-weight:bold;font-size:13px;border-bottom:1px solid #ccc}"
            + ".samples img{max-width:100%;height:auto;display:block;image-rendering:pixelated}"
            + ".samples .name{font-size:13px}"
            + "dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 1em;font-size:13px}"
            + "dl.facts dt{font-weight:bold}dl.facts dd{margin:0;overflow-wrap:anywhere}"
            + "details pre{background:#f6f6f6;padding:1em;max-height:32em;overflow:auto;font-size:12px}";

    private ReportHtml() {
    }

    static String render(EvaluationReport report, ReportImages images) {
        Headline headline = report.headline();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>augment evaluation</title><style>").append(STYLE).append("</style></head><body>\n");
        if (!report.leakageWarning().isEmpty()) {
            h.append("<p class=\"warn\">Leaky generator forced in: ").append(esc(report.leakageWarning()))
                    .append(". The GAN arms' numbers are not a fair estimate.</p>\n");
        }
        h.append("<h1>augment evaluation</h1>\n");
        caveats(h, report);
        h.append("<div class=\"answer\"><b>Answer.</b> ").append(Html.minus(esc(headline.text()))).append("</div>\n");
        runLine(h, report);
        List<FamilyVerdict> verdicts = report.verdicts();
        for (int f = 0; f < report.families().size(); f++) {
            family(h, report, report.families().get(f), verdicts.get(f), images.gainsCharts().get(f));
        }
        h.append("<h2>Generator diagnostics per class</h2>\n");
        if (report.diagnostics().isEmpty()) {
            h.append("<p>None: no arm of this run uses a generator, so none was trained or diagnosed.</p>\n");
        } else {
            h.append("<p class=\"note\">Generator of the first seed. Embedding: ")
                    .append(esc(report.provenance().path("embedding").path("description").asText())).append(".</p>\n");
            ReportTables.diagnostics(h, report);
            h.append("<p class=\"note\">").append(esc(thresholds(report.settings().path("verdictRules"))))
                    .append("</p>\n");
        }
        samples(h, report, images);
        provenance(h, report);
        return h.append("</body></html>\n").toString();
    }

    private static void family(StringBuilder h, EvaluationReport report, FamilyArms family, FamilyVerdict verdict,
                               byte[] chart) {
        h.append("<section class=\"family\" id=\"family-").append(esc(family.trainer()))
                .append("\">\n<h2>Classifier gains on the test set: ").append(esc(family.trainer())).append("</h2>\n")
                .append("<p class=\"verdict\"><b>Verdict.</b> ").append(Html.minus(esc(verdict.text())))
                .append("</p>\n");
        ReportTables.gains(h, family, verdict);
        h.append(Html.img(chart, "gain over real only per arm and metric under " + family.trainer(), "chart"))
                .append('\n');
        h.append("<h3>Recall per class under ").append(esc(family.trainer())).append(" (mean over seeds)</h3>\n");
        ReportTables.recall(h, report, family);
        h.append("</section>\n");
    }

    private static void caveats(StringBuilder h, EvaluationReport report) {
        if (report.caveats().isEmpty()) {
            return;
        }
        h.append("<div class=\"caveats\"><b>Read with care.</b><ul>");
        report.caveats().forEach(c -> h.append("<li>").append(esc(c)).append("</li>"));
        h.append("</ul></div>\n");
    }

    private static void runLine(StringBuilder h, EvaluationReport report) {
        ObjectNode s = report.settings();
        h.append("<p class=\"note\">Scenario ").append(esc(s.path("scenario").asText()));
        if (!report.minorityClasses().isEmpty()) {
            h.append("; minority classes: ");
            for (int i = 0; i < report.minorityClasses().size(); i++) {
                int c = report.minorityClasses().get(i);
                h.append(i == 0 ? "" : ", ").append(Html.className(report.classNames().get(c), true));
            }
        }
        h.append(report.families().size() == 1 ? "; trainer " : "; trainers (classifier families, sharing each "
                + "seed's split and GAN) ").append(esc(String.join(", ", report.families().stream()
                .map(FamilyArms::trainer).toList()))).append("; ")
                .append(report.arms().get(0).runs().size()).append(" seed(s) ").append(esc(s.path("seeds").toString()))
                .append("; generator: ");
        if (s.path("model").isTextual()) {
            h.append("the file ").append(esc(s.path("model").asText()));
        } else if (!s.has("ganEpochs")) {
            h.append("none (no arm uses one)");
        } else {
            h.append("a GAN trained per seed on that seed's split (").append(s.path("ganArchitecture").asText())
                    .append(", ").append(s.path("ganEpochs").asInt()).append(" epoch(s), batch ")
                    .append(s.path("ganBatchSize").asInt());
            if (!s.path("ganDiffAugment").asText("").isEmpty()) {
                h.append(", DiffAugment ").append(esc(s.path("ganDiffAugment").asText()));
            }
            if (s.path("ganLecamWeight").asDouble(0) > 0) {
                h.append(", LeCam ").append(s.path("ganLecamWeight").asDouble());
            }
            if (s.path("ganModeSeekingWeight").asDouble(0) > 0) {
                h.append(", mode seeking ").append(s.path("ganModeSeekingWeight").asDouble());
            }
            h.append(')');
        }
        h.append(String.format(Locale.ROOT, "; %.0f s.</p>\n", report.seconds()));
    }

    private static String thresholds(JsonNode r) {
        return "Verdicts, first that applies: label drift if label consistency < " + r.path("minLabelConsistency")
                + " (judged where real hold-out examples reach it); mode collapse if coverage < " + r.path("minCoverage")
                + ", recall < " + r.path("minRecall")
                + ", diversity ratio < " + r.path("minDiversityRatio") + " or NDB/K > " + r.path("maxNdbOverK")
                + "; memorisation if near duplicates > " + r.path("maxNearDuplicateShare") + " or closer to training > "
                + r.path("maxShareCloserToTraining") + "; noisy samples if the noise ratio (Immerkær's pixel noise "
                + "estimate, synthetic over real hold-out) > " + r.path("maxNoiseRatio")
                + "; else healthy. (real hold-out) is the label consistency of "
                + "real test images: the ceiling for a perfect generator.";
    }

    private static void samples(StringBuilder h, EvaluationReport report, ReportImages images) {
        if (images.classGrids().isEmpty()) {
            return;
        }
        h.append("<h2>Samples: real | synthetic</h2>\n<div class=\"samples\"><div class=\"head\">class</div>")
                .append("<div class=\"head\">real (training split of the first seed)</div>")
                .append("<div class=\"head\">synthetic (generator of the first seed)</div>\n");
        for (ClassReport c : report.diagnostics()) {
            if (c.classIndex() >= images.classGrids().size()) {
                continue;
            }
            SampleGrid grid = images.classGrids().get(c.classIndex());
            h.append("<div class=\"name\">").append(Html.className(c.className(), report.isMinority(c.classIndex())))
                    .append("</div><div>").append(Html.img(grid.real(), "real " + c.className(), "grid"))
                    .append("</div><div>").append(Html.img(grid.synthetic(), "synthetic " + c.className(), "grid"))
                    .append("</div>\n");
        }
        h.append("</div>\n");
    }

    private static void provenance(StringBuilder h, EvaluationReport report) {
        JsonNode p = report.provenance();
        h.append("<h2>Settings and provenance</h2>\n<dl class=\"facts\">");
        fact(h, "training data", data(p.path("trainData")));
        fact(h, "test data", data(p.path("testData")));
        if (p.path("trainers").isArray()) {
            for (JsonNode t : p.path("trainers")) {
                fact(h, "classifier " + t.path("name").asText(), t.path("description").asText());
            }
        } else {
            fact(h, "classifier", p.path("trainer").path("description").asText());
        }
        for (JsonNode g : p.path("generators")) {
            JsonNode trained = g.path("provenance").path("trainingData");
            fact(h, g.has("seed") ? "generator of seed " + g.path("seed").asText() : "generator",
                    g.path("file").asText() + " (SHA-256 " + shortHash(g.path("sha256").asText()) + "), trained on "
                            + trained.path("count").asText("?") + " examples of " + trained.path("source").asText("?"));
        }
        fact(h, "embedding", p.path("embedding").path("description").asText());
        fact(h, "versions", p.path("versions").toString());
        h.append("</dl>\n<details><summary>Every setting and the full provenance (JSON, as in ")
                .append("<a href=\"report.json\">report.json</a>)</summary><pre>")
                .append(esc(report.settings().toPrettyString())).append("\n")
                .append(esc(report.provenance().toPrettyString())).append("</pre></details>\n");
    }

    private static String data(JsonNode d) {
        return d.path("source").asText() + ": " + d.path("count").asText() + " examples, SHA-256 "
                + shortHash(d.path("sha256").asText()) + ", per class " + d.path("countsPerClass");
    }

    private static void fact(StringBuilder h, String name, String value) {
        h.append("<dt>").append(esc(name)).append("</dt><dd>").append(esc(value)).append("</dd>");
    }

    private static String shortHash(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }
}
