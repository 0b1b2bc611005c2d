-- Every supervisor listen / whisper / barge on a live call (issue 19): who, on which contact and agent, how, and
-- when it rang, started and ended. An audit log: rows are never deleted.
CREATE TABLE call_supervision (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    contact_id       BIGINT       NOT NULL,
    agent            VARCHAR(100) NOT NULL,
    supervisor       VARCHAR(100) NOT NULL,
    mode             VARCHAR(16)  NOT NULL,
    provider         VARCHAR(32)  NOT NULL,
    supervisor_phone VARCHAR(100) NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    failure          VARCHAR(100) NULL,
    requested_at     DATETIME(6)  NOT NULL,
    started_at       DATETIME(6)  NULL,
    ended_at         DATETIME(6)  NULL,
    PRIMARY KEY (id),
    KEY ix_call_supervision_contact (contact_id),
    KEY ix_call_supervision_requested (requested_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
