-- Every message of a conversation, in and out. message_sid (Twilio's) makes inbound webhooks idempotent; an
-- outbound message Twilio refused keeps a NULL sid, status FAILED and Twilio's error code.
CREATE TABLE conversation_message (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    conversation_id BIGINT       NOT NULL,
    message_sid     VARCHAR(64)  NULL,
    direction       VARCHAR(16)  NOT NULL,
    author          VARCHAR(64)  NULL,
    from_address    VARCHAR(64)  NOT NULL,
    to_address      VARCHAR(64)  NOT NULL,
    body            MEDIUMTEXT   NULL,
    num_segments    INT          NULL,
    num_media       INT          NOT NULL DEFAULT 0,
    -- one line per attachment: content type, a space, the URL (MediaContentTypeN / MediaUrlN)
    media           MEDIUMTEXT   NULL,
    status          VARCHAR(24)  NOT NULL,
    error_code      INT          NULL,
    error_message   VARCHAR(500) NULL,
    created_at      DATETIME(6)  NOT NULL,
    status_at       DATETIME(6)  NOT NULL,
    CONSTRAINT uk_conversation_message_sid UNIQUE (message_sid),
    CONSTRAINT fk_conversation_message_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id),
    INDEX ix_conversation_message_conversation (conversation_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
