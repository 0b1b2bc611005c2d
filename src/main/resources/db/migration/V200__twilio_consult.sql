-- Twilio consultative transfers (issue 19): the two calls the app placed into the consult's conference, the first
-- agent's and the target's, so that whichever node handles the completion, the return or a status callback can
-- move or hang them up. A row lives while its consult runs.
CREATE TABLE twilio_consult (
    contact_id      BIGINT      NOT NULL,
    conference      VARCHAR(64) NOT NULL,
    target          VARCHAR(64) NOT NULL,
    agent_call_sid  VARCHAR(64),
    target_call_sid VARCHAR(64),
    created_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (contact_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
