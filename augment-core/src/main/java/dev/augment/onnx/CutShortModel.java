package dev.augment.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;

import java.io.IOException;

/**
 * Tells an ONNX file that was cut short (an interrupted copy or download) from one broken otherwise, so that the
 * error says to copy it again: a truncated {@code .onnx} was only "not a valid ONNX model (protobuf parsing
 * failed); re-export it" (a fresh user, 5 Dec). An ONNX file is one protobuf {@code ModelProto}; its top-level fields
 * are walked with protobuf-java's {@link CodedInputStream} (the library that reads it elsewhere here), and the file is
 * cut short when a field's declared length runs past the end of the bytes. A cut that falls exactly between two
 * top-level fields is not seen here; such a file then lacks its graph or operator sets ({@link #missingParts}) or
 * some of augment's metadata entries, and those errors say it is most likely cut short.
 */
public final class CutShortModel {

    private CutShortModel() {
    }

    /**
     * @param bytes the whole file
     * @return whether its last top-level protobuf field runs past the end of the bytes; false for a file whose fields
     *     all end inside it, or that is not a protobuf at all
     */
    public static boolean isCutShort(byte[] bytes) {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        try {
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (!in.skipField(tag)) {
                    return false; // an end-group tag at the top level: not a ModelProto
                }
            }
            return false;
        } catch (InvalidProtocolBufferException e) {
            return isTruncation(e);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @param bytes the whole file, a protobuf whose fields all end inside it
     * @return the parts of a ModelProto it lacks, of its graph (field 7) and its operator sets (field 8), e.g.
     *     "graph and operator sets": a copy cut between two top-level fields parses, and ONNX Runtime said only "No
     *     graph was found in the protobuf" (a fresh user, 6 Dec); empty when it has both or is no protobuf
     */
    public static String missingParts(byte[] bytes) {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        boolean graph = false;
        boolean opsets = false;
        try {
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                graph |= tag >>> 3 == 7;
                opsets |= tag >>> 3 == 8;
                if (!in.skipField(tag)) {
                    return "";
                }
            }
        } catch (IOException e) {
            return "";
        }
        return graph && opsets ? "" : !graph && !opsets ? "graph and operator sets" : !graph ? "graph"
                : "operator sets";
    }

    /**
     * @param e protobuf-java's parse error
     * @return whether it is its "input ended unexpectedly in the middle of a field" error
     */
    static boolean isTruncation(InvalidProtocolBufferException e) {
        return e.getMessage() != null && e.getMessage().contains("input ended unexpectedly");
    }

    /**
     * @param model the file, as the error names it
     * @param size its size in bytes
     * @return the one-line error for a file {@link #isCutShort} judges cut short
     */
    public static String message(Object model, long size) {
        return model + ": the ONNX file is cut short (" + size + (size == 1 ? " byte" : " bytes")
                + "; its last part is missing, as after an "
                + "interrupted copy or download); copy it again from its source, or re-export it";
    }
}
