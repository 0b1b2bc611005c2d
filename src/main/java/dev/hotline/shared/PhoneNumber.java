package dev.hotline.shared;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

import java.util.regex.Pattern;

/**
 * A phone number in E.164 form (+8613800138000), the one key under which every written form of a number is stored and
 * looked up. Parsing accepts what people write: spaces, dashes, brackets, a national trunk prefix (0795-7369333) or
 * an international prefix (0086 / +86), and an extension ({@code +86 (795) 7369333;ext=1}, {@code x12}, {@code #12}),
 * which is not part of the key: a caller id with an extension is the archive's number.
 */
public record PhoneNumber(String e164) {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    /** libphonenumber reads "++86..." as +86; people and PBXes do not write it, so it is refused as garbage. */
    private static final Pattern DOUBLE_PLUS = Pattern.compile("\\+\\s*\\+");

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
        // libphonenumber finds the number, its punctuation and its extension; the whole text must be that one number
        // ("13800138000; 139" or "call 13800138000" is not a phone number)
        PhoneNumberMatch match = DOUBLE_PLUS.matcher(text).find() ? null : wholeMatch(text, defaultRegion);
        if (match == null) {
            throw new InvalidInputException("phone", "'" + written + "' is not a phone number");
        }
        if (!UTIL.isPossibleNumber(match.number())) {
            throw new InvalidInputException("phone", "'" + written + "' has the wrong number of digits");
        }
        return new PhoneNumber(UTIL.format(match.number(), PhoneNumberFormat.E164));
    }

    private static PhoneNumberMatch wholeMatch(String text, String defaultRegion) {
        var found = UTIL.findNumbers(text, defaultRegion, Leniency.POSSIBLE, Long.MAX_VALUE).iterator();
        if (!found.hasNext()) {
            return null;
        }
        var match = found.next();
        return match.start() == 0 && match.end() == text.length() ? match : null;
    }

    @Override
    public String toString() {
        return e164;
    }
}
