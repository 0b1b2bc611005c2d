-- Contacts of every channel and their append-only history. Nothing here is ever deleted.
CREATE TABLE contact (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    channel         VARCHAR(16)  NOT NULL,
    provider        VARCHAR(16)  NOT NULL,
    external_id     VARCHAR(128) NULL,
    from_address    VARCHAR(255) NULL,
    from_e164       VARCHAR(16)  NULL,
    to_address      VARCHAR(255) NULL,
    queue           VARCHAR(64)  NOT NULL,
    customer_id     BIGINT       NULL,
    customer_tier   VARCHAR(16)  NULL,
    status          VARCHAR(16)  NOT NULL,
    outcome         VARCHAR(16)  NULL,
    agent           VARCHAR(64)  NULL,
    arrived_at      DATETIME(6)  NOT NULL,
    queued_at       DATETIME(6)  NULL,
    offered_at      DATETIME(6)  NULL,
    answered_at     DATETIME(6)  NULL,
    ended_at        DATETIME(6)  NULL,
    rings_to_answer INT          NULL,
    ring_period_ms  BIGINT       NOT NULL,
    offer_count     INT          NOT NULL DEFAULT 0,
    subject         VARCHAR(500) NULL,
    CONSTRAINT uk_contact_external UNIQUE (provider, external_id),
    INDEX ix_contact_from (from_e164),
    INDEX ix_contact_customer (customer_id, arrived_at),
    INDEX ix_contact_status (status, queue),
    INDEX ix_contact_arrived (arrived_at),
    INDEX ix_contact_agent (agent, arrived_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE contact_history (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contact_id  BIGINT       NOT NULL,
    at          DATETIME(6)  NOT NULL,
    action      VARCHAR(16)  NOT NULL,
    from_status VARCHAR(16)  NULL,
    to_status   VARCHAR(16)  NOT NULL,
    agent       VARCHAR(64)  NULL,
    detail      VARCHAR(255) NULL,
    CONSTRAINT fk_contact_history_contact FOREIGN KEY (contact_id) REFERENCES contact (id),
    INDEX ix_contact_history_contact (contact_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
