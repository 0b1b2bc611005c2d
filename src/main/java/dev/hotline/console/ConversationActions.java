package dev.hotline.console;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.TextConversations;
import dev.hotline.routing.AgentPresence;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.NotFoundException;
import dev.hotline.shared.NotPermittedException;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;

import java.security.Principal;
import java.util.Optional;

/**
 * An agent's side of text conversations. A reply goes out through the messaging adapter; the agent sees it (queued, or
 * failed with the provider's error code) and its later delivery as {@code message-status} pushes. Only the agent
 * connected with the contact may write or read; refusals come back on /user/queue/errors.
 */
@Controller
@MessageMapping("/agent")
class ConversationActions {

    record Reply(String body) {
    }

    private final TextConversations conversations;
    private final ContactIntake contacts;
    private final AgentPresence presence;
    private final ConversationPushes pushes;

    ConversationActions(TextConversations conversations, ContactIntake contacts, AgentPresence presence,
                        ConversationPushes pushes) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.presence = presence;
        this.pushes = pushes;
    }

    @MessageMapping("/contacts/{contactId}/messages")
    void reply(@DestinationVariable String contactId, @Payload Reply reply, Principal agent) {
        conversations.send(ContactId.of(contactId), agent.getName(), reply.body());
    }

    /** The threads of the agent's active text contacts, to this session only: a (re)connecting console asks first. */
    @MessageMapping("/conversations")
    @SendToUser(destinations = Destinations.MESSAGES, broadcast = false)
    ConversationPushes.Conversations conversations(Principal agent) {
        return new ConversationPushes.Conversations("conversations", presence.status(agent.getName()).activeContacts()
                .stream().map(contacts::find).flatMap(Optional::stream)
                .map(pushes::conversation).flatMap(Optional::stream).toList());
    }

    /** One thread, e.g. after a gap in the push sequence. */
    @MessageMapping("/contacts/{contactId}/conversation")
    @SendToUser(destinations = Destinations.MESSAGES, broadcast = false)
    ConversationPushes.Conversation conversation(@DestinationVariable String contactId, Principal agent) {
        ContactId id = ContactId.of(contactId);
        ContactSnapshot contact = contacts.find(id).orElseThrow(() -> new NotFoundException("Contact", id));
        if (!agent.getName().equals(contact.agent())) {
            throw new NotPermittedException("Conversation " + id + " belongs to another agent");
        }
        return pushes.conversation(contact).orElseThrow(() -> new NotFoundException("Conversation", id));
    }
}
