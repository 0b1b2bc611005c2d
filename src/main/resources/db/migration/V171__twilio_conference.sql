-- Twilio calls moved from the agent's <Dial> bridge into a conference so a supervisor could join (issue 19). The
-- row is written before the agent's leg is moved: the caller's dial action, on whichever node it lands, then puts
-- the caller into the same conference instead of hanging up.
CREATE TABLE twilio_conference (
    contact_id     BIGINT      NOT NULL,
    name           VARCHAR(64) NOT NULL,
    agent_call_sid VARCHAR(64) NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (contact_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
