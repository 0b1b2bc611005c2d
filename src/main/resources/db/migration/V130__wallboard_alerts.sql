-- Wallboard alerts (ring with no agent, ring-no-answer, service level, ticket deadlines), kept so that a reloaded or
-- newly opened wallboard still shows them, with the supervisor who acknowledged each and when.
CREATE TABLE wallboard_alert (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(32)   NOT NULL,
    payload         VARCHAR(2000) NOT NULL,
    raised_at       DATETIME(6)   NOT NULL,
    acknowledged_by VARCHAR(64)   NULL,
    acknowledged_at DATETIME(6)   NULL,
    INDEX ix_wallboard_alert_raised (raised_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
