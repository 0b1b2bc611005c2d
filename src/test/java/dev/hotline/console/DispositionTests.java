package dev.hotline.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DispositionTests {

    @Test
    void codeAndNotesAreWrittenAsOneText() {
        assertThat(Disposition.compose("inquiry-answered", "  报修：电机异响 ")).isEqualTo("inquiry-answered: 报修：电机异响");
    }

    @Test
    void aCodeAloneNotesAloneOrNeither() {
        assertThat(Disposition.compose("wrong-number", " ")).isEqualTo("wrong-number");
        assertThat(Disposition.compose(null, "solved")).isEqualTo("solved");
        assertThat(Disposition.compose(null, null)).isNull();
    }
}
