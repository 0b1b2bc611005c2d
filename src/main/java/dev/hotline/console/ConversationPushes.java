package dev.hotline.console;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.contact.ConversationMessage;
import dev.hotline.contact.MessageReceived;
import dev.hotline.contact.MessageStatusChanged;
import dev.hotline.contact.TextConversations;
import dev.hotline.routing.ContactAssigned;
import dev.hotline.routing.ContactRouting;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Text conversations on the agent's console ({@code /user/queue/messages}): the thread so far when the agent accepts
 * it, then each customer message and each change of a reply's delivery status as it happens. Only the agent connected
 * with the contact gets them; messages that arrive while it still waits or rings come with the thread on accept.
 */
@Component
class ConversationPushes {

    /** The thread of one text contact, oldest message first. */
    record Conversation(String type, long contactId, Channel channel, String customer,
                        List<ConversationMessage> messages) {
    }

    /** Every text contact the agent works on (the answer to {@code /app/agent/conversations}). */
    record Conversations(String type, List<Conversation> conversations) {
    }

    /** {@code type} "message" (the customer wrote) or "message-status" (a reply was queued, sent, delivered, failed). */
    record MessageFrame(String type, long contactId, ConversationMessage message) {
    }

    private final ConsoleRelay relay;
    private final PushLanes lanes;
    private final ContactIntake contacts;
    private final ContactRouting routing;
    private final TextConversations conversations;

    ConversationPushes(ConsoleRelay relay, PushLanes lanes, ContactIntake contacts, ContactRouting routing,
                       TextConversations conversations) {
        this.routing = routing;
        this.relay = relay;
        this.lanes = lanes;
        this.contacts = contacts;
        this.conversations = conversations;
    }

    @EventListener
    void on(ContactAssigned e) {
        if (!e.channel().isVoice()) {
            lanes.run(e.agent(), () -> contacts.find(e.contactId()).flatMap(this::conversation)
                    .ifPresent(c -> relay.toAgent(e.agent(), Destinations.MESSAGES, c)));
        }
    }

    @EventListener
    void on(MessageReceived e) {
        push(e.contactId(), e.messageId(), "message");
    }

    @EventListener
    void on(MessageStatusChanged e) {
        if (e.contactId() != null) {
            push(e.contactId(), e.messageId(), "message-status");
        }
    }

    /** The thread of a contact, empty when it is no text conversation (a call, a letter). */
    Optional<Conversation> conversation(ContactSnapshot contact) {
        try {
            return Optional.of(new Conversation("conversation", contact.id().value(), contact.channel(),
                    contact.from(), conversations.messages(contact.id())));
        } catch (NotFoundException noThread) {
            return Optional.empty();
        }
    }

    private void push(ContactId contactId, long messageId, String type) {
        String agent = routing.assignedAgent(contactId);
        if (agent == null) {
            return;
        }
        lanes.run(agent, () -> conversations.messages(contactId).stream()
                .filter(m -> m.id() == messageId).findFirst()
                .ifPresent(m -> relay.toAgent(agent, Destinations.MESSAGES,
                        new MessageFrame(type, contactId.value(), m))));
    }
}
