package dev.hotline.telephony.twilio;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * STOP / START as carriers and Twilio define them, plus the Chinese 退订 (TD) and 订阅: a customer who opted out gets
 * no message from us until opting in again. Twilio's Advanced Opt-Out sends {@code OptOutType}; a plain keyword in
 * the body counts too, so the rule holds without that feature.
 */
@Component
class OptOuts {

    private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "OPTOUT", "REVOKE", "退订", "TD", "取消订阅");
    private static final Set<String> START = Set.of("START", "YES", "UNSTOP", "订阅");

    private final OptOutRepository optOuts;

    OptOuts(OptOutRepository optOuts) {
        this.optOuts = optOuts;
    }

    /** Records an opt-out or opt-in the message asks for; returns the keyword it acted on, or null. */
    String apply(String address, String body, String optOutType, Instant at) {
        String word = body == null ? "" : body.strip().toUpperCase(Locale.ROOT);
        boolean stop = "STOP".equalsIgnoreCase(optOutType) || STOP.contains(word);
        boolean start = "START".equalsIgnoreCase(optOutType) || START.contains(word);
        if (!stop && !start) {
            return null;
        }
        String keyword = word.isEmpty() ? optOutType : word;
        keyword = keyword.length() > 32 ? keyword.substring(0, 32) : keyword;
        var entry = optOuts.findById(address).orElse(null);
        if (entry == null) {
            optOuts.save(new MessagingOptOut(address, stop, keyword, at));
        } else {
            entry.change(stop, keyword, at);
            optOuts.save(entry);
        }
        return keyword;
    }

    boolean optedOut(String address) {
        return optOuts.findById(address).map(MessagingOptOut::optedOut).orElse(false);
    }
}
