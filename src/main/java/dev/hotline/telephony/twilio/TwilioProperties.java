package dev.hotline.telephony.twilio;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * The Twilio account and how Twilio reaches us. The adapter is off unless both {@code accountSid} and
 * {@code authToken} are set (there are no defaults for secrets).
 *
 * @param publicBaseUrl               the URL Twilio calls us at (scheme, host, port, context path) and signs; behind a
 *                                    proxy this is the public URL, not the one the app sees
 * @param apiBaseUrl                  where the REST API lives (tests point it at a local server)
 * @param numbers                     our numbers in E.164 to the queue their contacts go to; unlisted numbers use the
 *                                    default queue
 * @param messagingStatusCallbackPath path (under publicBaseUrl) of the delivery status callback of our replies
 * @param ringbackUrl                 what the caller hears while waiting; empty = the tone this app serves at
 *                                    {@code /twilio/ringback.wav}
 * @param ringbackPeriod              one ringback cadence period of that tone (China: 1 s on, 4 s off)
 * @param answerDelay                 a leading {@code <Pause>}: Twilio does not pick the call up for this long, so the
 *                                    caller hears the carrier's own ringback unbilled; 0 = play our tone at once
 * @param agentRingTimeout            how long an agent's softphone or phone rings once the agent accepted
 * @param maxFormBytes                webhook bodies above this are refused (413)
 * @param callMovesInFlight           live calls moved (to an agent, to the on-call phone) at once through the REST API;
 *                                    Twilio answers a move in about 100-300 ms, so 8 serve some 30-60 moves a second
 */
@ConfigurationProperties("hotline.twilio")
public record TwilioProperties(String accountSid, String authToken, String publicBaseUrl, String apiBaseUrl,
                               Map<String, String> numbers, String messagingStatusCallbackPath, String ringbackUrl,
                               Duration ringbackPeriod, Duration answerDelay, Duration agentRingTimeout,
                               Integer maxFormBytes, Integer callMovesInFlight) {

    public static final String TWILIO_API = "https://api.twilio.com";

    public TwilioProperties {
        accountSid = blankToNull(accountSid);
        authToken = blankToNull(authToken);
        publicBaseUrl = publicBaseUrl == null ? "" : stripSlash(publicBaseUrl.strip());
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? TWILIO_API : stripSlash(apiBaseUrl.strip());
        numbers = numbers == null ? Map.of() : Map.copyOf(numbers);
        messagingStatusCallbackPath = messagingStatusCallbackPath == null || messagingStatusCallbackPath.isBlank()
                ? "/twilio/messaging/status" : messagingStatusCallbackPath.strip();
        ringbackUrl = blankToNull(ringbackUrl);
        ringbackPeriod = ringbackPeriod == null ? Duration.ofSeconds(5) : ringbackPeriod;
        answerDelay = answerDelay == null ? Duration.ZERO : answerDelay;
        agentRingTimeout = agentRingTimeout == null ? Duration.ofSeconds(20) : agentRingTimeout;
        maxFormBytes = maxFormBytes == null ? 65_536 : maxFormBytes;
        callMovesInFlight = callMovesInFlight == null || callMovesInFlight < 1 ? 8 : callMovesInFlight;
    }

    public boolean enabled() {
        return accountSid != null && authToken != null;
    }

    /** The absolute URL Twilio uses for one of our paths (may carry a query). */
    String url(String pathAndQuery) {
        return publicBaseUrl + pathAndQuery;
    }

    /** The queue of a dialled or texted number (written as Twilio sends it, with or without a whatsapp: prefix). */
    String queueOf(String to) {
        if (to == null) {
            return null;
        }
        String number = to.startsWith("whatsapp:") ? to.substring("whatsapp:".length()) : to;
        return numbers.get(number.strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
