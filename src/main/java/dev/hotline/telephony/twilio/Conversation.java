package dev.hotline.telephony.twilio;

import dev.hotline.shared.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A text thread with one customer on one channel and one of our numbers, open until its contact ends. The next
 * message after that opens a new conversation (a new contact for the ACD).
 */
@Entity
@Table(name = "conversation")
class Conversation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "conversation_key")
    private String key;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Column(name = "customer_address")
    private String customerAddress;
    @Column(name = "hotline_address")
    private String hotlineAddress;
    @Column(name = "messaging_service_sid")
    private String messagingServiceSid;
    private String queue;
    @Column(name = "contact_id")
    private Long contactId;
    @Column(name = "open_thread")
    private String openThread;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "last_message_at")
    private Instant lastMessageAt;
    @Column(name = "closed_at")
    private Instant closedAt;

    protected Conversation() {
    }

    Conversation(String thread, Channel channel, String customerAddress, String hotlineAddress,
                 String messagingServiceSid, String queue, Instant at) {
        this.key = thread + "@" + at.toEpochMilli();
        this.channel = channel;
        this.customerAddress = customerAddress;
        this.hotlineAddress = hotlineAddress;
        this.messagingServiceSid = messagingServiceSid;
        this.queue = queue;
        this.openThread = thread;
        this.openedAt = at;
        this.lastMessageAt = at;
    }

    /** channel:customer:our number, e.g. {@code WHATSAPP:whatsapp:+8613800138000:whatsapp:+8675586001000}. */
    static String thread(Channel channel, String customerAddress, String hotlineAddress) {
        return channel + ":" + customerAddress + ":" + hotlineAddress;
    }

    void attach(long contactId) {
        this.contactId = contactId;
    }

    void touched(Instant at) {
        if (at.isAfter(lastMessageAt)) {
            lastMessageAt = at;
        }
    }

    void close(Instant at) {
        openThread = null;
        closedAt = at;
    }

    Long id() {
        return id;
    }

    String key() {
        return key;
    }

    Channel channel() {
        return channel;
    }

    String customerAddress() {
        return customerAddress;
    }

    String hotlineAddress() {
        return hotlineAddress;
    }

    String queue() {
        return queue;
    }

    Long contactId() {
        return contactId;
    }
}
