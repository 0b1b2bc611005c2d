package dev.hotline.telephony.twilio;

import dev.hotline.contact.ConversationMessage;
import dev.hotline.shared.ContactId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** One message of a conversation, in or out. */
@Entity
@Table(name = "conversation_message")
class TextMessage {

    enum Direction { INBOUND, OUTBOUND }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "conversation_id")
    private long conversationId;
    @Column(name = "message_sid")
    private String messageSid;
    @Enumerated(EnumType.STRING)
    private Direction direction;
    private String author;
    @Column(name = "from_address")
    private String fromAddress;
    @Column(name = "to_address")
    private String toAddress;
    private String body;
    @Column(name = "num_segments")
    private Integer numSegments;
    @Column(name = "num_media")
    private int numMedia;
    private String media;
    @Enumerated(EnumType.STRING)
    private MessageStatus status;
    @Column(name = "error_code")
    private Integer errorCode;
    @Column(name = "error_message")
    private String errorMessage;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "status_at")
    private Instant statusAt;

    protected TextMessage() {
    }

    static TextMessage inbound(long conversationId, String sid, String from, String to, String body,
                               Integer segments, List<String> media, Instant at) {
        var m = new TextMessage(conversationId, Direction.INBOUND, null, from, to, body, MessageStatus.RECEIVED, at);
        m.messageSid = sid;
        m.numSegments = segments;
        m.numMedia = media.size();
        m.media = media.isEmpty() ? null : String.join("\n", media);
        return m;
    }

    static TextMessage outbound(long conversationId, String agent, String from, String to, String body, Instant at) {
        return new TextMessage(conversationId, Direction.OUTBOUND, agent, from, to, body, MessageStatus.SENDING, at);
    }

    private TextMessage(long conversationId, Direction direction, String author, String from, String to, String body,
                        MessageStatus status, Instant at) {
        this.conversationId = conversationId;
        this.direction = direction;
        this.author = author;
        this.fromAddress = from;
        this.toAddress = to;
        this.body = body;
        this.status = status;
        this.createdAt = at;
        this.statusAt = at;
    }

    void accepted(String sid, MessageStatus status, Instant at) {
        this.messageSid = sid;
        advance(status == null ? MessageStatus.QUEUED : status, null, null, at);
    }

    void failed(Integer code, String message, Instant at) {
        this.status = MessageStatus.FAILED;
        this.errorCode = code;
        this.errorMessage = message == null || message.length() <= 500 ? message : message.substring(0, 500);
        this.statusAt = at;
    }

    /** Moves forward only: returns false for a repeated or overtaken status. */
    boolean advance(MessageStatus to, Integer code, String message, Instant at) {
        if (!to.isAfter(status)) {
            return false;
        }
        if (to == MessageStatus.FAILED || to == MessageStatus.UNDELIVERED) {
            failed(code, message, at);
            status = to;
        } else {
            status = to;
            statusAt = at;
        }
        return true;
    }

    ConversationMessage view(ContactId contact) {
        return new ConversationMessage(id, contact, messageSid, direction.name(), author, fromAddress, toAddress, body,
                media == null ? List.of() : List.of(media.split("\n")), status.name(), errorCode, errorMessage,
                createdAt, statusAt);
    }

    Long id() {
        return id;
    }

    long conversationId() {
        return conversationId;
    }

    String messageSid() {
        return messageSid;
    }

    MessageStatus status() {
        return status;
    }

    Integer errorCode() {
        return errorCode;
    }

    String errorMessage() {
        return errorMessage;
    }

    Instant statusAt() {
        return statusAt;
    }
}
