package dev.augment.tribuo;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * augment's version, as Maven built this module ({@code dev/augment/version.properties}), for the provenance of the
 * examples it adds: Tribuo records {@code tribuo-version} so that a rebuild can tell the same configuration run by
 * other code, and a rebuild from an {@link AugmentedDataSourceProvenance} got other examples under an equal-looking
 * record after augment changed how it adds them (a fresh user, 5 Dec).
 */
final class AugmentVersion {

    /** The version, or "unknown" when the resource is missing or unfiltered (classes run outside a Maven build). */
    static final String VERSION = read();

    private AugmentVersion() {
    }

    private static String read() {
        try (InputStream in = AugmentVersion.class.getResourceAsStream("/dev/augment/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
