package dev.hotline.contact;

import dev.hotline.shared.ContactId;

import java.util.List;

/**
 * Text conversations (SMS, WhatsApp) as the agent console uses them: the message thread of a text contact. A
 * conversation is one contact; only the agent connected with it may write
 * ({@link dev.hotline.shared.NotPermittedException} otherwise). Declared here and implemented by the messaging adapter
 * (telephony), so the console writes to customers without depending on an adapter.
 */
public interface TextConversations {

    /**
     * Sends {@code body} to the customer. The message is always recorded and returned: {@code FAILED} with an error
     * code when it cannot go out (Twilio refused it, or the customer opted out with STOP / 退订: code 21610), and a
     * {@link MessageStatusChanged} is published either way.
     */
    ConversationMessage send(ContactId contact, String agent, String body);

    /** Every message of the conversation, oldest first. */
    List<ConversationMessage> messages(ContactId contact);
}
