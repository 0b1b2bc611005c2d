package dev.hotline.telephony.twilio;

import com.twilio.exception.ApiException;
import dev.hotline.followup.FollowupProperties;
import dev.hotline.followup.SurveyInvited;
import dev.hotline.followup.Surveys;
import dev.hotline.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.TreeSet;

/**
 * Satisfaction surveys by SMS (SPEC §7): texts the customer the survey link, never to a number that opted out
 * (STOP / 退订), and takes a five-digit reply as the answer to that number's open survey. Sent from
 * {@code hotline.followup.survey.sms-from}, else the first configured hotline number.
 */
@Component
class SurveyTexts {

    private static final Logger log = LoggerFactory.getLogger(SurveyTexts.class);

    private final TwilioApi api;
    private final TwilioProperties properties;
    private final OptOuts optOuts;
    private final Surveys surveys;
    private final String from;

    SurveyTexts(TwilioApi api, TwilioProperties properties, OptOuts optOuts, Surveys surveys,
                FollowupProperties followup) {
        this.api = api;
        this.properties = properties;
        this.optOuts = optOuts;
        this.surveys = surveys;
        String configured = followup.survey().smsFrom();
        this.from = configured != null && !configured.isBlank() ? configured.strip()
                : properties.numbers().isEmpty() ? null : new TreeSet<>(properties.numbers().keySet()).first();
    }

    @ApplicationModuleListener
    void on(SurveyInvited invited) {
        if (!properties.enabled() || from == null || invited.phone() == null) {
            return;
        }
        if (optOuts.optedOut(invited.phone())) {
            log.info("Survey {} not texted: {} opted out", invited.surveyId(), invited.phone());
            return;
        }
        try {
            var sent = api.send(invited.phone(), from, body(invited, absolute(invited.link())),
                    properties.messagingStatusCallbackPath());
            log.info("Survey {} texted to {} as {} ({})", invited.surveyId(), invited.phone(), sent.sid(),
                    sent.status());
        } catch (ApiException refused) {
            // Twilio said no (e.g. 21610 unsubscribed at the carrier): retrying would be refused again
            log.warn("Survey {} not texted: Twilio error {} {}", invited.surveyId(), refused.getCode(),
                    refused.getMessage());
        }
    }

    /**
     * An inbound SMS that answers the sender's open survey with five digits; true when it did (it is then no
     * conversation message). Anything else, or a refusal, leaves it to the conversation.
     */
    boolean answered(String fromAddress, String body) {
        String phone = fromAddress.startsWith("whatsapp:") ? fromAddress.substring("whatsapp:".length()) : fromAddress;
        try {
            return surveys.answerByDigits(phone, body).isPresent();
        } catch (DomainException refused) {
            return false;
        }
    }

    /** A link without a host (no follow-up public base URL configured) gets the one Twilio calls us on. */
    private String absolute(String link) {
        return link.startsWith("/") ? properties.publicBaseUrl() + link : link;
    }

    static String body(SurveyInvited invited, String link) {
        String about = invited.ticketNumber() == null ? "" : "（工单 " + invited.ticketNumber() + "）";
        return "【客服回访】感谢您的支持" + about + "。请评价我们的产品和服务：" + link
                + " 或直接回复5位数字（1好 2一般 3差）：质量、交货期、服务、价格、包装，如 11211。"
                + " Please rate us at the link or reply 5 digits (1 good, 2 fair, 3 poor). 回复TD退订";
    }
}
