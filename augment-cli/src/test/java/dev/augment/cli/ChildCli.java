package dev.augment.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The real CLI in a child JVM ({@code java -cp <test classpath> dev.augment.cli.AugmentMain ...}), for
 * what only a real process shows: signals, exit codes set by the JVM, and files left in its temporary
 * folder. Output goes to files in {@code dir}, read back after the process ends.
 */
final class ChildCli {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildCli(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * @param dir where stdout and stderr are kept
     * @param jvmOptions e.g. {@code -Djava.io.tmpdir=...}, {@code -Xmx128m}
     * @param args the CLI's arguments
     */
    static ChildCli start(Path dir, List<String> jvmOptions, String... args) throws IOException {
        Files.createDirectories(dir);
        return startWithOutput(dir, Files.createTempFile(dir, "stdout", ".txt").toFile(), jvmOptions, args);
    }

    /**
     * @param dir where stderr is kept
     * @param stdout where standard output goes (a file, or a device such as /dev/full)
     * @param jvmOptions e.g. {@code -Xmx128m}
     * @param args the CLI's arguments
     */
    static ChildCli startWithOutput(Path dir, java.io.File stdout, List<String> jvmOptions, String... args)
            throws IOException {
        return startWithEnvironment(dir, stdout, java.util.Map.of(), jvmOptions, args);
    }

    /**
     * @param dir where stderr is kept
     * @param stdout where standard output goes
     * @param environment variables added to this process's environment, e.g. {@code _JAVA_OPTIONS}
     * @param jvmOptions e.g. {@code -Xmx128m}
     * @param args the CLI's arguments
     */
    static ChildCli startWithEnvironment(Path dir, java.io.File stdout, java.util.Map<String, String> environment,
                                         List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(AugmentMain.class.getName());
        command.addAll(List.of(args));
        Files.createDirectories(dir);
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new ChildCli(process, stdout.toPath(), err);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends a signal by name (INT, TERM, KILL) with the system's kill command. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -s " + name + " " + process.pid() + " failed");
        }
    }

    /** @return the exit code, or throws when the process outlives the timeout (it is then killed) */
    int waitFor(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the child did not exit within " + timeout + "; stderr: " + err());
        }
        return process.exitValue();
    }

    String out() throws IOException {
        return Files.readString(stdout);
    }

    String err() throws IOException {
        return Files.readString(stderr);
    }

    /**
     * @return true unless the shutdown hook printed its give-up line: after a signal, the command stopped
     *     by itself within the hook's grace period (no wall-clock bound, so a loaded machine cannot fail it)
     */
    boolean stoppedItself() throws IOException {
        return !err().contains(SignalCancellation.GAVE_UP);
    }

    /** Polls every 5 ms until the condition holds or the child exits; false when it never held. */
    boolean awaitCondition(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(5);
        }
        return condition.getAsBoolean();
    }
}
