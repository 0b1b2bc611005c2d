package dev.hotline.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

import java.util.regex.Pattern;

/**
 * A phone number in E.164 form (+8613800138000), the one key under which every written form of a number is stored and
 * looked up. Parsing accepts what people write: spaces, dashes, brackets, a national trunk prefix (0795-7369333) or
 * an international prefix (0086 / +86).
 */
public record PhoneNumber(String e164) {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern WRITTEN = Pattern.compile("\\(?\\+?\\d[\\d\\s().\\-/]{3,30}");

    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new InvalidInputException("phone", "'" + e164 + "' is not an E.164 phone number");
        }
    }

    /**
     * Normalises a written number. {@code defaultRegion} (ISO 3166 code, e.g. CN) applies to numbers written without a
     * country code.
     *
     * @throws InvalidInputException if the text is not a possible phone number
     */
    public static PhoneNumber parse(String written, String defaultRegion) {
        String text = written == null ? "" : written.strip();
        if (text.startsWith("00")) {
            text = "+" + text.substring(2);
        }
        if (!WRITTEN.matcher(text).matches()) {
            throw new InvalidInputException("phone", "'" + written + "' is not a phone number");
        }
        try {
            var number = UTIL.parse(text, defaultRegion);
            if (!UTIL.isPossibleNumber(number)) {
                throw new InvalidInputException("phone", "'" + written + "' has the wrong number of digits");
            }
            return new PhoneNumber(UTIL.format(number, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new InvalidInputException("phone", "'" + written + "' is not a phone number: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return e164;
    }
}
