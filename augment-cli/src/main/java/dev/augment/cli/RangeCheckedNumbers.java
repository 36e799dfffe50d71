package dev.augment.cli;

import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Picocli converters for {@code float} and {@code double} options that refuse a number the type cannot hold,
 * instead of passing on what Java's parser rounds it to: {@code --lr-g 1e308} became Infinity ("must be a
 * positive number, was Infinity") and {@code --lr-g 1e-50} became 0.0. Text that names infinity or NaN is passed
 * on as before, for the option's own check to refuse by name. Whole-number ({@code int} and {@code long}) options
 * take a whole number written with a fraction of zeros or an exponent ({@code 5000.0}, {@code 1e4}), and refuse
 * {@code 1.5} as "not a whole number" (picocli's own converter said "is not a long", and refused {@code 1e4}: a fresh
 * user, 5 Dec).
 */
public final class RangeCheckedNumbers {

    private RangeCheckedNumbers() {
    }

    /**
     * Registers the converters with a command line and the subcommands it already has (a subcommand added later,
     * as augment-spark's spark-generate, registers them itself).
     *
     * @param cli the root command line
     */
    public static void register(CommandLine cli) {
        ITypeConverter<Float> floats = RangeCheckedNumbers::toFloat;
        ITypeConverter<Double> doubles = RangeCheckedNumbers::toDouble;
        cli.registerConverter(Float.class, floats);
        cli.registerConverter(Float.TYPE, floats);
        cli.registerConverter(Double.class, doubles);
        cli.registerConverter(Double.TYPE, doubles);
        ITypeConverter<Integer> ints = text -> (int) toWhole(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
        ITypeConverter<Long> longs = text -> toWhole(text, Long.MIN_VALUE, Long.MAX_VALUE);
        cli.registerConverter(Integer.class, ints);
        cli.registerConverter(Integer.TYPE, ints);
        cli.registerConverter(Long.class, longs);
        cli.registerConverter(Long.TYPE, longs);
    }

    /**
     * @param text an option's value: decimal digits with an optional sign, fraction and exponent
     * @return its value, when it is a whole number from {@code min} to {@code max}
     * @throws TypeConversionException naming the text, for text that is not a number, a number with a fraction, or one
     *     out of range
     */
    static long toWhole(String text, long min, long max) {
        if (text.chars().anyMatch(ch -> Character.isDigit(ch) && (ch < '0' || ch > '9'))) {
            // BigDecimal reads any script's digits: --n ٥ wrote 5 samples, where "write digits only" was the rule
            // (a fresh user, 7 Dec)
            throw new TypeConversionException("'" + text + "' is not a whole number (write the digits 0-9 only, as "
                    + "5000)");
        }
        java.math.BigDecimal value;
        try {
            value = new java.math.BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            // an exponent beyond an int (1e2147483648) is a number BigDecimal cannot hold: too large, or a fraction
            java.util.regex.Matcher exponent = java.util.regex.Pattern.compile(
                    "[+-]?(\\d+\\.?\\d*|\\.\\d+)[eE]([+-]?)\\d+").matcher(text.strip());
            if (exponent.matches() && !exponent.group(1).matches("[0.]*")) {
                throw new TypeConversionException("'" + text + "' is " + (exponent.group(2).equals("-")
                        ? "not a whole number" : outOfRange(text.strip().startsWith("-"), min, max)));
            }
            throw new TypeConversionException("'" + text + "' is not a whole number (write digits only, as 5000)");
        }
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            throw new TypeConversionException("'" + text + "' is not a whole number");
        }
        // 1e999999999 would be a billion digits before it could be compared
        // in long: 1e2147483647 overflowed an int's difference and reached BigInteger's own limit
        java.math.BigInteger whole = (long) value.precision() - value.scale() > 20 ? java.math.BigInteger.TEN.pow(20)
                .multiply(java.math.BigInteger.valueOf(value.signum())) : value.toBigInteger();
        if (whole.compareTo(java.math.BigInteger.valueOf(max)) > 0
                || whole.compareTo(java.math.BigInteger.valueOf(min)) < 0) {
            throw new TypeConversionException("'" + text + "' is " + outOfRange(whole.signum() < 0, min, max));
        }
        return whole.longValueExact();
    }

    /**
     * @return "too large (at most MAX)" or "too small (at least MIN)": the whole range named the type's negative bound
     *     for a count, as if -9223372036854775808 were a count a user could ask for (a fresh user, 5 Dec)
     */
    private static String outOfRange(boolean negative, long min, long max) {
        return negative ? "too small (at least " + min + ")" : "too large (at most " + max + ")";
    }

    static Float toFloat(String text) {
        double wide = parse(text, "float");
        float value = (float) wide;
        check(text, Float.isInfinite(value) && !namesInfinity(text), value == 0 && nonZeroDigits(text),
                "float", Float.toString(Float.MAX_VALUE), Float.toString(Float.MIN_VALUE));
        return value;
    }

    static Double toDouble(String text) {
        double value = parse(text, "double");
        check(text, Double.isInfinite(value) && !namesInfinity(text), value == 0 && nonZeroDigits(text), "double",
                Double.toString(Double.MAX_VALUE), Double.toString(Double.MIN_VALUE));
        return value;
    }

    private static double parse(String text, String type) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a " + type);
        }
    }

    private static void check(String text, boolean overflow, boolean underflow, String type, String max, String min) {
        if (overflow) {
            throw new TypeConversionException("'" + text + "' is larger than a " + type + " can hold (at most " + max
                    + " in size)");
        }
        if (underflow) {
            throw new TypeConversionException("'" + text + "' is too close to 0 for a " + type + " (at least " + min
                    + " in size; write 0 for zero)");
        }
    }

    /** @return whether a decimal number's digits before its exponent are not all 0 (hexadecimal is not judged) */
    private static boolean nonZeroDigits(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("x")) {
            return false;
        }
        int exponent = lower.indexOf('e');
        return (exponent < 0 ? lower : lower.substring(0, exponent)).matches(".*[1-9].*");
    }

    private static boolean namesInfinity(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).contains("infinity");
    }
}
