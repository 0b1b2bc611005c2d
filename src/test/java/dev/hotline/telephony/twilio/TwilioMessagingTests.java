package dev.hotline.telephony.twilio;

import dev.hotline.contact.ContactStatus;
import dev.hotline.contact.ConversationMessage;
import dev.hotline.contact.MessageStatusChanged;
import dev.hotline.contact.TextConversations;
import dev.hotline.routing.AgentProfile;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dev.hotline.telephony.twilio.SignedWebhooks.ACCOUNT_SID;
import static dev.hotline.telephony.twilio.SignedWebhooks.PUBLIC_BASE_URL;
import static dev.hotline.telephony.twilio.SignedWebhooks.delivery;
import static dev.hotline.telephony.twilio.SignedWebhooks.randomSid;
import static dev.hotline.telephony.twilio.SignedWebhooks.signed;
import static dev.hotline.telephony.twilio.SignedWebhooks.sms;
import static dev.hotline.telephony.twilio.SignedWebhooks.unsigned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RecordApplicationEvents
class TwilioMessagingTests extends TwilioTestSupport {

    static final String EMPTY_RESPONSE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    @Autowired
    ConversationRepository conversations;
    @Autowired
    TextMessageRepository messages;
    @Autowired
    TextConversations textConversations;
    @Autowired
    ApplicationEvents events;

    String customer;

    @BeforeEach
    void aNewCustomerAndAnAgentForTheAgentQueue() {
        customer = "+86139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String skill = "twilio-" + UUID.randomUUID().toString().substring(0, 8);
        queue(AGENT_QUEUE, Map.of(skill, 1));
        agent = "tm." + UUID.randomUUID().toString().substring(0, 8);
        administration.saveAgent(new AgentProfile(agent, "Agent " + agent, Map.of(skill, 3), null, null, null, 1, 3, 0));
        presence.login(agent);
    }

