package dev.hotline;

import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.shared.Channel;
import dev.hotline.ticket.TicketManagement;
import dev.hotline.ticket.TicketView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.hotline.console.StompTestClient.CONTACTS;
import static dev.hotline.console.StompTestClient.OFFERS;
import static dev.hotline.telephony.twilio.SignedWebhooks.ACCOUNT_SID;
import static dev.hotline.telephony.twilio.SignedWebhooks.AUTH_TOKEN;
import static dev.hotline.telephony.twilio.SignedWebhooks.PUBLIC_BASE_URL;
import static dev.hotline.telephony.twilio.SignedWebhooks.agentLeg;
import static dev.hotline.telephony.twilio.SignedWebhooks.callStatus;
import static dev.hotline.telephony.twilio.SignedWebhooks.incomingCall;
import static dev.hotline.telephony.twilio.SignedWebhooks.randomSid;
import static dev.hotline.telephony.twilio.SignedWebhooks.timestamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End to end: a customer calls the hotline's Twilio number; the offer rings on the agent's console; the agent accepts;
 * Twilio is told to dial the agent's softphone; Twilio's callbacks report the answer and the hang-up; the contact is
 * answered on the right ring and its ticket belongs to the agent.
 */
class HotlineSystemTests extends SystemTestSupport {

    private static final Pattern STATUS_CALLBACK = Pattern.compile("statusCallback=\"([^\"]+)\"");
    private static final Pattern DIAL_ACTION = Pattern.compile("<Dial action=\"([^\"]+)\"");

    @Autowired
    TicketManagement tickets;

