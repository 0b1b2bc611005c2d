-- Agents: linked to a login (app_user.username), skills with levels, how to reach them, capacity per channel kind.
CREATE TABLE routing_agent (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL,
    display_name    VARCHAR(128) NOT NULL,
    extension       VARCHAR(32)  NULL,
    phone           VARCHAR(32)  NULL,
    client_identity VARCHAR(128) NULL,
    voice_capacity  INT          NOT NULL,
    text_capacity   INT          NOT NULL,
    ring_no_answers INT          NOT NULL DEFAULT 0,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uk_routing_agent_username UNIQUE (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE routing_agent_skill (
    agent_id BIGINT      NOT NULL,
    skill    VARCHAR(64) NOT NULL,
    level    INT         NOT NULL,
    PRIMARY KEY (agent_id, skill),
    CONSTRAINT fk_routing_agent_skill_agent FOREIGN KEY (agent_id) REFERENCES routing_agent (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every agent state change, append-only (the live state is in Redis).
CREATE TABLE agent_state_history (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    agent      VARCHAR(64)  NOT NULL,
    from_state VARCHAR(16)  NOT NULL,
    to_state   VARCHAR(16)  NOT NULL,
    reason     VARCHAR(128) NULL,
    contact_id BIGINT       NULL,
    at         DATETIME(6)  NOT NULL,
    INDEX ix_agent_state_history_agent_at (agent, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
