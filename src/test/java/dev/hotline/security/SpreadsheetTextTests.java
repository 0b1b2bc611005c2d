package dev.hotline.security;

import dev.hotline.shared.SpreadsheetText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #18 finding 9: a cell a spreadsheet would run as a formula is written as text in every CSV. */
class SpreadsheetTextTests {

    @Test
    void formulaCellsGetAnApostropheAndEverythingElseStaysAsItIs() {
        for (String formula : new String[]{"=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(SpreadsheetText.defuse(formula)).isEqualTo("'" + formula);
        }
        assertThat(SpreadsheetText.defuse("博山微电机")).isEqualTo("博山微电机");
        assertThat(SpreadsheetText.defuse((Object) (-5))).isEqualTo(-5);
        assertThat(SpreadsheetText.defuse("")).isEmpty();
    }
}
