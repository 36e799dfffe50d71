package dev.augment.eval.report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report as a browser lays it out: headless Chromium opens a written report (with a probe script
 * appended to a copy, and the collapsed JSON block opened) and the page must not be wider than the
 * window: wide tables scroll in their own box, pictures shrink, long words wrap. Skipped when no
 * Chromium is installed (Debian: {@code apt-get install chromium}; CI installs it in {@code .ci/run}).
 */
class ReportLayoutTest {

    private static final String PROBE = "<script>window.addEventListener('load',function(){"
            + "document.querySelectorAll('details').forEach(function(d){d.open=true;});"
            + "var e=document.documentElement;document.body.setAttribute('data-layout','scrollWidth='+e.scrollWidth"
            + "+' clientWidth='+e.clientWidth);});</script>";
    private static final Pattern LAYOUT = Pattern.compile("data-layout=\"scrollWidth=(\\d+) clientWidth=(\\d+)\"");

    @TempDir
    static Path dir;

    private static Path fashionMnist;
    private static Path manyClasses;
    private static Path twoFamilies;

    @BeforeAll
    static void writeReports() throws IOException {
        fashionMnist = probe(HandBuiltReports.report(HandBuiltReports.twoSeedArms()), HandBuiltReports.CLASSES,
                "fashion-mnist");
        manyClasses = probe(HandBuiltReports.reportOf(HandBuiltReports.MANY_CLASSES), HandBuiltReports.MANY_CLASSES,
                "many-classes");
        EvaluationReport two = HandBuiltReports.twoFamilies();
        twoFamilies = probe(two, HandBuiltReports.images(two), "two-families");
    }

    private static Path probe(EvaluationReport report, List<String> classes, String name) throws IOException {
        return probe(report, HandBuiltReports.images(report.arms(), classes), name);
    }

    private static Path probe(EvaluationReport report, ReportImages images, String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        ReportWriter.write(report, images, folder);
        String html = Files.readString(folder.resolve("report.html"));
        return Files.writeString(folder.resolve("probe.html"), html.replace("</body>", PROBE + "</body>"));
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 1920})
    void fashionMnistReportIsNoWiderThanTheWindow(int width) throws Exception {
        assertNoSidewaysScrolling(fashionMnist, width);
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 1920})
    void tablesOfThirtyClassesScrollInTheirOwnBox(int width) throws Exception {
        assertNoSidewaysScrolling(manyClasses, width);
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 1920})
    void aReportOfTwoClassifierFamiliesIsNoWiderThanTheWindow(int width) throws Exception {
        assertNoSidewaysScrolling(twoFamilies, width);
    }

    private static void assertNoSidewaysScrolling(Path page, int width) throws Exception {
        Path chromium = chromium().orElse(null);
        Assumptions.assumeTrue(chromium != null, "no chromium binary on PATH (install the Debian package "
                + "'chromium'; CHROMIUM=/path overrides): browser layout not checked");
        Path profile = Files.createTempDirectory(dir, "profile-");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=" + width + ",2000", "--dump-dom",
                page.toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(profile.resolve("dom.html").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 60 s");
        }
        String dom = Files.readString(profile.resolve("dom.html"), StandardCharsets.UTF_8);
        Matcher m = LAYOUT.matcher(dom);
        assertTrue(m.find(), "the probe did not run; chromium printed " + dom.length() + " characters");
        int scrollWidth = Integer.parseInt(m.group(1));
        int clientWidth = Integer.parseInt(m.group(2));
        assertTrue(clientWidth > width * 0.9, "window of " + width + " px, client width " + clientWidth);
        assertTrue(scrollWidth <= clientWidth, "the page scrolls sideways at " + width + " px: content "
                + scrollWidth + " px wide in a " + clientWidth + " px window");
    }

    private static Optional<Path> chromium() {
        String override = System.getenv("CHROMIUM");
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override)).filter(Files::isExecutable);
        }
        List<String> names = List.of("chromium", "chromium-browser", "google-chrome");
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(s -> !s.isEmpty())
                .flatMap(d -> names.stream().map(n -> Path.of(d, n))).filter(Files::isExecutable).findFirst();
    }
}
