package dev.augment.eval.report;

import dev.augment.eval.stats.MeanInterval;
import dev.augment.eval.stats.PairedDifference;

import java.util.Base64;
import java.util.Locale;

/** Small HTML helpers of the report: escaping, data-URI images and the cells of means and intervals. */
final class Html {

    private Html() {
    }

    /**
     * @param s text
     * @return the text with {@code & < > "} escaped
     */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * @param png PNG bytes
     * @param alt the alternative text
     * @param cssClass the image's class
     * @return an {@code <img>} whose source is the PNG as a base64 data URI
     */
    static String img(byte[] png, String alt, String cssClass) {
        return "<img class=\"" + cssClass + "\" alt=\"" + esc(alt) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\">";
    }

    /**
     * @param m a mean with its interval
     * @return the mean, and the interval below it in small type (none for one seed)
     */
    static String mean(MeanInterval m) {
        String value = String.format(Locale.ROOT, "%.4f", m.mean());
        return m.hasInterval() ? value + "<small class=\"ci\">" + minus(String.format(Locale.ROOT, "[%.4f, %.4f]",
                m.lower(), m.upper())) + "</small>" : value;
    }

    /**
     * @param d a paired difference, or null for the reference arm
     * @return the signed difference with its interval below it, bold when the interval excludes 0
     */
    static String gain(PairedDifference d) {
        if (d == null) {
            return "<span class=\"muted\">reference</span>";
        }
        String value = minus(unsignedZero(String.format(Locale.ROOT, "%+.4f", d.mean())));
        if (d.significant()) {
            value = "<b>" + value + "</b>";
        }
        return d.difference().hasInterval() ? value + "<small class=\"ci\">" + minus(unsignedZero(
                d.intervalText(4))) + "</small>" : value;
    }

    /** @return the text with "-0.0000" (a difference that rounds to zero) written "+0.0000", as the console does */
    private static String unsignedZero(String text) {
        return text.replace("-0.0000", "+0.0000");
    }

    /**
     * @param ascii text with ASCII hyphen-minus signs
     * @return the text with each sign before a digit written as a true minus (U+2212)
     */
    static String minus(String ascii) {
        return ascii.replaceAll("(?<![\\w-])-(?=\\d)", "\u2212");
    }

    /**
     * @param name a class name
     * @param minority whether the scenario made it rare
     * @return the escaped name, followed by a "minority" badge when it is
     */
    static String className(String name, boolean minority) {
        return minority ? "<b>" + esc(name) + "</b> <span class=\"badge\">minority</span>" : esc(name);
    }
}
