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
 * top-level fields is not seen (the file then fails elsewhere, as not an augment generator).
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
