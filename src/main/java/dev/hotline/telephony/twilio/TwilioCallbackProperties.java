package dev.hotline.telephony.twilio;

import com.twilio.twiml.voice.Say;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a waiting caller hears about queued callback ({@code <Say>} texts; when and whether the offer is made is
 * {@code hotline.callback.*}).
 *
 * @param language  the {@code <Say>} language (Twilio's name, e.g. zh-CN, en-US)
 * @param offer     the offer, after {@code hotline.callback.offer-after} of ringback
 * @param askNumber asks for the number: 1 for the caller's own, or another one ended by #
 * @param invalid   a keyed-in number that is no valid phone number (asked again)
 * @param goodbye   the callback is recorded; the call ends after it
 */
@ConfigurationProperties("hotline.twilio.callback")
public record TwilioCallbackProperties(String language, String offer, String askNumber, String invalid,
                                       String goodbye) {

    public TwilioCallbackProperties {
        language = language == null || language.isBlank() ? "zh-CN" : language.strip();
        offer = text(offer, "不想等待？请按 1，我们将给您回电，您的排队顺序保持不变。");
        askNumber = text(askNumber, "回拨您的来电号码请按 1 再按井号键；回拨其他号码，请输入号码并以井号键结束。");
        invalid = text(invalid, "您输入的号码无效。");
        goodbye = text(goodbye, "好的，轮到您时我们会给您回电。再见。");
    }

    Say say(String text) {
        Say.Language lang = Say.Language.valueOf(language.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        return new Say.Builder(text).language(lang).build();
    }

    private static String text(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
