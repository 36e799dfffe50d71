package dev.augment.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads augment's version from the jar manifest ({@code Implementation-Version}). */
public final class ManifestVersionProvider implements IVersionProvider {

    /** @return augment's version, or "development" when not running from the jar */
    public static String version() {
        String version = ManifestVersionProvider.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"augment " + version()};
    }
}
