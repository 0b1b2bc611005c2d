package dev.hotline.telephony.twilio;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Hold and transfer of Twilio calls ({@code hotline.twilio.hold.*}).
 *
 * @param musicUrl what a held or transferred caller hears, played in a loop (an MP3 or WAV Twilio can fetch)
 */
@ConfigurationProperties("hotline.twilio.hold")
public record TwilioHoldProperties(
        @DefaultValue("http://com.twilio.music.classical.s3.amazonaws.com/BusyStrings.mp3") String musicUrl) {
}
