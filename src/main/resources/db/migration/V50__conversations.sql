-- Text conversations (SMS, WhatsApp) through Twilio: one open conversation per customer address, our number and
-- channel; each conversation is one contact (provider 'twilio-msg', external_id = conversation_key).
CREATE TABLE conversation (
    id                    BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    conversation_key      VARCHAR(128) NOT NULL,
    channel               VARCHAR(16)  NOT NULL,
    customer_address      VARCHAR(64)  NOT NULL,
    hotline_address       VARCHAR(64)  NOT NULL,
    messaging_service_sid VARCHAR(64)  NULL,
    queue                 VARCHAR(64)  NULL,
    contact_id            BIGINT       NULL,
    -- the thread while the conversation is open, NULL once closed: at most one open conversation per thread
    open_thread           VARCHAR(160) NULL,
    opened_at             DATETIME(6)  NOT NULL,
    last_message_at       DATETIME(6)  NOT NULL,
    closed_at             DATETIME(6)  NULL,
    CONSTRAINT uk_conversation_key UNIQUE (conversation_key),
    CONSTRAINT uk_conversation_open_thread UNIQUE (open_thread),
    INDEX ix_conversation_contact (contact_id),
    INDEX ix_conversation_customer (customer_address, opened_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Customers who texted STOP (or 退订) on a channel: nothing is sent to them until they text START.
CREATE TABLE messaging_opt_out (
    address      VARCHAR(64)  NOT NULL PRIMARY KEY,
    opted_out    BIT(1)       NOT NULL,
    keyword      VARCHAR(32)  NOT NULL,
    changed_at   DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
