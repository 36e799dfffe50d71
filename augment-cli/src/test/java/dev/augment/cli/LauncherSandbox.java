package dev.augment.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A copy of the {@code ./augment} launcher in a temporary home with empty build files, and stand-ins for Maven and
 * Java on a {@code bin} folder, for tests of the launcher's own shell logic.
 */
final class LauncherSandbox {

    /** The shell line with which the Maven stand-in writes a whole (empty) zip as the jar. */
    private static final String WRITE_JAR = "printf 'PK\\005\\006\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0' "
            + "> augment-cli/target/augment-cli.jar\n";

    /** The script both launchers source for the locale and malloc settings. */
    static final String ENVIRONMENT = "launcher-environment.sh";

    private LauncherSandbox() {
    }

    /**
     * @param home an empty folder
     * @return the launcher copied into it, with the environment script it sources, beside empty poms, a source folder
     *     and the libraries' folder
     */
    static Path launcher(Path home) throws IOException {
        Path launcher = Files.copy(Path.of("..", "augment"), home.resolve("augment"));
        Files.copy(Path.of("..", ENVIRONMENT), home.resolve(ENVIRONMENT));
        Files.copy(Path.of("..", "launcher-java.sh"), home.resolve("launcher-java.sh"));
        Files.createDirectories(home.resolve("augment-cli/src/main"));
        Files.writeString(home.resolve("pom.xml"), "");
        Files.writeString(home.resolve("augment-cli/pom.xml"), "");
        Files.createDirectories(home.resolve("augment-cli/target/lib")); // else the launcher rebuilds
        return launcher;
    }

    /**
     * @param home the sandbox's home
     * @param build shell lines the Maven stand-in runs before it writes the jar
     * @param java the Java stand-in's shell lines
     * @return the {@code bin} folder holding both
     */
    static Path standIns(Path home, String build, String java) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path mvn = Files.writeString(bin.resolve("mvn"), "#!/bin/sh\n" + build + WRITE_JAR);
        Path javaFile = Files.writeString(bin.resolve("java"), "#!/bin/sh\n" + java);
        if (!mvn.toFile().setExecutable(true) || !javaFile.toFile().setExecutable(true)) {
            throw new IOException("cannot make the stand-ins executable in " + bin);
        }
        return bin;
    }

    /** @return the launcher started with {@code args}, the stand-ins first on its PATH, errors merged into output */
    static Process start(Path launcher, Path bin, String... args) throws IOException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("bash", launcher.toString()));
        command.addAll(java.util.List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PATH", bin + ":" + builder.environment().get("PATH"));
        return builder.redirectErrorStream(true).start();
    }
}
