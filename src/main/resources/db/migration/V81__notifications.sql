-- Notifications of escalations (in-app, e-mail, SMS). The unique key (event_key, recipient) makes every event notify
-- a person once, however many nodes or redeliveries handle it.
CREATE TABLE notification (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_key       VARCHAR(128)  NOT NULL,
    recipient       VARCHAR(64)   NOT NULL,
    rule            VARCHAR(32)   NOT NULL,
    ticket_id       BIGINT        NULL,
    ticket_number   VARCHAR(20)   NULL,
    title           VARCHAR(255)  NOT NULL,
    body            VARCHAR(2000) NOT NULL,
    occurred_at     DATETIME(6)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    acknowledged_at DATETIME(6)   NULL,
    CONSTRAINT uk_notification_event_recipient UNIQUE (event_key, recipient),
    INDEX ix_notification_recipient (recipient, acknowledged_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per notification and outside channel (EMAIL, SMS); retried with back-off until SENT or FAILED.
CREATE TABLE notification_delivery (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    notification_id BIGINT        NOT NULL,
    channel         VARCHAR(8)    NOT NULL,
    address         VARCHAR(254)  NOT NULL,
    status          VARCHAR(8)    NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    sent_at         DATETIME(6)   NULL,
    last_error      VARCHAR(1000) NULL,
    CONSTRAINT uk_notification_delivery UNIQUE (notification_id, channel),
    CONSTRAINT fk_notification_delivery FOREIGN KEY (notification_id) REFERENCES notification (id),
    INDEX ix_notification_delivery_due (status, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
