package dev.hotline.customer;

import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.PhoneNumber;
import dev.hotline.shared.PhoneNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The written forms agents and import files use all normalise to the one E.164 key the archive indexes. */
class PhoneNumberTests {

    private final PhoneNumbers cn = new PhoneNumbers("CN");

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "+86 138 0013 8000", "+86-138-0013-8000", "0086 13800138000",
            "008613800138000", "+8613800138000", " 138-0013-8000 ", "(+86) 138 0013 8000", "138.0013.8000"})
    void mobileNumberInAnyWrittenFormNormalisesToE164(String written) {
        assertThat(cn.parse(written)).isEqualTo(new PhoneNumber("+8613800138000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0795-7369333", "07957369333", "+86 795 7369333", "+86-795-7369333", "(0795) 7369333",
            "(0795)7369333"})
    void landlineWithAreaCodeNormalisesToE164(String written) {
        assertThat(cn.parse(written).e164()).isEqualTo("+867957369333");
    }

    /** Issue 19: a caller id with an extension must still find the archive's number (the extension is not the key). */
    @ParameterizedTest
    @ValueSource(strings = {"+86 (795) 7369333;ext=1", "+867957369333;ext=1", "0795-7369333 ext. 12",
            "(0795) 7369333 x 5", "07957369333#801", "+86 795 7369333, ext 1"})
    void extensionAndPunctuationDoNotChangeTheNumber(String written) {
        assertThat(cn.parse(written).e164()).isEqualTo("+867957369333");
    }

    @Test
    void eightDigitLandlineWithThreeDigitAreaCode() {
        assertThat(cn.parse("+86 795 7369 3333").e164()).isEqualTo("+8679573693333");
        assertThat(cn.parse("0795-73693333").e164()).isEqualTo("+8679573693333");
    }

    @Test
    void defaultRegionIsConfigurableAndDefaultsToChina() {
        assertThat(new PhoneNumbers(null).defaultRegion()).isEqualTo("CN");
        assertThat(new PhoneNumbers("de").parse("030 1234567").e164()).isEqualTo("+49301234567");
        assertThat(cn.parse("+49 30 1234567").e164()).isEqualTo("+49301234567");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "not a number", "12", "+", "1380013800012345678", "13800138000x",
            "138 0013 8000; 139", "<script>", "++8613800138000",
            "call 13800138000", "13800138000 ext"})
    void garbageIsRefusedAsInvalidInput(String written) {
        assertThatThrownBy(() -> cn.parse(written)).isInstanceOf(InvalidInputException.class);
    }
}
