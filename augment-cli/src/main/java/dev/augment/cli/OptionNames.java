package dev.augment.cli;

import dev.augment.errors.InvalidSettingException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the Java setting names in a library's {@link InvalidSettingException} into the options of
 * the command that failed ({@code batchSize} → {@code --batch-size}), so the libraries never speak in
 * flags and a command-line user never reads a Java name.
 */
final class OptionNames {

    /** Library names that differ from the command's own field names: the fields to try, in order. */
    private static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry("auxiliaryWeight", List.of("auxWeight", "ganAuxWeight")),
            Map.entry("informationWeight", List.of("infoWeight", "ganInfoWeight")),
            Map.entry("architecture", List.of("arch", "ganArch")),
            Map.entry("target", List.of("out")),
            Map.entry("diagnosticSamples", List.of("diagnosticSamples")),
            Map.entry("classes", List.of("classes")),
            Map.entry("mode", List.of("balance")),
            Map.entry("pac", List.of("pac", "ganPac")),
            Map.entry("batchSize", List.of("batchSize", "ganBatchSize")),
            Map.entry("criticSteps", List.of("criticSteps", "ganCriticSteps")),
            Map.entry("labelColumn", List.of("label")),
            Map.entry("diffAugment", List.of("diffAugment", "ganDiffAugment")),
            Map.entry("lecamWeight", List.of("lecamWeight", "ganLecamWeight")),
            Map.entry("modeSeekingWeight", List.of("modeSeekingWeight", "ganModeSeekingWeight")));

    /**
     * A camelCase identifier, a word in parentheses, or a word that starts one of a resume's differences ("…: seed 1
     * in the checkpoint, 2 now"; "architecture" was left so where every other setting was named as its option): the
     * tokens of a message that may name a setting.
     */
    private static final Pattern TOKEN = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b|(?<=\\()[a-z]+(?=\\))"
            + "|(?<=[:,] )[a-z]+(?= [^,]* in the checkpoint, )");

    private OptionNames() {
    }

    /**
     * @param e the library's error
     * @param command the command that failed
     * @return the message with the setting and every other recognised setting written as options
     */
    static String translate(InvalidSettingException e, CommandSpec command) {
        Map<String, String> options = optionsByField(command);
        // control characters escaped first: lines() would end the message at a \r quoted from the user's value
        String message = AugmentCli.oneLine(e.getMessage());
        String head = option(e.setting(), options);
        String rest = message.startsWith(e.setting()) ? message.substring(e.setting().length()) : " " + message;
        Matcher m = TOKEN.matcher(rest);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(option(m.group(), options)));
        }
        m.appendTail(out);
        return head + out;
    }

    /** @return the option of the setting's own field, else of its first alias the command has, else the setting */
    private static String option(String setting, Map<String, String> options) {
        if (options.containsKey(setting)) {
            return options.get(setting);
        }
        for (String alias : ALIASES.getOrDefault(setting, List.of())) {
            if (options.containsKey(alias)) {
                return options.get(alias);
            }
        }
        return setting;
    }

    private static Map<String, String> optionsByField(CommandSpec command) {
        Map<String, String> byField = new HashMap<>();
        for (OptionSpec option : command.options()) {
            if (option.userObject() instanceof Field field) {
                byField.put(field.getName(), option.longestName());
            }
        }
        return byField;
    }
}
