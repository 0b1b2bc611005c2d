-- People beyond agents: managers (general manager, department heads), the departments tickets are handed to, and how
-- each user is reached when something escalates (SPEC §5, seeds 003 §4.4, 004 §6.0).
CREATE TABLE department (
    code       VARCHAR(32)  NOT NULL PRIMARY KEY,
    name       VARCHAR(128) NOT NULL,
    head       VARCHAR(64)  NULL,
    created_at DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- department: a MANAGER with a department heads it; a MANAGER without one is a general manager.
-- supervisor: whose team an agent is in (escalations of the agent's tickets go there).
ALTER TABLE app_user
    ADD COLUMN email         VARCHAR(254) NULL,
    ADD COLUMN mobile        VARCHAR(16)  NULL,
    ADD COLUMN department    VARCHAR(32)  NULL,
    ADD COLUMN supervisor    VARCHAR(64)  NULL,
    ADD COLUMN notify_in_app BOOLEAN      NOT NULL DEFAULT TRUE,
    ADD COLUMN notify_email  BOOLEAN      NOT NULL DEFAULT TRUE,
    ADD COLUMN notify_sms    BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD INDEX ix_app_user_role (role, enabled);