    @Test
    void signedCallIsOfferedOnTheConsoleConnectedToTheAcceptingAgentAnsweredAndTicketed() throws Exception {
        String agent = agent("ling");
        try (var console = availableConsole(agent)) {
            String callSid = randomSid("CA");
            var twiml = twilioPosts("/twilio/voice", incomingCall(callSid, customer, HOTLINE_NUMBER), true);
            assertThat(twiml.statusCode()).isEqualTo(200);
            assertThat(twiml.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
            assertThat(twiml.body()).contains("<Play loop=\"0\">");
            ContactSnapshot contact = contacts.findByExternalId("twilio", callSid).orElseThrow();
            assertThat(contact.queue()).isEqualTo(QUEUE);

            var offer = console.next(OFFERS, "offer");
            assertThat(offer.path("contactId").asLong()).isEqualTo(contact.id().value());
            assertThat(offer.path("channel").asString()).isEqualTo(Channel.VOICE.name());
            assertThat(offer.path("screenPop").path("from").asString()).isEqualTo(customer);

            console.send("/app/agent/offers/" + contact.id() + "/accept", "{}");
            assertThat(console.next(CONTACTS, "contact-assigned").path("contactId").asLong()).isEqualTo(contact.id().value());

            var redirect = twilio.await(r -> r.path().contains(callSid));
            assertThat(redirect.method()).isEqualTo("POST");
            assertThat(redirect.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls/" + callSid + ".json");
            assertThat(redirect.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
            assertThat(redirect.form()).containsOnlyKeys("Twiml");
            String dial = redirect.field("Twiml");
            String query = "?contact=" + contact.id() + "&amp;agent=" + agent;
            assertThat(dial).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                    + "<Dial action=\"" + PUBLIC_BASE_URL + "/twilio/voice/dial" + query + "\" answerOnBridge=\"true\" timeout=\"20\">"
                    + "<Client statusCallback=\"" + PUBLIC_BASE_URL + "/twilio/voice/status" + query
                    + "\" statusCallbackEvent=\"answered completed\">softphone-" + agent + "</Client></Dial></Response>");
            // the record is written behind routing (up to about a second): wait for the offer to reach it
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> contacts.find(contact.id()).orElseThrow().status() != ContactStatus.WAITING);
            assertThat(contacts.find(contact.id()).orElseThrow().status())
                    .as("accepting is not answering: the agent's softphone has not picked up yet")
                    .isEqualTo(ContactStatus.OFFERED);

            // Twilio calls back where the TwiML told it to, with the agent leg's own CallSid
            String legCallback = declaredPath(STATUS_CALLBACK.matcher(dial));
            String dialAction = declaredPath(DIAL_ACTION.matcher(dial));
            assertThat(legCallback).startsWith("/twilio/voice/status?contact=" + contact.id());
            assertThat(dialAction).startsWith("/twilio/voice/dial?contact=" + contact.id());
            Instant arrived = contact.arrivedAt().truncatedTo(ChronoUnit.SECONDS);
            String leg = randomSid("CA");
            assertThat(twilioPosts(legCallback, agentLeg(leg, callSid, "in-progress", 0, arrived.plusSeconds(12)), true)
                    .statusCode()).isEqualTo(204);

            var answered = Records.awaitRecorded(contacts, contact.id(), ContactStatus.CONNECTED);
            assertThat(answered.agent()).isEqualTo(agent);
            assertThat(answered.answeredAt()).isEqualTo(arrived.plusSeconds(12));
            assertThat(answered.ringsToAnswer()).isEqualTo(3);   // 11-12 s after arrival, 5 s rings

            assertThat(twilioPosts(legCallback, agentLeg(leg, callSid, "completed", 180, arrived.plusSeconds(192)), true)
                    .statusCode()).isEqualTo(204);
            var dialOver = new LinkedHashMap<>(callStatus(callSid, "in-progress", 0, timestamp(arrived.plusSeconds(192)), 1));
            dialOver.put("DialCallSid", leg);
            dialOver.put("DialCallStatus", "completed");
            dialOver.put("DialCallDuration", "180");
            var hangUp = twilioPosts(dialAction, dialOver, true);
            assertThat(hangUp.statusCode()).isEqualTo(200);
            assertThat(hangUp.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>");
            assertThat(twilioPosts("/twilio/voice/status",
                    callStatus(callSid, "completed", 193, timestamp(arrived.plusSeconds(193)), 2), true).statusCode())
                    .isEqualTo(204);

            assertThat(console.next(CONTACTS, "contact-ended").path("contactId").asLong()).isEqualTo(contact.id().value());
            var ended = Records.awaitRecorded(contacts, contact.id(), ContactStatus.ENDED);
            assertThat(ended.outcome()).isEqualTo(ContactOutcome.ANSWERED);
            assertThat(ended.ringsToAnswer()).isEqualTo(3);
            assertThat(ended.endedAt()).isEqualTo(arrived.plusSeconds(193));
            TicketView ticket = await().atMost(Duration.ofSeconds(15)).until(
                    () -> tickets.findByContact(contact.id()).orElse(null), t -> t != null && agent.equals(t.assignee()));
            assertThat(ticket.status().isOpen()).isTrue();
            assertThat(console.errors).isEmpty();
        }
    }

    @Test
    void unsignedCallIsRefusedAndRecordsNothing() throws Exception {
        String callSid = randomSid("CA");
        var refused = twilioPosts("/twilio/voice", incomingCall(callSid, customer, HOTLINE_NUMBER), false);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"code\":\"unsigned-webhook\"");
        assertThat(contacts.findByExternalId("twilio", callSid)).isEmpty();
        assertThat(twilio.matching(r -> r.path().contains(callSid))).isEmpty();
    }

    /** A callback URL the app put into its TwiML, as the path (and query) Twilio will post to. */
    private static String declaredPath(Matcher attribute) {
        assertThat(attribute.find()).as("the TwiML declares the URL").isTrue();
        String url = HtmlUtils.htmlUnescape(attribute.group(1));
        assertThat(url).startsWith(PUBLIC_BASE_URL);
        return url.substring(PUBLIC_BASE_URL.length());
    }
}
