package dev.augment.eval.table;

import dev.augment.eval.protocol.Arm;
import dev.augment.eval.report.FamilyVerdict;

import java.util.regex.Pattern;

/**
 * Names the SMOTE arms as what they run on a table: SMOTE-NC (Chawla et al. 2002, section 6.1) when the table has a
 * categorical column. The shared arm titles say "real + SMOTE"; a table evaluation of credit-g printed that for
 * every SMOTE-NC arm, and only its diagnostics line said smote-nc (5 Dec).
 */
final class SmoteNaming {

    private static final Pattern SMOTE = Pattern.compile("SMOTE(?!-NC)");

    private SmoteNaming() {
    }

    /**
     * @param arm an arm
     * @param nc whether SMOTE runs as SMOTE-NC
     * @return the arm's title, with SMOTE-NC for SMOTE when {@code nc}
     */
    static String title(Arm arm, boolean nc) {
        return renamed(arm.title(), nc);
    }

    /**
     * @param text a report's text, naming the SMOTE arms as "SMOTE"
     * @param nc whether SMOTE runs as SMOTE-NC
     * @return the text with each "SMOTE" not already "SMOTE-NC" named "SMOTE-NC" when {@code nc}, else unchanged
     */
    static String renamed(String text, boolean nc) {
        return nc ? SMOTE.matcher(text).replaceAll("SMOTE-NC") : text;
    }

    /**
     * @param verdict a family's verdict
     * @param nc whether SMOTE runs as SMOTE-NC
     * @return the verdict with its text {@linkplain #renamed renamed}
     */
    static FamilyVerdict renamed(FamilyVerdict verdict, boolean nc) {
        if (!nc) {
            return verdict;
        }
        return new FamilyVerdict(verdict.trainer(), verdict.seeds(), verdict.bestPolicy(), verdict.bestMacroF1(),
                verdict.bestCheapBaseline(), verdict.baselineMacroF1(), verdict.vsBaseline(), verdict.bestGain(),
                verdict.ganOnTopOfSmote(), verdict.ganForHalfOfSmote(), verdict.ganOnTopOfRos(),
                verdict.ganForHalfOfRos(), renamed(verdict.text(), true));
    }
}
