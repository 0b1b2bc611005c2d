-- Service taboos per call as the PBX reported them (seed 003 §3.4): who hung up first, long silences.
CREATE TABLE call_quality (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    contact_id          BIGINT       NOT NULL,
    agent               VARCHAR(64)  NULL,
    first_hang_up       VARCHAR(16)  NULL,
    agent_hung_up_first BOOLEAN      NOT NULL DEFAULT FALSE,
    silences            INT          NOT NULL DEFAULT 0,
    longest_silence_ms  BIGINT       NOT NULL DEFAULT 0,
    updated_at          DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_call_quality_contact (contact_id),
    KEY ix_call_quality_agent (agent, agent_hung_up_first)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
