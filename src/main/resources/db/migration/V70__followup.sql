-- Return visits (回访) and satisfaction surveys (满意度调查), SPEC §7. Customers and tickets are referenced by id only
-- (other modules' records); nothing here is deleted.

-- A visit to make: by tier schedule (KEY every 6 months, LONG_TERM yearly), after a closed complaint or repair, or by
-- hand. assignee NULL = the pool every agent may take from. open_tier_key is the customer id while a tier task is
-- open and NULL otherwise, so the unique index lets the planning job insert set-based with INSERT IGNORE and never
-- plan a customer twice, however many nodes run it.
CREATE TABLE visit_task (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id   BIGINT        NOT NULL,
    product_id    BIGINT        NULL,
    ticket_id     BIGINT        NULL,
    ticket_number VARCHAR(20)   NULL,
    reason        VARCHAR(16)   NOT NULL,
    due_on        DATE          NOT NULL,
    assignee      VARCHAR(64)   NULL,
    status        VARCHAR(12)   NOT NULL,
    channel       VARCHAR(12)   NULL,
    outcome       VARCHAR(16)   NULL,
    note          VARCHAR(2000) NULL,
    open_tier_key BIGINT        NULL,
    created_at    DATETIME(6)   NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    done_at       DATETIME(6)   NULL,
    done_by       VARCHAR(64)   NULL,
    CONSTRAINT uk_visit_task_ticket UNIQUE (ticket_id),
    CONSTRAINT uk_visit_task_open_tier UNIQUE (open_tier_key),
    INDEX ix_visit_task_customer_done (customer_id, status, done_at),
    INDEX ix_visit_task_status_due (status, due_on),
    INDEX ix_visit_task_assignee (assignee, status, due_on),
    INDEX ix_visit_task_done_at (done_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One survey per ticket or visit (or by hand): five dimensions of 001 §十 on three levels, its score and free text.
-- token_nonce is the random part of the public link; the link is usable while status is INVITED and now < expires_at.
CREATE TABLE survey (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id   BIGINT        NOT NULL,
    ticket_id     BIGINT        NULL,
    ticket_number VARCHAR(20)   NULL,
    ticket_type   VARCHAR(24)   NULL,
    visit_task_id BIGINT        NULL,
    phone         VARCHAR(16)   NULL,
    status        VARCHAR(12)   NOT NULL,
    channel       VARCHAR(12)   NULL,
    token_nonce   VARCHAR(43)   NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    expires_at    DATETIME(6)   NOT NULL,
    answered_at   DATETIME(6)   NULL,
    answered_by   VARCHAR(64)   NULL,
    quality       VARCHAR(8)    NULL,
    delivery      VARCHAR(8)    NULL,
    service       VARCHAR(8)    NULL,
    price         VARCHAR(8)    NULL,
    packaging     VARCHAR(8)    NULL,
    score         DECIMAL(5, 2) NULL,
    satisfied     BOOLEAN       NULL,
    comment       VARCHAR(2000) NULL,
    CONSTRAINT uk_survey_ticket UNIQUE (ticket_id),
    INDEX ix_survey_created (created_at),
    INDEX ix_survey_answered (answered_at),
    INDEX ix_survey_phone_status (phone, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The stored monthly report (003 §3.7): one row per month, written once by the scheduled job (the primary key makes a
-- second node's insert a no-op) or regenerated on demand by a supervisor.
CREATE TABLE followup_report (
    period       CHAR(7)     NOT NULL PRIMARY KEY,
    generated_at DATETIME(6) NOT NULL,
    generated_by VARCHAR(64) NOT NULL,
    body         LONGTEXT    NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
