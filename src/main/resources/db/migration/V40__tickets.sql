-- Tickets (工单): one per contact or shared by several, with append-only history. Nothing here is ever deleted.
CREATE TABLE ticket (
    id                     BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    number                 VARCHAR(20)   NOT NULL,
    type                   VARCHAR(24)   NULL,
    status                 VARCHAR(24)   NOT NULL,
    category               VARCHAR(16)   NULL,
    severity               VARCHAR(8)    NULL,
    customer_id            BIGINT        NULL,
    subject                VARCHAR(500)  NULL,
    description            TEXT          NULL,
    product_serial         VARCHAR(64)   NULL,
    assignee               VARCHAR(64)   NULL,
    created_by             VARCHAR(64)   NOT NULL,
    opened_at              DATETIME(6)   NOT NULL,
    registered_at          DATETIME(6)   NULL,
    closed_at              DATETIME(6)   NULL,
    reopen_count           INT           NOT NULL DEFAULT 0,
    escalated              BOOLEAN       NOT NULL DEFAULT FALSE,
    repeat_repair_of       VARCHAR(20)   NULL,
    -- complaint (seed 000 §三.2)
    order_no               VARCHAR(64)   NULL,
    part_no                VARCHAR(64)   NULL,
    ship_date              DATE          NULL,
    quantity               INT           NULL,
    defect_quantity        INT           NULL,
    customer_demand        VARCHAR(1000) NULL,
    cause                  VARCHAR(1000) NULL,
    responsible_department VARCHAR(128)  NULL,
    solution               VARCHAR(2000) NULL,
    -- repair (seed 001 §7–8, 003 §3.1.6)
    warranty               VARCHAR(16)   NULL,
    charge                 VARCHAR(24)   NULL,
    parts_in_stock         BOOLEAN       NULL,
    on_site_visit          BOOLEAN       NULL,
    remote_site            BOOLEAN       NULL,
    arrived_on_site_at     DATETIME(6)   NULL,
    -- return / exchange (seed 001 §5–6)
    return_reason          VARCHAR(40)   NULL,
    version                BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uk_ticket_number UNIQUE (number),
    INDEX ix_ticket_customer (customer_id, opened_at),
    INDEX ix_ticket_status (status, type),
    INDEX ix_ticket_assignee (assignee, status),
    INDEX ix_ticket_opened (opened_at),
    INDEX ix_ticket_serial (product_serial, opened_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who did what to a ticket: transitions, field changes, comments, links, escalations. Append-only.
CREATE TABLE ticket_history (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id   BIGINT        NOT NULL,
    at          DATETIME(6)   NOT NULL,
    actor       VARCHAR(64)   NOT NULL,
    action      VARCHAR(16)   NOT NULL,
    from_status VARCHAR(24)   NULL,
    to_status   VARCHAR(24)   NOT NULL,
    note        VARCHAR(2000) NULL,
    CONSTRAINT fk_ticket_history_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    INDEX ix_ticket_history_ticket (ticket_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each contact belongs to exactly one ticket; moving it to another ticket rewrites this row and logs both histories.
CREATE TABLE ticket_contact (
    contact_id BIGINT      NOT NULL PRIMARY KEY,
    ticket_id  BIGINT      NOT NULL,
    linked_at  DATETIME(6) NOT NULL,
    linked_by  VARCHAR(64) NOT NULL,
    CONSTRAINT fk_ticket_contact_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    INDEX ix_ticket_contact_ticket (ticket_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Per-day counter behind CS-yyyyMMdd-NNNN; the row is locked (SELECT ... FOR UPDATE) while a number is taken.
CREATE TABLE ticket_number_sequence (
    day        DATE NOT NULL PRIMARY KEY,
    last_value INT  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- SLA clocks: one per ticket and kind; stopped_at is set when the step is done (or no longer applies).
CREATE TABLE ticket_deadline (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id  BIGINT      NOT NULL,
    kind       VARCHAR(24) NOT NULL,
    started_at DATETIME(6) NOT NULL,
    near_at    DATETIME(6) NOT NULL,
    due_at     DATETIME(6) NOT NULL,
    stopped_at DATETIME(6) NULL,
    CONSTRAINT uk_ticket_deadline UNIQUE (ticket_id, kind),
    CONSTRAINT fk_ticket_deadline_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    INDEX ix_ticket_deadline_open (stopped_at, near_at),
    INDEX ix_ticket_deadline_due (stopped_at, due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Alerts raised by the deadline watch. The unique key makes each alert fire once, however many nodes or runs overlap.
CREATE TABLE ticket_alert (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id     BIGINT      NOT NULL,
    deadline_kind VARCHAR(24) NOT NULL,
    alert_kind    VARCHAR(8)  NOT NULL,
    due_at        DATETIME(6) NOT NULL,
    raised_at     DATETIME(6) NOT NULL,
    CONSTRAINT uk_ticket_alert UNIQUE (ticket_id, deadline_kind, alert_kind),
    CONSTRAINT fk_ticket_alert_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ShedLock (its documented MySQL schema; times compared with the database clock): a scheduled job runs on one node at a time.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_by  VARCHAR(255) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
