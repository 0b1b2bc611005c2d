package dev.hotline.console;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DispositionTests {

    static final List<String> CODES = List.of("inquiry-answered", "wrong-number");

    @Test
    void codeAndNotesAreWrittenAsOneTextAndReadBack() {
        String text = Disposition.compose("inquiry-answered", "  报修：电机异响 ");
        assertThat(text).isEqualTo("inquiry-answered: 报修：电机异响");
        assertThat(Disposition.parse(text, CODES)).isEqualTo(new Disposition("inquiry-answered", "报修：电机异响"));
    }

    @Test
    void aCodeAloneNotesAloneOrNeither() {
        assertThat(Disposition.compose("wrong-number", " ")).isEqualTo("wrong-number");
        assertThat(Disposition.parse("wrong-number", CODES)).isEqualTo(new Disposition("wrong-number", null));
        assertThat(Disposition.compose(null, "solved")).isEqualTo("solved");
        assertThat(Disposition.compose(null, null)).isNull();
    }

    @Test
    void textThatOnlyLooksLikeACodeIsNotes() {
        assertThat(Disposition.parse("wrong-numberish: x", CODES)).isEqualTo(new Disposition(null, "wrong-numberish: x"));
        assertThat(Disposition.parse("solved: pump", CODES)).isEqualTo(new Disposition(null, "solved: pump"));
        assertThat(Disposition.parse(null, CODES)).isEqualTo(new Disposition(null, null));
    }
}
