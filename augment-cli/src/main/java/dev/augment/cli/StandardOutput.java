package dev.augment.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * Standard output that remembers why a write failed. Java's {@code System.out} swallows write errors, so {@code
 * augment score > full-disk/report.json}, {@code inspect > /dev/full} or a closed stdout ended with exit 0 and an
 * empty or cut file; {@link AugmentMain} asks {@link #failure()} at the end and exits 1 naming the cause. A reader
 * that stopped reading ({@code | head -1}, a broken pipe) is no failure: the reader chose to see only the start.
 */
final class StandardOutput extends FilterOutputStream {

    private volatile IOException failure;

    private StandardOutput(OutputStream out) {
        super(out);
    }

    /** @return the checker over file descriptor 1; wrap it in a print stream of {@link #charset()} */
    static StandardOutput open() {
        return new StandardOutput(new FileOutputStream(FileDescriptor.out));
    }

    /** @return the charset the JDK gives {@code System.out} */
    static Charset charset() {
        return charset("sun.stdout.encoding");
    }

    /** @return the charset the JDK gives {@code System.err} */
    static Charset errorCharset() {
        return charset("sun.stderr.encoding");
    }

    private static Charset charset(String property) {
        String terminal = System.getProperty(property);
        try {
            return terminal != null ? Charset.forName(terminal) : Charset.defaultCharset();
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw record(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw record(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw record(e);
        }
    }

    private IOException record(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /**
     * @return one line saying why standard output could not be written, or null when it could (or when only its
     *     reader went away: a broken pipe)
     */
    String failure() {
        IOException e = failure;
        if (e == null) {
            return null;
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (reason.contains("Broken pipe")) {
            return null;
        }
        return "standard output could not be written (" + reason + "), so what it holds is incomplete; write it to a "
                + "disk with space, or to an open file or pipe";
    }
}
