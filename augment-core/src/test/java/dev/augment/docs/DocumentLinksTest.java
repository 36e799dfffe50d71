package dev.augment.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every link between the README, the model cards and the measurement logs in {@code docs/} leads somewhere: a
 * relative link names a file of the checkout, and a {@code #section} link a heading of its file, by the rule GitHub
 * makes heading anchors with (lower case; letters, digits, hyphens and underscores kept, each space a hyphen,
 * everything else dropped; a repeated anchor gets {@code -1}, {@code -2}, ...). Headings inside code blocks
 * are not headings.
 */
class DocumentLinksTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");

    static String anchor(String heading) {
        StringBuilder out = new StringBuilder();
        heading.strip().toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                out.appendCodePoint(c);
            } else if (c == ' ') {
                out.append('-');
            }
        });
        return out.toString();
    }

    static Set<String> anchors(Path markdown) throws IOException {
        Set<String> out = new HashSet<>();
        boolean code = false;
        for (String line : Files.readAllLines(markdown)) {
            if (line.startsWith("```")) {
                code = !code;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (!code && m.matches()) {
                String base = anchor(m.group(1));
                String a = base;
                for (int n = 1; out.contains(a); n++) {
                    a = base + "-" + n;
                }
                out.add(a);
            }
        }
        return out;
    }

    private static List<Path> documents() throws IOException {
        List<Path> out = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        for (String folder : new String[] {"docs", "models"}) {
            try (Stream<Path> files = Files.list(ROOT.resolve(folder))) {
                files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void anchorsFollowGitHubsRule() {
        assertEquals("issue-16s-figures-every-policy-under-three-families-fashion-mnist-2-5-seeds",
                anchor("Issue 16's figures: every policy under three families (Fashion-MNIST 2%, 5 seeds)"));
        assertEquals("table-gan-recipes-tried-30-nov--4-dec", anchor("Table GAN recipes tried (30 Nov – 4 Dec)"));
        assertEquals("spark-generate", anchor("`spark-generate`"));
    }

    @Test
    void everyLinkBetweenTheDocumentsLeadsSomewhere() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : documents()) {
            Matcher m = LINK.matcher(Files.readString(doc));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // https:, mailto: and the like are not the checkout's
                }
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(doc.getFileName() + ": " + target + " (no such file)");
                } else if (hash >= 0 && resolved.toString().endsWith(".md")
                        && !anchors(resolved).contains(target.substring(hash + 1))) {
                    broken.add(doc.getFileName() + ": " + target + " (no such heading)");
                }
            }
        }
        assertTrue(checked > 40, "the README's contents alone link more than 40 sections: " + checked);
        assertEquals(List.of(), broken);
    }
}
