package dev.hotline.telephony.twilio;

import com.twilio.exception.ApiException;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.contact.ConversationMessage;
import dev.hotline.contact.MessageReceived;
import dev.hotline.contact.MessageStatusChanged;
import dev.hotline.contact.NewContact;
import dev.hotline.contact.TextConversations;
import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.RoutingStatus;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.NotFoundException;
import dev.hotline.shared.NotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SMS and WhatsApp through Twilio: customers' messages thread into one conversation (one contact) per customer, our
 * number and channel; agents' replies go out through the REST API and their delivery is tracked. Each step is one
 * short write: the message row (idempotent by MessageSid) first, then the conversation's contact (idempotent by the
 * conversation key), so a retry after a crash completes what the first attempt began.
 */
@Component
class TextMessaging implements TextConversations {

    static final String PROVIDER = "twilio-msg";
    /** Twilio's own code for "the recipient unsubscribed" (21610), used for our opt-out refusals too. */
    static final int OPTED_OUT = 21610;
    private static final int MAX_BODY = 1600;
    private static final Logger log = LoggerFactory.getLogger(TextMessaging.class);

    private final ConversationRepository conversations;
    private final TextMessageRepository messages;
    private final OptOuts optOuts;
    private final ContactIntake contacts;
    private final ContactRouting routing;
    private final TwilioApi api;
    private final SurveyTexts surveyTexts;
    private final TwilioProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TextMessaging(ConversationRepository conversations, TextMessageRepository messages, OptOuts optOuts,
                  ContactIntake contacts, ContactRouting routing, TwilioApi api, SurveyTexts surveyTexts,
                  TwilioProperties properties,
                  ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.optOuts = optOuts;
        this.contacts = contacts;
        this.routing = routing;
        this.api = api;
        this.surveyTexts = surveyTexts;
        this.properties = properties;
        this.events = events;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** A customer's SMS or WhatsApp message (also from a number in a Messaging Service pool: routed by To). */
    void received(Webhook webhook) {
        String sid = webhook.require("MessageSid", Webhook.MESSAGE_SID);
        String from = required(webhook, "From");
        String to = required(webhook, "To");
        String body = webhook.params().getOrDefault("Body", "");
        Instant now = clock.instant();
        Channel channel = from.startsWith("whatsapp:") ? Channel.WHATSAPP : Channel.SMS;

        String keyword = optOuts.apply(from, body, webhook.param("OptOutType"), now);
        if (keyword != null) {
            log.info("{} texted {}: {}", from, keyword, optOuts.optedOut(from) ? "opted out" : "opted in");
        }
        var existing = messages.findByMessageSid(sid);
        if (existing.isEmpty() && keyword == null && surveyTexts.answered(from, body)) {
            return;   // a digit reply to a satisfaction survey, not a conversation
        }
        Conversation conversation = existing.isPresent()
                ? conversations.findById(existing.get().conversationId()).orElseThrow()
                : openConversation(channel, from, to, webhook.param("MessagingServiceSid"), body, now);
        if (existing.isEmpty() && !store(conversation, sid, webhook, body, now)) {
            existing = messages.findByMessageSid(sid);   // the same message, stored by a concurrent retry
        }
        ContactId contact = ensureContact(conversation, body);
        if (existing.isEmpty()) {
            messages.findByMessageSid(sid).ifPresent(m ->
                    events.publishEvent(new MessageReceived(contact, m.id(), channel, from, now)));
        }
    }

    /** Delivery status of one of our replies: stored and published when it moves the message forward. */
    void statusChanged(Webhook webhook) {
        String sid = webhook.require("MessageSid", Webhook.MESSAGE_SID);
        MessageStatus status = MessageStatus.of(webhook.param("MessageStatus"));
        var message = messages.findByMessageSid(sid).orElse(null);
        if (message == null || status == null) {
            log.debug("Status {} of message {} that we do not know", webhook.param("MessageStatus"), sid);
            return;
        }
        Integer code = number(webhook.param("ErrorCode"));
        String detail = code == null ? null : "Twilio error " + code
                + (webhook.param("ErrorMessage") == null ? "" : ": " + webhook.param("ErrorMessage"));
        if (message.advance(status, code, detail, clock.instant())) {
            messages.save(message);
            publish(message);
        }
    }

    @Override
    public ConversationMessage send(ContactId contactId, String agent, String body) {
        ContactSnapshot contact = contacts.find(contactId).orElseThrow(() -> new NotFoundException("Contact", contactId));
        Conversation conversation = conversations.findByContactId(contactId.value())
                .orElseThrow(() -> new NotFoundException("Conversation", contactId));
        if (!agent.equals(routing.assignedAgent(contactId))) {
            throw new NotPermittedException("Only the agent connected with conversation " + contactId
                    + " may write to the customer");
        }
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            throw new InvalidInputException("body", "A message has 1 to " + MAX_BODY + " characters");
        }
        Instant now = clock.instant();
        var message = messages.save(TextMessage.outbound(conversation.id(), agent, conversation.hotlineAddress(),
                conversation.customerAddress(), body, now));
        if (optOuts.optedOut(conversation.customerAddress())) {
            message.failed(OPTED_OUT, "The customer opted out (STOP / 退订); nothing is sent until they text START",
                    now);
        } else {
            try {
                var sent = api.send(conversation.customerAddress(), conversation.hotlineAddress(), body,
                        properties.messagingStatusCallbackPath());
                message.accepted(sent.sid(), MessageStatus.of(sent.status()), clock.instant());
            } catch (ApiException refused) {
                message.failed(refused.getCode(), refused.getMessage(), clock.instant());
            } catch (RuntimeException unreachable) {
                message.failed(null, "Twilio could not be reached: " + unreachable.getMessage(), clock.instant());
            }
        }
        messages.save(message);
        if (message.status() == MessageStatus.FAILED) {
            log.warn("Reply {} of {} in conversation {} failed: {}", message.id(), agent, contactId,
                    message.errorMessage());
        }
        publish(message);
        return message.view(contactId);
    }

