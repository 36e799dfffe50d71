package dev.augment.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ONNX operators (opset 13) that a generator needs and Tribuo's {@code ONNXOperators} lacks. Used
 * with Tribuo's {@code ONNXContext} exactly like Tribuo's own operators.
 */
public enum AugmentOnnxOperators implements ONNXOperator {
    /** Rectified linear unit. */
    RELU("Relu", 1, 0, List.of()),
    /** Hyperbolic tangent. */
    TANH("Tanh", 1, 0, List.of()),
    /** Element-wise absolute value. */
    ABS("Abs", 1, 0, List.of()),
    /** Element-wise minimum of two tensors, broadcast (ONNX's {@code Min} is variadic; augment uses two inputs). */
    MIN("Min", 2, 0, List.of()),
    /** Element-wise maximum of two tensors, broadcast (ONNX's {@code Max} is variadic; augment uses two inputs). */
    MAX("Max", 2, 0, List.of()),
    /** Leaky rectified linear unit, attribute {@code alpha}. */
    LEAKY_RELU("LeakyRelu", 1, 0, List.of(new ONNXAttribute("alpha", AttributeType.FLOAT, false))),
    /** Reshape to the int64 shape given as the second input. */
    RESHAPE("Reshape", 2, 0, List.of()),
    /** Flatten to two dimensions at {@code axis}. */
    FLATTEN("Flatten", 1, 0, List.of(new ONNXAttribute("axis", AttributeType.INT, false))),
    /** 2-D convolution: input, weight, optional bias. */
    CONV("Conv", 2, 1, List.of(
            new ONNXAttribute("kernel_shape", AttributeType.INTS, false),
            new ONNXAttribute("pads", AttributeType.INTS, false),
            new ONNXAttribute("strides", AttributeType.INTS, false))),
    /** Batch normalisation in inference mode: input, scale, bias, mean, variance. */
    BATCH_NORMALIZATION("BatchNormalization", 5, 0, List.of(
            new ONNXAttribute("epsilon", AttributeType.FLOAT, false),
            new ONNXAttribute("momentum", AttributeType.FLOAT, false))),
    /** Clamp to [min, max], given as optional scalar inputs. */
    CLIP("Clip", 1, 2, List.of()),
    /** Round half to even, elementwise. */
    ROUND("Round", 1, 0, List.of()),
    /** Depth to space (pixel shuffle); mode "CRD" matches PyTorch's pixel shuffle. */
    DEPTH_TO_SPACE("DepthToSpace", 1, 0, List.of(
            new ONNXAttribute("blocksize", AttributeType.INT, true),
            new ONNXAttribute("mode", AttributeType.STRING, false)));

    /** The opset version every operator here is written for. */
    public static final int OPSET_VERSION = 13;

    private final String opName;
    private final int numInputs;
    private final int numOptionalInputs;
    private final Map<String, ONNXAttribute> attributes;
    private final Set<String> mandatoryAttributeNames;

    AugmentOnnxOperators(String opName, int numInputs, int numOptionalInputs, List<ONNXAttribute> attributes) {
        this.opName = opName;
        this.numInputs = numInputs;
        this.numOptionalInputs = numOptionalInputs;
        Map<String, ONNXAttribute> byName = new HashMap<>();
        Set<String> mandatory = new HashSet<>();
        for (ONNXAttribute attribute : attributes) {
            byName.put(attribute.getName(), attribute);
            if (attribute.isMandatory()) {
                mandatory.add(attribute.getName());
            }
        }
        this.attributes = Collections.unmodifiableMap(byName);
        this.mandatoryAttributeNames = Collections.unmodifiableSet(mandatory);
    }

    @Override
    public String getOpName() {
        return opName;
    }

    @Override
    public int getNumInputs() {
        return numInputs;
    }

    @Override
    public int getNumOptionalInputs() {
        return numOptionalInputs;
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public Map<String, ONNXAttribute> getAttributes() {
        return attributes;
    }

    @Override
    public Set<String> getMandatoryAttributeNames() {
        return mandatoryAttributeNames;
    }

    @Override
    public int getOpVersion() {
        return OPSET_VERSION;
    }

    @Override
    public String getOpDomain() {
        return null;
    }

    @Override
    public String toString() {
        return opName + Arrays.toString(new int[] {numInputs, numOptionalInputs});
    }
}
