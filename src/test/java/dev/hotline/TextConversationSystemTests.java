package dev.hotline;

import dev.hotline.console.StompTestClient;
import dev.hotline.telephony.twilio.FakeTwilioApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static dev.hotline.console.StompTestClient.ERRORS;
import static dev.hotline.console.StompTestClient.MESSAGES;
import static dev.hotline.console.StompTestClient.OFFERS;
import static dev.hotline.telephony.twilio.SignedWebhooks.ACCOUNT_SID;
import static dev.hotline.telephony.twilio.SignedWebhooks.PUBLIC_BASE_URL;
import static dev.hotline.telephony.twilio.SignedWebhooks.delivery;
import static dev.hotline.telephony.twilio.SignedWebhooks.randomSid;
import static dev.hotline.telephony.twilio.SignedWebhooks.sms;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMS and WhatsApp on the agent console, end to end: signed inbound messages become a text contact routed to an
 * agent, who sees the thread live over STOMP and replies from the console through Twilio's Messages API; Twilio's
 * delivery callbacks come back to the agent, and a refused reply is shown failed with Twilio's error code.
 */
class TextConversationSystemTests extends SystemTestSupport {

    static final String MESSAGES_API = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    @Test
    void smsThreadReachesTheAgentLiveAndRepliesGoOutThroughTwilioWithDeliveryStatus() throws Exception {
        String agent = agent("mei");
        String other = agent("tao");
        try (var console = availableConsole(agent);
             var intruder = StompTestClient.connect(port, other, dev.hotline.console.ConsoleFixture.PASSWORD)
                     .subscribe(ERRORS)) {
            String first = randomSid("SM");
            assertThat(twilioPosts("/twilio/messaging", sms(first, customer, HOTLINE_NUMBER, "你好，空调不制冷了"), true)
                    .body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
            var offer = console.next(OFFERS, "offer");
            assertThat(offer.path("channel").asString()).isEqualTo("SMS");
            long contactId = offer.path("contactId").asLong();

            console.send("/app/agent/offers/" + contactId + "/accept", "{}");
            var thread = console.next(MESSAGES, "conversation");
            assertThat(thread.path("contactId").asLong()).isEqualTo(contactId);
            assertThat(thread.path("channel").asString()).isEqualTo("SMS");
            assertThat(thread.path("customer").asString()).isEqualTo(customer);
            assertThat(thread.path("messages")).hasSize(1);
            assertThat(thread.path("messages").get(0).path("body").asString()).isEqualTo("你好，空调不制冷了");
            assertThat(thread.path("messages").get(0).path("direction").asString()).isEqualTo("INBOUND");
            assertThat(thread.path("messages").get(0).path("messageSid").asString()).isEqualTo(first);

            // the customer writes again, with a photo: it shows at once
            String second = randomSid("MM");
            var photo = sms(second, customer, HOTLINE_NUMBER, "这是铭牌照片");
            String photoUrl = "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + second + "/Media/ME1";
            photo.put("NumMedia", "1");
            photo.put("MediaUrl0", photoUrl);
            photo.put("MediaContentType0", "image/jpeg");
            assertThat(twilioPosts("/twilio/messaging", photo, true).statusCode()).isEqualTo(200);
            var live = console.next(MESSAGES, "message");
            assertThat(live.path("contactId").asLong()).isEqualTo(contactId);
            assertThat(live.path("message").path("body").asString()).isEqualTo("这是铭牌照片");
            assertThat(live.path("message").path("media").get(0).asString()).isEqualTo("image/jpeg " + photoUrl);
            assertThat(live.path("seq").asLong()).isPositive();

            // the agent answers in Chinese from the console
            console.send("/app/agent/contacts/" + contactId + "/messages", "{\"body\":\"您好，工程师明天上午上门。\"}");
            var sent = twilio.await(r -> r.path().equals(MESSAGES_API) && customer.equals(r.field("To"))
                    && "您好，工程师明天上午上门。".equals(r.field("Body")));
            assertThat(sent.method()).isEqualTo("POST");
            assertThat(sent.field("From")).isEqualTo(HOTLINE_NUMBER);
            assertThat(sent.field("StatusCallback")).isEqualTo(PUBLIC_BASE_URL + "/twilio/messaging/status");
            assertThat(sent.form()).containsOnlyKeys("To", "From", "Body", "StatusCallback");
            var queued = reply(console, "QUEUED");
            assertThat(queued.path("direction").asString()).isEqualTo("OUTBOUND");
            assertThat(queued.path("author").asString()).isEqualTo(agent);
            assertThat(queued.path("body").asString()).isEqualTo("您好，工程师明天上午上门。");
            String replySid = queued.path("messageSid").asString();
            assertThat(replySid).startsWith("SM");

            // a long reply (1,600 characters, Twilio's limit) goes out whole
            String longReply = "请携带发票和保修卡，工程师将核对序列号。".repeat(80);
            assertThat(longReply).hasSize(1_600);
            console.send("/app/agent/contacts/" + contactId + "/messages", "{\"body\":\"" + longReply + "\"}");
            assertThat(twilio.await(r -> customer.equals(r.field("To")) && longReply.equals(r.field("Body")))).isNotNull();
            String longSid = reply(console, "QUEUED").path("messageSid").asString();

            // Twilio reports delivery of the first, and that the second could not be delivered
            assertThat(twilioPosts("/twilio/messaging/status", delivery(replySid, "delivered", null), true).statusCode())
                    .isEqualTo(204);
            var delivered = reply(console, "DELIVERED");
            assertThat(delivered.path("messageSid").asString()).isEqualTo(replySid);
            assertThat(twilioPosts("/twilio/messaging/status", delivery(longSid, "undelivered", "30003"), true)
                    .statusCode()).isEqualTo(204);
            var undelivered = reply(console, "UNDELIVERED");
            assertThat(undelivered.path("messageSid").asString()).isEqualTo(longSid);
            assertThat(undelivered.path("errorCode").asInt()).isEqualTo(30003);

            // only the connected agent may write
            intruder.send("/app/agent/contacts/" + contactId + "/messages", "{\"body\":\"我来回答\"}");
            var refused = intruder.next(ERRORS, null);
            assertThat(refused.path("status").asInt()).isEqualTo(403);
            assertThat(refused.path("code").asString()).isEqualTo("not-permitted");
            assertThat(refused.path("destination").asString()).isEqualTo("/app/agent/contacts/" + contactId + "/messages");
            intruder.send("/app/agent/contacts/" + contactId + "/conversation", "{}");
            assertThat(intruder.next(ERRORS, null).path("status").asInt()).isEqualTo(403);
            assertThat(twilio.matching(r -> "我来回答".equals(r.field("Body")))).isEmpty();

            // a second tab (or a reconnect) asks for the threads so far
            try (var secondTab = StompTestClient.connect(port, agent, dev.hotline.console.ConsoleFixture.PASSWORD)
                    .subscribe(MESSAGES)) {
                secondTab.send("/app/agent/conversations", "{}");
                var resumed = secondTab.next(MESSAGES, "conversations").path("conversations");
                assertThat(resumed).hasSize(1);
                assertThat(resumed.get(0).path("messages").findValuesAsString("status"))
                        .containsExactly("RECEIVED", "RECEIVED", "DELIVERED", "UNDELIVERED");
            }
            assertThat(console.errors).isEmpty();
        }
    }

    @Test
    void whatsappReplyTwilioRefusesIsShownFailedWithTheErrorCode() throws Exception {
        String agent = agent("jun");
        String whatsapp = "whatsapp:" + customer;
        twilio.failFor(whatsapp, new FakeTwilioApi.Failure(400, 63016,
                "Failed to send freeform message because you are outside the allowed window."));
        try (var console = availableConsole(agent)) {
            var inbound = sms(randomSid("SM"), whatsapp, "whatsapp:" + HOTLINE_NUMBER, "Is my pump still in warranty?");
            inbound.put("MessagingServiceSid", "MG" + "0123456789abcdef0123456789abcdef");
            inbound.put("ProfileName", "Wang Wei");
            inbound.put("WaId", customer.substring(1));
            assertThat(twilioPosts("/twilio/messaging", inbound, true).statusCode()).isEqualTo(200);
            long contactId = console.next(OFFERS, "offer").path("contactId").asLong();
            console.send("/app/agent/offers/" + contactId + "/accept", "{}");
            assertThat(console.next(MESSAGES, "conversation").path("channel").asString()).isEqualTo("WHATSAPP");

            console.send("/app/agent/contacts/" + contactId + "/messages", "{\"body\":\"Yes, until March.\"}");

            var attempt = twilio.await(r -> whatsapp.equals(r.field("To")));
            assertThat(attempt.field("From")).isEqualTo("whatsapp:" + HOTLINE_NUMBER);
            var failed = reply(console, "FAILED");
            assertThat(failed.path("body").asString()).isEqualTo("Yes, until March.");
            assertThat(failed.path("errorCode").asInt()).isEqualTo(63016);
            assertThat(failed.path("errorMessage").asString()).contains("outside the allowed window");
            assertThat(console.errors).isEmpty();
        }
    }

    /** The agent's reply as the next "message-status" push with {@code status}. */
    private static JsonNode reply(StompTestClient console, String status) throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            JsonNode frame = console.next(MESSAGES, "message-status");
            if (status.equals(frame.path("message").path("status").asString())) {
                return frame.path("message");
            }
        }
        throw new AssertionError("No " + status + " reply on the agent's console");
    }
}