    @Override
    public List<ConversationMessage> messages(ContactId contactId) {
        Conversation conversation = conversations.findByContactId(contactId.value())
                .orElseThrow(() -> new NotFoundException("Conversation", contactId));
        return messages.findByConversationIdOrderByIdAsc(conversation.id()).stream()
                .map(m -> m.view(contactId)).toList();
    }

    /** Routing let the contact go, or (routing does not know it) the record says it ended. */
    private boolean over(ContactId contact) {
        RoutingStatus status = routing.status(contact);
        return status == RoutingStatus.ENDED || (status == RoutingStatus.NOT_ROUTED
                && contacts.find(contact).map(ContactSnapshot::isFinal).orElse(false));
    }

    /** The open conversation of this thread, or a new one when there is none or its contact is over. */
    private Conversation openConversation(Channel channel, String from, String to, String serviceSid, String body,
                                          Instant now) {
        String thread = Conversation.thread(channel, from, to);
        var open = conversations.findByOpenThread(thread).orElse(null);
        if (open != null && open.contactId() != null && over(new ContactId(open.contactId()))) {
            open.close(now);
            conversations.saveAndFlush(open);
            open = null;
        }
        if (open != null) {
            return open;
        }
        try {
            return conversations.saveAndFlush(new Conversation(thread, channel, from, to, serviceSid,
                    properties.queueOf(to), now));
        } catch (DataIntegrityViolationException raced) {
            return conversations.findByOpenThread(thread).orElseThrow(() -> raced);
        }
    }

    private boolean store(Conversation conversation, String sid, Webhook webhook, String body, Instant now) {
        try {
            messages.saveAndFlush(TextMessage.inbound(conversation.id(), sid, webhook.param("From"),
                    webhook.param("To"), body, number(webhook.param("NumSegments")), media(webhook), now));
            conversation.touched(now);
            conversations.save(conversation);
            return true;
        } catch (DataIntegrityViolationException duplicate) {
            log.debug("Message {} stored by a concurrent retry", sid);
            return false;
        }
    }

    private ContactId ensureContact(Conversation conversation, String body) {
        if (conversation.contactId() != null) {
            return new ContactId(conversation.contactId());
        }
        String customer = conversation.customerAddress();
        String number = customer.startsWith("whatsapp:") ? customer.substring("whatsapp:".length()) : customer;
        String subject = body == null || body.isBlank() ? null : body.length() > 500 ? body.substring(0, 500) : body;
        var contact = routing.arrive(new NewContact(conversation.channel(), PROVIDER, conversation.key(), number,
                conversation.hotlineAddress(), conversation.queue(), null, subject));
        conversation.attach(contact.id().value());
        conversations.save(conversation);
        return contact.id();
    }

    private void publish(TextMessage message) {
        Long contact = conversations.findById(message.conversationId()).map(Conversation::contactId).orElse(null);
        events.publishEvent(new MessageStatusChanged(contact == null ? null : new ContactId(contact), message.id(),
                message.messageSid(), message.status().name(), message.errorCode(), message.errorMessage(),
                message.statusAt()));
    }

    private static List<String> media(Webhook webhook) {
        Integer count = number(webhook.param("NumMedia"));
        var media = new ArrayList<String>();
        for (int i = 0; count != null && i < Math.min(count, 10); i++) {
            String url = webhook.param("MediaUrl" + i);
            if (url != null) {
                String type = webhook.param("MediaContentType" + i);
                media.add((type == null ? "application/octet-stream" : type) + " " + url);
            }
        }
        return media;
    }

    private static String required(Webhook webhook, String name) {
        String value = webhook.param(name);
        if (value == null) {
            throw new WebhookRefused(org.springframework.http.HttpStatus.BAD_REQUEST, "malformed-webhook",
                    "Missing " + name + " in a Twilio webhook to " + webhook.path());
        }
        return value;
    }

    /** A small integer field (ErrorCode, NumMedia, NumSegments); null when absent or not a number. */
    private static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
