-- Routing queues: required skills, strategy, ring timings, escalation rings and on-call overflow targets.
CREATE TABLE routing_queue (
    id                BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name              VARCHAR(64) NOT NULL,
    strategy          VARCHAR(24) NOT NULL,
    ring_no_answer_ms BIGINT      NOT NULL,
    ring_period_ms    BIGINT      NOT NULL,
    alert_ring        INT         NOT NULL,
    widen_ring        INT         NOT NULL,
    overflow_ring     INT         NOT NULL,
    zone              VARCHAR(64) NOT NULL,
    created_at        DATETIME(6) NOT NULL,
    updated_at        DATETIME(6) NOT NULL,
    CONSTRAINT uk_routing_queue_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An agent serves a queue with every skill here at least at min_level (any level when a contact is widened).
CREATE TABLE routing_queue_skill (
    queue_id  BIGINT      NOT NULL,
    skill     VARCHAR(64) NOT NULL,
    min_level INT         NOT NULL,
    PRIMARY KEY (queue_id, skill),
    CONSTRAINT fk_routing_queue_skill_queue FOREIGN KEY (queue_id) REFERENCES routing_queue (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who takes the overflow: days (e.g. MONDAY,TUESDAY), local from/to time in the queue's zone, phone number.
CREATE TABLE routing_on_call (
    queue_id  BIGINT       NOT NULL,
    position  INT          NOT NULL,
    days      VARCHAR(80)  NOT NULL,
    from_time TIME         NOT NULL,
    to_time   TIME         NOT NULL,
    phone     VARCHAR(32)  NOT NULL,
    PRIMARY KEY (queue_id, position),
    CONSTRAINT fk_routing_on_call_queue FOREIGN KEY (queue_id) REFERENCES routing_queue (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The default queue every contact without a queue goes to (defaults as in hotline.routing.*).
INSERT INTO routing_queue (name, strategy, ring_no_answer_ms, ring_period_ms, alert_ring, widen_ring, overflow_ring,
                           zone, created_at, updated_at)
VALUES ('hotline', 'LONGEST_IDLE', 15000, 5000, 2, 3, 4, 'Asia/Shanghai', CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6));