    @Test
    void threadsOneCustomersMessagesIntoOneConversationKeepingChineseTextAndMedia() throws Exception {
        String longChinese = "电机异响，请尽快安排维修。".repeat(120);   // 1,560 characters
        String first = randomSid("SM");
        String second = randomSid("MM");
        mvc.perform(signed("/twilio/messaging", sms(first, customer, WAITING_NUMBER, "你好，我的设备坏了")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
                .andExpect(content().xml(EMPTY_RESPONSE));
        var withPhoto = sms(second, customer, WAITING_NUMBER, longChinese);
        withPhoto.put("NumMedia", "1");
        withPhoto.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + second + "/Media/ME1");
        withPhoto.put("MediaContentType0", "image/jpeg");
        mvc.perform(signed("/twilio/messaging", withPhoto)).andExpect(status().isOk());

        var conversation = conversations.findByOpenThread(Conversation.thread(Channel.SMS, customer, WAITING_NUMBER)).orElseThrow();
        var contact = contacts.find(new ContactId(conversation.contactId())).orElseThrow();
        assertThat(contact.provider()).isEqualTo("twilio-msg");
        assertThat(contact.externalId()).isEqualTo(conversation.key());
        assertThat(contact.channel()).isEqualTo(Channel.SMS);
        assertThat(contact.queue()).isEqualTo(WAITING_QUEUE);
        assertThat(contact.from()).isEqualTo(customer);
        assertThat(contact.subject()).isEqualTo("你好，我的设备坏了");

        var thread = textConversations.messages(contact.id());
        assertThat(thread).extracting(ConversationMessage::messageSid).containsExactly(first, second);
        assertThat(thread).extracting(ConversationMessage::body).containsExactly("你好，我的设备坏了", longChinese);
        assertThat(thread.get(1).media()).containsExactly("image/jpeg " + withPhoto.get("MediaUrl0"));
        assertThat(thread).allSatisfy(m -> {
            assertThat(m.direction()).isEqualTo("INBOUND");
            assertThat(m.status()).isEqualTo("RECEIVED");
        });
    }

    @Test
    void retriedMessageWebhookIsStoredOnce() throws Exception {
        String sid = randomSid("SM");
        var params = sms(sid, customer, WAITING_NUMBER, "请回电");
        mvc.perform(signed("/twilio/messaging", params)).andExpect(status().isOk());
        mvc.perform(signed("/twilio/messaging", params)).andExpect(status().isOk());

        var conversation = conversations.findByOpenThread(Conversation.thread(Channel.SMS, customer, WAITING_NUMBER)).orElseThrow();
        assertThat(messages.findByConversationIdOrderByIdAsc(conversation.id())).hasSize(1);
        assertThat(contacts.history(new ContactId(conversation.contactId())))
                .filteredOn(h -> h.action().equals("ARRIVED")).hasSize(1);
    }

    @Test
    void whatsappFromAMessagingServicePoolIsRoutedByTheNumberItWasSentTo() throws Exception {
        String sid = randomSid("SM");
        var params = sms(sid, "whatsapp:" + customer, "whatsapp:" + WAITING_NUMBER, "Hello from WhatsApp");
        params.put("MessagingServiceSid", "MG" + "0123456789abcdef0123456789abcdef");
        mvc.perform(signed("/twilio/messaging", params)).andExpect(status().isOk());

        var conversation = conversations.findByOpenThread(
                Conversation.thread(Channel.WHATSAPP, "whatsapp:" + customer, "whatsapp:" + WAITING_NUMBER)).orElseThrow();
        var contact = contacts.find(new ContactId(conversation.contactId())).orElseThrow();
        assertThat(contact.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(contact.queue()).isEqualTo(WAITING_QUEUE);
        assertThat(contact.from()).isEqualTo(customer);
    }

    @Test
    void rejectsUnsignedMessage() throws Exception {
        String sid = randomSid("SM");
        mvc.perform(unsigned("/twilio/messaging", sms(sid, customer, WAITING_NUMBER, "hi")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("unsigned-webhook"));
        assertThat(messages.findByMessageSid(sid)).isEmpty();
        assertThat(conversations.findByOpenThread(Conversation.thread(Channel.SMS, customer, WAITING_NUMBER))).isEmpty();
    }

    @Test
    void agentReplyGoesOutThroughTwilioAndDeliveryStatusOnlyMovesForward() throws Exception {
        ContactId contact = connectedConversation();

        mvc.perform(post("/api/conversations/" + contact + "/messages").with(user(agent).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"您好，工程师明天上午到。\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("QUEUED"))
                .andExpect(jsonPath("$.author").value(agent));

        var sent = twilio.await(r -> r.path().endsWith("/Messages.json") && customer.equals(r.field("To")));
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json");
        assertThat(sent.field("From")).isEqualTo(AGENT_NUMBER);
        assertThat(sent.field("Body")).isEqualTo("您好，工程师明天上午到。");
        assertThat(sent.field("StatusCallback")).isEqualTo(PUBLIC_BASE_URL + "/twilio/messaging/status");

        String sid = textConversations.messages(contact).get(1).messageSid();
        mvc.perform(signed("/twilio/messaging/status", delivery(sid, "delivered", null))).andExpect(status().isNoContent());
        mvc.perform(signed("/twilio/messaging/status", delivery(sid, "sent", null))).andExpect(status().isNoContent());
        mvc.perform(signed("/twilio/messaging/status", delivery(sid, "delivered", null))).andExpect(status().isNoContent());

        assertThat(textConversations.messages(contact).get(1).status()).isEqualTo("DELIVERED");
        assertThat(events.stream(MessageStatusChanged.class).filter(e -> sid.equals(e.messageSid())))
                .extracting(MessageStatusChanged::status).containsExactly("QUEUED", "DELIVERED");

        mvc.perform(get("/api/conversations/" + contact + "/messages").with(user(agent).roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].direction").value("OUTBOUND"));
    }

    @Test
    void undeliveredReplyKeepsTwilioErrorCode() throws Exception {
        ContactId contact = connectedConversation();
        var reply = textConversations.send(contact, agent, "Please confirm the serial number");
        mvc.perform(signed("/twilio/messaging/status", delivery(reply.messageSid(), "undelivered", "30003")))
                .andExpect(status().isNoContent());

        var stored = textConversations.messages(contact).get(1);
        assertThat(stored.status()).isEqualTo("UNDELIVERED");
        assertThat(stored.errorCode()).isEqualTo(30003);
    }

    @Test
    void onlyTheConnectedAgentMayReply() throws Exception {
        ContactId contact = connectedConversation();
        mvc.perform(post("/api/conversations/" + contact + "/messages").with(user("someone.else").roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"hi\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/conversations/" + contact + "/messages").with(user("someone.else").roles("AGENT")))
                .andExpect(status().isForbidden());
        assertThat(twilio.matching(r -> customer.equals(r.field("To")))).isEmpty();
    }

    @Test
    void replyTwilioRefusesIsMarkedFailedWithItsErrorCodeAndPublished() throws Exception {
        ContactId contact = connectedConversation();
        twilio.failFor(customer, new FakeTwilioApi.Failure(400, 21211, "The 'To' number is not a valid phone number."));

        mvc.perform(post("/api/conversations/" + contact + "/messages").with(user(agent).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"您好\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("message-not-sent"))
                .andExpect(jsonPath("$.errorCode").value(21211));

        var failed = textConversations.messages(contact).get(1);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.errorCode()).isEqualTo(21211);
        assertThat(events.stream(MessageStatusChanged.class).filter(e -> e.messageId() == failed.id()))
                .extracting(MessageStatusChanged::status).containsExactly("FAILED");
    }

    @Test
    void optedOutCustomerGetsNoMessageUntilStart() throws Exception {
        ContactId contact = connectedConversation();
        mvc.perform(signed("/twilio/messaging", sms(randomSid("SM"), customer, AGENT_NUMBER, " 退订 ")))
                .andExpect(status().isOk());

        var refused = textConversations.send(contact, agent, "回访：请问您对维修满意吗？");
        assertThat(refused.status()).isEqualTo("FAILED");
        assertThat(refused.errorCode()).isEqualTo(21610);
        assertThat(twilio.matching(r -> customer.equals(r.field("To")))).isEmpty();

        mvc.perform(signed("/twilio/messaging", sms(randomSid("SM"), customer, AGENT_NUMBER, "START")))
                .andExpect(status().isOk());
        assertThat(textConversations.send(contact, agent, "谢谢").status()).isEqualTo("QUEUED");
        assertThat(twilio.matching(r -> customer.equals(r.field("To")))).hasSize(1);
    }

    @Test
    void aMessageAfterTheConversationEndedOpensANewOne() throws Exception {
        ContactId first = connectedConversation();
        presence.finish(first, agent, "solved");
        assertThat(recorded(first, ContactStatus.ENDED).isFinal()).isTrue();

        mvc.perform(signed("/twilio/messaging", sms(randomSid("SM"), customer, AGENT_NUMBER, "还有一个问题")))
                .andExpect(status().isOk());

        var reopened = conversations.findByOpenThread(Conversation.thread(Channel.SMS, customer, AGENT_NUMBER)).orElseThrow();
        assertThat(reopened.contactId()).isNotEqualTo(first.value());
        assertThat(textConversations.messages(new ContactId(reopened.contactId())))
                .extracting(ConversationMessage::body).containsExactly("还有一个问题");
        assertThat(textConversations.messages(first)).hasSize(1);
    }

    /** A customer's first message, offered to {@link #agent} and accepted: the conversation is connected. */
    private ContactId connectedConversation() throws Exception {
        mvc.perform(signed("/twilio/messaging", sms(randomSid("SM"), customer, AGENT_NUMBER, "需要维修")))
                .andExpect(status().isOk());
        var conversation = conversations.findByOpenThread(Conversation.thread(Channel.SMS, customer, AGENT_NUMBER)).orElseThrow();
        ContactId contact = new ContactId(conversation.contactId());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (!contact.equals(presence.status(agent).pendingOffer()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        presence.accept(contact, agent);
        recorded(contact, ContactStatus.CONNECTED);
        return contact;
    }
}
